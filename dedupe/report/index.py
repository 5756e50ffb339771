"""Render index answers: what a query found among the stored articles, and the index's statistics."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from tabulate import tabulate

from dedupe.corpus.records import IndexStats, QueryResult
from dedupe.report.layout import WIDTH, md_cell, md_table, shorten, wrap
from dedupe.report.serialize import to_json
from dedupe.report.words import SCAN_LEGEND, percent, relation_words


def render_query(
    result: QueryResult, fmt: str, *, width: int = WIDTH, names: Mapping[str, str] | None = None
) -> str:
    """Render an index query answer as "table" (``width`` columns), "json", "md" or "csv".

    ``names`` gives a stored article's outlet and title by id, shown beside its full id
    (the id is what ``dedupe index remove`` takes).
    """
    if fmt == "json":
        return to_json(result, kind="index_query")
    names = names or {}
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["article", "match", "name", "relation", "confidence", "coverage_a", "coverage_b",
                         "jaccard", "top_reason"])  # fmt: skip
        for m in result.matches:
            s = m.figures
            writer.writerow([result.article, m.b, names.get(m.b, ""), m.relation.value, f"{m.confidence:.4f}",
                             f"{s.coverage_a:.4f}", f"{s.coverage_b:.4f}", f"{s.jaccard:.4f}",
                             m.reasons[0].text if m.reasons else ""])  # fmt: skip
        return buffer.getvalue()
    seen = "already in the index" if result.indexed else "not in the index"
    summary = (
        f"{result.article}: {seen}; compared with {result.candidates} stored, {len(result.matches)} related"
    )
    headers = ["stored article", "relation", "confidence", "shared", "main reason"]
    if fmt == "md":
        lines = [f"# Seen before? {md_cell(result.article)}", "", md_cell(summary), "", f"*{SCAN_LEGEND}*"]
        rows = [[f"`{m.b}`" + (f"<br>{md_cell(names[m.b])}" if m.b in names else ""),
                 relation_words(m.relation.value), f"{m.confidence:.2f}",
                 f"{percent(m.figures.coverage_a)} / {percent(m.figures.coverage_b)}",
                 md_cell(m.reasons[0].text if m.reasons else "")] for m in result.matches]  # fmt: skip
        if rows:
            lines += ["", md_table(rows, headers)]
        return "\n".join(lines)
    lines = [wrap(summary, "", width)]
    if result.matches:
        first = max(24, *(len(m.b) for m in result.matches))
        rows = [["\n".join([m.b, shorten(names[m.b], first)] if names.get(m.b) else [m.b]),
                 relation_words(m.relation.value), f"{m.confidence:.2f}",
                 f"{percent(m.figures.coverage_a)}/{percent(m.figures.coverage_b)}",
                 m.reasons[0].text if m.reasons else ""] for m in result.matches]  # fmt: skip
        table = ""
        for reason in range(max(12, width - first - 37), 11, -1):  # narrow the reasons until it fits
            table = tabulate(rows, headers, tablefmt="simple", disable_numparse=True,
                             maxcolwidths=[None, 10, 10, 9, reason])  # fmt: skip
            if max(len(line) for line in table.splitlines()) <= width:
                break
        lines += ["", table, "", wrap(SCAN_LEGEND, "", width)]
    return "\n".join(lines)


def render_stats(stats: IndexStats, fmt: str) -> str:
    """Render index statistics as "table", "json", "md" or "csv"."""
    if fmt == "json":
        return to_json(stats, kind="index_stats")
    rows = [
        ["path", stats.path],
        ["schema version", str(stats.schema_version)],
        ["articles", str(stats.articles)],
        ["band rows", str(stats.band_rows)],
        ["copy groups", f"{stats.copy_groups} ({stats.grouped_articles} articles, copies without band rows)"],
        ["size on disk", f"{stats.bytes_total:,} bytes"],
        ["articles and records", f"{stats.bytes_articles:,} bytes"],
        ["LSH (bands, content hashes)",
         f"{stats.bytes_lsh:,} bytes ({stats.lsh_bytes_per_article:.0f} per article)"],
        ["signatures", f"{stats.spec.num_perm} x {stats.spec.scheme}, seed {stats.spec.seed}, "
                       f"{stats.spec.shingle_size}-word shingles, datasketch {stats.spec.datasketch}"],
    ]  # fmt: skip
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["field", "value"])
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "md":
        return f"# Index {md_cell(stats.path)}\n\n" + md_table(
            [[k, md_cell(v)] for k, v in rows], ["", "value"]
        )
    table: str = tabulate(rows, tablefmt="plain", disable_numparse=True)
    return table
