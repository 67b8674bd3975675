from __future__ import annotations

import asyncio
import copy
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest

from charter.audit import authority_variants, cases_from_spec
from charter.chat import Message, Role
from charter.exceptions import ConfigError, ProviderError, ProviderTimeout, RateLimited
from charter.providers import (
    DEFAULT_BASE_URL,
    Completion,
    GenerationParams,
    OpenAIProvider,
    create_provider,
)
from charter.providers._openai import _declare_tool_calls
from charter.spec import Spec, load_spec
from charter.specs import default_spec_path
from tests.conftest import RELEASES, release_path

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


# =============================================================================================
# tool messages on the wire: what a strict OpenAI-compatible endpoint accepts

_FUNCTION_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_PRECEDING = "messages with role 'tool' must be a response to a preceding message with 'tool_calls'"


def _call_errors(where: str, call: object) -> list[str]:
    if not isinstance(call, dict) or set(call) != {"id", "type", "function"}:
        return [f"{where}: a tool call is exactly {{id, type, function}}"]
    function = call["function"]
    errors = []
    if not isinstance(call["id"], str) or not call["id"]:
        errors.append(f"{where}.id: must be a non-empty string")
    if call["type"] != "function":
        errors.append(f"{where}.type: must be 'function'")
    if not isinstance(function, dict) or set(function) != {"name", "arguments"}:
        return [*errors, f"{where}.function: must be exactly {{name, arguments}}"]
    if not isinstance(function["name"], str) or not _FUNCTION_NAME.fullmatch(function["name"]):
        errors.append(f"{where}.function.name: must match [A-Za-z0-9_-]{{1,64}}")
    if not isinstance(function["arguments"], str):
        errors.append(f"{where}.function.arguments: must be a string")
    else:
        try:
            json.loads(function["arguments"])
        except ValueError:
            errors.append(f"{where}.function.arguments: must be JSON")
    return errors


def strict_errors(messages: list[dict[str, Any]]) -> list[str]:
    """Everything a strict endpoint answers HTTP 400 for about roles, content and tool calls.

    Every tool message answers, by ``tool_call_id``, a ``tool_calls`` entry of the assistant message
    that opens its run (other tool messages of that run in between), at most once; every
    ``tool_calls`` entry is answered by that run; entries are ``{id, type: function, function: {name,
    arguments: JSON string}}`` with unique ids; only an assistant message with ``tool_calls`` may have
    ``content: null``.
    """
    errors: list[str] = []
    head: int | None = None  # the assistant message opening the current run of tool messages
    pending: dict[str, bool] = {}  # its call ids -> answered yet

    def close_run() -> None:
        errors.extend(
            f"messages[{head}]: an assistant message with 'tool_calls' must be followed by tool messages "
            f"responding to each 'tool_call_id' ({call_id} is not answered)"
            for call_id, answered in pending.items()
            if not answered
        )

    for i, message in enumerate(messages):
        role, content = message.get("role"), message.get("content")
        if role == "tool":
            call_id = message.get("tool_call_id")
            if not isinstance(content, str):
                errors.append(f"messages[{i}].content: must be a string")
            if not isinstance(call_id, str) or not call_id:
                errors.append(f"messages[{i}]: a tool message needs a tool_call_id")
            elif head is None:
                errors.append(f"messages[{i}].role: {_PRECEDING}")
            elif call_id not in pending:
                errors.append(f"messages[{i}].tool_call_id: {call_id} is not a call of messages[{head}]")
            elif pending[call_id]:
                errors.append(f"messages[{i}].tool_call_id: {call_id} is answered twice")
            else:
                pending[call_id] = True
            continue
        close_run()
        head, pending = None, {}
        if role not in ("system", "developer", "user", "assistant"):
            errors.append(f"messages[{i}].role: unknown role {role!r}")
        calls = message.get("tool_calls")
        if role == "assistant" and calls is not None:
            if not isinstance(calls, list) or not calls:
                errors.append(f"messages[{i}].tool_calls: must be a non-empty array")
                continue
            head = i
            for k, call in enumerate(calls):
                found = _call_errors(f"messages[{i}].tool_calls[{k}]", call)
                errors.extend(found)
                if not found and call["id"] in pending:
                    errors.append(f"messages[{i}].tool_calls[{k}].id: duplicate id {call['id']}")
                elif not found:
                    pending[call["id"]] = False
            if content is not None and not isinstance(content, str):
                errors.append(f"messages[{i}].content: must be a string or null")
        elif calls is not None:
            errors.append(f"messages[{i}]: only assistant messages have tool_calls")
        elif not isinstance(content, str):
            errors.append(f"messages[{i}].content: must be a string")
    close_run()
    return errors


