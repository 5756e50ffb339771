"""Reading a corpus for Spark: dumps split by line, other files whole, problems kept as data.

Executors read; the driver collects a small summary of each article (file, id, date, or
the problem that stopped its file, with its warnings) and raises and warns exactly as
``load_file`` and ``iter_articles`` would, in input order, before any work is done.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from dedupe.errors import InputError, NoArticlesError
from dedupe.ingest.formats import jsonl_article
from dedupe.ingest.inputs import unique_id
from dedupe.ingest.read import InputWarning, load_file
from dedupe.models import Article

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext


DUMP_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""Files Spark splits into lines itself; any other file is loaded whole by one executor."""


Problem = tuple[type[InputError], str, str]  # exceptions do not pickle with their fields


@dataclass(frozen=True, slots=True)
class Loaded:
    """One read result: an article, or the problem that stopped its file, with its warnings."""

    file: str
    article: Article | None
    problem: Problem | None = None
    notes: tuple[str, ...] = ()


def sources(context: SparkContext, files: list[str], slices: int) -> list[RDD[Loaded]]:
    """Return one RDD per run of inputs, in input order: dumps by line, other files whole."""
    sources: list[RDD[Loaded]] = []
    whole: list[str] = []

    def flush() -> None:
        if whole:
            sources.append(context.parallelize(list(whole), min(len(whole), slices)).flatMap(load))
            whole.clear()

    for file in files:
        if file != "-" and Path(file).suffix.lower() not in DUMP_SUFFIXES:
            whole.append(file)
            continue
        flush()
        if file == "-":  # only the driver can read its own stdin
            sources.append(context.parallelize(load(file), 1))
        else:
            lines = cast("RDD[bytes]", context.textFile(file, slices, use_unicode=False))
            sources.append(lines.zipWithIndex().flatMap(partial(dump_line, file, Path(file).stem)))
    flush()
    return sources


def load(file: str) -> list[Loaded]:
    """Load a whole file as ``load_file`` does, keeping its problem or warnings as data."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            articles = load_file(file)
        except InputError as error:
            return [Loaded(file, None, (type(error), error.source, error.problem))]
    notes = tuple(str(w.message) for w in caught if issubclass(w.category, InputWarning))
    return [Loaded(file, article, None, notes if n == 0 else ()) for n, article in enumerate(articles)]


def dump_line(file: str, stem: str, item: tuple[bytes, int]) -> list[Loaded]:
    """Parse one line of a JSONL dump; blank lines give nothing (as in ``load_file``)."""
    raw, index = item
    try:
        line = raw.decode("utf-8-sig" if index == 0 else "utf-8")
    except UnicodeDecodeError:
        return [Loaded(file, None, (InputError, file, f"line {index + 1}: not UTF-8"))]
    if not line.strip():
        return []
    try:
        return [Loaded(file, jsonl_article(line, source=file, stem=stem, number=index + 1))]
    except InputError as error:
        return [Loaded(file, None, (type(error), error.source, error.problem))]


Summary = tuple[str, str | None, str | None, Problem | None, tuple[str, ...]]


def summarise(item: tuple[Loaded, int]) -> Summary:
    """What the driver keeps of an article: its file, id and date; or the problem, and warnings."""
    loaded, _ = item
    article = loaded.article
    if article is None:
        return loaded.file, None, None, loaded.problem, loaded.notes
    day = article.published.isoformat() if article.published else None
    return loaded.file, article.id, day, None, loaded.notes


def check(summary: list[Summary], dumps: list[str]) -> tuple[list[str], list[str | None]]:
    """Raise the first problem in input order, warn as ``load_file`` would; return ids and dates.

    Ids are made unique in input order by ``ingest.unique_id``, as ``iter_articles`` does.
    """
    for _, _, _, _, notes in summary:
        for note in notes:
            warnings.warn(note, InputWarning, stacklevel=2)
    problem = next((p for *_, p, _ in summary if p is not None), None)
    if problem is not None:
        kind, source, text = problem
        raise kind(source, text)
    holding = {file for file, *_ in summary}
    empty = next((dump for dump in dumps if dump not in holding), None)
    if empty is not None:
        raise NoArticlesError(empty, "no JSON records")
    seen: set[str] = set()
    ids = [unique_id(cast(str, article_id), file, seen) for file, article_id, *_ in summary]
    return ids, [day for _, _, day, _, _ in summary]


def renamed_article(renamed: dict[int, str], item: tuple[Loaded, int]) -> tuple[int, Article]:
    """Return the row and its article, under its unique id where ``check`` renamed it."""
    loaded, row = item
    article = cast(Article, loaded.article)
    return row, replace(article, id=renamed[row]) if row in renamed else article
