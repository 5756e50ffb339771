"""Guess an article's language from its scripts and, for Latin text, its commonest words.

A heuristic on purpose: dedupe needs to know whether words are space-separated and
which stop words to discount, not a fine language-ID model with a download.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_SCRIPT_LANGUAGE = {
    "CYRILLIC": "ru", "ARABIC": "ar", "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja",
    "HANGUL": "ko", "GREEK": "el", "HEBREW": "he", "DEVANAGARI": "hi", "THAI": "th",
}  # fmt: skip
_STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "that", "is", "was", "for", "with", "said", "on"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "qui", "du"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "ein", "eine", "sich", "auf"},
    "es": {"el", "los", "las", "y", "que", "del", "una", "por", "con", "para", "se", "es"},
    "it": {"il", "che", "della", "per", "una", "sono", "gli", "con", "non", "del", "alla", "le"},
    "pt": {"o", "os", "que", "não", "uma", "para", "com", "do", "da", "em", "se", "é"},
    "nl": {"de", "het", "een", "van", "en", "dat", "niet", "voor", "met", "zijn", "op", "ook"},
}
_MIN_STOPWORD_HITS = 3
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    """Return an ISO 639-1 code, or "und" when the text gives too little to tell."""
    script = _main_script(text)
    if script is None:
        return "und"
    if script != "LATIN":
        return _SCRIPT_LANGUAGE.get(script, "und")
    words = Counter(_WORD.findall(text.lower()))
    hits = {lang: sum(words[w] for w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    return best if hits[best] >= _MIN_STOPWORD_HITS else "und"


def _main_script(text: str) -> str | None:
    """Return the script most of the text's letters are in ("ja" rules aside), None if no letters."""
    if text.isascii():  # every ASCII letter is Latin: no need to count
        return "LATIN" if _ASCII_LETTER.search(text) else None
    scripts: Counter[str] = Counter()
    # Each distinct character once, in order of first use: the same counts, the same order
    # of scripts (so the same winner on a tie), at C speed instead of a loop per character.
    for char, count in Counter(text).items():
        if char.isalpha():
            scripts[_script(char)] += count
    if not scripts:
        return None
    script, _ = scripts.most_common(1)[0]
    if script == "CJK" and (scripts["HIRAGANA"] or scripts["KATAKANA"]):
        return "HIRAGANA"  # Japanese writes kanji with kana
    return script


def _script(char: str) -> str:
    if char.isascii():
        return "LATIN"
    name = unicodedata.name(char, "")
    if name.startswith("CJK"):
        return "CJK"
    return name.split(" ", 1)[0]
