"""`dedupe index add|query|stats|remove`: the typer commands of the persistent SQLite index."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dedupe.cli_support import (
    MAX_CHARS,
    DbOption,
    FailOn,
    IndexFormat,
    JobsOption,
    MaxCharsOption,
    QuietOption,
    SkipBadOption,
    emit,
    library_errors,
    load_one,
    progress,
    query_fails,
    skipped_inputs,
)

index_app = typer.Typer(
    help="A persistent SQLite index: add articles, ask whether a story was seen before.", no_args_is_help=True
)


@index_app.command("add")
def index_add(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs or JSONL dumps.")],
    db: DbOption,
    quiet: QuietOption = False,
    jobs: JobsOption = None,
    skip_bad: SkipBadOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Add articles to the index (created if missing); re-adding an article changes nothing.

    Example: dedupe index add fixtures/seeds --db news.db
    """
    from dedupe.corpus.index import Index
    from dedupe.corpus.workers import default_jobs
    from dedupe.ingest.read import iter_articles

    bar = progress(quiet)
    with library_errors(), skipped_inputs() as problems, Index(db) as index:
        articles = iter_articles(paths, skip_bad=skip_bad, problems=problems, max_chars=max_chars)
        summary = index.add(
            articles, progress=lambda done: bar("add", done, None), jobs=jobs or default_jobs()
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
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Have we seen this story before? Stored articles related to ARTICLE, strongest first.

    Example: dedupe index query fixtures/seeds/004_6b7b728a0a1fe40e.txt --db news.db
    """
    from dedupe.corpus.index import Index
    from dedupe.report.scan import render_query

    with library_errors(), Index(db, create=False, read_only=True) as index:
        result = index.query(load_one(article, max_chars))
        emit(render_query(result, fmt.value), out, fmt.value)
    if query_fails(result, fail_on):
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

    with library_errors(), Index(db, create=False, read_only=True) as index:
        emit(render_stats(index.stats(), fmt.value), None, fmt.value)


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
