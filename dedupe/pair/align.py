"""Find every passage two articles share, tolerant of a few changed words.

Seeds are word n-grams present in both token sequences (numbered, then matched with
array operations); runs of seeds on one diagonal become exact matches; the longest
matches are kept one-to-one; neighbours separated by a short gap are joined into one
passage, and each passage is extended past isolated edits. A word-level diff (rapidfuzz opcodes)
then lists what changed inside each passage. Cost is O(n log n) in the number of
seeds, never O(n²) over word pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, count
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import Indel, Levenshtein

from dedupe.models import Span, Token

# Two exact matches are one passage when the words between them differ by at most
# this many on either side: a rewritten clause, not a different paragraph.
MAX_GAP_WORDS = 6
# An edit at a passage's edge is absorbed only when this many exact words follow it,
# so a passage does not grow into unrelated text one lucky word at a time.
CONFIRM_WORDS = 2
MAX_SEED_REPEATS = 32
# n-gram numbers stay below this (``_gram_codes``), so that they never overflow an int64.
_CODE_LIMIT = 2**62
_EDGE_EDITS = ((1, 1), (2, 2), (1, 0), (0, 1), (2, 1), (1, 2), (2, 0), (0, 2))


@dataclass(frozen=True, slots=True)
class Edit:
    """One word-level difference inside a shared passage (spans into each original)."""

    kind: str  # "substitution" | "insertion" (only in B) | "deletion" (only in A)
    a: Span | None
    b: Span | None
    a_text: str
    b_text: str


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of text both articles share, with its place in each and its edits."""

    a: Span
    b: Span
    a_text: str
    b_text: str
    a_words: int
    b_words: int
    similarity: float
    edits: tuple[Edit, ...]
    in_quotation: bool = False


@dataclass(frozen=True, slots=True)
class _Block:
    i: int  # first token in A
    j: int  # first token in B
    m: int  # tokens in A
    n: int  # tokens in B


def align(
    a_text: str,
    a_tokens: Sequence[Token],
    b_text: str,
    b_tokens: Sequence[Token],
    *,
    seed_ngram: int,
    min_words: int,
    a_protected: Sequence[Span] = (),
    b_protected: Sequence[Span] = (),
) -> tuple[Passage, ...]:
    """Return the passages shared by two token sequences, in A's order.

    Passages shorter than ``min_words`` are dropped unless they lie inside a
    protected span (a quotation) in either article.
    """
    a_words = [t.text for t in a_tokens]
    b_words = [t.text for t in b_tokens]
    matches = _exact_matches(a_words, b_words, seed_ngram)
    blocks = _join(_one_to_one(matches), a_words, b_words)
    passages = []
    for block in blocks:
        a_span = Span(a_tokens[block.i].start, a_tokens[block.i + block.m - 1].end)
        b_span = Span(b_tokens[block.j].start, b_tokens[block.j + block.n - 1].end)
        quoted = _inside(a_span, a_protected) or _inside(b_span, b_protected)
        # Only passages kept are compared word by word.
        if max(block.m, block.n) >= min_words or quoted:
            a_side = _Side(a_text, a_tokens, a_words).part(block.i, block.m)
            b_side = _Side(b_text, b_tokens, b_words).part(block.j, block.n)
            passages.append(_passage(a_span, a_side, b_span, b_side, quoted=quoted))
    return tuple(passages)


