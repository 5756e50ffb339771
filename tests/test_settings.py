"""Settings are validated when they are made, not only when overridden."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

from dedupe.errors import SettingsError
from dedupe.settings import DEFAULT_SETTINGS, Settings

BAD = [
    ({"reuse_coverage": 7}, "reuse_coverage must be within \\[0, 1\\], got 7"),
    ({"duplicate_jaccard": -0.1}, "duplicate_jaccard must be within"),
    ({"copy_min_share": 1.5}, "copy_min_share must be within"),
    ({"shingle_size": 0}, "shingle_size must be at least 1, got 0"),
    ({"max_article_chars": -5}, "max_article_chars must be at least 1"),
    ({"num_perm": "128"}, "num_perm must be a whole number, got '128'"),
    ({"seed_ngram": 4.0}, "seed_ngram must be a whole number"),
    ({"duplicate_coverage": True}, "duplicate_coverage must be a number"),
    ({"reuse_coverage": None}, "reuse_coverage must be a number"),
]


@pytest.mark.parametrize(("overrides", "message"), BAD, ids=[str(b[0]) for b in BAD])
def test_a_bad_value_fails_at_construction(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings(**overrides)


@pytest.mark.parametrize(("overrides", "message"), BAD, ids=[str(b[0]) for b in BAD])
def test_a_bad_override_fails_too(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        DEFAULT_SETTINGS.updated(**overrides)


@pytest.mark.parametrize(
    "overrides",
    [{}, {"reuse_coverage": 1}, {"duplicate_jaccard": 0}, {"shingle_size": 1}, {"copy_min_share": 0.25}],
)
def test_good_values_are_kept(overrides: dict[str, Any]) -> None:
    made = Settings(**overrides)
    assert made.validate() is made
    assert all(getattr(made, name) == value for name, value in overrides.items())


def test_unknown_names_fail() -> None:
    with pytest.raises(SettingsError, match="unknown setting\\(s\\): same_event_score"):
        DEFAULT_SETTINGS.updated(same_event_score=7)
    with pytest.raises(TypeError, match="same_event_score"):  # the dataclass's own __init__
        Settings(same_event_score=7)  # type: ignore[call-arg]


def test_settings_survive_pickling_to_workers() -> None:
    changed = Settings(shingle_size=5)
    assert pickle.loads(pickle.dumps(changed)) == changed
