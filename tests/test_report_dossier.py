"""Dossier output: 80 columns, disagreements first, hostile text inert, JSON valid against its schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from dedupe.corpus.dossier import Dossier, dossier
from dedupe.corpus.scan import scan
from dedupe.ingest.build import article_from_text
from dedupe.ingest.read import load_file
from dedupe.models import Article
from dedupe.report.dossier import md_escape, render_dossier, visible
from dedupe.report.scan import render_scan

FIRE = Path(__file__).resolve().parent.parent / "fixtures" / "dossier" / "harbour_fire.jsonl"
HOSTILE = "<script>alert(1)</script>\x1b[31mRED\x1b[0m | `x`"


@pytest.fixture(scope="module")
def fire() -> Dossier:
    return dossier(load_file(str(FIRE)))


@pytest.fixture(scope="module")
def hostile(seeds: dict[str, Article]) -> Dossier:
    outlet = article_from_text(seeds["001"].text, id="hostile", outlet=HOSTILE, title=HOSTILE)
    return dossier([seeds["000"], outlet, seeds["004"]])


def _schema() -> Draft202012Validator:
    text = (resources.files("dedupe.report") / "schemas" / "dossier.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_the_table_fits_80_columns_and_puts_disagreements_first(fire: Dossier) -> None:
    text = render_dossier(fire, "table")
    assert max(len(line) for line in text.splitlines()) <= 80
    order = [text.index(h) for h in ("Facts that disagree", "Statements rendered differently", "Lineage",
                                     "Unique content", "Facts the sources agree on")]  # fmt: skip
    assert order == sorted(order)
    assert "5 independent sources, 8 articles" in text
    assert "figure: dead — CONFLICT: 12 dead ×6" in text
    assert "S3 gives it to Anna Kowal" in text


@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_table_wraps_to_the_width_it_is_given(fire: Dossier, width: int) -> None:
    lines = render_dossier(fire, "table", width=width).splitlines()
    assert max(len(line) for line in lines) <= width
    assert max(len(line) for line in lines) > width - 15  # long lines use the room they get


def test_sources_are_named_by_outlet_and_title(fire: Dossier) -> None:
    text = render_dossier(fire, "md")
    assert "S8 Harbour Daily — “Fire at Gdansk fertiliser warehouse kills 12” (wire-harbour-daily" in text
    assert text.startswith("# Dossier: 5 independent sources, 8 articles")


def test_hostile_text_is_inert_in_every_format(hostile: Dossier) -> None:
    table = render_dossier(hostile, "table")
    assert "\x1b" not in table and "\\x1b[31mRED" in table
    markdown = render_dossier(hostile, "md")
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    page = render_dossier(hostile, "html")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    sources = json.loads(render_dossier(hostile, "json"))["sources"]
    assert next(s["outlet"] for s in sources if s["id"] == "hostile") == HOSTILE


def test_escaping_helpers() -> None:
    assert visible("a\x1b[2Jb\u202ec\n d") == "a\\x1b[2Jb\\x202ec d"
    assert md_escape("<b>|x`") == "&lt;b&gt;\\|x\\`"


def test_json_validates_against_the_shipped_schema(fire: Dossier, hostile: Dossier) -> None:
    validator = _schema()
    for found in (fire, hostile):
        document = json.loads(render_dossier(found, "json"))
        assert document["kind"] == "dossier" and document["schema_version"] == 1
        validator.validate(document)


def test_scan_json_and_jsonl_carry_a_valid_dossier_per_event(seeds: dict[str, Article]) -> None:
    report = scan(list(seeds.values()))
    event = next(c for c in report.level("event") if len(c.members) > 1)
    found = dossier([seeds[k] for k in ("000", "001", "004")], links=report.pairs, event=event.id)
    validator = _schema()
    document = json.loads(render_scan(report, "json", [found]))
    [data] = document["dossiers"]
    validator.validate({"schema_version": 1, "kind": "dossier", **data})
    lines = [json.loads(line) for line in render_scan(report, "jsonl", [found]).splitlines()]
    assert [line["kind"] for line in lines].count("dossier") == 1
    text = render_scan(report, "table", [found])
    assert f"Dossier {event.id}: 3 independent sources, 3 articles" in text
    assert "where — CONFLICT: Nanping ×2" in text
    assert render_scan(report, "csv", [found]) == render_scan(report, "csv")
