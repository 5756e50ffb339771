"""Tests for dedupe.pair.verdict: every verdict and reason, each threshold just below, at and above.

The event model is a stub whose probabilities the test sets through one feature each
(``names`` for one event, ``rare_terms`` for related), so the ladder is tested apart from
the fitted coefficients.
"""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from dedupe.models import Reason
from dedupe.pair.copy_extent import Extent, Side
from dedupe.pair.event_model import FEATURES, EventModel
from dedupe.pair.similarity import Similarity
from dedupe.pair.verdict import (
    DUPLICATE_CONFIDENCE_SCALE,
    EXTRA_WORDS_PART,
    MIN_SHOWN_CONTRIBUTION,
    REUSE_CONFIDENCE_SCALE,
    SHOWN_CONTRIBUTIONS,
    EventEvidence,
    Relation,
    copy_verdict,
    decide,
)
from dedupe.settings import Settings

SETTINGS = Settings()
EPS = 1e-6


def stub_model(**weights: float) -> EventModel:
    """A model with the given same-event weights, intercept 0, thresholds 0.5; related reads rare_terms."""
    return EventModel(
        weights=tuple(weights.get(name, 1.0 if name == "names" else 0.0) for name in FEATURES),
        intercept=0.0,
        threshold=0.5,
        cluster_threshold=0.5,
        related_weights=tuple(1.0 if name == "rare_terms" else 0.0 for name in FEATURES),
        related_intercept=0.0,
        related_threshold=0.5,
        provenance={},
    )


MODEL = stub_model()


def logit(p: float) -> float:
    return math.log(p / (1 - p))


def figures(
    jaccard: float = 0.0, coverage_a: float = 0.0, coverage_b: float = 0.0, longest: int = 0
) -> Similarity:
    return Similarity(jaccard, jaccard, jaccard, jaccard, coverage_a, coverage_b, longest, 5, 128)


def evidence(
    same: float = 0.1,
    related: float = 0.1,
    *,
    quotes: int = 0,
    names: tuple[str, ...] = (),
    checks: tuple[Reason, ...] = (),
    extra: dict[str, float] | None = None,
) -> EventEvidence:
    """Evidence whose stub probabilities of one event and of related are ``same`` and ``related``."""
    features = {"names": logit(same), "rare_terms": logit(related), **(extra or {})}
    return EventEvidence(
        shared_quotes=quotes,
        full_quotes=quotes,
        quote_examples=tuple(
            f"quotation number {n}, long enough to be shortened at sixty characters" for n in range(quotes)
        ),
        entity_score=0.5 if names else 0.0,
        shared_entities=names,
        dates_compatible=None,
        places_compatible=None,
        check_reasons=checks,
        features=features,
    )


def side(before: int = 0, inside: int = 200, after: int = 0, covered: float = 0.95) -> Side:
    return Side(before, inside, after, covered)


def copy_extent(a: Side | None = None, b: Side | None = None, *, in_order: bool = True) -> Extent:
    return Extent(a or side(), b or side(), in_order)


S = SETTINGS
BELOW, AT, ABOVE = -EPS, 0.0, EPS
EDGES = {"just below": BELOW, "at": AT, "just above": ABOVE}
SCORE_EDGES = {"just below": -0.001, "at": 0.0, "just above": 0.001}

