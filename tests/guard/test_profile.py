from __future__ import annotations

from pathlib import Path

import pytest

from charter.exceptions import ConfigError
from charter.guard import Profile, load_profile
from charter.spec import parse_spec

SPEC = parse_spec(
    "# A {#locked authority=root}\n\n# B {#style authority=user}\n\n# C {#dev authority=developer}\n",
    source="s.md",
)


def test_profile_allowed_and_refused() -> None:
    assert Profile(disable=["style", "dev"], user_may_change=["style"]).problems(SPEC) == []
    problems = Profile(disable=["locked", "ghost"], user_may_change=["dev"]).problems(SPEC)
    assert any("'locked' (root) cannot be changed" in p for p in problems)
    assert any("'ghost' is not a statement" in p for p in problems)
    assert any("'dev' (developer) cannot be delegated to users" in p for p in problems)
    with pytest.raises(ConfigError):
        Profile(disable=["locked"]).check(SPEC)


def test_load_profile_errors_carry_line(tmp_path: Path) -> None:
    good = tmp_path / "p.yaml"
    good.write_text("name: t\ndisable: [style]\n", encoding="utf-8")
    assert load_profile(good).disable == ["style"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: t\n\ndisable: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.yaml:3: disable"):
        load_profile(bad)
    unknown = tmp_path / "u.yaml"
    unknown.write_text("name: t\nsurprise: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"u.yaml:2: surprise"):
        load_profile(unknown)


def test_digest_changes_with_content() -> None:
    assert Profile(disable=["a"]).digest() != Profile(disable=["b"]).digest()
