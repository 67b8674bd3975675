"""Keeping the gateway's decisions: one chained record per request, written before the reply ends."""

from __future__ import annotations

from typing import Any

from charter.store import DecisionRecord, Store

__all__ = ["DecisionLog", "redact_tree"]

#: keys whose string values hold conversation text (masked with ``--redact-store``)
_TEXT_KEYS = frozenset(
    {"content", "text", "arguments", "explanation", "message", "refusal", "guidance", "redacted", "untrusted"}
)


def redact_tree(value: Any, key: str | None = None) -> Any:
    """A copy of ``value`` with personal data masked in every conversation-text field."""
    from charter.checks._pii import redact_pii

    if isinstance(value, str):
        return redact_pii(value) if key in _TEXT_KEYS and value else value
    if isinstance(value, dict):
        return {k: redact_tree(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_tree(v, key) for v in value]
    return value


class DecisionLog:
    """Appends decision records to the store's hash chain (committed when :meth:`append` returns)."""

    def __init__(self, store: Store, *, redact: bool = False) -> None:
        self.store = store
        self.redact = redact

    async def append(
        self,
        *,
        decision_id: str,
        tenant: str,
        profile: str,
        action: str,
        spec_sha256: str,
        policy_hash: str,
        payload: dict[str, Any],
    ) -> DecisionRecord:
        """Store one decision; raises :class:`~charter.exceptions.StoreError` when it cannot."""
        record = DecisionRecord(
            decision_id=decision_id,
            tenant=tenant,
            profile=profile,
            action=action,
            spec_sha256=spec_sha256,
            policy_hash=policy_hash,
            payload=redact_tree(payload) if self.redact else payload,
        )
        return await self.store.aappend_decision(record)
