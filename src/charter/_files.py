"""Writing output files without ever damaging what is at the path.

:func:`atomic_output` is the one way Charter writes a file a user names (judge output, suites, exports,
the gateway's keys file):

- a regular file, or a path where nothing exists yet, is written to a temporary file in the same
  directory, flushed to disk, then renamed over the target; a failure part-way leaves the old file as
  it was. A symbolic link is followed: its target is replaced, the link stays a link.
- the replacement keeps the old file's permissions; a new file gets the usual ``0o666`` less the umask
  (``mkstemp``'s ``0o600`` would hide a report from the rest of a team), or ``mode`` when given.
- anything else at the path (``/dev/null``, ``/dev/stdout``, a named pipe, a terminal) is opened and
  written straight through: it is never replaced by a regular file.

:func:`check_writable` tells, before any expensive work, whether the path can be written at all.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_output", "check_writable"]


def _target(path: str | os.PathLike[str]) -> Path:
    """The path with symbolic links followed (a dangling link resolves to where its target would be)."""
    return Path(os.path.realpath(path))


def _special(path: Path) -> bool:
    """Whether something other than a regular file or a directory exists at ``path``."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_writable(path: str | os.PathLike[str]) -> None:
    """Raise ``OSError`` (with ``strerror`` set) if ``path`` cannot be written by :func:`atomic_output`."""
    target = _target(path)
    if target.is_dir():
        raise IsADirectoryError(21, "is a directory", str(path))
    if _special(target):
        if not os.access(target, os.W_OK):
            raise PermissionError(13, "permission denied", str(path))
        return
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(2, f"no such directory: {folder}", str(path))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(13, f"cannot create files in {folder}", str(path))


@contextmanager
def atomic_output(
    path: str | os.PathLike[str], *, mode: int | None = None, make_dirs: bool = False
) -> Iterator[TextIO]:
    """A UTF-8 text handle (``\\n`` line ends) whose content lands at ``path`` when the block ends.

    ``mode``: the permissions of the written file (default: the old file's, or ``0o666`` less the umask).
    ``make_dirs``: create missing parent directories first. ``OSError`` propagates to the caller, which
    turns it into its own error; on any exception the temporary file is removed and ``path`` untouched.
    """
    target = _target(path)
    if _special(target):
        with target.open("w", encoding="utf-8", newline="\n") as handle:
            yield handle
        return
    if make_dirs:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        keep: int | None = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        keep = None
    temp = target.parent / f".{target.name}.{secrets.token_hex(6)}.tmp"
    # os.open applies the umask to 0o666, as creating the file directly would
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666 if mode is None else 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        wanted = mode if mode is not None else keep
        if wanted is not None:
            os.chmod(temp, wanted)
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
