"""The `dedupe` command: a thin typer layer over the library.

Only this module and ``cli_support`` print, read options and pick exit codes: 0 ran
fine, 1 a `--fail-on…` condition was met, 2 usage or input error (``Error: <file>:
<problem>``). Data goes to stdout, diagnostics to stderr.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dedupe import __version__
from dedupe.cli_index import index_app
from dedupe.cli_support import (
    MAX_CHARS,
    Engine,
    FailOn,
    Format,
    FormatOption,
    JobsOption,
    MaxCharsOption,
    OutOption,
    QuietOption,
    ScanFormat,
    SkipBadOption,
    at_least,
    check_scan_options,
    emit,
    emit_scan,
    fail,
    internal_error,
    library_errors,
    load_many,
    load_one,
    progress,
    render_quotes,
    run_scan,
    scan_fails,
    set_debug,
    skipped_inputs,
)
from dedupe.pair.verdict import Relation

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
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
) -> None:
    """Compare two articles, scan a corpus, or audit quotations."""
    set_debug(debug)


@app.command()
def compare(
    first: Annotated[
        str, typer.Argument(metavar="A", help="First article: .txt/.md/.html/.json file or - for stdin.")
    ],
    second: Annotated[str, typer.Argument(metavar="B", help="Second article.")],
    fmt: FormatOption = Format.table,
    out: OutOption = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Exit 1 when the relation is at least this strong.")
    ] = None,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Compare two articles: verdict with reasons, shared passages, quotations, facts that differ.

    Example: dedupe compare fixtures/seeds/001_50899f19e1fbd510.txt fixtures/seeds/004_6b7b728a0a1fe40e.txt
    """
    from dedupe.pair.compare import compare as compare_articles
    from dedupe.report.pair import render_pair

    with library_errors():
        a, b = load_one(first, max_chars), load_one(second, max_chars)
        report = compare_articles(a, b)
        emit(render_pair(report, fmt.value, a, b), out, fmt.value)
    if at_least(report.relation, fail_on):
        raise typer.Exit(1)


@app.command()
def scan(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders, globs or JSONL dumps.")] = None,
    db: Annotated[
        Path | None, typer.Option("--db", help="Add PATHs to this index and scan all of it.")
    ] = None,
    fmt: Annotated[ScanFormat, typer.Option("--format", "-f", help="Report format.")] = ScanFormat.table,
    out: OutOption = None,
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
    skip_bad: SkipBadOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
    raw_csv: Annotated[
        bool, typer.Option("--csv-raw", help="CSV cells as they are, formulas included (no leading ').")
    ] = False,
) -> None:
    """Scan a corpus: duplicate groups, reuse groups and event clusters, with the pairs inside.

    With --format html --out FILE, a side-by-side page of each listed pair is written to
    FILE's stem + ".pairs/" and linked from the overview.

    Example: dedupe scan fixtures/seeds --format json
    """
    check_scan_options(paths or [], db, engine, fmt)
    bar = progress(quiet)
    with library_errors(), skipped_inputs() as problems:
        report, kept = run_scan(
            paths or [], db=db, engine=engine, spark_master=spark_master, min_relation=min_relation,
            jobs=jobs, bar=bar, keep=fmt is ScanFormat.html, skip_bad=skip_bad, problems=problems,
            max_chars=max_chars,
        )  # fmt: skip
        emit_scan(report, fmt, kept, db, out, raw_csv=raw_csv)
    if scan_fails(report, fail_on):
        raise typer.Exit(1)


app.add_typer(index_app, name="index")


@app.command()
def quotes(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders, globs, or - for stdin.")],
    speaker: Annotated[str | None, typer.Option(help="Only quotations by this speaker (fuzzy).")] = None,
    only_differences: Annotated[bool, typer.Option(help="Only groups whose renderings differ.")] = False,
    fmt: FormatOption = Format.table,
    out: OutOption = None,
    fail_on_difference: Annotated[
        bool, typer.Option(help="Exit 1 when any quotation is rendered differently by two outlets.")
    ] = False,
    skip_bad: SkipBadOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Audit quotations: who said what, and how each outlet rendered it.

    Example: dedupe quotes fixtures/seeds --speaker Patrushev --only-differences
    """
    from dedupe.quotes.match import audit_quotes

    with library_errors():
        articles = load_many(paths, skip_bad=skip_bad, max_chars=max_chars)
        audit = audit_quotes(articles, speaker=speaker, only_differences=only_differences)
        emit(render_quotes(audit, fmt), out, fmt.value)
    if fail_on_difference and audit.differing_groups:
        raise typer.Exit(1)


@app.command()
def facts(
    paths: Annotated[list[str], typer.Argument(help="Article files, folders, globs, or - for stdin.")],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="Report format (table, json, md).")
    ] = Format.table,
    out: OutOption = None,
    fail_on_conflict: Annotated[
        bool, typer.Option(help="Exit 1 when reports of one event disagree on a fact (beyond spelling).")
    ] = False,
    skip_bad: SkipBadOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """List facts that differ (places, dates, people, numbers) between reports of the same event.

    Example: dedupe facts fixtures/seeds --fail-on-conflict
    """
    from dedupe.corpus.fact_audit import audit_facts
    from dedupe.report.facts import render_fact_audit

    if fmt is Format.html:
        fail("facts: --format html is not available; use table, json or md")
    with library_errors():
        audit = audit_facts(load_many(paths, skip_bad=skip_bad, max_chars=max_chars))
        emit(render_fact_audit(audit, fmt.value), out, fmt.value)
    if fail_on_conflict and audit.conflicts:
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the installed `dedupe` script."""
    from dedupe.gc_tuning import tune

    tune()
    try:
        app()
    except Exception as error:  # raised outside a command's own handling (option parsing, callbacks)
        try:
            internal_error(error)
        except typer.Exit as exit_:
            raise SystemExit(exit_.exit_code) from None
