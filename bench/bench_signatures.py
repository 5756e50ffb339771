"""Signatures per second: dedupe's vectorised path against datasketch's per-article default, same run.

Both sides start from the article text and produce 128-permutation MinHash signatures
of 5-word shingles on one core; runs are interleaved and the median is reported.

- datasketch: ``text.split()``, one ``MinHash()`` per article, ``update_batch`` of the
  UTF-8 shingle strings (SHA-1, the library's default).
- dedupe: ``fingerprint.words`` (the tokenizer ``compare`` uses), ``shingle_hashes``
  and ``signatures`` over batches of 256 articles.

    .venv/bin/python bench/bench_signatures.py --articles 2000 --rounds 5
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from datasketch import MinHash

from dedupe.fingerprint import shingle_hashes, signatures, words

HERE = Path(__file__).resolve().parent
BATCH = 256


def load_synth():  # a module loaded from a file path: no static type
    spec = importlib.util.spec_from_file_location("synth", HERE / "synth.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules["synth"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def datasketch_path(texts: list[str], size: int, num_perm: int) -> None:
    for text in texts:
        tokens = text.split()
        minhash = MinHash(num_perm=num_perm)
        minhash.update_batch([" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)])


def dedupe_path(texts: list[str], size: int, num_perm: int) -> None:
    for start in range(0, len(texts), BATCH):
        batch = texts[start : start + BATCH]
        signatures([shingle_hashes(words(t), size) for t in batch], num_perm=num_perm, seed=1)


def timed(run: Callable[[list[str], int, int], None], texts: list[str], size: int, num_perm: int) -> float:
    began = time.perf_counter()
    run(texts, size, num_perm)
    return len(texts) / (time.perf_counter() - began)


def main() -> None:
    """Run both paths interleaved and print articles/s and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--shingle", type=int, default=5)
    parser.add_argument("--num-perm", type=int, default=128)
    args = parser.parse_args()
    texts = [record["text"] for _, record in load_synth().articles(args.articles, 7)]
    mean_words = statistics.mean(len(t.split()) for t in texts)
    dedupe_path(texts[:BATCH], args.shingle, args.num_perm)  # warm the token-hash cache fairly: one batch
    theirs, ours = [], []
    for _ in range(args.rounds):
        theirs.append(timed(datasketch_path, texts, args.shingle, args.num_perm))
        ours.append(timed(dedupe_path, texts, args.shingle, args.num_perm))
    their_rate, our_rate = statistics.median(theirs), statistics.median(ours)
    print(f"{args.articles} synthetic articles of {mean_words:.0f} words, {args.shingle}-word shingles, "
          f"{args.num_perm} permutations, median of {args.rounds} interleaved rounds, one core")  # fmt: skip
    print(f"datasketch MinHash.update_batch per article: {their_rate:,.0f} articles/s")
    print(f"dedupe fingerprint (words + shingle_hashes + signatures): {our_rate:,.0f} articles/s")
    print(f"ratio: {our_rate / their_rate:.2f}x")


if __name__ == "__main__":
    main()
