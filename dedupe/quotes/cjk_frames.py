"""Speech frames of Japanese and Korean, which put the speaker first and the verb last.

Japanese copy writes "ウクライナのX大統領は…「…」と述べた": the speaker is the name before
a title (大統領, 外相, 氏 …) marked as topic or subject (は, が, も), and the quotation is
followed by the quotative と. Korean writes "X 대통령은 … “…”고 말했다" the same way: a
name, a title, the topic (은/는) or subject (이/가) marker, and the quotative 고/라고/며 after
the closing mark. The speaker is the last such subject before the quotation in its
sentence; a sentence with none ("「…」と訴え、…") goes on with the one who spoke last,
whose words the sentence before gave, as a dropped subject does in Spanish. A short form
("王氏", "김 위원장") stands for the one fuller name the article writes with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dedupe.quotes.zh_frames import zh_speaker

# The languages read here, and the sentence stops of their copy.
CJK_LANGUAGES = frozenset({"ja", "ko"})
STOPS = "。！？!?\n"
# Korean ends sentences with a Latin stop before a space ("말했다. 그는").
LATIN_STOP = re.compile(r"[.!?](?=\s)")

# Kana and Han characters: the scripts written without spaces between words.
UNSPACED_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# The language code of an article whose language was not told.
UNDETERMINED = "und"
KANA = re.compile("[\u3040-\u30ff]")
HANGUL = re.compile("[\uac00-\ud7a3]")
HAN = re.compile("[\u4e00-\u9fff]")
LATIN = re.compile("[A-Za-z]")
# "同" before a title: "the said" (同大統領, "the president just named").
SAME = "同"
# Katakana (with ・ and ー) or kanji: a Japanese name's letters.
_KATAKANA = r"[\u30A0-\u30FF]"
_KANJI = r"[\u4E00-\u9FFF々]"
# The titles Japanese copy gives a speaker after the name, longest first.
JA_TITLES = (
    "国家主席|大統領補佐官|大統領|副大統領|国務長官|財務長官|官房長官|事務総長|報道官|補佐官|委員長|総書記|"
    "首相|外相|国防相|財務相|主席|長官|議長|総裁|大臣|知事|市長|大使|次官|局長|会長|社長|代表|教授|氏|さん"
)
# "ゼレンスキー大統領は", "王毅外相は", "王氏が": a name, its title, the topic or subject marker.
JA_SUBJECT = re.compile(
    rf"(?P<name>{_KATAKANA}+|{_KANJI}{{1,4}}?)(?P<title>{JA_TITLES})(?:は|が|も)(?![\u3040-\u309F])"
)
# A name with its title anywhere ("中国の王毅外相と"): the fuller forms short ones stand for.
JA_NAMED = re.compile(rf"(?P<name>{_KATAKANA}{{2,}}|{_KANJI}{{2,4}}?)(?:{JA_TITLES})")
# A topic or subject that is a noun of kanji or katakana ("外務省は", "高官も") or a place's
# ("発表では"), not a clause's ("ことは", "向けては"): someone or something other than a named person.
NOUN_TOPIC = re.compile(r"[\u30A0-\u30FF\u4E00-\u9FFF](?:は|が|も)|[\u30A0-\u30FF\u4E00-\u9FFF](?:で|に)は")
# "「…」とするロシア政府の発表": the quotative in a clause that describes the noun after it,
# whose words the quotation are, not the sentence's subject's ("とした上で", "after saying", is no clause).
JA_ATTRIBUTIVE = re.compile(r"\s*(?:だ|など)?と(?:する|した|される|いう)(?!上で)[\u30A0-\u30FF\u4E00-\u9FFF]")
# The quotative after a Japanese quotation: "」と述べた", "」だと説明した", "」として", "」との".
JA_QUOTATIVE = re.compile(r"\s*(?:だ|など)?と")

_HANGUL = r"[\uAC00-\uD7A3]"
# The titles Korean copy gives a speaker after the name and a space.
KO_TITLES = (
    "국무위원장|위원장|대통령|부총리|총리|외무장관|국방장관|국무장관|장관|대변인|주석|총재|의장|사무총장|"
    "대사|보좌관|대표|씨"
)
# "푸틴 대통령은", "김 위원장이": a name, a space, its title, the topic or subject marker.
KO_SUBJECT = re.compile(
    rf"(?<!{_HANGUL})(?P<name>{_HANGUL}{{1,6}})\s(?P<title>{KO_TITLES})(?:은|는|이|가)(?!{_HANGUL})"
)
KO_NAMED = re.compile(rf"(?<!{_HANGUL})(?P<name>{_HANGUL}{{2,6}})\s(?:{KO_TITLES})(?!{_HANGUL}{{2}})")
# The quotative after a Korean quotation: "”고 말했다", "”라고", "”이라며", "”면서".
KO_QUOTATIVE = re.compile(r"\s*(?:이?라고|고|이?라며|며|면서|이?라면서)(?!\w)")

SUBJECTS = {"ja": JA_SUBJECT, "ko": KO_SUBJECT}
NAMED = {"ja": JA_NAMED, "ko": KO_NAMED}
QUOTATIVES = {"ja": JA_QUOTATIVE, "ko": KO_QUOTATIVE}
# How many characters back the one who spoke last may have spoken, for a dropped subject.
DROPPED_REACH = 400


@dataclass(frozen=True, slots=True)
class CjkFrame:
    """A quotation's speaker as written ("王氏"), the fuller name it stands for, and the frame."""

    written: str
    name: str
    frame: str
    start: int
    end: int


