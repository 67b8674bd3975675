"""Records every check and judge produces or consumes."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from charter.chat import Conversation

__all__ = ["VERDICT_VERSION", "CheckVerdict", "Sample", "Span"]

VERDICT_VERSION = 1


class Span(BaseModel):
    """Evidence: characters ``start:end`` of the reply (or of ``source`` when it is another text)."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    source: str = "reply"


class Sample(BaseModel):
    """What a check looks at: the conversation so far and the reply to judge."""

    model_config = ConfigDict(frozen=True)

    conversation: Conversation = Field(default_factory=Conversation)
    reply: str = ""
    id: str | None = None
    #: the output format the request asked for (OpenAI's ``response_format.type``: ``text``,
    #: ``json_object``, ``json_schema``), when the request said
    response_format: str | None = None


class CheckVerdict(BaseModel):
    """One check's verdict on one sample, with everything needed to explain it later.

    ``label`` is the check's categorical output (``violation``/``ok`` for deterministic checks,
    ``full_compliance``/``partial_refusal``/``full_refusal`` for the refusal judge, ...).
    ``score`` in [0, 1] is the check's graded output on its own documented scale.
    ``passed`` says whether the reply keeps the statement the check serves, when the check
    knows what is expected (``None`` for a pure classifier with no expectation).
    A check that could not decide sets ``error`` and ``passed=None``: never a silent verdict.
    """

    model_config = ConfigDict(frozen=True)

    version: int = VERDICT_VERSION
    check: str
    params: dict[str, Any] = Field(default_factory=dict)
    statement_id: str | None = None
    label: str
    score: float = Field(ge=0.0, le=1.0)
    passed: bool | None = None
    explanation: str = ""
    evidence: list[Span] = Field(default_factory=list)
    latency_ms: float = 0.0
    error: str | None = None
