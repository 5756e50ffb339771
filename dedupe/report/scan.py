"""Render scan reports as table, JSON, JSONL, CSV or Markdown (index answers: ``report.index``).

JSON is one document (``kind: "scan"``) with ``clusters`` (each with ``members`` and
``level``) and ``pairs``. JSONL suits large scans: a ``scan`` header line, then one
line per cluster and one per pair. CSV lists the pairs, one row each. Table and
Markdown show each multi-article cluster as a block (members, dates, key names,
quotations, its pairs with their top reason, facts that differ); articles are named
"title (id)" where the report knows their title (``ScanReport.titles``), by id otherwise.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from dedupe.corpus.cluster import Cluster
from dedupe.corpus.copy_groups import CopyGroup
from dedupe.corpus.linkage import Link
from dedupe.corpus.scan import ScanReport

if TYPE_CHECKING:
    from dedupe.corpus.dossier import Dossier
from dedupe.report.layout import WIDTH, md_cell, md_table, shorten, wrap
from dedupe.report.serialize import SCHEMA_VERSION, csv_cell, to_data, to_json
from dedupe.report.words import SCAN_LEGEND, fact_kind, percent, relation_words, slot_words

SCAN_FORMATS = ("table", "json", "jsonl", "csv", "md")
SHOWN_MEMBERS = 6
"""Members listed per cluster in table and Markdown output before "… and N more"."""
SHOWN_SINGLES = 20
"""Articles alone in their event listed by id before "… and N more"."""

_PAIR_FIELDS = (
    "a", "b", "relation", "confidence", "event_score", "jaccard", "containment_a", "containment_b",
    "coverage_a", "coverage_b", "longest_passage_words", "channels", "inferred_from", "top_reason",
)  # fmt: skip


def render_scan(
    report: ScanReport,
    fmt: str,
    dossiers: Sequence[Dossier] = (),
    *,
    width: int = WIDTH,
    raw_csv: bool = False,
) -> str:
    """Render a scan report in one of ``SCAN_FORMATS``, with the event clusters' ``dossiers``
    (JSON: a ``dossiers`` array; JSONL: a ``dossier`` line each; table and Markdown: after
    the clusters; CSV lists pairs only); a table is ``width`` columns wide.

    CSV cells opening like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, tab, CR) get
    a leading ``'`` unless ``raw_csv`` (``serialize.csv_cell``).
    """
    if fmt == "json":
        if not dossiers:
            return to_json(report, kind="scan")
        document = {"schema_version": SCHEMA_VERSION, "kind": "scan", **to_data(report)}
        document["dossiers"] = [to_data(d) for d in dossiers]
        return json.dumps(document, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return _jsonl(report, dossiers)
    if fmt == "csv":
        return _csv(report.pairs, raw=raw_csv)
    text = _text(report, markdown=fmt == "md", width=width)
    if not dossiers:
        return text
    from dedupe.report.dossier import render_dossiers

    return "\n".join([text, *render_dossiers(dossiers, markdown=fmt == "md", width=width)])


def _jsonl(report: ScanReport, dossiers: Sequence[Dossier] = ()) -> str:
    header = to_data(replace(report, clusters=(), pairs=()))
    del header["clusters"], header["pairs"]
    lines = [{"schema_version": SCHEMA_VERSION, "kind": "scan", **header}]
    lines += [{"kind": "cluster", **to_data(c)} for c in report.clusters]
    lines += [{"kind": "pair", **to_data(p)} for p in report.pairs]
    lines += [{"kind": "dossier", **to_data(d)} for d in dossiers]
    return "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)


def _csv(pairs: Sequence[Link], *, raw: bool = False) -> str:
    cell = str if raw else csv_cell
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_PAIR_FIELDS)
    for pair in pairs:
        writer.writerow(
            [cell(pair.a), cell(pair.b), pair.relation.value, *(f"{v:.4f}" for v in _figures(pair)),
             pair.longest_passage_words, " ".join(pair.channels), cell(pair.inferred_from or ""),
             cell(pair.reasons[0].text if pair.reasons else "")]
        )  # fmt: skip
    return buffer.getvalue()


def _figures(pair: Link) -> tuple[float, ...]:
    return (pair.confidence, pair.event_score, pair.jaccard, pair.containment_a, pair.containment_b,
            pair.coverage_a, pair.coverage_b)  # fmt: skip


def _text(report: ScanReport, *, markdown: bool, width: int = WIDTH) -> str:
    if markdown:
        return _markdown(report)
    return _table(report, width)


def _summary(report: ScanReport) -> str:
    channels = ", ".join(f"{c.channel} {c.pairs}" for c in report.channels)
    return (
        f"{report.articles} articles, {report.exact_copies} exact copies, {len(report.copy_groups)} "
        f"copy groups ({sum(g.size for g in report.copy_groups)} articles), {report.candidates} "
        f"candidate pairs ({channels}), {report.compared} compared; pairs listed: "
        f"{relation_words(report.min_relation.value)} or stronger."
    )


def _table(report: ScanReport, width: int) -> str:
    """Clusters as blocks an editor reads top to bottom, ``width`` columns wide."""
    lines = [wrap(_summary(report), "", width), "", wrap(SCAN_LEGEND, "", width)]
    shown = [c for c in report.clusters if len(c.members) > 1]
    singles = [c for c in report.clusters if len(c.members) == 1]
    pairs_of = _pairs_by_cluster(report, shown)
    for cluster in shown:
        lines += ["", _cluster_heading(cluster)]
        lines.extend(_cluster_lines(cluster, pairs_of[cluster.id], width, report.titles))
    for group in report.copy_groups:
        lines += ["", _copy_heading(group, markdown=False)]
        lines.extend(_copy_lines(group, report.titles, markdown=False, width=width))
    if singles:
        lines += ["", f"{len(singles)} article(s) alone in their event:"]
        lines.extend(
            wrap(f"  {_named(report.titles, c.members[0])}", "  ", width) for c in singles[:SHOWN_SINGLES]
        )
        if len(singles) > SHOWN_SINGLES:
            lines.append(f"  … and {len(singles) - SHOWN_SINGLES} more")
    return "\n".join(lines)


def _markdown(report: ScanReport) -> str:
    """The scan as a Markdown document: headings, lists, tables and quoted blocks, never hard-wrapped."""
    lines = [f"# Scan of {report.articles} articles", "", _summary(report), "", f"*{SCAN_LEGEND}*"]
    shown = [c for c in report.clusters if len(c.members) > 1]
    singles = [c for c in report.clusters if len(c.members) == 1]
    pairs_of = _pairs_by_cluster(report, shown)
    for cluster in shown:
        lines += ["", f"## {_cluster_heading(cluster)}", ""]
        lines.append(f"- **Members ({len(cluster.members)}):**")
        lines.extend(
            f"  - {_named(report.titles, m, markdown=True, representative=cluster.representative)}"
            for m in cluster.members[:SHOWN_MEMBERS]
        )
        extra = len(cluster.members) - SHOWN_MEMBERS
        if extra > 0:
            lines.append(f"  - … and {extra} more")
        if cluster.dates:
            lines.append(f"- **Dates:** {md_cell(', '.join(cluster.dates))}")
        if cluster.entities:
            lines.append(f"- **Key names:** {md_cell(', '.join(cluster.entities))}")
        if cluster.quote_groups:
            lines.append(f"- **Quotations in several outlets:** {_quotes(cluster)}")
        for quote in cluster.quote_groups:
            if quote.consistency == "differs":
                lines += ["", f"> “{md_cell(' '.join(quote.text.split()))}”", ">",
                          f"> — {md_cell(quote.speaker)}, rendered differently:", ""]  # fmt: skip
                lines.extend(f"- {md_cell(d)}" for d in quote.differences)
        pairs = pairs_of[cluster.id]
        if pairs:
            rows = [[f"`{p.a}`", f"`{p.b}`", relation_words(p.relation.value), f"{p.confidence:.2f}",
                     f"{percent(p.coverage_a)} / {percent(p.coverage_b)}",
                     md_cell(p.reasons[0].text if p.reasons else "")] for p in pairs]  # fmt: skip
            lines += ["", "### Pairs", ""]
            lines.append(md_table(rows, ["A", "B", "relation", "confidence", "shared A / B", "main reason"]))
        flags = [(pf, f) for pf in cluster.facts for f in pf.flags]
        if flags:
            rows = [[slot_words(f.slot), fact_kind(f.kind), md_cell(f.a_value or "—"), f"`{pf.a_id}`",
                     md_cell(f.b_value or "—"), f"`{pf.b_id}`"] for pf, f in flags]  # fmt: skip
            lines += ["", "### Facts that differ", ""]
            lines.append(md_table(rows, ["what", "how", "A says", "A", "B says", "B"]))
    for group in report.copy_groups:
        lines += ["", _copy_heading(group, markdown=True), ""]
        lines.extend(_copy_lines(group, report.titles, markdown=True))
    if singles:
        lines += ["", f"## Alone in their event ({len(singles)})", ""]
        lines.extend(
            f"- {_named(report.titles, c.members[0], markdown=True)}" for c in singles[:SHOWN_SINGLES]
        )
        if len(singles) > SHOWN_SINGLES:
            lines.append(f"- … and {len(singles) - SHOWN_SINGLES} more")
    return "\n".join(lines)


def _copy_heading(group: CopyGroup, markdown: bool) -> str:
    when = (
        f", {group.earliest} to {group.latest}" if group.earliest and group.earliest != group.latest else ""
    )
    when = when or (f", {group.earliest}" if group.earliest else "")
    text = f"{group.id}: copies of one story, {group.size} articles{when}"
    return f"## {text}" if markdown else text


def _copy_lines(
    group: CopyGroup, titles: Mapping[str, str], *, markdown: bool, width: int = WIDTH
) -> list[str]:
    """The representative, then each copy (the first ``SHOWN_MEMBERS``) and how it differs."""
    if markdown:
        lines = [f"- **Representative:** {_named(titles, group.representative, markdown=True)}"]
        for member in group.members[:SHOWN_MEMBERS]:
            dated = f" ({member.published})" if member.published else ""
            lines.append(f"- `{member.id}`{dated}: {md_cell('; '.join(member.differences))}")
    else:
        lines = [wrap(f"  representative: {_named(titles, group.representative)}", "    ", width)]
        for member in group.members[:SHOWN_MEMBERS]:
            dated = f" ({member.published})" if member.published else ""
            lines.append(wrap(f"  {member.id}{dated}: {'; '.join(member.differences)}", "    ", width))
    more = len(group.members) - SHOWN_MEMBERS
    if more > 0:
        lines.append(
            f"- … and {more} more copies" if markdown else wrap(f"  … and {more} more copies", "    ", width)
        )
    return lines


def _pairs_by_cluster(report: ScanReport, shown: Sequence[Cluster]) -> dict[str, list[Link]]:
    """Each listed pair under the smallest cluster holding both its articles (a copy's pair with its
    representative is told in its copy group instead)."""
    found: dict[str, list[Link]] = {c.id: [] for c in shown}
    in_groups = {(m.link.a, m.link.b) for g in report.copy_groups for m in g.members}
    for pair in report.pairs:
        if (pair.a, pair.b) in in_groups:
            continue
        holding = [c for c in shown if pair.a in c.members and pair.b in c.members]
        if holding:
            found[min(holding, key=lambda c: len(c.members)).id].append(pair)
    return found


def _cluster_heading(cluster: Cluster) -> str:
    parent = f", inside {cluster.parent}" if cluster.parent else ""
    return f"{cluster.id}: {cluster.level}, {len(cluster.members)} articles{parent}"


def _cluster_lines(
    cluster: Cluster, pairs: Sequence[Link], width: int, titles: Mapping[str, str]
) -> list[str]:
    bullet, indent = "  ", "    "

    def _fill(text: str, indent: str) -> str:
        return wrap(text, indent, width)

    lines = [_fill(f"{bullet}members ({len(cluster.members)}):", indent)]
    lines.extend(
        _fill(f"{indent}{_named(titles, m, representative=cluster.representative)}", indent + "  ")
        for m in cluster.members[:SHOWN_MEMBERS]
    )
    if len(cluster.members) > SHOWN_MEMBERS:
        lines.append(f"{indent}… and {len(cluster.members) - SHOWN_MEMBERS} more")
    if cluster.dates:
        lines.append(_fill(f"{bullet}dates: {', '.join(cluster.dates)}", indent))
    if cluster.entities:
        lines.append(_fill(f"{bullet}key names: {', '.join(cluster.entities)}", indent))
    if cluster.quote_groups:
        lines.append(_fill(f"{bullet}quotations in several outlets: {_quotes(cluster)}", indent))
        for quote in cluster.quote_groups:
            if quote.consistency == "differs":
                lines.append(
                    _fill(f"{indent}{quote.speaker}: “{shorten(quote.text)}” — rendered differently", indent)
                )
                lines.extend(_fill(f"{indent}  {d}", indent + "  ") for d in quote.differences)
    for pair in pairs:
        reason = pair.reasons[0].text if pair.reasons else ""
        verdict = f"{relation_words(pair.relation.value)} (confidence {pair.confidence:.2f})"
        lines.append(_fill(f"{bullet}{pair.a} ~ {pair.b}: {verdict}; {reason}", indent))
    for flags in cluster.facts:
        for flag in flags.flags:
            values = f"“{flag.a_value or '—'}” ({flags.a_id}) vs “{flag.b_value or '—'}” ({flags.b_id})"
            what = f"{slot_words(flag.slot)}, {fact_kind(flag.kind)}"
            lines.append(_fill(f"{bullet}fact differs — {what}: {values}", indent))
    return lines


def _named(
    titles: Mapping[str, str], article: str, *, markdown: bool = False, representative: str | None = None
) -> str:
    """An article as "title (id)" when its title is known, its id alone otherwise; marked when it
    is the ``representative``."""
    shown = f"`{article}`" if markdown else article
    title = titles.get(article)
    if title:
        shown = f"{md_cell(title) if markdown else ' '.join(title.split())} ({shown})"
    return f"{shown} — representative" if article == representative else shown


def _quotes(cluster: Cluster) -> str:
    differing = sum(1 for q in cluster.quote_groups if q.consistency == "differs")
    return f"{len(cluster.quote_groups)} ({differing} rendered differently)"
