"""Scan a corpus on Apache Spark: the candidates, verdicts and clusters ``dedupe.scan`` gives.

Spark moves the data; every decision is made by the functions the local scan calls:

1. *read* — inputs expand on the driver (``ingest.input_files``: a listing, no reading);
   a JSONL dump (``.jsonl``/``.ndjson``) is read line by line by Spark and each line parsed
   by ``ingest.jsonl_article``, other files are loaded by ``ingest.load_file`` in executors,
   stdin on the driver. ``zipWithIndex`` numbers the articles in input order, so rows,
   first-of-content originals and renamed clashing ids (``ingest.unique_id``, applied on
   the driver to the collected ids) are those of the local scan.
2. *candidates* — executors sketch batches with ``channels.sketch_batch``; band keys
   go to buckets keyed by ``channel << KEY_BITS | key`` (within a channel every band shares
   one key space, as in ``candidates.candidate_pairs``); buckets of 2 to ``MAX_BUCKET``
   distinct articles give pairs, and pairs only the names channel found are joined to
   both articles' name terms and kept at ``NAMES_MIN_JACCARD``. Copy groups are joined on
   the executors (``spark_copy_groups``: the local checks and representatives, only groups
   reach the driver); copies take no part in buckets.
3. *verify* — the driver splits the candidate pairs into connected components with
   ``candidates.components`` (pairs are small: two rows and a channel mask); each
   component's articles are joined to it and ``verify.verify_component`` — the local scan's
   compare (``analyze`` + ``compare_features``), copy spreading, clustering and cluster
   description — runs in an executor. Only links and clusters come back.
4. *report* — the driver numbers the clusters (``cluster.number``) and builds the
   ``ScanReport`` exactly as ``scan.scan`` does.

Progress goes to ``progress(stage, done, total)``, the local scan's callback (so the CLI shows
it the same way): "read" with the articles read, "compare" with the comparisons before and
after verification. Spark verifies every component in one job, so "compare" moves when that
job ends; the CLI's plain lines keep the elapsed time moving meanwhile.

Keys Spark hashes are ints or int tuples, never strings or bytes, whose ``hash()`` varies
from process to process. Spark runs with no network: a local master bound to 127.0.0.1,
no UI, WARN logging on stderr; a session this module starts it also stops.
"""

from __future__ import annotations

import operator
import os
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from dedupe.corpus.candidates import (
    ChannelCount,
    Work,
    components,
)
from dedupe.corpus.channels import CHANNELS, Sketch, sketch_batch
from dedupe.corpus.cluster import Cluster, single
from dedupe.corpus.linkage import Link
from dedupe.corpus.records import BATCH_SIZE
from dedupe.corpus.scan import ScanReport, assemble_report
from dedupe.corpus.spark_candidates import spark_pairs
from dedupe.corpus.spark_copies import spark_copy_groups
from dedupe.corpus.spark_input import DUMP_SUFFIXES, Reading, numbered_articles, sources
from dedupe.corpus.verify import ALL_PAIRS_LIMIT, verify_component
from dedupe.corpus.workers import batches
from dedupe.errors import InputError, SettingsError
from dedupe.ingest.inputs import input_files
from dedupe.models import Article, Progress
from dedupe.pair.verdict import Relation
from dedupe.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext
    from pyspark.sql import SparkSession

SPARK_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
}
"""Settings of a session ``scan_spark`` starts: nothing listens beyond this machine."""


Task = tuple[list[int], list[Work], dict[int, list[int]]]  # a component's rows, comparisons, copies


