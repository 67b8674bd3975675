"""Suites as JSONL files: round trip, deterministic atomic writes, streaming reads, file:line errors."""

from __future__ import annotations

import json
import stat
import tracemalloc
from pathlib import Path

import pytest

from charter.audit._records import Case, Variant
from charter.audit._suite import case_sort_key, iter_suite, read_suite, write_suite
from charter.chat import Message, Role
from charter.exceptions import ConfigError
from charter.spec import CheckRef


def case(case_id: str, text: str = "hello", **extra: object) -> Case:
    return Case(id=case_id, messages=[Message(role=Role.USER, content=text)], **extra)


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    rich = case(
        "spec:a:1",
        "héllo ☃",
        statements=["a", "b"],
        expected="refuse",
        source="spec.md:3",
        tags=["x"],
        good=["no"],
        bad=["sure"],
        checks=[CheckRef(name="pattern", params={"patterns": ["x"], "mode": "forbid"})],
        variant=Variant(kind="authority", group="spec:a:1", attribute="user_override", honoured=False),
        metadata={"label": 2, "nested": {"k": [1, 2]}},
    )
    path = tmp_path / "suite.jsonl"
    assert write_suite([rich, case("spec:a:2")], path) == 2
    loaded = read_suite(path)
    assert loaded[0] == rich and loaded[0].content_hash() == rich.content_hash()
    assert "héllo ☃" in path.read_text(encoding="utf-8")  # written as UTF-8, not \u escapes
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == ["spec:a:1", "spec:a:2"]


def test_write_is_sorted_naturally_and_deterministic(tmp_path: Path) -> None:
    cases = [case(f"spec:x:{n}") for n in (10, 2, 1)] + [case("auth:x:roleplay")]
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_suite(cases, first)
    write_suite(list(reversed(cases)), second)
    assert first.read_bytes() == second.read_bytes()
    assert [c.id for c in read_suite(first)] == ["auth:x:roleplay", "spec:x:1", "spec:x:2", "spec:x:10"]
    write_suite(cases, first, sort=False)
    assert [c.id for c in read_suite(first)] == ["spec:x:10", "spec:x:2", "spec:x:1", "auth:x:roleplay"]
    assert case_sort_key("a:9") < case_sort_key("a:10")


def test_write_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "suite.jsonl"
    write_suite([case("a")], path)
    before = path.read_bytes()
    with pytest.raises(ConfigError, match="duplicate case id 'b'"):
        write_suite([case("b"), case("b")], path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["suite.jsonl"]
    assert stat.S_IMODE(path.stat().st_mode) & 0o044  # readable by others, not mkstemp's 0600


def test_write_creates_parent_directories(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "suite.jsonl"
    write_suite([case("a")], path)
    assert [c.id for c in read_suite(path)] == ["a"]


def test_blank_lines_and_comments_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "suite.jsonl"
    line = json.dumps(case("a").model_dump(mode="json"))
    path.write_text(f"# my suite\n\n{line}\n   \n", encoding="utf-8")
    assert [c.id for c in read_suite(path)] == ["a"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"id": "a", "messages": [{"role": "user", "content": "x"}]}\n{oops\n',
            r"suite\.jsonl:2: not valid JSON",
        ),
        ("[1, 2]\n", r"suite\.jsonl:1: a suite line must be a JSON object"),
        (
            '{"messages": [{"role": "user", "content": "x"}]}\n',
            r"suite\.jsonl:1: invalid case: id: Field required",
        ),
        (
            '{"id": "a", "messages": [{"role": "robot", "content": "x"}]}\n',
            r"suite\.jsonl:1: invalid case: messages\.0\.role",
        ),
        ('{"id": "a", "messages": [], "expected": "refuse"}\n', r"suite\.jsonl:1: case 'a' has no messages"),
        (
            '{"id": "a", "messages": [{"role": "user"}], "expected": "maybe"}\n',
            r"suite\.jsonl:1: invalid case: expected",
        ),
        (
            '{"id": "a", "messages": [{"role": "user"}], "colour": "red"}\n',
            r"suite\.jsonl:1: invalid case: colour",
        ),
        (
            '{"version": 99, "id": "a", "messages": [{"role": "user"}]}\n',
            r"suite\.jsonl:1: case version 99 .* newer",
        ),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "suite.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        read_suite(path)


def test_duplicate_ids_name_both_lines(tmp_path: Path) -> None:
    path = tmp_path / "suite.jsonl"
    line = json.dumps(case("dup").model_dump(mode="json"))
    other = json.dumps(case("other").model_dump(mode="json"))
    path.write_text(f"{line}\n{other}\n\n{line}\n", encoding="utf-8")
    with pytest.raises(
        ConfigError, match=r"suite\.jsonl:4: duplicate case id 'dup' \(first defined on line 1\)"
    ):
        read_suite(path)


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read suite"):
        read_suite(tmp_path / "nope.jsonl")
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(json.dumps(case("a").model_dump(mode="json")).encode() + b"\n\xff\xfe\n")
    with pytest.raises(ConfigError, match=r"bin\.jsonl:2: not UTF-8"):
        read_suite(binary)


def test_iter_suite_streams(tmp_path: Path) -> None:
    path = tmp_path / "suite.jsonl"
    good = json.dumps(case("a").model_dump(mode="json"))
    path.write_text(f"{good}\nnot json\n", encoding="utf-8")
    stream = iter_suite(path)
    assert next(stream).id == "a"  # the first case arrives before the bad line is read
    with pytest.raises(ConfigError, match=":2: not valid JSON"):
        next(stream)


def test_iter_suite_does_not_hold_a_large_suite_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    n = 50_000
    template = case("x", "a fairly ordinary prompt of a few words; " * 80).model_dump(mode="json")
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps({**template, "id": f"case:{i}"}) + "\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_suite(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == n
    # only the ids seen so far are kept (for the duplicate check), never the cases themselves
    assert peak < size / 10, (peak, size)