def _exact_matches(a: list[str], b: list[str], n: int) -> list[tuple[int, int, int]]:
    """Maximal runs of shared n-grams on one diagonal, as ``(i, j, words)``, longest first.

    Every seed (the same n-gram at ``i`` in A and ``j`` in B) is found with array
    operations on numbered n-grams; the seeds are sorted by diagonal ``i - j`` (stably,
    so by ``i`` within one) and a run ends wherever the diagonal changes or ``i`` skips.
    Ties in length go by ``i``, then ``j``.
    """
    if len(a) < n or len(b) < n:
        return []
    a_codes, b_codes = _gram_codes(a, b, n)
    order = np.argsort(b_codes, kind="stable")
    ranked = b_codes[order]
    low = np.searchsorted(ranked, a_codes, side="left")
    spots = np.searchsorted(ranked, a_codes, side="right") - low
    # An n-gram that recurs everywhere (a refrain, a table) seeds nothing useful and
    # would make the seed count quadratic.
    spots[spots > MAX_SEED_REPEATS] = 0
    total = int(spots.sum())
    if not total:
        return []
    i = np.repeat(np.arange(a_codes.size), spots)
    offsets = np.arange(total) - np.repeat(np.cumsum(spots) - spots, spots)
    diagonal = i - order[np.repeat(low, spots) + offsets]
    by_diagonal = np.argsort(diagonal, kind="stable")
    i, diagonal = i[by_diagonal], diagonal[by_diagonal]
    first = np.flatnonzero(np.concatenate(([True], (np.diff(diagonal) != 0) | (np.diff(i) != 1))))
    starts, words = i[first], np.diff(np.append(first, i.size)) + n - 1
    b_starts = starts - diagonal[first]
    ranked_runs = np.lexsort((b_starts, starts, -words))
    runs = (starts[ranked_runs].tolist(), b_starts[ranked_runs].tolist(), words[ranked_runs].tolist())
    return list(zip(*runs, strict=True))


