"""The public spec web site: static, offline, accessible HTML for one spec or a series of versions.

One spec gives ``index.html``. Several specs (oldest first) give ``v-1.html`` ... ``v-N.html``, the
newest again as ``index.html``, and ``versions.html``; each version page opens with its change log
against the previous version. CSS and JS are inlined so a page is a single self-contained file.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from charter._files import atomic_output
from charter.chat import Message, Role
from charter.exceptions import ConfigError
from charter.report._markdown import FootnoteLinker, MarkdownRenderer, Target
from charter.spec._model import AUTHORITIES, EvalPrompt, Example, Response, Section, Spec

__all__ = ["render_site"]

_UNTRUSTED = re.compile(r"<untrusted>(.*?)</untrusted>", re.S)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_VERSION = re.compile(r"(?<![\w.])v?\d+(?:\.\d+)+(?![\w.])")
_ROLE_LABELS = {
    "system": "System",
    "developer": "Developer",
    "user": "User",
    "assistant": "Assistant",
    "tool": "Tool",
}
#: A short non-colour cue for each authority, shown next to its name.
_AUTHORITY_MARKS = {"root": "◆", "system": "■", "developer": "▲", "user": "●", "guideline": "○"}


@dataclass(frozen=True)
class _Part:
    untrusted: bool
    html: Markup


@dataclass(frozen=True)
class _MessageView:
    role: str
    label: str
    attributes: list[tuple[str, str]]
    settings: list[tuple[str, str]]
    parts: list[_Part]


@dataclass(frozen=True)
class _ResponseView:
    verdict: str | None
    reason: Markup
    cites: list[Target]
    message: _MessageView


@dataclass(frozen=True)
class _ResponseGroup:
    context: list[_MessageView]
    responses: list[_ResponseView]


@dataclass(frozen=True)
class _ExampleView:
    anchor: str
    title: Markup
    messages: list[_MessageView]
    groups: list[_ResponseGroup]


@dataclass(frozen=True)
class _EvalGroup:
    anchor: str
    key: str
    path: str
    prompts: list[_ExampleView]


@dataclass(frozen=True)
class _SectionView:
    id: str
    title: str
    heading: int
    depth: int
    line: int
    authority: str | None
    authority_raw: str | None
    tags: list[str]
    overridable: str | None
    body: Markup
    commentary: list[Markup]
    examples: list[_ExampleView]
    evals: list[_EvalGroup]
    eval_count: int
    charter: list[tuple[str, Markup]]


@dataclass
class _TocNode:
    id: str
    title: str
    authority: str | None
    level: int
    depth: int
    children: list[_TocNode] = field(default_factory=list)


@dataclass(frozen=True)
class _VersionLink:
    label: str
    href: str
    current: bool


@dataclass(frozen=True)
class _Stats:
    sections: int
    statements: int
    per_authority: list[tuple[str, int]]
    examples: int
    eval_prompts: int


def render_site(specs: Sequence[Spec], out_dir: Path, *, title: str | None = None) -> Path:
    """Write the site for ``specs`` (oldest first) into ``out_dir``; return the path of ``index.html``."""
    if not specs:
        raise ConfigError("render_site needs at least one spec")
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create output directory {out_dir}: {exc.strerror or exc}") from exc
    builder = _Builder(title)
    index = out_dir / "index.html"
    if len(specs) == 1:
        _write(index, builder.page(specs[0]))
        _drop_stale(out_dir, set())
        return index
    from charter.spec._diff import diff_specs

    labels = _labels(specs)
    files = [f"v-{n}.html" for n in range(1, len(specs) + 1)]
    changes: list[str | None] = [None]
    summaries = [""]
    for old, new in itertools.pairwise(specs):
        diff = diff_specs(old, new)
        changes.append(diff.to_markdown())
        summaries.append(_summary(diff.summary()))

    def links(current: int) -> list[_VersionLink]:
        pairs = enumerate(zip(labels, files, strict=True))
        return [_VersionLink(label, href, n == current) for n, (label, href) in pairs]

    for position, spec in enumerate(specs):
        previous = (specs[position - 1], labels[position - 1], files[position - 1]) if position else None
        html = builder.page(
            spec,
            label=labels[position],
            versions=links(position),
            change_log=changes[position],
            previous=previous,
        )
        _write(out_dir / files[position], html)
        if position == len(specs) - 1:
            _write(index, html)
    _write(out_dir / "versions.html", builder.versions_page(specs, links(len(specs) - 1), summaries))
    _drop_stale(out_dir, {*files, "versions.html"})
    return index


_GENERATED = '<meta name="generator" content="charter">'


def _drop_stale(out_dir: Path, kept: set[str]) -> None:
    """Remove version pages an earlier render wrote here that this one did not (``v-N.html``,
    ``versions.html``): published as they are, they would link to a version set that is gone. Only
    pages Charter generated are removed; anything else in the folder stays."""
    for page in [*out_dir.glob("v-*.html"), out_dir / "versions.html"]:
        if page.name in kept or not re.fullmatch(r"v-\d+\.html|versions\.html", page.name):
            continue
        try:
            if _GENERATED in page.read_text(encoding="utf-8", errors="replace")[:4000]:
                page.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise ConfigError(f"cannot remove the stale page {page}: {exc.strerror or exc}") from exc


def _summary(counts: dict[str, int]) -> str:
    """``{"added": 7, "text_changed": 38}`` as ``7 added · 38 text changed``."""
    return " · ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in counts.items() if n)


def _write(path: Path, text: str) -> None:
    try:
        with atomic_output(path) as out:
            out.write(text)
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _drop_title(markdown: str) -> str:
    """The change log without its own ``# title`` line: the page gives it a heading (and the title
    names the local paths of both files, which do not belong on a public page)."""
    lines = markdown.lstrip("\n").split("\n")
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join(lines)


def _labels(specs: Sequence[Spec]) -> list[str]:
    """A short label per version: a date or version number in its path, else its file name."""
    labels: list[str] = []
    for number, spec in enumerate(specs, start=1):
        dates = _DATE.findall(spec.source)
        versions = _VERSION.findall(spec.source)
        label = dates[-1] if dates else versions[-1] if versions else Path(spec.source).stem
        labels.append(label or f"v{number}")
    if len(set(labels)) < len(labels):
        return [f"v{n} · {label}" for n, label in enumerate(labels, start=1)]
    return labels


def _stats(spec: Spec) -> _Stats:
    counts = {a: 0 for a in AUTHORITIES}
    for section in spec.statements:
        if section.authority is not None:
            counts[section.authority] += 1
    return _Stats(
        sections=len(spec.sections),
        statements=len(spec.statements),
        per_authority=[(a, n) for a, n in counts.items() if n],
        examples=len(spec.examples),
        eval_prompts=sum(len(s.eval_prompts) for s in spec.sections),
    )


def _tree(sections: Sequence[Section]) -> tuple[list[_TocNode], dict[int, int]]:
    """The table of contents, nested by heading level, and each section's depth by position."""
    roots: list[_TocNode] = []
    stack: list[_TocNode] = []
    depths: dict[int, int] = {}
    for position, section in enumerate(sections):
        while stack and stack[-1].level >= section.level:
            stack.pop()
        node = _TocNode(section.id, section.title, section.authority, section.level, len(stack))
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
        depths[position] = node.depth
    return roots, depths


