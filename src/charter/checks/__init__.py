"""Checks and judges behind one registry: deterministic detectors, embedded judges, LLM judges."""

from charter.checks._registry import (
    BUILTIN_CHECKS,
    Check,
    CpuJudge,
    NoParams,
    Registry,
    check,
    default_registry,
)
from charter.checks._types import VERDICT_VERSION, CheckVerdict, Sample, Span

__all__ = [
    "BUILTIN_CHECKS",
    "VERDICT_VERSION",
    "Check",
    "CheckVerdict",
    "CpuJudge",
    "NoParams",
    "Registry",
    "Sample",
    "Span",
    "check",
    "default_registry",
]
