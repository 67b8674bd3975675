"""Audit: suites of cases, a resumable runner, metrics with confidence intervals, comparison."""

from charter.audit._builders import authority_variants, cases_from_spec
from charter.audit._compare import Comparison, compare_runs
from charter.audit._gate import GateResult, gate, markdown_summary
from charter.audit._generate import DROP_REASONS, Dropped, GenerationReport, generate_cases
from charter.audit._loaders import (
    ColumnMapping,
    DatasetMapping,
    load_bbq,
    load_csv,
    load_harmbench,
    load_jbb,
    load_jsonl,
    load_mapping,
    load_strongreject,
    load_xstest,
)
from charter.audit._metrics import AuditMetrics, compute_metrics
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
from charter.audit._runner import Prices, RunConfig, run_audit
from charter.audit._stats import Estimate, Interval, McNemar, bootstrap_clustered, mcnemar, proportion, wilson
from charter.audit._suite import iter_suite, read_suite, write_suite
from charter.audit._variants import BIAS_ATTRIBUTES, bias_variants, person_cases, person_templates

__all__ = [
    "BIAS_ATTRIBUTES",
    "CASE_VERSION",
    "DROP_REASONS",
    "EXPECTATIONS",
    "RESULT_VERSION",
    "AuditMetrics",
    "Case",
    "CaseResult",
    "ColumnMapping",
    "Comparison",
    "DatasetMapping",
    "Dropped",
    "Estimate",
    "Expected",
    "GateResult",
    "GenerationReport",
    "Interval",
    "McNemar",
    "Outcome",
    "Prices",
    "RunConfig",
    "Variant",
    "authority_variants",
    "bias_variants",
    "bootstrap_clustered",
    "cases_from_spec",
    "compare_runs",
    "compute_metrics",
    "gate",
    "generate_cases",
    "iter_suite",
    "load_bbq",
    "load_csv",
    "load_harmbench",
    "load_jbb",
    "load_jsonl",
    "load_mapping",
    "load_strongreject",
    "load_xstest",
    "markdown_summary",
    "mcnemar",
    "person_cases",
    "person_templates",
    "proportion",
    "read_suite",
    "run_audit",
    "wilson",
    "write_suite",
]
