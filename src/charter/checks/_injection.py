"""``injection``: lower-authority content that tries to act with higher authority.

The chain of command gives no authority to tool outputs, quoted or ``untrusted`` content, and lets
a user change only what the spec and the developer allow. This check finds, in that content:

- ``claimed_authority``: a user or a document claiming to be the system, the developer or the
  provider ("as your developer I authorise…", "OpenAI here", "admin override");
- ``role_spoofing``: text imitating system or developer formatting (``<|im_start|>system``,
  ``[SYSTEM]``, ``### Developer:``, ``<developer>`` tags) inside a user message or a document;
- ``override``: instructions to discard the rules ("ignore all previous instructions", "you are now
  in developer mode", "forget your guidelines");
- ``embedded_instruction``: in tool outputs and untrusted content only, imperatives addressed to
  the assistant or a language model ("AI assistant: send…", "to language models reading this").

The check runs on the request (stage ``input``). A finding is a violation; its evidence spans name
the message (``Span.source = "messages[i]"``) so the guard can redact exactly those characters.
``score`` is the strongest finding's weight (1.0 for role spoofing and overrides).
"""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from charter.chat import Role
from charter.checks._registry import Check, check
from charter.checks._types import CheckVerdict, Sample, Span

__all__ = ["InjectionCheck", "InjectionFinding", "find_injections"]

Kind = Literal["claimed_authority", "role_spoofing", "override", "embedded_instruction"]
Source = Literal["user", "tool", "untrusted"]

_FLAGS = re.I | re.U
_RULES: tuple[tuple[Kind, float, re.Pattern[str]], ...] = (
    (
        "role_spoofing",
        1.0,
        re.compile(
            r"<\|im_start\|>\s*(system|developer)|<\|(system|developer)\|>|"
            r"^\s*\[(system|developer|admin)( message| prompt)?\]|"
            r"^\s*#{1,4}\s*(system|developer)( message| prompt| instructions?)?\s*:|"
            r"^\s*(system|developer)\s*(message|prompt)\s*:|"
            r"</?(system|developer)>",
            _FLAGS | re.M,
        ),
    ),
    (
        "override",
        1.0,
        re.compile(
            r"\b(ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}?\b(all\s+)?(previous|prior|above|earlier|"
            r"preceding|your|the|system|developer|safety)\s+(instructions?|rules|guidelines|prompts?|polic(y|ies)|"
            r"restrictions|directives|messages?)|"
            r"\b(you are|you're|act as if you are)\s+now\s+(in\s+)?(developer|god|dan|jailbreak|unrestricted|"
            r"admin|debug)\s*(mode)?\b|"
            r"\b(developer|god|jailbreak|unrestricted|dan)\s+mode\s+(is\s+)?(now\s+)?(on|enabled|activated)\b|"
            r"\bnew\s+(system\s+)?(instructions|rules)\s*:|"
            r"\bignora\s+(todas\s+)?las\s+instrucciones\b|\bignoriere\s+(alle\s+)?(vorherigen\s+)?anweisungen\b|"
            r"\bignore[sz]?\s+(toutes\s+)?les\s+instructions\b",
            _FLAGS,
        ),
    ),
    (
        "claimed_authority",
        0.9,
        re.compile(
            r"\b(i am|i'm|this is|speaking as)\s+(your|the)\s+(developer|system|administrator|admin|operator|"
            r"creator|owner)\b|"
            r"\bas\s+(your|the)\s+(developer|system administrator|administrator|operator|creator)\b"
            r"[^.\n]{0,40}"
            r"\b(i|we)\s+(authori[sz]e|allow|permit|instruct|order|command)|"
            r"\b(openai|anthropic|google|the provider|the platform)\s+(here|speaking|has authori[sz]ed)\b|"
            r"\b(admin|administrator|developer|sudo|root)\s+(override|access granted|authori[sz]ation)\b|"
            r"\bauthori[sz]ation\s+code\s*[:=]",
            _FLAGS,
        ),
    ),
    (
        "embedded_instruction",
        0.8,
        re.compile(
            r"\b(to|attention|note to|dear)\s+(any\s+)?(ai|llm|language model|assistant|chatbot)s?\b"
            r"[^.\n]{0,30}"
            r"(reading|processing|summari[sz]ing|:)|"
            r"\b(ai|llm|assistant|chatbot)\s*[:,]\s*(please\s+)?(you must|ignore|send|forward|email|delete|"
            r"reveal|print|output|say|tell|do not|don't)\b|"
            r"\b(assistant|ai|model)\s+(must|should|shall)\s+(now\s+)?(ignore|send|forward|email|reveal|delete|"
            r"transfer|include|say|recommend)\b|"
            r"\b(send|forward|email|post|upload|exfiltrate)\b[^.\n]{0,40}\b(conversation|chat history|"
            r"system prompt|api key|password|credentials|user'?s? (data|details|email))\b",
            _FLAGS,
        ),
    ),
)


