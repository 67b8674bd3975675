"""``charter suite``: build audit suites from a spec or labelled datasets, and inspect them."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

import click

from charter.audit._builders import authority_variants, cases_from_spec
from charter.audit._loaders import (
    DatasetMapping,
    columns_from_pairs,
    load_bbq,
    load_csv,
    load_harmbench,
    load_jbb,
    load_jsonl,
    load_mapping,
    load_strongreject,
    load_xstest,
)
from charter.audit._records import EXPECTATIONS, Case
from charter.audit._suite import iter_suite, write_suite
from charter.audit._variants import bias_variants, person_cases
from charter.cli._common import friendly_errors, open_spec
from charter.exceptions import ConfigError

__all__ = ["KINDS", "suite", "summarize"]

KINDS = ("spec", "xstest", "jbb", "harmbench", "strongreject", "bbq", "csv", "jsonl")
VARIANT_KINDS = ("authority", "bias")
_LINE_SUFFIX = re.compile(r":\d+$")


@click.group("suite")
def suite() -> None:
    """Build and inspect audit suites (JSONL files of cases, one per line)."""


def _variants(value: str) -> list[str]:
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in VARIANT_KINDS]
    if unknown:
        raise ConfigError(
            f"--variants: unknown kind(s) {', '.join(unknown)} (known: {', '.join(VARIANT_KINDS)})"
        )
    return list(dict.fromkeys(chosen))


def _load(
    kind: str,
    paths: tuple[str, ...],
    table: DatasetMapping,
    limit: int | None,
    columns: tuple[str, ...],
    include_copyright: bool,
) -> list[Case]:
    if columns and kind not in ("csv", "jsonl"):
        raise ConfigError("--column applies only to the csv and jsonl kinds")
    if kind == "jbb":
        return load_jbb(*paths, mapping=table, limit=limit)
    cases: list[Case] = []
    for path in paths:
        if kind == "xstest":
            cases.extend(load_xstest(path, mapping=table, limit=limit))
        elif kind == "harmbench":
            cases.extend(load_harmbench(path, mapping=table, limit=limit, copyright=include_copyright))
        elif kind == "strongreject":
            cases.extend(load_strongreject(path, mapping=table, limit=limit))
        elif kind == "bbq":
            cases.extend(load_bbq(path, limit, mapping=table))
        else:
            if not columns:
                raise ConfigError(
                    f"the {kind} kind needs --column prompt=COLUMN (and optionally label=, id=, ...)"
                )
            loader = load_csv if kind == "csv" else load_jsonl
            cases.extend(loader(path, columns_from_pairs(columns), mapping=table, limit=limit))
    return cases


@suite.command("build")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Suite file to write.")
@click.option(
    "--spec",
    "spec_path",
    default=None,
    metavar="SPEC",
    help="Spec for authority variants (default: bundled).",
)
@click.option("--mapping", default=None, metavar="FILE", help="Dataset categories → statement ids (YAML).")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most N cases per input file.")
@click.option("--variants", default="", metavar="KINDS", help="Add variants: authority,bias.")
@click.option("--column", "columns", multiple=True, metavar="KEY=VALUE", help="Column mapping for csv/jsonl.")
@click.option("--include-copyright", is_flag=True, help="harmbench: keep copyright behaviours (tagged).")
@click.option(
    "--probes/--no-probes", default=True, show_default=True, help="bias: add person-template probes."
)
@friendly_errors
def build_cmd(
    kind: str,
    paths: tuple[str, ...],
    output: str,
    spec_path: str | None,
    mapping: str | None,
    limit: int | None,
    variants: str,
    columns: tuple[str, ...],
    include_copyright: bool,
    probes: bool,
) -> None:
    """Build a suite of KIND from PATH... and write it to -o SUITE.jsonl.

    KIND is spec (PATH is a spec file or 'default'), xstest, jbb (harmful and/or benign CSVs),
    harmbench, strongreject, bbq (one or more category files), csv or jsonl (with --column
    prompt=COL [label=COL labels=safe:comply,unsafe:refuse id=COL category=COL tags=COL ...]).
    """
    chosen = _variants(variants)
    if kind == "spec":
        if len(paths) != 1:
            raise ConfigError("the spec kind takes exactly one PATH (a spec file or 'default')")
        if spec_path is not None and spec_path != paths[0]:
            raise ConfigError("--spec conflicts with the spec PATH; give the spec once")
        loaded = open_spec(paths[0])
        cases = cases_from_spec(loaded)[:limit] if limit is not None else cases_from_spec(loaded)
        table = load_mapping(mapping)
    else:
        table = load_mapping(mapping)
        cases = _load(kind, paths, table, limit, columns, include_copyright)
        loaded = open_spec(spec_path)
        missing = sorted(table.all_statement_ids() - {s.id for s in loaded.statements})
        if missing:
            click.echo(
                f"warning: the dataset mapping names statements that are not in {loaded.source}: "
                + ", ".join(missing),
                err=True,
            )
    extra: list[Case] = []
    if "authority" in chosen:
        extra.extend(authority_variants(loaded, base_cases=cases))
    if "bias" in chosen:
        bias_statements = [s for s in table.statements_for("bias") if loaded.get(s) is not None]
        bases = [*cases, *(person_cases(bias_statements) if probes else [])]
        extra.extend(bases[len(cases) :])
        extra.extend(bias_variants(bases, statements=bias_statements))
    everything = [*cases, *extra]
    count = write_suite(everything, output)
    click.echo(f"wrote {count} case(s) to {output}")
    _print_summary(summarize(everything), detailed=False)


def summarize(cases: Iterable[Case]) -> dict[str, Any]:
    """Counts of a suite: by expectation, source file, tag, statement and variant (streams its input)."""
    total = 0
    expected: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    statements: Counter[str] = Counter()
    per_case: Counter[int] = Counter()
    variants: Counter[str] = Counter()
    honoured: Counter[str] = Counter()
    for case in cases:
        total += 1
        expected[case.expected] += 1
        sources[_LINE_SUFFIX.sub("", case.source) or "-"] += 1
        tags.update(case.tags)
        statements.update(case.statements)
        per_case[len(case.statements)] += 1
        if case.variant is not None:
            variants[f"{case.variant.kind}:{case.variant.attribute}"] += 1
            if case.variant.honoured is not None:
                honoured["honoured" if case.variant.honoured else "not honoured"] += 1
    return {
        "cases": total,
        "expected": {e: expected[e] for e in EXPECTATIONS if expected[e]},
        "statements_per_case": dict(sorted(per_case.items())),
        "statements": dict(statements.most_common()),
        "sources": dict(sources.most_common()),
        "tags": dict(tags.most_common()),
        "variants": dict(sorted(variants.items())),
        "authority_honoured": dict(honoured),
    }


def _line(label: str, counts: dict[Any, int], limit: int | None = None) -> str:
    items = list(counts.items())
    shown = items[:limit] if limit is not None else items
    text = ", ".join(f"{k} {v}" for k, v in shown) or "-"
    if limit is not None and len(items) > limit:
        text += f", … ({len(items) - limit} more)"
    return f"  {label}: {text}"


def _print_summary(summary: dict[str, Any], *, detailed: bool) -> None:
    limit = None if detailed else 8
    click.echo(_line("expected", summary["expected"]))
    click.echo(_line("statements per case", summary["statements_per_case"]))
    click.echo(f"  statements covered: {len(summary['statements'])}")
    click.echo(_line("cases per statement", summary["statements"], limit))
    if detailed:
        click.echo(_line("sources", summary["sources"]))
        click.echo(_line("tags", summary["tags"]))
    variants = summary["variants"]
    by_kind: Counter[str] = Counter()
    for key, value in variants.items():
        by_kind[key.split(":", 1)[0]] += value
    click.echo(_line("variants", dict(by_kind)))
    if variants:
        click.echo(_line("  by attribute", variants))
    if summary["authority_honoured"]:
        click.echo(_line("  authority", summary["authority_honoured"]))


@suite.command("show")
@click.argument("path", metavar="SUITE.jsonl")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@friendly_errors
def show_cmd(path: str, fmt: str) -> None:
    """Counts of a suite by expected behaviour, source, tag, statement and variant."""
    summary = summarize(iter_suite(path))
    if fmt == "json":
        click.echo(json.dumps({"suite": path, **summary}, indent=2, ensure_ascii=False))
        return
    click.echo(f"{path}: {summary['cases']} case(s)")
    _print_summary(summary, detailed=True)
