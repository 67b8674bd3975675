from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from charter.chat import Message, Role
from charter.exceptions import ConfigError, ProviderError, ProviderTimeout, RateLimited
from charter.providers import (
    DEFAULT_BASE_URL,
    Completion,
    GenerationParams,
    OpenAIProvider,
    create_provider,
)

KEY = "sk-test-SECRET-0123456789abcdef"
OK_BODY = {
    "id": "chatcmpl-1",
    "model": "gpt-test-2025",
    "choices": [
        {"index": 0, "message": {"role": "assistant", "content": "Hello there"}, "finish_reason": "stop"}
    ],
    "usage": {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15},
}

Handler = Callable[[httpx.Request], httpx.Response]


def provider(handler: Handler, **options: object) -> OpenAIProvider:
    made = create_provider("openai/gpt-test", api_key=KEY, transport=httpx.MockTransport(handler), **options)
    assert isinstance(made, OpenAIProvider)
    return made


def run(p: OpenAIProvider, messages: list[Message], params: GenerationParams | None = None) -> Completion:
    async def go() -> Completion:
        async with p:
            return await p.complete(messages, params=params)

    return asyncio.run(go())


def fail(p: OpenAIProvider) -> ProviderError:
    with pytest.raises(ProviderError) as caught:
        run(p, [Message(role=Role.USER, content="hi")])
    return caught.value


def test_success_request_and_completion() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=OK_BODY)

    params = GenerationParams(
        temperature=0.2, max_tokens=50, seed=7, top_p=0.9, stop=("END",), json_mode=True
    )
    completion = run(provider(handler), [Message(role=Role.USER, content="hi")], params)
    assert completion.text == "Hello there"
    assert completion.finish_reason == "stop"
    assert completion.model == "gpt-test-2025"
    assert completion.usage.prompt_tokens == 12 and completion.usage.completion_tokens == 3
    assert completion.latency_ms >= 0 and completion.tool_calls is None
    (request,) = seen
    assert str(request.url) == f"{DEFAULT_BASE_URL}/chat/completions"
    assert request.headers["authorization"] == f"Bearer {KEY}"
    body = json.loads(request.content)
    assert body == {
        "model": "gpt-test",
        "messages": [{"role": "user", "content": "hi"}],
        "temperature": 0.2,
        "max_tokens": 50,
        "seed": 7,
        "top_p": 0.9,
        "stop": ["END"],
        "response_format": {"type": "json_object"},
    }


def test_unset_params_are_not_sent_and_complete_text() -> None:
    bodies: list[dict[str, object]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(request.content))
        return httpx.Response(200, json=OK_BODY)

    p = provider(handler)
    assert asyncio.run(p.complete_text("hello")) == "Hello there"
    assert bodies == [{"model": "gpt-test", "messages": [{"role": "user", "content": "hello"}]}]


@pytest.mark.parametrize(("option", "expected"), [(None, "developer"), ("system", "system")])
def test_developer_role_mapping(option: str | None, expected: str) -> None:
    roles: list[list[str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        roles.append([m["role"] for m in json.loads(request.content)["messages"]])
        return httpx.Response(200, json=OK_BODY)

    messages = [
        Message(role=Role.SYSTEM, content="sys"),
        Message(role=Role.DEVELOPER, content="dev"),
        Message(role=Role.USER, content="hi"),
    ]
    run(provider(handler, developer_role=option), messages)
    assert roles == [["system", expected, "user"]]


def test_rate_limited_with_retry_after_seconds() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": "7"}, json={"error": {"message": "Slow down"}})

    error = fail(provider(handler))
    assert isinstance(error, RateLimited)
    assert error.retry_after == 7.0 and error.status == 429
    assert "Slow down" in str(error) and "429" in str(error)


def test_rate_limited_with_http_date_and_ms_headers() -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)

    def by_date(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": when})

    error = fail(provider(by_date))
    assert isinstance(error, RateLimited) and error.retry_after is not None
    assert 25 <= error.retry_after <= 30

    def by_ms(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"retry-after-ms": "1500", "Retry-After": "9"})

    error = fail(provider(by_ms))
    assert isinstance(error, RateLimited) and error.retry_after == 1.5

    def without(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, text="busy")

    error = fail(provider(without))
    assert isinstance(error, RateLimited) and error.retry_after is None


def test_server_error_maps_to_provider_error_with_status() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, json={"error": {"message": "The server had an error"}})

    error = fail(provider(handler))
    assert type(error) is ProviderError
    assert error.status == 500
    assert "HTTP 500" in str(error) and "The server had an error" in str(error)


def test_malformed_json_reply() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html>gateway</html>")

    error = fail(provider(handler))
    assert type(error) is ProviderError and "malformed" in str(error) and "not JSON" in str(error)

    def no_choices(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"choices": []})

    error = fail(provider(no_choices))
    assert type(error) is ProviderError and "malformed" in str(error)


