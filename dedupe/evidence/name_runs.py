"""Read one capitalised run of words: a person, an organisation, a place, or a word to decide later.

``mentions`` finds the runs and merges each person's spellings; this splits a run at its
title word ("Russian Security Council Secretary Nikolai Patrushev") and tells people from
places and bodies by the gazetteer and word frequencies.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from dedupe.evidence import frequency, lexicon
from dedupe.evidence.places import lookup_place
from dedupe.models import Token

# A word more common than this is not part of a person's name ("Year of Sports Exchange").
PERSON_MAX_ZIPF = 5.0
# Names made only of words at least this common ("Grace Park") need a clue such as a
# title or "said" to count as a person; rarer ones ("Guo Shengkun") need none.
NAME_CLUE_ZIPF = 4.0
# A gazetteer look-up bisects its rows; two in three are repeats, within an article or
# across a corpus, so a memo saves a tenth of ``extract_entities``.
cached_place = lru_cache(maxsize=1 << 16)(lookup_place)


class Candidate(NamedTuple):
    """A run's reading before people are merged: a tuple, made in half a frozen dataclass's time."""

    kind: str
    tokens: tuple[Token, ...]
    clue: bool = False
    located: bool = False


def classify_run(text: str, sentence: list[Token], chunk: list[Token]) -> list[Candidate]:
    """Split a capitalised run into people, organisations, places and unresolved words."""
    words = lexicon.bases(chunk)
    title = lexicon.last_title(words)
    if title is not None:
        prefix = chunk[: title + 1]
        while prefix and lexicon.base(prefix[-1]) in lexicon.TITLES:
            prefix.pop()
        out = classify_run(text, sentence, prefix) if lexicon.has_org_word(lexicon.bases(prefix)) else []
        name = chunk[title + 1 :]
        kind = "person" if len(name) > 1 else "single"
        return [*out, Candidate(kind, tuple(name), clue=True)]
    if lexicon.has_org_word(words):
        return [Candidate("organization", tuple(_strip_leading(chunk, lexicon.CONNECTORS)))]
    if lexicon.acronym(text, chunk[0]):
        place = cached_place(words[0])
        head = Candidate("place" if place else "organization", (chunk[0],))
        return [head, *(classify_run(text, sentence, chunk[1:]) if len(chunk) > 1 else [])]
    if len(chunk) == 1 and chunk[0].text not in lexicon.CONNECTORS:
        return _part(text, sentence, chunk)  # most runs: one word, nothing to split or strip
    out = []
    for part in lexicon.split_at_connectors(chunk):
        if len(part) < len(chunk) and lexicon.last_title(lexicon.bases(part)) is not None:
            out.extend(classify_run(text, sentence, part))  # "Port Mayor Velde | of | Tarn"
        else:
            out.extend(_part(text, sentence, _strip_leading(part, lexicon.DEMONYMS)))
    return out


def _part(text: str, sentence: list[Token], part: list[Token]) -> list[Candidate]:
    if not part:
        return []
    at = lexicon.position(sentence, part[0])  # a part is a run of the sentence's tokens
    located = lexicon.located_at(sentence, at)
    phrase = normalised_phrase(part)
    common = len(part) == 1 and frequency.zipf(phrase) >= lexicon.COMMON_PLACE_ZIPF
    if cached_place(phrase, located=located, common=common) is not None:
        return [Candidate("place", tuple(part), located=located)]
    clue = lexicon.name_clue_at(sentence, at, at + len(part) - 1)
    if len(part) == 1:
        return [Candidate("single", tuple(part), clue=clue, located=located)]
    if _person_like(text, part, clue):
        return [Candidate("person", tuple(part), clue=clue)]
    places = (cached_place(lexicon.base(t), common=True) for t in part)
    return [Candidate("place", (t,)) for t, p in zip(part, places, strict=True) if p is not None]


def _person_like(text: str, part: list[Token], clue: bool) -> bool:
    words = lexicon.bases(part)
    if any(t.end - t.start > 1 and not any(ch.islower() for ch in text[t.start : t.end]) for t in part):
        return False  # words in capitals are a headline's or a body's ("TALKS END"), not a person's
    if len(words) > lexicon.NAME_MAX_WORDS or any(
        not w.isalpha() or lexicon.is_org_word(w) or w in lexicon.DEMONYMS for w in words
    ):
        return False
    if any(cached_place(w, common=True) is not None for w in words):
        return False
    frequencies = [frequency.zipf(w) for w in words]
    return max(frequencies) < PERSON_MAX_ZIPF and (clue or min(frequencies) < NAME_CLUE_ZIPF)


def _strip_leading(tokens: list[Token], words: frozenset[str]) -> list[Token]:
    start = 0
    while start < len(tokens) - 1 and lexicon.base(tokens[start]) in words:
        start += 1
    return tokens[start:]


def normalised_phrase(tokens: Sequence[Token]) -> str:
    """Return the normalised words, for gazetteer and frequency look-ups."""
    return " ".join(lexicon.bases(tokens))