def _gram_codes(a: list[str], b: list[str], n: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Number the n-grams of A and of B so that equal n-grams, and only they, share a number.

    Words are numbered first; an n-gram's number is then built a word at a time as
    ``number * vocabulary + next word``, renumbered densely first whenever that could
    outgrow 64 bits (never for 4-grams of fewer than 46,000 distinct words).
    """
    vocabulary = dict(zip(dict.fromkeys(chain(a, b)), count()))
    size = len(vocabulary)
    a_ids = np.fromiter(map(vocabulary.__getitem__, a), dtype=np.int64, count=len(a))
    b_ids = np.fromiter(map(vocabulary.__getitem__, b), dtype=np.int64, count=len(b))
    a_count, b_count = len(a) - n + 1, len(b) - n + 1
    a_codes, b_codes, bound = a_ids[:a_count], b_ids[:b_count], size
    for k in range(1, n):
        if bound * size > _CODE_LIMIT:
            dense = np.unique(np.concatenate((a_codes, b_codes)), return_inverse=True)[1]
            a_codes, b_codes, bound = dense[:a_count], dense[a_count:], a_count + b_count
        a_codes = a_codes * size + a_ids[k : k + a_count]
        b_codes = b_codes * size + b_ids[k : k + b_count]
        bound *= size
    return a_codes, b_codes


def _one_to_one(matches: list[tuple[int, int, int]]) -> list[_Block]:
    """Keep the longest matches (they come longest first) so that no word of either side is used twice."""
    used_a = bytearray(max((i + words for i, _, words in matches), default=0))
    used_b = bytearray(max((j + words for _, j, words in matches), default=0))
    kept: list[_Block] = []
    for i, j, words in matches:
        if used_a.find(1, i, i + words) < 0 and used_b.find(1, j, j + words) < 0:
            kept.append(_Block(i, j, words, words))
            used_a[i : i + words] = used_b[j : j + words] = b"\x01" * words
    return sorted(kept, key=lambda b: b.i)


def _join(blocks: list[_Block], a: list[str], b: list[str]) -> list[_Block]:
    """Join neighbouring matches across short gaps and extend passages past edge edits."""
    joined: list[_Block] = []
    for block in blocks:
        if joined:
            last = joined[-1]
            gap_a = block.i - (last.i + last.m)
            gap_b = block.j - (last.j + last.n)
            if 0 <= gap_a <= MAX_GAP_WORDS and 0 <= gap_b <= MAX_GAP_WORDS:
                joined[-1] = _Block(last.i, last.j, block.i + block.m - last.i, block.j + block.n - last.j)
                continue
        joined.append(block)
    extended = [_extend(block, a, b) for block in joined]
    return _drop_overlaps(extended)


def _extend(block: _Block, a: list[str], b: list[str]) -> _Block:
    i, j = block.i, block.j
    end_i, end_j = block.i + block.m, block.j + block.n
    while True:
        step = _edge_step(a, b, i - 1, j - 1, -1)
        if step is None:
            break
        i, j = i - step[0], j - step[1]
    while True:
        step = _edge_step(a, b, end_i, end_j, 1)
        if step is None:
            break
        end_i, end_j = end_i + step[0], end_j + step[1]
    return _Block(i, j, end_i - i, end_j - j)


def _edge_step(a: list[str], b: list[str], i: int, j: int, direction: int) -> tuple[int, int] | None:
    """Words to absorb at a passage edge: one exact word, or a small edit confirmed by exact words."""
    if 0 <= i < len(a) and 0 <= j < len(b) and a[i] == b[j]:
        return 1, 1
    for skip_a, skip_b in _EDGE_EDITS:
        at_a, at_b = i + direction * skip_a, j + direction * skip_b
        # The first word after the edit rules out most edits before a call is made.
        if (
            0 <= at_a < len(a)
            and 0 <= at_b < len(b)
            and a[at_a] == b[at_b]
            and _confirmed(a, b, at_a, at_b, direction)
        ):
            return skip_a + CONFIRM_WORDS, skip_b + CONFIRM_WORDS
    return None


def _confirmed(a: list[str], b: list[str], i: int, j: int, direction: int) -> bool:
    """True if the ``CONFIRM_WORDS`` words from ``i`` / ``j`` on in ``direction`` exist and agree."""
    if direction < 0:
        i, j = i - CONFIRM_WORDS + 1, j - CONFIRM_WORDS + 1
    return (
        i >= 0
        and j >= 0
        and i + CONFIRM_WORDS <= len(a)
        and j + CONFIRM_WORDS <= len(b)
        and a[i : i + CONFIRM_WORDS] == b[j : j + CONFIRM_WORDS]
    )


def _drop_overlaps(blocks: list[_Block]) -> list[_Block]:
    """After extension two passages may claim the same words: keep the larger."""
    kept: list[_Block] = []
    for block in sorted(blocks, key=lambda b: (-(b.m + b.n), b.i)):
        if not any(_overlap(block, other) for other in kept):
            kept.append(block)
    return sorted(kept, key=lambda b: b.i)


def _overlap(x: _Block, y: _Block) -> bool:
    return (x.i < y.i + y.m and y.i < x.i + x.m) or (x.j < y.j + y.n and y.j < x.j + x.n)


class _Side(NamedTuple):
    """One side of a passage: the original text, the passage's tokens and their words."""

    text: str
    tokens: Sequence[Token]
    words: list[str]

    def part(self, first: int, count: int) -> _Side:
        """Return the side's ``count`` words from word ``first`` on."""
        return _Side(self.text, self.tokens[first : first + count], self.words[first : first + count])


def _passage(a_span: Span, a: _Side, b_span: Span, b: _Side, *, quoted: bool) -> Passage:
    return Passage(
        a=a_span,
        b=b_span,
        a_text=a_span.slice(a.text),
        b_text=b_span.slice(b.text),
        a_words=len(a.words),
        b_words=len(b.words),
        similarity=Indel.normalized_similarity(a.words, b.words),
        edits=_word_diff(a, b),
        in_quotation=quoted,
    )


def word_diff(a_text: str, a: Sequence[Token], b_text: str, b: Sequence[Token]) -> tuple[Edit, ...]:
    """List the word-level substitutions, insertions and deletions turning ``a`` into ``b``."""
    return _word_diff(_Side(a_text, a, [t.text for t in a]), _Side(b_text, b, [t.text for t in b]))


def _word_diff(a_side: _Side, b_side: _Side) -> tuple[Edit, ...]:
    kinds = {"replace": "substitution", "insert": "insertion", "delete": "deletion"}
    a, b = a_side.tokens, b_side.tokens
    edits = []
    for op in Levenshtein.opcodes(a_side.words, b_side.words):
        if op.tag == "equal":
            continue
        a_span = Span(a[op.src_start].start, a[op.src_end - 1].end) if op.src_end > op.src_start else None
        b_span = Span(b[op.dest_start].start, b[op.dest_end - 1].end) if op.dest_end > op.dest_start else None
        edits.append(
            Edit(
                kind=kinds[op.tag],
                a=a_span,
                b=b_span,
                a_text=a_span.slice(a_side.text) if a_span else "",
                b_text=b_span.slice(b_side.text) if b_span else "",
            )
        )
    return tuple(edits)


def _inside(span: Span, protected: Sequence[Span]) -> bool:
    return any(p.start <= span.start and span.end <= p.end for p in protected)
