"""Provider specs: one string names an endpoint.

A provider spec is ``SCHEME/TARGET`` (or ``SCHEME:TARGET``): ``openai/gpt-4o-mini`` or
``mock/echo``. Each scheme maps, in :data:`PROVIDER_SCHEMES`, to the import path of a factory
``from_spec(target: str, **options) -> Provider`` that is imported only when the scheme is used.

Extension points: a new built-in scheme is one more line in :data:`PROVIDER_SCHEMES` (the
``recorded:FILE.jsonl`` and ``python:module:function`` schemes plug in there); third-party
schemes register a factory under the ``charter.providers`` entry-point group.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from functools import cache
from importlib.metadata import entry_points
from types import MappingProxyType
from typing import Any

from charter.exceptions import ConfigError
from charter.providers._base import Provider

__all__ = ["PROVIDER_SCHEMES", "create_provider", "parse_provider_spec", "provider_schemes"]

#: Built-in provider schemes: scheme -> "module:factory", imported lazily.
PROVIDER_SCHEMES: Mapping[str, str] = MappingProxyType(
    {
        "mock": "charter.providers._mock:from_spec",
        "openai": "charter.providers._openai:from_spec",
        "recorded": "charter.providers._recorded:from_spec",
        "python": "charter.providers._python:from_spec",
        "anthropic": "charter.providers._anthropic:from_spec",
    }
)

_SPEC = re.compile(r"^([A-Za-z][A-Za-z0-9_+-]*)[/:](.*)$", re.S)

ProviderFactory = Callable[..., Provider]


@cache
def provider_schemes() -> Mapping[str, str]:
    """The built-in schemes plus those installed under the ``charter.providers`` entry-point group."""
    schemes = dict(PROVIDER_SCHEMES)
    for ep in entry_points(group="charter.providers"):
        schemes.setdefault(ep.name, ep.value)
    return MappingProxyType(schemes)


def parse_provider_spec(spec: str) -> tuple[str, str]:
    """Split ``openai/gpt-4o-mini`` into ``("openai", "gpt-4o-mini")``; ``ConfigError`` if malformed."""
    known = ", ".join(sorted(provider_schemes()))
    match = _SPEC.match(spec.strip())
    if match is None:
        raise ConfigError(
            f"provider spec {spec!r} must look like SCHEME/NAME, e.g. openai/gpt-4o-mini "
            f"(known schemes: {known})"
        )
    scheme, target = match.group(1).lower(), match.group(2).strip()
    if scheme not in provider_schemes():
        raise ConfigError(f"unknown provider scheme {scheme!r} in {spec!r} (known schemes: {known})")
    if not target:
        raise ConfigError(f"provider spec {spec!r} names no model or script after {scheme!r}")
    return scheme, target


def _factory(scheme: str) -> ProviderFactory:
    path = provider_schemes()[scheme]
    module_name, _, attr = path.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"provider scheme {scheme!r} cannot be loaded from {path}: {exc}") from exc
    if not callable(factory):
        raise ConfigError(f"provider scheme {scheme!r}: {path} is not callable")
    return factory  # type: ignore[no-any-return]


def create_provider(spec: str, **options: Any) -> Provider:
    """The provider a spec string names, configured with ``options``.

    Options set to ``None`` are ignored, so command-line flags can be passed straight through.
    ``openai/MODEL`` takes ``base_url``, ``api_key_env`` (default ``OPENAI_API_KEY``), ``api_key``,
    ``developer_role``, ``timeout``, ``headers`` and ``transport``; ``mock/NAME`` takes
    ``latency_ms``. Unknown schemes and options raise :class:`~charter.exceptions.ConfigError`.
    """
    scheme, target = parse_provider_spec(spec)
    provider = _factory(scheme)(target, **{k: v for k, v in options.items() if v is not None})
    if not isinstance(provider, Provider):
        raise ConfigError(f"provider scheme {scheme!r} returned {type(provider).__name__}, not a Provider")
    return provider
