"""``charter spec``: lint, show, diff, render and compile a spec."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from charter.cli._common import friendly_errors, open_spec
from charter.spec import AUTHORITIES, Spec, compile_prompt, lint_spec

__all__ = ["spec"]

_SPEC_ARG = click.argument("file", required=False, metavar="[FILE]")


@click.group("spec")
def spec() -> None:
    """Work with a spec file as code. FILE defaults to the bundled default spec."""


@spec.command("lint")
@_SPEC_ARG
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@friendly_errors
def lint_cmd(file: str | None, fmt: str, strict: bool) -> None:
    """Report problems as FILE:LINE: error|warning|note: message; exit 1 on errors."""
    loaded = open_spec(file)
    found = lint_spec(loaded)
    counts = Counter(d.severity for d in found)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "source": loaded.source,
                    "errors": counts["error"],
                    "warnings": counts["warning"],
                    "notes": counts["note"],
                    "diagnostics": [d.model_dump() for d in found],
                },
                indent=2,
            )
        )
    else:
        for diagnostic in found:
            click.echo(diagnostic.format())
        click.echo(
            f"{loaded.source}: {counts['error']} error(s), {counts['warning']} warning(s), "
            f"{counts['note']} note(s)",
            err=True,
        )
    if counts["error"] or (strict and counts["warning"]):
        sys.exit(1)


def summary_rows(loaded: Spec) -> list[tuple[str, str]]:
    """Headline counts of a spec, for ``spec show`` and the demo."""
    by_authority = Counter(s.authority for s in loaded.statements)
    responses = [r for e in loaded.examples for r in e.responses]
    checks = Counter(c.name for s in loaded.statements if s.charter for c in s.charter.checks)
    return [
        ("title", loaded.title),
        ("source", loaded.source),
        ("sha256", loaded.sha256[:16] + "…"),
        ("sections", str(len(loaded.sections))),
        ("statements", str(len(loaded.statements))),
        *((f"  {a}", str(by_authority[a])) for a in AUTHORITIES if by_authority[a]),
        ("examples", str(len(loaded.examples))),
        (
            "  GOOD / BAD replies",
            f"{sum(r.verdict == 'good' for r in responses)} / {sum(r.verdict == 'bad' for r in responses)}",
        ),
        ("eval prompts", str(sum(len(s.eval_prompts) for s in loaded.sections))),
        ("statements with checks", str(sum(1 for s in loaded.statements if s.charter and s.charter.checks))),
        ("  checks used", ", ".join(f"{k}×{v}" for k, v in sorted(checks.items())) or "-"),
    ]


def _table(rows: list[tuple[str, str]]) -> str:
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)


@spec.command("show")
@_SPEC_ARG
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@friendly_errors
def show_cmd(file: str | None, fmt: str) -> None:
    """Show the parsed spec: a summary and outline, or the public JSON (schema 1)."""
    loaded = open_spec(file)
    if fmt == "json":
        click.echo(json.dumps(loaded.to_public(), indent=2, ensure_ascii=False))
        return
    click.echo(_table(summary_rows(loaded)))
    click.echo("")
    for section in loaded.sections:
        indent = "  " * (section.level - 1)
        badge = f" [{section.authority}]" if section.authority else ""
        extra = []
        if section.examples:
            extra.append(f"{len(section.examples)} ex")
        if section.eval_prompts:
            extra.append(f"{len(section.eval_prompts)} eval")
        if section.charter and section.charter.checks:
            extra.append("checks: " + ",".join(c.name for c in section.charter.checks))
        tail = f"  ({'; '.join(extra)})" if extra else ""
        click.echo(f"{indent}{section.id}{badge}  {section.title}{tail}")


@spec.command("diff")
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@friendly_errors
def diff_cmd(old: str, new: str, fmt: str) -> None:
    """Statement-level change log from OLD to NEW."""
    from charter.spec import diff_specs

    result = diff_specs(open_spec(old), open_spec(new))
    if fmt == "json":
        click.echo(json.dumps(result.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        click.echo(result.to_markdown())


@spec.command("render")
@click.argument("files", nargs=-1, required=False)
@click.option(
    "-o", "--output", "out", type=click.Path(file_okay=False), required=True, help="Output directory."
)
@click.option("--title", default=None, help="Site title (default: the newest spec's title).")
@friendly_errors
def render_cmd(files: tuple[str, ...], out: str, title: str | None) -> None:
    """Render one or more versions (oldest first) as a static, offline HTML site."""
    from charter.report import render_site

    specs = [open_spec(f) for f in files] if files else [open_spec(None)]
    index = render_site(specs, Path(out), title=title)
    click.echo(str(index))


@spec.command("prompt")
@_SPEC_ARG
@click.option("--profile", type=click.Path(exists=True, dir_okay=False), help="Override profile (YAML).")
@click.option("--max-chars", type=click.IntRange(min=200), default=None, help="Character budget.")
@click.option(
    "--examples", type=click.IntRange(min=0), default=0, show_default=True, help="Examples per statement."
)
@friendly_errors
def prompt_cmd(file: str | None, profile: str | None, max_chars: int | None, examples: int) -> None:
    """Compile the spec into a system prompt, statements ordered by authority."""
    from charter.guard import load_profile

    loaded = open_spec(file)
    chosen = load_profile(profile).check(loaded) if profile else None
    click.echo(compile_prompt(loaded, profile=chosen, max_chars=max_chars, examples=examples), nl=False)
