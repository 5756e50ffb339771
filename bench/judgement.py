"""Judgement on real news: event clusters, quotation sets, pair relations and speakers on the test half.

Reads the development corpus (``fixtures/realnews``; bodies rebuilt as its REBUILD.md
says) and prints, for the test half, both for text alone and with metadata (title,
outlet, publication date):

- event clusters of ``dedupe scan``: pairwise precision/recall/F1 and B-cubed F1, against
  events and against occasions; the same for a bag-of-words baseline in the same run
  (TF-IDF cosine over content words, average linkage over all pairs, its threshold
  fitted on the fitting half; with metadata, pairs published more than 3 days apart
  are never linked);
- quotation sets grouped: labelled renderings of one statement that ``dedupe quotes``
  puts in one group;
- labelled pair relations ``dedupe compare`` gets right;
- labelled quotations found, attributed as the outlet attributes them, and misattributed;
- fact slots: the event's place, date and participants as the facts ``compare_facts``
  compares give them (``facts_profile``, with metadata so relative dates resolve), right
  against the manifest's labels; and conflict flags of ``compare_facts`` on the labelled
  pairs of ``flags.jsonl``: a conflict flag of the labelled slot is a true positive where
  the label says conflict, a false alarm where it says not.

The validation half (``--half val``, a later slice of events in neither other half) is
for checking that a change made on the fitting half carries over, before the test half
is read. A fourth slice (``--half check``) is held out from everyone who changes the code
in a session and read by the lead to decide whether that session's changes carry over.

    python bench/judgement.py [--half test|fit|val|check] [--facts-only | --quotes-only] [--verbose]
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import numpy as np
from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from devcorpus import Doc, load
from fit_event_model import article

from dedupe.corpus.fact_audit import CONFLICT_KINDS
from dedupe.corpus.linkage import event_groups as average_linkage
from dedupe.corpus.scan import scan
from dedupe.evidence.date_mentions import PartialDate, dates_agree
from dedupe.evidence.date_ranking import planned
from dedupe.evidence.events import EventProfile
from dedupe.evidence.facts import compare_facts
from dedupe.evidence.facts_view import facts_profile
from dedupe.evidence.names import same_person
from dedupe.evidence.overlap import finest_places
from dedupe.evidence.places import Place, lookup_place, places_compatible
from dedupe.pair.compare import compare
from dedupe.quotes.extract import extract_quotes
from dedupe.quotes.match import audit_quotes

WINDOW_DAYS = 3
_WORD = re.compile(r"[^\W\d_]{3,}")


def pairwise(clusters: Sequence[Sequence[str]], label: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of ``clusters`` against ``label`` (id -> class)."""
    found = {frozenset(p) for c in clusters for p in itertools.combinations(sorted(c), 2)}
    by_class = defaultdict(list)
    for doc, cls in label.items():
        by_class[cls].append(doc)
    truth = {frozenset(p) for c in by_class.values() for p in itertools.combinations(sorted(c), 2)}
    tp = len(found & truth)
    precision = tp / len(found) if found else 1.0
    recall = tp / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def bcubed(clusters: Sequence[Sequence[str]], label: dict[str, str]) -> float:
    """B-cubed F1 of ``clusters`` against ``label``."""
    cluster_of = {d: set(c) for c in clusters for d in c}
    class_of = defaultdict(set)
    for doc, cls in label.items():
        class_of[cls].add(doc)
    p = r = 0.0
    for doc, cls in label.items():
        mine, truth = cluster_of[doc], class_of[cls]
        common = len(mine & truth)
        p += common / len(mine)
        r += common / len(truth)
    p, r = p / len(label), r / len(label)
    return 2 * p * r / (p + r) if p + r else 0.0


def tfidf_vectors(texts: dict[str, str]) -> dict[str, dict[str, float]]:
    """The baseline's vectors: lower-cased words of 3+ letters, log tf times corpus idf, unit length."""
    counts = {d: Counter(w.lower() for w in _WORD.findall(t)) for d, t in texts.items()}
    df = Counter(w for c in counts.values() for w in c)
    n = len(texts)
    vectors = {}
    for d, c in counts.items():
        v = {w: (1 + math.log(k)) * math.log(n / df[w]) for w, k in c.items() if df[w] < n}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors[d] = {w: x / norm for w, x in v.items()}
    return vectors


