"""The package floors: a module imports only from its own package or from lower floors.

Lazy imports inside functions count too, so no cycle can hide behind one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dedupe"
# Lowest first; the top-level modules share floor 0 except the CLI and the package itself.
FLOORS = [
    "",
    "text",
    "ingest",
    "evidence",
    "quotes",
    "pair",
    "corpus",
    "report",
    "cli_support",
    "cli_index",
    "cli",
]
TOP = {"errors": 0, "models": 0, "settings": 0, "gc_tuning": 0}


def _floor(module: str) -> int:
    """Return the floor of ``dedupe.<module>`` (dotted, without the ``dedupe.`` prefix)."""
    head = module.split(".")[0]
    if head in TOP:
        return TOP[head]
    return FLOORS.index(head) if head in FLOORS else len(FLOORS)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dedupe."):
            found.add(node.module.removeprefix("dedupe."))
        elif isinstance(node, ast.Import):
            found |= {a.name.removeprefix("dedupe.") for a in node.names if a.name.startswith("dedupe.")}
    return found


MODULES = sorted(
    p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE or p.stem not in {"__init__", "__main__"}
)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_from_a_higher_floor(path: Path) -> None:
    relative = path.relative_to(PACKAGE).with_suffix("")
    own = relative.parts[0] if len(relative.parts) > 1 else relative.stem
    floor = _floor(own)
    upward = {m for m in _imports(path) if m.split(".")[0] != own and _floor(m) > floor}
    assert upward == set()


def test_every_stage_package_has_a_floor() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert packages <= set(FLOORS)


CROSS_CUTTING = {
    "api", "browser", "cli", "cli_ux", "devcorpus", "fit_event_model", "layers", "packaging", "processes",
    "readme", "robustness", "startup",
}  # fmt: skip


def test_test_files_mirror_the_modules() -> None:
    """``tests/test_<package>_<module>.py`` tests ``dedupe/<package>/<module>.py``."""
    stages = sorted(
        (p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()), key=len, reverse=True
    )
    orphans = []
    for test in Path(__file__).resolve().parent.glob("test_*.py"):
        name = test.stem.removeprefix("test_")
        package = next((s for s in stages if name.startswith(s + "_")), None)
        if name in CROSS_CUTTING or (package is None and (PACKAGE / f"{name}.py").is_file()):
            continue  # cross-cutting, or a top-level module's own tests (tests/test_settings.py)
        if package is None or not (PACKAGE / package / f"{name.removeprefix(package + '_')}.py").is_file():
            orphans.append(test.name)
    assert orphans == []
