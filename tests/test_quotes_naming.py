"""Tests for fragments a speaker names something by (dedupe.quotes.naming).

Each case is a short invented report; a near miss stays unknown rather than wrong.
"""

from __future__ import annotations

from dedupe.ingest.build import article_from_text
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.speaker import UNKNOWN

LEAD = "Governor Hana Velkova of Ostrava Province met Mayor Tomas Brill in Kelmor on Monday.\n\n"


def _speakers(text: str) -> list[str]:
    return [q.canonical_speaker for q in extract_quotes(article_from_text("Visit\n\n" + text, id="t"))]


def test_as_he_calls_it_after_a_fragment_gives_it_to_the_caller() -> None:
    text = LEAD + "Velkova defended the levy, or the “river fund” as she calls it, before the council."
    assert _speakers(text) == ["Hana Velkova"]


def test_what_x_termed_before_a_fragment_gives_it_to_x() -> None:
    text = LEAD + "Miners in Kelmor remember what Velkova termed the “long winter” of the pits."
    assert _speakers(text) == ["Hana Velkova"]


def test_a_verb_of_regard_with_as_gives_the_fragment_to_its_subject() -> None:
    text = LEAD + "Velkova embraced Brill and greeted him as an “old ally” of the province."
    assert _speakers(text) == ["Hana Velkova"]


def test_a_participle_of_regard_gives_the_fragment_to_the_sentence_subject() -> None:
    text = LEAD + "Velkova opened the bridge on Tuesday, touting it as “the pride of the valley” to all."
    assert _speakers(text) == ["Hana Velkova"]


def test_a_relative_clause_of_regard_stays_unknown_not_the_sentence_subject() -> None:
    text = LEAD + "Velkova thanked Brill, who greeted her as an “old ally” of the town."
    assert _speakers(text) == [UNKNOWN]


def test_as_a_body_nobody_resolves_calls_it_stays_unknown() -> None:
    text = LEAD + "The levy, or the “river fund” as critics call it, was debated."
    assert _speakers(text) == [UNKNOWN]


def test_a_scare_quoted_word_without_a_verb_of_naming_stays_unknown() -> None:
    text = LEAD + "Velkova met Brill after the so-called “river fund” was approved."
    assert _speakers(text) == [UNKNOWN]
