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
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from dedupe import __version__
from dedupe.errors import DedupeError

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
    from dedupe.serialize import write_atomic

    try:
        write_atomic(out, content if content.endswith("\n") else content + "\n")
    except OSError as error:
        fail(f"{out}: cannot write ({error.strerror})")


def main() -> None:
    """Entry point of the installed `dedupe` script."""
    app()
