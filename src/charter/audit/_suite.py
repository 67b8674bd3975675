"""Suites: JSONL files of :class:`~charter.audit.Case`, one ``Case.model_dump(mode="json")`` per line.

Suites are meant to be edited by hand and kept under version control, so the reader is forgiving
about layout (blank lines and lines starting with ``#`` are skipped) and strict about content: every
problem is reported as ``file:line: message`` and duplicate case ids are an error. The writer is
atomic (temporary file in the same directory, then rename) and deterministic (cases sorted by id in
natural order, so ``spec:x:2`` comes before ``spec:x:10``), so regenerating a suite gives a clean diff.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from charter._files import atomic_output
from charter.audit._records import CASE_VERSION, Case
from charter.exceptions import ConfigError

__all__ = ["case_sort_key", "iter_suite", "read_suite", "text_lines", "write_suite"]

_DIGITS = re.compile(r"(\d+)")


def case_sort_key(case_id: str) -> tuple[tuple[int, int | str], ...]:
    """Natural sort key of a case id: runs of digits compare as numbers."""
    parts = _DIGITS.split(case_id)
    return tuple((1, int(p)) if p.isdigit() else (0, p) for p in parts)


def _validation_message(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "case"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"invalid case: {where}: {first.get('msg', 'invalid value')}{more}"


def iter_suite(path: str | Path) -> Iterator[Case]:
    """Yield the cases of a suite file one at a time (only the ids seen so far are kept in memory).

    Raises :class:`ConfigError` (``file:line: message``) on unreadable files, malformed JSON,
    invalid cases, cases written by a newer Charter and duplicate ids.
    """
    file = Path(path)
    seen: dict[str, int] = {}
    for number, text in text_lines(file, what="suite"):
        if not text or text.startswith("#"):
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{file}:{number}: not valid JSON: {exc.msg} (column {exc.colno})") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"{file}:{number}: a suite line must be a JSON object (a case)")
        version = data.get("version", CASE_VERSION)
        if isinstance(version, int) and version > CASE_VERSION:
            raise ConfigError(
                f"{file}:{number}: case version {version} was written by a newer Charter "
                f"(this one reads version {CASE_VERSION})"
            )
        try:
            case = Case.model_validate(data)
        except ValidationError as exc:
            raise ConfigError(f"{file}:{number}: {_validation_message(exc)}") from exc
        if not case.id.strip():
            raise ConfigError(f"{file}:{number}: case id is empty")
        if not case.messages:
            raise ConfigError(f"{file}:{number}: case {case.id!r} has no messages")
        if case.id in seen:
            raise ConfigError(
                f"{file}:{number}: duplicate case id {case.id!r} (first defined on line {seen[case.id]})"
            )
        seen[case.id] = number
        yield case


def text_lines(path: str | Path, *, what: str = "file") -> Iterator[tuple[int, str]]:
    """The stripped lines of a UTF-8 text file with their 1-based numbers, read one at a time.

    Lines are decoded one by one so an encoding error names its own line. A leading BOM is dropped.
    """
    file = Path(path)
    try:
        handle = file.open("rb")
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read {what}: {exc.strerror or exc}") from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ConfigError(f"{file}:{number}: not UTF-8 text: {exc.reason}") from exc
            if number == 1:
                text = text.removeprefix("\ufeff")
            yield number, text.strip()


def read_suite(path: str | Path) -> list[Case]:
    """All cases of a suite file, in file order. See :func:`iter_suite` for the errors raised."""
    return list(iter_suite(path))


def write_suite(cases: Iterable[Case], path: str | Path, *, sort: bool = True) -> int:
    """Write ``cases`` to ``path`` atomically and return how many were written.

    Cases are sorted by id in natural order unless ``sort`` is false (then the given order is kept).
    Duplicate ids raise :class:`ConfigError` and leave any existing file untouched.
    """
    file = Path(path)
    items = list(cases)
    seen: set[str] = set()
    for case in items:
        if case.id in seen:
            raise ConfigError(f"{file}: duplicate case id {case.id!r}; case ids must be unique in a suite")
        seen.add(case.id)
    if sort:
        items.sort(key=lambda c: case_sort_key(c.id))
    try:
        with atomic_output(file, make_dirs=True) as handle:
            for case in items:
                handle.write(json.dumps(case.model_dump(mode="json"), ensure_ascii=False))
                handle.write("\n")
    except OSError as exc:
        raise ConfigError(f"{file}: cannot write suite: {exc.strerror or exc}") from exc
    return len(items)
