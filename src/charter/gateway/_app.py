"""The gateway: an ASGI app that speaks OpenAI's chat-completions API and enforces the spec.

Flow of ``POST /v1/chat/completions``: authenticate the Bearer key (tenant, profile) -> per-key rate
limit -> parse the request into a :class:`~charter.chat.Conversation` -> read the ``charter``
extension into :class:`~charter.guard.Overrides` (stripped before forwarding) -> check the input
(refuse without calling the upstream, or forward the redacted messages) -> call the upstream ->
check the output (refuse, redact, or ask the upstream once more with the spec's guidance and check
that reply) -> store the decision -> reply with ``x-charter-decision-id`` and ``x-charter-action``.

For streams the decision id is made before the upstream is called and sent in the response headers,
where ``x-charter-action`` is the *input* decision's action; the final action follows in an SSE
comment just before ``data: [DONE]`` (see :mod:`charter.gateway._stream`).

Every request that passes authentication and the rate limit gets one chained decision record, stored
before the reply's body is sent (a plain reply) or before its final chunk (a stream). If the store
cannot keep it, the reply is withheld (fail closed, HTTP 503).

One event loop does everything; checks are CPU-bound and run inline (no thread hand-offs). Replies
take turns to be judged (:meth:`GatewayApp.take_turn`), so requests that arrive meanwhile go upstream
first and a burst of replies does not turn into the next burst of requests.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import time
from collections.abc import Sequence
from typing import Any

from charter.chat import Conversation
from charter.checks import Registry, Span
from charter.exceptions import CharterError, ConfigError, StoreError
from charter.gateway._config import ApiKey, GatewayConfig, hash_key, load_keys
from charter.gateway._decisions import DecisionLog
from charter.gateway._exchange import (
    Client,
    Event,
    Exchange,
    Headers,
    Receive,
    Scope,
    Send,
    dumps,
    sse,
    strictest,
)
from charter.gateway._keyring import Keyring
from charter.gateway._metrics import CONTENT_TYPE, Metrics
from charter.gateway._stream import relay_stream, start_event, trailer
from charter.gateway._upstream import Failure, Upstream
from charter.gateway._wire import (
    BadRequest,
    error_body,
    mask_segments,
    parse_messages,
    redact_reply,
    reply_segments,
)
from charter.guard import Decision, Guard, Overrides, Profile
from charter.spec import Spec
from charter.store import Store

__all__ = ["GatewayApp", "create_app"]

log = logging.getLogger("charter.gateway")

_JSON = b"application/json"
_STOPPED = ("block", "safe_complete")
_CHAT_PATHS = ("/v1/chat/completions", "/chat/completions")
_MODEL_PATHS = ("/v1/models", "/models")
_MAX_OVERRIDES = 64
#: passes of the event loop a reply waits before it is judged (see ``GatewayApp.take_turn``); with one,
#: requests read meanwhile were often not yet upstream: 16 clients, added p50 2.2-3.3 ms with one pass
#: and 1.6-2.3 ms with three (bench/gateway.py, 10 runs each)
_TURN_PASSES = 3


class GatewayApp:
    """The ASGI application (see the module docstring); build it with :func:`create_app`."""

    def __init__(
        self,
        config: GatewayConfig,
        *,
        spec: Spec,
        clients: dict[str, Client],
        upstream: Upstream,
        decisions: DecisionLog,
        owns_store: bool = False,
        keyring: Keyring | None = None,
    ) -> None:
        self.config = config
        self.spec = spec
        self.clients = clients
        self.upstream = upstream
        self.decisions = decisions
        self.metrics = Metrics()
        self._owns_store = owns_store
        self._keyring = keyring
        self._watcher: asyncio.Task[None] | None = None
        self._turns: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None = None

    def __repr__(self) -> str:
        return f"GatewayApp(spec={self.spec.title!r}, keys={len(self.clients)}, upstream={self.upstream!r})"

    # -- ASGI --------------------------------------------------------------------------------
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        kind = scope["type"]
        if kind == "http":
            await self._http(scope, receive, send)
        elif kind == "lifespan":
            await self._lifespan(receive, send)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            event = await receive()
            if event["type"] == "lifespan.startup":
                self.upstream.start()
                await self.warm_up()
                if self._keyring is not None:
                    self._watcher = asyncio.create_task(self._watch_keys())
                await send({"type": "lifespan.startup.complete"})
            elif event["type"] == "lifespan.shutdown":
                await self.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return

    @property
    def guards(self) -> list[Guard]:
        """Each distinct guard the keys use (keys with the same profile share one)."""
        return list({id(c.guard): c.guard for c in self.clients.values()}.values())

    async def warm_up(self) -> None:
        """Prepare every guard's local checks (embedded models loaded, patterns compiled) before the
        server takes requests, so the first client does not wait for them."""
        spent = [await guard.awarm_up() for guard in self.guards]
        log.info("checks prepared in %.0f ms (guards: %d)", sum(spent), len(spent))

    async def aclose(self) -> None:
        """Close the upstream client, sync the decision log and, when the app opened it, the store."""
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.cancel()
            await asyncio.gather(watcher, return_exceptions=True)
        await self.upstream.aclose()
        await self.decisions.aclose()
        if self._owns_store:
            self.decisions.store.close()

    async def take_turn(self) -> None:
        """Wait for this reply's turn to be judged: one at a time, each after a few passes of the
        event loop (:data:`_TURN_PASSES`).

        On those passes the loop reads what arrived meanwhile, so new requests (their input checks
        are cheap) go upstream before the next reply is judged: a request read on one pass has its
        task started on the next and is written upstream on the one after. Without this a burst of
        replies is judged back to back while the requests their clients send at once wait, then go
        upstream together, and the burst comes back one upstream round trip later, again and again.
        Nothing is held while the checks run, so a slow (remote) check never holds up other replies.
        """
        loop = asyncio.get_running_loop()
        if self._turns is None or self._turns[0] is not loop:
            self._turns = (loop, asyncio.Lock())
        async with self._turns[1]:
            for _ in range(_TURN_PASSES):
                await asyncio.sleep(0)

    def reload_keys(self) -> bool:
        """Re-read the keys file and the profile files in use if they changed; whether anything did.

        Keys that stay keep their client (and so their rate-limit bucket); added keys get a guard
        for their tenant and profile (read from the profiles folder). A changed profile file gives
        its keys new guards (their buckets kept). A file that cannot be used (half written, a
        profile missing or asking for more than the spec allows) is logged and what is in use
        stays, so an unusable file never revokes keys by accident (a valid file with no keys does).
        """
        if self._keyring is None:
            return False
        try:
            clients = self._keyring.reload(self.clients)
        except ConfigError as exc:
            log.error("keys and profiles not reloaded, the previous ones stay in use: %s", exc)
            return False
        if clients is None:
            return False
        added = len(clients.keys() - self.clients.keys())
        removed = len(self.clients.keys() - clients.keys())
        self.clients = clients
        renewed = ", ".join(self._keyring.renewed) or "none"
        log.warning(
            "keys reloaded: %d keys (%d added, %d removed); profiles read again: %s",
            len(clients),
            added,
            removed,
            renewed,
        )
        return True

    async def _watch_keys(self) -> None:
        while True:
            await asyncio.sleep(self.config.keys_reload_s)
            self.reload_keys()

    async def _http(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope["path"]
        method: str = scope["method"]
        if path in _CHAT_PATHS and method == "POST":
            start = time.perf_counter()
            self.metrics.in_flight.inc()
            try:
                await self._chat(scope, receive, send, start)
            finally:
                self.metrics.in_flight.inc(amount=-1)
        elif path in _MODEL_PATHS and method == "GET":
            await self._models(scope, send)
        elif path == "/healthz" and method in ("GET", "HEAD"):
            body = dumps({"status": "ok", "spec_sha256": self.spec.sha256, "keys": len(self.clients)})
            await self._send(send, 200, body)
        elif path == "/metrics" and method == "GET":
            await self._send(send, 200, self.metrics.render().encode(), content_type=CONTENT_TYPE.encode())
        elif path in (*_CHAT_PATHS, *_MODEL_PATHS, "/healthz", "/metrics"):
            await self._error(send, 405, f"method {method} is not allowed on {path}", "invalid_request_error")
        else:
            await self._error(
                send, 404, f"unknown URL: {method} {path}", "invalid_request_error", code="unknown_url"
            )

    # -- responses ---------------------------------------------------------------------------
    async def _send(
        self,
        send: Send,
        status: int,
        body: bytes,
        headers: Headers | None = None,
        content_type: bytes = _JSON,
    ) -> None:
        self.metrics.responses.inc((("status", str(status)),))
        out: Headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
        if headers:
            out.extend(headers)
        await send({"type": "http.response.start", "status": status, "headers": out})
        await send({"type": "http.response.body", "body": body})

    async def _error(
        self,
        send: Send,
        status: int,
        message: str,
        kind: str,
        *,
        param: str | None = None,
        code: str | None = None,
        headers: Headers | None = None,
    ) -> None:
        await self._send(send, status, error_body(message, kind, param=param, code=code), headers)

    def _authenticate(self, scope: Scope) -> Client | str:
        """The key's client, or why the request is not authenticated."""
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, token = value.decode("latin-1").strip().partition(" ")
                token = token.strip()
                if scheme.lower() != "bearer" or not token:
                    return "the Authorization header must be 'Bearer <key>'"
                client = self.clients.get(hash_key(token))
                return client if client is not None else "incorrect API key provided"
        return "you didn't provide an API key: send the header 'Authorization: Bearer <key>'"

    async def _read_body(self, receive: Receive) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            event = await receive()
            if event["type"] == "http.disconnect":
                return None
            body: bytes = event.get("body", b"")
            size += len(body)
            if size > self.config.max_body_bytes:
                raise BadRequest(
                    f"the request body is larger than {self.config.max_body_bytes} bytes", status=413
                )
            chunks.append(body)
            if not event.get("more_body", False):
                return b"".join(chunks)

    # -- /v1/models ----------------------------------------------------------------------------
    async def _models(self, scope: Scope, send: Send) -> None:
        client = self._authenticate(scope)
        if isinstance(client, str):
            self.metrics.auth_failures.inc()
            return await self._error(send, 401, client, "invalid_request_error", code="invalid_api_key")
        found = await self.upstream.models()
        if not isinstance(found, Failure):
            return await self._send(send, 200, dumps(found))
        self.metrics.upstream_errors.inc((("kind", found.kind),))
        if self.config.model:
            model = {"id": self.config.model, "object": "model", "created": 0, "owned_by": "charter"}
            return await self._send(send, 200, dumps({"object": "list", "data": [model]}))
        return await self._upstream_error(send, found, [])

    # -- /v1/chat/completions ----------------------------------------------------------------
    async def _chat(self, scope: Scope, receive: Receive, send: Send, start: float) -> None:
        client = self._authenticate(scope)
        if isinstance(client, str):
            self.metrics.auth_failures.inc()
            return await self._error(send, 401, client, "invalid_request_error", code="invalid_api_key")
        wait = client.bucket.take()
        if wait > 0:
            self.metrics.rate_limited.inc((("tenant", client.key.tenant),))
            rpm = client.key.rpm
            return await self._error(
                send,
                429,
                f"rate limit reached for key {client.key.id}: {rpm} requests per minute; "
                f"try again in {wait:.2f}s",
                "rate_limit_error",
                code="rate_limit_exceeded",
                headers=[
                    (b"retry-after", str(max(1, math.ceil(wait))).encode()),
                    (b"x-ratelimit-limit-requests", str(rpm).encode()),
                    (b"x-ratelimit-remaining-requests", b"0"),
                    (b"x-ratelimit-reset-requests", f"{wait:.3f}s".encode()),
                ],
            )
        ex = Exchange(client, start)
        try:
            body = await self._read_body(receive)
            if body is None:
                return None  # the client went away before sending its request
            forward = self._parse(ex, body)
        except BadRequest as exc:
            return await self._fail(ex, send, exc.status, exc.message, param=exc.param)
        progress = [False, False]  # response started, response finished

        async def tracked(event: Event) -> None:
            if event["type"] == "http.response.start":
                progress[0] = True
            elif not event.get("more_body", False):
                progress[1] = True
            await send(event)

        try:
            return await self._guarded(ex, tracked, receive, forward)
        except CharterError as exc:
            # a check that cannot run fails closed: no reply without a decision
            log.error("decision %s: the guard failed: %s", ex.id, exc)
            message, code = f"the guard could not decide: {exc}", "guard_error"
        except Exception:
            # a bug must not leave the client without an answer, nor the request without a record
            log.exception("decision %s: internal error", ex.id)
            message, code = "internal error in the gateway", "internal_error"
        return await self._crashed(ex, send, progress, message, code)

    async def _crashed(self, ex: Exchange, send: Send, progress: list[bool], message: str, code: str) -> None:
        ex.status = 500
        ex.error = {"kind": "server_error", "code": code, "message": message}
        if not await self.store_or_fail(ex, "error", None if progress[0] else send):
            return None
        if not progress[0]:
            await self._error(send, 500, message, "server_error", code=code, headers=ex.headers("error"))
        elif not progress[1]:
            error = {"message": message, "type": "server_error", "param": None, "code": code}
            await send({"type": "http.response.body", "body": sse({"error": error}), "more_body": False})
        self.observe(ex, "error")
        return None

    def _parse(self, ex: Exchange, body: bytes) -> dict[str, Any]:
        """Read the request into ``ex``; return the request to forward (``charter`` extension removed)."""
        try:
            request = json.loads(body)
        except ValueError as exc:
            raise BadRequest(f"the request body is not valid JSON: {exc}") from None
        if not isinstance(request, dict):
            raise BadRequest("the request body must be a JSON object")
        extension = request.pop("charter", None)
        if extension is not None:
            if not isinstance(extension, dict):
                raise BadRequest(
                    "'charter' must be an object with 'disable' and 'user_disable' lists", "charter"
                )
            try:
                ex.overrides = Overrides.model_validate(extension)
            except ValueError as exc:
                first = str(exc).splitlines()
                raise BadRequest(
                    f"invalid 'charter' extension: {' '.join(first[1:3]) or first[0]}", "charter"
                ) from None
            asked = [*ex.overrides.disable, *ex.overrides.user_disable]
            if len(asked) > _MAX_OVERRIDES or any(len(s) > 200 for s in asked):
                # each distinct set of overrides is a policy the guard computes and keeps
                raise BadRequest(
                    f"at most {_MAX_OVERRIDES} overrides of at most 200 characters each", "charter"
                )
        stream = request.get("stream", False)
        if stream is None:
            stream = False
        if not isinstance(stream, bool):
            raise BadRequest("stream must be a boolean", "stream")
        n = request.get("n", 1)
        if n is None:
            n = 1
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 128:
            raise BadRequest("n must be an integer from 1 to 128", "n")
        defaulted = "model" not in request and bool(self.config.model)
        if defaulted:
            request["model"] = self.config.model
        model = request.get("model")
        if not isinstance(model, str) or not model:
            raise BadRequest("model must be a non-empty string", "model")
        messages, segments = parse_messages(request.get("messages"))
        ex.stream, ex.n, ex.model, ex.request = stream, n, model, request
        wanted = request.get("response_format")
        if isinstance(wanted, dict) and isinstance(wanted.get("type"), str):
            ex.response_format = wanted["type"]
        if extension is None and not defaulted:
            ex.body = body  # nothing to change: forward the bytes received
        ex.conversation = Conversation(messages=messages)
        ex.segments = segments
        return request

    async def _guarded(self, ex: Exchange, send: Send, receive: Receive, request: dict[str, Any]) -> None:
        guard = ex.guard
        started = time.perf_counter()
        decision = await guard.acheck_input(ex.conversation, overrides=ex.overrides)
        elapsed = time.perf_counter() - started
        self.metrics.guard_duration.observe(elapsed, (("stage", "input"),))
        ex.timing["guard_input"] = round(elapsed * 1000, 3)
        ex.input = decision
        if decision.action == "block":
            return await self._refuse(ex, send, decision.message or guard.refusal(decision.citations))
        forward = request
        if decision.action == "redact":
            forward = {**request, "messages": self._redacted_messages(ex, decision)}
        elif decision.action == "safe_complete":
            forward = {**request, "messages": [*request["messages"], *self._guidance(ex, decision)]}
        if ex.stream:
            body = ex.body if forward is request and ex.body is not None else dumps(forward)
            return await relay_stream(self, ex, send, receive, body)
        return await self._plain(ex, send, forward)

    @staticmethod
    def _redacted_messages(ex: Exchange, decision: Decision) -> list[Any]:
        """The request's messages with the input decision's ``redact`` spans masked, for the upstream."""
        spans: dict[int, list[tuple[Span, str]]] = {}
        for citation in decision.citations:
            if citation.action != "redact":
                continue
            for span in citation.evidence:
                if span.source.startswith("messages[") and span.source.endswith("]"):
                    spans.setdefault(int(span.source[9:-1]), []).append((span, citation.check))
        messages = list(ex.request["messages"])
        for index, found in spans.items():
            if 0 <= index < len(messages):
                copy = dict(messages[index])
                for field in ("content", "tool_calls"):
                    if isinstance(copy.get(field), list):
                        copy[field] = list(copy[field])
                mask_segments(copy, ex.segments[index], found)
                messages[index] = copy
        return messages

    @staticmethod
    def _guidance(ex: Exchange, decision: Decision) -> list[dict[str, Any]]:
        """The messages the guard adds to ask for a safe completion, as OpenAI messages."""
        extra = ex.guard.safe_completion_messages(ex.conversation, decision)[len(ex.conversation) :]
        return [m.to_openai() for m in extra]

    # -- plain completions -------------------------------------------------------------------
    async def _plain(self, ex: Exchange, send: Send, forward: dict[str, Any]) -> None:
        guard = ex.guard
        started = time.perf_counter()
        answer = await self.upstream.chat(
            ex.body if forward is ex.request and ex.body is not None else dumps(forward)
        )
        elapsed = time.perf_counter() - started
        self.metrics.upstream_duration.observe(elapsed)
        ex.timing["upstream"] = round(elapsed * 1000, 3)
        if isinstance(answer, Failure):
            return await self.upstream_failure(ex, send, answer)
        reply, raw = answer
        started = time.perf_counter()
        choices: list[dict[str, Any]] = reply["choices"]
        await self.take_turn()
        decisions = await self._check_choices(ex, choices)
        ex.outputs = decisions
        final: list[str] = []
        first_safe = next((d for d in decisions if d.action == "safe_complete"), None)
        if first_safe is None:
            for choice, decision in zip(choices, decisions, strict=False):
                if decision.action == "block":
                    _refuse_choice(choice, decision.message or guard.refusal(decision.citations))
                elif decision.action == "redact":
                    choice["message"] = redact_reply(choice["message"], decision)
                final.append(decision.action)
        else:
            # ask once more with the spec's guidance, and hold that reply to the spec too
            self.metrics.safe_completions.inc()
            retry = {**forward, "messages": [*forward["messages"], *self._guidance(ex, first_safe)]}
            again = await self.upstream.chat(dumps(retry))
            raw = b""
            if isinstance(again, Failure):
                # fail closed: the first reply broke the spec and no safe version could be had
                self.metrics.upstream_errors.inc((("kind", again.kind),))
                self.log_failure(ex, again)
                ex.error = {**again.to_dict(), "during": "safe_completion"}
                for choice, decision in zip(choices, decisions, strict=False):
                    if decision.action in _STOPPED:
                        _refuse_choice(choice, guard.refusal(decision.citations))
                        final.append("block")
                    else:
                        final.append(decision.action)
            else:
                reply, choices = again[0], again[0]["choices"]
                ex.retries = await self._check_choices(ex, choices)
                for choice, decision in zip(choices, ex.retries, strict=False):
                    if decision.action in _STOPPED:
                        _refuse_choice(choice, decision.message or guard.refusal(decision.citations))
                        final.append("block")
                    else:
                        if decision.action == "redact":
                            choice["message"] = redact_reply(choice["message"], decision)
                        final.append("safe_complete")
        elapsed = time.perf_counter() - started
        self.metrics.guard_duration.observe(elapsed, (("stage", "output"),))
        ex.timing["guard_output"] = round(elapsed * 1000, 3)
        ex.response = [
            {"index": c.get("index", i), "message": c.get("message"), "finish_reason": c.get("finish_reason")}
            for i, c in enumerate(choices)
        ]
        action = strictest([ex.input_action, *final])
        if not await self.store_or_fail(ex, action, send):
            return None
        if not raw or any(a not in ("allow", "flag") for a in final):
            raw = dumps(reply)  # changed: refused, redacted or asked again
        await self._send(send, 200, raw, ex.headers(action))
        self.observe(ex, action)
        return None

    async def _check_choices(self, ex: Exchange, choices: list[dict[str, Any]]) -> list[Decision]:
        guard = ex.guard
        if len(choices) == 1:
            text, _ = reply_segments(choices[0]["message"])
            return [
                await guard.acheck_output(
                    ex.conversation, text, overrides=ex.overrides, response_format=ex.response_format
                )
            ]
        decisions = []
        for choice in choices:
            text, _ = reply_segments(choice["message"])
            decisions.append(
                await guard.acheck_output(
                    ex.conversation, text, overrides=ex.overrides, response_format=ex.response_format
                )
            )
        return decisions

    # -- a refusal without calling the upstream ------------------------------------------------
    async def _refuse(self, ex: Exchange, send: Send, refusal: str) -> None:
        created = int(time.time())
        completion_id = f"chatcmpl-{ex.id}"
        ex.response = [
            {"index": i, "message": {"role": "assistant", "content": refusal}, "finish_reason": "stop"}
            for i in range(ex.n)
        ]
        if not await self.store_or_fail(ex, "block", send):
            return None
        if ex.stream:
            chunk = {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": ex.model,
            }
            first = [
                {
                    "index": i,
                    "delta": {"role": "assistant", "content": refusal},
                    "logprobs": None,
                    "finish_reason": None,
                }
                for i in range(ex.n)
            ]
            last: list[dict[str, Any]] = [
                {"index": i, "delta": {}, "logprobs": None, "finish_reason": "stop"} for i in range(ex.n)
            ]
            body = sse({**chunk, "choices": first}) + sse({**chunk, "choices": last}) + trailer(ex, "block")
            await send(start_event(ex, "block"))
            await send({"type": "http.response.body", "body": body})
            self.metrics.responses.inc((("status", "200"),))
        else:
            completion = {
                "id": completion_id,
                "object": "chat.completion",
                "created": created,
                "model": ex.model,
                "choices": [
                    {
                        "index": i,
                        "message": {"role": "assistant", "content": refusal, "refusal": None},
                        "logprobs": None,
                        "finish_reason": "stop",
                    }
                    for i in range(ex.n)
                ],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            }
            await self._send(send, 200, dumps(completion), ex.headers("block"))
        self.observe(ex, "block")
        return None

    # -- failures ----------------------------------------------------------------------------
    def log_failure(self, ex: Exchange, failure: Failure) -> None:
        log.warning("decision %s: upstream %s: %s", ex.id, failure.kind, failure.message)

    async def upstream_failure(self, ex: Exchange, send: Send, failure: Failure) -> None:
        """Answer an upstream failure with an OpenAI-style error, after storing the decision."""
        self.metrics.upstream_errors.inc((("kind", failure.kind),))
        self.log_failure(ex, failure)
        ex.error = failure.to_dict()
        ex.status = _failure_status(failure)[0]
        if not await self.store_or_fail(ex, "error", send):
            return None
        await self._upstream_error(send, failure, ex.headers("error"))
        self.observe(ex, "error")
        return None

    async def _upstream_error(self, send: Send, failure: Failure, headers: Headers) -> None:
        status, kind = _failure_status(failure)
        headers = list(headers)
        if failure.retry_after and status == 429:
            headers.append((b"retry-after", failure.retry_after.encode("latin-1", "replace")))
        if failure.error is not None and 400 <= status < 500:
            # a client error the upstream explained (scrubbed of the upstream key): pass it on
            error = failure.error
            code = error.get("code")
            await self._error(
                send,
                status,
                str(error["message"]),
                str(error.get("type") or kind),
                param=error.get("param"),
                code=str(code) if code is not None else failure.code,
                headers=headers,
            )
            return
        await self._error(send, status, failure.message, kind, code=failure.code, headers=headers)

    async def _fail(
        self,
        ex: Exchange,
        send: Send,
        status: int,
        message: str,
        *,
        kind: str = "invalid_request_error",
        param: str | None = None,
        code: str | None = None,
    ) -> None:
        ex.status = status
        ex.error = {"kind": kind, "code": code, "message": message, "param": param}
        if not await self.store_or_fail(ex, "error", send):
            return None
        await self._error(send, status, message, kind, param=param, code=code, headers=ex.headers("error"))
        self.observe(ex, "error")
        return None

    # -- records and metrics -----------------------------------------------------------------
    async def store_or_fail(
        self, ex: Exchange, action: str, send: Send | None, *, streaming: bool = False
    ) -> bool:
        """Store the decision; if the store fails, answer (HTTP 503 or an SSE error) and return False."""
        guard = ex.guard
        policy_hash = ex.input.policy_hash if ex.input is not None else guard.policy(ex.overrides).hash
        ex.timing["total_before_store"] = ex.elapsed_ms()
        try:
            await self.decisions.append(
                decision_id=ex.id,
                tenant=ex.client.key.tenant,
                profile=guard.profile.name,
                action=action,
                spec_sha256=self.spec.sha256,
                policy_hash=policy_hash,
                payload=ex.payload(),
            )
        except StoreError as exc:
            self.metrics.store_errors.inc()
            log.error("decision %s: not stored: %s", ex.id, exc)
            message = "the decision could not be stored, so the reply is withheld"
            if send is None:
                return False
            if streaming:
                error = {"message": message, "type": "server_error", "param": None, "code": "store_error"}
                await send({"type": "http.response.body", "body": sse({"error": error}), "more_body": False})
            else:
                await self._error(
                    send, 503, message, "server_error", code="store_error", headers=ex.headers("error")
                )
            return False
        return True

    def observe(self, ex: Exchange, action: str) -> None:
        stream = "true" if ex.stream else "false"
        self.metrics.requests.inc((("action", action), ("stream", stream), ("tenant", ex.client.key.tenant)))
        self.metrics.duration.observe(time.perf_counter() - ex.start, (("stream", stream),))


