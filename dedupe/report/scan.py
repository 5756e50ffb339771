"""Render scan reports, index answers and index statistics as table, JSON, JSONL, CSV or Markdown.

JSON is one document (``kind: "scan"``) with ``clusters`` (each with ``members`` and
``level``) and ``pairs``. JSONL suits large scans: a ``scan`` header line, then one
line per cluster and one per pair. CSV lists the pairs, one row each. Table and
Markdown show each multi-article cluster as a block (members, dates, key names,
quotations, its pairs with their top reason, facts that differ); articles alone in
their event are listed by id.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Sequence
from dataclasses import replace

from tabulate import tabulate

from dedupe.corpus.cluster import Cluster, Link
from dedupe.corpus.records import IndexStats, QueryResult
from dedupe.corpus.scan import ScanReport
from dedupe.report.serialize import SCHEMA_VERSION, csv_cell, to_data, to_json

SCAN_FORMATS = ("table", "json", "jsonl", "csv", "md")
SHOWN_MEMBERS = 6
"""Members listed per cluster in table and Markdown output before "… and N more"."""
SHOWN_SINGLES = 20
"""Articles alone in their event listed by id before "… and N more"."""
WIDTH = 80

_PAIR_FIELDS = (
    "a", "b", "relation", "confidence", "event_score", "jaccard", "containment_a", "containment_b",
    "coverage_a", "coverage_b", "longest_passage_words", "channels", "inferred_from", "top_reason",
)  # fmt: skip


def render_scan(report: ScanReport, fmt: str, *, raw_csv: bool = False) -> str:
    """Render a scan report in one of ``SCAN_FORMATS``.

    CSV cells opening like a spreadsheet formula (``=``, ``+``, ``-``, ``@``, tab, CR) get
    a leading ``'`` unless ``raw_csv`` (``serialize.csv_cell``).
    """
    if fmt == "json":
        return to_json(report, kind="scan")
    if fmt == "jsonl":
        return _jsonl(report)
    if fmt == "csv":
        return _csv(report.pairs, raw=raw_csv)
    return _text(report, markdown=fmt == "md")


def _jsonl(report: ScanReport) -> str:
    header = to_data(replace(report, clusters=(), pairs=()))
    del header["clusters"], header["pairs"]
    lines = [{"schema_version": SCHEMA_VERSION, "kind": "scan", **header}]
    lines += [{"kind": "cluster", **to_data(c)} for c in report.clusters]
    lines += [{"kind": "pair", **to_data(p)} for p in report.pairs]
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


def _text(report: ScanReport, *, markdown: bool) -> str:
    """Clusters as blocks an editor reads top to bottom, 80 columns wide (Markdown: lists)."""
    channels = ", ".join(f"{c.channel} {c.pairs}" for c in report.channels)
    lines = [f"# Scan of {report.articles} articles", ""] if markdown else []
    lines.append(
        _fill(
            f"{report.articles} articles, {report.exact_copies} exact copies, {report.candidates} "
            f"candidate pairs ({channels}), {report.compared} compared; pairs listed: at least "
            f"{report.min_relation.value}",
            "",
        )
    )
    shown = [c for c in report.clusters if len(c.members) > 1]
    singles = [c for c in report.clusters if len(c.members) == 1]
    pairs_of = _pairs_by_cluster(report, shown)
    for cluster in shown:
        lines += ["", _cluster_heading(cluster, markdown)]
        lines.extend(_cluster_lines(cluster, pairs_of[cluster.id], markdown))
    if singles:
        listed = ", ".join(c.members[0] for c in singles[:SHOWN_SINGLES])
        more = f" … and {len(singles) - SHOWN_SINGLES} more" if len(singles) > SHOWN_SINGLES else ""
        lines += ["", _fill(f"{len(singles)} article(s) alone in their event: {listed}{more}", "")]
    return "\n".join(lines)


def _pairs_by_cluster(report: ScanReport, shown: Sequence[Cluster]) -> dict[str, list[Link]]:
    """Each listed pair under the smallest cluster holding both its articles."""
    found: dict[str, list[Link]] = {c.id: [] for c in shown}
    for pair in report.pairs:
        holding = [c for c in shown if pair.a in c.members and pair.b in c.members]
        if holding:
            found[min(holding, key=lambda c: len(c.members)).id].append(pair)
    return found


def _cluster_heading(cluster: Cluster, markdown: bool) -> str:
    parent = f", inside {cluster.parent}" if cluster.parent else ""
    text = f"{cluster.id}: {cluster.level}, {len(cluster.members)} articles{parent}"
    return f"## {text}" if markdown else text


def _cluster_lines(cluster: Cluster, pairs: Sequence[Link], markdown: bool) -> list[str]:
    bullet, indent = ("- ", "  ") if markdown else ("  ", "    ")
    lines = [
        _fill(f"{bullet}members: {_members(cluster)} (representative {cluster.representative})", indent),
    ]
    if cluster.dates:
        lines.append(_fill(f"{bullet}dates: {', '.join(cluster.dates)}", indent))
    if cluster.entities:
        lines.append(_fill(f"{bullet}key names: {', '.join(cluster.entities)}", indent))
    if cluster.quote_groups:
        lines.append(_fill(f"{bullet}quotations in several outlets: {_quotes(cluster)}", indent))
        for quote in cluster.quote_groups:
            if quote.consistency == "differs":
                lines.append(
                    _fill(f"{indent}{quote.speaker}: “{_short(quote.text)}” — rendered differently", indent)
                )
    for pair in pairs:
        reason = pair.reasons[0].text if pair.reasons else ""
        verdict = f"{pair.relation.value} ({pair.confidence:.2f})"
        lines.append(_fill(f"{bullet}{pair.a} ~ {pair.b}: {verdict}; {reason}", indent))
    for flags in cluster.facts:
        for flag in flags.flags:
            values = f"“{flag.a_value or '—'}” ({flags.a_id}) vs “{flag.b_value or '—'}” ({flags.b_id})"
            lines.append(_fill(f"{bullet}fact differs — {flag.slot}, {flag.kind}: {values}", indent))
    return lines


def _short(text: str, limit: int = 70) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1].rsplit(" ", 1)[0] + " …"


def _fill(text: str, indent: str) -> str:
    """Wrap ``text`` (which may start with a bullet) to WIDTH, continuing under ``indent``."""
    lead = text[: len(text) - len(text.lstrip())]
    return textwrap.fill(" ".join(text.split()), WIDTH, initial_indent=lead, subsequent_indent=indent + "  ")


def _members(cluster: Cluster) -> str:
    listed = ", ".join(cluster.members[:SHOWN_MEMBERS])
    extra = len(cluster.members) - SHOWN_MEMBERS
    return f"{listed} … and {extra} more" if extra > 0 else listed


def _quotes(cluster: Cluster) -> str:
    differing = sum(1 for q in cluster.quote_groups if q.consistency == "differs")
    return f"{len(cluster.quote_groups)} ({differing} rendered differently)"


def render_query(result: QueryResult, fmt: str) -> str:
    """Render an index query answer as a table, JSON or Markdown."""
    if fmt == "json":
        return to_json(result, kind="index_query")
    seen = "already in the index" if result.indexed else "not in the index"
    lines = [f"{result.article}: {seen}; {result.candidates} candidates, {len(result.matches)} related"]
    rows = [[m.b, m.relation.value, f"{m.confidence:.2f}", f"{m.jaccard:.2f}",
             m.reasons[0].text if m.reasons else ""] for m in result.matches]  # fmt: skip
    if rows:
        table_format = "github" if fmt == "md" else "simple"
        lines.append(tabulate(rows, ["match", "relation", "confidence", "jaccard", "top reason"],
                              tablefmt=table_format))  # fmt: skip
    return "\n\n".join(lines)


def render_stats(stats: IndexStats, fmt: str) -> str:
    """Render index statistics as a table or JSON."""
    if fmt == "json":
        return to_json(stats, kind="index_stats")
    rows = [
        ["path", stats.path],
        ["schema version", stats.schema_version],
        ["articles", stats.articles],
        ["band rows", stats.band_rows],
        ["size on disk", f"{stats.bytes_total:,} bytes"],
        ["articles and records", f"{stats.bytes_articles:,} bytes"],
        ["LSH (bands, content hashes)",
         f"{stats.bytes_lsh:,} bytes ({stats.lsh_bytes_per_article:.0f} per article)"],
        ["signatures", f"{stats.spec.num_perm} x {stats.spec.scheme}, seed {stats.spec.seed}, "
                       f"{stats.spec.shingle_size}-word shingles, datasketch {stats.spec.datasketch}"],
    ]  # fmt: skip
    table: str = tabulate(rows, tablefmt="plain")
    return table
