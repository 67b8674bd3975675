"""One registry of checks and judges, by name.

A check is a subclass of :class:`Check` with a ``name`` and a pydantic ``Params`` model. Built-in
checks are listed in :data:`BUILTIN_CHECKS` as import paths and imported only when used, so a
heavy judge costs nothing until it runs. Third-party checks register through the ``charter.checks``
entry-point group, or explicitly with :meth:`Registry.register`.
"""

from __future__ import annotations

import asyncio
import importlib
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from importlib.metadata import entry_points
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from charter.checks._types import CheckVerdict, Sample, Span
from charter.exceptions import CheckError

__all__ = [
    "BUILTIN_CHECKS",
    "Check",
    "NoParams",
    "Registry",
    "check",
    "default_registry",
]

#: Built-in checks and judges: name -> "module:Class", imported lazily.
BUILTIN_CHECKS: Mapping[str, str] = MappingProxyType(
    {
        "pattern": "charter.checks._deterministic:PatternCheck",
        "pii": "charter.checks._deterministic:PiiCheck",
        "leakage": "charter.checks._deterministic:LeakageCheck",
        "json_schema": "charter.checks._deterministic:JsonSchemaCheck",
        "length": "charter.checks._deterministic:LengthCheck",
        "language": "charter.checks._deterministic:LanguageCheck",
        "refusal": "charter.checks._refusal:RefusalJudge",
        "harm": "charter.checks._harm:HarmJudge",
        "llm_rubric": "charter.checks._rubric:RubricJudge",
        "llm_harm": "charter.checks._classify:LlmHarmJudge",
        "llm_refusal": "charter.checks._classify:LlmRefusalJudge",
        "injection": "charter.checks._injection:InjectionCheck",
    }
)


