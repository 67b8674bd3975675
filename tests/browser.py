"""Headless Chromium for tests: load a page, save a screenshot, report console errors.

Chromium's ``--enable-logging=stderr`` prints every console message at the same log level (so a
``console.log`` and a ``console.error`` look alike) and says nothing of failed resource loads, so this
helper speaks the DevTools protocol instead, over ``--remote-debugging-pipe`` (JSON messages ending
in a NUL byte on file descriptors 3 and 4). That needs only the standard library: no websocket
client, no new dependency. Reported as errors:

* uncaught exceptions (``Runtime.exceptionThrown``),
* ``console.error`` and failed ``console.assert`` (``Runtime.consoleAPICalled``),
* browser log entries of level error, e.g. a blocked or missing resource (``Log.entryAdded``),
* failed loads and HTTP status >= 400 for any request the page makes (``Network.*``).

Use :func:`chromium_path` (or the ``needs_chromium`` mark) to skip when Chromium is absent; the
Makefile installs the Debian ``chromium`` package before the tests.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

__all__ = [
    "CHROMIUM",
    "BrowserError",
    "chromium_path",
    "evaluate_in_page",
    "needs_chromium",
    "screenshot_and_console",
]

CHROMIUM = "/usr/bin/chromium"
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)

_LAUNCHER = (
    "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); "
    "os.execv(sys.argv[3], sys.argv[3:])"
)

needs_chromium = pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"{CHROMIUM} is not installed")


class BrowserError(RuntimeError):
    """Chromium could not be started or did not answer in time."""


def chromium_path() -> str:
    """The Chromium executable, or skip the calling test when it is not installed."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is not installed")
    return CHROMIUM


def _url(url_or_path: str | Path) -> str:
    text = str(url_or_path)
    if "://" in text or text.startswith(("about:", "data:")):
        return text
    path, hash_mark, fragment = text.partition("#")
    return Path(path).resolve().as_uri() + hash_mark + fragment


