"""Find where a lede in Chinese, Japanese, Korean, Hindi or Nepali puts its event.

These scripts write no capitals to mark a name, and Chinese and Japanese no spaces between
words: a place is found by its name in the foreign names file (``places``: "曼谷", "バンコク",
"평양", "पोखरा" from GeoNames and CLDR) and taken only where the language's locative marks it
as where something happens: Chinese "在曼谷" (at), Japanese "バンコクで" (at) or "広島市内で",
Korean "평양에서" (at) or "북한을 방문" (visited), Hindi "पोखरा में" (in), Nepali "पोखरामा" (in).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from dedupe.evidence.places import Place, exonym_names, lookup_exonym
from dedupe.models import Span

# The Unicode character names' words of the scripts read here.
SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "DEVANAGARI")
# Chinese locatives before a place, after which other place names may stand ("在泰國曼谷").
CHINESE_BEFORE = re.compile(r"(?:在|于|於|赴|抵达|抵達|访问|訪問)$")
# How far before a Chinese place its locative is looked for.
CHINESE_REACH = 8
# After a Japanese place: a kind of place, "内" (within), then "で" (at, not "です"), a visit
# or an arrival ("を訪問", "に到着"), "にある" (that lies in).
# Or "の" (of) and a venue in kanji or katakana (one or two) before "で" or a launch's
# "から打ち上げ": "広島市の平和公園で"; not where the venue is a place ("タイのバンコクで": Bangkok's).
JAPANESE_AFTER = re.compile(r"(?:市|州|県|府|都)?(?:内)?(?:で(?!す)|を訪問|に到着|にある)")
JAPANESE_VENUE_AFTER = re.compile(
    r"(?:市|州|県|府|都)?(?:の[\u4e00-\u9fff\u30a0-\u30ff]{1,12}?){1,2}(?:で(?!す)|から打ち上げ)"
)
# After a Korean place: "에서" (at), "을/를 방문" (visited), "에 도착" (arrived).
KOREAN_AFTER = re.compile(r"(?:시|주)?(?:에서|[을를] 방문|에 도착)")
# Or "에서" closing one of the next two words: "평양 금수산 영빈관에서" (at a venue of Pyongyang).
KOREAN_VENUE_AFTER = re.compile(r"(?: [^\s.,!?\"“”]+){0,2}?[^\s.,!?\"“”]*에서")
# After a Hindi or Nepali place: Hindi "में" (in), Nepali "मा" (in), bound or apart.
DEVANAGARI_AFTER = re.compile(r" ?(?:में|मा)(?![\u0900-\u097f])")


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], int]:
    """The foreign names written in these scripts, and the longest one's length."""
    names = frozenset(n for n in exonym_names() if n and _in_script(n[0]))
    return names, max((len(n) for n in names), default=0)


def _in_script(char: str) -> bool:
    return any(s in unicodedata.name(char, "") for s in SCRIPTS)


def script_places(text: str, sentence: Span) -> Iterator[tuple[Span, Place]]:
    """Yield each place the sentence names in these scripts with its locative, and its place."""
    names, longest = _names()
    at = sentence.start
    while at < sentence.end:
        found = _name_at(text, at, sentence.end, names, longest) if _in_script(text[at]) else None
        if found is None:
            at += 1
            continue
        span = Span(at, found)
        place = lookup_exonym(span.slice(text))
        if place is not None and place.known and _located(text, span, sentence, names):
            yield span, place
        at = found


def _name_at(text: str, at: int, end: int, names: frozenset[str], longest: int) -> int | None:
    """The end of the longest name starting at ``at`` (at a word's start in spaced scripts)."""
    if at > 0 and _spaced(text[at]) and _in_script(text[at - 1]):
        return None  # inside a Korean or Devanagari word
    for size in range(min(longest, end - at), 1, -1):
        if text[at : at + size] in names:
            return at + size
    return None


def _spaced(char: str) -> bool:
    """True for a letter of a script that puts spaces between words (Korean, Devanagari)."""
    name = unicodedata.name(char, "")
    return "HANGUL" in name or "DEVANAGARI" in name


def _located(text: str, span: Span, sentence: Span, names: frozenset[str]) -> bool:
    """True if the language's locative marks the name as where something happens."""
    script = unicodedata.name(text[span.start], "")
    if "HANGUL" in script:
        return bool(KOREAN_AFTER.match(text, span.end) or KOREAN_VENUE_AFTER.match(text, span.end))
    if "DEVANAGARI" in script:
        return bool(DEVANAGARI_AFTER.match(text, span.end))
    if JAPANESE_AFTER.match(text, span.end):
        return True
    if JAPANESE_VENUE_AFTER.match(text, span.end):
        of = text.index("の", span.end)
        return _name_at(text, of + 1, sentence.end, names, _names()[1]) is None
    before = text[max(sentence.start, span.start - CHINESE_REACH) : span.start]
    for _ in range(2):  # "在泰國曼谷": a country's name between the locative and the city
        before = next((before[: -len(n)] for n in _suffix_names(before, names)), before)
    return bool(CHINESE_BEFORE.search(before))


def _suffix_names(before: str, names: frozenset[str]) -> Iterator[str]:
    """The names ``before`` ends with, longest first."""
    for size in range(len(before), 1, -1):
        if before[-size:] in names:
            yield before[-size:]
