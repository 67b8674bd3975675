"""Runs, cases, results, the cache and export, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from charter.audit import CaseResult
from charter.chat import Message, Role
from charter.exceptions import StoreError
from charter.store import RunInfo, Store, make_cache_key, open_store
from tests.store.conftest import Raw, make_case, make_result, raw_sql


def test_run_lifecycle(store: Store) -> None:
    created = datetime(2025, 3, 1, 12, 30, tzinfo=UTC)
    info = RunInfo(
        created_at=created,
        spec_sha256="ab" * 32,
        spec_source="default",
        suite_path="suite.jsonl",
        suite_sha256="cd" * 32,
        model="mock",
        params={"temperature": 0.5, "max_tokens": 10},
        config={"epochs": 2},
    )
    run_id = store.create_run(info)
    assert run_id == info.run_id
    got = store.get_run(run_id)
    assert got == info
    assert got is not None and got.created_at == created and got.status == "running"
    with pytest.raises(StoreError, match="already exists"):
        store.create_run(info)

    finished = store.finish_run(run_id)
    assert finished.status == "finished" and finished.finished_at is not None
    assert store.finish_run(run_id, "interrupted").status == "interrupted"
    reopened = store.reopen_run(run_id)
    assert reopened.status == "running" and reopened.finished_at is None
    with pytest.raises(StoreError, match="reopen_run"):
        store.finish_run(run_id, "running")
    with pytest.raises(StoreError, match="no run"):
        store.finish_run("nope")
    assert store.get_run("nope") is None


def test_list_and_find_runs(store: Store) -> None:
    base = datetime(2025, 1, 1, tzinfo=UTC)
    ids = ["abc111", "abc222", "def333"]
    for n, run_id in enumerate(ids):
        store.create_run(RunInfo(run_id=run_id, created_at=base + timedelta(hours=n)))
    assert [r.run_id for r in store.list_runs()] == ["def333", "abc222", "abc111"]
    assert [r.run_id for r in store.list_runs(limit=1)] == ["def333"]
    assert store.find_run("def").run_id == "def333"
    assert store.find_run("abc1").run_id == "abc111"
    assert store.find_run("abc222").run_id == "abc222"
    assert store.find_run("latest").run_id == "def333"
    with pytest.raises(StoreError, match="ambiguous: abc222, abc111"):
        store.find_run("abc")
    with pytest.raises(StoreError, match="no run matches"):
        store.find_run("zzz")
    with pytest.raises(StoreError, match="empty"):
        store.find_run("")
    # prefix matching is literal: SQL wildcards are not wildcards
    with pytest.raises(StoreError, match="no run matches"):
        store.find_run("ab_")


def test_cases_stored_once_in_order(store: Store) -> None:
    run_id = store.create_run(RunInfo())
    first = [make_case(i) for i in (3, 1, 2)]
    assert store.add_cases(run_id, first) == 3
    assert store.add_cases(run_id, first) == 0  # idempotent
    assert store.add_cases(run_id, [make_case(0), first[0]]) == 1
    assert [c.id for c in store.iter_cases(run_id)] == [
        "case-00003",
        "case-00001",
        "case-00002",
        "case-00000",
    ]
    assert next(store.iter_cases(run_id)) == first[0]
    assert store.case_hashes(run_id)["case-00001"] == first[1].content_hash()


def test_edited_case_is_refused(store: Store, raw: Raw) -> None:
    run_id = store.create_run(RunInfo())
    store.add_cases(run_id, [make_case(1), make_case(2)])
    with pytest.raises(StoreError, match=r"suite edited.*case-00002"):
        store.add_cases(run_id, [make_case(3), make_case(2, "another question")])
    # nothing of the refused call was written
    assert [c.id for c in store.iter_cases(run_id)] == ["case-00001", "case-00002"]
    with pytest.raises(StoreError, match="two different cases"):
        store.add_cases(run_id, [make_case(7), make_case(7, "other")])
    with pytest.raises(StoreError, match="no run"):
        store.add_cases("missing", [make_case(1)])
    assert raw("SELECT COUNT(*) FROM run_cases")[0][0] == 2


def test_results_are_idempotent(store: Store, raw: Raw) -> None:
    run_id = store.create_run(RunInfo())
    result = make_result(run_id, 1)
    assert store.add_result(result) is True
    assert store.add_result(result.model_copy(update={"response": "different"})) is False
    assert raw("SELECT COUNT(*) FROM results WHERE run_id = ?", (run_id,))[0][0] == 1
    assert next(store.iter_results(run_id)).response == result.response  # the first one is kept
    # a batch with duplicates inside it and against the table
    batch = [
        make_result(run_id, 1),
        make_result(run_id, 2),
        make_result(run_id, 2),
        make_result(run_id, 2, 1),
    ]
    assert store.add_results(batch) == 2
    assert store.count_results(run_id) == 3
    assert store.add_results([]) == 0
    # replace overwrites
    assert store.add_result(result.model_copy(update={"response": "fixed"}), replace=True) is True
    assert next(store.iter_results(run_id)).response == "fixed"
    assert store.count_results(run_id) == 3


def test_result_for_unknown_run_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="no run 'ghost'"):
        store.add_result(make_result("ghost", 1))


def test_resume_semantics(store_url: str) -> None:
    """A run interrupted half way is resumed without doubling anything and without losing a result."""
    cases = [make_case(i) for i in range(10)]
    wanted = {(c.id, epoch) for c in cases for epoch in range(2)}
    with open_store(store_url) as store:
        run_id = store.create_run(RunInfo(model="mock"))
        store.add_cases(run_id, cases)
        for i in range(7):
            store.add_result(make_result(run_id, i, 0, response="first try"))
        store.add_result(make_result(run_id, 7, 0, error=True))
        store.finish_run(run_id, "interrupted")

    with open_store(store_url) as store:
        run = store.find_run(run_id[:8])
        assert run.status == "interrupted"
        assert store.add_cases(run_id, cases) == 0
        done = store.completed(run_id)
        assert len(done) == 8
        assert ("case-00007", 0) not in store.completed(run_id, include_errors=False)
        store.reopen_run(run_id)
        todo = wanted - store.completed(run_id, include_errors=False)
        assert len(todo) == 13
        # a sloppy resumer also re-sends some finished pairs: they are ignored
        again = [
            make_result(run_id, int(case_id[5:]), epoch, response="second try") for case_id, epoch in todo
        ]
        again += [
            make_result(run_id, 0, 0, response="second try"),
            make_result(run_id, 1, 0, response="second try"),
        ]
        store.add_results(again[:-3], replace=False)
        store.add_result(make_result(run_id, 7, 0, response="retried"), replace=True)
        store.add_results(again[-3:])
        store.finish_run(run_id)

    with open_store(store_url) as store:
        assert store.completed(run_id) == wanted
        results = list(store.iter_results(run_id))
        assert len(results) == 20
        by_key = {(r.case_id, r.epoch): r for r in results}
        assert by_key[("case-00000", 0)].response == "first try"
        assert by_key[("case-00007", 0)].response == "retried"
        assert by_key[("case-00009", 1)].response == "second try"


def test_iter_results_streams_one_snapshot(store: Store) -> None:
    run_id = store.create_run(RunInfo())
    n = 3000
    store.add_results(make_result(run_id, i, epoch) for i in range(n // 2) for epoch in (1, 0))
    stream = store.iter_results(run_id)
    first = next(stream)
    assert (first.case_id, first.epoch) == ("case-00000", 0)
    # writers are not blocked by an open stream, and the stream does not see their rows
    store.add_results(make_result(run_id, i) for i in range(n // 2, n // 2 + 100))
    rest = list(stream)
    assert len(rest) == n - 1
    keys = [(r.case_id, r.epoch) for r in [first, *rest]]
    assert keys == sorted(keys)
    assert store.count_results(run_id) == n + 100
    assert all(isinstance(r, CaseResult) and r.run_id == run_id for r in rest)
    # an abandoned stream releases its snapshot
    partial = store.iter_results(run_id)
    next(partial)
    partial.close()
    assert store.add_result(make_result(run_id, n + 500)) is True


def test_export_jsonl(store: Store, tmp_path: Path) -> None:
    run_id = store.create_run(RunInfo())
    store.add_cases(run_id, [make_case(i) for i in range(3)])
    store.add_results(
        [make_result(run_id, i, e) for i in range(3) for e in (0, 1)] + [make_result(run_id, 9)]
    )
    target = tmp_path / "out" / "run.jsonl"
    assert store.export_jsonl(run_id, target) == 7
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 7
    rows = [json.loads(line) for line in lines]
    assert rows[0]["case"]["id"] == "case-00000" and rows[0]["result"]["epoch"] == 0
    assert rows[1]["result"]["case_id"] == "case-00000" and rows[1]["result"]["epoch"] == 1
    assert rows[-1]["case"] is None and rows[-1]["result"]["case_id"] == "case-00009"
    assert CaseResult.model_validate(rows[2]["result"]) == make_result(run_id, 1, 0)
    assert sorted(p.name for p in target.parent.iterdir()) == ["run.jsonl"]  # no temporary file left

    with pytest.raises(StoreError, match="no run"):
        store.export_jsonl("nope", target)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match=str(blocker)):
        store.export_jsonl(run_id, blocker / "run.jsonl")
    assert len(target.read_text(encoding="utf-8").splitlines()) == 7  # the old export is untouched


def test_cache(store: Store) -> None:
    messages = [Message(role=Role.USER, content="hi")]
    key = make_cache_key(provider="mock", model="m", params={"t": 0, "n": 1}, messages=messages)
    assert key == make_cache_key(provider="mock", model="m", params={"n": 1, "t": 0}, messages=messages)
    assert key != make_cache_key(provider="mock", model="m", params={"t": 0, "n": 1}, messages=[])
    assert len(key) == 64
    assert store.cache_get(key) is None
    store.cache_put(key, {"text": "héllo", "usage": [1, 2]})
    assert store.cache_get(key) == {"text": "héllo", "usage": [1, 2]}
    store.cache_put(key, {"text": "again"})
    assert store.cache_get(key) == {"text": "again"}
    store.cache_put("model", messages[0])
    assert store.cache_get("model") == messages[0].model_dump(mode="json")
    with pytest.raises(StoreError, match="not JSON"):
        store.cache_put("bad", float("nan"))


def test_async_wrappers(store: Store) -> None:
    import asyncio

    run_id = store.create_run(RunInfo())

    async def work() -> None:
        added = await asyncio.gather(*(store.aadd_result(make_result(run_id, i)) for i in range(20)))
        assert all(added)
        assert await store.aadd_results([make_result(run_id, 0), make_result(run_id, 20)]) == 1
        assert len(await store.acompleted(run_id)) == 21
        await store.acache_put("k", [1])
        assert await store.acache_get("k") == [1]

    asyncio.run(work())
    assert store.count_results(run_id) == 21


def test_closed_store_refuses(store_url: str) -> None:
    store = open_store(store_url)
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.list_runs()
    with pytest.raises(StoreError, match="closed"):
        list(store.iter_decisions())


def test_result_order_is_code_point_order_on_every_backend(store: Store) -> None:
    run_id = store.create_run(RunInfo())
    ids = ["b", "B", "a-2", "a_1", "a10", "a9", "Z", "é", "_x"]
    store.add_results(make_result(run_id, 0).model_copy(update={"case_id": case_id}) for case_id in ids)
    assert [r.case_id for r in store.iter_results(run_id)] == sorted(ids)


def test_postgres_reconnects_after_a_dropped_connection(pg_url: str) -> None:
    with open_store(pg_url) as store:
        run_id = store.create_run(RunInfo())
        pid = store._conn.info.backend_pid  # type: ignore[attr-defined]
        raw_sql(pg_url, "SELECT pg_terminate_backend(?, 10000)", (pid,))  # waits until it is gone
        with pytest.raises(StoreError):  # the call that meets the dead connection fails, cleanly
            store.add_result(make_result(run_id, 1))
        assert store.add_result(make_result(run_id, 1)) is True  # the next one reconnects
        assert store.count_results(run_id) == 1


def test_importing_the_store_does_not_import_the_audit_package() -> None:
    """charter.audit imports the store; the store importing charter.audit back would be circular."""
    import subprocess
    import sys

    code = "import sys, charter.store; assert 'charter.audit' not in sys.modules; import charter.audit"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
