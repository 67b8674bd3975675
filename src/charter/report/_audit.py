"""The audit report: one self-contained, offline HTML file for one or more runs.

:func:`render_audit_report` writes a single page rendered only from the records it is given
(:class:`RunReport` per run, an optional :class:`~charter.spec.Spec` and
:class:`~charter.audit._compare.Comparison`): headline rates with 95% intervals, a safety–freedom
chart (inline SVG with a data-table fallback), adherence by section, authority level and statement,
the chain-of-command matrix, bias gaps, ambiguity candidates, the comparison and a drill-down into
the cases. It reuses the spec site's stylesheet, script, template environment and macros; its own
CSS and a little vanilla JavaScript (sorting, filtering) are inlined. Everything from a run (model
replies above all) is escaped by the template; the page works without JavaScript.

The drill-down holds at most ``max_transcripts`` cases: those with a failure first, then those with
an error, then a round-robin sample over statements; the page says how many were left out.

The view records live in :mod:`charter.report._audit_views`, the figures (headlines, chart,
adherence, chain of command, bias, comparison) in :mod:`charter.report._audit_charts` and the
drill-down's case views in :mod:`charter.report._audit_cases`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict

from charter.audit._compare import Comparison
from charter.audit._metrics import AuditMetrics, compute_metrics
from charter.audit._records import Case, CaseResult
from charter.exceptions import ConfigError, StoreError
from charter.report._audit_cases import _NO_STATEMENT, _case_view, _select, _status
from charter.report._audit_charts import (
    _ambiguity,
    _bias,
    _chart,
    _coc,
    _comparison,
    _headlines,
    _section_rows,
    _statement_rows,
)
from charter.report._audit_views import _CaseGroup, _date, _DrillDown, _figure, _Run
from charter.report._site import _AUTHORITY_MARKS, _Builder, _write
from charter.spec import Spec
from charter.store import RunInfo

if TYPE_CHECKING:
    from charter.store import Store

__all__ = ["RunReport", "load_run_report", "render_audit_report"]

_KEYS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SHAPES = ("circle", "square", "triangle", "diamond")
_STATUS_ORDER = MappingProxyType({"fail": 0, "error": 1, "undecided": 2, "pass": 3, "missing": 4})
_STATUS_LABELS = MappingProxyType(
    {"fail": "fail", "error": "error", "undecided": "undecided", "pass": "pass", "missing": "no result"}
)
_STATUS_MARKS = MappingProxyType({"fail": "✗", "error": "!", "undecided": "?", "pass": "✓", "missing": "–"})
_OUTCOME_LABELS = MappingProxyType(
    {
        "full_compliance": "full compliance",
        "partial_refusal": "partial refusal",
        "full_refusal": "full refusal",
        "error": "error",
    }
)


class RunReport(BaseModel):
    """One model's run as the report needs it: the run, its metrics, its cases and its results."""

    model_config = ConfigDict(frozen=True)

    info: RunInfo
    metrics: AuditMetrics
    cases: list[Case]
    results: list[CaseResult]


def load_run_report(store: Store, run_id: str, *, spec: Spec | None = None) -> RunReport:
    """Read a run's cases and results from ``store`` and compute its metrics (with ``spec`` when given,
    for adherence by section and authority level). Raises :class:`StoreError` for an unknown run."""
    info = store.get_run(run_id)
    if info is None:
        raise StoreError(f"no run {run_id!r} in {store.location}")
    cases = list(store.iter_cases(run_id))
    results = list(store.iter_results(run_id))
    metrics = compute_metrics(cases, results, spec=spec)
    return RunReport(info=info, metrics=metrics, cases=cases, results=results)


# ----------------------------------------------------------------------------------------------- runs


def _runs(reports: Sequence[RunReport]) -> list[_Run]:
    runs: list[_Run] = []
    for index, report in enumerate(reports):
        info = report.info
        models = report.metrics.overall.models
        label = info.model or ", ".join(models) or f"run {index + 1}"
        key = _KEYS[index] if index < len(_KEYS) else f"R{index + 1}"
        runs.append(
            _Run(
                index=index,
                key=key,
                label=label,
                run_id=info.run_id,
                short=info.run_id[:8],
                shape=_SHAPES[index % len(_SHAPES)],
                info=info,
                metrics=report.metrics,
            )
        )
    return runs


# ------------------------------------------------------------------------------------------ drill-down


def _groups(runs: Sequence[_Run], reports: Sequence[RunReport]) -> tuple[list[_CaseGroup], int]:
    """Cases of every run grouped by id and content (a case edited between runs is two groups)."""
    groups: list[_CaseGroup] = []
    by_id: dict[str, list[_CaseGroup]] = {}
    by_run: list[dict[str, _CaseGroup]] = []
    for report in reports:
        mine: dict[str, _CaseGroup] = {}
        for case in report.cases:
            same = by_id.setdefault(case.id, [])
            group = next((g for g in same if g.case is case or g.case == case), None)
            if group is None:
                group = _CaseGroup(anchor=f"case-{len(groups) + 1}", case=case)
                groups.append(group)
                same.append(group)
            mine[case.id] = group
        by_run.append(mine)
    unmatched = 0
    for run, report, mine in zip(runs, reports, by_run, strict=True):
        for result in report.results:
            found = mine.get(result.case_id)
            if found is None:
                unmatched += 1
                continue
            found.results.append((run, result))
    for group in groups:
        group.results.sort(key=lambda item: (item[0].index, item[1].epoch))
        statuses = [_status(group.case, r) for _, r in group.results]
        group.status = min(statuses, key=lambda s: _STATUS_ORDER[s]) if statuses else "missing"
    return groups, unmatched


