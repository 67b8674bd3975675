"""Group commit: several decisions in one durable transaction, one chain."""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from charter.exceptions import StoreError
from charter.gateway._decisions import DecisionLog
from charter.store import DecisionRecord, open_store, verify_chain
from charter.store._sqlite import SQLiteStore


def test_append_decisions_is_one_atomic_chained_batch(store_url: str) -> None:
    with open_store(store_url) as store:
        store.append_decision(DecisionRecord(action="allow"))
        batch = [DecisionRecord(action="flag", tenant=f"t{i}") for i in range(5)]
        stored = store.append_decisions(batch)
        assert [r.seq for r in stored] == [2, 3, 4, 5, 6]
        assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(stored))
        # a batch with a conflicting record writes nothing
        clash = DecisionRecord(decision_id=stored[0].decision_id, action="block")
        with pytest.raises(StoreError):
            store.append_decisions([DecisionRecord(action="allow"), clash])
        assert store.chain_head()[0] == 6 and verify_chain(store).ok


def test_decision_log_groups_concurrent_appends(store_url: str) -> None:
    with open_store(store_url) as store:
        log = DecisionLog(store, sync="fsync")

        async def many() -> list[DecisionRecord]:
            return list(await asyncio.gather(*(_append(log, i) for i in range(200))))

        records = asyncio.run(many())
        assert sorted(r.seq or 0 for r in records) == list(range(1, 201))
        assert verify_chain(store).ok and store.get_decision("d199") is not None


class SpyStore(SQLiteStore):
    """A SQLite store that records how appends and syncs are made."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.appends: list[tuple[bool, int]] = []  # (durable, thread)
        self.syncs = 0

    def append_decisions(self, records: Sequence[DecisionRecord], *, durable: bool = True) -> Any:
        self.appends.append((durable, threading.get_ident()))
        return super().append_decisions(records, durable=durable)

    def sync(self) -> None:
        self.syncs += 1
        super().sync()


def _append(log: DecisionLog, i: int) -> Any:
    return log.append(
        decision_id=f"d{i}",
        tenant="t",
        profile="p",
        action="allow",
        spec_sha256="0" * 64,
        policy_hash="1" * 64,
        payload={"i": i},
    )


def test_commit_mode_commits_on_the_loop_and_syncs_in_the_background(tmp_path: Path) -> None:
    store = SpyStore(tmp_path / "d.db")
    log = DecisionLog(store, sync_interval_s=0.05)  # "commit" is the default

    async def run() -> int:
        for i in range(3):
            assert (await _append(log, i)).seq == i + 1
        await asyncio.sleep(0.2)
        synced = store.syncs
        await _append(log, 3)
        await log.aclose()  # syncs what the timer had not
        return synced

    synced = asyncio.run(run())
    loop_thread = threading.get_ident()  # asyncio.run ran on this thread
    assert [durable for durable, _ in store.appends] == [False] * 4
    assert {thread for _, thread in store.appends} == {loop_thread}  # inline: no worker thread
    assert synced >= 1 and store.syncs == synced + 1
    assert verify_chain(store).ok
    store.close()
    with open_store(tmp_path / "d.db") as reopened:
        assert reopened.chain_head()[0] == 4


def test_fsync_mode_appends_durably_in_a_worker_thread(tmp_path: Path) -> None:
    store = SpyStore(tmp_path / "d.db")
    log = DecisionLog(store, sync="fsync")

    async def run() -> None:
        await asyncio.gather(*(_append(log, i) for i in range(5)))
        await log.aclose()

    asyncio.run(run())
    assert store.appends and all(durable for durable, _ in store.appends)
    assert all(thread != threading.get_ident() for _, thread in store.appends)
    assert store.syncs == 0 and store.chain_head()[0] == 5
    store.close()


def _auto_checkpoint(store: SQLiteStore) -> int:
    with store._read() as tx:
        row = tx.one("PRAGMA wal_autocheckpoint")
    assert row is not None
    return int(row[0])


def _db_pages(path: Path) -> int:
    return path.stat().st_size // 4096


def test_sqlite_checkpoints_only_when_asked_after_defer(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    with SQLiteStore(path) as store:
        store.defer_checkpoints()
        before = _db_pages(path)
        big = "x" * 3000
        for i in range(400):  # ~2,000 log pages: past SQLite's automatic checkpoint at 1,000
            store.append_decisions(
                [DecisionRecord(action="allow", payload={"i": i, "t": big})], durable=False
            )
        assert _db_pages(path) == before  # nothing copied into the database during the commits
        log_bytes = store.checkpoint()
        assert log_bytes > 1000 * 4096
        assert _db_pages(path) > before + 300  # the checkpoint copied the log
        # nothing was committed during that checkpoint, so the next commit starts the log over
        store.append_decisions([DecisionRecord(action="allow")], durable=False)
        assert store.checkpoint() < 20 * 4096
        assert verify_chain(store).ok and store.chain_head()[0] == 401


def test_store_without_a_log_of_its_own_has_no_checkpoints(store_url: str) -> None:
    with open_store(store_url) as store:
        store.append_decision(DecisionRecord(action="allow"))
        if store.dialect == "postgresql":
            store.defer_checkpoints()
            assert store.checkpoint() == 0


class CheckpointSpy(SQLiteStore):
    """Records, at each checkpoint, whether appends ran while it was going on."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.checkpoints: list[tuple[int, int]] = []  # (appends before, appends after)
        self.sizes: list[int] = []
        self.appended = 0

    def append_decisions(self, records: Sequence[DecisionRecord], *, durable: bool = True) -> Any:
        self.appended += len(records)
        return super().append_decisions(records, durable=durable)

    def checkpoint(self, *, restart: bool = False) -> int:
        before = self.appended
        threading.Event().wait(0.03)  # a slow disk: appends that can go on, do
        size = super().checkpoint(restart=restart)
        self.checkpoints.append((before, self.appended))
        self.sizes.append(size)
        return size


