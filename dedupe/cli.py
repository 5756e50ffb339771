"""The `dedupe` command: a thin typer layer over the library.

Only this module prints, reads options and picks exit codes: 0 ran fine, 1 a
`--fail-on…` condition was met, 2 usage or input error (``Error: <file>: <problem>``).
Data goes to stdout, diagnostics to stderr.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from dedupe import __version__
from dedupe.errors import DedupeError, InputError
from dedupe.models import Article
from dedupe.pair.verdict import Relation

if TYPE_CHECKING:
    from collections.abc import Mapping

    from dedupe.corpus.scan import ScanReport

app = typer.Typer(
    name="dedupe",
    help="Find overlapping news reports of the same event and show precisely where outlets differ.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dedupe {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Compare two articles, scan a corpus, or audit quotations."""


def fail(message: str) -> NoReturn:
    """Print ``Error: message`` on stderr and exit 2 (usage or input error)."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(2)


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn library errors into one-line messages and input warnings into stderr notes."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        except DedupeError as error:
            fail(str(error))
        finally:
            for warning in caught:
                typer.echo(f"Warning: {warning.message}", err=True)


def emit(content: str, out: Path | None) -> None:
    """Write a report to ``out`` atomically, or to stdout."""
    if out is None:
        sys.stdout.write(content if content.endswith("\n") else content + "\n")
        return
    from dedupe.report.serialize import write_atomic

    try:
        write_atomic(out, content if content.endswith("\n") else content + "\n")
    except OSError as error:
        fail(f"{out}: cannot write ({error.strerror})")


class Format(StrEnum):
    """Report formats every command accepts (html where a page makes sense)."""

    table = "table"
    json = "json"
    md = "md"
    html = "html"


class FailOn(StrEnum):
    """Relations that `compare --fail-on` can turn into exit code 1."""

    duplicate = "duplicate"
    reuse = "reuse"
    same_event = "same_event"


def load_one(path: str) -> Article:
    """Load exactly one article from ``path`` (a file or "-")."""
    from dedupe.ingest.read import load_file

    articles = load_file(path)
    if len(articles) != 1:
        fail(f"{path}: holds {len(articles)} articles; compare takes one article per file")
    return articles[0]


@app.command()
def compare(
    first: Annotated[
        str, typer.Argument(metavar="A", help="First article: .txt/.md/.html/.json file or - for stdin.")
    ],
    second: Annotated[str, typer.Argument(metavar="B", help="Second article.")],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the report here (atomically).")
    ] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Exit 1 when the relation is at least this strong.")
    ] = None,
) -> None:
    """Compare two articles: verdict with reasons, shared passages, quotations, facts that differ.

    Example: dedupe compare fixtures/seeds/001_50899f19e1fbd510.txt fixtures/seeds/004_6b7b728a0a1fe40e.txt
    """
    from dedupe.pair.compare import compare as compare_articles
    from dedupe.report.pair import render_pair

    with library_errors():
        a, b = load_one(first), load_one(second)
        report = compare_articles(a, b)
        emit(render_pair(report, fmt.value, a, b), out)
    if fail_on is not None and report.relation.strength >= Relation(fail_on.value).strength:
        raise typer.Exit(1)


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


class IndexFormat(StrEnum):
    """Formats of `index query` and `index stats` answers."""

    table = "table"
    json = "json"
    md = "md"


_FAIL_LEVEL = {"duplicate": "duplicate", "reuse": "reuse", "same_event": "event"}
DbOption = Annotated[Path, typer.Option("--db", help="The SQLite index file.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar on stderr.")]
JobsOption = Annotated[
    int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per CPU core).")
]


class _ProgressBar:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._last = 0.0

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        import time

        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.1 and done != total):
            return
        self._last = now
        if total:
            filled = 30 * done // total
            line = f"{stage:8} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}"
        else:
            line = f"{stage:8} {done}"
        sys.stderr.write(f"\r{line}\x1b[K")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self._last:
            sys.stderr.write("\r\x1b[K")


def _progress(quiet: bool) -> _ProgressBar:
    return _ProgressBar(not quiet and sys.stderr.isatty())


@app.command()
def scan(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders, globs or JSONL dumps.")] = None,
    db: Annotated[
        Path | None, typer.Option("--db", help="Add PATHs to this index and scan all of it.")
    ] = None,
    fmt: Annotated[ScanFormat, typer.Option("--format", "-f", help="Report format.")] = ScanFormat.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the report here (atomically).")
    ] = None,
    min_relation: Annotated[
        Relation, typer.Option("--min-relation", help="Weakest relation of the pairs listed.")
    ] = Relation.SAME_EVENT,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Exit 1 when a group at least this strong is found.")
    ] = None,
    jobs: JobsOption = None,
    quiet: QuietOption = False,
    engine: Annotated[
        Engine, typer.Option("--engine", help="Run here, or on Apache Spark (the spark extra and Java 17+).")
    ] = Engine.local,
    spark_master: Annotated[str, typer.Option("--spark-master", help="Spark master URL.")] = "local[2]",
) -> None:
    """Scan a corpus: duplicate groups, reuse groups and event clusters, with the pairs inside.

    With --format html --out FILE, a side-by-side page of each listed pair is written to
    FILE's stem + ".pairs/" and linked from the overview.

    Example: dedupe scan fixtures/seeds --format json
    """
    from dedupe.corpus.index import Index
    from dedupe.corpus.scan import scan as scan_corpus
    from dedupe.corpus.workers import default_jobs
    from dedupe.ingest.read import iter_articles
    from dedupe.report.scan import render_scan

    jobs = jobs or default_jobs()
    if not paths and db is None:
        fail("give PATH… to scan, or --db FILE to scan an index")
    if engine is Engine.spark and db is not None:
        fail("--engine spark scans PATHs, not an index (--db)")
    if engine is Engine.spark and fmt is ScanFormat.html and "-" in (paths or []):
        fail("-: --engine spark --format html reads its input twice, which stdin cannot give; use a file")
    bar = _progress(quiet)
    with library_errors():
        articles = iter_articles(paths or [])
        kept: dict[str, Article] = {}
        if fmt is ScanFormat.html:  # the page shows each member's title and outlet
            kept = {a.id: a for a in articles}
            articles = iter(kept.values())
        if engine is Engine.spark:
            from dedupe.corpus.spark import scan_spark

            report = scan_spark(paths or [], min_relation=min_relation, master=spark_master)
        elif db is None:
            report = scan_corpus(articles, min_relation=min_relation, jobs=jobs, progress=bar)
        else:
            with Index(db, create=bool(paths)) as index:
                report = scan_corpus(
                    articles, index=index, min_relation=min_relation, jobs=jobs, progress=bar
                )
        bar.close()
        if fmt is ScanFormat.html:
            _emit_scan_html(report, kept if db is None else _indexed(db), out)
        else:
            emit(render_scan(report, fmt.value), out)
    if fail_on is not None and any(
        c.level == _FAIL_LEVEL[fail_on.value] and len(c.members) > 1 for c in report.clusters
    ):
        raise typer.Exit(1)


def _indexed(db: Path) -> dict[str, Article]:
    from dedupe.corpus.index import Index

    with Index(db, create=False) as index:
        return {article.id: article for article in index.articles()}


def _emit_scan_html(report: ScanReport, articles: Mapping[str, Article], out: Path | None) -> None:
    if out is None:
        from dedupe.report.html import render_scan_html

        emit(render_scan_html(report, articles=articles), None)
        return
    from dedupe.report.html_site import write_scan_site

    write_scan_site(report, articles, out)


index_app = typer.Typer(
    help="A persistent SQLite index: add articles, ask whether a story was seen before.", no_args_is_help=True
)
app.add_typer(index_app, name="index")


@index_app.command("add")
def index_add(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs or JSONL dumps.")],
    db: DbOption,
    quiet: QuietOption = False,
    jobs: JobsOption = None,
) -> None:
    """Add articles to the index (created if missing); re-adding an article changes nothing.

    Example: dedupe index add fixtures/seeds --db news.db
    """
    from dedupe.corpus.index import Index
    from dedupe.corpus.workers import default_jobs
    from dedupe.ingest.read import iter_articles

    bar = _progress(quiet)
    with library_errors(), Index(db) as index:
        summary = index.add(
            iter_articles(paths), progress=lambda done: bar("add", done, None), jobs=jobs or default_jobs()
        )
        bar.close()
        emit(f"{db}: added {summary.added}, unchanged {summary.unchanged}, replaced {summary.replaced}", None)


@index_app.command("query")
def index_query(
    article: Annotated[str, typer.Argument(help="The article to look up: a file or - for stdin.")],
    db: DbOption,
    fmt: Annotated[IndexFormat, typer.Option("--format", "-f", help="Answer format.")] = IndexFormat.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the answer here (atomically).")
    ] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Exit 1 when a match is at least this strong.")
    ] = None,
) -> None:
    """Have we seen this story before? Stored articles related to ARTICLE, strongest first.

    Example: dedupe index query fixtures/seeds/004_6b7b728a0a1fe40e.txt --db news.db
    """
    from dedupe.corpus.index import Index
    from dedupe.report.scan import render_query

    with library_errors(), Index(db, create=False) as index:
        result = index.query(load_one(article))
        emit(render_query(result, fmt.value), out)
    if fail_on is not None and any(
        m.relation.strength >= Relation(fail_on.value).strength for m in result.matches
    ):
        raise typer.Exit(1)


@index_app.command("stats")
def index_stats(
    db: DbOption,
    fmt: Annotated[IndexFormat, typer.Option("--format", "-f", help="Answer format.")] = IndexFormat.table,
) -> None:
    """Show what the index holds and its size on disk.

    Example: dedupe index stats --db news.db
    """
    from dedupe.corpus.index import Index
    from dedupe.report.scan import render_stats

    with library_errors(), Index(db, create=False) as index:
        emit(render_stats(index.stats(), fmt.value), None)


@index_app.command("remove")
def index_remove(
    ids: Annotated[list[str], typer.Argument(help="Ids of the articles to remove.")],
    db: DbOption,
) -> None:
    """Remove articles from the index by id.

    Example: dedupe index remove 004_6b7b728a0a1fe40e --db news.db
    """
    from dedupe.corpus.index import Index

    with library_errors(), Index(db, create=False) as index:
        removed = index.remove(ids)
        emit(f"{db}: removed {removed} of {len(ids)}", None)


@app.command()
def quotes(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders, globs, or - for stdin.")],
    speaker: Annotated[str | None, typer.Option(help="Only quotations by this speaker (fuzzy).")] = None,
    only_differences: Annotated[bool, typer.Option(help="Only groups whose renderings differ.")] = False,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Report format.")] = Format.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the report here (atomically).")
    ] = None,
    fail_on_difference: Annotated[
        bool, typer.Option(help="Exit 1 when any quotation is rendered differently by two outlets.")
    ] = False,
    skip_bad: Annotated[
        bool, typer.Option(help="Report and skip unreadable inputs instead of stopping.")
    ] = False,
) -> None:
    """Audit quotations: who said what, and how each outlet rendered it.

    Example: dedupe quotes fixtures/seeds --speaker Patrushev --only-differences
    """
    from dedupe.quotes.match import audit_quotes
    from dedupe.report.quotes import render_quote_audit

    with library_errors():
        articles = load_many(paths, skip_bad=skip_bad)
        audit = audit_quotes(articles, speaker=speaker, only_differences=only_differences)
        if fmt is Format.html:
            from dedupe.report.html import render_quotes_html

            emit(render_quotes_html(audit), out)
        else:
            emit(render_quote_audit(audit, fmt.value), out)
    if fail_on_difference and audit.differing_groups:
        raise typer.Exit(1)


@app.command()
def facts(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders, globs, or - for stdin.")],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Report format (table, json, md).")
    ] = Format.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the report here (atomically).")
    ] = None,
    fail_on_conflict: Annotated[
        bool, typer.Option(help="Exit 1 when reports of one event disagree on a fact (beyond spelling).")
    ] = False,
    skip_bad: Annotated[
        bool, typer.Option(help="Report and skip unreadable inputs instead of stopping.")
    ] = False,
) -> None:
    """List facts that differ (places, dates, people, numbers) between reports of the same event.

    Example: dedupe facts fixtures/seeds --fail-on-conflict
    """
    from dedupe.corpus.fact_audit import audit_facts
    from dedupe.report.facts import render_fact_audit

    if fmt is Format.html:
        fail("facts: --format html is not available; use table, json or md")
    with library_errors():
        audit = audit_facts(load_many(paths, skip_bad=skip_bad))
        emit(render_fact_audit(audit, fmt.value), out)
    if fail_on_conflict and audit.conflicts:
        raise typer.Exit(1)


def load_many(paths: list[str], *, skip_bad: bool) -> list[Article]:
    """Load every article of ``paths``; with ``skip_bad`` report bad inputs on stderr and go on."""
    from dedupe.ingest.read import load_articles

    problems: list[InputError] = []
    articles = load_articles(paths, skip_bad=skip_bad, problems=problems)
    for problem in problems:
        typer.echo(f"Skipped: {problem}", err=True)
    if not articles:
        fail(f"{' '.join(paths)}: no articles to read")
    return articles


def main() -> None:
    """Entry point of the installed `dedupe` script."""
    from dedupe.gc_tuning import tune

    tune()
    app()
