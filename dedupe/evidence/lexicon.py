"""Word lists and token tests that entity rules share: titles, demonyms, organisation words.

Also the one place that asks how common an English word is, on wordfreq's Zipf scale
(log10 of uses per billion words; "the" 7.7, "China" 5.1, "Nanping" 0). wordfreq takes
0.2 s before its first answer (import, then a dict of 321,000 words), half of what
``dedupe compare`` may take, so ``zipf`` asks it once per wordfreq version for an index
in the user's cache ($DEDUPE_CACHE_DIR, else $XDG_CACHE_HOME/dedupe or ~/.cache/dedupe)
and then bisects that file: 2 ms to read, 3 µs a word. The index is made on the user's
machine from their wordfreq, never shipped, as wordfreq's data is CC BY-SA 4.0; if the
cache cannot be written it lives in memory. Words that wordfreq tokenises in less plain
ways (digits, apostrophes, scripts beyond Latin, Greek, Cyrillic) go to wordfreq itself.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter
from pathlib import Path

from dedupe.models import Token

# A single capitalised word this common ("Most", "Nice") is a place only where the text
# puts it as a location.
COMMON_PLACE_ZIPF = 4.5

TITLES = frozenset(
    "president secretary councilor councillor member minister premier chairman chairwoman mayor governor "
    "ambassador envoy spokesman spokeswoman spokesperson chancellor king queen prince princess pope senator "
    "mr mrs ms dr prof sir gen col lt capt adm sgt commander general judge director chief".split()
)
DEMONYMS = frozenset(
    "russian chinese american british french german ukrainian indian japanese korean iranian israeli "
    "palestinian turkish syrian iraqi afghan pakistani uzbek kazakh belarusian polish italian spanish "
    "canadian australian brazilian mexican egyptian saudi emirati qatari taiwanese vietnamese thai "
    "indonesian filipino malaysian european african asian western eastern soviet finnish estonian swedish "
    "norwegian danish dutch belgian austrian swiss greek hungarian czech romanian serbian georgian "
    "armenian bangladeshi nepali nigerian kenyan ethiopian".split()
)
ORG_WORDS = frozenset(
    "council party organization organisation committee ministry bureau politburo agency union nations "
    "assembly parliament congress court bank army navy forces police department office government kremlin "
    "commission structure institute university company corporation corp inc group news times post press "
    "fund alliance coalition movement service services guard tribunal federation association authority "
    "xinhua tass reuters sputnik interfax afp bloomberg".split()
)
CONNECTORS = frozenset("of the de da del al bin van von der du la".split())
LOCATIVES = frozenset("in at near to from outside inside".split())
_LOCATIVE_NOUNS = frozenset("city town village capital province region port".split())
SPEECH_VERBS = frozenset("said says told added noted stressed stated warned asked replied".split())
DESCRIPTORS = TITLES | frozenset(
    "counterpart official officials leader ally head colleague deputy by spokesperson representative".split()
)
_MONTHS_AND_DAYS = frozenset(
    "january february march april may june july august september october november december monday "
    "tuesday wednesday thursday friday saturday sunday".split()
)
# A headline in title case capitalises every word of this length or more ("Russia
# Seeks To Expand Ties"); a caption with lowercase verbs ("meets with") is prose.
_TITLE_CASE_LONG_WORD = 4
_TITLE_CASE_MIN_WORDS = 4
_INITIALS_MIN_WORDS = 3
_JOINING_GAPS = frozenset(("", " ", "\u00a0", "\u202f", "-"))
_START = attrgetter("start")
ZIPF_CACHE_ENV = "DEDUPE_CACHE_DIR"
# wordfreq's answer for a word it has not seen: once per billion words, Zipf 0.
_UNSEEN_FREQUENCY = 1e-9
# Latin, Greek and Cyrillic: scripts whose letters wordfreq's tokenizer never splits.
_PLAIN_SCRIPTS = re.compile(r"[\u0000-\u024f\u0370-\u04ff]+")
_INDEX_VERSION = 1
_INDEX_MAGIC = f"dedupe zipf {_INDEX_VERSION}\n".encode().ljust(16, b"\0")  # 16 bytes keep the floats aligned
_INDEX_HEADER = len(_INDEX_MAGIC) + 8  # the magic, then the word count as a uint64
# One word kept per this many in a list (10,000 words, 1.5 ms to make): bisecting that in
# C first leaves five steps of the slower bisect over the file's words, not eighteen.
_FENCE_WORDS = 32


@lru_cache(maxsize=65536)
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
        frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


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
        words = _INDEX_HEADER + 8 * count + 4 * (count + 1)
        if len(data) < words or view[words - 4 : words].cast("I")[0] != len(data):
            raise ValueError("not a whole zipf index")
        offsets = view[_INDEX_HEADER + 8 * count : words].cast("I")
        fences = tuple([data[offsets[at] : offsets[at + 1]] for at in range(0, count, _FENCE_WORDS)])
        return cls(data, view[_INDEX_HEADER : _INDEX_HEADER + 8 * count].cast("d"), offsets, fences)

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


def _build_index() -> bytes:
    """Return wordfreq's English frequencies as an index file (0.6 s, once per wordfreq version)."""
    from wordfreq import get_frequency_dict

    entries = sorted((w.encode("utf-8", "surrogatepass"), f) for w, f in get_frequency_dict("en").items())
    start = _INDEX_HEADER + 8 * len(entries) + 4 * (len(entries) + 1)
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


