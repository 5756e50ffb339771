"""Run `dedupe scan` on a dense corpus: are both cores busy through verification, does progress move?

Writes the corpus with ``bench/dense.py`` (every article a rewrite of one of ``--sources``
texts, so candidates form a few huge components), runs the scan as a subprocess with stderr
piped (not a terminal, so plain progress lines), and reports: wall time, CPU time of the
process tree over the whole run (``os.wait4`` rusage, workers included) and over the compare
and cluster stages alone (``/proc`` of the tree, sampled when each stage's first and last
progress lines arrive), the ratio CPU time / wall time of each (2.0 is both cores busy with
``--jobs 2``), the longest gap between two stderr lines, and the load average before and
after: on a shared machine a ratio is only read beside the load it ran under. Last, the
event clusters' pairwise precision and recall against the plant: fast and wrong is no use.

    .venv/bin/python bench/bench_dense.py --count 5000 --sources 12 --jobs 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from dense import write_dense

TICK = os.sysconf("SC_CLK_TCK")


def tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of ``pid`` and its living descendants, from /proc."""
    total, todo = 0.0, [pid]
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICK
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, IndexError, ValueError):
            continue
    return total


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--sources", type=int, default=12)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dedupe-dense"))
    args = parser.parse_args()
    corpus = args.workdir / f"dense-{args.count}-{args.sources}"
    if not corpus.exists():
        write_dense(corpus, args.count, args.sources)
    command = [sys.executable, "-m", "dedupe", "scan", str(corpus), "-f", "json", "-o",
               str(args.workdir / "report.json"), "--jobs", str(args.jobs)]  # fmt: skip
    print("command:", " ".join(command), flush=True)
    load_before = os.getloadavg()
    start = time.monotonic()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    times: list[float] = []
    loads: list[float] = []  # 1-minute load average at each stderr line
    stages: dict[str, list[tuple[float, float]]] = {"compare": [], "cluster": []}  # (wall, tree CPU)
    for line in process.stderr:
        now = time.monotonic() - start
        times.append(now)
        loads.append(os.getloadavg()[0])
        for stage, samples in stages.items():
            if line.startswith(f"progress: {stage}"):
                samples.append((now, tree_cpu(process.pid)))
        print(f"{now:7.1f}  {line.rstrip()}", flush=True)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    cpu = usage.ru_utime + usage.ru_stime
    gaps = [b - a for a, b in zip([0.0, *times], times, strict=False)]
    load_after = os.getloadavg()
    print(f"exit status {os.waitstatus_to_exitcode(status)}; wall {wall:.1f} s, tree CPU {cpu:.1f} s, "
          f"CPU/wall {cpu / wall:.2f} with --jobs {args.jobs}; longest gap between stderr lines "
          f"{max(gaps):.1f} s")  # fmt: skip
    for stage, samples in stages.items():
        if len(samples) >= 2 and samples[-1][0] > samples[0][0]:
            (w0, c0), (w1, c1) = samples[0], samples[-1]
            # A worker that exited before the last sample takes its CPU time out of /proc's tree.
            ratio = f"{(c1 - c0) / (w1 - w0):.2f}" if c1 >= c0 else "unknown (workers exited first)"
            print(f"{stage} stage ({w0:.1f}-{w1:.1f} s): CPU/wall {ratio}")
    during = sum(loads) / len(loads) if loads else float("nan")
    print(f"load average on {os.cpu_count()} cores: 1-min mean during the run {during:.2f}; (1, 5, 15 min) "
          f"before {_loads(load_before)}, after {_loads(load_after)}")  # fmt: skip
    report = json.loads((args.workdir / "report.json").read_text())
    events = [c["members"] for c in report["clusters"] if c["level"] == "event"]
    precision, recall = against_plant(events, args.sources)
    print(f"event clusters {len(events)}; against the plant (article n rewrites source n mod "
          f"{args.sources}): pairwise precision {precision:.3f}, recall {recall:.3f}")  # fmt: skip


def against_plant(clusters: list[list[str]], sources: int) -> tuple[float, float]:
    """Pairwise precision and recall of ``clusters`` (ids ``d00042``) against the plant."""
    source = [int(article[1:]) % sources for cluster in clusters for article in cluster]
    found = sum(len(c) * (len(c) - 1) // 2 for c in clusters)
    right = sum(n * (n - 1) // 2 for c in clusters for n in Counter(int(a[1:]) % sources for a in c).values())
    planted = sum(n * (n - 1) // 2 for n in Counter(source).values())
    return (right / found if found else 1.0), (right / planted if planted else 1.0)


def _loads(load: tuple[float, float, float]) -> str:
    return ", ".join(f"{x:.2f}" for x in load)


if __name__ == "__main__":
    main()
