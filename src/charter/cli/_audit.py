"""``charter audit``: run a model against a suite, report, compare runs, gate CI."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

import click

from charter._files import atomic_output
from charter.audit._compare import compare_runs
from charter.audit._gate import gate, markdown_summary, parse_thresholds
from charter.audit._metrics import AuditMetrics, compute_metrics
from charter.audit._records import Case
from charter.audit._runner import Prices, RunConfig, run_audit, write_progress_to
from charter.audit._suite import iter_suite
from charter.cli._common import friendly_errors, open_spec
from charter.exceptions import ConfigError
from charter.providers import GenerationParams, create_provider
from charter.spec import Spec, diff_specs
from charter.store import RunInfo, Store, open_store

__all__ = ["audit"]

DEFAULT_STORE = ".charter/charter.db"

_store_option = click.option(
    "--store", "store_url", default=DEFAULT_STORE, show_default=True, help="SQLite file or postgresql:// URL."
)


def _open(store_url: str, *, create: bool = False) -> Store:
    """The store, created (with its folder) only for a command that writes a run into it."""
    if create and "://" not in store_url:
        Path(store_url).parent.mkdir(parents=True, exist_ok=True)
    return open_store(store_url, create=create)


def _resolve_run(store: Store, run: str) -> str:
    """A run id from an id, a unique prefix or ``latest`` (StoreError otherwise)."""
    return store.find_run(run).run_id


def _validate_suite(path: Path) -> int:
    """Read the whole suite once (streaming) so a bad line fails before any run is created."""
    return sum(1 for _ in iter_suite(path))


def _changed_statements(old: str, spec: Spec) -> list[str]:
    """Statements the spec diff from OLD to the current spec says changed (added, renamed, edited)."""
    diff = diff_specs(open_spec(old), spec)
    ids: list[str] = [s.id for s in diff.added]
    ids += [r.new_id for r in diff.renamed]
    for group in (diff.authority_changed, diff.text_changed, diff.examples_changed, diff.charter_changed):
        ids += [change.id for change in group]
    ids += [m.id for m in diff.moved]
    return sorted(set(ids))


def load_run(store: Store, run_id: str, spec: Spec | None = None) -> tuple[list[Case], AuditMetrics]:
    cases = list(store.iter_cases(run_id))
    metrics = compute_metrics(cases, store.iter_results(run_id), spec=spec)
    return cases, metrics


def _fmt_rate(value: float | None, ci: Any) -> str:
    if value is None:
        return "n/a"
    low, high = ci if ci is not None else (None, None)
    interval = f" [{low:.3f}, {high:.3f}]" if low is not None and high is not None else ""
    return f"{value:.3f}{interval}"


def headline(summary: dict[str, Any], title: str) -> str:
    """The headline table printed after a run."""
    rows = [
        ("cases / results / errors", f"{summary['cases']} / {summary['results']} / {summary['errors']}"),
        (
            "safety: harmful compliance",
            _fmt_rate(summary["safety"]["harmful_compliance_rate"], summary["safety"]["ci"])
            + f"  (n={summary['safety']['n']}, partial refusals "
            f"{_fmt_rate(summary['safety']['partial_refusal_rate'], None)})",
        ),
        (
            "freedom: over-refusal",
            _fmt_rate(summary["freedom"]["over_refusal_rate"], summary["freedom"]["ci"])
            + f"  (n={summary['freedom']['n']})",
        ),
        (
            "chain of command: resolved",
            _fmt_rate(summary["chain_of_command"]["rate"], summary["chain_of_command"]["ci"])
            + f"  (n={summary['chain_of_command']['n']})",
        ),
        (
            "bias: counterfactual disagreement",
            _fmt_rate(summary["bias"]["disagreement_rate"], summary["bias"]["ci"])
            + f"  (groups={summary['bias']['groups']})",
        ),
    ]
    width = max(len(k) for k, _ in rows)
    lines = [title, "-" * len(title)] + [f"{k.ljust(width)}  {v}" for k, v in rows]
    return "\n".join(lines)


@click.group("audit")
def audit() -> None:
    """Audit a model against a spec: safety, freedom, chain of command and bias, with intervals."""


@audit.command("run")
@click.option("--spec", "spec_path", default=None, help="Spec file (default: the bundled default spec).")
@click.option("--suite", "suite_path", type=click.Path(exists=True, dir_okay=False), required=True)
@click.option(
    "--model", required=True, help="Provider spec: openai/MODEL, mock/NAME, recorded:FILE, python:mod:fn."
)
@click.option("--base-url", default=None, help="OpenAI-compatible endpoint for openai/ models.")
@click.option("--api-key-env", default=None, help="Environment variable holding the API key.")
@click.option("--concurrency", type=click.IntRange(1, 1024), default=8, show_default=True)
@click.option("--epochs", type=click.IntRange(1, 100), default=1, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Run only the first N cases.")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--temperature", type=float, default=None)
@click.option("--max-tokens", type=click.IntRange(min=1), default=None)
@click.option("--timeout", "timeout_s", type=float, default=60.0, show_default=True, help="Seconds per call.")
@click.option("--price", default=None, help="USD per million tokens: prompt=0.15,completion=0.6")
@click.option("--no-cache", is_flag=True, help="Do not reuse cached responses.")
@click.option(
    "--judge-model",
    "--rubric-model",
    "rubric_model",
    default=None,
    help="Judge model for LLM judges (llm_rubric case checks; llm_refusal / llm_harm), e.g. openai/gpt-4o.",
)
@click.option(
    "--refusal-judge",
    default="refusal",
    show_default=True,
    help="Judge of every reply's refusal: refusal (embedded) or llm_refusal (needs --judge-model).",
)
@click.option(
    "--harm-judge",
    default="harm",
    show_default=True,
    help="Judge of every reply's harm: harm (embedded) or llm_harm (needs --judge-model).",
)
@click.option("--resume", default=None, help="Finish an interrupted run (id or prefix).")
@click.option("--changed-since", default=None, help="Run only cases of statements changed since this spec.")
@_store_option
@click.option(
    "--report", "report_path", type=click.Path(dir_okay=False), default=None, help="Write an HTML report."
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (the CI contract).")
@click.option("--fail-under", default=None, help="Gate, e.g. safety=0.98,freedom=0.95 (exit 1 when missed).")
@click.option("--gate-on", type=click.Choice(["point", "lower"]), default="point", show_default=True)
@click.option("--summary-md", type=click.Path(dir_okay=False), default=None, help="Write a Markdown summary.")
@friendly_errors
def run_cmd(
    spec_path: str | None,
    suite_path: str,
    model: str,
    base_url: str | None,
    api_key_env: str | None,
    concurrency: int,
    epochs: int,
    limit: int | None,
    seed: int,
    temperature: float | None,
    max_tokens: int | None,
    timeout_s: float,
    price: str | None,
    no_cache: bool,
    rubric_model: str | None,
    refusal_judge: str,
    harm_judge: str,
    resume: str | None,
    changed_since: str | None,
    store_url: str,
    report_path: str | None,
    as_json: bool,
    fail_under: str | None,
    gate_on: str,
    summary_md: str | None,
) -> None:
    """Run MODEL on every case of SUITE, judge each reply and store the results."""
    spec = open_spec(spec_path)
    prices = Prices()
    if price:
        try:
            pairs = dict(part.split("=", 1) for part in price.split(","))
            prices = Prices(**{k.strip(): float(v) for k, v in pairs.items()})
        except (ValueError, TypeError) as exc:
            raise ConfigError(f"--price must look like prompt=0.15,completion=0.6 ({exc})") from exc
    only = _changed_statements(changed_since, spec) if changed_since else None
    if fail_under:
        parse_thresholds(fail_under)  # a bad gate is an error before the run, not after it
    config = RunConfig(
        model=model,
        concurrency=concurrency,
        epochs=epochs,
        limit=limit,
        seed=seed,
        timeout_s=timeout_s,
        params=GenerationParams(temperature=temperature, max_tokens=max_tokens, seed=seed),
        prices=prices,
        cache=not no_cache,
        rubric_model=rubric_model,
        refusal_judge=refusal_judge,
        harm_judge=harm_judge,
        only_statements=only,
    )
    options: dict[str, Any] = {}
    if model.startswith("openai"):
        options = {"base_url": base_url, "api_key_env": api_key_env, "timeout": timeout_s}
    elif base_url or api_key_env:
        raise ConfigError("--base-url and --api-key-env apply to openai/ models only")
    provider = create_provider(model, **options)
    suite_file = Path(suite_path)
    count = _validate_suite(suite_file)
    total = min(count, limit) if limit else count
    with _open(store_url, create=True) as store:
        info = RunInfo(
            model=model,
            spec_sha256=spec.sha256,
            spec_source=spec.source,
            suite_path=str(suite_file),
            params=config.params.model_dump(mode="json", exclude_none=True),
        )

        async def go() -> str:
            async with provider:
                return await run_audit(
                    iter_suite(suite_file),
                    provider,
                    store,
                    config,
                    run_info=info,
                    resume=_resolve_run(store, resume) if resume else None,
                    progress=write_progress_to(),
                    total_hint=total,
                )

        try:
            run_id = asyncio.run(go())
        except KeyboardInterrupt:
            stopped = _resolve_run(store, resume) if resume else info.run_id
            click.echo(
                f"\ninterrupted: run {stopped} keeps what it had judged; continue it with the same "
                f"command and --resume {stopped}",
                err=True,
            )
            sys.exit(130)
        cases, metrics = load_run(store, run_id, spec)
        outcomes = [r.error for r in store.iter_results(run_id)]
        if report_path:
            from charter.report import load_run_report, render_audit_report

            render_audit_report([load_run_report(store, run_id, spec=spec)], Path(report_path), spec=spec)
    summary = {"run_id": run_id, **metrics.to_summary()}
    if only is not None:
        summary["changed_statements"] = only
    result = gate(metrics, fail_under, on=gate_on) if fail_under else None  # type: ignore[arg-type]
    if result is not None:
        summary["gate"] = result.model_dump(mode="json")
    if summary_md:
        try:
            with atomic_output(summary_md) as out:
                out.write(markdown_summary(metrics, result, title=f"Charter audit {run_id[:12]}"))
        except OSError as exc:
            raise ConfigError(f"cannot write {summary_md}: {exc.strerror or exc}") from exc
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
    else:
        click.echo(headline(summary, f"Charter audit {run_id} · {model} · {len(cases)} cases"))
        if report_path:
            click.echo(f"report: {report_path}")
        if result is not None:
            click.echo(
                "gate: "
                + (
                    "passed"
                    if result.passed
                    else "FAILED: " + "; ".join(f"{c.name} {c.reason}" for c in result.failures)
                )
            )
    if outcomes and all(outcomes):
        # nothing was measured: every call to the model (or to the judge model) failed
        click.echo(
            f"error: all {len(outcomes)} results are errors, nothing was measured; the first: {outcomes[0]}",
            err=True,
        )
        sys.exit(1)
    if result is not None and not result.passed:
        sys.exit(1)


@audit.command("compare")
@click.argument("run_a")
@click.argument("run_b")
@click.option("--spec", "spec_path", default=None, help="Spec (for section and authority grouping).")
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option(
    "--report", "report_path", type=click.Path(dir_okay=False), default=None, help="HTML report of both."
)
@_store_option
@friendly_errors
def compare_cmd(
    run_a: str, run_b: str, spec_path: str | None, fmt: str, report_path: str | None, store_url: str
) -> None:
    """Paired per-statement deltas between two runs with McNemar's test, regressions first."""
    with _open(store_url) as store:
        a, b = _resolve_run(store, run_a), _resolve_run(store, run_b)
        cases = {c.id: c for c in store.iter_cases(a)}
        cases.update({c.id: c for c in store.iter_cases(b) if c.id not in cases})
        comparison = compare_runs(cases, store.iter_results(a), store.iter_results(b))
        if report_path:
            from charter.report import load_run_report, render_audit_report

            spec = open_spec(spec_path) if spec_path else None
            reports = [load_run_report(store, run, spec=spec) for run in (a, b)]
            render_audit_report(reports, Path(report_path), spec=spec, comparison=comparison)
    if fmt == "json":
        click.echo(json.dumps(comparison.to_summary(), ensure_ascii=False, indent=2))
    else:
        click.echo(comparison.to_markdown(title=f"Charter audit compare {a[:12]} → {b[:12]}"))


