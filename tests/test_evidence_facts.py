"""Facts that differ: slot-by-slot flags between reports of one event, each with both sentences."""

from __future__ import annotations

from itertools import permutations
from pathlib import Path

import pytest

from dedupe.corpus.fact_audit import audit_facts
from dedupe.evidence.clock_comparison import clock_flags, lede_time, time_flags
from dedupe.evidence.events import Fact, event_profile
from dedupe.evidence.fact_flags import FactFlag
from dedupe.evidence.facts import ArticleFacts, _same_side, article_facts, compare_facts
from dedupe.evidence.facts_lede import lede_sentences
from dedupe.evidence.facts_view import facts_profile
from dedupe.ingest.build import article_from_text
from dedupe.ingest.read import load_file
from dedupe.models import Article, Span
from dedupe.pair.compare import analyze, compare

FACTS = Path(__file__).resolve().parent.parent / "fixtures" / "facts"
KINDS = {"conflict", "different_detail", "spelling_variant", "number_mismatch", "date_mismatch"}

# Every flag raised between the three reports of the September 2022 talks, and nothing else.
# The editor's judgement on each is in its comment.
EXPECTED = {
    ("000", "001"): {
        # Yes: 000 says the Chinese delegation was led by Yang Jiechi, 001 names Guo Shengkun as
        # Patrushev's Chinese counterpart. TRUTH.md: "Chinese counterpart named" differs.
        ("counterpart", "conflict", "Yang Jiechi", "Guo Shengkun"),
        # Yes, and harmless: one man, two transliterations; shown so no one mistakes it for two.
        ("participant", "spelling_variant", "Nikolay Patrushev", "Nikolai Patrushev"),
    },
    ("000", "004"): {
        # Yes: TRUTH.md's place conflict, the talks in Nanping (000) vs "in Beijing" (004).
        ("place", "conflict", "Nanping", "Beijing"),
        # Yes: as for 000–001, 004 too names Guo Shengkun where 000 names Yang Jiechi.
        ("counterpart", "conflict", "Yang Jiechi", "Guo Shengkun"),
        # Yes, harmless: Nikolay / Nikolai.
        ("participant", "spelling_variant", "Nikolay Patrushev", "Nikolai Patrushev"),
    },
    ("001", "004"): {
        # Yes: Nanping (001) vs Beijing (004). Both name Guo Shengkun and spell Nikolai alike.
        ("place", "conflict", "Nanping", "Beijing"),
    },
}


def _summary(flags: tuple[FactFlag, ...]) -> set[tuple[str, str, str, str]]:
    return {(f.slot, f.kind, f.a_value, f.b_value) for f in flags}


def _fixture(name: str) -> Article:
    [article] = load_file(str(FACTS / f"{name}.txt"))
    return article


@pytest.mark.parametrize("pair", sorted(EXPECTED), ids="-".join)
def test_seed_flags_are_exactly_those_an_editor_agrees_with(
    seeds: dict[str, Article], pair: tuple[str, str]
) -> None:
    a, b = pair
    assert _summary(compare_facts(seeds[a], seeds[b])) == EXPECTED[pair]


def test_place_conflict_carries_both_sentences(seeds: dict[str, Article]) -> None:
    a, b = seeds["000"], seeds["004"]
    (flag,) = [f for f in compare_facts(a, b) if f.slot == "place"]
    assert flag.a_span.slice(a.text) == "Nanping"
    assert flag.b_span.slice(b.text) == "Beijing"
    assert flag.a_sentence.slice(a.text).startswith("The Russian delegation, headed by Nikolay Patrushev")
    assert flag.a_sentence.slice(a.text).endswith("member of the Politburo of the Chinese Communist Party.")
    assert flag.b_sentence.slice(b.text) == (
        "Patrushev, one of Russian President Vladimir Putin’s closest associates, spoke during a meeting "
        "with Chinese Communist Party official Guo Shengkun in Beijing."
    )
    assert (flag.a_sentence_text, flag.b_sentence_text) == (
        flag.a_sentence.slice(a.text),
        flag.b_sentence.slice(b.text),
    )


def test_place_conflict_between_001_and_004_points_at_the_talks_in_nanping(seeds: dict[str, Article]) -> None:
    a, b = seeds["001"], seeds["004"]
    (flag,) = compare_facts(a, b)
    assert flag.a_span.slice(a.text) == "Nanping"
    assert "during the talks in the Chinese city of Nanping" in flag.a_sentence.slice(a.text)
    assert flag.b_sentence.slice(b.text).endswith("official Guo Shengkun in Beijing.")


@pytest.mark.parametrize("other", ["001", "004"])
def test_counterpart_difference_carries_the_sentences_naming_them(
    seeds: dict[str, Article], other: str
) -> None:
    a, b = seeds["000"], seeds[other]
    (flag,) = [f for f in compare_facts(a, b) if f.slot == "counterpart"]
    assert flag.a_span.slice(a.text) == "Yang Jiechi"
    assert flag.b_span.slice(b.text) == "Guo Shengkun"
    assert "Chinese delegation led by Yang Jiechi" in flag.a_sentence.slice(a.text)
    assert "Guo Shengkun" in flag.b_sentence.slice(b.text)
    assert "Chinese" in flag.note


