"""Time `dedupe scan` on a syndicated corpus against one with no copies, in the same run.

Writes (or reuses) two corpora of ``--stories * --copies`` articles with
``bench/syndicate.py``: one of ``--stories`` wire stories each carried ``--copies`` times
(full, cut short, wrapped, edited), one of as many distinct stories each carried once. Scans
each ``--rounds`` times, alternating, with ``--jobs`` workers; reports median wall seconds,
their ratio, the CPU seconds of the scan and its workers over wall seconds (2.0: two cores
busy; the load average is printed beside it, since other work shares the cores), how many
of the scan's processes were runnable, sampled from ``/proc`` twice a second (2: the scan
would keep both cores busy had it them to itself, however crowded the machine), and the
pairwise precision and recall of the copy groups the scan found against the planted
stories.

    .venv/bin/python bench/bench_syndication.py --stories 200 --copies 100 --rounds 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from syndicate import write_syndicated  # noqa: E402

SAMPLE_SECONDS = 0.5
"""How often the scan's runnable processes are counted."""


def runnable(pid: int) -> int:
    """Return how many threads of ``pid`` and its descendants are runnable (state R) now."""
    count, todo = 0, [pid]
    while todo:
        tasks = Path(f"/proc/{todo.pop()}/task")
        try:
            for task in tasks.iterdir():
                stat = (task / "stat").read_text()
                count += stat[stat.rindex(")") + 2] == "R"
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue  # the process ended while being read
    return count


def timed_scan(corpus: Path, out: Path, jobs: int) -> tuple[float, float, list[int]]:
    """Scan ``corpus`` to ``out`` (JSON); return wall seconds, CPU seconds of the scan and its workers,
    and the counts of its runnable processes, sampled every ``SAMPLE_SECONDS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    command = [sys.executable, "-m", "dedupe", "scan", str(corpus), "-f", "json", "-o", str(out), "--quiet"]
    scan = subprocess.Popen([*command, "--jobs", str(jobs)], env=os.environ)
    samples: list[int] = []

    def sample() -> None:
        while scan.poll() is None:
            samples.append(runnable(scan.pid))
            time.sleep(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    returncode = scan.wait()
    wall = time.perf_counter() - began
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if returncode not in (0, 1):
        raise SystemExit(f"scan of {corpus} failed ({returncode})")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), samples


def pairwise(found: list[list[str]], planted: list[list[str]]) -> tuple[float, float]:
    """Pairwise precision and recall of ``found`` groups against ``planted`` ones (pairs in one group)."""
    story = {member: n for n, group in enumerate(planted) for member in group}
    found_pairs = sum(len(g) * (len(g) - 1) // 2 for g in found)
    planted_pairs = sum(len(g) * (len(g) - 1) // 2 for g in planted)
    both = 0
    for group in found:
        counts = Counter(story.get(member, -1 - n) for n, member in enumerate(group))
        both += sum(c * (c - 1) // 2 for c in counts.values())
    return both / max(found_pairs, 1), both / max(planted_pairs, 1)


def main() -> None:
    """Write the corpora, scan them alternately and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dedupe-bench"))
    parser.add_argument("--syndicated-only", action="store_true",
                        help="scan only the syndicated corpus: its CPU / wall seconds, no ratio")  # fmt: skip
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    count = args.stories * args.copies
    syndicated = args.workdir / f"syndicated-{args.stories}x{args.copies}-{args.seed}.jsonl"
    distinct = args.workdir / f"syndicated-{count}x1-{args.seed}.jsonl"
    if not syndicated.exists():
        write_syndicated(syndicated, args.stories, args.copies, args.seed)
    if not distinct.exists():
        write_syndicated(distinct, count, 1, args.seed)
    times: dict[str, list[float]] = {"syndicated": [], "distinct": []}
    busy: dict[str, list[float]] = {"syndicated": [], "distinct": []}
    for _ in range(args.rounds):
        for name, corpus in (("distinct", distinct), ("syndicated", syndicated)):
            if args.syndicated_only and name == "distinct":
                continue
            start_load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
            wall, cpu, ready = timed_scan(corpus, args.workdir / f"{name}.report.json", args.jobs)
            times[name].append(wall)
            busy[name].append(cpu / wall)
            load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
            two = sum(n >= 2 for n in ready) / max(len(ready), 1)
            print(f"{name}: {wall:.1f} s wall, {cpu:.1f} s CPU ({cpu / wall:.2f} cores busy), "
                  f"runnable processes {statistics.mean(ready or [0]):.2f} on average, 2 or more in "
                  f"{two:.0%} of {len(ready)} samples; load average before {start_load}, after {load}",
                  flush=True)  # fmt: skip
    report = json.loads((args.workdir / "syndicated.report.json").read_text(encoding="utf-8"))
    found = [[g["representative"], *(m["id"] for m in g["members"])] for g in report["copy_groups"]]
    planted = json.loads(syndicated.with_suffix(".truth.json").read_text(encoding="utf-8"))["groups"]
    precision, recall = pairwise(found, planted)
    copied = statistics.median(times["syndicated"])
    print(f"{count} articles, jobs {args.jobs}, {args.rounds} round(s), medians:")
    if not args.syndicated_only:
        plain = statistics.median(times["distinct"])
        print(f"  no copies:  {plain:.1f} s ({statistics.median(busy['distinct']):.2f} cores busy)")
        print(f"  syndicated: {copied:.1f} s ({statistics.median(busy['syndicated']):.2f} cores busy), "
              f"ratio {copied / plain:.2f}")  # fmt: skip
    else:
        print(f"  syndicated: {copied:.1f} s ({statistics.median(busy['syndicated']):.2f} cores busy)")
    print(f"  copy groups: {len(found)} found, {len(planted)} planted; pairwise precision {precision:.4f}, "
          f"recall {recall:.4f}; {report['compared']} pairs compared")  # fmt: skip


if __name__ == "__main__":
    main()
