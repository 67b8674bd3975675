"""``recorded:FILE.jsonl``: replay responses recorded earlier, keyed by case id or conversation hash.

Each line is a JSON object with ``response`` (or ``text``) and at least one key: ``case_id`` (or
``id``), ``conversation_hash``, or ``messages`` (OpenAI-style; hashed like
:meth:`charter.chat.Conversation.digest`). Lines of ``charter audit export``
(``{"case": ..., "result": ...}``) are read too, so a run can be replayed offline against new
judges or a new spec. A conversation with no recording
is a :class:`~charter.exceptions.ProviderError` (recorded as an error, never as a refusal).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from charter.chat import Conversation, Message
from charter.exceptions import ConfigError, ProviderError
from charter.providers._base import CURRENT_CASE_ID, Completion, GenerationParams, Provider

__all__ = ["RecordedProvider", "from_spec"]


class RecordedProvider(Provider):
    """Answers from a JSONL file of recorded responses."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.name = f"recorded:{self.path}"
        self.by_case: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"{self.path}: cannot read recordings: {exc.strerror or exc}") from exc
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row: Any = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ConfigError(f"{self.path}:{number}: invalid JSON: {exc.msg}") from exc
            if isinstance(row, dict) and isinstance(row.get("result"), dict):
                # a line of `charter audit export`: {"case": {...}, "result": {...}}
                if row["result"].get("response") is None:
                    continue  # an errored result has nothing to replay
                row = {"case_id": row["result"].get("case_id"), "response": row["result"]["response"]}
            text = row.get("response", row.get("text")) if isinstance(row, dict) else None
            if not isinstance(text, str):
                raise ConfigError(f"{self.path}:{number}: a recording needs a string 'response'")
            keyed = False
            case_id = row.get("case_id", row.get("id"))
            if isinstance(case_id, str) and case_id:
                self.by_case[case_id] = text
                keyed = True
            digest = row.get("conversation_hash")
            if isinstance(row.get("messages"), list):
                try:
                    messages = [Message.model_validate(m) for m in row["messages"]]
                except ValueError as exc:
                    raise ConfigError(f"{self.path}:{number}: malformed messages: {exc}") from exc
                digest = Conversation(messages=messages).digest()
            if isinstance(digest, str) and digest:
                self.by_hash[digest] = text
                keyed = True
            if not keyed:
                raise ConfigError(
                    f"{self.path}:{number}: a recording needs case_id, conversation_hash or messages"
                )

    async def complete(
        self, messages: Sequence[Message], *, params: GenerationParams | None = None
    ) -> Completion:
        start = time.perf_counter()
        case_id = CURRENT_CASE_ID.get()
        text = self.by_case.get(case_id) if case_id is not None else None
        if text is None:
            text = self.by_hash.get(Conversation(messages=list(messages)).digest())
        if text is None:
            shown = f"case {case_id!r}" if case_id else "this conversation"
            raise ProviderError(f"no recorded response for {shown} in {self.path}", status=404)
        return Completion(
            text=text, model=self.name, finish_reason="stop", latency_ms=(time.perf_counter() - start) * 1000
        )


def from_spec(target: str, **options: Any) -> RecordedProvider:
    if options:
        raise ConfigError(f"recorded:{target} takes no options (got {', '.join(sorted(options))})")
    return RecordedProvider(target)
