"""Tests for dedupe.corpus.candidates: band keys, bucket pairs, sketches and the channels' recall."""

from __future__ import annotations

import itertools
import re
from unittest.mock import patch

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.corpus import candidates
from dedupe.corpus.candidates import TERMS_MIN_SHARED, candidate_pairs
from dedupe.corpus.channels import CHANNELS, NAMES, TERMS, TEXT, Sketch, sketch_batch
from dedupe.evidence import terms
from dedupe.evidence.terms import name_terms
from dedupe.ingest.build import article_from_text
from dedupe.ingest.read import load_articles
from dedupe.settings import DEFAULT_SETTINGS

from fixture_paths import SEEDS


def brute_force_pairs(keys: np.ndarray, max_bucket: int) -> set[tuple[int, int]]:
    buckets: dict[int, set[int]] = {}
    for row, values in enumerate(keys.tolist()):
        for key in values:
            if key >= 0:
                buckets.setdefault(key, set()).add(row)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if 2 <= len(members) <= max_bucket:
            pairs.update(itertools.combinations(sorted(members), 2))
    return pairs


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(-1, 12), min_size=3, max_size=3), max_size=25),
    st.integers(2, 6),
)
def test_candidate_pairs_equal_brute_force(rows: list[list[int]], max_bucket: int) -> None:
    keys = np.array(rows, dtype=np.int64).reshape(len(rows), 3)
    found = candidate_pairs(keys, max_bucket=max_bucket)
    as_set = {(int(i), int(j)) for i, j in found.tolist()}
    assert as_set == brute_force_pairs(keys, max_bucket)
    assert len(as_set) == len(found)  # no pair twice
    assert found.tolist() == sorted(found.tolist())


def test_name_terms_fold_transliterations_and_skip_sentence_openings() -> None:
    a = article_from_text("Talks were held by Nikolay Patrushev in Nanping. The talks ended.", id="a")
    b = article_from_text("Talks were held by Nikolai Patrushev in Nanping. Afterwards he left.", id="b")
    assert name_terms(a) == name_terms(b)
    assert "talks" not in name_terms(a) and "afterwards" not in name_terms(b)


def test_names_channel_proposes_the_seed_reports_of_one_event() -> None:
    seeds = load_articles([SEEDS])
    keys = np.stack([s.keys for s in sketch_batch(seeds, DEFAULT_SETTINGS)])
    names = keys[:, TEXT.bands : TEXT.bands + NAMES.bands]
    pairs = {(seeds[i].id[:3], seeds[j].id[:3]) for i, j in candidate_pairs(names).tolist()}
    assert {("000", "001"), ("000", "004"), ("001", "004")} <= pairs


def test_oversized_buckets_are_skipped() -> None:
    keys = np.full((candidates.MAX_BUCKET + 1, 1), 7, dtype=np.int64)
    assert len(candidate_pairs(keys)) == 0
    assert len(candidate_pairs(keys[:3])) == 3


KEYS = TEXT.bands + NAMES.bands + TERMS.bands


def reference_proposals(sketches: list[Sketch]) -> dict[tuple[int, int], tuple[str, ...]]:
    """The candidate rule pair by pair: text keys, names keys and enough shared name terms, or
    enough shared content-term keys."""
    keys = np.stack([s.keys for s in sketches])
    text = {tuple(p) for p in candidate_pairs(keys[:, : TEXT.bands]).tolist()}
    names = {tuple(p) for p in candidate_pairs(keys[:, TEXT.bands : TEXT.bands + NAMES.bands]).tolist()}
    found: dict[tuple[int, int], tuple[str, ...]] = {}
    for i, j in itertools.combinations(range(len(sketches)), 2):
        close = candidates.names_jaccard(sketches[i].terms, sketches[j].terms) >= candidates.NAMES_MIN_JACCARD
        shared_terms = set(keys[i, -TERMS.bands :].tolist()) & set(keys[j, -TERMS.bands :].tolist()) - {-1}
        channels = (
            ("text",) * ((i, j) in text)
            + ("names",) * ((i, j) in names and ((i, j) in text or close))
            + ("terms",) * (len(shared_terms) >= TERMS_MIN_SHARED)
        )
        if channels:
            found[(i, j)] = channels
    return found


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.lists(st.integers(-1, 6), min_size=KEYS, max_size=KEYS),
            st.sets(st.integers(0, 9), max_size=6),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_proposed_pairs_apply_the_names_rule_pair_by_pair(rows: list[tuple[list[int], set[int]]]) -> None:
    sketches = [
        Sketch(
            f"a{n}", bytes([n]), 10, np.array(keys, dtype=np.int64), np.array(sorted(terms), dtype=np.uint32)
        )
        for n, (keys, terms) in enumerate(rows)
    ]
    with patch.object(candidates, "_JACCARD_CHUNK", 3):  # several chunks even for a few pairs
        found, counts = candidates.proposed_pairs(sketches, {})
    assert found == reference_proposals(sketches)
    assert list(found) == sorted(found)
    assert [c.pairs for c in counts] == [sum(c.name in f for f in found.values()) for c in CHANNELS]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aBcZ ,;'’.1\nÉéЛлΩ中", max_size=40), st.integers(0, 5))
def test_capitalised_words_are_those_after_a_lower_case_word_digit_or_comma(text: str, start: int) -> None:
    upper, lower = terms._UPPER, terms._LOWER
    plain = re.compile(
        rf"(?<=[{lower}0-9,;’'] )[{upper}][{lower}]+(?:['’][{lower}]+)?"
    )  # the rule, looking behind first
    assert terms._CAPITALISED.findall(text, start) == plain.findall(text, start)


def test_a_small_scan_is_one_component_so_pairs_never_proposed_are_still_scored() -> None:
    # Rows 0-1 paired by a channel, row 2 a copy of row 0, row 3 paired with nothing (say a
    # translation of the same report): a small scan keeps every row in one component.
    pairs = {(0, 1): ("names",)}
    whole = candidates.components(4, pairs, {0: [2]}, whole_up_to=4)
    assert whole == [([0, 1, 2, 3], [(0, 1, ("names",)), (0, 2, ("content",))])]


def test_a_larger_scan_keeps_its_components_apart() -> None:
    pairs = {(0, 1): ("names",)}
    assert candidates.components(4, pairs, {0: [2]}, whole_up_to=3) == [
        ([0, 1, 2], [(0, 1, ("names",)), (0, 2, ("content",))])
    ]
