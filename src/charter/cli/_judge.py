"""``charter judge``: run any check or judge on your own logs, and test a judge on a spec's examples.

``charter judge run NAME --input logs.jsonl`` reads one conversation per line and writes, in input
order, one ``{"id", "judge", "label", "score", "explanation"}`` object per line.

``charter judge check SPEC --judge NAME`` runs the judge on the spec's own GOOD and BAD example
replies: the examples become unit tests for the judge, and statements where it disagrees with the
spec are listed as untrusted.
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
import typing
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import click
import yaml
from pydantic import BaseModel, ConfigDict, Field
from pydantic.fields import FieldInfo

from charter._files import atomic_output, check_writable
from charter.chat import Conversation, Message, Role
from charter.checks import Check, CheckVerdict, Registry, Sample, default_registry
from charter.checks._registry import CpuJudge
from charter.checks._rubric import RubricJudge, RubricParams
from charter.cli._common import friendly_errors, open_spec
from charter.exceptions import CheckError, ConfigError, SpecError
from charter.providers import Provider, create_provider
from charter.spec import Section, Spec

__all__ = [
    "JudgeCheckReport",
    "ResponseResult",
    "StatementResult",
    "acheck_judge",
    "arun_judge",
    "check_judge",
    "judge",
    "read_rows",
    "render_report",
    "row_to_sample",
    "run_judge",
]

DEFAULT_BATCH = 32
_MAX_REPORTED_ERRORS = 20
_STATEMENT_CONCURRENCY = 4
_ROLES = {r.value: r for r in Role}
_ROLE_MARKUP = re.compile(r":\w+:`~?(?:[\w.]+\.)?([\w]+)`")  # :func:`charter.x.find_pii` -> find_pii


# ---- input rows ---------------------------------------------------------------------------------


def _content(value: object, where: str) -> str:
    """Message content: a string, ``null``, or OpenAI content parts of type ``text``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        texts: list[str] = []
        for part in value:
            if not isinstance(part, dict) or not isinstance(part.get("type"), str):
                raise ConfigError(f"{where}: a content part must be an object with a 'type'")
            kind = part["type"]
            if kind not in ("text", "input_text", "output_text"):
                texts.append(f"[{kind}]")  # an image, audio or file part: judges read text only
                continue
            text = part.get("text")
            if not isinstance(text, str):
                raise ConfigError(f"{where}: a text content part needs a string 'text'")
            texts.append(text)
        return "".join(texts)
    raise ConfigError(f"{where}: content must be a string or a list of text parts")


def _messages(value: object) -> list[Message]:
    if not isinstance(value, list) or not value:
        raise ConfigError("'messages' must be a non-empty list of {role, content} objects")
    out: list[Message] = []
    for index, item in enumerate(value):
        where = f"messages[{index}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{where}: expected an object with 'role' and 'content'")
        role = _ROLES.get(str(item.get("role")))
        if role is None:
            raise ConfigError(f"{where}: unknown role {item.get('role')!r} (known: {', '.join(_ROLES)})")
        name = item.get("name")
        if name is not None and not isinstance(name, str):
            raise ConfigError(f"{where}: 'name' must be a string")
        content = _content(item.get("content"), where)
        if not content and role is Role.ASSISTANT:
            content = _tool_calls(item.get("tool_calls"), where)
        out.append(Message(role=role, content=content, name=name))
    return out


def _tool_calls(value: object, where: str) -> str:
    """An assistant message's ``tool_calls`` as text, ``name(arguments)`` a line: a reply that calls a
    tool acts on the request, and must not be read as an empty reply (which judges call a refusal)."""
    if value is None:
        return ""
    if not isinstance(value, list):
        raise ConfigError(f"{where}: 'tool_calls' must be a list")
    lines: list[str] = []
    for call in value:
        function = call.get("function") if isinstance(call, dict) else None
        if not isinstance(function, dict) or not isinstance(function.get("name"), str):
            raise ConfigError(f"{where}: each tool call needs a 'function' with a 'name'")
        arguments = function.get("arguments")
        lines.append(f"{function['name']}({arguments if isinstance(arguments, str) else ''})")
    return "\n".join(lines)