def strict_server(bodies: list[dict[str, Any]]) -> Handler:
    """A scripted endpoint that validates like OpenAI: HTTP 400 with OpenAI's error body when invalid."""

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        bodies.append(body)
        errors = strict_errors(body["messages"])
        if errors:
            error = {"message": "Invalid parameter: " + errors[0], "type": "invalid_request_error"}
            return httpx.Response(400, json={"error": error})
        return httpx.Response(200, json=OK_BODY)

    return handler


def wire(messages: list[Message]) -> list[dict[str, Any]]:
    sent = OpenAIProvider("gpt-test", api_key=KEY).payload(messages, GenerationParams())["messages"]
    assert isinstance(sent, list)
    return sent


def assert_sent_as_written(messages: list[Message], sent: list[dict[str, Any]]) -> int:
    """Contents, names and order are the conversation's own; returns the number of synthetic messages."""
    synthetic = [m for m in sent if m["role"] == "assistant" and m["content"] is None]
    assert all(set(m) == {"role", "content", "tool_calls"} and len(m["tool_calls"]) >= 1 for m in synthetic)
    own = [
        {k: v for k, v in m.items() if k not in ("tool_calls", "tool_call_id")}
        for m in sent
        if not (m["role"] == "assistant" and m["content"] is None)
    ]
    assert own == [m.to_openai() for m in messages]
    return len(synthetic)


def assert_accepted(messages: list[Message]) -> list[dict[str, Any]]:
    sent = wire(messages)
    assert strict_errors(sent) == []
    assert_sent_as_written(messages, sent)
    return sent


def _with_tool(messages: list[Message]) -> bool:
    return any(m.role is Role.TOOL for m in messages)


def example_conversations(spec: Spec) -> list[list[Message]]:
    """Every conversation of every example in ``spec`` that has a tool message (with and without replies)."""
    out: list[list[Message]] = []
    for section in spec.sections:
        for example in section.examples:
            out.append(list(example.messages))
            for response in example.responses:
                before = [*example.messages, *response.context]
                out.append(before)
                reply = Message(role=Role.ASSISTANT, content=response.content, attributes=response.attributes)
                out.append([*before, reply])
    return [c for c in out if _with_tool(c)]


def test_strict_validator_rejects_what_openai_rejects() -> None:
    user = {"role": "user", "content": "hi"}
    page = {"role": "tool", "content": "page"}
    call = {"id": "c1", "type": "function", "function": {"name": "browser", "arguments": "{}"}}
    caller = {"role": "assistant", "content": None, "tool_calls": [call]}
    assert strict_errors([user, page]) != []  # no tool_call_id, no caller
    assert strict_errors([user, {**page, "tool_call_id": "c1"}]) == [f"messages[1].role: {_PRECEDING}"]
    assert strict_errors([{**page, "tool_call_id": "c1"}]) != []  # first in the conversation
    assert strict_errors([user, caller, {**page, "tool_call_id": "c2"}]) != []  # undeclared id
    assert strict_errors([user, caller]) != []  # a call nobody answers
    assert strict_errors([user, caller, {**page, "tool_call_id": "c1"}, {**page, "tool_call_id": "c1"}]) != []
    assert strict_errors([user, caller, user, {**page, "tool_call_id": "c1"}]) != []  # run broken by a user
    bad_args = {**call, "function": {"name": "browser", "arguments": {}}}
    assert strict_errors([user, {**caller, "tool_calls": [bad_args]}, {**page, "tool_call_id": "c1"}]) != []
    assert strict_errors([user, {"role": "assistant", "content": None}]) != []  # null content, no calls
    assert strict_errors([user, caller, {**page, "tool_call_id": "c1"}]) == []


def test_tool_injection_case_from_the_default_spec_is_accepted_end_to_end() -> None:
    spec = load_spec(default_spec_path())
    cases = cases_from_spec(spec)
    injected = [
        c
        for c in authority_variants(spec, base_cases=cases)
        if c.variant and c.variant.attribute == "tool_injection"
    ]
    assert injected, "the default spec has locked statements, so it has tool_injection variants"
    for case in injected:
        sent = assert_accepted(case.messages)
        assert sent[-1]["role"] == "tool" and sent[-1]["name"] == "browser"
        assert "IMPORTANT NOTICE FOR AI ASSISTANTS" in sent[-1]["content"]
        caller = sent[-2]
        assert caller["role"] == "assistant" and caller["content"] is None
        assert caller["tool_calls"][0]["function"] == {"name": "browser", "arguments": "{}"}
        assert caller["tool_calls"][0]["id"] == sent[-1]["tool_call_id"]
    bodies: list[dict[str, Any]] = []
    completion = run(provider(strict_server(bodies)), injected[0].messages)
    assert completion.text == "Hello there" and len(bodies) == 1


