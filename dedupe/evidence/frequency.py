"""How common an English word is, on wordfreq's Zipf scale, answered from a cached index.

The Zipf scale is log10 of uses per billion words ("the" 7.7, "China" 5.1, "Nanping" 0).
wordfreq takes 0.2 s before its first answer (import, then a dict of 321,000 words), half
of what ``dedupe compare`` may take, so ``zipf`` asks it once per wordfreq version for an
index in the user's cache ($DEDUPE_CACHE_DIR, else $XDG_CACHE_HOME/dedupe or
~/.cache/dedupe) and then bisects that file: 2 ms to read, 3 µs a word. The index is made
on the user's machine from their wordfreq, never shipped, as wordfreq's data is CC BY-SA
4.0; if the cache cannot be written it lives in memory. Words that wordfreq tokenises in
less plain ways (digits, apostrophes, scripts beyond Latin, Greek, Cyrillic) go to
wordfreq itself.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

ZIPF_CACHE_ENV = "DEDUPE_CACHE_DIR"


# wordfreq's answer for a word it has not seen: once per billion words, Zipf 0.
_UNSEEN_FREQUENCY = 1e-9


# The Zipf scale is log10 of uses per billion words: log10 of a frequency plus this.
_ZIPF_OFFSET = 9


# wordfreq rounds a frequency to this many significant digits, then a Zipf value to this
# many decimals; ``zipf`` copies both so that it answers exactly as wordfreq does.
_SIGNIFICANT_DIGITS = 3
_ZIPF_DECIMALS = 2


# Distinct words whose answers ``zipf`` keeps in memory (least recently asked go first):
# an article asks a few hundred, mostly words every article asks; a full memo is a few MB.
_REMEMBERED_WORDS = 65536


# Latin, Greek and Cyrillic: scripts whose letters wordfreq's tokenizer never splits.
_PLAIN_SCRIPTS = re.compile(r"[\u0000-\u024f\u0370-\u04ff]+")


_INDEX_VERSION = 1


_INDEX_MAGIC = f"dedupe zipf {_INDEX_VERSION}\n".encode().ljust(16, b"\0")  # 16 bytes keep the floats aligned


# Sizes in the index file of its three number types (array codes "Q", "d" and "I").
_COUNT_BYTES = 8  # the word count, a uint64
_FREQUENCY_BYTES = 8  # a frequency, a float64
_OFFSET_BYTES = 4  # a word's offset, a uint32 (an index stays far below 4 GB)


_INDEX_HEADER = len(_INDEX_MAGIC) + _COUNT_BYTES  # the magic, then the word count


# One word kept per this many in a list (10,000 words, 1.5 ms to make): bisecting that in
# C first leaves five steps of the slower bisect over the file's words, not eighteen.
_FENCE_WORDS = 32


@lru_cache(maxsize=_REMEMBERED_WORDS)
def zipf(word: str) -> float:
    """Return how common ``word`` (or a phrase) is in English, on the Zipf scale, as wordfreq says."""
    tokens = _plain_tokens(word)
    if tokens is None:
        from wordfreq import zipf_frequency

        return float(zipf_frequency(word, "en"))
    frequency = _UNSEEN_FREQUENCY
    found = [_zipf_index().frequency(token) for token in tokens]
    if found and all(found):  # the rest mirrors wordfreq.word_frequency's arithmetic and rounding
        inverse = 0.0
        for part in found:
            inverse += 1.0 / part
        frequency = max(1.0 / inverse, _UNSEEN_FREQUENCY)
        frequency = round(frequency, math.floor(-math.log(frequency, 10)) + _SIGNIFICANT_DIGITS)
    return round(math.log(frequency, 10) + _ZIPF_OFFSET, _ZIPF_DECIMALS)


def _plain_tokens(word: str) -> list[str] | None:
    """Split ``word`` as wordfreq's English tokenizer does, or None where its rules are not this simple."""
    # wordfreq NFC-normalises, casefolds and splits at word boundaries: letters of these scripts have none.
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", word).casefold())
    tokens = [token.casefold() for token in text.split(" ")] if text else []
    return tokens if all(t.isalpha() and _PLAIN_SCRIPTS.fullmatch(t) for t in tokens) else None


