"""OpenAI-compatible chat completions over ``httpx``.

Works with api.openai.com and with any server that speaks ``POST /chat/completions`` (vLLM,
llama.cpp, Ollama, LiteLLM, ...). The API key is read from an environment variable named by an
option and is sent only in the ``Authorization`` header: it never appears in an error message, a
``repr`` or a log line.

**Tool messages.** Strict endpoints (api.openai.com, vLLM, llama.cpp server, ...) answer HTTP 400
unless every ``tool`` message carries a ``tool_call_id`` declared in the ``tool_calls`` of the
assistant message that starts its run of tool messages (the assistant message directly before it,
other tool messages of the same turn in between). Charter's conversations (the audit's
``tool_injection`` variants, ``<tool>`` turns of spec examples) rarely say which call a tool message
answers, so :func:`_declare_tool_calls` completes them when the body is built, without changing a
message's content or the order of the conversation's messages:

- a tool message keeps its ``tool_call_id`` attribute when the assistant message of its run declares
  it; one without that attribute answers the first call of that assistant message not answered yet;
  otherwise it gets an id (that attribute if no other call uses it yet, else ``call_<index>``,
  ``index`` being its position in the conversation) and the call is declared: as a new ``tool_calls``
  entry of the assistant message directly before the run (its content is kept), or, when the run
  follows no assistant message (a tool message first, or after a user message), of a synthetic
  assistant message (``content: null``) inserted before the run's first tool message;
- the declared call is ``{"id", "type": "function", "function": {"name", "arguments": "{}"}}``, the
  name being the tool message's ``name`` (``<tool name=...>`` in a spec), else its ``tool`` attribute,
  else the ``recipient`` of the calling assistant message (the Model Spec's ``recipient=browser`` or
  ``recipient=functions.foo``), else ``tool``, cut to what function names allow
  (``[A-Za-z0-9_-]{1,64}``, ``functions.`` prefix dropped);
- an assistant message may record its calls in ``attributes["tool_calls"]`` (the JSON array of a
  :attr:`Completion.tool_calls <charter.providers.Completion.tool_calls>`); they are sent as given,
  so a conversation that already pairs every tool message with a recorded call is sent unchanged.
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
_FUNCTION_CHARS = re.compile(r"[^A-Za-z0-9_-]")
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


def _recorded_calls(message: Message) -> list[dict[str, Any]]:
    """The tool calls an assistant message records in ``attributes["tool_calls"]`` (a JSON array)."""
    try:
        calls = json.loads(message.attributes["tool_calls"])
    except ValueError as exc:
        raise ConfigError(f"assistant message attribute tool_calls is not JSON: {exc}") from exc
    if not isinstance(calls, list) or not all(isinstance(call, dict) for call in calls):
        raise ConfigError("assistant message attribute tool_calls must be a JSON array of tool call objects")
    return calls


def _function_name(tool: Message, caller: Message | None) -> str:
    raw = tool.name or tool.attributes.get("tool") or (caller.attributes.get("recipient") if caller else None)
    name = _FUNCTION_CHARS.sub("_", (raw or "").removeprefix("functions."))[:64]
    return name or "tool"


def _declare_tool_calls(
    messages: Sequence[Message], wire: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """``wire`` (``messages`` as sent) with every tool message answering a declared tool call.

    Pure: returns new dicts and never changes its arguments. See the module docstring for the rules.
    """
    recorded = {call.get("id") for item in wire for call in item.get("tool_calls") or ()}
    owned = {m.attributes["tool_call_id"] for m in messages if "tool_call_id" in m.attributes}
    out: list[dict[str, Any]] = []
    used: set[str] = set()  # ids declared so far by the calls this function added
    caller: dict[str, Any] | None = None  # the assistant message the current run of tool messages answers
    source: Message | None = None  # ... and the message it was built from (None when synthetic)
    answered: set[str] = set()
    for index, (message, item) in enumerate(zip(messages, wire, strict=True)):
        sent = dict(item)
        if message.role is not Role.TOOL:
            caller, source = (sent, message) if message.role is Role.ASSISTANT else (None, None)
            answered = set()
            out.append(sent)
            continue
        own = message.attributes.get("tool_call_id")
        declared = [call.get("id") for call in (caller or {}).get("tool_calls") or ()]
        open_calls = [d for d in declared if isinstance(d, str) and d and d not in answered]
        if own and own in open_calls:
            call_id = own
        elif not own and open_calls:  # a recorded call not answered yet: this message answers it
            call_id = open_calls[0]
        else:
            if own and own not in recorded and own not in used:
                call_id = own
            else:
                call_id, suffix = f"call_{index}", 0
                while call_id in recorded or call_id in owned or call_id in used:
                    suffix += 1
                    call_id = f"call_{index}_{suffix}"
            if caller is None:
                caller, source = {"role": "assistant", "content": None}, None
                out.append(caller)
            function = {"name": _function_name(message, source), "arguments": "{}"}
            call = {"id": call_id, "type": "function", "function": function}
            caller["tool_calls"] = [*(caller.get("tool_calls") or ()), call]
            used.add(call_id)
        answered.add(call_id)
        sent["tool_call_id"] = call_id
        out.append(sent)
    return out


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
        if message.role is Role.ASSISTANT and "tool_calls" in message.attributes:
            out["tool_calls"] = _recorded_calls(message)
        return out

    def payload(self, messages: Sequence[Message], params: GenerationParams) -> dict[str, Any]:
        """The JSON body sent to ``/chat/completions``."""
        wire = _declare_tool_calls(messages, [self._message(m) for m in messages])
        body: dict[str, Any] = {"model": self.model, "messages": wire}
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