class _Pipe:
    """A DevTools protocol session over Chromium's debugging pipe."""

    def __init__(self, process: subprocess.Popen[bytes], write_fd: int, read_fd: int) -> None:
        self.process = process
        self.write_fd = write_fd
        self.read_fd = read_fd
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> int:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            written = os.write(self.write_fd, data)
            data = data[written:]
        return self.next_id

    def _read_one(self, deadline: float) -> dict[str, Any] | None:
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.read_fd], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(self.read_fd, 1 << 20)
            if not chunk:
                raise BrowserError("Chromium closed the debugging pipe")
            self.buffer += chunk
        raw, _, self.buffer = self.buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        session: str | None = None,
        timeout: float = 30,
    ) -> dict[str, Any]:
        """Send a command and wait for its answer, keeping the events that arrive meanwhile."""
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + timeout
        while True:
            message = self._read_one(deadline)
            if message is None:
                raise BrowserError(f"no answer to {method} within {timeout} s")
            if message.get("id") == wanted:
                if "error" in message:
                    raise BrowserError(f"{method} failed: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            if "method" in message:
                self.events.append(message)

    def wait_for(self, method: str, timeout: float) -> bool:
        """Wait until an event named ``method`` has arrived (or the time is up)."""
        if any(e.get("method") == method for e in self.events):
            return True
        deadline = time.monotonic() + timeout
        while True:
            message = self._read_one(deadline)
            if message is None:
                return False
            if "method" in message:
                self.events.append(message)
                if message["method"] == method:
                    return True

    def drain(self, quiet: float) -> None:
        """Collect events until none has arrived for ``quiet`` seconds."""
        while True:
            message = self._read_one(time.monotonic() + quiet)
            if message is None:
                return
            if "method" in message:
                self.events.append(message)


def _remote_text(arg: dict[str, Any]) -> str:
    if "value" in arg:
        value = arg["value"]
        return value if isinstance(value, str) else json.dumps(value)
    return str(arg.get("description") or arg.get("unserializableValue") or arg.get("type", ""))


def _errors(events: list[dict[str, Any]]) -> list[str]:
    errors: list[str] = []
    urls: dict[str, str] = {}
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            urls[params.get("requestId", "")] = params.get("request", {}).get("url", "")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = details.get("exception", {}).get("description") or details.get("text", "exception")
            where = f"{details.get('url', '')}:{details.get('lineNumber', 0) + 1}"
            errors.append(f"uncaught: {text.splitlines()[0]} ({where})")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append("console.error: " + " ".join(_remote_text(a) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            errors.append(f"log: {entry.get('text', '')} {entry.get('url', '')}".rstrip())
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            url = urls.get(params.get("requestId", ""), "?")
            errors.append(f"network: {params.get('errorText', 'failed')} {url}")
        elif method == "Network.responseReceived":
            response = params.get("response", {})
            if int(response.get("status", 0)) >= 400:
                errors.append(f"http {response.get('status')}: {response.get('url', '')}")
    return list(dict.fromkeys(errors))


def _pipe_above(lowest: int) -> tuple[int, int]:
    """A pipe whose two descriptors are numbered ``lowest`` or more (close-on-exec, as os.pipe)."""
    read_fd, write_fd = os.pipe()
    high = (
        fcntl.fcntl(read_fd, fcntl.F_DUPFD_CLOEXEC, lowest),
        fcntl.fcntl(write_fd, fcntl.F_DUPFD_CLOEXEC, lowest),
    )
    os.close(read_fd)
    os.close(write_fd)
    return high


@contextlib.contextmanager
def _open_page(
    url_or_path: str | Path, *, width: int, height: int, timeout: float, color_scheme: str | None
) -> Iterator[tuple[_Pipe, str]]:
    """Start Chromium, load the page and wait for its load event; yield the pipe and page session."""
    executable = chromium_path()
    url = _url(url_or_path)
    to_browser_read, to_browser_write = _pipe_above(10)
    from_browser_read, from_browser_write = _pipe_above(10)
    profile = tempfile.mkdtemp(prefix="charter-chromium-")

    # Chromium reads commands on fd 3 and writes answers on fd 4. A tiny Python launcher moves the
    # pipe ends there and execs Chromium (the ends are numbered 10 or more, so the first move cannot
    # overwrite the second's source; /bin/sh would do, but dash only knows descriptors 0 to 9).
    flags = [*_FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"]
    launcher = [sys.executable, "-c", _LAUNCHER, str(to_browser_read), str(from_browser_write), executable]
    try:
        process = subprocess.Popen(
            [*launcher, *flags],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(to_browser_read, from_browser_write),
        )
    except OSError as exc:
        shutil.rmtree(profile, ignore_errors=True)
        raise BrowserError(f"cannot start {executable}: {exc}") from exc
    finally:
        os.close(to_browser_read)
        os.close(from_browser_write)
    pipe = _Pipe(process, to_browser_write, from_browser_read)
    try:
        targets = pipe.call("Target.getTargets", timeout=timeout)["targetInfos"]
        page = next((t for t in targets if t.get("type") == "page"), None)
        target_id = (
            page["targetId"] if page else pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        )
        session = pipe.call("Target.attachToTarget", {"targetId": target_id, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            pipe.call(f"{domain}.enable", session=session)
        pipe.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        if color_scheme is not None:
            features = [{"name": "prefers-color-scheme", "value": color_scheme}]
            pipe.call("Emulation.setEmulatedMedia", {"features": features}, session=session)
        pipe.events.clear()
        navigation = pipe.call("Page.navigate", {"url": url}, session=session, timeout=timeout)
        if navigation.get("errorText"):
            raise BrowserError(f"cannot load {url}: {navigation['errorText']}")
        if not pipe.wait_for("Page.loadEventFired", timeout):
            raise BrowserError(f"{url} did not finish loading within {timeout} s")
        pipe.drain(0.3)
        yield pipe, session
    finally:
        try:
            pipe.send("Browser.close")
            process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()
            process.wait(timeout=10)
        os.close(to_browser_write)
        os.close(from_browser_read)
        shutil.rmtree(profile, ignore_errors=True)


def screenshot_and_console(
    url_or_path: str | Path,
    png_path: str | Path,
    *,
    width: int = 1280,
    height: int = 2000,
    timeout: float = 30.0,
    color_scheme: str | None = None,
) -> list[str]:
    """Open the page in headless Chromium, save a ``width`` x ``height`` PNG, return its errors.

    The list holds one line per uncaught exception, ``console.error``, error log entry, failed
    request or HTTP error response, in the order they happened; an empty list means a clean load.
    ``color_scheme`` (``"light"`` or ``"dark"``) emulates ``prefers-color-scheme``.
    """
    with _open_page(url_or_path, width=width, height=height, timeout=timeout, color_scheme=color_scheme) as (
        pipe,
        session,
    ):
        shot = pipe.call("Page.captureScreenshot", {"format": "png"}, session=session, timeout=timeout)
        Path(png_path).write_bytes(base64.b64decode(shot["data"]))
        pipe.drain(0.05)
        return _errors(pipe.events)


def evaluate_in_page(
    url_or_path: str | Path, expression: str, *, width: int = 1280, height: int = 2000, timeout: float = 30.0
) -> tuple[Any, list[str]]:
    """Load the page, evaluate a JavaScript expression in it (awaiting a promise); return the value
    (JSON-serialisable) and the page's errors as :func:`screenshot_and_console` reports them."""
    with _open_page(url_or_path, width=width, height=height, timeout=timeout, color_scheme=None) as (
        pipe,
        session,
    ):
        params = {"expression": expression, "returnByValue": True, "awaitPromise": True}
        result = pipe.call("Runtime.evaluate", params, session=session, timeout=timeout)
        pipe.drain(0.05)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text", "exception")
            raise BrowserError(f"evaluation failed: {text}")
        return result.get("result", {}).get("value"), _errors(pipe.events)