# (case, similarity, passage similarities, extent, evidence, expected relation)
LADDER = [
    # duplicate by Jaccard
    *[
        (
            f"jaccard {n}",
            figures(S.duplicate_jaccard + d),
            [],
            None,
            evidence(),
            Relation.DUPLICATE if d >= 0 else Relation.UNRELATED,
        )
        for n, d in EDGES.items()
    ],
    # duplicate by coverage of both sides and passage similarity, each at its edge
    *[
        (
            f"low coverage {n}",
            figures(0.1, 1.0, S.duplicate_coverage + d),
            [S.duplicate_coverage],
            None,
            evidence(),
            Relation.DUPLICATE if d >= 0 else Relation.REUSE,
        )
        for n, d in EDGES.items()
    ],
    *[
        (
            f"passage similarity {n}",
            figures(0.1, 0.9, 0.9),
            [S.duplicate_coverage + d],
            None,
            evidence(),
            Relation.DUPLICATE if d >= 0 else Relation.REUSE,
        )
        for n, d in EDGES.items()
    ],
    # reuse by coverage of one side, or by the longest passage
    *[
        (
            f"reuse coverage {n}",
            figures(0.1, S.reuse_coverage + d, 0.0),
            [],
            None,
            evidence(),
            Relation.REUSE if d >= 0 else Relation.UNRELATED,
        )
        for n, d in EDGES.items()
    ],
    *[
        (
            f"reuse passage {n}",
            figures(0.1, 0.0, 0.0, S.reuse_passage_words + k),
            [],
            None,
            evidence(),
            Relation.REUSE if k >= 0 else Relation.UNRELATED,
        )
        for n, k in {"just below": -1, "at": 0, "just above": 1}.items()
    ],
    # one event from the model's threshold on; related from its related threshold on
    # (the event score is rounded to 4 places before it meets the threshold, so "just" is 0.001 here)
    *[
        (
            f"same event {n}",
            figures(),
            [],
            None,
            evidence(0.5 + d),
            Relation.SAME_EVENT if d >= 0 else Relation.UNRELATED,
        )
        for n, d in SCORE_EDGES.items()
    ],
    *[
        (
            f"related {n}",
            figures(),
            [],
            None,
            evidence(0.2, 0.5 + d),
            Relation.RELATED if d >= 0 else Relation.UNRELATED,
        )
        for n, d in SCORE_EDGES.items()
    ],
    # the stronger rung wins
    ("reuse over one event", figures(0.1, 0.5, 0.1, 10), [], None, evidence(0.99), Relation.REUSE),
    ("one event over related", figures(), [], None, evidence(0.9, 0.9), Relation.SAME_EVENT),
    (
        "cut-short copy",
        figures(0.3, 0.4, 0.95),
        [0.95],
        copy_extent(side(0, 200, 300)),
        evidence(),
        Relation.DUPLICATE,
    ),
]


@pytest.mark.parametrize(
    ("similarity", "passages", "extent", "found", "expected"),
    [case[1:] for case in LADDER],
    ids=[case[0] for case in LADDER],
)
def test_the_ladder_at_each_threshold(
    similarity: Similarity,
    passages: list[float],
    extent: Extent | None,
    found: EventEvidence,
    expected: Relation,
) -> None:
    assert decide(similarity, found, passages, SETTINGS, extent, MODEL).relation is expected


@pytest.mark.parametrize(
    ("similarity", "passages", "found", "confidence"),
    [
        (figures(S.duplicate_jaccard), [], evidence(), 0.5),
        (figures(S.duplicate_jaccard + DUPLICATE_CONFIDENCE_SCALE / 2), [], evidence(), 0.75),
        (figures(1.0), [], evidence(), 1.0),
        (figures(0.1, S.reuse_coverage + REUSE_CONFIDENCE_SCALE / 2, 0.0), [], evidence(), 0.75),
        (figures(0.1, 0.0, 0.0, 2 * S.reuse_passage_words), [], evidence(), 1.0),
        (figures(), [], evidence(0.8), 0.8),
        (figures(), [], evidence(0.2, 0.9), 0.72),  # (1 - 0.2) * 0.9
        (figures(), [], evidence(0.2, 0.25), 0.6),  # (1 - 0.2) * (1 - 0.25)
    ],
    ids=[
        "dup at edge",
        "dup half",
        "dup capped",
        "reuse half",
        "reuse by passage capped",
        "event",
        "related",
        "unrelated",
    ],
)
def test_confidence_grows_with_the_margin(
    similarity: Similarity, passages: list[float], found: EventEvidence, confidence: float
) -> None:
    verdict = decide(similarity, found, passages, SETTINGS, None, MODEL)
    assert verdict.confidence == pytest.approx(confidence, abs=0.005)
    assert verdict.event_score == pytest.approx(round(MODEL.probability(found.features), 4))


def codes(reasons: tuple[Reason, ...]) -> list[str]:
    return [r.code for r in reasons]


def test_every_verdict_opens_with_the_text_and_ends_with_the_event_score() -> None:
    check = Reason("dates_conflict", "dates differ", supports=False)
    found = evidence(0.9, quotes=2, names=("Ruritania", "Zenda"), checks=(check,))
    verdict = decide(figures(), found, [], SETTINGS, None, MODEL)
    assert codes(verdict.reasons) == [
        "text_overlap",
        "shared_quotations",
        "shared_entities",
        "dates_conflict",
        "event:names",
        "event_score",
    ]
    text = {r.code: r for r in verdict.reasons}
    assert "2 quotation(s) rendered by both" in text["shared_quotations"].text
    assert text["shared_quotations"].text.count("“") == 2
    assert " …”" in text["shared_quotations"].text  # shortened to sixty characters
    assert "Ruritania, Zenda" in text["shared_entities"].text
    assert text["dates_conflict"].supports is False
    assert text["event_score"].supports is True
    assert text["event:names"].supports is True


