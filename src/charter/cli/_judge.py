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
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import click
import yaml
from pydantic import BaseModel, ConfigDict, Field
from pydantic.fields import FieldInfo

from charter.chat import Conversation, Message, Role
from charter.checks import Check, CheckVerdict, Registry, Sample, default_registry
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
            if not isinstance(part, dict) or part.get("type") not in ("text", "input_text", "output_text"):
                raise ConfigError(f"{where}: only text content parts are supported")
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
        out.append(Message(role=role, content=_content(item.get("content"), where), name=name))
    return out


def row_to_sample(row: object, number: int) -> Sample:
    """One input row as a sample. ``number`` (1-based) is the id when the row has none.

    A row has ``prompt`` and ``response`` strings, or ``messages`` (OpenAI style) ending with the
    assistant reply to judge; ``id`` is optional. Other keys are ignored. ``ConfigError`` otherwise.
    """
    if not isinstance(row, dict):
        raise ConfigError(f"expected a JSON object, got {type(row).__name__}")
    raw_id = row.get("id")
    if raw_id is None:
        ident = str(number)
    elif isinstance(raw_id, str | int) and not isinstance(raw_id, bool):
        ident = str(raw_id)
    else:
        raise ConfigError("'id' must be a string or an integer")
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
    samples: list[Sample] = []
    problems: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{source}:{number}: invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        try:
            samples.append(row_to_sample(row, number))
        except ConfigError as exc:
            problems.append(f"{source}:{number}: {exc}")
    if problems:
        more = len(problems) - _MAX_REPORTED_ERRORS
        shown = problems[:_MAX_REPORTED_ERRORS] + ([f"... and {more} more bad line(s)"] if more > 0 else [])
        raise ConfigError("\n".join(shown))
    return samples


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

    spec: str
    judge: str
    statements: list[StatementResult]
    judged: int
    agreed: int
    accuracy: float | None
    errors: int
    untrusted: list[str]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _statement_result(
    section: Section,
    cases: Sequence[tuple[str, int, Literal["good", "bad"]]],
    verdicts: Sequence[CheckVerdict],
) -> StatementResult:
    ok = [v for v in verdicts if v.error is None]
    mode: Literal["passed", "score"] = "passed" if all(v.passed is not None for v in ok) else "score"
    responses: list[ResponseResult] = []
    for (title, line, expected), v in zip(cases, verdicts, strict=True):
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
        pairs = [(g, b) for g in good for b in bad]
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
) -> JudgeCheckReport:
    """Async form of :func:`check_judge`."""
    params = dict(params or {})
    work: list[tuple[Section, list[tuple[str, int, Literal["good", "bad"]]], list[Sample]]] = []
    for section in spec.statements:
        cases: list[tuple[str, int, Literal["good", "bad"]]] = []
        samples: list[Sample] = []
        for example in section.examples:
            for response in example.responses:
                if response.verdict is None:
                    continue
                cases.append((example.title, response.line, response.verdict))
                conversation = Conversation(messages=[*example.messages, *response.context])
                samples.append(
                    Sample(
                        conversation=conversation, reply=response.content, id=f"{section.id}:{response.line}"
                    )
                )
        if cases:
            work.append((section, cases, samples))
    if not work:
        raise SpecError("no statement has GOOD or BAD example replies to test the judge on", path=spec.source)
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
) -> JudgeCheckReport:
    """Run judge ``name`` on every GOOD/BAD example reply of ``spec`` and score its agreement.

    Each statement's ``charter`` block params for the judge apply, overridden by ``params``.
    ``llm_rubric`` is built per statement with :meth:`RubricJudge.for_statement`; statements
    share ``provider`` when given, else one provider per model spec, closed at the end.
    """
    return asyncio.run(acheck_judge(registry, spec, name, params, provider=provider))


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.2f}"


def render_report(report: JudgeCheckReport) -> str:
    """The text form of a :class:`JudgeCheckReport`."""
    lines = [
        f"judge {report.judge} on {report.spec}: {report.agreed}/{report.judged} agree, "
        f"accuracy {_fmt(report.accuracy).strip()}, {report.errors} judge error(s)",
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
            params[key] = yaml.safe_load(raw) if raw.strip() else ""
        except yaml.YAMLError:
            params[key] = raw
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


def _write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a failure leaves no partial output."""
    folder = path.resolve().parent
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


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
    default=DEFAULT_BATCH,
    show_default=True,
    help="Samples per call to the check's batch evaluation.",
)
@friendly_errors
def run_command(
    name: str,
    input_path: str,
    output_path: Path | None,
    params: tuple[str, ...],
    model: str | None,
    base_url: str | None,
    batch_size: int,
) -> None:
    """Judge each line of FILE.jsonl with check NAME.

    Each input line has "prompt" and "response" (or "messages", OpenAI style, ending with the
    assistant reply) and an optional "id". Each output line, in input order, is
    {"id", "judge", "label", "score", "explanation"}; the id defaults to the line number.
    """
    registry = _registry()
    fields = registry.resolve(name).Params.model_fields
    options = _with_model(registry, name, _parse_params(params, fields), model, base_url)
    registry.validate_params(name, options)
    if input_path == "-":
        source, text = "<stdin>", sys.stdin.read()
    else:
        source = input_path
        try:
            text = Path(input_path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read {input_path}: {exc}") from exc
    samples = read_rows(text, source=source)
    results = run_judge(registry, name, options, samples, batch_size=batch_size)
    body = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in results)
    errors = sum(1 for row in results if row["label"] == "error")
    if errors:
        click.echo(f"warning: {errors} of {len(results)} verdicts are judge errors (label 'error')", err=True)
    if output_path is None:
        click.echo(body, nl=False)
    else:
        _write_atomic(output_path, body)


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
@friendly_errors
def check_command(
    spec_path: str,
    name: str,
    params: tuple[str, ...],
    model: str | None,
    base_url: str | None,
    fmt: str,
    fail_under: float | None,
) -> None:
    """Test judge NAME on SPEC's own GOOD and BAD example replies ('default' for the bundled spec).

    Reports, per statement, whether the judge scores GOOD above BAD and its accuracy, and lists
    the statements where the judge cannot be trusted (accuracy < 0.5 or GOOD not above BAD).
    """
    registry = _registry()
    fields = registry.resolve(name).Params.model_fields
    options = _with_model(registry, name, _parse_params(params, fields), model, base_url)
    spec = open_spec(spec_path)
    report = check_judge(registry, spec, name, options)
    if fmt == "json":
        click.echo(json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False))
    else:
        click.echo(render_report(report))
    if fail_under is not None and (report.accuracy is None or report.accuracy < fail_under):
        raise SystemExit(1)
