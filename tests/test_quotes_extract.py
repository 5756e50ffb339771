"""Tests for dedupe.quotes.extract: kinds, speakers and frames, boilerplate, the seed quotations."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dedupe.ingest.build import article_from_text
from dedupe.ingest.read import load_file
from dedupe.models import Article, Span
from dedupe.quotes.extract import Quote, _sentence_of, extract_quotes, speaker_of

QUOTES = Path(__file__).resolve().parent.parent / "fixtures" / "quotes"
OPENING = "“‘\"'«»„‚「『‹"
CLOSING = "”’\"'»«“‘」』›"


def fixture(name: str) -> Article:
    [article] = load_file(str(QUOTES / f"{name}.txt"))
    return article


def quote_starting(article: Article, prefix: str) -> Quote:
    [quote] = [q for q in extract_quotes(article) if q.text.startswith(prefix)]
    return quote


# --- the seeds (fixtures/seeds, ground truth in TRUTH.md) ---------------------------------


@pytest.mark.parametrize(("key", "count"), [("000", 5), ("001", 9), ("002", 9), ("003", 1), ("004", 10)])
def test_seed_quotation_counts(seeds: dict[str, Article], key: str, count: int) -> None:
    assert len(extract_quotes(seeds[key])) == count


def test_seed_spans_include_marks_and_inner_is_the_text(seeds: dict[str, Article]) -> None:
    for article in seeds.values():
        for quote in extract_quotes(article):
            marked = quote.span.slice(article.text)
            assert marked[0] in OPENING and marked[-1] in CLOSING
            assert quote.inner == Span(quote.span.start + 1, quote.span.end - 1)
            assert quote.inner.slice(article.text) == quote.text
            assert quote.sentence.start <= quote.span.start and quote.span.end <= quote.sentence.end


def test_apostrophe_inside_a_quotation_does_not_end_it(seeds: dict[str, Article]) -> None:
    quote = quote_starting(seeds["001"], "strengthening of comprehensive")
    assert quote.text.endswith("of Russia’s foreign policy.")


def test_headline_fragment_is_kind_headline(seeds: dict[str, Article]) -> None:
    first = extract_quotes(seeds["001"])[0]
    assert (first.text, first.kind) == ("unconditional priority", "headline")


def test_full_sentences_and_scare_quoted_fragments_are_told_apart(seeds: dict[str, Article]) -> None:
    kinds = {q.text: q.kind for q in extract_quotes(seeds["000"])}
    assert kinds["special military operation"] == "fragment"
    assert kinds["no limits"] == "fragment"
    assert sum(kind == "full" for kind in kinds.values()) == 3
    assert {q.text: q.kind for q in extract_quotes(seeds["001"])}["balanced"] == "fragment"


def test_seed_002_longest_quotation_is_extracted_whole_with_its_speaker(seeds: dict[str, Article]) -> None:
    # TRUTH.md speaks of a quotation in 002 running over two paragraphs; in the seed's
    # bytes every quotation opens and closes within one paragraph. The three-sentence
    # quotation is the longest: it must come out whole, and Patrushev's.
    article = seeds["002"]
    quote = max(extract_quotes(article), key=lambda q: len(q.text))
    assert quote.text.startswith("China and Russia’s strategic coordination has reached")
    assert quote.text.endswith("what our two leaders agreed in Shanghai,")
    assert quote.canonical_speaker == "Nikolai Patrushev"
    assert all(q.paragraphs == 1 for q in extract_quotes(article))


def test_seed_002_full_quotations_three_patrushev_then_yang_jiechi(seeds: dict[str, Article]) -> None:
    full = [q for q in extract_quotes(seeds["002"]) if q.kind == "full"]
    assert [q.canonical_speaker for q in full] == ["Nikolai Patrushev"] * 3 + ["Yang Jiechi"]
    assert full[-1].speaker == "state councilor Yang Jiechi"
    assert full[-1].speaker_kind == "person"


def test_seed_003_jiechi_added_is_yang_jiechi(seeds: dict[str, Article]) -> None:
    article = seeds["003"]
    clause = Span(article.text.index("The unstable international"), article.text.index(", Jiechi added"))
    found = speaker_of(article, clause)
    assert found is not None
    assert (found.speaker.written, found.speaker.canonical, found.frame) == (
        "Jiechi",
        "Yang Jiechi",
        "X added",
    )


def test_seed_003_role_noun_resolves_to_patrushev(seeds: dict[str, Article]) -> None:
    [quote] = extract_quotes(seeds["003"])
    assert (quote.speaker, quote.canonical_speaker) == ("the Russian security chief", "Nikolai Patrushev")


def test_seed_001_putins_close_ally_is_patrushev(seeds: dict[str, Article]) -> None:
    quote = quote_starting(seeds["001"], "expand information exchanges")
    assert (quote.speaker, quote.canonical_speaker, quote.frame) == (
        "Putin’s close ally",
        "Nikolai Patrushev",
        "X reiterated",
    )


def test_seed_000_statement_quotations_belong_to_the_statement(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    for prefix, written in (("The interlocutors", "the statement"), ("Mutual interest", "it")):
        quote = quote_starting(article, prefix)
        assert quote.speaker == written
        assert quote.speaker_kind == "institution"
        assert quote.canonical_speaker == "Security Council of Russia (statement)"
        assert quote.frame_span is not None and quote.frame_span.slice(article.text) == f"{written} said"


def test_seed_000_quoted_as_saying_names_the_person(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    quote = quote_starting(article, "The policy of developing")
    assert (quote.canonical_speaker, quote.speaker_kind) == ("Nikolay Patrushev", "person")
    assert quote.frame == "the statement quoted X as saying"
    assert quote.frame_span is not None
    assert quote.frame_span.slice(article.text) == "the statement quoted Patrushev as saying"


def test_scare_quote_without_a_frame_stays_unknown(seeds: dict[str, Article]) -> None:
    quote = quote_starting(seeds["000"], "special military operation")
    assert (quote.speaker, quote.canonical_speaker, quote.speaker_kind, quote.frame) == (
        None,
        "unknown",
        "unknown",
        None,
    )


# --- own fixtures: frames, nesting, guillemets, paragraphs, stray marks --------------------


@pytest.mark.parametrize(
    ("prefix", "written", "canonical", "kind", "frame"),
    [
        ("The corridor must", "Montoya", "Valeria Montoya", "person", "X said"),
        ("We share that goal", "Aalto", "Henrik Aalto", "person", "X said"),
        ("Nobody wants", "Aalto", "Henrik Aalto", "person", "said X"),
        ("the price of bread", "Montoya", "Valeria Montoya", "person", "according to X"),
        (
            "Both sides agreed",
            "the statement",
            "Agriculture Ministry of Portavia (statement)",
            "institution",
            "X said",
        ),
        ("Further steps", "it", "Agriculture Ministry of Portavia (statement)", "institution", "X added"),
        ("cannot wait", "The Portavian minister", "Valeria Montoya", "person", "X stressed"),
        ("We will keep talking", "she", "Valeria Montoya", "person", "X told"),
        ("This is only the beginning", None, "unknown", "unknown", None),
    ],
    ids=str,
)
def test_frames(prefix: str, written: str | None, canonical: str, kind: str, frame: str | None) -> None:
    quote = quote_starting(fixture("frames"), prefix)
    assert (quote.speaker, quote.canonical_speaker, quote.speaker_kind, quote.frame) == (
        written,
        canonical,
        kind,
        frame,
    )


def test_frame_span_holds_the_frame_words() -> None:
    article = fixture("frames")
    quote = quote_starting(article, "Nobody wants")
    assert quote.frame_span is not None and quote.frame_span.slice(article.text) == "said Aalto"


def test_title_quotation_is_a_headline() -> None:
    first = extract_quotes(fixture("frames"))[0]
    assert (first.text, first.kind) == ("grain corridor", "headline")


def test_nested_quotes_and_apostrophes_stay_inside_the_outer_quotation() -> None:
    texts = [q.text for q in extract_quotes(fixture("nesting"))]
    assert texts == [
        "He called the plan 'a farce', and I agree with him,",
        "The minister’s answer was ‘we’ll see’, which isn’t good enough,",
        "Russia’s role in the talks is not our concern,",
        "It's over for this plan,",
        "unfair",
        "We will not retreat from the square,",
    ]
    assert all(
        q.canonical_speaker == "Iris Ortega" for q in extract_quotes(fixture("nesting")) if q.kind == "full"
    )


def test_quotation_over_paragraphs_is_one_quote_with_its_speaker() -> None:
    article = fixture("multiparagraph")
    first, second = extract_quotes(article)
    assert first.paragraphs == 2 and first.canonical_speaker == "Amara Osei"
    assert first.text.startswith("We went out") and first.text.endswith("every shift we fought for,")
    assert second.paragraphs == 3 and second.canonical_speaker == "Jonas Lindqvist"
    assert second.speaker == "Port director Jonas Lindqvist"
    assert second.span.slice(article.text).endswith("hurt the whole region.”")


def test_unclosed_mark_is_dropped_at_its_paragraph_end() -> None:
    article = fixture("unbalanced")
    assert [q.text for q in extract_quotes(article)] == ["a relief", "We can now pay the teachers,"]


def test_boilerplate_is_skipped(seeds: dict[str, Article]) -> None:
    article = seeds["001"]
    for quote in extract_quotes(article):
        assert all(not (b.start <= quote.span.start < b.end) for b in article.boilerplate)


# --- news styles: one invented case per class (fixtures/cases/quote_styles.csv) ------------
# The verb before the speaker, a quotation split around its frame, a pronoun or a descriptor
# for the speaker, a participial phrase naming someone else, a headline, readouts and live
# blogs (colon, bullets, dash), single marks, a quotation over paragraphs or left open after
# a lead-in, a run of quotations after one frame, and reported speech.

STYLES = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "quote_styles.csv"
ROWS = list(csv.DictReader(STYLES.read_text(encoding="utf-8").splitlines()))


def quotes_of(row: dict[str, str]) -> tuple[Quote, ...]:
    article = article_from_text(row["text"].replace("\\n", "\n"), id=row["case"])
    return extract_quotes(article, reported=row["kind"] == "reported")


@pytest.mark.parametrize("row", ROWS, ids=[r["case"] for r in ROWS])
def test_news_style_quotation_is_found_with_its_kind_and_speaker(row: dict[str, str]) -> None:
    [quote] = [q for q in quotes_of(row) if q.text.startswith(row["quote"])]
    assert (quote.kind, quote.canonical_speaker) == (row["kind"], row["speaker"])
    assert quote.inner.slice(quote_text_source(row)) == quote.text


def quote_text_source(row: dict[str, str]) -> str:
    return row["text"].replace("\\n", "\n")


def test_reported_speech_comes_only_when_asked_for() -> None:
    [row] = [r for r in ROWS if r["kind"] == "reported"]
    article = article_from_text(quote_text_source(row), id="r")
    assert all(q.kind != "reported" for q in extract_quotes(article))


def test_the_person_met_is_never_the_speaker() -> None:
    [row] = [r for r in ROWS if r["case"] == "participial_meeting_with"]
    assert all(q.canonical_speaker != "Karl Steen" for q in quotes_of(row))


def test_a_transcript_needs_its_salutations() -> None:
    # An article headed "X's speech: …" is about the speech, not its transcript.
    text = (
        "Harbour news\n\nMara Velde’s speech at the harbour board: what it means\n\n"
        "The minister spoke for an hour.\n\nAnalysts expect the harbour to reopen in May."
    )
    assert extract_quotes(article_from_text(text, id="t")) == ()


def test_a_transcript_stops_at_the_first_question() -> None:
    [row] = [r for r in ROWS if r["case"] == "transcript_after_salutations"]
    texts = [q.text for q in quotes_of(row)]
    assert texts == ["We have reopened the harbour after a long winter of repairs."]


def test_a_quotation_widens_to_the_sentences_it_touches() -> None:
    sents = [Span(0, 10), Span(11, 20), Span(22, 30), Span(31, 40)]
    for span, widened in (
        (Span(12, 15), Span(11, 20)),  # inside one sentence
        (Span(15, 25), Span(11, 30)),  # across two
        (Span(20, 22), Span(20, 22)),  # between two: touches none
        (Span(0, 40), Span(0, 40)),  # all of them
        (Span(38, 45), Span(31, 45)),  # runs past the last
    ):
        assert _sentence_of(span, sents) == widened, span
