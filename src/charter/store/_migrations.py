"""Named, forward-only schema migrations, shared by SQLite and PostgreSQL.

Each step is applied at most once, in order, and recorded by name in ``charter_migrations``.
Every step that is missing is applied in one transaction (both backends have transactional DDL),
so a store is never left half-migrated. A database that records a step this code does not know
was written by a newer Charter: it is refused, never modified.

Rules for new steps: append, never edit or reorder a released step; keep SQL portable (``TEXT``
for JSON and timestamps, ``INTEGER``/``BIGINT`` numbers, ``0``/``1`` booleans) or give a
per-dialect variant. JSON is stored as ``TEXT`` on both backends on purpose: the decision chain
hashes the exact stored text, which ``jsonb`` would normalise.
Timestamps are ISO-8601 UTC text (``2025-01-31T12:00:00.000000Z``), which sorts by time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["MIGRATIONS", "MIGRATIONS_TABLE", "STORE_SCHEMA_VERSION", "Dialect", "Migration"]

Dialect = Literal["sqlite", "postgresql"]

MIGRATIONS_TABLE = "charter_migrations"


@dataclass(frozen=True)
class Migration:
    """One step: portable statements, optionally replaced per dialect."""

    name: str
    statements: tuple[str, ...]
    variants: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def sql(self, dialect: Dialect) -> tuple[str, ...]:
        return self.variants.get(dialect, self.statements)


_RUNS = Migration(
    "0001_runs",
    (
        """CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            spec_sha256 TEXT NOT NULL,
            spec_source TEXT NOT NULL,
            suite_path TEXT NOT NULL,
            suite_sha256 TEXT NOT NULL,
            model TEXT NOT NULL,
            params TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'interrupted')),
            finished_at TEXT,
            config TEXT NOT NULL
        )""",
        "CREATE INDEX runs_created_at ON runs (created_at)",
        """CREATE TABLE run_cases (
            run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            case_id TEXT NOT NULL,
            case_json TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            PRIMARY KEY (run_id, case_id)
        )""",
        "CREATE INDEX run_cases_ord ON run_cases (run_id, ord)",
        """CREATE TABLE results (
            run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE,
            case_id TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            result_json TEXT NOT NULL,
            outcome TEXT NOT NULL,
            passed INTEGER,
            created_at TEXT NOT NULL,
            UNIQUE (run_id, case_id, epoch)
        )""",
        "CREATE INDEX results_outcome ON results (run_id, outcome)",
    ),
)

_DECISIONS_TABLE = """CREATE TABLE decisions (
    seq {seq_type} PRIMARY KEY,
    decision_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    tenant TEXT NOT NULL,
    profile TEXT NOT NULL,
    action TEXT NOT NULL,
    spec_sha256 TEXT NOT NULL,
    policy_hash TEXT NOT NULL,
    record_json TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
)"""
_DECISIONS_REST = (
    "CREATE INDEX decisions_tenant ON decisions (tenant, seq)",
    "CREATE INDEX decisions_created_at ON decisions (created_at)",
    # the one-row head of the chain: appends lock it, verification compares the last row with it
    """CREATE TABLE chain_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq BIGINT NOT NULL,
        hash TEXT NOT NULL
    )""",
    "INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, '" + "0" * 64 + "')",
)

_DECISIONS = Migration(
    "0002_decisions",
    (),
    variants={
        # INTEGER PRIMARY KEY is SQLite's rowid: decisions are stored in chain order
        "sqlite": (_DECISIONS_TABLE.format(seq_type="INTEGER"), *_DECISIONS_REST),
        "postgresql": (_DECISIONS_TABLE.format(seq_type="BIGINT"), *_DECISIONS_REST),
    },
)

_CACHE = Migration(
    "0003_cache",
    (
        """CREATE TABLE cache (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
    ),
)

MIGRATIONS: tuple[Migration, ...] = (_RUNS, _DECISIONS, _CACHE)
#: The number of migration steps this code knows; a store at this version is fully migrated.
STORE_SCHEMA_VERSION = len(MIGRATIONS)
