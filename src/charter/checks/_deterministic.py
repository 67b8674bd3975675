"""Deterministic checks: fast, exact, explainable, no model involved.

``pattern``      forbidden or required regexes and whole words, after Unicode normalisation
``pii``          personal data and secrets (e-mail, phone, card, national id, IP, API key)
``leakage``      the reply reproduces the system or developer messages
``json_schema``  the reply is JSON (optionally in one code fence) and satisfies a JSON Schema
``length``       character and word limits
``language``     the reply is in the expected language (offline identifier, abstains when unsure)

Every check returns label ``violation`` or ``ok`` (``language`` may also say ``unknown``), ``passed``
= not violation, a one-sentence explanation and evidence spans in the original reply. Scores are
1.0 for a certain violation and 0.0 for ok, except where a class docstring says otherwise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Literal, TypeVar

from jsonschema import FormatChecker
from jsonschema.exceptions import SchemaError, best_match
from jsonschema.validators import validator_for
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from referencing.exceptions import Unresolvable

from charter.chat import Message, Role
from charter.checks._language import SUPPORTED_LANGUAGES, UNKNOWN, detect_language
from charter.checks._pii import PII_KINDS, PiiKind, PiiMatch, find_pii, redact_pii
from charter.checks._registry import Check, check
from charter.checks._text import confusable_skeleton, normalize, word_variant
from charter.checks._types import CheckVerdict, Sample, Span
from charter.exceptions import CheckError

__all__ = [
    "JsonSchemaCheck",
    "LanguageCheck",
    "LeakageCheck",
    "LengthCheck",
    "PatternCheck",
    "PiiCheck",
    "PiiMatch",
    "detect_language",
    "find_pii",
    "redact_pii",
]

VIOLATION = "violation"
OK = "ok"
NOT_APPLICABLE = "not_applicable"
_MAX_EVIDENCE = 20

P = TypeVar("P", bound=BaseModel)


def _params(cls: type[P], params: BaseModel | None, name: str) -> P:
    """``params`` as an instance of ``cls`` (defaults when ``None``), or a :class:`CheckError`."""
    if isinstance(params, cls):
        return params
    try:
        return cls.model_validate({} if params is None else params.model_dump())
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'params'}: {e['msg']}" for e in exc.errors()
        )
        raise CheckError(f"check {name!r}: {problems}") from exc


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {plural or word + 's'}"


def _own_text(message: Message) -> str:
    """A message's content without its untrusted segments (they carry no authority)."""
    content = message.content
    for segment in message.untrusted:
        if segment:
            content = content.replace(segment, " ")
    return re.sub(r"</?untrusted>", " ", content)


# ==============================================================================================
# pattern


