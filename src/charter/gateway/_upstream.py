"""The upstream OpenAI-compatible endpoint, over one pooled ``httpx.AsyncClient``.

The upstream's API key comes from the environment (``CHARTER_UPSTREAM_API_KEY`` by default) and is
sent only in the ``Authorization`` header of upstream requests: it is scrubbed from anything the
upstream sends back before that text reaches a client or a log line, and never appears in a repr.

Failures are returned, not raised, as :class:`Failure` values the app turns into OpenAI-style errors.
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Literal

import httpx

__all__ = ["Failure", "FailureKind", "Upstream", "UpstreamStream"]

FailureKind = Literal["timeout", "unreachable", "status", "malformed", "disconnected"]
_ERROR_CHARS = 500


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


class Upstream:
    """Pooled clients for ``POST {base}/chat/completions`` and ``GET {base}/models``.

    The pool is split over ``shards`` ``httpx.AsyncClient`` instances, each request going to the
    least busy one: httpcore scans every pooled connection (and polls its socket) each time a request
    starts or ends, which grows with the square of the connections in one pool; small pools keep
    that cost flat under high concurrency.
    """

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        timeout_s: float = 120.0,
        connect_timeout_s: float = 10.0,
        max_connections: int = 512,
        shards: int = 16,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key or None
        self._timeout = httpx.Timeout(timeout_s, connect=connect_timeout_s, pool=timeout_s)
        self._shards = 1 if transport is not None else max(1, min(shards, max_connections))
        per_shard = -(-max_connections // self._shards)
        self._limits = httpx.Limits(
            max_connections=per_shard, max_keepalive_connections=per_shard, keepalive_expiry=30.0
        )
        self._transport = transport
        self._clients: list[httpx.AsyncClient] = []
        self._busy: list[int] = []
        self._key_bytes = self._api_key.encode() if self._api_key else None
        self._headers = {"content-type": "application/json", "user-agent": "charter-gateway"}
        if self._api_key:
            self._headers["authorization"] = f"Bearer {self._api_key}"

    def __repr__(self) -> str:
        return f"Upstream({self.base_url!r}, api_key={'set' if self._api_key else 'unset'})"

    def start(self) -> None:
        """Create the clients (once; they share one TLS context). Call it inside the server's loop."""
        if self._clients:
            return
        tls = httpx.create_ssl_context() if self.base_url.startswith("https:") else False
        self._clients = [
            httpx.AsyncClient(
                timeout=self._timeout,
                limits=self._limits,
                transport=self._transport,
                headers=self._headers,
                follow_redirects=False,
                verify=tls,
            )
            for _ in range(self._shards)
        ]
        self._busy = [0] * self._shards

    def _acquire(self) -> int:
        """The index of the least busy client."""
        if not self._clients:
            self.start()
        busy = self._busy
        index = busy.index(min(busy))
        busy[index] += 1
        return index

    def _release(self, index: int) -> None:
        self._busy[index] -= 1

    async def aclose(self) -> None:
        clients, self._clients = self._clients, []
        for client in clients:
            await client.aclose()

    def scrub(self, text: str) -> str:
        """``text`` without the upstream key (an upstream may echo credentials in an error)."""
        if self._api_key and self._api_key in text:
            text = text.replace(self._api_key, "[upstream key]")
        return text

    # -- helpers -----------------------------------------------------------------------------
    def _transport_failure(self, exc: httpx.HTTPError) -> Failure:
        detail = self.scrub(f"{type(exc).__name__}: {exc}")[:_ERROR_CHARS]
        if isinstance(exc, httpx.TimeoutException):
            return Failure("timeout", f"the upstream did not answer in time ({detail})")
        if isinstance(exc, httpx.ConnectError | httpx.UnsupportedProtocol):
            return Failure("unreachable", f"cannot reach the upstream ({detail})")
        return Failure("disconnected", f"the upstream connection failed ({detail})")

    def _status_failure(self, response: httpx.Response, body: bytes) -> Failure:
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
            f"the upstream answered HTTP {response.status_code}" + (f": {message}" if message else ""),
            status=response.status_code,
            error=error,
            retry_after=response.headers.get("retry-after"),
        )

    # -- calls -------------------------------------------------------------------------------
    async def chat(self, body: bytes) -> tuple[dict[str, Any], bytes] | Failure:
        """One plain chat completion (``body``: the JSON request): the reply (parsed, raw) or a failure."""
        index = self._acquire()
        try:
            response = await self._clients[index].post(self.base_url + "/chat/completions", content=body)
        except httpx.HTTPError as exc:
            return self._transport_failure(exc)
        finally:
            self._release(index)
        content = response.content
        if response.status_code != 200:
            return self._status_failure(response, content)
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
        index = self._acquire()
        client = self._clients[index]
        try:
            request = client.build_request("POST", self.base_url + "/chat/completions", content=body)
            response = await client.send(request, stream=True)
        except httpx.HTTPError as exc:
            self._release(index)
            return self._transport_failure(exc)
        if response.status_code != 200:
            try:
                content = await response.aread()
            except httpx.HTTPError as exc:
                return self._transport_failure(exc)
            finally:
                await response.aclose()
                self._release(index)
            return self._status_failure(response, content)
        kind = response.headers.get("content-type", "")
        if not kind.startswith("text/event-stream"):
            await response.aclose()
            self._release(index)
            return Failure("malformed", f"the upstream did not stream (content-type {kind!r})", status=200)
        return UpstreamStream(self, response, index)

    async def models(self) -> dict[str, Any] | Failure:
        index = self._acquire()
        try:
            response = await self._clients[index].get(self.base_url + "/models")
        except httpx.HTTPError as exc:
            return self._transport_failure(exc)
        finally:
            self._release(index)
        if response.status_code != 200:
            return self._status_failure(response, response.content)
        try:
            data = json.loads(response.content)
        except ValueError:
            return Failure("malformed", "the upstream's model list is not valid JSON", status=200)
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            return Failure("malformed", "the upstream's model list has no data", status=200)
        return data


class UpstreamStream:
    """Server-sent events of one streamed completion: each ``data:`` payload parsed, until ``[DONE]``."""

    def __init__(self, upstream: Upstream, response: httpx.Response, shard: int) -> None:
        self.upstream = upstream
        self.response = response
        self.done = False
        self._shard: int | None = shard
        self.started = time.perf_counter()

    async def events(self) -> AsyncIterator[dict[str, Any] | Failure]:
        """Each chunk as a dict; a :class:`Failure` as the last item when the stream breaks."""
        data: list[str] = []
        try:
            key = self.upstream._api_key
            async for line in self.response.aiter_lines():
                if key is not None and key in line:
                    line = line.replace(key, "[upstream key]")
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
        except httpx.HTTPError as exc:
            yield self.upstream._transport_failure(exc)
            return
        if data and "\n".join(data).strip() == "[DONE]":
            self.done = True

    async def aclose(self) -> None:
        try:
            await self.response.aclose()
        finally:
            if self._shard is not None:
                self.upstream._release(self._shard)
                self._shard = None
