"""Group commit: several decisions in one durable transaction, one chain."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from charter.exceptions import StoreError
from charter.gateway._decisions import DecisionLog
from charter.store import DecisionRecord, open_store, verify_chain


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
        log = DecisionLog(store)

        async def many() -> list[DecisionRecord]:
            return list(
                await asyncio.gather(
                    *(
                        log.append(
                            decision_id=f"d{i}",
                            tenant="t",
                            profile="p",
                            action="allow",
                            spec_sha256="0" * 64,
                            policy_hash="1" * 64,
                            payload={"i": i},
                        )
                        for i in range(200)
                    )
                )
            )

        records = asyncio.run(many())
        assert sorted(r.seq or 0 for r in records) == list(range(1, 201))
        assert verify_chain(store).ok and store.get_decision("d199") is not None
