"""``open_store``: a path or ``sqlite://`` URL opens SQLite, a ``postgresql://`` URL opens PostgreSQL."""

from __future__ import annotations

import os
import re

from charter.exceptions import StoreError
from charter.store._store import Store

__all__ = ["open_store"]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


def open_store(url_or_path: str | os.PathLike[str], *, timeout: float = 30.0) -> Store:
    """Open (creating and migrating as needed) the store at ``url_or_path``.

    * a file path, or ``sqlite:///absolute/path.db`` / ``sqlite://relative/path.db``: SQLite;
    * ``postgresql://user:password@host:port/database`` (or ``postgres://``): PostgreSQL, which
      needs ``pip install 'charter[postgres]'``.

    ``timeout`` (seconds) bounds waiting for another writer (SQLite) or for connecting (PostgreSQL).
    Raises :class:`~charter.exceptions.StoreError` when the store cannot be opened or migrated, or
    was written by a newer Charter.
    """
    if not isinstance(url_or_path, str):
        from charter.store._sqlite import SQLiteStore

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

        return SQLiteStore(text[len("sqlite://") :], busy_timeout=timeout)
    if scheme is not None:
        raise StoreError(f"{text.split('://', 1)[0]}://: unsupported store URL (use a path or postgresql://)")
    from charter.store._sqlite import SQLiteStore

    return SQLiteStore(text, busy_timeout=timeout)
