"""``anthropic/MODEL``: Anthropic's Messages API through its SDK, an optional extra.

Install with ``pip install 'charter[anthropic]'``. System and developer messages become the
``system`` prompt; tool outputs become user turns labelled ``[output of NAME]``; the API key comes
from ``ANTHROPIC_API_KEY`` (or ``api_key_env``).
"""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Sequence
from typing import Any

from charter.chat import Message, Role
from charter.exceptions import ConfigError, MissingDependency, ProviderError, ProviderTimeout, RateLimited
from charter.providers._base import Completion, GenerationParams, Provider, Usage

__all__ = ["AnthropicProvider", "from_spec"]


def _sdk() -> Any:
    try:
        return importlib.import_module("anthropic")
    except ImportError as exc:
        raise MissingDependency("anthropic", "anthropic") from exc


def _turn_text(message: Message) -> str:
    """A turn's text. A tool output becomes a user turn labelled as such, so the model can still tell
    it from the user's own words (an instruction inside it carries no authority); empty text, which the
    API rejects, becomes a placeholder."""
    text = message.content
    if message.role is Role.TOOL:
        source = message.name or message.attributes.get("tool") or "a tool"
        text = f"[output of {source}]\n{text}"
    return text if text.strip() else "(empty)"


class AnthropicProvider(Provider):
    def __init__(self, model: str, *, api_key_env: str = "ANTHROPIC_API_KEY", max_tokens: int = 1024) -> None:
        sdk = _sdk()
        key = os.environ.get(api_key_env)
        if not key:
            raise ConfigError(f"anthropic/{model}: set the API key in the environment variable {api_key_env}")
        self.sdk = sdk
        self.client = sdk.AsyncAnthropic(api_key=key)
        self.model = model
        self.name = f"anthropic/{model}"
        self.max_tokens = max_tokens

    async def complete(
        self, messages: Sequence[Message], *, params: GenerationParams | None = None
    ) -> Completion:
        params = params or GenerationParams()
        system = "\n\n".join(m.content for m in messages if m.role in (Role.SYSTEM, Role.DEVELOPER))
        turns = [
            {"role": "assistant" if m.role is Role.ASSISTANT else "user", "content": _turn_text(m)}
            for m in messages
            if m.role not in (Role.SYSTEM, Role.DEVELOPER)
        ]
        options: dict[str, Any] = {
            "model": self.model,
            "messages": turns,
            "max_tokens": params.max_tokens or self.max_tokens,
        }
        if system:
            options["system"] = system
        if params.temperature is not None:
            options["temperature"] = params.temperature
        start = time.perf_counter()
        try:
            reply = await self.client.messages.create(**options, timeout=params.timeout or 60)
        except self.sdk.RateLimitError as exc:
            raise RateLimited(f"{self.name}: rate limited") from exc
        except self.sdk.APITimeoutError as exc:
            raise ProviderTimeout(f"{self.name}: timed out") from exc
        except self.sdk.APIError as exc:
            raise ProviderError(
                f"{self.name}: {type(exc).__name__}", status=getattr(exc, "status_code", None)
            ) from exc
        text = "".join(getattr(block, "text", "") for block in reply.content)
        usage = Usage(prompt_tokens=reply.usage.input_tokens, completion_tokens=reply.usage.output_tokens)
        return Completion(
            text=text,
            model=self.name,
            finish_reason=reply.stop_reason,
            usage=usage,
            latency_ms=(time.perf_counter() - start) * 1000,
        )


def from_spec(target: str, **options: Any) -> AnthropicProvider:
    unknown = sorted(set(options) - {"api_key_env", "max_tokens"})
    if unknown:
        raise ConfigError(
            f"unknown option(s) for anthropic/{target}: {', '.join(unknown)} (known: api_key_env, max_tokens)"
        )
    return AnthropicProvider(target, **options)