def scan_spark(
    paths: Sequence[str | Path],
    *,
    min_relation: Relation | str = Relation.SAME_EVENT,
    settings: Settings | None = None,
    master: str = "local[2]",
    partitions: int | None = None,
    spark: SparkSession | None = None,
    max_chars: int = DEFAULT_SETTINGS.max_article_chars,
    skip_bad: bool = False,
    problems: list[InputError] | None = None,
    progress: Progress | None = None,
) -> ScanReport:
    """Scan the articles of ``paths`` on Spark and return the report ``dedupe.corpus.scan.scan`` gives.

    Args:
        paths: Files, folders, globs, JSONL dumps or "-" (stdin), as for ``iter_articles``.
        min_relation: The weakest relation of the pairs listed in the report.
        settings: Pipeline settings.
        master: Spark master URL of the session started when none is given or active.
        partitions: Partitions of the read and verify stages (default: Spark's parallelism).
        spark: A session to run on, left running; otherwise ``spark_session(master)``'s.
        max_chars: Longer articles are refused (or skipped), as ``iter_articles`` does.
        skip_bad: Skip bad inputs and records instead of raising, appending them to
            ``problems`` in input order, as ``iter_articles`` does.
        problems: Where ``skip_bad`` reports what it skipped.
        progress: Called as ``progress(stage, done, total)`` at each stage, as by ``scan``.

    Examples:
        >>> report = scan_spark(["dump.jsonl"], master="local[4]")  # doctest: +SKIP
        >>> [c.members for c in report.level("event")]  # doctest: +SKIP
    """
    if partitions is not None and partitions < 1:
        raise SettingsError(f"partitions must be at least 1, got {partitions}")
    skipped: list[InputError] | None = (problems if problems is not None else []) if skip_bad else None
    files = _files(paths, skipped)
    report = progress or _silent
    report("read", 0, None)
    with nullcontext(spark) if spark is not None else spark_session(master) as session:
        context = session.sparkContext
        slices = partitions or context.defaultParallelism
        reading = Reading(max_chars=max_chars, skip_bad=skip_bad)
        return _scan(
            context,
            files,
            settings or DEFAULT_SETTINGS,
            Relation(min_relation),
            slices,
            reading,
            skipped,
            report,
        )


def _silent(stage: str, done: int, total: int | None) -> None:
    """Ignore progress."""


def _files(paths: Sequence[str | Path], skipped: list[InputError] | None) -> list[str]:
    """The files ``paths`` stand for; with ``skipped`` (skip_bad), unreadable inputs go there."""
    files: list[str] = []
    for raw in paths:
        unreadable: list[InputError] = []
        try:
            files.extend(input_files(str(raw), unreadable=unreadable))
        except InputError as error:
            unreadable = [error]  # as ``iter_articles``: the rest of this input is not reported
        if skipped is not None:
            skipped.extend(unreadable)
        elif unreadable:
            raise unreadable[0]
    return files


@contextmanager
def spark_session(master: str = "local[2]") -> Iterator[SparkSession]:
    """Yield the active Spark session, or start one on ``master`` and stop it on leaving.

    A started session has ``SPARK_CONF``, logs at WARN on stderr, and runs its Python
    workers on this interpreter unless ``PYSPARK_PYTHON`` says otherwise.

    Raises:
        SettingsError: pyspark is not installed or no Java runtime is found.
    """
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise SettingsError("--engine spark needs pyspark: pip install 'dedupe-news[spark]'") from error
    active = SparkSession.getActiveSession()
    if active is not None:
        yield active
        return
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        raise SettingsError("--engine spark needs Java 17 or later (no java on PATH, JAVA_HOME unset)")
    # Read when the JVM and the Python workers start: without them Spark looks up a public
    # address, and workers run the first python3 on PATH, which may lack dedupe's packages.
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName("dedupe-scan")
    for key, value in SPARK_CONF.items():
        builder = builder.config(key, value)
    started = builder.getOrCreate()
    try:
        started.sparkContext.setLogLevel("WARN")
        yield started
    finally:
        started.stop()


