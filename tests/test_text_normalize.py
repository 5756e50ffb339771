"""Tests for dedupe.text.normalize and .tokens: the folded view, its offset map and the word tokenizer."""

from __future__ import annotations

import dataclasses
import itertools
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dedupe.models import Article, Span, Token
from dedupe.text.normalize import normalize, normalize_mapped, normalize_text, simple_fold
from dedupe.text.tokens import _new_tokens, _tokenize_mapped, tokenize, tokenize_parts, words

# Characters that real scraped news carries and that folding must survive: marks that do
# and do not compose, CJK, Cyrillic look-alikes, soft hyphens, zero-width and no-break
# spaces, ligatures, curly quotes, primes, dashes, NFKC expansions and half-width kana.
TRICKY = (
    "\u0301\u0308\u0489\u064b\u0947\u094d\u05b8\u3099"
    "中国和俄罗斯日本語ひらがなカタカナ한국"
    "СсАаЕеОоРрНнВвΝνΟοҺһӀӏ"
    "\u00ad\u200b\u200c\u200d\u2060\ufeff\u00a0\u202f\u3000"
    "ﬁﬂﬀ½¼²①⑴Ⅻⅻ㏂ﷺŉİıßẞΐ"
    "‘’‚‛“”„«»′″‴`´ʼ'\""
    "‐‑–—―−-"
    "ｶﾞﾟ＂｀Ｓｈ"
    " \t\n.,;:!?()[]_/1234567890"
)
texts = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=["Cs"]),
        st.sampled_from(TRICKY),
        st.sampled_from("abcdefghijklmnopqrstuvwxyz ABCXYZ"),
    ),
    max_size=40,
)
PROPERTY = settings(max_examples=300, deadline=None)


@PROPERTY
@given(texts)
@example("Сhina’s “no-limits” ﬁx ½ x½2 q\u0301uick İstanbul")
@example("С\u0301h ｶﾞ ‴ ΐ a\u00ad\u0301С СⅫ С㏂")
def test_every_token_slices_the_original_to_itself(text: str) -> None:
    for token in tokenize(text):
        original = text[token.start : token.end]
        assert normalize(original) == token.text
        assert [t.text for t in tokenize(original)] == [token.text]


@PROPERTY
@given(texts)
def test_tokens_are_ordered_and_do_not_overlap(text: str) -> None:
    tokens = tokenize(text)
    for token in tokens:
        assert 0 <= token.start < token.end <= len(text)
        assert token.text
    for before, after in itertools.pairwise(tokens):
        assert before.end <= after.start


@PROPERTY
@given(texts)
@example("ｶﾞ ΐ ‴ ｀ a\u00ad\u0301С СⅫ С㏂ С中h Сａ")
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@PROPERTY
@given(texts)
@example("ʼ ʼa Hawaiʼi")
@example("\ufc5e")
def test_every_alphanumeric_character_lies_inside_a_token(text: str) -> None:
    covered = [False] * len(text)
    for token in tokenize(text):
        covered[token.start : token.end] = [True] * (token.end - token.start)
    # "ʼ" is a letter to Unicode but an apostrophe in news text, and an isolated Arabic
    # ligature of vowel marks (U+FC5E) folds to marks alone: neither is a word by itself.
    dropped = [
        ch
        for ch, inside in zip(text, covered, strict=True)
        if ch.isalnum() and not inside and any(c.isalnum() for c in normalize(ch))
    ]
    assert dropped == []


