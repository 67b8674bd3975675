"""The decision log: a single hash chain, tamper detection, concurrent appenders."""

from __future__ import annotations

import hashlib
import itertools
import json
import subprocess
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from charter.exceptions import StoreError
from charter.store import GENESIS_HASH, DecisionRecord, Store, canonical_json, open_store, verify_chain
from tests.store.conftest import Raw, child_command


def _append(store: Store, n: int, tenant: str = "acme") -> list[DecisionRecord]:
    return [
        store.append_decision(
            DecisionRecord(
                tenant=tenant,
                profile="default",
                action=("allow", "block", "rewrite")[i % 3],
                spec_sha256="5" * 64,
                policy_hash="p" * 64,
                payload={"i": i, "reasons": ["x", "ü"], "score": 0.25},
            )
        )
        for i in range(n)
    ]


def test_append_links_records(store: Store) -> None:
    assert verify_chain(store).ok and verify_chain(store).checked == 0
    assert store.chain_head() == (0, GENESIS_HASH)
    records = _append(store, 5)
    assert [r.seq for r in records] == [1, 2, 3, 4, 5]
    assert records[0].prev_hash == GENESIS_HASH
    for prev, record in itertools.pairwise(records):
        assert record.prev_hash == prev.hash
    for record in records:
        body = record.model_dump(mode="json", exclude={"seq", "prev_hash", "hash"})
        expected = hashlib.sha256((record.prev_hash + canonical_json(body)).encode()).hexdigest()  # type: ignore[operator]
        assert record.hash == expected
    assert store.chain_head() == (5, records[-1].hash)
    report = verify_chain(store)
    assert report.ok and report.checked == 5 and report.head_seq == 5


def test_read_back(store: Store) -> None:
    records = _append(store, 4, "a") + _append(store, 2, "b")
    assert store.get_decision(records[2].decision_id) == records[2]
    assert store.get_decision("missing") is None
    assert list(store.iter_decisions()) == records
    assert list(store.iter_decisions(since_seq=4)) == records[4:]
    assert [r.seq for r in store.iter_decisions(tenant="b")] == [5, 6]
    when = datetime(2025, 6, 1, 8, 0, tzinfo=UTC)
    stored = store.append_decision(
        DecisionRecord(action="allow", created_at=when, payload={"nested": {"b": 1}})
    )
    assert store.get_decision(stored.decision_id) == stored
    assert stored.created_at == when


def test_append_is_idempotent_per_decision_id(store: Store) -> None:
    record = DecisionRecord(decision_id="d-1", action="block", payload={"why": "pii"})
    first = store.append_decision(record)
    again = store.append_decision(record)
    assert again == first and store.chain_head()[0] == 1
    with pytest.raises(StoreError, match="already exists with different content"):
        store.append_decision(record.model_copy(update={"action": "allow"}))
    with pytest.raises(StoreError, match="already chained"):
        store.append_decision(first)
    with pytest.raises(StoreError, match="canonical JSON"):
        store.append_decision(DecisionRecord(action="allow", payload={"x": float("inf")}))
    assert verify_chain(store).checked == 1


def _tamper_report(
    store: Store, raw: Raw, sql: str, params: tuple[object, ...] = ()
) -> tuple[int | None, str]:
    _append(store, 5)
    raw(sql, params)
    report = verify_chain(store)
    assert not report.ok
    return report.first_bad_seq, report.reason


def test_edited_record_is_detected(store: Store, raw: Raw) -> None:
    _append(store, 5)
    (text,) = raw("SELECT record_json FROM decisions WHERE seq = 3")[0]
    data = json.loads(text)
    data["action"] = "allow" if data["action"] != "allow" else "block"
    raw("UPDATE decisions SET record_json = ? WHERE seq = 3", (canonical_json(data),))
    report = verify_chain(store)
    assert not report.ok and report.first_bad_seq == 3 and "edited" in report.reason
    assert report.checked == 2


def test_edited_column_is_detected(store: Store, raw: Raw) -> None:
    bad, reason = _tamper_report(store, raw, "UPDATE decisions SET action = 'allow' WHERE seq = 2")
    assert bad == 2 and "'action'" in reason


def test_deleted_row_is_detected(store: Store, raw: Raw) -> None:
    bad, reason = _tamper_report(store, raw, "DELETE FROM decisions WHERE seq = 3")
    assert bad == 3 and "missing" in reason


def test_truncated_tail_is_detected(store: Store, raw: Raw) -> None:
    bad, reason = _tamper_report(store, raw, "DELETE FROM decisions WHERE seq >= 4")
    assert bad == 4 and "truncated" in reason


