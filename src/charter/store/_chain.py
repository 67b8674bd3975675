"""The decision log's hash chain: canonical JSON, the link hash and the verification of stored rows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError, to_jsonable_python

from charter.exceptions import StoreError
from charter.store._records import GENESIS_HASH, ChainReport, DecisionRecord

__all__ = [
    "CHAIN_FIELDS",
    "DECISION_COLUMNS",
    "canonical_json",
    "chain_hash",
    "make_cache_key",
    "record_text",
    "verify_rows",
]

#: Fields of a DecisionRecord that the chain computes (never part of the hashed text).
CHAIN_FIELDS = frozenset({"seq", "prev_hash", "hash"})
#: Denormalised columns of the ``decisions`` table, each a copy of the record field of the same name.
DECISION_COLUMNS = ("decision_id", "tenant", "profile", "action", "spec_sha256", "policy_hash")


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no whitespace, UTF-8 text kept as is; NaN and infinities refused."""
    try:
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"value cannot be stored as canonical JSON: {exc}") from exc


def chain_hash(prev_hash: str, text: str) -> str:
    """``sha256(prev_hash + text)`` as hex."""
    try:
        data = (prev_hash + text).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise StoreError(f"record is not valid UTF-8 text: {exc}") from exc
    return hashlib.sha256(data).hexdigest()


def record_text(record: DecisionRecord) -> str:
    """The exact text that is stored and hashed for ``record``: canonical JSON without the chain fields."""
    try:
        data = record.model_dump(mode="json", exclude=set(CHAIN_FIELDS))
    except PydanticSerializationError as exc:
        raise StoreError(f"decision {record.decision_id}: payload is not JSON: {exc}") from exc
    return canonical_json(data)


def make_cache_key(**parts: Any) -> str:
    """A response-cache key: sha256 of the canonical JSON of ``parts`` (pydantic models allowed).

    The audit runner calls it as ``make_cache_key(provider=..., model=..., params=..., messages=...)``.
    """

    def _plain(value: Any) -> Any:
        if isinstance(value, BaseModel):
            return value.model_dump(mode="json")
        return to_jsonable_python(value)

    try:
        plain = {key: _plain(value) for key, value in parts.items()}
    except PydanticSerializationError as exc:
        raise StoreError(f"cache key parts are not JSON: {exc}") from exc
    return hashlib.sha256(canonical_json(plain).encode("utf-8")).hexdigest()


def _parse_time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None


def _row_problem(row: tuple[Any, ...]) -> str | None:
    """Why the record text of a row does not match its own columns (``None`` when it does)."""
    _seq, created_at, text = row[0], row[1], row[8]
    columns = dict(zip(DECISION_COLUMNS, row[2:8], strict=True))
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        return "record is not valid JSON"
    if not isinstance(data, dict):
        return "record is not a JSON object"
    if canonical_json(data) != text:
        return "record is not in canonical form (edited?)"
    for name in DECISION_COLUMNS:
        if data.get(name) != columns[name]:
            return f"column {name!r} differs from the record (edited?)"
    recorded = _parse_time(str(data.get("created_at")))
    if recorded is None or recorded != _parse_time(str(created_at)):
        return "column 'created_at' differs from the record (edited?)"
    return None


def verify_rows(
    rows: Iterable[tuple[Any, ...]],
    head: tuple[int, str] | None,
    *,
    anchor: tuple[int, str] | None = None,
) -> ChainReport:
    """Check decision rows, in ``seq`` order, against each other and against the chain head.

    A row is ``(seq, created_at, decision_id, tenant, profile, action, spec_sha256, policy_hash,
    record_json, prev_hash, hash)``; ``head`` is ``(seq, hash)`` from the ``chain_head`` table.
    Detects an edited record or column, a deleted, inserted or reordered row, and a truncated tail.
    ``anchor`` is an externally kept ``(seq, hash)`` that the chain must still contain.
    """
    head_seq, head_hash = head if head is not None else (0, GENESIS_HASH)

    def bad(checked: int, seq: int | None, reason: str) -> ChainReport:
        return ChainReport(
            ok=False,
            checked=checked,
            first_bad_seq=seq,
            reason=reason,
            head_seq=head_seq,
            head_hash=head_hash,
        )

    if head is None:
        return bad(0, None, "the chain head is missing")
    expected = 1
    prev = GENESIS_HASH
    checked = 0
    anchored = anchor is None
    for row in rows:
        seq, prev_hash, digest = int(row[0]), row[9], row[10]
        if seq != expected:
            if seq > expected:
                return bad(checked, expected, f"decision {expected} is missing (deleted?)")
            return bad(checked, seq, f"decision {seq} is out of order")
        if seq > head_seq:
            return bad(
                checked, seq, f"decision {seq} is beyond the chain head {head_seq} (inserted outside?)"
            )
        if prev_hash != prev:
            return bad(checked, seq, f"prev_hash of decision {seq} is not the hash of decision {seq - 1}")
        if chain_hash(prev_hash, row[8]) != digest:
            return bad(checked, seq, f"hash of decision {seq} does not match its record (edited?)")
        problem = _row_problem(row)
        if problem is not None:
            return bad(checked, seq, f"decision {seq}: {problem}")
        if anchor is not None and seq == anchor[0]:
            if digest != anchor[1]:
                return bad(checked, seq, f"decision {seq} does not match the anchor hash")
            anchored = True
        prev = digest
        expected += 1
        checked += 1
    if checked < head_seq:
        return bad(checked, checked + 1, f"decisions {checked + 1}..{head_seq} are missing (truncated?)")
    if prev != head_hash:
        return bad(checked, head_seq, f"the chain head hash is not the hash of decision {head_seq}")
    if not anchored and anchor is not None:
        return bad(checked, anchor[0], f"anchor decision {anchor[0]} is not in the chain")
    return ChainReport(ok=True, checked=checked, head_seq=head_seq, head_hash=head_hash)
