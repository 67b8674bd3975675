"""Pydantic models of a parsed spec. ``SCHEMA_VERSION`` versions every persisted form."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from charter.chat import Message

__all__ = [
    "ACTIONS",
    "AUTHORITIES",
    "PRINCIPALS",
    "SCHEMA_VERSION",
    "SEVERITIES",
    "Action",
    "Authority",
    "CharterFields",
    "CheckRef",
    "Diagnostic",
    "EvalPrompt",
    "Example",
    "Reference",
    "Response",
    "Section",
    "Severity",
    "Spec",
    "Verdict",
]

SCHEMA_VERSION = 1

Authority = Literal["root", "system", "developer", "user", "guideline"]
#: Highest authority first.
AUTHORITIES: tuple[Authority, ...] = ("root", "system", "developer", "user", "guideline")
Verdict = Literal["good", "bad"]
Action = Literal["allow", "block", "safe_complete", "redact", "flag"]
ACTIONS: tuple[Action, ...] = ("allow", "block", "safe_complete", "redact", "flag")
Severity = Literal["low", "medium", "high", "critical"]
SEVERITIES: tuple[Severity, ...] = ("low", "medium", "high", "critical")
Principal = Literal["developer", "user"]
PRINCIPALS: tuple[Principal, ...] = ("developer", "user")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Diagnostic(_Model):
    """A problem found while parsing or linting, with its place in the source."""

    path: str
    line: int
    severity: Literal["error", "warning", "note"]
    code: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message} [{self.code}]"


class Response(_Model):
    """A candidate assistant reply in an example, with its verdict and reason."""

    verdict: Verdict | None = None
    reason: str = ""
    content: str = ""
    line: int = 0
    attributes: dict[str, str] = Field(default_factory=dict)
    #: ids cited in the marker, e.g. ``<!-- BAD[#chain_of_command] -->``
    cites: list[str] = Field(default_factory=list)
    #: turns after the example's messages that precede this reply (later comparisons in one example)
    context: list[Message] = Field(default_factory=list)


class Example(_Model):
    """An ``**Example**:`` block: a conversation and candidate replies."""

    title: str
    line: int
    messages: list[Message] = Field(default_factory=list)
    responses: list[Response] = Field(default_factory=list)

    @property
    def good(self) -> list[Response]:
        return [r for r in self.responses if r.verdict == "good"]

    @property
    def bad(self) -> list[Response]:
        return [r for r in self.responses if r.verdict == "bad"]


class EvalPrompt(_Model):
    """A prompt from an eval file (``examples/<key>.md``) cited by a section's footnote."""

    title: str
    key: str
    path: str
    line: int
    messages: list[Message] = Field(default_factory=list)


class CheckRef(_Model):
    """A named check with parameters, as written in a ``charter`` block."""

    name: str
    params: dict[str, Any] = Field(default_factory=dict)


class CharterFields(_Model):
    """Machine fields from a section's ``charter`` block."""

    line: int
    overridable_by: list[Principal] | None = None
    checks: list[CheckRef] = Field(default_factory=list)
    action: Action | None = None
    severity: Severity | None = None
    risk: str | None = None


class Reference(_Model):
    """A link to a section id from prose: ``[?](#id)`` (kind ``see``) or ``[text](#id)``."""

    target: str
    line: int
    kind: Literal["see", "link"]


class Section(_Model):
    """A heading with an id. A section with an authority is a *statement*."""

    id: str
    title: str
    level: int
    parent: str | None = None
    authority: Authority | None = None
    #: the authority as written (``platform`` in older releases, read as ``root``)
    authority_raw: str | None = None
    tags: list[str] = Field(default_factory=list)
    line: int
    end_line: int = 0
    body: str = ""
    commentary: list[str] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)
    eval_prompts: list[EvalPrompt] = Field(default_factory=list)
    charter: CharterFields | None = None
    references: list[Reference] = Field(default_factory=list)
    footnotes: list[str] = Field(default_factory=list)

    @property
    def is_statement(self) -> bool:
        return self.authority is not None

    @property
    def overridable_by(self) -> list[Principal]:
        """Who may change this statement: the ``charter`` block says, else the authority implies it."""
        if self.charter is not None and self.charter.overridable_by is not None:
            return list(self.charter.overridable_by)
        if self.authority == "developer":
            return ["developer"]
        if self.authority in ("user", "guideline"):
            return ["developer", "user"]
        return []

    @property
    def locked(self) -> bool:
        return self.is_statement and not self.overridable_by


class Spec(_Model):
    """A parsed spec file."""

    version: int = SCHEMA_VERSION
    title: str
    source: str
    sha256: str
    sections: list[Section] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)

    def __iter__(self) -> Iterator[Section]:  # type: ignore[override]
        return iter(self.sections)

    @property
    def statements(self) -> list[Section]:
        return [s for s in self.sections if s.authority is not None]

    def section(self, section_id: str) -> Section:
        """The section with this id; ``KeyError`` when there is none."""
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def get(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    @property
    def examples(self) -> list[Example]:
        return [e for s in self.sections for e in s.examples]

    def to_public(self) -> dict[str, Any]:
        """The public JSON contract of ``charter spec show --format json`` (schema 1)."""
        return {
            "schema": SCHEMA_VERSION,
            "title": self.title,
            "source": self.source,
            "sha256": self.sha256,
            "sections": [
                {
                    "id": s.id,
                    "title": s.title,
                    "level": s.level,
                    "parent": s.parent,
                    "authority": s.authority,
                    "line": s.line,
                    "tags": list(s.tags),
                    "examples": [
                        {
                            "title": e.title,
                            "line": e.line,
                            "messages": [{"role": m.role.value, "content": m.content} for m in e.messages],
                            "responses": [
                                {"verdict": r.verdict, "reason": r.reason, "content": r.content}
                                for r in e.responses
                            ],
                        }
                        for e in s.examples
                    ],
                    "eval_prompts": [
                        {
                            "title": p.title,
                            "messages": [{"role": m.role.value, "content": m.content} for m in p.messages],
                        }
                        for p in s.eval_prompts
                    ],
                }
                for s in self.sections
            ],
        }