def test_no_quotations_or_names_give_no_such_reasons_and_a_low_score_speaks_against() -> None:
    verdict = decide(figures(), evidence(0.2), [], SETTINGS, None, MODEL)
    assert "shared_quotations" not in codes(verdict.reasons)
    assert "shared_entities" not in codes(verdict.reasons)
    assert verdict.reasons[-1].code == "event_score" and verdict.reasons[-1].supports is False
    assert verdict.reasons[-2].code == "event:names" and verdict.reasons[-2].supports is False


@pytest.mark.parametrize(
    ("weight", "shown"),
    [
        (MIN_SHOWN_CONTRIBUTION - EPS, False),
        (MIN_SHOWN_CONTRIBUTION, True),
        (MIN_SHOWN_CONTRIBUTION + EPS, True),
    ],
)
def test_small_contributions_are_not_listed(weight: float, shown: bool) -> None:
    model = stub_model(names=0.0, quotations=weight)
    found = evidence(extra={"quotations": 1.0, "names": 0.0})
    verdict = decide(figures(), found, [], SETTINGS, None, model)
    assert ("event:quotations" in codes(verdict.reasons)) is shown


def test_at_most_five_contributions_are_listed() -> None:
    names = FEATURES[: SHOWN_CONTRIBUTIONS + 2]
    model = stub_model(**dict.fromkeys(names, 1.0))
    found = evidence(extra=dict.fromkeys(names, 1.0))
    listed = [
        c
        for c in codes(decide(figures(), found, [], SETTINGS, None, model).reasons)
        if c.startswith("event:")
    ]
    assert len(listed) == SHOWN_CONTRIBUTIONS


def test_a_duplicate_keeps_the_event_reasons_between_its_text_reasons() -> None:
    found = evidence(0.9, quotes=1)
    verdict = decide(figures(0.3, 0.4, 0.95), found, [0.95], SETTINGS, copy_extent(side(0, 200, 300)), MODEL)
    assert verdict.relation is Relation.DUPLICATE
    assert codes(verdict.reasons)[0] == "text_overlap"
    assert codes(verdict.reasons)[-1] == "cut_or_wrapped_copy"
    assert "shared_quotations" in codes(verdict.reasons)


def test_reuse_says_how_much_is_shared() -> None:
    verdict = decide(figures(0.1, 0.45, 0.2, 33), evidence(), [], SETTINGS, None, MODEL)
    assert verdict.reasons[-1] == Reason(
        "shared_passages", "shared passages cover 45% of one article (reuse from 30%); longest 33 words"
    )


def test_the_text_reason_gives_the_figures() -> None:
    reason = decide(figures(0.25, 0.5, 0.125), evidence(), [], SETTINGS, None, MODEL).reasons[0]
    assert reason.text == (
        "5-word shingle Jaccard 0.25 (MinHash estimate 0.25); aligned passages cover 50% of A and 12% of B"
    )


# copy_verdict without a duplicate by Jaccard or coverage: the cut-short or wrapped copy.
COPY = figures(0.2, 0.3, 0.9)
MIN = S.copy_min_words
EXTRA = MIN // EXTRA_WORDS_PART


@pytest.mark.parametrize(
    ("passages", "extent", "copy"),
    [
        ([0.95], None, False),
        ([0.95], copy_extent(side(0, 200, 300), in_order=False), False),
        ([S.duplicate_coverage - EPS], copy_extent(side(0, 200, 300)), False),
        ([S.duplicate_coverage], copy_extent(side(0, 200, 300)), True),
        ([0.95], copy_extent(side(0, MIN - 1, 0), side(0, 200, 0)), False),
        ([0.95], copy_extent(side(0, MIN, 0), side(0, 200, 0)), True),
        ([0.95], copy_extent(side(covered=S.duplicate_coverage - EPS)), False),
        ([0.95], copy_extent(side(covered=S.duplicate_coverage)), True),
        ([], copy_extent(), False),
    ],
    ids=[
        "no extent",
        "out of order",
        "passages below",
        "passages at",
        "inside below",
        "inside at",
        "covered below",
        "covered at",
        "no passages",
    ],
)
def test_a_cut_or_wrapped_copy_needs_every_condition(
    passages: list[float], extent: Extent | None, copy: bool
) -> None:
    found = copy_verdict(COPY, passages, SETTINGS, extent)
    assert (found is not None) is copy
    if found is not None:
        assert codes(found[1]) == ["text_overlap", "cut_or_wrapped_copy"]


