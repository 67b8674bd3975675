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
"""

from __future__ import annotations

import itertools
import json
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict

from charter.audit._compare import Comparison, PairedDelta
from charter.audit._format import interval as _ci
from charter.audit._format import percent as _pct
from charter.audit._format import points as _points
from charter.audit._format import signed as _signed
from charter.audit._metrics import AuditMetrics, compute_metrics
from charter.audit._records import Case, CaseResult
from charter.audit._stats import Estimate
from charter.checks import CheckVerdict
from charter.exceptions import ConfigError, StoreError
from charter.report._site import _AUTHORITY_MARKS, _ROLE_LABELS, _Builder, _write
from charter.spec import Spec
from charter.store import RunInfo

if TYPE_CHECKING:
    from charter.store import Store

__all__ = ["RunReport", "load_run_report", "render_audit_report"]

_REFUSALS = frozenset({"full_refusal", "partial_refusal"})
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
_COC_COLUMNS = (
    ("honoured", "Should be honoured"),
    ("not_honoured", "Should not be honoured"),
    ("unspecified", "Unspecified"),
)
_NO_STATEMENT = "(no statement)"
#: The comparison lists at most this many regressed (and improved) cases by name.
_MAX_CASE_LINKS = 300
#: Chart axes: (maximum, tick step), the first whose maximum holds every interval is used.
_AXES = (
    (0.05, 0.01),
    (0.1, 0.02),
    (0.2, 0.05),
    (0.25, 0.05),
    (0.4, 0.1),
    (0.5, 0.1),
    (0.6, 0.1),
    (0.8, 0.2),
    (1.0, 0.2),
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


# ---------------------------------------------------------------------------------------------- views


@dataclass(frozen=True)
class _Run:
    index: int
    key: str
    label: str
    run_id: str
    short: str
    shape: str
    info: RunInfo
    metrics: AuditMetrics


@dataclass(frozen=True)
class _Figure:
    """An estimate ready to print: value, interval, n and the method behind the interval."""

    value: str
    ci: str
    n: int
    method: str
    measured: bool


@dataclass(frozen=True)
class _Headline:
    name: str
    hint: str
    figure: _Figure
    extra: str = ""


@dataclass(frozen=True)
class _Bar:
    """A horizontal bar (0–100%) with a whisker for its interval."""

    width: float
    low: float
    span: float
    text: str
    ci: str
    n: int
    sort: str
    measured: bool
    tone: str


@dataclass(frozen=True)
class _BarRow:
    id: str
    title: str
    authority: str | None
    bars: list[_Bar | None]
    note: str = ""


@dataclass(frozen=True)
class _Tick:
    pos: float
    label: str


@dataclass(frozen=True)
class _Point:
    run: _Run
    x: float
    y: float
    x_low: float
    x_high: float
    y_low: float
    y_high: float
    label_x: float
    label_y: float
    anchor: str
    over: _Figure
    harm: _Figure


@dataclass(frozen=True)
class _Chart:
    width: int
    height: int
    left: float
    right: float
    top: float
    bottom: float
    x_ticks: list[_Tick]
    y_ticks: list[_Tick]
    points: list[_Point]
    missing: list[_Run]
    desc: str


@dataclass(frozen=True)
class _CocCell:
    text: str
    rate: str
    tone: str


@dataclass(frozen=True)
class _CocTable:
    run: _Run
    columns: list[str]
    rows: list[tuple[str, list[_CocCell]]]
    resolution: _Figure
    undecided: int


@dataclass(frozen=True)
class _BiasValue:
    value: str
    figure: _Figure
    flag: str


@dataclass(frozen=True)
class _BiasRow:
    attribute: str
    values: list[_BiasValue]
    gap: str
    disagreement: _Figure


@dataclass(frozen=True)
class _BBQRow:
    name: str
    n: int
    acc_amb: str
    acc_dis: str
    s_amb: str
    s_dis: str
    unparsed: int


@dataclass(frozen=True)
class _BiasBlock:
    run: _Run
    disagreement: _Figure
    groups: int
    incomplete: int
    disagreeing: list[str]
    rows: list[_BiasRow]
    bbq: list[_BBQRow]


@dataclass(frozen=True)
class _Ambiguity:
    run: _Run
    rows: list[tuple[str, str, str, str]]


@dataclass(frozen=True)
class _DeltaRow:
    name: str
    a: str
    b: str
    delta: str
    discordant: str
    p: str
    tone: str
    flag: str


@dataclass(frozen=True)
class _StatementDeltaRow:
    id: str
    title: str
    a: str
    b: str
    delta: str
    delta_sort: str
    discordant: str
    n: int
    p: str
    p_sort: str
    kind: str


@dataclass(frozen=True)
class _ComparisonView:
    a: str
    b: str
    pairs: int
    notes: list[str]
    headline: list[_DeltaRow]
    regressions: list[_StatementDeltaRow]
    improvements: list[_StatementDeltaRow]
    others: list[_StatementDeltaRow]
    regressed_cases: list[tuple[str, str | None]]
    improved_cases: list[tuple[str, str | None]]
    regressed_more: int
    improved_more: int
    alpha: str
    min_delta: str


@dataclass(frozen=True)
class _MessageRow:
    role: str
    label: str
    attributes: list[tuple[str, str]]
    content: str
    untrusted: list[str]


@dataclass(frozen=True)
class _VerdictRow:
    check: str
    params: str
    statement: str
    label: str
    score: str
    passed: str
    tone: str
    explanation: str
    error: str
    evidence: list[tuple[str, str]]


@dataclass(frozen=True)
class _ResultRow:
    run: _Run
    epoch: int
    model: str
    status: str
    outcome: str
    reply: Markup | None
    error: str
    meta: str
    verdicts: list[_VerdictRow]


@dataclass
class _CaseGroup:
    """One case (as stored in one or more runs) with every result on it."""

    anchor: str
    case: Case
    results: list[tuple[_Run, CaseResult]] = field(default_factory=list)
    status: str = "missing"


@dataclass(frozen=True)
class _CaseView:
    anchor: str
    id: str
    status: str
    expected: str
    statements: list[str]
    source: str
    tags: list[str]
    variant: str
    checks: list[str]
    messages: list[_MessageRow]
    good: list[str]
    bad: list[str]
    results: list[_ResultRow]
    data_s: str
    data_o: str
    data_st: str


@dataclass(frozen=True)
class _DrillDown:
    cases: list[_CaseView]
    total: int
    omitted: int
    omitted_failures: int
    omitted_errors: int
    limit: int
    statements: list[str]
    outcomes: list[str]
    unmatched: int


# ------------------------------------------------------------------------------------------ formatting


def _figure(estimate: Estimate) -> _Figure:
    return _Figure(
        value=_pct(estimate.value),
        ci=_ci(estimate),
        n=estimate.n,
        method=estimate.method,
        measured=estimate.value is not None and estimate.n > 0,
    )


def _date(value: datetime | None) -> str:
    return "—" if value is None else value.strftime("%Y-%m-%d %H:%M UTC")


def _p(delta: PairedDelta) -> str:
    if not delta.n:
        return "—"
    p = delta.p_value
    return "< 0.001" if p < 0.001 else f"{p:.3g}"


def _tone(value: float | None, good: float, warn: float, *, higher_is_better: bool = True) -> str:
    """``good``/``warn``/``bad`` for a rate against two thresholds (``""`` when unmeasured)."""
    if value is None:
        return ""
    if not higher_is_better:
        value, good, warn = 1.0 - value, 1.0 - good, 1.0 - warn
    return "good" if value >= good - 1e-12 else "warn" if value >= warn - 1e-12 else "bad"


def _bar(estimate: Estimate, *, higher_is_better: bool = True) -> _Bar:
    measured = estimate.value is not None and estimate.n > 0
    value = estimate.value if estimate.value is not None else 0.0
    low, high = (estimate.low, estimate.high) if measured else (0.0, 0.0)
    return _Bar(
        width=round(100.0 * value, 2),
        low=round(100.0 * low, 2),
        span=round(100.0 * max(0.0, high - low), 2),
        text=_pct(estimate.value),
        ci=_ci(estimate),
        n=estimate.n,
        sort=f"{value:.6f}" if measured else "",
        measured=measured,
        tone=_tone(estimate.value, 0.9, 0.7, higher_is_better=higher_is_better),
    )


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


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


def _headlines(run: _Run) -> list[_Headline]:
    m = run.metrics
    safety, freedom = m.safety, m.freedom
    o = m.overall
    errors = _Figure(
        value=str(o.errors),
        ci=f"of {o.results} result{'s' if o.results != 1 else ''}",
        n=o.results,
        method="count",
        measured=True,
    )
    unmatched = f"; {o.unmatched} of unknown cases" if o.unmatched else ""
    return [
        _Headline(
            "Harmful compliance",
            "safety · lower is better",
            _figure(safety.harmful_compliance),
            extra=f"partial refusal {_pct(safety.partial_refusal.value)} ({_ci(safety.partial_refusal)})",
        ),
        _Headline(
            "Over-refusal",
            "freedom · lower is better",
            _figure(freedom.over_refusal),
            extra=f"full refusal {_pct(freedom.full_refusal.value)}",
        ),
        _Headline(
            "Chain of command",
            "resolved as the spec says · higher is better",
            _figure(m.chain_of_command.resolution),
            extra=f"{m.chain_of_command.undecided} undecided" if m.chain_of_command.undecided else "",
        ),
        _Headline(
            "Bias disagreement",
            "counterfactual groups · lower is better",
            _figure(m.bias.disagreement),
            extra=f"{m.bias.groups} group{'s' if m.bias.groups != 1 else ''}",
        ),
        _Headline(
            "Statement adherence",
            "all decided results · higher is better",
            _figure(m.adherence),
        ),
        _Headline(
            "Errors",
            "excluded from every rate",
            errors,
            extra=f"{o.cases} cases, {o.epochs} epoch{'s' if o.epochs != 1 else ''}{unmatched}",
        ),
    ]


# ---------------------------------------------------------------------------------------------- chart


def _axis(value: float) -> tuple[float, float]:
    """The axis maximum and tick step for a largest value in [0, 1]: round numbers, 4 to 6 ticks."""
    for maximum, step in _AXES:
        if value <= maximum + 1e-12:
            return maximum, step
    return _AXES[-1]


def _ticks(maximum: float, step: float, start: float, end: float) -> list[_Tick]:
    count = round(maximum / step)
    ticks = []
    for i in range(count + 1):
        value = step * i
        digits = 0 if abs(100.0 * value - round(100.0 * value)) < 1e-9 else 1
        ticks.append(_Tick(round(start + (end - start) * i / count, 2), _pct(value, digits)))
    return ticks


def _chart(runs: Sequence[_Run]) -> _Chart:
    width, height = 640, 420
    left, right, top, bottom = 78.0, 610.0, 24.0, 356.0
    plotted = [
        (r, r.metrics.freedom.over_refusal, r.metrics.safety.harmful_compliance, x_value, y_value)
        for r in runs
        if (x_value := r.metrics.freedom.over_refusal.value) is not None
        and (y_value := r.metrics.safety.harmful_compliance.value) is not None
    ]
    x_max, x_step = _axis(max((o.high for _, o, _, _, _ in plotted), default=0.0))
    y_max, y_step = _axis(max((h.high for _, _, h, _, _ in plotted), default=0.0))

    def sx(value: float) -> float:
        return round(left + (right - left) * min(value, x_max) / x_max, 2)

    def sy(value: float) -> float:
        return round(bottom - (bottom - top) * min(value, y_max) / y_max, 2)

    points: list[_Point] = []
    placed: list[tuple[float, float, float, float]] = []
    for run, over, harm, over_value, harm_value in plotted:
        x, y = sx(over_value), sy(harm_value)
        text = f"{run.key} · {run.label}"
        label_w = 6.6 * len(text) + 4
        label_x, label_y, anchor = x + 10, y - 9, "start"
        for dx, dy in ((10, -9), (10, 18), (-10, -9), (-10, 18), (10, 34), (-10, 34), (10, -26), (-10, -26)):
            end = dx < 0
            bx = x + dx - label_w if end else x + dx
            by = y + dy - 12
            inside = left <= bx and bx + label_w <= right + 24 and top - 16 <= by and by + 14 <= bottom
            clash = any(
                bx < px + pw and px < bx + label_w and by < py + ph and py < by + 14
                for px, py, pw, ph in placed
            )
            if inside and not clash:
                label_x, label_y, anchor = x + dx, y + dy, "end" if end else "start"
                placed.append((bx, by, label_w, 14))
                break
        else:
            placed.append((label_x, label_y - 12, label_w, 14))
        points.append(
            _Point(
                run=run,
                x=x,
                y=y,
                x_low=sx(over.low),
                x_high=sx(over.high),
                y_low=sy(harm.low),
                y_high=sy(harm.high),
                label_x=round(label_x, 2),
                label_y=round(label_y, 2),
                anchor=anchor,
                over=_figure(over),
                harm=_figure(harm),
            )
        )
    shown = [r for r, _, _, _, _ in plotted]
    missing = [r for r in runs if r not in shown]
    parts = [
        f"{r.key} ({r.label}): over-refusal {_pct(r.metrics.freedom.over_refusal.value)} "
        f"[{_ci(r.metrics.freedom.over_refusal)}], harmful compliance "
        f"{_pct(r.metrics.safety.harmful_compliance.value)} [{_ci(r.metrics.safety.harmful_compliance)}]"
        for r in shown
    ]
    desc = (
        "Each run is a point: over-refusal rate on the horizontal axis, harmful-compliance rate on the "
        "vertical axis, error bars are 95% intervals; the ideal is the bottom-left corner (0, 0). "
        + ("; ".join(parts) + "." if parts else "No run measured both rates.")
    )
    return _Chart(
        width=width,
        height=height,
        left=left,
        right=right,
        top=top,
        bottom=bottom,
        x_ticks=_ticks(x_max, x_step, left, right),
        y_ticks=_ticks(y_max, y_step, bottom, top),
        points=points,
        missing=missing,
        desc=desc,
    )


# ------------------------------------------------------------------------------------------ adherence


def _section_rows(
    runs: Sequence[_Run], spec: Spec | None, kind: Literal["section", "authority"]
) -> list[_BarRow]:
    keys: dict[str, None] = {}
    for run in runs:
        groups = run.metrics.by_section if kind == "section" else run.metrics.by_authority
        keys.update(dict.fromkeys(groups))
    rows: list[_BarRow] = []
    for key in keys:
        bars: list[_Bar | None] = []
        count = 0
        for run in runs:
            groups = run.metrics.by_section if kind == "section" else run.metrics.by_authority
            group = groups.get(key)
            bars.append(_bar(group.adherence) if group is not None else None)
            count = max(count, len(group.statements) if group is not None else 0)
        section = spec.get(key) if spec is not None and kind == "section" else None
        note = f"{count} statement{'s' if count != 1 else ''}"
        if kind == "authority":
            authority = key if key in _AUTHORITY_MARKS else None
            rows.append(_BarRow(id=key, title=key, authority=authority, bars=bars, note=note))
        else:
            title = section.title if section is not None else key
            authority = section.authority if section is not None else None
            rows.append(_BarRow(id=key, title=title, authority=authority, bars=bars, note=note))
    return rows


def _statement_rows(runs: Sequence[_Run], spec: Spec | None) -> list[_BarRow]:
    ids: dict[str, None] = {}
    for run in runs:
        ids.update(dict.fromkeys(run.metrics.by_statement))
    rows: list[tuple[float, str, _BarRow]] = []
    for sid in ids:
        bars: list[_Bar | None] = []
        worst = 2.0
        notes = []
        for run in runs:
            st = run.metrics.by_statement.get(sid)
            if st is None:
                bars.append(None)
                continue
            bars.append(_bar(st.adherence))
            if st.adherence.value is not None:
                worst = min(worst, st.adherence.value)
            counts = [f"{st.errors} error{'s' if st.errors != 1 else ''}"] if st.errors else []
            counts += [f"{st.undecided} undecided"] if st.undecided else []
            if counts:
                notes.append(f"{run.key}: {', '.join(counts)}")
        section = spec.get(sid) if spec is not None else None
        row = _BarRow(
            id=sid,
            title=section.title if section is not None else "",
            authority=section.authority if section is not None else None,
            bars=bars,
            note="; ".join(notes),
        )
        rows.append((worst, sid, row))
    rows.sort(key=lambda item: (item[0], item[1]))
    return [row for _, _, row in rows]


# ------------------------------------------------------------------------------ chain of command, bias


def _coc(run: _Run) -> _CocTable:
    coc = run.metrics.chain_of_command
    keys = [
        (key, label)
        for key, label in _COC_COLUMNS
        if any(row.get(key) is not None and row[key].n for row in coc.matrix.values())
    ]
    rows: list[tuple[str, list[_CocCell]]] = []
    for attribute, row in coc.matrix.items():
        cells = []
        for key, _ in keys:
            cell = row.get(key)
            if cell is None or cell.n == 0:
                cells.append(_CocCell(text="—", rate="", tone="none"))
                continue
            rate = cell.rate
            cells.append(
                _CocCell(
                    text=f"{cell.resolved}/{cell.n}",
                    rate=_pct(rate, 0),
                    tone=_tone(rate, 0.9, 0.7),
                )
            )
        rows.append((attribute, cells))
    return _CocTable(
        run=run,
        columns=[label for _, label in keys],
        rows=rows,
        resolution=_figure(coc.resolution),
        undecided=coc.undecided,
    )


def _bias(run: _Run) -> _BiasBlock:
    bias = run.metrics.bias
    rows = []
    for attribute, gap in bias.by_attribute.items():
        spread = gap.max_gap is not None and gap.max_gap > 0
        values = [
            _BiasValue(
                value=value,
                figure=_figure(est),
                flag=""
                if not spread
                else "highest"
                if value == gap.highest
                else "lowest"
                if value == gap.lowest
                else "",
            )
            for value, est in gap.refusal_rate.items()
        ]
        gap_text = (
            f"{_pct(gap.max_gap)} ({gap.highest} vs {gap.lowest})"
            if gap.max_gap is not None and gap.highest is not None
            else "—"
        )
        rows.append(
            _BiasRow(attribute=attribute, values=values, gap=gap_text, disagreement=_figure(gap.disagreement))
        )
    bbq_rows: list[_BBQRow] = []
    if bias.bbq is not None:
        bbq = bias.bbq
        scores: list[tuple[str, Any]] = [("all", bbq), *bbq.by_category.items()]
        for name, s in scores:
            bbq_rows.append(
                _BBQRow(
                    name=name,
                    n=s.n,
                    acc_amb=_pct(s.ambiguous.accuracy.value),
                    acc_dis=_pct(s.disambiguated.accuracy.value),
                    s_amb=_signed(s.s_amb),
                    s_dis=_signed(s.s_dis),
                    unparsed=s.unparsed,
                )
            )
    return _BiasBlock(
        run=run,
        disagreement=_figure(bias.disagreement),
        groups=bias.groups,
        incomplete=bias.incomplete_groups,
        disagreeing=list(bias.disagreeing_groups),
        rows=rows,
        bbq=bbq_rows,
    )


def _ambiguity(run: _Run) -> _Ambiguity:
    rows = []
    for a in run.metrics.ambiguity:
        where = (
            f"judges {a.judge_disagreements}/{a.judge_units}, "
            f"epochs/models {a.case_disagreements}/{a.case_units}"
        )
        rows.append((a.id, _pct(a.score), f"{a.disagreements}/{a.units}", where))
    return _Ambiguity(run=run, rows=rows)


# ------------------------------------------------------------------------------------------ comparison


def _run_names(ids: Sequence[str], models: Sequence[str], runs: Sequence[_Run]) -> str:
    by_id = {r.run_id: r for r in runs}
    names = [f"{by_id[i].label} · run {i[:8]}" if i in by_id else f"run {i[:8]}" for i in ids]
    if not names:
        names = list(models)
    return ", ".join(names) or "—"


def _delta_row(name: str, delta: PairedDelta, higher_is_worse: bool | None, alpha: float) -> _DeltaRow:
    tone = flag = ""
    if higher_is_worse is not None and delta.delta is not None and delta.delta != 0 and delta.n:
        worse = delta.delta > 0 if higher_is_worse else delta.delta < 0
        if delta.p_value < alpha:
            tone, flag = ("bad", "worse (significant)") if worse else ("good", "better (significant)")
        else:
            flag = "worse, not significant" if worse else "better, not significant"
    return _DeltaRow(
        name=name,
        a=_pct(delta.a_rate),
        b=_pct(delta.b_rate),
        delta=_points(delta.delta),
        discordant=f"{delta.a_only} / {delta.b_only}",
        p=_p(delta),
        tone=tone,
        flag=flag,
    )


def _comparison(
    comparison: Comparison, runs: Sequence[_Run], spec: Spec | None, anchors: dict[str, str]
) -> _ComparisonView:
    notes = []
    if comparison.error_pairs:
        plural = "s" if comparison.error_pairs != 1 else ""
        notes.append(f"{comparison.error_pairs} pair{plural} with an error excluded")
    if comparison.unpaired_a or comparison.unpaired_b:
        notes.append(f"unpaired: {comparison.unpaired_a} only in A, {comparison.unpaired_b} only in B")
    if comparison.unmatched:
        notes.append(f"{comparison.unmatched} results of unknown cases")
    if comparison.duplicates:
        notes.append(f"{comparison.duplicates} duplicate keys (last kept)")
    headline = [
        _delta_row("Adherence (higher is better)", comparison.passed, False, comparison.alpha),
        _delta_row("Harmful compliance (lower is better)", comparison.safety, True, comparison.alpha),
        _delta_row("Over-refusal (lower is better)", comparison.freedom, True, comparison.alpha),
        _delta_row("Refusal rate", comparison.refusal, None, comparison.alpha),
    ]
    regressions: list[_StatementDeltaRow] = []
    improvements: list[_StatementDeltaRow] = []
    others: list[_StatementDeltaRow] = []
    for item in comparison.by_statement:
        section = spec.get(item.id) if spec is not None else None
        d = item.passed
        kind = "regression" if item.regression else "improvement" if item.improvement else ""
        row = _StatementDeltaRow(
            id=item.id,
            title=section.title if section is not None else "",
            a=_pct(d.a_rate),
            b=_pct(d.b_rate),
            delta=_points(d.delta),
            delta_sort=f"{d.delta:.6f}" if d.delta is not None else "",
            discordant=f"{d.a_only} / {d.b_only}",
            n=d.n,
            p=_p(d) + (" *" if item.significant else ""),
            p_sort=f"{d.p_value:.8f}" if d.n else "",
            kind=kind,
        )
        (regressions if item.regression else improvements if item.improvement else others).append(row)

    def linked(keys: Sequence[str]) -> list[tuple[str, str | None]]:
        return [(key, anchors.get(key.rpartition("@")[0] or key)) for key in keys[:_MAX_CASE_LINKS]]

    return _ComparisonView(
        a=_run_names(comparison.run_a, comparison.models_a, runs),
        b=_run_names(comparison.run_b, comparison.models_b, runs),
        pairs=comparison.pairs,
        notes=notes,
        headline=headline,
        regressions=regressions,
        improvements=improvements,
        others=others,
        regressed_cases=linked(comparison.regressed_cases),
        improved_cases=linked(comparison.improved_cases),
        regressed_more=max(0, len(comparison.regressed_cases) - _MAX_CASE_LINKS),
        improved_more=max(0, len(comparison.improved_cases) - _MAX_CASE_LINKS),
        alpha=f"{comparison.alpha:g}",
        min_delta=_points(comparison.min_delta).replace("+", ""),
    )


# ------------------------------------------------------------------------------------------ drill-down


def _status(case: Case, result: CaseResult) -> str:
    if result.outcome == "error":
        return "error"
    if result.passed is False:
        return "fail"
    if result.passed is True:
        return "pass"
    if case.expected == "refuse" and result.outcome == "full_compliance":
        return "fail"
    if case.expected == "comply" and result.outcome in _REFUSALS:
        return "fail"
    return "undecided"


def _locate(text: str, start: int, end: int, quote: str) -> tuple[int, int] | None:
    """Where an evidence span lies in ``text``: its offsets when they hold its quote, else the quote's
    first occurrence (offsets from another tokenisation), else ``None``."""
    if 0 <= start < end <= len(text) and (not quote or text[start:end] == quote):
        return start, end
    if quote:
        found = text.find(quote)
        if found >= 0:
            return found, found + len(quote)
    return None


def _highlight(text: str, verdicts: Sequence[CheckVerdict]) -> Markup:
    """``text`` escaped, with the reply's evidence spans as ``<mark>`` and the verdict numbers after."""
    spans: list[tuple[int, int, int]] = []
    for number, verdict in enumerate(verdicts, start=1):
        for span in verdict.evidence:
            if span.source != "reply":
                continue
            where = _locate(text, span.start, span.end, span.text)
            if where is not None:
                spans.append((where[0], where[1], number))
    if not spans:
        return Markup(escape(text))
    bounds = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[str] = []
    open_set: tuple[int, ...] = ()
    buffer: list[str] = []

    def flush() -> None:
        if not buffer:
            return
        chunk = "".join(buffer)
        if open_set:
            names = ", ".join(f"#{n} {verdicts[n - 1].check}" for n in open_set)
            out.append(
                f'<mark title="{escape(names)}">{escape(chunk)}</mark>'
                f'<sup class="ev">{",".join(str(n) for n in open_set)}</sup>'
            )
        else:
            out.append(str(escape(chunk)))
        buffer.clear()

    for start, end in itertools.pairwise(bounds):
        if start >= end:
            continue
        covering = tuple(sorted({n for s, e, n in spans if s <= start and end <= e}))
        if covering != open_set:
            flush()
            open_set = covering
        buffer.append(text[start:end])
    flush()
    return Markup("".join(out))


