"""The gateway's parts: keys (file and CLI), rate buckets, metrics text, the wire format, redacted storage."""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
import pytest
import yaml
from click.testing import CliRunner
from tests.gateway.conftest import KEYS, Served, make_app, registry, spec
from tests.gateway.upstream import Reply, ScriptedUpstream

from charter.checks import Span
from charter.cli._serve import serve
from charter.exceptions import ConfigError
from charter.gateway import (
    ApiKey,
    GatewayConfig,
    Metrics,
    TokenBucket,
    add_key,
    create_app,
    hash_key,
    load_keys,
    save_keys,
)
from charter.gateway._wire import BadRequest, mask_segments, parse_messages, reply_segments
from charter.store import Store

# -- keys --------------------------------------------------------------------------------------------


def test_keys_add_prints_the_key_once_and_stores_only_its_hash(tmp_path: Path) -> None:
    keys = tmp_path / "keys.yaml"
    result = CliRunner().invoke(
        serve, ["keys", "add", "--keys", str(keys), "--tenant", "acme", "--profile", "kids", "--rpm", "30"]
    )
    assert result.exit_code == 0, result.output
    key = result.stdout.strip()
    assert re.fullmatch(r"ck-[A-Za-z0-9_-]{43}", key)
    text = keys.read_text()
    assert key not in text and hash_key(key) in text
    assert keys.stat().st_mode & 0o077 == 0
    (record,) = load_keys(keys)
    assert (record.tenant, record.profile, record.rpm, record.id) == ("acme", "kids", 30, key[:11])
    listed = CliRunner().invoke(serve, ["keys", "list", "--keys", str(keys)])
    assert listed.exit_code == 0 and "acme" in listed.stdout and key not in listed.stdout
    second, _ = add_key(keys, tenant="beta")
    assert second != key and [k.tenant for k in load_keys(keys)] == ["acme", "beta"]


def test_keys_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="charter serve keys add"):
        load_keys(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump({"version": 1, "keys": [{"id": "k", "sha256": "nothex", "tenant": "a"}]}))
    with pytest.raises(ConfigError, match="sha256"):
        load_keys(bad)
    twice = ApiKey.from_secret("ck-x", tenant="a")
    bad.write_text(yaml.safe_dump({"version": 1, "keys": [twice.model_dump(), twice.model_dump()]}))
    with pytest.raises(ConfigError, match="twice"):
        load_keys(bad)
    result = CliRunner().invoke(
        serve, ["keys", "add", "--keys", str(tmp_path / "k.yaml"), "--tenant", "bad tenant"]
    )
    assert result.exit_code == 2 and "tenant" in result.output


def test_serve_needs_an_upstream_and_valid_settings(tmp_path: Path) -> None:
    result = CliRunner().invoke(serve, [])
    assert result.exit_code == 2 and "--upstream" in result.output
    result = CliRunner().invoke(serve, ["--upstream", "ftp://nowhere"])
    assert result.exit_code == 2 and "upstream" in result.output
    result = CliRunner().invoke(
        serve,
        [
            "--upstream",
            "http://127.0.0.1:1/v1",
            "--keys",
            str(tmp_path / "none.yaml"),
            "--store",
            str(tmp_path / "s.db"),
        ],
    )
    assert result.exit_code == 2 and "keys add" in result.output


def test_create_app_checks_profiles(tmp_path: Path, store: Store) -> None:
    config = GatewayConfig(upstream="http://127.0.0.1:1/v1", profiles_dir=tmp_path)
    with pytest.raises(ConfigError, match="'ghost'"):
        create_app(
            config,
            keys=[ApiKey.from_secret("ck-1", tenant="t", profile="ghost")],
            spec=spec(),
            registry=registry(),
            store=store,
        )
    (tmp_path / "rooty.yaml").write_text("name: rooty\ndisable: [secret]\n")
    with pytest.raises(ConfigError, match="cannot be changed by a developer"):
        create_app(
            config,
            keys=[ApiKey.from_secret("ck-1", tenant="t", profile="rooty")],
            spec=spec(),
            registry=registry(),
            store=store,
        )
    (tmp_path / "calm.yaml").write_text("name: calm\ndisable: [no_darn]\n")
    app = create_app(
        config,
        keys=[ApiKey.from_secret("ck-1", tenant="t", profile="calm")],
        spec=spec(),
        registry=registry(),
        store=store,
    )
    (client,) = app.clients.values()
    assert client.guard.profile.disable == ["no_darn"] and client.guard.tenant == "t"


