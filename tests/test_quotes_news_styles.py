"""Quotations as news copy prints them: one invented case per class (fixtures/cases/quote_styles.csv).

Classes: the verb before the speaker, a quotation split around its frame, a pronoun or a
descriptor for the speaker, a participial phrase naming someone else, a headline, readouts
and live blogs (colon, bullets, dash), single marks, a quotation over paragraphs or left
open after a lead-in, a run of quotations after one frame, and reported speech.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dedupe.ingest.build import article_from_text
from dedupe.quotes.extract import Quote, extract_quotes

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases" / "quote_styles.csv"
ROWS = list(csv.DictReader(CASES.read_text(encoding="utf-8").splitlines()))


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
