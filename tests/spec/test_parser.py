from __future__ import annotations

from collections import Counter

import pytest

from charter.chat import Role
from charter.spec import load_spec, parse_spec
from tests.conftest import RELEASES, release_path

# The counts published in ../shared/README.md, reproduced exactly.
EXPECTED = {
    "2025-02-12": (71, {"platform": 20, "user": 12, "guideline": 18, "developer": 1}, 154, 168, 162),
    "2025-04-11": (71, {"platform": 20, "user": 12, "guideline": 18, "developer": 1}, 154, 168, 162),
    "2025-09-12": (77, {"root": 20, "system": 3, "user": 15, "guideline": 18, "developer": 1}, 173, 186, 186),
}


@pytest.mark.parametrize("release", RELEASES)
def test_real_release_counts(release: str) -> None:
    spec = load_spec(release_path(release))
    sections, authorities, examples, good, bad = EXPECTED[release]
    assert len(spec.sections) == sections
    assert dict(Counter(s.authority_raw for s in spec.sections if s.authority_raw)) == authorities
    assert len(spec.examples) == examples
    responses = [r for e in spec.examples for r in e.responses]
    assert sum(r.verdict == "good" for r in responses) == good
    assert sum(r.verdict == "bad" for r in responses) == bad
    assert not [d for d in spec.diagnostics if d.severity == "error"]


@pytest.mark.parametrize("release", RELEASES)
def test_real_release_structure(release: str) -> None:
    spec = load_spec(release_path(release))
    ids = {s.id for s in spec.sections}
    assert all(s.parent is None or s.parent in ids for s in spec.sections)
    # platform is read as root; eval prompt files are attached to the sections citing them
    assert all(s.authority == "root" for s in spec.sections if s.authority_raw == "platform")
    assert sum(len(s.eval_prompts) for s in spec.sections) > 200
    chain = spec.section("chain_of_command")
    assert chain.eval_prompts and chain.eval_prompts[0].messages
    # headings inside example blocks are not sections
    assert "functions" not in ids and all(not s.title.startswith("[...]") for s in spec.sections)


def test_real_example_details() -> None:
    spec = load_spec(release_path("2025-09-12"))
    untrusted = [m for e in spec.examples for m in e.messages if m.untrusted]
    assert any("PUGCOIN" in u for m in untrusted for u in m.untrusted)
    settings = [m for e in spec.examples for m in e.messages if m.settings]
    assert settings and settings[0].settings == {"max_tokens": "1024"}
    tools = [m for e in spec.examples for m in e.messages if m.role is Role.TOOL]
    assert tools and tools[0].name == "browser"
    cited = [r for e in spec.examples for r in e.responses if r.cites]
    assert cited and cited[0].cites == ["chain_of_command"]
    # a later comparison in one example carries the earlier turns as context
    assert any(r.context for e in spec.examples for r in e.responses)


SMALL = """\
---
title: Tiny
---
# Part {#part}

Intro with a [?](#s1) reference[^ab12].

## First statement {#s1 authority=user tags=style,tone}

Body of s1.

```charter
overridable_by: [developer]
checks:
  - name: length
    params: {max_words: 50}
action: flag
severity: low
risk: style
```

**Example**: greeting

~~~xml
<developer>
Be terse.
<settings>
max_tokens: 20
</settings>
</developer>
<user>
Hello <b>there</b>
</user>
<comparison>
<assistant> <!-- GOOD: short -->
Hi.
</assistant>
<assistant recipient="browser"> <!-- BAD[#s1]: too long -->
# Not a heading
Hello! It is wonderful...
</assistant>
</comparison>
~~~

!!! meta "Commentary"
    Why this matters.

### Sub {#s2 authority=platform}

Text.
"""


