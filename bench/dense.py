"""Write a dense synthetic corpus: every article a rewrite of one of a dozen source texts.

Each source text is one of ``bench/synth.py``'s reports of an event (made-up words and names).
An article keeps each of its source's paragraphs with probability ``keep`` and writes the
others afresh about the same event (names, place, organisation, quotations), so articles of one
source share names and passages but are rewrites, not copies: copy groups do not absorb
them and the candidate graph has a few huge components.

    .venv/bin/python bench/dense.py OUT_DIR --count 5000 --sources 12
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from synth import Lexicon, report


def write_dense(folder: Path, count: int, sources: int, seed: int = 7, keep: float = 0.5) -> None:
    """Write ``count`` ``.txt`` articles into ``folder``, rewrites of ``sources`` texts."""
    folder.mkdir(parents=True, exist_ok=True)
    lex = Lexicon(seed)
    rng = random.Random(seed)
    events = [lex.event(rng) for _ in range(sources)]
    texts = [report(lex, event, rng) for event in events]
    for number in range(count):
        source = number % sources
        own = random.Random(f"{seed}/{number}")
        fresh = report(lex, events[source], own)
        source_text = texts[source]
        paragraphs = [p if own.random() < keep else fresh[n % len(fresh)] for n, p in enumerate(source_text)]
        people = events[source].people
        title = f"{people[0]} and {people[1]} meet in {events[source].place}"
        text = title + "\n\n" + "\n\n".join(paragraphs)
        (folder / f"d{number:05d}.txt").write_text(text, encoding="utf-8")


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--sources", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_dense(args.out, args.count, args.sources, args.seed)


if __name__ == "__main__":
    main()