@PROPERTY
@given(texts, st.data())
def test_original_span_round_trips(text: str, data: st.DataObject) -> None:
    norm = normalize_text(text)
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    if not norm.text:
        assert norm.original_span(0, 0) == Span(0, 0)
        return
    start = data.draw(st.integers(0, len(norm.text) - 1))
    end = data.draw(st.integers(start + 1, len(norm.text)))
    span = norm.original_span(start, end)
    assert 0 <= span.start < span.end <= len(text)
    # Back again: the folded characters that came from inside the span are one run that
    # holds [start, end) and grows past it only to finish the characters it touches.
    inside = [i for i in range(len(norm.text)) if span.start <= norm.starts[i] and norm.ends[i] <= span.end]
    assert inside == list(range(inside[0], inside[-1] + 1))
    assert inside[0] <= start and end - 1 <= inside[-1]
    assert norm.starts[inside[0]] == norm.starts[start]
    assert norm.ends[inside[-1]] == norm.ends[end - 1]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("“No-limits” Сhina", '"no-limits" china'),
        ("Russia’s ‘core interests’", "russia's 'core interests'"),
        ("top\u00a0policy\u2002goal", "top policy goal"),
        ("soft\u00adhyphen zero\u200bwidth", "softhyphen zero width"),
        ("2014–2019 — now", "2014-2019 - now"),
        ("ﬁnal Straße", "final strasse"),
        ("Москва и Сhina", "москва и china"),
    ],
    ids=str,
)
def test_normalize_folds_what_matching_ignores(text: str, folded: str) -> None:
    assert normalize(text) == folded


def test_wholly_cyrillic_words_keep_their_script() -> None:
    assert normalize("Россия Сhina") == "россия china"
    assert all(unicodedata.name(ch).startswith("CYRILLIC") for ch in normalize("Россия"))


def test_hyphenated_and_spaced_forms_tokenise_alike() -> None:
    assert [t.text for t in tokenize("a “no-limits.” deal")] == [t.text for t in tokenize("a no limits deal")]


def test_tokens_inside_given_spans_keep_offsets_of_the_whole_text() -> None:
    text = "skip this. Keep Сhina’s words"
    tokens = tokenize(text, [Span(11, len(text))])
    assert [t.text for t in tokens] == ["keep", "china's", "words"]
    assert [text[t.start : t.end] for t in tokens] == ["Keep", "Сhina’s", "words"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("q\u0301uick", ["q\u0301uick"]),
        ("नमस्ते भारत", ["नमस्ते", "भारत"]),
        ("İstanbul", ["i\u0307stanbul"]),
        ("أيضاً مع", ["أيضاً", "مع"]),
        ("x½2", ["x1⁄22"]),
    ],
    ids=["combining-acute", "devanagari", "dotted-capital-i", "arabic-tanween", "fraction-in-word"],
)
def test_marks_and_expansions_stay_inside_their_word(text: str, words: list[str]) -> None:
    assert [t.text for t in tokenize(text)] == words


def test_seed_003_cyrillic_c_in_china_tokenises_to_latin_china(seeds: dict[str, Article]) -> None:
    text = seeds["003"].text
    start = text.index("trip to ") + len("trip to ")
    assert text[start] == "\u0421"  # CYRILLIC CAPITAL LETTER ES, as scraped
    [token] = [t for t in tokenize(text) if t.start == start]
    assert token.text == "china"
    assert (token.end, text[token.start : token.end]) == (start + 5, "Сhina")


def test_seed_001_quotation_keeps_russia_s_apostrophe_inside_its_span(seeds: dict[str, Article]) -> None:
    text = seeds["001"].text
    opening = text.index("“strengthening")
    closing = text.index("policy.”", opening) + len("policy.”")
    quotation = Span(opening, closing)
    words = tokenize(text, [quotation])
    assert [t.text for t in words][-4:] == ["of", "russia's", "foreign", "policy"]
    [russias] = [t for t in words if t.text == "russia's"]
    assert quotation.start < russias.start < russias.end < quotation.end
    assert text[russias.start : russias.end] == "Russia’s"
    # Tokenising the whole article finds the same token: the region changes no offsets.
    assert russias in tokenize(text)


