"""Tables follow the terminal's width: `compare`, `facts` and `quotes` use every column a wide
terminal gives, stay within 80 when piped, and wrap long text rather than cut it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.cli import app

from fixture_paths import SEEDS, seed_file

runner = CliRunner()


COMMANDS = [["compare", seed_file("001"), seed_file("004")], ["facts", str(SEEDS)], ["quotes", str(SEEDS)]]


def _run(command: list[str], columns: int | None) -> str:
    env = {"COLUMNS": str(columns) if columns is not None else None}
    result = runner.invoke(app, command, env=env)  # type: ignore[arg-type]
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def _letters(text: str) -> Counter[str]:
    """The characters of a table but spaces and its rules of dashes (their length follows the
    columns): the same whatever the width unless something was cut."""
    return Counter("".join(word for word in text.split() if not re.fullmatch(r"-+", word)))


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("columns", [100, 140])
def test_table_uses_a_wide_terminal(command: list[str], columns: int) -> None:
    widest = max(len(line) for line in _run(command, columns).splitlines())
    assert 80 < widest <= columns


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_table_is_80_columns_when_not_a_terminal(command: list[str]) -> None:
    assert max(len(line) for line in _run(command, None).splitlines()) <= 80


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_narrow_table_wraps_and_keeps_every_word(command: list[str]) -> None:
    narrow, wide = _run(command, 66), _run(command, 160)
    assert max(len(line) for line in narrow.splitlines()) <= 66
    assert len(narrow.splitlines()) > len(wide.splitlines())
    assert _letters(narrow) == _letters(wide)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_file_is_80_columns_whatever_the_terminal(command: list[str], tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = runner.invoke(app, [*command, "-o", str(out)], env={"COLUMNS": "160"})
    assert result.exit_code in (0, 1), result.output
    assert max(len(line) for line in out.read_text().splitlines()) <= 80
