"""``charter suite generate``: write an audit suite with an LLM test-maker, filtered for validity.

The test-maker writes prompts for each statement; a prompt is kept when the statement's rubric
judge can tell a GOOD reply to it from a BAD one, and when it is not a near-duplicate of a prompt
already kept. The suite is written atomically as JSONL of cases; a summary goes to stdout.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import click

from charter.audit._generate import GenerationReport, generate_cases
from charter.audit._suite import write_suite
from charter.cli._common import friendly_errors, open_spec
from charter.providers import Provider, create_provider, parse_provider_spec
from charter.spec import Spec

__all__ = ["DEFAULT_OUTPUT", "generate", "render_summary"]

DEFAULT_OUTPUT = "generated.jsonl"


def render_summary(report: GenerationReport, output: Path | None = None) -> str:
    """The human summary: generated, kept, dropped by reason, failed statements, kept per statement."""
    kept = len(report.cases)
    lines = [
        f"generated {report.total_generated} prompt(s) for {len(report.statements)} statement(s) "
        f"with {report.generator} (judge {report.judge}): kept {kept}, "
        f"dropped {report.total_generated - kept}"
    ]
    reasons = {r: c for r, c in report.dropped_by_reason().items() if r != "maker_failed"}
    if reasons:
        lines.append("dropped: " + ", ".join(f"{reason} {count}" for reason, count in reasons.items()))
    for failure in report.failed:
        lines.append(f"failed: {failure.statement}: {failure.detail}")
    per_statement = report.kept_per_statement()
    if per_statement:
        width = max(len(s) for s in per_statement)
        lines.append("kept per statement:")
        lines.extend(f"  {statement:<{width}}  {count}" for statement, count in per_statement.items())
    if output is not None:
        lines.append(f"wrote {kept} case(s) to {output}")
    return "\n".join(lines)


def _judge_base_url(
    model: str, judge_model: str, base_url: str | None, judge_base_url: str | None
) -> str | None:
    """The judge's endpoint: ``--judge-base-url``, else ``--base-url`` when both use the same scheme."""
    if judge_base_url is not None:
        return judge_base_url
    if base_url is not None and parse_provider_spec(model)[0] == parse_provider_spec(judge_model)[0]:
        return base_url
    return None


async def _run(
    spec: Spec,
    model: str,
    base_url: str | None,
    judge_model: str | None,
    judge_base_url: str | None,
    *,
    per_statement: int,
    statements: tuple[str, ...],
    dedupe: float,
    seed: int,
    concurrency: int,
) -> GenerationReport:
    providers: list[Provider] = []
    try:
        maker = create_provider(model, base_url=base_url)
        providers.append(maker)
        judge: Provider | None = None
        if judge_model is not None:
            judge = create_provider(
                judge_model, base_url=_judge_base_url(model, judge_model, base_url, judge_base_url)
            )
            providers.append(judge)
        return await generate_cases(
            spec,
            maker,
            per_statement=per_statement,
            statements=list(statements) or None,
            judge=judge,
            dedupe_threshold=dedupe,
            seed=seed,
            concurrency=concurrency,
        )
    finally:
        for provider in providers:
            await provider.aclose()


@click.command("generate")
@click.argument("spec_path", metavar="[SPEC]", required=False)
@click.option(
    "--model",
    required=True,
    metavar="PROVIDER",
    help="Provider spec of the test-maker (it also writes the GOOD/BAD replies), e.g. openai/gpt-4o.",
)
@click.option("--base-url", default=None, help="Base URL of an OpenAI-compatible endpoint for --model.")
@click.option(
    "--judge-model",
    default=None,
    metavar="PROVIDER",
    help="Provider spec of the rubric judge of the validity filter (default: --model).",
)
@click.option(
    "--judge-base-url",
    default=None,
    help="Base URL for --judge-model (default: --base-url when both use the same scheme).",
)
@click.option(
    "--per-statement",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Prompts the test-maker writes per statement.",
)
@click.option(
    "--statement",
    "statements",
    multiple=True,
    metavar="ID",
    help="Generate for this statement only; repeatable (default: every statement).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_OUTPUT,
    show_default=True,
    help="Suite file to write (JSONL of cases).",
)
@click.option(
    "--dedupe",
    type=click.FloatRange(0, 1, min_open=True),
    default=0.9,
    show_default=True,
    help="Similarity at or above which a prompt is dropped as a near-duplicate of a kept one.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed passed to every generation call.")
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=4,
    show_default=True,
    help="Statements or prompts worked on at once.",
)
@friendly_errors
def generate(
    spec_path: str | None,
    model: str,
    base_url: str | None,
    judge_model: str | None,
    judge_base_url: str | None,
    per_statement: int,
    statements: tuple[str, ...],
    output: Path,
    dedupe: float,
    seed: int,
    concurrency: int,
) -> None:
    """Generate an audit suite for SPEC ('default' or no argument: the bundled spec).

    For each statement the test-maker writes --per-statement diverse prompts; each prompt is kept
    only when the statement's rubric judge scores a GOOD reply to it at least 2 points above a BAD
    one, and when it is not a near-duplicate of a prompt already kept. Exits 1 (writing nothing)
    when no case is kept.
    """
    spec = open_spec(spec_path)
    report = asyncio.run(
        _run(
            spec,
            model,
            base_url,
            judge_model,
            judge_base_url,
            per_statement=per_statement,
            statements=statements,
            dedupe=dedupe,
            seed=seed,
            concurrency=concurrency,
        )
    )
    if not report.cases:
        click.echo(render_summary(report))
        click.echo(f"error: no generated case was kept; {output} was not written", err=True)
        raise SystemExit(1)
    write_suite(report.cases, output)
    click.echo(render_summary(report, output))
