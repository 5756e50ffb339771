"""Hostile sizes (issue 14): one-line text against paragraphs, a 50 MB text, many small files,
many reports of one event.

Each case runs ``python -m dedupe`` in a fresh process and reports wall time and peak
memory (``wait4``'s max RSS of that process and its workers).

    python bench/bench_robust.py [--quick] [--files N] [--cases lines,big,many]
                                 [--tree DIR --tree DIR]

``--quick`` uses 2,000 files instead of 20,000 (``--files`` any number). ``--cases``
picks the cases: ``lines`` (1 MB in paragraphs and on one line, ``compare`` and
``quotes``), ``big`` (50 MB), ``many`` (``quotes``/``facts`` over the small files) and
``event`` (``facts`` over ``--reports`` made-up reports of one event, 200 by default, whose
every pair is compared slot by slot, and ``compare`` of two reports of it ten reports long).
``--tree`` runs the dedupe of another source tree (a checkout of main, say); given
twice, every command runs on both trees one after the other and the second's time is
also given as a ratio of the first's, which holds better than either time on a shared,
loaded machine. ``--timeout`` (seconds, default none) kills a run that takes longer.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synth import Lexicon, report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
SOURCES = [*sorted(SEEDS.glob("*.txt")), *sorted((ROOT / "fixtures" / "synthetic").glob("*.txt"))]
# prctl(2): the signal a child gets when its parent dies (Linux; elsewhere the call fails quietly).
PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Ask Linux to kill the measured run when the bench dies, even by SIGKILL (it has its own session)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def run(*args: str, tree: Path = ROOT, timeout: float | None = None) -> tuple[int | None, float, float]:
    """Return exit code (None if killed at ``timeout``), seconds and peak MB of ``dedupe args``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "dedupe", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tree,  # ``-m`` puts the working folder first on sys.path: it must be the tree's
        start_new_session=True,
        preexec_fn=_die_with_parent,
    )
    killed = False
    try:
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if timeout is not None and time.perf_counter() - start > timeout and not killed:
                os.killpg(process.pid, signal.SIGKILL)
                killed = True
            time.sleep(0.05)
    except BaseException:  # interrupted: the run's own session would outlive the bench
        os.killpg(process.pid, signal.SIGKILL)
        raise
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return (None if killed else process.returncode), seconds, usage.ru_maxrss / 1024


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


def small_files(folder: Path, files: int) -> None:
    """Write ``files`` articles of 200 words drawn from the seeds and synthetic texts (~1.3 KB each)."""
    folder.mkdir()
    rng = random.Random(3)
    words = " ".join(s.read_text() for s in SOURCES).split()
    for n in range(files):
        (folder / f"a{n:05}.txt").write_text(f"Report {n}\n\n" + " ".join(rng.sample(words, 200)))


def event_reports(folder: Path, reports: int, seed: int = 5) -> None:
    """Write ``reports`` independent reports of one made-up event (``synth.report``, ~600 words each)."""
    folder.mkdir()
    lex = Lexicon(seed)
    event = lex.event(random.Random(seed))
    title = f"{event.people[0]} and {event.people[1]} meet in {event.place}"
    for n in range(reports):
        paragraphs = report(lex, event, random.Random(f"{seed}/{n}"), quote_edit=n % 3 == 2)
        (folder / f"r{n:05}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs))


def long_report(path: Path, seed: int) -> None:
    """Write one report of the ``event_reports`` event, ten reports' paragraphs long (~6,000 words)."""
    lex = Lexicon(5)
    event = lex.event(random.Random(5))
    rng = random.Random(f"long/{seed}")
    paragraphs = [p for _ in range(10) for p in report(lex, event, rng)]
    path.write_text(
        f"{event.people[0]} and {event.people[1]} meet in {event.place}\n\n" + "\n\n".join(paragraphs)
    )


def measure(label: str, args: list[str], trees: list[Path], timeout: float | None) -> dict[str, float]:
    """Run ``args`` on each tree in turn; print and return each tree's seconds."""
    seconds: dict[str, float] = {}
    for tree in trees:
        code, took, peak = run(*args, tree=tree, timeout=timeout)
        shown = "killed at timeout" if code is None else f"exit {code}"
        print(f"{label} [{tree}]: {shown}, {took:.1f} s, {peak:.0f} MB", flush=True)
        seconds[str(tree)] = took
    if len(trees) == 2:
        first, second = (seconds[str(t)] for t in trees)
        print(f"{label}: second tree / first = {second / first:.2f}x", flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--files", type=int)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--cases", default="lines,big,many")
    parser.add_argument("--tree", type=Path, action="append")
    parser.add_argument("--timeout", type=float)
    options = parser.parse_args()
    trees = [t.resolve() for t in options.tree or [ROOT]]
    cases = set(options.cases.split(","))
    work = Path(tempfile.mkdtemp(prefix="bench-robust-"))
    paras = paragraphs(1_000_000)
    other = str(SEEDS / "001_50899f19e1fbd510.txt")
    if "lines" in cases:
        (work / "para.txt").write_text("\n\n".join(paras))
        (work / "one.txt").write_text(" ".join(paras))
        for command in (["compare", "{}", other], ["quotes", "{}", str(SEEDS)]):
            times = {}
            for name in ("para", "one"):
                args = [str(work / f"{name}.txt") if a == "{}" else a for a in command]
                times[name] = measure(f"{command[0]} 1 MB {name}", args, trees, options.timeout)
            for tree in map(str, trees):
                ratio = times["one"][tree] / times["para"][tree]
                print(f"{command[0]} one line / paragraphs [{tree}]: {ratio:.2f}x")
    if "big" in cases:
        big = work / "big.txt"
        with big.open("w") as out:
            line = " ".join(paras)
            while big.stat().st_size < 50_000_000:
                out.write(line)
                out.flush()
        for big_command in (["compare", str(big), other], ["quotes", str(big), str(SEEDS)]):
            measure(f"{big_command[0]} 50 MB", big_command, trees, options.timeout)
    if "many" in cases:
        files = options.files or (2_000 if options.quick else 20_000)
        small_files(work / "many", files)
        for name in ("quotes", "facts"):
            measure(f"{name} {files:,} files", [name, str(work / "many")], trees, options.timeout)
    if "event" in cases:
        event_reports(work / "event", options.reports)
        measure(f"facts {options.reports} reports of one event", ["facts", str(work / "event")], trees,
                options.timeout)  # fmt: skip
        long_report(work / "long1.txt", 1)
        long_report(work / "long2.txt", 2)
        pair = [str(work / "long1.txt"), str(work / "long2.txt")]
        measure("compare two 6,000-word reports of one event", ["compare", *pair], trees, options.timeout)
    print(json.dumps({"work": str(work)}))


if __name__ == "__main__":
    main()
