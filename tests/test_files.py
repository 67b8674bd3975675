from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from charter._files import atomic_output, check_writable


def test_new_file_gets_umask_permissions_and_replacement_keeps_old_ones(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "new.txt"
        with atomic_output(fresh) as out:
            out.write("a\n")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        fresh.chmod(0o600)
        with atomic_output(fresh) as out:
            out.write("b\n")
        assert fresh.read_text(encoding="utf-8") == "b\n" and stat.S_IMODE(fresh.stat().st_mode) == 0o600
        keys = tmp_path / "keys.yaml"
        with atomic_output(keys, mode=0o600) as out:
            out.write("k\n")
        assert stat.S_IMODE(keys.stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("precious\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(target) as out:
        out.write("half")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_device_is_written_through_not_replaced() -> None:
    devnull = Path(os.devnull)
    before = devnull.stat()
    with atomic_output(devnull) as out:
        out.write("discarded\n")
    after = devnull.stat()
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino and after.st_mode == before.st_mode


def test_check_writable(tmp_path: Path) -> None:
    check_writable(tmp_path / "new.txt")
    check_writable(os.devnull)
    with pytest.raises(FileNotFoundError, match="no such directory"):
        check_writable(tmp_path / "missing" / "x.txt")
    with pytest.raises(IsADirectoryError):
        check_writable(tmp_path)
    with atomic_output(tmp_path / "made" / "deep.txt", make_dirs=True) as out:
        out.write("x")
    assert (tmp_path / "made" / "deep.txt").read_text(encoding="utf-8") == "x"
