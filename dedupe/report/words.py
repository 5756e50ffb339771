"""The plain words every report shares: relation names, fact kinds, offsets and the legends.

One module so that the table, Markdown and HTML forms of every command say the same
thing the same way: an offset is always ``[start:end]`` (``text[start:end]`` in Python,
into the decoded original), a fact kind is a phrase, a relation is read aloud.
"""

from __future__ import annotations

RELATION_WORDS = {
    "duplicate": "duplicate",
    "reuse": "reuse",
    "same_event": "same event",
    "related": "related",
    "unrelated": "unrelated",
}
"""Each relation as a reader says it; JSON keeps the codes (``same_event``)."""

FACT_KINDS = {
    "conflict": "reports disagree",
    "spelling_variant": "spelled differently",
    "number_mismatch": "figures differ",
    "date_mismatch": "dates differ",
    "different_detail": "named by one report only",
}
"""Each fact-flag kind in words; JSON keeps the codes (``number_mismatch``)."""

SLOT_WORDS = {
    "place": "place",
    "date": "date",
    "participant": "participant",
    "counterpart": "counterpart",
    "number": "figure",
}

SCAN_LEGEND = (
    "How to read this: duplicate = nearly the same text; reuse = one report copies a "
    "substantial part of the other; same event = independent reports of one occasion; "
    "related = same subject, another occasion. Confidence (0 to 1) is how sure dedupe is "
    "of the stated relation; pairs are listed strongest relation first, then by confidence. "
    "Coverage: shared passages cover that share of each text. Offsets [start:end] count "
    "characters of the original text."
)
"""The legend of scan and index answers, before any figure."""

PAIR_LEGEND = (
    "How to read this: + marks evidence for the verdict, − evidence against it. Confidence "
    "(0 to 1) is how sure dedupe is of the verdict. Coverage: shared passages cover that "
    "share of each text; Jaccard and containment measure shared 3-word sequences. Offsets "
    "[start:end] count characters of the original text."
)
"""The legend of a pair report, before any figure."""

FACTS_LEGEND = (
    "How to read this: each flag names what differs, both values, and the sentence of each "
    "report that states it, at [start:end] (characters of the original text). Confidence "
    "(0 to 1) is how sure dedupe is that the two sentences speak of the same thing."
)
"""The legend of a fact audit."""

QUOTES_LEGEND = (
    "How to read this: * marks the reference rendering, ! a difference against it; "
    "[start:end] counts characters of the original text."
)
"""The legend of a quote audit."""


def relation_words(relation: str) -> str:
    """Return a relation code (``same_event``) as words (``same event``)."""
    return RELATION_WORDS.get(relation, relation.replace("_", " "))


def fact_kind(kind: str) -> str:
    """Return a fact-flag kind code (``number_mismatch``) as words (``figures differ``)."""
    return FACT_KINDS.get(kind, kind.replace("_", " "))


def slot_words(slot: str) -> str:
    """Return a fact slot code as a word."""
    return SLOT_WORDS.get(slot, slot.replace("_", " "))


def span(start: int, end: int, side: str = "") -> str:
    """Return the one offset notation of every report: ``A[580:915]``, i.e. ``text[580:915]``."""
    return f"{side}[{start}:{end}]"


def percent(share: float) -> str:
    """Return a share (0 to 1) as a whole percentage, "<1%" for a trace."""
    if 0 < share < 0.005:
        return "<1%"
    return f"{share * 100:.0f}%"