def test_decision_log_checkpoints_in_the_background_and_restarts_a_large_log(tmp_path: Path) -> None:
    store = CheckpointSpy(tmp_path / "d.db")
    log = DecisionLog(store, sync_interval_s=0.05, restart_log_bytes=64 * 1024)

    async def writer(start: int) -> list[int]:
        seqs = []
        for i in range(start, start + 150):
            record = await _append(log, i)
            seqs.append(record.seq or 0)
            await asyncio.sleep(0.001)
        return seqs

    async def run() -> list[int]:
        parts = await asyncio.gather(writer(0), writer(1000))
        await log.aclose()
        return [s for part in parts for s in part]

    assert _auto_checkpoint(store) == 0  # the log does the checkpoints while it is open
    seqs = asyncio.run(run())
    assert _auto_checkpoint(store) == 1000  # SQLite's own again once it is closed
    assert sorted(seqs) == list(range(1, 301))
    # the plain checkpoints let appends go on; the ones that let the log start over held them
    assert any(after > before for before, after in store.checkpoints)
    assert any(after == before for before, after in store.checkpoints)
    # the log was started over while the appends went on, not left to grow
    assert any(later < earlier for earlier, later in itertools.pairwise(store.sizes)), store.sizes
    assert verify_chain(store).ok
    store.close()


def test_log_starts_over_while_another_process_writes_all_the_time(tmp_path: Path) -> None:
    """Two gateways on one SQLite file: the other one's commits never pause, so only a restarting
    checkpoint (which keeps them waiting for a moment) lets the log start over."""
    path = tmp_path / "d.db"
    ours = CheckpointSpy(path)
    other = SQLiteStore(path)  # its own connection: as another process would have
    other.defer_checkpoints()
    log = DecisionLog(ours, sync_interval_s=0.05, restart_log_bytes=64 * 1024)
    stop = threading.Event()
    written: list[int] = []

    def other_gateway() -> None:
        while not stop.is_set():
            other.append_decisions([DecisionRecord(action="allow", payload={"t": "y" * 2000})], durable=False)
            written.append(1)
            stop.wait(0.0005)

    thread = threading.Thread(target=other_gateway)
    thread.start()
    try:

        async def run() -> None:
            for i in range(200):
                await _append(log, i)
                await asyncio.sleep(0.002)
            await log.aclose()

        asyncio.run(run())
    finally:
        stop.set()
        thread.join()
    assert len(written) > 100
    assert any(later < earlier for earlier, later in itertools.pairwise(ours.sizes)), ours.sizes
    assert verify_chain(ours).ok and ours.chain_head()[0] == 200 + len(written)
    other.close()
    ours.close()


def test_a_long_read_keeps_the_log_from_starting_over_and_is_not_waited_for_again_and_again(
    tmp_path: Path,
) -> None:
    class RestartSpy(SQLiteStore):
        def __init__(self, path: Path) -> None:
            super().__init__(path)
            self.restarts: list[int] = []

        def checkpoint(self, *, restart: bool = False) -> int:
            left = super().checkpoint(restart=restart)
            if restart:
                self.restarts.append(left)
            return left

    path = tmp_path / "d.db"
    store = RestartSpy(path)
    log = DecisionLog(store, sync_interval_s=0.05, restart_log_bytes=16 * 1024)
    reader = sqlite3.connect(path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM decisions").fetchone()  # an export reading its snapshot

    async def run() -> None:
        for i in range(150):
            await _append(log, i)
            await asyncio.sleep(0.005)
        await log.aclose()

    started = time.monotonic()
    asyncio.run(run())
    elapsed = time.monotonic() - started
    assert len(store.restarts) == 1 and store.restarts[0] > 0  # tried once, could not, backs off
    assert elapsed < 150 * 0.005 + 1.0  # appends were held only for that one short try
    reader.rollback()
    reader.close()
    store.append_decisions([DecisionRecord(action="allow")], durable=False)
    assert verify_chain(store).ok and store.chain_head()[0] == 151
    store.close()
