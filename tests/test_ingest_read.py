"""Tests for dedupe.ingest.read: seeds, HTML pages, JSON/JSONL, bad input, stdin and --max-chars."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from dedupe.errors import InputError
from dedupe.ingest.build import RawArticle, article_from_text
from dedupe.ingest.decoding import decode
from dedupe.ingest.read import (
    ArticleStream,
    InputWarning,
    iter_articles,
    load_articles,
    load_file,
)
from dedupe.models import Article
from dedupe.text.tokens import tokenize

from fixture_paths import FIXTURES, SEEDS

SHARED_SEEDS = FIXTURES.parent.parent / "shared" / "seeds"
BAD = FIXTURES / "bad"
JSONL = FIXTURES / "jsonl"


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_seeds_are_byte_for_byte_copies_of_the_shared_seeds() -> None:
    shared = sorted(SHARED_SEEDS.glob("*.txt"))
    assert [p.name for p in shared] == [p.name for p in sorted(SEEDS.glob("*.txt"))]
    for path in shared:
        assert (SEEDS / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.parametrize(
    ("key", "title"),
    [
        ("000", "Russia, China hold 2-day security consultations"),
        ("001", "Russia seeks to expand security ties with China; calls it ‘unconditional priority’"),
        ("002", "Russia, China to jointly “tackle threats”"),
        (
            "003",
            "Moscow and Beijing plan to further strengthen bilateral cooperation on matters "
            "regarding strategic security, Russian Security Council Secretary Nikolai Patrushev "
            "said in Shanghai on Wednesday",
        ),
        (
            "004",
            "A senior Russian security official has stated that the Kremlin wants to strengthen ties "
            "with Beijing as one of its main policy goals.",
        ),
    ],
)
def test_seed_titles_are_the_headlines(seeds: dict[str, Article], key: str, title: str) -> None:
    # 001 drops its " | China" section label, 002 skips the "Follow us on:" bar above its
    # headline, 003 drops the scraped "date 2019-12-04" field in front of it.
    assert seeds[key].title == title


@pytest.mark.parametrize(
    ("key", "published", "outlet", "credits"),
    [
        ("000", None, None, ()),
        ("001", None, None, ()),  # "Monday, September 19" names no year
        ("002", date(2014, 6, 7), "TBP", ("TBP", "Agencies")),
        ("003", date(2019, 12, 4), "UrduPoint News", ("UrduPoint News", "Sputnik")),
        ("004", None, "AP", ("AP",)),
    ],
)
def test_seed_dates_outlets_and_credits(
    seeds: dict[str, Article], key: str, published: date | None, outlet: str | None, credits: tuple[str, ...]
) -> None:
    article = seeds[key]
    assert article.published == published
    assert article.outlet == outlet
    assert article.credits == credits


def test_seeds_keep_original_text_id_source_and_language(
    seeds: dict[str, Article], seed_paths: dict[str, Path]
) -> None:
    for key, article in seeds.items():
        path = seed_paths[key]
        assert article.text == path.read_text(encoding="utf-8")
        assert article.id == path.stem
        assert article.source == str(path)
        assert article.language == "en"


def _body_tokens(article: Article) -> list[str]:
    return [t.text for t in tokenize(article.text, article.body_spans)]


def _similarity(a: list[str], b: list[str]) -> float:
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(a, b)


def test_html_page_loads_to_the_seed_body(seeds: dict[str, Article]) -> None:
    [page] = load_file(str(FIXTURES / "html" / "004_harbour_ledger.html"))
    seed_words, page_words = _body_tokens(seeds["004"]), _body_tokens(page)
    # Equality is expected: trafilatura keeps one <p> per line here. The 0.98 floor only
    # allows for a future trafilatura joining list items or moving the <h2> differently.
    assert _similarity(seed_words, page_words) >= 0.98
    assert page_words == seed_words
    for chrome in ("Skip to content", "Related stories", "harbourreader", "Leave a Reply", "Subscribe", "©"):
        assert chrome not in page.text
    assert page.title == "Russia puts security ties with China at the top of its agenda"
    assert page.outlet == "The Harbour Ledger"
    assert page.published == date(2022, 9, 20)
    assert page.source == "https://harbour-ledger.example/world/2022/09/20/russia-china-security-ties"
    assert page.id == "004_harbour_ledger"
    assert page.credits == ("AP",)
    assert page.language == "en"


def test_jsonl_records_load_with_fields_metadata_and_line_ids() -> None:
    first, second, third = load_file(str(JSONL / "ferry_strike.jsonl"))
    assert (first.id, first.title, first.outlet) == (
        "harbour-0917",
        "Ferry crews walk out over rosters",
        "The Harbour Ledger",
    )
    assert first.source == "https://harbour-ledger.example/world/ferry-strike"
    assert first.published == date(2023, 3, 14)
    assert first.metadata == {"section": "Local", "wordcount": 31}
    assert first.text.startswith("Ferry crews walked out") and first.text.endswith("“regrettable”.")
    # No id: the file stem and line number; a written-out date is read too.
    assert (second.id, second.published, second.metadata) == (
        "ferry_strike-2",
        date(2023, 3, 14),
        {"tags": ["transport", "labour"]},
    )
    # After the blank line 3, the third record is line 4; without a url, the source is the file.
    assert (third.id, third.source, third.published) == (
        "wire-ferry-2",
        str(JSONL / "ferry_strike.jsonl"),
        date(2023, 3, 15),
    )


def test_json_single_object_and_list() -> None:
    [single] = load_file(str(JSONL / "single.json"))
    assert (single.id, single.outlet, single.metadata) == (
        "harbour-0917",
        "The Harbour Ledger",
        {"section": "Local", "wordcount": 31},
    )
    listed = load_file(str(JSONL / "pair.json"))
    assert [a.id for a in listed] == ["pair-1", "wire-ferry-2"]
    assert [a.title for a in listed] == ["Ferries halted as crews strike", "Strike ends after one day"]


def test_json_fields_of_the_wrong_type_are_not_taken_as_text(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    record = {
        "id": 7,
        "title": 12,
        "outlet": ["x"],
        "published": 2020,
        "text": "Headline in the text\n\nBody.",
    }
    path.write_text(json.dumps(record))
    [article] = load_file(str(path))
    assert (article.id, article.outlet, article.published) == ("7", None, None)
    assert article.title == "Headline in the text"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("empty.txt", "empty file"),
        ("whitespace.txt", "only whitespace"),
        ("binary.txt", "binary file (NUL bytes)"),
        ("control_noise.txt", "binary file (control characters)"),
        ("undecodable.txt", "cannot decode"),
        ("not_json.jsonl", "line 2: not valid JSON"),
        ("no_text.jsonl", 'line 3: no "text" field'),
        ("empty_list.json", "empty JSON list"),
        ("empty_page.html", "no article text found"),
        ("no_articles", "holds no article files"),
        ("missing.txt", "no such file or directory"),
        ("nothing-*.txt", "pattern matches no file"),
    ],
    ids=str,
)
def test_bad_input_is_one_line_naming_the_file_and_the_problem(name: str, problem: str) -> None:
    path = str(BAD / name)
    with pytest.raises(InputError) as caught:
        load_articles([path])
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message
    assert caught.value.source == path


def test_cp1252_file_loads_with_a_warning() -> None:
    with pytest.warns(InputWarning, match=r"cp1252\.txt: not UTF-8; decoded as cp1252"):
        [article] = load_file(str(BAD / "cp1252.txt"))
    assert article.title == "Café owners protest new rules"
    for written in ("harbour’s cafés", "“unfair”", "€200", "à la presse", "« très déçu »"):
        assert written in article.text


@pytest.mark.parametrize(
    "encoded",
    [
        "\ufeffCafé “quoted”".encode(),
        "Café “quoted”".encode("utf-16"),
        "Café “quoted”".encode("utf-32"),
    ],
    ids=["utf-8-bom", "utf-16-bom", "utf-32-bom"],
)
def test_byte_order_marks_decode_and_are_dropped(encoded: bytes) -> None:
    assert decode(encoded, "x.txt") == "Café “quoted”"


def test_short_cp1252_bytes_are_not_mistaken_for_utf16() -> None:
    with pytest.warns(InputWarning):
        assert decode("Café".encode("cp1252"), "x.txt") == "Café"


def test_skip_bad_records_problems_and_keeps_good_files(seed_paths: dict[str, Path]) -> None:
    problems: list[InputError] = []
    inputs = [
        BAD / "empty.txt",
        seed_paths["004"],
        BAD / "missing.txt",
        BAD / "no_articles",
        JSONL / "single.json",
    ]
    articles = load_articles(inputs, skip_bad=True, problems=problems)
    assert [a.id for a in articles] == ["004_6b7b728a0a1fe40e", "harbour-0917"]
    assert [p.source for p in problems] == [
        str(BAD / "empty.txt"),
        str(BAD / "missing.txt"),
        str(BAD / "no_articles"),
    ]
    with pytest.raises(InputError):
        list(iter_articles(inputs))


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin("Piped headline here\n\nPiped body text, “quoted”.\n".encode()))
    [article] = load_articles(["-"])
    assert (article.id, article.source, article.title) == ("stdin", "<stdin>", "Piped headline here")


def test_dash_sniffs_jsonl_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin((JSONL / "ferry_strike.jsonl").read_bytes()))
    assert [a.id for a in load_articles(["-"])] == ["harbour-0917", "stdin-2", "wire-ferry-2"]


def test_empty_stdin_is_an_error_naming_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin(b""))
    with pytest.raises(InputError, match=r"^<stdin>: empty file$"):
        load_articles(["-"])


def test_explicit_fields_win_over_what_the_text_says() -> None:
    article = article_from_text(
        "date 2019-12-04 Found headline here\n\nBody.",
        id="x",
        title="Given title",
        outlet="Given outlet",
        published=date(2020, 1, 2),
        metadata={"k": 1},
    )
    assert (article.title, article.outlet, article.published, article.metadata) == (
        "Given title",
        "Given outlet",
        date(2020, 1, 2),
        {"k": 1},
    )


def test_impossible_header_date_is_ignored_not_a_crash() -> None:
    article = article_from_text("date 2019-13-45 Talks resume in the capital\n\nBody of the story.", id="x")
    assert article.published is None
    assert article.title == "Talks resume in the capital"


def test_raw_records_build_the_articles_iteration_gives() -> None:
    paths = [SEEDS, JSONL / "ferry_strike.jsonl"]
    stream = iter_articles(paths)
    assert isinstance(stream, ArticleStream)
    raw = list(stream.raw())
    assert all(isinstance(r, RawArticle) for r in raw)
    assert [r.build() for r in raw] == load_articles(paths)


@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_an_article_over_max_chars_is_refused_or_skipped(tmp_path: Path, suffix: str) -> None:
    big = "Word " * 300
    body = (
        big
        if suffix == ".txt"
        else "\n".join([json.dumps({"text": "Short one."}), json.dumps({"text": big})])
    )
    path = tmp_path / f"big{suffix}"
    path.write_text(body)
    with pytest.raises(InputError, match="over the limit of 1,000"):
        load_articles([path], max_chars=1000)
    problems: list[InputError] = []
    kept = load_articles([path, tmp_path / f"big{suffix}"], skip_bad=True, problems=problems, max_chars=1000)
    assert len(kept) == (0 if suffix == ".txt" else 2)
    assert problems and all("--max-chars" in str(p) for p in problems)


def test_a_file_far_over_max_chars_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 5000)
    with pytest.raises(InputError, match="5,000 bytes, more than --max-chars 1,000 allows"):
        load_articles([path], max_chars=1000)
