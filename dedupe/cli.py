"""The `dedupe` command: a thin typer layer over the library.

Only this module and ``cli_support`` print, read options and pick exit codes: 0 ran
fine, 1 a `--fail-on…` condition was met, 2 usage or input error (``Error: <file>:
<problem>``). Data goes to stdout, diagnostics to stderr.
"""

from __future__ import annotations

from typing import Annotated

import typer

from dedupe import __version__
from dedupe.cli_index import index_app
from dedupe.cli_support import (
    MAX_CHARS,
    FactsFormat,
    FailOn,
    Format,
    FormatOption,
    HelpCommand,
    JobsOption,
    MaxCharsOption,
    OutOption,
    QuietOption,
    SkipBadOption,
    at_least,
    check_out,
    emit,
    internal_error,
    library_errors,
    load_many,
    load_one,
    progress,
    render_quotes,
    set_debug,
    skipped_inputs,
)
from dedupe.cli_support.scan import (
    MAX_PAIR_PAGES,
    CsvRawOption,
    Dossiers,
    DossiersOption,
    Engine,
    EngineOption,
    FailOnGroupOption,
    MinRelationOption,
    PairPagesOption,
    PairsMode,
    PairsOption,
    PathsArgument,
    ScanDbOption,
    ScanFormat,
    ScanFormatOption,
    SparkMasterOption,
    check_scan_options,
    dossiers_wanted,
    emit_scan,
    run_scan,
    scan_fails,
)
from dedupe.pair.verdict import Relation

