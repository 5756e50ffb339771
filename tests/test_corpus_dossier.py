"""The event dossier: facts and statements by source, families of copies and rewrites, unique content.

Two events: the seeds 000, 001 and 004 (one meeting reported three ways), and an invented
harbour fire in fixtures/dossier (8 reports: 3 wire copies, 2 rewrites of a Reuters story,
3 independent reports; 12 vs 15 dead and 300 vs 800 evacuated; one quotation of the fire
chief given to the mayor).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dedupe.corpus.dossier import Dossier, dossier
from dedupe.corpus.dossier_facts import FactRow
from dedupe.corpus.dossier_lineage import credits_of
from dedupe.ingest.build import article_from_text
from dedupe.ingest.read import load_file
from dedupe.models import Article

FIRE = Path(__file__).resolve().parent.parent / "fixtures" / "dossier" / "harbour_fire.jsonl"
WIRES = ("wire-baltic-post", "wire-coast-times", "wire-harbour-daily")
REWRITES = ("rewrite-evening-star", "rewrite-north-wire")
OWN = ("own-courier", "own-gazette", "own-observer")


@pytest.fixture(scope="module")
def meeting(seeds: dict[str, Article]) -> Dossier:
    return dossier([seeds["000"], seeds["001"], seeds["004"]])


@pytest.fixture(scope="module")
def fire() -> Dossier:
    return dossier(load_file(str(FIRE)))


def _rows(found: Dossier, label: str) -> list[FactRow]:
    return [row for row in found.facts if row.label == label]


def _ids(seeds: dict[str, Article], *keys: str) -> tuple[str, ...]:
    return tuple(seeds[k].id for k in keys)


def test_the_place_conflict_is_one_row_with_how_many_sources_say_each(
    meeting: Dossier, seeds: dict[str, Article]
) -> None:
    [where] = _rows(meeting, "where")
    assert where.status == "conflict"
    assert [(v.value, v.sources) for v in where.values] == [
        ("Nanping", _ids(seeds, "000", "001")),
        ("Beijing", _ids(seeds, "004")),
    ]
    assert where.pairs == 2  # two pairs show it, one row says it
    beijing = next(c for c in where.cells if c.source == seeds["004"].id)
    assert seeds["004"].text[beijing.span.start : beijing.span.end] == "Beijing"
    assert beijing.sentence_text == beijing.sentence.slice(seeds["004"].text)


def test_the_counterpart_conflict_is_one_row(meeting: Dossier, seeds: dict[str, Article]) -> None:
    [counterpart] = _rows(meeting, "counterpart")
    assert counterpart.status == "conflict"
    assert [(v.value, v.sources) for v in counterpart.values] == [
        ("Guo Shengkun", _ids(seeds, "001", "004")),
        ("Yang Jiechi", _ids(seeds, "000")),
    ]


def test_conflicts_come_before_facts_the_sources_agree_on(meeting: Dossier) -> None:
    statuses = [row.status for row in meeting.facts]
    assert statuses[:2] == ["conflict", "conflict"]
    assert statuses == sorted(statuses, key=["conflict", "variant", "agree", "single"].index)
    assert meeting.conflicts == 2


def test_the_priority_statement_is_one_row_with_three_renderings_and_their_substitutions(
    meeting: Dossier, seeds: dict[str, Article]
) -> None:
    [priority] = [s for s in meeting.statements if any("unconditional priority" in c.text for c in s.cells)]
    assert [c.source for c in priority.cells] == list(_ids(seeds, "000", "001", "004"))
    assert priority.consistency == "differs"
    substitutions = {
        (c.source, d.reference_text, d.rendering_text)
        for c in priority.cells
        for d in c.differences
        if d.kind == "substitution"
    }
    assert (seeds["000"].id, "unconditional", "absolute") in substitutions
    assert (seeds["004"].id, "unconditional", "unreserved") in substitutions


def test_an_office_against_the_person_is_an_attribution_conflict(
    meeting: Dossier, seeds: dict[str, Article]
) -> None:
    [sharing] = [s for s in meeting.statements if any("information sharing" in c.text for c in s.cells)]
    [attribution] = sharing.attributions
    assert attribution.kind == "person_vs_institution"
    assert (attribution.source, attribution.other_source) == _ids(seeds, "004", "001")


def test_001_and_004_stay_apart_and_the_dossier_says_why(meeting: Dossier, seeds: dict[str, Article]) -> None:
    family = {s.id: s.family for s in meeting.sources}
    assert family[seeds["001"].id] != family[seeds["004"].id]
    [miss] = [m for m in meeting.near_misses if (m.a, m.b) == _ids(seeds, "001", "004")]
    assert miss.relation == "same_event" and miss.shared_statements >= 5
    assert "not reuse" in miss.reason and f"longest is {miss.longest_passage_words}" in miss.reason
    assert meeting.summary() == "3 independent sources, 3 articles"
    [ap] = [f for f in meeting.families if seeds["004"].id in f.members]
    assert [c.name for c in ap.credits] == ["AP"]


def test_the_synthetic_event_has_its_families(fire: Dossier) -> None:
    kinds = {f.members: f.kind for f in fire.families}
    assert kinds == {WIRES: "copies", REWRITES: "rewrites", **{(m,): "independent" for m in OWN}}
    assert fire.summary() == "5 independent sources, 8 articles"
    copies = next(f for f in fire.families if f.members == WIRES)
    assert (copies.earliest_date, copies.earliest) == ("2031-05-06", "wire-coast-times")
    assert {c.name for c in copies.credits} == {"PAP"}
    rewrites = next(f for f in fire.families if f.members == REWRITES)
    assert {(c.source, c.name, c.where) for c in rewrites.credits} == {
        ("rewrite-north-wire", "Reuters", "credit line or dateline"),
        ("rewrite-evening-star", "Reuters", "text"),
    }


def test_the_synthetic_event_has_two_conflicting_figures(fire: Dossier) -> None:
    conflicts = [row for row in fire.facts if row.status == "conflict"]
    assert len(conflicts) == 2
    dead, residents = conflicts
    assert [(v.value, len(v.sources)) for v in dead.values] == [("12 dead", 6), ("15 dead", 2)]
    assert set(dead.values[1].sources) == {"own-courier", "own-gazette"}
    assert [(v.value, v.sources) for v in residents.values] == [
        ("300 resident", WIRES),
        ("800 resident", ("own-gazette",)),
    ]


def test_the_synthetic_event_finds_the_misattributed_quotation(fire: Dossier) -> None:
    flagged = [(s, a) for s in fire.statements for a in s.attributions]
    assert len(flagged) == 1
    statement, attribution = flagged[0]
    assert statement.speaker == "Tomasz Wolny"
    assert (attribution.kind, attribution.source, attribution.speaker) == (
        "different_speaker",
        "own-observer",
        "Anna Kowal",
    )
    assert attribution.other_speaker == "Tomasz Wolny"
    assert fire.attribution_conflicts == 1


def test_unique_content_is_what_no_other_family_reports(fire: Dossier) -> None:
    unique = {u.family: u for u in fire.unique}
    family_of = {s.id: s.family for s in fire.sources}
    courier = unique[family_of["own-courier"]]
    assert any("forklift battery" in s.text for s in courier.sentences)
    copies = unique[family_of["wire-harbour-daily"]]
    texts = " ".join(s.text for s in copies.sentences)
    assert "ammonium nitrate" in texts
    assert "within minutes" not in texts  # the fire chief's words are in other families too
    for u in fire.unique:
        article = next(a for a in load_file(str(FIRE)) if a.id == u.source)
        assert all(article.text[s.span.start : s.span.end].strip() == s.text for s in u.sentences)


def test_the_dossier_does_not_depend_on_input_order() -> None:
    articles = load_file(str(FIRE))
    assert dossier(articles[::-1]) == dossier(articles)


def test_credits_in_the_text_are_found_with_their_sentence() -> None:
    text = "Talks ended late.\n\nThe talks ended, TASS reported, citing an aide."
    article = article_from_text(text, id="t")
    [credit] = credits_of(article)
    assert (credit.name, credit.where) == ("TASS", "text")
    assert credit.span is not None and article.text[credit.span.start : credit.span.end] == "TASS"
    assert credit.sentence_text == "The talks ended, TASS reported, citing an aide."


LAUNCH = (
    "Northland's space agency launched its first weather satellite on Thursday. "
    "The rocket lifted off from the Kestrel Point launch site at {} local time."
)


def _launch(time: str, id: str) -> Article:
    return article_from_text(LAUNCH.format(time), id=id, title="Northland launches a weather satellite")


def test_the_event_time_two_sources_give_apart_is_a_conflicting_figure() -> None:
    found = dossier([_launch("06:15", "a"), _launch("07:40 a.m.", "b"), _launch("06:15", "c")])
    [time] = _rows(found, "figure: time (local)")
    assert time.status == "conflict"
    assert [(v.value, v.sources) for v in time.values] == [
        ("06:15 local time", ("a", "c")),
        ("07:40 a.m. local time", ("b",)),
    ]
    assert time.pairs == 2
    assert all(c.sentence_text.startswith("The rocket lifted off") for c in time.cells)


def test_the_event_time_sources_give_alike_is_no_row() -> None:
    found = dossier([_launch("06:15", "a"), _launch("6:17 a.m.", "b")])
    assert [row.label for row in found.facts if row.label.startswith("figure")] == []


def test_one_event_time_written_two_ways_is_one_value() -> None:
    found = dossier([_launch("06:15", "a"), _launch("07:40 a.m.", "b"), _launch("6:15 a.m.", "c")])
    [time] = _rows(found, "figure: time (local)")
    assert [v.sources for v in time.values] == [("a", "c"), ("b",)]
