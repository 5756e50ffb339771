"""Time one dedupe command under two source trees in the same run: this checkout against a baseline.

Each tree's ``dedupe`` is run as ``python -m dedupe`` with ``PYTHONPATH`` set to the tree,
alternating baseline and this checkout for ``--rounds`` rounds, so load from other
processes falls on both alike; the figure is the ratio of the medians. Used for the
issue-13 cost targets (``scan`` on the 100k synthetic corpus and ``compare`` of a pair
each at most 1.25x the commit before the event model).

    git worktree add --detach /tmp/base <commit>
    .venv/bin/python bench/versus.py --base /tmp/base --count 100000 --rounds 1
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from bench_scan import corpus  # noqa: E402

SEEDS = ROOT / "fixtures" / "seeds"


def timed(tree: Path, arguments: list[str]) -> float:
    """Run ``python -m dedupe ARGUMENTS`` with ``tree`` first on the path; return wall seconds."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "dedupe", *arguments], env=env, stdout=subprocess.DEVNULL)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{tree}: dedupe {' '.join(arguments)} failed ({done.returncode})")
    return time.perf_counter() - began


def versus(base: Path, arguments: list[str], rounds: int) -> tuple[float, float]:
    """Median seconds of the baseline tree and of this checkout, alternating."""
    before, now = [], []
    for _ in range(rounds):
        before.append(timed(base, arguments))
        now.append(timed(ROOT, arguments))
    return statistics.median(before), statistics.median(now)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="a checkout of the baseline commit")
    parser.add_argument("--count", type=int, default=20_000, help="synthetic articles to scan")
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds of the scan")
    parser.add_argument("--compare-rounds", type=int, default=15)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dedupe-bench"))
    args = parser.parse_args()
    pair = [str(SEEDS / "001_50899f19e1fbd510.txt"), str(SEEDS / "004_6b7b728a0a1fe40e.txt")]
    before, now = versus(args.base, ["compare", *pair, "-f", "json"], args.compare_rounds)
    print(f"compare 001 004: baseline {before:.3f} s, now {now:.3f} s, ratio {now / before:.2f}")
    args.workdir.mkdir(parents=True, exist_ok=True)
    dump = corpus(args.workdir, args.count, 1)
    out = args.workdir / "versus.jsonl"
    scan = ["scan", str(dump), "-f", "jsonl", "-o", str(out), "--quiet"]
    before, now = versus(args.base, scan, args.rounds)
    print(
        f"scan {args.count:,} synthetic: baseline {before:.1f} s, now {now:.1f} s, ratio {now / before:.2f}"
    )


if __name__ == "__main__":
    main()
