"""What `dedupe quotes` needs beyond parsing: its options, the audit run, the report format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dedupe.cli_support import Format, emit, library_errors, load_many, terminal_width
from dedupe.cli_support.progress import ProgressBar, plural

if TYPE_CHECKING:
    from dedupe.quotes.match import QuoteAudit

ArticlesArgument = Annotated[
    list[str], typer.Argument(metavar="PATH", help="Article files, folders, globs, or - for stdin.")
]
SpeakerOption = Annotated[
    str | None, typer.Option(metavar="NAME", help="Only quotations by this speaker (fuzzy).")
]
OnlyDifferencesOption = Annotated[
    bool, typer.Option("--only-differences", help="Only groups whose renderings differ.")
]
FailOnDifferenceOption = Annotated[
    bool,
    typer.Option(
        "--fail-on-difference", help="Exit 1 when any quotation is rendered differently by two outlets."
    ),
]


def render_quotes(audit: QuoteAudit, fmt: Format, *, width: int = 80) -> str:
    """Return the quote audit in ``fmt``: a page for html, else the audit renderer's text
    (a table ``width`` columns wide)."""
    if fmt is Format.html:
        from dedupe.report.html import render_quotes_html

        return render_quotes_html(audit)
    from dedupe.report.quotes import render_quote_audit

    return render_quote_audit(audit, fmt.value, width=width)


def run_quotes(
    paths: list[str],
    *,
    speaker: str | None,
    only_differences: bool,
    fmt: Format,
    out: Path | None,
    skip_bad: bool,
    max_chars: int,
    bar: ProgressBar,
) -> QuoteAudit:
    """Audit the quotations of ``paths``, write the report and return the audit (for the exit code).

    Progress and the closing summary go to ``bar``.
    """
    from dedupe.quotes.match import audit_quotes

    with library_errors():
        articles = load_many(paths, skip_bad=skip_bad, max_chars=max_chars)
        try:
            audit = audit_quotes(articles, speaker=speaker, only_differences=only_differences, progress=bar)
        finally:
            bar.close()
        emit(render_quotes(audit, fmt, width=terminal_width(out)), out, fmt.value)
    groups = plural(audit.group_count, "statement")
    bar.summary(f"Audited {len(articles)} articles: {plural(audit.quote_count, 'quotation')} of {groups}")
    return audit
