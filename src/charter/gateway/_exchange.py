"""Per-key and per-request state of the gateway, and the small helpers every part of it uses."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

from charter.chat import Conversation
from charter.gateway._config import ApiKey
from charter.gateway._wire import Segment
from charter.guard import ACTION_ORDER, Decision, Guard, Overrides

__all__ = [
    "Client",
    "Event",
    "Exchange",
    "Headers",
    "Receive",
    "Scope",
    "Send",
    "TokenBucket",
    "decision_json",
    "dumps",
    "sse",
    "strictest",
]

Scope = MutableMapping[str, Any]
Event = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Event]]
Send = Callable[[Event], Awaitable[None]]
Headers = list[tuple[bytes, bytes]]

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def dumps(value: Any) -> bytes:
    """Compact JSON as UTF-8 bytes."""
    return _ENCODE(value).encode("utf-8")


def sse(value: Any) -> bytes:
    """One server-sent event carrying ``value`` as JSON, as OpenAI streams chunks."""
    return b"data: " + _ENCODE(value).encode("utf-8") + b"\n\n"


def strictest(actions: Sequence[str]) -> str:
    """The strictest of the guard's actions (``block`` first, ``allow`` last)."""
    return min(actions, key=lambda a: ACTION_ORDER.index(a) if a in ACTION_ORDER else -1, default="allow")


def decision_json(decision: Decision) -> dict[str, Any]:
    """A decision as stored: the redacted texts are left out (the record keeps what was sent)."""
    return decision.model_dump(mode="json", exclude={"redacted_messages", "redacted"})


class TokenBucket:
    """``rpm`` requests per minute with bursts of up to ``rpm``; 0 means no limit."""

    __slots__ = ("capacity", "rate", "stamp", "tokens")

    def __init__(self, rpm: int) -> None:
        self.capacity = float(rpm)
        self.rate = rpm / 60.0
        self.tokens = float(rpm)
        self.stamp = time.monotonic()

    def take(self) -> float:
        """0 when a request may go now (a token is taken), else the seconds until one may."""
        if self.capacity <= 0:
            return 0.0
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate


class Client:
    """What a key gives: its tenant's guard (spec + profile, policies cached) and its rate limit."""

    __slots__ = ("bucket", "guard", "key")

    def __init__(self, key: ApiKey, guard: Guard) -> None:
        self.key = key
        self.guard = guard
        self.bucket = TokenBucket(key.rpm)


class Exchange:
    """One chat request on its way through the gateway, and what will be stored about it."""

    __slots__ = (
        "body",
        "client",
        "conversation",
        "error",
        "id",
        "input",
        "model",
        "n",
        "outputs",
        "overrides",
        "request",
        "response",
        "response_format",
        "retries",
        "segments",
        "start",
        "status",
        "stream",
        "timing",
    )

    def __init__(self, client: Client, start: float) -> None:
        self.client = client
        #: the decision id, made before anything else so a stream can send it in its headers
        self.id = os.urandom(16).hex()  # 128 random bits, as uuid4().hex, without building a UUID
        self.start = start
        self.stream = False
        self.model = ""
        self.n = 1
        self.status = 200
        self.request: dict[str, Any] = {}
        #: the output format the request asks for (``response_format.type``), for the output checks
        self.response_format: str | None = None
        #: the request body as received, while it can be forwarded as is
        self.body: bytes | None = None
        self.overrides: Overrides | None = None
        self.conversation = Conversation()
        self.segments: list[list[Segment]] = []
        self.input: Decision | None = None
        self.outputs: list[Decision] = []
        self.retries: list[Decision] = []
        self.response: list[dict[str, Any]] | None = None
        self.error: dict[str, Any] | None = None
        self.timing: dict[str, float] = {}

    @property
    def guard(self) -> Guard:
        return self.client.guard

    @property
    def input_action(self) -> str:
        return self.input.action if self.input is not None else "allow"

    def headers(self, action: str) -> Headers:
        return [(b"x-charter-decision-id", self.id.encode()), (b"x-charter-action", action.encode())]

    def elapsed_ms(self) -> float:
        return round((time.perf_counter() - self.start) * 1000, 3)

    def payload(self) -> dict[str, Any]:
        """What the store keeps about this request (both stages' decisions, request and reply)."""
        return {
            "key_id": self.client.key.id,
            "model": self.model,
            "stream": self.stream,
            "status": self.status,
            "request": {
                "messages": self.request.get("messages"),
                "overrides": self.overrides.model_dump(mode="json") if self.overrides is not None else None,
            },
            "input": decision_json(self.input) if self.input is not None else None,
            "output": [decision_json(d) for d in self.outputs] or None,
            "safe_completion": [decision_json(d) for d in self.retries] or None,
            "response": self.response,
            "error": self.error,
            "timing_ms": self.timing,
        }
