"""Measure what two reports share about their event: the features the event model weighs.

``cheap_features`` needs only each article's analysed features (terms, entities, event
profile), so a scan can score every pair of a candidate component with it;
``pair_features`` adds what the full comparison found (quotations, shared passages).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from dedupe.evidence.date_mentions import days_apart, find_date_refs
from dedupe.evidence.foreign_dates import find_foreign_month_days
from dedupe.evidence.overlap import EntityOverlap, EventCheck, entity_overlap, event_compatibility
from dedupe.evidence.script_dates import find_script_date_refs
from dedupe.evidence.terms import cosine, rare_shared
from dedupe.pair.event_model import publication_features

if TYPE_CHECKING:
    from dedupe.models import Article
    from dedupe.pair.compare import ArticleFeatures

MID_MONTH = 15
# Event dates this far apart are two occasions, not one reported loosely: a month is beyond
# any two-day meeting, late report or postponed launch in the development corpus.
APART_DAYS = 30
DAYS_IN_YEAR = 365
# A figure this small ("two countries", "3 days") is too common to tie two reports together.
DISTINCTIVE_NUMBER = 12
# A year as any script writes it ("in 2023", "2023年", "2023 г."): four digits from 1950 to
# 2049 standing alone, a span wide enough for background years and near enough to leave out
# most counts ("3000 people").
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20[0-4]\d)(?!\d)")
# Date mentions that name a day of a month ("September 13", "13 septembre 2023", "9月13日").
_DAY_KINDS = frozenset({"full", "month_day"})


def cheap_features(
    fa: ArticleFeatures,
    fb: ArticleFeatures,
    overlap: EntityOverlap | None = None,
    check: EventCheck | None = None,
) -> dict[str, float]:
    """Return the features computable from the two articles alone (no alignment, no quotations)."""
    overlap = overlap or entity_overlap(fa.entities, fb.entities)
    check = check or event_compatibility(fa.profile, fb.profile)
    a, b = fa.article, fb.article
    found = {
        "terms_cosine": cosine(fa.terms, fb.terms),
        "rare_terms": math.log1p(rare_shared(fa.terms, fb.terms, a.language, b.language)),
        "names": overlap.score,
        "name_words": _jaccard(fa.name_words, fb.name_words),
        "people_shared": math.log1p(sum(1 for s in overlap.shared if s.kind == "person")),
        "numbers_shared": math.log1p(len(_numbers(fa) & _numbers(fb))),
        "dates_agree": 1.0 if check.dates_compatible else 0.0,
        "dates_conflict": 1.0 if check.dates_compatible is False else 0.0,
        "date_gap": _date_gap(fa, fb),
        "places_agree": 1.0 if check.places_compatible else 0.0,
        "places_conflict": 1.0 if check.places_compatible is False else 0.0,
        "title_cosine": cosine(fa.title_terms, fb.title_terms),
        "languages_differ": 1.0 if a.language != b.language else 0.0,
        "years_differ": _years_differ(fa.main_year, fb.main_year),
        "days_shared": math.log1p(len(fa.days_named & fb.days_named)),
        "days_disjoint": _disjoint(fa.days_named, fb.days_named),
    }
    found.update(publication_features(a.published, b.published))
    return found


def pair_features(
    fa: ArticleFeatures,
    fb: ArticleFeatures,
    *,
    overlap: EntityOverlap,
    check: EventCheck,
    full_quotes: int,
    fragment_quotes: int,
    coverage: float,
) -> dict[str, float]:
    """Return every feature of the pair, given what the full comparison found."""
    found = cheap_features(fa, fb, overlap, check)
    found["quotations"] = math.log1p(full_quotes + 0.5 * fragment_quotes)
    found["shared_text"] = coverage
    return found


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _numbers(features: ArticleFeatures) -> set[str]:
    """The keys of the distinctive figures an article states ("2,100 people", "7.8 magnitude")."""
    return {
        e.key
        for e in features.entities
        if e.kind == "number" and e.quantity is not None and abs(e.quantity.value) > DISTINCTIVE_NUMBER
    }


def main_year(article: Article) -> int | None:
    """The year a report's body names most often (the latest of a tie), None if it names none.

    Reports in any language write the year of their occasion in digits and name it more
    often than background years: two reports naming different years most are of two
    occasions (the same officials' talks a year later), whatever else they share."""
    text = article.text
    counts = Counter(int(y) for s in article.body_spans for y in _YEAR.findall(text, s.start, s.end))
    return max(counts, key=lambda year: (counts[year], year)) if counts else None


def days_named(article: Article) -> frozenset[tuple[int, int]]:
    """The days of a month (month, day) a report's body names, in English, the European languages
    read, Chinese, Japanese, Korean, Arabic or Persian.

    Reports of one occasion in any two languages name its day ("September 13", "13 septembre",
    "9月13日"); reports of the next meeting of the same people name another."""
    text, spans = article.text, article.body_spans
    refs = [
        ref
        for span in spans
        for ref in (
            *find_date_refs(text, span.start, span.end),
            *find_foreign_month_days(text, span.start, span.end),
        )
    ]
    # The script finder reads the whole text at each call: once, keeping what the body holds.
    starts = [span.start for span in spans]
    for ref in find_script_date_refs(text):
        at = bisect_right(starts, ref.span.start) - 1
        if ref.kind in _DAY_KINDS and at >= 0 and ref.span.start < spans[at].end:
            refs.append(ref)
    found = {
        (r.value.month, r.value.day) for r in refs if r.kind in _DAY_KINDS and r.value.month and r.value.day
    }
    return frozenset(found)


def _disjoint(a: frozenset[tuple[int, int]], b: frozenset[tuple[int, int]]) -> float:
    """1 when both reports name days and none is the same; 0 when one shares or either names none."""
    return 1.0 if a and b and not a & b else 0.0


def _years_differ(a: int | None, b: int | None) -> float:
    """1 when both reports name a year most and those differ; 0 when they agree or either names none."""
    return 1.0 if a is not None and b is not None and a != b else 0.0


def _date_gap(fa: ArticleFeatures, fb: ArticleFeatures) -> float:
    """How far apart the two reports' event dates are, 0 (same day) to 1 (a year or more), when
    both state year and month (a missing day counts as mid-month); 0 when either does not."""
    if not fa.profile.dates or not fb.profile.dates:
        return 0.0
    a, b = fa.profile.dates[0].date, fb.profile.dates[0].date
    if a is None or b is None or None in (a.year, a.month, b.year, b.month):
        return 0.0
    first = date(a.year, a.month, a.day or MID_MONTH)  # type: ignore[arg-type]
    second = date(b.year, b.month, b.day or MID_MONTH)  # type: ignore[arg-type]
    return min(1.0, math.log1p(abs((first - second).days)) / math.log1p(DAYS_IN_YEAR))


def dates_far_apart(fa: ArticleFeatures, fb: ArticleFeatures) -> bool:
    """True when both reports date their event, or were both published, at least ``APART_DAYS``
    apart: one occasion cannot have both dates, whatever else the reports share."""
    published = fa.article.published, fb.article.published
    if (
        published[0] is not None
        and published[1] is not None
        and abs((published[0] - published[1]).days) >= APART_DAYS
    ):
        return True
    if not fa.profile.dates or not fb.profile.dates:
        return False
    a, b = fa.profile.dates[0].date, fb.profile.dates[0].date
    if a is None or b is None:
        return False
    gap = days_apart(a, b)
    return gap is not None and gap >= APART_DAYS
