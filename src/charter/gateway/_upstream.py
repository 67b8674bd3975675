"""The upstream OpenAI-compatible endpoint, over one pooled ``aiohttp`` client session.

aiohttp rather than httpx here: the gateway makes one upstream call per request on its event loop,
and aiohttp's C-accelerated HTTP/1.1 client spends about a quarter of httpx's CPU time per call
(``bench/gateway.py``), which is most of the gateway's own overhead. Timeouts: ``timeout_s`` bounds
each wait for upstream bytes (the reply's head, a body chunk, the next stream event), not the whole
reply, so a long stream that keeps flowing is never cut; ``connect_timeout_s`` bounds connecting.

The upstream's API key comes from the environment (``CHARTER_UPSTREAM_API_KEY`` by default) and is
sent only in the ``Authorization`` header of upstream requests: it is scrubbed from anything the
upstream sends back before that text reaches a client or a log line, and never appears in a repr.

Failures are returned, not raised, as :class:`Failure` values the app turns into OpenAI-style errors.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import aiohttp

__all__ = ["Failure", "FailureKind", "Upstream", "UpstreamStream"]

FailureKind = Literal["timeout", "unreachable", "status", "malformed", "disconnected"]
_ERROR_CHARS = 500
#: exceptions a call to the upstream can end with (timeouts are ``TimeoutError`` subclasses)
_TRANSPORT_ERRORS = (TimeoutError, aiohttp.ClientError)


@dataclass(frozen=True, slots=True)
class Failure:
    """Why the upstream gave no usable answer."""

    kind: FailureKind
    message: str
    status: int | None = None
    error: dict[str, Any] | None = None
    retry_after: str | None = None

    @property
    def code(self) -> str:
        if self.kind == "status" and self.status == 429:
            return "upstream_rate_limited"
        if self.kind == "status" and self.status in (401, 403):
            return "upstream_auth"
        return {
            "timeout": "upstream_timeout",
            "unreachable": "upstream_unreachable",
            "status": "upstream_error",
            "malformed": "upstream_malformed",
            "disconnected": "upstream_disconnected",
        }[self.kind]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "code": self.code, "message": self.message, "status": self.status}


def _env_proxy(url: str) -> str | None:
    """The proxy for ``url`` from ``HTTP(S)_PROXY`` / ``ALL_PROXY`` and ``NO_PROXY``, as most HTTP
    clients honour them (credentials in the proxy URL included), or None."""
    scheme, _, rest = url.partition("://")
    host = rest.split("/", 1)[0].rsplit("@", 1)[-1]
    if urllib.request.proxy_bypass(host):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(scheme.lower()) or proxies.get("all") or None


class Upstream:
    """One pooled client session for ``POST {base}/chat/completions`` and ``GET {base}/models``."""

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        timeout_s: float = 120.0,
        connect_timeout_s: float = 10.0,
        max_connections: int = 512,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key or None
        self._timeout = aiohttp.ClientTimeout(
            total=None,
            connect=timeout_s + connect_timeout_s,  # waiting for a pooled connection, then connecting
            sock_connect=connect_timeout_s,
            sock_read=timeout_s,
        )
        self._max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None
        self._proxy = _env_proxy(self.base_url)
        self._key_bytes = self._api_key.encode() if self._api_key else None
        self._headers = {"content-type": "application/json", "user-agent": "charter-gateway"}
        if self._api_key:
            self._headers["authorization"] = f"Bearer {self._api_key}"

    def __repr__(self) -> str:
        return f"Upstream({self.base_url!r}, api_key={'set' if self._api_key else 'unset'})"

    def start(self) -> None:
        """Create the session (once). Call it inside the server's event loop."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._max_connections, keepalive_timeout=30.0),
                timeout=self._timeout,
                headers=self._headers,
                # the proxy is resolved once (``_env_proxy``): aiohttp's trust_env would read the
                # environment and ~/.netrc again on every request (about 0.1 ms each)
                trust_env=False,
            )

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self.start()
        assert self._session is not None
        return self._session

    async def aclose(self) -> None:
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    def scrub(self, text: str) -> str:
        """``text`` without the upstream key (an upstream may echo credentials in an error)."""
        if self._api_key and self._api_key in text:
            text = text.replace(self._api_key, "[upstream key]")
        return text

    # -- helpers -----------------------------------------------------------------------------
    def _transport_failure(self, exc: BaseException) -> Failure:
        detail = self.scrub(f"{type(exc).__name__}: {exc}")[:_ERROR_CHARS]
        if isinstance(exc, TimeoutError):
            return Failure("timeout", f"the upstream did not answer in time ({detail})")
        if isinstance(exc, aiohttp.ClientConnectorError | aiohttp.InvalidURL):
            return Failure("unreachable", f"cannot reach the upstream ({detail})")
        return Failure("disconnected", f"the upstream connection failed ({detail})")

    def _status_failure(self, status: int, headers: Mapping[str, str], body: bytes) -> Failure:
        error: dict[str, Any] | None = None
        message = ""
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("error"), dict):
            found = data["error"]
            message = str(found.get("message") or "")
            error = {
                "message": self.scrub(message)[:_ERROR_CHARS],
                "type": found.get("type") if isinstance(found.get("type"), str) else "upstream_error",
                "param": found.get("param") if isinstance(found.get("param"), str) else None,
                "code": found.get("code") if isinstance(found.get("code"), str | int) else None,
            }
        elif body:
            message = body.decode("utf-8", "replace")
        message = self.scrub(" ".join(message.split()))[:_ERROR_CHARS]
        return Failure(
            "status",
            f"the upstream answered HTTP {status}" + (f": {message}" if message else ""),
            status=status,
            error=error,
            retry_after=headers.get("retry-after"),
        )

    # -- calls -------------------------------------------------------------------------------
    async def _post(self, body: bytes) -> aiohttp.ClientResponse:
        """POST one chat completion. A pooled keep-alive connection that the upstream closed while
        it sat idle fails before any reply arrives; that request is sent once more, on a fresh
        connection (as the OpenAI SDK retries connection errors). Refused connections are not retried."""
        url = self.base_url + "/chat/completions"
        try:
            return await self._client().post(url, data=body, proxy=self._proxy)
        except aiohttp.ClientConnectorError:
            raise
        except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError):
            return await self._client().post(url, data=body, proxy=self._proxy)

    async def chat(self, body: bytes) -> tuple[dict[str, Any], bytes] | Failure:
        """One plain chat completion (``body``: the JSON request): the reply (parsed, raw) or a failure."""
        try:
            async with await self._post(body) as response:
                content = await response.read()
                status, headers = response.status, response.headers
        except _TRANSPORT_ERRORS as exc:
            return self._transport_failure(exc)
        if status != 200:
            return self._status_failure(status, headers, content)
        if self._key_bytes is not None and self._key_bytes in content:
            content = content.replace(self._key_bytes, b"[upstream key]")
        try:
            data = json.loads(content)
        except ValueError:
            return Failure("malformed", "the upstream's reply is not valid JSON", status=200)
        if not isinstance(data, dict) or not isinstance(data.get("choices"), list) or not data["choices"]:
            return Failure("malformed", "the upstream's reply has no choices", status=200)
        for choice in data["choices"]:
            if not isinstance(choice, dict) or not isinstance(choice.get("message"), dict):
                return Failure("malformed", "an upstream choice has no message", status=200)
        return data, content

    async def stream(self, body: bytes) -> UpstreamStream | Failure:
        """Open a streamed chat completion; the caller must ``aclose`` the returned stream."""
        try:
            response = await self._post(body)
        except _TRANSPORT_ERRORS as exc:
            return self._transport_failure(exc)
        if response.status != 200:
            try:
                content = await response.read()
            except _TRANSPORT_ERRORS as exc:
                return self._transport_failure(exc)
            finally:
                response.release()
            return self._status_failure(response.status, response.headers, content)
        kind = response.headers.get("content-type", "")
        if not kind.startswith("text/event-stream"):
            response.close()
            return Failure("malformed", f"the upstream did not stream (content-type {kind!r})", status=200)
        return UpstreamStream(self, response)

    async def models(self) -> dict[str, Any] | Failure:
        try:
            async with self._client().get(self.base_url + "/models", proxy=self._proxy) as response:
                content = await response.read()
                status, headers = response.status, response.headers
        except _TRANSPORT_ERRORS as exc:
            return self._transport_failure(exc)
        if status != 200:
            return self._status_failure(status, headers, content)
        try:
            data = json.loads(content)
        except ValueError:
            return Failure("malformed", "the upstream's model list is not valid JSON", status=200)
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            return Failure("malformed", "the upstream's model list has no data", status=200)
        return data


