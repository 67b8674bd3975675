"""``open_store``: a path or ``sqlite://`` URL opens SQLite, a ``postgresql://`` URL opens PostgreSQL."""

from __future__ import annotations

import os
import re

from charter.exceptions import StoreError
from charter.store._store import Store

__all__ = ["open_store"]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def open_store(url_or_path: str | os.PathLike[str], *, timeout: float = 30.0, create: bool = True) -> Store:
    """Open (creating and migrating as needed) the store at ``url_or_path``.

    * a file path, or ``sqlite:///absolute/path.db`` / ``sqlite://relative/path.db``: SQLite;
    * ``postgresql://user:password@host:port/database`` (or ``postgres://``): PostgreSQL, which
      needs ``pip install 'charter[postgres]'``.

    ``timeout`` (seconds) bounds waiting for another writer (SQLite) or for connecting (PostgreSQL).
    ``create=False`` is for readers (verifying a log, listing runs): a SQLite file that does not exist
    is then an error, not a new empty store that would look like a clean one.
    Raises :class:`~charter.exceptions.StoreError` when the store cannot be opened or migrated, or
    was written by a newer Charter.
    """
    if not isinstance(url_or_path, str):
        from charter.store._sqlite import SQLiteStore

        _must_exist(url_or_path, create)
        return SQLiteStore(url_or_path, busy_timeout=timeout)
    text = url_or_path.strip()
    if not text:
        raise StoreError("no store given: pass a file path or a postgresql:// URL")
    match = _SCHEME.match(text)
    scheme = match.group(1).lower() if match else None
    if scheme in ("postgresql", "postgres"):
        from charter.store._postgres import PostgresStore

        return PostgresStore(text, connect_timeout=timeout)
    if scheme == "sqlite":
        from charter.store._sqlite import SQLiteStore

        _must_exist(text[len("sqlite://") :], create)
        return SQLiteStore(text[len("sqlite://") :], busy_timeout=timeout)
    if scheme is not None:
        raise StoreError(f"{text.split('://', 1)[0]}://: unsupported store URL (use a path or postgresql://)")
    from charter.store._sqlite import SQLiteStore

    _must_exist(text, create)
    return SQLiteStore(text, busy_timeout=timeout)


def _must_exist(path: str | os.PathLike[str], create: bool) -> None:
    if not create and str(path) != ":memory:" and not os.path.isfile(path):
        raise StoreError(f"{os.fspath(path)}: no store here (check the path; nothing has been stored there)")
