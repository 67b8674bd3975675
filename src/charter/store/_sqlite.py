"""The SQLite store: one file, WAL journal, stdlib ``sqlite3``.

Durability: the database runs in WAL mode with ``synchronous=NORMAL``: every commit is written
to the WAL before the call returns, so it survives the process being killed (SIGKILL, OOM), and
only an OS crash or power loss can lose the last commits. Results can always be recomputed by
resuming the run, so that is the right trade for them. Migrations, and decision-log appends made
with ``durable=True``, commit with ``synchronous=FULL`` (the WAL is fsynced before the call
returns). :meth:`SQLiteStore.sync` fsyncs the WAL, for a writer that appends with ``durable=False``
and bounds what a power loss can take by syncing on a timer (the gateway's default; see
``charter.gateway.DecisionLog``). Measured on the development VM (``tests/store/bench_store.py``):
300-6,000 durable appends/s against ~16,000/s without the fsync.

Concurrency: one connection for writes and short reads, guarded by a ``threading.Lock``
(the store can be shared by threads and used from asyncio via ``asyncio.to_thread``); write
transactions are ``BEGIN IMMEDIATE``, so several processes sharing the file serialise their
writes (waiting up to ``busy_timeout``) and keep one decision chain. SQLite's busy handler polls
with back-off, so under sustained contention one process may run ahead of another (never a
forked chain, but unfair latency): for several busy gateway processes use PostgreSQL. Streaming
reads use a connection of their own, which sees one consistent snapshot while writers go on.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from charter.exceptions import StoreError
from charter.store._store import Store, Tx

__all__ = ["SQLiteStore"]

#: the size the write-ahead log file is cut back to when SQLite starts it over (after a checkpoint)
_LOG_SIZE_LIMIT = 64 * 1024 * 1024
#: SQLite's default: a commit that takes the log past this many pages checkpoints it
_AUTO_CHECKPOINT_PAGES = 1000
#: how long a restarting checkpoint waits for the other connections' writes and reads to end
_RESTART_WAIT_MS = 50


class SQLiteStore(Store):
    """A store in one SQLite file (created, with its directory, if missing)."""

    dialect = "sqlite"
    local = True

    def __init__(self, path: str | os.PathLike[str], *, busy_timeout: float = 30.0) -> None:
        self._path = Path(path).expanduser()
        self._timeout = busy_timeout
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        if str(path) in ("", ":memory:") or str(path).startswith("file:"):
            raise StoreError(
                f"{str(path)!r}: give the path of a store file (in-memory stores are not supported)"
            )
        if self._path.is_dir():
            raise StoreError(f"{self._path}: is a directory, not a store file")
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self._path}: cannot create the store's directory: {exc}") from exc
        self._conn = self._connect(writer=True)
        try:
            self._migrate()
        except BaseException:
            self.close()
            raise

    @property
    def location(self) -> str:
        return str(self._path)

    @property
    def path(self) -> Path:
        return self._path

    def sync(self) -> None:
        """fsync the write-ahead log: every commit so far then survives a power loss.

        It takes no lock (``fsync`` flushes the file whoever wrote it), so appends go on meanwhile.
        """
        try:
            fd = os.open(f"{self._path}-wal", os.O_RDONLY)
        except FileNotFoundError:
            return  # no WAL: everything is in the database file, synced by its checkpoint
        except OSError as exc:
            raise StoreError(f"{self._path}: cannot open the write-ahead log to sync it: {exc}") from exc
        try:
            os.fsync(fd)
        except OSError as exc:
            raise StoreError(f"{self._path}: cannot sync the write-ahead log: {exc}") from exc
        finally:
            os.close(fd)

    def defer_checkpoints(self, defer: bool = True) -> None:
        """Turn off (``defer=False``: back on) SQLite's automatic checkpoint on this store's connection.

        By default the commit that takes the log past 1,000 pages copies the log into the database
        and fsyncs both: that commit takes milliseconds instead of tens of microseconds. After this
        call, :meth:`checkpoint` (from a worker thread, on a connection of its own) does that work
        while commits go on. The log file is truncated to 64 MiB when SQLite starts it over.
        Other connections to the file keep their own setting.
        """
        with self._lock:
            conn = self._require()
            try:
                conn.execute(
                    f"PRAGMA wal_autocheckpoint = {0 if defer else _AUTO_CHECKPOINT_PAGES}"
                ).fetchone()
                conn.execute(f"PRAGMA journal_size_limit = {_LOG_SIZE_LIMIT}").fetchone()
            except sqlite3.Error as exc:
                raise StoreError(f"{self._path}: {exc}") from exc

    def checkpoint(self, *, restart: bool = False) -> int:
        """A checkpoint on a connection of its own; the bytes of log that a restart has still to
        clear (0 once SQLite will start the log over at the next commit).

        Passive by default: it copies every frame of the log that no reader still needs and never
        blocks writers, who go on appending meanwhile. SQLite starts the log over only after a
        checkpoint during which nothing was committed, so a writer that commits all the time must
        pause for one now and then: ``restart=True`` is that one. It waits (up to
        :data:`_RESTART_WAIT_MS`) for the writers and readers of other connections and processes
        to finish, and holds their new writes until it is done; ``charter.gateway.DecisionLog``
        holds its own appends meanwhile, so its event loop never waits. When it cannot have the log
        to itself in time (a long read is going on) it gives up and returns the log's size.
        """
        self._require()
        conn = self._connect(writer=False)
        try:
            if restart:
                conn.execute(f"PRAGMA busy_timeout = {_RESTART_WAIT_MS}")
            mode = "RESTART" if restart else "PASSIVE"
            busy, frames, _ = conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        except sqlite3.Error as exc:
            raise StoreError(f"{self._path}: cannot checkpoint the write-ahead log: {exc}") from exc
        finally:
            conn.close()
        if restart and not busy:
            return 0
        return max(0, int(frames)) * int(page_size)

    def _connect(self, *, writer: bool) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                str(self._path), timeout=self._timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as exc:
            raise StoreError(f"{self._path}: cannot open the store: {exc}") from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self._timeout * 1000)}")
            if writer:
                conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            if not writer:
                conn.execute("PRAGMA query_only = ON")
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"{self._path}: not a usable SQLite store: {exc}") from exc
        return conn

    def _require(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self._path}: the store is closed")
        return self._conn

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                conn, self._conn = self._conn, None
                try:
                    conn.close()
                except sqlite3.Error as exc:
                    raise StoreError(f"{self._path}: cannot close the store: {exc}") from exc

    @contextmanager
    def _transaction(self, *, durable: bool = False) -> Iterator[Tx]:
        with self._lock:
            conn = self._require()
            try:
                if durable:
                    conn.execute("PRAGMA synchronous = FULL")
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        yield Tx(conn.cursor())
                        conn.execute("COMMIT")
                    except BaseException:
                        if conn.in_transaction:
                            conn.execute("ROLLBACK")
                        raise
                finally:
                    if durable:
                        conn.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.Error as exc:
                raise StoreError(f"{self._path}: {exc}") from exc

    @contextmanager
    def _read(self) -> Iterator[Tx]:
        with self._lock:
            conn = self._require()
            try:
                yield Tx(conn.cursor())
            except sqlite3.Error as exc:
                raise StoreError(f"{self._path}: {exc}") from exc

    @contextmanager
    def _snapshot(self) -> Iterator[Tx]:
        self._require()
        conn = self._connect(writer=False)
        try:
            conn.execute("BEGIN")
            yield Tx(conn.cursor())
        except sqlite3.Error as exc:
            raise StoreError(f"{self._path}: {exc}") from exc
        finally:
            conn.close()

    def _has_table(self, tx: Tx, name: str) -> bool:
        return tx.one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)) is not None
