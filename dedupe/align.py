"""Find every passage two articles share, tolerant of a few changed words.

Seeds are word n-grams present in both token sequences (a hash lookup, linear in
length); runs of seeds on one diagonal become exact matches; the longest matches are
kept one-to-one; neighbours separated by a short gap are joined into one passage, and
each passage is extended past isolated edits. A word-level diff (rapidfuzz opcodes)
then lists what changed inside each passage. Cost is O(n log n) in the number of
seeds, never O(n²) over word pairs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein

from dedupe.models import Span, Token

# Two exact matches are one passage when the words between them differ by at most
# this many on either side: a rewritten clause, not a different paragraph.
MAX_GAP_WORDS = 6
# An edit at a passage's edge is absorbed only when this many exact words follow it,
# so a passage does not grow into unrelated text one lucky word at a time.
CONFIRM_WORDS = 2
MAX_SEED_REPEATS = 32
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
        passage = _passage(block, a_text, a_tokens, b_text, b_tokens)
        quoted = _inside(passage.a, a_protected) or _inside(passage.b, b_protected)
        if max(block.m, block.n) >= min_words or quoted:
            passages.append(passage if not quoted else _with_quoted(passage))
    return tuple(passages)


def _exact_matches(a: list[str], b: list[str], n: int) -> list[_Block]:
    """Maximal runs of shared n-grams on one diagonal, as exact-match blocks."""
    if len(a) < n or len(b) < n:
        return []
    where: dict[tuple[str, ...], list[int]] = {}
    for j, gram in enumerate(_ngrams(b, n)):
        where.setdefault(gram, []).append(j)
    # An n-gram that recurs everywhere (a refrain, a table) seeds nothing useful and
    # would make the seed count quadratic.
    where = {gram: spots for gram, spots in where.items() if len(spots) <= MAX_SEED_REPEATS}
    runs: dict[tuple[int, int], int] = {}  # (diagonal, start i) -> length in n-grams
    open_runs: dict[int, tuple[int, int]] = {}  # diagonal -> (start i, last i)
    for i, gram in enumerate(_ngrams(a, n)):
        for j in where.get(gram, ()):
            diagonal = i - j
            start, last = open_runs.get(diagonal, (i, i - 1))
            if last != i - 1:
                start = i
            open_runs[diagonal] = (start, i)
            runs[(diagonal, start)] = i - start + 1
    return [_Block(i, i - d, k + n - 1, k + n - 1) for (d, i), k in runs.items()]


def _ngrams(words: list[str], n: int) -> Iterator[tuple[str, ...]]:
    """Yield each run of ``n`` words, in order (``zip`` builds them without a Python loop)."""
    return zip(*(words[k:] for k in range(n)), strict=False)


def _one_to_one(blocks: list[_Block]) -> list[_Block]:
    """Keep the longest matches so that no word of either side is used twice."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    kept: list[_Block] = []
    for block in sorted(blocks, key=lambda b: (-b.m, b.i, b.j)):
        a_range = range(block.i, block.i + block.m)
        b_range = range(block.j, block.j + block.n)
        if used_a.isdisjoint(a_range) and used_b.isdisjoint(b_range):
            kept.append(block)
            used_a.update(a_range)
            used_b.update(b_range)
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
    if _word(a, i) is not None and _word(a, i) == _word(b, j):
        return 1, 1
    for skip_a, skip_b in _EDGE_EDITS:
        confirmed = all(
            _word(a, i + direction * (skip_a + k)) is not None
            and _word(a, i + direction * (skip_a + k)) == _word(b, j + direction * (skip_b + k))
            for k in range(CONFIRM_WORDS)
        )
        if confirmed:
            return skip_a + CONFIRM_WORDS, skip_b + CONFIRM_WORDS
    return None


def _word(words: list[str], index: int) -> str | None:
    return words[index] if 0 <= index < len(words) else None


def _drop_overlaps(blocks: list[_Block]) -> list[_Block]:
    """After extension two passages may claim the same words: keep the larger."""
    kept: list[_Block] = []
    for block in sorted(blocks, key=lambda b: (-(b.m + b.n), b.i)):
        if not any(_overlap(block, other) for other in kept):
            kept.append(block)
    return sorted(kept, key=lambda b: b.i)


def _overlap(x: _Block, y: _Block) -> bool:
    return (x.i < y.i + y.m and y.i < x.i + x.m) or (x.j < y.j + y.n and y.j < x.j + x.n)


def _passage(
    block: _Block, a_text: str, a_tokens: Sequence[Token], b_text: str, b_tokens: Sequence[Token]
) -> Passage:
    a_slice = a_tokens[block.i : block.i + block.m]
    b_slice = b_tokens[block.j : block.j + block.n]
    a_span = Span(a_slice[0].start, a_slice[-1].end)
    b_span = Span(b_slice[0].start, b_slice[-1].end)
    a_words = [t.text for t in a_slice]
    b_words = [t.text for t in b_slice]
    return Passage(
        a=a_span,
        b=b_span,
        a_text=a_span.slice(a_text),
        b_text=b_span.slice(b_text),
        a_words=block.m,
        b_words=block.n,
        similarity=Indel.normalized_similarity(a_words, b_words),
        edits=word_diff(a_text, a_slice, b_text, b_slice),
    )


def word_diff(a_text: str, a: Sequence[Token], b_text: str, b: Sequence[Token]) -> tuple[Edit, ...]:
    """List the word-level substitutions, insertions and deletions turning ``a`` into ``b``."""
    kinds = {"replace": "substitution", "insert": "insertion", "delete": "deletion"}
    edits = []
    for op in Levenshtein.opcodes([t.text for t in a], [t.text for t in b]):
        if op.tag == "equal":
            continue
        a_span = Span(a[op.src_start].start, a[op.src_end - 1].end) if op.src_end > op.src_start else None
        b_span = Span(b[op.dest_start].start, b[op.dest_end - 1].end) if op.dest_end > op.dest_start else None
        edits.append(
            Edit(
                kind=kinds[op.tag],
                a=a_span,
                b=b_span,
                a_text=a_span.slice(a_text) if a_span else "",
                b_text=b_span.slice(b_text) if b_span else "",
            )
        )
    return tuple(edits)


def _inside(span: Span, protected: Sequence[Span]) -> bool:
    return any(p.start <= span.start and span.end <= p.end for p in protected)


def _with_quoted(passage: Passage) -> Passage:
    from dataclasses import replace

    return replace(passage, in_quotation=True)
