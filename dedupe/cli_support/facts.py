"""What `dedupe facts` needs beyond parsing: its options and the audit run."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from dedupe.cli_support import FactsFormat, emit, library_errors, load_many, terminal_width
from dedupe.cli_support.progress import ProgressBar, plural

if TYPE_CHECKING:
    from dedupe.corpus.fact_audit import FactAudit

FactsFormatOption = Annotated[FactsFormat, typer.Option("--format", "-f", help="Report format.")]
FailOnConflictOption = Annotated[
    bool,
    typer.Option(
        "--fail-on-conflict",
        help="Exit 1 when reports of one event disagree on a fact (beyond spelling).",
    ),
]


def run_facts(
    paths: list[str], *, fmt: FactsFormat, out: Path | None, skip_bad: bool, max_chars: int, bar: ProgressBar
) -> FactAudit:
    """Audit the facts of ``paths``, write the report and return the audit (for the exit code).

    Progress and the closing summary go to ``bar``.
    """
    from dedupe.corpus.fact_audit import audit_facts
    from dedupe.report.facts import render_fact_audit

    with library_errors():
        try:
            audit = audit_facts(load_many(paths, skip_bad=skip_bad, max_chars=max_chars), progress=bar)
        finally:
            bar.close()
        emit(render_fact_audit(audit, fmt.value, width=terminal_width(out)), out, fmt.value)
    differing = plural(len(audit.pairs), "pair")
    bar.summary(
        f"Audited {audit.articles} articles: {plural(audit.pairs_compared, 'same-event pair')}, "
        f"{differing} with facts that differ"
    )
    return audit
