"""Records the store keeps besides cases and results: runs, decisions and chain reports."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "DECISION_RECORD_VERSION",
    "GENESIS_HASH",
    "ChainReport",
    "DecisionRecord",
    "RunInfo",
    "RunStatus",
    "new_id",
    "utcnow",
]

DECISION_RECORD_VERSION = 1
#: ``prev_hash`` of the first decision of a chain.
GENESIS_HASH = "0" * 64

RunStatus = Literal["running", "finished", "interrupted"]


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    """A fresh random identifier (32 hex digits)."""
    return uuid.uuid4().hex


def _as_utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class RunInfo(BaseModel):
    """One audit run: what was run (spec, suite, model, parameters) and how far it got."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    run_id: str = Field(default_factory=new_id, min_length=1)
    created_at: datetime = Field(default_factory=utcnow)
    spec_sha256: str = ""
    spec_source: str = ""
    suite_path: str = ""
    suite_sha256: str = ""
    model: str = ""
    params: dict[str, Any] = Field(default_factory=dict)
    status: RunStatus = "running"
    finished_at: datetime | None = None
    config: dict[str, Any] = Field(default_factory=dict)

    @field_validator("created_at", "finished_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return None if value is None else _as_utc(value)


class DecisionRecord(BaseModel):
    """One entry of the gateway's decision log (the accountability record).

    ``payload`` holds the guard's decision as JSON. ``seq``, ``prev_hash`` and ``hash`` are the
    chain fields: leave them ``None``; :meth:`Store.append_decision` fills them in. ``hash`` is
    ``sha256(prev_hash + canonical_json(record without the chain fields))``.
    """

    # non-finite floats are kept as such, so that canonical_json refuses them instead of storing null
    model_config = ConfigDict(frozen=True, extra="forbid", ser_json_inf_nan="constants")

    version: int = DECISION_RECORD_VERSION
    decision_id: str = Field(default_factory=new_id, min_length=1)
    created_at: datetime = Field(default_factory=utcnow)
    tenant: str = ""
    profile: str = ""
    action: str
    spec_sha256: str = ""
    policy_hash: str = ""
    payload: dict[str, Any] = Field(default_factory=dict)
    # chain fields, set by the store
    seq: int | None = None
    prev_hash: str | None = None
    hash: str | None = None

    @field_validator("created_at")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        return _as_utc(value)

    @property
    def chained(self) -> bool:
        """Has this record been appended to a chain (are its chain fields set)?"""
        return self.seq is not None or self.prev_hash is not None or self.hash is not None


class ChainReport(BaseModel):
    """The outcome of :func:`verify_chain`: ``ok`` or the first sequence number that is wrong and why."""

    model_config = ConfigDict(frozen=True)

    ok: bool
    checked: int = 0
    first_bad_seq: int | None = None
    reason: str = ""
    head_seq: int = 0
    head_hash: str = GENESIS_HASH
