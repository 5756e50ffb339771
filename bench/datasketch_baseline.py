"""The baseline of the scan, index and query benchmarks: candidate search with datasketch alone.

What a user gets from datasketch's documented path, run on the same synthetic dump:
one ``MinHash`` (128 permutations, default hash) per article over its 3-word shingles
(``text.lower().split()``), inserted into an in-memory ``MinHashLSH`` (threshold 0.5),
then every article queried for candidates. No verdicts, no clusters: this is the cost
of the candidate stage only, and the memory an in-memory LSH needs per article.

Prints one JSON object: build and candidate-search seconds, peak RSS, LSH bytes per
article (resident memory grown while inserting, over the article count), query latency
p50/p95 for a seeded sample of articles, and the share of planted duplicate pairs that
became candidates.

    .venv/bin/python bench/datasketch_baseline.py /tmp/dedupe-bench/synth-10000-1.jsonl
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import time
from collections.abc import Iterator
from pathlib import Path

from datasketch import MinHash, MinHashLSH

SHINGLE = 3
NUM_PERM = 128
THRESHOLD = 0.5
QUERY_SAMPLE = 200
QUERY_SEED = 3


def resident_bytes() -> int:
    """Return this process's resident memory now (not its peak)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize()


def minhash(text: str) -> MinHash:
    """Return the datasketch MinHash of a text's word 3-grams."""
    tokens = text.lower().split()
    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}
    signature = MinHash(num_perm=NUM_PERM)
    signature.update_batch([s.encode() for s in shingles])
    return signature


def records(corpus: Path) -> Iterator[dict[str, str]]:
    """Yield the dump's records one by one."""
    with corpus.open(encoding="utf-8") as stream:
        for line in stream:
            yield json.loads(line)


def main() -> None:
    """Build the LSH over the dump, query every article, print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    args = parser.parse_args()
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    before = resident_bytes()
    began = time.perf_counter()
    ids: list[str] = []
    for record in records(args.corpus):
        lsh.insert(record["id"], minhash(record["text"]))
        ids.append(record["id"])
    built = time.perf_counter() - began
    grown = resident_bytes() - before
    sample = set(random.Random(QUERY_SEED).sample(range(len(ids)), min(QUERY_SAMPLE, len(ids))))
    latencies, pairs = [], set()
    began = time.perf_counter()
    for number, record in enumerate(records(args.corpus)):
        start = time.perf_counter()
        found = lsh.query(minhash(record["text"]))  # a query signs its article, then looks up
        if number in sample:
            latencies.append(time.perf_counter() - start)
        pairs.update(frozenset((record["id"], other)) for other in found if other != record["id"])
    searched = time.perf_counter() - began
    truth = json.loads(args.corpus.with_suffix(".truth.json").read_text(encoding="utf-8"))["groups"]
    planted = {
        frozenset(p)
        for g in truth
        if g["kind"] == "duplicate"
        for p in itertools.combinations(g["members"], 2)
    }
    latencies.sort()
    print(json.dumps({
        "articles": len(ids),
        "build_seconds": round(built, 1),
        "search_seconds": round(searched, 1),
        "articles_per_second": round(len(ids) / (built + searched), 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "lsh_bytes_per_article": round(grown / len(ids)),
        "query_p50_ms": round(latencies[len(latencies) // 2] * 1000, 2),
        "query_p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000, 2),
        "candidate_pairs": len(pairs),
        "duplicate_candidate_recall": round(len(planted & pairs) / max(1, len(planted)), 4),
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