def test_reordered_rows_are_detected(store: Store, raw: Raw) -> None:
    _append(store, 5)
    raw("UPDATE decisions SET seq = -1 WHERE seq = 2")
    raw("UPDATE decisions SET seq = 2 WHERE seq = 3")
    raw("UPDATE decisions SET seq = 3 WHERE seq = -1")
    report = verify_chain(store)
    assert not report.ok and report.first_bad_seq == 2 and "prev_hash" in report.reason


def test_row_inserted_behind_the_stores_back_is_detected(store: Store, raw: Raw) -> None:
    records = _append(store, 3)
    text = canonical_json({"action": "allow", "forged": True})
    digest = hashlib.sha256((records[-1].hash + text).encode()).hexdigest()  # type: ignore[operator]
    raw(
        "INSERT INTO decisions (seq, created_at, decision_id, tenant, profile, action, spec_sha256, "
        "policy_hash, record_json, prev_hash, hash) "
        "VALUES (4, 'x', 'forged', '', '', 'allow', '', '', ?, ?, ?)",
        (text, records[-1].hash, digest),
    )
    report = verify_chain(store)
    assert not report.ok and report.first_bad_seq == 4 and "beyond the chain head" in report.reason


def test_full_rewrite_needs_an_anchor(store: Store, raw: Raw) -> None:
    """Rewriting a record, every later hash and the head passes alone; an anchor kept outside catches it."""
    records = _append(store, 4)
    anchor = store.chain_head()
    assert verify_chain(store, anchor=anchor).ok
    assert verify_chain(store, anchor=(2, records[1].hash or "")).ok
    prev = records[0].hash or ""
    for record in records[1:]:
        data = json.loads(raw("SELECT record_json FROM decisions WHERE seq = ?", (record.seq,))[0][0])
        if record.seq == 2:
            data["payload"]["i"] = 999
        text = canonical_json(data)
        digest = hashlib.sha256((prev + text).encode()).hexdigest()
        raw(
            "UPDATE decisions SET record_json = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (text, prev, digest, record.seq),
        )
        prev = digest
    raw("UPDATE chain_head SET hash = ? WHERE id = 1", (prev,))
    assert verify_chain(store).ok
    report = verify_chain(store, anchor=anchor)
    assert not report.ok and report.first_bad_seq == 4 and "anchor" in report.reason
    assert not verify_chain(store, anchor=(9, "0" * 64)).ok


def test_threads_share_one_chain(store: Store) -> None:
    ids: list[str] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def worker(t: int) -> None:
        try:
            for i in range(40):
                record = store.append_decision(
                    DecisionRecord(action="allow", tenant=f"t{t}", payload={"i": i})
                )
                with lock:
                    ids.append(record.decision_id)
        except StoreError as exc:  # surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = verify_chain(store)
    assert report.ok and report.checked == 320
    stored = list(store.iter_decisions())
    assert [r.seq for r in stored] == list(range(1, 321))
    assert sorted(r.decision_id for r in stored) == sorted(ids)


def test_threads_with_their_own_connections_share_one_chain(store_url: str) -> None:
    stores = [open_store(store_url) for _ in range(8)]
    errors: list[BaseException] = []

    def worker(s: Store, t: int) -> None:
        try:
            _append(s, 25, tenant=f"t{t}")
        except StoreError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(s, t)) for t, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for s in stores:
        s.close()
    assert errors == []
    with open_store(store_url) as store:
        report = verify_chain(store)
        assert report.ok and report.checked == 200


def test_processes_share_one_chain(store_url: str, tmp_path: Path) -> None:
    open_store(store_url).close()  # migrate first so both children only append
    go = tmp_path / "go"
    n = 150
    acks = [tmp_path / f"ack{k}" for k in range(2)]
    children = [
        subprocess.Popen(child_command("append", store_url, str(ack), str(n), f"proc{k}", str(go)))
        for k, ack in enumerate(acks)
    ]
    deadline = time.monotonic() + 60
    while not all(a.exists() and a.read_text().startswith("ready") for a in acks):
        assert time.monotonic() < deadline, "children did not start"
        assert all(c.poll() is None for c in children), "a child died"
        time.sleep(0.01)
    go.touch()
    for child in children:
        assert child.wait(timeout=120) == 0
    with open_store(store_url) as store:
        report = verify_chain(store)
        assert report.ok and report.checked == 2 * n
        tenants = [r.tenant for r in store.iter_decisions()]
    assert tenants.count("proc0") == tenants.count("proc1") == n
    if store_url.startswith("postgresql://"):
        # row-lock waiters queue, so the appends really interleave (SQLite's busy handler polls
        # with back-off and often lets one busy process finish first: still one valid chain)
        switches = sum(1 for a, b in itertools.pairwise(tenants) if a != b)
        assert switches >= 2
    acked = [line.split() for a in acks for line in a.read_text().splitlines()[1:]]
    assert sorted(int(seq) for _, _, seq in acked) == list(range(1, 2 * n + 1))
