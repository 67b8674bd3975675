"""Specs bundled with Charter: the default behavior spec and the starter written by ``charter init``."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["bundled_spec_path", "default_spec_path"]


def bundled_spec_path(name: str) -> Path:
    """Path of a bundled file in this package (``default.md``, ``starter.md``, ...)."""
    return Path(str(files("charter.specs") / name))


def default_spec_path() -> Path:
    """Path of the bundled default spec, ``charter/specs/default.md``."""
    return bundled_spec_path("default.md")
