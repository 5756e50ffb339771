"""Tests for dedupe.text.language and for loading and tokenising text in other scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from dedupe.ingest.read import load_file
from dedupe.models import Article
from dedupe.text.language import detect_language
from dedupe.text.tokens import tokenize

SCRIPTS = Path(__file__).resolve().parent.parent / "fixtures" / "scripts"


def _is_cjk(char: str) -> bool:
    return "\u3040" <= char <= "\u30ff" or "\u4e00" <= char <= "\u9fff"


@pytest.mark.parametrize(
    ("name", "language", "title"),
    [
        ("ru_port.txt", "ru", "Портовые рабочие объявили забастовку"),
        ("ar_port.txt", "ar", "عمال الميناء يعلنون الإضراب"),
        ("zh_port.txt", "zh", "港口工人宣布罢工"),
        ("ja_port.txt", "ja", "港湾労働者がストライキを宣言"),
    ],
)
def test_other_scripts_load_with_language_title_and_no_dropped_characters(
    name: str, language: str, title: str
) -> None:
    [article] = load_file(str(SCRIPTS / name))
    assert article.text == (SCRIPTS / name).read_text(encoding="utf-8")
    assert (article.language, article.title, article.boilerplate) == (language, title, ())
    tokens = tokenize(article.text)
    covered = {i for t in tokens for i in range(t.start, t.end)}
    assert [ch for i, ch in enumerate(article.text) if ch.isalnum() and i not in covered] == []
    for token in tokens:
        if any(_is_cjk(ch) for ch in token.text):
            assert len(token.text) == 1 and token.end - token.start == 1


def test_cyrillic_words_stay_whole_and_in_their_script() -> None:
    [article] = load_file(str(SCRIPTS / "ru_port.txt"))
    words = [t.text for t in tokenize(article.text)]
    assert words[:4] == ["портовые", "рабочие", "объявили", "забастовку"]


def test_arabic_words_keep_their_marks() -> None:
    [article] = load_file(str(SCRIPTS / "ar_port.txt"))
    assert "أيضاً" in [t.text for t in tokenize(article.text)]


def test_english_seeds_are_english(seeds: dict[str, Article]) -> None:
    assert {a.language for a in seeds.values()} == {"en"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le président a déclaré à la presse qu’il était très déçu des résultats de la réunion.", "fr"),
        (
            "Die Gespräche wurden am Montag fortgesetzt, sagte der Sprecher, und die Lage ist nicht einfach.",
            "de",
        ),
        ("El ministro dijo que los trabajadores del puerto seguirán en huelga para la próxima semana.", "es"),
        ("The minister said, on Monday, that the talks with the union were over.", "en"),
        ("한국 정부는 월요일 발표했다", "ko"),
        ("Ok.", "und"),
        ("12345 !!!", "und"),
        ("", "und"),
    ],
    ids=str,
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language
