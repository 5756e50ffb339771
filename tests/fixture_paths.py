"""Where the test fixtures live: one definition for every test module, and the seed files by prefix."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = FIXTURES / "seeds"


def seed_file(prefix: str) -> str:
    """Return the path of the seed whose name starts with ``prefix`` ("000" to "004")."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return str(path)