def _resolver(*pages: tuple[Spec, str]) -> Callable[[str], Target | None]:
    """Resolve ids against the given pages in order (``href`` prefix ``""`` for this page)."""
    tables = [({s.id: s.title for s in reversed(spec.sections)}, prefix) for spec, prefix in pages]

    def resolve(section_id: str) -> Target | None:
        for titles, prefix in tables:
            if section_id in titles:
                return Target(titles[section_id], f"{prefix}#{section_id}")
        return None

    return resolve


class _Builder:
    """Turns specs into page HTML. Holds the template environment and inlined assets for one run."""

    def __init__(self, title: str | None) -> None:
        self.title = title
        self.env = Environment(
            loader=PackageLoader("charter.report", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        static = resources.files("charter.report") / "static"
        self.css = Markup(static.joinpath("site.css").read_text(encoding="utf-8"))
        self.js = Markup(static.joinpath("site.js").read_text(encoding="utf-8"))

    def _common(self, spec: Spec) -> dict[str, Any]:
        return {
            "css": self.css,
            "js": self.js,
            "site_title": self.title or spec.title,
            "marks": _AUTHORITY_MARKS,
            "authorities": AUTHORITIES,
        }

    def page(
        self,
        spec: Spec,
        *,
        label: str | None = None,
        versions: Sequence[_VersionLink] = (),
        change_log: str | None = None,
        previous: tuple[Spec, str, str] | None = None,
    ) -> str:
        md = MarkdownRenderer(_resolver((spec, "")))
        toc, depths = _tree(spec.sections)
        sections = [self._section(md, s, depths[n]) for n, s in enumerate(spec.sections)]
        changes: Markup | None = None
        if change_log is not None and previous is not None:
            log_md = MarkdownRenderer(_resolver((spec, ""), (previous[0], previous[2])))
            body = _drop_title(change_log)
            changes = Markup(log_md.render(body, heading_offset=1, min_heading=3, change_log=True))
        template = self.env.get_template("page.html")
        return template.render(
            **self._common(spec),
            spec=spec,
            source_name=Path(spec.source).name,
            label=label,
            stats=_stats(spec),
            toc=toc,
            sections=sections,
            versions=list(versions),
            changes=changes,
            previous_label=previous[1] if previous is not None else None,
            previous_href=previous[2] if previous is not None else None,
            first_version=bool(versions) and previous is None,
        )

    def versions_page(
        self, specs: Sequence[Spec], versions: Sequence[_VersionLink], summaries: Sequence[str]
    ) -> str:
        rows = [
            (link, Path(spec.source).name, spec, _stats(spec), summary)
            for link, spec, summary in zip(versions, specs, summaries, strict=True)
        ]
        template = self.env.get_template("versions.html")
        return template.render(**self._common(specs[-1]), rows=list(reversed(rows)), versions=list(versions))

    def _section(self, md: MarkdownRenderer, section: Section, depth: int) -> _SectionView:
        heading = min(6, depth + 2)
        sid = section.id
        keys = {p.key for p in section.eval_prompts}
        linker: FootnoteLinker = lambda key: f"#{sid}--evals-{key}" if key in keys else None  # noqa: E731
        render_prose: Callable[[str], Markup] = lambda text: Markup(  # noqa: E731
            md.render(
                text,
                heading_offset=heading - section.level,
                min_heading=min(6, heading + 1),
                footnote_href=linker,
                anchor_prefix=f"{sid}--",
            )
        )
        overridable: str | None = None
        if section.is_statement:
            who = section.overridable_by
            overridable = ", ".join(who) if who else None
        return _SectionView(
            id=sid,
            title=section.title,
            heading=heading,
            depth=depth,
            line=section.line,
            authority=section.authority,
            authority_raw=section.authority_raw,
            tags=list(section.tags),
            overridable=overridable,
            body=render_prose(section.body),
            commentary=[render_prose(c) for c in section.commentary if c.strip()],
            examples=[
                self._example(md, e, f"{sid}--ex-{n}") for n, e in enumerate(section.examples, start=1)
            ],
            evals=self._evals(md, sid, section.eval_prompts),
            eval_count=len(section.eval_prompts),
            charter=self._charter(md, section),
        )

    def _charter(self, md: MarkdownRenderer, section: Section) -> list[tuple[str, Markup]]:
        fields = section.charter
        if fields is None:
            return []
        rows: list[tuple[str, Markup]] = []
        if fields.overridable_by is not None:
            who = ", ".join(fields.overridable_by) or "nobody"
            rows.append(("Overridable by", Markup("{}").format(who)))
        if fields.checks:
            items = Markup("").join(
                Markup("<li><code>{}</code>{}</li>").format(
                    check.name,
                    Markup(" <code class='params'>{}</code>").format(
                        json.dumps(check.params, sort_keys=True, ensure_ascii=False, default=str)
                    )
                    if check.params
                    else "",
                )
                for check in fields.checks
            )
            rows.append(("Checks", Markup('<ul class="checks">{}</ul>').format(items)))
        for name, value in (("Action", fields.action), ("Severity", fields.severity), ("Risk", fields.risk)):
            if value is not None:
                rows.append((name, Markup("<code>{}</code>").format(value)))
        return rows

    def _evals(self, md: MarkdownRenderer, sid: str, prompts: Sequence[EvalPrompt]) -> list[_EvalGroup]:
        groups: dict[str, list[EvalPrompt]] = {}
        for prompt in prompts:
            groups.setdefault(prompt.key, []).append(prompt)
        return [
            _EvalGroup(
                anchor=f"{sid}--evals-{key}",
                key=key,
                path=f"examples/{key}.md",
                prompts=[
                    _ExampleView(
                        anchor=f"{sid}--evals-{key}-{n}",
                        title=Markup(md.inline(p.title)),
                        messages=[self._message(md, m) for m in p.messages],
                        groups=[],
                    )
                    for n, p in enumerate(items, start=1)
                ],
            )
            for key, items in groups.items()
        ]

    def _example(self, md: MarkdownRenderer, example: Example, anchor: str) -> _ExampleView:
        groups: list[_ResponseGroup] = []
        previous: list[Message] | None = None
        for response in example.responses:
            view = self._response(md, response)
            if groups and response.context == previous:
                groups[-1].responses.append(view)
            else:
                groups.append(_ResponseGroup([self._message(md, m) for m in response.context], [view]))
            previous = response.context
        return _ExampleView(
            anchor=anchor,
            title=Markup(md.inline(example.title)) if example.title else Markup("Example"),
            messages=[self._message(md, m) for m in example.messages],
            groups=groups,
        )

    def _response(self, md: MarkdownRenderer, response: Response) -> _ResponseView:
        message = Message(role=Role.ASSISTANT, content=response.content, attributes=response.attributes)
        cites = [t for t in (md.resolve(c) for c in response.cites) if t is not None]
        return _ResponseView(
            verdict=response.verdict,
            reason=Markup(md.inline(response.reason)) if response.reason else Markup(""),
            cites=cites,
            message=self._message(md, message),
        )

    def _message(self, md: MarkdownRenderer, message: Message) -> _MessageView:
        role = message.role.value
        label = _ROLE_LABELS.get(role, role.title())
        if message.name:
            label = f"{label}: {message.name}"
        parts: list[_Part] = []
        content = message.content
        last = 0
        found = False
        for match in _UNTRUSTED.finditer(content):
            found = True
            before = content[last : match.start()]
            if before.strip():
                parts.append(_Part(False, Markup(md.render(before, chat=True))))
            parts.append(_Part(True, Markup(md.render(match.group(1).strip("\n"), chat=True))))
            last = match.end()
        rest = content[last:]
        if rest.strip() or not parts:
            parts.append(_Part(False, Markup(md.render(rest, chat=True))))
        if not found:
            parts.extend(_Part(True, Markup(md.render(u, chat=True))) for u in message.untrusted)
        return _MessageView(
            role=role,
            label=label,
            attributes=sorted(message.attributes.items()),
            settings=list(message.settings.items()),
            parts=parts,
        )
