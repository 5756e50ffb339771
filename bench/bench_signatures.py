"""Signatures per second: dedupe's vectorised path against datasketch's per-article default, same run.

Both sides start from the article text and produce 128-permutation MinHash signatures
of 5-word shingles; runs are interleaved and the median is reported.

- datasketch: ``text.split()``, one ``MinHash()`` per article, ``update_batch`` of the
  UTF-8 shingle strings (its default hash), on one core.
- dedupe: ``fingerprint.words`` (the tokenizer ``compare`` uses), ``shingle_hashes``
  and ``signatures`` over batches of 256 articles; on one core, then on ``--jobs``
  worker processes (a batch per task), to show how it scales.

    .venv/bin/python bench/bench_signatures.py --articles 2000 --rounds 5
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

import synth
from datasketch import MinHash

from dedupe.fingerprint import shingle_hashes, signatures, words

BATCH = 256
TARGETS = {"one_core_ratio": 8.0, "scaling": 1.8}  # issue 7


def datasketch_path(texts: list[str], size: int, num_perm: int) -> None:
    """Sign each text the way datasketch's documentation does, one ``MinHash`` per article."""
    for text in texts:
        tokens = text.split()
        minhash = MinHash(num_perm=num_perm)
        minhash.update_batch([" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)])


def dedupe_batch(texts: list[str], size: int, num_perm: int) -> int:
    """Sign one batch of texts with dedupe's path; return how many were signed."""
    signatures([shingle_hashes(words(t), size) for t in texts], num_perm=num_perm, seed=1)
    return len(texts)


def dedupe_path(texts: list[str], size: int, num_perm: int) -> None:
    """Sign the texts batch by batch in this process."""
    for start in range(0, len(texts), BATCH):
        dedupe_batch(texts[start : start + BATCH], size, num_perm)


def timed(run: Callable[[list[str], int, int], None], texts: list[str], size: int, num_perm: int) -> float:
    """Return the articles per second of one run over ``texts``."""
    began = time.perf_counter()
    run(texts, size, num_perm)
    return len(texts) / (time.perf_counter() - began)


def parallel_rate(pool: ProcessPoolExecutor, texts: list[str], size: int, num_perm: int) -> float:
    """Return the articles per second of signing ``texts`` in the pool's worker processes."""
    chunks = [texts[start : start + BATCH] for start in range(0, len(texts), BATCH)]
    began = time.perf_counter()
    done = sum(pool.map(dedupe_batch, chunks, [size] * len(chunks), [num_perm] * len(chunks)))
    return done / (time.perf_counter() - began)


def measure(
    articles: int, rounds: int, *, shingle: int = 5, num_perm: int = 128, jobs: int = 2
) -> dict[str, float]:
    """Run both paths interleaved; return medians (articles/s) and the ratios."""
    texts = [record["text"] for _, record in synth.articles(articles, 7)]
    dedupe_path(texts[:BATCH], shingle, num_perm)  # warm the token-hash memo fairly: one batch
    theirs, ours, parallel = [], [], []
    with ProcessPoolExecutor(jobs) as pool:
        parallel_rate(pool, texts[: BATCH * jobs], shingle, num_perm)  # start and warm the workers
        for _ in range(rounds):
            theirs.append(timed(datasketch_path, texts, shingle, num_perm))
            ours.append(timed(dedupe_path, texts, shingle, num_perm))
            parallel.append(parallel_rate(pool, texts, shingle, num_perm))
    their_rate, our_rate, parallel_median = map(statistics.median, (theirs, ours, parallel))
    return {
        "articles": articles,
        "mean_words": round(statistics.mean(len(t.split()) for t in texts)),
        "datasketch_per_s": round(their_rate),
        "dedupe_per_s": round(our_rate),
        "one_core_ratio": round(our_rate / their_rate, 2),
        "jobs": jobs,
        "dedupe_jobs_per_s": round(parallel_median),
        "scaling": round(parallel_median / our_rate, 2),
    }


def main() -> None:
    """Print the figures of ``measure``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--shingle", type=int, default=5)
    parser.add_argument("--num-perm", type=int, default=128)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    figures = measure(
        args.articles, args.rounds, shingle=args.shingle, num_perm=args.num_perm, jobs=args.jobs
    )
    print(f"{args.articles} synthetic articles of {figures['mean_words']} words, {args.shingle}-word "
          f"shingles, {args.num_perm} permutations, median of {args.rounds} interleaved rounds")  # fmt: skip
    print(
        f"datasketch MinHash.update_batch per article, one core: {figures['datasketch_per_s']:,} articles/s"
    )
    print(f"dedupe words + shingle_hashes + signatures, one core: {figures['dedupe_per_s']:,} articles/s")
    print(f"ratio: {figures['one_core_ratio']:.2f}x (target {TARGETS['one_core_ratio']}x)")
    print(f"dedupe on {args.jobs} worker processes: {figures['dedupe_jobs_per_s']:,} articles/s, "
          f"{figures['scaling']:.2f}x one core (target {TARGETS['scaling']}x)")  # fmt: skip


if __name__ == "__main__":
    main()
