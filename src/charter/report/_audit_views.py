"""The audit report's view records: small dataclasses the template reads (a run, a figure, a bar, the
chart, the chain-of-command table, bias blocks, the comparison, the drill-down's cases, results and
verdicts; all frozen but :class:`_CaseGroup`, which collects a case's results), and the tiny
formatting helpers that build or print them (:func:`_figure`, :func:`_bar`, :func:`_tone`,
:func:`_p`, :func:`_date`, :func:`_json`). Nothing here reads a store or renders HTML:
:mod:`charter.report._audit_charts` and :mod:`charter.report._audit_cases` fill these records and
:mod:`charter.report._audit` hands them to the template.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from markupsafe import Markup

from charter.audit._compare import PairedDelta
from charter.audit._format import interval as _ci
from charter.audit._format import percent as _pct
from charter.audit._metrics import AuditMetrics
from charter.audit._records import Case, CaseResult
from charter.audit._stats import Estimate
from charter.store import RunInfo

__all__ = [
    "_Ambiguity",
    "_BBQRow",
    "_Bar",
    "_BarRow",
    "_BiasBlock",
    "_BiasRow",
    "_BiasValue",
    "_CaseGroup",
    "_CaseView",
    "_Chart",
    "_CocCell",
    "_CocTable",
    "_ComparisonView",
    "_DeltaRow",
    "_DrillDown",
    "_Figure",
    "_Headline",
    "_MessageRow",
    "_Point",
    "_ResultRow",
    "_Run",
    "_StatementDeltaRow",
    "_Tick",
    "_VerdictRow",
    "_bar",
    "_date",
    "_figure",
    "_json",
    "_p",
    "_tone",
]


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
