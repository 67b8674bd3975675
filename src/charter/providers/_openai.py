"""OpenAI-compatible chat completions over ``httpx``.

Works with api.openai.com and with any server that speaks ``POST /chat/completions`` (vLLM,
llama.cpp, Ollama, LiteLLM, ...). The API key is read from an environment variable named by an
option and is sent only in the ``Authorization`` header: it never appears in an error message, a
``repr`` or a log line.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import os
import re
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from charter.chat import Message, Role
from charter.exceptions import ConfigError, ProviderError, ProviderTimeout, RateLimited
from charter.providers._base import Completion, GenerationParams, Provider, Usage

__all__ = ["DEFAULT_BASE_URL", "OpenAIProvider", "from_spec"]

DEFAULT_BASE_URL = "https://api.openai.com/v1"
_OPTIONS = ("base_url", "api_key", "api_key_env", "developer_role", "timeout", "headers", "transport")
_SECRET = re.compile(r"\b(sk-[A-Za-z0-9_*.-]{4,})")
_ERROR_CHARS = 300
#: keep every connection alive: httpx's default keeps only 20 idle, so with more concurrent calls (the
#: audit's --concurrency 32) most requests paid a new TCP (and TLS) handshake
_LIMITS = httpx.Limits(max_connections=256, max_keepalive_connections=256)


class _ChatMessage(BaseModel):
    model_config = ConfigDict(extra="ignore")

    content: str | list[dict[str, Any]] | None = None
    tool_calls: list[dict[str, Any]] | None = None


class _Choice(BaseModel):
    model_config = ConfigDict(extra="ignore")

    message: _ChatMessage
    finish_reason: str | None = None


class _Usage(BaseModel):
    model_config = ConfigDict(extra="ignore")

    prompt_tokens: int | None = None
    completion_tokens: int | None = None


class _ChatResponse(BaseModel):
    model_config = ConfigDict(extra="ignore")

    model: str | None = None
    choices: list[_Choice] = Field(min_length=1)
    usage: _Usage | None = None


def _retry_after(headers: httpx.Headers) -> float | None:
    """Seconds to wait, from ``retry-after-ms`` or ``Retry-After`` (seconds or an HTTP date)."""
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _text_of(content: str | list[dict[str, Any]] | None) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    return "".join(
        str(part.get("text", "")) for part in content if part.get("type") in ("text", "output_text")
    )


class OpenAIProvider(Provider):
    """Chat completions against an OpenAI-compatible endpoint.

    ``developer_role`` is the role developer messages are sent as: ``developer`` (OpenAI) or
    ``system`` for servers that do not know the developer role. ``transport`` replaces the network
    (tests pass ``httpx.MockTransport``).
    """

    def __init__(
        self,
        model: str,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        api_key_env: str = "OPENAI_API_KEY",
        developer_role: Literal["developer", "system"] = "developer",
        timeout: float = 60.0,
        headers: Mapping[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if not model:
            raise ConfigError("openai provider needs a model name, e.g. openai/gpt-4o-mini")
        if developer_role not in ("developer", "system"):
            raise ConfigError(f"developer_role must be 'developer' or 'system', not {developer_role!r}")
        if timeout <= 0:
            raise ConfigError(f"timeout must be positive, not {timeout!r}")
        url = (base_url or os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"base URL {url!r} is not an http(s) URL")
        key = api_key if api_key is not None else os.environ.get(api_key_env)
        if not key and parts.hostname == urlsplit(DEFAULT_BASE_URL).hostname:
            raise ConfigError(
                f"no API key for {url}: set the environment variable {api_key_env} "
                "(or name another variable with the api_key_env option)"
            )
        self.name = f"openai/{model}"
        self.model = model
        self.base_url = url
        self.developer_role = developer_role
        self.timeout = float(timeout)
        self._key = key or None
        self._headers = dict(headers or {})
        self._transport = transport
        self._client: httpx.AsyncClient | None = None
        self._client_loop: asyncio.AbstractEventLoop | None = None

    def __repr__(self) -> str:
        return f"<OpenAIProvider {self.name} at {self.base_url}>"

    def _redact(self, text: str) -> str:
        if self._key:
            text = text.replace(self._key, "***")
        return _SECRET.sub("sk-***", text)

    def _http(self) -> httpx.AsyncClient:
        """One client per event loop: a client cannot outlive the loop its connections belong to."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._client.is_closed or self._client_loop is not loop:
            headers = {"Content-Type": "application/json", **self._headers}
            if self._key:
                headers["Authorization"] = f"Bearer {self._key}"
            self._client = httpx.AsyncClient(headers=headers, transport=self._transport, limits=_LIMITS)
            self._client_loop = loop
        return self._client

    async def aclose(self) -> None:
        client, self._client, self._client_loop = self._client, None, None
        if client is not None and not client.is_closed:
            await client.aclose()

    def _message(self, message: Message) -> dict[str, Any]:
        out: dict[str, Any] = dict(message.to_openai())
        if message.role is Role.DEVELOPER:
            out["role"] = self.developer_role
        if message.role is Role.TOOL and "tool_call_id" in message.attributes:
            out["tool_call_id"] = message.attributes["tool_call_id"]
        return out

    def payload(self, messages: Sequence[Message], params: GenerationParams) -> dict[str, Any]:
        """The JSON body sent to ``/chat/completions``."""
        body: dict[str, Any] = {"model": self.model, "messages": [self._message(m) for m in messages]}
        for field in ("temperature", "max_tokens", "seed", "top_p"):
            value = getattr(params, field)
            if value is not None:
                body[field] = value
        if params.stop:
            body["stop"] = list(params.stop)
        if params.json_mode:
            body["response_format"] = {"type": "json_object"}
        return body

    def _http_error(self, response: httpx.Response) -> ProviderError:
        detail = ""
        try:
            body = response.json()
        except ValueError:
            detail = response.text
        else:
            error = body.get("error") if isinstance(body, dict) else None
            if isinstance(error, dict):
                detail = str(error.get("message") or error)
            elif error is not None:
                detail = str(error)
            else:
                detail = json.dumps(body)[:_ERROR_CHARS]
        detail = self._redact(" ".join(detail.split())[:_ERROR_CHARS])
        status = response.status_code
        where = f"{self.name}: HTTP {status}"
        if status == 429:
            wait = _retry_after(response.headers)
            hint = f" (retry after {wait:g}s)" if wait is not None else ""
            return RateLimited(f"{where} rate limited{hint}: {detail}".rstrip(": "), retry_after=wait)
        return ProviderError(f"{where}: {detail}".rstrip(": "), status=status)

    async def complete(
        self, messages: Sequence[Message], *, params: GenerationParams | None = None
    ) -> Completion:
        params = params or GenerationParams()
        timeout = params.timeout or self.timeout
        url = f"{self.base_url}/chat/completions"
        start = time.perf_counter()
        try:
            response = await self._http().post(
                url, json=self.payload(messages, params), timeout=httpx.Timeout(timeout)
            )
        except httpx.TimeoutException as exc:
            raise ProviderTimeout(f"{self.name}: no reply from {self.base_url} within {timeout:g}s") from exc
        except httpx.HTTPError as exc:
            reason = self._redact(str(exc)) or type(exc).__name__
            raise ProviderError(f"{self.name}: request to {self.base_url} failed: {reason}") from exc
        latency = (time.perf_counter() - start) * 1000
        if response.status_code >= 400:
            raise self._http_error(response)
        try:
            parsed = _ChatResponse.model_validate(response.json())
        except ValueError as exc:
            what = "not JSON" if not isinstance(exc, ValidationError) else "no choices[0].message"
            raise ProviderError(
                f"{self.name}: malformed reply from {self.base_url} ({what})", status=response.status_code
            ) from exc
        choice = parsed.choices[0]
        usage = parsed.usage or _Usage()
        return Completion(
            text=_text_of(choice.message.content),
            finish_reason=choice.finish_reason,
            model=parsed.model or self.model,
            usage=Usage(prompt_tokens=usage.prompt_tokens, completion_tokens=usage.completion_tokens),
            latency_ms=latency,
            tool_calls=choice.message.tool_calls,
        )


def from_spec(target: str, **options: Any) -> OpenAIProvider:
    """Factory for ``openai/MODEL`` provider specs."""
    unknown = sorted(set(options) - set(_OPTIONS))
    if unknown:
        raise ConfigError(
            f"unknown option(s) for openai/{target}: {', '.join(unknown)} (known: {', '.join(_OPTIONS)})"
        )
    if "timeout" in options:
        try:
            options["timeout"] = float(options["timeout"])
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"timeout must be a number of seconds, not {options['timeout']!r}") from exc
    return OpenAIProvider(target, **options)
