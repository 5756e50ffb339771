"""Time `dedupe scan` and `dedupe index add` on a synthetic corpus; measure candidate recall.

Builds (or reuses) a synthetic corpus with ``bench/synth.py``, runs each command as a
subprocess and reads its wall time and peak RSS from ``os.wait4``. From the scan's
JSONL report (``--min-relation unrelated``, so every compared pair is listed) it
computes, per planted kind, the share of planted pairs that were candidates (compared)
and the share the verdict put at the planted relation or stronger, and the candidate
precision (compared pairs that are planted pairs of any kind). The baseline,
``datasketch_baseline.py``, runs on the same dump in its own process: datasketch's
MinHash and in-memory MinHashLSH finding candidates only.

    .venv/bin/python bench/bench_scan.py --count 10000 --workdir /tmp/dedupe-bench
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import itertools
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEDUPE = Path(sys.executable).with_name("dedupe")
STRENGTH = {"duplicate": 4, "reuse": 3, "same_event": 2, "related": 1, "unrelated": 0}
PLANTED = {"duplicate": "duplicate", "reuse": "reuse", "event": "same_event"}


def run(command: list[str], *, tree: bool = False) -> tuple[float, float]:
    """Run ``command``; return wall seconds and its peak RSS in MB.

    The peak is the largest single process's (``os.wait4``); with ``tree``, the largest
    sum over the process and its descendants (its worker processes), sampled every 0.2 s.
    """
    began = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak, done = [0], threading.Event()
    sampler = threading.Thread(target=_sample_tree, args=(child.pid, peak, done), daemon=True)
    if tree:
        sampler.start()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    done.set()
    if tree:
        sampler.join()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return seconds, max(usage.ru_maxrss / 1024, peak[0] / 2**20)


def _sample_tree(root: int, peak: list[int], done: threading.Event) -> None:
    """Keep in ``peak[0]`` the largest resident bytes of process ``root`` and its descendants together.

    Pages the workers share with the parent after ``fork`` count in each: an upper bound.
    """
    page = os.sysconf("SC_PAGE_SIZE")
    while not done.wait(0.2):
        total, pending = 0, [root]
        while pending:
            pid = pending.pop()
            with contextlib.suppress(OSError, ValueError, IndexError):
                total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * page
                for task in Path(f"/proc/{pid}/task").iterdir():
                    pending.extend(int(p) for p in (task / "children").read_text().split())
        peak[0] = max(peak[0], total)


def corpus(workdir: Path, count: int, seed: int) -> Path:
    """Return the corpus path, writing it first if it is not there."""
    path = workdir / f"synth-{count}-{seed}.jsonl"
    if not path.exists():
        spec = importlib.util.spec_from_file_location("synth", HERE / "synth.py")
        assert spec is not None and spec.loader is not None
        synth = sys.modules["synth"] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(synth)
        synth.write_corpus(path, count, seed)
    return path


def recall(report: Path, truth: Path) -> dict[str, object]:
    """Score the scan report's pairs against the planted groups."""
    compared: dict[frozenset[str], str] = {}
    with report.open(encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            if record["kind"] == "pair":
                compared[frozenset((record["a"], record["b"]))] = record["relation"]
    groups = json.loads(truth.read_text(encoding="utf-8"))["groups"]
    planted_any: set[frozenset[str]] = set()
    scores: dict[str, object] = {}
    for kind, relation in PLANTED.items():
        pairs = {
            frozenset(p) for g in groups if g["kind"] == kind for p in itertools.combinations(g["members"], 2)
        }
        planted_any |= pairs
        found = [p for p in pairs if p in compared]
        right = [p for p in found if STRENGTH[compared[p]] >= STRENGTH[relation]]
        scores[kind] = {"planted_pairs": len(pairs), "candidate_recall": round(len(found) / len(pairs), 4),
                        "verdict_recall": round(len(right) / len(pairs), 4)}  # fmt: skip
    scores["candidate_pairs"] = len(compared)
    scores["candidate_precision"] = round(len(planted_any & set(compared)) / max(1, len(compared)), 4)
    return scores


def baseline(path: Path) -> dict[str, Any]:
    """Run ``datasketch_baseline.py`` on the dump; return its figures with its wall time and peak RSS."""
    command = [sys.executable, str(HERE / "datasketch_baseline.py"), str(path)]
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    figures: dict[str, Any] = json.loads(done.stdout)
    figures["seconds"] = round(time.perf_counter() - began, 1)
    return figures


def measure(workdir: Path, count: int, *, seed: int = 1, jobs: int = 2, index: bool = True) -> dict[str, Any]:
    """Time `dedupe scan` and `dedupe index add` on a synthetic dump, and the datasketch baseline."""
    workdir.mkdir(parents=True, exist_ok=True)
    path = corpus(workdir, count, seed)
    report = workdir / f"scan-{count}.jsonl"
    command = [
        str(DEDUPE),
        "scan",
        str(path),
        "-f",
        "jsonl",
        "-o",
        str(report),
        "--min-relation",
        "unrelated",
    ]
    scan_seconds, scan_mb = run([*command, "--jobs", str(jobs), "-q"], tree=True)
    theirs = baseline(path)
    figures: dict[str, Any] = {
        "articles": count,
        "cpu_cores": os.cpu_count(),
        "scan": {
            "jobs": jobs,
            "seconds": round(scan_seconds, 1),
            "peak_rss_mb": round(scan_mb),  # all processes together
            "articles_per_second": round(count / scan_seconds, 1),
        },
        "planted": recall(report, path.with_suffix(".truth.json")),
        "datasketch": theirs,
        "scan_time_ratio": round(scan_seconds / theirs["seconds"], 2),
    }
    if index:
        db = workdir / f"index-{count}.db"
        for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            stale.unlink(missing_ok=True)
        add_seconds, add_mb = run(
            [str(DEDUPE), "index", "add", str(path), "--db", str(db), "-q", "--jobs", str(jobs)]
        )
        stats = json.loads(subprocess.run([str(DEDUPE), "index", "stats", "--db", str(db), "-f", "json"],
                                          capture_output=True, text=True, check=True).stdout)  # fmt: skip
        figures["index_add"] = {"jobs": jobs, "seconds": round(add_seconds, 1), "peak_rss_mb": round(add_mb),
                                "articles_per_second": round(count / add_seconds, 1),
                                "bytes_total": stats["bytes_total"],
                                "lsh_bytes_per_article": round(stats["lsh_bytes_per_article"])}  # fmt: skip
        figures["lsh_bytes_ratio"] = round(
            stats["lsh_bytes_per_article"] / theirs["lsh_bytes_per_article"], 3
        )
    return figures


def main() -> None:
    """Build the corpus, time both commands and the baseline, and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dedupe-bench"))
    parser.add_argument(
        "--jobs", type=int, default=2, help="worker processes for `dedupe scan` and `index add`"
    )
    parser.add_argument("--skip-index", action="store_true", help="time only `dedupe scan`")
    args = parser.parse_args()
    figures = measure(args.workdir, args.count, seed=args.seed, jobs=args.jobs, index=not args.skip_index)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
