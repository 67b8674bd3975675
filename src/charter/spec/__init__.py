"""Spec as code: parse the Model Spec markdown dialect, lint, diff, render and compile to a prompt."""

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
    "load_spec",
    "parse_examples",
    "parse_spec",
]