def base(token: Token) -> str:
    """Return a token's normalised word without a possessive "'s"."""
    return token.text.removesuffix("'s")


def bases(tokens: Iterable[Token]) -> list[str]:
    """Return ``base`` of each token."""
    return list(map(base, tokens))


def capitalised(text: str, token: Token) -> bool:
    """True if the token is written with a capital first letter (a month or weekday is not)."""
    return capitals(text, (token,))[0]


def capitals(text: str, sentence: Sequence[Token]) -> list[bool]:
    """Return ``capitalised`` of each token, in one pass: the entity rules ask it of every word."""
    return [text[t.start].isupper() and base(t) not in _MONTHS_AND_DAYS for t in sentence]


def acronym(text: str, token: Token) -> bool:
    """True for "SCO", "BRICS", "G7": two to five capitals, or capitals and digits."""
    if not 2 <= token.end - token.start <= 5:
        return False
    written = text[token.start : token.end]
    letters = [ch for ch in written if ch.isalpha()]
    return (
        len(letters) >= 1
        and all(ch.isupper() for ch in letters)
        and (len(letters) >= 2 or any(ch.isdigit() for ch in written))
    )


def end_without_possessive(text: str, token: Token) -> int:
    """Return where the token ends, before a possessive "'s" if it has one."""
    return token.end - 2 if token.text.endswith("'s") else token.end


def written(text: str, tokens: Sequence[Token]) -> str:
    """Return the words as the article writes them, spaces tidied, possessive dropped."""
    return " ".join(text[tokens[0].start : end_without_possessive(text, tokens[-1])].split())


@lru_cache(maxsize=4096)  # organisations recur within an article and across a corpus
def initials(name: str) -> str:
    """Return the key an organisation shares with its acronym ("Shanghai Cooperation Organization" → SCO).

    Names of one or two words keep their words: the initials of "UrduPoint News" and
    "United Nations" would both be UN.
    """
    words = [
        w for w in re.findall(r"[^\W_]+", name) if w.casefold() not in CONNECTORS and w.casefold() != "and"
    ]
    if len(words) < _INITIALS_MIN_WORDS:
        return " ".join(words).upper()
    return "".join(w[0].upper() for w in words)


def has_org_word(words: Iterable[str]) -> bool:
    """True if any of the words marks an organisation's name."""
    return not ORG_WORDS.isdisjoint(words)


def is_org_word(word: str) -> bool:
    """True if the word marks an organisation's name ("Council", "Party", "Kremlin")."""
    return word in ORG_WORDS


