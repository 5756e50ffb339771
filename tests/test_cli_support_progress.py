"""The progress display's words: rates a person can read, a line from the very start of a scan;
and the progress and summary of ``quotes`` and ``facts`` (``scan``'s are tested beside it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.cli import app
from dedupe.cli_support.progress import ProgressBar, plural
from dedupe.corpus.fact_audit import audit_facts
from dedupe.corpus.scan import scan
from dedupe.ingest.read import load_articles
from dedupe.models import Article
from dedupe.quotes.match import audit_quotes

from fixture_paths import SEEDS

runner = CliRunner()


@pytest.mark.parametrize(
    ("done", "seconds", "shown"),
    [(2, 3.0, "0.7/s"), (9, 1.0, "9.0/s"), (370, 10.0, "37/s")],
    ids=str,
)
def test_a_slow_stage_shows_its_rate_not_zero(
    monkeypatch: pytest.MonkeyPatch, done: int, seconds: float, shown: str
) -> None:
    clock = [100.0]
    monkeypatch.setattr("time.monotonic", lambda: clock[0])
    bar = ProgressBar(True, terminal=False, interval=3600)
    try:
        bar("cluster", 0, 12)
        clock[0] += seconds
        bar("cluster", done, 12)
        assert f"cluster {done}/12 parts, {shown}," in bar.line()
    finally:
        bar.close()


def test_a_scan_reports_progress_before_its_first_batch(seeds: dict[str, Article]) -> None:
    calls: list[tuple[str, int, int | None]] = []
    scan(list(seeds.values()), progress=lambda *call: calls.append(call))
    assert calls[0] == ("read", 0, None)


def stages(calls: list[tuple[str, int, int | None]]) -> list[str]:
    """The stages in the order they were first reported."""
    return list(dict.fromkeys(stage for stage, _, _ in calls))


def test_the_quote_audit_reports_each_stage_from_start_to_end() -> None:
    articles = load_articles([str(SEEDS)])
    calls: list[tuple[str, int, int | None]] = []
    audit = audit_quotes(articles, progress=lambda *call: calls.append(call))
    assert stages(calls) == ["extract", "prepare", "match", "search"]
    for stage in stages(calls):
        done = [(d, t) for s, d, t in calls if s == stage]
        assert [d for d, _ in done] == sorted(d for d, _ in done)  # never backwards
        assert done[-1][0] == done[-1][1]  # and finished
    assert (calls[0], calls[-1]) == (("extract", 0, 5), ("search", audit.group_count, audit.group_count))


def test_the_fact_audit_reports_the_scan_then_its_pairs() -> None:
    calls: list[tuple[str, int, int | None]] = []
    audit = audit_facts(load_articles([str(SEEDS)]), progress=lambda *call: calls.append(call))
    assert stages(calls)[0] == "read" and stages(calls)[-1] == "facts"
    assert calls[-1] == ("facts", audit.pairs_compared, audit.pairs_compared)


@pytest.mark.parametrize(
    ("command", "summary"),
    [
        (["quotes"], r"Audited 5 articles: 34 quotations of 21 statements, in \d+\.\ds\."),
        (["facts"], r"Audited 5 articles: 3 same-event pairs, 3 pairs with facts that differ, in \d+\.\ds\."),
    ],
    ids=["quotes", "facts"],
)
def test_cli_prints_plain_progress_lines_and_a_summary_unless_quiet(
    monkeypatch: pytest.MonkeyPatch, command: list[str], summary: str
) -> None:
    monkeypatch.setenv("DEDUPE_PROGRESS_INTERVAL", "0.01")
    result = runner.invoke(app, [*command, str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines[0].startswith("progress: ") and all(" elapsed " in line for line in lines[:-1])
    assert re.fullmatch(summary, lines[-1])
    assert result.stdout.startswith("{")  # stdout is the report alone
    quiet = runner.invoke(app, [*command, str(SEEDS), "--format", "json", "--quiet"])
    assert (quiet.exit_code, quiet.stderr, quiet.stdout) == (0, "", result.stdout)


def test_a_bad_input_gives_its_one_line_error_and_no_summary(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["quotes", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {missing}: no such file or directory\n"


@pytest.mark.parametrize(("count", "expected"), [(0, "0 clusters"), (1, "1 cluster"), (2, "2 clusters")])
def test_plural(count: int, expected: str) -> None:
    assert plural(count, "cluster") == expected