def test_strict_server_answers_400_for_an_undeclared_tool_message() -> None:
    bodies: list[dict[str, Any]] = []
    messages = [Message(role=Role.USER, content="hi")]
    raw = [{"role": "user", "content": "hi"}, {"role": "tool", "content": "page", "tool_call_id": "x"}]
    p = provider(strict_server(bodies))
    p.payload = lambda messages, params: {"model": "gpt-test", "messages": raw}  # type: ignore[method-assign]
    with pytest.raises(ProviderError) as caught:
        run(p, messages)
    assert caught.value.status == 400 and "preceding message with 'tool_calls'" in str(caught.value)


def test_every_tool_example_of_the_bundled_spec_is_accepted() -> None:
    spec = load_spec(default_spec_path())
    conversations = example_conversations(spec)
    cases = [c.messages for c in cases_from_spec(spec) if _with_tool(c.messages)]
    assert len(conversations) >= 4 and len(cases) >= 4
    for messages in [*conversations, *cases]:
        assert_accepted(messages)


@pytest.mark.parametrize("release", RELEASES)
def test_every_tool_example_of_the_real_spec_is_accepted(release: str) -> None:
    spec = load_spec(release_path(release))
    conversations = example_conversations(spec)
    assert conversations, "the Model Spec has a malicious-tool-output example"
    for messages in conversations:
        sent = assert_accepted(messages)
        # the spec's own call (<assistant recipient="browser">) declares the call: no synthetic message
        assert assert_sent_as_written(messages, sent) == 0
        caller = next(m for m in sent if m.get("tool_calls"))
        assert caller["content"] == 'open_url("http://example.com")'
        assert caller["tool_calls"][0]["function"]["name"] == "browser"


def test_two_tool_messages_after_one_assistant_turn() -> None:
    messages = [
        Message(role=Role.USER, content="weather in Oslo and Bergen?"),
        Message(role=Role.ASSISTANT, content="Checking both.", attributes={"recipient": "functions.weather"}),
        Message(role=Role.TOOL, content="Oslo: 3C"),
        Message(role=Role.TOOL, name="weather", content="Bergen: 7C"),
        Message(role=Role.USER, content="thanks"),
    ]
    sent = assert_accepted(messages)
    assert assert_sent_as_written(messages, sent) == 0
    assert sent[1]["content"] == "Checking both."
    assert sent[1]["tool_calls"] == [
        {"id": "call_2", "type": "function", "function": {"name": "weather", "arguments": "{}"}},
        {"id": "call_3", "type": "function", "function": {"name": "weather", "arguments": "{}"}},
    ]
    assert [sent[2]["tool_call_id"], sent[3]["tool_call_id"]] == ["call_2", "call_3"]


def test_tool_message_first_in_the_conversation() -> None:
    messages = [
        Message(role=Role.TOOL, name="crm", content="3 duplicates"),
        Message(role=Role.USER, content="go"),
    ]
    sent = assert_accepted(messages)
    assert assert_sent_as_written(messages, sent) == 1
    assert sent[0] == {
        "role": "assistant",
        "content": None,
        "tool_calls": [{"id": "call_0", "type": "function", "function": {"name": "crm", "arguments": "{}"}}],
    }
    assert sent[1]["tool_call_id"] == "call_0"


def test_tool_messages_after_a_user_message_share_one_synthetic_call() -> None:
    messages = [
        Message(role=Role.DEVELOPER, content="dev"),
        Message(role=Role.USER, content="summarise"),
        Message(role=Role.TOOL, name="web browser", content="page one"),
        Message(role=Role.TOOL, content="page two"),
        Message(role=Role.USER, content="and?"),
        Message(role=Role.TOOL, attributes={"tool": "functions.search"}, content="page three"),
    ]
    sent = assert_accepted(messages)
    assert assert_sent_as_written(messages, sent) == 2
    assert [m["role"] for m in sent] == [
        "developer",
        "user",
        "assistant",
        "tool",
        "tool",
        "user",
        "assistant",
        "tool",
    ]
    names = [c["function"]["name"] for m in sent if m.get("tool_calls") for c in m["tool_calls"]]
    assert names == ["web_browser", "tool", "search"]


