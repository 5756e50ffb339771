"""The `dedupe` command as people use it: formats that keep their word, help at 80 columns,
plain-language reports, report files a colleague can read, JSON that follows its schema."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.cli import app

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = str(FIXTURES / "seeds")
runner = CliRunner()


def _seed(prefix: str) -> str:
    (path,) = (FIXTURES / "seeds").glob(f"{prefix}_*.txt")
    return str(path)


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
    [["compare", _seed("001"), _seed("004")], ["facts", SEEDS], ["quotes", SEEDS], ["scan", SEEDS, "-q"]],
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
    result = runner.invoke(app, ["scan", SEEDS, "-q", "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    files = [out, *(tmp_path / "scan.pairs").iterdir()]
    assert len(files) > 1
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o644}


@pytest.mark.parametrize(
    "command",
    [
        ["compare", _seed("001"), _seed("004")],
        ["facts", SEEDS],
        ["quotes", SEEDS],
        ["scan", SEEDS, "-q"],
        ["scan", SEEDS, "-q", "-f", "html"],
    ],
    ids=lambda c: " ".join(c[:1] + c[3:]),
)
def test_a_missing_output_directory_is_an_error(tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / "no" / "such" / "report.html"
    result = runner.invoke(app, [*command, "--out", str(out)])
    assert result.exit_code == 2
    assert "no such directory" in result.stderr
    assert not (tmp_path / "no").exists()