def _drill_down(
    runs: Sequence[_Run], reports: Sequence[RunReport], limit: int
) -> tuple[_DrillDown, dict[str, str]]:
    groups, unmatched = _groups(runs, reports)
    chosen = _select(groups, limit)
    shown = {g.anchor for g in chosen}
    omitted = [g for g in groups if g.anchor not in shown]
    views = [_case_view(g) for g in chosen]
    statements: dict[str, None] = {}
    outcomes: dict[str, None] = {}
    for group in groups:
        statements.update(dict.fromkeys(group.case.statements or [_NO_STATEMENT]))
    for view in views:
        outcomes.update(dict.fromkeys(r.outcome for r in view.results))
    anchors: dict[str, str] = {}
    for group in chosen:
        anchors.setdefault(group.case.id, group.anchor)
    drill = _DrillDown(
        cases=views,
        total=len(groups),
        omitted=len(omitted),
        omitted_failures=sum(g.status == "fail" for g in omitted),
        omitted_errors=sum(g.status == "error" for g in omitted),
        limit=limit,
        statements=sorted(statements),
        outcomes=[
            o for o in ("full_compliance", "partial_refusal", "full_refusal", "error") if o in outcomes
        ],
        unmatched=unmatched,
    )
    return drill, anchors


# ------------------------------------------------------------------------------------------- rendering


def _distinct(values: Iterable[str]) -> list[str]:
    return [v for v in dict.fromkeys(values) if v]


def render_audit_report(
    runs: Sequence[RunReport],
    out: Path,
    *,
    title: str = "Charter audit",
    spec: Spec | None = None,
    comparison: Comparison | None = None,
    max_transcripts: int = 5000,
) -> Path:
    """Write the audit report for ``runs`` to ``out`` (a file, or ``audit.html`` inside an existing
    directory) and return its path.

    The page is one self-contained HTML file (no external resource). ``spec`` names sections and
    authority levels; ``comparison`` adds the paired comparison (regressions first). The drill-down
    shows at most ``max_transcripts`` cases (failures, then errors, then a sample per statement) and
    says how many it left out. Raises :class:`ConfigError` for no run, a negative limit or an
    unwritable path.
    """
    if not runs:
        raise ConfigError("render_audit_report needs at least one run")
    if max_transcripts < 0:
        raise ConfigError(f"max_transcripts must be >= 0, got {max_transcripts}")
    out = Path(out)
    if out.is_dir():
        out = out / "audit.html"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create output directory {out.parent}: {exc.strerror or exc}") from exc

    views = _runs(runs)
    drill, anchors = _drill_down(views, runs, max_transcripts)
    spec_shas = _distinct(r.info.spec_sha256 for r in views)
    warnings = []
    if spec is not None:
        for run in views:
            if run.info.spec_sha256 and run.info.spec_sha256 != spec.sha256:
                warnings.append(
                    f"Run {run.key} ({run.label}) was made with another spec (SHA-256 "
                    f"{run.info.spec_sha256[:12]}), not the one named above ({spec.sha256[:12]})."
                )
    elif len(spec_shas) > 1:
        warnings.append(
            "The runs were made with different specs: " + ", ".join(s[:12] for s in spec_shas) + "."
        )
    suites = _distinct(r.info.suite_path for r in views)
    suite_shas = _distinct(r.info.suite_sha256 for r in views)
    if len(suite_shas) > 1:
        warnings.append(
            "The runs used different suites (SHA-256 " + ", ".join(s[:12] for s in suite_shas) + ")."
        )

    builder = _Builder(title)
    template = builder.env.get_template("audit.html.j2")
    html = template.render(
        css=builder.css,
        js=builder.js,
        marks=_AUTHORITY_MARKS,
        title=title,
        spec=spec,
        spec_sources=_distinct(r.info.spec_source for r in views),
        spec_shas=spec_shas,
        suites=suites,
        suite_shas=suite_shas,
        models=_distinct(r.label for r in views),
        runs=views,
        warnings=warnings,
        headlines=[(run, _headlines(run)) for run in views],
        chart=_chart(views),
        sections=_section_rows(views, spec, "section"),
        authorities=_section_rows(views, spec, "authority"),
        statements=_statement_rows(views, spec),
        coc=[_coc(run) for run in views if run.metrics.chain_of_command.matrix],
        bias=[
            _bias(run) for run in views if run.metrics.bias.by_attribute or run.metrics.bias.bbq is not None
        ],
        bias_measured=[_figure(run.metrics.bias.disagreement) for run in views],
        ambiguity=[_ambiguity(run) for run in views],
        outcome_table=_outcome_table(views),
        comparison=_comparison(comparison, views, spec, anchors) if comparison is not None else None,
        drill=drill,
        status_labels={k: Markup(escape(v)) for k, v in _STATUS_LABELS.items()},
        status_marks={k: Markup(escape(v)) for k, v in _STATUS_MARKS.items()},
        outcome_labels={k: Markup(escape(v)) for k, v in _OUTCOME_LABELS.items()},
        date=_date,
        fig=_figure,
    )
    _write(out, html)
    return out


def _outcome_table(runs: Sequence[_Run]) -> list[tuple[_Run, str, list[int], int]]:
    """Outcome counts per run and expected behaviour: ``(run, expected, counts, total)``."""
    rows = []
    order = ("full_compliance", "partial_refusal", "full_refusal", "error")
    for run in runs:
        for expected, counts in run.metrics.outcomes.items():
            values = [int(counts.get(o, 0)) for o in order]
            rows.append((run, expected, values, sum(values)))
    return rows
