"""The words a translation keeps: cognates and figures, for linking renderings across languages.

Two renderings in different languages share no lemmas, but a translation keeps figures
and cognates ("terrorists"/"terroristas"); ``links`` links two quotations by how many of
their sentences' cognate words agree (``cognate_agreement``).
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Indel

from dedupe.evidence.places import lookup_place
from dedupe.evidence.terms import SPACELESS, content_term

# Two renderings in different languages share no lemmas, but a translation keeps figures
# and cognates ("terrorists"/"terroristas", "nuclear"/"nucleares"). Two quotations in two
# languages are one statement when their speakers are the same person or body or one of
# them is unknown (a declaration's words are often quoted with no one named), their
# articles may share an event, a sentence of each has at least
# CROSS_LANGUAGE_MIN_COGNATES common words of 5+ letters with a cognate in the other
# (accents and doubled letters folded, Indel similarity ≥ COGNATE_MIN_SIMILARITY or one
# stem of COGNATE_STEM_LETTERS) making ≥ CROSS_LANGUAGE_MIN_SHARE of the longer sentence's,
# and each sentence is the other's best match in the other's article (a long quotation's
# sentences each find their own). Names and places do not count: they are the occasion's
# words, in every statement about it. Measured on the fit half of fixtures/realnews
# (tools/quote_misses.py's corpus, all languages): 9 cross-language links, 6 between
# members of one labelled set and 3 to an unlabelled rendering of the same statement,
# none between two statements; counting names, or the share of the shorter quotation,
# linked 5-8 pairs of two different statements of one speaker. Letting an unknown speaker
# in added 8 links there (each event audited alone), each to a quotation holding the
# statement; the stems and each sentence's own best match added 2 more, both right.
CROSS_LANGUAGE_MIN_COGNATES = 2
CROSS_LANGUAGE_MIN_SHARE = 1 / 3
COGNATE_MIN_SIMILARITY = 0.75
# Or they open on the same stem this long and differ in the ending a language gives it
# ("integrity" / "integridad", "responsibility" / "responsabilidad" share "integr", "respons").
COGNATE_STEM_LETTERS = 6
# The share of the shorter sentence's cognate words that will also do, by how many are
# matched (from the most): a long quotation and its shorter translation share few of the
# long one's. For two renderings both given to one named speaker (the same person, in reports
# that may share an event), three or more matched must make a third of the shorter's, two
# must make half; for any two, four or more must make half. On fixtures/realnews (fit and
# val, each event alone) these add 8 links, each between renderings of one statement (3 to
# 5 matched of 9-11 in the shorter, 2 of 3, or 4 of 8 with no speaker named on one side);
# two matched of five or six, one speaker, would add 6 more, 4 of them between different
# statements of that speaker.
SHORTER_SHARES = {
    True: ((3, 1 / 3), (CROSS_LANGUAGE_MIN_COGNATES, 1 / 2)),
    False: ((4, 1 / 2),),
}
# Cognates are looked up by their first letters: renderings sharing none are never compared.
COGNATE_KEY_LETTERS = 4
# A cognate key that many of one speaker's renderings hold ("russi" for Putin over a
# year of news) says nothing of which statement it is, and comparing all of them would grow
# as its square: keys held by more renderings than this are not looked up.
COGNATE_BUCKET_MAX = 64
_COGNATE_WORD = re.compile(r"[^\W\d_]{5,}|\d+(?:[.,]\d+)*")


def cognate_words(text: str, language: str) -> frozenset[str]:
    """The words a translation keeps recognisable: common content words of 5+ letters, accents
    and doubled letters folded ("sécurité" → "securite", "aggressor" → "agresor"), and figures."""
    if language in SPACELESS:
        return frozenset()  # no words without a segmenter (as in ``statements``)
    found = set()
    for match in _COGNATE_WORD.finditer(text):
        word, low = match.group(), match.group().lower()
        # Names and places are the occasion's words, in every statement about it: only
        # common words count, capitalised only where they open a sentence ("Terrorists …").
        opens = not text[: match.start()].strip() or text[: match.start()].rstrip()[-1] in ".!?"
        common = word[0].islower() or (opens and lookup_place(word) is None)
        if low[0].isdigit():
            found.add(low.replace(",", "."))
        elif common and content_term(low, language):
            folded = "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
            # Doubled letters are where spellings of one word part ("aggressor", "agresor").
            found.add(re.sub(r"(.)\1", r"\1", folded))
    return frozenset(found)


def cognate_agreement(a: frozenset[str], b: frozenset[str], one_speaker: bool = False) -> float:
    """How far two sentences in two languages agree: the share of the longer's cognate words
    matched, if enough are, else 0. The longer's share, so that a long sentence is not one
    statement with every short one that shares two of its words; many matched words, or
    sentences both given to one named speaker (``one_speaker``), may make the shorter's share
    instead (see SHORTER_SHARES)."""
    count = _cognates(a, b) if len(a) <= len(b) else _cognates(b, a)
    if count < CROSS_LANGUAGE_MIN_COGNATES:
        return 0.0
    shares = SHORTER_SHARES[one_speaker]
    shorter = next((share for fewest, share in shares if count >= fewest), None)
    if count >= CROSS_LANGUAGE_MIN_SHARE * max(len(a), len(b)) or (
        shorter is not None and count >= shorter * min(len(a), len(b))
    ):
        return count / max(len(a), len(b))
    return 0.0


def _cognates(small: frozenset[str], large: frozenset[str]) -> int:
    """Count words of ``small`` with a distinct cognate in ``large`` (figures must be equal)."""
    left = set(large)
    count = 0
    for word in sorted(small):
        if word in left:
            left.discard(word)
            count += 1
            continue
        if word[0].isdigit():
            continue
        match = max(
            (w for w in left if not w[0].isdigit()),
            key=lambda w: (Indel.normalized_similarity(word, w), w),
            default=None,
        )
        if match is not None and Indel.normalized_similarity(word, match) >= COGNATE_MIN_SIMILARITY:
            left.discard(match)
            count += 1
            continue
        stem = word[:COGNATE_STEM_LETTERS]
        match = min(
            (w for w in left if len(stem) == COGNATE_STEM_LETTERS and w.startswith(stem)), default=None
        )
        if match is not None:
            left.discard(match)
            count += 1
    return count