def baseline_clusters(docs: list[Doc], threshold: float, window: bool) -> list[list[str]]:
    """Average linkage over TF-IDF cosine of all pairs, merging while the mean link is ≥ threshold."""
    vectors = tfidf_vectors({d.id: d.text or "" for d in docs})
    when = {d.id: d.meta.get("published") for d in docs}

    def sim(x: str, y: str) -> float:
        if window and when[x] and when[y]:
            from datetime import date

            if abs((date.fromisoformat(when[x]) - date.fromisoformat(when[y])).days) > WINDOW_DAYS:
                return 0.0
        a, b = vectors[x], vectors[y]
        return sum(w * b.get(t, 0.0) for t, w in a.items())

    ids = [d.id for d in docs]
    matrix = np.array([[sim(x, y) if x != y else 0.0 for y in ids] for x in ids])
    return [list(g) for g in average_linkage(ids, matrix, threshold)]


def fit_baseline(docs: list[Doc], window: bool) -> float:
    """The baseline threshold with the best event F1 on the fitting half."""
    label = {d.id: d.event for d in docs}
    grid = [t / 100 for t in range(5, 60, 2)]
    return max(grid, key=lambda t: pairwise(baseline_clusters(docs, t, window), label)[2])


def tool_clusters(docs: list[Doc], with_meta: bool) -> list[list[str]]:
    report = scan([article(d, with_meta) for d in docs], jobs=1)
    return [list(c.members) for c in report.level("event")]


def quotation_sets(docs: list[Doc], quotes: list[dict]) -> tuple[int, int]:
    """Count labelled sets (2+ members in these docs) whose members one tool group holds."""
    by_id = {d.id: d for d in docs}
    sets = defaultdict(list)
    for q in quotes:
        if q.get("set") and q["doc"] in by_id:
            sets[q["set"]].append(q)
    grouped = total = 0
    for members in sets.values():
        if len({m["doc"] for m in members}) < 2:
            continue
        total += 1
        event_docs = [by_id[i] for i in sorted({m["doc"] for m in members})]
        audit = audit_quotes([article(d, False) for d in event_docs])
        for group in audit.groups:
            spans = {(r.article_id, r.span.start, r.span.end) for r in group.renderings}
            if all(
                any(a == m["doc"] and s < m["end"] and m["start"] < e for a, s, e in spans) for m in members
            ):
                grouped += 1
                break
    return grouped, total


def speakers(docs: list[Doc], quotes: list[dict]) -> tuple[int, int, int, int]:
    """Labelled quotations found, attributed as the outlet does, misattributed, and the total."""
    by_id = {d.id: d for d in docs}
    found = right = wrong = total = 0
    extracted = {}
    for q in quotes:
        if q["doc"] not in by_id:
            continue
        total += 1
        if q["doc"] not in extracted:
            extracted[q["doc"]] = extract_quotes(article(by_id[q["doc"]], False))
        hits = [x for x in extracted[q["doc"]] if x.inner.start < q["end"] and q["start"] < x.inner.end]
        if not hits:
            continue
        found += 1
        said = hits[0].canonical_speaker
        truth = q["speaker"]
        if _same_speaker(said, truth):
            right += 1
        elif said != "unknown":
            wrong += 1
    return found, right, wrong, total


# Labels name speakers in English; an outlet writing in Russian names them in Cyrillic.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)


def _latin(name: str) -> str:
    out = []
    for c in name:
        latin = _CYRILLIC.get(c.lower(), c).replace("_", "")
        out.append(latin.capitalize() if c.isupper() and c.lower() in _CYRILLIC else latin)
    return "".join(out)


