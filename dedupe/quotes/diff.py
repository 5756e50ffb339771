"""Word-level differences between two renderings of one statement, each difference classed.

Words are compared in their normalised form (``dedupe.text.tokens.tokenize``), so case,
hyphenation, punctuation and the style of quotation marks are never differences:
"no limits" and "no-limits." are the same words. The alignment is the longest common
subsequence of words (rapidfuzz's Indel opcodes); what it leaves over is classed as a
substitution, insertion, omission, truncation (the rendering stops early or starts late)
or reordering (the same word moved).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from dedupe.evidence.lexicon import FUNCTION_WORDS
from dedupe.models import Span, Token
from dedupe.text.tokens import tokenize

DIFFERENCE_KINDS = (
    "substitution",
    "insertion",
    "omission",
    "truncation",
    "reordering",
    "attribution_conflict",
)


def describe_difference(kind: str, reference_text: str, rendering_text: str) -> str:
    """Say what a difference changed, as every report words it: "moved", "missing", "added".

    Examples:
        >>> describe_difference("reordering", "strategic", "strategic")
        'reordering: “strategic” moved'
        >>> describe_difference("omission", "cooperation", "")
        'omission: “cooperation” missing'
    """
    label = kind.replace("_", " ")
    if kind == "attribution_conflict":
        return f"{label}: said by {rendering_text}, the reference says {reference_text}"
    if kind == "reordering":
        return f"{label}: “{rendering_text or reference_text}” moved"
    if reference_text and rendering_text:
        return f"{label}: “{reference_text}” → “{rendering_text}”"
    if reference_text:
        return f"{label}: “{reference_text}” missing"
    return f"{label}: “{rendering_text}” added"


@dataclass(frozen=True, slots=True)
class QuoteDifference:
    """One wording (or attribution) difference of a rendering against its group's reference.

    Attributes:
        kind: One of ``DIFFERENCE_KINDS``.
        article_id: The article of the rendering that differs.
        reference_text: The reference's words (or speaker) involved; "" when it has none.
        rendering_text: The rendering's words (or speaker) involved; "" when it has none.
        reference_span: Where ``reference_text`` is in the reference's article (an empty
            span marks where missing words would go), or None.
        rendering_span: Where ``rendering_text`` is in the rendering's article, or None.
        rendering: Index of the rendering in its group.
    """

    kind: str
    article_id: str
    reference_text: str
    rendering_text: str
    reference_span: Span | None
    rendering_span: Span | None
    rendering: int = 0


@dataclass(frozen=True, slots=True)
class Side:
    """The words of one rendering and the original text they index into."""

    article_id: str
    text: str
    tokens: tuple[Token, ...]

    def words(self) -> list[str]:
        """Return the normalised words."""
        return [t.text for t in self.tokens]

    def span(self, start: int, end: int) -> Span:
        """Return the original span of tokens ``[start, end)``; empty where the gap between them is."""
        if start < end:
            return Span(self.tokens[start].start, self.tokens[end - 1].end)
        if start < len(self.tokens):
            return Span(self.tokens[start].start, self.tokens[start].start)
        position = self.tokens[-1].end if self.tokens else 0
        return Span(position, position)

    def slice(self, start: int, end: int) -> str:
        """Return the original text of tokens ``[start, end)``."""
        return self.span(start, end).slice(self.text) if start < end else ""


@dataclass(slots=True)
class _Block:
    """A stretch the alignment could not match: reference tokens and rendering tokens."""

    ref: list[int]
    ren: list[int]
    edge: str  # "start", "end", "inside"
    ref_at: int = 0
    ren_at: int = 0


def word_differences(
    reference: Side, rendering: Side, *, partial: bool, index: int = 0
) -> list[QuoteDifference]:
    """Return the classed word differences of ``rendering`` against ``reference``.

    With ``partial`` (a fragment, or a different translation) only the stretch where the
    two align is compared, so words one of them never meant to quote are not differences,
    and function words ("and", "of") one of them adds, leaves out or moves are not reported
    either: two translations place them differently without a difference in meaning.
    """
    blocks = _blocks(reference.words(), rendering.words())
    if partial:
        blocks = [b for b in blocks if b.edge == "inside"]
    found = _reorderings(reference, rendering, blocks, index)
    for block in blocks:
        found.extend(_classify(reference, rendering, block, index))
    if partial:
        found = [d for d in found if d.kind == "substitution" or _has_content(d)]
    return sorted(found, key=lambda d: (d.reference_span.start if d.reference_span else 0, d.kind))


def _has_content(difference: QuoteDifference) -> bool:
    words = tokenize(difference.reference_text) + tokenize(difference.rendering_text)
    return any(t.text not in FUNCTION_WORDS for t in words)


def _blocks(ref: Sequence[str], ren: Sequence[str]) -> list[_Block]:
    """Group the alignment's non-matching opcodes into blocks between matched words."""
    opcodes = [op for op in Indel.opcodes(ref, ren) if op.tag != "equal" or op.src_end > op.src_start]
    equal = [i for i, op in enumerate(opcodes) if op.tag == "equal"]
    if not equal:
        return [_Block(list(range(len(ref))), list(range(len(ren))), "inside")]
    blocks: list[_Block] = []
    current: _Block | None = None
    for i, op in enumerate(opcodes):
        if op.tag == "equal":
            current = None
            continue
        if current is None:
            edge = "start" if i < equal[0] else "end" if i > equal[-1] else "inside"
            current = _Block([], [], edge, op.src_start, op.dest_start)
            blocks.append(current)
        current.ref.extend(range(op.src_start, op.src_end))
        current.ren.extend(range(op.dest_start, op.dest_end))
    return blocks


