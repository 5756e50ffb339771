"""What `dedupe sources` needs beyond parsing: its options and the dossier run."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dedupe.cli_support import Format, emit, library_errors, load_many, terminal_width

if TYPE_CHECKING:
    from dedupe.corpus.dossier import Dossier

EventReportsArgument = Annotated[
    list[str], typer.Argument(metavar="PATH", help="Reports of one event: files, folders, globs, or -.")
]
FailOnSourceConflictOption = Annotated[
    bool,
    typer.Option("--fail-on-conflict", help="Exit 1 when the sources disagree on a fact (beyond spelling)."),
]


def run_sources(
    paths: list[str], *, fmt: Format, out: Path | None, skip_bad: bool, max_chars: int
) -> Dossier:
    """Build the dossier of ``paths``, write the report and return it (for the exit code)."""
    from dedupe.corpus.dossier import dossier
    from dedupe.report.dossier import render_dossier

    with library_errors():
        found = dossier(load_many(paths, skip_bad=skip_bad, max_chars=max_chars))
        emit(render_dossier(found, fmt.value, width=terminal_width(out)), out, fmt.value)
    return found