@check("pattern")
class PatternCheck(Check):
    """Forbidden (or required) regular expressions and whole words.

    The reply is normalised before matching: NFKC (full-width and compatibility forms become plain
    letters), invisible format characters removed (zero-width spaces and joiners, soft hyphens,
    bidi controls, variation selectors). Regexes run on that text with ``re.IGNORECASE`` when
    ``ignore_case`` (a regex cannot be case-folded safely, so folding is left to the engine).
    Words are literals, so both the reply and the words are also case-folded (``ß`` = ``ss``), and
    each word is looked for twice: in the folded reply, and in a variant where lookalike letters of
    other scripts mixed into a Latin token are mapped to Latin (``раy`` with Cyrillic ``р``/``а``)
    and leetspeak digits and symbols inside words are mapped to letters (``h4te``, ``$pam``).
    Multi-word entries match across any run of whitespace. Evidence spans are offsets in the
    original reply.

    ``forbid`` (default): violation when anything matches; evidence = the matches.
    ``require``: violation unless *every* pattern and word matches at least once.
    Score: 1.0 on violation, 0.0 otherwise.
    """

    computes_only: ClassVar[bool] = True

    streamable: ClassVar[bool] = True
    finds_spans: ClassVar[bool] = True

    @classmethod
    def streams(cls, params: Mapping[str, Any]) -> bool:
        # a required phrase may still arrive later in the stream; only forbidden ones stream
        return bool(params.get("mode", "forbid") == "forbid")

    class Params(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

        patterns: list[str] = Field(default_factory=list, description="regular expressions (Python syntax)")
        words: list[str] = Field(default_factory=list, description="whole words or phrases")
        mode: Literal["forbid", "require"] = "forbid"
        ignore_case: bool = True

        @field_validator("patterns")
        @classmethod
        def _compile(cls, value: list[str]) -> list[str]:
            for pattern in value:
                try:
                    compiled = re.compile(pattern)
                except re.error as exc:
                    raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from exc
                if compiled.fullmatch("") is not None:
                    raise ValueError(f"regular expression {pattern!r} matches the empty string")
            return value

        @field_validator("words")
        @classmethod
        def _clean_words(cls, value: list[str]) -> list[str]:
            cleaned = [" ".join(w.split()) for w in value]
            if any(not w for w in cleaned):
                raise ValueError("words must not be empty")
            return cleaned

        @model_validator(mode="after")
        def _something(self) -> PatternCheck.Params:
            if not self.patterns and not self.words:
                raise ValueError("give at least one of patterns or words")
            return self

    def __init__(self, params: BaseModel | None = None, *, statement_id: str | None = None) -> None:
        config = _params(PatternCheck.Params, params, "pattern")
        super().__init__(config, statement_id=statement_id)
        self.config = config
        flags = re.IGNORECASE if config.ignore_case else 0
        self._regexes = [re.compile(p, flags) for p in config.patterns]
        self._words_plain: re.Pattern[str] | None = None
        self._words_variant: re.Pattern[str] | None = None
        # One regex per word (plain, variant): in require mode, a word that the alternation did
        # not report (because a longer overlapping word matched there) is looked for on its own.
        self._each_word: list[tuple[re.Pattern[str], re.Pattern[str] | None]] = []
        if config.words:
            plain = [self._normalise_word(w) for w in config.words]
            variant = [confusable_skeleton(w) for w in plain] if config.ignore_case else None
            self._words_plain = self._alternation(plain)
            self._words_variant = self._alternation(variant) if variant is not None else None
            if config.mode == "require":
                self._each_word = [
                    (
                        self._alternation([word]),
                        self._alternation([variant[index]]) if variant is not None else None,
                    )
                    for index, word in enumerate(plain)
                ]

    def _normalise_word(self, word: str) -> str:
        return normalize(word, casefold=self.config.ignore_case).text

    @staticmethod
    def _alternation(words: Sequence[str]) -> re.Pattern[str]:
        """One regex for all ``words`` (group ``w<index>`` per word), longest first."""
        whitespace = r"\s+"
        order = sorted(range(len(words)), key=lambda i: len(words[i]), reverse=True)
        parts = [
            f"(?P<w{i}>{whitespace.join(re.escape(piece) for piece in words[i].split())})" for i in order
        ]
        return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)")

    def _matches(self, reply: str) -> dict[str, list[tuple[int, int]]]:
        """Spans in the original reply, keyed ``p<index>`` for patterns and ``w<index>`` for words."""
        found: dict[str, list[tuple[int, int]]] = {}
        if self._regexes:
            norm = normalize(reply)
            for index, regex in enumerate(self._regexes):
                for m in regex.finditer(norm.text):
                    if m.end() > m.start():
                        found.setdefault(f"p{index}", []).append(norm.original_span(m.start(), m.end()))
        if self._words_plain is not None:
            folded = normalize(reply, casefold=self.config.ignore_case)
            searches = [(self._words_plain, folded)]
            if self._words_variant is not None:
                searches.append((self._words_variant, folded.with_text(word_variant(folded.text))))
            for regex, norm in searches:
                for m in regex.finditer(norm.text):
                    key = m.lastgroup or "w0"
                    span = norm.original_span(m.start(), m.end())
                    if span not in found.get(key, []):
                        found.setdefault(key, []).append(span)
            texts = [text for _, text in searches]
            for index, singles in enumerate(self._each_word):
                key = f"w{index}"
                for single, text in zip(singles, texts, strict=False):
                    hit = single.search(text.text) if single is not None and key not in found else None
                    if hit is not None:
                        found[key] = [text.original_span(hit.start(), hit.end())]
        return found

    def _describe(self, key: str) -> str:
        index = int(key[1:])
        if key[0] == "p":
            return f"pattern {_quote(self.config.patterns[index])}"
        return f"word {_quote(self.config.words[index])}"

    async def evaluate(self, sample: Sample) -> CheckVerdict:
        reply = sample.reply
        found = self._matches(reply)
        spans = sorted({span for spans in found.values() for span in spans})
        evidence = [Span(start=s, end=e, text=reply[s:e]) for s, e in spans[:_MAX_EVIDENCE]]
        if self.config.mode == "forbid":
            if spans:
                count = _plural(len(spans), "forbidden match", "forbidden matches")
                what = ", ".join(_quote(reply[s:e]) for s, e in spans[:3]) + (", …" if len(spans) > 3 else "")
                return self.verdict(
                    label=VIOLATION,
                    score=1.0,
                    passed=False,
                    explanation=f"The reply contains {count}: {what}.",
                    evidence=evidence,
                )
            return self.verdict(
                label=OK,
                score=0.0,
                passed=True,
                explanation="The reply contains no forbidden pattern or word.",
            )
        keys = [f"p{i}" for i in range(len(self.config.patterns))] + [
            f"w{i}" for i in range(len(self.config.words))
        ]
        missing = [k for k in keys if k not in found]
        if missing:
            return self.verdict(
                label=VIOLATION,
                score=1.0,
                passed=False,
                explanation=f"The reply lacks the required {', '.join(self._describe(k) for k in missing)}.",
                evidence=evidence,
            )
        return self.verdict(
            label=OK,
            score=0.0,
            passed=True,
            explanation="The reply contains every required pattern and word.",
            evidence=evidence,
        )