def _verdict_rows(verdicts: Sequence[CheckVerdict], reply: str | None) -> list[_VerdictRow]:
    rows = []
    for v in verdicts:
        evidence = []
        for span in v.evidence:
            located = (
                reply is not None
                and span.source == "reply"
                and _locate(reply, span.start, span.end, span.text)
            )
            where = f"{span.source} {span.start}–{span.end}" + (
                "" if located or span.source != "reply" else " (not found)"
            )
            evidence.append((where, span.text))
        passed = "—" if v.passed is None else "pass" if v.passed else "fail"
        rows.append(
            _VerdictRow(
                check=v.check,
                params=_json(v.params) if v.params else "",
                statement=v.statement_id or "",
                label=v.label,
                score=f"{v.score:.2f}",
                passed=passed,
                tone="error" if v.error else "none" if v.passed is None else "pass" if v.passed else "fail",
                explanation=v.explanation,
                error=v.error or "",
                evidence=evidence,
            )
        )
    return rows


def _result_row(run: _Run, case: Case, result: CaseResult) -> _ResultRow:
    meta = [f"epoch {result.epoch}"]
    if result.latency_ms:
        meta.append(f"{result.latency_ms:.0f} ms")
    tokens = result.prompt_tokens + result.completion_tokens
    if tokens:
        meta.append(f"{result.prompt_tokens}+{result.completion_tokens} tokens")
    if result.cost_usd:
        meta.append(f"${result.cost_usd:.4f}")
    if result.cached:
        meta.append("cached")
    reply = _highlight(result.response, result.verdicts) if result.response is not None else None
    return _ResultRow(
        run=run,
        epoch=result.epoch,
        model=result.model,
        status=_status(case, result),
        outcome=result.outcome,
        reply=reply,
        error=result.error or "",
        meta=" · ".join(meta),
        verdicts=_verdict_rows(result.verdicts, result.response),
    )


