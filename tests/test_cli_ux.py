"""The `dedupe` command as people use it: formats that keep their word, help at 80 columns,
plain-language reports, report files a colleague can read, JSON that follows its schema."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.cli import app

from fixture_paths import FIXTURES, SEEDS, seed_file

FIRE = str(FIXTURES / "dossier" / "harbour_fire.jsonl")
runner = CliRunner()


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize(
    "command",
    [
        ["compare", seed_file("001"), seed_file("004")],
        ["facts", str(SEEDS)],
        ["quotes", str(SEEDS)],
        ["scan", str(SEEDS), "-q"],
    ],
    ids=lambda c: c[0],
)
def test_report_files_follow_the_umask(tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / "report.txt"
    result = runner.invoke(app, [*command, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


@pytest.mark.usefixtures("umask_022")
def test_scan_html_site_pages_follow_the_umask(tmp_path: Path) -> None:
    out = tmp_path / "scan.html"
    result = runner.invoke(app, ["scan", str(SEEDS), "-q", "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    files = [out, *(tmp_path / "scan.pairs").iterdir()]
    assert len(files) > 1
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o644}


@pytest.mark.parametrize(
    "command",
    [
        ["compare", seed_file("001"), seed_file("004")],
        ["facts", str(SEEDS)],
        ["quotes", str(SEEDS)],
        ["scan", str(SEEDS), "-q"],
        ["scan", str(SEEDS), "-q", "-f", "html"],
    ],
    ids=lambda c: " ".join(c[:1] + c[3:]),
)
def test_a_missing_output_directory_is_an_error(tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / "no" / "such" / "report.html"
    result = runner.invoke(app, [*command, "--out", str(out)])
    assert result.exit_code == 2
    assert "no such directory" in result.stderr
    assert not (tmp_path / "no").exists()


# Formats that keep their word.


def test_scan_markdown_is_markdown_not_wrapped_text() -> None:
    result = runner.invoke(app, ["scan", str(SEEDS), "-q", "-f", "md"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "# Scan of 5 articles"
    assert any(line.startswith("| A ") for line in lines)  # pairs as a table
    assert any(line.startswith("|---") or line.startswith("|--") for line in lines)
    assert any(line.startswith("> “strengthening of comprehensive") for line in lines)  # a quoted block
    assert "- **Members (3):**" in lines
    first = "  - Russia, China hold 2-day security consultations (`000_db8167014b393279`) — representative"
    assert first in lines
    # no hard-wrapped continuation lines (nested list items are Markdown, not wrapping)
    assert not any(line.startswith("    ") and not line.lstrip().startswith("- ") for line in lines)
    assert "reordering: “strategic” moved" in result.stdout
    assert "→ “”" not in result.stdout


@pytest.fixture(scope="module")
def index_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("index") / "news.db"
    result = runner.invoke(app, ["index", "add", str(SEEDS), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def test_index_query_in_every_format(index_db: Path) -> None:
    query = ["index", "query", seed_file("004"), "--db", str(index_db)]
    table = runner.invoke(app, query)
    assert table.exit_code == 0, table.output
    assert "001_50899f19e1fbd510" in table.stdout  # the full id, pasteable into index remove
    assert "Russia seeks to" in table.stdout  # named by its title
    assert max(len(line) for line in table.stdout.splitlines()) <= 80
    md = runner.invoke(app, [*query, "-f", "md"])
    assert md.stdout.startswith("# Seen before?")
    assert "| `001_50899f19e1fbd510`" in md.stdout
    csv_answer = runner.invoke(app, [*query, "-f", "csv"])
    header, *rows = csv_answer.stdout.splitlines()
    assert header.startswith("article,match,name,relation,confidence")
    assert len(rows) >= 1


def test_index_query_lists_stronger_relations_first(index_db: Path) -> None:
    result = runner.invoke(app, ["index", "query", seed_file("004"), "--db", str(index_db), "-f", "json"])
    strength = {"duplicate": 4, "reuse": 3, "same_event": 2, "related": 1, "unrelated": 0}
    order = [(-strength[m["relation"]], -m["confidence"]) for m in json.loads(result.stdout)["matches"]]
    assert order == sorted(order)


@pytest.mark.parametrize("fmt", ["table", "json", "md", "csv"])
def test_index_stats_in_every_format(index_db: Path, fmt: str) -> None:
    result = runner.invoke(app, ["index", "stats", "--db", str(index_db), "-f", fmt])
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    expected = {"table": "path", "json": "{", "md": "# Index", "csv": "field,value"}[fmt]
    assert first.startswith(expected)
    if fmt == "md":
        assert "| articles " in result.stdout


def test_index_remove_names_the_ids_it_did_not_find(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    runner.invoke(app, ["index", "add", seed_file("001"), "--db", str(db), "-q"])
    ids = ["001_50899f19e1fbd510", "nope-1", "nope-2"]
    result = runner.invoke(app, ["index", "remove", *ids, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "removed 1 of 3" in result.stdout
    assert "Not in the index: nope-1, nope-2" in result.stderr


def test_facts_does_not_offer_html() -> None:
    help_text = runner.invoke(app, ["facts", "--help"]).stdout
    assert "html" not in help_text
    result = runner.invoke(app, ["facts", str(SEEDS), "-f", "html"])
    assert result.exit_code == 2


def test_scan_html_states_its_pair_page_limit(tmp_path: Path) -> None:
    out = tmp_path / "scan.html"
    result = runner.invoke(app, ["scan", str(SEEDS), "-q", "-f", "html", "-o", str(out), "--pair-pages", "1"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "scan.pairs").glob("*.html"))) == 1
    assert "Side-by-side pages for the first 1 of 3 pairs listed (--pair-pages 1" in out.read_text("utf-8")
    every = tmp_path / "all.html"
    runner.invoke(app, ["scan", str(SEEDS), "-q", "-f", "html", "-o", str(every)])
    assert len(list((tmp_path / "all.pairs").glob("*.html"))) == 3
    assert "Side-by-side pages for the first" not in every.read_text("utf-8")


# Help at 80 columns.


def _commands() -> list[list[str]]:
    names: list[list[str]] = [[]]
    for command in app.registered_commands:
        names.append([command.name or command.callback.__name__])  # type: ignore[union-attr]
    for group in app.registered_groups:
        names.append([group.name])  # type: ignore[list-item]
        for sub in group.typer_instance.registered_commands:  # type: ignore[union-attr]
            names.append([group.name, sub.name or sub.callback.__name__])  # type: ignore[list-item,union-attr]
    return names


@pytest.mark.parametrize("command", _commands(), ids=lambda c: " ".join(c) or "dedupe")
def test_help_reads_well_at_80_columns(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "Example" in result.stdout
    for junk in ("…", "<bool>", "{", "<str>", "<list", " / --no-"):  # no generated --x / --no-x twins
        assert junk not in result.stdout, junk
    assert not any(line.rstrip().endswith("...") and "Usage" not in line for line in lines)


def test_root_help_offers_shell_completion() -> None:
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "80"})
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


@pytest.mark.parametrize("columns", [80, 120])
def test_table_output_follows_the_terminal_width(columns: int) -> None:
    result = runner.invoke(app, ["scan", str(SEEDS), "-q"], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    widest = max(len(line) for line in result.stdout.splitlines())
    assert columns - 20 < widest <= columns


@pytest.mark.parametrize("columns", [80, 120])
def test_sources_table_follows_the_terminal_width(columns: int) -> None:
    result = runner.invoke(app, ["sources", FIRE], env={"COLUMNS": str(columns)})
    assert result.exit_code in (0, 1), result.output
    widest = max(len(line) for line in result.stdout.splitlines())
    assert columns - 20 < widest <= columns


def test_table_output_is_80_columns_when_piped() -> None:
    result = runner.invoke(app, ["scan", str(SEEDS), "-q"], env={"COLUMNS": None})  # type: ignore[dict-item]
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


# Plain language.


def test_compare_table_explains_itself_in_plain_words() -> None:
    result = runner.invoke(app, ["compare", seed_file("001"), seed_file("004")])
    out = result.stdout
    assert out.index("Shared passages cover 15% of A") < out.index("Jaccard")
    assert "How to read this:" in out
    assert "− against: " in out and "+ for: " in out  # evidence against the verdict says so
    assert "place, reports disagree: “Nanping”" in out  # a fact kind in words, not a code
    assert "A[580:915]" in out and "[580:915)" not in out  # one offset notation
    assert "“strategic” → “strategic”" not in out


@pytest.mark.parametrize(
    "command",
    [
        ["compare", seed_file("001"), seed_file("004")],
        ["facts", str(SEEDS)],
        ["quotes", str(SEEDS)],
        ["scan", str(SEEDS), "-q"],
    ],
    ids=lambda c: c[0],
)
@pytest.mark.parametrize("fmt", ["table", "md"])
def test_reports_carry_a_legend_and_one_offset_notation(command: list[str], fmt: str) -> None:
    result = runner.invoke(app, [*command, "-f", fmt])
    assert result.exit_code in (0, 1), result.output
    assert "How to read this" in result.stdout
    assert "number_mismatch" not in result.stdout and "spelling_variant" not in result.stdout
    assert not re.search(r"\[\d+:\d+\)|\d+–\d+`", result.stdout)


def test_quotes_shows_full_ids() -> None:
    result = runner.invoke(app, ["quotes", seed_file("001"), seed_file("004")])
    assert "004_6b7b728a0a1fe40e" in result.stdout
    assert not re.search(r"004_6b7b728a(?!0a1fe40e)", result.stdout)


def test_html_reports_read_like_the_terminal(tmp_path: Path) -> None:
    out = tmp_path / "scan.html"
    runner.invoke(app, ["scan", str(SEEDS), "-q", "-f", "html", "-o", str(out)])
    page = out.read_text("utf-8")
    assert "How to read this" in page
    assert "reordering: “strategic” moved" in page
    assert "→ “”" not in page and "“strategic” → “strategic”" not in page
    assert "reports disagree" in page
    pair = runner.invoke(app, ["compare", seed_file("001"), seed_file("004"), "-f", "html"]).stdout
    assert "against:" in pair and "How to read this" in pair
    assert "→ “”" not in pair
