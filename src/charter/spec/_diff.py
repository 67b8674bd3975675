"""Statement-level diff of two parsed specs: what was added, removed, renamed, moved or reworded.

Sections are matched by id. A removed id and an added id whose text (title, body, commentary and
example contents) is similar enough are reported as a rename rather than a removal plus an addition.
A change of authority vocabulary that affects (nearly) every statement of one level, such as
``platform`` becoming ``root`` between Model Spec releases, is reported once under the authority
scheme, not once per statement.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from charter.spec._model import AUTHORITIES, Example, Section, Spec

__all__ = [
    "RENAME_THRESHOLD",
    "SCHEME_MAJORITY",
    "AuthorityChange",
    "AuthorityRename",
    "CharterChange",
    "ExampleChange",
    "Move",
    "Rename",
    "SectionRef",
    "SpecDiff",
    "TextChange",
    "TitleChange",
    "diff_specs",
]

#: A removed and an added section at least this similar are reported as a rename.
RENAME_THRESHOLD = 0.6
#: Share of the surviving statements of one authority level that must move to the same new level
#: for the change to count as a renaming of the level itself.
SCHEME_MAJORITY = 0.8
#: Longest word diff kept in a :class:`TextChange`.
WORD_DIFF_LIMIT = 400
_CONTEXT_WORDS = 3
_SEGMENT_WORDS = 12
_SUFFIX_ROOM = 16
_WORD = re.compile(r"\w+")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class AuthorityRename(_Model):
    """An authority level renamed across the spec: ``count`` of ``total`` statements moved together."""

    old: str
    new: str
    count: int
    total: int


class SectionRef(_Model):
    """An added or removed section. ``authority`` is as written (``platform`` stays ``platform``)."""

    id: str
    title: str
    authority: str | None = None
    line: int


class Rename(_Model):
    """A section whose id changed while its text stayed similar."""

    old_id: str
    new_id: str
    similarity: float
    old_title: str
    new_title: str


class Move(_Model):
    """A section whose parent heading changed (old parent read through renames)."""

    id: str
    old_parent: str | None
    new_parent: str | None


class TitleChange(_Model):
    id: str
    old: str
    new: str


class AuthorityChange(_Model):
    """A statement whose authority changed, not explained by a scheme rename (values as written)."""

    id: str
    old: str | None
    new: str | None


class TextChange(_Model):
    """Body or commentary reworded (whitespace-only edits are ignored)."""

    id: str
    similarity: float
    word_diff: str


class ExampleChange(_Model):
    """Examples added, removed or edited in one section, by title."""

    id: str
    added: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    changed: list[str] = Field(default_factory=list)


class CharterChange(_Model):
    """Machine fields that changed: tags and the keys of the ``charter`` block."""

    id: str
    fields: list[str]


_KINDS: tuple[tuple[str, str], ...] = (
    ("authority_scheme", "Authority scheme"),
    ("authority_levels_added", "Authority levels added"),
    ("authority_levels_removed", "Authority levels removed"),
    ("added", "Added"),
    ("removed", "Removed"),
    ("renamed", "Renamed"),
    ("moved", "Moved"),
    ("retitled", "Retitled"),
    ("authority_changed", "Authority changed"),
    ("text_changed", "Text changed"),
    ("examples_changed", "Examples changed"),
    ("charter_changed", "Charter fields changed"),
)


class SpecDiff(_Model):
    """Every change between two specs. Ids in per-section entries are the new ids."""

    version: int = 1
    old_source: str
    new_source: str
    old_sha256: str
    new_sha256: str
    authority_scheme: list[AuthorityRename] = Field(default_factory=list)
    authority_levels_added: list[str] = Field(default_factory=list)
    authority_levels_removed: list[str] = Field(default_factory=list)
    added: list[SectionRef] = Field(default_factory=list)
    removed: list[SectionRef] = Field(default_factory=list)
    renamed: list[Rename] = Field(default_factory=list)
    moved: list[Move] = Field(default_factory=list)
    retitled: list[TitleChange] = Field(default_factory=list)
    authority_changed: list[AuthorityChange] = Field(default_factory=list)
    text_changed: list[TextChange] = Field(default_factory=list)
    examples_changed: list[ExampleChange] = Field(default_factory=list)
    charter_changed: list[CharterChange] = Field(default_factory=list)

    def summary(self) -> dict[str, int]:
        """Number of entries of each kind, every kind present."""
        return {kind: len(getattr(self, kind)) for kind, _ in _KINDS}

    def is_empty(self) -> bool:
        return not any(self.summary().values())

    def to_markdown(self) -> str:
        """A readable change log: counts first, then one heading per kind and one bullet per change."""
        out = [f"# Spec diff: {self.old_source} → {self.new_source}", ""]
        counts = self.summary()
        if not any(counts.values()):
            out.append("No changes.")
            return "\n".join(out) + "\n"
        out.append("| Change | Count |")
        out.append("| --- | ---: |")
        out.extend(f"| {label} | {counts[kind]} |" for kind, label in _KINDS if counts[kind])
        scheme = self._scheme_lines()
        if scheme:
            out += ["", "## Authority scheme", "", *scheme]
        sections: list[tuple[str, list[str]]] = [
            ("Added", [_ref_line(r) for r in self.added]),
            ("Removed", [_ref_line(r) for r in self.removed]),
            (
                "Renamed",
                [
                    f"- `{r.old_id}` → `{r.new_id}` (similarity {r.similarity:.2f})"
                    + (
                        f": {r.old_title} → {r.new_title}"
                        if r.old_title != r.new_title
                        else f": {r.new_title}"
                    )
                    for r in self.renamed
                ],
            ),
            (
                "Moved",
                [
                    f"- `{m.id}`: under {_parent(m.old_parent)} → under {_parent(m.new_parent)}"
                    for m in self.moved
                ],
            ),
            ("Retitled", [f"- `{t.id}`: {t.old} → {t.new}" for t in self.retitled]),
            (
                "Authority changed",
                [f"- `{a.id}`: {_level(a.old)} → {_level(a.new)}" for a in self.authority_changed],
            ),
            (
                "Text changed",
                [
                    f"- `{t.id}` (similarity {t.similarity:.2f}): {_code(t.word_diff)}"
                    for t in self.text_changed
                ],
            ),
            ("Examples changed", [_example_line(e) for e in self.examples_changed]),
            ("Charter fields changed", [f"- `{c.id}`: {', '.join(c.fields)}" for c in self.charter_changed]),
        ]
        for title, lines in sections:
            if lines:
                out += ["", f"## {title} ({len(lines)})", "", *lines]
        return "\n".join(out) + "\n"

    def _scheme_lines(self) -> list[str]:
        lines = [
            f"- `{r.old}` → `{r.new}` ({r.count} of {r.total} statements)" for r in self.authority_scheme
        ]
        lines += [f"- new level `{level}`" for level in self.authority_levels_added]
        lines += [f"- level `{level}` no longer used" for level in self.authority_levels_removed]
        return lines


def _ref_line(ref: SectionRef) -> str:
    authority = f" [{ref.authority}]" if ref.authority else ""
    return f"- `{ref.id}`{authority}: {ref.title} (line {ref.line})"


def _parent(parent: str | None) -> str:
    return f"`{parent}`" if parent else "(top level)"


def _level(level: str | None) -> str:
    return f"`{level}`" if level else "(no authority)"


def _example_line(change: ExampleChange) -> str:
    parts = []
    for label, titles in (("added", change.added), ("removed", change.removed), ("changed", change.changed)):
        if titles:
            parts.append(f"{label} " + ", ".join(f'"{t}"' if t else "(untitled)" for t in titles))
    return f"- `{change.id}`: " + "; ".join(parts)


def _code(text: str) -> str:
    """``text`` as a CommonMark code span, whatever backticks it contains."""
    runs = [len(m) for m in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# --- comparison helpers ---------------------------------------------------------------------------


def _by_id(spec: Spec) -> dict[str, Section]:
    """Sections by id; a duplicated id (a lint error) keeps its first section."""
    found: dict[str, Section] = {}
    for section in spec.sections:
        found.setdefault(section.id, section)
    return found


def _raw(section: Section) -> str | None:
    return section.authority_raw if section.authority_raw is not None else section.authority


def _prose(section: Section) -> str:
    return "\n\n".join([section.body, *section.commentary])


def _example_text(example: Example) -> Iterable[str]:
    yield example.title
    for message in example.messages:
        yield message.content
    for response in example.responses:
        yield from (m.content for m in response.context)
        yield response.reason
        yield response.content


def _rename_words(section: Section) -> list[str]:
    parts = [section.title, _prose(section)]
    for example in section.examples:
        parts.extend(_example_text(example))
    return _WORD.findall(" ".join(parts).lower())


def _normalise(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    return value


def _example_hash(example: Example) -> str:
    dumped = example.model_dump(
        mode="json", exclude={"title": True, "line": True, "responses": {"__all__": {"line"}}}
    )
    text = json.dumps(_normalise(dumped), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _rename_score(old: Sequence[str], new: Sequence[str]) -> float:
    """Mean of the Dice overlap and the containment of the shorter text, from matched word runs.

    Containment lets a section that grew a lot (kept its text and gained as much again) still match.
    """
    if not old or not new:
        return 0.0
    matched = sum(
        block.size for block in SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    )
    return _score(matched, len(old), len(new))


def _score(matched: int, old_len: int, new_len: int) -> float:
    dice = 2 * matched / (old_len + new_len)
    containment = matched / min(old_len, new_len)
    return (dice + containment) / 2


def _find_renames(
    old: dict[str, Section], new: dict[str, Section], removed: list[str], added: list[str]
) -> list[Rename]:
    old_words = {i: _rename_words(old[i]) for i in removed}
    new_words = {i: _rename_words(new[i]) for i in added}
    new_counts = {i: Counter(words) for i, words in new_words.items()}
    candidates: list[tuple[float, int, int, str, str]] = []
    for old_index, old_id in enumerate(removed):
        words = old_words[old_id]
        counts = Counter(words)
        for new_index, new_id in enumerate(added):
            other = new_words[new_id]
            if not words or not other:
                continue
            # the multiset overlap bounds the matched words: skip pairs that cannot reach the threshold
            bound = sum((counts & new_counts[new_id]).values())
            if _score(bound, len(words), len(other)) < RENAME_THRESHOLD:
                continue
            score = _rename_score(words, other)
            if score >= RENAME_THRESHOLD:
                candidates.append((-score, old_index, new_index, old_id, new_id))
    candidates.sort()
    used_old: set[str] = set()
    used_new: set[str] = set()
    renames: list[Rename] = []
    for negative, _, _, old_id, new_id in candidates:
        if old_id in used_old or new_id in used_new:
            continue
        used_old.add(old_id)
        used_new.add(new_id)
        renames.append(
            Rename(
                old_id=old_id,
                new_id=new_id,
                similarity=round(-negative, 3),
                old_title=old[old_id].title,
                new_title=new[new_id].title,
            )
        )
    order = {section_id: index for index, section_id in enumerate(new)}
    return sorted(renames, key=lambda r: order[r.new_id])


def _level_order(levels: Iterable[str]) -> list[str]:
    known = {level: index for index, level in enumerate(("platform", *AUTHORITIES))}
    return sorted(set(levels), key=lambda level: (known.get(level, len(known)), level))


def _scheme(
    pairs: list[tuple[Section, Section]], old_levels: set[str], new_levels: set[str]
) -> list[AuthorityRename]:
    """Levels renamed wholesale: the old word is gone, the new word is new, and the large majority of
    the surviving statements of the old level moved to it together (at least two of them, unless the
    parser already reads both words as the same level, as with ``platform`` and ``root``)."""
    moves: dict[str, Counter[str]] = {}
    normalised: dict[str, str | None] = {}
    for old, new in pairs:
        old_raw, new_raw = _raw(old), _raw(new)
        if old_raw is not None and new_raw is not None:
            moves.setdefault(old_raw, Counter())[new_raw] += 1
            normalised[old_raw], normalised[new_raw] = old.authority, new.authority
    renames: list[AuthorityRename] = []
    for level in _level_order(moves):
        targets = moves[level]
        target, count = targets.most_common(1)[0]
        total = sum(targets.values())
        if (
            level not in new_levels
            and target not in old_levels
            and count >= SCHEME_MAJORITY * total
            and (count >= 2 or normalised[level] == normalised[target])
        ):
            renames.append(AuthorityRename(old=level, new=target, count=count, total=total))
    return renames


def _word_diff(
    old: list[str], new: list[str], matcher: SequenceMatcher[str], limit: int = WORD_DIFF_LIMIT
) -> str:
    """``… kept [-old words-] {+new words+} kept …`` with a few words of context, at most ``limit`` chars."""

    def words(items: Sequence[str], keep: int) -> str:
        if len(items) <= keep:
            return " ".join(items)
        half = keep // 2
        return " ".join([*items[:half], "…", *items[-half:]])

    hunks: list[str] = []
    groups = list(matcher.get_grouped_opcodes(_CONTEXT_WORDS))
    for group in groups:
        parts: list[str] = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                parts.append(words(old[i1:i2], 2 * _CONTEXT_WORDS))
                continue
            if tag in ("delete", "replace"):
                parts.append(f"[-{words(old[i1:i2], _SEGMENT_WORDS)}-]")
            if tag in ("insert", "replace"):
                parts.append(f"{{+{words(new[j1:j2], _SEGMENT_WORDS)}+}}")
        hunks.append(" ".join(p for p in parts if p))
    if not hunks:
        return ""
    starts_at_top = groups[0][0][1] == 0 and groups[0][0][3] == 0
    ends_at_bottom = groups[-1][-1][2] == len(old) and groups[-1][-1][4] == len(new)
    text = ("" if starts_at_top else "… ") + hunks[0]
    shown = 1
    for hunk in hunks[1:]:
        if len(text) + len(hunk) + 3 + _SUFFIX_ROOM > limit:
            break
        text += " … " + hunk
        shown += 1
    suffix = "" if ends_at_bottom else " …"
    if shown < len(hunks):
        suffix = f" … (+{len(hunks) - shown} more)"
    if len(text) + len(suffix) > limit:
        text = text[: max(0, limit - len(suffix) - 1)].rstrip() + "…"
    return text + suffix


def _text_change(section_id: str, old: Section, new: Section) -> TextChange | None:
    old_words, new_words = _prose(old).split(), _prose(new).split()
    if old_words == new_words:
        return None
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    return TextChange(
        id=section_id,
        similarity=round(matcher.ratio(), 3),
        word_diff=_word_diff(old_words, new_words, matcher),
    )


def _example_change(section_id: str, old: Section, new: Section) -> ExampleChange | None:
    old_by_title: dict[str, list[str]] = {}
    for example in old.examples:
        old_by_title.setdefault(example.title, []).append(_example_hash(example))
    new_by_title: dict[str, list[str]] = {}
    for example in new.examples:
        new_by_title.setdefault(example.title, []).append(_example_hash(example))
    added: list[str] = []
    changed: list[str] = []
    for title, hashes in new_by_title.items():
        before = old_by_title.get(title, [])
        added += [title] * max(0, len(hashes) - len(before))
        if any(a != b for a, b in zip(before, hashes, strict=False)):
            changed.append(title)
    removed: list[str] = []
    for title, hashes in old_by_title.items():
        removed += [title] * max(0, len(hashes) - len(new_by_title.get(title, [])))
    if not (added or removed or changed):
        return None
    return ExampleChange(id=section_id, added=added, removed=removed, changed=changed)


_CHARTER_KEYS = ("overridable_by", "checks", "action", "severity", "risk")


def _charter_fields(section: Section) -> dict[str, Any]:
    """The ``charter`` block's fields, the defaults when the section has no block."""
    if section.charter is None:
        return {"overridable_by": None, "checks": [], "action": None, "severity": None, "risk": None}
    return section.charter.model_dump(include=set(_CHARTER_KEYS))


