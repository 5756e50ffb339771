"""The installed entry point, run as a real subprocess, and the README that documents it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from fixture_paths import ROOT, SEEDS

DEDUPE = Path(sys.executable).parent / "dedupe"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(DEDUPE), *args], capture_output=True, text=True, timeout=120, cwd=ROOT, check=False
    )


def test_installed_script_reports_its_version() -> None:
    from dedupe import __version__

    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"dedupe {__version__}"


def test_installed_script_compares_and_pipes_json() -> None:
    result = _run(
        "compare",
        str(SEEDS / "000_db8167014b393279.txt"),
        str(SEEDS / "001_50899f19e1fbd510.txt"),
        "-f",
        "json",
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["relation"] == "same_event"
    assert result.stderr == ""


def test_installed_script_error_goes_to_stderr_with_exit_2() -> None:
    result = _run("compare", "missing.txt", str(SEEDS / "000_db8167014b393279.txt"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "Error: missing.txt: no such file or directory\n"


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dedupe", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("dedupe ")


def _readme_block(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"## {heading}", 1)[1]
    return section.split("```", 2)[1]


def test_readme_quick_start_is_exactly_make_demo_and_make_test() -> None:
    commands = [line.split("#")[0].strip() for line in _readme_block("Quick start").splitlines()[1:]]
    assert [c for c in commands if c] == ["make demo", "make test"]


def test_readme_transcript_is_what_the_command_prints() -> None:
    block = _readme_block("What it looks like").splitlines()[1:]
    command = block[0].removeprefix("$ ").split()
    assert command[0] == "dedupe"
    result = _run(*command[1:])
    assert result.returncode == 0, result.stderr
    shown = [line for line in block[1:] if line.strip() and line.strip() != "…"]
    output = result.stdout.splitlines()
    position = 0
    for line in shown:
        assert line in output[position:], f"README line not in the output (in order): {line!r}"
        position = output.index(line, position) + 1


def test_make_demo_runs_the_readme_comparison() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo = re.search(r"^demo:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert demo is not None
    assert "dedupe compare" in demo.group(1)