# -- rate buckets and metrics ------------------------------------------------------------------------


def test_keys_file_changes_are_picked_up_without_a_restart(
    tmp_path: Path, upstream: ScriptedUpstream, store: Store
) -> None:
    keys = tmp_path / "keys.yaml"
    first, _ = add_key(keys, tenant="acme")
    config = GatewayConfig(upstream=upstream.url, keys_file=keys, keys_reload_s=0.05)
    app = create_app(config, spec=spec(), registry=registry(), store=store)
    with Served(app) as served:

        def status(key: str) -> int:
            body = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}
            headers = {"authorization": f"Bearer {key}"}
            return httpx.post(f"{served.base_url}/chat/completions", json=body, headers=headers).status_code

        def eventually(key: str, expected: int) -> None:
            deadline = time.monotonic() + 5
            while status(key) != expected:
                assert time.monotonic() < deadline, f"key still answers {status(key)}, not {expected}"
                time.sleep(0.05)

        kept = app.clients[hash_key(first)]
        second, _ = add_key(keys, tenant="globex")  # added while serving
        eventually(second, 200)
        assert app.clients[hash_key(first)] is kept  # an unchanged key keeps its client and rate bucket
        keys.write_text("keys: [this is not a key]\n", encoding="utf-8")  # unusable: the keys in use stay
        time.sleep(0.3)
        assert status(first) == 200 and status(second) == 200
        save_keys(keys, [])  # a valid file with no keys revokes them all
        eventually(first, 401)
        assert status(second) == 401


def test_keys_file_is_read_once_it_stops_changing(
    tmp_path: Path, upstream: ScriptedUpstream, store: Store
) -> None:
    keys = tmp_path / "keys.yaml"
    first, _ = add_key(keys, tenant="acme")
    config = GatewayConfig(upstream=upstream.url, keys_file=keys)
    app = create_app(config, spec=spec(), registry=registry(), store=store)
    assert not app.reload_keys()  # unchanged
    second, _ = add_key(keys, tenant="globex")
    assert not app.reload_keys() and hash_key(second) not in app.clients  # changed: look once more
    assert app.reload_keys() and hash_key(second) in app.clients  # the same on the next look: read
    stored = load_keys(keys)
    keys.write_text("", encoding="utf-8")  # an editor's half-written file...
    assert not app.reload_keys()
    save_keys(keys, stored)  # ...complete before the next look: never read empty
    assert not app.reload_keys()
    app.reload_keys()
    assert {hash_key(first), hash_key(second)} <= set(app.clients)


def test_a_changed_profile_file_is_picked_up_and_an_unusable_one_changes_nothing(
    tmp_path: Path, store: Store
) -> None:
    from charter.chat import Conversation, Message, Role

    keys = tmp_path / "keys.yaml"
    key, _ = add_key(keys, tenant="acme", profile="calm", rpm=60)
    profile = tmp_path / "calm.yaml"
    profile.write_text("name: calm\ndisable: [no_darn]\n", encoding="utf-8")
    config = GatewayConfig(upstream="http://127.0.0.1:1/v1", keys_file=keys, profiles_dir=tmp_path)
    app = create_app(config, spec=spec(), registry=registry(), store=store)
    conversation = Conversation(messages=[Message(role=Role.USER, content="say it")])

    def action() -> str:
        return app.clients[hash_key(key)].guard.check_output(conversation, "darn it").action

    bucket = app.clients[hash_key(key)].bucket
    assert action() == "allow" and not app.reload_keys()
    profile.write_text("name: calm\n", encoding="utf-8")  # the developer turns the rule back on
    assert not app.reload_keys() and action() == "allow"  # changed: looked at once more first
    assert app.reload_keys() and action() == "block"
    assert app.clients[hash_key(key)].bucket is bucket  # the key keeps its rate-limit bucket
    profile.write_text("name: calm\ndisable: [secret]\n", encoding="utf-8")  # more than the spec allows
    assert not app.reload_keys() and not app.reload_keys()
    assert action() == "block" and app.clients[hash_key(key)].guard.profile.disable == []


def test_stream_feed_steps_grow_with_the_reply() -> None:
    from charter.gateway._stream import _Choice

    choice = _Choice(monitor=None)  # type: ignore[arg-type]  # due() does not touch the monitor
    choice.fed_at = 100.0
    choice.pending_chars = 31
    assert not choice.due(100.01)
    choice.pending_chars = 32
    assert choice.due(100.01)  # short replies: every 32 characters...
    choice.pending_chars = 1
    assert not choice.due(100.09)
    assert choice.due(100.11)  # ...or 100 ms
    choice.fed_chars = 4096  # a long reply: steps eight times as large
    choice.pending_chars = 255
    assert not choice.due(100.79)
    assert choice.due(100.81)
    choice.pending_chars = 256
    assert choice.due(100.01)