def _row_id(row: Mapping[str, object], number: int) -> str | int:
    """The row's ``id`` as given (a string or an integer), or its line number when it has none."""
    raw_id = row.get("id")
    if raw_id is None:
        return number
    if isinstance(raw_id, str | int) and not isinstance(raw_id, bool):
        return raw_id
    raise ConfigError("'id' must be a string or an integer")


def row_to_sample(row: object, number: int) -> Sample:
    """One input row as a sample. ``number`` (1-based) is the id when the row has none.

    A row has ``prompt`` and ``response`` strings, or ``messages`` (OpenAI style) ending with the
    assistant reply to judge; ``id`` is optional. Other keys are ignored. ``ConfigError`` otherwise.
    """
    if not isinstance(row, dict):
        raise ConfigError(f"expected a JSON object, got {type(row).__name__}")
    ident = str(_row_id(row, number))
    if "messages" in row:
        if "prompt" in row or "response" in row:
            raise ConfigError("give either 'prompt' and 'response' or 'messages', not both")
        messages = _messages(row["messages"])
        if messages[-1].role is not Role.ASSISTANT:
            raise ConfigError("'messages' must end with the assistant reply to judge")
        return Sample(conversation=Conversation(messages=messages[:-1]), reply=messages[-1].content, id=ident)
    missing = [key for key in ("prompt", "response") if key not in row]
    if missing:
        raise ConfigError(
            f"missing {' and '.join(repr(k) for k in missing)}: each line needs 'prompt' and 'response', "
            "or 'messages'"
        )
    for key in ("prompt", "response"):
        if not isinstance(row[key], str):
            raise ConfigError(f"{key!r} must be a string")
    prompt = Message(role=Role.USER, content=row["prompt"])
    return Sample(conversation=Conversation(messages=[prompt]), reply=row["response"], id=ident)


def read_rows(text: str, *, source: str) -> list[Sample]:
    """Validate every line of a JSONL file before anything runs; ``ConfigError`` lists ``FILE:LINE: ...``."""
    return _read_rows(text, source=source)[0]


def _read_rows(text: str, *, source: str) -> tuple[list[Sample], list[str | int]]:
    """The samples of a JSONL text and each one's id as given (:func:`_row_id`).

    Lines end at ``\n`` only (``\r\n`` too): JSON strings may hold U+2028 and other characters that
    ``str.splitlines`` would break a line at. A leading byte-order mark is skipped.
    """
    samples: list[Sample] = []
    ids: list[str | int] = []
    problems: list[str] = []
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{source}:{number}: invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        try:
            samples.append(row_to_sample(row, number))
            ids.append(_row_id(row, number))
        except ConfigError as exc:
            problems.append(f"{source}:{number}: {exc}")
    if problems:
        more = len(problems) - _MAX_REPORTED_ERRORS
        shown = problems[:_MAX_REPORTED_ERRORS] + ([f"... and {more} more bad line(s)"] if more > 0 else [])
        raise ConfigError("\n".join(shown))
    return samples, ids


def _read_input(path: str) -> tuple[str, str]:
    """``(source name, text)`` of an input file or of stdin (``-``), decoded as UTF-8 strictly."""
    source = "<stdin>" if path == "-" else path
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        return source, data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start : exc.start + 1].hex()
        raise ConfigError(f"{source}:{line}: not UTF-8 text (byte 0x{byte}); save the file as UTF-8") from exc


def _duplicates(ids: Sequence[str | int]) -> list[str | int]:
    seen: set[str | int] = set()
    repeated: dict[str | int, None] = {}
    for ident in ids:
        if ident in seen:
            repeated[ident] = None
        seen.add(ident)
    return list(repeated)


# ---- judge run ----------------------------------------------------------------------------------


def _output_row(name: str, sample: Sample, verdict: CheckVerdict) -> dict[str, Any]:
    explanation = verdict.explanation
    if verdict.error:
        explanation = f"{explanation} (error: {verdict.error})" if explanation else f"error: {verdict.error}"
    return {
        "id": sample.id,
        "judge": name,
        "label": verdict.label,
        "score": verdict.score,
        "explanation": explanation,
    }


async def _close(check: Check) -> None:
    closer = getattr(check, "aclose", None)
    if callable(closer):
        await closer()


