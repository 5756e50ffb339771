"""Time `dedupe scan` and `dedupe index add` on a synthetic corpus; measure candidate recall.

Builds (or reuses) a synthetic corpus with ``bench/synth.py``, runs each command as a
subprocess and reads its wall time and peak RSS from ``os.wait4``. From the scan's
JSONL report (``--min-relation unrelated``, so every compared pair is listed) it
computes, per planted kind, the share of planted pairs that were candidates (compared)
and the share the verdict put at the planted relation or stronger, and the candidate
precision (compared pairs that are planted pairs of any kind).

    .venv/bin/python bench/bench_scan.py --count 10000 --workdir /tmp/dedupe-bench
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEDUPE = Path(sys.executable).with_name("dedupe")
STRENGTH = {"duplicate": 4, "reuse": 3, "same_event": 2, "related": 1, "unrelated": 0}
PLANTED = {"duplicate": "duplicate", "reuse": "reuse", "event": "same_event"}


def run(command: list[str]) -> tuple[float, float]:
    """Run ``command``; return wall seconds and the child's peak RSS in MB."""
    began = time.perf_counter()
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with status {status}")
    return seconds, usage.ru_maxrss / 1024


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


def main() -> None:
    """Build the corpus, time both commands and print the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/dedupe-bench"))
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for `dedupe scan`")
    parser.add_argument("--skip-index", action="store_true", help="time only `dedupe scan`")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    path = corpus(args.workdir, args.count, args.seed)
    report = args.workdir / f"scan-{args.count}.jsonl"
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
    scan_seconds, scan_mb = run([*command, "--jobs", str(args.jobs), "-q"])
    figures: dict[str, object] = {
        "articles": args.count,
        "cpu_cores": os.cpu_count(),
        "scan": {
            "jobs": args.jobs,
            "seconds": round(scan_seconds, 1),
            "peak_rss_mb": round(scan_mb),
            "articles_per_second": round(args.count / scan_seconds, 1),
        },
        "planted": recall(report, path.with_suffix(".truth.json")),
    }
    if not args.skip_index:
        db = args.workdir / f"index-{args.count}.db"
        for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            stale.unlink(missing_ok=True)
        add_seconds, add_mb = run([str(DEDUPE), "index", "add", str(path), "--db", str(db), "-q"])
        stats = json.loads(subprocess.run([str(DEDUPE), "index", "stats", "--db", str(db), "-f", "json"],
                                          capture_output=True, text=True, check=True).stdout)  # fmt: skip
        figures["index_add"] = {"seconds": round(add_seconds, 1), "peak_rss_mb": round(add_mb),
                                "articles_per_second": round(args.count / add_seconds, 1),
                                "bytes_total": stats["bytes_total"],
                                "lsh_bytes_per_article": round(stats["lsh_bytes_per_article"])}  # fmt: skip
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
