"""What the `dedupe` command needs beyond parsing options: formats, loading, output, exit codes.

``cli`` stays a thin typer layer; this package holds the rest of the command side: the
option enums, turning library errors into ``Error: …`` lines (exit 2), writing reports
atomically, the stderr progress and summary, and which results map to exit code 1. What `dedupe
scan` alone needs (its options, which engine runs it, where an HTML scan goes) is in
``cli_support.scan``. The library itself never prints or exits.

Exit codes: 0 ran, 1 a ``--fail-on…`` condition met (never anything else), 2 usage or
input error, ``INTERNAL_ERROR`` a bug (one line naming the file being read; the traceback
with ``--debug``), 130 interrupted.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperArgument, TyperCommand

from dedupe.errors import DedupeError, InputError
from dedupe.models import Article
from dedupe.pair.verdict import Relation
from dedupe.settings import DEFAULT_SETTINGS

if TYPE_CHECKING:
    from typer import _click as click

    from dedupe.corpus.records import QueryResult


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


class IndexFormat(StrEnum):
    """Formats of `index query` and `index stats` answers."""

    table = "table"
    json = "json"
    md = "md"
    csv = "csv"


class FactsFormat(StrEnum):
    """Formats of `facts`: a page per pair is what `compare --format html` gives."""

    table = "table"
    json = "json"
    md = "md"


DbOption = Annotated[Path, typer.Option("--db", metavar="FILE", help="The SQLite index file.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")]
JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, metavar="N", help="Worker processes (default: one per CPU core)."),
]
OutOption = Annotated[
    Path | None, typer.Option("--out", "-o", metavar="FILE", help="Write the report here (atomically).")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Report format.")]
SkipBadOption = Annotated[
    bool, typer.Option("--skip-bad", help="Report and skip unreadable inputs instead of stopping.")
]

MaxCharsOption = Annotated[
    int,
    typer.Option("--max-chars", min=1, help="Refuse (or with --skip-bad skip) articles longer than this."),
]
MAX_CHARS = DEFAULT_SETTINGS.max_article_chars
INTERNAL_ERROR = 70
"""Exit code of an unexpected failure (a bug): BSD's EX_SOFTWARE, apart from 1 and 2."""
INTERRUPTED = 130
"""Exit code after Ctrl-C, as shells give for SIGINT."""
DISTRIBUTION = "dedupe-news"
"""The installed distribution whose metadata names where to report bugs."""
_ISSUES_LABELS = frozenset({"issues", "issue tracker", "bug tracker", "bugs"})
_debug = [False]


def set_debug(on: bool) -> None:
    """Show full tracebacks of internal errors (``--debug``)."""
    _debug[0] = on


def _version(value: bool) -> None:
    if value:
        from dedupe import __version__

        typer.echo(f"dedupe {__version__}")
        raise typer.Exit()


