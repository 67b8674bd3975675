"""Keeping the gateway's decisions: one chained record per request, written before the reply ends."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Literal

from charter.exceptions import StoreError
from charter.store import DecisionRecord, Store

__all__ = ["DecisionLog", "StoreSync", "redact_tree"]

log = logging.getLogger("charter.gateway")

#: after a restarting checkpoint that a long read kept from working, seconds before the next try
_RESTART_BACKOFF_S = 10.0
#: how durable a decision is before its reply is sent (see :class:`DecisionLog`)
StoreSync = Literal["commit", "fsync"]

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
    """Appends decision records to the store's hash chain; each is stored before :meth:`append` returns.

    ``sync`` says how durable a decision is before its reply goes out:

    * ``"commit"`` (default): committed, so it survives the gateway being killed (SIGKILL, OOM, a
      crash), and the log is fsynced every ``sync_interval_s`` in the background, so a power loss
      or an OS crash can take at most that much of it. On a local store (SQLite) the commit runs on
      the event loop: about 0.2 ms, less than handing it to a worker thread, which under load waits
      for the GIL while the loop holds it, and then releases the replies of a whole batch at once.
      PostgreSQL commits durably anyway: there both modes behave like ``"fsync"``. SQLite's own
      checkpoints (copying the log into the database, and two fsyncs: milliseconds, every few
      hundred commits) are moved off the event loop too: a worker thread runs them after each
      sync, on a connection of its own, while commits go on. SQLite starts its log over only after
      a checkpoint during which nothing was committed, so when the log has grown past
      ``restart_log_bytes`` the next checkpoint holds new appends until it is done (they wait,
      the event loop does not; tens of milliseconds, at most every few seconds under load).
    * ``"fsync"``: the reply waits until its decision survives a power loss. Group commit: records
      that arrive while a batch is being written wait for the next batch, and each batch is one
      durable transaction (one fsync) in a worker thread, so throughput grows with concurrency.
    """

    def __init__(
        self,
        store: Store,
        *,
        redact: bool = False,
        max_batch: int = 256,
        sync: StoreSync = "commit",
        sync_interval_s: float = 1.0,
        restart_log_bytes: int = 64 * 1024 * 1024,
    ) -> None:
        self.store = store
        self.redact = redact
        self.max_batch = max_batch
        self.sync = sync
        self.sync_interval_s = sync_interval_s
        self.restart_log_bytes = restart_log_bytes
        self._inline = sync == "commit" and store.local
        if self._inline:
            store.defer_checkpoints()
        #: set while a checkpoint that lets the log start over runs: appends wait for it
        self._held: asyncio.Future[None] | None = None
        #: loop time before which no restarting checkpoint is tried (after one that could not be had)
        self._restart_after = 0.0
        self._pending: list[tuple[DecisionRecord, asyncio.Future[DecisionRecord]]] = []
        self._writer: asyncio.Task[None] | None = None
        self._syncer: asyncio.Task[None] | None = None
        self._unsynced = False

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
        if self._inline:
            while self._held is not None:
                await asyncio.shield(self._held)
            stored = self.store.append_decisions([record], durable=False)[0]
            self._unsynced = True
            if self._syncer is None or self._syncer.done():
                self._syncer = asyncio.create_task(self._sync_periodically())
            return stored
        future: asyncio.Future[DecisionRecord] = asyncio.get_running_loop().create_future()
        self._pending.append((record, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._flush())
        return await future

    async def _flush(self) -> None:
        while self._pending:
            batch, self._pending = self._pending[: self.max_batch], self._pending[self.max_batch :]
            try:
                stored = await asyncio.to_thread(
                    self.store.append_decisions, [record for record, _ in batch], durable=True
                )
            except Exception as exc:  # noqa: BLE001 - re-raised in every waiter of the batch
                for _, future in batch:
                    if not future.done():
                        future.set_exception(exc)
                continue
            for (_, future), record in zip(batch, stored, strict=True):
                if not future.done():
                    future.set_result(record)

    async def _sync_periodically(self) -> None:
        while True:
            await asyncio.sleep(self.sync_interval_s)
            if self._unsynced:
                self._unsynced = False
                try:
                    await asyncio.to_thread(self.store.sync)
                    await self.checkpoint()
                except StoreError as exc:
                    self._unsynced = True
                    log.error("decision log: cannot sync the store: %s", exc)

    async def checkpoint(self) -> None:
        """Copy the store's log into its database in a worker thread (see the class docstring).
        When the log is still larger than ``restart_log_bytes`` after that, one more checkpoint
        runs with appends held (and other processes' writes kept waiting), so that it copies the
        few commits made meanwhile and SQLite starts the log over at the next commit. If a long
        read keeps it from doing so, the next try waits :data:`_RESTART_BACKOFF_S`."""
        if not self._inline:
            return
        loop = asyncio.get_running_loop()
        size = await asyncio.to_thread(self.store.checkpoint)
        if size <= self.restart_log_bytes or loop.time() < self._restart_after:
            return
        held = loop.create_future()
        self._held = held
        try:
            left = await asyncio.to_thread(self.store.checkpoint, restart=True)
        finally:
            self._held = None
            held.set_result(None)
        if left:
            self._restart_after = loop.time() + _RESTART_BACKOFF_S
            log.warning(
                "decision log: the store's write-ahead log (%.0f MB) cannot start over while another "
                "connection reads it; trying again in %.0f s",
                left / 1e6,
                _RESTART_BACKOFF_S,
            )

    async def aclose(self) -> None:
        """Stop the background sync and sync what it had not (call it before closing the store)."""
        syncer, self._syncer = self._syncer, None
        if syncer is not None:
            syncer.cancel()
            await asyncio.gather(syncer, return_exceptions=True)
        if self._unsynced:
            self._unsynced = False
            await asyncio.to_thread(self.store.sync)
            await self.checkpoint()
        if self._inline:
            self.store.defer_checkpoints(False)
