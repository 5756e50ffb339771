"""Tests for dedupe.text.wordhash: words found on bytes, for many texts at once, are tokens.words."""

from __future__ import annotations

from itertools import pairwise

import xxhash
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.ingest.read import load_articles
from dedupe.models import Span
from dedupe.text import wordhash
from dedupe.text.tokens import words

from fixture_paths import SEEDS

# Letters, digits and every byte the word rule treats specially, plus simple folds
# (curly quote, soft hyphen, no-break space, dash) and characters that force the
# reference path (Cyrillic look-alike, combining accent, CJK).
TEXT_ALPHABET = "ab Z9 0.,'`-\u2019\u201c\u00a0\u00ad\u2014\t\nСé\u0301x1\u4e2d"
texts = st.text(alphabet=TEXT_ALPHABET, max_size=60)
number_texts = st.text(alphabet="12a'., z", max_size=40)


def expected_hashes(found: list[str]) -> list[int]:
    return [xxhash.xxh3_64_intdigest(word.encode()) for word in found]


def per_text(batch: wordhash.WordHashes) -> list[list[int]]:
    bounds = batch.bounds.tolist()
    return [batch.hashes[a:b].tolist() for a, b in pairwise(bounds)]


@settings(max_examples=150, deadline=None)
@given(st.lists(texts, max_size=6), st.booleans())
def test_batch_words_are_normalize_words(batch: list[str], join: bool) -> None:
    found = wordhash.hash_words(batch, join=join)
    assert per_text(found) == [expected_hashes(words(text)) for text in batch]
    assert found.joined == (tuple(" ".join(words(text)).encode() for text in batch) if join else ())


@settings(max_examples=150, deadline=None)
@given(st.lists(number_texts, min_size=1, max_size=4))
def test_numbers_apostrophes_and_splits_follow_the_word_rule(batch: list[str]) -> None:
    found = wordhash.hash_words(batch, join=True)
    assert per_text(found) == [expected_hashes(words(text)) for text in batch]
    assert list(found.joined) == [" ".join(words(text)).encode() for text in batch]


def test_word_rule_on_hand_picked_cases() -> None:
    for text, expected in [
        ("the 1990s", ["the", "1990", "s"]),
        ("12.5km away", ["12.5", "km", "away"]),
        ("a'1'2 1'2'3", ["a'1'2", "1", "2", "3"]),
        ("rock'n'roll u.s. 1,000.5", ["rock'n'roll", "u", "s", "1,000.5"]),
        ("x1,000 1.a 12'abc", ["x1", "000", "1", "a", "12", "abc"]),
        ("It`s", ["it's"]),
    ]:
        buffer = text.lower().replace("`", "'").encode()
        starts, ends = wordhash.word_bounds(buffer)
        assert [buffer[s:e].decode() for s, e in zip(starts, ends, strict=True)] == expected
        assert words(text) == expected


def test_spans_are_tokenized_apart_as_words_does() -> None:
    articles = load_articles([SEEDS])
    batch = wordhash.hash_words([a.text for a in articles], [a.body_spans for a in articles], join=True)
    for article, hashes, joined in zip(articles, per_text(batch), batch.joined, strict=True):
        found = words(article.text, article.body_spans)
        assert hashes == expected_hashes(found)
        assert joined == " ".join(found).encode()
    text = "ends with 12.\n5 starts again"
    split = wordhash.hash_words([text], [[Span(0, 13), Span(14, len(text))]])
    assert per_text(split) == [expected_hashes(words(text, [Span(0, 13), Span(14, len(text))]))]


def test_fast_path_and_reference_path_agree_in_one_batch() -> None:
    plain, folded, other = (
        "Talks began, 1,000 said",
        "\u201cTalks\u201d began\u00a0\u2014 1,000",
        "Сhina's talks",
    )
    assert wordhash._fold(plain, None) is not None
    assert wordhash._fold(folded, None) is not None
    assert wordhash._fold(other, None) is None  # a Cyrillic look-alike: the reference path
    batch = [other, plain, "", folded, other]
    found = wordhash.hash_words(batch, join=True)
    assert per_text(found) == [expected_hashes(words(text)) for text in batch]
    assert list(found.joined) == [" ".join(words(text)).encode() for text in batch]


def test_long_words_and_empty_batches() -> None:
    text = "internationalisation counter-revolutionaries supercalifragilisticexpialidocious"
    assert per_text(wordhash.hash_words([text])) == [expected_hashes(words(text))]
    empty = wordhash.hash_words([])
    assert empty.hashes.size == 0
    assert empty.bounds.tolist() == [0]
