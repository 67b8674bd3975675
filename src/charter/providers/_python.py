"""``python:module:function``: any Python callable as a model.

The function receives the conversation as OpenAI-style dicts (``[{"role", "content"}, ...]``) and
returns the reply text, or a dict with ``text`` (and optionally ``prompt_tokens`` and
``completion_tokens``). It may be a coroutine function. The module is imported from ``sys.path``
(the current directory included when Charter is run from a shell).
"""

from __future__ import annotations

import importlib
import inspect
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from charter.chat import Message
from charter.exceptions import ConfigError, ProviderError
from charter.providers._base import Completion, GenerationParams, Provider, Usage

__all__ = ["PythonProvider", "from_spec"]


class PythonProvider(Provider):
    def __init__(self, function: Callable[..., Any], name: str) -> None:
        self.function = function
        self.name = name

    async def complete(
        self, messages: Sequence[Message], *, params: GenerationParams | None = None
    ) -> Completion:
        start = time.perf_counter()
        payload = [m.to_openai() for m in messages]
        try:
            result = self.function(payload)
            if inspect.isawaitable(result):
                result = await result
        except ProviderError:
            raise
        except Exception as exc:  # a user's function failing is a provider error, recorded as such
            # the user's own code: calling it again gives the same error, so it is not retried
            raise ProviderError(f"{self.name} raised {type(exc).__name__}: {exc}", retryable=False) from exc
        usage = Usage()
        if isinstance(result, dict):
            usage = Usage(
                prompt_tokens=result.get("prompt_tokens"), completion_tokens=result.get("completion_tokens")
            )
            result = result.get("text")
        if not isinstance(result, str):
            raise ProviderError(f"{self.name} returned {type(result).__name__}, expected a string reply")
        return Completion(
            text=result,
            model=self.name,
            finish_reason="stop",
            usage=usage,
            latency_ms=(time.perf_counter() - start) * 1000,
        )


def from_spec(target: str, **options: Any) -> PythonProvider:
    if options:
        raise ConfigError(f"python:{target} takes no options (got {', '.join(sorted(options))})")
    module_name, _, attr = target.partition(":")
    if not module_name or not attr:
        raise ConfigError(f"python provider {target!r} must look like python:module:function")
    if str(Path.cwd()) not in sys.path and "" not in sys.path:
        sys.path.insert(0, str(Path.cwd()))
    try:
        function = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"python provider {target!r} cannot be loaded: {exc}") from exc
    if not callable(function):
        raise ConfigError(f"python provider {target!r} is not callable")
    return PythonProvider(function, f"python:{target}")
