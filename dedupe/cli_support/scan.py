"""What `dedupe scan` needs beyond parsing: its options, which engine runs it, where its report goes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dedupe.cli_support import MAX_CHARS, FailOn, check_out, emit, fail, terminal_width
from dedupe.cli_support.progress import ProgressBar, plural
from dedupe.errors import InputError
from dedupe.models import Article
from dedupe.pair.verdict import Relation

if TYPE_CHECKING:
    from dedupe.corpus.dossier import Dossier
    from dedupe.corpus.scan import ScanReport

_FAIL_LEVEL = {"duplicate": "duplicate", "reuse": "reuse", "same_event": "event"}


class PairsMode(StrEnum):
    """Which pairs a scan report lists (``dedupe.corpus.copy_groups.PAIRS_MODES``)."""

    compared = "compared"
    all = "all"
    none = "none"


class Dossiers(StrEnum):
    """When a scan writes a sources dossier per multi-article event."""

    auto = "auto"
    on = "on"
    off = "off"


def dossiers_wanted(choice: Dossiers, fmt: ScanFormat) -> bool:
    """Auto: dossiers where a person reads the report (table, Markdown, HTML), not in JSON/JSONL/CSV."""
    if choice is Dossiers.auto:
        return fmt in (ScanFormat.table, ScanFormat.md, ScanFormat.html)
    return choice is Dossiers.on


class ScanFormat(StrEnum):
    """Formats of a scan report."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    md = "md"
    html = "html"


class Engine(StrEnum):
    """Where `scan` runs: in this process (and --jobs workers) or on Apache Spark."""

    local = "local"
    spark = "spark"


MAX_PAIR_PAGES = 200
"""Side-by-side pages an HTML scan writes by default (``--pair-pages``)."""

PathsArgument = Annotated[
    list[str] | None, typer.Argument(metavar="PATH", help="Files, folders, globs or JSONL dumps.")
]
ScanDbOption = Annotated[
    Path | None, typer.Option("--db", metavar="FILE", help="Add PATHs to this index and scan all of it.")
]
ScanFormatOption = Annotated[ScanFormat, typer.Option("--format", "-f", help="Report format.")]
MinRelationOption = Annotated[
    Relation, typer.Option("--min-relation", help="Weakest relation of the pairs listed.")
]
PairsOption = Annotated[
    PairsMode,
    typer.Option(
        "--pairs",
        help="Pairs listed: those compared (a copy with its copy group's representative, "
        "and between groups), all (also every pair inferred for copies), or none.",
    ),
]
FailOnGroupOption = Annotated[
    FailOn | None, typer.Option("--fail-on", help="Exit 1 when a group at least this strong is found.")
]
EngineOption = Annotated[
    Engine, typer.Option("--engine", help="Run here, or on Apache Spark (the spark extra and Java 17+).")
]
SparkMasterOption = Annotated[str, typer.Option("--spark-master", metavar="URL", help="Spark master URL.")]
PairPagesOption = Annotated[
    int,
    typer.Option(
        "--pair-pages",
        min=0,
        metavar="N",
        help="With --format html --out: write side-by-side pages for the first N pairs listed.",
    ),
]
DossiersOption = Annotated[
    Dossiers,
    typer.Option(
        "--dossiers",
        help="A sources dossier per multi-article event: auto (in table, md and html with --out, "
        "not in the machine formats, which large scans use), on or off. Dossiers keep the "
        "articles in memory and add about two thirds to a scan's time.",
    ),
]
CsvRawOption = Annotated[
    bool, typer.Option("--csv-raw", help="CSV cells as they are, formulas included (no leading ').")
]


def check_scan_options(paths: list[str], db: Path | None, engine: Engine, fmt: ScanFormat) -> None:
    """Refuse option combinations a scan cannot run (exit 2)."""
    if not paths and db is None:
        fail("give PATH… to scan, or --db FILE to scan an index")
    if engine is Engine.spark and db is not None:
        fail("--engine spark scans PATHs, not an index (--db)")
    if engine is Engine.spark and fmt is ScanFormat.html and "-" in paths:
        fail("-: --engine spark --format html reads its input twice, which stdin cannot give; use a file")


