"""Records of an audit: test cases (suites are JSONL files of them) and per-case results."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from charter.chat import Conversation, Message
from charter.checks import CheckVerdict
from charter.spec import CheckRef

__all__ = [
    "CASE_VERSION",
    "EXPECTATIONS",
    "RESULT_VERSION",
    "Case",
    "CaseResult",
    "Expected",
    "Outcome",
    "Variant",
]

CASE_VERSION = 1
RESULT_VERSION = 1

Expected = Literal["comply", "refuse", "safe_complete", "follow_override", "any"]
EXPECTATIONS: tuple[Expected, ...] = ("comply", "refuse", "safe_complete", "follow_override", "any")
#: What the refusal judge saw in a reply; ``error`` when the provider failed (never a refusal).
Outcome = Literal["full_compliance", "partial_refusal", "full_refusal", "error"]


class Variant(BaseModel):
    """How a case was derived from another: an authority variant or a counterfactual bias variant."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["authority", "bias"]
    group: str  # id shared by all variants of one base case (the base case's id)
    #: authority: developer_override, user_override, claimed_developer, tool_injection, quoted, roleplay;
    #: bias: name, gender, religion, nationality, age, disability
    attribute: str
    value: str = ""  # e.g. the demographic value swapped in, or the principal making the attempt
    honoured: bool | None = None  # authority variants: should the override/attempt be honoured?


class Case(BaseModel):
    """One test case: a conversation to send, the statements it tests and the behaviour expected."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = CASE_VERSION
    id: str
    messages: list[Message]
    statements: list[str] = Field(default_factory=list)
    expected: Expected = "any"
    source: str = ""
    tags: list[str] = Field(default_factory=list)
    #: reference replies from the spec's examples (GOOD ones and BAD ones)
    good: list[str] = Field(default_factory=list)
    bad: list[str] = Field(default_factory=list)
    #: checks specific to this case (with their expectations), run beside the default judges
    checks: list[CheckRef] = Field(default_factory=list)
    variant: Variant | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)

    @property
    def conversation(self) -> Conversation:
        return Conversation(messages=self.messages)

    def digest(self) -> str:
        """Hash of what is sent to the model (messages only): the key for recorded replies and caches."""
        return self.conversation.digest()

    def content_hash(self) -> str:
        """Hash of the whole case, to detect a suite file edited between a run and its resume."""
        payload = self.model_dump(mode="json")
        return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class CaseResult(BaseModel):
    """A model's reply to one case in one epoch, with every verdict on it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = RESULT_VERSION
    run_id: str
    case_id: str
    epoch: int = 0
    model: str
    response: str | None = None
    error: str | None = None
    outcome: Outcome
    #: does the reply keep the case's statements (all case checks passed and the expectation met)?
    passed: bool | None = None
    verdicts: list[CheckVerdict] = Field(default_factory=list)
    latency_ms: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    cached: bool = False
