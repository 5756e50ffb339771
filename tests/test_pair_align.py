"""Passage alignment: one passage per shared stretch, edits listed, offsets into the originals."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.ingest.read import load_file
from dedupe.models import Span
from dedupe.pair.align import (
    _EDGE_EDITS,
    CONFIRM_WORDS,
    MAX_SEED_REPEATS,
    _edge_step,
    _exact_matches,
    _one_to_one,
    align,
)
from dedupe.text.tokens import tokenize

from fixture_paths import SEEDS


def _seed(prefix: str):
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return load_file(str(path))[0]


def _align(a_text: str, b_text: str, min_words: int = 8):
    return align(a_text, tokenize(a_text), b_text, tokenize(b_text), seed_ngram=4, min_words=min_words)


def test_expand_information_passage_is_one_passage_with_its_substitution() -> None:
    a, b = _seed("001"), _seed("004")
    passages = align(
        a.text,
        tokenize(a.text, a.body_spans),
        b.text,
        tokenize(b.text, b.body_spans),
        seed_ngram=4,
        min_words=8,
    )
    (passage,) = [p for p in passages if "expand information" in p.a_text]
    assert "constitutional order of both countries" in passage.a_text
    assert "constitutional order of both countries" in passage.b_text
    assert [(e.kind, e.a_text, e.b_text) for e in passage.edits] == [("substitution", "exchanges", "sharing")]
    assert passage.a.slice(a.text) == passage.a_text
    assert passage.b.slice(b.text) == passage.b_text


def test_long_passage_with_scattered_edits_stays_one_passage() -> None:
    base = " ".join(f"word{i}" for i in range(120))
    edited = base.replace("word30 ", "changed ").replace("word70 ", "").replace("word100 ", "word100 extra ")
    (passage,) = _align(base, edited)
    kinds = sorted(e.kind for e in passage.edits)
    assert kinds == ["deletion", "insertion", "substitution"]
    assert passage.a_words == 120
    assert passage.b_words == 120


def test_short_shared_phrase_is_dropped_unless_quoted() -> None:
    a = "Officials met on Monday. He called it a very firm commitment indeed, aides said later."
    b = "Unrelated opening words here. They described a very firm commitment indeed with caution."
    assert _align(a, b) == ()
    quote_start = a.index("a very")
    kept = align(
        a,
        tokenize(a),
        b,
        tokenize(b),
        seed_ngram=4,
        min_words=8,
        a_protected=[Span(quote_start - 1, quote_start + 40)],
    )
    assert len(kept) == 1
    assert kept[0].in_quotation


def test_unrelated_texts_share_no_passage() -> None:
    a = (SEEDS.parent / "synthetic" / "harbour_budget.txt").read_text(encoding="utf-8")
    b = (SEEDS.parent / "synthetic" / "chess_final.txt").read_text(encoding="utf-8")
    assert _align(a, b) == ()


_words = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "eps", "zeta", "eta"]), max_size=80)


@settings(max_examples=80, deadline=None)
@given(_words, _words)
def test_passages_point_into_both_originals(a_words: list[str], b_words: list[str]) -> None:
    a, b = " ".join(a_words), "  ".join(b_words)
    passages = _align(a, b, min_words=4)
    for p in passages:
        assert p.a.slice(a) == p.a_text
        assert p.b.slice(b) == p.b_text
        for edit in p.edits:
            if edit.a is not None:
                assert p.a.start <= edit.a.start and edit.a.end <= p.a.end
                assert edit.a.slice(a) == edit.a_text
            if edit.b is not None:
                assert p.b.start <= edit.b.start and edit.b.end <= p.b.end
                assert edit.b.slice(b) == edit.b_text
    for first, second in itertools.pairwise(passages):
        assert first.a.end <= second.a.start


def _reference_seeds(a: list[str], b: list[str], n: int) -> list[tuple[int, int, int]]:
    """The seeding as first written, one n-gram at a time, then kept one to one (longest first)."""
    grams = lambda words: list(zip(*(words[k:] for k in range(n)), strict=False))  # noqa: E731
    where: dict[tuple[str, ...], list[int]] = {}
    for j, gram in enumerate(grams(b)):
        where.setdefault(gram, []).append(j)
    where = {gram: spots for gram, spots in where.items() if len(spots) <= MAX_SEED_REPEATS}
    runs: dict[tuple[int, int], int] = {}
    open_runs: dict[int, tuple[int, int]] = {}
    for i, gram in enumerate(grams(a)):
        for j in where.get(gram, ()):
            start, last = open_runs.get(i - j, (i, i - 1))
            start = start if last == i - 1 else i
            open_runs[i - j] = (start, i)
            runs[(i - j, start)] = i - start + 1
    blocks = [(i, i - d, k + n - 1) for (d, i), k in runs.items()]
    return sorted(blocks, key=lambda block: (-block[2], block[0], block[1]))


_few_words = st.lists(st.sampled_from("abcde"), max_size=60)


@settings(max_examples=150, deadline=None)
@given(_few_words, _few_words, st.integers(1, 5))
def test_array_seeding_finds_the_runs_of_the_n_gram_loop(a: list[str], b: list[str], n: int) -> None:
    assert _exact_matches(a, b, n) == _reference_seeds(a, b, n)


@settings(max_examples=40, deadline=None)
@given(
    st.permutations([str(k) for k in range(100)]),
    st.lists(st.integers(0, 99), max_size=30),
    st.integers(10, 12),
)
def test_n_gram_numbers_are_renumbered_before_they_could_overflow(
    distinct: list[str], picks: list[int], n: int
) -> None:
    # A hundred distinct words in 10- to 12-grams pass 2**62: the dense renumbering runs.
    a = distinct[:60] + [distinct[k] for k in picks]
    b = distinct[40:] + [distinct[k] for k in reversed(picks)] + distinct[:50]
    assert _exact_matches(a, b, n) == _reference_seeds(a, b, n)


def _reference_step(a: list[str], b: list[str], i: int, j: int, direction: int) -> tuple[int, int] | None:
    """The edge step as first written, word by word."""
    word = lambda words, k: words[k] if 0 <= k < len(words) else None  # noqa: E731
    if word(a, i) is not None and word(a, i) == word(b, j):
        return 1, 1
    for skip_a, skip_b in _EDGE_EDITS:
        if all(
            word(a, i + direction * (skip_a + k)) is not None
            and word(a, i + direction * (skip_a + k)) == word(b, j + direction * (skip_b + k))
            for k in range(CONFIRM_WORDS)
        ):
            return skip_a + CONFIRM_WORDS, skip_b + CONFIRM_WORDS
    return None


@settings(max_examples=200, deadline=None)
@given(_few_words, _few_words, st.integers(-3, 62), st.integers(-3, 62), st.sampled_from([1, -1]))
def test_edge_step_by_slices_agrees_with_word_by_word(
    a: list[str], b: list[str], i: int, j: int, direction: int
) -> None:
    assert _edge_step(a, b, i, j, direction) == _reference_step(a, b, i, j, direction)


def _reference_one_to_one(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Keeping matches as first written: sets of the words used on each side."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    kept = []
    for i, j, words in matches:
        if used_a.isdisjoint(range(i, i + words)) and used_b.isdisjoint(range(j, j + words)):
            kept.append((i, j, words, words))
            used_a.update(range(i, i + words))
            used_b.update(range(j, j + words))
    return sorted(kept)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(1, 9)), max_size=25))
def test_matches_kept_one_to_one_by_used_word_flags_as_by_sets(matches: list[tuple[int, int, int]]) -> None:
    ranked = sorted(set(matches), key=lambda m: (-m[2], m[0], m[1]))
    kept = [(b.i, b.j, b.m, b.n) for b in _one_to_one(ranked)]
    assert kept == _reference_one_to_one(ranked)
