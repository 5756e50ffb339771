"""Write a synthetic news corpus with planted duplicates, reuse and same-event groups.

Every word is made up here (syllable-built vocabulary and names, drawn with a Zipf-like
law so that function words repeat as in real text); nothing is copied from real articles.
The corpus is deterministic from ``seed`` and streamed to JSONL, so 100,000 articles
never sit in memory. Beside it, ``<name>.truth.json`` lists the planted groups:

- ``duplicate``: an original and 1-3 copies, each exact or lightly edited (2-6% of
  words replaced, dropped or inserted, sometimes one paragraph dropped);
- ``reuse``: a second article built around 35-60% of the first one's paragraphs;
- ``event``: 2-5 independent reports of one event sharing names, place, date and one
  or two quotations (one outlet may change a word of a quotation), little else.

    .venv/bin/python bench/synth.py OUT.jsonl --count 10000 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

SYLLABLES = (
    "ka ro mi ten sul var po de lin ash ur fel mon tri bes gal hor nu pre sta ci dor lem qua "
    "ve zan tor bi el om rhu cas phi ner sko ath gri mul yen dra fo lut is"
).split()
FUNCTION_WORDS = (
    "the of and to in a that for on with as by at from it was is said has its be have this an "
    "their which would after but not were had more also who they been over two will about than"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()
VERBS = "said told reporters stated added noted insisted warned announced".split()


@dataclass(frozen=True, slots=True)
class Event:
    """The facts that independent reports of one event share."""

    people: tuple[str, str]
    place: str
    org: str
    day: date
    quotes: tuple[str, ...]


@dataclass(slots=True)
class Plan:
    """One article slot: which group it belongs to and its role in that group."""

    kind: str
    group: int
    role: int
    variant: str = ""
    ids: list[str] = field(default_factory=list)


class Lexicon:
    """Made-up words, names and places with a Zipf-like sampler."""

    def __init__(self, seed: int, size: int = 20_000) -> None:
        rng = random.Random(seed)
        made: set[str] = set()
        while len(made) < size:
            made.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        shuffled = sorted(made)
        rng.shuffle(shuffled)  # ranks (and so frequencies) must not follow the alphabet
        self.words = FUNCTION_WORDS + shuffled
        self.weights = _cumulative([1.0 / (rank + 1) ** 1.05 for rank in range(len(self.words))])
        self.first = sorted({self._name(rng, 2) for _ in range(3000)})
        self.last = sorted({self._name(rng, 3) for _ in range(8000)})
        self.places = sorted({self._name(rng, 3) for _ in range(4000)})
        self.orgs = sorted({f"{self._name(rng, 2)} {rng.choice(['Council', 'Ministry', 'Party', 'Bank'])}"
                            for _ in range(1500)})  # fmt: skip
        self.outlets = sorted({f"{self._name(rng, 2)} {rng.choice(['News', 'Times', 'Post', 'Wire'])}"
                               for _ in range(300)})  # fmt: skip

    @staticmethod
    def _name(rng: random.Random, parts: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    def phrase(self, rng: random.Random, low: int, high: int) -> str:
        """Return a run of Zipf-drawn words."""
        return " ".join(rng.choices(self.words, cum_weights=self.weights, k=rng.randint(low, high)))

    def event(self, rng: random.Random) -> Event:
        """Draw the facts of a new event."""
        people = (
            f"{rng.choice(self.first)} {rng.choice(self.last)}",
            f"{rng.choice(self.first)} {rng.choice(self.last)}",
        )
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(3650))
        quotes = tuple(self.phrase(rng, 10, 20) for _ in range(rng.randint(1, 2)))
        return Event(people, rng.choice(self.places), rng.choice(self.orgs), day, quotes)


def _cumulative(weights: list[float]) -> list[float]:
    total, out = 0.0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


def report(lex: Lexicon, event: Event, rng: random.Random, *, quote_edit: bool = False) -> list[str]:
    """Write one outlet's report of ``event`` as paragraphs (~600 words)."""
    first, second = event.people
    surname = first.split()[-1]
    when = f"{WEEKDAYS[event.day.weekday()]}, {MONTHS[event.day.month - 1]} {event.day.day}, {event.day.year}"
    paragraphs = [
        f"{event.place.upper()} ({rng.choice(lex.outlets)}) - {first} met {second} in {event.place} "
        f"on {when}, {lex.phrase(rng, 12, 20)}."
    ]
    quotes = list(event.quotes)
    for number in range(rng.randint(11, 14)):
        sentences = []
        for _ in range(rng.randint(2, 3)):
            roll = rng.random()
            if quotes and number >= 1 and roll < 0.3:
                quote = quotes.pop(0)
                if quote_edit:
                    words = quote.split()
                    words[rng.randrange(len(words))] = rng.choice(lex.words[40:])
                    quote = " ".join(words)
                sentences.append(f'"{quote.capitalize()}," {surname} {rng.choice(VERBS)}.')
            elif roll < 0.45:
                sentences.append(f"{rng.choice(event.people)} of the {event.org} {lex.phrase(rng, 10, 18)}.")
            elif roll < 0.55:
                sentences.append(f"In {event.place}, {lex.phrase(rng, 12, 20)}.")
            else:
                sentences.append(f"{lex.phrase(rng, 14, 24).capitalize()}.")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def edit(lex: Lexicon, paragraphs: list[str], rng: random.Random) -> list[str]:
    """Lightly edit a copy: replace, drop or insert 2-6% of words; sometimes drop a paragraph."""
    share = rng.uniform(0.02, 0.06)
    edited = []
    for paragraph in paragraphs:
        words = paragraph.split()
        out: list[str] = []
        for word in words:
            roll = rng.random()
            if roll < share / 3:
                continue
            if roll < 2 * share / 3:
                out.append(rng.choice(lex.words[40:]))
                continue
            out.append(word)
            if roll < share:
                out.append(rng.choice(lex.words))
        edited.append(" ".join(out))
    if len(edited) > 6 and rng.random() < 0.3:
        del edited[rng.randrange(2, len(edited))]
    return edited


