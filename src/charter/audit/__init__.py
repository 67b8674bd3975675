"""Audit: suites of cases, a resumable runner, metrics with confidence intervals, comparison."""

from charter.audit._records import (
    CASE_VERSION,
    EXPECTATIONS,
    RESULT_VERSION,
    Case,
    CaseResult,
    Expected,
    Outcome,
    Variant,
)

__all__ = [
    "CASE_VERSION",
    "EXPECTATIONS",
    "RESULT_VERSION",
    "Case",
    "CaseResult",
    "Expected",
    "Outcome",
    "Variant",
]