def _variant_text(case: Case) -> str:
    v = case.variant
    if v is None:
        return ""
    text = f"{v.kind}: {v.attribute}"
    if v.value:
        text += f" = {v.value}"
    if v.honoured is not None:
        text += " (should be honoured)" if v.honoured else " (should not be honoured)"
    return f"{text} · group {v.group}"


def _case_view(group: _CaseGroup) -> _CaseView:
    case = group.case
    results = [_result_row(run, case, result) for run, result in group.results]
    statuses = dict.fromkeys(r.status for r in results) or {"missing": None}
    outcomes = dict.fromkeys(r.outcome for r in results)
    messages = [
        _MessageRow(
            role=m.role.value,
            label=_ROLE_LABELS.get(m.role.value, m.role.value.title()) + (f": {m.name}" if m.name else ""),
            attributes=sorted(m.attributes.items()),
            content=m.content,
            untrusted=list(m.untrusted),
        )
        for m in case.messages
    ]
    return _CaseView(
        anchor=group.anchor,
        id=case.id,
        status=group.status,
        expected=case.expected,
        statements=list(case.statements),
        source=case.source,
        tags=list(case.tags),
        variant=_variant_text(case),
        checks=[c.name + (f" {_json(c.params)}" if c.params else "") for c in case.checks],
        messages=messages,
        good=list(case.good),
        bad=list(case.bad),
        results=results,
        data_s="|" + "|".join(case.statements or [_NO_STATEMENT]) + "|",
        data_o="|" + "|".join(outcomes) + "|",
        data_st="|" + "|".join(statuses) + "|",
    )


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


def _select(groups: Sequence[_CaseGroup], limit: int) -> list[_CaseGroup]:
    """Failures first, then errors, then a round-robin sample over statements, up to ``limit``."""
    chosen: list[_CaseGroup] = []
    taken: set[str] = set()

    def take(group: _CaseGroup) -> None:
        chosen.append(group)
        taken.add(group.anchor)

    for wanted in ("fail", "error"):
        for group in groups:
            if len(chosen) >= limit:
                return chosen
            if group.status == wanted:
                take(group)
    queues: dict[str, deque[_CaseGroup]] = {}
    for group in groups:
        if group.anchor in taken:
            continue
        for sid in group.case.statements or [_NO_STATEMENT]:
            queues.setdefault(sid, deque()).append(group)
    order = sorted(queues)
    while len(chosen) < limit and order:
        remaining = []
        for sid in order:
            queue = queues[sid]
            while queue and queue[0].anchor in taken:
                queue.popleft()
            if not queue or len(chosen) >= limit:
                continue
            take(queue.popleft())
            if queue:
                remaining.append(sid)
        order = remaining
    return chosen


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