class NoParams(BaseModel):
    """Parameters of a check that takes none."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Check(ABC):
    """Base class of every check and judge.

    Subclasses set ``name`` and ``Params`` and implement :meth:`evaluate`. :meth:`check` wraps it
    with timing and the bookkeeping every verdict must carry (name, params, statement id).
    Override :meth:`evaluate_batch` where a judge benefits from batching.
    """

    name: ClassVar[str] = ""
    Params: ClassVar[type[BaseModel]] = NoParams
    #: where the guard runs this check at run time: ``input`` (the request), ``output`` (the reply);
    #: empty for checks that need an audit case's expectation (they run only in audits)
    stages: ClassVar[tuple[str, ...]] = ("output",)
    #: whether the check can judge a partial reply while it streams (cheap, and once violated a
    #: longer reply stays violated); see :meth:`streams` for parameter-dependent cases
    streamable: ClassVar[bool] = False
    #: whether a verdict on the first part of a reply means what it means on the whole reply, and is
    #: cheap (an embedded judge): the stream monitor judges a streaming reply's text so far with it before
    #: releasing any of that text, so content the check would block does not reach the client first
    judges_prefix: ClassVar[bool] = False
    #: whether the verdict is made of matches in the reply, each a short span found from the text
    #: around it (a word, a pattern, a phone number), so that judging a slice of the reply finds the
    #: matches inside the slice: the stream monitor then judges only the newest part of a long reply
    finds_spans: ClassVar[bool] = False
    #: whether the verdict depends on the statement it serves (an LLM judge reading the statement);
    #: other checks with equal parameters give one verdict that the guard cites for each statement
    per_statement: ClassVar[bool] = False
    #: whether :meth:`evaluate` waits on something outside the process (a model endpoint): the guard
    #: runs such checks concurrently, and local ones one after another, inline
    remote: ClassVar[bool] = False
    #: whether :meth:`evaluate` only computes (never waits on I/O, a lock or a timer): the guard then
    #: runs it without a timeout, which could not interrupt it anyway (set by the built-in checks)
    computes_only: ClassVar[bool] = False
    #: samples per :meth:`check_batch` call when a caller judges a file (``charter judge run``): the
    #: concurrency of an LLM judge, the vectorised batch of an embedded one
    batch_size: ClassVar[int] = 32

    def __init__(self, params: BaseModel | None = None, *, statement_id: str | None = None) -> None:
        self.params = params if params is not None else self.Params()
        self.statement_id = statement_id
        self._params_json: dict[str, Any] | None = None

    @classmethod
    def streams(cls, params: Mapping[str, Any]) -> bool:
        """Whether the guard may run this check on a partial reply, given these parameters."""
        return cls.streamable

    @abstractmethod
    async def evaluate(self, sample: Sample) -> CheckVerdict:
        """Judge one sample. Use :meth:`verdict` to build the result."""

    async def evaluate_batch(self, samples: Sequence[Sample]) -> list[CheckVerdict]:
        return list(await asyncio.gather(*(self.evaluate(s) for s in samples)))

    async def check(self, sample: Sample) -> CheckVerdict:
        start = time.perf_counter()
        result = await self.evaluate(sample)
        return result.model_copy(update={"latency_ms": (time.perf_counter() - start) * 1000})

    async def check_batch(self, samples: Sequence[Sample]) -> list[CheckVerdict]:
        if not samples:
            return []
        start = time.perf_counter()
        results = await self.evaluate_batch(samples)
        each = (time.perf_counter() - start) * 1000 / len(samples)
        return [r.model_copy(update={"latency_ms": each}) for r in results]

    def verdict(
        self,
        *,
        label: str,
        score: float,
        passed: bool | None,
        explanation: str = "",
        evidence: Sequence[Span] = (),
        error: str | None = None,
    ) -> CheckVerdict:
        if self._params_json is None:  # dumped once: every verdict of this check carries its parameters
            self._params_json = self.params.model_dump(mode="json", exclude_defaults=True)
        return CheckVerdict(
            check=self.name,
            params=self._params_json,
            statement_id=self.statement_id,
            label=label,
            score=min(1.0, max(0.0, score)),
            passed=passed,
            explanation=explanation,
            evidence=list(evidence),
            error=error,
        )


#: a batch of judge inputs up to this many reply characters is judged on the caller's event loop
#: (about a millisecond of CPU); a larger one goes to a worker thread so the loop keeps serving
INLINE_CHARS = 4000


async def run_cpu_bound(
    judge: Callable[[list[Sample]], list[CheckVerdict]], samples: Sequence[Sample]
) -> list[CheckVerdict]:
    """``judge(samples)`` (synchronous, CPU-bound): inline when the batch is small, else in a thread.

    Handing a small batch to a worker thread costs more than judging it: the worker then waits for
    the GIL while a busy event loop holds it (a gateway's replies queue behind that wait).
    """
    batch = list(samples)
    if sum(len(s.reply) for s in batch) <= INLINE_CHARS:
        return judge(batch)
    return await asyncio.to_thread(judge, batch)


class CpuJudge(Check):
    """A check that judges whole batches with one synchronous, CPU-bound call (the embedded judges).

    Subclasses implement :meth:`judge_batch`; single samples and batches both go through it, inline
    or in a worker thread as :func:`run_cpu_bound` decides.
    """

    computes_only: ClassVar[bool] = True
    batch_size: ClassVar[int] = 512

    @abstractmethod
    def judge_batch(self, samples: Sequence[Sample]) -> list[CheckVerdict]:
        """Verdicts for ``samples``, in order."""

    async def evaluate(self, sample: Sample) -> CheckVerdict:
        return (await self.evaluate_batch([sample]))[0]

    async def evaluate_batch(self, samples: Sequence[Sample]) -> list[CheckVerdict]:
        if not samples:
            return []
        return await run_cpu_bound(self.judge_batch, samples)


C = TypeVar("C", bound=type[Check])


def check(name: str) -> Callable[[C], C]:
    """Class decorator naming a check: ``@check("pii") class PiiCheck(Check): ...``."""

    def mark(cls: C) -> C:
        cls.name = name
        return cls

    return mark


class Registry:
    """Checks by name. ``default_registry()`` holds the built-ins and installed plug-ins."""

    def __init__(self, entries: Mapping[str, str | type[Check]] | None = None) -> None:
        self._entries: dict[str, str | type[Check]] = dict(entries or {})

    def register(self, cls: type[Check], name: str | None = None) -> type[Check]:
        key = name or cls.name
        if not key:
            raise CheckError(f"{cls.__name__} has no name; decorate it with @check('name')")
        self._entries[key] = cls
        return cls

    def names(self) -> list[str]:
        return sorted(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def resolve(self, name: str) -> type[Check]:
        try:
            entry = self._entries[name]
        except KeyError:
            raise CheckError(f"unknown check {name!r} (known: {', '.join(self.names())})") from None
        if isinstance(entry, str):
            module_name, _, attr = entry.partition(":")
            try:
                entry = getattr(importlib.import_module(module_name), attr)
            except (ImportError, AttributeError) as exc:
                raise CheckError(f"check {name!r} cannot be loaded from {module_name}:{attr}: {exc}") from exc
            if not (isinstance(entry, type) and issubclass(entry, Check)):
                raise CheckError(f"check {name!r} ({module_name}:{attr}) is not a Check subclass")
            self._entries[name] = entry
        return entry

    def validate_params(self, name: str, params: Mapping[str, Any] | None) -> BaseModel:
        cls = self.resolve(name)
        try:
            return cls.Params.model_validate(dict(params or {}))
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'params'}: {e['msg']}" for e in exc.errors()
            )
            raise CheckError(f"check {name!r}: {problems}") from exc

    def create(
        self, name: str, params: Mapping[str, Any] | None = None, *, statement_id: str | None = None
    ) -> Check:
        cls = self.resolve(name)
        return cls(self.validate_params(name, params), statement_id=statement_id)


@cache
def default_registry() -> Registry:
    """The built-in checks plus those installed under the ``charter.checks`` entry-point group."""
    entries: dict[str, str | type[Check]] = dict(BUILTIN_CHECKS)
    for ep in entry_points(group="charter.checks"):
        entries[ep.name] = ep.value
    return Registry(entries)