def _batches(items: Sequence[Sample], size: int) -> Iterator[Sequence[Sample]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


async def arun_judge(
    registry: Registry,
    name: str,
    params: Mapping[str, Any] | None,
    rows: Sequence[Sample | Mapping[str, Any]],
    *,
    batch_size: int = DEFAULT_BATCH,
) -> list[dict[str, Any]]:
    """Async form of :func:`run_judge`."""
    if batch_size < 1:
        raise ConfigError(f"batch size must be at least 1, not {batch_size}")
    samples: list[Sample] = []
    for number, row in enumerate(rows, start=1):
        if isinstance(row, Sample):
            samples.append(row if row.id is not None else row.model_copy(update={"id": str(number)}))
            continue
        try:
            samples.append(row_to_sample(row, number))
        except ConfigError as exc:
            raise ConfigError(f"row {number}: {exc}") from exc
    check = registry.create(name, params)
    out: list[dict[str, Any]] = []
    try:
        for batch in _batches(samples, batch_size):
            verdicts = await check.check_batch(batch)
            if len(verdicts) != len(batch):
                raise CheckError(f"check {name!r} returned {len(verdicts)} verdicts for {len(batch)} samples")
            out.extend(_output_row(name, s, v) for s, v in zip(batch, verdicts, strict=True))
    finally:
        await _close(check)
    return out


def run_judge(
    registry: Registry,
    name: str,
    params: Mapping[str, Any] | None,
    rows: Sequence[Sample | Mapping[str, Any]],
    *,
    batch_size: int = DEFAULT_BATCH,
) -> list[dict[str, Any]]:
    """Judge ``rows`` with check ``name``: one ``{id, judge, label, score, explanation}`` per row, in order.

    Rows are samples or input mappings (see :func:`row_to_sample`). Runs its own event loop.
    """
    return asyncio.run(arun_judge(registry, name, params, rows, batch_size=batch_size))


# ---- judge check --------------------------------------------------------------------------------


class ResponseResult(BaseModel):
    """The judge's verdict on one GOOD or BAD example reply of the spec."""

    model_config = ConfigDict(frozen=True)

    example: str
    line: int
    expected: Literal["good", "bad"]
    label: str
    score: float
    passed: bool | None
    #: whether the judge agrees with the spec on this reply (``None`` in score mode: see pairs)
    agree: bool | None
    error: str | None = None


class StatementResult(BaseModel):
    """How well the judge reproduces one statement's GOOD/BAD verdicts.

    In ``passed`` mode (the judge says whether a reply keeps the statement) a reply agrees when
    ``passed`` matches GOOD/BAD and ``judged`` counts replies. In ``score`` mode (a classifier with
    no expectation) ``judged`` counts GOOD/BAD pairs and a pair agrees when GOOD scores higher.
    ``good_mean``/``bad_mean`` are the mean pass rate (passed mode) or score (score mode).
    """

    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    authority: str | None
    mode: Literal["passed", "score"]
    judged: int
    agreed: int
    accuracy: float | None
    good_mean: float | None
    bad_mean: float | None
    good_above_bad: bool | None
    errors: int
    #: ``False`` when accuracy < 0.5 or GOOD is not above BAD; ``None`` when it cannot be told
    trusted: bool | None
    responses: list[ResponseResult] = Field(default_factory=list)


class JudgeCheckReport(BaseModel):
    """The result of ``charter judge check``."""

    model_config = ConfigDict(frozen=True)

    #: 2: ``scope`` and ``listed`` added; score-mode pairs are taken within one example
    version: int = 2
    spec: str
    judge: str
    #: ``listed``: only the statements whose ``charter`` block names the judge (there it serves them, with
    #: their parameters); ``all``: every statement with examples (none names it, or ``--all-statements``)
    scope: Literal["listed", "all"] = "all"
    #: how many statements name the judge in their ``charter`` block
    listed: int = 0
    statements: list[StatementResult]
    judged: int
    agreed: int
    accuracy: float | None
    errors: int
    untrusted: list[str]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


_Case = tuple[int, str, int, Literal["good", "bad"]]  # (example index, example title, line, GOOD/BAD)


def _statement_result(
    section: Section, cases: Sequence[_Case], verdicts: Sequence[CheckVerdict]
) -> StatementResult:
    ok = [v for v in verdicts if v.error is None]
    mode: Literal["passed", "score"] = "passed" if all(v.passed is not None for v in ok) else "score"
    responses: list[ResponseResult] = []
    for (_, title, line, expected), v in zip(cases, verdicts, strict=True):
        agree: bool | None = None
        if v.error is not None:
            agree = False
        elif mode == "passed":
            agree = v.passed == (expected == "good")
        responses.append(
            ResponseResult(
                example=title,
                line=line,
                expected=expected,
                label=v.label,
                score=v.score,
                passed=v.passed,
                agree=agree,
                error=v.error,
            )
        )
    good = [r for r in responses if r.expected == "good"]
    bad = [r for r in responses if r.expected == "bad"]
    if mode == "passed":
        judged, agreed = len(responses), sum(1 for r in responses if r.agree)
        good_mean = _mean([1.0 if r.passed else 0.0 for r in good if r.error is None])
        bad_mean = _mean([1.0 if r.passed else 0.0 for r in bad if r.error is None])
    else:
        # a GOOD and a BAD reply of the same example answer the same conversation: only they compare
        examples = [case[0] for case in cases]
        pairs = [
            (g, b)
            for i, g in enumerate(responses)
            for j, b in enumerate(responses)
            if g.expected == "good" and b.expected == "bad" and examples[i] == examples[j]
        ]
        judged = len(pairs)
        agreed = sum(1 for g, b in pairs if g.error is None and b.error is None and g.score > b.score)
        good_mean = _mean([r.score for r in good if r.error is None])
        bad_mean = _mean([r.score for r in bad if r.error is None])
    accuracy = agreed / judged if judged else None
    above = good_mean > bad_mean if good_mean is not None and bad_mean is not None else None
    if (accuracy is not None and accuracy < 0.5) or above is False:
        trusted: bool | None = False
    elif accuracy is None and above is None:
        trusted = None
    else:
        trusted = True
    return StatementResult(
        id=section.id,
        title=section.title,
        authority=section.authority,
        mode=mode,
        judged=judged,
        agreed=agreed,
        accuracy=accuracy,
        good_mean=good_mean,
        bad_mean=bad_mean,
        good_above_bad=above,
        errors=sum(1 for v in verdicts if v.error is not None),
        trusted=trusted,
        responses=responses,
    )


def _statement_params(section: Section, name: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The statement's own ``charter`` block params for this check, overridden by ``params``."""
    refs = section.charter.checks if section.charter is not None else []
    own = next((ref.params for ref in refs if ref.name == name), {})
    return {**own, **params}


class _Providers:
    """The providers LLM judges share during one ``judge check``: one per (model, base URL)."""

    def __init__(self, fixed: Provider | None) -> None:
        self.fixed = fixed
        self.opened: dict[tuple[str, str | None], Provider] = {}

    def get(self, model: str, base_url: str | None) -> Provider:
        if self.fixed is not None:
            return self.fixed
        key = (model, base_url)
        if key not in self.opened:
            self.opened[key] = create_provider(model, base_url=base_url)
        return self.opened[key]

    async def aclose(self) -> None:
        for provider in self.opened.values():
            await provider.aclose()


def _build_check(
    registry: Registry, name: str, section: Section, params: Mapping[str, Any], providers: _Providers
) -> Check:
    merged = _statement_params(section, name, params)
    try:
        cls = registry.resolve(name)
        if issubclass(cls, RubricJudge):
            base = RubricJudge.for_statement(section).options.model_dump()
            options = RubricParams.model_validate(
                registry.validate_params(name, {**base, **merged}).model_dump()
            )
            provider = providers.get(options.model, options.base_url)
            return cls(options, statement_id=section.id, provider=provider)
        return registry.create(name, merged, statement_id=section.id)
    except CheckError as exc:
        raise CheckError(f"statement {section.id!r}: {exc}") from exc


async def acheck_judge(
    registry: Registry,
    spec: Spec,
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    provider: Provider | None = None,
    all_statements: bool = False,
) -> JudgeCheckReport:
    """Async form of :func:`check_judge`."""
    params = dict(params or {})
    work: list[tuple[Section, list[_Case], list[Sample]]] = []
    listed = [
        s.id for s in spec.statements if s.charter and any(ref.name == name for ref in s.charter.checks)
    ]
    scope: Literal["listed", "all"] = "listed" if listed and not all_statements else "all"
    for section in spec.statements:
        if scope == "listed" and section.id not in listed:
            continue
        cases: list[_Case] = []
        samples: list[Sample] = []
        for index, example in enumerate(section.examples):
            for response in example.responses:
                if response.verdict is None:
                    continue
                cases.append((index, example.title, response.line, response.verdict))
                conversation = Conversation(messages=[*example.messages, *response.context])
                samples.append(
                    Sample(
                        conversation=conversation, reply=response.content, id=f"{section.id}:{response.line}"
                    )
                )
        if cases:
            work.append((section, cases, samples))
    if not work:
        where = f"no statement whose charter block names {name!r}" if scope == "listed" else "no statement"
        raise SpecError(f"{where} has GOOD or BAD example replies to test the judge on", path=spec.source)
    providers = _Providers(provider)
    try:
        checks = [_build_check(registry, name, section, params, providers) for section, _, _ in work]
    except BaseException:
        await providers.aclose()
        raise
    gate = asyncio.Semaphore(_STATEMENT_CONCURRENCY)

    async def one(check: Check, samples: list[Sample]) -> list[CheckVerdict]:
        async with gate:
            try:
                return await check.check_batch(samples)
            finally:
                await _close(check)

    try:
        results = await asyncio.gather(*(one(c, w[2]) for c, w in zip(checks, work, strict=True)))
    finally:
        await providers.aclose()
    statements = [
        _statement_result(section, cases, verdicts)
        for (section, cases, _), verdicts in zip(work, results, strict=True)
    ]
    judged = sum(s.judged for s in statements)
    agreed = sum(s.agreed for s in statements)
    return JudgeCheckReport(
        spec=spec.source,
        judge=name,
        scope=scope,
        listed=len(listed),
        statements=statements,
        judged=judged,
        agreed=agreed,
        accuracy=agreed / judged if judged else None,
        errors=sum(s.errors for s in statements),
        untrusted=[s.id for s in statements if s.trusted is False],
    )


def check_judge(
    registry: Registry,
    spec: Spec,
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    provider: Provider | None = None,
    all_statements: bool = False,
) -> JudgeCheckReport:
    """Run judge ``name`` on the GOOD/BAD example replies of ``spec`` and score its agreement.

    The statements tested are those whose ``charter`` block names the judge, or every statement when
    none does or ``all_statements`` is set: a statement's BAD replies are only what a judge detects when
    the statement lists it. In score mode a GOOD reply is compared with the BAD replies of its own example.
    Each statement's ``charter`` block params for the judge apply, overridden by ``params``.
    ``llm_rubric`` is built per statement with :meth:`RubricJudge.for_statement`; statements
    share ``provider`` when given, else one provider per model spec, closed at the end.
    """
    return asyncio.run(
        acheck_judge(registry, spec, name, params, provider=provider, all_statements=all_statements)
    )


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.2f}"


def render_report(report: JudgeCheckReport) -> str:
    """The text form of a :class:`JudgeCheckReport`."""
    tested = len(report.statements)
    if report.scope == "listed":
        scope = f"the {tested} statement(s) whose charter block names it"
    elif report.listed:
        scope = f"all {tested} statements with examples (--all-statements; {report.listed} name it)"
    else:
        scope = (
            f"all {tested} statements with examples: none names it in a charter block, so a statement's "
            "BAD replies need not be what this judge detects: low agreement there is no fault of the judge"
        )
    lines = [
        f"judge {report.judge} on {report.spec}: {report.agreed}/{report.judged} agree, "
        f"accuracy {_fmt(report.accuracy).strip()}, {report.errors} judge error(s)",
        f"tested on {scope}",
    ]
    width = max(len(s.id) for s in report.statements)
    for s in report.statements:
        status = {True: "ok  ", False: "FAIL", None: "??  "}[s.trusted]
        order = "n/a" if s.good_above_bad is None else (">" if s.good_above_bad else "<=")
        lines.append(
            f"  {status}  {s.id:<{width}}  acc {_fmt(s.accuracy)} ({s.agreed}/{s.judged} {s.mode})"
            f"  GOOD {_fmt(s.good_mean)} {order} BAD {_fmt(s.bad_mean)}"
            + (f"  errors {s.errors}" if s.errors else "")
        )
        if s.trusted is False:
            for r in s.responses:
                if r.agree is False or (s.mode == "score" and r.error):
                    why = f"error: {r.error}" if r.error else f"judged {r.label} (score {r.score:.2f})"
                    lines.append(f"          line {r.line}: {r.expected.upper()} reply {why}")
    if report.untrusted:
        lines.append(
            f"untrusted ({len(report.untrusted)}; accuracy < 0.5 or GOOD not above BAD): "
            + ", ".join(report.untrusted)
        )
    else:
        lines.append("the judge agrees with the spec on every statement it could test")
    return "\n".join(lines)


# ---- click commands -----------------------------------------------------------------------------


def _is_text_field(annotation: object) -> bool:
    return annotation is str or annotation == (str | None)


def _is_list_field(annotation: object) -> bool:
    return typing.get_origin(annotation) is list or any(
        typing.get_origin(arg) is list for arg in typing.get_args(annotation)
    )


def _parse_params(items: Sequence[str], fields: Mapping[str, FieldInfo]) -> dict[str, Any]:
    """``key=value`` pairs; values are read as YAML unless the parameter is a plain string."""
    params: dict[str, Any] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise click.BadParameter(f"expected key=value, got {item!r}", param_hint="--param")
        field = fields.get(key)
        if field is not None and _is_text_field(field.annotation):
            params[key] = raw
            continue
        try:
            value = yaml.safe_load(raw) if raw.strip() else ""
        except yaml.YAMLError:
            value = raw
        if field is not None and _is_list_field(field.annotation) and isinstance(value, str | int | float):
            value = [value]  # --param patterns=foo means one pattern
        params[key] = value
    return params


def _registry() -> Registry:
    found = click.get_current_context().find_object(Registry)
    return found if found is not None else default_registry()


def _with_model(
    registry: Registry, name: str, params: dict[str, Any], model: str | None, base_url: str | None
) -> dict[str, Any]:
    fields = registry.resolve(name).Params.model_fields
    for option, key, value in (("--model", "model", model), ("--base-url", "base_url", base_url)):
        if value is None:
            continue
        if key not in fields:
            raise ConfigError(f"check {name!r} takes no {option}")
        params[key] = value
    return params


@click.group("judge")
def judge() -> None:
    """Run checks and judges on your own logs; test a judge against a spec's examples."""


_model_option = click.option(
    "--model", default=None, help="Provider spec of an LLM judge, e.g. openai/gpt-4o-mini."
)
_base_url_option = click.option("--base-url", default=None, help="Base URL of an OpenAI-compatible endpoint.")
_param_option = click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A check parameter (value read as YAML); repeatable.",
)