def _charter_change(section_id: str, old: Section, new: Section) -> CharterChange | None:
    fields: list[str] = []
    if sorted(old.tags) != sorted(new.tags):
        fields.append("tags")
    old_fields, new_fields = _charter_fields(old), _charter_fields(new)
    fields += [key for key in _CHARTER_KEYS if old_fields[key] != new_fields[key]]
    return CharterChange(id=section_id, fields=fields) if fields else None


def diff_specs(old: Spec, new: Spec) -> SpecDiff:
    """Compare two specs section by section (by id, then by text for renames)."""
    old_sections, new_sections = _by_id(old), _by_id(new)
    removed_ids = [i for i in old_sections if i not in new_sections]
    added_ids = [i for i in new_sections if i not in old_sections]
    renamed = _find_renames(old_sections, new_sections, removed_ids, added_ids)
    old_to_new = {r.old_id: r.new_id for r in renamed}
    renamed_old, renamed_new = set(old_to_new), set(old_to_new.values())

    # (new id, old section, new section) for every section present in both
    pairs: list[tuple[str, Section, Section]] = []
    for section_id, new_section in new_sections.items():
        if section_id in old_sections:
            pairs.append((section_id, old_sections[section_id], new_section))
    pairs += [(r.new_id, old_sections[r.old_id], new_sections[r.new_id]) for r in renamed]
    order = {section_id: index for index, section_id in enumerate(new_sections)}
    pairs.sort(key=lambda pair: order[pair[0]])

    old_levels = {level for s in old.sections if (level := _raw(s)) is not None}
    new_levels = {level for s in new.sections if (level := _raw(s)) is not None}
    scheme = _scheme([(a, b) for _, a, b in pairs], old_levels, new_levels)
    scheme_moves = {(r.old, r.new) for r in scheme}
    scheme_targets = {r.new for r in scheme}
    scheme_sources = {r.old for r in scheme}

    moved: list[Move] = []
    retitled: list[TitleChange] = []
    authority_changed: list[AuthorityChange] = []
    text_changed: list[TextChange] = []
    examples_changed: list[ExampleChange] = []
    charter_changed: list[CharterChange] = []
    for section_id, before, after in pairs:
        old_parent = old_to_new.get(before.parent, before.parent) if before.parent is not None else None
        if old_parent != after.parent:
            moved.append(Move(id=section_id, old_parent=old_parent, new_parent=after.parent))
        if section_id not in renamed_new and before.title.split() != after.title.split():
            retitled.append(TitleChange(id=section_id, old=before.title, new=after.title))
        old_raw, new_raw = _raw(before), _raw(after)
        if old_raw != new_raw and (old_raw, new_raw) not in scheme_moves:
            authority_changed.append(AuthorityChange(id=section_id, old=old_raw, new=new_raw))
        if (text := _text_change(section_id, before, after)) is not None:
            text_changed.append(text)
        if (examples := _example_change(section_id, before, after)) is not None:
            examples_changed.append(examples)
        if (charter := _charter_change(section_id, before, after)) is not None:
            charter_changed.append(charter)

    return SpecDiff(
        old_source=old.source,
        new_source=new.source,
        old_sha256=old.sha256,
        new_sha256=new.sha256,
        authority_scheme=scheme,
        authority_levels_added=_level_order(new_levels - old_levels - scheme_targets),
        authority_levels_removed=_level_order(old_levels - new_levels - scheme_sources),
        added=[_ref(new_sections[i]) for i in added_ids if i not in renamed_new],
        removed=[_ref(old_sections[i]) for i in removed_ids if i not in renamed_old],
        renamed=renamed,
        moved=moved,
        retitled=retitled,
        authority_changed=authority_changed,
        text_changed=text_changed,
        examples_changed=examples_changed,
        charter_changed=charter_changed,
    )


def _ref(section: Section) -> SectionRef:
    return SectionRef(id=section.id, title=section.title, authority=_raw(section), line=section.line)