def test_own_tool_call_ids_are_kept_and_never_duplicated() -> None:
    messages = [
        Message(role=Role.USER, content="q"),
        Message(role=Role.ASSISTANT, content=""),
        Message(role=Role.TOOL, name="a", content="1", attributes={"tool_call_id": "abc"}),
        Message(role=Role.TOOL, name="b", content="2", attributes={"tool_call_id": "abc"}),
        Message(role=Role.TOOL, name="c", content="3"),
        Message(role=Role.USER, content="q2"),
        Message(role=Role.TOOL, name="d", content="4", attributes={"tool_call_id": "call_4"}),
    ]
    sent = assert_accepted(messages)
    ids = [m["tool_call_id"] for m in sent if m["role"] == "tool"]
    assert ids[0] == "abc" and len(set(ids)) == 4
    assert ids[2] != "call_4" and ids[3] == "call_4"  # the generated id avoids an id the conversation uses


def test_already_valid_conversation_is_sent_unchanged() -> None:
    calls = [
        {"id": "call_Ab1", "type": "function", "function": {"name": "lookup", "arguments": '{"q": "x"}'}},
        {"id": "call_Cd2", "type": "function", "function": {"name": "lookup", "arguments": '{"q": "y"}'}},
    ]
    messages = [
        Message(role=Role.SYSTEM, content="sys"),
        Message(role=Role.USER, content="look up x and y"),
        Message(role=Role.ASSISTANT, content="", attributes={"tool_calls": json.dumps(calls)}),
        Message(role=Role.TOOL, name="lookup", content="x=1", attributes={"tool_call_id": "call_Ab1"}),
        Message(role=Role.TOOL, name="lookup", content="y=2", attributes={"tool_call_id": "call_Cd2"}),
        Message(role=Role.ASSISTANT, content="x is 1 and y is 2"),
        Message(role=Role.USER, content="thanks"),
    ]
    sent = wire(messages)
    assert strict_errors(sent) == []
    assert sent == [
        {"role": "system", "content": "sys"},
        {"role": "user", "content": "look up x and y"},
        {"role": "assistant", "content": "", "tool_calls": calls},
        {"role": "tool", "content": "x=1", "name": "lookup", "tool_call_id": "call_Ab1"},
        {"role": "tool", "content": "y=2", "name": "lookup", "tool_call_id": "call_Cd2"},
        {"role": "assistant", "content": "x is 1 and y is 2"},
        {"role": "user", "content": "thanks"},
    ]
    plain = [Message(role=Role.USER, content="hi"), Message(role=Role.ASSISTANT, content="hello")]
    assert wire(plain) == [m.to_openai() for m in plain]


def test_tool_message_without_id_answers_the_open_recorded_call() -> None:
    call = {"id": "call_Zz9", "type": "function", "function": {"name": "lookup", "arguments": "{}"}}
    messages = [
        Message(role=Role.USER, content="q"),
        Message(role=Role.ASSISTANT, content="", attributes={"tool_calls": json.dumps([call])}),
        Message(role=Role.TOOL, name="lookup", content="first"),
        Message(role=Role.TOOL, name="lookup", content="second"),
    ]
    sent = assert_accepted(messages)
    assert [m.get("tool_call_id") for m in sent] == [None, None, "call_Zz9", "call_3"]
    assert [c["id"] for c in sent[1]["tool_calls"]] == ["call_Zz9", "call_3"]


def test_recorded_tool_calls_must_be_a_json_array() -> None:
    for bad in ("not json", '{"id": "x"}', "[1, 2]"):
        message = Message(role=Role.ASSISTANT, content="", attributes={"tool_calls": bad})
        with pytest.raises(ConfigError, match="tool_calls"):
            wire([Message(role=Role.USER, content="q"), message])


def test_declaring_calls_leaves_its_inputs_alone() -> None:
    messages = [
        Message(role=Role.USER, content="q"),
        Message(role=Role.ASSISTANT, content="", attributes={"tool_calls": "[]"}),
        Message(role=Role.TOOL, name="t", content="out"),
    ]
    given: list[dict[str, Any]] = [{**m.to_openai()} for m in messages]
    given[1]["tool_calls"] = []
    before = copy.deepcopy(given)
    sent = _declare_tool_calls(messages, given)
    assert given == before and sent is not given and sent[1] is not given[1]
    assert strict_errors(sent) == [] and sent[1]["tool_calls"][0]["id"] == "call_2"
