"""The README's library example runs as written."""

from __future__ import annotations

import os
from pathlib import Path

from fixture_paths import ROOT


def test_readme_library_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = readme.split("## Library", 1)[1].split("```python", 1)[1].split("```", 1)[0]
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        namespace: dict[str, object] = {}
        exec(compile(code.replace('"news.db"', repr(str(tmp_path / "news.db"))), "README", "exec"), namespace)
    finally:
        os.chdir(cwd)
    assert str(namespace["report"].relation) == "same_event"  # type: ignore[attr-defined]
    assert (tmp_path / "news.db").exists()
