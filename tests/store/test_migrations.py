"""Schema migrations and opening stores: applied once, forward only, newer schemas refused."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from charter.exceptions import MissingDependency, StoreError
from charter.store import MIGRATIONS, STORE_SCHEMA_VERSION, Migration, RunInfo, open_store
from charter.store._postgres import redact_url
from tests.store.conftest import raw_sql


def test_migrations_applied_once_and_recorded(store_url: str) -> None:
    with open_store(store_url) as store:
        applied = store.migrations()
        assert [name for name, _ in applied] == [m.name for m in MIGRATIONS]
        assert len(applied) == STORE_SCHEMA_VERSION == store.schema_version
        store.create_run(RunInfo(run_id="keep"))
    with open_store(store_url) as store:
        assert store.migrations() == applied  # not re-applied (same timestamps)
        assert store.get_run("keep") is not None
    rows = raw_sql(store_url, "SELECT COUNT(*) FROM charter_migrations")
    assert rows[0][0] == len(MIGRATIONS)


def test_unknown_future_migration_is_refused(store_url: str) -> None:
    with open_store(store_url) as store:
        store.create_run(RunInfo(run_id="precious"))
    raw_sql(
        store_url,
        "INSERT INTO charter_migrations (name, applied_at) VALUES (?, ?)",
        ("9999_from_the_future", "2030-01-01T00:00:00.000000Z"),
    )
    with pytest.raises(
        StoreError, match=r"newer version of Charter.*9999_from_the_future.*Nothing was changed"
    ):
        open_store(store_url)
    assert raw_sql(store_url, "SELECT run_id FROM runs") == [("precious",)]
    assert raw_sql(store_url, "SELECT COUNT(*) FROM charter_migrations")[0][0] == len(MIGRATIONS) + 1


def test_missing_steps_are_applied_forward(store_url: str) -> None:
    with open_store(store_url) as store:
        store.create_run(RunInfo(run_id="old"))
    # a database from before the cache existed
    raw_sql(store_url, "DROP TABLE cache")
    raw_sql(store_url, "DELETE FROM charter_migrations WHERE name = ?", ("0003_cache",))
    with open_store(store_url) as store:
        assert [name for name, _ in store.migrations()][-1] == "0003_cache"
        store.cache_put("k", 1)
        assert store.cache_get("k") == 1
        assert store.get_run("old") is not None


def test_inconsistent_history_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    raw_sql(store_url, "DELETE FROM charter_migrations WHERE name = ?", ("0001_runs",))
    with pytest.raises(StoreError, match="inconsistent schema: migrations 0001_runs"):
        open_store(store_url)


def test_failed_migration_changes_nothing(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = Migration("0004_broken", ("CREATE TABLE half_done (a INTEGER)", "THIS IS NOT SQL"))
    monkeypatch.setattr("charter.store._store.MIGRATIONS", (*MIGRATIONS, bad))
    with pytest.raises(StoreError):
        open_store(store_url)
    monkeypatch.undo()
    # everything was rolled back, even the steps before the broken one: a clean store opens
    with open_store(store_url) as store:
        assert len(store.migrations()) == len(MIGRATIONS)
    tables = (
        raw_sql(store_url, "SELECT name FROM sqlite_master WHERE type = 'table'")
        if not store_url.startswith("postgresql://")
        else raw_sql(
            store_url,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
        )
    )
    names = {str(row[0]) for row in tables}
    assert "runs" in names and "half_done" not in names


def test_bad_sqlite_paths(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=str(tmp_path)):
        open_store(tmp_path)  # a directory
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database, just some bytes " * 100)
    with pytest.raises(StoreError, match=f"{junk}: not a usable SQLite store"):
        open_store(junk)
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match=str(blocker)):
        open_store(blocker / "store.db")
    with pytest.raises(StoreError, match="in-memory"):
        open_store(":memory:")
    with pytest.raises(StoreError, match="no store given"):
        open_store("  ")
    with pytest.raises(StoreError, match="mysql://: unsupported"):
        open_store("mysql://localhost/db")


def test_sqlite_urls_and_created_directories(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b" / "store.db"
    with open_store(f"sqlite://{nested}") as store:
        store.create_run(RunInfo(run_id="x"))
    assert nested.is_file()
    with open_store(str(nested)) as store:
        assert store.get_run("x") is not None
        assert raw_sql(str(nested), "PRAGMA journal_mode") == [("wal",)]


def test_postgres_errors_hide_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match=r"cannot connect") as info:
        open_store("postgresql://charter:s3cret@127.0.0.1:1/nowhere", timeout=2)
    assert "s3cret" not in str(info.value)
    assert redact_url("postgresql://u:p%40ss@h:5/d?password=x&sslmode=require") == (
        "postgresql://u:***@h:5/d?password=***&sslmode=require"
    )
    assert redact_url("postgres://h/d") == "postgres://h/d"


def test_missing_psycopg_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # makes `import psycopg` fail
    with pytest.raises(MissingDependency, match=r"charter\[postgres\]"):
        open_store("postgresql://localhost/db")


def test_concurrent_first_opens_migrate_once(store_url: str) -> None:
    import threading

    opened: list[int] = []
    errors: list[StoreError] = []

    def open_one() -> None:
        try:
            with open_store(store_url) as store:
                opened.append(len(store.migrations()))
        except StoreError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert opened == [len(MIGRATIONS)] * 6
    assert raw_sql(store_url, "SELECT COUNT(*) FROM charter_migrations")[0][0] == len(MIGRATIONS)
