"""Render fact flags for people: a terminal table or Markdown, each flag with both sentences.

The JSON form is ``dedupe.report.serialize.to_json`` of the flags; this module only lays
out what a reader checks: which slot, what kind of difference, both values and the
sentences (with their offsets) that state them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from tabulate import tabulate

from dedupe.corpus.fact_audit import FactAudit
from dedupe.evidence.fact_flags import FactFlag, PairFlags
from dedupe.models import Span
from dedupe.report.serialize import to_json
from dedupe.report.words import FACTS_LEGEND, fact_kind, slot_words, span

# Terminal columns for each sentence: two of them plus the values fit 160 columns.
SENTENCE_WIDTH = 48
VALUE_WIDTH = 18
WIDTH = 80
"""Columns of the audit's table unless the caller gives a width (the CLI passes the terminal's)."""
_HEADERS = ["A", "B", "what", "how", "A says", "B says", "confidence", "A sentence", "B sentence"]


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
        slot_words(flag.slot),
        fact_kind(flag.kind),
        flag.a_value or "—",
        flag.b_value or "—",
        f"{flag.confidence:.2f}",
        f"{_where(flag.a_sentence)} {flag.a_sentence_text}",
        f"{_where(flag.b_sentence)} {flag.b_sentence_text}",
    ]


def _where(where: Span, side: str = "") -> str:
    return span(where.start, where.end, side)


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_fact_audit(audit: FactAudit, fmt: str, *, width: int = WIDTH) -> str:
    """Return the audit as "table" (``width`` columns, long text wrapped), "md" or "json"."""
    if fmt == "json":
        return to_json(audit, kind="fact_audit")
    if fmt == "md":
        return (
            f"# Facts that differ\n\n{_summary(audit)}\n\n*{FACTS_LEGEND}*\n\n{flags_markdown(audit.pairs)}"
        )
    lines = [_fill(_summary(audit), "", width), "", _fill(FACTS_LEGEND, "", width)]
    for pair in audit.pairs:
        lines += ["", _fill(f"A {pair.a_id}  vs  B {pair.b_id}", "", width)]
        for flag in pair.flags:
            values = f"“{flag.a_value or '—'}” (A) vs “{flag.b_value or '—'}” (B)"
            what = f"{slot_words(flag.slot)}, {fact_kind(flag.kind)}"
            lines.append(_fill(f"{what} (confidence {flag.confidence:.2f}): {values}", "  ", width))
            lines.append(_fill(f"{_where(flag.a_sentence, 'A')} {flag.a_sentence_text}", "    ", width))
            lines.append(_fill(f"{_where(flag.b_sentence, 'B')} {flag.b_sentence_text}", "    ", width))
    return "\n".join(lines)


def _summary(audit: FactAudit) -> str:
    flags = sum(len(p.flags) for p in audit.pairs)
    return (
        f"{audit.articles} articles, {audit.pairs_compared} same-event pair(s) compared, "
        f"{flags} flag(s), {audit.conflicts} of them conflicts."
    )


def _fill(text: str, indent: str, width: int) -> str:
    return textwrap.fill(
        " ".join(text.split()), width, initial_indent=indent, subsequent_indent=indent + "  "
    )
