"""find_pii / redact_pii and the pii check: true positives, validated formats, adversarial negatives."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from charter.checks import Sample, default_registry
from charter.checks._pii import (
    PII_KINDS,
    PiiKind,
    dni_valid,
    find_pii,
    luhn_valid,
    redact_pii,
    verhoeff_valid,
)


def found(text: str, kinds: list[PiiKind] | None = None) -> list[tuple[str, str]]:
    return [(m.kind, m.text) for m in find_pii(text, kinds)]


# ---------------------------------------------------------------------------------------------
# e-mail


@pytest.mark.parametrize(
    "email",
    ["john.doe@example.com", "j.o.h.n+tag@sub.example.co.uk", "user_1@exa-mple.io", "müller@beispiel.de"],
)
def test_emails(email: str) -> None:
    assert found(f"Contact: {email}.") == [("email", email)]


@pytest.mark.parametrize(
    "text", ["@username on twitter", "foo@bar", "a@b.c", "price is 5@ 3.99", "user@localhost"]
)
def test_not_emails(text: str) -> None:
    assert found(text, ["email"]) == []


def test_full_width_email() -> None:
    text = "mail: ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ please"
    assert found(text) == [("email", "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ")]


# ---------------------------------------------------------------------------------------------
# phone numbers


@pytest.mark.parametrize(
    "phone",
    [
        "+44 20 7946 0958",
        "+1 (415) 555-2671",
        "+33 1 23 45 67 89",
        "+49-30-901820",
        "+14155552671",
        "0044 20 7946 0958",
        "(415) 555-2671",
        "415-555-2671",
        "415.555.2671",
        "1-800-555-0199",
        "020 7946 0958",
        "07700 900123",
        "01 23 45 67 89",
        "(030) 901820",
    ],
)
def test_phone_numbers(phone: str) -> None:
    assert found(f"Reach me at {phone} today.") == [("phone", phone)]


@pytest.mark.parametrize(
    "text",
    [
        "Released on 2024-01-15 and patched 15/01/2024 and 15.01.2024.",
        "Version 1.2.3 then v10.0.19041.1 and version 2.10.4.",
        "In 1999 the population was 12345678 people.",
        "pi is 3.14159265358979 roughly",
        "Order #A-10492 shipped, ISBN 978-3-16-148410-0.",
        "The range is 100-200-300 units.",
        "Coordinates 51.5072, -0.1276",
        "It costs $1,234,567.89 in total.",
        "Meeting 10:30-11:45 on 2025-03-14",
        "The year 2023 to 2024 was good, 5 to 10 items.",
    ],
)
def test_not_phone_numbers(text: str) -> None:
    assert found(text, ["phone"]) == []


def test_phone_from_context_word() -> None:
    assert found("call me at 4155552671 tomorrow") == [("phone", "4155552671")]
    assert found("I have 4155552671 apples") == []


def test_full_width_phone() -> None:
    text = "Call ＋４４ ２０ ７９４６ ０９５８ now"
    assert found(text) == [("phone", "＋４４ ２０ ７９４６ ０９５８")]


# ---------------------------------------------------------------------------------------------
# cards


@pytest.mark.parametrize(
    "card",
    [
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "4111111111111111",
        "5500 0000 0000 0004",
        "3782 822463 10005",
        "6011000990139424",
        "4222222222222",
    ],
)
def test_cards(card: str) -> None:
    assert found(f"Card: {card} exp 12/27") == [("card", card)]


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1112",  # fails Luhn
        "1234 5678 9012 3456",  # fails Luhn
        "0000 0000 0000 0000",  # passes Luhn but is not a number anyone holds
        "4111 1111-1111 1111",  # mixed separators
        "411111111111",  # 12 digits: too short
    ],
)
def test_not_cards(text: str) -> None:
    assert found(text, ["card"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "４１１１ １１１１ １１１１ １１１１",  # full-width digits
        "4111\u200b1111\u200b1111\u200b1111",  # zero-width spaces
        "٤١١١١١١١١١١١١١١١",  # Arabic-Indic digits
        "4\u20601\u20601\u20601 1111 1111 1111",  # word joiners between digits
    ],
)
def test_obfuscated_cards(text: str) -> None:
    matches = find_pii(f"pay with {text} ok")
    assert [(m.kind, m.text) for m in matches] == [("card", text)]
    assert matches[0].start == len("pay with ")


# ---------------------------------------------------------------------------------------------
# national ids


@pytest.mark.parametrize(
    "value",
    [
        "123-45-6789",  # US SSN
        "078 05 1120",
        "AB 12 34 56 C",  # UK NINO
        "AB123456C",
        "12345678Z",  # Spanish DNI
        "X1234567L",  # Spanish NIE
        "2341 2341 2346",  # Aadhaar (Verhoeff)
    ],
)
def test_national_ids(value: str) -> None:
    assert found(f"ID {value} on file") == [("national_id", value)]


@pytest.mark.parametrize(
    "text",
    [
        "000-12-3456",
        "666-12-3456",
        "912-34-5678",
        "123-00-4567",
        "123-45-0000",
        "123-45 6789",  # inconsistent separators
        "BG 12 34 56 C",  # NINO prefix never issued
        "DA 12 34 56 C",  # D is not a valid first letter
        "12345678A",  # wrong DNI letter
        "2341 2341 2345",  # Verhoeff fails
    ],
)
def test_not_national_ids(text: str) -> None:
    assert found(text, ["national_id"]) == []


def test_ssn_from_context_word() -> None:
    assert found("SSN: 123456789") == [("national_id", "123456789")]
    assert found("order 123456789") == []


def test_check_digit_helpers() -> None:
    assert luhn_valid("79927398713") and not luhn_valid("79927398710")
    assert verhoeff_valid("2363") and not verhoeff_valid("2364")
    assert dni_valid("", "12345678", "Z") and not dni_valid("", "12345678", "A")
    assert dni_valid("Y", "1234567", "X") and not dni_valid("Y", "12345678", "X")


# ---------------------------------------------------------------------------------------------
# IP addresses


@pytest.mark.parametrize(
    "ip",
    ["192.168.0.1", "8.8.8.8", "255.255.255.255", "2001:db8::8a2e:370:7334", "fe80::1", "::ffff:192.0.2.1"],
)
def test_ips(ip: str) -> None:
    assert found(f"host {ip} is up") == [("ip", ip)]
    assert found(f"The host is {ip}.") == [("ip", ip)]


@pytest.mark.parametrize(
    "text",
    [
        "256.1.1.1",
        "1.2.3",
        "version 1.2.3.4",
        "v1.2.3.4",
        "10.0.0.1.5",
        "at 12:30:45 UTC",
        "MAC 00:1A:2B:3C:4D:5E",
        "std::vector<int> and a::b",
    ],
)
def test_not_ips(text: str) -> None:
    assert found(text, ["ip"]) == []


# ---------------------------------------------------------------------------------------------
# API keys


@pytest.mark.parametrize(
    "key",
    [
        "sk-proj-abcdEFGH1234ijklMNOP5678qrstUVWX",
        "sk-ant-api03-abcdefghij0123456789ABCDEFGH",
        "sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD",
        "AKIAIOSFODNN7EXAMPLE",
        "ghp_" + "a1B2c3D4e5" * 4,
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVW",
        "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
        "AIzaSyA-1234567890abcdefghijklmnopqrstu",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "glpat-xxxxXXXX1234yyyyYYYY",
        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123",
    ],
)
def test_api_keys(key: str) -> None:
    assert found(f"token: {key}\n") == [("api_key", key)]


def test_private_key_block() -> None:
    pem = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----"
    assert found(f"key:\n{pem}\n") == [("api_key", pem)]
    header_only = "-----BEGIN RSA PRIVATE KEY-----"
    assert found(f"it starts with {header_only} and then...") == [("api_key", header_only)]


@pytest.mark.parametrize(
    "text",
    [
        "pip install scikit-learn",
        "sk-this-is-just-a-long-slug-for-a-page",  # no digits: not a key
        "the AKIA prefix marks AWS keys",
        "Bearer token",
        "use ghp_ tokens for GitHub",
        "-----BEGIN PUBLIC KEY-----",
    ],
)
def test_not_api_keys(text: str) -> None:
    assert found(text, ["api_key"]) == []


# ---------------------------------------------------------------------------------------------
# kinds, overlaps, redaction


def test_kinds_filter_and_order() -> None:
    text = "Mail a@example.com, call +44 20 7946 0958, card 4111 1111 1111 1111, host 10.0.0.1"
    assert [m.kind for m in find_pii(text)] == ["email", "phone", "card", "ip"]
    assert [m.kind for m in find_pii(text, ["card", "ip"])] == ["card", "ip"]
    with pytest.raises(ValueError, match="passport"):
        find_pii(text, ["passport"])  # type: ignore[list-item]


def test_overlaps_prefer_the_stronger_kind() -> None:
    # The card number is also phone-shaped under the context rule; it is reported once, as a card.
    assert found("call 4111 1111 1111 1111") == [("card", "4111 1111 1111 1111")]


def test_offsets_are_in_the_original_text() -> None:
    text = "ａ\u200bb — write to ｘ@example.com"
    [match] = find_pii(text)
    assert text[match.start : match.end] == match.text == "ｘ@example.com"


def test_redact() -> None:
    text = "Email bob@example.com or call (415) 555-2671; SSN 123-45-6789; key AKIAIOSFODNN7EXAMPLE."
    assert redact_pii(text) == "Email [EMAIL] or call [PHONE]; SSN [NATIONAL_ID]; key [API_KEY]."
    assert redact_pii(text, ["email"]) == text.replace("bob@example.com", "[EMAIL]")
    assert redact_pii("nothing here") == "nothing here"


def test_pii_kinds_constant() -> None:
    assert PII_KINDS == ("email", "phone", "card", "national_id", "ip", "api_key")


def _luhn_complete(body: str) -> str:
    for check in "0123456789":
        if luhn_valid(body + check):
            return body + check
    raise AssertionError("unreachable")


@settings(max_examples=150, deadline=None)
@given(
    body=st.text(alphabet="0123456789", min_size=14, max_size=15).filter(lambda s: s[0] in "3456"),
    prose=st.sampled_from(["Card: {} thanks", "{}", "number {}, exp 10/26"]),
)
def test_property_every_luhn_valid_card_is_found_and_redacted(body: str, prose: str) -> None:
    card = _luhn_complete(body)
    if len(set(card)) == 1:
        return
    spaced = " ".join(card[i : i + 4] for i in range(0, len(card), 4))
    text = prose.format(spaced)
    assert ("card", spaced) in found(text)
    assert spaced not in redact_pii(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_property_matches_are_exact_slices_and_disjoint(text: str) -> None:
    matches = find_pii(text)
    last_end = 0
    for m in matches:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end and m.end > m.start
        last_end = m.end


# ---------------------------------------------------------------------------------------------
# the check


def test_pii_check_verdicts() -> None:
    check = default_registry().create("pii", None)
    reply = "Sure — her email is ana@example.org and her card is 4111 1111 1111 1111."
    verdict = asyncio.run(check.check(Sample(reply=reply)))
    assert verdict.label == "violation" and verdict.passed is False and verdict.score == 1.0
    assert verdict.explanation == "Found 2 PII items: email, card."
    assert [(e.start, e.end, e.text) for e in verdict.evidence] == [
        (20, 35, "ana@example.org"),
        (52, 71, "4111 1111 1111 1111"),
    ]
    assert all(e.source == "reply" for e in verdict.evidence)
    clean = asyncio.run(check.check(Sample(reply="Version 2.4.1 shipped on 2024-06-01 to 10,000 users.")))
    assert clean.label == "ok" and clean.passed is True and clean.score == 0.0 and clean.evidence == []


def test_pii_check_respects_kinds() -> None:
    check = default_registry().create("pii", {"kinds": ["card"]})
    verdict = asyncio.run(check.check(Sample(reply="ana@example.org")))
    assert verdict.passed is True
    assert "card" in verdict.explanation
