"""Find and redact personal data and secrets in text, with validation where a format allows it.

Kinds: ``email``, ``phone``, ``card`` (payment card, Luhn-checked), ``national_id`` (US SSN with
valid areas, UK National Insurance number, Spanish DNI/NIE with check letter, Indian Aadhaar with
Verhoeff check digit), ``ip`` (IPv4 with valid octets, IPv6 via :mod:`ipaddress`) and ``api_key``
(OpenAI, Anthropic, AWS, GitHub, Slack, Google, Stripe key shapes, ``Bearer`` tokens and PEM private
key blocks).

Matching runs on an NFKC-normalised copy with invisible characters removed and decimal digits of
every script mapped to ASCII, so full-width digits (``４１１１``) or zero-width joiners inside a card
number do not hide it; offsets are reported in the original text.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

from charter.checks._text import normalize

__all__ = ["PII_KINDS", "PiiKind", "PiiMatch", "find_pii", "redact_pii"]

PiiKind = Literal["email", "phone", "card", "national_id", "ip", "api_key"]

#: Every kind, in the order overlapping matches are preferred (a secret beats an e-mail beats a
#: card number beats a phone number covering the same characters).
PII_KINDS: tuple[PiiKind, ...] = get_args(PiiKind)
_PRIORITY: tuple[PiiKind, ...] = ("api_key", "email", "card", "national_id", "ip", "phone")


class PiiMatch(BaseModel):
    """One item found: its kind, its offsets in the original text and the text itself."""

    model_config = ConfigDict(frozen=True)

    kind: PiiKind
    start: int
    end: int
    text: str


# ---------------------------------------------------------------------------------------------
# e-mail
_EMAIL = re.compile(
    r"(?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}(?![\w-]|\.\w)"
)

# ---------------------------------------------------------------------------------------------
# phone numbers
_SEP = r"[ \t.\-\u00a0]"
# +CC (or 00 CC) then groups of digits, optionally one parenthesised area code: +44 20 7946 0958,
# +1 (415) 555-2671, +33 1 23 45 67 89, +49-30-901820, +14155552671.
_PHONE_INTL = re.compile(
    rf"(?<![\w+])(?:\+|00)[1-9]\d{{0,2}}(?:{_SEP}?\(\d{{1,4}}\))?(?:{_SEP}?\d{{1,5}}){{1,6}}(?![\w]|[.\-]\d)"
)
# North American: (415) 555-2671, 415-555-2671, 415.555.2671, 1-800-555-0199.
_PHONE_NANP = re.compile(
    r"(?<![\w.+\-/])(?:1[ .\-])?(?:\(\d{3}\)[ \u00a0]?|\d{3}[ .\-\u00a0])\d{3}[ .\-\u00a0]\d{4}"
    r"(?![\w]|[.\-/]\d)"
)
# National trunk-prefix formats: 020 7946 0958, 07700 900123, 01 23 45 67 89, 030 901820,
# (030) 901820, 06-12345678.
_PHONE_TRUNK = re.compile(
    r"(?<![\w.+\-/])(?:0[1-9]\d{0,3}|\(0[1-9]\d{0,3}\))(?:[ \-\u00a0]\d{2,8}){1,4}(?![\w]|[.\-/]\d)"
)
# A number right after a word that says it is a phone number: "call me at 4155552671".
_PHONE_CONTEXT = re.compile(
    r"(?i)\b(?:phone|tel|telephone|mobile|cell|call|fax|whatsapp|sms|text me|ring)\b[^\d\n+]{0,20}"
    r"(\+?\d[\d \-.()\u00a0]{5,22}\d)(?![\w]|[.\-/]\d)"
)
_DATE_LIKE = re.compile(r"^\(?(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{4})\)?$")
_VERSION_BEFORE = re.compile(r"(?i)(?:\bv|version|release|build|rev|ver)\W{0,3}$")


def _digits(text: str) -> str:
    return "".join(c for c in text if "0" <= c <= "9")


def _phones(text: str) -> Iterator[tuple[int, int]]:
    for regex, low, high in ((_PHONE_INTL, 8, 15), (_PHONE_NANP, 10, 11), (_PHONE_TRUNK, 9, 12)):
        for m in regex.finditer(text):
            value = m.group(0)
            count = len(_digits(value))
            if not low <= count <= high or _DATE_LIKE.match(value):
                continue
            if _VERSION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            if regex is _PHONE_TRUNK and "-" in value and " " not in value and value.count("-") > 2:
                continue  # 01-02-03-04 looks like a code, not a number
            yield m.start(), m.end()
    for m in _PHONE_CONTEXT.finditer(text):
        value = m.group(1)
        count = len(_digits(value))
        if 7 <= count <= 15 and not _DATE_LIKE.match(value.strip()):
            yield m.start(1), m.end(1)


# ---------------------------------------------------------------------------------------------
# payment cards
_CARD = re.compile(r"(?<![\w.,\-])\d(?:[ \-]?\d){12,18}(?![\w]|[.,\-]\d)")


def luhn_valid(digits: str) -> bool:
    """Whether a string of digits passes the Luhn (mod 10) check."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if index % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _cards(text: str) -> Iterator[tuple[int, int]]:
    for m in _CARD.finditer(text):
        value = m.group(0)
        digits = _digits(value)
        if not 13 <= len(digits) <= 19 or len(set(digits)) == 1:
            continue
        separators = {c for c in value if c in " -"}
        if len(separators) > 1:
            continue  # mixing spaces and dashes is not how card numbers are written
        if luhn_valid(digits):
            yield m.start(), m.end()


