"""Render a quote audit as a terminal table (80 columns unless told), Markdown or JSON.

The CLI's ``dedupe quotes`` prints what ``render_quote_audit`` returns. The table and
Markdown are for people: a summary table of groups, then each group's renderings (the
reference starred) and its classed differences. JSON is
``dedupe.report.serialize.to_json(audit, kind="quote_audit")``, every field of the audit.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from tabulate import tabulate

from dedupe.quotes.diff import QuoteDifference, describe_difference
from dedupe.quotes.match import QuoteAudit, QuoteGroup, Rendering
from dedupe.report.serialize import to_json
from dedupe.report.words import QUOTES_LEGEND, span

WIDTH = 80
"""Columns of the table unless the caller gives a width (the CLI passes the terminal's)."""
SPEAKER_SHARE = 4
"""The group table's speaker column takes up to ``1 / SPEAKER_SHARE`` of the width (20 at 80 columns)."""
SPEAKER_MIN = 8
"""Narrowest speaker column of the group table: a name wraps to this before the table overflows."""
FORMATS = ("table", "md", "json")


def render_quote_audit(audit: QuoteAudit, fmt: str = "table", *, width: int = WIDTH) -> str:
    """Return the audit as text in ``fmt``: "table" (``width`` columns, long text wrapped), "md"
    or "json".

    Raises:
        ValueError: For a format not in ``FORMATS``.
    """
    if fmt == "table":
        return _table(audit, width)
    if fmt == "md":
        return _markdown(audit)
    if fmt == "json":
        return to_json(audit, kind="quote_audit")
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def summary(audit: QuoteAudit) -> str:
    """Return what the audit found, and how much of it its filters kept."""
    found = f"{len(audit.articles)} articles, {audit.quote_count} quotations in {audit.group_count} groups"
    counts = f"{audit.shared_groups} rendered by more than one article, {audit.differing_groups} differ"
    filters = [f"speaker “{audit.speaker}”"] if audit.speaker else []
    filters += ["only differences"] if audit.only_differences else []
    if not filters:
        return f"{found}: {counts}."
    return f"{found}. Shown ({', '.join(filters)}): {len(audit.groups)} groups, {counts}."


def _table(audit: QuoteAudit, width: int) -> str:
    lines = textwrap.wrap("Quote audit: " + summary(audit), width)
    if not audit.groups:
        return "\n".join([*lines, "", "No quotation groups."])
    lines += ["", _group_table(audit.groups, width)]
    for group in audit.groups:
        lines += ["", textwrap.fill(f"{group.id}  {group.speaker}  [{group.consistency}]", width)]
        for index, rendering in enumerate(group.renderings):
            marker = "*" if index == group.reference else " "
            line = f"{marker} {_where(rendering)} {_shown(rendering)}"
            lines.append(textwrap.fill(line, width, initial_indent="  ", subsequent_indent="      "))
        for difference in group.differences:
            line = _difference(difference, group)
            lines.append(textwrap.fill(line, width, initial_indent="  ! ", subsequent_indent="    "))
    lines += ["", textwrap.fill(QUOTES_LEGEND, width)]
    return "\n".join(lines)


def _group_table(groups: Sequence[QuoteGroup], width: int) -> str:
    """The table of groups within ``width`` columns if it can be: the speaker column wraps to
    make room (article ids stay whole, so they can be pasted)."""
    rows = [[g.id, g.speaker, "\n".join(g.articles), g.consistency, len(g.differences)] for g in groups]
    headers = ["group", "speaker", "articles", "consistency", "diffs"]

    def laid_out(speaker: int) -> str:
        return str(tabulate(rows, headers=headers, maxcolwidths=[6, speaker, None, 11, 5]))

    speaker = max(SPEAKER_MIN, width // SPEAKER_SHARE)
    table = laid_out(speaker)
    excess = max(len(line) for line in table.splitlines()) - width
    return laid_out(max(SPEAKER_MIN, speaker - excess)) if excess > 0 else table


def _markdown(audit: QuoteAudit) -> str:
    out = ["# Quote audit", "", summary(audit), "", f"*{QUOTES_LEGEND.replace('*', '★')}*", ""]
    if not audit.groups:
        return "\n".join([*out, "No quotation groups."])
    rows = [[g.id, _md(g.speaker), ", ".join(f"`{a}`" for a in g.articles), g.consistency, len(g.differences)]
            for g in audit.groups]  # fmt: skip
    out.append(
        tabulate(
            rows, headers=["group", "speaker", "articles", "consistency", "differences"], tablefmt="github"
        )
    )
    for group in audit.groups:
        out += ["", f"## {group.id} — {_md(group.speaker)} ({group.consistency})", ""]
        renderings = [_markdown_row(group, i) for i in range(len(group.renderings))]
        headers = ["ref", "article", "span", "kind", "said by", "rendering"]
        out.append(tabulate(renderings, headers=headers, tablefmt="github"))
        if group.differences:
            out.append("")
            out.extend(f"- {_md(_difference(d, group))}" for d in group.differences)
    return "\n".join(out)


def _markdown_row(group: QuoteGroup, index: int) -> list[str]:
    rendering = group.renderings[index]
    where = span(rendering.span.start, rendering.span.end)
    marker = "★" if index == group.reference else ""
    return [
        marker,
        f"`{rendering.article_id}`",
        where,
        _kind(rendering),
        _md(rendering.speaker),
        _md(_shown(rendering)),
    ]


def _where(rendering: Rendering) -> str:
    relation = "" if rendering.relation in ("reference", "verbatim") else f" ({rendering.relation})"
    return f"{rendering.article_id} {span(rendering.span.start, rendering.span.end)}{relation}"


def _kind(rendering: Rendering) -> str:
    kind = rendering.quote.kind if rendering.quote is not None else "unquoted"
    return kind if rendering.relation in ("reference", "verbatim") else f"{kind}, {rendering.relation}"


def _shown(rendering: Rendering) -> str:
    text = " ".join(rendering.text.split())
    if rendering.quote is None:
        return f"{text} (unquoted)"
    said = (
        f" ({rendering.quote.frame.replace('X', rendering.quote.speaker or 'X')})"
        if rendering.quote.frame
        else ""
    )
    return f"“{text}”{said}"


def _difference(difference: QuoteDifference, group: QuoteGroup) -> str:
    article = group.renderings[difference.rendering].article_id
    described = describe_difference(difference.kind, difference.reference_text, difference.rendering_text)
    return f"in {article}, {described}"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
