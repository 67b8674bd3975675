"""Offset-preserving normalisation used by the deterministic checks."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from charter.checks._text import confusable_skeleton, leet_fold, normalize, word_variant


def test_ascii_is_identity_or_lowercase() -> None:
    norm = normalize("Hello World")
    assert norm.text == "Hello World" and norm.original_span(0, 5) == (0, 5)
    assert normalize("Hello World", casefold=True).text == "hello world"


def test_full_width_and_ligatures_map_back() -> None:
    text = "ｆｉｌｅ ﬁle"
    norm = normalize(text)
    assert norm.text == "file file"
    start = norm.text.index("file", 1)
    assert norm.original_span(start, start + 4) == (5, 8)  # "ﬁ" is one original character
    assert text[slice(*norm.original_span(0, 4))] == "ｆｉｌｅ"


def test_invisible_characters_are_removed() -> None:
    text = "pa\u200bss\u00adwo\u2060rd\ufe0f"
    norm = normalize(text)
    assert norm.text == "password"
    assert norm.original_span(0, 8) == (0, len(text) - 1)


def test_casefold_expansion_keeps_the_map() -> None:
    text = "Große Straße"
    norm = normalize(text, casefold=True)
    assert norm.text == "grosse strasse"
    start = norm.text.index("strasse")
    assert text[slice(*norm.original_span(start, start + 7))] == "Straße"
    # half of an expanded character maps to the whole character
    assert norm.original_span(3, 4) == (3, 4)


def test_combining_sequences_are_composed() -> None:
    text = "cafe\u0301 ok"
    norm = normalize(text)
    assert norm.text == "café ok"
    assert norm.original_span(3, 4) == (3, 5)


def test_decimal_digits_of_other_scripts() -> None:
    assert normalize("٤٢ and ४२", decimal_digits=True).text == "42 and 42"
    assert normalize("٤٢").text == "٤٢"


def test_span_edge_cases() -> None:
    norm = normalize("ａｂ\u200b")
    assert norm.original_span(2, 2) == (3, 3)
    assert norm.original_span(1, 1) == (1, 1)


def test_with_text_requires_same_length() -> None:
    norm = normalize("ａｂ")
    assert norm.with_text("xy").original_span(0, 2) == (0, 2)
    with pytest.raises(ValueError, match="same length"):
        norm.with_text("xyz")


def test_word_variant() -> None:
    assert word_variant("h3ll0 w0rld in 2024") == "hello world in 2024"
    assert word_variant("$hit and sh!t") == "shit and shit"
    assert word_variant("раy vs рау") == "pay vs рау"  # mixed-script token only
    assert confusable_skeleton("сука") == "cyka"
    assert leet_fold("4@3") == "aae"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.booleans(), st.booleans())
def test_property_map_is_monotonic_and_covers_the_text(text: str, casefold: bool, digits: bool) -> None:
    norm = normalize(text, casefold=casefold, decimal_digits=digits)
    previous = (0, 0)
    for index in range(len(norm.text)):
        start, end = norm.original_span(index, index + 1)
        assert 0 <= start < end <= len(text)
        assert start >= previous[0] and end >= previous[1]
        previous = (start, end)
    whole = norm.original_span(0, len(norm.text))
    assert whole[1] <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_property_word_variant_keeps_length(text: str) -> None:
    folded = normalize(text, casefold=True).text
    assert len(word_variant(folded)) == len(folded)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(categories=["Lu", "Ll", "Nd", "Zs"]), max_size=40))
def test_property_nfkc_text_without_invisibles_is_unchanged(text: str) -> None:
    norm = normalize(text)
    if unicodedata.is_normalized("NFKC", text):
        assert norm.text == text
    else:
        assert unicodedata.is_normalized("NFKC", norm.text)