# ---------------------------------------------------------------------------------------------
# national identifiers
_SSN = re.compile(r"(?<![\w\-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\w]|-\d)")
_SSN_CONTEXT = re.compile(
    r"(?i)\b(?:ssn|social security(?: number| no\.?)?)\W{0,5}"
    r"((?!000|666|9\d\d)\d{3}(?!00)\d{2}(?!0000)\d{4})\b"
)
_NINO = re.compile(
    r"(?<![\w])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r"(?: ?\d{2} ?\d{2} ?\d{2} ?| \d{6} )[A-D](?![\w])"
)
_DNI = re.compile(r"(?<![\w\-])([XYZ]?)(\d{7,8})-?([A-Z])(?![\w])")
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
_AADHAAR = re.compile(r"(?<![\w\-])[2-9]\d{3}([ \-]?)\d{4}\1\d{4}(?![\w]|[\-.]\d)")

# Verhoeff tables (dihedral group D5).
_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)


def verhoeff_valid(digits: str) -> bool:
    """Whether a string of digits (check digit last) passes the Verhoeff check."""
    c = 0
    for index, char in enumerate(reversed(digits)):
        c = _VERHOEFF_D[c][_VERHOEFF_P[index % 8][ord(char) - 48]]
    return c == 0


def dni_valid(prefix: str, number: str, letter: str) -> bool:
    """Whether a Spanish DNI (8 digits) or NIE (X/Y/Z + 7 digits) carries the right check letter."""
    if prefix:
        if len(number) != 7:
            return False
        number = str("XYZ".index(prefix)) + number
    elif len(number) != 8:
        return False
    return _DNI_LETTERS[int(number) % 23] == letter


def _national_ids(text: str) -> Iterator[tuple[int, int]]:
    for m in _SSN.finditer(text):
        yield m.start(), m.end()
    for m in _SSN_CONTEXT.finditer(text):
        yield m.start(1), m.end(1)
    for m in _NINO.finditer(text):
        yield m.start(), m.end()
    for m in _DNI.finditer(text):
        if dni_valid(m.group(1), m.group(2), m.group(3)):
            yield m.start(), m.end()
    for m in _AADHAAR.finditer(text):
        if verhoeff_valid(_digits(m.group(0))):
            yield m.start(), m.end()


# ---------------------------------------------------------------------------------------------
# IP addresses
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = re.compile(rf"(?<![\w.\-]){_OCTET}(?:\.{_OCTET}){{3}}(?![\w]|\.\d)")
_IPV6 = re.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4})?(?![\w:]|\.\d)"
)


def _ips(text: str) -> Iterator[tuple[int, int]]:
    if text.count(".") >= 3:
        for m in _IPV4.finditer(text):
            if _VERSION_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            yield m.start(), m.end()
    if text.count(":") < 2:
        return
    for m in _IPV6.finditer(text):
        value = m.group(0)
        groups = [g for g in value.split(":") if g]
        if len(groups) < 2 or (len(groups) < 8 and "::" not in value):
            continue  # 12:30:45 is a time, not an address
        try:
            ipaddress.IPv6Address(value)
        except ValueError:
            continue
        yield m.start(), m.end()


