"""Run every benchmark, each against its baseline in the same run, and print BENCHMARKS.md rows.

Default sizes finish in a few minutes (``make bench``); ``--full`` adds the issue-7 runs
on 10,000 and 100,000 synthetic articles (scan, index add, index query: about half an
hour on two cores, most of it the 100k scan). Each row names the command, its figures,
its ratio to the baseline and the target; all figures also go to
``<workdir>/bench-results.json``.

    make bench
    .venv/bin/python bench/run.py --full --workdir /tmp/dedupe-bench
"""

from __future__ import annotations

import argparse
import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import bench_compare
import bench_query
import bench_scan
import bench_signatures


def _row(machine: str, command: str, figures: str, ratio: str) -> str:
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    return f"| {today} | {machine} | `{command}` | {figures} | {ratio} |"


def signatures(machine: str, articles: int) -> tuple[str, dict[str, Any]]:
    """Signatures per second against datasketch's per-article ``update_batch``."""
    found = bench_signatures.measure(articles, 5)
    figures = (
        f"{articles:,} articles of {found['mean_words']} words, 5-word shingles, 128 perm: datasketch "
        f"{found['datasketch_per_s']:,}/s; dedupe {found['dedupe_per_s']:,}/s on one core, "
        f"{found['dedupe_jobs_per_s']:,}/s on {found['jobs']} workers"
    )
    ratio = (
        f"{found['one_core_ratio']}× datasketch (target ≥ 8×); {found['scaling']}× one core on "
        f"{found['jobs']} (target ≥ 1.8×)"
    )
    return _row(machine, f"bench_signatures.py --articles {articles}", figures, ratio), found


def compare(machine: str, rounds: int) -> tuple[str, dict[str, Any]]:
    """`dedupe compare` and `dedupe --help` end to end against `python -c pass`."""
    with tempfile.TemporaryDirectory() as folder:
        found = bench_compare.measure(rounds, bench_compare.synthetic_pair(Path(folder)))
    median = found["median_s"]
    figures = (
        f"articles of {found['pair_words'][0]} and {found['pair_words'][1]} words, median of {rounds}: "
        f"compare {median['dedupe compare']:.3f} s, --help {median['dedupe --help']:.3f} s, "
        f"python -c pass {median['python -c pass']:.3f} s"
    )
    ratio = (
        f"compare {found['ratio_to_python']['dedupe compare']}× python (target < 0.4 s); "
        f"--help {found['ratio_to_python']['dedupe --help']}× (target < 0.25 s)"
    )
    return _row(machine, f"bench_compare.py --rounds {rounds}", figures, ratio), found


def scan(machine: str, workdir: Path, count: int) -> tuple[list[str], dict[str, Any]]:
    """`dedupe scan` and `dedupe index add` against datasketch's LSH on the same dump."""
    found = bench_scan.measure(workdir, count)
    run, theirs, planted = found["scan"], found["datasketch"], found["planted"]
    recall = ", ".join(
        f"{kind} {planted[kind]['candidate_recall']:.3f}" for kind in ("duplicate", "reuse", "event")
    )
    rows = [
        _row(
            machine,
            f"dedupe scan {count:,} --jobs {run['jobs']}",
            f"{run['seconds']} s, {run['articles_per_second']} articles/s, peak RSS {run['peak_rss_mb']} MB "
            f"(all processes); candidate recall {recall}; datasketch LSH candidates only: "
            f"{theirs['seconds']} s, {theirs['peak_rss_mb']} MB, duplicate recall "
            f"{theirs['duplicate_candidate_recall']}",
            f"{found['scan_time_ratio']}× datasketch's time (target < 180 s, < 3 GB at 100k; recall ≥ 0.95)",
        )
    ]
    if "index_add" in found:
        add = found["index_add"]
        rows.append(
            _row(
                machine,
                f"dedupe index add {count:,} --jobs {add['jobs']}",
                f"{add['seconds']} s, {add['articles_per_second']} articles/s, peak RSS "
                f"{add['peak_rss_mb']} MB; LSH {add['lsh_bytes_per_article']} B/article on disk vs "
                f"datasketch MinHashLSH {theirs['lsh_bytes_per_article']:,} B/article in memory",
                f"{found['lsh_bytes_ratio']}× datasketch's bytes (target ≤ 500 B/article)",
            )
        )
    return rows, found


def query(machine: str, workdir: Path, count: int, baseline_p95: float) -> tuple[str, dict[str, Any]]:
    """`Index.query` latency against datasketch's ``MinHashLSH.query``."""
    found = bench_query.measure(workdir, count)
    figures = (
        f"{found['queries']} queries on {count:,} articles: p50 {found['p50_ms']} ms, "
        f"p95 {found['p95_ms']} ms, max {found['max_ms']} ms; {found['compared_mean']} stored articles "
        f"compared per query (p95 {found['compared_p95']:.0f}); datasketch query p95 {baseline_p95} ms "
        "(candidates only)"
    )
    ratio = f"p95 {found['p95_ms'] / baseline_p95:.0f}× datasketch's (target p95 < 50 ms at 100k)"
    return _row(machine, f"Index.query on {count:,}", figures, ratio), found


def main() -> None:
    """Run the benchmarks and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="add the 10k and 100k scan, index and query runs")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dedupe-bench"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    machine = bench_compare.machine().rsplit(",", 1)[0]  # without the time: the row has the date
    rows: list[str] = []
    results: dict[str, Any] = {"machine": machine}
    row, results["signatures"] = signatures(machine, 2000)
    rows.append(row)
    row, results["compare"] = compare(machine, 10)
    rows.append(row)
    for count in (10_000, 100_000) if args.full else (2000,):
        found_rows, found = scan(machine, args.workdir, count)
        rows.extend(found_rows)
        results[f"scan_{count}"] = found
    count = 100_000 if args.full else 2000
    row, results[f"query_{count}"] = query(
        machine, args.workdir, count, results[f"scan_{count}"]["datasketch"]["query_p95_ms"]
    )
    rows.append(row)
    (args.workdir / "bench-results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print("| date | machine | command | figures | ratio (target) |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
