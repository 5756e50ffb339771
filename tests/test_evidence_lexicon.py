"""Word lists and token tests: capitalised runs, clues by position, acronyms, organisation words."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dedupe.evidence import lexicon
from dedupe.evidence.mentions import extract_entities, person_mentions
from dedupe.evidence.names import name_key
from dedupe.models import Article, Token
from dedupe.text.tokens import tokenize

PROPERTY = settings(max_examples=300, deadline=None)

_SENTENCE_WORDS = (
    "the", "of", "de", "in", "said", "President", "Nikolai", "Patrushev", "Patrushev's", "Security",
    "Council", "China", "SCO", "G7", "May", "Monday", "city", "Russian", "according", "to", "Year", "Of",
    "Sports", "port", "town", "near",
)  # fmt: skip
_SENTENCES = st.lists(
    st.tuples(
        st.sampled_from(_SENTENCE_WORDS), st.sampled_from([" ", " ", "-", ", ", "\u00a0", "\u202f", "  "])
    ),
    min_size=1,
    max_size=14,
).map(lambda words: "".join(word + gap for word, gap in words))


def _plain_chunks(text: str, sentence: list[Token]) -> list[tuple[list[Token], bool]]:
    """Return ``chunks`` as its rule reads, word by word: the oracle for the faster loop."""

    def joined(left: Token, right: Token) -> bool:
        gap = text[left.end : right.start]
        return not left.text.endswith("'s") and re.fullmatch(r"[ \u00a0\u202f-]?", gap) is not None

    caps = [lexicon.capitalised(text, t) for t in sentence]
    words = [t for t in sentence if t.text.isalpha()]
    prose_end = bool(sentence) and text[sentence[-1].end : sentence[-1].end + 1] in (".", ",", ";")
    title_case = (
        not prose_end and len(words) >= 4 and all(text[t.start].isupper() for t in words if len(t.text) >= 4)
    )
    found: list[tuple[list[Token], bool]] = []
    i = 0
    while i < len(sentence):
        if not caps[i]:
            i += 1
            continue
        j = i + 1
        while not title_case and j < len(sentence) and joined(sentence[j - 1], sentence[j]):
            if caps[j]:
                j += 1
                continue
            k = j
            while k < len(sentence) and sentence[k].text in lexicon.CONNECTORS and k - j < 2:
                k += 1
            if k == j or k >= len(sentence) or not caps[k] or not joined(sentence[k - 1], sentence[k]):
                break
            j = k + 1
        found.append((sentence[i:j], i == 0 or title_case))
        i = j
    return found


@PROPERTY
@given(_SENTENCES)
@example("Russian Security Council Secretary Nikolai Patrushev said")
@example("Year Of Sports Exchange In China")
@example("Maria Oduya met Peter Lankin on Friday.")
@example("According to Maria Oduya, ")
def test_runs_of_capitalised_words_are_found_as_the_rule_reads(text: str) -> None:
    sentence = list(tokenize(text))
    caps = lexicon.capitals(text, sentence)
    assert caps == [lexicon.capitalised(text, t) for t in sentence]
    assert list(lexicon.chunks(text, sentence)) == _plain_chunks(text, sentence)
    assert list(lexicon.chunks(text, sentence, caps)) == _plain_chunks(text, sentence)


def _plain_located(sentence: list[Token], index: int) -> bool:
    """The location rule read off the two words before: the oracle for ``located_at``."""
    before = [t.text for t in sentence[max(0, index - 2) : index]]
    if before and before[-1] in lexicon.LOCATIVES:
        return True
    return len(before) == 2 and before[1] == "of" and before[0] in lexicon._LOCATIVE_NOUNS


def _plain_name_clue(sentence: list[Token], first: int, last: int) -> bool:
    """The person-clue rule read word by word: the oracle for ``name_clue_at``."""
    before = [t.text for t in sentence[max(0, first - 2) : first]]
    if before and (before[-1] in lexicon.DESCRIPTORS or before == ["according", "to"]):
        return True
    return last + 1 < len(sentence) and sentence[last + 1].text in lexicon.SPEECH_VERBS


@PROPERTY
@given(_SENTENCES, st.data())
def test_clues_read_by_position_agree_with_clues_read_by_token(text: str, data: st.DataObject) -> None:
    sentence = list(tokenize(text))
    first = data.draw(st.integers(0, len(sentence) - 1))
    last = data.draw(st.integers(first, len(sentence) - 1))
    assert lexicon.position(sentence, sentence[first]) == first
    assert lexicon.located_at(sentence, first) == _plain_located(sentence, first)
    assert lexicon.name_clue_at(sentence, first, last) == _plain_name_clue(sentence, first, last)


def test_clues_at_the_start_of_a_sentence_do_not_wrap_round_to_its_end() -> None:
    assert lexicon.located_at(list(tokenize("of China near city")), 1) is False
    assert lexicon.name_clue_at(list(tokenize("to Patrushev met according")), 1, 1) is False


def test_a_word_outside_the_sentence_has_no_position_and_clues_read_by_position() -> None:
    text = "They met in Nanping. Guo Shengkun said so."
    tokens = list(tokenize(text))
    sentence, outside = tokens[:4], tokens[4]
    with pytest.raises(ValueError, match="not in the sentence"):
        lexicon.position(sentence, outside)
    assert lexicon.position(tokens, outside) == 4
    assert lexicon.located_at(sentence, 3) is True
    assert lexicon.name_clue_at(tokens, 4, 5) is True
    said = list(tokenize("Guo Shengkun said"))
    assert lexicon.name_clue_at(said, 0, 1) is True
    assert lexicon.name_clue_at(said, 0, 2) is False


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("SCO", True),
        ("G7", True),
        ("BRICS", True),
        ("UNESCO", False),
        ("A", False),
        ("Xi", False),
        ("77", False),
    ],
)
def test_acronyms_are_two_to_five_capitals_or_capitals_and_digits(word: str, expected: bool) -> None:
    [token] = tokenize(word)
    assert lexicon.acronym(word, token) is expected


def test_organisation_words_and_bases() -> None:
    tokens = tokenize("Yenqua Party's ministry")
    assert lexicon.bases(tokens) == ["yenqua", "party", "ministry"]
    assert lexicon.has_org_word(["yenqua", "party"]) and not lexicon.has_org_word(["yenqua", "china"])


# Titles the three finders once cut differently: "Rev", "Princess", "Col" and "Maj" stayed in
# a speaker's name, "Deputy", "Sheikh" and "Adviser" in a name's key. One list cuts them all.
TITLED = ["Deputy", "Sheikh", "Rev", "Princess", "Lord", "Col", "Maj", "Adviser", "Mr"]


@pytest.mark.parametrize("title", TITLED)
def test_entities_speakers_and_name_keys_cut_a_name_at_the_same_titles(title: str) -> None:
    text = f"The talks ended on Friday. {title} Ana Petrova said the port would reopen."
    people = [e.canonical for e in extract_entities(Article(id="t", text=text)) if e.kind == "person"]
    assert people == ["Ana Petrova"]
    assert [m.name for m in person_mentions(text)] == ["Ana Petrova"]
    assert name_key(f"{title} Ana Petrova") == ("ana", "petrova")
    assert title.casefold() in lexicon.TITLES


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("Tarnwell Seeks To Reopen Bridge", [["Tarnwell"], ["Seeks"], ["To"], ["Reopen"], ["Bridge"]]),
        ("Maria Oduya met Peter Lankin on Friday.", [["Maria", "Oduya"], ["Peter", "Lankin"]]),
        ("Maria Oduya met Peter Lankin on Friday, ", [["Maria", "Oduya"], ["Peter", "Lankin"]]),
    ],
    ids=["headline", "full stop", "comma"],
)
def test_a_short_sentence_that_ends_in_a_stop_is_prose_not_a_headline(
    text: str, runs: list[list[str]]
) -> None:
    sentence = list(tokenize(text))
    found = [[text[t.start : t.end] for t in chunk] for chunk, _ in lexicon.chunks(text, sentence)]
    assert found == runs
