"""What `dedupe compare` needs beyond parsing: its arguments, its options and the comparison run."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dedupe.cli_support import FailOn, Format, emit, library_errors, load_one, terminal_width

if TYPE_CHECKING:
    from dedupe.pair.compare import PairReport

FirstArgument = Annotated[
    str, typer.Argument(metavar="A", help="First article: .txt/.md/.html/.json file or - for stdin.")
]
SecondArgument = Annotated[str, typer.Argument(metavar="B", help="Second article.")]
FailOnRelationOption = Annotated[
    FailOn | None, typer.Option("--fail-on", help="Exit 1 when the relation is at least this strong.")
]


def run_compare(first: str, second: str, *, fmt: Format, out: Path | None, max_chars: int) -> PairReport:
    """Compare two articles, write the report and return it (for the exit code)."""
    from dedupe.pair.compare import compare as compare_articles
    from dedupe.report.pair import render_pair

    with library_errors():
        a, b = load_one(first, max_chars), load_one(second, max_chars)
        report = compare_articles(a, b)
        emit(render_pair(report, fmt.value, a, b, width=terminal_width(out)), out, fmt.value)
    return report