def _reorderings(reference: Side, rendering: Side, blocks: list[_Block], index: int) -> list[QuoteDifference]:
    """Take out words that left one place and came back in another, as reorderings."""
    ref_words, ren_words = reference.words(), rendering.words()
    found: list[QuoteDifference] = []
    for giver in blocks:
        for position in list(giver.ref):
            word = ref_words[position]
            if word in FUNCTION_WORDS:
                continue
            taker = next(
                (b for b in blocks if b is not giver and any(ren_words[j] == word for j in b.ren)), None
            )
            if taker is None:
                continue
            target = next(j for j in taker.ren if ren_words[j] == word)
            giver.ref.remove(position)
            taker.ren.remove(target)
            found.append(_difference("reordering", reference, rendering, (position, position + 1),
                                     (target, target + 1), index))  # fmt: skip
    return found


def _classify(reference: Side, rendering: Side, block: _Block, index: int) -> list[QuoteDifference]:
    ref_runs, ren_runs = _runs(block.ref), _runs(block.ren)
    if ref_runs and ren_runs:
        first = _difference("substitution", reference, rendering, ref_runs[0], _cover(ren_runs), index)
        gap = (block.ren_at, block.ren_at)
        return [first] + [
            _difference("omission", reference, rendering, run, gap, index) for run in ref_runs[1:]
        ]
    if ref_runs:
        kind = "omission" if block.edge == "inside" else "truncation"
        gap = (block.ren_at, block.ren_at)
        return [_difference(kind, reference, rendering, run, gap, index) for run in ref_runs]
    gap = (block.ref_at, block.ref_at)
    return [_difference("insertion", reference, rendering, gap, run, index) for run in ren_runs]


def _difference(
    kind: str,
    reference: Side,
    rendering: Side,
    ref: tuple[int, int] | None,
    ren: tuple[int, int] | None,
    index: int,
) -> QuoteDifference:
    return QuoteDifference(
        kind=kind,
        article_id=rendering.article_id,
        reference_text=reference.slice(*ref) if ref is not None else "",
        rendering_text=rendering.slice(*ren) if ren is not None else "",
        reference_span=reference.span(*ref) if ref is not None else None,
        rendering_span=rendering.span(*ren) if ren is not None else None,
        rendering=index,
    )


def _runs(positions: list[int]) -> list[tuple[int, int]]:
    """Split sorted token positions into contiguous ``[start, end)`` runs."""
    runs: list[tuple[int, int]] = []
    for position in sorted(positions):
        if runs and runs[-1][1] == position:
            runs[-1] = (runs[-1][0], position + 1)
        else:
            runs.append((position, position + 1))
    return runs


def _cover(runs: list[tuple[int, int]]) -> tuple[int, int]:
    return runs[0][0], runs[-1][1]