def _kind(cls: type[Check]) -> str:
    if cls.remote:
        return "LLM"
    if isinstance(cls, type) and issubclass(cls, CpuJudge):
        return "embedded"
    return "deterministic"


def _param_summary(cls: type[Check]) -> str:
    parts = []
    for key, field in cls.Params.model_fields.items():
        default = field.get_default(call_default_factory=True)
        shown = field.alias or key
        parts.append(shown if field.is_required() else f"{shown}={json.dumps(default, default=str)}")
    return ", ".join(parts)


@judge.command("list")
@friendly_errors
def list_command() -> None:
    """List the registered checks and judges: name, kind, what it does and its parameters."""
    registry = _registry()
    rows = []
    for name in registry.names():
        cls = registry.resolve(name)
        doc = _ROLE_MARKUP.sub(r"\1", (cls.__doc__ or "").strip().split("\n")[0]).replace("``", "")
        rows.append((name, _kind(cls), doc, _param_summary(cls)))
    width = max(len(r[0]) for r in rows)
    for name, kind, doc, params in rows:
        click.echo(f"{name:<{width}}  {kind:<13}  {doc}")
        if params:
            click.echo(f"{'':<{width}}  {'':<13}  params: {params}")


@judge.command("run")
@click.argument("name")
@click.option(
    "--input", "input_path", required=True, metavar="FILE.jsonl", help="Input JSONL ('-' for stdin)."
)
@click.option(
    "--output",
    "output_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output JSONL (default stdout).",
)
@_param_option
@_model_option
@_base_url_option
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=None,
    help="Samples per call to the check's batch evaluation [default: the check's own: 512 for the "
    "embedded judges, 32 for the others].",
)
@click.option(
    "--allow-errors",
    is_flag=True,
    help="Exit 0 even when some verdicts are judge errors (label 'error').",
)
@friendly_errors
def run_command(
    name: str,
    input_path: str,
    output_path: Path | None,
    params: tuple[str, ...],
    model: str | None,
    base_url: str | None,
    batch_size: int | None,
    allow_errors: bool,
) -> None:
    """Judge each line of FILE.jsonl with check NAME.

    Each input line has "prompt" and "response" (or "messages", OpenAI style, ending with the
    assistant reply) and an optional "id". Each output line, in input order, is
    {"id", "judge", "label", "score", "explanation"}; the id is the input's, as given, or else the
    line number. Exit 1 when a verdict is a judge error (unless --allow-errors), 2 on bad input.
    """
    registry = _registry()
    check_class = registry.resolve(name)
    options = _with_model(
        registry, name, _parse_params(params, check_class.Params.model_fields), model, base_url
    )
    registry.validate_params(name, options)
    if output_path is not None:
        try:
            check_writable(output_path)
        except OSError as exc:
            raise ConfigError(f"cannot write {output_path}: {exc.strerror or exc}") from exc
    source, text = _read_input(input_path)
    samples, ids = _read_rows(text, source=source)
    if not samples:
        click.echo(f"warning: {source} has no rows to judge", err=True)
    repeated = _duplicates(ids)
    if repeated:
        shown = ", ".join(json.dumps(i, ensure_ascii=False) for i in repeated[:5])
        click.echo(
            f"warning: {source}: {len(repeated)} id(s) appear on more than one line ({shown}"
            f"{', ...' if len(repeated) > 5 else ''}); output rows follow input order",
            err=True,
        )
    results = run_judge(registry, name, options, samples, batch_size=batch_size or check_class.batch_size)
    for row, ident in zip(results, ids, strict=True):
        row["id"] = ident
    errors = sum(1 for row in results if row["label"] == "error")
    if output_path is None:
        for row in results:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        try:
            with atomic_output(output_path) as out:
                for row in results:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise ConfigError(f"cannot write {output_path}: {exc.strerror or exc}") from exc
    if errors:
        click.echo(f"warning: {errors} of {len(results)} verdicts are judge errors (label 'error')", err=True)
        if not allow_errors:
            raise SystemExit(1)


