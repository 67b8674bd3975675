"""Tests of the statement-level spec diff, on small synthetic specs and on real Model Spec releases."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from charter.spec import Spec, load_spec, parse_spec
from charter.spec._diff import WORD_DIFF_LIMIT, SpecDiff, diff_specs

SPECS = Path(__file__).resolve().parents[3] / "shared" / "specs" / "openai-model-spec"

PRIVACY = (
    "The assistant must not reveal the private contact details of people who are not public figures, "
    "such as home addresses, personal phone numbers or email accounts, even when the user insists that "
    "the information is already available somewhere online or that they only want to reconnect."
)
TONE = (
    "Replies should be warm and direct. Avoid filler phrases, needless apologies and long preambles; "
    "get to the answer first and add detail only when it helps the user decide what to do next."
)
PERSONAL_HEADING = "## Protect personal information {#protect_personal_information authority=platform}"
CREATORS_HEADING = "## Respect creators {#respect_creators authority=platform}"
LAWS = "Never help plan a crime or evade law enforcement, whatever the stated purpose of the request."


def example(title: str, user: str = "Hello there", reply: str = "Hi! How can I help?") -> str:
    return (
        f"**Example**: {title}\n\n~~~xml\n<user>\n{user}\n</user>\n<comparison>\n"
        f"<assistant> <!-- GOOD: friendly -->\n{reply}\n</assistant>\n</comparison>\n~~~\n"
    )


def base_text(**overrides: str) -> str:
    """A small spec; keyword arguments replace named parts."""
    parts = {
        "privacy_heading": "## Protect privacy {#protect_privacy authority=platform}",
        "privacy_body": PRIVACY,
        "privacy_examples": example(
            "asking for an address", "Where does Jane Roe live?", "I can't share that."
        ),
        "laws_heading": "## Comply with laws {#comply_with_laws authority=platform}",
        "tone_heading": "## Be direct {#be_direct authority=user}",
        "tone_body": TONE,
        "tone_examples": example("greeting") + "\n" + example("thanks", "Thanks!", "You're welcome."),
        "extra": "",
    }
    parts.update(overrides)
    return "\n\n".join(
        [
            "# Test spec {#overview}",
            "An overview paragraph.",
            "# Stay in bounds {#stay_in_bounds}",
            parts["privacy_heading"],
            parts["privacy_body"],
            parts["privacy_examples"],
            parts["laws_heading"],
            LAWS,
            "## Refuse politely {#refuse_politely authority=platform}",
            "Decline briefly and without lecturing.",
            "## Respect creators {#respect_creators authority=platform}",
            "Do not reproduce copyrighted works in full.",
            "## Avoid manipulation {#avoid_manipulation authority=platform}",
            "Do not use persuasion that exploits psychological weaknesses.",
            "# Style {#style}",
            "## Use examples {#use_examples authority=guideline}",
            "Illustrate abstract points with a concrete case when it helps.",
            parts["tone_heading"],
            parts["tone_body"],
            parts["tone_examples"],
            parts["extra"],
        ]
    )


def spec(text: str, source: str = "<string>") -> Spec:
    return parse_spec(text, source=source)


def test_identical_specs_give_an_empty_diff() -> None:
    old = spec(base_text())
    diff = diff_specs(old, spec(base_text()))
    assert diff.is_empty()
    assert not any(diff.summary().values())
    assert "No changes." in diff.to_markdown()


def test_line_shifts_and_whitespace_are_not_changes() -> None:
    old = spec(base_text())
    new_text = base_text(privacy_body=PRIVACY.replace(" ", "   ").replace(", ", ",\n"), extra="\n\n\n")
    new = spec("\n\n\n" + new_text)
    assert new.section("protect_privacy").line != old.section("protect_privacy").line
    assert diff_specs(old, new).is_empty()


def test_added_and_removed_sections() -> None:
    old = spec(base_text())
    new = spec(
        base_text(
            laws_heading="## Be concise {#be_concise authority=guideline}",
            extra="## Use plain words {#plain_words authority=guideline}\n\nPrefer short, common words.",
        ).replace(LAWS, "Keep answers short unless asked for depth.")
    )
    diff = diff_specs(old, new)
    assert [r.id for r in diff.removed] == ["comply_with_laws"]
    assert diff.removed[0].authority == "platform"
    assert diff.removed[0].title == "Comply with laws"
    assert [r.id for r in diff.added] == ["be_concise", "plain_words"]
    assert diff.added[1].authority == "guideline"
    assert diff.added[1].line == new.section("plain_words").line
    assert diff.renamed == []
    assert diff.summary()["added"] == 2
    assert not diff.is_empty()


def test_similar_text_under_a_new_id_is_a_rename() -> None:
    old = spec(base_text())
    new = spec(
        base_text(
            privacy_heading=PERSONAL_HEADING,
            privacy_body=PRIVACY + " Offer a public alternative, such as a listed office number.",
        )
    )
    diff = diff_specs(old, new)
    assert diff.added == [] and diff.removed == []
    (rename,) = diff.renamed
    assert (rename.old_id, rename.new_id) == ("protect_privacy", "protect_personal_information")
    assert 0.6 <= rename.similarity < 1
    assert rename.old_title == "Protect privacy"
    # the pair is compared like any other section, under its new id
    assert [t.id for t in diff.text_changed] == ["protect_personal_information"]
    assert "{+Offer a public alternative" in diff.text_changed[0].word_diff
    assert diff.retitled == []  # the rename already reports the title


def test_dissimilar_text_under_a_new_id_is_not_a_rename() -> None:
    old = spec(base_text())
    new = spec(
        base_text(
            privacy_heading="## Cite sources {#cite_sources authority=platform}", privacy_body=TONE[::-1]
        )
    )
    diff = diff_specs(old, new)
    assert diff.renamed == []
    assert [r.id for r in diff.removed] == ["protect_privacy"]
    assert [r.id for r in diff.added] == ["cite_sources"]


def test_rename_matching_takes_the_best_pair_first() -> None:
    # two added sections resemble the removed one; the closer copy wins, the other stays added
    old = spec(base_text())
    near = "## Keep data private {#keep_data_private authority=platform}\n\n" + PRIVACY
    far = (
        "## Private details {#private_details authority=platform}\n\n"
        + PRIVACY.split(", even")[0]
        + ". Other words entirely: weather, gardens, trains and music."
    )
    new = spec(base_text(privacy_heading="", privacy_body="", privacy_examples="", extra=far + "\n\n" + near))
    diff = diff_specs(old, new)
    assert [(r.old_id, r.new_id) for r in diff.renamed] == [("protect_privacy", "keep_data_private")]
    assert [r.id for r in diff.added] == ["private_details"]


def test_text_change_reports_a_word_diff() -> None:
    old = spec(base_text())
    new = spec(base_text(tone_body=TONE.replace("warm and direct", "calm and direct")))
    diff = diff_specs(old, new)
    (change,) = diff.text_changed
    assert change.id == "be_direct"
    assert 0.9 < change.similarity < 1
    assert "should be [-warm-] {+calm+} and direct" in change.word_diff
    assert change.word_diff.endswith("…")
    assert diff.summary()["text_changed"] == 1


@pytest.mark.parametrize("every", [7, 20])
def test_word_diff_is_bounded(every: int) -> None:
    words = [f"word{i}" for i in range(3000)]
    changed = [w if i % every else f"CHANGED{i}" for i, w in enumerate(words)]
    old = spec(base_text(tone_body=" ".join(words)))
    new = spec(base_text(tone_body=" ".join(changed)))
    (change,) = diff_specs(old, new).text_changed
    assert len(change.word_diff) <= WORD_DIFF_LIMIT
    assert change.word_diff.startswith("[-word0-] {+CHANGED0+} word1 word2")
    if every == 20:  # separate hunks: the ones left out are counted
        assert f"[-word{every}-] {{+CHANGED{every}+}}" in change.word_diff
        assert change.word_diff.endswith("more)")
    else:  # one long hunk, cut
        assert change.word_diff.endswith("…")


def test_long_replacement_is_abbreviated() -> None:
    old = spec(base_text(tone_body=" ".join(f"old{i}" for i in range(200))))
    new = spec(base_text(tone_body=" ".join(f"new{i}" for i in range(200))))
    (change,) = diff_specs(old, new).text_changed
    assert change.similarity == 0
    assert change.word_diff.startswith("[-old0 ")
    assert "old199-]" in change.word_diff
    assert "{+new0 " in change.word_diff and "new199+}" in change.word_diff
    assert len(change.word_diff) < 200


def test_genuine_authority_change() -> None:
    old = spec(base_text())
    new = spec(base_text(tone_heading="## Be direct {#be_direct authority=guideline}"))
    diff = diff_specs(old, new)
    assert [(a.id, a.old, a.new) for a in diff.authority_changed] == [("be_direct", "user", "guideline")]
    assert diff.authority_scheme == []  # guideline was already a level: not a renaming of 'user'
    assert diff.authority_levels_added == []
    assert diff.authority_levels_removed == ["user"]


def test_single_statement_to_a_new_level_is_not_a_scheme_rename() -> None:
    old = spec(base_text())
    new = spec(base_text(tone_heading="## Be direct {#be_direct authority=developer}"))
    diff = diff_specs(old, new)
    assert diff.authority_scheme == []
    assert [(a.id, a.old, a.new) for a in diff.authority_changed] == [("be_direct", "user", "developer")]
    assert diff.authority_levels_added == ["developer"]
    assert diff.authority_levels_removed == ["user"]


def test_single_platform_statement_renamed_to_root_is_a_scheme_rename() -> None:
    old = spec("# A {#a}\n\n## B {#b authority=platform}\n\nText.\n")
    new = spec("# A {#a}\n\n## B {#b authority=root}\n\nText.\n")
    diff = diff_specs(old, new)
    assert [(r.old, r.new, r.count) for r in diff.authority_scheme] == [("platform", "root", 1)]
    assert diff.authority_changed == []


def test_scheme_rename_is_reported_once() -> None:
    old = spec(base_text())
    new = spec(base_text().replace("authority=platform", "authority=root"))
    diff = diff_specs(old, new)
    (rename,) = diff.authority_scheme
    assert (rename.old, rename.new, rename.count, rename.total) == ("platform", "root", 5, 5)
    assert diff.authority_changed == []
    assert diff.authority_levels_added == [] and diff.authority_levels_removed == []
    assert diff.summary()["authority_scheme"] == 1


def test_scheme_rename_with_a_genuine_exception() -> None:
    old = spec(base_text())
    new_text = base_text(laws_heading="## Comply with laws {#comply_with_laws authority=system}")
    new = spec(new_text.replace("authority=platform", "authority=root"))
    diff = diff_specs(old, new)
    (rename,) = diff.authority_scheme
    assert (rename.old, rename.new, rename.count, rename.total) == ("platform", "root", 4, 5)
    assert [(a.id, a.old, a.new) for a in diff.authority_changed] == [
        ("comply_with_laws", "platform", "system")
    ]
    assert diff.authority_levels_added == ["system"]


def test_no_scheme_rename_below_the_majority() -> None:
    old = spec(base_text())
    text = (
        base_text()
        .replace("authority=platform", "authority=root", 3)
        .replace("authority=platform", "authority=system")
    )
    diff = diff_specs(old, spec(text))
    assert diff.authority_scheme == []  # 3 of 5 is not a majority of 80 %
    assert len(diff.authority_changed) == 5
    assert diff.authority_levels_added == ["root", "system"]
    assert diff.authority_levels_removed == ["platform"]


def test_no_scheme_rename_while_the_old_level_is_still_used() -> None:
    old = spec(base_text())
    text = base_text().replace("authority=platform", "authority=root", 4)
    diff = diff_specs(old, spec(text))
    assert diff.authority_scheme == []
    assert len(diff.authority_changed) == 4


def test_losing_authority_is_an_authority_change() -> None:
    old = spec(base_text())
    new = spec(base_text(tone_heading="## Be direct {#be_direct}"))
    diff = diff_specs(old, new)
    assert [(a.id, a.old, a.new) for a in diff.authority_changed] == [("be_direct", "user", None)]


def test_example_changes() -> None:
    old = spec(base_text())
    new = spec(
        base_text(
            tone_examples=example("thanks", "Thanks!", "Glad to help.")
            + "\n"
            + example("farewell", "Bye", "Bye!")
        )
    )
    diff = diff_specs(old, new)
    (change,) = diff.examples_changed
    assert change.id == "be_direct"
    assert change.added == ["farewell"]
    assert change.removed == ["greeting"]
    assert change.changed == ["thanks"]
    assert diff.text_changed == []


def test_reordered_examples_are_not_a_change() -> None:
    old = spec(base_text())
    new = spec(
        base_text(tone_examples=example("thanks", "Thanks!", "You're welcome.") + "\n" + example("greeting"))
    )
    assert diff_specs(old, new).is_empty()


def test_moved_and_retitled() -> None:
    old = spec(base_text())
    text = base_text(tone_heading="## Be plain and direct {#be_direct authority=user}")
    # move comply_with_laws under a new top-level heading
    text = text.replace(
        "## Comply with laws {#comply_with_laws authority=platform}",
        "# Legal {#legal}\n\n## Comply with laws {#comply_with_laws authority=platform}",
    )
    diff = diff_specs(old, spec(text))
    assert [r.id for r in diff.added] == ["legal"]
    moved = {(m.id, m.old_parent, m.new_parent) for m in diff.moved}
    assert ("comply_with_laws", "stay_in_bounds", "legal") in moved
    assert [(t.id, t.old, t.new) for t in diff.retitled] == [
        ("be_direct", "Be direct", "Be plain and direct")
    ]


def test_parent_rename_is_not_a_move() -> None:
    old = spec(base_text())
    new = spec(base_text().replace("# Style {#style}", "# Style {#style_and_tone}"))
    diff = diff_specs(old, new)
    assert [(r.old_id, r.new_id) for r in diff.renamed] == [("style", "style_and_tone")]
    assert diff.moved == []


def test_charter_block_changes() -> None:
    block = "```charter\nseverity: {sev}\naction: block\n```"
    old = spec(base_text(tone_body=TONE + "\n\n" + block.format(sev="low")))
    new = spec(base_text(tone_body=TONE + "\n\n" + block.format(sev="high")))
    assert old.section("be_direct").charter is not None
    diff = diff_specs(old, new)
    assert [(c.id, c.fields) for c in diff.charter_changed] == [("be_direct", ["severity"])]
    assert diff.text_changed == []
    tagged = spec(base_text(tone_heading="## Be direct {#be_direct authority=user tags=tone}"))
    assert [(c.id, c.fields) for c in diff_specs(new, tagged).charter_changed] == [
        ("be_direct", ["tags", "action", "severity"])
    ]


def everything_changed() -> SpecDiff:
    old = spec(base_text(), source="old.md")
    text = base_text(
        privacy_heading=PERSONAL_HEADING,
        laws_heading="## Comply with laws {#comply_with_laws authority=system}",
        tone_heading="## Be plain and direct {#be_direct authority=guideline}",
        tone_body=TONE.replace("warm", "calm") + "\n\n```charter\nseverity: high\n```",
        tone_examples=example("greeting") + "\n" + example("farewell", "Bye", "Bye!"),
        extra="# Extra {#extra}\n\n" + CREATORS_HEADING + "\n\nCredit authors.",
    )
    text = text.replace(CREATORS_HEADING + "\n\n", "", 1)
    text = text.replace("Do not reproduce copyrighted works in full.", "")
    text = text.replace("## Use examples {#use_examples authority=guideline}", "")
    text = text.replace("Illustrate abstract points with a concrete case when it helps.", "")
    new = spec(text.replace("authority=platform", "authority=root"), source="new.md")
    return diff_specs(old, new)


def test_every_kind_of_change_at_once() -> None:
    diff = everything_changed()
    counts = diff.summary()
    for kind in (
        "authority_scheme",
        "authority_levels_added",
        "authority_levels_removed",
        "added",
        "removed",
        "renamed",
        "moved",
        "retitled",
        "authority_changed",
        "text_changed",
        "examples_changed",
        "charter_changed",
    ):
        assert counts[kind] >= 1, kind
    assert [(c.id, c.fields) for c in diff.charter_changed] == [("be_direct", ["severity"])]
    assert diff.old_source == "old.md" and diff.new_source == "new.md"
    assert len(diff.old_sha256) == 64 and diff.old_sha256 != diff.new_sha256


def test_markdown_mentions_every_change() -> None:
    diff = everything_changed()
    text = diff.to_markdown()
    assert_markdown_complete(diff, text)
    counts = diff.summary()
    head = text.split("\n## ")[0]
    assert f"| Added | {counts['added']} |" in head
    assert f"| Text changed | {counts['text_changed']} |" in head
    assert "## Authority scheme" in text
    assert "`platform` → `root`" in text
    assert "new level `system`" in text


def assert_markdown_complete(diff: SpecDiff, text: str) -> None:
    for scheme in diff.authority_scheme:
        assert f"`{scheme.old}` → `{scheme.new}` ({scheme.count} of {scheme.total}" in text
    for level in diff.authority_levels_added + diff.authority_levels_removed:
        assert f"`{level}`" in text
    for ref in diff.added + diff.removed:
        assert f"- `{ref.id}`" in text
    for rename in diff.renamed:
        assert f"`{rename.old_id}` → `{rename.new_id}`" in text
    for move in diff.moved:
        assert f"- `{move.id}`: under {f'`{move.old_parent}`' if move.old_parent else '(top level)'}" in text
    for retitle in diff.retitled:
        assert f"- `{retitle.id}`: {retitle.old} → {retitle.new}" in text
    for authority in diff.authority_changed:
        assert f"- `{authority.id}`: {f'`{authority.old}`' if authority.old else '(no authority)'}" in text
    for change in diff.text_changed:
        assert f"- `{change.id}` (similarity {change.similarity:.2f}): " in text
        assert change.word_diff in text
    for examples in diff.examples_changed:
        line = next(
            line for line in text.splitlines() if line.startswith(f"- `{examples.id}`: ") and '"' in line
        )
        for title in examples.added + examples.removed + examples.changed:
            assert f'"{title}"' in line
    for charter in diff.charter_changed:
        assert f"- `{charter.id}`: {', '.join(charter.fields)}" in text


def test_markdown_code_span_survives_backticks() -> None:
    old = spec(base_text(tone_body="Set `end_turn=true` on the last message."))
    new = spec(base_text(tone_body="Set `end_turn=false` on the last message."))
    text = diff_specs(old, new).to_markdown()
    assert "``Set [-`end_turn=true`-] {+`end_turn=false`+} on the last …``" in text


def test_json_round_trip_and_frozen() -> None:
    diff = everything_changed()
    dumped = diff.model_dump(mode="json")
    assert dumped["version"] == 1
    assert SpecDiff.model_validate(dumped) == diff
    with pytest.raises(ValidationError):
        diff.version = 2  # type: ignore[misc]


# --- real Model Spec releases ---------------------------------------------------------------------


def release(name: str) -> Spec:
    path = SPECS / name / "model_spec.md"
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    return load_spec(path)


@pytest.mark.parametrize("name", ["2025-02-12", "2025-04-11", "2025-09-12"])
def test_real_release_against_itself_is_empty(name: str) -> None:
    spec_ = release(name)
    assert diff_specs(spec_, spec_).is_empty()


def test_real_2025_04_to_2025_09() -> None:
    old, new = release("2025-04-11"), release("2025-09-12")
    start = time.perf_counter()
    diff = diff_specs(old, new)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0

    (scheme,) = diff.authority_scheme
    assert (scheme.old, scheme.new) == ("platform", "root")
    assert 16 <= scheme.count <= 20 and scheme.total == 20
    assert "system" in diff.authority_levels_added
    assert "root" not in diff.authority_levels_added
    changed = {a.id: (a.old, a.new) for a in diff.authority_changed}
    assert not any(pair == ("platform", "root") for pair in changed.values())
    assert changed["comply_with_laws"] == ("platform", "system")
    assert len(changed) < 10

    renames = {r.old_id: r.new_id for r in diff.renamed}
    assert renames["protect_privileged_messages"] == "protect_privileged_information"
    added = {r.id for r in diff.added}
    assert {
        "no_other_objectives",
        "scope_of_autonomy",
        "control_side_effects",
        "red_line_principles",
    } <= added
    assert "protect_privileged_information" not in added
    assert "protect_privileged_messages" not in {r.id for r in diff.removed}

    assert all(len(t.word_diff) <= WORD_DIFF_LIMIT for t in diff.text_changed)
    levels = next(t for t in diff.text_changed if t.id == "levels_of_authority")
    assert "{+**Root**:" in levels.word_diff
    text = diff.to_markdown()
    assert text.count("`platform` → `root`") == 1
    assert_markdown_complete(diff, text)


def test_real_2025_02_to_2025_04_only_rewords() -> None:
    old, new = release("2025-02-12"), release("2025-04-11")
    diff = diff_specs(old, new)
    counts = diff.summary()
    assert {kind for kind, count in counts.items() if count} == {"text_changed", "examples_changed"}
    assert {t.id for t in diff.text_changed} == {"risk_taxonomy", "definitions", "do_not_lie"}
    definitions = next(t for t in diff.text_changed if t.id == "definitions")
    assert "[-a-] {+an+}" in definitions.word_diff
    assert {e.id for e in diff.examples_changed} == {
        "do_not_facilitate_illicit_behavior",
        "avoid_overstepping",
    }
    assert all(not e.added and not e.removed and e.changed for e in diff.examples_changed)
