"""Override profiles: what a developer changes in the spec's defaults, and what users may change.

```yaml
version: 1
name: kids-tutor
description: Homework helper for children
disable: [avoid_profanity_by_default]     # defaults the developer turns off (overridable by developers)
params:                                   # parameters the developer sets on statements' checks
  be_concise: {max_words: 120}
instructions: |                           # extra developer instructions compiled into the prompt
  You tutor children aged 8-12. Never give full solutions.
user_may_change: []                       # overridable defaults users may change; omit = as the spec allows
delegate_tools: false                     # true gives instructions in tool outputs developer authority
```
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from charter.exceptions import ConfigError
from charter.spec import Spec

__all__ = ["PROFILE_VERSION", "Profile", "load_profile"]

PROFILE_VERSION = 1


class Profile(BaseModel):
    """A developer's overrides of the spec's defaults."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = PROFILE_VERSION
    name: str = "default"
    description: str = ""
    disable: list[str] = Field(default_factory=list)
    params: dict[str, dict[str, Any]] = Field(default_factory=dict)
    instructions: str = ""
    user_may_change: list[str] | None = None
    delegate_tools: bool = False
    source: str | None = None

    def digest(self) -> str:
        payload = self.model_dump(mode="json", exclude={"source"})
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()

    def problems(self, spec: Spec) -> list[str]:
        """Ways this profile asks for more than the spec allows (empty when it is valid)."""
        out: list[str] = []
        for statement_id in [*self.disable, *self.params, *(self.user_may_change or [])]:
            section = spec.get(statement_id)
            if section is None or not section.is_statement:
                out.append(f"{statement_id!r} is not a statement of {spec.title!r}")
        for statement_id in [*self.disable, *self.params]:
            section = spec.get(statement_id)
            if section is not None and section.is_statement and "developer" not in section.overridable_by:
                out.append(f"{statement_id!r} ({section.authority}) cannot be changed by a developer")
        for statement_id in self.user_may_change or []:
            section = spec.get(statement_id)
            if section is not None and section.is_statement and "user" not in section.overridable_by:
                out.append(f"{statement_id!r} ({section.authority}) cannot be delegated to users")
        return out

    def check(self, spec: Spec) -> Profile:
        """Raise :class:`ConfigError` naming every problem with this profile against ``spec``."""
        problems = self.problems(spec)
        if problems:
            where = f"{self.source}: " if self.source else ""
            raise ConfigError(where + "profile asks for more than the spec allows: " + "; ".join(problems))
        return self


def load_profile(path: str | Path) -> Profile:
    """Read a profile YAML file; errors carry the file and, where known, the line."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read profile: {exc.strerror or exc}") from exc
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"{mark.line + 1}:" if mark is not None else ""
        raise ConfigError(f"{file}:{line} invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: a profile must be a YAML mapping")
    try:
        return Profile.model_validate({**data, "source": str(file)})
    except ValidationError as exc:
        first = exc.errors()[0]
        key = str(first["loc"][0]) if first["loc"] else ""
        match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*:", text, re.M) if key else None
        line = f"{text[: match.start()].count(chr(10)) + 1}:" if match else ""
        loc = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{file}:{line} {loc}: {first['msg']}") from exc
