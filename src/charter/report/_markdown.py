"""Spec markdown to safe HTML for the public site.

Raw HTML in the source is escaped (markdown-it with ``html`` off), unsafe link schemes are dropped
by markdown-it's link validation, and images become plain links so the site never fetches anything.
On top of CommonMark (plus tables and strikethrough) the renderer:

* rewrites ``[?](#id)`` to the target section's title, linked to its anchor (or page);
* turns footnote references ``[^key]`` into small links to the section's eval prompts;
* shifts heading levels so body headings nest below the section heading that contains them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = ["FootnoteLinker", "MarkdownRenderer", "Resolver", "Target"]

_FOOTNOTE_REF = re.compile(r"\[\^([A-Za-z0-9_-]+)\]")
_UNRESOLVED = '<span class="ref-unresolved" title="unknown section id: {id}">'
_DIFF_MARK = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)
_FOOTNOTE_DEF = re.compile(r"^\[\^([A-Za-z0-9_-]+)\]:[ \t]*(.*)$")


@dataclass(frozen=True)
class Target:
    """Where a section id points: its title and the href of its anchor."""

    title: str
    href: str


#: Resolves a section id to its title and href; ``None`` when the id is unknown.
Resolver = Callable[[str], Target | None]
#: Maps a footnote key to the href of what it cites; ``None`` leaves ``[^key]`` as text.
FootnoteLinker = Callable[[str], str | None]


def _html_token(content: str) -> Token:
    token = Token("html_inline", "", 0)
    token.content = content
    return token


class MarkdownRenderer:
    """Renders spec markdown. One instance serves a whole page; it holds no per-document state."""

    def __init__(self, resolve: Resolver | None = None) -> None:
        self._resolve: Resolver = resolve if resolve is not None else (lambda _id: None)
        options = {"html": False, "typographer": True}
        rules = ["table", "strikethrough", "replacements"]
        self._prose = MarkdownIt("commonmark", options).enable(rules)
        self._chat = MarkdownIt("commonmark", {**options, "breaks": True}).enable(rules)

    def resolve(self, section_id: str) -> Target | None:
        """The title and href of a section id, or ``None`` when it is unknown."""
        return self._resolve(section_id)

    def render(
        self,
        text: str,
        *,
        heading_offset: int = 1,
        min_heading: int = 2,
        footnote_href: FootnoteLinker | None = None,
        anchor_prefix: str = "",
        chat: bool = False,
        change_log: bool = False,
    ) -> str:
        """HTML for ``text``.

        A heading written ``#``×n becomes ``h{max(n + heading_offset, min_heading)}`` (at most h6).
        ``footnote_href`` maps a footnote key (an eval prompt file) to a link target; a key with no
        target keeps its text as written. Footnotes defined in the text itself (``[^key]: ...``) are
        listed at the end with ids ``{anchor_prefix}fn-{key}``. ``chat`` keeps single line breaks, as
        messages in examples are written, and shows headings as bold paragraphs so a message never
        adds to the page outline. ``change_log`` links code spans that name a known section id and
        shows word-diff marks (``[-old-]``, ``{+new+}``) in code spans as deletions and insertions.
        """
        text, definitions = _split_footnote_definitions(text)

        def link(key: str) -> str | None:
            if key in definitions:
                return f"#{anchor_prefix}fn-{key}"
            return footnote_href(key) if footnote_href is not None else None

        engine = self._chat if chat else self._prose
        env: dict[str, object] = {}
        tokens = engine.parse(text, env)
        self._rewrite(tokens, None if chat else (heading_offset, min_heading), link, change_log)
        html = str(engine.renderer.render(tokens, engine.options, env))
        if definitions:
            items = "".join(
                f'<li id="{escape(anchor_prefix)}fn-{escape(key)}">'
                f'<span class="fn-key">[{escape(key)}]</span> {self.inline(body)}</li>'
                for key, body in definitions.items()
            )
            html += f'<ol class="footnotes" aria-label="Notes">{items}</ol>\n'
        return html

    def inline(self, text: str) -> str:
        """HTML for one line of inline markdown (no paragraph), e.g. a reason or a title."""
        env: dict[str, object] = {}
        tokens = self._prose.parseInline(text, env)
        self._rewrite(tokens, None, lambda _key: None, False)
        return str(self._prose.renderer.render(tokens, self._prose.options, env))

    def _rewrite(
        self,
        tokens: Sequence[Token],
        headings: tuple[int, int] | None,
        footnote_href: FootnoteLinker,
        change_log: bool,
    ) -> None:
        previous = headings[1] - 1 if headings is not None else 0
        tag = "p"
        for token in tokens:
            if token.type == "heading_open":
                level = int(token.tag[1:])
                if headings is None:
                    tag = "p"
                    token.attrSet("class", f"md-heading md-h{level}")
                else:
                    offset, minimum = headings
                    # never deeper than one below the previous heading, so the outline has no gaps
                    previous = min(6, max(level + offset, minimum), previous + 1)
                    tag = f"h{previous}"
                token.tag = tag
            elif token.type == "heading_close":
                token.tag = tag
            elif token.type == "table_open":
                token.attrSet("class", "md-table")
            elif token.type == "inline" and token.children:
                token.children = self._rewrite_inline(token.children, footnote_href, change_log)

    def _rewrite_inline(
        self,
        children: list[Token],
        footnote_href: FootnoteLinker,
        change_log: bool,
    ) -> list[Token]:
        out: list[Token] = []
        index = 0
        while index < len(children):
            token = children[index]
            if token.type == "link_open":
                href = str(token.attrGet("href") or "")
                closing = _link_close(children, index)
                inner = children[index + 1 : closing]
                if (
                    href.startswith("#")
                    and len(inner) == 1
                    and inner[0].type == "text"
                    and inner[0].content == "?"
                ):
                    out.append(_html_token(self._reference(href[1:])))
                    index = closing + 1
                    continue
                if href.startswith("#"):
                    target = self._resolve(href[1:])
                    if target is None:  # no such section: keep the words, drop the dead link
                        out.append(_html_token(_UNRESOLVED.format(id=escape(href[1:]))))
                        out.extend(inner)
                        out.append(_html_token("</span>"))
                        index = closing + 1
                        continue
                    token.attrSet("href", target.href)
                elif href.startswith(("http://", "https://")):
                    token.attrSet("rel", "noopener noreferrer")
                    token.attrSet("class", "external")
            elif token.type == "image":
                out.extend(_image_as_link(token))
                index += 1
                continue
            elif token.type == "code_inline" and change_log:
                out.append(_html_token(self._change_code(token.content)))
                index += 1
                continue
            elif token.type == "text" and "[^" in token.content:
                out.extend(_footnotes(token.content, footnote_href))
                index += 1
                continue
            out.append(token)
            index += 1
        return out

    def _reference(self, section_id: str) -> str:
        target = self._resolve(section_id)
        if target is None:
            return _UNRESOLVED.format(id=escape(section_id)) + f"§{escape(section_id)}</span>"
        return f'<a class="ref" href="{escape(target.href)}">{escape(target.title)}</a>'

    def _change_code(self, code: str) -> str:
        target = self._resolve(code)
        if target is not None:
            return f'<a class="ref-id" href="{escape(target.href)}"><code>{escape(code)}</code></a>'
        if "[-" not in code and "{+" not in code:
            return f"<code>{escape(code)}</code>"
        out: list[str] = []
        last = 0
        for match in _DIFF_MARK.finditer(code):
            out.append(escape(code[last : match.start()]))
            if match.group(1) is not None:
                out.append(f'<del title="removed">{escape(match.group(1))}</del>')
            else:
                out.append(f'<ins title="added">{escape(match.group(2))}</ins>')
            last = match.end()
        out.append(escape(code[last:]))
        return f'<code class="word-diff">{"".join(out)}</code>'


def _link_close(children: Sequence[Token], start: int) -> int:
    depth = 0
    for index in range(start, len(children)):
        if children[index].type == "link_open":
            depth += 1
        elif children[index].type == "link_close":
            depth -= 1
            if depth == 0:
                return index
    return len(children) - 1


def _image_as_link(token: Token) -> list[Token]:
    """Images are not embedded (the site stays offline): a link labelled with the alt text."""
    src = str(token.attrGet("src") or "")
    alt = token.content or "image"
    if not src:
        return [_html_token(escape(f"[image: {alt}]"))]
    return [_html_token(f'<a class="image-link" href="{escape(src)}">[image: {escape(alt)}]</a>')]


def _footnotes(text: str, footnote_href: FootnoteLinker) -> list[Token]:
    out: list[Token] = []
    last = 0
    for match in _FOOTNOTE_REF.finditer(text):
        key = match.group(1)
        href = footnote_href(key)
        if href is None:
            continue
        if match.start() > last:
            out.append(_text_token(text[last : match.start()]))
        out.append(
            _html_token(
                f'<sup class="fn-ref"><a href="{escape(href)}" title="footnote {escape(key)}">'
                f"[{escape(key)}]</a></sup>"
            )
        )
        last = match.end()
    if last < len(text):
        out.append(_text_token(text[last:]))
    return out


def _text_token(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _split_footnote_definitions(text: str) -> tuple[str, dict[str, str]]:
    """Take ``[^key]: text`` lines out of the markdown (CommonMark would read them as link definitions)."""
    if "[^" not in text:
        return text, {}
    definitions: dict[str, str] = {}
    kept: list[str] = []
    in_fence = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        match = None if in_fence else _FOOTNOTE_DEF.match(stripped)
        if match is not None:
            definitions[match.group(1)] = match.group(2)
        else:
            kept.append(line)
    return "\n".join(kept), definitions
