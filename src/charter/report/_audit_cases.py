"""The audit report's drill-down into cases: each result's status (fail, error, undecided, pass), the
reply escaped with its evidence spans marked (spans located by offset, else by quote), verdict and
result rows, one view per case with its transcript, and the selection of at most ``limit`` cases
(failures first, then errors, then a round-robin sample over statements). Grouping the runs' cases
and the drill-down's totals are in :mod:`charter.report._audit`, next to the run records they read.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Sequence

from markupsafe import Markup, escape

from charter.audit._records import Case, CaseResult
from charter.checks import CheckVerdict
from charter.report._audit_views import (
    _CaseGroup,
    _CaseView,
    _json,
    _MessageRow,
    _ResultRow,
    _Run,
    _VerdictRow,
)
from charter.report._site import _ROLE_LABELS

__all__ = ["_NO_STATEMENT", "_case_view", "_select", "_status"]

_REFUSALS = frozenset({"full_refusal", "partial_refusal"})
_NO_STATEMENT = "(no statement)"


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
