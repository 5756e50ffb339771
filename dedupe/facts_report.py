"""Render fact flags for people: a terminal table or Markdown, each flag with both sentences.

The JSON form is ``dedupe.serialize.to_json`` of the flags; this module only lays
out what a reader checks: which slot, what kind of difference, both values and the
sentences (with their offsets) that state them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tabulate import tabulate

from dedupe.facts import FactFlag
from dedupe.models import Span

# Terminal columns for each sentence: two of them plus the values fit 160 columns.
SENTENCE_WIDTH = 48
VALUE_WIDTH = 18
_HEADERS = ["A", "B", "slot", "kind", "A says", "B says", "conf.", "A sentence", "B sentence"]


@dataclass(frozen=True, slots=True)
class PairFlags:
    """The flags raised between two articles, named by their ids."""

    a_id: str
    b_id: str
    flags: tuple[FactFlag, ...]


def flags_table(pairs: Sequence[PairFlags]) -> str:
    """Return a plain-text table of every flag, long sentences wrapped.

    Examples:
        >>> print(flags_table([]))
        No facts differ.
    """
    rows = [_row(pair, flag) for pair in pairs for flag in pair.flags]
    if not rows:
        return "No facts differ."
    widths = [None, None, None, None, VALUE_WIDTH, VALUE_WIDTH, None, SENTENCE_WIDTH, SENTENCE_WIDTH]
    return str(
        tabulate(rows, headers=_HEADERS, tablefmt="simple", maxcolwidths=widths, disable_numparse=True)
    )


def flags_markdown(pairs: Sequence[PairFlags]) -> str:
    """Return a Markdown table of every flag, sentences in full with their offsets."""
    rows = [[_md(cell) for cell in _row(pair, flag)] for pair in pairs for flag in pair.flags]
    if not rows:
        return "No facts differ."
    return str(tabulate(rows, headers=_HEADERS, tablefmt="github", disable_numparse=True))


def _row(pair: PairFlags, flag: FactFlag) -> list[str]:
    return [
        pair.a_id,
        pair.b_id,
        flag.slot,
        flag.kind,
        flag.a_value or "—",
        flag.b_value or "—",
        f"{flag.confidence:.2f}",
        f"{_where(flag.a_sentence)} {flag.a_sentence_text}",
        f"{_where(flag.b_sentence)} {flag.b_sentence_text}",
    ]


def _where(span: Span) -> str:
    return f"[{span.start}:{span.end}]"


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
