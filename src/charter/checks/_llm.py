"""What every LLM judge shares: a strict JSON answer, one corrective retry, then a recorded error.

:func:`ask_json` sends the judge's messages, parses the answer strictly into a pydantic model (a
fenced ```json block is accepted) and, when the answer cannot be used, asks once more with the
reason; a second unusable answer raises :class:`~charter.exceptions.JudgeError`, which the judge
records as an ``error`` verdict: a judge never makes up a verdict. A rate-limited call waits for
the endpoint's ``Retry-After`` (capped) and is sent once more.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Sequence
from typing import ClassVar, TypeVar

from pydantic import BaseModel, ValidationError

from charter.chat import Message, Role
from charter.checks._registry import Check
from charter.checks._types import CheckVerdict, Sample
from charter.exceptions import JudgeError, RateLimited
from charter.providers import GenerationParams, Provider, create_provider

__all__ = ["ModelJudge", "ask_json", "clip", "parse_answer", "transcript"]

_FENCE = re.compile(r"^```[A-Za-z]*\s*\n?(.*?)\n?```$", re.S)
_RATE_LIMIT_WAIT_CAP = 30.0

M = TypeVar("M", bound=BaseModel)


def clip(text: str, limit: int) -> str:
    """``text`` stripped and cut to ``limit`` characters (`` [...]`` marks a cut)."""
    text = text.strip()
    return text if len(text) <= limit else text[:limit].rstrip() + " [...]"


def _tag(message: Message) -> str:
    return f"[{message.role.value} name={message.name}]" if message.name else f"[{message.role.value}]"


def transcript(messages: Sequence[Message], *, per_message: int, budget: int) -> str:
    """The conversation as ``[role] content`` lines, newest kept when it exceeds ``budget``."""
    lines: list[str] = []
    used = 0
    for message in reversed(messages):
        line = f"{_tag(message)} {clip(message.content, per_message)}"
        if lines and used + len(line) > budget:
            break
        lines.append(line)
        used += len(line)
    omitted = len(messages) - len(lines)
    if omitted:
        lines.append(f"[... {omitted} earlier message(s) omitted]")
    return "\n".join(reversed(lines))


def parse_answer(text: str, model: type[M]) -> M:
    """Strict parse of a judge's JSON answer into ``model``; a fenced ```json block is accepted."""
    body = text.strip()
    fenced = _FENCE.match(body)
    if fenced is not None:
        body = fenced.group(1).strip()
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        raise JudgeError(f"the answer is not valid JSON ({exc.msg} at character {exc.pos})") from exc
    if not isinstance(data, dict):
        raise JudgeError(f"the answer must be a JSON object, not {type(data).__name__}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise JudgeError(f"the answer does not match the schema: {_problems(exc)}") from exc


def _problems(exc: ValidationError) -> str:
    shown = "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'answer'}: {e['msg']}" for e in exc.errors()[:5]
    )
    more = f" (and {exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
    return shown + more


async def _call(provider: Provider, messages: Sequence[Message], params: GenerationParams) -> str:
    try:
        completion = await provider.complete(messages, params=params)
    except RateLimited as exc:
        wait = exc.retry_after if exc.retry_after is not None else 1.0
        await asyncio.sleep(min(wait, _RATE_LIMIT_WAIT_CAP))
        completion = await provider.complete(messages, params=params)
    return completion.text


async def ask_json(
    provider: Provider,
    messages: list[Message],
    model: type[M],
    params: GenerationParams,
    *,
    what: str = "judge",
) -> M:
    """Ask, parse strictly, and retry once with a corrective message; ``JudgeError`` after that
    (``what`` names the asker in its message)."""
    text = await _call(provider, messages, params)
    try:
        return parse_answer(text, model)
    except JudgeError as first:
        correction = (
            f"Your previous answer could not be used: {first}. Answer again with only the JSON "
            "object in the required format, with no other text."
        )
        retry = [
            *messages,
            Message(role=Role.ASSISTANT, content=text),
            Message(role=Role.USER, content=correction),
        ]
        text = await _call(provider, retry, params)
        try:
            return parse_answer(text, model)
        except JudgeError as second:
            raise JudgeError(
                f"{what} output malformed after one retry: {second}; answer began {clip(text, 120)!r}"
            ) from second


class ModelJudge(Check):
    """A check that asks a judge model. Its ``params`` have ``model`` (a provider spec) and
    ``base_url``; pass ``provider`` to inject an endpoint, otherwise ``params.model`` is opened on
    first use (and closed by :meth:`aclose`). Batches run :meth:`evaluate` a few calls at a time."""

    remote: ClassVar[bool] = True
    #: calls to the judge model at a time in :meth:`evaluate_batch`
    concurrency: ClassVar[int] = 8

    def __init__(
        self,
        params: BaseModel | None = None,
        *,
        statement_id: str | None = None,
        provider: Provider | None = None,
    ) -> None:
        super().__init__(params, statement_id=statement_id)
        self._provider = provider
        self._owns_provider = provider is None

    @property
    def provider(self) -> Provider:
        """The endpoint, opened from ``params.model`` on first use unless one was injected."""
        if self._provider is None:
            model, base_url = getattr(self.params, "model"), getattr(self.params, "base_url", None)  # noqa: B009
            self._provider = create_provider(str(model), base_url=base_url)
        return self._provider

    async def aclose(self) -> None:
        """Close the provider if this judge opened it."""
        if self._owns_provider and self._provider is not None:
            await self._provider.aclose()

    async def evaluate_batch(self, samples: Sequence[Sample]) -> list[CheckVerdict]:
        gate = asyncio.Semaphore(self.concurrency)

        async def one(sample: Sample) -> CheckVerdict:
            async with gate:
                return await self.evaluate(sample)

        return list(await asyncio.gather(*(one(s) for s in samples)))
