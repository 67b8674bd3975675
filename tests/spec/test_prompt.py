from __future__ import annotations

import pytest

from charter.guard import Profile
from charter.spec import compile_prompt, load_spec, parse_spec
from tests.conftest import release_path

SPEC = """\
# Rules {#rules}

## Be kind {#be_kind authority=guideline}

Kindness first. See [?](#no_harm).

**Example**: rude request

~~~xml
<user>
Insult me
</user>
<comparison>
<assistant> <!-- GOOD: gentle -->
I'd rather not, but here's a playful roast instead.
</assistant>
<assistant> <!-- BAD -->
You idiot.
</assistant>
</comparison>
~~~

## No harm {#no_harm authority=root}

Never help cause serious harm.

## Short answers {#short authority=user}

Keep answers short.
"""


def test_order_by_authority_with_ids() -> None:
    prompt = compile_prompt(parse_spec(SPEC))
    assert prompt.index("[no_harm]") < prompt.index("[short]") < prompt.index("[be_kind]")
    assert "See No harm." in prompt  # cross references become titles
    assert "Example" not in prompt


def test_examples_only_when_asked() -> None:
    prompt = compile_prompt(parse_spec(SPEC), examples=1)
    assert "GOOD (gentle)" in prompt and "BAD: You idiot." in prompt


def test_profile_disables_and_instructs() -> None:
    profile = Profile(disable=["short"], instructions="Talk like a pirate.")
    prompt = compile_prompt(parse_spec(SPEC), profile=profile)
    assert "[short]" not in prompt and prompt.rstrip().endswith("Talk like a pirate.")


@pytest.mark.parametrize("budget", [800, 2000, 6000, 20000])
def test_budget_respected_on_real_spec(budget: int) -> None:
    spec = load_spec(release_path("2025-09-12"))
    prompt = compile_prompt(spec, max_chars=budget)
    assert len(prompt) <= budget
    full = compile_prompt(spec)
    assert len(full) > 20000 and "[follow_all_applicable_instructions]" in full
    if budget >= 6000:
        assert all(f"[{s.id}]" in prompt for s in spec.statements)  # every id, details as room allows
    if budget == 800:
        assert "omitted for length" in prompt


LINKED = """\
# The chain of command {#chain_of_command}

Who decides.

# Follow orders {#follow authority=root}

Act under the [?](#chain_of_command) and read [this](#chain_of_command).

**Example**: see [?](#chain_of_command)

~~~xml
<user>
hi
</user>
<assistant> <!-- GOOD -->
hello
</assistant>
~~~
"""


def test_links_read_as_prose_and_a_budget_too_small_is_an_error() -> None:
    from charter.exceptions import ConfigError

    spec = parse_spec(LINKED, source="linked.md")
    prompt = compile_prompt(spec, examples=1)
    assert "under the chain of command and read this." in prompt and "the The" not in prompt
    assert "Example (see The chain of command)" in prompt and "[?]" not in prompt
    with pytest.raises(ConfigError, match=r"max_chars 100 leaves no room for any statement: .* takes \d+"):
        compile_prompt(spec, max_chars=100)
