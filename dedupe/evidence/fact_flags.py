"""The flags raised where two reports of one event state a fact differently: data types only.

They live below the comparisons (``facts``, ``date_comparison``, ``figure_comparison``) that
make them and the renderers and clusterers that read them.
"""

from __future__ import annotations

from dataclasses import dataclass

from dedupe.evidence.events import Fact
from dedupe.models import Span


@dataclass(frozen=True, slots=True)
class FactFlag:
    """One difference between two reports' facts, with the text on both sides.

    ``a_value``/``b_value`` are as written; for ``different_detail`` the side that
    lacks the fact has an empty value and an empty span at the start of its sentence
    about the same slot. ``a_sentence_text``/``b_sentence_text`` are the sentences'
    text, so a report needs no second look-up.
    """

    slot: str
    kind: str
    a_value: str
    b_value: str
    a_span: Span
    b_span: Span
    a_sentence: Span
    b_sentence: Span
    confidence: float
    note: str
    a_sentence_text: str = ""
    b_sentence_text: str = ""


@dataclass(frozen=True, slots=True)
class PairFlags:
    """The flags raised between two articles, named by their ids."""

    a_id: str
    b_id: str
    flags: tuple[FactFlag, ...]


def fact_flag(slot: str, kind: str, x: Fact, y: Fact, confidence: float, note: str) -> FactFlag:
    return FactFlag(
        slot, kind, x.value, y.value, x.span, y.span, x.sentence, y.sentence, round(confidence, 2), note
    )