def chunks(
    text: str, sentence: Sequence[Token], caps: Sequence[bool] | None = None
) -> Iterator[tuple[list[Token], bool]]:
    """Yield runs of capitalised words (with "of"/"the" inside), and whether each opens the sentence.

    A run breaks at punctuation and after a possessive. In a headline in title case every
    word is its own run and counts as opening it, so each must show it is a name.
    ``caps`` is ``capitals(text, sentence)`` if already computed.
    """
    flags = capitals(text, sentence) if caps is None else caps
    i = _next_capital(flags, 0)
    if i == len(sentence):
        return
    title_case = _title_case(text, sentence)
    while i < len(sentence):
        j = i + 1
        while not title_case and j < len(sentence):
            if not flags[j] and sentence[j].text not in CONNECTORS:
                break  # the usual end of a run, told before the costlier look at the gap
            if not _joined(text, sentence[j - 1], sentence[j]):
                break
            if flags[j]:
                j += 1
                continue
            k = j
            while k < len(sentence) and sentence[k].text in CONNECTORS and k - j < 2:
                k += 1
            if (
                k == j
                or k >= len(sentence)
                or not flags[k]
                or not _joined(text, sentence[k - 1], sentence[k])
            ):
                break
            j = k + 1
        yield list(sentence[i:j]), i == 0 or title_case
        i = _next_capital(flags, j)


def _next_capital(flags: Sequence[bool], start: int) -> int:
    """Return the index of the first capitalised word from ``start`` on, or the sentence's length."""
    try:
        return flags.index(True, start)
    except ValueError:
        return len(flags)


def _title_case(text: str, sentence: Sequence[Token]) -> bool:
    """True for a headline in title case: enough words, every long one capitalised."""
    words = 0
    for token in sentence:
        if token.text.isalpha():
            if len(token.text) >= _TITLE_CASE_LONG_WORD and not text[token.start].isupper():
                return False
            words += 1
    return words >= _TITLE_CASE_MIN_WORDS


def _joined(text: str, left: Token, right: Token) -> bool:
    return not left.text.endswith("'s") and text[left.end : right.start] in _JOINING_GAPS


def last_title(words: Sequence[str]) -> int | None:
    """Return the index of the title word a person's name follows in a run, if any."""
    if TITLES.isdisjoint(words):
        return None
    for k in range(len(words) - 2, -1, -1):
        after = words[k + 1 :]
        if words[k] in TITLES and not any(w in TITLES or is_org_word(w) or w in CONNECTORS for w in after):
            return k
    return None


def split_at_connectors(chunk: list[Token]) -> list[list[Token]]:
    """Split a run at "of"/"the": "Xinjiang Uyghur Autonomous Region of China" → two places."""
    parts: list[list[Token]] = [[]]
    for token in chunk:
        if token.text in CONNECTORS:
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if p]


def position(sentence: Sequence[Token], token: Token) -> int:
    """Return where the token stands in the sentence (tokens in text order); ValueError if it is not there."""
    at = bisect_left(sentence, token.start, key=_START)
    if at < len(sentence) and sentence[at].start == token.start:
        return at
    raise ValueError("the token is not in the sentence")


def located_at(sentence: Sequence[Token], index: int) -> bool:
    """True if the words before ``sentence[index]`` put it as a location: "in X", "the city of X"."""
    previous = sentence[index - 1].text if index >= 1 else ""
    if previous in LOCATIVES:
        return True
    return index >= 2 and previous == "of" and sentence[index - 2].text in _LOCATIVE_NOUNS


def name_clue_at(sentence: Sequence[Token], first: int, last: int) -> bool:
    """True if the words around ``sentence[first : last + 1]`` suggest a person: a title or role
    before ("President", "according to"), a speech verb after ("said")."""
    previous = sentence[first - 1].text if first >= 1 else ""
    if previous in DESCRIPTORS or (
        previous == "to" and first >= 2 and sentence[first - 2].text == "according"
    ):
        return True
    return last + 1 < len(sentence) and sentence[last + 1].text in SPEECH_VERBS
