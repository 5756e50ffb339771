"""Signatures per second: dedupe's batch path against datasketch's per-article default, same run.

Both sides start from the article text and produce 128-permutation MinHash signatures
of 5-word shingles; runs are interleaved and the median is reported.

- datasketch: ``text.split()``, one ``MinHash()`` per article, ``update_batch`` of the
  UTF-8 shingle strings (its default hash), on one core.
- dedupe: ``fingerprint.sign_texts`` (words exactly as ``tokens.words`` finds them,
  found and hashed for many texts per numpy pass) over batches of 256 articles; on one
  core, then on ``--jobs`` worker processes to show how it scales. Each worker gets the
  texts once, when the pool starts, and a task names its 64 articles by position, so
  what is timed is the signing alone; 2,000 articles make 32 tasks, and the workers
  finish nearly together. The same run also times the pool with each task's texts
  pickled to it, as ``scan`` and ``index add`` do now (the parent reads the records,
  the workers build and sketch them, 256 per task).

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

from dedupe.text.fingerprint import sign_texts

BATCH = 256
TASK = 64  # articles per pool task
TARGETS = {"one_core_ratio": 8.0, "scaling": 1.8}  # issue 7
_worker_texts: list[str] = []


def datasketch_path(texts: list[str], size: int, num_perm: int) -> None:
    """Sign each text the way datasketch's documentation does, one ``MinHash`` per article."""
    for text in texts:
        tokens = text.split()
        minhash = MinHash(num_perm=num_perm)
        minhash.update_batch([" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)])


def dedupe_batch(texts: list[str], size: int, num_perm: int) -> int:
    """Sign one batch of texts with dedupe's path; return how many were signed."""
    sign_texts(texts, size=size, num_perm=num_perm, seed=1)
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


def _keep_texts(texts: list[str]) -> None:
    """Pool initializer: hold the texts in the worker, so tasks need send only positions."""
    _worker_texts[:] = texts


def _sign_slice(start: int, size: int, num_perm: int) -> int:
    return dedupe_batch(_worker_texts[start : start + TASK], size, num_perm)


def parallel_rate(pool: ProcessPoolExecutor, count: int, size: int, num_perm: int) -> float:
    """Return the articles per second of signing the first ``count`` worker-held texts in the pool."""
    starts = list(range(0, count, TASK))
    began = time.perf_counter()
    done = sum(pool.map(_sign_slice, starts, [size] * len(starts), [num_perm] * len(starts)))
    return done / (time.perf_counter() - began)


def shipped_rate(pool: ProcessPoolExecutor, texts: list[str], size: int, num_perm: int) -> float:
    """Return the articles per second of signing ``texts`` in the pool, each task's texts pickled to it."""
    chunks = [texts[start : start + TASK] for start in range(0, len(texts), TASK)]
    began = time.perf_counter()
    done = sum(pool.map(dedupe_batch, chunks, [size] * len(chunks), [num_perm] * len(chunks)))
    return done / (time.perf_counter() - began)


def measure(
    articles: int, rounds: int, *, shingle: int = 5, num_perm: int = 128, jobs: int = 2
) -> dict[str, float]:
    """Run both paths interleaved; return medians (articles/s) and the ratios."""
    texts = [record["text"] for _, record in synth.articles(articles, 7)]
    dedupe_path(texts[:BATCH], shingle, num_perm)  # import and first-call costs out of the timing
    theirs, ours, parallel, shipped = [], [], [], []
    with ProcessPoolExecutor(jobs, initializer=_keep_texts, initargs=(texts,)) as pool:
        parallel_rate(pool, len(texts), shingle, num_perm)  # start and warm the workers
        for _ in range(rounds):
            theirs.append(timed(datasketch_path, texts, shingle, num_perm))
            ours.append(timed(dedupe_path, texts, shingle, num_perm))
            parallel.append(parallel_rate(pool, len(texts), shingle, num_perm))
            shipped.append(shipped_rate(pool, texts, shingle, num_perm))
    their_rate, our_rate, parallel_median, shipped_median = map(
        statistics.median, (theirs, ours, parallel, shipped)
    )
    return {
        "articles": articles,
        "mean_words": round(statistics.mean(len(t.split()) for t in texts)),
        "datasketch_per_s": round(their_rate),
        "dedupe_per_s": round(our_rate),
        "one_core_ratio": round(our_rate / their_rate, 2),
        "jobs": jobs,
        "dedupe_jobs_per_s": round(parallel_median),
        "scaling": round(parallel_median / our_rate, 2),
        "dedupe_jobs_shipped_per_s": round(shipped_median),
        "scaling_shipped": round(shipped_median / our_rate, 2),
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
    print(f"dedupe sign_texts, one core: {figures['dedupe_per_s']:,} articles/s")
    print(f"ratio: {figures['one_core_ratio']:.2f}x (target {TARGETS['one_core_ratio']}x)")
    print(f"dedupe on {args.jobs} worker processes: {figures['dedupe_jobs_per_s']:,} articles/s, "
          f"{figures['scaling']:.2f}x one core (target {TARGETS['scaling']}x)")  # fmt: skip
    print(f"  with each batch's texts pickled to the worker: {figures['dedupe_jobs_shipped_per_s']:,} "
          f"articles/s, {figures['scaling_shipped']:.2f}x one core")  # fmt: skip


if __name__ == "__main__":
    main()
