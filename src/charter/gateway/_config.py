"""Gateway configuration: the server's settings and the API keys file.

Keys are stored hashed: the file holds the sha256 of each key, never the key itself, so it can be
read by anyone who runs the gateway without giving away a credential::

    version: 1
    keys:
      - id: ck-3f9a1c2b            # the key's public prefix, shown in logs and errors
        sha256: 5e884898da28...    # sha256 of the whole key
        tenant: acme
        profile: kids-tutor        # a profile file <profiles>/kids-tutor.yaml, or "default"
        rpm: 600                   # requests per minute (token bucket, burst = rpm); 0 = unlimited
        created_at: "2025-06-01T10:00:00+00:00"

``charter serve keys add`` creates a key, stores its hash and prints the key once.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from charter._files import atomic_output
from charter.exceptions import ConfigError

__all__ = [
    "KEYS_VERSION",
    "KEY_PREFIX",
    "ApiKey",
    "GatewayConfig",
    "KeysFile",
    "add_key",
    "hash_key",
    "load_keys",
    "new_key",
    "save_keys",
]

KEYS_VERSION = 1
KEY_PREFIX = "ck-"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@:-]{0,127}$")


def hash_key(key: str) -> str:
    """The sha256 (hex) under which a key is stored and looked up."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    """A fresh random key: ``ck-`` and 43 URL-safe characters (256 bits)."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


class ApiKey(BaseModel):
    """One client key as the gateway knows it: its hash, its tenant, profile and rate limit."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, max_length=64)
    sha256: str
    tenant: str
    profile: str = "default"
    rpm: int = Field(default=600, ge=0)
    created_at: str = ""

    @field_validator("sha256")
    @classmethod
    def _hex(cls, value: str) -> str:
        value = value.lower()
        if not _HEX64.match(value):
            raise ValueError("must be the 64 hex digits of a sha256")
        return value

    @field_validator("tenant", "profile")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError("letters, digits and _.@:- only (1-128 characters)")
        return value

    @classmethod
    def from_secret(
        cls, key: str, *, tenant: str, profile: str = "default", rpm: int = 600, key_id: str | None = None
    ) -> ApiKey:
        """The record of ``key`` (which is hashed; the record never holds the key itself)."""
        return cls(
            id=key_id or key[: len(KEY_PREFIX) + 8],
            sha256=hash_key(key),
            tenant=tenant,
            profile=profile,
            rpm=rpm,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )


class KeysFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = KEYS_VERSION
    keys: list[ApiKey] = Field(default_factory=list)


def load_keys(path: str | Path) -> list[ApiKey]:
    """Read a keys file; a missing file is an error naming the command that creates one."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{file}: no keys file; create a key with: charter serve keys add --keys {file}"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read keys file: {exc.strerror or exc}") from exc
    try:
        data: Any = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{file}: invalid YAML: {exc}") from exc
    try:
        parsed = KeysFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{file}: {loc}: {first['msg']}") from exc
    if parsed.version != KEYS_VERSION:
        raise ConfigError(f"{file}: keys file version {parsed.version} is not supported (expected 1)")
    seen: set[str] = set()
    for key in parsed.keys:
        if key.sha256 in seen or key.id in seen:
            raise ConfigError(f"{file}: key {key.id!r} appears twice")
        seen.update((key.sha256, key.id))
    return parsed.keys


def save_keys(path: str | Path, keys: list[ApiKey]) -> None:
    """Write the keys file atomically, readable by its owner only."""
    file = Path(path)
    data = KeysFile(keys=keys).model_dump(mode="json")
    text = "# Charter gateway keys: sha256 hashes only. Add keys with `charter serve keys add`.\n"
    text += yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    try:
        with atomic_output(file, mode=0o600, make_dirs=True) as out:
            out.write(text)
    except OSError as exc:
        raise ConfigError(f"{file}: cannot write keys file: {exc.strerror or exc}") from exc


def add_key(path: str | Path, *, tenant: str, profile: str = "default", rpm: int = 600) -> tuple[str, ApiKey]:
    """Create a key, append its hash to the keys file (created if missing); return (key, record)."""
    file = Path(path)
    keys = load_keys(file) if file.exists() else []
    key = new_key()
    try:
        record = ApiKey.from_secret(key, tenant=tenant, profile=profile, rpm=rpm)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}") from exc
    save_keys(file, [*keys, record])
    return key, record


class GatewayConfig(BaseModel):
    """Everything ``charter serve`` needs; :func:`charter.gateway.create_app` builds the app from it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: path of the spec, or ``default`` for the bundled default spec
    spec: str = "default"
    #: base URL of the OpenAI-compatible upstream, e.g. ``https://api.openai.com/v1``
    upstream: str
    #: folder of profile files ``<name>.yaml``; keys name their profile
    profiles_dir: Path | None = None
    #: the keys file (sha256 hashes); keys may also be given to ``create_app`` directly
    keys_file: Path | None = None
    #: how often the gateway looks for changes to the keys file (added, removed, changed keys)
    keys_reload_s: float = Field(default=2.0, gt=0)
    #: where decisions are stored: a SQLite path or a ``postgresql://`` URL
    store: str = "charter-decisions.db"
    #: mask personal data in the requests and replies kept in the store
    redact_store: bool = False
    #: before a reply goes out, its decision is ``commit``-ted (survives a gateway crash; the log is
    #: fsynced every second) or ``fsync``-ed (survives a power loss); see ``DecisionLog``
    store_sync: Literal["commit", "fsync"] = "commit"
    #: the model listed by ``/v1/models`` when the upstream cannot list its own, and the default model
    model: str | None = None
    #: environment variable holding the upstream's API key (never sent to clients nor logged)
    upstream_api_key_env: str = "CHARTER_UPSTREAM_API_KEY"
    upstream_timeout_s: float = Field(default=120.0, gt=0)
    upstream_connect_timeout_s: float = Field(default=10.0, gt=0)
    upstream_max_connections: int = Field(default=512, ge=1)
    max_body_bytes: int = Field(default=16 * 1024 * 1024, ge=1024)
    #: characters a stream holds back so a phrase split across chunks is judged before release
    hold_back: int = Field(default=64, ge=0)
    judge_timeout_s: float = Field(default=10.0, gt=0)
    #: provider spec of the LLM policy judge for ``llm_rubric`` checks (e.g. ``openai/gpt-4o-mini``);
    #: ``None`` runs only the deterministic and embedded checks at request time
    judge_model: str | None = None

    @field_validator("upstream")
    @classmethod
    def _url(cls, value: str) -> str:
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError("must be an http:// or https:// URL")
        return value.rstrip("/")
