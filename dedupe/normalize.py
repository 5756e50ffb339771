"""Normalise text for matching while keeping the way back to the original characters.

Matching needs a folded view (NFKC, case folding, one kind of quote, dash and space,
look-alike letters from other scripts folded inside Latin words); reports need the
original. Every normalised character therefore remembers the original span it came
from, and every token carries its original ``[start, end)``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from dedupe.models import Span, Token

_IGNORABLE = frozenset("\u00ad\u200c\u200d\u2060\ufeff\u180e")
_SPACES = frozenset("\t\u000b\u000c\u200b\u3000\u00a0\u1680\u202f\u205f") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
_SINGLE_QUOTES = frozenset("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4\u02bc")
_DOUBLE_QUOTES = frozenset("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2039\u203a")
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")

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

# Scripts written without spaces between words: each character is a token.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f"
_WORD_RUN = re.compile(rf"(?:[^\W\d_{_UNSPACED}]|[\u00ad\u200c\u200d\u2060])+")
_TOKEN = re.compile(rf"[{_UNSPACED}]|\d+(?:[.,]\d+)*|[^\W_{_UNSPACED}]+(?:'[^\W_{_UNSPACED}]+)*")


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
def _fold_unit(unit: str) -> str:
    first = unit[0]
    if first in _IGNORABLE:
        return ""
    if first in _SPACES:
        return " "
    if first in _SINGLE_QUOTES:
        return "'"
    if first in _DOUBLE_QUOTES:
        return '"'
    if first in _DASHES:
        return "-"
    return unicodedata.normalize("NFKC", unit).casefold()


def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def _confusable_positions(text: str) -> set[int]:
    """Return positions of look-alike letters that sit inside Latin words."""
    positions: set[int] = set()
    if text.isascii():
        return positions
    for match in _WORD_RUN.finditer(text):
        word = match.group()
        if word.isascii() or not any(ch in _CONFUSABLES for ch in word):
            continue
        if any(ch.isalpha() and ch not in _CONFUSABLES and _is_latin(ch) for ch in word):
            base = match.start()
            positions.update(base + i for i, ch in enumerate(word) if ch in _CONFUSABLES)
    return positions


def _units(text: str) -> Iterable[tuple[int, int]]:
    """Yield ``[start, end)`` of each character with the combining marks that follow it."""
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        yield i, j
        i = j


def normalize_text(text: str) -> Normalized:
    """Fold ``text`` for matching and keep, per output character, its original span.

    Examples:
        >>> normalize_text("“No-limits” Сhina").text
        '"no-limits" china'
    """
    if text.isascii():
        folded = text.lower().replace("`", "'").translate(_ASCII_SPACES)
        return Normalized(folded, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
    confusable = _confusable_positions(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in _units(text):
        unit = text[start:end]
        if start in confusable:
            piece = unicodedata.normalize("NFKC", _CONFUSABLES[unit[0]] + unit[1:]).casefold()
        else:
            piece = _fold_unit(unit)
        out.append(piece)
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))
    return Normalized("".join(out), tuple(starts), tuple(ends))


_ASCII_SPACES = str.maketrans({"\t": " ", "\x0b": " ", "\x0c": " "})


def normalize(text: str) -> str:
    """Return only the normalised string of ``text`` (see ``normalize_text``)."""
    return normalize_text(text).text


def tokenize(text: str, spans: Iterable[Span] | None = None) -> tuple[Token, ...]:
    """Split ``text`` (or only the given spans of it) into normalised word tokens.

    Words split at spaces, punctuation and hyphens, so "no-limits" and "no limits"
    give the same tokens; apostrophes inside a word stay ("russia's"). Each token's
    span slices the original text to a string that normalises to the token.
    """
    regions = [Span(0, len(text))] if spans is None else list(spans)
    tokens: list[Token] = []
    for region in regions:
        tokens.extend(_tokenize_region(text, region))
    return tuple(tokens)


def _tokenize_region(text: str, region: Span) -> list[Token]:
    piece = text[region.start : region.end]
    norm = normalize_text(piece)
    starts, ends, folded = norm.starts, norm.ends, norm.text
    base = region.start
    tokens: list[Token] = []
    for match in _TOKEN.finditer(folded):
        s, e = match.start(), match.end()
        start, end = starts[s], ends[e - 1]
        word = match.group()
        shares_unit = (s > 0 and starts[s - 1] == start) or (e < len(folded) and ends[e] == end)
        if shares_unit:
            # An NFKC expansion ("¼" → "1⁄4") split one original character across
            # tokens: keep a single token for that character, spelled in full.
            if tokens and tokens[-1].start == base + start and tokens[-1].end == base + end:
                continue
            word = normalize_text(piece[start:end]).text
        tokens.append(Token(word, base + start, base + end))
    return tokens
