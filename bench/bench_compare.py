"""Wall time of `dedupe compare A B` and `dedupe --help`, end to end, against a bare interpreter.

Each round runs `python -c pass` (the baseline: interpreter start-up), `dedupe --help`
and `dedupe compare A B` as fresh subprocesses, interleaved so that load on the machine
hits all three alike; medians and the ratio to the baseline are reported. Before the
rounds, one compare runs against an empty cache folder, to show what the first run on a
machine costs (it builds the word-frequency index, see ``dedupe.evidence.lexicon``), and one
warm-up run of each command fills the OS file cache.

The pair is two ~600-word synthetic reports of one event (``synth.py``), unless two
files are given (``fixtures/seeds`` holds real ones of ~400 words).

    .venv/bin/python bench/bench_compare.py --rounds 20
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import synth

DEDUPE = str(Path(sys.executable).parent / "dedupe")
TARGETS = {"dedupe --help": 0.25, "dedupe compare": 0.40}  # seconds, issue 7
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], **env: str) -> float:
    """Run ``command`` once with ``env`` added, output discarded; return its wall time in seconds."""
    quiet = subprocess.DEVNULL
    began = time.perf_counter()
    subprocess.run(command, stdout=quiet, stderr=quiet, check=True, env={**ENV, **env})
    return time.perf_counter() - began


def machine() -> str:
    """Describe the machine: CPU model, cores, Python, date."""
    model = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [
            line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if "model name" in line
        ]
        model = names[0] if names else model
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}, {when}"


def synthetic_pair(folder: Path) -> list[str]:
    """Write two synthetic reports of one event, as near 600 words each as can be; return their paths."""
    events: dict[int, list[dict[str, str]]] = {}
    for plan, record in synth.articles(60, 3):
        if plan.kind == "event":
            events.setdefault(plan.group, []).append(record)
    pairs = [(a, b) for group in events.values() for a in group for b in group if a["id"] < b["id"]]
    best = min(pairs, key=lambda p: sum(abs(len(r["text"].split()) - 600) for r in p))
    paths = []
    for record in best:
        path = folder / f"{record['id']}.txt"
        path.write_text(record["text"], encoding="utf-8")
        paths.append(str(path))
    return paths


def measure(rounds: int, pair: list[str]) -> dict[str, Any]:
    """Time the three commands interleaved; return medians, ratios and the first-run cost."""
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "dedupe --help": [DEDUPE, "--help"],
        "dedupe compare": [DEDUPE, "compare", *pair],
    }
    with tempfile.TemporaryDirectory() as empty:
        first = timed(commands["dedupe compare"], DEDUPE_CACHE_DIR=empty)
    for command in commands.values():
        timed(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(timed(command))
    baseline = statistics.median(times["python -c pass"])
    return {
        "pair_words": [len(Path(p).read_text(encoding="utf-8").split()) for p in pair],
        "rounds": rounds,
        "median_s": {name: round(statistics.median(runs), 3) for name, runs in times.items()},
        "min_s": {name: round(min(runs), 3) for name, runs in times.items()},
        "max_s": {name: round(max(runs), 3) for name, runs in times.items()},
        "ratio_to_python": {
            name: round(statistics.median(runs) / baseline, 1) for name, runs in times.items()
        },
        "first_compare_s": round(first, 3),
    }


def main() -> None:
    """Time the three commands interleaved and print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("pair", nargs="*", help="the two articles to compare (default: a synthetic pair)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        pair = args.pair or synthetic_pair(Path(folder))
        figures = measure(args.rounds, pair)
    print(machine())
    words = " and ".join(str(n) for n in figures["pair_words"])
    print(f"dedupe compare on articles of {words} words; median of {args.rounds} interleaved rounds")
    print(f"{'command':<16} {'median':>8} {'min':>8} {'max':>8} {'× baseline':>11} {'target':>7}")
    medians, lows, highs = figures["median_s"], figures["min_s"], figures["max_s"]
    for name, median in medians.items():
        target = f"{TARGETS[name]:.2f}" if name in TARGETS else ""
        ratio = figures["ratio_to_python"][name]
        print(f"{name:<16} {median:8.3f} {lows[name]:8.3f} {highs[name]:8.3f} {ratio:10.1f}x {target:>7}")
    print(f"first compare on a machine (builds the word-frequency index): {figures['first_compare_s']:.3f} s")


if __name__ == "__main__":
    main()
