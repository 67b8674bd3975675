"""The store's interface, and the SQL both backends share.

A backend provides connections and transactions (:meth:`Store._transaction`, :meth:`Store._read`,
:meth:`Store._snapshot`); everything else (runs, cases, results, cache, decision chain,
migrations) is written once here against :class:`Tx`, with ``?`` placeholders on every backend.
"""

from __future__ import annotations

import asyncio
import json
import os
from abc import ABC, abstractmethod
from collections.abc import Generator, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticSerializationError, to_jsonable_python

from charter._files import atomic_output
from charter.exceptions import StoreError
from charter.store._chain import canonical_json, chain_hash, record_text, verify_rows
from charter.store._migrations import MIGRATIONS, MIGRATIONS_TABLE, STORE_SCHEMA_VERSION, Dialect
from charter.store._records import ChainReport, DecisionRecord, RunInfo, RunStatus, utcnow

if TYPE_CHECKING:  # imported when used: charter.audit imports the store
    from charter.audit._records import Case, CaseResult

__all__ = ["Store", "Tx", "format_time"]

_M = TypeVar("_M", bound=BaseModel)

_RUN_COLUMNS = (
    "run_id, created_at, spec_sha256, spec_source, suite_path, suite_sha256, model, params, status, "
    "finished_at, config"
)
_DECISION_COLUMNS = (
    "seq, created_at, decision_id, tenant, profile, action, spec_sha256, policy_hash, "
    "record_json, prev_hash, hash"
)
_RESULT_INSERT = (
    "INSERT INTO results (run_id, case_id, epoch, result_json, outcome, passed, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, case_id, epoch) "
)
_STREAM_BATCH = 500
_IN_BATCH = 500  # ids per ``IN (...)`` list (well under SQLite's and PostgreSQL's parameter limits)


def format_time(value: datetime) -> str:
    """Fixed-width ISO-8601 UTC text, which sorts by time: ``2025-01-31T12:00:00.000000Z``."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse_time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


class Tx:
    """A cursor in an open transaction or snapshot; SQL uses ``?`` placeholders on every backend."""

    placeholder: ClassVar[str] = "?"

    def __init__(self, cursor: Any) -> None:
        self._cur = cursor

    def _sql(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; the number of rows it changed (``-1`` for queries on some backends)."""
        if params:
            self._cur.execute(self._sql(sql), tuple(params))
        else:
            self._cur.execute(sql)
        return int(self._cur.rowcount)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> int:
        """Run one statement per row; the total number of rows changed."""
        if not rows:
            return 0
        if len(rows) == 1:  # one round trip, without the batching machinery of executemany
            return self.execute(sql, rows[0])
        self._cur.executemany(self._sql(sql), [tuple(row) for row in rows])
        return int(self._cur.rowcount)

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        self.execute(sql, params)
        row = self._cur.fetchone()
        return None if row is None else tuple(row)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        self.execute(sql, params)
        return [tuple(row) for row in self._cur.fetchall()]

    def stream(
        self, sql: str, params: Sequence[Any] = (), *, batch: int = _STREAM_BATCH
    ) -> Iterator[tuple[Any, ...]]:
        """Rows of a query, fetched ``batch`` at a time (never the whole result in memory)."""
        self.execute(sql, params)
        while True:
            rows = self._cur.fetchmany(batch)
            if not rows:
                return
            for row in rows:
                yield tuple(row)


