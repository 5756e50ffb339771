"""The public library API: every exported name resolves, and `compare` works without the CLI."""

from __future__ import annotations

import pytest

import dedupe


@pytest.mark.parametrize("name", [n for n in dedupe.__all__ if n != "__version__"])
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(dedupe, name) is not None


def test_unknown_name_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        dedupe.nope  # noqa: B018 - the attribute access is the test


def test_notebook_use_compare_from_the_package(seed_paths) -> None:
    a, b = dedupe.load_articles([seed_paths["000"], seed_paths["001"]])
    report = dedupe.compare(a, b)
    assert report.relation is dedupe.Relation.SAME_EVENT
    assert dedupe.to_json(report, kind="pair_report").startswith('{\n  "schema_version": 1')


def test_settings_overrides_are_validated(seeds) -> None:
    with pytest.raises(dedupe.SettingsError, match="unknown setting"):
        dedupe.compare(seeds["000"], seeds["001"], shingle_sise=4)
    with pytest.raises(dedupe.SettingsError, match="shingle_size must be at least 1"):
        dedupe.compare(seeds["000"], seeds["001"], shingle_size=0)
    report = dedupe.compare(seeds["000"], seeds["001"], shingle_size=5)
    assert report.similarity.shingle_size == 5


def test_function_names_survive_their_modules_being_imported() -> None:
    import dedupe.corpus.scan
    import dedupe.text.normalize  # importing the module must not shadow the function

    assert callable(dedupe.normalize) and dedupe.normalize("“No-Limits”") == '"no-limits"'
    assert callable(dedupe.scan) and dedupe.scan is dedupe.corpus.scan.scan


def test_dir_lists_the_public_api_before_first_use() -> None:
    listed = dir(dedupe)
    assert set(dedupe.__all__) <= set(listed)
    assert "text" not in dedupe.__all__  # stage packages are importable, not part of the API