@judge.command("check")
@click.argument("spec_path", metavar="SPEC")
@click.option(
    "--judge",
    "name",
    required=True,
    metavar="NAME",
    help="The check or judge to test, e.g. refusal or llm_rubric.",
)
@_param_option
@_model_option
@_base_url_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 1),
    default=None,
    help="Exit 1 when overall accuracy is below this.",
)
@click.option(
    "--all-statements",
    is_flag=True,
    help="Test every statement with examples, not only those whose charter block names the judge.",
)
@friendly_errors
def check_command(
    spec_path: str,
    name: str,
    params: tuple[str, ...],
    model: str | None,
    base_url: str | None,
    fmt: str,
    fail_under: float | None,
    all_statements: bool,
) -> None:
    """Test judge NAME on SPEC's own GOOD and BAD example replies ('default' for the bundled spec).

    Reports, per statement, whether the judge scores GOOD above BAD and its accuracy, and lists
    the statements where the judge cannot be trusted (accuracy < 0.5 or GOOD not above BAD).
    Tests the statements whose charter block names the judge (with their parameters), or every
    statement when none does; a classifier with no expectation compares GOOD and BAD replies of
    the same example.
    """
    registry = _registry()
    fields = registry.resolve(name).Params.model_fields
    options = _with_model(registry, name, _parse_params(params, fields), model, base_url)
    if not issubclass(registry.resolve(name), RubricJudge):  # a rubric's required fields come per statement
        registry.validate_params(name, options)
    spec = open_spec(spec_path)
    report = check_judge(registry, spec, name, options, all_statements=all_statements)
    if fmt == "json":
        click.echo(json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        click.echo(render_report(report))
    if fail_under is not None and (report.accuracy is None or report.accuracy < fail_under):
        raise SystemExit(1)