# ==============================================================================================
# pii


@check("pii")
class PiiCheck(Check):
    """Personal data and secrets in the reply: emails, phones, cards, national ids, IPs, API keys.

    Found by :func:`charter.checks._pii.find_pii`. Formats with a check digit are validated (Luhn for
    cards, Verhoeff for Aadhaar, the DNI check letter, valid SSN areas, valid IPv4 octets), and phone
    numbers need a phone-like shape so dates, years, versions and plain numbers are not flagged.
    Full-width and other-script digits and invisible characters inside a number do not hide it.
    Evidence = one span per item.
    Score: 1.0 when anything is found, 0.0 otherwise.
    """

    computes_only: ClassVar[bool] = True

    streamable: ClassVar[bool] = True
    finds_spans: ClassVar[bool] = True

    class Params(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

        kinds: list[PiiKind] = Field(default_factory=lambda: list(PII_KINDS), min_length=1)

        @field_validator("kinds")
        @classmethod
        def _unique(cls, value: list[PiiKind]) -> list[PiiKind]:
            return list(dict.fromkeys(value))

    def __init__(self, params: BaseModel | None = None, *, statement_id: str | None = None) -> None:
        config = _params(PiiCheck.Params, params, "pii")
        super().__init__(config, statement_id=statement_id)
        self.config = config

    async def evaluate(self, sample: Sample) -> CheckVerdict:
        matches = find_pii(sample.reply, self.config.kinds)
        if not matches:
            return self.verdict(
                label=OK,
                score=0.0,
                passed=True,
                explanation=f"No PII found (looked for {', '.join(self.config.kinds)}).",
            )
        kinds = list(dict.fromkeys(m.kind for m in matches))
        return self.verdict(
            label=VIOLATION,
            score=1.0,
            passed=False,
            explanation=f"Found {_plural(len(matches), 'PII item')}: {', '.join(kinds)}.",
            evidence=[Span(start=m.start, end=m.end, text=m.text) for m in matches[:_MAX_EVIDENCE]],
        )


# ==============================================================================================
# leakage

_WORD = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    if text.isascii():
        return _WORD.findall(text.lower())
    return _WORD.findall(normalize(text, casefold=True).text)


@check("leakage")
class LeakageCheck(Check):
    """The reply reproduces the text of system or developer messages.

    Both texts are normalised (NFKC, case-folded, invisible characters removed) and cut into words;
    whitespace, punctuation and line breaks do not matter. For every privileged message of at least
    ``min_chars`` characters (untrusted segments inside it excluded), the check computes the share
    of its word ``n``-grams that also occur in the reply (a message shorter than ``n`` words counts
    as one n-gram of its full length). Score = the largest share over the messages; violation when
    it is >= ``threshold``. Evidence = up to three longest runs of reproduced words, as spans of the
    reply. Runs in time linear in the two texts (sets of hashed n-grams).
    """

    computes_only: ClassVar[bool] = True

    streamable: ClassVar[bool] = True

    class Params(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

        n: int = Field(8, ge=3, le=50, description="word n-gram size")
        threshold: float = Field(0.2, ge=0.0, le=1.0, description="share of privileged n-grams reproduced")
        min_chars: int = Field(40, ge=0, description="ignore privileged messages shorter than this")

    def __init__(self, params: BaseModel | None = None, *, statement_id: str | None = None) -> None:
        config = _params(LeakageCheck.Params, params, "leakage")
        super().__init__(config, statement_id=statement_id)
        self.config = config
        self._cache: dict[tuple[str, int], tuple[int, frozenset[int], frozenset[str]]] = {}

    def _grams(self, text: str) -> tuple[int, frozenset[int], frozenset[str]]:
        """The n used for ``text``, its set of hashed n-grams and its words (cached per text)."""
        key = (text, self.config.n)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        tokens = _tokens(text)
        n = min(self.config.n, len(tokens))
        grams = (
            frozenset(hash(tuple(tokens[i : i + n])) for i in range(len(tokens) - n + 1))
            if n
            else frozenset()
        )
        if len(self._cache) >= 64:
            self._cache.clear()
        self._cache[key] = (n, grams, frozenset(tokens))
        return self._cache[key]

    async def evaluate(self, sample: Sample) -> CheckVerdict:
        reply = sample.reply
        privileged = [
            (message.role.value, text)
            for message in sample.conversation.by_role(Role.SYSTEM, Role.DEVELOPER)
            if len((text := _own_text(message)).strip()) >= max(1, self.config.min_chars)
        ]
        if not privileged:
            return self.verdict(
                label=OK,
                score=0.0,
                passed=True,
                explanation=(
                    f"No system or developer message of at least {self.config.min_chars} characters "
                    "to protect."
                ),
            )
        norm = normalize(reply, casefold=True)
        tokens = _WORD.findall(norm.text)
        covered = [False] * len(tokens)
        any_covered = False
        best_share, best_role = 0.0, privileged[0][0]
        for role, text in privileged:
            n, grams, vocabulary = self._grams(text)
            if not grams:
                continue
            shared: set[int] = set()
            # an n-gram can be shared only where n reply words in a row are words of the message:
            # most replies have no such run, and their n-grams need not be hashed at all
            run = 0
            for index, token in enumerate(tokens):
                run = run + 1 if token in vocabulary else 0
                if run >= n:
                    value = hash(tuple(tokens[index - n + 1 : index + 1]))
                    if value in grams:
                        shared.add(value)
                        for j in range(index - n + 1, index + 1):
                            covered[j] = True
                        any_covered = True
            share = len(shared) / len(grams)
            if share > best_share:
                best_share, best_role = share, role
        evidence = []
        if any_covered:
            words = [(m.start(), m.end()) for m in _WORD.finditer(norm.text)]
            runs: list[tuple[int, int]] = []
            start: int | None = None
            for index, flag in enumerate([*covered, False]):
                if flag and start is None:
                    start = index
                elif not flag and start is not None:
                    runs.append((start, index))
                    start = None
            runs.sort(key=lambda r: r[1] - r[0], reverse=True)
            for first, last in sorted(runs[:3]):
                s, e = norm.original_span(words[first][0], words[last - 1][1])
                evidence.append(Span(start=s, end=e, text=reply[s:e]))
        percent = f"{best_share:.0%}"
        if best_share >= self.config.threshold and best_share > 0:
            return self.verdict(
                label=VIOLATION,
                score=best_share,
                passed=False,
                explanation=(
                    f"The reply reproduces {percent} of the {best_role} message's "
                    f"{self.config.n}-word sequences (threshold {self.config.threshold:.0%})."
                ),
                evidence=evidence,
            )
        return self.verdict(
            label=OK,
            score=best_share,
            passed=True,
            explanation=(
                f"The reply reproduces {percent} of the privileged text's {self.config.n}-word sequences, "
                f"below the {self.config.threshold:.0%} threshold."
            ),
            evidence=evidence,
        )


# ==============================================================================================
# json_schema

_FENCE = re.compile(r"\A\s*```[ \t]*(?:json5?|jsonc|JSON)?[ \t]*\r?\n(?P<body>.*?)\r?\n?[ \t]*```\s*\Z", re.S)


_JSON_WORD = re.compile(r"\bjson\b", re.IGNORECASE)


def _json_asked(sample: Sample) -> bool:
    """Whether the request asks for JSON: its ``response_format`` says so, or a system or developer
    message mentions JSON (the developer asking for machine-readable output)."""
    if sample.response_format in ("json_object", "json_schema"):
        return True
    return any(
        _JSON_WORD.search(_own_text(m)) for m in sample.conversation.by_role(Role.SYSTEM, Role.DEVELOPER)
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


@check("json_schema")
class JsonSchemaCheck(Check):
    """The reply is a JSON document and, when a schema is given, satisfies it.

    With ``allow_fence`` a single markdown code fence around the whole reply (```` ```json ````)
    is removed first; text before or after the JSON is not allowed. ``NaN`` and ``Infinity`` are
    rejected (not JSON). The schema's dialect follows its ``$schema`` (default 2020-12), is checked
    when the parameters are validated, and ``format`` keywords are asserted. The explanation cites
    the most relevant error and its JSON path. Evidence: the character where parsing failed, or
    the JSON document when it fails the schema. Score: 1.0 on violation, 0.0 otherwise. A ``$ref``
    that does not resolve within the schema gives label ``error`` with ``passed=None`` (nothing is
    ever fetched over the network).
    """

    computes_only: ClassVar[bool] = True

    class Params(BaseModel):
        model_config = ConfigDict(
            extra="forbid",
            frozen=True,
            validate_by_name=True,
            validate_by_alias=True,
            serialize_by_alias=True,
        )

        schema_: dict[str, Any] | None = Field(None, alias="schema", description="a JSON Schema")
        allow_fence: bool = True
        when: Literal["always", "asked"] = Field(
            "always",
            description="'asked': only when the request asks for JSON (its response_format, or a system "
            "or developer message that mentions JSON); otherwise the verdict is 'not_applicable'",
        )

        @field_validator("schema_")
        @classmethod
        def _check_schema(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
            if value is not None:
                validator = validator_for(value)
                try:
                    validator.check_schema(value)
                except SchemaError as exc:
                    where = exc.json_path if exc.path else "$"
                    raise ValueError(f"invalid JSON Schema at {where}: {exc.message}") from exc
            return value

    def __init__(self, params: BaseModel | None = None, *, statement_id: str | None = None) -> None:
        config = _params(JsonSchemaCheck.Params, params, "json_schema")
        super().__init__(config, statement_id=statement_id)
        self.config = config
        self._validator: Any = None
        if config.schema_ is not None:
            cls = validator_for(config.schema_)
            self._validator = cls(config.schema_, format_checker=FormatChecker())

    async def evaluate(self, sample: Sample) -> CheckVerdict:
        if self.config.when == "asked" and not _json_asked(sample):
            return self.verdict(
                label=NOT_APPLICABLE,
                score=0.0,
                passed=None,
                explanation="Nothing in the request asks for JSON (no response_format, and no system or "
                "developer message mentions it).",
            )
        reply = sample.reply
        body, offset = reply, 0
        if self.config.allow_fence:
            fence = _FENCE.match(reply)
            if fence is not None:
                body, offset = fence.group("body"), fence.start("body")
        try:
            document = json.loads(body, parse_constant=_reject_constant)
        except json.JSONDecodeError as exc:
            at = min(offset + exc.pos, len(reply))
            return self.verdict(
                label=VIOLATION,
                score=1.0,
                passed=False,
                explanation=f"The reply is not valid JSON: {exc.msg} (line {exc.lineno}, col {exc.colno}).",
                evidence=[Span(start=at, end=min(at + 1, len(reply)), text=reply[at : at + 1])],
            )
        except ValueError as exc:
            return self.verdict(
                label=VIOLATION, score=1.0, passed=False, explanation=f"The reply is not valid JSON: {exc}."
            )
        start = offset + (len(body) - len(body.lstrip()))
        end = offset + len(body.rstrip())
        whole = Span(start=start, end=end, text=reply[start:end])
        if self._validator is None:
            return self.verdict(
                label=OK, score=0.0, passed=True, explanation="The reply is valid JSON.", evidence=[whole]
            )
        try:
            errors = list(self._validator.iter_errors(document))
        except Unresolvable as exc:
            return self.verdict(
                label="error",
                score=0.0,
                passed=None,
                explanation="The schema could not be applied: a $ref does not resolve (nothing is fetched).",
                error=f"unresolvable $ref: {exc}",
            )
        if not errors:
            return self.verdict(
                label=OK,
                score=0.0,
                passed=True,
                explanation="The reply is valid JSON and matches the schema.",
                evidence=[whole],
            )
        error = best_match(errors)
        message = error.message if len(error.message) <= 160 else error.message[:159] + "…"
        more = f" ({_plural(len(errors) - 1, 'more error')})" if len(errors) > 1 else ""
        return self.verdict(
            label=VIOLATION,
            score=1.0,
            passed=False,
            explanation=f"The JSON fails the schema at {error.json_path}: {message}{more}.",
            evidence=[whole],
        )


# ==============================================================================================
# length

_NON_SPACE = re.compile(r"\S+")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@check("length")
class LengthCheck(Check):
    """Character and word limits on the reply.

    Characters are Unicode code points of the reply without its leading and trailing whitespace;
    words are runs of non-whitespace characters. Every limit that fails is named in the
    explanation; for a maximum the evidence is the part of the reply beyond the limit.
    Score: 1.0 on violation, 0.0 otherwise.
    """

    computes_only: ClassVar[bool] = True

    class Params(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

        max_chars: int | None = Field(None, ge=0)
        max_words: int | None = Field(None, ge=0)
        min_chars: int | None = Field(None, ge=0)
        min_words: int | None = Field(None, ge=0)

        @model_validator(mode="after")
        def _coherent(self) -> LengthCheck.Params:
            if all(v is None for v in (self.max_chars, self.max_words, self.min_chars, self.min_words)):
                raise ValueError("give at least one of max_chars, max_words, min_chars, min_words")
            for low, high, unit in (
                (self.min_chars, self.max_chars, "chars"),
                (self.min_words, self.max_words, "words"),
            ):
                if low is not None and high is not None and low > high:
                    raise ValueError(f"min_{unit} ({low}) is greater than max_{unit} ({high})")
            return self

    def __init__(self, params: BaseModel | None = None, *, statement_id: str | None = None) -> None:
        config = _params(LengthCheck.Params, params, "length")
        super().__init__(config, statement_id=statement_id)
        self.config = config

    async def evaluate(self, sample: Sample) -> CheckVerdict:
        reply = sample.reply
        lead = len(reply) - len(reply.lstrip())
        stripped = reply.strip()
        words = list(_NON_SPACE.finditer(reply))
        chars = len(stripped)
        c = self.config
        problems: list[str] = []
        evidence: list[Span] = []
        if c.max_chars is not None and chars > c.max_chars:
            problems.append(f"{_count(chars, 'character')} (max {c.max_chars})")
            cut = lead + c.max_chars
            evidence.append(Span(start=cut, end=lead + chars, text=reply[cut : lead + chars]))
        if c.min_chars is not None and chars < c.min_chars:
            problems.append(f"{_count(chars, 'character')} (min {c.min_chars})")
        if c.max_words is not None and len(words) > c.max_words:
            problems.append(f"{_count(len(words), 'word')} (max {c.max_words})")
            cut = words[c.max_words].start()
            evidence.append(Span(start=cut, end=lead + chars, text=reply[cut : lead + chars]))
        if c.min_words is not None and len(words) < c.min_words:
            problems.append(f"{_count(len(words), 'word')} (min {c.min_words})")
        if problems:
            return self.verdict(
                label=VIOLATION,
                score=1.0,
                passed=False,
                explanation=f"The reply has {' and '.join(problems)}.",
                evidence=evidence,
            )
        return self.verdict(
            label=OK,
            score=0.0,
            passed=True,
            explanation=f"The reply has {_count(chars, 'character')} and {_count(len(words), 'word')}, "
            "within the limits.",
        )


# ==============================================================================================
# language

_LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "sv": "Swedish",
    "pl": "Polish",
    "tr": "Turkish",
    "id": "Indonesian",
    "fi": "Finnish",
    "cs": "Czech",
    "ro": "Romanian",
    "vi": "Vietnamese",
    "ru": "Russian",
    "uk": "Ukrainian",
    "bg": "Bulgarian",
    "sr": "Serbian",
    "el": "Greek",
    "ja": "Japanese",
    "zh": "Chinese",
    "ko": "Korean",
    "ar": "Arabic",
    "fa": "Persian",
    "ur": "Urdu",
    "he": "Hebrew",
    "hi": "Hindi",
    "th": "Thai",
}


def _language_name(code: str, confidence: float | None = None) -> str:
    name = _LANGUAGE_NAMES.get(code, code)
    return f"{name} ({code})" if confidence is None else f"{name} ({code}, confidence {confidence:.2f})"


@check("language")
class LanguageCheck(Check):
    """The reply is written in the expected language.

    ``expect`` is an ISO 639-1 code the identifier supports, or ``same_as_user``: the language of
    the last user message (its untrusted segments, such as a pasted document, excluded). The
    identifier (:func:`charter.checks._language.detect_language`) ignores code blocks, inline
    code, URLs and identifiers and abstains on short or ambiguous text; when either language cannot
    be told with at least ``min_confidence``, the verdict is label ``unknown`` with ``passed=None``
    rather than a guess. Score: the identifier's confidence in the reply's language when it
    differs from the expected one, 0.0 otherwise.
    """

    computes_only: ClassVar[bool] = True

    class Params(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True)

        expect: str = "same_as_user"
        min_confidence: float = Field(0.5, ge=0.0, le=1.0)

        @field_validator("expect")
        @classmethod
        def _known(cls, value: str) -> str:
            value = value.strip()
            if value == "same_as_user":
                return value
            code = value.lower()
            if code not in SUPPORTED_LANGUAGES:
                raise ValueError(
                    f"{value!r} is not 'same_as_user' or a supported ISO 639-1 code "
                    f"({', '.join(sorted(SUPPORTED_LANGUAGES))})"
                )
            return code

    def __init__(self, params: BaseModel | None = None, *, statement_id: str | None = None) -> None:
        config = _params(LanguageCheck.Params, params, "language")
        super().__init__(config, statement_id=statement_id)
        self.config = config

    def _unknown(self, why: str) -> CheckVerdict:
        return self.verdict(label=UNKNOWN, score=0.0, passed=None, explanation=why)

    async def evaluate(self, sample: Sample) -> CheckVerdict:
        floor = self.config.min_confidence
        if self.config.expect == "same_as_user":
            user = sample.conversation.last(Role.USER)
            if user is None:
                return self._unknown("There is no user message to take the expected language from.")
            expected, user_confidence = detect_language(_own_text(user))
            if expected == UNKNOWN or user_confidence < floor:
                return self._unknown("The language of the user's message cannot be told with confidence.")
            source = "the user wrote in"
        else:
            expected, source = self.config.expect, "expected"
        language, confidence = detect_language(sample.reply)
        if language == UNKNOWN or confidence < floor:
            return self._unknown("The reply has too little prose to tell its language with confidence.")
        if language == expected:
            return self.verdict(
                label=OK,
                score=0.0,
                passed=True,
                explanation=f"The reply is in {_language_name(language)}, as expected.",
            )
        reply = sample.reply
        start = len(reply) - len(reply.lstrip())
        end = min(len(reply.rstrip()), start + 200)
        return self.verdict(
            label=VIOLATION,
            score=confidence,
            passed=False,
            explanation=(
                f"The reply is in {_language_name(language, confidence)} "
                f"but {source} {_language_name(expected)}."
            ),
            evidence=[Span(start=start, end=end, text=reply[start:end])],
        )
