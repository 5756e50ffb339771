"""Split text into normalised word tokens that keep their original ``[start, end)``.

Text that folds character for character (most news: ASCII, curly quotes, dashes, no-break
spaces) is matched in one pass; only the stretches around other characters go through
``normalize``'s offset map.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import accumulate

from dedupe.models import Span, Token
from dedupe.text.normalize import (
    NOT_ONE_TO_ONE,
    ONE_TO_ONE,
    UNSPACED,
    is_mark,
    keeps_offsets,
    normalize,
    normalize_mapped,
    simple_fold,
)

_TOKEN = re.compile(rf"[{UNSPACED}]|\d+(?:[.,]\d+)*|[^\W_{UNSPACED}]+(?:'[^\W_{UNSPACED}]+)*")
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
    reusable = keeps_offsets(text[region.start : region.end])
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
    if folded.isascii() or not any(is_mark(ch) for ch in folded):
        for match in _TOKEN.finditer(folded):
            yield match.start(), match.end()
        return
    kept = [i for i, ch in enumerate(folded) if not is_mark(ch)]
    bare = "".join(folded[i] for i in kept)
    for match in _TOKEN.finditer(bare):
        end = kept[match.end() - 1] + 1
        while end < len(folded) and is_mark(folded[end]):
            end += 1
        yield kept[match.start()], end


def _tokenize_region(text: str, region: Span) -> list[Token]:
    piece = text[region.start : region.end]
    if keeps_offsets(piece):
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
    for match in NOT_ONE_TO_ONE.finditer(piece):
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
    parts = _ASCII_TOKEN_SPLIT.split(piece.translate(ONE_TO_ONE).lower())
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
    norm = normalize_mapped(text[region.start : region.end])
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
