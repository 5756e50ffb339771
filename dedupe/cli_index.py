"""`dedupe index add|query|stats|remove`: the typer commands of the persistent SQLite index."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dedupe.cli_support import (
    MAX_CHARS,
    DbOption,
    FailOn,
    HelpCommand,
    IndexFormat,
    JobsOption,
    MaxCharsOption,
    QuietOption,
    SkipBadOption,
    emit,
    library_errors,
    load_one,
    query_fails,
    skipped_inputs,
    terminal_width,
)
from dedupe.cli_support.progress import progress
from dedupe.models import Article

index_app = typer.Typer(
    help="""A persistent SQLite index: add articles, ask whether a story was seen before.

    \b
    Example:
      dedupe index add fixtures/seeds --db news.db
      dedupe index query fixtures/seeds/004_*.txt --db news.db
    """,
    short_help="A persistent SQLite index: has this story been seen before?",
    no_args_is_help=True,
)


def _name(article: Article | None) -> str:
    """An article as a reader knows it: outlet and title, where the index has them."""
    if article is None:
        return ""
    return " · ".join(x for x in (article.outlet, article.title) if x)


@index_app.command("add", cls=HelpCommand, short_help="Add articles to the index (created if missing).")
def index_add(
    paths: Annotated[list[str], typer.Argument(metavar="PATH", help="Files, folders, globs or JSONL dumps.")],
    db: DbOption,
    quiet: QuietOption = False,
    jobs: JobsOption = None,
    skip_bad: SkipBadOption = False,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Add articles to the index (created if missing); re-adding an article changes nothing.

    \b
    Example:
      dedupe index add fixtures/seeds --db news.db
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


@index_app.command("query", cls=HelpCommand, short_help="Have we seen this story before?")
def index_query(
    article: Annotated[
        str, typer.Argument(metavar="ARTICLE", help="The article to look up: a file or - for stdin.")
    ],
    db: DbOption,
    fmt: Annotated[IndexFormat, typer.Option("--format", "-f", help="Answer format.")] = IndexFormat.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", metavar="FILE", help="Write the answer here (atomically).")
    ] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Exit 1 when a match is at least this strong.")
    ] = None,
    max_chars: MaxCharsOption = MAX_CHARS,
) -> None:
    """Have we seen this story before? Stored articles related to ARTICLE, strongest first.

    \b
    Example:
      dedupe index query fixtures/seeds/004_*.txt --db news.db
    """
    from dedupe.corpus.index import Index
    from dedupe.report.index import render_query

    with library_errors(), Index(db, create=False, read_only=True) as index:
        result = index.query(load_one(article, max_chars))
        names = {m.b: _name(index.get(m.b)) for m in result.matches}
        answer = render_query(result, fmt.value, width=terminal_width(out), names=names)
        emit(answer, out, fmt.value)
    if query_fails(result, fail_on):
        raise typer.Exit(1)


@index_app.command("stats", cls=HelpCommand)
def index_stats(
    db: DbOption,
    fmt: Annotated[IndexFormat, typer.Option("--format", "-f", help="Answer format.")] = IndexFormat.table,
) -> None:
    """Show what the index holds and its size on disk.

    \b
    Example:
      dedupe index stats --db news.db
    """
    from dedupe.corpus.index import Index
    from dedupe.report.index import render_stats

    with library_errors(), Index(db, create=False, read_only=True) as index:
        emit(render_stats(index.stats(), fmt.value), None, fmt.value)


@index_app.command("remove", cls=HelpCommand)
def index_remove(
    ids: Annotated[
        list[str],
        typer.Argument(metavar="ID", help="Full ids of the articles to remove (as index query shows them)."),
    ],
    db: DbOption,
) -> None:
    """Remove articles from the index by id.

    \b
    Example:
      dedupe index remove 004_6b7b728a0a1fe40e --db news.db
    """
    from dedupe.corpus.index import Index

    with library_errors(), Index(db, create=False) as index:
        missing = [i for i in dict.fromkeys(ids) if i not in index]
        removed = index.remove(ids)
        emit(f"{db}: removed {removed} of {len(ids)}", None)
        if missing:
            typer.echo(f"Not in the index: {', '.join(missing)}", err=True)
