"""Property-based tests: random and mutated markdown never crashes the parser."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from charter.spec import lint_spec, parse_spec
from tests.conftest import SHARED

FRAGMENTS = [
    "# T {#a authority=root}",
    "## U {#b authority=platform tags=x,y}",
    "### V {#c authority=nonsense}",
    "#### {#}",
    "**Example**: e",
    "~~~xml",
    "~~~",
    "```charter",
    "```",
    "action: block",
    "checks: [{name: pii}]",
    "overridable_by: user",
    "<user>",
    "</user>",
    "<assistant> <!-- GOOD: fine -->",
    "<assistant> <!-- BAD[#a]: nope -->",
    "</assistant>",
    "<comparison>",
    "</comparison>",
    "<settings>",
    "</settings>",
    "<untrusted>",
    "</untrusted>",
    "<tool name='x'>",
    '!!! meta "Commentary"',
    "    indented",
    "See [?](#a) and [^k1] and [x](#zz).",
    "",
    "plain text",
]

lines = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=60)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines)
def test_parser_never_crashes_on_random_lines(parts: list[str]) -> None:
    spec = parse_spec("\n".join(parts), source="fuzz.md")
    for diagnostic in lint_spec(spec):
        assert diagnostic.line >= 1 and diagnostic.path


def _real_text() -> str:
    path = SHARED / "specs" / "openai-model-spec" / "2025-09-12" / "model_spec.md"
    return path.read_text(encoding="utf-8") if path.exists() else "\n".join(FRAGMENTS)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_parser_survives_mutations_of_a_real_spec(data: st.DataObject) -> None:
    text_lines = _real_text().split("\n")
    for _ in range(data.draw(st.integers(1, 8))):
        index = data.draw(st.integers(0, len(text_lines) - 1))
        action = data.draw(st.sampled_from(["delete", "duplicate", "truncate", "insert"]))
        if action == "delete":
            del text_lines[index]
        elif action == "duplicate":
            text_lines.insert(index, text_lines[index])
        elif action == "truncate":
            text_lines[index] = text_lines[index][: data.draw(st.integers(0, 20))]
        else:
            text_lines.insert(index, data.draw(st.sampled_from(FRAGMENTS)))
    spec = parse_spec("\n".join(text_lines), source="mutated.md")
    total = len(text_lines) + 1
    assert all(1 <= d.line <= total for d in lint_spec(spec))
