"""``charter spec lint``: everything wrong with a spec, as ``file:line: severity: message``."""

from __future__ import annotations

from charter.checks import Registry, default_registry
from charter.exceptions import CheckError
from charter.spec._model import Diagnostic, Section, Spec

__all__ = ["lint_spec"]


def _at(spec: Spec, line: int, severity: str, code: str, message: str) -> Diagnostic:
    return Diagnostic(path=spec.source, line=line, severity=severity, code=code, message=message)


def _lint_section(spec: Spec, section: Section, ids: set[str], registry: Registry) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for ref in section.references:
        if ref.target not in ids:
            shown = f"[?](#{ref.target})" if ref.kind == "see" else f"(#{ref.target})"
            out.append(_at(spec, ref.line, "error", "ref-broken", f"reference {shown} points to no section"))
    if section.is_statement and not section.examples:
        out.append(
            _at(
                spec,
                section.line,
                "warning",
                "statement-no-example",
                f"statement {section.id!r} has no example",
            )
        )
    for example in section.examples:
        verdicts = [r.verdict for r in example.responses]
        if not example.responses:
            continue  # a conversation shown for illustration; eval-style examples have no replies
        if not any(verdicts):
            out.append(
                _at(
                    spec,
                    example.line,
                    "warning",
                    "example-no-verdict",
                    f"example {example.title!r} has no GOOD/BAD",
                )
            )
        elif "good" not in verdicts:
            out.append(
                _at(
                    spec,
                    example.line,
                    "warning",
                    "example-only-bad",
                    f"example {example.title!r} has only BAD replies",
                )
            )
    fields = section.charter
    if fields is None:
        return out
    if not section.is_statement:
        out.append(
            _at(
                spec,
                fields.line,
                "warning",
                "charter-not-statement",
                f"charter block on {section.id!r}, which has no authority",
            )
        )
    if section.authority in ("root", "system") and fields.overridable_by:
        out.append(
            _at(
                spec,
                fields.line,
                "error",
                "charter-locked",
                f"{section.authority} statement {section.id!r} cannot be "
                f"overridable_by {fields.overridable_by}",
            )
        )
    for check_ref in fields.checks:
        if check_ref.name not in registry:
            out.append(
                _at(
                    spec,
                    fields.line,
                    "error",
                    "check-unknown",
                    f"unknown check {check_ref.name!r} (known: {', '.join(registry.names())})",
                )
            )
            continue
        try:
            registry.validate_params(check_ref.name, check_ref.params)
        except CheckError as exc:
            out.append(_at(spec, fields.line, "error", "check-params", str(exc)))
    return out


def lint_spec(spec: Spec, *, registry: Registry | None = None) -> list[Diagnostic]:
    """All problems of a parsed spec: parse diagnostics first, then semantic checks, by line."""
    registry = registry or default_registry()
    out = list(spec.diagnostics)
    seen: dict[str, int] = {}
    for section in spec.sections:
        if section.id in seen:
            out.append(
                _at(
                    spec,
                    section.line,
                    "error",
                    "id-duplicate",
                    f"duplicate section id {section.id!r} (first at line {seen[section.id]})",
                )
            )
        else:
            seen[section.id] = section.line
    ids = set(seen)
    for section in spec.sections:
        out.extend(_lint_section(spec, section, ids, registry))
    if not spec.statements:
        what = "no sections" if not spec.sections else "no statements (no section has an authority)"
        out.append(_at(spec, 1, "warning", "spec-empty", f"the spec has {what}: there is nothing to enforce"))
    order = {"error": 0, "warning": 1, "note": 2}
    return sorted(out, key=lambda d: (d.path != spec.source, d.path, d.line, order[d.severity]))
