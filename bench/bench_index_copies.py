"""Time `dedupe index add` of a syndicated corpus against one with no copies, in the same run.

The corpora are ``bench/syndicate.py``'s (as ``bench_syndication.py`` makes them): ``--stories``
wire stories each carried ``--copies`` times, and as many distinct stories carried once. Each
is added to a new index with ``--jobs``; the time, band rows and copy groups are printed, and the
syndicated index's copy groups are scored against the plant (pairwise precision and recall).

    PYTHONPATH=$PWD .venv/bin/python bench/bench_index_copies.py --stories 200 --copies 100
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_syndication import pairwise
from syndicate import write_syndicated

from dedupe.corpus.index import Index


def timed_add(corpus: Path, db: Path, jobs: int) -> tuple[float, dict[str, object]]:
    """Add ``corpus`` to a new index at ``db``; return the wall time and ``index stats`` as JSON."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    command = [sys.executable, "-m", "dedupe", "index", "add", str(corpus), "--db", str(db), "--quiet"]
    start = time.perf_counter()
    subprocess.run([*command, "--jobs", str(jobs)], env=os.environ, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    stats = subprocess.run([sys.executable, "-m", "dedupe", "index", "stats", "--db", str(db), "-f", "json"],
                           env=os.environ, check=True, capture_output=True, text=True).stdout  # fmt: skip
    return wall, json.loads(stats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/synd"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    count = args.stories * args.copies
    syndicated = args.workdir / f"syndicated-{args.stories}x{args.copies}-{args.seed}.jsonl"
    distinct = args.workdir / f"syndicated-{count}x1-{args.seed}.jsonl"
    if not syndicated.exists():
        write_syndicated(syndicated, args.stories, args.copies, args.seed)
    if not distinct.exists():
        write_syndicated(distinct, count, 1, args.seed)
    found = {}
    for name, corpus in (("distinct", distinct), ("syndicated", syndicated)):
        wall, stats = timed_add(corpus, args.workdir / f"index-{name}.db", args.jobs)
        found[name] = wall
        print(f"  {name}: {stats['articles']} articles in {wall:.1f} s, {stats['band_rows']:,} band rows, "
              f"{stats['copy_groups']} copy groups of {stats['grouped_articles']} articles, "
              f"{stats['bytes_total']:,} bytes", flush=True)  # fmt: skip
    print(f"  syndicated / distinct time: {found['syndicated'] / found['distinct']:.2f}")
    with Index(args.workdir / "index-syndicated.db", read_only=True) as index:
        groups = [[representative, *members] for representative, members in index.copy_groups().items()]
    planted = json.loads(syndicated.with_suffix(".truth.json").read_text(encoding="utf-8"))["groups"]
    precision, recall = pairwise(groups, planted)
    print(f"  index copy groups: {len(groups)} found, {len(planted)} stories planted; "
          f"pairwise precision {precision:.4f}, recall {recall:.4f}")  # fmt: skip


if __name__ == "__main__":
    main()
