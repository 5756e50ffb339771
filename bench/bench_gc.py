"""Garbage-collector thresholds: `analyze` and `compare_features` with Python's defaults and with dedupe's.

Each round runs both settings in fresh processes, alternating, on the same synthetic
articles (``synth.articles``): analyse ``--articles`` of them, keeping the features as a
scan component does, then compare them in pairs. Reports the medians and the ratio.

    .venv/bin/python bench/bench_gc.py --articles 1000 --rounds 3
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time

import synth

from dedupe.gc_tuning import THRESHOLDS
from dedupe.ingest.build import article_from_text
from dedupe.pair.compare import analyze, compare_features

WARM_UP = 50  # articles analysed first: gazetteer, word list and memos loaded


def timed(count: int, thresholds: tuple[int, int, int]) -> dict[str, float]:
    """Return ms per article analysed and per pair compared under ``thresholds``."""
    texts = [record["text"] for _, record in synth.articles(count + WARM_UP, 3)]
    articles = [article_from_text(text, id=f"a{n}") for n, text in enumerate(texts)]
    for article in articles[:WARM_UP]:
        analyze(article)
    gc.set_threshold(*thresholds)
    began = time.perf_counter()
    features = [analyze(article) for article in articles[WARM_UP:]]
    analysed = time.perf_counter() - began
    began = time.perf_counter()
    for first, second in zip(features[::2], features[1::2], strict=False):
        compare_features(first, second)
    compared = time.perf_counter() - began
    return {"analyze_ms": analysed / count * 1000, "compare_ms": compared / (count // 2) * 1000}


def main() -> None:
    """Alternate the two settings in fresh processes; print medians and ratios as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=3, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(timed(args.articles, tuple(args.child))))
        return
    runs: dict[str, list[dict[str, float]]] = {"python_default": [], "dedupe": []}
    for _ in range(args.rounds):
        for name, thresholds in (("python_default", (700, 10, 10)), ("dedupe", THRESHOLDS)):
            command = [
                sys.executable,
                __file__,
                "--articles",
                str(args.articles),
                "--child",
                *map(str, thresholds),
            ]
            runs[name].append(
                json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
            )
    medians = {
        name: {key: round(statistics.median(r[key] for r in found), 3) for key in found[0]}
        for name, found in runs.items()
    }
    ratios = {
        key: round(medians["python_default"][key] / medians["dedupe"][key], 2) for key in medians["dedupe"]
    }
    print(
        json.dumps(
            {"articles": args.articles, "thresholds": THRESHOLDS, **medians, "speed-up": ratios}, indent=2
        )
    )


if __name__ == "__main__":
    main()
