from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from charter.cli import main
from tests.conftest import release_path

TINY = """\
# A {#a authority=user}

Say hi. See [?](#b).

**Example**: hi

~~~xml
<user>
hi
</user>
<comparison>
<assistant> <!-- GOOD -->
hello
</assistant>
<assistant> <!-- BAD: rude -->
what
</assistant>
</comparison>
~~~
"""


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "spec.md"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_lint_exit_codes_and_format(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(main, ["spec", "lint", write(tmp_path, TINY)])
    assert bad.exit_code == 1
    assert f"{tmp_path / 'spec.md'}:3: error: reference [?](#b) points to no section" in bad.output
    clean = runner.invoke(main, ["spec", "lint", write(tmp_path, TINY.replace("[?](#b)", "[?](#a)"))])
    assert clean.exit_code == 0, clean.output
    data = json.loads(runner.invoke(main, ["spec", "lint", write(tmp_path, TINY), "--format", "json"]).output)
    assert data["errors"] == 1 and data["diagnostics"][0]["line"] == 3


def test_missing_file_is_a_friendly_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["spec", "show", str(tmp_path / "nope.md")])
    assert result.exit_code == 2 and "error: " in result.output and "Traceback" not in result.output


def test_show_json_contract_on_real_spec() -> None:
    path = release_path("2025-09-12")
    data = json.loads(CliRunner().invoke(main, ["spec", "show", str(path), "--format", "json"]).output)
    assert data["schema"] == 1 and len(data["sections"]) == 77
    authorities = {s["authority"] for s in data["sections"]}
    assert authorities == {"root", "system", "developer", "user", "guideline", None}
    assert sum(len(s["examples"]) for s in data["sections"]) == 173


def test_show_text_and_prompt(tmp_path: Path) -> None:
    runner = CliRunner()
    file = write(tmp_path, TINY)
    shown = runner.invoke(main, ["spec", "show", file])
    assert shown.exit_code == 0 and "a [user]  A" in shown.output
    prompt = runner.invoke(main, ["spec", "prompt", file, "--examples", "1"])
    assert "[a] A." in prompt.output and "BAD (rude): what" in prompt.output


def test_prompt_with_profile(tmp_path: Path) -> None:
    runner = CliRunner()
    file = write(tmp_path, TINY)
    profile = tmp_path / "p.yaml"
    profile.write_text("disable: [a]\ninstructions: Be brief.\n", encoding="utf-8")
    out = runner.invoke(main, ["spec", "prompt", file, "--profile", str(profile)])
    assert out.exit_code == 0 and "[a]" not in out.output and "Be brief." in out.output
    profile.write_text("disable: [ghost]\n", encoding="utf-8")
    refused = runner.invoke(main, ["spec", "prompt", file, "--profile", str(profile)])
    assert refused.exit_code == 2 and "'ghost' is not a statement" in refused.output


def test_init_writes_lint_clean_starter_and_never_overwrites(tmp_path: Path) -> None:
    runner = CliRunner()
    target = tmp_path / "proj"
    assert runner.invoke(main, ["init", str(target)]).exit_code == 0
    spec_file = target / "spec.md"
    spec_file.write_text(spec_file.read_text(encoding="utf-8") + "\n<!-- my edit -->\n", encoding="utf-8")
    again = runner.invoke(main, ["init", str(target)])
    assert again.exit_code == 2 and "refusing to overwrite" in again.output
    assert "my edit" in spec_file.read_text(encoding="utf-8")
    lint = runner.invoke(main, ["spec", "lint", str(spec_file), "--strict"])
    assert lint.exit_code == 0, lint.output