def run_scan(
    paths: list[str],
    *,
    db: Path | None,
    engine: Engine,
    spark_master: str,
    min_relation: Relation,
    jobs: int | None,
    bar: ProgressBar,
    keep: bool,
    skip_bad: bool = False,
    problems: list[InputError] | None = None,
    max_chars: int = MAX_CHARS,
) -> tuple[ScanReport, dict[str, Article]]:
    """Scan on the chosen engine; with ``keep``, also return the articles read, by id."""
    from dedupe.corpus.index import Index
    from dedupe.corpus.scan import scan as scan_corpus
    from dedupe.corpus.workers import default_jobs
    from dedupe.ingest.read import iter_articles

    jobs = jobs or default_jobs()
    articles: Iterable[Article] = iter_articles(
        paths, skip_bad=skip_bad, problems=problems, max_chars=max_chars
    )
    kept: dict[str, Article] = {}
    if keep:  # the page shows each member's title and outlet
        kept = {a.id: a for a in articles}
        articles = iter(kept.values())
    if engine is Engine.spark:
        from dedupe.corpus.spark import scan_spark

        # With ``keep`` the articles were read here already, and their problems reported.
        report = scan_spark(
            paths,
            min_relation=min_relation,
            master=spark_master,
            max_chars=max_chars,
            skip_bad=skip_bad,
            problems=[] if keep else problems,
            progress=bar,
        )
    elif db is None:
        report = scan_corpus(articles, min_relation=min_relation, jobs=jobs, progress=bar)
    else:
        with Index(db, create=bool(paths)) as index:
            report = scan_corpus(articles, index=index, min_relation=min_relation, jobs=jobs, progress=bar)
    bar.close()
    clusters = plural(sum(1 for c in report.clusters if len(c.members) > 1), "cluster")
    bar.summary(f"Scanned {report.articles} articles: {report.compared} pairs compared, {clusters}")
    return report, kept


def emit_scan(
    report: ScanReport,
    fmt: ScanFormat,
    kept: dict[str, Article],
    db: Path | None,
    out: Path | None,
    *,
    pair_pages: int,
    dossiers: bool = False,
    raw_csv: bool = False,
) -> None:
    """Write a scan report; as HTML, one page to stdout or up to ``pair_pages`` pair pages beside ``out``.

    With ``dossiers``, each multi-article event cluster gets its dossier: in the report (text,
    Markdown, JSON, JSONL), or as a page beside ``out`` linked from the overview (HTML).
    """
    wanted = dossiers and fmt is not ScanFormat.csv and (fmt is not ScanFormat.html or out is not None)
    articles: Mapping[str, Article] = kept
    if db is not None and (wanted or fmt is ScanFormat.html):
        articles = _indexed(db)
    found: tuple[Dossier, ...] = ()
    if wanted:
        from dedupe.corpus.dossier import scan_dossiers

        found = scan_dossiers(report, articles)
    if fmt is not ScanFormat.html:
        from dedupe.report.scan import render_scan

        emit(
            render_scan(report, fmt.value, found, width=terminal_width(out), raw_csv=raw_csv), out, fmt.value
        )
        return
    if out is None:
        from dedupe.report.html import render_scan_html

        emit(render_scan_html(report, articles=articles, pair_pages_limit=0), None, "html")
        return
    from dedupe.report.html_site import write_scan_site

    check_out(out)
    try:
        write_scan_site(report, articles, out, max_pair_pages=pair_pages, dossiers=found)
    except OSError as error:
        fail(f"{out}: cannot write ({error.strerror})")


def _indexed(db: Path) -> dict[str, Article]:
    from dedupe.corpus.index import Index

    with Index(db, create=False) as index:
        return {article.id: article for article in index.articles()}


def scan_fails(report: ScanReport, fail_on: FailOn | None) -> bool:
    """Return whether the scan found a group at least as strong as ``--fail-on``."""
    return fail_on is not None and any(
        c.level == _FAIL_LEVEL[fail_on.value] and len(c.members) > 1 for c in report.clusters
    )
