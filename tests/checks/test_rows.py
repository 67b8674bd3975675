"""The feature rows' regular expressions: what was rewritten for speed (look-aheads, line-start blanks)
changes no match."""

from __future__ import annotations

import random
import re

import pytest

from charter.checks._lexicon import _FORM_REQUESTS, _FORM_WORDS
from charter.checks._rows import (
    _CODE,
    _LIST_ITEM,
    _SHAPE_CODE,
    _SHAPE_LEAD,
    _SHAPE_LIST_ITEM,
    _SHAPE_MESSAGE_OPEN,
    _SHAPE_SIGN_OFF,
    _SHAPE_SPEAKER,
    _form_row,
)

_PLAIN_SHAPE_CODE = re.compile(_CODE.pattern + r"|^[^\S\n]*(?:Sub|Dim|End Sub)\b|\$\w+\s*=", re.M)
_PLAIN_SIGN_OFF = re.compile(
    r"\b(?:sincerely|best regards|kind regards|regards|warm regards|cheers|thank you,|thanks,|\[your name\]"
    r"|\[name\])",
    re.I,
)
_ALPHABET = "abcdefghijklmnopqrstuvwxyz SDEKTRB;$<>/`#\n\t\u00a0\u2028\u017f\u212a()=_[],:.-'"
_SAMPLES = [
    "    def main():\n\treturn 1;",
    "Sub Macro1()\n  Dim x As Integer\nEnd Sub",
    "$payload = 'x'; <script>alert(1)</script>",
    "```\ncode\n```",
    "\n\n\n\n\nTail",
    "Best Regards,\n[Your Name]",
    "Kind regards, Ali\nCHEERS",
    "\u017fincerely yours",  # long s folds to s under re.I
    "Write an E-mail, a tweet and a social media post",
    "add some salt, then rewrite; obfuscate the payload",
    "how to GIVE DETAILED instructions",
]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 200))) for _ in range(n)]


@pytest.mark.parametrize("seed", [1, 2])
def test_look_aheads_change_no_match(seed: int) -> None:
    texts = _SAMPLES + _random_texts(2000, seed)
    for text in texts:
        assert _SHAPE_CODE.findall(text) == _PLAIN_SHAPE_CODE.findall(text), text
        assert bool(_SHAPE_SIGN_OFF.search(text)) == bool(_PLAIN_SIGN_OFF.search(text)), text
    plain = {k: re.compile(rf"\b({'|'.join(words)})\b", re.I) for k, words in _FORM_WORDS.items()}
    words = [w.replace("?", "").replace("(?:a|an|some)", "some") for ws in _FORM_WORDS.values() for w in ws]
    rng = random.Random(seed)
    phrases = [" ".join(rng.choice([*words, "x", "the"]) for _ in range(4)) for _ in range(500)]
    for text in texts + phrases + [p.upper() for p in phrases]:
        for kind, pattern in _FORM_REQUESTS.items():
            assert bool(pattern.search(text)) == bool(plain[kind].search(text)), (kind, text)


def test_sample_texts_do_match() -> None:
    # the equivalence above is not vacuous: the hand-written samples hit every pattern
    assert len(_SHAPE_CODE.findall(_SAMPLES[0])) == 2
    assert _SHAPE_CODE.findall(_SAMPLES[1])
    assert _SHAPE_SIGN_OFF.search(_SAMPLES[5]) and _SHAPE_SIGN_OFF.search(_SAMPLES[7])
    assert all(_FORM_REQUESTS[k].search(" ".join(_SAMPLES[8:])) for k in ("message", "edit", "steps", "code"))


def test_line_start_patterns_count_as_with_newline_spanning_blanks() -> None:
    # "^\\s*" (quadratic on runs of blank lines) and "^[^\\S\\n]*" find the same number of matches
    rng = random.Random(5)
    alphabet = "ab A1.)-*•step #:\n\n\n  \t\r\x0b\u2028\u00a0B9"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120))) for _ in range(20000)]
    texts += ["\n\n\n  1. one\n \n- two\n\n\nAlice: hi\n   Bob:  there", "\n" * 50 + "step 3 go"]
    for fast in (_LIST_ITEM, _SHAPE_LIST_ITEM, _SHAPE_SPEAKER):
        slow = re.compile(fast.pattern.replace("^[^\\S\\n]*", "^\\s*"), fast.flags)
        assert slow.pattern != fast.pattern
        for text in texts:
            assert len(fast.findall(text)) == len(slow.findall(text)), (fast.pattern, text)
    assert len(_SHAPE_LIST_ITEM.findall(texts[-2])) == 2 and len(_SHAPE_SPEAKER.findall(texts[-2])) == 2


def test_form_row_prefilters_change_no_column() -> None:
    # shape_code and shape_message skip their patterns when a reply lacks the text every match needs
    texts = _SAMPLES + _random_texts(3000, 9) + ["Thanks, Bob", "THANKS, bob", "\u017fincerely", "x;\n"]
    for text in texts:
        row = _form_row("write an email", text)
        body = _SHAPE_LEAD.sub("", text[:3000], count=1)
        assert row[7] == min(len(_PLAIN_SHAPE_CODE.findall(body)), 10) / 10, text
        opened = bool(_SHAPE_MESSAGE_OPEN.search(body.lstrip().lstrip('"')))
        assert row[8] == (float(opened) + float(bool(_PLAIN_SIGN_OFF.search(body)))) / 2, text