def test_token_bucket() -> None:
    bucket = TokenBucket(120)  # 2 per second, bursts of 120
    assert all(bucket.take() == 0 for _ in range(120))
    wait = bucket.take()
    assert 0 < wait <= 0.5
    bucket.tokens, bucket.stamp = 0.0, time.monotonic() - 1.0  # one second later: two tokens
    assert bucket.take() == 0 and bucket.take() == 0 and bucket.take() > 0
    unlimited = TokenBucket(0)
    assert all(unlimited.take() == 0 for _ in range(10_000))


def test_metrics_text_format() -> None:
    metrics = Metrics()
    metrics.requests.inc((("action", "allow"), ("tenant", 'we"ird\\')))
    metrics.requests.inc((("action", "allow"), ("tenant", 'we"ird\\')))
    metrics.duration.observe(0.004, (("stream", "false"),))
    metrics.duration.observe(99.0, (("stream", "false"),))
    text = metrics.render()
    assert 'charter_gateway_requests_total{action="allow",tenant="we\\"ird\\\\"} 2' in text
    assert 'charter_gateway_request_duration_seconds_bucket{stream="false",le="0.0025"} 0' in text
    assert 'charter_gateway_request_duration_seconds_bucket{stream="false",le="0.005"} 1' in text
    assert 'charter_gateway_request_duration_seconds_bucket{stream="false",le="30.0"} 1' in text
    assert 'charter_gateway_request_duration_seconds_bucket{stream="false",le="+Inf"} 2' in text
    assert 'charter_gateway_request_duration_seconds_count{stream="false"} 2' in text
    assert "charter_gateway_in_flight_requests 0" in text
    assert text.endswith("\n")


# -- the wire format -----------------------------------------------------------------------------------


def test_parse_messages_and_mask_back_into_place() -> None:
    items = [
        {"role": "developer", "content": "Be brief."},
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "look:"},
                {"type": "image_url", "image_url": {}},
                {"type": "text", "text": "SECRET here"},
            ],
        },
        {
            "role": "assistant",
            "content": "calling",
            "tool_calls": [
                {"id": "c", "type": "function", "function": {"name": "f", "arguments": '{"q": "SECRET"}'}}
            ],
        },
        {"role": "function", "name": "f", "content": "result"},
    ]
    messages, segments = parse_messages(items)
    assert [m.role.value for m in messages] == ["developer", "user", "assistant", "tool"]
    assert messages[1].content == "look:\nSECRET here"
    assert messages[2].content == 'calling\n{"q": "SECRET"}' and messages[3].name == "f"
    user = dict(items[1])
    user["content"] = list(user["content"])  # type: ignore[arg-type]
    start = messages[1].content.index("SECRET")
    assert mask_segments(user, segments[1], [(Span(start=start, end=start + 6, text="SECRET"), "x")])
    assert user["content"][2] == {"type": "text", "text": "[REDACTED:x] here"}
    assert user["content"][0] == {"type": "text", "text": "look:"}
    text, reply = reply_segments(items[2])
    at = text.index("SECRET")
    copy = {**items[2], "tool_calls": list(items[2]["tool_calls"])}  # type: ignore[arg-type]
    mask_segments(copy, reply, [(Span(start=at, end=at + 6, text="SECRET"), "y")])
    assert copy["tool_calls"][0]["function"]["arguments"] == '{"q": "[REDACTED:y]"}'
    assert items[2]["tool_calls"][0]["function"]["arguments"] == '{"q": "SECRET"}'  # type: ignore[index]


@pytest.mark.parametrize(
    ("messages", "param"),
    [
        ("hi", "messages"),
        ([], "messages"),
        (["hi"], "messages[0]"),
        ([{"role": "robot", "content": "x"}], "messages[0].role"),
        ([{"role": "user", "content": {"a": 1}}], "messages[0].content"),
        ([{"role": "user", "content": [{"type": "text", "text": 3}]}], "messages[0].content[0]"),
        ([{"role": "assistant", "tool_calls": "x"}], "messages[0].tool_calls"),
        ([{"role": "user", "content": "x", "name": 3}], "messages[0].name"),
    ],
)
def test_parse_messages_rejects(messages: object, param: str) -> None:
    with pytest.raises(BadRequest) as caught:
        parse_messages(messages)
    assert caught.value.param == param


