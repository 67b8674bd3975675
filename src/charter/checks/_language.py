"""An offline language identifier: Unicode scripts first, then hand-written word and trigram profiles.

:func:`detect_language` strips what is not prose (fenced and inline code, URLs, e-mail addresses,
HTML tags, markdown link targets, code-like lines, identifiers and numbers), then

1. counts letters per Unicode script. A script used by one language decides it outright
   (Greek ``el``, Hebrew ``he``, Thai ``th``, Hangul ``ko``, kana ``ja``, Han without kana ``zh``,
   Devanagari ``hi``, Bengali ``bn``, Georgian ``ka``, Armenian ``hy``, ...); Arabic script is
   split into ``ar``/``fa``/``ur`` by the letters only Persian or Urdu use.
2. within Latin and Cyrillic script, scores every candidate language by its function words
   (each word weighted by 1 / the number of profiles it belongs to), the letters only some
   languages use (``ñ``, ``ß``, ``ł``, ``ğ``, ``å``, ``ã``, ``ř``, ``ș``, ``і``, ``ы``, ...) and a small
   profile of characteristic character trigrams.

Texts that are too short (one word, a few letters) or whose best two candidates are close come
back as ``("unknown", 0.0)``: the identifier would rather abstain than guess.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

__all__ = ["SUPPORTED_LANGUAGES", "UNKNOWN", "detect_language", "prose_text"]

UNKNOWN = "unknown"

# ----------------------------------------------------------------------------------------------
# Scripts

# (first code point, last code point, script), sorted, non-overlapping.
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "Latin"),
    (0x0061, 0x007A, "Latin"),
    (0x00C0, 0x024F, "Latin"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B00, 0x0B7F, "Oriya"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1200, 0x139F, "Ethiopic"),
    (0x1780, 0x17FF, "Khmer"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x3040, 0x309F, "Hiragana"),
    (0x30A0, 0x30FF, "Katakana"),
    (0x3130, 0x318F, "Hangul"),
    (0x31F0, 0x31FF, "Katakana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xA960, 0xA97F, "Hangul"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0xFF66, 0xFF9F, "Katakana"),
    (0x20000, 0x2FA1F, "Han"),
)
_RANGE_STARTS = tuple(r[0] for r in _SCRIPT_RANGES)

# Scripts that belong to a single language (for our purposes).
_SCRIPT_LANGUAGE: Mapping[str, str] = MappingProxyType(
    {
        "Greek": "el",
        "Armenian": "hy",
        "Hebrew": "he",
        "Devanagari": "hi",
        "Bengali": "bn",
        "Gurmukhi": "pa",
        "Gujarati": "gu",
        "Oriya": "or",
        "Tamil": "ta",
        "Telugu": "te",
        "Kannada": "kn",
        "Malayalam": "ml",
        "Sinhala": "si",
        "Thai": "th",
        "Lao": "lo",
        "Myanmar": "my",
        "Georgian": "ka",
        "Hangul": "ko",
        "Ethiopic": "am",
        "Khmer": "km",
    }
)
# Scripts written without spaces between words: a character carries about a word's information.
_CONTINUOUS = frozenset({"Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Myanmar"})

# ----------------------------------------------------------------------------------------------
# Profiles for Latin- and Cyrillic-script languages (function words, distinctive letters, trigrams)

_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "en": "the and of to is in that it you for was are with this have be on not but they what can at "
        "from or an by we your will would there their has which do if about my me he she his her our "
        "been were had how all more when so some these those than then also just should could into only "
        "its no yes here because any does did who them us may must very",
        "es": "el la los las de del que y en un una es por para con no se lo su sus al como más pero este "
        "esta está están son ha hay también muy puede o le les ser si sí ya todo cuando qué cómo porque "
        "sobre entre nos mi tu usted ustedes hace desde hasta donde sin eso esto bien estos estas algo "
        "tiene tienen fue era hola gracias puedes aquí",
        "fr": "le la les de des du un une et est en que qui pour dans pas ne sur au aux avec ce cette ces il "
        "elle ils nous vous je tu son sa ses mais ou plus par se sont être avoir a été fait peut aussi très "
        "comme tout tous leur leurs même si on y votre vos mon ma mes bien l qu j c n bonjour merci voici",
        "de": "der die das und ist nicht ein eine einen einem einer zu den dem des mit sich auf für von im "
        "auch es an werden wird sind als wie oder aber nach bei noch nur so kann können wenn dass sie ich "
        "du wir ihr mein sehr hier hat haben war waren sein mehr schon um über durch diese dieser dieses "
        "gibt man keine kein bitte danke zum zur",
        "it": "il lo la i gli le di del della dei delle che e è un una uno in per con non si sono da al alla "
        "come più ma anche questo questa ci mi ti se nel nella o ha hanno essere molto può tutto tutti "
        "quando perché cosa dove sul sulla suo sua loro lei io noi voi ciao grazie degli dalla dal",
        "pt": "o a os as de do da dos das que e é um uma em no na nos nas para por com não se mais como mas "
        "ao à seu sua ele ela eles você vocês isso isto este esta está estão são foi ser também muito pode "
        "quando porque já ou me meu minha há tem têm pelo pela obrigado olá sobre aqui entre até",
        "nl": "de het een en van is dat die in te op voor met zijn niet aan er om ook als maar bij of dan "
        "nog wat ze hij zij wij je jij u uw ik mijn naar door over wordt worden kan kunnen deze dit geen "
        "meer heeft hebben was waren zo hoe wel al nu hier moet zou alleen heel bedankt hallo",
        "sv": "och i att det som en ett på är av för med till den har de inte om var jag du han hon vi ni "
        "sig men så kan ska skulle från eller när vad hur här där också bara mycket alla detta dessa denna "
        "efter under vid blir blev finns hade mer än sina sin sitt tack hej inga ingen",
        "pl": "i w z na się nie do to że jest o a jak co po od za ale jego jej ich tak przez dla są był była "
        "było może tylko już czy lub oraz także też który która które ten ta tym tego jako gdy jeśli "
        "bardzo mnie mi ja ty on ona my wy pan pani dzięki dziękuję cześć można będzie",
        "tr": "ve bir bu da de için ile çok ne o mi mı mu mü gibi daha en var yok ama ben sen biz siz onlar "
        "her şey olarak olan değil kadar sonra ya veya ki nasıl neden çünkü ise bunu şu bana sana merhaba "
        "teşekkürler evet hayır diye üzerinde olduğu tüm",
        "id": "yang dan di ke dari ini itu dengan untuk tidak ada akan pada juga saya anda kami kita mereka "
        "adalah dalam bisa atau sudah belum karena jika oleh sebagai lebih tersebut telah harus hanya apa "
        "bagaimana seperti sangat tetapi namun kepada bahwa banyak dapat terima kasih halo ya bukan semua",
        "fi": "ja on ei se että oli ovat hän mutta kun niin tai joka jos kuin myös sen ole olen olet minä "
        "sinä me te he tämä tämän nämä siitä sitä mitä mikä voi voit vain kanssa jo nyt kaikki hyvin "
        "paljon kiitos hei sinun minun minulle sinulle sinua minua meille teille hänen heidän olla voin "
        "joten sitten vielä koska miten miksi missä kuka tässä siellä täällä eikä en et emme ette eivät "
        "jotta siis aina kyllä",
        "cs": "a je se v na to že s z do o k ve jsem jsou ale jak tak by pro od po jako být byl byla bylo "
        "které který která co už jen také nebo při za ze tento tato toto mě mi ty on ona my vy oni není "
        "může děkuji ahoj velmi když aby",
        "ro": "și în de la cu pe un o este sunt a al ale ai că nu se din care pentru mai ce sau dar fi fost "
        "acest această acesta ei el ea noi voi eu tu lui lor foarte poate am are dacă când cum mulțumesc "
        "bună",
        "vi": "và của là có không những được một các trong cho với này người đã tôi bạn để khi thì ra cũng "
        "như nhưng sẽ rất đó làm về từ năm lại nhiều hơn chúng đang vào theo xin chào cảm ơn",
        "ru": "и в не на что я с он как это по но из у к за от то все так его для же вы мы они она был было "
        "быть есть уже или если только может очень когда здравствуйте спасибо пожалуйста который этот "
        "чтобы где там нет да при еще ещё вам вас мне меня о об себя можно нужно надо вот ну бы "
        "сейчас теперь потом тоже также здесь сколько почему потому чем него неё них будет были была "
        "этого этой эти том всё нам нас тебе тебя ты мой моя ваш ваша ей им со во до без через после",
        "uk": "і й в у не на що я з він як це по але із до за від то все так його для ж ви ми вони вона був "
        "було бути є вже або якщо тільки може дуже коли дякую будь ласка який цей щоб де там ні при ще "
        "вам вас та їх її також нас мені мене про себе можна треба ось би зараз тепер потім теж тут "
        "скільки чому тому ніж неї них буде були була цього цієї ці тобі тебе ти мій моя ваш ваша їй "
        "зі до без через після між",
        "bg": "и в не на че аз с той как това по но от за да се е са ще ли този тази които който много може "
        "когато благодаря моля има няма беше бъде вие ние те тя си към при още само или ако ми ви "
        "ме му го със във вас вам нас нам тук там сега вече защо какво кой коя кое тези нещо всичко "
        "всички също обаче бил била било били съм сте сме мога можете",
        "sr": "и у не на да је се су за од са то као али што ја ти он она ми ви они који која које може бити "
        "био била када хвала молим још само или ако ће сам си смо сте вам вас нам нас ми ме му га "
        "јој их овде сада већ зашто шта ко ове овај ова ово нешто све сви такође међутим треба нисам "
        "није нису",
    }
)

_LETTERS: Mapping[str, str] = MappingProxyType(
    {
        "es": "ñ¿¡",
        "pt": "ãõ",
        "fr": "œèùûëïÿ",
        "de": "ß",
        "it": "ìò",
        "sv": "å",
        "pl": "łąęśźżćń",
        "tr": "ğış",
        "cs": "řěů",
        "ro": "ășțşţ",
        "vi": "ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
        "uk": "іїєґ",
        "ru": "ыэъё",
        "sr": "ђјљњћџ",
    }
)
# Letters shared by a few languages: a weaker hint for each.
_SHARED_LETTERS: Mapping[str, str] = MappingProxyType(
    {
        "ä": "de sv fi",
        "ö": "de sv fi tr",
        "ü": "de tr",
        "ç": "fr pt tr",
        "ê": "fr pt",
        "â": "fr pt ro",
        "î": "fr ro",
        "ô": "fr pt",
        "à": "fr it pt",
        "é": "fr es it pt cs",
        "á": "es pt cs",
        "í": "es pt cs",
        "ó": "es pt pl",
        "ú": "es pt cs",
        "š": "cs",
        "č": "cs",
        "ž": "cs",
        "ý": "cs",
        "ъ": "bg ru",
    }
)

_TRIGRAMS: Mapping[str, str] = MappingProxyType(
    {
        "en": "_th the he_ ing ng_ _an and nd_ ion _of of_ _to hat tha ith wit _yo you ly_ _wh oul ght _is",
        "es": "_de de_ _la la_ os_ _el el_ que ue_ _qu ión ado ada _es es_ ien _co ara _pa par sta ció _lo",
        "fr": "_de es_ le_ _le ent nt_ _la que _qu ue_ les _et et_ ait eur ous vou _vo our ux_ eau _pa pas",
        "de": "en_ er_ ch_ sch ich cht ein _ei die _di der und _un nd_ ung gen eit ist _ge hen ie_ st_ _zu",
        "it": "_di di_ che _ch he_ lla ell to_ re_ are zio ion one ne_ la_ del per _pe ato gli _co il_",
        "pt": "_de de_ os_ ão_ ção ões _qu que ue_ do_ da_ _do _da ent com ara par _pa em_ nh_ lh_",
        "nl": "en_ _de de_ het _he et_ een _ee van _va an_ ij_ ijk sch oor aar zij _zi cht gen _ni",
        "sv": "en_ och _oc ch_ att _at tt_ er_ ar_ för _fö det _de som _so ett lig kan ska sk_ på_ är_",
        "pl": "ie_ nie _ni ych ego ani owa _pr prz rze się ię_ _po ają wie _w_ _z_ ch_ ki_ ny_ _si",
        "tr": "lar ler ar_ er_ in_ ın_ bir _bi ir_ eri ını ini ak_ ek_ dır dir yor ıyo iyo la_ le_",
        "id": "an_ ang yan _ya ng_ kan nya ya_ men _me ber _be ter _di dan _da aka ah_ apa ada _ke per",
        "fi": "ssa ssä sta stä lle lla llä tta ttä ine ise _ja ja_ sen nen ais ksi kse ään aan uks",
        "cs": "ch_ _př ní_ ost _po pro _pr je_ _je ého ých ou_ ova _na na_ ení st_ sti ho_ kte",
        "ro": "ul_ lui ri_ re_ are _de de_ ea_ _în în_ și_ le_ _ca car _pe pe_ ate ii_ ție _ce",
        "vi": "_ng ng_ nh_ _nh _th _tr _kh ông _kh _ch ch_ ều ời _đư _củ _và",
        "ru": "ого ени ост _по _пр ств ать ова что _чт ся_ ет_ _не не_ ыва ых_ _на",
        "uk": "ння ати ого _пр ост _на ськ ів_ ся_ ий_ _не не_ ють ати ція _що",
        "bg": "ите ата _на на_ ото ние _да ва_ ъ_ _е_ ще_ та_ то_ те_ ът_ ия_ ция ъл ъде",
        "sr": "ије _је је_ ања ост _се се_ ити ког _по ње_ ња_ ћу_ ћи_ ују",
    }
)

# Which script each profiled language is written in.
_PROFILE_SCRIPT: Mapping[str, str] = MappingProxyType(
    {lang: ("Cyrillic" if lang in {"ru", "uk", "bg", "sr"} else "Latin") for lang in _WORDS}
)
_SCRIPT_PROFILES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        script: tuple(lang for lang, s in _PROFILE_SCRIPT.items() if s == script)
        for script in ("Latin", "Cyrillic")
    }
)


def _build_word_index() -> Mapping[str, tuple[tuple[str, float], ...]]:
    owners: dict[str, list[str]] = {}
    for lang, words in _WORDS.items():
        for word in set(words.split()):
            owners.setdefault(word, []).append(lang)
    return MappingProxyType(
        {word: tuple((lang, 1.0 / len(langs)) for lang in langs) for word, langs in owners.items()}
    )


def _build_letter_index() -> Mapping[str, tuple[tuple[str, float], ...]]:
    index: dict[str, list[tuple[str, float]]] = {}
    for lang, letters in _LETTERS.items():
        for letter in letters:
            index.setdefault(letter, []).append((lang, 1.0))
    for letter, langs in _SHARED_LETTERS.items():
        names = langs.split()
        index.setdefault(letter, []).extend((lang, 0.5 / len(names)) for lang in names)
    return MappingProxyType({k: tuple(v) for k, v in index.items()})


def _build_trigram_index() -> Mapping[str, tuple[str, ...]]:
    owners: dict[str, list[str]] = {}
    for lang, grams in _TRIGRAMS.items():
        for gram in set(grams.split()):
            owners.setdefault(gram.replace("_", " "), []).append(lang)
    return MappingProxyType({k: tuple(v) for k, v in owners.items()})


_WORD_INDEX = _build_word_index()
_LETTER_INDEX = _build_letter_index()
_TRIGRAM_INDEX = _build_trigram_index()

#: Every language code :func:`detect_language` can return (besides ``unknown``).
SUPPORTED_LANGUAGES: frozenset[str] = frozenset(
    {*_WORDS, *_SCRIPT_LANGUAGE.values(), "ar", "fa", "ur", "ja", "zh"}
)

# ----------------------------------------------------------------------------------------------
# Cleaning

_FENCED = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[ \t]*$|\Z)", re.M | re.S)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+", re.I)
_EMAIL = re.compile(r"(?<!\S)[^\s@]+@\S+")
_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_MARKDOWN = re.compile(r"^[ \t]*(?:[-*+>][ \t]+|\d{1,3}[.)][ \t]+|#{1,6}[ \t]+)|\*{1,3}|_{2,3}|\|", re.M)
_CODE_CHARS = frozenset("{}[]();=<>$\\&")
_DROP_CODE_CHARS = str.maketrans(dict.fromkeys(_CODE_CHARS))
#: deletes every ASCII character that is not a letter (what is left of an ASCII text is its letters)
_ASCII_NON_LETTERS = str.maketrans(dict.fromkeys(c for c in map(chr, range(128)) if not c.isalpha()))
_SPACED_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# An identifier-like run of printable ASCII (camelCase, snake_case, letters mixed with digits, a call).
_CODE_TOKEN = re.compile(r"(?<![!-~])[!-~]*?(?:[a-z][A-Z]|_|\d[A-Za-z]|[A-Za-z]\d|\.\w+\()[!-~]*")


def prose_text(text: str) -> str:
    """``text`` without code blocks, inline code, URLs, e-mails, tags and code-like lines or tokens."""
    text = _FENCED.sub(" ", text)
    text = _INLINE_CODE.sub(" ", text)
    text = _LINK_TARGET.sub("] ", text)
    if "://" in text or "www." in text.lower():
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _MARKDOWN.sub(" ", text)
    kept: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        symbols = len(stripped) - len(stripped.translate(_DROP_CODE_CHARS))
        if symbols / len(stripped) > 0.08 and symbols >= 2:
            continue  # a line of code that escaped its fence
        kept.append(_CODE_TOKEN.sub(" ", stripped))
    return "\n".join(kept)


# ----------------------------------------------------------------------------------------------
# Detection


def _script(char: str) -> str | None:
    code = ord(char)
    index = bisect_right(_RANGE_STARTS, code) - 1
    if index >= 0:
        start, end, name = _SCRIPT_RANGES[index]
        if start <= code <= end:
            return name
    return None


def _script_counts(text: str) -> Counter[str]:
    if text.isascii():  # the usual case: count the letters without looking at each character
        letters = len(text.translate(_ASCII_NON_LETTERS))
        return Counter({"Latin": letters}) if letters else Counter()
    counts: Counter[str] = Counter()
    for char, count in Counter(text).items():
        if char.isalpha():
            name = "Latin" if char.isascii() else _script(char)
            if name is not None:
                counts[name] += count
    return counts


@lru_cache(maxsize=1 << 16)
def _word_owners(word: str) -> tuple[tuple[str, float], ...] | None:
    """The profiled languages listing ``word`` (or its part before an apostrophe), with weights."""
    owners = _WORD_INDEX.get(word.replace("’", "'"))
    if owners is None and ("'" in word or "’" in word):
        owners = _WORD_INDEX.get(re.split("['’]", word)[0])
    return None if owners is None else tuple(owners)


@lru_cache(maxsize=1 << 16)
def _word_trigram_languages(word: str) -> tuple[str, ...]:
    """One entry per profile trigram of `` word `` (padded with spaces) per language that has it."""
    padded = f" {word} "
    return tuple(lang for i in range(len(padded) - 2) for lang in _TRIGRAM_INDEX.get(padded[i : i + 3], ()))


def _profile_scores(text: str, script: str) -> tuple[dict[str, float], int, float]:
    """Scores of the languages profiled for ``script``, the number of words and of function words."""
    words = [
        w
        for w in _SPACED_WORD.findall(text.lower())
        if ("Latin" if w[0].isascii() else _script(w[0])) == script
    ]
    scores: dict[str, float] = dict.fromkeys(_SCRIPT_PROFILES[script], 0.0)
    hits = 0.0
    for word in words:
        owners = _word_owners(word)
        if owners is not None:
            hits += 1
            for lang, weight in owners:
                if lang in scores:
                    scores[lang] += weight
    if not text.isascii():  # letters outside ASCII (é, ß, ñ...) point to languages
        letter_scores: dict[str, float] = dict.fromkeys(scores, 0.0)
        for char, count in Counter(text.lower()).items():
            for lang, weight in _LETTER_INDEX.get(char, ()):
                if lang in letter_scores:
                    letter_scores[lang] += weight * count
        for lang, value in letter_scores.items():
            scores[lang] += min(4.0, value)
    # Trigrams are a tie-breaker: the first _TRIGRAM_WORDS words are plenty. Profile trigrams
    # never span two words, so each distinct word is scanned once, padded with spaces.
    for word, count in Counter(words[:_TRIGRAM_WORDS]).items():
        for lang in _word_trigram_languages(word):
            if lang in scores:
                scores[lang] += 0.08 * count
    return scores, len(words), hits


_TRIGRAM_WORDS = 80


def _arabic_language(text: str) -> str:
    urdu = sum(text.count(c) for c in "ٹڈڑںےۓھ")
    persian = sum(text.count(c) for c in "پچژگکی")
    arabic = sum(text.count(c) for c in "يكةىإأ")
    if urdu >= 2 and urdu >= arabic:
        return "ur"
    if persian > arabic:
        return "fa"
    return "ar"


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the language ``text`` is written in and a confidence in [0, 1].

    Returns ``("unknown", 0.0)`` when the text has too little prose to tell (code only, a URL,
    one word, a handful of letters) or when the best two candidate languages are too close.
    """
    prose = prose_text(text)
    counts = _script_counts(prose)
    if not counts:
        return UNKNOWN, 0.0
    weighted = {
        name: count * (2.0 if name in _CONTINUOUS or name == "Hangul" else 1.0)
        for name, count in counts.items()
    }
    if weighted.get("Hiragana", 0) + weighted.get("Katakana", 0) > 0:
        # Japanese mixes kana and kanji: count them together.
        kana = weighted.pop("Hiragana", 0.0) + weighted.pop("Katakana", 0.0)
        han = weighted.pop("Han", 0.0)
        if kana >= 0.05 * (kana + han):
            weighted["Japanese"] = kana + han
        else:
            weighted["Han"] = han
            weighted["Japanese"] = kana
    total = sum(weighted.values())
    script, amount = max(weighted.items(), key=lambda item: item[1])
    share = amount / total
    if share < 0.6:
        return UNKNOWN, 0.0
    letters = counts.get(script, 0) if script != "Japanese" else int(amount / 2)

    if script in {"Latin", "Cyrillic"}:
        scores, n_words, hits = _profile_scores(prose, script)
        if n_words < 3 or letters < 12:
            return UNKNOWN, 0.0
        ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
        (best, top), (_, second) = ranked[0], ranked[1]
        if top < 1.5 or hits + top / 4 < 2:
            return UNKNOWN, 0.0
        margin = (top - second) / top
        evidence = min(1.0, top / 4.0)
        confidence = share * (0.5 + 0.5 * margin) * (0.6 + 0.4 * evidence)
        if margin < 0.15:
            return UNKNOWN, 0.0
        return best, round(min(1.0, confidence), 3)

    if script in _CONTINUOUS or script == "Japanese":
        if letters < 6:
            return UNKNOWN, 0.0
        language = {"Japanese": "ja", "Han": "zh"}.get(script) or _SCRIPT_LANGUAGE[script]
    else:
        n_words = len([w for w in _SPACED_WORD.findall(prose) if _script(w[0]) == script])
        if n_words < 2 or letters < 6:
            return UNKNOWN, 0.0
        language = _arabic_language(prose) if script == "Arabic" else _SCRIPT_LANGUAGE.get(script, UNKNOWN)
    if language == UNKNOWN:
        return UNKNOWN, 0.0
    confidence = share * min(1.0, 0.6 + letters / 40)
    return language, round(min(1.0, confidence), 3)
