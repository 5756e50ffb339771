"""Render event dossiers as an 80-column text, Markdown, JSON (``kind: "dossier"``) or an HTML page.

Text and Markdown list the sources as rows (S1, S2, …: outlet, title, id) and refer to
them by key, so any number of sources fits 80 columns; the HTML page lays facts and
statements out as a grid, one column per source. Every format puts the disagreements
first: fact conflicts, then statements whose wording or attribution differs, then
lineage, unique content and the facts the sources agree on.

Article text is untrusted: the text formats show control characters as visible escapes
(``\\x1b``), Markdown escapes HTML and table pipes, the page goes through Jinja's
autoescaping. The JSON schema is ``dedupe/report/schemas/dossier.json``.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence

from dedupe.corpus.dossier import Dossier
from dedupe.corpus.dossier_facts import FactRow
from dedupe.corpus.dossier_statements import Statement, StatementDifference
from dedupe.report.serialize import SCHEMA_VERSION, to_data, to_json

DOSSIER_FORMATS = ("table", "json", "md", "html")
WIDTH = 80
"""Columns of the text dossier unless the caller gives a width (the CLI passes the terminal's)."""
SHOWN_UNIQUE = 5
"""Unique sentences listed per family in text and Markdown before "… and N more" (JSON lists all)."""
QUOTE_CHARS = 150
"""Characters of a rendering shown in text and Markdown before "…"."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def render_dossier(found: Dossier, fmt: str, *, width: int = WIDTH) -> str:
    """Return one dossier as "table" (``width`` columns), "md", "json" or "html" (a page).

    Raises:
        ValueError: For a format not in ``DOSSIER_FORMATS``.
    """
    if fmt == "json":
        return to_json(found, kind="dossier")
    if fmt == "html":
        from dedupe.report.html import render_dossier_html

        return render_dossier_html(found)
    if fmt in ("table", "md"):
        return "\n".join(dossier_lines(found, markdown=fmt == "md", width=width))
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(DOSSIER_FORMATS)}")


def dossier_data(found: Dossier) -> dict[str, object]:
    """The dossier as plain JSON data with ``schema_version`` and ``kind`` (for JSONL and scan JSON)."""
    data = to_data(found)
    return {"schema_version": SCHEMA_VERSION, "kind": "dossier", **data}


def visible(text: str) -> str:
    """Collapse whitespace and show control and direction characters as escapes (``\\x1b``)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", " ".join(text.split()))


def md_escape(text: str) -> str:
    """``visible`` text safe inside Markdown and its tables: HTML and pipes escaped."""
    escaped = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.replace("|", "\\|").replace("`", "\\`")


def dossier_lines(found: Dossier, *, markdown: bool, width: int = WIDTH) -> list[str]:
    """The lines of one dossier, disagreements first, ``width`` columns wide (Markdown: headings,
    lists)."""
    out = _Out(markdown, width)
    keys = {s.id: f"S{n}" for n, s in enumerate(found.sources, 1)}
    event = f" {found.event}" if found.event else ""
    out.heading(1, f"Dossier{event}: {found.summary()}")
    out.line(
        f"{found.conflicts} fact conflict(s), "
        f"{sum(1 for s in found.statements if s.consistency == 'differs')} statement(s) rendered "
        f"differently, {found.attribution_conflicts} attributed to different speakers; "
        f"{found.compared_pairs} pairs compared."
    )
    out.heading(2, "Sources")
    for source in found.sources:
        title = f" — “{source.title}”" if source.title else ""
        date = f", {source.published}" if source.published else ""
        shown_id = "" if source.label == source.id else f"{source.id}, "
        out.item(f"{keys[source.id]} {source.label}{title} ({shown_id}family {source.family}{date})")
    conflicts = [r for r in found.facts if r.status in ("conflict", "variant")]
    out.heading(2, "Facts that disagree")
    if not conflicts:
        out.line("None: where the sources state the same fact, they agree.")
    for row in conflicts:
        _fact_row(out, row, keys, detail=True)
    differing = [s for s in found.statements if s.consistency == "differs" or s.attributions]
    out.heading(2, "Statements rendered differently")
    if not differing:
        out.line("None.")
    for statement in differing:
        _statement(out, statement, keys)
    _lineage(out, found, keys)
    _unique(out, found, keys)
    agreed = [r for r in found.facts if r.status not in ("conflict", "variant")]
    out.heading(2, "Facts the sources agree on")
    if not agreed:
        out.line("None stated by two sources.")
    for row in agreed:
        _fact_row(out, row, keys, detail=False)
    same = [s for s in found.statements if s not in differing]
    if same:
        out.heading(2, "Statements rendered alike")
        for statement in same:
            sources = ", ".join(keys[c.source] for c in statement.cells)
            out.item(f"{statement.id} {statement.speaker}: “{_cut(statement.cells[0].text)}” ({sources})")
    if found.weak_pairs:
        out.heading(2, "Pairs judged weaker than one event")
        for a, b, relation in found.weak_pairs:
            out.item(f"{keys[a]} ~ {keys[b]}: {relation}; they may not report this event")
    return out.lines


class _Out:
    """Collects wrapped lines: plain text (indented, control characters visible) or Markdown."""

    def __init__(self, markdown: bool, width: int = WIDTH) -> None:
        self.markdown = markdown
        self.width = width
        self.lines: list[str] = []

    def heading(self, level: int, text: str) -> None:
        if self.lines:
            self.lines.append("")
        if self.markdown:
            self.lines.append(f"{'#' * level} {md_escape(text)}")
        else:
            self.lines.extend(textwrap.wrap(visible(text), self.width))
            if level == 1:
                self.lines.append("=" * min(self.width, max(len(line) for line in self.lines[-1:])))

    def line(self, text: str) -> None:
        shown = md_escape(text) if self.markdown else visible(text)
        self.lines.extend(textwrap.wrap(shown, self.width) if not self.markdown else [shown])

    def item(self, text: str, depth: int = 0) -> None:
        if self.markdown:
            self.lines.append(f"{'  ' * depth}- {md_escape(text)}")
            return
        lead = "  " * (depth + 1)
        self.lines.extend(
            textwrap.wrap(visible(text), self.width, initial_indent=lead, subsequent_indent=lead + "    ")
        )


def _fact_row(out: _Out, row: FactRow, keys: Mapping[str, str], *, detail: bool) -> None:
    values = " vs ".join(
        f"{v.value} ×{len(v.sources)} ({', '.join(keys[s] for s in v.sources)})" for v in row.values
    )
    status = {"conflict": "CONFLICT", "variant": "spellings differ"}.get(row.status, row.status)
    pairs = f"; {row.pairs} pair(s) of sources show it" if row.pairs else ""
    out.item(f"{row.label} — {status}: {values}{pairs}")
    if not detail:
        return
    for cell in row.cells:
        where = f"[{cell.sentence.start}:{cell.sentence.end}]"
        out.item(f"{keys[cell.source]} “{cell.value}” in {where} {_cut(cell.sentence_text, 200)}", 1)


def _statement(out: _Out, statement: Statement, keys: Mapping[str, str]) -> None:
    sources = len(statement.cells)
    out.item(
        f"{statement.id} {statement.speaker} — {statement.consistency}: {sources} sources, "
        f"{statement.renderings} renderings; reference {keys[statement.reference]}"
    )
    for cell in statement.cells:
        relation = "" if cell.relation in ("reference", "verbatim") else f", {cell.relation}"
        mark = "*" if cell.source == statement.reference and cell.relation == "reference" else ""
        said = f" — {cell.speaker}" if cell.speaker != "unknown" else ""
        out.item(
            f"{keys[cell.source]}{mark} [{cell.span.start}:{cell.span.end}{relation}] "
            f"“{_cut(cell.text)}”{said}",
            1,
        )
        for d in cell.differences:
            out.item(f"! {_difference(d)}", 2)
    for a in statement.attributions:
        kind = "other speaker" if a.kind == "different_speaker" else "person vs institution"
        out.item(
            f"! attribution ({kind}): {keys[a.source]} gives it to {a.speaker}, "
            f"{keys[a.other_source]} to {a.other_speaker}",
            1,
        )


def _difference(d: StatementDifference) -> str:
    if d.kind in ("omission", "truncation"):
        return f"{d.kind}: “{d.reference_text}” missing"
    if d.kind == "insertion":
        return f"insertion: “{d.rendering_text}” added"
    if d.kind == "reordering":
        return f"reordering: “{d.rendering_text}” moved"
    return f"{d.kind.replace('_', ' ')}: “{d.reference_text}” → “{d.rendering_text}”"


def _lineage(out: _Out, found: Dossier, keys: Mapping[str, str]) -> None:
    out.heading(2, f"Lineage: {found.summary()}")
    for family in found.families:
        members = ", ".join(keys[m] for m in family.members)
        earliest = f"; earliest {keys[family.earliest]} ({family.earliest_date})" if family.earliest else ""
        out.item(f"{family.id} {family.kind}: {members}{earliest}")
        for link in family.links:
            out.item(
                f"{keys[link.a]} ~ {keys[link.b]}: {link.relation}, shared passages cover "
                f"{link.coverage_a:.0%} / {link.coverage_b:.0%}",
                1,
            )
        credits: dict[str, list[str]] = {}
        for credit in family.credits:
            where = "" if credit.where != "text" else f" in text: “{_cut(credit.sentence_text, 90)}”"
            credits.setdefault(f"{credit.name}{where}", []).append(keys[credit.source])
        for name, by in credits.items():
            out.item(f"credits {name} ({', '.join(by)})", 1)
    for miss in found.near_misses:
        out.item(f"not one family: {keys[miss.a]} and {keys[miss.b]} — {miss.reason}")


def _unique(out: _Out, found: Dossier, keys: Mapping[str, str]) -> None:
    out.heading(2, "Unique content: what only one family reports")
    if not found.unique:
        out.line("One family only: nothing to set against.")
    for unique in found.unique:
        count = len(unique.sentences)
        out.item(
            f"{unique.family} ({keys[unique.source]}): {count} sentence(s), "
            f"{len(unique.statements)} statement(s)"
        )
        for sentence in unique.sentences[:SHOWN_UNIQUE]:
            out.item(f"[{sentence.span.start}:{sentence.span.end}] {_cut(sentence.text, 200)}", 1)
        if count > SHOWN_UNIQUE:
            out.item(f"… and {count - SHOWN_UNIQUE} more (see --format json)", 1)
        for said in unique.statements:
            out.item(f"quotes {_cut(said)}", 1)


def _cut(text: str, limit: int = QUOTE_CHARS) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + " …"


def render_dossiers(found: Sequence[Dossier], *, markdown: bool, width: int = WIDTH) -> list[str]:
    """The lines of several dossiers (a scan's), one after another, ``width`` columns wide."""
    lines: list[str] = []
    for one in found:
        lines += ["", *dossier_lines(one, markdown=markdown, width=width)]
    return lines