def test_nikolay_and_nikolai_are_a_spelling_variant_not_a_conflict(seeds: dict[str, Article]) -> None:
    for other in ("001", "004"):
        flags = compare_facts(seeds["000"], seeds[other])
        patrushev = [f for f in flags if "Patrushev" in f.a_value + f.b_value]
        assert [(f.kind, f.a_value, f.b_value) for f in patrushev] == [
            ("spelling_variant", "Nikolay Patrushev", "Nikolai Patrushev")
        ]
        assert patrushev[0].b_span.slice(seeds[other].text) == "Nikolai Patrushev"


def test_flags_mirror_when_the_reports_swap(seeds: dict[str, Article]) -> None:
    for a, b in EXPECTED:
        forward = _summary(compare_facts(seeds[a], seeds[b]))
        backward = {(s, k, y, x) for s, k, x, y in _summary(compare_facts(seeds[b], seeds[a]))}
        assert forward == backward


def test_precomputed_profiles_give_the_same_flags(seeds: dict[str, Article]) -> None:
    a, b = seeds["000"], seeds["004"]
    profiles = (event_profile(a), event_profile(b))
    assert compare_facts(a, b, profiles=profiles) == compare_facts(a, b)


def test_twelve_against_fifteen_dead_is_a_number_mismatch_and_1200_agrees_with_1_2_thousand() -> None:
    a, b = _fixture("fire_a"), _fixture("fire_b")
    flags = compare_facts(a, b)
    assert [(f.slot, f.kind) for f in flags] == [("number", "number_mismatch")]
    (flag,) = flags
    assert "12 dead" in flag.note and "15 dead" in flag.note
    assert flag.a_span.slice(a.text) == "12" and flag.b_span.slice(b.text) == "Fifteen dead"
    # 1,200 and "about 1.2 thousand" residents are compared, and agree: no flag.
    residents = [[f.canonical for f in event_profile(x).numbers if "resident" in f.canonical] for x in (a, b)]
    assert residents == [["1200 resident"], ["~1200 resident"]]


def test_tuesday_against_wednesday_is_a_date_mismatch_and_a_third_minister_a_detail() -> None:
    a, b = _fixture("talks_a"), _fixture("talks_b")
    flags = compare_facts(a, b)
    assert _summary(flags) == {
        ("date", "date_mismatch", "Tuesday", "Wednesday"),
        ("participant", "different_detail", "", "Antti Koskivaara"),
    }
    (detail,) = [f for f in flags if f.kind == "different_detail"]
    assert detail.b_span.slice(b.text) == "Antti Koskivaara"
    assert detail.a_span.start == detail.a_span.end == detail.a_sentence.start  # nothing to point at in A
    assert "Kristjan Tammeorg" in detail.a_sentence.slice(a.text)  # A's sentence naming who took part


@pytest.mark.parametrize(
    ("a_text", "b_text", "flagged"),
    [
        ("A blast killed at least 12 miners on Tuesday.", "A blast killed 15 miners on Tuesday.", False),
        ("A blast killed 12 miners on Tuesday.", "A blast killed 15 miners on Tuesday.", True),
        ("A blast killed about 200 miners on Tuesday.", "A blast killed 210 miners on Tuesday.", False),
        (
            "Fire crews saved 1,200 homes on Tuesday.",
            "Fire crews saved 1.2 thousand homes on Tuesday.",
            False,
        ),
        ("Storm damage cost $5 million on Tuesday.", "Storm damage cost $4 million on Tuesday.", True),
    ],
    ids=["lower-bound", "exact", "approximate", "scale-word", "currency"],
)
def test_number_agreement_cases(a_text: str, b_text: str, flagged: bool) -> None:
    a, b = article_from_text(a_text, id="a"), article_from_text(b_text, id="b")
    kinds = [f.kind for f in compare_facts(a, b)]
    assert kinds == (["number_mismatch"] if flagged else [])


def test_every_flag_is_backed_by_text(seeds: dict[str, Article]) -> None:
    pairs = [(seeds[a], seeds[b]) for a, b in EXPECTED] + [(_fixture("talks_a"), _fixture("talks_b"))]
    for a, b in pairs:
        for flag in compare_facts(a, b):
            assert flag.kind in KINDS
            assert 0.0 < flag.confidence <= 1.0
            assert flag.note
            for text, span, sentence, value in (
                (a.text, flag.a_span, flag.a_sentence, flag.a_value),
                (b.text, flag.b_span, flag.b_sentence, flag.b_value),
            ):
                assert sentence.start <= span.start <= span.end <= sentence.end
                assert len(sentence) > 0
                assert " ".join(span.slice(text).split()) == value