def _scan(
    context: SparkContext,
    files: list[str],
    settings: Settings,
    weakest: Relation,
    slices: int,
    reading: Reading,
    problems: list[InputError] | None,
    progress: Progress,
) -> ScanReport:
    from pyspark import StorageLevel

    # Read once, kept (spilling to disk) for numbering, sketching and verification.
    loaded = sources(context, files, slices, reading)
    read = (context.union(loaded) if loaded else context.emptyRDD()).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        dumps = [f for f in files if Path(f).suffix.lower() in DUMP_SUFFIXES]
        ids, published, articles = numbered_articles(read, dumps, problems)
        progress("read", len(ids), len(ids))
        titles = dict(articles.map(_title).filter(operator.itemgetter(1)).collect())
        sketches = articles.mapPartitions(partial(_sketch, settings)).persist(StorageLevel.MEMORY_AND_DISK)
        copies = spark_copy_groups(context, sketches)
        pairs = spark_pairs(sketches, frozenset(c for rows in copies.members.values() for c in rows))
        sketches.unpersist()
        found = components(len(ids), pairs, copies.members, copies.same_text, ALL_PAIRS_LIMIT)
        total = sum(len(work) for _, work in found)
        progress("compare", 0, total)
        verified = _verify(context, articles, found, copies.members, settings, slices)
        progress("compare", total, total)
    finally:
        read.unpersist()
    links: list[Link] = [link for found_links, _ in verified for link in found_links]
    clusters: list[Cluster] = [cluster for _, described in verified for cluster in described]
    grouped = {row for rows, _ in found for row in rows}
    clusters.extend(single(ids[r], published[r]) for r in range(len(ids)) if r not in grouped)
    counts = tuple(ChannelCount(c.name, sum(c.name in n for n in pairs.values())) for c in CHANNELS)
    return assemble_report(
        ids,
        dict(zip(ids, published, strict=True)),
        copies,
        len(pairs),
        counts,
        links,
        clusters,
        weakest,
        titles,
    )


def _title(item: tuple[int, Article]) -> tuple[str, str | None]:
    return item[1].id, item[1].title


def _sketch(settings: Settings, rows: Iterable[tuple[int, Article]]) -> Iterator[tuple[int, Sketch]]:
    for batch in batches(rows, BATCH_SIZE):
        yield from zip((row for row, _ in batch), sketch_batch([a for _, a in batch], settings), strict=True)


def _verify(
    context: SparkContext,
    articles: RDD[tuple[int, Article]],
    found: list[tuple[list[int], list[Work]]],
    copies: dict[int, list[int]],
    settings: Settings,
    slices: int,
) -> list[tuple[list[Link], list[Cluster]]]:
    """Run ``verify_component`` on each component in an executor; return results in component order."""
    component_of = {row: n for n, (rows, _) in enumerate(found) for row in rows}
    copies_of: dict[int, dict[int, list[int]]] = {}
    for original, rows in copies.items():
        copies_of.setdefault(component_of[original], {})[original] = rows
    tasks = context.parallelize(
        [(n, (rows, work, copies_of.get(n, {}))) for n, (rows, work) in enumerate(found)], slices
    )
    members = (
        tasks.flatMap(lambda task: [(row, task[0]) for row in task[1][0]])
        .join(articles, slices)
        .map(lambda item: (item[1][0], (item[0], item[1][1])))
        .groupByKey(slices)
    )
    verified = tasks.join(members, slices).map(partial(_verify_task, settings)).collect()
    return [result for _, result in sorted(verified, key=operator.itemgetter(0))]


def _verify_task(
    settings: Settings, item: tuple[int, tuple[Task, Iterable[tuple[int, Article]]]]
) -> tuple[int, tuple[list[Link], list[Cluster]]]:
    """Renumber a component to local rows, as the local scan does, and verify it."""
    n, ((rows, work, copies), members) = item
    by_row = dict(members)
    local = {row: position for position, row in enumerate(rows)}
    renumbered = [(local[i], local[j], channels) for i, j, channels in work]
    local_copies = {local[o]: [local[c] for c in found] for o, found in copies.items()}
    return n, verify_component([by_row[row] for row in rows], renumbered, local_copies, settings)