def sentence_start(masked: str, position: int) -> int:
    """Where the sentence holding ``position`` starts: after the last stop before it."""
    back = max(masked.rfind(c, 0, position) for c in STOPS)
    latin = [m.end() for m in LATIN_STOP.finditer(masked, max(0, back), position)]
    return max(back + 1, *latin) if latin else back + 1


def quoted_speech(masked: str, end: int, language: str) -> bool:
    """True if the quotative follows a quotation that ends at ``end``: the words are spoken."""
    pattern = QUOTATIVES.get(language)
    return pattern is not None and pattern.match(masked, end) is not None


def subject_frame(masked: str, start: int, position: int, language: str) -> CjkFrame | None:
    """The last named subject in ``[start, position)``, with its title, if any."""
    found = _last_match(SUBJECTS[language], masked, start, position)
    if found is None:
        return None
    written = found.group("name") + (" " if language == "ko" else "") + found.group("title")
    return CjkFrame(
        written, found.group("name"), "X…と" if language == "ja" else "X…고", found.start(), found.end()
    )


def _last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``: the subject nearest what it is said of."""
    found = None
    for found in pattern.finditer(text, start, end):  # noqa: B007 - the last one is kept
        pass
    return found


def fuller_name(masked: str, name: str, language: str) -> str:
    """The one fuller name the article writes with a title that ``name`` is a short form of.

    Kanji and hangul names shorten to the family name first ("王毅" → "王", "김정은" → "김");
    two candidates leave it as written. A katakana name is a surname already, and what may
    stand before it with "・" is a given name or a country ("ウクライナ・"): it stays as written.
    """
    if re.fullmatch(f"{_KATAKANA}+", name) is not None:
        return name
    found = {m.group("name") for m in NAMED[language].finditer(masked)}
    found = {f for f in found if f != name and f.startswith(name)}
    return found.pop() if len(found) == 1 else name


def cjk_frame(
    masked: str, start: int, end: int, language: str, spoke: list[tuple[int, str]]
) -> CjkFrame | None:
    """The speaker of the quotation at ``[start, end)`` in Japanese or Korean copy, if the frame names one.

    The quotative must follow it; the subject is the last named one in its sentence before
    it or, with no topic at all there, the one who spoke last within ``DROPPED_REACH``.
    """
    language = script_language(language, masked)
    if language == "zh":
        said = zh_speaker(masked, start)
        return CjkFrame(said[0], said[0], "X…表示", said[1], said[2]) if said is not None else None
    if language not in CJK_LANGUAGES or not quoted_speech(masked, end, language):
        return None
    if language == "ja" and JA_ATTRIBUTIVE.match(masked, end) is not None:
        return None
    opening = sentence_start(masked, start)
    named = subject_frame(masked, opening, start, language)
    if named is not None:
        name = (
            _same_one(masked, named, language)
            if named.name == SAME
            else fuller_name(masked, named.name, language)
        )
        return CjkFrame(named.written, name, named.frame, named.start, named.end) if name else None
    earlier = [name for at, name in spoke if opening <= at < start]
    if not earlier and language == "ja" and NOUN_TOPIC.search(masked, opening, start) is not None:
        return None  # "中国外務省は「…」とする声明": a topic that is no named person
    last = earlier[-1:] or _last_subject(masked, start, language, spoke)
    return CjkFrame("", last[0], "…と" if language == "ja" else "…고", end, end + 1) if last else None


def _last_subject(masked: str, position: int, language: str, spoke: list[tuple[int, str]]) -> list[str]:
    """Whom a sentence without a subject goes on about: the later of the last speaker and the
    last named subject within ``DROPPED_REACH`` before it, as a one-item list, or none."""
    low = max(0, position - DROPPED_REACH)
    said = [(at, name) for at, name in spoke if low <= at < position]
    subject = _last_match(SUBJECTS[language], masked, low, position)
    if subject is not None and (not said or said[-1][0] < subject.start()):
        named = subject_frame(masked, subject.start(), subject.end(), language)
        if named is not None:
            same = _same_one(masked, named, language) if named.name == SAME else None
            return [same or fuller_name(masked, named.name, language)] if named.name != SAME or same else []
    return [said[-1][1]] if said else []


def script_language(language: str, masked: str) -> str:
    """The article's language or, where it was not told ("und") or told English for a text mostly
    in Han characters (a Chinese report with an English post in it), the one its script says:
    Japanese for kana, Korean for hangul, Chinese for Han characters outnumbering Latin letters."""
    if language not in (UNDETERMINED, "en"):
        return language
    han = len(HAN.findall(masked))
    if han <= len(LATIN.findall(masked)) and language == "en":
        return language
    if KANA.search(masked) is not None:
        return "ja"
    if HANGUL.search(masked) is not None:
        return "ko"
    return "zh" if han > 0 else language


def _same_one(masked: str, subject: CjkFrame, language: str) -> str | None:
    """ "同大統領は" ("the said president"): the last name written with that title before it."""
    title = subject.written[len(SAME) :].strip()
    named = [m.group("name") for m in NAMED[language].finditer(masked, 0, subject.start)]
    titled = [m for m in named if masked.find(m + title) >= 0]
    return titled[-1] if titled else None
