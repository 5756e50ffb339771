"""Tests for dedupe.corpus.spark: Spark gives the local scan's candidates, verdicts and clusters.

One local Spark session serves the module (the JVM takes seconds to start). Without
pyspark or Java the tests skip, unless DEDUPE_REQUIRE_OPTIONAL=1 (CI), where they fail.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from dedupe.cli import app
from dedupe.corpus.candidates import MAX_BUCKET
from dedupe.corpus.scan import ScanReport, scan
from dedupe.corpus.spark import scan_spark, spark_session
from dedupe.errors import InputError, SettingsError
from dedupe.ingest.read import InputWarning, load_articles
from dedupe.report.serialize import to_data

from fixture_paths import ROOT, SEEDS

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

pytestmark = pytest.mark.spark

DEDUPE = Path(sys.executable).with_name("dedupe")
runner = CliRunner()


def _missing() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install -e '.[spark]')"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java runtime for Spark (java on PATH or JAVA_HOME)"
    return None


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    missing = _missing()
    if missing is not None:
        if os.environ.get("DEDUPE_REQUIRE_OPTIONAL") == "1":
            pytest.fail(f"DEDUPE_REQUIRE_OPTIONAL=1 but {missing}", pytrace=False)
        pytest.skip(missing)
    with spark_session("local[2]") as session:
        yield session


def outcome(report: ScanReport) -> tuple[list[tuple[str, tuple[str, ...]]], list[tuple[str, str, str]]]:
    """Cluster members per level and pair relations, the figures both engines must agree on."""
    clusters = sorted((c.level, c.members) for c in report.clusters)
    return clusters, sorted((p.a, p.b, p.relation.value) for p in report.pairs)


def synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules["synth"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seeds_give_the_local_report(spark: SparkSession) -> None:
    local = scan(load_articles([SEEDS]))
    spread = scan_spark([SEEDS], spark=spark, partitions=3)
    assert sorted(c.members for c in spread.level("event") if len(c.members) > 1) == [
        ("000_db8167014b393279", "001_50899f19e1fbd510", "004_6b7b728a0a1fe40e")
    ]
    assert outcome(spread) == outcome(local)
    assert to_data(spread) == to_data(local)  # counts, channels, descriptions, facts, reasons


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("synth") / "corpus.jsonl"
    return path, synth().write_corpus(path, 300, 3)


def test_synthetic_corpus_gives_the_local_clusters_and_relations(
    spark: SparkSession, synthetic: tuple[Path, dict[str, Any]]
) -> None:
    path, truth = synthetic
    local = scan(load_articles([path]), min_relation="unrelated")
    spread = scan_spark([path], min_relation="unrelated", spark=spark, partitions=3)
    planted = {tuple(g["members"]) for g in truth["groups"] if g["kind"] == "duplicate"}
    found = {c.members for c in spread.level("duplicate")}
    assert len(planted & found) >= 0.9 * len(planted) > 10  # a corpus with something to agree on
    assert spread.exact_copies > 0 and {c.level for c in spread.clusters if len(c.members) > 1} == {
        "duplicate",
        "reuse",
        "event",
    }
    assert outcome(spread) == outcome(local)
    assert to_data(spread) == to_data(local)


def test_giant_buckets_are_dropped_as_locally(spark: SparkSession, tmp_path: Path) -> None:
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(3000)]
    named = "the envoys Tarvel Osmund and Brisca Leng met in Vosk, and talks with Tarvel Osmund went on."
    for count, folder in ((MAX_BUCKET + 1, tmp_path / "many"), (4, tmp_path / "few")):
        folder.mkdir()
        for n in range(count):
            words = " ".join(rng.choices(vocabulary, k=120))
            (folder / f"{n:03d}.txt").write_text(
                f"Report {n}\n\nIn short, {words}, {named}\n", encoding="utf-8"
            )
    reports = {}
    for name in ("many", "few"):
        local, spread = scan(load_articles([tmp_path / name])), scan_spark([tmp_path / name], spark=spark)
        assert to_data(spread) == to_data(local)
        reports[name] = {count.channel: count.pairs for count in spread.channels}
    assert reports["many"]["names"] == 0  # every names bucket holds all 101: no pairs
    assert reports["few"]["names"] == 6  # the same names in 4 articles: every pair


def test_copies_and_clashing_ids_match_the_local_scan(spark: SparkSession, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, docs / seed.name)
    text = (SEEDS / "002_899ef3ab63faf34f.txt").read_text(encoding="utf-8")
    (docs / "copy_of_002.txt").write_text(text, encoding="utf-8")
    records = [
        {"id": "002_899ef3ab63faf34f", "text": text.replace("said", "stated", 2)},  # clashes: renamed
        {"text": (SEEDS / "003_3c553d964d8df7a7.txt").read_text(encoding="utf-8")},
    ]
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        "\n".join([json.dumps(records[0]), "  ", json.dumps(records[1])]) + "\n", encoding="utf-8"
    )
    paths = [docs, dump]
    local = scan(load_articles(paths), min_relation="related")
    spread = scan_spark(paths, min_relation="related", spark=spark, partitions=2)
    ids = {member for c in spread.level("event") for member in c.members}
    assert f"{dump.with_suffix('').as_posix()}#002_899ef3ab63faf34f" in ids and "dump-3" in ids
    assert spread.exact_copies == 2 and len(spread.level("duplicate")) == 2
    assert to_data(spread) == to_data(local)


def test_a_bad_dump_line_is_named_as_locally(spark: SparkSession, tmp_path: Path) -> None:
    dump = tmp_path / "broken.jsonl"
    dump.write_text('{"id": "a", "text": "Fine words here."}\n{"id": "b", "text": \n', encoding="utf-8")
    with pytest.raises(InputError) as local:
        load_articles([dump])
    with pytest.raises(InputError) as spread:
        scan_spark([dump], spark=spark)
    assert str(spread.value) == str(local.value)
    assert "broken.jsonl: line 2: not valid JSON" in str(spread.value)


def test_guessed_encodings_warn_as_locally(spark: SparkSession, tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes(
        "Le ministre a déclaré à la presse que tout allait bien.\n".encode("cp1252")
    )
    with pytest.warns(InputWarning, match=r"latin\.txt: not UTF-8"):
        report = scan_spark([tmp_path], spark=spark)
    assert report.articles == 1


def test_cli_spark_engine_prints_the_local_clusters(spark: SparkSession) -> None:
    # A fresh process: its own session must start, keep its log off stdout, and stop.
    def clusters(engine: str) -> list[dict[str, Any]]:
        done = subprocess.run(
            [str(DEDUPE), "scan", str(SEEDS), "--format", "json", "--engine", engine],
            capture_output=True, text=True, check=True, timeout=120,
        )  # fmt: skip
        found: list[dict[str, Any]] = json.loads(done.stdout)["clusters"]
        return found

    spread = clusters("spark")
    assert spread == clusters("local")
    assert [len(c["members"]) for c in spread if c["level"] == "event"] == [3, 1, 1]


def test_cli_spark_engine_refuses_an_index(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scan", "--engine", "spark", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "--engine spark scans PATHs, not an index" in result.output


def test_cli_spark_html_refuses_stdin_it_would_read_twice() -> None:
    result = runner.invoke(app, ["scan", "-", "--engine", "spark", "--format", "html"], input="Some text.\n")
    assert result.exit_code == 2
    assert "which stdin cannot give; use a file" in result.output


def test_partitions_must_be_positive() -> None:
    with pytest.raises(SettingsError, match="partitions must be at least 1"):
        scan_spark([SEEDS], partitions=0)


def test_a_syndicated_sample_gives_the_local_copy_groups(spark: SparkSession, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("syndicate", ROOT / "bench" / "syndicate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path / "wire.jsonl"
    truth = module.write_syndicated(path, 5, 12, 4)
    local = scan(load_articles([path]), min_relation="related")
    spread = scan_spark([path], min_relation="related", spark=spark, partitions=3)
    found = sorted(sorted((g.representative, *(m.id for m in g.members))) for g in spread.copy_groups)
    assert found == sorted(truth["groups"])
    assert to_data(spread) == to_data(local)


def _bad_corpus(folder: Path) -> list[str]:
    """Two seeds, a dump with two bad lines, a dump of bad lines only, and an over-long article."""
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    for seed in seeds:
        shutil.copy(seed, folder / seed.name)
    good = json.dumps({"id": "kept", "text": "The harbour board met on Tuesday to agree the new tariffs."})
    (folder / "mixed.jsonl").write_text(
        f'{good}\n{{"id": "b", "text": \n{json.dumps({"id": "long", "text": "Word " * 900})}\n[1, 2]\n',
        encoding="utf-8",
    )
    (folder / "hopeless.jsonl").write_text('{"id": \n', encoding="utf-8")
    (folder / "long.txt").write_text("A sentence of invented words. " * 200, encoding="utf-8")
    return [str(folder), "--max-chars", "4000"]


@pytest.mark.parametrize("skip_bad", [True, False], ids=["skip-bad", "stop"])
def test_cli_spark_engine_honours_skip_bad_and_max_chars_as_locally(
    spark: SparkSession, tmp_path: Path, skip_bad: bool
) -> None:
    args = _bad_corpus(tmp_path / "corpus") + (["--skip-bad"] if skip_bad else [])
    results = {
        engine: runner.invoke(app, ["scan", *args, "-q", "--format", "json", "--engine", engine])
        for engine in ("local", "spark")
    }
    local, spread = results["local"], results["spark"]
    assert (spread.exit_code, spread.stderr) == (local.exit_code, local.stderr)
    if not skip_bad:
        assert local.exit_code == 2 and local.stderr.startswith("Error: "), local.stderr
        return
    assert local.exit_code == 0, local.stderr
    skipped = [line for line in local.stderr.splitlines() if line.startswith("Skipped: ")]
    assert len(skipped) == 6, skipped  # lines 2-4 of one dump, line 1 and "no usable" of the other, long.txt
    assert any("over the limit of 4,000 (--max-chars)" in line for line in skipped)
    assert json.loads(spread.stdout)["clusters"] == json.loads(local.stdout)["clusters"]
    assert json.loads(spread.stdout)["articles"] == 3


def test_progress_reports_each_stage_with_counts(spark: SparkSession) -> None:
    calls: list[tuple[str, int, int | None]] = []
    spread = scan_spark([SEEDS], spark=spark, progress=lambda *call: calls.append(call))
    stages = [stage for stage, _, _ in calls]
    assert stages == sorted(stages, key=["read", "compare"].index)  # read first, then compare
    assert ("read", 5, 5) in calls
    assert calls[-1] == ("compare", spread.compared, spread.compared) and spread.compared > 0
    assert ("compare", 0, spread.compared) in calls


def test_cli_spark_engine_shows_progress_lines_and_a_summary(spark: SparkSession) -> None:
    env = {"DEDUPE_PROGRESS_INTERVAL": "0.01"}
    result = runner.invoke(app, ["scan", str(SEEDS), "--engine", "spark", "-f", "json"], env=env)
    assert result.exit_code == 0, result.output
    assert "progress: read" in result.stderr and "progress: compare" in result.stderr
    assert "Scanned 5 articles:" in result.stderr
    quiet = runner.invoke(app, ["scan", str(SEEDS), "--engine", "spark", "-f", "json", "-q"], env=env)
    assert quiet.stderr == ""
