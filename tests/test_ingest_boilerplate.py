"""Tests for dedupe.ingest.boilerplate: repeated lines, furniture and credit lines are set aside, not lost."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dedupe.ingest.boilerplate import credits, find_boilerplate
from dedupe.models import Article, Boilerplate
from dedupe.text.segment import paragraphs
from dedupe.text.tokens import tokenize

CAPTION = (
    "Chinese President Xi Jinping (R) meets with Russian Security Council Secretary "
    "Nikolai Patrushev in Beijing, China, June 6, 2014 [Xinhua]"
)
SET_ASIDE = {
    "000": [("Russia, China hold 2-day security consultations", "repeated line")],
    "001": [
        ("Read More", "site furniture"),
        ("Leave a Reply", "site furniture"),
        ("Your email address will not be published.", "site furniture"),
        ("Back to top button", "site furniture"),
        ("%d bloggers like this:", "site furniture"),
    ],
    "002": [
        ("Follow us on:", "site furniture"),
        (CAPTION, "repeated line"),
        ("TBP and Agencies", "credit line"),
    ],
    "003": [
        (
            "date 2019-12-04 Moscow and Beijing plan to further strengthen bilateral cooperation on "
            "matters regarding strategic security, Russian Security Council Secretary Nikolai Patrushev "
            "said in Shanghai on Wednesday",
            "repeated line",
        ),
        (".", "no words"),
    ],
    "004": [("AP", "credit line")],
}


@pytest.mark.parametrize("key", sorted(SET_ASIDE))
def test_seed_boilerplate_is_exactly_the_expected_lines(seeds: dict[str, Article], key: str) -> None:
    article = seeds[key]
    assert [(b.start, b.end) for b in article.boilerplate] == sorted(
        (b.start, b.end) for b in article.boilerplate
    )
    assert [(article.text[b.start : b.end], b.reason) for b in article.boilerplate] == SET_ASIDE[key]


def test_seed_000_sets_aside_the_later_copy_of_its_title(seeds: dict[str, Article]) -> None:
    article = seeds["000"]
    title = "Russia, China hold 2-day security consultations"
    first, second = (m.start() for m in re.finditer(re.escape(title), article.text))
    [repeat] = article.boilerplate
    assert (repeat.start, repeat.end) == (second, second + len(title))
    assert article.body.startswith(title + "\n\nMoscow, Beijing agree")
    assert first == 0


def test_seed_002_sets_aside_the_second_caption_and_keeps_the_first(seeds: dict[str, Article]) -> None:
    article = seeds["002"]
    first, second = (m.start() for m in re.finditer(re.escape(CAPTION), article.text))
    repeats = [b for b in article.boilerplate if b.reason == "repeated line"]
    assert [(b.start, b.end) for b in repeats] == [(second, second + len(CAPTION))]
    assert article.body.count(CAPTION) == 1
    assert any(span.start <= first and first + len(CAPTION) <= span.end for span in article.body_spans)


def test_seed_003_repeated_lede_is_kept_in_its_longer_dateline_copy(seeds: dict[str, Article]) -> None:
    article = seeds["003"]
    [lede] = [b for b in article.boilerplate if b.reason == "repeated line"]
    assert lede.start < 5  # the first line, not the dateline paragraph
    lede_words = [t.text for t in tokenize(article.text[lede.start : lede.end])][4:]  # past "date 2019-12-04"
    body_words = " ".join(t.text for t in tokenize(article.text, article.body_spans))
    assert " ".join(lede_words) in body_words


def _in_body(article: Article, position: int) -> bool:
    return any(span.start <= position < span.end for span in article.body_spans)


def test_every_seed_keeps_its_quotations_and_paragraphs_in_the_body(seeds: dict[str, Article]) -> None:
    for key, article in seeds.items():
        text = article.text
        quote_marks = [i for i, ch in enumerate(text) if ch in '“”"']
        assert quote_marks, key
        assert all(_in_body(article, i) for i in quote_marks), key
        set_aside = {(b.start, b.end): b.reason for b in article.boilerplate}
        kept = [p for p in paragraphs(text) if (p.start, p.end) not in set_aside]
        for line in paragraphs(text):
            if len(line.slice(text).split()) >= 12 and (line.start, line.end) in set_aside:
                # Only a repeat may be set aside, and only when its words stay in the body.
                assert set_aside[(line.start, line.end)] == "repeated line"
                mine = _trigrams(line.slice(text))
                assert any(len(mine & _trigrams(k.slice(text))) >= 0.8 * len(mine) for k in kept), key


@pytest.mark.parametrize(
    "line",
    [
        "Share this:",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Telegram Email",
        "Comments (3)",
        "2 Comments",
        "Related stories",
        "You may also like",
        "Sign up for our newsletter",
        "Subscribe",
        "Tags: Russia, China, security",
        "Posted in World News",
        "Skip to content",
        "© 2022 The Harbour Ledger. All rights reserved.",
        "Home",
        "Loading...",
        "* * *",
    ],
    ids=str,
)
def test_page_chrome_lines_are_set_aside(line: str) -> None:
    text = f"Ministers meet to discuss the port strike\n\n{line}\n\nThe talks went on late into the night."
    found = [(text[b.start : b.end], b.reason) for b in find_boilerplate(text)]
    assert found == [(line, "no words" if line == "* * *" else "site furniture")]


@pytest.mark.parametrize(
    "line",
    [
        "Facebook to pay $5bn privacy fine",
        "Twitter reacts to the ban",
        "Coming home",
        "Iran to sign up to the deal",
        "Search for survivors continues",
        "The ministers agreed to read more widely into the report before the next round of talks.",
        "Follow-up talks are planned for next month in Geneva, where both sides will meet again.",
    ],
    ids=str,
)
def test_headlines_and_sentences_that_mention_chrome_words_stay(line: str) -> None:
    text = f"{line}\n\nThe talks went on late into the night, an aide said on Tuesday.\n\nMore followed."
    assert find_boilerplate(text) == ()


@pytest.mark.parametrize(
    "credit", ["AP", "Reuters", "TBP and Agencies", "AFP / Reuters", "Staff and Agencies"]
)
def test_a_bare_credit_as_last_line_is_a_credit_line(credit: str) -> None:
    text = f"Ferry crews strike\n\nNo ferries left the harbour on Tuesday.\n\n{credit}"
    [found] = find_boilerplate(text)
    assert (text[found.start : found.end], found.reason) == (credit, "credit line")
    assert credits(text, (found,), paragraphs(text)) == tuple(re.split(r" and | / ", credit))


@pytest.mark.parametrize(
    "last", ["He left.", "Talks resume on Monday in the capital after the break", "“Yes”"]
)
def test_a_sentence_as_last_line_is_no_credit(last: str) -> None:
    text = f"Ferry crews strike\n\nNo ferries left the harbour on Tuesday.\n\n{last}"
    assert find_boilerplate(text) == ()


def test_identical_lines_keep_the_first_copy() -> None:
    caption = "The two ministers shake hands before the talks in the capital"
    text = f"Talks open\n\n{caption}\n\n{caption}\n\nThe meeting lasted three hours, officials said."
    [repeat] = find_boilerplate(text)
    assert (repeat.start, repeat.reason) == (text.rindex(caption), "repeated line")


VOCABULARY = "talks port strike minister said crews harbour union rosters agreed Tuesday deal".split()
lines = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=9).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(lines, min_size=1, max_size=8))
@example(["talks", "Tuesday Tuesday Tuesday", "Tuesday Tuesday Tuesday"])  # its kept copy read as a credit
def test_set_aside_lines_are_whole_lines_and_every_repeat_keeps_a_copy(body_lines: list[str]) -> None:
    text = "\n\n".join(body_lines)
    found = find_boilerplate(text)
    line_spans = {(p.start, p.end): p for p in paragraphs(text)}
    assert all((b.start, b.end) in line_spans for b in found)
    for before, after in itertools.pairwise(found):
        assert before.end <= after.start
    kept = [
        span for span in paragraphs(text) if (span.start, span.end) not in {(b.start, b.end) for b in found}
    ]
    for part in found:
        if part.reason == "repeated line":
            mine = _trigrams(text[part.start : part.end])
            assert any(len(mine & _trigrams(k.slice(text))) >= 0.8 * len(mine) for k in kept)
    assert find_boilerplate(text) == found


def _trigrams(line: str) -> set[tuple[str, ...]]:
    words = [t.text for t in tokenize(line)]
    return {tuple(words[i : i + 3]) for i in range(max(1, len(words) - 2))}


def test_boilerplate_spans_are_boilerplate_records() -> None:
    [part] = find_boilerplate("Headline of the day\n\nBody text of the story here.\n\nLeave a Reply")
    assert isinstance(part, Boilerplate)


def test_the_copy_a_repeat_was_set_aside_for_is_no_credit_line() -> None:
    text = "Crews agreed the deal.\n\nHarbour Union Press\n\nHarbour Union Press"
    found = find_boilerplate(text)
    assert [(b.reason, text[b.start : b.end]) for b in found] == [("repeated line", "Harbour Union Press")]
    assert found[0].start == text.rindex("Harbour Union Press")  # the later copy goes, the first stays
