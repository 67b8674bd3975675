"""Text forms of the audit's figures, shared by the Markdown summary, the run comparison and the HTML
report (so a rate reads the same everywhere)."""

from __future__ import annotations

from charter.audit._stats import Estimate

__all__ = ["interval", "md_cell", "percent", "points", "signed"]


def percent(value: float | None, digits: int = 1) -> str:
    """``0.123`` -> ``12.3%``; ``—`` when there is no value."""
    return "—" if value is None else f"{100.0 * value:.{digits}f}%"


def interval(estimate: Estimate) -> str:
    """The estimate's confidence interval in percent, ``—`` when it rests on no case."""
    if estimate.n == 0:
        return "—"
    return f"{100.0 * estimate.low:.1f}–{100.0 * estimate.high:.1f}%"


def points(value: float | None) -> str:
    """A difference of two rates in percentage points, signed."""
    return "—" if value is None else f"{100.0 * value:+.1f} pts"


def signed(value: float | None) -> str:
    return "—" if value is None else f"{value:+.3f}"


def md_cell(text: str) -> str:
    """``text`` made safe for one cell of a Markdown table."""
    return text.replace("|", "\\|").replace("\n", " ")
