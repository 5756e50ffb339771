"""Time `dedupe scan --engine spark` against the local engine on one synthetic corpus.

Both run as subprocesses on the same JSONL dump (written by ``bench/synth.py`` through
``bench_scan.corpus``) with ``--min-relation unrelated``, so every compared pair is in the
report; the script then checks that the two reports list the same clusters and pairs
and prints wall times, peak RSS (the driver's for Spark; its JVM and workers are
children not counted) and the ratio.

    .venv/bin/python bench/bench_spark.py --count 10000 --workdir /tmp/dedupe-bench
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEDUPE = Path(sys.executable).with_name("dedupe")


def _bench_scan() -> Any:
    spec = importlib.util.spec_from_file_location("bench_scan", HERE / "bench_scan.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules["bench_scan"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outcome(report: Path) -> tuple[list[tuple[str, list[str]]], list[tuple[str, str, str]]]:
    """Return a report's clusters (level, members) and pairs (a, b, relation), sorted."""
    clusters, pairs = [], []
    for line in report.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["kind"] == "cluster":
            clusters.append((record["level"], record["members"]))
        elif record["kind"] == "pair":
            pairs.append((record["a"], record["b"], record["relation"]))
    return sorted(clusters), sorted(pairs)


def main() -> None:
    """Build the corpus, time both engines and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dedupe-bench"))
    parser.add_argument("--jobs", type=int, default=2, help="local engine worker processes")
    parser.add_argument("--master", default="local[2]", help="Spark master")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    bench_scan = _bench_scan()
    path = bench_scan.corpus(args.workdir, args.count, args.seed)
    figures: dict[str, object] = {"articles": args.count, "cpu_cores": os.cpu_count()}
    reports, seconds = {}, {}
    for engine, options in (
        ("local", ["--jobs", str(args.jobs)]),
        ("spark", ["--spark-master", args.master]),
    ):
        report = reports[engine] = args.workdir / f"scan-{args.count}-{engine}.jsonl"
        command = [str(DEDUPE), "scan", str(path), "-f", "jsonl", "-o", str(report), "-q",
                   "--min-relation", "unrelated", "--engine", engine, *options]  # fmt: skip
        seconds[engine], peak = bench_scan.run(command)
        figures[engine] = {"options": " ".join(options), "seconds": round(seconds[engine], 1),
                           "peak_rss_mb": round(peak)}  # fmt: skip
    local, spark = outcome(reports["local"]), outcome(reports["spark"])
    figures["same_clusters"] = local[0] == spark[0]
    figures["same_pairs"] = local[1] == spark[1]
    figures["pairs"] = len(local[1])
    figures["spark_over_local"] = round(seconds["spark"] / seconds["local"], 2)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