def _same_speaker(said: str, truth: str) -> bool:
    """Whether the tool's speaker is the one the label names.

    Beyond the same person (``same_person``) or one name inside the other, an institution
    may be named by its acronym ("JAXA" for "Japan Aerospace Exploration Agency") and by
    its document ("Washington Summit Declaration" for "NATO (Washington Summit
    Declaration)") or by its acronym in another language ("OTAN" for "NATO"), and a name
    written in Cyrillic counts in transliteration.
    """
    if said.lower() == truth.lower():
        return True
    if said == "unknown" or truth == "unknown":
        return False
    if _sounds_same(said, truth) or _spelled_apart(said, truth):
        return True
    said, truth = _latin(said), _latin(truth)
    if same_person(said, truth) or said.lower() in truth.lower() or truth.lower() in said.lower():
        return True
    bare_said, bare_truth = (re.sub(r"\s*\([^()]*\)$", "", x).strip() for x in (said, truth))
    inner = re.findall(r"\(([^()]*)\)", truth)
    names = {bare_truth.lower(), *(x.lower() for x in inner)}
    acronym = len(bare_said) > 1 and bare_said.isupper()
    return bare_said.lower() in names or (
        acronym and any(_abbreviates(bare_said.lower(), n) or _reordered(bare_said.lower(), n) for n in names)
    )


# Sounds that transliteration into Japanese, Korean or Chinese script and back writes
# otherwise: "チ" is "chi" for "ti", Korean "eo" is "o", a final "-ng" was "-n".
_SOUND_SPELLINGS = (
    ("chi", "ti"),
    ("tsu", "tu"),
    ("shi", "si"),
    ("ph", "f"),
    ("ck", "k"),
    ("eo", "o"),
    ("ng", "n"),
)
# Consonants those scripts do not tell apart from English's: l/r, the labials (b, f, p, v), voicing.
_SOUND_LETTERS = str.maketrans("lvpfkcqtxz", "rbbbgggdss")


def _sound_key(word: str) -> str:
    """The consonants of a romanised name, with the sounds CJK scripts merge merged: "zrnsg"."""
    low = "".join(c for c in anyascii(word).lower() if c.isalpha())
    for spelled, sound in _SOUND_SPELLINGS:
        low = low.replace(spelled, sound)
    skeleton = [c for c in low.translate(_SOUND_LETTERS) if c not in "aeiouwyh"]
    return "".join(c for k, c in enumerate(skeleton) if not k or skeleton[k - 1] != c)


def _sounds_same(said: str, truth: str) -> bool:
    """A name written in Japanese, Korean or Chinese script ("ゼレンスキー", "김정은") sounds as
    the label's English spelling does ("Zelensky", "Kim Jong Un"): its whole, or its last part
    after "・", has the consonants of the label's whole name or of one of its words (two at least)."""
    if not any(c.isalpha() and not ("a" <= c.lower() <= "z") and not "\u0400" <= c <= "\u04ff" for c in said):
        return False
    words = [w for w in re.split(r"[\s()\-]+", truth) if w]
    keys = {_sound_key(truth.replace(" ", "")), *(_sound_key(w) for w in words)}
    said_keys = {_sound_key(said), _sound_key(re.split(r"[・\s]", said)[-1])}
    return any(len(k) >= 2 and k in keys for k in said_keys)


def _spelled_apart(said: str, truth: str) -> bool:
    """ "Gurudatta Dhakal" is the label's "Gurudutta Dhakal": one surname, and given names of
    five letters or more one letter apart, as outlets transliterate a name each its own way."""
    a, b = said.lower().split(), truth.lower().split()
    if len(a) != len(b) or len(a) < 2 or a[-1] != b[-1]:
        return False
    return all(
        x == y or (min(len(x), len(y)) >= 5 and Levenshtein.distance(x, y) <= 1)
        for x, y in zip(a, b, strict=True)
    )


def _reordered(short: str, name: str) -> bool:
    """ "otan" is "nato" in another language's word order: the same letters, three or more."""
    return len(short) >= 3 and sorted(short) == sorted(name)


def _abbreviates(short: str, name: str) -> bool:
    """ "jaxa" abbreviates "japan aerospace exploration agency": its letters in order, the first first."""
    if not name or short[0] != name[0]:
        return False
    rest = iter(name)
    return all(c in rest for c in short)


