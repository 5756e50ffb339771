"""A name the text writes as a thing's or a place's is no participant."""

from __future__ import annotations

import pytest

from dedupe.evidence.thing_names import named_as_person


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        ("Elon Musk's company launched a rocket.", "Elon Musk", True),
        ("The talks were held, said Wang Yi.", "Wang Yi", True),
        ("The Smart Lander for Investigating Moon (SLIM) touched down.", "Smart Lander", False),
        ("Le lanceur a décollé, selon la Unión Africana et la Unión Africana.", "Unión Africana", False),
        ("The rocket rose from Sriharikota in Andhra Pradesh on Friday.", "Andhra Pradesh", False),
        ("Das Starship-Raumschiff explodierte.", "Das Starship-Raumschiff", False),
        ("SpaceX launched its rocket on Saturday.", "SpaceX", False),  # a capital inside a word
        ("Governor Ron DeSantis said the storm had passed.", "Ron DeSantis", True),  # a surname's prefix
        ("The summit, titled “Strengthening Regional Trade”, opened.", "Strengthening Regional Trade", False),
        ("Leaders gathered, Nueva Delhi said.", "Nueva Delhi", False),  # a place the gazetteer knows
        ("The launch pad in Andhra Pradesh was cleared.", "Andhra Pradesh", False),  # a state's name
        ("Leaders adopted the Astana Declaration.", "Astana Declaration", False),  # a document
        ("The SLIM (Smart Lander for Investigating Moon) landed.", "Smart Lander", False),  # an acronym's
        ("Kassym-Jomart Tokayev opened the summit.", "Kassym-Jomart Tokayev", True),
    ],
)
def test_named_as_person(text: str, name: str, person: bool) -> None:
    assert named_as_person(text, name) is person
