"""Tests for dedupe.evidence.participants: the protagonist is a person the lede writes as one."""

from __future__ import annotations

import dataclasses

import pytest

import dedupe.evidence.participants as participants
from dedupe.evidence.facts_view import facts_profile
from dedupe.evidence.mentions import Entity
from dedupe.evidence.participants import PROTAGONIST_CHECKS, protagonist
from dedupe.ingest.build import article_from_text
from dedupe.models import Span

# Invented: a Spanish lede opening on a body's name, which the entity rules take for a person.
SUMMIT = (
    "El Grupo de los Veinte abrió su cumbre anual el sábado en Lisboa. "
    "La anfitriona, Marta Velosa Ibarra, pidió a los países un acuerdo sobre el clima.\n\n"
    "Los ministros seguirán reunidos hasta el domingo."
)


def person(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity("person", name, name, Span(start, start + len(name)), 1.0, name.lower())


def test_a_lede_opening_on_a_body_still_gives_the_person_it_names() -> None:
    article = dataclasses.replace(article_from_text(SUMMIT, id="es"), language="es")
    profile = facts_profile(article)
    assert "El Grupo" in {p.canonical for p in profile.people}  # what the entity rules see
    assert [p.canonical for p in profile.participants] == ["Marta Velosa Ibarra"]


def test_the_ledes_first_name_stands_when_none_is_written_as_a_person() -> None:
    text = "El Grupo met La Cumbre on Monday."
    people = [person(text, "El Grupo"), person(text, "La Cumbre")]
    assert protagonist(people, [Span(0, len(text))], text) == people[0]
    assert protagonist([], [Span(0, len(text))], text) is None


def test_only_the_first_names_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    names = [f"Las Cosa{n}" for n in range(3 * PROTAGONIST_CHECKS)]
    text = " ".join(names) + "."
    checked: list[str] = []

    def never(_: str, name: str) -> bool:
        checked.append(name)
        return False

    monkeypatch.setattr(participants, "named_as_person", never)
    people = [person(text, name) for name in names]
    assert protagonist(people, [Span(0, 20)], text) == people[0]
    assert checked == names[:PROTAGONIST_CHECKS]  # the lede's name first, then in text order
