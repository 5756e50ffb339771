"""Tests for the speaker decisions (dedupe.quotes.speakers, speaker_resolution, speaker_words).

Each case is a short invented report; the table says who the quotation belongs to, as
resolved across the article, and by which frame.
"""

from __future__ import annotations

import pytest

from dedupe.models import Article, Span
from dedupe.quotes import speaker_words
from dedupe.quotes.extract import extract_quotes, speaker_of
from dedupe.quotes.speaker import UNKNOWN, Speaker

MAYOR = "Maria Oduya, the mayor of Tarnwell, opened the bridge on Friday. "

# (case, text, speaker as written, canonical speaker, kind, frame)
FRAMES = [
    (
        "subject then verb",
        MAYOR + "“This bridge joins two halves of one town,” Oduya said.",
        "Oduya",
        "Maria Oduya",
        "person",
        "X said",
    ),
    (
        "verb then subject",
        "“We will rebuild the school by spring,” said Maria Oduya, the mayor of Tarnwell.",
        "Maria Oduya",
        "Maria Oduya",
        "person",
        "said X",
    ),
    (
        "according to",
        "According to Maria Oduya, “the river has never been this high.”",
        "Maria Oduya",
        "Maria Oduya",
        "person",
        "according to X",
    ),
    (
        "pronoun",
        "Maria Oduya spoke to reporters. “Nobody was hurt,” she said.",
        "she",
        "Maria Oduya",
        "person",
        "X said",
    ),
    (
        "told",
        "Maria Oduya met Peter Lankin on Friday. “We agreed on the budget,” Lankin told reporters.",
        "Lankin",
        "Peter Lankin",
        "person",
        "X told",
    ),
    (
        "title before the name",
        "Mayor Maria Oduya said: “We owe the volunteers our thanks.”",
        "Mayor Maria Oduya",
        "Maria Oduya",
        "person",
        "X said",
    ),
    (
        "institution",
        "“The budget is settled,” the Tarnwell Ministry of Works said.",
        "the Tarnwell Ministry of Works",
        "Tarnwell Ministry of Works",
        "institution",
        "X said",
    ),
    (
        "statement",
        "The Tarnwell council said in a statement: “The bridge stays closed until Monday.”",
        "The Tarnwell council",
        "Tarnwell council",
        "institution",
        "X said",
    ),
    ("nobody named", "“The water is falling,” a resident said.", None, UNKNOWN, UNKNOWN, None),
    ("no frame", "“The water is falling.”", None, UNKNOWN, UNKNOWN, None),
    (
        "one name as speaker and listener",
        "“The budget is settled,” Oduya told Oduya.",
        None,
        UNKNOWN,
        UNKNOWN,
        None,
    ),
    (
        "a role nobody holds",
        "Maria Oduya met the press. The minister said “the budget holds”, and Peter Lankin agreed.",
        "The minister",
        UNKNOWN,
        UNKNOWN,
        "X said",
    ),
]


@pytest.mark.parametrize(
    ("text", "written", "canonical", "kind", "frame"), [c[1:] for c in FRAMES], ids=[c[0] for c in FRAMES]
)
def test_a_quotation_gets_its_speaker_from_its_frame(
    text: str, written: str | None, canonical: str, kind: str, frame: str | None
) -> None:
    [quote] = extract_quotes(Article(id="t", text=text))
    assert (quote.speaker, quote.canonical_speaker, quote.speaker_kind, quote.frame) == (
        written,
        canonical,
        kind,
        frame,
    )
    if quote.frame_span is not None:
        assert quote.speaker is not None and quote.speaker in quote.frame_span.slice(text)


def test_quoted_as_saying_belongs_to_the_one_quoted_not_the_quoter() -> None:
    [quote] = extract_quotes(
        Article(id="t", text="Local radio quoted Maria Oduya as saying “the bridge will hold.”")
    )
    assert (quote.canonical_speaker, quote.speaker_kind) == ("Maria Oduya", "person")


def test_reported_speech_comes_only_when_asked_for() -> None:
    article = Article(id="t", text="Maria Oduya said the bridge would reopen on Monday.")
    assert extract_quotes(article) == ()
    [clause] = extract_quotes(article, reported=True)
    assert (clause.kind, clause.canonical_speaker, clause.frame) == ("reported", "Maria Oduya", "X said")
    assert clause.text.endswith("reopen on Monday")


def test_a_readout_statement_is_the_issuers() -> None:
    text = (
        "The mayor met the press.\n\nThe Tarnwell council said in a statement:\n\n"
        "The bridge stays closed for now."
    )
    readouts = [q for q in extract_quotes(Article(id="t", text=text)) if q.kind == "readout"]
    assert [(q.canonical_speaker, q.speaker_kind) for q in readouts] == [("Tarnwell council", "institution")]


def test_speaker_of_reads_unquoted_words() -> None:
    text = MAYOR + "The water was falling, Oduya added."
    found = speaker_of(Article(id="t", text=text), Span(text.index("The water"), text.index(", Oduya")))
    assert found is not None
    assert found.speaker == Speaker("Oduya", "Maria Oduya", "person")


def test_no_frame_no_speaker_for_unquoted_words() -> None:
    text = MAYOR + "The water was falling."
    assert speaker_of(Article(id="t", text=text), Span(text.index("The water"), len(text) - 1)) is None


@pytest.mark.parametrize(
    ("words", "refused"), [("Looking", True), ("officials", False), ("Maria Oduya", False)]
)
def test_not_subject(words: str, refused: bool) -> None:
    assert speaker_words.not_subject(words) is refused


def test_strip_span_and_drop_article() -> None:
    assert speaker_words.strip_span(" ,Oduya said. ", 0, 14) == (2, 12)
    assert [speaker_words.drop_article(x) for x in ("the mayor", "The Ministry", "a")] == [
        "mayor",
        "Ministry",
        "a",
    ]
