"""Text forms of the audit's figures."""

from __future__ import annotations

from charter.audit._format import interval, md_cell, percent, points, signed
from charter.audit._stats import proportion


def test_figures_read_the_same_everywhere() -> None:
    assert percent(0.1234) == "12.3%" and percent(0.5, 0) == "50%" and percent(None) == "—"
    assert interval(proportion(0, 0)) == "—"
    low_high = interval(proportion(5, 10))
    assert low_high.endswith("%") and "–" in low_high
    assert points(-0.05) == "-5.0 pts" and points(None) == "—"
    assert signed(0.25) == "+0.250" and signed(None) == "—"
    assert md_cell("a|b\nc") == "a\\|b c"
