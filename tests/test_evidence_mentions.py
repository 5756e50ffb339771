"""Event evidence: entities with spans and weights, the event profile, and the date/place check."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.evidence.date_mentions import PartialDate
from dedupe.evidence.mentions import content_regions, person_mentions
from dedupe.evidence.overlap import entity_overlap, event_compatibility, event_profile, extract_entities
from dedupe.ingest.build import article_from_text
from dedupe.models import Article, Span, Token
from dedupe.text.segment import sentence_tokens, sentences
from dedupe.text.tokens import tokenize

KINDS = {"person", "organization", "place", "date", "number"}
SAME_EVENT = [("000", "001"), ("000", "004"), ("001", "004")]


def _canonical(article: Article, written: str) -> set[str]:
    return {e.canonical for e in extract_entities(article) if e.text == written}


def _weight(article: Article, canonical: str) -> float:
    (weight,) = {e.weight for e in extract_entities(article) if e.canonical == canonical}
    return weight


def test_patrushev_written_three_ways_is_one_person(seeds: dict[str, Article]) -> None:
    assert _canonical(seeds["000"], "Patrushev") == {"Nikolay Patrushev"}
    assert _canonical(seeds["003"], "Patrushev") == {"Nikolai Patrushev"}
    overlap = entity_overlap(extract_entities(seeds["000"]), extract_entities(seeds["001"]))
    (shared,) = [s for s in overlap.shared if s.kind == "person" and "Patrushev" in s.canonical]
    assert shared.canonical == "Nikolay Patrushev"  # A's spelling names the pair's shared entity
    assert not [e for e in overlap.b_only if "Patrushev" in e.canonical]


def test_short_names_resolve_to_the_full_name_the_article_gives(seeds: dict[str, Article]) -> None:
    assert _canonical(seeds["001"], "Xi") == {"Xi Jinping"}
    assert _canonical(seeds["001"], "Putin") == {"Vladimir Putin"}
    assert _canonical(seeds["003"], "Jiechi") == {"Yang Jiechi"}


def test_distinctive_names_weigh_more_than_china_and_russia(seeds: dict[str, Article]) -> None:
    for rare, common in (("Nanping", "China"), ("Guo Shengkun", "Russia"), ("Guo Shengkun", "China")):
        assert _weight(seeds["001"], rare) > 0.8 > 0.3 > _weight(seeds["001"], common), (rare, common)


def test_titles_and_bodies_split_at_the_title_word(seeds: dict[str, Article]) -> None:
    found = {(e.kind, e.text) for e in extract_entities(seeds["004"])}
    assert ("organization", "Russian Security Council") in found
    assert ("person", "Nikolai Patrushev") in found
    assert ("organization", "Chinese Communist Party") in found
    assert ("person", "Guo Shengkun") in found
    assert not {text for kind, text in found if "Secretary" in text or "President" in text}


def test_acronym_written_beside_its_name_shares_its_canonical(seeds: dict[str, Article]) -> None:
    assert _canonical(seeds["000"], "SCO") == {"Shanghai Cooperation Organization"}
    overlap = entity_overlap(extract_entities(seeds["001"]), extract_entities(seeds["004"]))
    assert "SCO" in {s.canonical for s in overlap.shared}  # 001's "SCO" is 004's written-out name


def test_dates_of_002_and_003_are_found_with_their_spans(seeds: dict[str, Article]) -> None:
    for key, written, value in (
        ("002", "June 6, 2014", PartialDate(2014, 6, 6, 4)),
        ("002", "Friday", PartialDate(2014, 6, 6, 4)),  # "on Friday" in a report of Saturday 7 June
        ("003", "04th December, 2019", PartialDate(2019, 12, 4, 2)),
        ("003", "Wednesday", PartialDate(2019, 12, 4, 2)),
        ("003", "Monday", PartialDate(2019, 12, 2, 0)),
    ):
        article = seeds[key]
        dates = [e for e in extract_entities(article) if e.kind == "date" and e.text == written]
        assert dates, (key, written)
        for entity in dates:
            assert entity.span.slice(article.text) == written
            assert entity.date == value


def test_boilerplate_is_skipped_and_the_title_is_kept(seeds: dict[str, Article]) -> None:
    caption_dates = [e for e in extract_entities(seeds["002"]) if e.text == "June 6, 2014"]
    assert len(caption_dates) == 1  # the caption repeated as boilerplate is read once
    assert not [e for e in extract_entities(seeds["004"]) if e.text == "AP"]  # the credit line
    first = extract_entities(seeds["000"])[0]
    assert (first.kind, first.text, first.span.start) == ("place", "Russia", 0)  # from the title


def test_every_entity_span_slices_to_its_text_inside_title_or_body(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        regions = content_regions(article)
        for entity in extract_entities(article):
            assert entity.kind in KINDS
            assert 0.0 <= entity.weight <= 1.0
            assert " ".join(entity.span.slice(article.text).split()) == entity.text
            assert any(r.start <= entity.span.start and entity.span.end <= r.end for r in regions)


def test_overlap_is_symmetric_and_partitions_each_side(seeds: dict[str, Article]) -> None:
    ents = {k: extract_entities(a) for k, a in seeds.items()}
    for a, b in (("000", "001"), ("001", "004"), ("002", "003")):
        forward, backward = entity_overlap(ents[a], ents[b]), entity_overlap(ents[b], ents[a])
        assert forward.score == pytest.approx(backward.score)
        assert 0.0 < forward.score < 1.0
        assert len(forward.shared) == len(backward.shared)
        assert len(forward.a_only) == len(backward.b_only)
        distinct = {(e.kind, e.key) for e in ents[a]}
        assert len(forward.shared) + len(forward.a_only) == len(distinct)


def test_same_event_pairs_share_more_weighted_entities_than_002_with_003(seeds: dict[str, Article]) -> None:
    ents = {k: extract_entities(a) for k, a in seeds.items()}
    other = entity_overlap(ents["002"], ents["003"]).score
    for a, b in SAME_EVENT:
        assert entity_overlap(ents[a], ents[b]).score > other + 0.1, (a, b)


@pytest.mark.parametrize(
    ("key", "place"),
    [("000", "Nanping"), ("001", "Nanping"), ("002", "Beijing"), ("003", "Shanghai"), ("004", "Beijing")],
)
def test_event_place_is_told_apart_from_places_mentioned(
    seeds: dict[str, Article], key: str, place: str
) -> None:
    profile = event_profile(seeds[key])
    assert profile.places[0].canonical == place
    assert profile.places[0].value in profile.places[0].sentence.slice(seeds[key].text)
    mentioned_only = {"Samarkand", "Taiwan", "Ukraine", "Uzbekistan", "Afghanistan", "Moscow"}
    assert not mentioned_only & {f.canonical for f in profile.places}


def test_event_dates_keep_what_the_text_says(seeds: dict[str, Article]) -> None:
    top = {key: event_profile(article).dates[0].date for key, article in seeds.items() if key != "004"}
    assert top["000"] == PartialDate(weekday=0)  # "on Monday", no publication date to resolve it
    assert top["001"] == PartialDate(None, 9, 19, 0)  # "Monday, September 19": no year
    assert top["002"] == PartialDate(2014, 6, 6, 4)
    assert top["003"] == PartialDate(2019, 12, 4, 2)
    assert event_profile(seeds["004"]).dates == ()  # only "last week" and "February", both other events


def test_participants_have_roles_and_exclude_people_merely_mentioned(seeds: dict[str, Article]) -> None:
    roles = {
        k: {f.canonical: (f.role, f.side) for f in event_profile(a).participants} for k, a in seeds.items()
    }
    assert roles["000"]["Nikolay Patrushev"] == ("delegation head", "Russian")
    assert roles["000"]["Yang Jiechi"] == ("delegation head", "Chinese")
    assert roles["001"]["Guo Shengkun"] == ("counterpart", "Chinese")
    assert roles["004"]["Guo Shengkun"][1] == "Chinese"
    for key in ("000", "001", "004"):
        assert not {"Vladimir Putin", "Xi Jinping"} & set(roles[key]), (
            key
        )  # Samarkand meeting, not these talks


def test_relative_dates_resolve_against_the_publication_date() -> None:
    text = "Ministers met in Vienna on Monday. Last week the talks were delayed, an aide said yesterday."
    article = article_from_text(text, id="x", published=date(2024, 3, 14))  # a Thursday
    dates = {e.text: e.date for e in extract_entities(article) if e.kind == "date"}
    assert dates["Monday"] == PartialDate(2024, 3, 11, 0)
    assert dates["Last week"] == PartialDate(2024, 3, 4, 0, days=7)
    assert dates["yesterday"] == PartialDate(2024, 3, 13, 2)


def test_compatibility_rules_out_other_events_and_never_000_with_001(seeds: dict[str, Article]) -> None:
    profiles = {k: event_profile(a) for k, a in seeds.items()}
    check = event_compatibility(profiles["002"], profiles["003"])
    assert check.dates_compatible is False
    assert "dates cannot both be right: 2014-06-06 vs 2019-12-04" in [r.text for r in check.reasons]
    assert all(not r.supports for r in check.reasons)  # both are evidence against one event
    assert event_compatibility(profiles["001"], profiles["003"]).dates_compatible is False
    assert event_compatibility(profiles["000"], profiles["001"]).dates_compatible is not False
    assert event_compatibility(profiles["000"], profiles["001"]).places_compatible is True
    for a, b in (("000", "001"), ("001", "003"), ("002", "004")):
        forward, backward = (
            event_compatibility(profiles[a], profiles[b]),
            event_compatibility(profiles[b], profiles[a]),
        )
        assert (forward.dates_compatible, forward.places_compatible) == (
            backward.dates_compatible,
            backward.places_compatible,
        )


WORDS = ["Nanping", "Guo", "Shengkun", "the", "met", "in", "on", "Monday", "12", "dead", "Mr", "Council",
         "SCO", ",", ".", "’s", "\n", "1,200", "Sept", "last", "week", "SHANGHAI", "(", "—"]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=60))
def test_any_text_gives_entities_inside_the_text(words: list[str]) -> None:
    text = " ".join(words) or "x"
    article = article_from_text(text if text.strip() else "x", id="p")
    for entity in extract_entities(article):
        assert 0 <= entity.span.start < entity.span.end <= len(article.text)
        assert entity.kind in KINDS
        assert 0.0 <= entity.weight <= 1.0
    profile = event_profile(article)
    for fact in profile.places + profile.dates + profile.participants + profile.numbers:
        assert fact.sentence.start <= fact.span.start < fact.span.end <= fact.sentence.end
        assert 0.0 <= fact.confidence <= 1.0


def tokens_by_sentence_one_by_one(text: str, regions: list[Span]) -> list[tuple[Span, list[Token]]]:
    """Each token goes to the sentence it starts in, if it also ends there (the rule, token by token)."""
    spans = sentences(text, regions)
    grouped: list[tuple[Span, list[Token]]] = [(s, []) for s in spans]
    for token in tokenize(text, regions):
        inside = [k for k, s in enumerate(spans) if s.start <= token.start < s.end]
        if inside and token.end <= spans[inside[0]].end:
            grouped[inside[0]][1].append(token)
    return grouped


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab 1.?!\n\"'“”-—AZ", max_size=80), st.integers(0, 3))
def test_sentence_tokens_are_the_tokens_each_sentence_holds(text: str, skip: int) -> None:
    regions = [Span(skip, len(text))] if skip < len(text) else []
    assert sentence_tokens(text, regions, tokenize(text, regions)) == tokens_by_sentence_one_by_one(
        text, regions
    )


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Security Council Secretary Nikolai Patrushev, a close ally, spoke. Patrushev left.",
         [("Nikolai Patrushev", 27, False), ("Patrushev", 67, False)]),
        ("The talks ended. Envoy Ana Petrova’s team met Wang Yi in Beijing on Monday.",
         [("Ana Petrova", 23, True), ("Wang Yi", 46, False)]),
        ("Mr Tarnow said the plan would hold. Later, Tarnow left.",
         [("Tarnow", 3, False), ("Tarnow", 43, False)]),
        ("Brena Vastolik spoke on Monday.", [("Brena Vastolik", 0, False)]),
        ("Officials in New Delhi met at the Security Council.", []),
        ("Officials of the Kazan Tribunal met the Baltic Alliance and Ruritania Reuters.", []),
        ("Maria Oduya met Peter Lankin on Friday.", [("Maria Oduya", 0, False), ("Peter Lankin", 16, False)]),
        ("VELORIA SOBRE TARNWELL: the envoys left.", []),
    ],
    ids=["title and short form", "possessive", "one titled word", "rare name", "place and body",
         "organisation words", "common given name opens a sentence", "capitals"],
)  # fmt: skip
def test_person_mentions_are_the_people_extract_entities_finds(
    text: str, people: list[tuple[str, int, bool]]
) -> None:
    found = person_mentions(text)
    assert [(m.name, m.start, m.owner) for m in found] == people
    assert all(text[m.start : m.end] == m.name for m in found)
    entities = [
        (e.text, e.span.start) for e in extract_entities(Article(id="t", text=text)) if e.kind == "person"
    ]
    assert entities == [(name, start) for name, start, _ in people]