def share_extent(share: float) -> Extent:
    """Both sides with ``share`` of their words inside the stretch (of 1,000 words)."""
    inside = round(share * 1000)
    return copy_extent(side(0, inside, 1000 - inside), side(0, inside, 1000 - inside))


@pytest.mark.parametrize(
    ("share", "copy"),
    [(S.copy_min_share - 0.001, False), (S.copy_min_share, True), (S.copy_min_share + 0.001, True)],
)
def test_the_stretch_must_be_most_of_one_side(share: float, copy: bool) -> None:
    assert (copy_verdict(COPY, [0.95], SETTINGS, share_extent(share)) is not None) is copy


@pytest.mark.parametrize(
    ("a", "b", "detail"),
    [
        (side(EXTRA + 1, 200, 0), side(0, 200, 0), f"A opens with {EXTRA + 1} words the other lacks"),
        (side(EXTRA, 200, 0), side(0, 200, 0), "the rest differs only in furniture"),
        (side(0, 200, 0), side(EXTRA + 1, 200, 0), f"B opens with {EXTRA + 1} words the other lacks"),
        (side(0, 200, EXTRA + 1), side(0, 200, 0), f"B stops {EXTRA + 1} words before A does"),
        (side(0, 200, EXTRA), side(0, 200, 0), "the rest differs only in furniture"),
        (side(0, 200, 0), side(0, 200, EXTRA + 1), f"A stops {EXTRA + 1} words before B does"),
        (
            side(30, 200, 0),
            side(0, 200, 40),
            "A opens with 30 words the other lacks; A stops 40 words before B does",
        ),
    ],
    ids=[
        "A opens",
        "A opens by the furniture allowance",
        "B opens",
        "A runs on",
        "A runs on by the allowance",
        "B runs on",
        "both",
    ],
)
def test_the_copy_reason_names_the_ends_one_side_has(a: Side, b: Side, detail: str) -> None:
    found = copy_verdict(COPY, [0.95], SETTINGS, copy_extent(a, b))
    assert found is not None
    assert found[1][1].text == f"the two agree wherever both have text: {detail}"


@pytest.mark.parametrize(
    ("passages", "confidence"),
    [
        ([S.duplicate_coverage], 0.5),
        ([S.duplicate_coverage + DUPLICATE_CONFIDENCE_SCALE / 2], 0.75),
        ([1.0], 1.0),
    ],
)
def test_a_copys_confidence_grows_with_its_passages_similarity(
    passages: list[float], confidence: float
) -> None:
    found = copy_verdict(COPY, passages, SETTINGS, copy_extent(side(0, 200, 300)))
    assert found is not None and found[0] == pytest.approx(confidence, abs=0.005)


def test_a_duplicate_by_jaccard_needs_no_extent_and_gives_one_reason() -> None:
    found = copy_verdict(figures(0.9), [], SETTINGS, None)
    assert found is not None and codes(found[1]) == ["text_overlap"]
    assert found[0] == 1.0


def test_relations_are_ordered_by_strength() -> None:
    assert [r.strength for r in Relation] == [4, 3, 2, 1, 0]


ACROSS = replace(MODEL, across_threshold=0.3)
TWO_LANGUAGES = {"languages_differ": 1.0}


@pytest.mark.parametrize(
    ("same", "extra", "expected"),
    [
        (0.35, TWO_LANGUAGES, Relation.SAME_EVENT),
        (0.299, TWO_LANGUAGES, Relation.UNRELATED),
        (0.35, None, Relation.UNRELATED),
        (0.5, None, Relation.SAME_EVENT),
    ],
    ids=["two languages above theirs", "two languages below theirs", "one language below", "one language at"],
)
def test_a_pair_in_two_languages_meets_its_own_threshold(
    same: float, extra: dict[str, float] | None, expected: Relation
) -> None:
    verdict = decide(figures(), evidence(same, extra=extra), [], SETTINGS, None, ACROSS)
    assert verdict.relation is expected
    shown = "0.30" if extra else "0.50"
    assert f"same event from {shown}" in verdict.reasons[-1].text
