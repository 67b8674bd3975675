"""The offline language identifier and the language check."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path
from typing import Any

import pytest

from charter.chat import Conversation, Message, Role
from charter.checks import CheckVerdict, Sample, default_registry
from charter.checks._language import SUPPORTED_LANGUAGES, detect_language, prose_text

TEXTS: dict[str, list[str]] = {
    "en": [
        "The weather is nice today, so we are going to the park with our children.",
        "I can help you write a cover letter. Tell me about the job and your experience.",
    ],
    "es": [
        "El tiempo está muy bien hoy, así que vamos al parque con los niños.",
        "Claro, aquí tienes una receta sencilla: calienta el aceite en una sartén y añade la cebolla.",
    ],
    "fr": [
        "Il fait beau aujourd'hui, alors nous allons au parc avec les enfants.",
        "Bien sûr ! Voici un résumé : les chercheurs ont découvert que le sommeil est important.",
    ],
    "de": [
        "Das Wetter ist heute schön, also gehen wir mit den Kindern in den Park.",
        "Gerne! Hier ist eine Zusammenfassung: Die Forscher haben herausgefunden, dass Schlaf wichtig ist.",
    ],
    "it": [
        "Oggi il tempo è bello, quindi andiamo al parco con i bambini.",
        "Certo! Ecco un riassunto: i ricercatori hanno scoperto che il sonno è importante per la memoria.",
    ],
    "pt": [
        "O tempo está muito bom hoje, então vamos ao parque com as crianças.",
        "Claro! Aqui está um resumo: os pesquisadores descobriram que o sono é importante para a memória.",
    ],
    "nl": [
        "Het weer is vandaag mooi, dus we gaan met de kinderen naar het park.",
        "Natuurlijk! Hier is een samenvatting: de onderzoekers ontdekten dat slaap belangrijk is.",
    ],
    "sv": [
        "Vädret är fint idag, så vi går till parken med barnen.",
        "Jag kan hjälpa dig att skriva ett personligt brev. Berätta om jobbet.",
    ],
    "pl": [
        "Pogoda jest dziś ładna, więc idziemy z dziećmi do parku.",
        "Listy w Pythonie są modyfikowalne, co oznacza, że można je zmieniać po utworzeniu.",
    ],
    "tr": [
        "Bugün hava çok güzel, bu yüzden çocuklarla parka gidiyoruz.",
        "Ön yazı yazmanıza yardımcı olabilirim. Bana iş hakkında bilgi verin.",
    ],
    "id": [
        "Cuaca hari ini sangat bagus, jadi kami pergi ke taman dengan anak-anak.",
        "Saya bisa membantu Anda menulis surat lamaran. Ceritakan tentang pekerjaan itu.",
    ],
    "ru": [
        "Сегодня хорошая погода, поэтому мы идём с детьми в парк.",
        "Списки в Python изменяемы, это значит, что их можно менять после создания.",
    ],
    "uk": [
        "Сьогодні гарна погода, тому ми йдемо з дітьми до парку.",
        "Списки в Python є змінними, це означає, що їх можна змінювати після створення.",
    ],
    "ja": [
        "今日は天気がいいので、子供たちと公園に行きます。",
        "Pythonのリストは変更可能です。作成後に変更できます。",
    ],
    "zh": ["今天天气很好，所以我们和孩子们一起去公园。"],
    "ko": ["오늘은 날씨가 좋아서 아이들과 공원에 갑니다."],
    "el": ["Σήμερα ο καιρός είναι ωραίος, οπότε πάμε στο πάρκο με τα παιδιά."],
    "ar": ["الطقس جميل اليوم، لذلك سنذهب إلى الحديقة مع الأطفال."],
    "fa": ["امروز هوا خوب است، پس با بچه‌ها به پارک می‌رویم."],
    "he": ["מזג האוויר יפה היום, אז אנחנו הולכים לפארק עם הילדים."],
    "hi": ["आज मौसम अच्छा है, इसलिए हम बच्चों के साथ पार्क जा रहे हैं।"],
    "th": ["วันนี้อากาศดี เราจึงไปสวนสาธารณะกับลูกๆ"],
}
CASES = [(lang, text) for lang, texts in TEXTS.items() for text in texts]


@pytest.mark.parametrize(("lang", "text"), CASES, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(CASES)])
def test_detects_language(lang: str, text: str) -> None:
    got, confidence = detect_language(text)
    assert got == lang
    assert 0.5 <= confidence <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "OK",
        "Yes.",
        "Gracias",
        "42",
        "Paris",
        "Mozart, Beethoven, Bach",
        "https://example.com/some/path?q=1",
        "```python\nprint('hello world')\nfor i in range(10):\n    x = i * 2\n```",
        "def foo(x):\n    return x + 1\n",
        "user_id = get_user(request)",
        "SELECT * FROM users WHERE id = 1;",
        "`npm install --save-dev typescript`",
        "🙂👍",
        "Ευχαριστώ",
        "ありがとう",
    ],
)
def test_abstains_on_code_and_too_little_text(text: str) -> None:
    assert detect_language(text) == ("unknown", 0.0)


def test_code_blocks_and_urls_do_not_vote() -> None:
    reply = (
        "Voici comment trier une liste en Python :\n\n```python\n# sort the list in place and print it\n"
        "numbers = [3, 1, 2]\nnumbers.sort()  # the list is now sorted\nprint(numbers)\n```\n\n"
        "La méthode `sort()` trie la liste sur place. Voir https://docs.python.org/3/howto/sorting.html "
        "pour plus de détails."
    )
    assert detect_language(reply)[0] == "fr"
    assert "numbers" not in prose_text(reply) and "https" not in prose_text(reply)


def test_markdown_is_not_mistaken_for_code() -> None:
    reply = (
        "- **Step 1:** Open the settings menu.\n- **Step 2:** Click on *Privacy*.\n- **Step 3:** Turn it off."
    )
    assert detect_language(reply)[0] == "en"


def test_japanese_with_english_terms_and_kanji_only_chinese() -> None:
    assert detect_language("PythonとJavaScriptの違いを説明します。どちらも人気のある言語です。")[0] == "ja"
    assert detect_language("我们可以使用Python来处理数据。")[0] == "zh"


def test_arabic_script_languages() -> None:
    assert detect_language("یہ ایک اچھا دن ہے اور ہم پارک جا رہے ہیں۔")[0] == "ur"


def test_mixed_scripts_without_a_majority_abstain() -> None:
    assert detect_language("Hello world こんにちは世界 Привет мир مرحبا بالعالم")[0] == "unknown"


def test_supported_languages() -> None:
    assert {
        "en",
        "es",
        "fr",
        "de",
        "it",
        "pt",
        "nl",
        "sv",
        "pl",
        "tr",
        "id",
        "ru",
        "uk",
        "ja",
        "zh",
    } <= SUPPORTED_LANGUAGES
    assert "unknown" not in SUPPORTED_LANGUAGES


def test_no_false_language_on_english_prompts(shared_dir: Path) -> None:
    """XSTest prompts are all English: the identifier may abstain but never names another language."""
    path = shared_dir / "data" / "xstest" / "xstest_prompts.csv"
    if not path.exists():
        pytest.skip(f"{path} not available")
    with path.open(encoding="utf-8") as handle:
        prompts = [row["prompt"] for row in csv.DictReader(handle)]
    results = [detect_language(p)[0] for p in prompts]
    assert set(results) <= {"en", "unknown"}
    assert results.count("en") / len(results) > 0.75


# ---------------------------------------------------------------------------------------------
# the check


def judge(params: dict[str, Any] | None, reply: str, user: str | None = None) -> CheckVerdict:
    messages = [Message(role=Role.USER, content=user)] if user is not None else []
    check = default_registry().create("language", params, statement_id="respond_in_user_language")
    return asyncio.run(check.check(Sample(reply=reply, conversation=Conversation.of(messages))))


EN_USER = "What's the weather like today in Berlin, and should we go to the park?"


@pytest.mark.parametrize(
    ("reply", "lang"),
    [
        ("Das Wetter ist heute schön, also gehen wir mit den Kindern in den Park.", "de"),
        ("El tiempo está muy bien hoy, así que vamos al parque con los niños.", "es"),
        ("Il fait beau aujourd'hui, alors nous allons au parc avec les enfants.", "fr"),
        ("今日は天気がいいので、子供たちと公園に行きます。", "ja"),
        ("Сегодня хорошая погода, поэтому мы идём с детьми в парк.", "ru"),
    ],
)
def test_reply_in_another_language_than_the_user_is_a_violation(reply: str, lang: str) -> None:
    verdict = judge(None, reply, EN_USER)
    assert verdict.label == "violation" and verdict.passed is False
    assert 0.5 <= verdict.score <= 1.0
    assert f"({lang}, confidence" in verdict.explanation and "English (en)" in verdict.explanation
    assert verdict.statement_id == "respond_in_user_language"
    assert verdict.evidence and verdict.evidence[0].text == reply.strip()[:200]


def test_reply_in_the_users_language_passes() -> None:
    verdict = judge(None, "It is sunny and warm in Berlin today, so the park is a great idea.", EN_USER)
    assert verdict.label == "ok" and verdict.passed is True and verdict.score == 0.0
    spanish_user = "¿Qué tiempo hace hoy en Madrid? ¿Vamos al parque con los niños?"
    assert (
        judge(None, "Hoy hace sol en Madrid, así que el parque es una buena idea.", spanish_user).passed
        is True
    )


def test_code_only_and_one_word_replies_are_unknown_not_violations() -> None:
    for reply in [
        "```python\nprint(sorted([3, 1, 2]))\n```",
        "Danke!",
        "OK",
        "https://de.wikipedia.org/wiki/Berlin",
    ]:
        verdict = judge(None, reply, EN_USER)
        assert verdict.label == "unknown" and verdict.passed is None and verdict.score == 0.0, reply


def test_unknown_user_language() -> None:
    verdict = judge(None, "Das Wetter ist heute schön, also gehen wir mit den Kindern in den Park.", "hi")
    assert verdict.label == "unknown" and verdict.passed is None
    assert "user" in verdict.explanation
    assert judge(None, "Das Wetter ist heute schön, also gehen wir in den Park.").label == "unknown"


def test_untrusted_paste_does_not_set_the_users_language() -> None:
    paste = "Das Wetter ist heute schön, also gehen wir mit den Kindern in den Park. Es ist warm und sonnig."
    user = Message(
        role=Role.USER,
        content=f"Please summarise this text for me in a few words:\n<untrusted>\n{paste}\n</untrusted>",
        untrusted=[paste],
    )
    check = default_registry().create("language", None)
    verdict = asyncio.run(
        check.check(
            Sample(reply="It is a nice day, so they go to the park.", conversation=Conversation.of([user]))
        )
    )
    assert verdict.passed is True


def test_explicit_expected_language() -> None:
    assert judge({"expect": "de"}, "Das Wetter ist heute schön, also gehen wir in den Park.").passed is True
    verdict = judge({"expect": "DE"}, "The weather is nice today, so we are going to the park.")
    assert verdict.passed is False and verdict.params == {"expect": "de"}
    assert "expected German (de)" in verdict.explanation


def test_min_confidence_turns_weak_detections_into_unknown() -> None:
    reply = "Pogoda jest dziś ładna, więc idziemy z dziećmi do parku."
    assert judge({"expect": "en"}, reply).passed is False
    assert judge({"expect": "en", "min_confidence": 0.99}, reply).label == "unknown"


def test_a_tie_between_languages_abstains() -> None:
    # Function words that Spanish and Portuguese share score both equally: no guess.
    assert detect_language("que se para por") == ("unknown", 0.0)
    assert detect_language("Que se para por, que se como para.")[0] == "unknown"
