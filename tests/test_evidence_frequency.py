"""How common a word is: ``zipf`` answers what wordfreq answers, from an index in the user's cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from wordfreq import top_n_list, zipf_frequency

from dedupe.evidence import frequency

PROPERTY = settings(max_examples=300, deadline=None)
COMMON_WORDS = top_n_list("en", 3000)
# Every letter the index answers for itself; anything else goes to wordfreq.
PLAIN_LETTERS = [
    chr(c)
    for c in [*range(0x250), *range(0x370, 0x500)]
    if chr(c).isalpha() and frequency._plain_tokens(chr(c))
]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the index at an empty folder; drop every cached answer before and after."""
    monkeypatch.setenv(frequency.ZIPF_CACHE_ENV, str(tmp_path / "cache"))
    frequency.zipf.cache_clear()
    frequency._zipf_index.cache_clear()
    yield tmp_path / "cache"
    frequency.zipf.cache_clear()
    frequency._zipf_index.cache_clear()


def _phrase(words: list[str], capitalised: list[bool]) -> str:
    return " ".join(w.capitalize() if up else w for w, up in zip(words, capitalised, strict=False))


@PROPERTY
@given(
    st.lists(st.sampled_from(COMMON_WORDS), min_size=1, max_size=3),
    st.lists(st.booleans(), min_size=3, max_size=3),
)
@example(["nanping"], [True, False, False])
@example(["south", "china", "sea"], [True, True, True])
def test_common_words_and_phrases_score_as_in_wordfreq(words: list[str], capitalised: list[bool]) -> None:
    phrase = _phrase(words, capitalised)
    assert frequency.zipf(phrase) == zipf_frequency(phrase, "en")


@PROPERTY
@given(st.text(alphabet=st.sampled_from([*"aeiouknrstyzAÉİßöςσΣдЖЁ µ'’-.7", "\u0301"]), max_size=12))
@example("")
@example("G7")
@example("O’Brien")
@example("Zürich")
@example("Москва")
@example("the  the")
def test_any_text_scores_as_in_wordfreq(text: str) -> None:
    assert frequency.zipf(text) == zipf_frequency(text, "en")


def test_every_plain_letter_scores_as_in_wordfreq() -> None:
    assert len(PLAIN_LETTERS) > 500
    for letter in PLAIN_LETTERS:
        for word in (letter, f"a{letter}", f"{letter}a", f"st{letter}n"):
            assert frequency.zipf(word) == zipf_frequency(word, "en"), word


def test_the_index_is_built_once_then_read(cache_dir: Path) -> None:
    assert frequency.zipf("China") == zipf_frequency("China", "en") > 5
    [index] = cache_dir.iterdir()
    assert index.name.startswith("wordfreq-") and index.stat().st_size > 1_000_000
    written = index.read_bytes()
    frequency._zipf_index.cache_clear()
    frequency.zipf.cache_clear()
    assert frequency.zipf("Nanping") == zipf_frequency("Nanping", "en")
    assert index.read_bytes() == written  # read, not rebuilt


def test_a_damaged_index_is_rebuilt(cache_dir: Path) -> None:
    frequency.zipf("China")
    [index] = cache_dir.iterdir()
    index.write_bytes(index.read_bytes()[:1000])
    frequency._zipf_index.cache_clear()
    frequency.zipf.cache_clear()
    assert frequency.zipf("security") == zipf_frequency("security", "en")
    assert index.stat().st_size > 1_000_000


def test_an_unwritable_cache_still_answers(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = cache_dir.parent / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(frequency.ZIPF_CACHE_ENV, str(blocker / "cache"))
    assert frequency.zipf("Kremlin") == zipf_frequency("Kremlin", "en")
    assert sorted(p.name for p in cache_dir.parent.iterdir()) == ["a-file"]