app = typer.Typer(
    name="dedupe",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: nothing truncated or boxed at 80 columns
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
    """Find overlapping news reports of the same event and show where outlets differ.

    Compare two articles, scan a corpus, audit quotations and facts; every command
    has --help with an example. Reports go to stdout (--out FILE to write one),
    messages to stderr.

    \b
    Examples:
      dedupe compare fixtures/seeds/001_*.txt fixtures/seeds/004_*.txt
      dedupe scan fixtures/seeds --format md --out scan.md
      dedupe quotes fixtures/seeds --only-differences
    """
    set_debug(debug)


@app.command(cls=HelpCommand, short_help="Compare two articles: verdict, shared passages, quotations, facts.")
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

    \b
    Example:
      dedupe compare fixtures/seeds/001_*.txt fixtures/seeds/004_*.txt
    """
    from dedupe.pair.compare import compare as compare_articles
    from dedupe.report.pair import render_pair

    with library_errors():
        a, b = load_one(first, max_chars), load_one(second, max_chars)
        report = compare_articles(a, b)
        emit(render_pair(report, fmt.value, a, b), out, fmt.value)
    if at_least(report.relation, fail_on):
        raise typer.Exit(1)


@app.command(cls=HelpCommand, short_help="Scan a corpus: duplicate, reuse and event groups with their pairs.")
def scan(
    paths: PathsArgument = None,
    db: ScanDbOption = None,
    fmt: ScanFormatOption = ScanFormat.table,
    out: OutOption = None,
    min_relation: MinRelationOption = Relation.SAME_EVENT,
    pairs: PairsOption = PairsMode.compared,
    fail_on: FailOnGroupOption = None,
    jobs: JobsOption = None,
    quiet: QuietOption = False,
    engine: EngineOption = Engine.local,
    spark_master: SparkMasterOption = "local[2]",
    pair_pages: PairPagesOption = MAX_PAIR_PAGES,
    dossiers: DossiersOption = Dossiers.auto,
    skip_bad: SkipBadOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
    raw_csv: CsvRawOption = False,
) -> None:
    """Scan a corpus: duplicate groups, reuse groups and event clusters, with the pairs inside.

    With --format html --out FILE, a side-by-side page of each listed pair (up to
    --pair-pages, which the overview states) is written to FILE's stem + ".pairs/", and a
    dossier page per event cluster to FILE's stem + ".dossiers/", all linked from the overview.

    \b
    Example:
      dedupe scan fixtures/seeds --format json
    """
    from dedupe.corpus.scan import with_pairs

    check_scan_options(paths or [], db, engine, fmt)
    check_out(out)
    bar = progress(quiet)
    with_dossiers = dossiers_wanted(dossiers, fmt)
    with library_errors(), skipped_inputs() as problems:
        report, kept = run_scan(
            paths or [], db=db, engine=engine, spark_master=spark_master, min_relation=min_relation,
            jobs=jobs, bar=bar, keep=fmt is ScanFormat.html or (with_dossiers and db is None),
            skip_bad=skip_bad, problems=problems, max_chars=max_chars,
        )  # fmt: skip
        emit_scan(
            with_pairs(report, pairs.value), fmt, kept, db, out,
            pair_pages=pair_pages, dossiers=with_dossiers, raw_csv=raw_csv,
        )  # fmt: skip
    if scan_fails(report, fail_on):
        raise typer.Exit(1)


app.add_typer(index_app, name="index")


@app.command(cls=HelpCommand)
def quotes(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Article files, folders, globs, or - for stdin.")
    ],
    speaker: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only quotations by this speaker (fuzzy).")
    ] = None,
    only_differences: Annotated[
        bool, typer.Option("--only-differences", help="Only groups whose renderings differ.")
    ] = False,
    fmt: FormatOption = Format.table,
    out: OutOption = None,
    fail_on_difference: Annotated[
        bool,
        typer.Option(
            "--fail-on-difference", help="Exit 1 when any quotation is rendered differently by two outlets."
        ),
    ] = False,
    skip_bad: SkipBadOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Audit quotations: who said what, and how each outlet rendered it.

    \b
    Example:
      dedupe quotes fixtures/seeds --speaker Patrushev --only-differences
    """
    from dedupe.quotes.match import audit_quotes

    with library_errors():
        articles = load_many(paths, skip_bad=skip_bad, max_chars=max_chars)
        audit = audit_quotes(articles, speaker=speaker, only_differences=only_differences)
        emit(render_quotes(audit, fmt), out, fmt.value)
    if fail_on_difference and audit.differing_groups:
        raise typer.Exit(1)


@app.command(cls=HelpCommand, short_help="List facts that differ between reports of the same event.")
def facts(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Article files, folders, globs, or - for stdin.")
    ],
    fmt: Annotated[FactsFormat, typer.Option("--format", "-f", help="Report format.")] = FactsFormat.table,
    out: OutOption = None,
    fail_on_conflict: Annotated[
        bool,
        typer.Option(
            "--fail-on-conflict",
            help="Exit 1 when reports of one event disagree on a fact (beyond spelling).",
        ),
    ] = False,
    skip_bad: SkipBadOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """List facts that differ (places, dates, people, numbers) between reports of the same event.

    \b
    Example:
      dedupe facts fixtures/seeds --fail-on-conflict
    """
    from dedupe.corpus.fact_audit import audit_facts
    from dedupe.report.facts import render_fact_audit

    with library_errors():
        audit = audit_facts(load_many(paths, skip_bad=skip_bad, max_chars=max_chars))
        emit(render_fact_audit(audit, fmt.value), out, fmt.value)
    if fail_on_conflict and audit.conflicts:
        raise typer.Exit(1)


@app.command(cls=HelpCommand, short_help="Compare the sources of one event: who says what, who copied whom.")
def sources(
    paths: Annotated[
        list[str], typer.Argument(metavar="PATH", help="Reports of one event: files, folders, globs, or -.")
    ],
    fmt: FormatOption = Format.table,
    out: OutOption = None,
    fail_on_conflict: Annotated[
        bool,
        typer.Option(
            "--fail-on-conflict", help="Exit 1 when the sources disagree on a fact (beyond spelling)."
        ),
    ] = False,
    skip_bad: SkipBadOption = False,
) -> None:
    """Compare the sources of one event: facts and statements by source, who copied whom, what each adds.

    Example: dedupe sources fixtures/seeds/00[014]_*.txt --format html --out event.html
    """
    from dedupe.corpus.dossier import dossier
    from dedupe.report.dossier import render_dossier

    with library_errors():
        found = dossier(load_many(paths, skip_bad=skip_bad))
        emit(render_dossier(found, fmt.value), out)
    if fail_on_conflict and found.conflicts:
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