def relations(docs: list[Doc], pairs: list[dict]) -> tuple[int, int]:
    by_id = {d.id: d for d in docs}
    right = total = 0
    for p in pairs:
        if p["a"] in by_id and p["b"] in by_id:
            total += 1
            report = compare(article(by_id[p["a"]], False), article(by_id[p["b"]], False))
            right += report.relation.value == p["relation"]
    return right, total


# The labels' slot names and the flag slots that answer them.
FLAG_SLOTS = {"figure": {"number"}, "date": {"date"}, "place": {"place"},
              "participant": {"participant", "counterpart"}}  # fmt: skip


def _label_places(label: str) -> list[Place]:
    """The places a manifest label names that the gazetteer knows ("Tunxi, Anhui, China")."""
    found = []
    for part in re.split(r",|\band\b|\(|\)", label):
        words = part.split()
        for k in range(len(words)):  # "southeastern Turkey": try the name without leading words
            place = lookup_place(" ".join(words[k:]), located=True)
            if place is not None and place.known:
                found.append(place)
                break
    return found


def _place_right(profile: EventProfile, labelled: list[Place]) -> bool | None:
    """True if the report's event place can be the labelled one, False if not, None if it gives none."""
    places = finest_places(profile)
    if not places or places[0].place is None:
        return None
    top = places[0].place
    return any(places_compatible(top, x) is not False for x in labelled)


def _date_right(profile: EventProfile, labels: Sequence[str], text: str) -> bool | None:
    """True if the report's event date (its first, not one the event was first set for) is labelled."""
    event_dates = [f for f in profile.dates if not planned(text, f)]
    if not event_dates or event_dates[0].date is None:
        return None
    found = event_dates[0].date
    days = [date.fromisoformat(x) for x in labels]
    return any(
        dates_agree(found, PartialDate(d.year, d.month, d.day, d.weekday())) is not False for d in days
    )


def _participants_right(profile: EventProfile, labels: Sequence[str]) -> bool | None:
    """True if the report's participants are the labelled people it names, no fewer and no others.

    Labelled people the report never names cannot be asked of it.
    """
    named = [x for x in labels if any(same_person(x, p.canonical) for p in profile.people)]
    found = [p.canonical for p in profile.participants]
    if not named and not found:
        return None
    missing = [x for x in named if not any(same_person(x, f) for f in found)]
    extra = [f for f in found if not any(same_person(x, f) for x in labels)]
    return not missing and not extra


def fact_slots(docs: list[Doc]) -> dict[str, tuple[int, int, int]]:
    """For place, date and participants: reports right, wrong, and with nothing found, among the labelled."""
    counts: dict[str, list[int]] = {"place": [0, 0, 0], "date": [0, 0, 0], "participants": [0, 0, 0]}
    for doc in docs:
        report = article(doc, True)
        profile = facts_profile(report)
        meta = doc.meta
        labelled = _label_places(meta["place"]) if meta.get("place") else []
        checks = []
        if labelled:
            checks.append(("place", _place_right(profile, labelled)))
        if meta.get("event_dates"):
            checks.append(("date", _date_right(profile, meta["event_dates"], report.text)))
        if meta.get("participants"):
            checks.append(("participants", _participants_right(profile, meta["participants"])))
        for slot, verdict in checks:
            counts[slot][0 if verdict is True else 1 if verdict is False else 2] += 1
    return {slot: (c[0], c[1], c[2]) for slot, c in counts.items()}


def fact_flags(docs: list[Doc], labels: list[dict]) -> tuple[int, int, int, list[str]]:
    """Conflict flags on the labelled pairs: true positives, false alarms, labelled conflicts, mistakes."""
    by_id = {d.id: d for d in docs}
    tp = fp = conflicts = 0
    wrong = []
    for label in labels:
        if label["a"] not in by_id or label["b"] not in by_id:
            continue
        a, b = article(by_id[label["a"]], True), article(by_id[label["b"]], True)
        raised = [
            f for f in compare_facts(a, b) if f.kind in CONFLICT_KINDS and f.slot in FLAG_SLOTS[label["slot"]]
        ]
        flagged = bool(raised)
        conflicts += label["conflict"]
        tp += flagged and label["conflict"]
        fp += flagged and not label["conflict"]
        if flagged != label["conflict"]:
            said = "; ".join(f"{f.a_value!r} vs {f.b_value!r}" for f in raised)
            wrong.append(f"{'missed' if label['conflict'] else 'false alarm'} {label['slot']} "
                         f"{label['a']}-{label['b']} {said}")  # fmt: skip
    return tp, fp, conflicts, wrong