# -- redacted storage ------------------------------------------------------------------------------------


def test_redact_store_masks_personal_data_in_the_record(upstream: ScriptedUpstream, store: Store) -> None:
    app = make_app(upstream, store, redact_store=True)
    upstream.push(Reply(content="Sure, I will call you on +44 20 7946 0958."))
    with Served(app) as gateway:
        response = httpx.post(
            f"{gateway.base_url}/chat/completions",
            json={"model": "m", "messages": [{"role": "user", "content": "I am carol@example.net, call me"}]},
            headers={"authorization": f"Bearer {KEYS['acme']}"},
        )
    assert response.status_code == 200
    assert response.json()["choices"][0]["message"]["content"] == "Sure, I will call you on +44 20 7946 0958."
    record = store.get_decision(response.headers["x-charter-decision-id"])
    assert record is not None
    text = record.model_dump_json()
    assert "carol@example.net" not in text and "7946 0958" not in text
    assert "call me" in text  # the rest is kept
    # the upstream got the request as sent
    assert upstream.received[0].body is not None
    assert upstream.received[0].body["messages"][0]["content"] == "I am carol@example.net, call me"


def test_default_model_and_models_fallback(upstream: ScriptedUpstream, store: Store) -> None:
    app = make_app(upstream, store, model="house-model")
    with Served(app) as gateway:
        headers = {"authorization": f"Bearer {KEYS['acme']}"}
        response = httpx.post(
            f"{gateway.base_url}/chat/completions",
            json={"messages": [{"role": "user", "content": "x"}]},
            headers=headers,
        )
        assert response.status_code == 200
        assert upstream.received[0].body is not None and upstream.received[0].body["model"] == "house-model"
        app.upstream.base_url = "http://127.0.0.1:1/v1"  # the upstream cannot list models now
        models = httpx.get(f"{gateway.base_url}/models", headers=headers).json()
        assert [m["id"] for m in models["data"]] == ["house-model"]
        assert httpx.get(f"{gateway.base_url}/models").status_code == 401


def test_json_is_expected_only_when_the_request_asks_for_it(upstream: ScriptedUpstream, store: Store) -> None:
    from charter.gateway import ApiKey
    from charter.spec import parse_spec

    text = (
        "# R {#r}\n\n## Machine-readable output {#format authority=developer}\n\n"
        "```charter\nchecks:\n  - name: json_schema\n    params: {when: asked}\naction: flag\n```\n"
    )
    app = create_app(
        GatewayConfig(upstream=upstream.url, upstream_timeout_s=2.0),
        keys=[ApiKey.from_secret(KEYS["acme"], tenant="acme", rpm=0)],
        spec=parse_spec(text, source="format.md"),
        store=store,
    )
    headers = {"authorization": f"Bearer {KEYS['acme']}"}
    prose = [{"role": "user", "content": "Name a colour."}]
    asked = [{"role": "system", "content": "Answer with a JSON object."}, *prose]
    cases = [
        ({"messages": prose}, "allow"),  # nothing asks for JSON: a prose reply is fine
        ({"messages": prose, "response_format": {"type": "json_object"}}, "flag"),
        ({"messages": asked}, "flag"),
        ({"messages": prose, "response_format": {"type": "json_object"}, "stream": True}, "flag"),
    ]
    with Served(app) as gateway:
        for body, expected in cases:
            upstream.push(Reply(content="Blue, like the sky."))
            response = httpx.post(
                f"{gateway.base_url}/chat/completions", json={"model": "m", **body}, headers=headers
            )
            assert response.status_code == 200
            decision = store.get_decision(response.headers["x-charter-decision-id"])
            assert decision is not None and decision.action == expected, body


def test_serve_warns_when_the_spec_enforces_nothing(tmp_path: Path, store: Store) -> None:
    from charter.cli._serve import enforcement_note
    from charter.spec import parse_spec

    config = GatewayConfig(upstream="http://127.0.0.1:1/v1")
    keys = [ApiKey.from_secret("ck-1", tenant="t")]
    checked = create_app(config, keys=keys, spec=spec(), registry=registry(), store=store)
    assert enforcement_note(checked) is None
    prose = parse_spec("# Be kind {#kind authority=user}\n\nBe kind.\n", source="prose.md")
    bare = create_app(config, keys=keys, spec=prose, registry=registry(), store=store)
    note = enforcement_note(bare)
    assert note is not None and "none is enforced" in note
