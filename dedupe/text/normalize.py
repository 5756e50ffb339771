"""Normalise text for matching while keeping the way back to the original characters.

Matching needs a folded view (NFKC, case folding, one kind of quote, dash and space,
look-alike letters from other scripts folded inside Latin words); reports need the
original. Every normalised character therefore remembers the original span it came
from, and every token carries its original ``[start, end)``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from dedupe.models import Span

_IGNORABLE = frozenset("\u00ad\u200c\u200d\u2060\ufeff\u180e")
_SPACES = frozenset("\t\u000b\u000c\u200b\u3000\u00a0\u1680\u202f\u205f") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
_SINGLE_QUOTES = frozenset("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc")
_DOUBLE_QUOTES = frozenset("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2039\u203a")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_PUNCTUATION_FOLD = str.maketrans(
    dict.fromkeys(_IGNORABLE, "")
    | dict.fromkeys(_SPACES, " ")
    | dict.fromkeys(_SINGLE_QUOTES, "'")
    | dict.fromkeys(_DOUBLE_QUOTES, '"')
    | dict.fromkeys(_DASHES, "-")
)
_ASCII_SPACES = str.maketrans({"\t": " ", "\x0b": " ", "\x0c": " "})
# Characters that fold to exactly one ASCII character whatever surrounds them: text made
# of these and ASCII keeps every offset, so it folds with one ``translate`` instead of the
# per-character walk (most news text: ASCII plus curly quotes, dashes and no-break spaces).
ONE_TO_ONE = str.maketrans(
    dict.fromkeys(_SPACES, " ")
    | dict.fromkeys(_SINGLE_QUOTES, "'")
    | dict.fromkeys(_DOUBLE_QUOTES, '"')
    | dict.fromkeys(_DASHES, "-")
)
# The one-to-one folds plus ignorable characters, which fold to nothing: text made of
# these and ASCII has the same words as its ``translate`` (offsets are lost, so only for
# ``words``).
_SIMPLE_FOLD = str.maketrans(dict.fromkeys(_IGNORABLE, "")) | ONE_TO_ONE
_NOT_SIMPLE = re.compile(
    "[^\\x00-\\x7f"
    + "".join(sorted(map(re.escape, _IGNORABLE | _SPACES | _SINGLE_QUOTES | _DOUBLE_QUOTES | _DASHES)))
    + "]"
)
NOT_ONE_TO_ONE = re.compile(
    "[^\\x00-\\x7f"
    + "".join(sorted(map(re.escape, _SPACES | _SINGLE_QUOTES | _DOUBLE_QUOTES | _DASHES)))
    + "]"
)

# Letters from Cyrillic and Greek that look like Latin ones. They are folded only inside
# a word that also has Latin letters (the "Сhina" of seed 003), never in a word that is
# wholly Cyrillic or Greek, which is real text in its own script.
_CONFUSABLES = {
    "А": "a", "В": "b", "Е": "e", "К": "k", "М": "m", "Н": "h", "О": "o", "Р": "p",
    "С": "c", "Т": "t", "У": "y", "Х": "x", "Ѕ": "s", "І": "i", "Ј": "j", "Ԛ": "q",
    "Ԝ": "w", "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
    "ѕ": "s", "і": "i", "ј": "j", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l",
    "Α": "a", "Β": "b", "Ε": "e", "Ζ": "z", "Η": "h", "Ι": "i", "Κ": "k", "Μ": "m",
    "Ν": "n", "Ο": "o", "Ρ": "p", "Τ": "t", "Υ": "y", "Χ": "x", "ο": "o", "ν": "v",
}  # fmt: skip
_LOOKALIKES = frozenset(_CONFUSABLES)

# Scripts written without spaces between words: each character is a token.
UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f"
_UNSPACED_CHAR = re.compile(f"[{UNSPACED}]")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A normalised string and, per character, the original span it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> Span:
        """Map a ``[start, end)`` range of the normalised text back to the original."""
        if start >= end:
            position = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return Span(position, position)
        return Span(self.starts[start], self.ends[end - 1])


@lru_cache(maxsize=8192)
def is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


@lru_cache(maxsize=8192)
def _joins_previous(char: str) -> bool:
    """True for a mark, or a character NFKC turns into one (half-width "ﾞ")."""
    folded = unicodedata.normalize("NFKC", char)
    return is_mark(char) or (folded != "" and is_mark(folded[0]))


@lru_cache(maxsize=8192)
def _fold_unit(unit: str) -> str:
    if unit[0] in _IGNORABLE:
        return ""
    # Quotes are folded before NFKC too, because NFKC spreads "´" into a space and a mark;
    # NFKC runs again after case folding because casefold can undo composition ("ΐ").
    unit = unit.translate(_PUNCTUATION_FOLD)
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", unit).casefold())
    return folded.translate(_PUNCTUATION_FOLD)


@lru_cache(maxsize=8192)
def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def _units(text: str) -> list[tuple[int, int]]:
    """Return ``[start, end)`` of each character with the marks that belong to it."""
    units: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and _joins_previous(text[j]):
            j += 1
        units.append((i, j))
        i = j
    return units


def _lookalike_units(text: str, units: list[tuple[int, int]], pieces: list[str]) -> list[int]:
    """Return the indices of look-alike letters that sit in a word with Latin letters.

    Words are judged on the folded pieces, as a second normalisation would see them, so
    that ``normalize`` stays idempotent; a character of an unspaced script is a word alone.
    """
    found: list[int] = []
    word: list[int] = []
    latin = False
    for index, piece in enumerate(pieces):
        for char in piece:
            if is_mark(char):
                continue
            if not char.isalpha() or _UNSPACED_CHAR.match(char):
                found.extend(word if latin else ())
                word, latin = [], False
            elif _is_latin(char):
                latin = True
        if piece and (text[units[index][0]] in _LOOKALIKES or piece[0] in _LOOKALIKES):
            word.append(index)
    found.extend(word if latin else ())
    return found


def normalize_text(text: str) -> Normalized:
    """Fold ``text`` for matching and keep, per output character, its original span.

    Examples:
        >>> normalize_text("“No-limits” Сhina").text
        '"no-limits" china'
    """
    if text.isascii():
        folded = text.lower().replace("`", "'").translate(_ASCII_SPACES)
        return Normalized(folded, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
    if keeps_offsets(text):
        folded = text.translate(ONE_TO_ONE).lower()
        return Normalized(folded, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
    return normalize_mapped(text)


def keeps_offsets(text: str) -> bool:
    """True if ``text`` folds character for character (ASCII and one-to-one folds only)."""
    return text.isascii() or NOT_ONE_TO_ONE.search(text) is None


def normalize_mapped(text: str) -> Normalized:
    """Fold ``text`` unit by unit (a character with its marks), keeping the offset map."""
    units = _units(text)
    pieces = [_fold_unit(text[start:end]) for start, end in units]
    if not (_LOOKALIKES.isdisjoint(text) and _LOOKALIKES.isdisjoint("".join(pieces))):
        for index in _lookalike_units(text, units, pieces):
            start, end = units[index]
            unit = text[start:end] if text[start] in _LOOKALIKES else pieces[index]
            pieces[index] = _fold_unit(_CONFUSABLES[unit[0]] + unit[1:])
    starts: list[int] = []
    ends: list[int] = []
    for (start, end), piece in zip(units, pieces, strict=True):
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))
    return Normalized("".join(pieces), tuple(starts), tuple(ends))


def normalize(text: str) -> str:
    """Return only the normalised string of ``text`` (see ``normalize_text``)."""
    return normalize_text(text).text


def simple_fold(text: str) -> str | None:
    """Return ``text`` with its one-to-one folds applied and ignorable characters dropped.

    None if the text holds characters that need ``tokenize``'s full normalisation. The
    ASCII words of the result, lower-cased, are ``words(text)``: for callers that need
    the words but not their offsets (``words`` itself, the signature path).
    """
    if _NOT_SIMPLE.search(text) is not None:
        return None
    return text.translate(_SIMPLE_FOLD)
