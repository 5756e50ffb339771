"""Hostile sizes (issue 14): one-line text against paragraphs, a 50 MB text, 20,000 small files.

Each case runs ``python -m dedupe`` in a fresh process and reports wall time and peak
memory (``wait4``'s max RSS of that process and its workers).

    python bench/bench_robust.py [--quick]

``--quick`` uses 2,000 files instead of 20,000.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
SOURCES = [*sorted(SEEDS.glob("*.txt")), *sorted((ROOT / "fixtures" / "synthetic").glob("*.txt"))]


def run(*args: str) -> tuple[int, float, float]:
    """Return exit code, seconds and peak MB of ``dedupe args``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "dedupe", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.stderr is not None:
        process.stderr.close()
    return process.returncode, seconds, usage.ru_maxrss / 1024


def paragraphs(chars: int, seed: int = 1) -> list[str]:
    """Paragraphs of the seeds and synthetic texts, shuffled and lightly edited, about ``chars`` long."""
    rng = random.Random(seed)
    pool = [p for s in SOURCES for p in s.read_text().split("\n\n") if p.strip()]
    out: list[str] = []
    total = 0
    while total < chars:
        words = rng.choice(pool).split()
        for _ in range(3):
            words[rng.randrange(len(words))] = rng.choice(["alpha", "beta", "gamma", "delta"])
        out.append(" ".join(words))
        total += len(out[-1]) + 2
    return out


def main() -> None:
    quick = "--quick" in sys.argv
    work = Path(tempfile.mkdtemp(prefix="bench-robust-"))
    paras = paragraphs(1_000_000)
    (work / "para.txt").write_text("\n\n".join(paras))
    (work / "one.txt").write_text(" ".join(paras))
    other = str(SEEDS / "001_50899f19e1fbd510.txt")
    for command in (["compare", "{}", other], ["quotes", "{}", str(SEEDS)]):
        times = {}
        for name in ("para", "one"):
            args = [str(work / f"{name}.txt") if a == "{}" else a for a in command]
            code, seconds, peak = run(*args)
            times[name] = seconds
            print(f"{command[0]} 1 MB {name:4}: exit {code}, {seconds:.1f} s, {peak:.0f} MB")
        print(f"{command[0]} one line / paragraphs: {times['one'] / times['para']:.2f}x")
    big = work / "big.txt"
    with big.open("w") as out:
        line = " ".join(paras)
        while big.stat().st_size < 50_000_000:
            out.write(line)
            out.flush()
    for command in (["compare", str(big), other], ["quotes", str(big), str(SEEDS)]):
        code, seconds, peak = run(*command)
        print(f"{command[0]} 50 MB: exit {code}, {seconds:.1f} s, {peak:.0f} MB")
    files = 2_000 if quick else 20_000
    folder = work / "many"
    folder.mkdir()
    rng = random.Random(3)
    words = " ".join(s.read_text() for s in SOURCES).split()
    for n in range(files):
        (folder / f"a{n:05}.txt").write_text(f"Report {n}\n\n" + " ".join(rng.sample(words, 200)))
    for command in (["quotes", str(folder)], ["facts", str(folder)]):
        code, seconds, peak = run(*command)
        print(f"{command[0]} {files:,} files: exit {code}, {seconds:.1f} s, {peak:.0f} MB")
    print(json.dumps({"work": str(work)}))


if __name__ == "__main__":
    main()
