"""A scripted, deterministic provider for tests, demos and offline runs.

A script is an ordered list of rules plus a default reply::

    rules:
      - match: "(?i)password"           # regex searched in the last user message
        reply: "I can't share that."
      - match: "^system: .*pirate"      # match_all: searched in the whole conversation,
        match_all: true                 # one "role: content" line per message
        reply: ["Arr!", "Aye."]         # a list is cycled, call after call
      - match: "slow"
        error: timeout                  # or 429 / 500 / any HTTP status 400-599
    default: "You said: {{last_user}}"
    latency_ms: 0

Replies may use ``{{last_user}}``, ``{{conversation}}`` and the rule's regex groups ``{{0}}``,
``{{1}}``, ``{{name}}``. The first matching rule wins; with no match the ``default`` answers, and a
script without a default raises :class:`~charter.exceptions.ProviderError`.

``mock/NAME`` loads the built-in script ``charter/providers/scripts/NAME.yaml``;
``mock/path/to/script.yaml`` (or ``.yml``/``.json``) loads a file.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from charter.chat import Message, Role
from charter.exceptions import ConfigError, ProviderError, ProviderTimeout, RateLimited
from charter.providers._base import Completion, GenerationParams, Provider, Usage

__all__ = ["MockCall", "MockProvider", "MockRule", "MockScript", "builtin_scripts", "from_spec"]

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*|\d+)\s*\}\}")
_ALWAYS = ("last_user", "conversation")
_FILE_SUFFIXES = (".yaml", ".yml", ".json")


def _replies(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _check_placeholders(replies: list[str], pattern: re.Pattern[str] | None, where: str) -> None:
    groups = pattern.groups if pattern is not None else 0
    names = set(pattern.groupindex) if pattern is not None else set()
    for reply in replies:
        for found in _PLACEHOLDER.finditer(reply):
            key = found.group(1)
            ok = key in _ALWAYS or key in names or (key.isdigit() and int(key) <= groups)
            if not ok:
                raise ValueError(
                    f"{where}: unknown placeholder {found.group(0)} (use last_user, conversation or a group)"
                )


class MockRule(BaseModel):
    """One scripted rule: when ``match`` is found, answer ``reply`` or fail with ``error``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    match: str = ""
    match_all: bool = False
    reply: str | list[str] | None = None
    error: int | Literal["timeout"] | None = None
    retry_after: float | None = Field(default=None, ge=0)
    latency_ms: float | None = Field(default=None, ge=0)

    @field_validator("match")
    @classmethod
    def _regex(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"invalid regex {value!r}: {exc}") from exc
        return value

    @field_validator("error")
    @classmethod
    def _status(cls, value: int | str | None) -> int | str | None:
        if isinstance(value, int) and not 400 <= value <= 599:
            raise ValueError(f"error must be an HTTP status 400-599 or 'timeout', not {value}")
        return value

    @model_validator(mode="after")
    def _reply_or_error(self) -> MockRule:
        replies = _replies(self.reply)
        if (self.error is None) != bool(replies):
            raise ValueError(f"rule {self.match!r} needs exactly one of a non-empty 'reply' or 'error'")
        _check_placeholders(replies, re.compile(self.match), f"rule {self.match!r}")
        return self


