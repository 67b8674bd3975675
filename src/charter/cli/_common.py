"""Helpers shared by the command groups: friendly errors at the CLI edge, spec loading."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import click

from charter.exceptions import CharterError
from charter.spec import Spec, load_spec
from charter.specs import default_spec_path

__all__ = ["friendly_errors", "open_spec"]

P = ParamSpec("P")
R = TypeVar("R")


def friendly_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn Charter's own errors into ``error: message`` on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except CharterError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)

    return wrapper


def open_spec(path: str | None) -> Spec:
    """Load the spec at ``path``; ``None`` or ``default`` means the bundled default spec."""
    if path is None or path == "default":
        return load_spec(default_spec_path())
    return load_spec(Path(path))
