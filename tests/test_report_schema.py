"""Every command's JSON follows the JSON Schema shipped for its report kind."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from dedupe.cli import app
from dedupe.report.schema import KINDS, schema

from fixture_paths import SEEDS, seed_file

runner = CliRunner()


def _shipped(kind: str) -> dict[str, Any]:
    text = (resources.files("dedupe.report") / "schemas" / f"{kind}.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@pytest.mark.parametrize("kind", KINDS)
def test_shipped_schema_is_the_one_the_dataclasses_give(kind: str) -> None:
    assert _shipped(kind) == json.loads(json.dumps(schema(kind))), "run tools/build_schemas.py"
    Draft202012Validator.check_schema(_shipped(kind))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("schema") / "news.db"
    assert runner.invoke(app, ["index", "add", str(SEEDS), "--db", str(path), "-q"]).exit_code == 0
    return str(path)


COMMANDS = {
    "pair_report": ["compare", seed_file("001"), seed_file("004")],
    "quote_audit": ["quotes", str(SEEDS)],
    "fact_audit": ["facts", str(SEEDS)],
    "scan": ["scan", str(SEEDS), "-q", "--min-relation", "unrelated"],
    "index_query": ["index", "query", seed_file("004"), "--db", "{db}"],
    "index_stats": ["index", "stats", "--db", "{db}"],
    "dossier": ["sources", seed_file("000"), seed_file("001"), seed_file("004")],
}


@pytest.mark.parametrize("kind", KINDS)
def test_every_commands_json_follows_its_schema(kind: str, db: str) -> None:
    command = [part.replace("{db}", db) for part in COMMANDS[kind]]
    result = runner.invoke(app, [*command, "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["kind"] == kind
    errors = sorted(Draft202012Validator(_shipped(kind)).iter_errors(document), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def test_a_document_that_breaks_the_schema_is_caught() -> None:
    result = runner.invoke(app, ["compare", seed_file("001"), seed_file("004"), "-f", "json"])
    document = json.loads(result.stdout)
    document["relation"] = "maybe"
    assert list(Draft202012Validator(_shipped("pair_report")).iter_errors(document))