class MockScript(BaseModel):
    """A whole script: rules tried in order, then ``default``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rules: list[MockRule] = Field(default_factory=list)
    default: str | list[str] | None = None
    latency_ms: float = Field(default=0.0, ge=0)

    @model_validator(mode="after")
    def _default(self) -> MockScript:
        if self.default is not None and not _replies(self.default):
            raise ValueError("default must be a reply or a non-empty list of replies")
        _check_placeholders(_replies(self.default), None, "default")
        return self


class MockCall(BaseModel):
    """One recorded call: what was asked and which rule answered (``None`` for the default)."""

    model_config = ConfigDict(frozen=True)

    messages: list[Message]
    params: GenerationParams
    rule: int | None


def _problems(exc: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'script'}: {e['msg']}" for e in exc.errors())


def _load_script(data: object, where: str) -> MockScript:
    if not isinstance(data, Mapping):
        raise ConfigError(f"{where}: a mock script must be a mapping with 'rules' and 'default'")
    try:
        return MockScript.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{where}: invalid mock script: {_problems(exc)}") from exc


def builtin_scripts() -> list[str]:
    """Names of the scripts shipped in ``charter/providers/scripts``."""
    folder = resources.files("charter.providers").joinpath("scripts")
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))


class MockProvider(Provider):
    """Answers from a script. Deterministic: the same calls in the same order get the same replies.

    Every call is appended to :attr:`calls`. ``latency_ms`` (script-wide, overridable per rule or
    here) is simulated with ``asyncio.sleep``; a latency above the call's ``timeout`` raises
    :class:`~charter.exceptions.ProviderTimeout`.
    """

    def __init__(
        self,
        script: MockScript | Mapping[str, Any],
        *,
        name: str = "mock/inline",
        latency_ms: float | None = None,
    ) -> None:
        self.script = script if isinstance(script, MockScript) else _load_script(script, name)
        self.name = name
        self.latency_ms = latency_ms
        self.calls: list[MockCall] = []
        self._uses: dict[int, int] = {}
        self._patterns = [re.compile(rule.match) for rule in self.script.rules]

    @classmethod
    def from_file(cls, path: str | Path, *, latency_ms: float | None = None) -> MockProvider:
        file = Path(path)
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read mock script {file}: {exc}") from exc
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise ConfigError(f"{file}: mock script is not valid YAML/JSON: {exc}") from exc
        return cls(_load_script(data, str(file)), name=f"mock/{path}", latency_ms=latency_ms)

    @classmethod
    def builtin(cls, name: str, *, latency_ms: float | None = None) -> MockProvider:
        known = builtin_scripts()
        if name not in known:
            raise ConfigError(
                f"unknown mock script {name!r} (built-in: {', '.join(known)}; or give a .yaml/.json path)"
            )
        resource = resources.files("charter.providers").joinpath("scripts", f"{name}.yaml")
        data = yaml.safe_load(resource.read_text(encoding="utf-8"))
        return cls(_load_script(data, f"mock/{name}"), name=f"mock/{name}", latency_ms=latency_ms)

    def _choose(self, messages: Sequence[Message]) -> tuple[int | None, re.Match[str] | None]:
        last_user = next((m.content for m in reversed(messages) if m.role is Role.USER), "")
        whole = _conversation(messages)
        for index, (rule, pattern) in enumerate(zip(self.script.rules, self._patterns, strict=True)):
            found = pattern.search(whole if rule.match_all else last_user)
            if found is not None:
                return index, found
        return None, None

    def _next_reply(self, key: int, replies: list[str]) -> str:
        used = self._uses.get(key, 0)
        self._uses[key] = used + 1
        return replies[used % len(replies)]

    async def complete(
        self, messages: Sequence[Message], *, params: GenerationParams | None = None
    ) -> Completion:
        params = params or GenerationParams()
        start = time.perf_counter()
        index, found = self._choose(messages)
        self.calls.append(MockCall(messages=list(messages), params=params, rule=index))
        rule = self.script.rules[index] if index is not None else None
        latency = next(
            v
            for v in (rule.latency_ms if rule else None, self.latency_ms, self.script.latency_ms)
            if v is not None
        )
        if params.timeout is not None and latency > params.timeout * 1000:
            await asyncio.sleep(params.timeout)
            raise ProviderTimeout(f"{self.name}: no reply within {params.timeout:g}s (simulated)")
        if latency:
            await asyncio.sleep(latency / 1000)
        if rule is not None and rule.error is not None:
            if rule.error == "timeout":
                raise ProviderTimeout(f"{self.name}: no reply (simulated timeout)")
            if rule.error == 429:
                raise RateLimited(
                    f"{self.name}: HTTP 429 rate limited (simulated)", retry_after=rule.retry_after
                )
            raise ProviderError(f"{self.name}: HTTP {rule.error} (simulated)", status=int(rule.error))
        if rule is None and self.script.default is None:
            raise ProviderError(f"{self.name}: no rule matches and the script has no default")
        replies = _replies(rule.reply if rule is not None else self.script.default)
        template = self._next_reply(index if index is not None else -1, replies)
        text = _render(template, messages, found)
        prompt_tokens = sum(len(m.content.split()) for m in messages)
        return Completion(
            text=text,
            finish_reason="stop",
            model=self.name,
            usage=Usage(prompt_tokens=prompt_tokens, completion_tokens=len(text.split())),
            latency_ms=(time.perf_counter() - start) * 1000,
        )


def _conversation(messages: Sequence[Message]) -> str:
    return "\n".join(f"{m.role.value}: {m.content}" for m in messages)


def _render(template: str, messages: Sequence[Message], found: re.Match[str] | None) -> str:
    last_user = next((m.content for m in reversed(messages) if m.role is Role.USER), "")

    def value(match: re.Match[str]) -> str:
        key = match.group(1)
        if key == "last_user":
            return last_user
        if key == "conversation":
            return _conversation(messages)
        if found is None:
            return ""
        group = found.group(int(key)) if key.isdigit() else found.group(key)
        return group or ""

    return _PLACEHOLDER.sub(value, template)


def from_spec(target: str, **options: Any) -> MockProvider:
    """Factory for ``mock/NAME`` (built-in script) and ``mock/PATH.yaml`` provider specs."""
    unknown = sorted(set(options) - {"latency_ms"})
    if unknown:
        raise ConfigError(f"unknown option(s) for mock/{target}: {', '.join(unknown)} (known: latency_ms)")
    latency = options.get("latency_ms")
    if latency is not None and (not isinstance(latency, int | float) or latency < 0):
        raise ConfigError(f"latency_ms must be a non-negative number, not {latency!r}")
    if target.endswith(_FILE_SUFFIXES) or "/" in target or "\\" in target:
        return MockProvider.from_file(target, latency_ms=latency)
    return MockProvider.builtin(target, latency_ms=latency)