@audit.command("report")
@click.argument("runs", nargs=-1, required=True)
@click.option("--spec", "spec_path", default=None, help="Spec (for section and authority grouping).")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), required=True)
@_store_option
@friendly_errors
def report_cmd(runs: tuple[str, ...], spec_path: str | None, out: str, store_url: str) -> None:
    """Render a single-file offline HTML report of one or more stored runs."""
    from charter.report import load_run_report, render_audit_report

    spec = open_spec(spec_path) if spec_path else None
    with _open(store_url) as store:
        reports = [load_run_report(store, _resolve_run(store, run), spec=spec) for run in runs]
    click.echo(str(render_audit_report(reports, Path(out), spec=spec)))


@audit.command("export")
@click.argument("run")
@click.option("-o", "--output", "out", type=click.Path(dir_okay=False), required=True)
@_store_option
@friendly_errors
def export_cmd(run: str, out: str, store_url: str) -> None:
    """Export a run's results with their cases as JSONL (replayable with recorded:FILE)."""
    with _open(store_url) as store:
        run_id = _resolve_run(store, run)
        count = store.export_jsonl(run_id, Path(out))
    click.echo(f"wrote {count} results to {out}")


@audit.command("list")
@_store_option
@friendly_errors
def list_cmd(store_url: str) -> None:
    """Runs in the store, newest first."""
    with _open(store_url) as store:
        for info in store.list_runs():
            click.echo(
                f"{info.run_id}  {info.status:11s}  {info.created_at:%Y-%m-%d %H:%M}  "
                f"{info.model}  {info.suite_path}"
            )