def _refuse_choice(choice: dict[str, Any], refusal: str) -> None:
    message = choice.get("message") or {}
    choice["message"] = {"role": message.get("role", "assistant"), "content": refusal, "refusal": None}
    choice["finish_reason"] = "stop"


def _failure_status(failure: Failure) -> tuple[int, str]:
    """The HTTP status and OpenAI error type a client gets for an upstream failure."""
    if failure.kind == "timeout":
        return 504, "upstream_error"
    if failure.kind == "status" and failure.status is not None:
        if failure.status == 429:
            return 429, "rate_limit_error"
        if 400 <= failure.status < 500 and failure.status not in (401, 403):
            return failure.status, "invalid_request_error"
    return 502, "upstream_error"


def create_app(
    config: GatewayConfig,
    *,
    keys: Sequence[ApiKey] | None = None,
    spec: Spec | None = None,
    registry: Registry | None = None,
    store: Store | None = None,
    profiles: dict[str, Profile] | None = None,
) -> GatewayApp:
    """Build the gateway: load the spec, profiles and keys; prepare one guard per tenant and profile.

    ``keys`` defaults to the keys file (then re-read when it changes: looked at every
    ``config.keys_reload_s``); ``spec`` to ``config.spec``; ``registry`` to the built-in
    checks; ``store`` to ``open_store(config.store)`` (then closed with the app); ``profiles`` (by
    name) to the files of ``config.profiles_dir``. Raises :class:`ConfigError` when something is
    missing or a profile asks for more than the spec allows.
    """
    from charter.cli._common import open_spec
    from charter.store import open_store

    if spec is None:
        spec = open_spec(config.spec)
    from_file = keys is None
    if keys is None:
        if config.keys_file is None:
            raise ConfigError("no keys file: pass --keys FILE (create a key with: charter serve keys add)")
        keys = load_keys(config.keys_file)
    if not keys:
        raise ConfigError("no keys configured: create one with: charter serve keys add")
    keyring = Keyring(
        config,
        spec,
        registry,
        dict(profiles or {}),
        path=config.keys_file if from_file else None,
    )
    clients = keyring.build(keys, {})
    owns_store = store is None
    if store is None:
        store = open_store(config.store)
    upstream = Upstream(
        config.upstream,
        api_key=os.environ.get(config.upstream_api_key_env),
        timeout_s=config.upstream_timeout_s,
        connect_timeout_s=config.upstream_connect_timeout_s,
        max_connections=config.upstream_max_connections,
    )
    return GatewayApp(
        config,
        spec=spec,
        clients=clients,
        upstream=upstream,
        decisions=DecisionLog(store, redact=config.redact_store, sync=config.store_sync),
        owns_store=owns_store,
        keyring=keyring,
    )
