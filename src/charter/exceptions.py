"""Every error Charter raises, in one place.

Hierarchy::

    CharterError                    base of everything Charter raises
    ├── SpecError                   a spec file cannot be read or used (file, line)
    ├── ConfigError                 a profile, config or command-line value is invalid
    ├── CheckError                  a check or judge is unknown or misconfigured
    │   └── JudgeError              a judge could not produce a verdict (after its retry)
    ├── ProviderError               a model endpoint failed (network, HTTP, malformed reply)
    │   ├── ProviderTimeout         no reply within the configured time
    │   └── RateLimited             the endpoint said 429; ``retry_after`` seconds if given
    ├── StoreError                  the store cannot be opened, migrated or written
    └── MissingDependency           an optional extra is not installed (message names the command)

A violation of the spec is a *result* (a verdict or a decision), never an exception.
Friendly messages are produced only at the CLI edge.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "CharterError",
    "CheckError",
    "ConfigError",
    "JudgeError",
    "MissingDependency",
    "ProviderError",
    "ProviderTimeout",
    "RateLimited",
    "SpecError",
    "StoreError",
]


class CharterError(Exception):
    """Base class of every error raised by Charter."""


class SpecError(CharterError):
    """A spec file cannot be read or used. Carries the file and line where known."""

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        where = ""
        if self.path is not None:
            where = f"{self.path}:{line}: " if line is not None else f"{self.path}: "
        super().__init__(f"{where}{message}")


class ConfigError(CharterError):
    """A profile, configuration file or command-line value is invalid."""


class CheckError(CharterError):
    """A check or judge is unknown, or its parameters are invalid."""


class JudgeError(CheckError):
    """A judge could not produce a verdict (for example malformed output after one retry)."""


class ProviderError(CharterError):
    """A model endpoint failed: network error, HTTP error or malformed reply."""

    def __init__(self, message: str, *, status: int | None = None, retryable: bool | None = None) -> None:
        self.status = status
        #: whether trying again may help; ``None``: decided from ``status`` (none, 5xx and 408 may)
        self.retryable = retryable
        super().__init__(message)


class ProviderTimeout(ProviderError):
    """The endpoint did not answer within the configured time."""


class RateLimited(ProviderError):
    """The endpoint answered 429 Too Many Requests."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(message, status=429)


class StoreError(CharterError):
    """The store cannot be opened, migrated or written."""


class MissingDependency(CharterError):
    """An optional dependency is not installed; the message names the install command."""

    def __init__(self, package: str, extra: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(f"{package} is not installed; install it with: pip install 'charter[{extra}]'")
