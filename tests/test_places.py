"""Places from the gazetteer: what counts as a place, and when two can name one event's location."""

from __future__ import annotations

import pytest

from dedupe.places import lookup_place, places_compatible


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
