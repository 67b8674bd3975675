"""What the guard decides, with the citations that explain it."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from charter.chat import Message
from charter.checks import Span
from charter.spec._model import Action

__all__ = ["ACTION_ORDER", "DECISION_VERSION", "Citation", "Decision", "strictest"]

DECISION_VERSION = 1
#: Strictest first: when several statements are violated, the strictest action wins.
ACTION_ORDER: tuple[Action, ...] = ("block", "safe_complete", "redact", "flag", "allow")


def strictest(actions: list[Action]) -> Action:
    return min(actions, key=ACTION_ORDER.index, default="allow")


class Citation(BaseModel):
    """The statement behind a decision and the check that found the problem."""

    model_config = ConfigDict(frozen=True)

    statement_id: str
    authority: str | None = None
    check: str
    label: str
    score: float
    action: Action
    explanation: str = ""
    evidence: list[Span] = Field(default_factory=list)
    error: str | None = None


class Decision(BaseModel):
    """One guard decision on a request (``input``), a reply (``output``) or a stream (``stream``)."""

    model_config = ConfigDict(frozen=True)

    version: int = DECISION_VERSION
    id: str = Field(default_factory=lambda: os.urandom(16).hex())
    created_at: str = Field(default_factory=lambda: datetime.now(UTC).isoformat())
    stage: Literal["input", "output", "stream"]
    action: Action
    policy_hash: str
    spec_sha256: str
    profile: str = "default"
    tenant: str | None = None
    citations: list[Citation] = Field(default_factory=list)
    latencies_ms: dict[str, float] = Field(default_factory=dict)
    errors: list[str] = Field(default_factory=list)
    #: for ``block``: the refusal to send instead of the reply
    message: str | None = None
    #: for ``redact`` on output: the reply with the offending spans masked
    redacted: str | None = None
    #: for ``redact`` on input: the request's messages with the offending spans masked
    redacted_messages: list[Message] | None = None
    #: for ``safe_complete``: guidance to add when asking the upstream model once more
    guidance: str | None = None

    @property
    def allowed(self) -> bool:
        return self.action in ("allow", "flag")
