"""Tests for English frames read on real news (dedupe.quotes.frame_patterns, speakers,
speaker_words): fragments inside an attributing clause, frames that look ahead, bylines,
datelines and single-marked quotations.

Each case is a short invented report; a near miss stays unknown rather than wrong.
"""

from __future__ import annotations

from dedupe.ingest.build import article_from_text
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.speaker import UNKNOWN


def _speakers(text: str) -> list[str]:
    return [q.canonical_speaker for q in extract_quotes(article_from_text(text, id="t"))]


MAYORS = "Maria Oduya, the mayor of Tarnwell, met Piet Morrow, the mayor of Elsby, on Friday.\n\n"


def _fragments(text: str) -> list[str]:
    return [q.canonical_speaker for q in extract_quotes(article_from_text("Talks\n\n" + text, id="t"))]


def test_a_bylines_writer_is_not_whom_she_stands_for() -> None:
    text = (
        "Bridge reopens\n\nBy Jana Holt – TARNWELL – Mayor Maria Oduya on Friday said that the "
        "bridge would reopen.\n\nAt the ceremony, Oduya said the repairs ‘took too long.’\n\n"
        "‘The river will not beat us’, she said. ‘We built it to last.’"
    )
    assert [s.endswith("Oduya") for s in _speakers(text)] == [True, True, True]


def test_a_short_line_closing_a_single_quote_after_a_stop_is_no_subhead() -> None:
    text = (
        "Bridge reopens\n\nMaria Oduya spoke at noon.\n\nShe said: ‘We built it to last.’\n\n"
        "Mayor warns of ‘flood’"
    )
    kinds = [q.kind for q in extract_quotes(article_from_text(text, id="t"))]
    assert kinds == ["full", "headline"]


def test_a_fragment_before_a_closing_frame_with_a_date_is_the_frames() -> None:
    text = MAYORS + "The pact provides for “joint patrols” on the river, Oduya said June 9 after the talks."
    assert _fragments(text) == ["Maria Oduya"]


def test_a_closing_frame_that_goes_on_with_a_clause_names_no_one() -> None:
    text = (
        MAYORS + "The pact provides for “joint patrols” on the river, Oduya said on Friday that it was fair."
    )
    assert _fragments(text) == [UNKNOWN]


def test_a_fragment_before_quoted_as_saying_is_the_one_quoted() -> None:
    text = (
        MAYORS + "The two will sign “a final text” of the pact, the regional radio station quoted "
        "deputy mayor Piet Morrow as saying."
    )
    assert _fragments(text) == ["Piet Morrow"]


def test_a_fragment_before_agencies_reported_is_the_agencies() -> None:
    text = (
        MAYORS
        + "They will discuss “river traffic” and “bridge tolls” at the hall, local news agencies reported."
    )
    assert _fragments(text) == ["local news agencies", "local news agencies"]


def test_alleged_and_threatened_frame_a_quotation() -> None:
    text = (
        MAYORS + "The river “will not wait for us,” Oduya alleged. Elsby “will regret it,” Morrow threatened."
    )
    assert _fragments(text) == ["Maria Oduya", "Piet Morrow"]


def test_a_post_shared_on_a_network_is_its_posters() -> None:
    text = MAYORS + "The Tarnwell council also shared on X, “The bridge is open to all traffic again.”"
    assert _fragments(text) == ["Tarnwell council"]


def test_a_when_clause_names_no_speaker() -> None:
    text = MAYORS + "When she received Morrow, Oduya hugged him and said she was “very glad” to see him."
    assert _fragments(text) == ["Maria Oduya"]


def test_a_dateline_before_a_colon_is_not_the_subject() -> None:
    text = (
        "Tarnwell: Mayor Maria Oduya on Monday welcomed Piet Morrow and said she was “very glad” to see him."
    )
    assert _fragments(text) == ["Maria Oduya"]


def test_a_long_first_line_closing_a_single_quote_is_a_lede_not_a_title() -> None:
    text = (
        "In a message to the crew, Mayor Maria Oduya said that the return of the boat marks another "
        "feat ‘in the town’s long effort to become a port.’\nThe crew thanked her."
    )
    [quote] = extract_quotes(article_from_text(text, id="t"))
    assert quote.kind == "fragment"


def test_a_frame_ending_in_a_colon_introduces_the_next_quotation_not_the_last() -> None:
    text = MAYORS + "Oduya thanked him with “a warm handshake” Piet Morrow said: “A fine day.”"
    assert _fragments(text)[0] == UNKNOWN


def test_according_to_opening_the_next_sentence_is_not_the_quotations_frame() -> None:
    text = (
        MAYORS + "At the session, the Elsby council reaffirmed that it would “keep the ferry running.” "
        "According to Piet Morrow, the mayor was meant to join by video."
    )
    assert _fragments(text) == ["Elsby council"]


def test_according_to_after_a_quotation_in_its_sentence_is_its_frame() -> None:
    text = MAYORS + "The ferry will “keep running” according to the Tarnwell council."
    assert _fragments(text) == ["Tarnwell council"]


def test_answered_frames_a_fragment() -> None:
    text = MAYORS + "Asked about the tolls, Oduya answered they had not discussed what “fair” means."
    assert _fragments(text) == ["Maria Oduya"]


def test_an_age_before_a_name_in_a_frame_is_no_part_of_the_name() -> None:
    text = "The flood came at night.\n\n“The water took our house,” said the 50-year-old Tovinek."
    assert _fragments(text) == ["Tovinek"]


def test_a_department_speaks_where_it_said_a_person_did_something() -> None:
    text = (
        MAYORS + "Oduya met the ferry owners, where the Tarnwell Transport Department said Oduya "
        "“raised the matter of tolls with all of them.”"
    )
    assert _fragments(text) == ["Tarnwell Transport Department"]


def test_a_readout_from_a_department_is_the_departments() -> None:
    text = MAYORS + "“The talks were frank and useful,” a readout from the Elsby Works Department said."
    assert _fragments(text) == ["Elsby Works Department"]
