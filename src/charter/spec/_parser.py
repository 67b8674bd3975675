"""Parser for the Model Spec markdown dialect (as OpenAI publishes it) plus Charter's extensions.

The parser never raises on content: whatever it cannot read becomes a :class:`Diagnostic` with a
line number, and :func:`charter.spec.lint_spec` reports it. Only an unreadable file raises
:class:`~charter.exceptions.SpecError`.

It is a single pass over lines that tracks fenced blocks (CommonMark rules: a fence closes with the
same character, at least as long, and no info string), so headings inside ``~~~`` example blocks
are example content, not sections.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from charter.chat import Message, Role
from charter.exceptions import SpecError
from charter.spec._extensions import parse_charter_block
from charter.spec._model import (
    AUTHORITIES,
    CharterFields,
    Diagnostic,
    EvalPrompt,
    Example,
    Reference,
    Response,
    Section,
    Spec,
)

__all__ = ["load_spec", "parse_examples", "parse_spec"]

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_ATTRS = re.compile(r"\{#([^\s{}]+)([^{}]*)\}\s*$")
_ATTR = re.compile(r"""([A-Za-z_][\w-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"']+)""")
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$")
_EXAMPLE = re.compile(r"^\*\*Example:?\*\*\s*:?\s*(.*?)\s*$")
_FOOTNOTE = re.compile(r"\[\^([A-Za-z0-9_-]+)\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^\[\^([A-Za-z0-9_-]+)\]:")
_LINK = re.compile(r"\[([^\]]*)\]\(#([^)\s]+)\)")
_META = re.compile(r"^!!!\s*meta\b(.*)$")
_OPEN = re.compile(
    r"^<(system|developer|user|assistant|tool)((?:\s+[\w.:-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))*)\s*>(.*)$"
)
_TAG_ATTR = re.compile(r"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_MARKER = re.compile(r"^\s*<!--(.*?)-->\s*(.*)$")
_VERDICT = re.compile(r"^\s*(GOOD|BAD|OK)\b\s*(?:\[([^\]]*)\])?\s*[:,;\-]?\s*(.*?)\s*$", re.S)
_FRONT = re.compile(r"\A---\n(.*?\n)---\n", re.S)
_ROLES = {r.value: r for r in Role}
_PLATFORM = "platform"


@dataclass
class _SectionBuilder:
    id: str
    title: str
    level: int
    line: int
    parent: str | None
    authority: str | None
    authority_raw: str | None
    tags: list[str]
    body: list[str] = field(default_factory=list)
    commentary: list[str] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    charter: CharterFields | None = None
    references: list[Reference] = field(default_factory=list)
    footnotes: list[tuple[str, int]] = field(default_factory=list)
    end_line: int = 0


@dataclass
class _Fence:
    char: str
    length: int
    info: str
    line: int
    lines: list[str] = field(default_factory=list)
    example: tuple[str, int] | None = None


def _diag(path: str, line: int, severity: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(path=path, line=line, severity=severity, code=code, message=message)


def _closes(fence: _Fence, text: str) -> bool:
    stripped = text.strip()
    return (
        len(text) - len(text.lstrip(" ")) <= 3
        and len(stripped) >= fence.length
        and stripped == fence.char * len(stripped)
    )


def _tag_attributes(raw: str) -> dict[str, str]:
    return {m.group(1): next(g for g in m.groups()[1:] if g is not None) for m in _TAG_ATTR.finditer(raw)}


@dataclass
class _OpenMessage:
    role: str
    attrs: dict[str, str]
    line: int
    verdict: str | None = None
    reason: str = ""
    cites: list[str] = field(default_factory=list)
    marker_seen: bool = False
    content: list[str] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)
    untrusted: list[str] = field(default_factory=list)
    in_settings: bool = False
    in_untrusted: list[str] | None = None


def _read_marker(message: _OpenMessage, comment: str, path: str, line: int, out: list[Diagnostic]) -> None:
    message.marker_seen = True
    match = _VERDICT.match(comment)
    if match is None:
        out.append(
            _diag(
                path, line, "warning", "example-marker", f"unknown marker <!--{comment}--> (want GOOD or BAD)"
            )
        )
        return
    word = match.group(1)
    message.verdict = None if word == "OK" else word.lower()
    if match.group(2):
        message.cites = [c.strip().lstrip("#") for c in match.group(2).split(",") if c.strip()]
    message.reason = match.group(3)


def _finish(message: _OpenMessage) -> Message:
    name = message.attrs.get("name")
    attributes = {k: v for k, v in message.attrs.items() if k != "name"}
    return Message(
        role=_ROLES[message.role],
        content="\n".join(message.content).strip("\n"),
        name=name,
        attributes=attributes,
        settings=message.settings,
        untrusted=message.untrusted,
    )


def parse_examples_block(
    lines: list[str], first_line: int, title: str, title_line: int, path: str, out: list[Diagnostic]
) -> Example:
    """Parse the inside of one ``~~~xml`` example block."""
    messages: list[Message] = []
    responses: list[Response] = []
    context: list[Message] = []  # turns after a comparison that precede the next one
    pending: list[Message] = []  # non-assistant messages inside a comparison
    comparisons = 0
    in_comparison = False
    current: _OpenMessage | None = None

    def close(message: _OpenMessage, line: int) -> None:
        nonlocal context
        if message.in_settings or message.in_untrusted is not None:
            inner = "settings" if message.in_settings else "untrusted"
            out.append(_diag(path, line, "error", "example-malformed", f"<{inner}> is not closed"))
        built = _finish(message)
        if built.role is Role.ASSISTANT and (in_comparison or message.marker_seen):
            responses.append(
                Response(
                    verdict=message.verdict,
                    reason=message.reason,
                    content=built.content,
                    line=message.line,
                    attributes=built.attributes,
                    cites=message.cites,
                    context=[*context, *pending],
                )
            )
            pending.clear()
        elif in_comparison:
            pending.append(built)
        elif comparisons:
            context = [*context, built]
        else:
            messages.append(built)

    for offset, raw in enumerate(lines):
        number = first_line + offset
        text = raw.strip()
        bare = text.lstrip("*").strip()
        if current is not None:
            role = current.role
            if bare.endswith(f"</{role}>") and current.in_untrusted is None and not current.in_settings:
                before = raw[: raw.rfind(f"</{role}>")]
                if before.strip():
                    current.content.append(before.rstrip())
                close(current, number)
                current = None
                continue
            if not current.marker_seen and not current.content and text.startswith("<!--"):
                marker = _MARKER.match(text)
                if marker is not None and not marker.group(2):
                    _read_marker(current, marker.group(1), path, number, out)
                    continue
            if current.in_settings:
                if text == "</settings>":
                    current.in_settings = False
                elif ":" in text:
                    key, _, value = text.partition(":")
                    current.settings[key.strip()] = value.strip()
                elif text:
                    out.append(
                        _diag(path, number, "warning", "example-settings", f"not 'key: value': {text!r}")
                    )
                continue
            if current.in_untrusted is not None:
                if text.endswith("</untrusted>"):
                    current.in_untrusted.append(raw[: raw.rfind("</untrusted>")])
                    current.untrusted.append("\n".join(current.in_untrusted).strip("\n"))
                    current.in_untrusted = None
                else:
                    current.in_untrusted.append(raw)
                current.content.append(raw)
                continue
            if text == "<settings>" or (text.startswith("<settings>") and text.endswith("</settings>")):
                inline = text[len("<settings>") :]
                if inline.endswith("</settings>"):
                    key, _, value = inline[: -len("</settings>")].partition(":")
                    current.settings[key.strip()] = value.strip()
                else:
                    current.in_settings = True
                continue
            if text.startswith("<untrusted>"):
                rest = raw[raw.find("<untrusted>") + len("<untrusted>") :]
                current.content.append(raw)
                if rest.strip().endswith("</untrusted>"):
                    current.untrusted.append(rest[: rest.rfind("</untrusted>")].strip())
                else:
                    current.in_untrusted = [rest] if rest.strip() else []
                continue
            current.content.append(raw)
            continue
        if not text:
            continue
        if bare == "<comparison>":
            if in_comparison:
                out.append(_diag(path, number, "error", "example-malformed", "nested <comparison>"))
            in_comparison = True
            continue
        if bare == "</comparison>":
            if not in_comparison:
                out.append(
                    _diag(path, number, "error", "example-malformed", "</comparison> without <comparison>")
                )
            in_comparison = False
            comparisons += 1
            good = next((r for r in reversed(responses) if r.verdict == "good"), None)
            chosen = good or (responses[-1] if responses else None)
            if chosen is not None:
                context = [
                    *chosen.context,
                    Message(role=Role.ASSISTANT, content=chosen.content, attributes=chosen.attributes),
                ]
            continue
        opened = _OPEN.match(bare)
        if opened is not None:
            role, attrs, rest = opened.group(1), opened.group(2), opened.group(3)
            current = _OpenMessage(role=role, attrs=_tag_attributes(attrs), line=number)
            marker = _MARKER.match(rest)
            if marker is not None:
                _read_marker(current, marker.group(1), path, number, out)
                rest = marker.group(2)
            closing = f"</{role}>"
            if rest.strip().endswith(closing):
                current.content.append(rest.strip()[: -len(closing)])
                close(current, number)
                current = None
            elif rest.strip():
                current.content.append(rest)
            continue
        if bare.startswith("</"):
            out.append(
                _diag(path, number, "error", "example-malformed", f"closing tag {bare!r} without opening")
            )
            continue
        if text in ("[...]", "..."):
            continue
        out.append(
            _diag(path, number, "warning", "example-stray", f"text outside any message: {text[:60]!r}")
        )
    last = first_line + len(lines) - 1
    if current is not None:
        out.append(_diag(path, current.line, "error", "example-malformed", f"<{current.role}> is not closed"))
        close(current, last)
    if in_comparison:
        out.append(_diag(path, last, "error", "example-malformed", "<comparison> is not closed"))
    if not messages and not responses:
        out.append(_diag(path, title_line, "error", "example-malformed", "example block has no messages"))
    return Example(title=title, line=title_line, messages=messages, responses=responses)


def _title_from(path: str, front: dict[str, object], first_plain_h1: str | None) -> str:
    if isinstance(front.get("title"), str):
        return str(front["title"])
    if first_plain_h1:
        return first_plain_h1
    stem = Path(path)
    name = stem.stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Spec"
    if re.match(r"^\d{4}-\d{2}-\d{2}$", stem.parent.name):
        return f"{name} {stem.parent.name}"
    return name


def _scan_examples(text_lines: list[str], path: str, out: list[Diagnostic]) -> list[tuple[Example, int]]:
    """Examples of an eval prompt file: ``**Example**:`` title then a fenced block."""
    found: list[tuple[Example, int]] = []
    pending: tuple[str, int] | None = None
    fence: _Fence | None = None
    for index, raw in enumerate(text_lines):
        number = index + 1
        if fence is not None:
            if _closes(fence, raw):
                if fence.example is not None:
                    title, line = fence.example
                    found.append(
                        (parse_examples_block(fence.lines, fence.line + 1, title, line, path, out), line)
                    )
                fence = None
            else:
                fence.lines.append(raw)
            continue
        opened = _FENCE.match(raw)
        if opened is not None:
            fence = _Fence(opened.group(2)[0], len(opened.group(2)), opened.group(3), number, example=pending)
            pending = None
            continue
        example = _EXAMPLE.match(raw.strip())
        if example is not None:
            pending = (example.group(1), number)
    if fence is not None:
        out.append(_diag(path, fence.line, "error", "fence-unclosed", "fenced block is not closed"))
    return found


def parse_examples(text: str, *, path: str, key: str) -> tuple[list[EvalPrompt], list[Diagnostic]]:
    """Parse an eval prompt file (``examples/<key>.md``)."""
    out: list[Diagnostic] = []
    prompts = [
        EvalPrompt(title=example.title, key=key, path=path, line=line, messages=example.messages)
        for example, line in _scan_examples(text.split("\n"), path, out)
    ]
    return prompts, out


class _Parser:
    def __init__(self, text: str, path: str, base_dir: Path | None) -> None:
        self.text = text
        self.path = path
        self.base_dir = base_dir
        self.out: list[Diagnostic] = []
        self.sections: list[_SectionBuilder] = []
        self.stack: list[_SectionBuilder] = []
        self.first_plain_h1: str | None = None
        self.front: dict[str, object] = {}
        self.footnote_defs: set[str] = set()

    def diag(self, line: int, severity: str, code: str, message: str) -> None:
        self.out.append(_diag(self.path, line, severity, code, message))

    def heading(self, level: int, raw_title: str, line: int) -> _SectionBuilder | None:
        attrs = _ATTRS.search(raw_title)
        if attrs is None:
            if level == 1 and not self.sections and self.first_plain_h1 is None:
                self.first_plain_h1 = raw_title.strip()
            return None
        title = raw_title[: attrs.start()].strip()
        section_id = attrs.group(1)
        authority: str | None = None
        authority_raw: str | None = None
        tags: list[str] = []
        rest = attrs.group(2)
        for match in _ATTR.finditer(rest):
            key, value = match.group(1), match.group(2).strip("\"'")
            if key == "authority":
                authority_raw = value
                if value in AUTHORITIES:
                    authority = value
                elif value == _PLATFORM:
                    authority = "root"
                    self.diag(
                        line,
                        "note",
                        "authority-platform",
                        f"authority 'platform' of {section_id!r} read as 'root'",
                    )
                else:
                    self.diag(
                        line,
                        "error",
                        "authority-unknown",
                        f"unknown authority {value!r} on {section_id!r} (known: {', '.join(AUTHORITIES)})",
                    )
            elif key == "tags":
                tags = [t for t in re.split(r"[,\s]+", value) if t]
            else:
                self.diag(
                    line,
                    "warning",
                    "heading-attribute",
                    f"unknown heading attribute {key!r} on {section_id!r}",
                )
        leftover = _ATTR.sub("", rest).strip()
        if leftover:
            self.diag(line, "warning", "heading-attribute", f"unreadable heading attributes {leftover!r}")
        if not re.match(r"^[A-Za-z0-9_][\w.-]*$", section_id):
            self.diag(line, "warning", "id-format", f"section id {section_id!r} is not a plain identifier")
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1].id if self.stack else None
        section = _SectionBuilder(
            id=section_id,
            title=title,
            level=level,
            line=line,
            parent=parent,
            authority=authority,
            authority_raw=authority_raw,
            tags=tags,
        )
        if self.sections:
            self.sections[-1].end_line = line - 1
        self.sections.append(section)
        self.stack.append(section)
        return section

    def prose(self, section: _SectionBuilder | None, text: str, line: int) -> None:
        if section is None:
            return
        for match in _LINK.finditer(text):
            kind = "see" if match.group(1) == "?" else "link"
            section.references.append(Reference(target=match.group(2), line=line, kind=kind))
        for match in _FOOTNOTE.finditer(text):
            section.footnotes.append((match.group(1), line))

    def run(self) -> Spec:
        lines = self.text.split("\n")
        start = 0
        front = _FRONT.match(self.text)
        if front is not None:
            try:
                loaded = yaml.safe_load(front.group(1))
                if isinstance(loaded, dict):
                    self.front = loaded
            except yaml.YAMLError:
                self.diag(1, "error", "front-matter", "front matter is not valid YAML")
            start = front.group(0).count("\n")
        section: _SectionBuilder | None = None
        fence: _Fence | None = None
        pending: tuple[str, int] | None = None
        in_meta = False
        for index in range(start, len(lines)):
            raw = lines[index]
            number = index + 1
            if fence is not None:
                if _closes(fence, raw):
                    self.close_fence(fence, section, number)
                    fence = None
                else:
                    fence.lines.append(raw)
                continue
            stripped = raw.strip()
            if in_meta:
                if not stripped or raw.startswith(("    ", "\t")):
                    if section is not None and section.commentary:
                        section.commentary[-1] += (
                            "\n" + raw[4:] if raw.startswith("    ") else "\n" + stripped
                        )
                    self.prose(section, raw, number)
                    continue
                in_meta = False
            opened = _FENCE.match(raw)
            if opened is not None:
                info = opened.group(3).lower()
                example = None
                if pending is not None:
                    if info in ("xml", ""):
                        example = pending
                    else:
                        self.diag(
                            pending[1],
                            "error",
                            "example-block",
                            f"example block must be ~~~xml, not {info!r}",
                        )
                    pending = None
                fence = _Fence(opened.group(2)[0], len(opened.group(2)), info, number, example=example)
                if example is None and info != "charter" and section is not None:
                    section.body.append(raw)
                continue
            if pending is not None and stripped:
                self.diag(
                    pending[1], "error", "example-block", "**Example** is not followed by a ~~~xml block"
                )
                pending = None
            heading = _HEADING.match(raw)
            if heading is not None:
                built = self.heading(len(heading.group(1)), heading.group(2), number)
                if built is not None:
                    section = built
                    self.prose(section, heading.group(2), number)
                    continue
            marker = _EXAMPLE.match(stripped)
            if marker is not None:
                pending = (marker.group(1), number)
                self.prose(section, marker.group(1), number)
                continue
            meta = _META.match(stripped)
            if meta is not None:
                in_meta = True
                if section is not None:
                    section.commentary.append("")
                continue
            definition = _FOOTNOTE_DEF.match(stripped)
            if definition is not None:
                self.footnote_defs.add(definition.group(1))
            if section is not None:
                section.body.append(raw)
            self.prose(section, raw, number)
        if fence is not None:
            self.diag(
                fence.line,
                "error",
                "fence-unclosed",
                f"fenced block opened here is never closed ({fence.char * 3})",
            )
            if fence.example is not None:
                self.close_fence(fence, section, len(lines))
        if pending is not None:
            self.diag(pending[1], "error", "example-block", "**Example** is not followed by a ~~~xml block")
        if self.sections:
            self.sections[-1].end_line = len(lines)
        return self.build()

    def close_fence(self, fence: _Fence, section: _SectionBuilder | None, line: int) -> None:
        if fence.example is not None:
            title, title_line = fence.example
            example = parse_examples_block(
                fence.lines, fence.line + 1, title, title_line, self.path, self.out
            )
            if section is None:
                self.diag(
                    title_line, "warning", "example-orphan", "example before the first section is ignored"
                )
            else:
                section.examples.append(example)
                for response in example.responses:
                    for cite in response.cites:
                        section.references.append(Reference(target=cite, line=response.line, kind="see"))
            return
        if fence.info == "charter":
            if section is None:
                self.diag(fence.line, "error", "charter-orphan", "charter block outside any section")
                return
            if section.charter is not None:
                self.diag(
                    fence.line,
                    "error",
                    "charter-duplicate",
                    f"second charter block in section {section.id!r}",
                )
                return
            fields, problems = parse_charter_block(fence.lines, fence.line + 1, self.path)
            self.out.extend(problems)
            section.charter = fields
            return
        if section is not None:
            section.body.extend(fence.lines)
            section.body.append(fence.char * fence.length)

    def eval_prompts(
        self, section: _SectionBuilder, cache: dict[str, list[EvalPrompt] | None]
    ) -> list[EvalPrompt]:
        prompts: list[EvalPrompt] = []
        for key, line in section.footnotes:
            if key in self.footnote_defs or self.base_dir is None:
                continue
            if key not in cache:
                file = self.base_dir / "examples" / f"{key}.md"
                try:
                    text = file.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    cache[key] = None
                else:
                    loaded, problems = parse_examples(text, path=str(file), key=key)
                    self.out.extend(problems)
                    cache[key] = loaded
            found = cache[key]
            if found is None:
                self.diag(
                    line, "error", "footnote-missing", f"footnote [^{key}] has no file examples/{key}.md"
                )
                continue
            if not any(p.key == key for p in prompts):
                prompts.extend(found)
        return prompts

    def build(self) -> Spec:
        cache: dict[str, list[EvalPrompt] | None] = {}
        sections = [
            Section(
                id=b.id,
                title=b.title,
                level=b.level,
                parent=b.parent,
                authority=b.authority,
                authority_raw=b.authority_raw,
                tags=b.tags,
                line=b.line,
                end_line=b.end_line,
                body="\n".join(b.body).strip("\n"),
                commentary=[c.strip("\n") for c in b.commentary],
                examples=b.examples,
                eval_prompts=self.eval_prompts(b, cache),
                charter=b.charter,
                references=b.references,
                footnotes=list(dict.fromkeys(k for k, _ in b.footnotes)),
            )
            for b in self.sections
        ]
        return Spec(
            title=_title_from(self.path, self.front, self.first_plain_h1),
            source=self.path,
            sha256=hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            sections=sections,
            diagnostics=self.out,
        )


def parse_spec(text: str, *, source: str = "<string>", base_dir: str | Path | None = None) -> Spec:
    """Parse spec markdown. ``base_dir`` is where ``examples/<key>.md`` eval files are looked up."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    return _Parser(text, source, Path(base_dir) if base_dir is not None else None).run()


def load_spec(path: str | Path) -> Spec:
    """Read and parse a spec file; :class:`SpecError` if it cannot be read."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise SpecError(f"cannot read spec: {exc.strerror or exc}", path=file) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SpecError("spec is not valid UTF-8", path=file, line=line) from exc
    spec = parse_spec(text, source=str(file), base_dir=file.parent)
    return spec.model_copy(update={"sha256": hashlib.sha256(data).hexdigest()})
