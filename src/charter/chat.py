"""The one conversation type every part of Charter uses.

A :class:`Message` has a role (system, developer, user, assistant, tool), text content and the
attributes the Model Spec dialect can attach to it: a tool ``name``, free ``attributes`` such as
``recipient`` or ``end_turn``, ``settings`` (key/value pairs on system or developer messages) and
``untrusted`` segments (quoted or untrusted text that carries no authority).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Conversation", "Message", "Role"]


class Role(StrEnum):
    """Who wrote a message. Order of authority: system > developer > user; assistant and tool have none."""

    SYSTEM = "system"
    DEVELOPER = "developer"
    USER = "user"
    ASSISTANT = "assistant"
    TOOL = "tool"


class Message(BaseModel):
    """One message of a conversation."""

    model_config = ConfigDict(frozen=True)

    role: Role
    content: str = ""
    name: str | None = None
    attributes: dict[str, str] = Field(default_factory=dict)
    settings: dict[str, str] = Field(default_factory=dict)
    untrusted: list[str] = Field(default_factory=list)

    def to_openai(self) -> dict[str, str]:
        """The message as an OpenAI chat-completions message (``developer`` kept as a role)."""
        out = {"role": self.role.value, "content": self.content}
        if self.name is not None:
            out["name"] = self.name
        return out


class Conversation(BaseModel):
    """An ordered list of messages with helpers used by the guard and the audit."""

    model_config = ConfigDict(frozen=True)

    messages: list[Message] = Field(default_factory=list)

    @classmethod
    def of(cls, messages: Iterable[Message]) -> Conversation:
        return cls(messages=list(messages))

    def __iter__(self) -> Iterator[Message]:  # type: ignore[override]
        return iter(self.messages)

    def __len__(self) -> int:
        return len(self.messages)

    def by_role(self, *roles: Role) -> list[Message]:
        return [m for m in self.messages if m.role in roles]

    def last(self, role: Role | None = None) -> Message | None:
        for message in reversed(self.messages):
            if role is None or message.role == role:
                return message
        return None

    def append(self, message: Message) -> Conversation:
        return Conversation(messages=[*self.messages, message])

    def digest(self) -> str:
        """A stable sha256 of the conversation's roles, names and contents."""
        payload = [[m.role.value, m.name, m.content] for m in self.messages]
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()

    def to_openai(self) -> list[dict[str, str]]:
        return [m.to_openai() for m in self.messages]


def messages_from_dicts(items: Sequence[dict[str, object]]) -> list[Message]:
    """Build messages from OpenAI-style dicts (``role``, ``content``, optional ``name``)."""
    return [Message.model_validate(item) for item in items]
