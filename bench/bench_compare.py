"""Wall time of `dedupe compare A B` and `dedupe --help`, end to end, against a bare interpreter.

Each round runs `python -c pass` (the baseline: interpreter start-up), `dedupe --help`
and `dedupe compare A B` as fresh subprocesses, interleaved so that load on the machine
hits all three alike; medians and the ratio to the baseline are reported. Before the
rounds, one compare runs against an empty cache folder, to show what the first run on a
machine costs (it builds the word-frequency index, see ``dedupe.lexicon``), and one
warm-up run of each command fills the OS file cache.

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

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
DEDUPE = str(Path(sys.executable).parent / "dedupe")
DEFAULT_PAIR = (str(SEEDS / "001_50899f19e1fbd510.txt"), str(SEEDS / "004_6b7b728a0a1fe40e.txt"))
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


def main() -> None:
    """Time the three commands interleaved and print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("pair", nargs="*", default=list(DEFAULT_PAIR), help="the two articles to compare")
    args = parser.parse_args()
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "dedupe --help": [DEDUPE, "--help"],
        "dedupe compare": [DEDUPE, "compare", *args.pair],
    }
    with tempfile.TemporaryDirectory() as empty:
        first = timed(commands["dedupe compare"], DEDUPE_CACHE_DIR=empty)
    for command in commands.values():
        timed(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.rounds):
        for name, command in commands.items():
            times[name].append(timed(command))
    baseline = statistics.median(times["python -c pass"])
    print(machine())
    pair = " ".join(Path(p).name for p in args.pair)
    print(f"dedupe compare {pair}; median of {args.rounds} interleaved rounds")
    print(f"{'command':<16} {'median':>8} {'min':>8} {'max':>8} {'× baseline':>11} {'target':>7}")
    for name, runs in times.items():
        median = statistics.median(runs)
        target = f"{TARGETS[name]:.2f}" if name in TARGETS else ""
        ratio = median / baseline
        print(f"{name:<16} {median:8.3f} {min(runs):8.3f} {max(runs):8.3f} {ratio:10.1f}x {target:>7}")
    print(f"first compare on a machine (builds the word-frequency index): {first:.3f} s")


if __name__ == "__main__":
    main()
