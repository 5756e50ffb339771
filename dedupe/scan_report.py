"""Render scan reports, index answers and index statistics as table, JSON, JSONL, CSV or Markdown.

JSON is one document (``kind: "scan"``) with ``clusters`` (each with ``members`` and
``level``) and ``pairs``. JSONL suits large scans: a ``scan`` header line, then one
line per cluster and one per pair. CSV lists the pairs, one row each. Table and
Markdown show multi-article clusters and the pairs; single-article event clusters
are counted, not listed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from tabulate import tabulate

from dedupe.cluster import Cluster, Link
from dedupe.scan import ScanReport
from dedupe.serialize import SCHEMA_VERSION, to_data, to_json
from dedupe.store import IndexStats, QueryResult

SCAN_FORMATS = ("table", "json", "jsonl", "csv", "md")
SHOWN_MEMBERS = 6
"""Members listed per cluster in table and Markdown output before "… and N more"."""

_PAIR_FIELDS = (
    "a", "b", "relation", "confidence", "event_score", "jaccard", "containment_a", "containment_b",
    "coverage_a", "coverage_b", "longest_passage_words", "channels", "inferred_from", "top_reason",
)  # fmt: skip


def render_scan(report: ScanReport, fmt: str) -> str:
    """Render a scan report in one of ``SCAN_FORMATS``."""
    if fmt == "json":
        return to_json(report, kind="scan")
    if fmt == "jsonl":
        return _jsonl(report)
    if fmt == "csv":
        return _csv(report.pairs)
    return _text(report, "github" if fmt == "md" else "simple", markdown=fmt == "md")


def _jsonl(report: ScanReport) -> str:
    header = to_data(report)
    del header["clusters"], header["pairs"]
    lines = [{"schema_version": SCHEMA_VERSION, "kind": "scan", **header}]
    lines += [{"kind": "cluster", **to_data(c)} for c in report.clusters]
    lines += [{"kind": "pair", **to_data(p)} for p in report.pairs]
    return "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)


def _csv(pairs: Sequence[Link]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_PAIR_FIELDS)
    for pair in pairs:
        writer.writerow(
            [pair.a, pair.b, pair.relation.value, *(f"{v:.4f}" for v in _figures(pair)),
             pair.longest_passage_words, " ".join(pair.channels), pair.inferred_from or "",
             pair.reasons[0].text if pair.reasons else ""]
        )  # fmt: skip
    return buffer.getvalue()


def _figures(pair: Link) -> tuple[float, ...]:
    return (pair.confidence, pair.event_score, pair.jaccard, pair.containment_a, pair.containment_b,
            pair.coverage_a, pair.coverage_b)  # fmt: skip


def _text(report: ScanReport, table_format: str, *, markdown: bool) -> str:
    heading = "## " if markdown else ""
    channels = ", ".join(f"{c.channel} {c.pairs}" for c in report.channels)
    summary = (
        f"{report.articles} articles, {report.exact_copies} exact copies, "
        f"{report.candidates} candidate pairs ({channels}), {report.compared} compared"
    )
    shown = [c for c in report.clusters if len(c.members) > 1]
    singles = sum(1 for c in report.clusters if len(c.members) == 1)
    parts = [f"{heading}Scan" if markdown else summary]
    if markdown:
        parts.append(summary)
    rows = [[c.id, c.level, len(c.members), _members(c), c.representative, ", ".join(c.entities[:4]),
             _quotes(c)] for c in shown]  # fmt: skip
    parts.append(f"{heading}Clusters ({len(shown)}; {singles} single-article event clusters not listed)")
    if rows:
        parts.append(tabulate(rows, ["cluster", "level", "size", "members", "representative", "entities",
                                     "quotes"], tablefmt=table_format))  # fmt: skip
    pair_rows = [[p.a, p.b, p.relation.value, f"{p.confidence:.2f}", f"{p.jaccard:.2f}",
                  p.reasons[0].text if p.reasons else ""] for p in report.pairs]  # fmt: skip
    parts.append(f"{heading}Pairs ({len(pair_rows)} at least {report.min_relation.value})")
    if pair_rows:
        parts.append(tabulate(pair_rows, ["a", "b", "relation", "confidence", "jaccard", "top reason"],
                              tablefmt=table_format))  # fmt: skip
    return "\n\n".join(parts)


def _members(cluster: Cluster) -> str:
    listed = ", ".join(cluster.members[:SHOWN_MEMBERS])
    extra = len(cluster.members) - SHOWN_MEMBERS
    return f"{listed} … and {extra} more" if extra > 0 else listed


def _quotes(cluster: Cluster) -> str:
    differing = sum(1 for q in cluster.quote_groups if q.consistency == "differs")
    return f"{len(cluster.quote_groups)} ({differing} differ)" if cluster.quote_groups else ""


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