VersionOption = Annotated[
    bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")]


class _PlainArgument(TyperArgument):
    """An argument shown as its metavar alone: ``PATH...`` in usage and help, no ``{A}``, no ``<str>``."""

    def display_type_rich(self, ctx: click.Context) -> str | None:
        return None

    def get_usage_pieces(self, ctx: click.Context) -> list[str]:
        name = self.metavar or self.display_name_raw.upper()
        name = name if self.required else f"[{name}]"
        return [f"{name}..." if self.nargs != 1 and not name.endswith("...") else name]


class HelpCommand(TyperCommand):
    """A command whose help reads well at 80 columns: arguments by their metavar alone."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _PlainArgument


def fail(message: str) -> NoReturn:
    """Print ``Error: message`` on stderr and exit 2 (usage or input error)."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(2)


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn library errors into one-line messages and input warnings into stderr notes.

    ``DedupeError`` exits 2; Ctrl-C exits ``INTERRUPTED``; anything else is a bug: one
    line naming the file being read and where to report it, exit ``INTERNAL_ERROR``.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        except typer.Exit:
            raise
        except DedupeError as error:
            fail(str(error))
        except KeyboardInterrupt:
            typer.echo("Interrupted.", err=True)
            raise typer.Exit(INTERRUPTED) from None
        except Exception as error:
            internal_error(error)
        finally:
            for warning in caught:
                typer.echo(f"Warning: {warning.message}", err=True)


def terminal_width(out: Path | None = None) -> int:
    """Columns of a table report: the terminal's (``COLUMNS`` first), 80 when piped or to a file."""
    import os
    import shutil

    if out is not None:
        return 80
    if "COLUMNS" not in os.environ and not sys.stdout.isatty():
        return 80
    return max(60, min(200, shutil.get_terminal_size((80, 24)).columns))


def check_out(out: Path | None) -> None:
    """Refuse an ``--out`` whose folder does not exist (exit 2): never create folders silently."""
    if out is not None and not out.parent.is_dir():
        fail(f"{out}: no such directory: {out.parent}")


def issues_url() -> str | None:
    """Return where to report bugs: the "Issues" URL of pyproject's ``[project.urls]``, if set.

    Read from the installed package's metadata, so pyproject.toml is the one place to set it.
    """
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        entries = metadata(DISTRIBUTION).get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in entries:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in _ISSUES_LABELS and url.strip():
            return url.strip()
    return None


def internal_error(error: BaseException) -> NoReturn:
    """Report an unexpected failure in one line (the traceback too with ``--debug``) and exit."""
    from dedupe.ingest.read import current_source

    if _debug[0]:
        import traceback

        traceback.print_exception(error, file=sys.stderr)
    source = current_source() or "-"
    kind = type(error).__name__
    url = issues_url()
    where = f"at {url}" if url else f"to the maintainers of {DISTRIBUTION}"
    typer.echo(
        f"Error: {source}: internal error ({kind}: {error}); please report it {where} "
        "with the output of the same command run with --debug",
        err=True,
    )
    raise typer.Exit(INTERNAL_ERROR)


def emit(content: str, out: Path | None, fmt: str = "table") -> None:
    """Write a report to ``out`` atomically, or to stdout.

    Text reports (table, md) show control and bidi characters as escapes, so an article
    cannot drive the terminal; Markdown shows inline HTML as text. JSON, CSV and HTML are
    escaped by their own renderers.
    """
    from dedupe.report.serialize import markdown_safe, visible

    if fmt == "table":
        content = visible(content)
    elif fmt == "md":
        content = visible(markdown_safe(content))
    if out is None:
        sys.stdout.write(content if content.endswith("\n") else content + "\n")
        return
    check_out(out)
    from dedupe.report.serialize import write_atomic

    try:
        write_atomic(out, content if content.endswith("\n") else content + "\n")
    except OSError as error:
        fail(f"{out}: cannot write ({error.strerror})")


def load_one(path: str, max_chars: int = MAX_CHARS) -> Article:
    """Load exactly one article from ``path`` (a file or "-")."""
    from dedupe.ingest.read import load_file

    articles = load_file(path, max_chars=max_chars)
    if len(articles) != 1:
        fail(f"{path}: holds {len(articles)} articles; compare takes one article per file")
    return articles[0]


def load_many(paths: list[str], *, skip_bad: bool, max_chars: int = MAX_CHARS) -> list[Article]:
    """Load every article of ``paths``; with ``skip_bad`` report bad inputs on stderr and go on."""
    from dedupe.ingest.read import load_articles

    problems: list[InputError] = []
    articles = load_articles(paths, skip_bad=skip_bad, problems=problems, max_chars=max_chars)
    report_skipped(problems)
    if not articles:
        fail(f"{' '.join(paths)}: no articles to read")
    return articles


def report_skipped(problems: list[InputError]) -> None:
    """Print each input ``--skip-bad`` skipped on stderr, and forget it."""
    for problem in problems:
        typer.echo(f"Skipped: {problem}", err=True)
    problems.clear()


@contextmanager
def skipped_inputs() -> Iterator[list[InputError]]:
    """Yield a list that reading fills with skipped inputs; print them at the end, whatever happens."""
    problems: list[InputError] = []
    try:
        yield problems
    finally:
        report_skipped(problems)


def at_least(relation: Relation, fail_on: FailOn | None) -> bool:
    """Return whether ``--fail-on`` is given and ``relation`` is at least that strong."""
    return fail_on is not None and relation.strength >= Relation(fail_on.value).strength


def query_fails(result: QueryResult, fail_on: FailOn | None) -> bool:
    """Return whether a stored match is at least as strong as ``--fail-on``."""
    return any(at_least(m.relation, fail_on) for m in result.matches)
