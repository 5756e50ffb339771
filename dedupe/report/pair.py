"""Render a pair overlap report as a terminal table, Markdown, JSON or an HTML page.

The table fits the terminal's width (80 columns unless told otherwise) and puts first
what an editor needs first: the verdict and its reasons, the facts that differ, the
quotations rendered differently; then the figures, the shared passages and each side's
own sentences. Long text is wrapped, never cut, and every span is shown as ``[start:end)`` into the original.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from tabulate import tabulate

from dedupe.pair.compare import PairReport
from dedupe.quotes.diff import describe_difference
from dedupe.report.serialize import to_json
from dedupe.report.words import PAIR_LEGEND, fact_kind, percent, relation_words, slot_words, span

if TYPE_CHECKING:
    from dedupe.models import Article
    from dedupe.pair.align import Edit
    from dedupe.quotes.diff import QuoteDifference

WIDTH = 80
"""Columns of the table unless the caller gives a width (the CLI passes the terminal's)."""
# Own-content sentences shown per side in the table (Markdown and JSON have them all).
OWN_SHOWN = 5
# Quotation examples in a reason are cut to this many characters (the groups show them whole).
EXAMPLE_CHARS = 60
PASSAGE_OTHER_COLUMNS = 36
"""Columns of the shared-passage table's other cells and gaps: the text column takes the rest."""
FIGURE_OTHER_COLUMNS = 32
"""Columns of the figures table's two value cells and gaps: the measure's name takes the rest."""
PASSAGE_TEXT_MIN = 24
"""Narrowest text column of the shared-passage and figures tables, however narrow the terminal."""


def render_pair(
    report: PairReport, fmt: str, a: Article | None = None, b: Article | None = None, *, width: int = WIDTH
) -> str:
    """Return the report in ``fmt``: "table" (``width`` columns), "md", "json", or "html" (which
    needs both articles)."""
    if fmt == "json":
        return to_json(report, kind="pair_report")
    if fmt == "html":
        from dedupe.report.html import render_pair_html

        if a is None or b is None:
            raise ValueError("the HTML report needs both articles' texts")
        return render_pair_html(report, a, b)
    return markdown(report) if fmt == "md" else table(report, width=width)


def table(report: PairReport, *, width: int = WIDTH) -> str:
    """Return the report as plain text ``width`` columns wide, long text wrapped, never cut."""

    def _fill(text: str, indent: str, then: str | None = None) -> str:
        return fill(text, indent, then, width=width)

    lines: list[str] = []
    for side, info in (("A", report.a), ("B", report.b)):
        meta = "  ".join(str(x) for x in (info.id, info.outlet, info.published, f"{info.words} words") if x)
        lines.append(textwrap.fill(f"{side}  {meta}", width, subsequent_indent="   "))  # spacing kept
        lines.append(_fill(info.title or "(no title)", indent="   "))
    lines += [
        "",
        f"Verdict: {relation_words(report.relation.value).upper()}  (confidence {report.confidence:.2f})",
    ]
    lines.append(_fill(_shared(report), indent=""))
    lines.extend(_fill(_reason(r.text, r.supports), indent="", then="  ") for r in report.reasons)
    lines += ["", _fill(PAIR_LEGEND, indent="")]
    lines += ["", f"Facts that differ ({len(report.facts)})"]
    for flag in report.facts:
        what = f"{slot_words(flag.slot)}, {fact_kind(flag.kind)}"
        lines.append(_fill(f"{what}: “{flag.a_value}” (A) vs “{flag.b_value}” (B)", indent="  "))
        lines.append(
            _fill(f"A{_span(flag.a_sentence.start, flag.a_sentence.end)} {flag.a_sentence_text}", "    ")
        )
        lines.append(
            _fill(f"B{_span(flag.b_sentence.start, flag.b_sentence.end)} {flag.b_sentence_text}", "    ")
        )
    lines += ["", f"Quotations in both ({len(report.quote_groups)})"]
    lines.extend(_quote_lines(report, width))
    figures = tabulate(
        _figure_rows(report),
        tablefmt="simple",
        disable_numparse=True,
        maxcolwidths=[max(PASSAGE_TEXT_MIN, width - FIGURE_OTHER_COLUMNS), None, None],
    )
    lines += ["", figures, ""]
    lines.append(f"Shared passages ({len(report.passages)})")
    lines.append(_passage_table(report, width) if report.passages else "  none")
    for side, own in (("A", report.own_a), ("B", report.own_b)):
        lines += ["", f"Only in {side} ({len(own)} sentences)"]
        lines.extend(
            _fill(f"{_span(s.span.start, s.span.end)} {s.text}", indent="  ") for s in own[:OWN_SHOWN]
        )
        if len(own) > OWN_SHOWN:
            lines.append(f"  … {len(own) - OWN_SHOWN} more (--format md or json lists them all)")
    return "\n".join(lines)


def markdown(report: PairReport) -> str:
    """Return the report as a Markdown document."""
    a, b = report.a, report.b
    out = [
        f"# {a.id} vs {b.id}: {report.relation.value}",
        "",
        f"**Verdict:** `{report.relation.value}` (confidence {report.confidence:.2f})",
        "",
        _md(_shared(report)),
        "",
        *(f"- {_md(_reason(r.text, r.supports))}" for r in report.reasons),
        "",
        f"*{PAIR_LEGEND}*",
        "",
        "| | A | B |",
        "|---|---|---|",
        *(
            f"| {name} | {_md(str(x or '—'))} | {_md(str(y or '—'))} |"
            for name, x, y in _side_by_side(report)
        ),
        "",
        f"## Facts that differ ({len(report.facts)})",
        "",
    ]
    for f in report.facts:
        values = f"“{_md(f.a_value)}” vs “{_md(f.b_value)}”"
        out.append(
            f"- **{slot_words(f.slot)}**, {fact_kind(f.kind)} (confidence {f.confidence:.2f}): {values}"
        )
        out.append(f"  - A `{_span(f.a_sentence.start, f.a_sentence.end)}` {_md(f.a_sentence_text)}")
        out.append(f"  - B `{_span(f.b_sentence.start, f.b_sentence.end)}` {_md(f.b_sentence_text)}")
    out += ["", f"## Quotations in both ({len(report.quote_groups)})", ""]
    for group in report.quote_groups:
        out.append(f"- **{group.speaker}** — {group.consistency}")
        for r in group.renderings:
            words = f"“{_md(r.text)}”" if r.quoted else f"{_md(r.text)} (unquoted)"
            out.append(f"  - {_side(report, r.article_id)} `{_span(r.span.start, r.span.end)}` {words}")
        out.extend(f"  - ⚠ in {_side(report, d.article_id)}, {_md(_change(d))}" for d in group.differences)
    out += ["", "## Similarity", ""]
    out.append(
        tabulate(_figure_rows(report), headers=["measure", "", ""], tablefmt="github", disable_numparse=True)
    )
    out += ["", f"## Shared passages ({len(report.passages)})", ""]
    for number, p in enumerate(report.passages, 1):
        where = f"A`{_span(p.a.start, p.a.end)}` B`{_span(p.b.start, p.b.end)}`"
        out.append(f"{number}. {where}, {p.a_words} words, similarity {p.similarity:.2f}: “{_md(p.a_text)}”")
        out.extend(f"   - {e.kind}: {_edit(e)}" for e in p.edits)
    for side, own in (("A", report.own_a), ("B", report.own_b)):
        out += ["", f"## Only in {side} ({len(own)} sentences)", ""]
        out.extend(f"- `{_span(s.span.start, s.span.end)}` {_md(s.text)}" for s in own)
    return "\n".join(out)


def _side_by_side(report: PairReport) -> list[tuple[str, object, object]]:
    a, b = report.a, report.b
    return [
        ("id", a.id, b.id),
        ("title", a.title, b.title),
        ("outlet", a.outlet, b.outlet),
        ("published", a.published, b.published),
        ("words", a.words, b.words),
    ]


def _quote_lines(report: PairReport, width: int) -> list[str]:
    def _fill(text: str, indent: str) -> str:
        return fill(text, indent, width=width)

    lines: list[str] = []
    for number, group in enumerate(report.quote_groups, 1):
        lines.append(f"{number}. {group.speaker} — {group.consistency}")
        for r in group.renderings:
            words = f"“{r.text}”" if r.quoted else f"{r.text} (unquoted)"
            lines.append(
                _fill(f"{_side(report, r.article_id)}{_span(r.span.start, r.span.end)} {words}", "   ")
            )
        for d in group.differences:
            lines.append(_fill(f"! in {_side(report, d.article_id)}, {_change(d)}", "   "))
    return lines or ["  none"]


def _change(difference: QuoteDifference) -> str:
    """Say what a quotation difference changed, in the words of both renderings."""
    return describe_difference(difference.kind, difference.reference_text, difference.rendering_text)


def _shared(report: PairReport) -> str:
    """The plainest figure first: how much of each text the shared passages cover."""
    s = report.similarity
    return (
        f"Shared passages cover {percent(s.coverage_a)} of A and {percent(s.coverage_b)} of B "
        f"(longest {s.longest_passage_words} words)."
    )


def _reason(text: str, supports: bool) -> str:
    """A reason marked for or against the verdict, in words as well as by sign."""
    return f"+ for: {text}" if supports else f"− against: {text}"


def _figure_rows(report: PairReport) -> list[list[str]]:
    s = report.similarity
    return [
        ["shared passages cover A / B", percent(s.coverage_a), percent(s.coverage_b)],
        ["longest shared passage", f"{s.longest_passage_words} words", ""],
        [
            f"Jaccard ({s.shingle_size}-word sequences in common)",
            f"{s.jaccard:.3f}",
            f"MinHash est. {s.jaccard_estimate:.3f}",
        ],
        ["containment A in B / B in A", f"{s.containment_a:.3f}", f"{s.containment_b:.3f}"],
        ["probability of one event (event model)", f"{report.event_score:.2f}", ""],
    ]


def _passage_table(report: PairReport, width: int) -> str:
    text_width = max(PASSAGE_TEXT_MIN, width - PASSAGE_OTHER_COLUMNS)
    rows = []
    for number, p in enumerate(report.passages, 1):
        edits = "; ".join(_edit(e) for e in p.edits)
        text = _wrap(p.a_text, text_width) + (f"\n[{_wrap(edits, text_width - 2)}]" if edits else "")
        rows.append([number, f"A{_span(p.a.start, p.a.end)}\nB{_span(p.b.start, p.b.end)}", p.a_words, text])
    headers = ["#", "where", "words", "text of A [edits A → B]"]
    rendered: str = tabulate(rows, headers=headers, tablefmt="simple")
    return rendered


def _edit(edit: Edit) -> str:
    if edit.kind == "substitution":
        return f"{edit.a_text} → {edit.b_text}"
    return f"+{edit.b_text}" if edit.kind == "insertion" else f"-{edit.a_text}"


def _side(report: PairReport, article_id: str) -> str:
    return "A" if article_id == report.a.id else "B"


def _span(start: int, end: int) -> str:
    return span(start, end)


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(" ".join(text.split()), width)) or "—"


def fill(text: str, indent: str, then: str | None = None, *, width: int = WIDTH) -> str:
    """Return ``text`` on lines of ``width`` columns, the first after ``indent``, the rest after
    ``then`` (``indent`` and two spaces by default); a word longer than a line is broken, not cut."""
    return textwrap.fill(
        " ".join(text.split()), width, initial_indent=indent, subsequent_indent=then or indent + "  "
    )


def _md(text: str | None) -> str:
    return (text or "—").replace("|", "\\|").replace("\n", " ")
