from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import pytest

from charter.chat import Message, Role
from charter.checks._rubric import RubricAnswer
from charter.exceptions import ConfigError, ProviderError, ProviderTimeout, RateLimited
from charter.providers import GenerationParams, MockProvider, builtin_scripts, create_provider


def ask(p: Any, *texts: str, params: GenerationParams | None = None) -> list[str]:
    async def go() -> list[str]:
        return [(await p.complete([Message(role=Role.USER, content=t)], params=params)).text for t in texts]

    return asyncio.run(go())


def test_builtin_scripts_are_shipped() -> None:
    assert {"echo", "judge"} <= set(builtin_scripts())


def test_echo() -> None:
    echo = create_provider("mock/echo")
    assert echo.name == "mock/echo"
    assert ask(echo, "hello world", "again") == ["You said: hello world", "You said: again"]
    assert asyncio.run(echo.complete_text("plain")) == "You said: plain"


def test_judge_script_answers_valid_rubric_json_and_pairwise_json() -> None:
    judge = create_provider("mock/judge")
    (text,) = ask(judge, "Grade this <reply>\nhi\n</reply>")
    answer = RubricAnswer.model_validate(json.loads(text))
    assert 1 <= answer.score <= 5 and answer.reasoning
    (pair,) = ask(judge, "<reply_a>\nx\n</reply_a>\n<reply_b>\ny\n</reply_b>")
    assert json.loads(pair)["better"] in ("A", "B", "tie")


def test_rules_first_match_cycling_and_default() -> None:
    p = MockProvider(
        {
            "rules": [
                {"match": "(?i)weather", "reply": ["sunny", "rainy"]},
                {"match": "weather|time", "reply": "never reached for weather"},
                {"match": r"my name is (?P<name>\w+)", "reply": "Hi {{name}} ({{1}})"},
            ],
            "default": "no idea about {{last_user}}",
        }
    )
    replies = ask(p, "Weather?", "time?", "weather now", "my name is Ada", "weather", "pie")
    assert replies == [
        "sunny",
        "never reached for weather",
        "rainy",
        "Hi Ada (Ada)",
        "sunny",
        "no idea about pie",
    ]
    assert [c.rule for c in p.calls] == [0, 1, 0, 2, 0, None]
    assert p.calls[3].messages[0].content == "my name is Ada"


def test_match_only_last_user_message_unless_match_all() -> None:
    script = {
        "rules": [
            {"match": "(?m)^developer: .*pirate", "match_all": True, "reply": "Arr"},
            {"match": "pirate", "reply": "last user mentioned pirates"},
        ],
        "default": "plain",
    }
    p = MockProvider(script)
    conversation = [
        Message(role=Role.USER, content="pirate talk please"),
        Message(role=Role.ASSISTANT, content="ok"),
        Message(role=Role.USER, content="hello"),
    ]

    async def go(messages: list[Message]) -> str:
        return (await p.complete(messages)).text

    assert asyncio.run(go(conversation)) == "plain"
    developer = [Message(role=Role.DEVELOPER, content="Talk like a pirate"), *conversation]
    assert asyncio.run(go(developer)) == "Arr"
    assert asyncio.run(go([Message(role=Role.USER, content="a pirate?")])) == "last user mentioned pirates"


def test_deterministic_across_instances() -> None:
    script = {"rules": [{"match": "", "reply": ["a", "b", "c"]}]}
    first, second = MockProvider(script), MockProvider(script)
    assert ask(first, *"xyzw") == ask(second, *"xyzw") == ["a", "b", "c", "a"]


def test_simulated_errors() -> None:
    p = MockProvider(
        {
            "rules": [
                {"match": "busy", "error": 429, "retry_after": 2},
                {"match": "boom", "error": 500},
                {"match": "slow", "error": "timeout"},
            ],
            "default": "fine",
        }
    )
    with pytest.raises(RateLimited) as limited:
        ask(p, "busy")
    assert limited.value.retry_after == 2 and limited.value.status == 429
    with pytest.raises(ProviderError) as failed:
        ask(p, "boom")
    assert failed.value.status == 500 and not isinstance(failed.value, RateLimited)
    with pytest.raises(ProviderTimeout):
        ask(p, "slow")
    assert ask(p, "ok") == ["fine"]
    assert len(p.calls) == 4


def test_no_default_is_an_error_not_an_empty_reply() -> None:
    p = MockProvider({"rules": [{"match": "x", "reply": "y"}]})
    with pytest.raises(ProviderError, match="no rule matches"):
        ask(p, "z")


def test_latency_and_timeout() -> None:
    p = MockProvider({"default": "hi", "latency_ms": 60})
    start = time.perf_counter()
    completion = asyncio.run(p.complete([Message(role=Role.USER, content="x")]))
    assert time.perf_counter() - start >= 0.055 and completion.latency_ms >= 55
    fast = create_provider("mock/echo", latency_ms=0)
    assert asyncio.run(fast.complete([Message(role=Role.USER, content="x")])).latency_ms < 50
    with pytest.raises(ProviderTimeout, match=r"0\.01s"):
        ask(p, "x", params=GenerationParams(timeout=0.01))


def test_script_files_yaml_and_json(tmp_path: Path) -> None:
    yaml_file = tmp_path / "script.yaml"
    yaml_file.write_text("rules:\n  - match: hi\n    reply: hello\ndefault: what?\n", encoding="utf-8")
    json_file = tmp_path / "script.json"
    json_file.write_text(json.dumps({"default": "from json"}), encoding="utf-8")
    from_yaml = create_provider(f"mock/{yaml_file}")
    assert ask(from_yaml, "hi", "bye") == ["hello", "what?"]
    assert ask(create_provider(f"mock/{json_file}"), "x") == ["from json"]
    with pytest.raises(ConfigError, match="cannot read"):
        create_provider(f"mock/{tmp_path / 'missing.yaml'}")


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ({"rules": [{"match": "(", "reply": "x"}]}, "invalid regex"),
        ({"rules": [{"match": "a", "reply": "x", "error": 500}]}, "exactly one"),
        ({"rules": [{"match": "a"}]}, "exactly one"),
        ({"rules": [{"match": "a", "error": 200}]}, "400-599"),
        ({"rules": [{"match": "a", "reply": "{{2}}"}]}, "unknown placeholder"),
        ({"default": "{{name}}"}, "unknown placeholder"),
        ({"rules": [], "colour": "red"}, "colour"),
        (["not", "a", "mapping"], "mapping"),
    ],
)
def test_invalid_scripts_are_config_errors(tmp_path: Path, script: object, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(json.dumps(script), encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        create_provider(f"mock/{path}")


def test_unknown_builtin_and_options() -> None:
    with pytest.raises(ConfigError, match=r"unknown mock script 'nope'.*echo.*judge"):
        create_provider("mock/nope")
    with pytest.raises(ConfigError, match="unknown option"):
        create_provider("mock/echo", base_url="http://localhost")
    with pytest.raises(ConfigError, match="latency_ms"):
        create_provider("mock/echo", latency_ms=-1)
