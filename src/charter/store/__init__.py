"""The store: audit runs (cases, results), the response cache and the gateway's decision log.

SQLite by default (one file, WAL), PostgreSQL for scale::

    from charter.store import open_store

    with open_store(".charter/charter.db") as store:          # or "postgresql://host/db"
        run_id = store.create_run(RunInfo(model="gpt-x", suite_path="suite.jsonl"))
        store.add_cases(run_id, cases)
        store.add_result(result)                               # committed when it returns
        store.append_decision(DecisionRecord(action="block", payload=decision))
        assert verify_chain(store).ok

The decision log is a hash chain: each record's ``hash`` is
``sha256(prev_hash + canonical_json(record without seq/prev_hash/hash))`` with a genesis
``prev_hash`` of 64 zeros; :func:`verify_chain` detects an edited, deleted, inserted or reordered
row, and a truncated tail (against the ``chain_head`` row). Someone with write access who rewrites
every later row *and* the head cannot be detected from inside the database: keep
``store.chain_head()`` somewhere else now and then and pass it as ``anchor``.
"""

from __future__ import annotations

from charter.store._chain import canonical_json, chain_hash, make_cache_key
from charter.store._migrations import MIGRATIONS, STORE_SCHEMA_VERSION, Migration
from charter.store._open import open_store
from charter.store._records import (
    DECISION_RECORD_VERSION,
    GENESIS_HASH,
    ChainReport,
    DecisionRecord,
    RunInfo,
    RunStatus,
)
from charter.store._store import Store

__all__ = [
    "DECISION_RECORD_VERSION",
    "GENESIS_HASH",
    "MIGRATIONS",
    "STORE_SCHEMA_VERSION",
    "ChainReport",
    "DecisionRecord",
    "Migration",
    "RunInfo",
    "RunStatus",
    "Store",
    "canonical_json",
    "chain_hash",
    "make_cache_key",
    "open_store",
    "verify_chain",
]


def verify_chain(store: Store, *, anchor: tuple[int, str] | None = None) -> ChainReport:
    """Check the store's decision chain; ``anchor`` is a ``(seq, hash)`` kept outside the store."""
    return store.verify_chain(anchor=anchor)
