"""Scan reports name articles by title as well as id: the title comes from the input (a JSON
``title`` field, an HTML ``<title>``, a text file's headline), rides in ``ScanReport.titles``
(JSON: ``titles``, id to title) and shows as "title (id)" in table, Markdown and HTML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.cli import app
from dedupe.corpus.index import Index
from dedupe.corpus.scan import scan
from dedupe.ingest.read import load_articles

runner = CliRunner()

# Invented for these tests: a small town's bridge, told three times nearly word for word.
BODY = (
    "The Marlow footbridge over the river Wend reopened on Tuesday after eleven weeks of repairs, "
    "the district council said. Engineers replaced forty timber planks and two rusted cables that "
    "an inspection in March had found unsafe. Councillor Edith Varga said the work had cost "
    "212,000 pounds, less than the 250,000 pounds first budgeted, and thanked residents for their "
    "patience during the closure. Cyclists must still dismount on the bridge, and a new speed "
    "sign will be fitted next month. The ferry that ran during the repairs stops on Friday."
)
# One paragraph on one line, longer than a headline can be (``ingest.build.MAX_TITLE_CHARS``).
WEATHER = (
    "The weather stayed mild all week, with light rain on the hills and a dry weekend ahead for the "
    "county show, where judges will pick the best goats, the largest marrow and the finest jam. "
    "Organisers expect nine thousand visitors on Saturday and ask drivers to use the park-and-ride "
    "field off the Stanton road, since the lanes near the showground flood after even a little rain. "
    "The beer tent opens at noon; the dog agility final starts at three; the tug of war between the "
    "two villages, which Upper Stanton has won six years running, closes the day at half past five."
)
TITLES = {
    "bridge-json": "Marlow footbridge reopens after repairs",
    "bridge-html": "Footbridge over the Wend open again",
    "bridge-text": "Repaired Marlow bridge welcomes walkers",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    record = {"id": "bridge-json", "title": TITLES["bridge-json"], "text": BODY}
    (folder / "bridge-json.json").write_text(json.dumps(record), encoding="utf-8")
    (folder / "bridge-html.html").write_text(
        f"<html><head><title>{TITLES['bridge-html']}</title></head><body><article><p>{BODY}</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (folder / "bridge-text.txt").write_text(f"{TITLES['bridge-text']}\n\n{BODY}\n", encoding="utf-8")
    (folder / "untitled.txt").write_text(WEATHER + "\n", encoding="utf-8")
    return folder


def _ids(folder: Path) -> dict[str, str]:
    """The id each invented file got, by its stem (ids are the reader's to choose)."""
    return {Path(a.source or "").stem: a.id for a in load_articles([str(folder)])}


def test_the_report_carries_each_titled_articles_title(corpus: Path) -> None:
    ids = _ids(corpus)
    report = scan(load_articles([str(corpus)]))
    assert report.titles == {ids[stem]: title for stem, title in TITLES.items()}
    assert ids["untitled"] not in report.titles  # a text without a headline has no title


def test_titles_of_articles_already_in_an_index(corpus: Path, tmp_path: Path) -> None:
    ids = _ids(corpus)
    with Index(tmp_path / "news.db") as index:
        index.add(load_articles([str(corpus)]))
        report = scan([], index=index)  # nothing new given: every title from the stored records
    assert report.titles == {ids[stem]: title for stem, title in TITLES.items()}


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [("table", "{title} ({id})"), ("md", "{title} (`{id}`)")],
)
def test_table_and_markdown_name_articles_by_title_and_id(corpus: Path, fmt: str, shown: str) -> None:
    ids = _ids(corpus)
    result = runner.invoke(app, ["scan", str(corpus), "-q", "-f", fmt, "--dossiers", "off"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())  # a long line may wrap in the table
    for stem, title in TITLES.items():
        assert shown.format(title=title, id=ids[stem]) in text
    assert ids["untitled"] in text and f"({ids['untitled']})" not in text


def test_html_names_articles_by_title_and_id(corpus: Path) -> None:
    ids = _ids(corpus)
    result = runner.invoke(app, ["scan", str(corpus), "-q", "-f", "html", "--dossiers", "off"])
    assert result.exit_code == 0, result.output
    for stem, title in TITLES.items():
        assert f'<span class="title">{title}</span> (<span class="id">{ids[stem]}</span>)' in result.stdout


def test_json_lists_titles_by_id(corpus: Path) -> None:
    ids = _ids(corpus)
    result = runner.invoke(app, ["scan", str(corpus), "-q", "-f", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["titles"] == {ids[stem]: title for stem, title in TITLES.items()}
    assert document["schema_version"] == 1  # an added field: compatible, no new version
