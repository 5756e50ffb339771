"""Content terms of an article: its lemmatised words weighted by how rare they are.

Independent reports of one event share little wording but much vocabulary: the
occasion's own nouns and verbs ("earthquake", "aftershock", "Hualien", "consultations").
A term's weight is its rarity in the language at large (wordfreq's Zipf scale: a word
used once per million words weighs far more than "said") times a damped count, so two
reports' vectors meet on what is specific to their story. Words are lemmatised with
simplemma so that "meets", "met" and "meeting" or "reunión"/"reuniones" count as one.

Weights use only the language's general frequencies, never the corpus at hand, so
``dedupe compare`` and ``dedupe scan`` give one pair the same figure.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from dedupe.evidence.frequency import zipf
from dedupe.evidence.names import part_key
from dedupe.models import Article

# Zipf at or above which a word carries no topic (the, said, also: 6-7.7); rarer words
# weigh ZIPF_CEILING - zipf, so a word wordfreq never saw weighs ZIPF_CEILING.
ZIPF_CEILING = 6.0
# Words of three letters or more: shorter ones are mostly particles, units and initials,
# which names and numbers cover.
_WORDS = re.compile(r"[^\W\d_]{3,}")
# Title words count this many times: a headline names the story in a few words.
TITLE_BOOST = 2
# A term this rare (Zipf below) is specific enough to be a story's own ("Hualien", "Tunxi").
RARE_ZIPF = 3.0

_LEMMA_LANGUAGES = frozenset(
    "bg ca cs cy da de el en es et fa fi fr ga gd gl gv hu hy id is it ka la lb lt lv mk ms nb nl nn pl pt "
    "ro ru se sk sl sq sr sv sw tl tr uk".split()
)

SPACELESS = frozenset("zh ja ko th lo km my bo".split())

REMEMBERED_WORDS = 1 << 18
"""Distinct words whose lemma, Zipf value and name key are each remembered (262,144): more
than a scan's vocabulary, whose words recur from article to article, at a few tens of MB."""

TermVector = Mapping[str, float]
"""Lemma to weight, L2-normalised: the dot product of two is their cosine."""


def term_vector(text: str, language: str, title: str | None = None) -> dict[str, float]:
    """Return the content terms of ``text`` (and ``title``) with rarity-weighted, L2-normalised weights.

    Languages written without spaces between words (Chinese, Japanese, Thai…) give no
    terms: splitting them needs a segmenter, and their names and figures still count.
    """
    if language in SPACELESS:
        return {}
    counts: Counter[str] = Counter()
    for word in _WORDS.findall(text.lower()):
        term = _term(word, language)
        if term:
            counts[term] += 1
    for word in _WORDS.findall(title.lower()) if title else ():
        term = _term(word, language)
        if term:
            counts[term] += TITLE_BOOST
    raw = {term: (1.0 + math.log(n)) * rarity(term, language) for term, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in raw.values()))
    return {term: w / norm for term, w in raw.items() if w > 0} if norm else {}


def cosine(a: TermVector, b: TermVector) -> float:
    """Return the cosine of two term vectors (both L2-normalised), in [0, 1]."""
    if len(a) > len(b):
        a, b = b, a
    return min(1.0, sum(w * b[t] for t, w in a.items() if t in b))


def rare_shared(a: TermVector, b: TermVector, language_a: str, language_b: str) -> int:
    """Count the rare terms (Zipf below ``RARE_ZIPF``) both vectors hold."""
    if len(a) > len(b):
        a, b, language_a = b, a, language_b
    return sum(1 for t in a if t in b and _zipf(t, language_a) < RARE_ZIPF)


def top_terms(vector: TermVector, count: int) -> list[str]:
    """Return the ``count`` heaviest terms, heaviest first (ties by term, for stable output)."""
    return sorted(vector, key=lambda t: (-vector[t], t))[:count]


def rarity(term: str, language: str) -> float:
    """Return how much ``term`` says about a story: ``ZIPF_CEILING`` minus its Zipf frequency, at least 0."""
    return max(0.0, ZIPF_CEILING - _zipf(term, language))


def content_term(word: str, language: str) -> str | None:
    """Return the lemma of the lower-cased ``word`` if it is a content word, else None."""
    return _term(word, language)


@lru_cache(maxsize=REMEMBERED_WORDS)
def _term(word: str, language: str) -> str | None:
    """Return the lemma of ``word`` if it is a content word, else None."""
    lemma = _lemma(word, language)
    if _zipf(lemma, language) >= ZIPF_CEILING:
        return None
    return lemma


def _lemma(word: str, language: str) -> str:
    if language not in _LEMMA_LANGUAGES:
        return word
    from simplemma import lemmatize

    return str(lemmatize(word, lang=language)).lower()


@lru_cache(maxsize=REMEMBERED_WORDS)
def _zipf(word: str, language: str) -> float:
    if language in ("en", "und"):
        return zipf(word)
    from wordfreq import available_languages, zipf_frequency

    if language not in available_languages():
        return 0.0
    return float(zipf_frequency(word, language))


# A capitalised word right after a lower-case word, digit or comma: a name, not a sentence opening.
# Cased scripts only (Latin with its accents, Greek, Cyrillic): a caseless script (Chinese,
# Arabic) marks no names by capitals. The look-behind follows the capital (it re-checks it)
# so that the search skips ahead to capitals: twice as fast as looking behind first.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩА-ЯЁ"
_LOWER = "a-zß-öø-ÿā-žα-ωа-яё"
_CAPITALISED = re.compile(rf"[{_UPPER}](?<=[{_LOWER}0-9,;’'] [{_UPPER}])[{_LOWER}]+(?:['’][{_LOWER}]+)?")
_NOT_NAMES = frozenset(
    part_key(word)
    for word in (
        "The A An In On At Of For To And But Or If As By With From After Before When While This That These "
        "Those He She It They We I You His Her Their Its Our Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday "
        "Friday Saturday Sunday January February March April May June July August September October November "
        "December"
    ).split()
)


def name_terms(article: Article) -> list[str]:
    """Return the folded capitalised words of an article's body that do not open a sentence."""
    terms: list[str] = []
    for span in article.body_spans:
        for word in _CAPITALISED.findall(article.text, span.start, span.end):
            key = _term_key(word)
            if key and key not in _NOT_NAMES:
                terms.append(key)
    return terms


@lru_cache(maxsize=REMEMBERED_WORDS)
def _term_key(word: str) -> str:
    return part_key(word)
