"""Streamed completions: upstream SSE chunks relayed through the guard's stream monitor.

Only text the monitor releases reaches the client; it holds back ``hold_back`` characters so a
violating phrase split across chunks is judged before any of it is sent. When the monitor stops the
stream, the refusal is sent as the last content chunk and the choice finishes with ``stop``. Tool
calls are gathered whole and judged (as the text of their arguments) before they are sent, at the
end. The decision is stored before the final chunk; ``data: [DONE]`` follows an SSE comment
``: x-charter-decision {"id": ..., "action": ...}`` with the final action.

A stream that breaks (the upstream drops the connection, times out or sends garbage) ends with an
OpenAI-style error event ``data: {"error": {...}}`` and no ``[DONE]``; its decision is stored.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import TYPE_CHECKING, Any

from charter.gateway._exchange import Exchange, Receive, Send, sse, strictest
from charter.gateway._upstream import Failure
from charter.gateway._wire import redact_reply, reply_segments
from charter.guard import Decision, Guard, StreamMonitor, StreamStep

if TYPE_CHECKING:
    from charter.gateway._app import GatewayApp

__all__ = ["relay_stream", "trailer"]

_STOPPED = ("block", "safe_complete")
#: the monitor judges the text so far each time it is fed: feed it every 32 characters or 100 ms
#: rather than every chunk (a model that streams a token every 20 ms is released about ten times a
#: second, in pieces of a few words), and past 512 characters in steps that grow with the reply
_FEED_CHARS = 32
_FEED_INTERVAL_S = 0.1
_FEED_SPAN_CHARS = 512
_SSE_HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-cache"),
    (b"x-accel-buffering", b"no"),
]


def trailer(ex: Exchange, action: str) -> bytes:
    """The end of a stream: the decision as an SSE comment (ignored by clients), then ``[DONE]``."""
    comment = json.dumps({"id": ex.id, "action": action})
    return f": x-charter-decision {comment}\n\ndata: [DONE]\n\n".encode()


def start_event(ex: Exchange, action: str) -> dict[str, Any]:
    return {"type": "http.response.start", "status": 200, "headers": [*_SSE_HEADERS, *ex.headers(action)]}


class _Choice:
    """One streamed choice: its monitor, the tool calls gathered so far, how it ended."""

    __slots__ = (
        "decision",
        "fed_at",
        "fed_chars",
        "finish_reason",
        "monitor",
        "pending",
        "pending_chars",
        "released",
        "stopped",
        "text",
        "tool_calls",
        "tool_decision",
    )

    def __init__(self, monitor: StreamMonitor) -> None:
        self.monitor = monitor
        self.text: list[str] = []
        #: text received but not yet given to the monitor, and when the monitor was last fed
        self.pending: list[str] = []
        self.pending_chars = 0
        self.fed_at = 0.0
        self.fed_chars = 0
        self.tool_calls: dict[int, dict[str, Any]] = {}
        self.finish_reason: str | None = None
        self.stopped = False
        self.released = False
        #: the monitor's decision: the one that stopped the stream, or the one at its end
        self.decision: Decision | None = None
        #: the decision on the choice's tool calls (judged whole, at the end)
        self.tool_decision: Decision | None = None

    def due(self, now: float) -> bool:
        """Whether to feed the monitor now: after enough new text or time since the last feed. Past
        :data:`_FEED_SPAN_CHARS` both steps grow in proportion to the text fed so far, so a long reply
        is judged about 11 times per doubling of its length rather than every 32 characters."""
        scale = max(1.0, self.fed_chars / _FEED_SPAN_CHARS)
        return self.pending_chars >= _FEED_CHARS * scale or now - self.fed_at >= _FEED_INTERVAL_S * scale

    async def feed(self) -> StreamStep:
        """Give the pending text to the monitor."""
        text = "".join(self.pending)
        self.pending.clear()
        self.pending_chars = 0
        self.fed_chars += len(text)
        self.fed_at = time.perf_counter()
        return await self.monitor.feed(text)

    def stop(self, decision: Decision, guard: Guard) -> str:
        """Stop this choice; the refusal to send as its last content."""
        self.stopped = True
        self.tool_calls.clear()
        refusal = decision.message or guard.refusal(decision.citations)
        return ("\n\n" if self.released else "") + refusal

    def action(self) -> str:
        if self.stopped:
            return "block"
        return strictest([d.action for d in (self.decision, self.tool_decision) if d is not None])

    def gather(self, calls: list[Any]) -> None:
        for call in calls:
            if not isinstance(call, dict):
                continue
            index = call.get("index", len(self.tool_calls))
            found = self.tool_calls.get(index)
            if found is None:
                found = self.tool_calls[index] = {
                    "id": None,
                    "type": "function",
                    "function": {"name": "", "arguments": ""},
                }
            if call.get("id"):
                found["id"] = call["id"]
            if call.get("type"):
                found["type"] = call["type"]
            function = call.get("function")
            if isinstance(function, dict):
                if isinstance(function.get("name"), str):
                    found["function"]["name"] += function["name"]
                if isinstance(function.get("arguments"), str):
                    found["function"]["arguments"] += function["arguments"]

    def record(self, index: int) -> dict[str, Any]:
        return {
            "index": index,
            "content": "".join(self.text),
            "tool_calls": [self.tool_calls[k] for k in sorted(self.tool_calls)] or None,
            "finish_reason": self.finish_reason,
            "stopped": self.stopped,
        }


async def _watch(receive: Receive, gone: asyncio.Event) -> None:
    """Set ``gone`` when the client disconnects (the request body has been read already)."""
    while True:
        event = await receive()
        if event["type"] == "http.disconnect":
            gone.set()
            return


async def relay_stream(app: GatewayApp, ex: Exchange, send: Send, receive: Receive, body: bytes) -> None:
    """Call the upstream with ``stream: true`` and relay its chunks through the guard."""
    guard = ex.guard
    started = time.perf_counter()
    opened = await app.upstream.stream(body)
    if isinstance(opened, Failure):
        return await app.upstream_failure(ex, send, opened)
    ex.timing["upstream_first_byte"] = round((time.perf_counter() - started) * 1000, 3)
    await send(start_event(ex, ex.input_action))
    gone = asyncio.Event()
    watcher = asyncio.ensure_future(_watch(receive, gone))
    choices: dict[int, _Choice] = {}
    usage: list[dict[str, Any]] = []  # chunks without choices (usage), sent at the end
    template: dict[str, Any] = {}
    failure: Failure | None = None
    guard_time = 0.0
    held: list[bytes] = []  # SSE events not yet sent (see UpstreamStream.more)
    try:
        async for item in opened.events():
            if isinstance(item, Failure):
                failure = item
                break
            if gone.is_set():
                break
            template = item
            deltas = item.get("choices")
            if not isinstance(deltas, list) or not deltas:
                usage.append(item)
                continue
            out: list[dict[str, Any]] = []
            for entry in deltas:
                if not isinstance(entry, dict):
                    continue
                index = entry.get("index", 0)
                choice = choices.get(index)
                if choice is None:
                    monitor = guard.monitor(
                        ex.conversation, overrides=ex.overrides, response_format=ex.response_format
                    )
                    choice = choices[index] = _Choice(monitor)
                if choice.stopped:
                    continue
                delta = entry.get("delta") or {}
                sent: dict[str, Any] = {}
                if "role" in delta:
                    sent["role"] = delta["role"]
                if isinstance(delta.get("refusal"), str):
                    sent["refusal"] = delta["refusal"]
                text = delta.get("content")
                if isinstance(text, str) and text:
                    choice.text.append(text)
                    choice.pending.append(text)
                    choice.pending_chars += len(text)
                    tick = time.perf_counter()
                    # judged with the next piece unless enough text or time has gone by (nothing
                    # could be released before: the pending text is the newest), or when more of
                    # the stream is at hand already: all of it is judged at once, right after
                    if choice.due(tick) and not opened.more:
                        step = await choice.feed()
                        guard_time += time.perf_counter() - tick
                        if step.decision is not None and step.decision.action in _STOPPED:
                            choice.decision = step.decision
                            sent["content"] = choice.stop(step.decision, guard)
                        elif step.release:
                            sent["content"] = step.release
                            choice.released = True
                if "role" in sent and "content" not in sent:
                    sent["content"] = ""
                calls = delta.get("tool_calls")
                if isinstance(calls, list) and not choice.stopped:
                    choice.gather(calls)
                if entry.get("finish_reason") and not choice.stopped:
                    choice.finish_reason = entry["finish_reason"]
                if sent:
                    out.append({"index": index, "delta": sent, "logprobs": None, "finish_reason": None})
            if out:
                held.append(sse({**item, "choices": out}))
            if held and not opened.more:  # events at hand go out together, in one write
                await send({"type": "http.response.body", "body": b"".join(held), "more_body": True})
                held.clear()
            if len(choices) >= ex.n and all(c.stopped for c in choices.values()):
                break
    finally:
        watcher.cancel()
        await opened.aclose()
    if held and not gone.is_set():
        await send({"type": "http.response.body", "body": b"".join(held), "more_body": True})
    stopped_all = bool(choices) and len(choices) >= ex.n and all(c.stopped for c in choices.values())
    finished = bool(choices) and all(c.stopped or c.finish_reason for c in choices.values())
    ex.response = [choices[i].record(i) for i in sorted(choices)]
    if gone.is_set() and not stopped_all:
        ex.status = 499
        ex.error = {
            "kind": "client_disconnected",
            "code": "client_disconnected",
            "message": "the client went away before the stream ended",
        }
        _collect(ex, choices)
        await app.store_or_fail(ex, "error", None)
        app.observe(ex, "error")
        return None
    if failure is not None or not (opened.done or finished or stopped_all):
        failure = failure or Failure("disconnected", "the upstream stream ended before it finished")
        app.metrics.upstream_errors.inc((("kind", failure.kind),))
        app.log_failure(ex, failure)
        ex.status = 502
        ex.error = failure.to_dict()
        _collect(ex, choices)
        if await app.store_or_fail(ex, "error", send, streaming=True):
            error = {
                "message": failure.message,
                "type": "upstream_error",
                "param": None,
                "code": failure.code,
            }
            await send({"type": "http.response.body", "body": sse({"error": error}), "more_body": False})
        app.metrics.responses.inc((("status", "200"),))
        app.observe(ex, "error")
        return None
    # the end: release what each monitor holds back, judge tool calls, store, then finish
    tail: list[bytes] = []
    base = {k: v for k, v in template.items() if k not in ("choices", "usage")}
    base.setdefault("id", f"chatcmpl-{ex.id}")
    base.setdefault("object", "chat.completion.chunk")
    base.setdefault("created", int(time.time()))
    base.setdefault("model", ex.model)
    if any(not c.stopped for c in choices.values()):
        await app.take_turn()  # the whole reply is judged now: wait for its turn (see take_turn)
    for index in sorted(choices):
        choice = choices[index]
        if choice.stopped:
            continue
        tick = time.perf_counter()
        piece = await _finish(ex, choice)
        guard_time += time.perf_counter() - tick
        if piece:
            delta = {"index": index, "delta": piece, "logprobs": None, "finish_reason": None}
            tail.append(sse({**base, "choices": [delta]}))
    app.metrics.guard_duration.observe(guard_time, (("stage", "stream"),))
    ex.timing["guard_stream"] = round(guard_time * 1000, 3)
    action = strictest([ex.input_action, *(c.action() for c in choices.values())])
    finish: list[dict[str, Any]] = [
        {
            "index": index,
            "delta": {},
            "logprobs": None,
            "finish_reason": "stop" if choices[index].stopped else (choices[index].finish_reason or "stop"),
        }
        for index in sorted(choices)
    ]
    ex.response = [choices[i].record(i) for i in sorted(choices)]
    _collect(ex, choices)
    if not await app.store_or_fail(ex, action, send, streaming=True):
        return None
    if finish:
        tail.append(sse({**base, "choices": finish}))
    tail.extend(sse(chunk) for chunk in usage)
    tail.append(trailer(ex, action))
    await send({"type": "http.response.body", "body": b"".join(tail), "more_body": False})
    app.metrics.responses.inc((("status", "200"),))
    app.observe(ex, action)
    return None


async def _finish(ex: Exchange, choice: _Choice) -> dict[str, Any]:
    """The last delta of a choice that was not stopped: held-back text, then its judged tool calls."""
    guard = ex.guard
    piece: dict[str, Any] = {}
    released = ""
    if choice.pending:
        step = await choice.feed()
        if step.decision is not None and step.decision.action in _STOPPED:
            choice.decision = step.decision
            piece["content"] = choice.stop(step.decision, guard)
            return piece
        if step.release:
            released = step.release
            choice.released = True
    rest, decision = await choice.monitor.finish()
    rest = released + rest
    choice.decision = decision
    if decision.action in _STOPPED:
        piece["content"] = choice.stop(decision, guard)
        return piece
    if rest:
        piece["content"] = rest
    if not choice.tool_calls:
        return piece
    calls = [choice.tool_calls[k] for k in sorted(choice.tool_calls)]
    message: dict[str, Any] = {"role": "assistant", "content": None, "tool_calls": calls}
    text, _ = reply_segments(message)
    verdict = await guard.acheck_output(
        ex.conversation, text, overrides=ex.overrides, response_format=ex.response_format
    )
    choice.tool_decision = verdict
    if verdict.action in _STOPPED:
        piece["content"] = (piece.get("content") or "") + choice.stop(verdict, guard)
        return piece
    if verdict.action == "redact":
        message = redact_reply(message, verdict)
    piece["tool_calls"] = [{"index": k, **call} for k, call in enumerate(message["tool_calls"])]
    return piece


def _collect(ex: Exchange, choices: dict[int, _Choice]) -> None:
    ex.outputs = [d for c in choices.values() for d in (c.decision, c.tool_decision) if d is not None]
