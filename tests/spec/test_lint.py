from __future__ import annotations

import pytest

from charter.checks import Check, CheckVerdict, Registry, Sample, check
from charter.spec import lint_spec, load_spec, parse_spec
from tests.conftest import RELEASES, release_path


@check("always_ok")
class _AlwaysOk(Check):
    async def evaluate(self, sample: Sample) -> CheckVerdict:
        return self.verdict(label="ok", score=0.0, passed=True)


REGISTRY = Registry({"always_ok": _AlwaysOk})

SPEC = """\
# Part {#part}

See [?](#nowhere) and [?](#dup).

## Dup {#dup authority=user}

No examples here.

## Dup again {#dup authority=guideline}

**Example**: only bad

~~~xml
<user>
hi
</user>
<comparison>
<assistant> <!-- BAD -->
go away
</assistant>
</comparison>
~~~

**Example**: no verdicts

~~~xml
<user>
hi
</user>
<comparison>
<assistant>
hello
</assistant>
</comparison>
~~~

## Locked {#locked authority=root}

```charter
overridable_by: [user]
checks:
  - name: no_such_check
  - name: always_ok
    params: {surprise: 1}
```
"""


def codes(text: str) -> list[tuple[str, int, str]]:
    return [
        (d.code, d.line, d.severity) for d in lint_spec(parse_spec(text, source="s.md"), registry=REGISTRY)
    ]


def test_lint_finds_every_kind_of_problem() -> None:
    found = codes(SPEC)
    assert ("ref-broken", 3, "error") in found
    assert ("id-duplicate", 9, "error") in found
    assert ("statement-no-example", 5, "warning") in found
    assert ("example-only-bad", 11, "warning") in found
    assert ("example-no-verdict", 24, "warning") in found
    assert ("charter-locked", 39, "error") in found
    assert ("check-unknown", 39, "error") in found
    assert ("check-params", 39, "error") in found
    assert [line for _, line, _ in found] == sorted(line for _, line, _ in found)


def test_lint_format_is_file_line_severity() -> None:
    first = lint_spec(parse_spec(SPEC, source="s.md"), registry=REGISTRY)[0]
    assert first.format().startswith("s.md:3: error: ")


@pytest.mark.parametrize("release", RELEASES)
def test_real_releases_have_no_lint_errors(release: str) -> None:
    found = lint_spec(load_spec(release_path(release)))
    assert not [d for d in found if d.severity == "error"]


def test_a_spec_with_nothing_to_enforce_is_warned_about() -> None:
    from charter.spec import lint_spec, parse_spec

    for text, what in (("", "no sections"), ("# Intro {#intro}\n\nProse only.\n", "no statements")):
        (diag,) = [d for d in lint_spec(parse_spec(text, source="s.md")) if d.code == "spec-empty"]
        assert diag.severity == "warning" and diag.line == 1 and what in diag.message
    ruled = parse_spec("# Be kind {#kind authority=user}\n\nBe kind.\n", source="s.md")
    assert not [d for d in lint_spec(ruled) if d.code == "spec-empty"]
