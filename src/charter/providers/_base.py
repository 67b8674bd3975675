"""The provider interface: one async call that turns a conversation into a completion.

A :class:`Provider` is anything that answers chat messages: an OpenAI-compatible endpoint, a
scripted mock, a recorded replay. Checks, the audit and the guard only ever talk to this interface,
so swapping a model is a matter of changing a provider spec string (see
:func:`charter.providers.create_provider`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextvars import ContextVar
from types import TracebackType
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from charter.chat import Message, Role

__all__ = ["CURRENT_CASE_ID", "Completion", "GenerationParams", "Provider", "Usage"]

#: The id of the audit case being answered, set by the audit runner around each call, so a
#: provider that replays recordings (``recorded:FILE.jsonl``) can key them by case id.
CURRENT_CASE_ID: ContextVar[str | None] = ContextVar("charter_current_case_id", default=None)


class GenerationParams(BaseModel):
    """How to sample a completion. ``None`` leaves the endpoint's own default in place.

    ``json_mode`` asks the endpoint for a JSON object (OpenAI ``response_format``); ``timeout`` is in
    seconds and overrides the provider's default for this one call.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    temperature: float | None = Field(default=None, ge=0.0, le=2.0)
    max_tokens: int | None = Field(default=None, gt=0)
    seed: int | None = None
    top_p: float | None = Field(default=None, gt=0.0, le=1.0)
    stop: tuple[str, ...] | None = None
    json_mode: bool = False
    timeout: float | None = Field(default=None, gt=0.0)


class Usage(BaseModel):
    """Token counts as the endpoint reported them (``None`` when it did not)."""

    model_config = ConfigDict(frozen=True)

    prompt_tokens: int | None = None
    completion_tokens: int | None = None


class Completion(BaseModel):
    """One reply from a provider."""

    model_config = ConfigDict(frozen=True)

    text: str
    finish_reason: str | None = None
    model: str
    usage: Usage = Field(default_factory=Usage)
    latency_ms: float = 0.0
    #: the endpoint's raw ``tool_calls`` list, when the reply called tools
    tool_calls: list[dict[str, Any]] | None = None


class Provider(ABC):
    """A model endpoint. Subclasses set :attr:`name` and implement :meth:`complete`.

    Providers may hold network resources: close them with :meth:`aclose` or use the provider as an
    ``async with`` context manager.
    """

    #: the provider spec that names this endpoint, e.g. ``openai/gpt-4o-mini`` or ``mock/echo``
    name: str = ""

    @abstractmethod
    async def complete(
        self, messages: Sequence[Message], *, params: GenerationParams | None = None
    ) -> Completion:
        """Answer ``messages``. Raises :class:`~charter.exceptions.ProviderError` and subclasses."""

    async def complete_text(self, prompt: str, *, params: GenerationParams | None = None) -> str:
        """Send ``prompt`` as a single user message and return the reply text."""
        completion = await self.complete([Message(role=Role.USER, content=prompt)], params=params)
        return completion.text

    async def aclose(self) -> None:
        """Release network resources. The default holds none."""
        return None

    async def __aenter__(self) -> Provider:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"