def test_small_spec_fields() -> None:
    spec = parse_spec(SMALL, source="tiny.md")
    assert spec.title == "Tiny"
    assert [s.id for s in spec.sections] == ["part", "s1", "s2"]
    s1 = spec.section("s1")
    assert (s1.level, s1.parent, s1.authority, s1.tags, s1.line) == (2, "part", "user", ["style", "tone"], 8)
    assert s1.charter is not None and s1.charter.checks[0].params == {"max_words": 50}
    assert s1.charter.overridable_by == ["developer"] and s1.overridable_by == ["developer"]
    assert s1.commentary == ["Why this matters."]
    assert "```charter" not in s1.body and "Body of s1." in s1.body
    (example,) = s1.examples
    assert example.title == "greeting" and example.line == 22
    assert [m.role for m in example.messages] == [Role.DEVELOPER, Role.USER]
    assert example.messages[0].settings == {"max_tokens": "20"}
    assert example.messages[1].content == "Hello <b>there</b>"
    good, bad = example.responses
    assert (good.verdict, good.reason, good.content) == ("good", "short", "Hi.")
    assert (bad.verdict, bad.reason, bad.cites) == ("bad", "too long", ["s1"])
    assert bad.attributes == {"recipient": "browser"} and bad.content.startswith("# Not a heading")
    s2 = spec.section("s2")
    assert (s2.authority, s2.authority_raw, s2.parent) == ("root", "platform", "s1")
    assert any(d.code == "authority-platform" for d in spec.diagnostics)
    part = spec.section("part")
    assert part.footnotes == ["ab12"] and part.references[0].target == "s1"


def test_public_json_contract() -> None:
    data = parse_spec(SMALL, source="tiny.md").to_public()
    assert data["schema"] == 1 and set(data) == {"schema", "title", "source", "sha256", "sections"}
    section = data["sections"][1]
    assert set(section) == {
        "id",
        "title",
        "level",
        "parent",
        "authority",
        "line",
        "tags",
        "examples",
        "eval_prompts",
    }
    example = section["examples"][0]
    assert set(example) == {"title", "line", "messages", "responses"}
    assert example["messages"][0] == {"role": "developer", "content": "Be terse."}
    assert example["responses"][1]["verdict"] == "bad"


def test_malformed_examples_become_diagnostics() -> None:
    text = "# A {#a authority=user}\n\n**Example**: broken\n\n~~~xml\n<user>\nhi\n<comparison>\n~~~\n"
    spec = parse_spec(text, source="bad.md")
    codes = {(d.code, d.line) for d in spec.diagnostics if d.severity == "error"}
    assert ("example-malformed", 6) in codes


def test_unknown_authority_and_unclosed_fence() -> None:
    spec = parse_spec("# A {#a authority=boss}\n\n```python\nx = 1\n", source="x.md")
    errors = {d.code: d.line for d in spec.diagnostics if d.severity == "error"}
    assert errors == {"authority-unknown": 1, "fence-unclosed": 3}
    assert spec.section("a").authority is None


def test_example_without_block() -> None:
    spec = parse_spec("# A {#a authority=user}\n\n**Example**: nothing\n\nJust prose.\n", source="x.md")
    assert [(d.code, d.line) for d in spec.diagnostics] == [("example-block", 3)]


def test_charter_block_errors_have_lines() -> None:
    text = "# A {#a authority=root}\n\n```charter\nseverity: extreme\nbogus: 1\n```\n"
    spec = parse_spec(text, source="x.md")
    found = {(d.code, d.line) for d in spec.diagnostics}
    assert ("charter-value", 4) in found and ("charter-key", 5) in found


def test_charter_yaml_error_line() -> None:
    text = "# A {#a authority=root}\n\n```charter\naction: block\nchecks: [unclosed\n```\n"
    (diag,) = parse_spec(text, source="x.md").diagnostics
    assert diag.code == "charter-yaml" and diag.line >= 5


def test_missing_footnote_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    file = tmp_path / "spec.md"
    file.write_text("# A {#a}\n\nSee this[^zz99].\n", encoding="utf-8")
    spec = load_spec(file)
    assert [(d.code, d.line) for d in spec.diagnostics] == [("footnote-missing", 3)]


def test_sha256_is_of_file_bytes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    file = tmp_path / "spec.md"
    file.write_bytes(b"# A {#a}\r\n\r\nText\r\n")
    assert load_spec(file).sha256 == hashlib.sha256(file.read_bytes()).hexdigest()


def test_unreadable_file_raises_spec_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from charter.exceptions import SpecError

    with pytest.raises(SpecError, match="cannot read spec"):
        load_spec(tmp_path / "missing.md")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"# A\n\n\xff\xfe")
    with pytest.raises(SpecError) as info:
        load_spec(bad)
    assert info.value.line == 3
