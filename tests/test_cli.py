"""The `dedupe` command through typer's CliRunner: formats, --out, exit codes, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe import __version__
from dedupe.cli import app
from dedupe.pair.event_model import FEATURES

from fixture_paths import FIXTURES, seed_file

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"dedupe {__version__}"


def _commands() -> list[list[str]]:
    names: list[list[str]] = []
    for command in app.registered_commands:
        names.append([command.name or command.callback.__name__])  # type: ignore[union-attr]
    for group in app.registered_groups:
        names.append([group.name])  # type: ignore[list-item]
        for sub in group.typer_instance.registered_commands:  # type: ignore[union-attr]
            names.append([group.name, sub.name or sub.callback.__name__])  # type: ignore[list-item,union-attr]
    return names


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout


def test_compare_table_shows_verdict_reasons_and_the_substitution() -> None:
    result = runner.invoke(app, ["compare", seed_file("001"), seed_file("004")])
    assert result.exit_code == 0, result.output
    assert "Verdict: SAME EVENT" in result.stdout
    assert "exchanges → sharing" in result.stdout
    assert "Nanping" in result.stdout and "Beijing" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_compare_json_is_the_schema_with_relation() -> None:
    result = runner.invoke(app, ["compare", seed_file("001"), seed_file("002"), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1
    assert document["relation"] == "related"
    assert document["a"]["id"] == "001_50899f19e1fbd510"
    assert set(document["event_features"]) <= set(FEATURES)
    assert document["reasons"]


def test_compare_markdown() -> None:
    result = runner.invoke(app, ["compare", seed_file("001"), seed_file("004"), "-f", "md"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# 001_50899f19e1fbd510 vs 004_6b7b728a0a1fe40e: same_event")
    assert "## Facts that differ" in result.stdout


def test_compare_out_writes_the_file_and_nothing_to_stdout(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    result = runner.invoke(
        app, ["compare", seed_file("001"), seed_file("004"), "-f", "json", "--out", str(target)]
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["relation"] == "same_event"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]  # no temp file left behind


@pytest.mark.parametrize(
    ("fail_on", "code"),
    [("same_event", 1), ("reuse", 0), ("duplicate", 0)],
    ids=["met", "stronger", "strongest"],
)
def test_compare_fail_on_sets_exit_code(fail_on: str, code: int) -> None:
    result = runner.invoke(app, ["compare", seed_file("001"), seed_file("004"), "--fail-on", fail_on])
    assert result.exit_code == code


def test_missing_file_is_a_one_line_error_with_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["compare", str(missing), seed_file("001")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {missing}: no such file or directory"
    assert result.stdout == ""


def test_bad_file_error_names_the_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["compare", str(FIXTURES / "bad" / "binary.txt"), seed_file("001")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {FIXTURES / 'bad' / 'binary.txt'}: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_compare_refuses_a_file_with_several_articles() -> None:
    path = FIXTURES / "jsonl" / "ferry_strike.jsonl"
    result = runner.invoke(app, ["compare", str(path), seed_file("001")])
    assert result.exit_code == 2
    assert "compare takes one article per file" in result.stderr


def test_compare_reads_stdin() -> None:
    text = Path(seed_file("004")).read_bytes()
    result = runner.invoke(app, ["compare", "-", seed_file("001"), "-f", "json"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["a"]["id"] == "stdin"


def test_unknown_format_is_a_usage_error() -> None:
    result = runner.invoke(app, ["compare", seed_file("001"), seed_file("004"), "--format", "pdf"])
    assert result.exit_code == 2


def test_quotes_audit_json_lists_patrushevs_priority_group() -> None:
    result = runner.invoke(app, ["quotes", str(FIXTURES / "seeds"), "-f", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["kind"] == "quote_audit"
    priority = [g for g in document["groups"] if any("priority" in r["text"] for r in g["renderings"])]
    assert priority and priority[0]["speaker"] == "Nikolai Patrushev"
    assert priority[0]["consistency"] == "differs"


def test_quotes_speaker_filter_and_only_differences() -> None:
    result = runner.invoke(
        app, ["quotes", str(FIXTURES / "seeds"), "--speaker", "Patrushov", "--only-differences", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    groups = json.loads(result.stdout)["groups"]
    assert groups
    assert all(g["speaker"] == "Nikolai Patrushev" and g["consistency"] == "differs" for g in groups)


def test_quotes_fail_on_difference() -> None:
    differing = runner.invoke(app, ["quotes", seed_file("001"), seed_file("004"), "--fail-on-difference"])
    assert differing.exit_code == 1
    assert "unreserved" in differing.stdout
    alone = runner.invoke(app, ["quotes", seed_file("003"), "--fail-on-difference"])
    assert alone.exit_code == 0, alone.output


def test_quotes_skip_bad_reports_and_continues() -> None:
    result = runner.invoke(
        app, ["quotes", seed_file("003"), str(FIXTURES / "bad" / "empty.txt"), "--skip-bad"]
    )
    assert result.exit_code == 0
    assert "Skipped: " in result.stderr and "empty.txt" in result.stderr
    without = runner.invoke(app, ["quotes", seed_file("003"), str(FIXTURES / "bad" / "empty.txt")])
    assert without.exit_code == 2


def test_facts_lists_the_seed_conflicts_and_fails_on_them() -> None:
    result = runner.invoke(app, ["facts", str(FIXTURES / "seeds"), "-f", "json", "--fail-on-conflict"])
    assert result.exit_code == 1, result.output
    document = json.loads(result.stdout)
    assert document["kind"] == "fact_audit"
    pairs = {
        (p["a_id"][:3], p["b_id"][:3]): {(f["slot"], f["kind"]) for f in p["flags"]}
        for p in document["pairs"]
    }
    # Only the three reports of the Sept 2022 talks are compared; 002 and 003 report other events.
    assert set(pairs) == {("000", "001"), ("000", "004"), ("001", "004")}
    assert ("place", "conflict") in pairs[("001", "004")]
    assert ("counterpart", "conflict") in pairs[("000", "001")]


def test_facts_on_one_event_without_conflicts_exits_0() -> None:
    result = runner.invoke(app, ["facts", seed_file("002"), seed_file("003"), "--fail-on-conflict"])
    assert result.exit_code == 0, result.output
    assert "0 same-event pair(s) compared" in result.stdout


def test_facts_markdown_lists_both_sentences() -> None:
    result = runner.invoke(app, ["facts", seed_file("001"), seed_file("004"), "-f", "md"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Facts that differ")
    assert "Nanping" in result.stdout and "Guo Shengkun in Beijing" in result.stdout


def test_scan_html_writes_the_overview_and_linked_pair_pages(tmp_path: Path) -> None:
    out = tmp_path / "scan.html"
    result = runner.invoke(app, ["scan", str(FIXTURES / "seeds"), "-f", "html", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    pages = sorted((tmp_path / "scan.pairs").glob("*.html"))
    assert len(pages) == 3  # the three same-event pairs of the Sept 2022 talks
    for pair_page in pages:
        assert f'href="scan.pairs/{pair_page.name}"' in page
        assert "expand information" in pair_page.read_text(
            encoding="utf-8"
        ) or "Nanping" in pair_page.read_text(encoding="utf-8")


def test_sources_builds_the_dossier_and_fails_on_a_conflict_when_asked() -> None:
    seeds = [seed_file("000"), seed_file("001"), seed_file("004")]
    result = runner.invoke(app, ["sources", *seeds])
    assert result.exit_code == 0, result.output
    assert "3 independent sources, 3 articles" in result.stdout
    assert "where — CONFLICT: Nanping ×2" in result.stdout
    assert runner.invoke(app, ["sources", *seeds, "--fail-on-conflict"]).exit_code == 1
    document = json.loads(runner.invoke(app, ["sources", *seeds, "-f", "json"]).stdout)
    assert document["kind"] == "dossier" and len(document["sources"]) == 3


def test_scan_html_writes_a_dossier_page_per_event_linked_from_the_overview(tmp_path: Path) -> None:
    target = tmp_path / "scan.html"
    result = runner.invoke(app, ["scan", str(FIXTURES / "seeds"), "-f", "html", "--out", str(target), "-q"])
    assert result.exit_code == 0, result.output
    page = tmp_path / "scan.dossiers" / "event-1.html"
    assert page.exists() and 'href="scan.dossiers/event-1.html"' in target.read_text(encoding="utf-8")
    assert 'href="../scan.html#event-1"' in page.read_text(encoding="utf-8")
    plain = runner.invoke(app, ["scan", str(FIXTURES / "seeds"), "--dossiers", "off"])
    assert "Dossier" not in plain.stdout
    assert (
        "Dossier" in runner.invoke(app, ["scan", str(FIXTURES / "seeds")]).stdout
    )  # auto: a person reads tables
    machine = json.loads(runner.invoke(app, ["scan", str(FIXTURES / "seeds"), "-f", "json"]).stdout)
    assert "dossiers" not in machine  # auto leaves the machine formats lean
    asked = json.loads(
        runner.invoke(app, ["scan", str(FIXTURES / "seeds"), "-f", "json", "--dossiers", "on"]).stdout
    )
    assert [len(d["sources"]) for d in asked["dossiers"]] == [3]
