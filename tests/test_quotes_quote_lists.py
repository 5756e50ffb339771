"""Tests for quotation lists under a heading (dedupe.quotes.quote_lists): "Key quotes",
"Press conference quotes", "Key takeaways" under a lede that names whose press conference it is.

Each case is a short invented report; a near miss stays unknown rather than wrong.
"""

from __future__ import annotations

from dedupe.ingest.build import article_from_text
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.speaker import UNKNOWN

LIST_LEDE = (
    "Tarnwell Bank Governor Ana Velde sets out why rates stay on hold and takes reporters' "
    "questions at a press conference after the meeting."
)
LIST_BODY = (
    "\n\nKey quotes\n\n"
    "“Prices are cooling faster than we expected.”\n\n"
    "“We stand ready to act if needed.”\n\n"
    "• “No decision has been taken on cuts”.\n\n"
    "About the bank\n\n"
    "“The bank was founded in 1901.”"
)


def _speakers(text: str) -> list[str]:
    return [q.canonical_speaker for q in extract_quotes(article_from_text(text, id="t"))]


def test_a_key_quotes_list_is_the_press_conference_speakers() -> None:
    speakers = _speakers("Velde holds rates\n\n" + LIST_LEDE + LIST_BODY)
    assert speakers == ["Ana Velde", "Ana Velde", "Ana Velde", UNKNOWN]


def test_a_quotes_heading_that_names_the_speaker_is_theirs() -> None:
    text = (
        "Rates held\n\nThe bank kept rates on hold on Thursday.\n\n"
        "Key quotes from Ana Velde's press conference\n\n“Prices are cooling.”"
    )
    assert _speakers(text) == ["Ana Velde"]


def test_a_list_under_a_lede_naming_two_people_stays_unknown() -> None:
    text = (
        "Rates held\n\nGovernor Ana Velde and her deputy Piet Morrow answered questions at a "
        "press conference." + LIST_BODY
    )
    assert _speakers(text)[:3] == [UNKNOWN, UNKNOWN, UNKNOWN]


def test_a_list_under_a_lede_where_nobody_spoke_stays_unknown() -> None:
    text = "Rates held\n\nAna Velde leads the bank since May." + LIST_BODY
    assert _speakers(text)[:3] == [UNKNOWN, UNKNOWN, UNKNOWN]


def test_a_list_ends_at_a_paragraph_with_words_of_its_own() -> None:
    text = (
        "Velde holds rates\n\n" + LIST_LEDE + "\n\nKey quotes\n\n“Prices are cooling.”\n\n"
        "Markets rose after the decision. “Stocks will calm down,” a trader said."
    )
    assert _speakers(text) == ["Ana Velde", UNKNOWN]
