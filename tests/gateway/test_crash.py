"""A gateway killed with SIGKILL under load restarts with its store intact (real uvicorn subprocess)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from click.testing import CliRunner
from tests.gateway.conftest import write_spec
from tests.gateway.upstream import Reply, ScriptedUpstream, free_port

from charter.cli._serve import serve
from charter.store import open_store

MODEL = "scripted-model"


def add_key(keys: Path, tenant: str) -> str:
    result = CliRunner().invoke(serve, ["keys", "add", "--keys", str(keys), "--tenant", tenant, "--rpm", "0"])
    assert result.exit_code == 0, result.output
    return result.stdout.strip().splitlines()[-1]


@contextmanager
def gateway_process(args: list[str], port: int, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    command = [
        sys.executable,
        "-c",
        "from charter.cli._serve import serve; serve()",
        *args,
        "--port",
        str(port),
    ]
    with log.open("ab") as err:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the gateway did not start: {log.read_text()}")
            time.sleep(0.05)
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(10)


def load(port: int, key: str, stop: threading.Event, answered: list[str], worker: int) -> None:
    """Send requests until stopped or the gateway dies; keep the decision id of every whole reply."""
    headers = {"authorization": f"Bearer {key}"}
    url = f"http://127.0.0.1:{port}/v1/chat/completions"
    messages = [{"role": "user", "content": f"worker {worker}: hello"}]
    with httpx.Client(timeout=5) as client:
        n = 0
        while not stop.is_set():
            n += 1
            stream = n % 3 == 0
            try:
                response = client.post(
                    url, json={"model": MODEL, "messages": messages, "stream": stream}, headers=headers
                )
            except httpx.HTTPError:
                return  # killed
            if response.status_code == 200 and (not stream or response.text.endswith("data: [DONE]\n\n")):
                answered.append(response.headers["x-charter-decision-id"])


def test_sigkill_under_load_loses_no_answered_decision(tmp_path: Path) -> None:
    spec = write_spec(tmp_path)
    keys = tmp_path / "keys.yaml"
    key = add_key(keys, "load")
    db = tmp_path / "decisions.db"
    port = free_port()
    with ScriptedUpstream(Reply(content="Sure, mail is fine. " * 4, delay=0.002)).running() as upstream:
        upstream.record = False
        args = [
            "--spec",
            str(spec),
            "--upstream",
            upstream.url,
            "--keys",
            str(keys),
            "--store",
            str(db),
            "--log-level",
            "warning",
        ]
        answered: list[str] = []
        stop = threading.Event()
        with gateway_process(args, port, tmp_path / "gateway.log") as process:
            workers = [
                threading.Thread(target=load, args=(port, key, stop, answered, i), daemon=True)
                for i in range(8)
            ]
            for thread in workers:
                thread.start()
            time.sleep(1.5)
            os.kill(process.pid, signal.SIGKILL)
            process.wait(10)
            stop.set()
            for thread in workers:
                thread.join(10)
        assert len(answered) > 50, f"too little load: {len(answered)} replies"
        store = open_store(db)
        try:
            missing = [d for d in answered if store.get_decision(d) is None]
            assert missing == [], f"{len(missing)} of {len(answered)} answered decisions are not stored"
            report = store.verify_chain()
            assert report.ok, report.reason
            assert report.checked >= len(answered)
            last = store.get_decision(answered[-1])
            assert last is not None and last.action == "allow" and last.tenant == "load"
        finally:
            store.close()
        # it restarts on the same store, and the chain goes on
        with gateway_process(args, port, tmp_path / "gateway.log"):
            response = httpx.post(
                f"http://127.0.0.1:{port}/v1/chat/completions",
                json={"model": MODEL, "messages": [{"role": "user", "content": "after the crash"}]},
                headers={"authorization": f"Bearer {key}"},
                timeout=10,
            )
            assert response.status_code == 200
            decision_id = response.headers["x-charter-decision-id"]
        store = open_store(db)
        try:
            after = store.get_decision(decision_id)
            assert after is not None and after.seq is not None and after.seq > report.checked - 1
            assert store.verify_chain().ok
        finally:
            store.close()
