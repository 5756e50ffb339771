"""Write a syndicated synthetic corpus: wire stories each carried by many sites, and the plant.

Each story is one ``synth.report`` (~600 made-up words); every site that carries it
publishes one of four variants, in turn:

- ``full``: the wire text as sent (an exact copy);
- ``truncated``: cut short after 40-80% of its paragraphs;
- ``wrapped``: the full text between site furniture (a menu line, a subscription plea,
  a list of related headlines), different on every site;
- ``edited``: 2-6% of words replaced, dropped or inserted, sometimes a paragraph dropped
  (``synth.edit``).

Sites publish on the story's day or up to three days later. Articles are shuffled;
``<name>.truth.json`` lists each story's members. With ``--copies 1`` every story runs
once: the corpus with no copies that the syndicated one is timed against.

    .venv/bin/python bench/syndicate.py OUT.jsonl --stories 200 --copies 100 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth import Lexicon, edit, report

VARIANTS = ("full", "truncated", "wrapped", "edited")


def furniture(lex: Lexicon, rng: random.Random, outlet: str) -> tuple[list[str], list[str]]:
    """Return a site's paragraphs before and after a story: menus, pleas, related headlines."""
    before = [f"Home | News | World | {lex.phrase(rng, 2, 4).title()} | Sport | Opinion | {outlet}"]
    after = [
        f"Subscribe to the {outlet} newsletter: {lex.phrase(rng, 8, 14)}.",
        "Related stories: " + "; ".join(lex.phrase(rng, 4, 8).capitalize() for _ in range(rng.randint(3, 5))),
    ]
    return before, after


def write_syndicated(path: Path, stories: int, copies: int, seed: int) -> dict[str, object]:
    """Write ``stories * copies`` articles to ``path`` (JSONL) and the plant beside it; return the plant."""
    lex = Lexicon(seed)
    slots = [(story, copy) for story in range(stories) for copy in range(copies)]
    random.Random(seed + 1).shuffle(slots)
    members: dict[int, list[str]] = {}
    with path.open("w", encoding="utf-8") as stream:
        for story, copy in slots:
            rng = random.Random(f"{seed}/{story}")
            event = lex.event(rng)
            paragraphs = report(lex, event, rng)
            own = random.Random(f"{seed}/{story}/{copy}")
            outlet = own.choice(lex.outlets)
            variant = VARIANTS[copy % len(VARIANTS)] if copies > 1 else "full"
            if variant == "truncated":
                paragraphs = paragraphs[: max(4, round(len(paragraphs) * own.uniform(0.4, 0.8)))]
            elif variant == "wrapped":
                before, after = furniture(lex, own, outlet)
                paragraphs = before + paragraphs + after
            elif variant == "edited":
                paragraphs = edit(lex, paragraphs, own)
            title = f"{event.people[0]} and {event.people[1]} meet in {event.place}"
            record = {
                "id": f"s{story:05d}c{copy:03d}",
                "title": title,
                "outlet": outlet,
                "published": (event.day + timedelta(days=own.randint(0, 3) if copy else 0)).isoformat(),
                "text": title + "\n\n" + "\n\n".join(paragraphs),
            }
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            members.setdefault(story, []).append(str(record["id"]))
    truth: dict[str, object] = {
        "seed": seed,
        "stories": stories,
        "copies": copies,
        "groups": [sorted(found) for _, found in sorted(members.items()) if len(found) > 1],
    }
    path.with_suffix(".truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return truth


def main() -> None:
    """Parse arguments and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_syndicated(args.out, args.stories, args.copies, args.seed)
    print(
        f"wrote {args.stories * args.copies} articles ({args.stories} stories x {args.copies}) to {args.out}"
    )


if __name__ == "__main__":
    main()
