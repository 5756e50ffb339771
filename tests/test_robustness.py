"""The error policy and hostile inputs, through every command (issue 14).

Exit codes: 0 ran, 1 only for ``--fail-on…``, 2 bad input or usage (one ``Error:`` line),
70 an internal error (one line naming the file; the traceback only with ``--debug``).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.cli import app
from dedupe.cli_support import INTERNAL_ERROR
from dedupe.report.html_site import page_name

from fixture_paths import FIXTURES

BAD = FIXTURES / "bad"
SEED = str(FIXTURES / "seeds" / "004_6b7b728a0a1fe40e.txt")
runner = CliRunner()


def _bad_inputs(tmp_path: Path) -> list[Path]:
    """The committed bad corpus plus what is better generated: a long one-line text, an over-limit file."""
    one_line = tmp_path / "one_line.txt"
    one_line.write_text(" ".join(Path(SEED).read_text().split()) * 3)
    too_long = tmp_path / "too_long.txt"
    too_long.write_text("word " * 2000)
    return [*sorted(p for p in BAD.iterdir() if p.is_file()), BAD / "no_articles", one_line, too_long]


def _commands(bad: Path, tmp_path: Path) -> dict[str, list[str]]:
    db = str(tmp_path / f"{bad.name}.db")
    return {
        "compare": ["compare", str(bad), SEED, "--max-chars", "5000"],
        "scan": ["scan", str(bad), SEED, "--quiet", "--max-chars", "5000"],
        "quotes": ["quotes", str(bad), SEED, "--max-chars", "5000"],
        "facts": ["facts", str(bad), SEED, "--max-chars", "5000"],
        "sources": ["sources", str(bad), SEED, "--max-chars", "5000"],
        "index add": ["index", "add", str(bad), "--db", db, "--quiet", "-j", "1", "--max-chars", "5000"],
        "index query": [
            "index",
            "query",
            str(bad),
            "--db",
            str(tmp_path / "seeds.db"),
            "--max-chars",
            "5000",
        ],
    }


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("db")
    result = runner.invoke(
        app, ["index", "add", str(FIXTURES / "seeds"), "--db", str(folder / "seeds.db"), "-q"]
    )
    assert result.exit_code == 0, result.output
    return folder


def test_every_bad_input_through_every_command_exits_0_or_2_without_a_traceback(
    tmp_path: Path, seeds_db: Path
) -> None:
    (tmp_path / "seeds.db").write_bytes((seeds_db / "seeds.db").read_bytes())
    codes: dict[tuple[str, str], int] = {}
    for bad in _bad_inputs(tmp_path):
        for name, args in _commands(bad, tmp_path).items():
            result = runner.invoke(app, args)
            where = f"{name} {bad.name}: {result.output}"
            assert result.exit_code in (0, 2), where
            assert result.exception is None or isinstance(result.exception, SystemExit), where
            assert "Traceback" not in result.output, where
            if result.exit_code == 2:
                errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
                assert len(errors) == 1, where
            codes[(name, bad.name)] = result.exit_code
            if name == "index add" and result.exit_code == 2:  # a failed first add leaves no file behind
                assert not list(tmp_path.glob(f"{bad.name}.db*")), where
    assert codes[("compare", "too_long.txt")] == 2
    assert codes[("compare", "binary.txt")] == 2
    assert codes[("index add", "binary.txt")] == 2


def test_sources_takes_the_size_limit_as_every_other_command_does(tmp_path: Path) -> None:
    too_long = tmp_path / "too_long.txt"
    too_long.write_text("word " * 2000)
    over = runner.invoke(app, ["sources", str(too_long), SEED, "--max-chars", "5000"])
    assert over.exit_code == 2 and over.stderr.startswith(f"Error: {too_long}: "), over.output
    assert runner.invoke(app, ["sources", str(too_long), SEED]).exit_code == 0  # within the default


def test_skip_bad_skips_the_bad_record_not_the_dump_in_every_corpus_command(tmp_path: Path) -> None:
    dump = str(BAD / "one_bad_line.jsonl")
    for args in (
        ["scan", dump, SEED, "--skip-bad", "-q", "-f", "json"],
        ["quotes", dump, SEED, "--skip-bad"],
        ["facts", dump, SEED, "--skip-bad"],
        ["sources", dump, SEED, "--skip-bad"],
        ["index", "add", dump, SEED, "--skip-bad", "-q", "--db", str(tmp_path / "skip.db")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        skipped = [line for line in result.stderr.splitlines() if line.startswith("Skipped: ")]
        assert [line.split(": ")[2] for line in skipped] == ["line 2", "line 4"], (args, skipped)
    result = runner.invoke(app, ["scan", dump, SEED, "-q"])
    assert result.exit_code == 2 and "line 2: not valid JSON" in result.stderr


def test_an_internal_error_exits_70_naming_the_file_and_shows_the_traceback_only_with_debug(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dedupe.pair.compare

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(dedupe.pair.compare, "compare", broken)
    result = runner.invoke(app, ["compare", SEED, SEED])
    assert result.exit_code == INTERNAL_ERROR not in (0, 1, 2)
    assert result.stderr.count("\n") == 1 and SEED in result.stderr and "report it" in result.stderr
    assert "Traceback" not in result.stderr
    debug = runner.invoke(app, ["--debug", "compare", SEED, SEED])
    assert debug.exit_code == INTERNAL_ERROR
    assert "Traceback" in debug.stderr and "RuntimeError: boom" in debug.stderr


def test_terminal_output_shows_control_and_bidi_characters_as_escapes() -> None:
    result = runner.invoke(app, ["compare", str(BAD / "terminal_escapes.txt"), SEED])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b" in result.stdout


def test_markdown_output_shows_html_as_text() -> None:
    result = runner.invoke(app, ["compare", str(BAD / "html_in_text.md"), SEED, "-f", "md"])
    assert result.exit_code == 0, result.output
    assert "<script>" not in result.stdout and "<img" not in result.stdout
    assert "&lt;script>" in result.stdout  # "<" escaped: no tag can open


def test_csv_cells_that_would_run_as_formulas_are_neutralised_unless_raw() -> None:
    dump = str(BAD / "one_bad_line.jsonl")
    cells = []
    for raw in ([], ["--csv-raw"]):
        result = runner.invoke(
            app, ["scan", dump, "--skip-bad", "-q", "-f", "csv", "--min-relation", "related", *raw]
        )
        assert result.exit_code == 0, result.output
        rows = list(csv.reader(io.StringIO(result.stdout)))[1:]
        assert rows, result.stdout
        cells.append({cell for row in rows for cell in row[:2]})
    assert cells[0] == {'\'=HYPERLINK("http://evil")', "'@SUM(A1)"}
    assert cells[1] == {'=HYPERLINK("http://evil")', "@SUM(A1)"}


def test_pair_page_names_never_collide_and_stay_short() -> None:
    assert page_name("a b", "c") != page_name("a_b", "c")
    assert page_name("a", "b c") != page_name("a", "b_c")
    assert len(page_name("x" * 300, "y" * 300)) < 120


def test_scan_html_to_an_unwritable_target_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    out = blocker / "report.html"
    result = runner.invoke(app, ["scan", str(FIXTURES / "seeds"), "-q", "-f", "html", "--out", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: {out}: ")  # its folder is a file: no such directory
    assert len(result.stderr.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_scan_html_site_with_clashing_and_long_ids_links_each_pair_to_its_own_page(tmp_path: Path) -> None:
    text = Path(SEED).read_text()
    ids = ["a b", "a_b", "z" * 300]
    dump = tmp_path / "ids.jsonl"
    dump.write_text("\n".join(json.dumps({"id": i, "text": text}) for i in ids) + "\n")
    out = tmp_path / "site" / "scan.html"
    out.parent.mkdir()
    result = runner.invoke(app, ["scan", str(dump), "-q", "-f", "html", "--out", str(out), "--pairs", "all"])
    assert result.exit_code == 0, result.output
    pages = sorted((tmp_path / "site" / "scan.pairs").iterdir())
    assert len(pages) == 3  # three pairs of three copies, three pages
    assert not [p for p in (tmp_path / "site").iterdir() if p.name.startswith(".")]  # no staging left


@pytest.mark.parametrize(
    ("urls", "expected"),
    [
        (
            ["Homepage, https://example.org/home", "Issues, https://example.org/issues"],
            "https://example.org/issues",
        ),
        (["Bug Tracker, https://example.org/bugs"], "https://example.org/bugs"),
        (["Homepage, https://example.org/home"], None),
        ([], None),
    ],
    ids=str,
)
def test_the_issues_url_comes_from_the_package_metadata(
    monkeypatch: pytest.MonkeyPatch, urls: list[str], expected: str | None
) -> None:
    import importlib.metadata
    from email.message import Message

    from dedupe import cli_support

    def metadata(name: str) -> Message:
        assert name == cli_support.DISTRIBUTION
        message = Message()
        for url in urls:
            message["Project-URL"] = url
        return message

    monkeypatch.setattr(importlib.metadata, "metadata", metadata)
    assert cli_support.issues_url() == expected


def test_an_internal_error_names_the_maintainers_when_no_issues_url_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dedupe.pair.compare
    from dedupe import cli_support

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(dedupe.pair.compare, "compare", broken)
    for url, phrase in ((None, "report it to the maintainers of dedupe-news"),
                        ("https://example.org/i", "report it at https://example.org/i ")):  # fmt: skip
        monkeypatch.setattr(cli_support, "issues_url", lambda url=url: url)
        result = runner.invoke(app, ["compare", SEED, SEED])
        assert result.exit_code == INTERNAL_ERROR and phrase in result.stderr, result.stderr
