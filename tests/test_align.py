"""Passage alignment: one passage per shared stretch, edits listed, offsets into the originals."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.align import align
from dedupe.ingest import load_file
from dedupe.models import Span
from dedupe.normalize import tokenize

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


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