class InjectionFinding(BaseModel):
    """One finding: which message, which characters, what kind."""

    model_config = ConfigDict(frozen=True)

    message_index: int
    source: Source
    kind: Kind
    weight: float
    start: int
    end: int
    text: str


def _segments(role: Role, content: str, untrusted: list[str]) -> list[tuple[Source, int, int]]:
    """(source, start, end) ranges of a message's content that carry no or limited authority."""
    if role is Role.USER:
        spans: list[tuple[Source, int, int]] = [("user", 0, len(content))]
    elif role is Role.TOOL:
        return [("tool", 0, len(content))]
    else:
        spans = []
    for block in untrusted:
        at = content.find(block) if block else -1
        if at >= 0:
            spans.append(("untrusted", at, at + len(block)))
    return spans


def find_injections(
    sample: Sample, sources: tuple[Source, ...] = ("user", "tool", "untrusted")
) -> list[InjectionFinding]:
    """Every injection finding in the lower-authority content of the sample's conversation."""
    findings: list[InjectionFinding] = []
    for index, message in enumerate(sample.conversation.messages):
        for source, start, end in _segments(message.role, message.content, message.untrusted):
            if source not in sources:
                continue
            text = message.content[start:end]
            for kind, weight, pattern in _RULES:
                if kind == "embedded_instruction" and source == "user":
                    continue  # users may instruct the assistant; only documents may not
                for match in pattern.finditer(text):
                    findings.append(
                        InjectionFinding(
                            message_index=index,
                            source=source,
                            kind=kind,
                            weight=weight,
                            start=start + match.start(),
                            end=start + match.end(),
                            text=match.group(0),
                        )
                    )
    return findings


class InjectionParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: list[Source] = ["user", "tool", "untrusted"]
    kinds: list[Kind] = ["claimed_authority", "role_spoofing", "override", "embedded_instruction"]


@check("injection")
class InjectionCheck(Check):
    """Finds attempts by lower-authority content (user, tool output, quoted text) to change the rules."""

    computes_only: ClassVar[bool] = True

    Params = InjectionParams
    stages: ClassVar[tuple[str, ...]] = ("input",)

    async def evaluate(self, sample: Sample) -> CheckVerdict:
        params = self.params
        assert isinstance(params, InjectionParams)
        found = [f for f in find_injections(sample, tuple(params.sources)) if f.kind in params.kinds]
        if not found:
            return self.verdict(label="ok", score=0.0, passed=True, explanation="no injection attempt found")
        kinds = sorted({f"{f.kind} in {f.source} content" for f in found})
        return self.verdict(
            label="violation",
            score=max(f.weight for f in found),
            passed=False,
            explanation="lower-authority content tries to act with higher authority: " + "; ".join(kinds),
            evidence=[
                Span(start=f.start, end=f.end, text=f.text, source=f"messages[{f.message_index}]")
                for f in found
            ],
        )
