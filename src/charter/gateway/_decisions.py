"""Keeping the gateway's decisions: one chained record per request, written before the reply ends."""

from __future__ import annotations

import asyncio
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
    """Appends decision records to the store's hash chain, committed before :meth:`append` returns.

    Group commit: records that arrive while a batch is being written wait for the next batch, and
    each batch is one durable transaction (one fsync), so throughput grows with concurrency while
    every caller still gets its record back only once it is on disk.
    """

    def __init__(self, store: Store, *, redact: bool = False, max_batch: int = 256) -> None:
        self.store = store
        self.redact = redact
        self.max_batch = max_batch
        self._pending: list[tuple[DecisionRecord, asyncio.Future[DecisionRecord]]] = []
        self._writer: asyncio.Task[None] | None = None

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
        future: asyncio.Future[DecisionRecord] = asyncio.get_running_loop().create_future()
        self._pending.append((record, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._flush())
        return await future

    async def _flush(self) -> None:
        while self._pending:
            batch, self._pending = self._pending[: self.max_batch], self._pending[self.max_batch :]
            try:
                stored = await asyncio.to_thread(self.store.append_decisions, [record for record, _ in batch])
            except Exception as exc:  # noqa: BLE001 - re-raised in every waiter of the batch
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (_, future), record in zip(batch, stored, strict=True):
                if not future.done():
                    future.set_result(record)
