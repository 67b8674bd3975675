"""Spec as code: parse the Model Spec markdown dialect, lint, diff, render and compile to a prompt."""

from charter.spec._diff import SpecDiff, diff_specs
from charter.spec._lint import lint_spec
from charter.spec._model import (
    AUTHORITIES,
    SCHEMA_VERSION,
    Authority,
    CharterFields,
    CheckRef,
    Diagnostic,
    EvalPrompt,
    Example,
    Reference,
    Response,
    Section,
    Spec,
)
from charter.spec._parser import load_spec, parse_examples, parse_spec
from charter.spec._prompt import compile_prompt

__all__ = [
    "AUTHORITIES",
    "SCHEMA_VERSION",
    "Authority",
    "CharterFields",
    "CheckRef",
    "Diagnostic",
    "EvalPrompt",
    "Example",
    "Reference",
    "Response",
    "Section",
    "Spec",
    "SpecDiff",
    "compile_prompt",
    "diff_specs",
    "lint_spec",
    "load_spec",
    "parse_examples",
    "parse_spec",
]
