"""Group commit: several decisions in one durable transaction, one chain."""

from __future__ import annotations

import asyncio
import itertools
import threading
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
