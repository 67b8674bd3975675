"""Insert throughput of the store (not a test): ``python tests/store/bench_store.py [URL ...]``.

Without URLs it measures a SQLite file in a temporary directory and, when available (see
``tests/store/conftest.py``), PostgreSQL in a throwaway schema. One line per measurement.
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from charter.store import DecisionRecord, RunInfo, Store, open_store
from tests.store.conftest import make_result, pg_base_url, with_schema


def _rate(label: str, count: int, action: Callable[[], object]) -> None:
    start = time.perf_counter()
    action()
    elapsed = time.perf_counter() - start
    print(f"  {label:<44} {count / elapsed:>10,.0f}/s  ({count} in {elapsed:.2f}s)")


def bench(store: Store, n_single: int = 2000, n_batch: int = 20000, n_decisions: int = 1000) -> None:
    run_id = store.create_run(RunInfo(model="bench"))
    singles = [make_result(run_id, i) for i in range(n_single)]
    batch = [make_result(run_id, i, 1) for i in range(n_batch)]
    _rate("add_result (one commit each)", n_single, lambda: [store.add_result(r) for r in singles])
    _rate("add_result again (ignored duplicates)", n_single, lambda: [store.add_result(r) for r in singles])
    _rate(
        "add_results (batches of 1000)",
        n_batch,
        lambda: [store.add_results(batch[i : i + 1000]) for i in range(0, n_batch, 1000)],
    )
    _rate("iter_results (streamed)", n_single + n_batch, lambda: sum(1 for _ in store.iter_results(run_id)))
    records = [
        DecisionRecord(action="allow", tenant="t", payload={"i": i, "text": "x" * 200})
        for i in range(n_decisions)
    ]
    _rate(
        "append_decision (durable commit each)",
        n_decisions,
        lambda: [store.append_decision(r) for r in records],
    )
    _rate("verify_chain", n_decisions, lambda: store.verify_chain())


def main(urls: list[str]) -> None:
    cleanup: list[Callable[[], None]] = []
    if not urls:
        tmp = tempfile.TemporaryDirectory()
        cleanup.append(tmp.cleanup)
        urls.append(str(Path(tmp.name) / "bench.db"))
        base = pg_base_url()
        if base is not None:
            import psycopg

            schema = f"charter_bench_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f'CREATE SCHEMA "{schema}"')

            def drop() -> None:
                with psycopg.connect(base, autocommit=True) as conn:
                    conn.execute(f'DROP SCHEMA "{schema}" CASCADE')

            cleanup.append(drop)
            urls.append(with_schema(base, schema))
    try:
        for url in urls:
            with open_store(url) as store:
                print(f"{store!r}")
                bench(store)
    finally:
        for step in cleanup:
            step()


if __name__ == "__main__":
    main(sys.argv[1:])