class UpstreamStream:
    """Server-sent events of one streamed completion: each ``data:`` payload parsed, until ``[DONE]``."""

    def __init__(self, upstream: Upstream, response: aiohttp.ClientResponse) -> None:
        self.upstream = upstream
        self.response = response
        self.done = False
        self.started = time.perf_counter()
        #: whether more of the stream had arrived already when the last event was yielded (the
        #: relay then judges once the events at hand are read, not at each of them)
        self.more = False

    async def _lines(self) -> AsyncIterator[str]:
        """The stream's lines (any of ``\\n``, ``\\r\\n`` endings), decoded, the upstream key scrubbed."""
        key = self.upstream._api_key
        pending = b""
        async for data in self.response.content.iter_any():
            pending += data
            if b"\n" not in data:
                continue
            *lines, pending = pending.split(b"\n")
            last = len(lines) - 1
            for index, raw in enumerate(lines):
                self.more = index < last
                line = raw.decode("utf-8", "replace").removesuffix("\r")
                yield line.replace(key, "[upstream key]") if key is not None and key in line else line
        self.more = False
        if pending:
            line = pending.decode("utf-8", "replace").removesuffix("\r")
            yield line.replace(key, "[upstream key]") if key is not None and key in line else line

    async def events(self) -> AsyncIterator[dict[str, Any] | Failure]:
        """Each chunk as a dict; a :class:`Failure` as the last item when the stream breaks."""
        data: list[str] = []
        try:
            async for line in self._lines():
                if line:
                    if line.startswith("data:"):
                        data.append(line[6:] if line.startswith("data: ") else line[5:])
                    continue  # comments (":"), "event:", "id:" and "retry:" lines carry nothing we use
                if not data:
                    continue
                payload = "\n".join(data)
                data = []
                if payload.strip() == "[DONE]":
                    self.done = True
                    return
                try:
                    chunk = json.loads(payload)
                except ValueError:
                    yield Failure("malformed", "the upstream sent a stream chunk that is not valid JSON")
                    return
                if not isinstance(chunk, dict):
                    yield Failure("malformed", "the upstream sent a stream chunk that is not an object")
                    return
                if isinstance(chunk.get("error"), dict):
                    message = self.upstream.scrub(str(chunk["error"].get("message") or ""))[:_ERROR_CHARS]
                    yield Failure("status", f"the upstream failed mid-stream: {message}", status=200)
                    return
                yield chunk
        except _TRANSPORT_ERRORS as exc:
            yield self.upstream._transport_failure(exc)
            return
        if data and "\n".join(data).strip() == "[DONE]":
            self.done = True

    async def aclose(self) -> None:
        """Give the connection back to the pool (closed instead when the body was not read to its end)."""
        self.response.release()
