"""Upstream and store faults, and secrets: clean OpenAI-style errors, a stored decision, never a crash."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import httpx
import openai
import pytest
from tests.gateway.conftest import KEYS, PROFILES, UPSTREAM_KEY, Served, api_keys, make_app
from tests.gateway.upstream import Reply, ScriptedUpstream, free_port

from charter.checks import Check, CheckVerdict, Registry, Sample
from charter.gateway import GatewayConfig, create_app
from charter.spec import parse_spec
from charter.store import Store, open_store

MODEL = "scripted-model"
USER = [{"role": "user", "content": "Hello there"}]


@pytest.fixture(scope="module")
def fast(
    upstream: ScriptedUpstream, store: Store, monkeypatch_module: pytest.MonkeyPatch
) -> Iterator[Served]:
    """A gateway that gives up on the upstream after 0.3 s."""
    monkeypatch_module.setenv("CHARTER_UPSTREAM_API_KEY", UPSTREAM_KEY)
    with Served(make_app(upstream, store, upstream_timeout_s=0.3)) as served:
        yield served


def post(gateway: Served, **extra: Any) -> httpx.Response:
    body = {"model": MODEL, "messages": USER, **extra}
    headers = {"authorization": f"Bearer {KEYS['acme']}"}
    return httpx.post(f"{gateway.base_url}/chat/completions", json=body, headers=headers, timeout=10)


def error_of(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"message", "type", "param", "code"}
    return dict(body["error"])


def stored_error(store: Store, response: httpx.Response) -> dict[str, Any]:
    record = store.get_decision(response.headers["x-charter-decision-id"])
    assert record is not None and record.action == "error"
    if response.status_code != 200:  # a stream that started sent the input's action in its headers
        assert response.headers["x-charter-action"] == "error"
    error = record.payload["error"]
    assert isinstance(error, dict)
    return error


def test_upstream_timeout(fast: Served, upstream: ScriptedUpstream, store: Store) -> None:
    upstream.push(Reply(delay=1.5))
    started = time.monotonic()
    response = post(fast)
    assert time.monotonic() - started < 1.4
    assert error_of(response, 504)["code"] == "upstream_timeout"
    assert stored_error(store, response)["kind"] == "timeout"
    with pytest.raises(openai.InternalServerError):  # what the SDK makes of a 504
        upstream.push(Reply(delay=1.5))
        openai.OpenAI(base_url=fast.base_url, api_key=KEYS["acme"], max_retries=0).chat.completions.create(
            model=MODEL,
            messages=USER,  # type: ignore[arg-type]
        )


def test_upstream_timeout_on_a_stream(fast: Served, upstream: ScriptedUpstream, store: Store) -> None:
    upstream.push(Reply(delay=1.5))
    response = post(fast, stream=True)
    assert error_of(response, 504)["code"] == "upstream_timeout"
    assert stored_error(store, response)["kind"] == "timeout"


@pytest.mark.parametrize("status", [500, 503])
def test_upstream_5xx(fast: Served, upstream: ScriptedUpstream, store: Store, status: int) -> None:
    upstream.push(Reply(status=status, body=b'{"error": {"message": "overloaded"}}'))
    response = post(fast)
    error = error_of(response, 502)
    assert error["code"] == "upstream_error" and str(status) in error["message"]
    assert stored_error(store, response)["status"] == status


def test_upstream_4xx_is_passed_on(fast: Served, upstream: ScriptedUpstream, store: Store) -> None:
    body = {
        "error": {
            "message": "model 'x' does not exist",
            "type": "invalid_request_error",
            "param": "model",
            "code": "model_not_found",
        }
    }
    upstream.push(Reply(status=404, body=json.dumps(body).encode()))
    response = post(fast)
    assert error_of(response, 404) == body["error"]
    stored_error(store, response)


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2, 3]", b'{"choices": []}', b""])
def test_upstream_malformed_json(fast: Served, upstream: ScriptedUpstream, store: Store, raw: bytes) -> None:
    upstream.push(Reply(body=raw))
    response = post(fast)
    assert error_of(response, 502)["code"] == "upstream_malformed"
    assert stored_error(store, response)["kind"] == "malformed"


def test_upstream_unreachable(upstream: ScriptedUpstream, store: Store) -> None:
    app = make_app(upstream, store)
    app.upstream.base_url = f"http://127.0.0.1:{free_port()}/v1"
    with Served(app) as gateway:
        response = post(gateway)
        assert error_of(response, 502)["code"] == "upstream_unreachable"
        assert stored_error(store, response)["kind"] == "unreachable"
        response = post(gateway, stream=True)
        assert error_of(response, 502)["code"] == "upstream_unreachable"


def _stream_events(response: httpx.Response) -> list[str]:
    return [e for e in response.text.split("\n\n") if e]


def test_connection_dropped_mid_stream(fast: Served, upstream: ScriptedUpstream, store: Store) -> None:
    upstream.push(Reply(content="word " * 60, chunk_chars=5, drop_after=20))
    response = post(fast, stream=True)
    assert response.status_code == 200
    events = _stream_events(response)
    assert "data: [DONE]" not in events
    last = json.loads(events[-1].removeprefix("data: "))
    assert set(last) == {"error"} and last["error"]["code"] == "upstream_disconnected"
    assert set(last["error"]) == {"message", "type", "param", "code"}
    error = stored_error(store, response)
    assert error["kind"] == "disconnected"
    record = store.get_decision(response.headers["x-charter-decision-id"])
    assert record is not None and record.payload["response"][0]["content"].startswith("word word")
    # what the SDK makes of it: an APIError raised while iterating, after the released text
    upstream.push(Reply(content="word " * 60, chunk_chars=5, drop_after=20))
    client = openai.OpenAI(base_url=fast.base_url, api_key=KEYS["acme"], max_retries=0)
    received = ""
    with pytest.raises(openai.APIError, match="upstream"):
        for chunk in client.chat.completions.create(model=MODEL, messages=USER, stream=True):  # type: ignore[arg-type]
            received += chunk.choices[0].delta.content or "" if chunk.choices else ""
    assert received.startswith("word word")


def test_malformed_chunk_mid_stream(fast: Served, upstream: ScriptedUpstream, store: Store) -> None:
    upstream.push(Reply(content="word " * 30, chunk_chars=5, garbage_at=5))
    response = post(fast, stream=True)
    last = json.loads(_stream_events(response)[-1].removeprefix("data: "))
    assert last["error"]["code"] == "upstream_malformed"
    assert stored_error(store, response)["kind"] == "malformed"


def test_stream_stalls_past_the_timeout(fast: Served, upstream: ScriptedUpstream, store: Store) -> None:
    upstream.push(Reply(content="slow " * 10, chunk_chars=5, chunk_delay=0.6))
    response = post(fast, stream=True)
    last = json.loads(_stream_events(response)[-1].removeprefix("data: "))
    assert last["error"]["code"] == "upstream_timeout"
    assert stored_error(store, response)["kind"] == "timeout"


def test_client_disconnect_mid_stream_is_recorded(
    fast: Served, upstream: ScriptedUpstream, store: Store
) -> None:
    upstream.push(Reply(content="tick " * 40, chunk_chars=5, chunk_delay=0.02))
    body = {"model": MODEL, "messages": USER, "stream": True}
    headers = {"authorization": f"Bearer {KEYS['acme']}"}
    with (
        httpx.Client(timeout=10) as client,
        client.stream("POST", f"{fast.base_url}/chat/completions", json=body, headers=headers) as response,
    ):
        decision_id = response.headers["x-charter-decision-id"]
        next(response.iter_raw())
    deadline = time.monotonic() + 5
    record = store.get_decision(decision_id)
    while record is None and time.monotonic() < deadline:
        time.sleep(0.05)
        record = store.get_decision(decision_id)
    assert record is not None and record.action == "error"
    assert record.payload["error"]["kind"] == "client_disconnected"


def test_store_failure_withholds_the_reply(upstream: ScriptedUpstream, tmp_path: Path) -> None:
    broken = open_store(tmp_path / "broken.db")
    app = make_app(upstream, broken)
    broken.close()  # every append now fails
    with Served(app) as gateway:
        response = post(gateway)
        assert error_of(response, 503)["code"] == "store_error"
        upstream.push(Reply(content="a streamed reply that must not finish"))
        streamed = post(gateway, stream=True)
        last = json.loads(_stream_events(streamed)[-1].removeprefix("data: "))
        assert last["error"]["code"] == "store_error"
        assert "data: [DONE]" not in streamed.text
        metrics = httpx.get(f"http://127.0.0.1:{gateway.port}/metrics").text
        assert "charter_gateway_store_errors_total 2" in metrics


def test_upstream_key_never_reaches_clients_logs_or_the_store(
    gateway: Served, upstream: ScriptedUpstream, store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    leaky = json.dumps(
        {"error": {"message": f"bad key {UPSTREAM_KEY} for this org", "type": "x", "code": "y"}}
    )
    upstream.push(
        Reply(),
        Reply(status=500, body=leaky.encode()),
        Reply(status=400, body=leaky.encode()),
        Reply(status=429, body=leaky.encode(), headers={"retry-after": "2"}),
        Reply(content=f"echo {UPSTREAM_KEY[:10]}", chunk_chars=3),
    )
    responses = [post(gateway), post(gateway), post(gateway), post(gateway), post(gateway, stream=True)]
    assert [r.status_code for r in responses] == [200, 502, 400, 429, 200]
    assert responses[3].headers["retry-after"] == "2"
    # the upstream key is used upstream ...
    assert upstream.received[0].headers["authorization"] == f"Bearer {UPSTREAM_KEY}"
    # ... and nowhere else
    for response in responses:
        assert UPSTREAM_KEY not in response.text
        assert UPSTREAM_KEY not in json.dumps(dict(response.headers))
    assert "[upstream key]" in responses[1].text
    assert UPSTREAM_KEY not in caplog.text
    assert UPSTREAM_KEY not in repr(gateway.app) and UPSTREAM_KEY not in repr(gateway.app.upstream)
    for record in store.iter_decisions():
        assert UPSTREAM_KEY not in record.model_dump_json()


class BoomCheck(Check):
    """Test check that crashes (a bug, not a CharterError) when the reply says BOOM; streamable."""

    name = "boom"
    streamable: ClassVar[bool] = True

    async def evaluate(self, sample: Sample) -> CheckVerdict:
        if "BOOM" in sample.reply:
            raise RuntimeError("the check blew up")
        return self.verdict(label="ok", score=0.0, passed=True)


BOOM_SPEC = """\
# Boom {#boom_rules}

