"""The ``charter`` fenced block: machine fields a section adds for checks, guard and audit.

```charter
overridable_by: [developer, user]
checks:
  - name: pii
    params: {kinds: [email, phone]}
action: redact
severity: high
risk: privacy
```

Other markdown renderers show it as an ordinary code block, or hide it with CSS; Charter reads it.
Validation problems become diagnostics with the file and line of the offending key.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from pydantic import ValidationError

from charter.spec._model import ACTIONS, PRINCIPALS, SEVERITIES, CharterFields, CheckRef, Diagnostic

__all__ = ["parse_charter_block"]

_KNOWN_KEYS = ("overridable_by", "checks", "action", "severity", "risk")
_RISK = re.compile(r"^[a-z][a-z0-9_-]*$")


def _key_lines(lines: list[str], first_line: int) -> dict[str, int]:
    """Line number of each top-level key in the block, for precise diagnostics."""
    found: dict[str, int] = {}
    for offset, text in enumerate(lines):
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", text)
        if match and match.group(1) not in found:
            found[match.group(1)] = first_line + offset
    return found


def _check_refs(value: object, line: int, path: str, out: list[Diagnostic]) -> list[CheckRef]:
    if not isinstance(value, list):
        out.append(_err(path, line, "charter-checks", "'checks' must be a list of checks"))
        return []
    refs: list[CheckRef] = []
    for item in value:
        if isinstance(item, str):
            refs.append(CheckRef(name=item))
        elif isinstance(item, dict) and "name" in item:
            params = item.get("params", {})
            extra = set(item) - {"name", "params"}
            if extra or not isinstance(params, dict) or not isinstance(item["name"], str):
                out.append(
                    _err(path, line, "charter-checks", f"check {item.get('name')!r}: use 'name' and 'params'")
                )
                continue
            refs.append(CheckRef(name=item["name"], params=params))
        elif isinstance(item, dict) and len(item) == 1:
            name, params = next(iter(item.items()))
            if not isinstance(name, str) or not isinstance(params, dict | None):
                out.append(_err(path, line, "charter-checks", f"malformed check entry {item!r}"))
                continue
            refs.append(CheckRef(name=name, params=params or {}))
        else:
            out.append(_err(path, line, "charter-checks", f"malformed check entry {item!r}"))
    return refs


def _err(path: str, line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(path=path, line=line, severity="error", code=code, message=message)


def parse_charter_block(
    lines: list[str], first_line: int, path: str
) -> tuple[CharterFields | None, list[Diagnostic]]:
    """Parse the YAML lines of a ``charter`` block whose first content line is ``first_line``."""
    diagnostics: list[Diagnostic] = []
    fence_line = first_line - 1
    try:
        data: Any = yaml.safe_load("\n".join(lines)) if lines else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else fence_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [_err(path, line, "charter-yaml", f"invalid YAML in charter block: {problem}")]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [_err(path, fence_line, "charter-yaml", "a charter block must be a YAML mapping")]
    where = _key_lines(lines, first_line)
    for key in data:
        if key not in _KNOWN_KEYS:
            diagnostics.append(
                _err(
                    path,
                    where.get(str(key), fence_line),
                    "charter-key",
                    f"unknown charter key {key!r} (known: {', '.join(_KNOWN_KEYS)})",
                )
            )
    fields: dict[str, Any] = {"line": fence_line}
    if "overridable_by" in data:
        value = data["overridable_by"]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or any(v not in PRINCIPALS for v in value):
            diagnostics.append(
                _err(
                    path,
                    where["overridable_by"],
                    "charter-value",
                    f"overridable_by must list principals among {', '.join(PRINCIPALS)}; got {value!r}",
                )
            )
        else:
            fields["overridable_by"] = value
    if "checks" in data:
        fields["checks"] = _check_refs(data["checks"], where.get("checks", fence_line), path, diagnostics)
    for key, allowed in (("action", ACTIONS), ("severity", SEVERITIES)):
        if key in data:
            if data[key] in allowed:
                fields[key] = data[key]
            else:
                diagnostics.append(
                    _err(
                        path,
                        where[key],
                        "charter-value",
                        f"{key} must be one of {', '.join(allowed)}; got {data[key]!r}",
                    )
                )
    if "risk" in data:
        if isinstance(data["risk"], str) and _RISK.match(data["risk"]):
            fields["risk"] = data["risk"]
        else:
            diagnostics.append(
                _err(
                    path,
                    where["risk"],
                    "charter-value",
                    f"risk must be a lowercase slug; got {data['risk']!r}",
                )
            )
    try:
        return CharterFields.model_validate(fields), diagnostics
    except ValidationError as exc:  # defensive: the checks above should make this unreachable
        diagnostics.append(_err(path, fence_line, "charter-value", str(exc.errors()[0]["msg"])))
        return None, diagnostics
