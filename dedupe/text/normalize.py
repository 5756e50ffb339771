"""Normalise text for matching while keeping the way back to the original characters.

Matching needs a folded view (NFKC, case folding, one kind of quote, dash and space,
look-alike letters from other scripts folded inside Latin words); reports need the
original. Every normalised character therefore remembers the original span it came
from, and every token carries its original ``[start, end)``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from dedupe.models import Span, Token

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
_ONE_TO_ONE = str.maketrans(
    dict.fromkeys(_SPACES, " ")
    | dict.fromkeys(_SINGLE_QUOTES, "'")
    | dict.fromkeys(_DOUBLE_QUOTES, '"')
    | dict.fromkeys(_DASHES, "-")
)
# The one-to-one folds plus ignorable characters, which fold to nothing: text made of
# these and ASCII has the same words as its ``translate`` (offsets are lost, so only for
# ``words``).
_SIMPLE_FOLD = str.maketrans(dict.fromkeys(_IGNORABLE, "")) | _ONE_TO_ONE
_NOT_SIMPLE = re.compile(
    "[^\\x00-\\x7f"
    + "".join(sorted(map(re.escape, _IGNORABLE | _SPACES | _SINGLE_QUOTES | _DOUBLE_QUOTES | _DASHES)))
    + "]"
)
_NOT_ONE_TO_ONE = re.compile(
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
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f"
_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")
_TOKEN = re.compile(rf"[{_UNSPACED}]|\d+(?:[.,]\d+)*|[^\W_{_UNSPACED}]+(?:'[^\W_{_UNSPACED}]+)*")
# ``_TOKEN`` on folded ASCII text, where its unspaced-script and Unicode classes cannot match.
_ASCII_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z0-9]+(?:'[a-z0-9]+)*")
# The same, possessive: the pattern never backtracks, and telling the engine so saves a
# tenth of the time of ``findall``.
_ASCII_WORD = re.compile(r"\d++(?:[.,]\d++)*+|[a-z0-9]++(?:'[a-z0-9]++)*+")
# ``_ASCII_TOKEN`` as one group, so that ``split`` returns the words between the gaps.
_ASCII_TOKEN_SPLIT = re.compile(f"({_ASCII_TOKEN.pattern})")
# A safe cut between words: after an ASCII space or line break, before an ASCII character.
_CUT_SPACES = " \t\r\n"
_CUT = re.compile(r"[ \t\r\n](?=[\x00-\x7f])")
# ``Token``'s allocator and its slots' setters, for ``_new_tokens``.
_NEW_TOKEN = Token.__new__
_SET_TEXT, _SET_START, _SET_END = (vars(Token)[field].__set__ for field in ("text", "start", "end"))


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
def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


@lru_cache(maxsize=8192)
def _joins_previous(char: str) -> bool:
    """True for a mark, or a character NFKC turns into one (half-width "ﾞ")."""
    folded = unicodedata.normalize("NFKC", char)
    return _is_mark(char) or (folded != "" and _is_mark(folded[0]))


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
            if _is_mark(char):
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
    if _keeps_offsets(text):
        folded = text.translate(_ONE_TO_ONE).lower()
        return Normalized(folded, tuple(range(len(text))), tuple(range(1, len(text) + 1)))
    return _normalize_mapped(text)


def _keeps_offsets(text: str) -> bool:
    """True if ``text`` folds character for character (ASCII and one-to-one folds only)."""
    return text.isascii() or _NOT_ONE_TO_ONE.search(text) is None


def _normalize_mapped(text: str) -> Normalized:
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


def words(text: str, spans: Iterable[Span] | None = None) -> list[str]:
    """Return the normalised words of ``text`` (or of its ``spans``), as ``tokenize`` spells them.

    The fast path where offsets are not needed (signatures, repeated-line shingles): no
    ``Token`` is made, and text of ASCII and simple folds is matched in one pass.
    """
    if spans is None:
        return _find_words(text)
    found: list[str] = []
    for span in spans:
        found.extend(_find_words(text[span.start : span.end]))
    return found


def simple_fold(text: str) -> str | None:
    """Return ``text`` with its one-to-one folds applied and ignorable characters dropped.

    None if the text holds characters that need ``tokenize``'s full normalisation. The
    ASCII words of the result, lower-cased, are ``words(text)``: for callers that need
    the words but not their offsets (``words`` itself, the signature path).
    """
    if _NOT_SIMPLE.search(text) is not None:
        return None
    return text.translate(_SIMPLE_FOLD)


def _find_words(text: str) -> list[str]:
    if text.isascii():
        return _ASCII_WORD.findall(text.lower().replace("`", "'"))
    folded = simple_fold(text)
    if folded is not None:
        return _ASCII_WORD.findall(folded.lower())
    return [token.text for token in tokenize(text)]


def tokenize_parts(
    text: str, region: Span, tokens: Sequence[Token], parts: Iterable[Span]
) -> list[tuple[Token, ...]]:
    """Return ``tokenize(text, [part])`` for each part of ``region``, given ``tokenize(text, [region])``.

    Where the region folds character for character and no token crosses a part's edge,
    the part's tokens are the region's tokens inside it: a pattern without look-around
    matches a stretch of text alone as it matches it in place. Other parts are tokenized
    afresh, so the result is always exactly ``tokenize``'s.
    """
    reusable = _keeps_offsets(text[region.start : region.end])
    starts = [t.start for t in tokens]
    out: list[tuple[Token, ...]] = []
    for part in parts:
        lo, hi = bisect_left(starts, part.start), bisect_left(starts, part.end)
        crossed = (lo > 0 and tokens[lo - 1].end > part.start) or (hi > 0 and tokens[hi - 1].end > part.end)
        inside = region.start <= part.start and part.end <= region.end
        out.append(tuple(tokens[lo:hi]) if reusable and inside and not crossed else tokenize(text, [part]))
    return out


def _word_ranges(folded: str) -> Iterable[tuple[int, int]]:
    """Yield ``[start, end)`` of each word in ``folded``, combining marks included.

    Marks are not word characters to ``re``, yet they sit inside words ("q́uick", Hindi
    vowel signs, the dot of a folded "İ"): match on the text without them, then widen.
    """
    if folded.isascii() or not any(_is_mark(ch) for ch in folded):
        for match in _TOKEN.finditer(folded):
            yield match.start(), match.end()
        return
    kept = [i for i, ch in enumerate(folded) if not _is_mark(ch)]
    bare = "".join(folded[i] for i in kept)
    for match in _TOKEN.finditer(bare):
        end = kept[match.end() - 1] + 1
        while end < len(folded) and _is_mark(folded[end]):
            end += 1
        yield kept[match.start()], end


def _tokenize_region(text: str, region: Span) -> list[Token]:
    piece = text[region.start : region.end]
    if _keeps_offsets(piece):
        return _tokenize_simple(piece, region.start)
    # Only the words around characters that do not fold one to one take the general
    # path (a Python loop per character); the stretches between them take the fast one.
    tokens: list[Token] = []
    cursor = 0
    for start, end in _mapped_stretches(piece):
        tokens.extend(_tokenize_simple(piece[cursor:start], region.start + cursor))
        tokens.extend(_tokenize_mapped(text, Span(region.start + start, region.start + end)))
        cursor = end
    tokens.extend(_tokenize_simple(piece[cursor:], region.start + cursor))
    return tokens


def _mapped_stretches(piece: str) -> list[tuple[int, int]]:
    """Return the stretches of ``piece`` around its characters that do not fold one to one.

    A stretch runs between safe cuts: just after an ASCII space or line break followed
    by an ASCII character, where no word, mark or look-alike context can cross.
    """
    stretches: list[tuple[int, int]] = []
    for match in _NOT_ONE_TO_ONE.finditer(piece):
        at = match.start()
        if stretches and at < stretches[-1][1]:
            continue
        low = stretches[-1][1] if stretches else 0
        start, end = _cut_before(piece, at, low), _cut_after(piece, at)
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((start, end))
    return stretches


def _cut_before(piece: str, at: int, low: int) -> int:
    """Return the last safe cut at or before ``at``, looking back no further than ``low``."""
    for j in range(at - 1, low - 1, -1):
        if piece[j] in _CUT_SPACES and piece[j + 1].isascii():
            return j + 1
    return low


def _cut_after(piece: str, at: int) -> int:
    """Return the first safe cut after ``at`` (the end of ``piece`` if none)."""
    match = _CUT.search(piece, at + 1)
    return match.end() if match is not None else len(piece)


def _tokenize_simple(piece: str, offset: int) -> list[Token]:
    """Tokenize text that folds character for character, ``piece`` starting at ``offset``."""
    # Each folded character is its original one, so match offsets are original offsets:
    # several times faster than the general path, for what most news text is.
    # Splitting gives the gaps and words in turn, and their running lengths are the
    # offsets: no match object is made for a word.
    parts = _ASCII_TOKEN_SPLIT.split(piece.translate(_ONE_TO_ONE).lower())
    bounds = list(accumulate(map(len, parts), initial=offset))
    return _new_tokens(parts[1::2], bounds[1:-1:2], bounds[2::2])


def _new_tokens(words: list[str], starts: list[int], ends: list[int]) -> list[Token]:
    """Return ``Token(word, start, end)`` for each triple, made by writing the slots directly.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``;
    storing into the slots makes equal objects (``Token`` has no ``__post_init__``; the
    tests check both) in two thirds of the time, at hundreds of tokens per article.
    """
    tokens: list[Token] = []
    for word, start, end in zip(words, starts, ends, strict=True):
        token = _NEW_TOKEN(Token)
        _SET_TEXT(token, word)
        _SET_START(token, start)
        _SET_END(token, end)
        tokens.append(token)
    return tokens


def _tokenize_mapped(text: str, region: Span) -> list[Token]:
    """Tokenize a region through the offset map of ``normalize_text`` (any text)."""
    norm = _normalize_mapped(text[region.start : region.end])
    starts, ends, folded = norm.starts, norm.ends, norm.text
    base = region.start
    tokens: list[Token] = []
    for s, e in _word_ranges(folded):
        start, end = base + starts[s], base + ends[e - 1]
        splits_unit = (s > 0 and starts[s - 1] == starts[s]) or (e < len(folded) and ends[e] == ends[e - 1])
        if tokens and start < tokens[-1].end:
            # An NFKC expansion ("¼" → "1⁄4") split one original character across two
            # words: they become one token, so that no two tokens overlap.
            start = tokens.pop().start
            splits_unit = True
        word = normalize(text[start:end]) if splits_unit else folded[s:e]
        tokens.append(Token(word, start, end))
    return tokens
