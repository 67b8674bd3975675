"""Text normalisation that remembers where every character came from.

Deterministic checks match against a normalised copy of the reply (NFKC, format characters removed,
optionally case-folded) but must report evidence in the *original* reply. :func:`normalize` returns
a :class:`Normalized` text whose :meth:`Normalized.original_span` maps any span of the normalised
text back to the characters of the original that produced it.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "Normalized",
    "confusable_skeleton",
    "leet_fold",
    "normalize",
    "word_variant",
]

# Format characters (Unicode category Cf: zero-width spaces and joiners, bidi controls, soft hyphen,
# BOM, tag characters, ...) plus variation selectors and the combining grapheme joiner. They are
# invisible, so an attacker can sprinkle them inside a word; matching ignores them.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f\U000e0100-\U000e01ef]"
)

_OTHER_DIGIT = re.compile(r"(?![0-9])\d")

# Characters of other scripts that look like basic Latin letters (a subset of Unicode's
# confusables.txt for Cyrillic, Greek and a few IPA/Latin-extended letters), already case-folded.
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ѕ": "s",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "һ": "h",
        "ɡ": "g",
        # Greek
        "α": "a",
        "β": "b",
        "ε": "e",
        "η": "n",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ω": "w",
        # Latin lookalikes
        "ı": "i",
        "ɩ": "i",
        "ʀ": "r",
        "ꮃ": "w",
    }
)

# Light leetspeak: digits and symbols commonly written for letters.
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"}
)

# A token holding a letter next to a leetspeak character, or any non-ASCII character: the only
# tokens word_variant can change.
_SUSPECT = re.compile(r"(?<![\w@$!])[\w@$!]*?(?:[^\W\d_][0-9@$!]|[0-9@$!][^\W\d_]|[^\x00-\x7f])[\w@$!]*")
_LATIN_LETTER = re.compile(r"[a-z]")
# what every token _SUSPECT matches contains: a letter next to a digit or @$!, or a non-ASCII character
_SUSPECT_CORE = re.compile(r"[^\W\d_][0-9@$!]|[0-9@$!][^\W\d_]|[^\x00-\x7f]")
_ASCII_SPACE = " \t\n\r\f\v"
_ASCII_SPACE_RE = re.compile(r"[ \t\n\r\f\v]")


class Normalized:
    """A normalised text plus, for each of its characters, the original characters it came from."""

    __slots__ = ("_ends", "_starts", "original", "text")

    def __init__(self, original: str, text: str, starts: list[int] | None, ends: list[int] | None) -> None:
        self.original = original
        self.text = text
        self._starts = starts  # None: identity mapping
        self._ends = ends

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that produced ``text[start:end]``."""
        if self._starts is None or self._ends is None:
            return start, end
        n = len(self.text)
        if start >= n:
            return len(self.original), len(self.original)
        if end <= start:
            return self._starts[start], self._starts[start]
        return self._starts[start], self._ends[min(end, n) - 1]

    def with_text(self, text: str) -> Normalized:
        """The same mapping over a same-length transformation of :attr:`text`."""
        if len(text) != len(self.text):
            raise ValueError("with_text needs a text of the same length")
        return Normalized(self.original, text, self._starts, self._ends)


def normalize(text: str, *, casefold: bool = False, decimal_digits: bool = False) -> Normalized:
    """NFKC-normalise ``text`` and drop invisible format characters, keeping an offset map.

    ``casefold`` also case-folds (``ß`` becomes ``ss``, so lengths may change: the map handles it).
    ``decimal_digits`` maps decimal digits of every script (Arabic-Indic, Devanagari, ...) to ASCII.
    NFKC is applied per grapheme cluster (a base character and its combining marks), so full-width
    letters and digits, ligatures and compatibility forms become their plain equivalents.
    """
    if text.isascii():
        return Normalized(text, text.lower() if casefold else text, None, None)
    if (
        (not decimal_digits or _OTHER_DIGIT.search(text) is None)
        and _INVISIBLE.search(text) is None
        and unicodedata.is_normalized("NFKC", text)
    ):
        folded = text.casefold() if casefold else text
        # Case folding never shrinks a character, so equal lengths mean a one-to-one mapping.
        if len(folded) == len(text):
            return Normalized(text, folded, None, None)

    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = _INVISIBLE.sub("", text[i:j])
        if cluster:
            piece = cluster if cluster.isascii() else unicodedata.normalize("NFKC", cluster)
            if casefold:
                piece = piece.casefold()
            if decimal_digits and not piece.isascii():
                piece = "".join(
                    str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in piece
                )
            out.append(piece)
            starts.extend([i] * len(piece))
            ends.extend([j] * len(piece))
        i = j
    return Normalized(text, "".join(out), starts, ends)


def confusable_skeleton(word: str) -> str:
    """Map lookalike letters of other scripts to Latin (expects case-folded input)."""
    return word.translate(_CONFUSABLES)


def leet_fold(word: str) -> str:
    """Map leetspeak digits and symbols to the letters they stand for (``h3ll0`` -> ``hello``)."""
    return word.translate(_LEET)


def word_variant(folded: str) -> str:
    """A same-length variant of a case-folded text that undoes common obfuscations of words.

    Within each token that contains at least one letter, lookalike letters of other scripts are
    mapped to Latin when the token mixes them with Latin letters (a mixed-script token is a
    spoofing signal in the sense of Unicode TS #39; a whole Cyrillic word is left alone), and
    leetspeak digits and symbols are mapped to letters. Tokens without any letter (numbers,
    dates) are never touched.
    """

    def fix(match: re.Match[str]) -> str:
        token = match.group(0)
        if not any(c.isalpha() for c in token):
            return token
        if not token.isascii():
            skeleton = token.translate(_CONFUSABLES)
            if skeleton != token and _LATIN_LETTER.search(token) is not None:
                token = skeleton
        return token.translate(_LEET)

    # A token never spans ASCII whitespace, so the token scan runs only on the whitespace-delimited
    # pieces that hold a core (most text has none, or a few): the same result as scanning it all.
    out: list[str] = []
    done = 0
    for core in _SUSPECT_CORE.finditer(folded):
        at = core.start()
        if at < done:
            continue  # in the piece already scanned
        start = max(folded.rfind(c, 0, at) for c in _ASCII_SPACE) + 1
        after = _ASCII_SPACE_RE.search(folded, at)
        end = after.start() if after is not None else len(folded)
        out.append(folded[done:start])
        out.append(_SUSPECT.sub(fix, folded[start:end]))
        done = end
    if not out:
        return folded
    out.append(folded[done:])
    return "".join(out)