def test_timeout_maps_to_provider_timeout() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.extensions["timeout"]["read"] == 2.5
        raise httpx.ReadTimeout("timed out", request=request)

    p = provider(handler)
    with pytest.raises(ProviderTimeout, match=r"within 2\.5s"):
        run(p, [Message(role=Role.USER, content="hi")], GenerationParams(timeout=2.5))


def test_network_error_maps_to_provider_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    error = fail(provider(handler))
    assert type(error) is ProviderError and error.status is None and "connection refused" in str(error)


def test_api_key_never_appears_in_errors_or_repr() -> None:
    def echo_key(request: httpx.Request) -> httpx.Response:
        token = request.headers["authorization"].removeprefix("Bearer ")
        return httpx.Response(401, json={"error": {"message": f"Incorrect API key provided: {token}"}})

    p = provider(echo_key)
    error = fail(p)
    assert error.status == 401 and "Incorrect API key" in str(error)
    assert KEY not in str(error) and KEY[:12] not in str(error)
    assert KEY not in repr(p) and KEY not in str(vars(p).get("name"))

    def connect_with_key(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"proxy rejected {request.headers['authorization']}", request=request)

    error = fail(provider(connect_with_key))
    assert KEY not in str(error)

    def rate_with_key(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, text=f"quota for {KEY} exceeded")

    error = fail(provider(rate_with_key))
    assert isinstance(error, RateLimited) and KEY not in str(error)

    token = "local-token-7f3a9c21"
    local = OpenAIProvider(
        "llama", base_url="http://127.0.0.1:9/v1", api_key=token, transport=httpx.MockTransport(echo_key)
    )
    error = fail(local)
    assert error.status == 401 and token not in str(error) and "***" in str(error)


def test_tool_calls_and_null_content() -> None:
    calls = [{"id": "c1", "type": "function", "function": {"name": "lookup", "arguments": "{}"}}]

    def handler(request: httpx.Request) -> httpx.Response:
        message = {"role": "assistant", "content": None, "tool_calls": calls}
        return httpx.Response(200, json={"choices": [{"message": message, "finish_reason": "tool_calls"}]})

    completion = run(provider(handler), [Message(role=Role.USER, content="hi")])
    assert completion.text == "" and completion.tool_calls == calls
    assert completion.finish_reason == "tool_calls" and completion.model == "gpt-test"
    assert completion.usage.prompt_tokens is None


def test_client_survives_separate_event_loops() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=OK_BODY)

    p = provider(handler)
    assert asyncio.run(p.complete_text("one")) == "Hello there"
    assert asyncio.run(p.complete_text("two")) == "Hello there"
    asyncio.run(p.aclose())


def test_missing_key_for_openai_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("MY_KEY", raising=False)
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        create_provider("openai/gpt-4o-mini")
    with pytest.raises(ConfigError, match="MY_KEY"):
        create_provider("openai/gpt-4o-mini", api_key_env="MY_KEY")
    monkeypatch.setenv("MY_KEY", KEY)
    assert isinstance(create_provider("openai/gpt-4o-mini", api_key_env="MY_KEY"), OpenAIProvider)


def test_local_endpoint_without_key_and_base_url_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:8000/v1/")
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=OK_BODY)

    p = create_provider("openai/llama", transport=httpx.MockTransport(handler))
    assert asyncio.run(p.complete_text("hi")) == "Hello there"
    assert str(seen[0].url) == "http://127.0.0.1:8000/v1/chat/completions"
    assert "authorization" not in seen[0].headers
    explicit = create_provider("openai/llama", base_url="http://localhost:1234/v1")
    assert isinstance(explicit, OpenAIProvider) and explicit.base_url == "http://localhost:1234/v1"


def test_registry_errors_name_the_known_schemes() -> None:
    with pytest.raises(
        ConfigError, match=r"unknown provider scheme .bogus.*known schemes: anthropic, mock, openai"
    ):
        create_provider("bogus:runs/log.jsonl")

    with pytest.raises(ConfigError, match="SCHEME/NAME"):
        create_provider("gpt-4o-mini")
    with pytest.raises(ConfigError, match="names no model"):
        create_provider("openai/")
    with pytest.raises(ConfigError, match=r"unknown option.*colour"):
        create_provider("openai/gpt-4o-mini", api_key=KEY, colour="blue")
    with pytest.raises(ConfigError, match="not an http"):
        create_provider("openai/gpt-4o-mini", api_key=KEY, base_url="ftp://example.com")
    with pytest.raises(ConfigError, match="developer_role"):
        create_provider("openai/gpt-4o-mini", api_key=KEY, developer_role="admin")