class Store(ABC):
    """Audit runs, their cases and results, the response cache and the decision log, in one database.

    Open one with :func:`charter.store.open_store`. Every write commits before it returns, so a
    process killed at any moment loses only the calls that had not returned. Methods are safe to
    call from several threads; from asyncio use the ``a*`` wrappers (they run in a worker thread).
    """

    dialect: ClassVar[Dialect]
    #: appended to the ``chain_head`` query of an append, to lock the row (PostgreSQL)
    _for_update: ClassVar[str] = ""
    #: appended to a text column in ORDER BY for code-point order whatever the database's locale
    _binary: ClassVar[str] = ""

    # ----------------------------------------------------------------- backend
    @property
    @abstractmethod
    def location(self) -> str:
        """Where the store is (path, or URL without its password), for messages."""

    @abstractmethod
    def close(self) -> None:
        """Close the store's connections; further calls raise :class:`StoreError`."""

    @abstractmethod
    def _transaction(self, *, durable: bool = False) -> AbstractContextManager[Tx]:
        """A write transaction, committed when the block ends (rolled back on error).

        ``durable``: the commit must survive a power loss, not only a crash of this process.
        """

    #: whether a write is local file I/O (no network round trip), cheap enough to run on an event loop
    local: ClassVar[bool] = False

    def sync(self) -> None:
        """Make every commit so far survive a power loss (after non-durable appends).

        Here a no-op: a store whose commits are always durable (PostgreSQL) has nothing to do.
        """
        return None

    def defer_checkpoints(self, defer: bool = True) -> None:
        """Stop (``defer=False``: start again) copying the write-ahead log back into the database
        during commits; the caller then runs :meth:`checkpoint` regularly, off its request path (the
        gateway's decision log does, and starts them again when it closes).

        Here a no-op: only a store with a write-ahead log of its own (SQLite) has checkpoints.
        """
        return None

    def checkpoint(self, *, restart: bool = False) -> int:
        """Copy what the write-ahead log holds into the database without blocking writers (after
        :meth:`defer_checkpoints`); the bytes of log still to clear. ``restart``: also make sure the
        next commit starts the log over (this waits for other writers and readers, briefly; 0 when
        it worked). Here a no-op that returns 0."""
        return 0

    @abstractmethod
    def _read(self) -> AbstractContextManager[Tx]:
        """Short reads on the store's own connection."""

    @abstractmethod
    def _snapshot(self) -> AbstractContextManager[Tx]:
        """A consistent read-only snapshot on a connection of its own, for streaming."""

    @abstractmethod
    def _has_table(self, tx: Tx, name: str) -> bool: ...

    def _lock_migrations(self, tx: Tx) -> None:
        """Serialise migrations between processes (SQLite's write transaction already does)."""
        return None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.location!r})"

    def _error(self, message: str) -> StoreError:
        return StoreError(f"{self.location}: {message}")

    def _load(self, model: type[_M], text: str, what: str) -> _M:
        try:
            return model.model_validate_json(text)
        except ValidationError as exc:
            raise self._error(f"stored {what} cannot be read by this version of Charter: {exc}") from exc

    # ------------------------------------------------------------- migrations
    def _applied_count(self, applied: Iterable[str]) -> int:
        names = set(applied)
        known = [migration.name for migration in MIGRATIONS]
        unknown = sorted(names - set(known))
        if unknown:
            raise self._error(
                "the store was written by a newer version of Charter (unknown schema migrations: "
                f"{', '.join(unknown)}); upgrade Charter to use it. Nothing was changed."
            )
        count = len(names)
        if names != set(known[:count]):
            missing = sorted(set(known[:count]) - names)
            raise self._error(f"inconsistent schema: migrations {', '.join(missing)} were never applied")
        return count

    def _migrate(self) -> None:
        """Apply the migration steps the database lacks, all in one transaction."""
        with self._read() as tx:
            if self._has_table(tx, MIGRATIONS_TABLE):
                names = [row[0] for row in tx.all(f"SELECT name FROM {MIGRATIONS_TABLE}")]
                if self._applied_count(names) == len(MIGRATIONS):
                    return
        with self._transaction(durable=True) as tx:
            self._lock_migrations(tx)
            tx.execute(
                f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} "
                "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            names = [row[0] for row in tx.all(f"SELECT name FROM {MIGRATIONS_TABLE}")]
            for migration in MIGRATIONS[self._applied_count(names) :]:
                for statement in migration.sql(self.dialect):
                    tx.execute(statement)
                tx.execute(
                    f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",
                    (migration.name, format_time(utcnow())),
                )

    def migrations(self) -> list[tuple[str, datetime]]:
        """The migration steps applied to this database, in order, with when they were applied."""
        with self._read() as tx:
            rows = tx.all(f"SELECT name, applied_at FROM {MIGRATIONS_TABLE} ORDER BY name")
        return [(str(name), datetime.fromisoformat(applied_at)) for name, applied_at in rows]

    @property
    def schema_version(self) -> int:
        return STORE_SCHEMA_VERSION

    # ------------------------------------------------------------------- runs
    def _run(self, row: tuple[Any, ...]) -> RunInfo:
        try:
            return RunInfo(
                run_id=row[0],
                created_at=datetime.fromisoformat(row[1]),
                spec_sha256=row[2],
                spec_source=row[3],
                suite_path=row[4],
                suite_sha256=row[5],
                model=row[6],
                params=json.loads(row[7]),
                status=row[8],
                finished_at=_parse_time(row[9]),
                config=json.loads(row[10]),
            )
        except (ValueError, ValidationError) as exc:
            raise self._error(f"stored run {row[0]} cannot be read: {exc}") from exc

    def _require_run(self, tx: Tx, run_id: str) -> None:
        if tx.one("SELECT 1 FROM runs WHERE run_id = ?", (run_id,)) is None:
            raise self._error(f"no run {run_id!r}")

    def create_run(self, info: RunInfo) -> str:
        """Record a new run; its ``run_id``. Raises :class:`StoreError` if the id is taken."""
        try:
            params, config = (
                canonical_json(to_jsonable_python(info.params)),
                canonical_json(to_jsonable_python(info.config)),
            )
        except PydanticSerializationError as exc:
            raise self._error(f"run {info.run_id}: params or config are not JSON: {exc}") from exc
        with self._transaction() as tx:
            if tx.one("SELECT 1 FROM runs WHERE run_id = ?", (info.run_id,)) is not None:
                raise self._error(f"run {info.run_id!r} already exists")
            tx.execute(
                f"INSERT INTO runs ({_RUN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    info.run_id,
                    format_time(info.created_at),
                    info.spec_sha256,
                    info.spec_source,
                    info.suite_path,
                    info.suite_sha256,
                    info.model,
                    params,
                    info.status,
                    None if info.finished_at is None else format_time(info.finished_at),
                    config,
                ),
            )
        return info.run_id

    def get_run(self, run_id: str) -> RunInfo | None:
        with self._read() as tx:
            row = tx.one(f"SELECT {_RUN_COLUMNS} FROM runs WHERE run_id = ?", (run_id,))
        return None if row is None else self._run(row)

    def list_runs(self, limit: int | None = None) -> list[RunInfo]:
        """Runs, newest first (at most ``limit``)."""
        sql = f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY created_at DESC, run_id DESC"
        with self._read() as tx:
            rows = tx.all(sql + " LIMIT ?", (limit,)) if limit is not None else tx.all(sql)
        return [self._run(row) for row in rows]

    def find_run(self, prefix: str) -> RunInfo:
        """The run whose id is ``prefix`` or the only one starting with it; ``latest`` is the newest run.

        Raises :class:`StoreError` when no run or several runs match.
        """
        if not prefix:
            raise self._error("empty run id")
        run = self.get_run(prefix)
        if run is not None:
            return run
        if prefix == "latest":
            runs = self.list_runs(limit=1)
            if not runs:
                raise self._error("the store has no runs")
            return runs[0]
        with self._read() as tx:
            rows = tx.all(
                f"SELECT {_RUN_COLUMNS} FROM runs WHERE substr(run_id, 1, ?) = ? "
                "ORDER BY created_at DESC LIMIT 6",
                (len(prefix), prefix),
            )
        if not rows:
            raise self._error(f"no run matches {prefix!r}")
        if len(rows) > 1:
            shown = ", ".join(str(row[0]) for row in rows[:5])
            raise self._error(f"run id {prefix!r} is ambiguous: {shown}{', ...' if len(rows) > 5 else ''}")
        return self._run(rows[0])

    def _set_status(self, run_id: str, status: RunStatus, finished_at: datetime | None) -> RunInfo:
        with self._transaction() as tx:
            changed = tx.execute(
                "UPDATE runs SET status = ?, finished_at = ? WHERE run_id = ?",
                (status, None if finished_at is None else format_time(finished_at), run_id),
            )
            if changed == 0:
                raise self._error(f"no run {run_id!r}")
        run = self.get_run(run_id)
        if run is None:
            raise self._error(f"run {run_id!r} vanished")
        return run

    def finish_run(self, run_id: str, status: RunStatus = "finished") -> RunInfo:
        """Mark a run ``finished`` or ``interrupted`` (now); the updated run."""
        if status == "running":
            raise self._error("finish_run takes 'finished' or 'interrupted'; use reopen_run to resume")
        return self._set_status(run_id, status, utcnow())

    def reopen_run(self, run_id: str) -> RunInfo:
        """Mark a run ``running`` again (to resume it); the updated run."""
        return self._set_status(run_id, "running", None)

    # ------------------------------------------------------------------ cases
    def add_cases(self, run_id: str, cases: Iterable[Case]) -> int:
        """Store the cases of a run once (idempotent); how many were new.

        A case whose id is stored with a different content hash (the suite was edited since the
        run started) raises :class:`StoreError` and nothing is written.
        """
        prepared: dict[str, tuple[str, str]] = {}
        for case in cases:
            digest = case.content_hash()
            previous = prepared.get(case.id)
            if previous is not None and previous[1] != digest:
                raise self._error(f"run {run_id}: two different cases have the id {case.id!r}")
            if previous is None:
                prepared[case.id] = (case.model_dump_json(), digest)
        with self._transaction() as tx:
            self._require_run(tx, run_id)
            # only the ids of this call: reading every stored case made each call O(cases so far)
            ids = list(prepared)
            stored: dict[str, str] = {}
            for lo in range(0, len(ids), _IN_BATCH):
                part = ids[lo : lo + _IN_BATCH]
                found = tx.all(
                    "SELECT case_id, content_hash FROM run_cases WHERE run_id = ? "
                    f"AND case_id IN ({', '.join('?' * len(part))})",
                    (run_id, *part),
                )
                stored.update((str(case_id), str(digest)) for case_id, digest in found)
            changed = [
                case_id for case_id, (_, digest) in prepared.items() if stored.get(case_id, digest) != digest
            ]
            if changed:
                more = ", ..." if len(changed) > 5 else ""
                raise self._error(
                    f"run {run_id}: {len(changed)} case(s) differ from the ones stored for this run "
                    f"(suite edited since the run started?): {', '.join(changed[:5])}{more}"
                )
            row = tx.one("SELECT COALESCE(MAX(ord), -1) FROM run_cases WHERE run_id = ?", (run_id,))
            start = int(row[0]) + 1 if row is not None else 0
            new = [(case_id, item) for case_id, item in prepared.items() if case_id not in stored]
            rows = [
                (run_id, start + index, case_id, text, digest)
                for index, (case_id, (text, digest)) in enumerate(new)
            ]
            tx.executemany(
                "INSERT INTO run_cases (run_id, ord, case_id, case_json, content_hash) "
                "VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (run_id, case_id) DO NOTHING",
                rows,
            )
        return len(rows)

    def case_hashes(self, run_id: str) -> dict[str, str]:
        """``case_id -> content_hash`` of the cases stored for a run (to detect an edited suite)."""
        with self._read() as tx:
            return {
                str(case_id): str(digest)
                for case_id, digest in tx.all(
                    "SELECT case_id, content_hash FROM run_cases WHERE run_id = ?", (run_id,)
                )
            }

    def iter_cases(self, run_id: str) -> Generator[Case, None, None]:
        """The cases of a run in the order they were added, streamed."""
        from charter.audit._records import Case

        with self._snapshot() as tx:
            for (text,) in tx.stream(
                "SELECT case_json FROM run_cases WHERE run_id = ? ORDER BY ord", (run_id,)
            ):
                yield self._load(Case, text, f"case of run {run_id}")

    # ---------------------------------------------------------------- results
    def add_result(self, result: CaseResult, *, replace: bool = False) -> bool:
        """Store one result and commit; ``False`` if ``(run_id, case_id, epoch)`` was already stored.

        An existing result is kept as it is (a resumed run never doubles) unless ``replace``.
        """
        return self.add_results([result], replace=replace) > 0

    def add_results(self, results: Iterable[CaseResult], *, replace: bool = False) -> int:
        """Store results in one transaction; how many rows were written (existing ones are skipped)."""
        now = format_time(utcnow())
        rows = [
            (
                r.run_id,
                r.case_id,
                r.epoch,
                r.model_dump_json(),
                r.outcome,
                None if r.passed is None else int(r.passed),
                now,
            )
            for r in results
        ]
        if not rows:
            return 0
        if replace:
            sql = _RESULT_INSERT + (
                "DO UPDATE SET result_json = excluded.result_json, outcome = excluded.outcome, "
                "passed = excluded.passed, created_at = excluded.created_at"
            )
        else:
            sql = _RESULT_INSERT + "DO NOTHING"
        with self._transaction() as tx:
            for run_id in {row[0] for row in rows}:
                self._require_run(tx, run_id)
            return tx.executemany(sql, rows)

    def completed(self, run_id: str, *, include_errors: bool = True) -> set[tuple[str, int]]:
        """``(case_id, epoch)`` of the results stored for a run (without ``error`` outcomes if asked)."""
        sql = "SELECT case_id, epoch FROM results WHERE run_id = ?"
        if not include_errors:
            sql += " AND outcome <> 'error'"
        with self._read() as tx:
            return {(str(case_id), int(epoch)) for case_id, epoch in tx.all(sql, (run_id,))}

    def count_results(self, run_id: str) -> int:
        with self._read() as tx:
            row = tx.one("SELECT COUNT(*) FROM results WHERE run_id = ?", (run_id,))
        return 0 if row is None else int(row[0])

    def iter_results(self, run_id: str) -> Generator[CaseResult, None, None]:
        """The results of a run ordered by ``(case_id, epoch)``, streamed from one consistent snapshot.

        The snapshot (a connection of its own) is held until the generator is exhausted or closed:
        call ``.close()`` on a generator you abandon early.
        """
        from charter.audit._records import CaseResult

        with self._snapshot() as tx:
            for (text,) in tx.stream(
                f"SELECT result_json FROM results WHERE run_id = ? ORDER BY case_id{self._binary}, epoch",
                (run_id,),
            ):
                yield self._load(CaseResult, text, f"result of run {run_id}")

    def export_jsonl(self, run_id: str, path: str | os.PathLike[str]) -> int:
        """Write ``{"case": ..., "result": ...}`` per result to ``path`` atomically; the line count.

        ``case`` is ``null`` for a result whose case was never stored with :meth:`add_cases`.
        """
        target = Path(path)
        if self.get_run(run_id) is None:
            raise self._error(f"no run {run_id!r}")
        count = 0
        try:
            with atomic_output(target, make_dirs=True) as out, self._snapshot() as tx:
                for result_json, case_json in tx.stream(
                    "SELECT r.result_json, c.case_json FROM results r LEFT JOIN run_cases c "
                    "ON c.run_id = r.run_id AND c.case_id = r.case_id WHERE r.run_id = ? "
                    f"ORDER BY r.case_id{self._binary}, r.epoch",
                    (run_id,),
                ):
                    out.write('{"case":' + (case_json or "null") + ',"result":' + result_json + "}\n")
                    count += 1
        except OSError as exc:
            raise StoreError(f"{target}: cannot write the export: {exc}") from exc
        return count

    # ------------------------------------------------------------------ cache
    def cache_get(self, key: str) -> Any | None:
        """The JSON value cached under ``key``, or ``None``."""
        with self._read() as tx:
            row = tx.one("SELECT value FROM cache WHERE key = ?", (key,))
        return None if row is None else json.loads(row[0])

    def cache_put(self, key: str, value: Any) -> None:
        """Cache a JSON value (pydantic models and other types pydantic can serialise are accepted)."""
        try:
            text = canonical_json(to_jsonable_python(value))
        except PydanticSerializationError as exc:
            raise self._error(f"cache value is not JSON: {exc}") from exc
        with self._transaction() as tx:
            tx.execute(
                "INSERT INTO cache (key, value, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at",
                (key, text, format_time(utcnow())),
            )

    # -------------------------------------------------------------- decisions
    def _decision(self, row: tuple[Any, ...]) -> DecisionRecord:
        seq, text, prev_hash, digest = row[0], row[8], row[9], row[10]
        try:
            data = json.loads(text)
            return DecisionRecord.model_validate(
                {**data, "seq": int(seq), "prev_hash": prev_hash, "hash": digest}
            )
        except (ValueError, TypeError, ValidationError) as exc:
            raise self._error(
                f"stored decision {seq} cannot be read by this version of Charter: {exc}"
            ) from exc

    def append_decision(self, record: DecisionRecord) -> DecisionRecord:
        """Append a decision to the hash chain; the record with ``seq``, ``prev_hash`` and ``hash`` set.

        Appends are serialised (threads, and processes sharing the database), so there is one chain
        with contiguous ``seq``. Appending the same record again (same ``decision_id``, same content)
        returns the stored one, so a retry after an ambiguous failure never forks or doubles the log.
        """
        return self.append_decisions([record])[0]

    def append_decisions(
        self, records: Sequence[DecisionRecord], *, durable: bool = True
    ) -> list[DecisionRecord]:
        """Append several decisions in one transaction (group commit: one fsync for all).

        Either every record is stored or none is; the result is in the order given. ``durable``
        (the default): the commit survives a power loss before this returns. ``durable=False``: it
        survives a crash of this process (SIGKILL, OOM) but an OS crash may lose it until the next
        :meth:`sync`; SQLite then commits without an fsync, PostgreSQL commits durably anyway.
        """
        texts = []
        for record in records:
            if record.chained:
                raise self._error(
                    f"decision {record.decision_id}: already chained (seq/prev_hash/hash are set)"
                )
            texts.append(record_text(record))
        if not records:
            return []
        out: list[DecisionRecord] = []
        with self._transaction(durable=durable) as tx:
            head = tx.one(f"SELECT seq, hash FROM chain_head WHERE id = 1{self._for_update}")
            if head is None:
                raise self._error("the decision chain head is missing")
            seq, prev = int(head[0]), str(head[1])
            for record, text in zip(records, texts, strict=True):
                digest = chain_hash(prev, text)
                # a decision id stored before (a retried append) is looked up only when it is there
                inserted = tx.execute(
                    f"INSERT INTO decisions ({_DECISION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (decision_id) DO NOTHING",
                    (
                        seq + 1,
                        format_time(record.created_at),
                        record.decision_id,
                        record.tenant,
                        record.profile,
                        record.action,
                        record.spec_sha256,
                        record.policy_hash,
                        text,
                        prev,
                        digest,
                    ),
                )
                if inserted == 0:
                    existing = tx.one(
                        "SELECT seq, record_json, prev_hash, hash FROM decisions WHERE decision_id = ?",
                        (record.decision_id,),
                    )
                    if existing is None or existing[1] != text:
                        raise self._error(
                            f"decision {record.decision_id!r} already exists with different content"
                        )
                    out.append(
                        record.model_copy(
                            update={"seq": int(existing[0]), "prev_hash": existing[2], "hash": existing[3]}
                        )
                    )
                    continue
                seq += 1
                out.append(record.model_copy(update={"seq": seq, "prev_hash": prev, "hash": digest}))
                prev = digest
            tx.execute("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1", (seq, prev))
        return out

    def get_decision(self, decision_id: str) -> DecisionRecord | None:
        with self._read() as tx:
            row = tx.one(f"SELECT {_DECISION_COLUMNS} FROM decisions WHERE decision_id = ?", (decision_id,))
        return None if row is None else self._decision(row)

    def iter_decisions(
        self, since_seq: int | None = None, *, tenant: str | None = None
    ) -> Iterator[DecisionRecord]:
        """Decisions with ``seq > since_seq`` (all by default), in chain order, streamed."""
        sql = f"SELECT {_DECISION_COLUMNS} FROM decisions WHERE seq > ?"
        params: list[Any] = [since_seq or 0]
        if tenant is not None:
            sql += " AND tenant = ?"
            params.append(tenant)
        with self._snapshot() as tx:
            for row in tx.stream(sql + " ORDER BY seq", params):
                yield self._decision(row)

    def chain_head(self) -> tuple[int, str]:
        """``(seq, hash)`` of the last decision (``(0, GENESIS_HASH)`` when empty): keep it as an anchor."""
        with self._read() as tx:
            row = tx.one("SELECT seq, hash FROM chain_head WHERE id = 1")
        if row is None:
            raise self._error("the decision chain head is missing")
        return int(row[0]), str(row[1])

    def verify_chain(self, *, anchor: tuple[int, str] | None = None) -> ChainReport:
        """Check the whole decision chain in one consistent snapshot (see :func:`verify_chain`)."""
        with self._snapshot() as tx:
            head = tx.one("SELECT seq, hash FROM chain_head WHERE id = 1")
            rows = tx.stream(f"SELECT {_DECISION_COLUMNS} FROM decisions ORDER BY seq")
            return verify_rows(rows, None if head is None else (int(head[0]), str(head[1])), anchor=anchor)

    # ------------------------------------------------------------------ async
    async def aadd_result(self, result: CaseResult, *, replace: bool = False) -> bool:
        return await asyncio.to_thread(self.add_result, result, replace=replace)

    async def aadd_results(self, results: Sequence[CaseResult], *, replace: bool = False) -> int:
        return await asyncio.to_thread(self.add_results, list(results), replace=replace)

    async def acompleted(self, run_id: str, *, include_errors: bool = True) -> set[tuple[str, int]]:
        return await asyncio.to_thread(self.completed, run_id, include_errors=include_errors)

    async def acache_get(self, key: str) -> Any | None:
        return await asyncio.to_thread(self.cache_get, key)

    async def acache_put(self, key: str, value: Any) -> None:
        await asyncio.to_thread(self.cache_put, key, value)

    async def aappend_decision(self, record: DecisionRecord) -> DecisionRecord:
        return await asyncio.to_thread(self.append_decision, record)
