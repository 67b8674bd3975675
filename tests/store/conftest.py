"""Store fixtures: every store test runs against SQLite and against PostgreSQL.

PostgreSQL comes from ``$CHARTER_TEST_PG_URL`` or from ``.pg/url`` (written by
``scripts/postgres.sh start``); without either the PostgreSQL half skips cleanly. Each test gets
a schema of its own (dropped afterwards) through the URL's ``search_path`` option.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from charter.audit import Case, CaseResult
from charter.chat import Message, Role
from charter.store import Store, open_store

REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("_child.py")
BACKENDS = ("sqlite", "postgresql")

Raw = Callable[..., list[tuple[Any, ...]]]


def pg_base_url() -> str | None:
    env = os.environ.get("CHARTER_TEST_PG_URL", "").strip()
    if env:
        return env
    path = REPO / ".pg" / "url"
    if path.is_file():
        return path.read_text(encoding="utf-8").strip() or None
    return None


def with_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture(scope="session")
def pg_admin_url() -> str:
    url = pg_base_url()
    if url is None:
        pytest.skip("PostgreSQL not available: set CHARTER_TEST_PG_URL or run scripts/postgres.sh start")
    psycopg = pytest.importorskip("psycopg")
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as exc:
        if os.environ.get("CHARTER_TEST_PG_URL"):
            pytest.fail(f"CHARTER_TEST_PG_URL is set but PostgreSQL is unreachable: {exc}")
        pytest.skip(f"PostgreSQL at .pg/url is unreachable ({exc}); run scripts/postgres.sh start")
    return url


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@contextmanager
def fresh_schema(admin: str) -> Iterator[str]:
    """A URL on a new, empty schema of the PostgreSQL database ``admin`` (dropped afterwards)."""
    import psycopg

    schema = f"charter_t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield with_schema(admin, schema)
    finally:
        gc.collect()  # close abandoned streaming generators (and their snapshot connections)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("SET lock_timeout = '20s'")
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty store location on the backend under test."""
    if backend == "sqlite":
        yield str(tmp_path / "store.db")
        return
    with fresh_schema(request.getfixturevalue("pg_admin_url")) as url:
        yield url


@pytest.fixture
def pg_url(pg_admin_url: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL store location (for PostgreSQL-only tests)."""
    with fresh_schema(pg_admin_url) as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


def raw_sql(url: str, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """Run SQL on the store's database behind its back (``?`` placeholders); the rows, if any."""
    if url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            cur = conn.execute(sql.replace("?", "%s"), tuple(params) or None)
            return [tuple(row) for row in cur.fetchall()] if cur.description else []
    lite = sqlite3.connect(url, isolation_level=None)
    try:
        cursor = lite.execute(sql, tuple(params))
        return [tuple(row) for row in cursor.fetchall()]
    finally:
        lite.close()


@pytest.fixture
def raw(store_url: str) -> Raw:
    def run(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return raw_sql(store_url, sql, params)

    return run


def make_case(i: int, text: str = "") -> Case:
    return Case(
        id=f"case-{i:05d}",
        messages=[Message(role=Role.USER, content=text or f"question {i}")],
        statements=["be-honest"],
        expected="comply",
    )


def make_result(
    run_id: str, i: int, epoch: int = 0, *, response: str = "", error: bool = False
) -> CaseResult:
    return CaseResult(
        run_id=run_id,
        case_id=f"case-{i:05d}",
        epoch=epoch,
        model="mock-model",
        response=None if error else (response or f"answer {i}/{epoch}"),
        error="boom" if error else None,
        outcome="error" if error else "full_compliance",
        passed=None if error else i % 3 != 0,
        latency_ms=1.5,
    )


def child_command(*args: str) -> list[str]:
    return [sys.executable, str(CHILD), *args]
