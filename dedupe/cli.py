"""The `dedupe` command: a thin typer layer over the library.

Only this module and ``cli_support`` print, read options and pick exit codes: 0 ran
fine, 1 a `--fail-on…` condition was met, 2 usage or input error (``Error: <file>:
<problem>``). Data goes to stdout, diagnostics to stderr.
"""

from __future__ import annotations

import typer

from dedupe.cli_index import index_app
from dedupe.cli_support import (
    MAX_CHARS,
    DebugOption,
    FactsFormat,
    Format,
    FormatOption,
    HelpCommand,
    JobsOption,
    MaxCharsOption,
    OutOption,
    QuietOption,
    SkipBadOption,
    VersionOption,
    at_least,
    check_out,
    internal_error,
    library_errors,
    set_debug,
    skipped_inputs,
)
from dedupe.cli_support.compare import FailOnRelationOption, FirstArgument, SecondArgument, run_compare
from dedupe.cli_support.facts import FactsFormatOption, FailOnConflictOption, run_facts
from dedupe.cli_support.progress import progress
from dedupe.cli_support.quotes import (
    ArticlesArgument,
    FailOnDifferenceOption,
    OnlyDifferencesOption,
    SpeakerOption,
    run_quotes,
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
from dedupe.cli_support.sources import EventReportsArgument, FailOnSourceConflictOption, run_sources
from dedupe.pair.verdict import Relation

app = typer.Typer(
    name="dedupe",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: nothing truncated or boxed at 80 columns
)


@app.callback()
def _root(
    version: VersionOption = False,
    debug: DebugOption = False,
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
    first: FirstArgument,
    second: SecondArgument,
    fmt: FormatOption = Format.table,
    out: OutOption = None,
    fail_on: FailOnRelationOption = None,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Compare two articles: verdict with reasons, shared passages, quotations, facts that differ.

    \b
    Example:
      dedupe compare fixtures/seeds/001_*.txt fixtures/seeds/004_*.txt
    """
    report = run_compare(first, second, fmt=fmt, out=out, max_chars=max_chars)
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
    paths: ArticlesArgument,
    speaker: SpeakerOption = None,
    only_differences: OnlyDifferencesOption = False,
    fmt: FormatOption = Format.table,
    out: OutOption = None,
    fail_on_difference: FailOnDifferenceOption = False,
    skip_bad: SkipBadOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
    quiet: QuietOption = False,
) -> None:
    """Audit quotations: who said what, and how each outlet rendered it.

    \b
    Example:
      dedupe quotes fixtures/seeds --speaker Patrushev --only-differences
    """
    audit = run_quotes(
        paths, speaker=speaker, only_differences=only_differences, fmt=fmt, out=out,
        skip_bad=skip_bad, max_chars=max_chars, bar=progress(quiet),
    )  # fmt: skip
    if fail_on_difference and audit.differing_groups:
        raise typer.Exit(1)


@app.command(cls=HelpCommand, short_help="List facts that differ between reports of the same event.")
def facts(
    paths: ArticlesArgument,
    fmt: FactsFormatOption = FactsFormat.table,
    out: OutOption = None,
    fail_on_conflict: FailOnConflictOption = False,
    skip_bad: SkipBadOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
    quiet: QuietOption = False,
) -> None:
    """List facts that differ (places, dates, people, numbers) between reports of the same event.

    \b
    Example:
      dedupe facts fixtures/seeds --fail-on-conflict
    """
    audit = run_facts(paths, fmt=fmt, out=out, skip_bad=skip_bad, max_chars=max_chars, bar=progress(quiet))
    if fail_on_conflict and audit.conflicts:
        raise typer.Exit(1)


@app.command(cls=HelpCommand, short_help="Compare the sources of one event: who says what, who copied whom.")
def sources(
    paths: EventReportsArgument,
    fmt: FormatOption = Format.table,
    out: OutOption = None,
    fail_on_conflict: FailOnSourceConflictOption = False,
    skip_bad: SkipBadOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Compare the sources of one event: facts and statements by source, who copied whom, what each adds.

    Example: dedupe sources fixtures/seeds/00[014]_*.txt --format html --out event.html
    """
    found = run_sources(paths, fmt=fmt, out=out, skip_bad=skip_bad, max_chars=max_chars)
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