def facts_report(docs: list[Doc], labels: list[dict], verbose: bool) -> None:
    for slot, (right_n, wrong_n, none_n) in fact_slots(docs).items():
        n = right_n + wrong_n + none_n
        print(f"event {slot} right: {right_n}/{n} = {right_n / n if n else 0:.3f}; "
              f"wrong {wrong_n}, none found {none_n}")  # fmt: skip
    tp, fp, conflicts, wrong = fact_flags(docs, labels)
    precision = tp / (tp + fp) if tp + fp else 1
    print(f"conflict flags on labelled pairs: precision {tp}/{tp + fp} = {precision:.3f}; "
          f"recall {tp}/{conflicts} = {tp / conflicts if conflicts else 1:.3f}")  # fmt: skip
    if verbose:
        print("\n".join(f"  {w}" for w in wrong))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("test", "fit", "val", "check"), default="test")
    parser.add_argument("--language", help="only reports in this language (e.g. en)")
    parser.add_argument("--facts-only", action="store_true", help="measure only fact slots and flags")
    parser.add_argument("--quotes-only", action="store_true", help="measure only quotation sets and speakers")
    parser.add_argument("--verbose", action="store_true", help="list the labelled flags got wrong")
    args = parser.parse_args(argv)
    corpus = load()
    docs, fitting = corpus.half(args.half), corpus.half("fit")
    if args.language:
        docs = [d for d in docs if d.meta["language"] == args.language]
        fitting = [d for d in fitting if d.meta["language"] == args.language]
    if not docs:
        print("judgement: skipped, the development corpus bodies are absent (fixtures/realnews/REBUILD.md)")
        return 0
    started = time.perf_counter()
    events = {d.id: d.event for d in docs}
    occasions = {d.id: d.meta.get("occasion") or d.event for d in docs}
    print(f"half {args.half}: {len(docs)} reports, {len(set(events.values()))} events, "
          f"{len({d.meta['outlet'] for d in docs})} outlets, "
          f"{sum(1 for d in docs if d.meta['language'] != 'en')} not in English")  # fmt: skip
    if not args.facts_only and not args.quotes_only:
        print(f"{'clusters':34} {'P':>6} {'R':>6} {'F1':>6} {'B3 F1':>6} {'occ F1':>6}")
        for with_meta in (False, True):
            kind = "metadata" if with_meta else "text only"
            threshold = fit_baseline(fitting, with_meta)
            for name, clusters in (
                (f"dedupe scan, {kind}", tool_clusters(docs, with_meta)),
                (f"baseline (t={threshold:.2f}), {kind}", baseline_clusters(docs, threshold, with_meta)),
            ):
                p, r, f = pairwise(clusters, events)
                print(f"{name:34} {p:6.3f} {r:6.3f} {f:6.3f} {bcubed(clusters, events):6.3f} "
                      f"{pairwise(clusters, occasions)[2]:6.3f}")  # fmt: skip
    if not args.facts_only:
        grouped, sets = quotation_sets(docs, corpus.quotes)
        print(f"quotation sets grouped: {grouped}/{sets} = {grouped / sets if sets else 0:.3f}")
        found, attributed, wrong, labelled = speakers(docs, corpus.quotes)
        if labelled:
            print(f"quotations found {found}/{labelled} = {found / labelled:.3f}; "
                  f"attributed as the outlet does {attributed / labelled:.3f}; "
                  f"misattributed {wrong / labelled:.3f}")  # fmt: skip
    if not args.facts_only and not args.quotes_only:
        right, total = relations(docs, corpus.pairs)
        print(f"pair relations right: {right}/{total} = {right / total if total else 0:.3f}")
    if not args.quotes_only:
        facts_report(docs, corpus.flags, args.verbose)
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