def test_seed_tokens_slice_back_to_their_words(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        for token in tokenize(article.text):
            assert normalize(article.text[token.start : token.end]) == token.text


# Text as news carries it: ASCII with curly quotes, dashes and odd spaces (the fast paths),
# sometimes with a character that needs the offset map.
news_texts = st.text(
    alphabet=st.sampled_from("aZ9 .,'`-\t\n\u2019\u201c\u201d\u2014\u00a0\u3000\uff0d\u00b4é\u0301Сﬁ")
)


@PROPERTY
@given(news_texts)
def test_fast_paths_fold_and_tokenize_as_the_offset_map_does(text: str) -> None:
    assert normalize_text(text) == normalize_mapped(text)
    assert tokenize(text) == tuple(_tokenize_mapped(text, Span(0, len(text))))
    inner = Span(len(text) // 3, len(text))
    assert tokenize(text, [inner]) == tuple(_tokenize_mapped(text, inner))


@PROPERTY
@given(news_texts, st.lists(st.integers(0, 60), max_size=6))
@example("3.5 of U.S. it's", [2, 9])
def test_tokenize_parts_equals_tokenizing_each_part(text: str, cuts: list[int]) -> None:
    region = Span(min(1, len(text)), len(text))
    edges = sorted({region.start, region.end, *(min(c, len(text)) for c in cuts if c >= region.start)})
    parts = [Span(s, e) for s, e in itertools.pairwise(edges)] + [Span(0, len(text))]
    found = tokenize_parts(text, region, tokenize(text, [region]), parts)
    assert found == [tokenize(text, [part]) for part in parts]


@PROPERTY
@given(st.one_of(news_texts, texts))
def test_words_are_the_texts_of_the_tokens(text: str) -> None:
    assert words(text) == [t.text for t in tokenize(text)]
    inner = [Span(0, len(text) // 2), Span(len(text) // 2, len(text))]
    assert words(text, inner) == [t.text for t in tokenize(text, inner)]


@PROPERTY
@given(st.lists(st.tuples(st.text(max_size=5), st.integers(0, 99), st.integers(0, 99)), max_size=20))
def test_tokens_made_slot_by_slot_equal_tokens_made_by_their_constructor(
    triples: list[tuple[str, int, int]],
) -> None:
    # ``_new_tokens`` skips ``Token.__init__``: that is sound only while Token is these three
    # fields with no ``__post_init__`` check.
    assert [f.name for f in dataclasses.fields(Token)] == ["text", "start", "end"]
    assert not hasattr(Token, "__post_init__")
    made = _new_tokens([w for w, _, _ in triples], [s for _, s, _ in triples], [e for _, _, e in triples])
    expected = [Token(*triple) for triple in triples]
    assert made == expected
    assert [hash(t) for t in made] == [hash(t) for t in expected]
    assert [repr(t) for t in made] == [repr(t) for t in expected]


def test_simple_fold_keeps_plain_text_and_refuses_what_needs_full_normalisation() -> None:
    folded = simple_fold("Its “absolute” priority — in Nanping\u00a0today")
    assert folded == 'Its "absolute" priority - in Nanping today'
    assert simple_fold("soft\u00adhyphen") == "softhyphen"
    assert simple_fold("Café") is None  # an accent: NFKC and case folding decide
    assert simple_fold("Рatrushev") is None  # a Cyrillic look-alike inside a Latin word


# Words that take the general path (accents, marks, look-alikes, expansions, unspaced
# scripts) among words that fold one to one, joined by the separators a cut can follow.
_MIXED_WORDS = st.sampled_from(
    ["Xi", "said", "“strong", "support”", "no-limits", "1,000", "Müller", "Сhina", "Pаtrushev",
     "café", "cafe\u0301", "¼", "straße", "ΐ", "北京", "ﾃﾞ", "’s", "—", "A.", "x\u0301y", "e\u0301"]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", "  ", "\n", "\n\n", "\t", " \u0301", "\r\n", ", ", "\u00a0"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_MIXED_WORDS, _SEPARATORS), max_size=40))
def test_tokenizing_only_the_stretches_that_need_it_gives_the_general_paths_tokens(
    parts: list[tuple[str, str]],
) -> None:
    from dedupe.text.tokens import _tokenize_mapped

    text = "".join(word + gap for word, gap in parts)
    whole = Span(0, len(text))
    assert list(tokenize(text)) == _tokenize_mapped(text, whole)
    if len(text) > 4:
        inner = Span(2, len(text) - 2)
        assert list(tokenize(text, [inner])) == _tokenize_mapped(text, inner)
