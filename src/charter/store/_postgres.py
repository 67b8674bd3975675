"""The PostgreSQL store, for several gateway processes or large audits (``pip install 'charter[postgres]'``).

``psycopg`` (v3) is imported when a store is opened, never at import time. The store keeps one
autocommit connection for writes and short reads, guarded by a ``threading.Lock`` (after a
connection error the call fails with ``StoreError`` and the next call opens a new connection),
and opens a connection per streaming read, which runs in a ``REPEATABLE READ`` read-only
transaction with a server-side cursor (rows arrive in batches).

Tables live in the connection's current schema, so ``?options=-csearch_path%3Dname`` in the URL
selects a schema. Decision appends lock the one-row ``chain_head`` table with ``SELECT ... FOR
UPDATE``, which serialises appends from every process and keeps one chain; migrations take a
transaction-scoped advisory lock. Every commit is durable (``synchronous_commit`` is left at the
server's setting, ``on`` by default).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from charter.exceptions import MissingDependency, StoreError
from charter.store._store import Store, Tx

if TYPE_CHECKING:
    import psycopg

__all__ = ["PostgresStore", "redact_url"]

#: key of the advisory lock that serialises migrations ("CHARTER" in ASCII)
_MIGRATION_LOCK_KEY = 0x43484152544552


def redact_url(url: str) -> str:
    """The URL with its password (in the user part or the query) replaced by ``***``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid PostgreSQL URL>"
    netloc = parts.netloc
    userinfo, at, hostport = netloc.rpartition("@")
    if at and ":" in userinfo:
        netloc = f"{userinfo.split(':', 1)[0]}:***@{hostport}"
    query = "&".join(
        "password=***" if item.lower().startswith("password=") else item for item in parts.query.split("&")
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query if parts.query else "", parts.fragment))


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise MissingDependency("psycopg", "postgres") from exc
    return psycopg


class _PgTx(Tx):
    placeholder = "%s"

    def __init__(self, cursor: Any, conn: Any = None) -> None:
        super().__init__(cursor)
        self._conn = conn

    def stream(self, sql: str, params: Sequence[Any] = (), *, batch: int = 500) -> Iterator[tuple[Any, ...]]:
        if self._conn is None:  # not in a snapshot: a client-side cursor
            yield from super().stream(sql, params, batch=batch)
            return
        with self._conn.cursor(name=f"charter_{uuid.uuid4().hex}") as cur:
            cur.itersize = batch
            cur.execute(self._sql(sql) if params else sql, tuple(params) if params else None)
            for row in cur:
                yield tuple(row)


class PostgresStore(Store):
    """A store in a PostgreSQL database given by a ``postgresql://`` URL."""

    dialect = "postgresql"
    _for_update = " FOR UPDATE"
    _binary = ' COLLATE "C"'

    def __init__(self, url: str, *, connect_timeout: float = 10.0) -> None:
        self._psycopg = _psycopg()
        self._url = url
        self._display = redact_url(url)
        self._timeout = max(1, int(connect_timeout))
        self._lock = threading.Lock()
        self._closed = False
        self._conn: psycopg.Connection[Any] | None = self._connect(autocommit=True)
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    @property
    def location(self) -> str:
        return self._display

    def _connect(self, *, autocommit: bool) -> psycopg.Connection[Any]:
        try:
            conn: psycopg.Connection[Any] = self._psycopg.connect(
                self._url, autocommit=autocommit, connect_timeout=self._timeout, application_name="charter"
            )
        except self._psycopg.Error as exc:
            raise StoreError(f"{self._display}: cannot connect: {exc}") from exc
        return conn

    def _require(self) -> psycopg.Connection[Any]:
        if self._closed:
            raise StoreError(f"{self._display}: the store is closed")
        if self._conn is None or self._conn.closed or self._conn.broken:
            if self._conn is not None:
                self._conn.close()
            self._conn = self._connect(autocommit=True)
        return self._conn

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._conn is not None:
                conn, self._conn = self._conn, None
                conn.close()

    @contextmanager
    def _transaction(self, *, durable: bool = False) -> Iterator[Tx]:
        with self._lock:
            conn = self._require()
            try:
                with conn.transaction(), conn.cursor() as cur:
                    yield _PgTx(cur)
            except self._psycopg.Error as exc:
                raise self._failed(conn, exc) from exc

    @contextmanager
    def _read(self) -> Iterator[Tx]:
        with self._lock:
            conn = self._require()
            try:
                with conn.cursor() as cur:
                    yield _PgTx(cur)
            except self._psycopg.Error as exc:
                raise self._failed(conn, exc) from exc

    def _failed(self, conn: psycopg.Connection[Any], exc: Exception) -> StoreError:
        """The error to raise; a connection that may be dead is dropped, so the next call reconnects."""
        if isinstance(exc, self._psycopg.OperationalError) or conn.broken:
            conn.close()
            if self._conn is conn:
                self._conn = None
        return StoreError(f"{self._display}: {exc}")

    @contextmanager
    def _snapshot(self) -> Iterator[Tx]:
        if self._closed:
            raise StoreError(f"{self._display}: the store is closed")
        conn = self._connect(autocommit=False)
        try:
            conn.isolation_level = self._psycopg.IsolationLevel.REPEATABLE_READ
            conn.read_only = True
            with conn.cursor() as cur:
                yield _PgTx(cur, conn)
        except self._psycopg.Error as exc:
            raise StoreError(f"{self._display}: {exc}") from exc
        finally:
            conn.close()

    def _has_table(self, tx: Tx, name: str) -> bool:
        row = tx.one("SELECT to_regclass(?) IS NOT NULL", (name,))
        return bool(row and row[0])

    def _lock_migrations(self, tx: Tx) -> None:
        tx.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK_KEY,))