# ---------------------------------------------------------------------------------------------
# API keys and secrets
# (substrings one of which must occur, pattern): the substrings are a cheap pre-filter.
_API_KEYS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("sk-",), re.compile(r"(?<![\w\-])sk-(?:proj-|svcacct-|admin-|ant-(?:api\d\d-)?)?[A-Za-z0-9_\-]{20,}")),
    (
        ("AKIA", "ASIA", "AGPA", "AIDA", "AROA"),
        re.compile(r"(?<![A-Za-z0-9])(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}(?![A-Za-z0-9])"),
    ),
    (("gh",), re.compile(r"(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36,255}(?![A-Za-z0-9])")),
    (("github_pat_",), re.compile(r"(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{50,255}")),
    (("xox",), re.compile(r"(?<![A-Za-z0-9])xox[baprse]-[A-Za-z0-9\-]{10,}")),
    (("AIza",), re.compile(r"(?<![A-Za-z0-9])AIza[0-9A-Za-z_\-]{35}(?![A-Za-z0-9_\-])")),
    (("_live_", "_test_"), re.compile(r"(?<![A-Za-z0-9])(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}")),
    (("glpat-",), re.compile(r"(?<![A-Za-z0-9])glpat-[A-Za-z0-9_\-]{20,}")),
    (("Bearer",), re.compile(r"\bBearer[ \t]+([A-Za-z0-9\-._~+/]{20,}=*)")),
)
_PEM = re.compile(
    r"-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----"
    r"(?:[\s\S]*?-----END (?:(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----)?"
)


def _api_keys(text: str) -> Iterator[tuple[int, int]]:
    for needles, regex in _API_KEYS:
        if not any(needle in text for needle in needles):
            continue
        for m in regex.finditer(text):
            group = 1 if regex.groups else 0
            body = m.group(group)
            # A real key mixes letters and digits; "sk-this-is-just-a-long-slug" is not one.
            if any(c.isdigit() for c in body) and any(c.isalpha() for c in body):
                yield m.start(), m.end()
    if "-----BEGIN" in text:
        for m in _PEM.finditer(text):
            yield m.start(), m.end()


def _emails(text: str) -> Iterator[tuple[int, int]]:
    if "@" in text:
        for m in _EMAIL.finditer(text):
            yield m.start(), m.end()


# (kind, finder, minimum number of ASCII digits the text must hold for the finder to run)
_FINDERS: tuple[tuple[PiiKind, Callable[[str], Iterable[tuple[int, int]]], int], ...] = (
    ("api_key", _api_keys, 0),
    ("email", _emails, 0),
    ("card", _cards, 13),
    ("national_id", _national_ids, 6),
    ("ip", _ips, 3),
    ("phone", _phones, 7),
)
_ASCII_DIGIT = re.compile(r"[0-9]")


def find_pii(text: str, kinds: Sequence[PiiKind] | None = None) -> list[PiiMatch]:
    """Every item of the given ``kinds`` (default: all) in ``text``, ordered by position.

    Overlapping candidates are resolved by kind priority (api_key, email, card, national_id, ip,
    phone), then by length, so each character belongs to at most one match.
    """
    wanted = set(PII_KINDS if kinds is None else kinds)
    unknown = wanted - set(PII_KINDS)
    if unknown:
        raise ValueError(f"unknown PII kinds: {', '.join(sorted(unknown))}")
    norm = normalize(text, decimal_digits=True)
    candidates: list[tuple[int, int, int, PiiKind]] = []
    digits = len(_ASCII_DIGIT.findall(norm.text)) if wanted - {"api_key", "email"} else 0
    for kind, finder, min_digits in _FINDERS:
        if kind in wanted and digits >= min_digits:
            rank = _PRIORITY.index(kind)
            candidates.extend((rank, start, end, kind) for start, end in finder(norm.text))
    candidates.sort(key=lambda c: (c[0], -(c[2] - c[1]), c[1]))
    taken: list[tuple[int, int]] = []
    found: list[PiiMatch] = []
    for _, start, end, kind in candidates:
        if end <= start or any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        o_start, o_end = norm.original_span(start, end)
        found.append(PiiMatch(kind=kind, start=o_start, end=o_end, text=text[o_start:o_end]))
    found.sort(key=lambda m: m.start)
    return found


def redact_pii(text: str, kinds: Sequence[PiiKind] | None = None) -> str:
    """``text`` with every item found by :func:`find_pii` replaced by a mask such as ``[EMAIL]``."""
    parts: list[str] = []
    last = 0
    for match in find_pii(text, kinds):
        parts.append(text[last : match.start])
        parts.append(f"[{match.kind.upper()}]")
        last = match.end
    parts.append(text[last:])
    return "".join(parts)
