"""The OpenAI chat-completions wire format: requests into conversations, replies into text, errors.

Plain dicts throughout (no pydantic round trip on the hot path). A message's text for the guard is
built from *segments*: its string content, the text of each content part, the arguments of each
tool call. Each segment remembers where it came from, so a span the guard wants masked is written
back into exactly that place of the OpenAI message.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from charter.chat import Message, Role
from charter.checks import Span
from charter.guard import Decision, mask_spans

__all__ = [
    "BadRequest",
    "Segment",
    "error_body",
    "mask_segments",
    "parse_messages",
    "redact_reply",
    "reply_segments",
]

_ROLES = {
    "system": Role.SYSTEM,
    "developer": Role.DEVELOPER,
    "user": Role.USER,
    "assistant": Role.ASSISTANT,
    "tool": Role.TOOL,
    "function": Role.TOOL,
}
_TEXT_PARTS = ("text", "input_text", "output_text", "refusal")
_SEPARATOR = "\n"


class BadRequest(ValueError):
    """The client's request is not a valid chat-completions request (answered with HTTP 400 or 413).

    Internal to the gateway: it never leaves the app, which turns it into an OpenAI error reply.
    """

    def __init__(self, message: str, param: str | None = None, *, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        self.status = status


def error_body(message: str, kind: str, *, param: str | None = None, code: str | None = None) -> bytes:
    """OpenAI's error JSON: ``{"error": {"message", "type", "param", "code"}}``."""
    error = {"message": message, "type": kind, "param": param, "code": code}
    return json.dumps({"error": error}, ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Segment:
    """Characters ``start:end`` of a message's guard text, which live at ``where`` in the message.

    ``where`` is ``("content",)``, ``("part", j)`` (the text of content part ``j``),
    ``("tool_call", k)`` (the arguments of tool call ``k``) or ``("function_call",)``.
    """

    start: int
    end: int
    where: tuple[str, ...] | tuple[str, int]


def _text_of(
    item: dict[str, Any], pieces: list[str], segments: list[Segment], where: str, *, strict: bool = True
) -> None:
    """Append the text of ``item``'s content (string or parts) and tool calls to ``pieces``."""

    def add(text: str, at: tuple[str, ...] | tuple[str, int]) -> None:
        start = sum(len(p) for p in pieces) + (len(_SEPARATOR) if pieces else 0)
        if pieces:
            pieces.append(_SEPARATOR)
        pieces.append(text)
        segments.append(Segment(start, start + len(text), at))

    content = item.get("content")
    if isinstance(content, str):
        add(content, ("content",))
    elif isinstance(content, list):
        for j, part in enumerate(content):
            if isinstance(part, str):
                add(part, ("part", j))
                continue
            if not isinstance(part, dict):
                if strict:
                    raise BadRequest("a content part must be an object", f"{where}.content[{j}]")
                continue
            kind = part.get("type")
            if kind in _TEXT_PARTS:
                text = part.get("text" if kind != "refusal" else "refusal", part.get("text"))
                if not isinstance(text, str):
                    if strict:
                        raise BadRequest(f"a {kind} part needs a string", f"{where}.content[{j}]")
                    continue
                add(text, ("part", j))
    elif content is not None and strict:
        raise BadRequest("content must be a string, an array of content parts or null", f"{where}.content")
    calls = item.get("tool_calls")
    if isinstance(calls, list):
        for k, call in enumerate(calls):
            function = call.get("function") if isinstance(call, dict) else None
            arguments = function.get("arguments") if isinstance(function, dict) else None
            if isinstance(arguments, str):
                add(arguments, ("tool_call", k))
            elif strict and arguments is not None:
                raise BadRequest("tool call arguments must be a string", f"{where}.tool_calls[{k}]")
    elif calls is not None and strict:
        raise BadRequest("tool_calls must be an array", f"{where}.tool_calls")
    legacy = item.get("function_call")
    if isinstance(legacy, dict) and isinstance(legacy.get("arguments"), str):
        add(legacy["arguments"], ("function_call",))


def parse_messages(items: object) -> tuple[list[Message], list[list[Segment]]]:
    """The request's ``messages`` as charter messages, with each message's segments."""
    if not isinstance(items, list) or not items:
        raise BadRequest("messages must be a non-empty array", "messages")
    messages: list[Message] = []
    all_segments: list[list[Segment]] = []
    for i, item in enumerate(items):
        where = f"messages[{i}]"
        if not isinstance(item, dict):
            raise BadRequest("each message must be an object", where)
        role = _ROLES.get(item.get("role"))  # type: ignore[arg-type]
        if role is None:
            raise BadRequest(
                f"unknown role {item.get('role')!r} (expected one of {', '.join(_ROLES)})", f"{where}.role"
            )
        pieces: list[str] = []
        segments: list[Segment] = []
        _text_of(item, pieces, segments, where)
        name = item.get("name")
        if name is not None and not isinstance(name, str):
            raise BadRequest("name must be a string", f"{where}.name")
        messages.append(Message(role=role, content="".join(pieces), name=name))
        all_segments.append(segments)
    return messages, all_segments


def reply_segments(message: dict[str, Any]) -> tuple[str, list[Segment]]:
    """The text the guard judges for a reply message: its content and its tool calls' arguments."""
    pieces: list[str] = []
    segments: list[Segment] = []
    _text_of(message, pieces, segments, "reply", strict=False)
    return "".join(pieces), segments


def mask_segments(
    message: dict[str, Any], segments: Sequence[Segment], spans: Sequence[tuple[Span, str]]
) -> bool:
    """Mask each ``(span, check)`` in ``message`` in place (``[REDACTED:check]``); True if it changed."""
    changed = False
    for segment in segments:
        inside = [
            (
                max(span.start, segment.start) - segment.start,
                min(span.end, segment.end) - segment.start,
                check,
            )
            for span, check in spans
            if span.start < segment.end and span.end > segment.start
        ]
        if not inside:
            continue
        labelled = [(s, e, f"REDACTED:{check}") for s, e, check in inside]
        changed = True
        kind = segment.where[0]
        if kind == "content":
            message["content"] = mask_spans(message["content"], labelled)
        elif kind == "part":
            index = int(segment.where[1])
            part = message["content"][index]
            if isinstance(part, str):
                message["content"][index] = mask_spans(part, labelled)
            else:
                field = "refusal" if part.get("type") == "refusal" and "refusal" in part else "text"
                message["content"][index] = {**part, field: mask_spans(part[field], labelled)}
        elif kind == "tool_call":
            index = int(segment.where[1])
            call = message["tool_calls"][index]
            function = {**call["function"], "arguments": mask_spans(call["function"]["arguments"], labelled)}
            message["tool_calls"][index] = {**call, "function": function}
        else:
            legacy = message["function_call"]
            message["function_call"] = {**legacy, "arguments": mask_spans(legacy["arguments"], labelled)}
    return changed


def redact_reply(message: dict[str, Any], decision: Decision) -> dict[str, Any]:
    """A copy of a reply message with the decision's ``redact`` spans masked."""
    spans = [
        (span, c.check)
        for c in decision.citations
        if c.action == "redact"
        for span in c.evidence
        if span.source == "reply"
    ]
    copy = dict(message)
    for field in ("content", "tool_calls"):
        if isinstance(copy.get(field), list):
            copy[field] = list(copy[field])
    _, segments = reply_segments(copy)
    mask_segments(copy, segments, spans)
    return copy