def test_reports_of_other_events_get_no_flags_in_a_comparison(seeds: dict[str, Article]) -> None:
    # compare_facts runs only for pairs the verdict judges the same event (or stronger);
    # 002 (2014, Beijing) and 003 (2019, Shanghai) report other rounds of talks.
    for a, b in [("001", "002"), ("001", "003"), ("002", "003")]:
        report = compare(seeds[a], seeds[b])
        assert report.facts == (), (a, b, report.relation)
    # The fact audit holds reports to each other only inside an event cluster, which keeps
    # 002 and 003 apart even where compare alone reads a pair as one event (test_pair_compare).
    audit = audit_facts(seeds.values())
    flagged = {frozenset((p.a_id[:3], p.b_id[:3])) for p in audit.pairs}
    assert flagged and all(pair <= {"000", "001", "004"} for pair in flagged)


def _met(name: str) -> Fact:
    return Fact("participant", name, name, Span(0, len(name)), Span(0, len(name)), 0.8, role="met")


@pytest.mark.parametrize(
    ("a_name", "b_name", "counterparts"),
    [
        ("Pak Song Il", "Пак Сон Ир", False),  # one man in two scripts
        ("Li Wenbo", "Li", False),  # the surname alone, written first as Chinese does
        ("Li Wenbo", "Zhao Ming", True),
        ("Pak Song Il", "Kim Yong", True),
    ],
)
def test_names_that_may_be_one_person_are_no_counterpart_conflict(
    a_name: str, b_name: str, counterparts: bool
) -> None:
    assert _same_side(_met(a_name), _met(b_name)) is counterparts


# Each report's side of a fact comparison is read once: the flags are exactly the uncached ones.
# Two invented reports of one launch that differ on its clock time, its day, its toll and
# who was there; every slot ``compare_facts`` reads has something to flag.
LAUNCH_A = (
    "Northland launched its first weather satellite from Kestrel Point on Thursday.\n\n"
    "The rocket lifted off at 06:15 local time, space agency chief Mara Ellison said.\n\n"
    "Ellison met engineer Tomas Varga at the launch site, where 12 workers were injured."
)
LAUNCH_B = (
    "Northland launched its first weather satellite from Beijing on Friday.\n\n"
    "The rocket lifted off at 07:40 a.m. local time, space agency chief Mara Elisson said.\n\n"
    "Elisson met engineer Ilse Brandt at the launch site, where 15 workers were injured."
)


@pytest.fixture(scope="module")
def reports(seeds: dict[str, Article]) -> list[Article]:
    """The seeds, the fact fixtures and the two launch reports."""
    own = [article_from_text(LAUNCH_A, id="launch_a"), article_from_text(LAUNCH_B, id="launch_b")]
    return [*seeds.values(), *(_fixture(n) for n in ("fire_a", "fire_b", "talks_a", "talks_b")), *own]


def test_launch_reports_raise_flags_in_several_slots(reports: list[Article]) -> None:
    a, b = reports[-2:]
    slots = {f.slot for f in compare_facts(a, b)}
    assert {"number", "date", "counterpart", "participant"} <= slots  # pairs below differ on flags


def test_per_article_views_give_exactly_the_uncached_flags(reports: list[Article]) -> None:
    views = {r.id: article_facts(r) for r in reports}
    for a, b in permutations(reports, 2):
        assert compare_facts(a, b, views=(views[a.id], views[b.id])) == compare_facts(a, b), (a.id, b.id)


def test_analysis_keeps_one_view_and_gives_the_uncached_flags(reports: list[Article]) -> None:
    analysed = {r.id: analyze(r) for r in reports}
    for a, b in permutations(reports, 2):
        fa, fb = analysed[a.id], analysed[b.id]
        assert compare_facts(a, b, views=(fa.facts(), fb.facts())) == compare_facts(a, b), (a.id, b.id)
    first = analysed[reports[0].id]
    assert first.facts() is first.facts()  # computed once, then kept
    assert isinstance(first.facts(), ArticleFacts)
    # the kept view is the facts view of the article itself
    assert all(f.facts().profile == facts_profile(f.article) for f in analysed.values())


def test_clock_flags_read_from_lede_times_match_the_pairwise_call(reports: list[Article]) -> None:
    a, b = reports[-2:]
    assert time_flags(lede_time(a), lede_time(b)) == clock_flags(a, b) != []


def test_a_lede_read_twice_is_the_same_and_a_changed_text_is_read_anew() -> None:
    article = article_from_text(LAUNCH_A, id="a")
    first = [(span, [t.text for t in tokens]) for span, tokens in lede_sentences(article)]
    assert [(span, [t.text for t in tokens]) for span, tokens in lede_sentences(article)] == first
    other = article_from_text(LAUNCH_B, id="a")
    (opening, *_) = [span.slice(other.text) for span, _ in lede_sentences(other)]
    assert opening.endswith("from Beijing on Friday.")
