"""Latency of `Index.query` ("have we seen this story?") on an index of synthetic articles.

Uses the index ``bench_scan.py`` leaves in the work folder (``index-<count>.db``), or
builds it with `dedupe index add --jobs 2`. Opens it once, then asks about a seeded
sample of the dump's articles (the same sample ``datasketch_baseline.py`` times), each
timed from the article to the verdicts: its sketch, the band look-up, the stored
candidates' analysis and their comparison. Reports p50/p95/max, how many stored articles
each query compared, and the index's LSH bytes per article; with ``--baseline`` it also
runs the datasketch baseline on the same dump and reports the ratio of the p95s.

    .venv/bin/python bench/bench_query.py --count 10000 --workdir /tmp/dedupe-bench
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import bench_scan
from datasketch_baseline import QUERY_SAMPLE, QUERY_SEED

from dedupe.corpus.index import Index
from dedupe.ingest.read import ArticleStream, iter_articles

TARGET_P95_MS = 50.0  # issue 7
TARGET_LSH_BYTES = 500


def percentile(values: list[float], share: float) -> float:
    """Return the value below which ``share`` of the sorted ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def measure(workdir: Path, count: int, *, seed: int = 1, jobs: int = 2) -> dict[str, Any]:
    """Build or reuse the index, time the sampled queries, return the figures."""
    path = bench_scan.corpus(workdir, count, seed)
    db = workdir / f"index-{count}.db"
    if not db.exists():
        bench_scan.run(
            [str(bench_scan.DEDUPE), "index", "add", str(path), "--db", str(db), "-q", "--jobs", str(jobs)]
        )
    sample = set(random.Random(QUERY_SEED).sample(range(count), min(QUERY_SAMPLE, count)))
    stream = iter_articles([path])
    assert isinstance(stream, ArticleStream)
    articles = [raw.build() for n, raw in enumerate(stream.raw()) if n in sample]
    latencies, compared = [], []
    with Index(db, create=False) as index:
        index.query(articles[0])  # load the gazetteer and word frequencies once, as any process does
        for article in articles:
            began = time.perf_counter()
            result = index.query(article)
            latencies.append((time.perf_counter() - began) * 1000)
            compared.append(result.candidates)
        stats = index.stats()
    return {
        "articles": count,
        "queries": len(articles),
        "p50_ms": round(percentile(latencies, 0.5), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "max_ms": round(max(latencies), 1),
        "compared_mean": round(sum(compared) / len(compared), 2),
        "compared_p95": percentile([float(c) for c in compared], 0.95),
        "lsh_bytes_per_article": round(stats.lsh_bytes_per_article),
    }


def main() -> None:
    """Print the figures of ``measure`` (and of the baseline, with ``--baseline``) as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dedupe-bench"))
    parser.add_argument("--baseline", action="store_true", help="also run datasketch_baseline.py")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    figures = measure(args.workdir, args.count, seed=args.seed)
    if args.baseline:
        command = [sys.executable, str(bench_scan.HERE / "datasketch_baseline.py"),
                   str(bench_scan.corpus(args.workdir, args.count, args.seed))]  # fmt: skip
        theirs = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        figures["datasketch_p95_ms"] = theirs["query_p95_ms"]
        figures["p95_ratio"] = round(figures["p95_ms"] / theirs["query_p95_ms"], 1)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
