"""Reading a corpus for Spark: dumps split by line, other files whole, problems kept as data.

Executors read; the driver collects a small summary of each article (file, id, date, or
the problem that stopped its file or record, with its warnings) and raises and warns
exactly as ``load_file`` and ``iter_articles`` would, in input order, before any work is
done. ``Reading`` carries ``--max-chars`` and ``--skip-bad`` to the executors: with
``skip_bad`` the driver reports each problem (to ``problems``, as ``iter_articles``
does) and numbers only the articles read.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from dedupe.errors import InputError, NoArticlesError
from dedupe.ingest.formats import jsonl_record
from dedupe.ingest.inputs import unique_id
from dedupe.ingest.read import InputWarning, load_file, too_long
from dedupe.models import Article
from dedupe.settings import DEFAULT_SETTINGS

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext


DUMP_SUFFIXES = frozenset({".jsonl", ".ndjson"})
"""Files Spark splits into lines itself; any other file is loaded whole by one executor."""


Problem = tuple[type[InputError], str, str]  # exceptions do not pickle with their fields


@dataclass(frozen=True, slots=True)
class Reading:
    """How executors read: the longest article allowed, and whether bad input is skipped."""

    max_chars: int = DEFAULT_SETTINGS.max_article_chars
    skip_bad: bool = False


@dataclass(frozen=True, slots=True)
class Loaded:
    """One read result: an article, or the problem that stopped its file, with its warnings."""

    file: str
    article: Article | None
    problem: Problem | None = None
    notes: tuple[str, ...] = ()


def sources(
    context: SparkContext, files: list[str], slices: int, reading: Reading = Reading()
) -> list[RDD[Loaded]]:
    """Return one RDD per run of inputs, in input order: dumps by line, other files whole."""
    sources: list[RDD[Loaded]] = []
    whole: list[str] = []

    def flush() -> None:
        if whole:
            files = context.parallelize(list(whole), min(len(whole), slices))
            sources.append(files.flatMap(partial(load, reading=reading)))
            whole.clear()

    for file in files:
        if file != "-" and Path(file).suffix.lower() not in DUMP_SUFFIXES:
            whole.append(file)
            continue
        flush()
        if file == "-":  # only the driver can read its own stdin
            sources.append(context.parallelize(load(file, reading), 1))
        else:
            lines = cast("RDD[bytes]", context.textFile(file, slices, use_unicode=False))
            parse = partial(dump_line, file, Path(file).stem, reading=reading)
            sources.append(lines.zipWithIndex().flatMap(parse))
    flush()
    return sources


def load(file: str, reading: Reading = Reading()) -> list[Loaded]:
    """Load a whole file as ``load_file`` does, keeping its problems or warnings as data.

    With ``reading.skip_bad`` each bad record is a row of its own, before the file's articles.
    """
    skipped: list[InputError] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            articles = load_file(
                file, max_chars=reading.max_chars, problems=skipped if reading.skip_bad else None
            )
        except InputError as error:
            return [Loaded(file, None, _problem(error))]
    notes = tuple(str(w.message) for w in caught if issubclass(w.category, InputWarning))
    bad = [Loaded(file, None, _problem(error)) for error in skipped]
    return bad + [Loaded(file, article, None, notes if n == 0 else ()) for n, article in enumerate(articles)]


def dump_line(file: str, stem: str, item: tuple[bytes, int], *, reading: Reading = Reading()) -> list[Loaded]:
    """Parse one line of a JSONL dump; blank lines give nothing (as in ``load_file``)."""
    raw, index = item
    try:
        line = raw.decode("utf-8-sig" if index == 0 else "utf-8")
    except UnicodeDecodeError:
        return [Loaded(file, None, (InputError, file, f"line {index + 1}: not UTF-8"))]
    if not line.strip():
        return []
    try:
        record = jsonl_record(line, file, stem, index + 1)
        refused = too_long(record, reading.max_chars)
        if refused is not None:
            raise refused
        return [Loaded(file, record.build())]
    except InputError as error:
        return [Loaded(file, None, _problem(error))]


def _problem(error: InputError) -> Problem:
    return type(error), error.source, error.problem


Summary = tuple[str, str | None, str | None, Problem | None, tuple[str, ...]]


def summarise(loaded: Loaded) -> Summary:
    """What the driver keeps of a row: the article's file, id and date; or the problem; and warnings."""
    article = loaded.article
    if article is None:
        return loaded.file, None, None, loaded.problem, loaded.notes
    day = article.published.isoformat() if article.published else None
    return loaded.file, article.id, day, None, loaded.notes


def check(
    summary: list[Summary], dumps: list[str], problems: list[InputError] | None = None
) -> tuple[list[str], list[str | None]]:
    """Raise the first problem in input order, warn as ``load_file`` would; return ids and dates.

    With ``problems`` (``skip_bad``), every problem is appended there in input order instead,
    a dump left without articles too, as ``iter_articles`` reports them. Ids and dates are
    the articles' alone (the rows without a problem), made unique in input order by
    ``ingest.unique_id``, as ``iter_articles`` does.
    """
    for _, _, _, _, notes in summary:
        for note in notes:
            warnings.warn(note, InputWarning, stacklevel=2)
    holding = {file for file, article_id, *_ in summary if article_id is not None}
    if problems is None:
        problem = next((p for *_, p, _ in summary if p is not None), None)
        if problem is not None:
            kind, source, text = problem
            raise kind(source, text)
        empty = next((dump for dump in dumps if dump not in holding), None)
        if empty is not None:
            raise NoArticlesError(empty, "no JSON records")
    else:
        _report(summary, [dump for dump in dumps if dump not in holding], problems)
    seen: set[str] = set()
    articles = [(file, article_id, day) for file, article_id, day, _, _ in summary if article_id is not None]
    return [unique_id(article_id, file, seen) for file, article_id, _ in articles], [d for *_, d in articles]


def _report(summary: list[Summary], empty: list[str], problems: list[InputError]) -> None:
    """Append each problem row to ``problems``, and a dump without articles after its last row."""
    left = list(dict.fromkeys(empty))
    for n, (file, _, _, problem, _) in enumerate(summary):
        if problem is not None:
            kind, source, text = problem
            problems.append(kind(source, text))
        ends = n + 1 == len(summary) or summary[n + 1][0] != file
        if ends and file in left:
            left.remove(file)
            problems.append(NoArticlesError(file, "no usable JSON records"))
    problems.extend(NoArticlesError(dump, "no usable JSON records") for dump in left)


def numbered_articles(
    read: RDD[Loaded], dumps: list[str], problems: list[InputError] | None = None
) -> tuple[list[str], list[str | None], RDD[tuple[int, Article]]]:
    """Check what ``read`` holds (see ``check``); return the ids, dates and numbered articles.

    Rows are numbered in input order, articles only, so a skipped record takes no number.
    """
    summary = read.map(summarise).collect()
    ids, published = check(summary, dumps, problems)
    numbered = read.filter(_holds_article).zipWithIndex()
    rows = [article_id for _, article_id, *_ in summary if article_id is not None]
    renamed = {row: ids[row] for row, article_id in enumerate(rows) if article_id != ids[row]}
    return ids, published, numbered.map(partial(renamed_article, renamed))


def _holds_article(loaded: Loaded) -> bool:
    return loaded.article is not None


def renamed_article(renamed: dict[int, str], item: tuple[Loaded, int]) -> tuple[int, Article]:
    """Return the row and its article, under its unique id where ``check`` renamed it."""
    loaded, row = item
    article = cast(Article, loaded.article)
    return row, replace(article, id=renamed[row]) if row in renamed else article
