"""Shared fixtures: the five seed articles, as paths and as loaded ``Article`` objects."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from dedupe.ingest.read import load_file
from dedupe.models import Article

from fixture_paths import SEEDS

# CI draws the same property-test examples every run, so a gate never fails by chance; a
# developer's run draws new ones (and keeps any failing example in .hypothesis/).
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the word-frequency index the tests build out of the user's ~/.cache (subprocesses too)."""
    os.environ["DEDUPE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    """Return the seed files keyed by their 3-digit prefix, "000" to "004"."""
    paths = {path.name[:3]: path for path in sorted(SEEDS.glob("*.txt"))}
    assert sorted(paths) == ["000", "001", "002", "003", "004"]
    return paths


@pytest.fixture(scope="session")
def seeds(seed_paths: dict[str, Path]) -> dict[str, Article]:
    """Return the five seed articles, loaded once per test session, keyed "000" to "004"."""
    loaded: dict[str, Article] = {}
    for key, path in seed_paths.items():
        [article] = load_file(str(path))
        loaded[key] = article
    return loaded
