"""Tests for dedupe.evidence.terms: lemmatised, rarity-weighted content words."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from dedupe.evidence.terms import cosine, name_terms, rarity, term_vector, top_terms
from dedupe.ingest.build import article_from_text


def test_inflections_meet_in_one_lemma_and_stop_words_carry_nothing() -> None:
    vector = term_vector("The ministers met. The minister meets reporters after meetings.", "en")
    assert "minister" in vector and "ministers" not in vector
    assert "the" not in vector and "after" not in vector


def test_rare_words_outweigh_common_ones() -> None:
    vector = term_vector("The earthquake struck Hualien county; officials said buildings collapsed.", "en")
    assert vector["hualien"] > vector["earthquake"] > vector["official"]
    assert rarity("hualien", "en") > rarity("official", "en") >= 0.0


def test_vectors_are_unit_length_and_cosine_is_symmetric() -> None:
    a = term_vector("Lavrov and Wang Yi held talks in Beijing on Tuesday.", "en")
    b = term_vector("Wang Yi received Lavrov in Beijing for talks on Ukraine.", "en")
    assert math.isclose(sum(w * w for w in a.values()), 1.0, rel_tol=1e-9)
    assert cosine(a, b) == cosine(b, a)
    assert 0.3 < cosine(a, b) < 1.0
    assert cosine(a, a) > 0.999


def test_other_languages_lemmatise_too_and_spaceless_scripts_give_nothing() -> None:
    vector = term_vector("Las reuniones de los ministros terminaron.", "es")
    assert "reunión" in vector
    assert term_vector("中国外交部长王毅会见俄罗斯外长拉夫罗夫", "zh") == {}


def test_title_words_count_more() -> None:
    plain = term_vector("Rescuers searched the rubble.", "en")
    titled = term_vector("Rescuers searched the rubble.", "en", title="Rubble")
    assert titled["rubble"] > plain["rubble"]


def test_top_terms_are_the_heaviest_in_a_stable_order() -> None:
    vector = {"b": 0.5, "a": 0.5, "c": 0.1}
    assert top_terms(vector, 2) == ["a", "b"]


@given(st.text(max_size=300), st.text(max_size=300))
def test_cosine_stays_within_zero_and_one(x: str, y: str) -> None:
    value = cosine(term_vector(x, "en"), term_vector(y, "en"))
    assert 0.0 <= value <= 1.0


def test_name_terms_read_capitals_of_every_cased_script_but_not_sentence_openings() -> None:
    text = (
        "Talks opened today. Diplomats said Çavuşoğlu met Лавров and Österreich officials.\n\n"
        "Переговоры прошли в Москве, сообщил Лавров."
    )
    terms = name_terms(article_from_text(text, id="x"))
    assert {"cavusoglu", "lavrov", "ostereich", "moskve"} <= set(terms)
    assert not {"talks", "diplomats", "peregovori"} & set(terms)  # they open sentences
