"""The effective policy of one request: the spec, the developer's profile and the request's overrides."""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from charter.checks import Registry
from charter.exceptions import CheckError, ConfigError
from charter.guard._profile import Profile
from charter.spec import Section, Spec
from charter.spec._model import Action, Severity

__all__ = ["ActiveCheck", "EffectivePolicy", "Overrides", "RefusedOverride", "resolve_policy"]


class Overrides(BaseModel):
    """Changes asked for in one request: by the developer (the API key) or on behalf of the user."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    disable: list[str] = Field(default_factory=list)
    user_disable: list[str] = Field(default_factory=list)


class RefusedOverride(BaseModel):
    """An override the chain of command does not allow, kept to cite it."""

    model_config = ConfigDict(frozen=True)

    statement_id: str
    authority: str | None
    principal: Literal["developer", "user"]
    reason: str


class ActiveCheck(BaseModel):
    """A check the guard runs for a statement, with its effective parameters and action."""

    model_config = ConfigDict(frozen=True)

    statement_id: str
    authority: str | None
    title: str
    check: str
    params: dict[str, Any]
    action: Action
    severity: Severity | None
    stages: tuple[str, ...]
    streamable: bool
    #: identity of the evaluation: statements sharing a check and its parameters share one verdict
    key: str


class EffectivePolicy(BaseModel):
    model_config = ConfigDict(frozen=True)

    spec_sha256: str
    profile: str
    profile_digest: str
    disabled: list[str]
    user_disabled: list[str]
    refused: list[RefusedOverride]
    checks: list[ActiveCheck]
    hash: str = ""

    def for_stage(self, stage: str) -> list[ActiveCheck]:
        return [c for c in self.checks if stage in c.stages]


def _check_key(name: str, params: dict[str, Any], statement_id: str | None) -> str:
    return json.dumps([name, params, statement_id], sort_keys=True, default=str)


def _default_action(section: Section) -> Action:
    fields = section.charter
    if fields is not None and fields.action is not None:
        return fields.action
    severity = fields.severity if fields is not None else None
    return "block" if severity in ("critical", "high") else "flag"


def _allowed(section: Section, principal: Literal["developer", "user"], profile: Profile) -> str | None:
    """Why ``principal`` may not change ``section`` (None when it may)."""
    if principal not in section.overridable_by:
        return f"{section.authority} statement; the spec lets {section.overridable_by or 'no one'} change it"
    if (
        principal == "user"
        and profile.user_may_change is not None
        and section.id not in profile.user_may_change
    ):
        return f"profile {profile.name!r} does not let users change it"
    return None


def resolve_policy(
    spec: Spec, profile: Profile, overrides: Overrides, registry: Registry, *, judges: bool = False
) -> EffectivePolicy:
    """Compute the checks that apply to one request. ``judges`` enables LLM judges (remote checks:
    ``llm_rubric``, ``llm_harm``, ``llm_refusal``)."""
    disabled: list[str] = []
    user_disabled: list[str] = []
    refused: list[RefusedOverride] = []
    for principal, asked in (
        ("developer", [*profile.disable, *overrides.disable]),
        ("user", overrides.user_disable),
    ):
        for statement_id in dict.fromkeys(asked):
            section = spec.get(statement_id)
            if section is None or not section.is_statement:
                refused.append(
                    RefusedOverride(
                        statement_id=statement_id,
                        authority=None,
                        principal=principal,
                        reason="no such statement",
                    )
                )
                continue
            why = _allowed(section, principal, profile)  # type: ignore[arg-type]
            if why is not None:
                refused.append(
                    RefusedOverride(
                        statement_id=statement_id,
                        authority=section.authority,
                        principal=principal,
                        reason=why,
                    )
                )
            elif principal == "developer":
                disabled.append(statement_id)
            else:
                user_disabled.append(statement_id)
    off = set(disabled) | set(user_disabled)
    checks: list[ActiveCheck] = []
    for section in spec.statements:
        if section.id in off or section.charter is None:
            continue
        for ref in section.charter.checks:
            try:
                cls = registry.resolve(ref.name)
            except CheckError as exc:
                raise ConfigError(f"{spec.source}:{section.charter.line}: {exc}") from exc
            if cls.remote and "model" in cls.Params.model_fields and not judges:
                continue  # an LLM judge: only with a judge model
            if not cls.stages:
                continue  # audit-only check (needs an expectation)
            params = dict(ref.params)
            extra = profile.params.get(section.id, {})
            params.update({k: v for k, v in extra.items() if k in cls.Params.model_fields})
            checks.append(
                ActiveCheck(
                    statement_id=section.id,
                    authority=section.authority,
                    title=section.title,
                    check=ref.name,
                    params=params,
                    action=_default_action(section),
                    severity=section.charter.severity,
                    stages=cls.stages,
                    streamable=cls.streams(params),
                    key=_check_key(ref.name, params, section.id if cls.per_statement else None),
                )
            )
    policy = EffectivePolicy(
        spec_sha256=spec.sha256,
        profile=profile.name,
        profile_digest=profile.digest(),
        disabled=disabled,
        user_disabled=user_disabled,
        refused=refused,
        checks=checks,
    )
    payload = json.dumps(policy.model_dump(mode="json", exclude={"hash"}), sort_keys=True)
    return policy.model_copy(update={"hash": hashlib.sha256(payload.encode()).hexdigest()})