## Never explode {#boom authority=root}

```charter
checks: [boom]
action: block
severity: low
```
"""


@pytest.mark.parametrize("stream", [False, True])
def test_a_crashing_check_gives_a_clean_error_and_a_record(
    upstream: ScriptedUpstream, store: Store, stream: bool, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(
        GatewayConfig(upstream=upstream.url),
        keys=api_keys(),
        spec=parse_spec(BOOM_SPEC, source="boom.md"),
        registry=Registry({"boom": BoomCheck}),
        store=store,
        profiles=PROFILES,
    )
    upstream.push(Reply(content="all fine until BOOM and then more text to stream out " * 3))
    with Served(app) as gateway:
        response = post(gateway, stream=stream)
        assert "internal error" in caplog.text
        record = store.get_decision(response.headers["x-charter-decision-id"])
        assert record is not None and record.action == "error"
        assert record.payload["error"]["code"] == "internal_error"
        if stream:
            last = json.loads(_stream_events(response)[-1].removeprefix("data: "))
            assert last["error"]["code"] == "internal_error"
        else:
            assert error_of(response, 500)["code"] == "internal_error"
        # and the gateway goes on serving
        upstream.push(Reply(content="calm"))
        assert post(gateway).json()["choices"][0]["message"]["content"] == "calm"