@dataclass(frozen=True, slots=True)
class _ZipfIndex:
    """An index file: a header, a float64 frequency per word, uint32 word offsets, the sorted UTF-8 words."""

    data: bytes
    frequencies: memoryview[float]
    offsets: memoryview[int]  # one more than the words: where each starts in ``data``, then the end
    fences: tuple[bytes, ...]  # every ``_FENCE_WORDS``-th word

    @classmethod
    def parse(cls, data: bytes) -> _ZipfIndex:
        """Return the index ``data`` holds; ValueError if it is not a whole index file."""
        if not data.startswith(_INDEX_MAGIC) or len(data) < _INDEX_HEADER:
            raise ValueError("not a zipf index")
        view = memoryview(data)
        count = view[len(_INDEX_MAGIC) : _INDEX_HEADER].cast("Q")[0]
        words = _words_start(count)
        if len(data) < words or view[words - _OFFSET_BYTES : words].cast("I")[0] != len(data):
            raise ValueError("not a whole zipf index")
        offsets = view[_INDEX_HEADER + _FREQUENCY_BYTES * count : words].cast("I")
        fences = tuple([data[offsets[at] : offsets[at + 1]] for at in range(0, count, _FENCE_WORDS)])
        return cls(
            data, view[_INDEX_HEADER : _INDEX_HEADER + _FREQUENCY_BYTES * count].cast("d"), offsets, fences
        )

    def frequency(self, word: str) -> float:
        """Return the word's frequency, or 0.0 if wordfreq has not seen it."""
        key = word.encode()
        low = max(0, (bisect_right(self.fences, key) - 1) * _FENCE_WORDS)
        high = min(low + _FENCE_WORDS, len(self.frequencies))
        at = bisect_left(range(len(self.frequencies)), key, low, high, key=self._word)
        found = at < len(self.frequencies) and self._word(at) == key
        return float(self.frequencies[at]) if found else 0.0

    def _word(self, at: int) -> bytes:
        return self.data[self.offsets[at] : self.offsets[at + 1]]


def _words_start(count: int) -> int:
    """Where the words of an index of ``count`` words start: after the header, frequencies and offsets."""
    return _INDEX_HEADER + _FREQUENCY_BYTES * count + _OFFSET_BYTES * (count + 1)


def _build_index() -> bytes:
    """Return wordfreq's English frequencies as an index file (0.6 s, once per wordfreq version)."""
    from wordfreq import get_frequency_dict

    entries = sorted((w.encode("utf-8", "surrogatepass"), f) for w, f in get_frequency_dict("en").items())
    start = _words_start(len(entries))
    offsets = array("I", accumulate((len(w) for w, _ in entries), initial=start))
    header = _INDEX_MAGIC + array("Q", [len(entries)]).tobytes()
    frequencies = array("d", [f for _, f in entries])
    return header + frequencies.tobytes() + offsets.tobytes() + b"".join(w for w, _ in entries)


@lru_cache(maxsize=1)
def _zipf_index() -> _ZipfIndex:
    from importlib.metadata import version

    cache_home = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    name = f"wordfreq-{version('wordfreq')}-en.zipf-v{_INDEX_VERSION}"
    path = Path(os.environ.get(ZIPF_CACHE_ENV) or Path(cache_home, "dedupe"), name)
    with suppress(OSError, ValueError):
        return _ZipfIndex.parse(path.read_bytes())
    data = _build_index()
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        temporary.replace(path)  # atomic: a process reading at the same time sees all or nothing
    except OSError:  # a read-only cache: this process keeps its index in memory
        with suppress(OSError):
            temporary.unlink()
    return _ZipfIndex.parse(data)
