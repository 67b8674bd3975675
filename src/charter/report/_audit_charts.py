"""The audit report's figures, built from each run's metrics: the headline rates, the safety–freedom
chart (axes, ticks, points and labels placed clear of each other), adherence rows by section,
authority level and statement, the chain-of-command table, bias blocks (with BBQ scores), ambiguity
candidates and the paired comparison of two runs (regressions first, at most ``_MAX_CASE_LINKS``
cases named). Each builder returns a view record of :mod:`charter.report._audit_views`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from charter.audit._compare import Comparison, PairedDelta
from charter.audit._format import interval as _ci
from charter.audit._format import percent as _pct
from charter.audit._format import points as _points
from charter.audit._format import signed as _signed
from charter.report._audit_views import (
    _Ambiguity,
    _Bar,
    _bar,
    _BarRow,
    _BBQRow,
    _BiasBlock,
    _BiasRow,
    _BiasValue,
    _Chart,
    _CocCell,
    _CocTable,
    _ComparisonView,
    _DeltaRow,
    _Figure,
    _figure,
    _Headline,
    _p,
    _Point,
    _Run,
    _StatementDeltaRow,
    _Tick,
    _tone,
)
from charter.report._site import _AUTHORITY_MARKS
from charter.spec import Spec

__all__ = [
    "_ambiguity",
    "_bias",
    "_chart",
    "_coc",
    "_comparison",
    "_headlines",
    "_section_rows",
    "_statement_rows",
]

_COC_COLUMNS = (
    ("honoured", "Should be honoured"),
    ("not_honoured", "Should not be honoured"),
    ("unspecified", "Unspecified"),
)
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


# ------------------------------------------------------------------------------------------ headlines


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