def plans(count: int, rng: random.Random) -> list[Plan]:
    """Lay out the corpus: singletons and planted groups, shuffled, exactly ``count`` slots."""
    slots: list[Plan] = []
    group = 0
    while len(slots) < count:
        group += 1
        roll = rng.random()
        if roll < 0.08:
            copies = rng.randint(1, 3)
            slots.append(Plan("duplicate", group, 0))
            slots.extend(Plan("duplicate", group, i, rng.choice(["exact", "edited", "edited"]))
                         for i in range(1, copies + 1))  # fmt: skip
        elif roll < 0.12:
            slots.extend(Plan("reuse", group, i) for i in range(2))
        elif roll < 0.20:
            slots.extend(Plan("event", group, i) for i in range(rng.randint(2, 5)))
        else:
            slots.append(Plan("single", group, 0))
    del slots[count:]
    rng.shuffle(slots)
    return slots


def articles(count: int, seed: int) -> Iterator[tuple[Plan, dict[str, str]]]:
    """Yield each slot's plan and its JSON record, in corpus order."""
    lex = Lexicon(seed)
    layout = plans(count, random.Random(seed + 1))
    for number, plan in enumerate(layout, start=1):
        base_rng = random.Random(f"{seed}/{plan.group}")
        event = lex.event(base_rng)
        own_rng = random.Random(f"{seed}/{plan.group}/{plan.role}")
        if plan.kind == "event":
            paragraphs = report(lex, event, own_rng, quote_edit=plan.role == 2)
        else:
            paragraphs = report(lex, event, base_rng)
            if plan.kind == "duplicate" and plan.variant == "edited":
                paragraphs = edit(lex, paragraphs, own_rng)
            elif plan.kind == "reuse" and plan.role == 1:
                share = own_rng.uniform(0.35, 0.6)
                kept = [p for p in paragraphs if own_rng.random() < share]
                paragraphs = kept + report(lex, lex.event(own_rng), own_rng)[: 14 - len(kept)]
        title = f"{event.people[0]} and {event.people[1]} meet in {event.place}"
        record = {
            "id": f"a{number:06d}",
            "title": title,
            "outlet": own_rng.choice(lex.outlets),
            "published": event.day.isoformat(),
            "text": title + "\n\n" + "\n\n".join(paragraphs),
        }
        yield plan, record


def write_corpus(path: Path, count: int, seed: int) -> dict[str, list[dict[str, object]]]:
    """Write ``count`` articles to ``path`` (JSONL) and the planted groups beside it; return them."""
    members: dict[tuple[str, int], list[tuple[str, str]]] = {}
    with path.open("w", encoding="utf-8") as stream:
        for plan, record in articles(count, seed):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            if plan.kind != "single":
                members.setdefault((plan.kind, plan.group), []).append(
                    (record["id"], plan.variant or "original")
                )
    groups = [
        {"kind": kind, "members": sorted(m[0] for m in found), "variants": dict(sorted(found))}
        for (kind, _), found in sorted(members.items(), key=lambda item: item[0][1])
        if len(found) > 1
    ]
    truth = {"seed": seed, "count": count, "groups": groups}
    path.with_suffix(".truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth


def main() -> None:
    """Parse arguments and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    truth = write_corpus(args.out, args.count, args.seed)
    kinds: dict[str, int] = {}
    for group in truth["groups"]:
        kinds[str(group["kind"])] = kinds.get(str(group["kind"]), 0) + 1
    print(f"wrote {args.count} articles to {args.out}; planted groups: {kinds}")


if __name__ == "__main__":
    main()
