"""Word lists and token tests that entity rules share: titles, demonyms, organisation words.

Also the one place that asks wordfreq how common an English word is (Zipf scale:
log10 of uses per billion words; "the" 7.7, "China" 5.1, "Nanping" 0).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

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
_JOINING_GAP = re.compile(r"[ \u00a0\u202f-]?")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Return how common ``word`` (or a phrase) is in English, on the Zipf scale."""
    from wordfreq import zipf_frequency  # its tables load in ~0.2 s: only when first asked

    return float(zipf_frequency(word, "en"))


def base(token: Token) -> str:
    """Return a token's normalised word without a possessive "'s"."""
    return token.text.removesuffix("'s")


def capitalised(text: str, token: Token) -> bool:
    """True if the token is written with a capital first letter."""
    return text[token.start].isupper() and base(token) not in _MONTHS_AND_DAYS


def acronym(text: str, token: Token) -> bool:
    """True for "SCO", "BRICS", "G7": two to five capitals, or capitals and digits."""
    written = text[token.start : token.end]
    letters = [ch for ch in written if ch.isalpha()]
    return (
        2 <= len(written) <= 5
        and len(letters) >= 1
        and all(ch.isupper() for ch in letters)
        and (len(letters) >= 2 or any(ch.isdigit() for ch in written))
    )


def end_without_possessive(text: str, token: Token) -> int:
    """Return where the token ends, before a possessive "'s" if it has one."""
    return token.end - 2 if token.text.endswith("'s") else token.end


def written(text: str, tokens: Sequence[Token]) -> str:
    """Return the words as the article writes them, spaces tidied, possessive dropped."""
    return " ".join(text[tokens[0].start : end_without_possessive(text, tokens[-1])].split())


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


def is_org_word(word: str) -> bool:
    """True if the word marks an organisation's name ("Council", "Party", "Kremlin")."""
    return word in ORG_WORDS


def chunks(text: str, sentence: Sequence[Token]) -> Iterator[tuple[list[Token], bool]]:
    """Yield runs of capitalised words (with "of"/"the" inside), and whether each opens the sentence.

    A run breaks at punctuation and after a possessive. In a headline in title case every
    word is its own run and counts as opening it, so each must show it is a name.
    """
    caps = [capitalised(text, t) for t in sentence]
    words = [t for t in sentence if t.text.isalpha()]
    title_case = len(words) >= _TITLE_CASE_MIN_WORDS and all(
        text[t.start].isupper() for t in words if len(t.text) >= _TITLE_CASE_LONG_WORD
    )
    i = 0
    while i < len(sentence):
        if not caps[i]:
            i += 1
            continue
        j = i + 1
        while not title_case and j < len(sentence) and _joined(text, sentence[j - 1], sentence[j]):
            if caps[j]:
                j += 1
                continue
            k = j
            while k < len(sentence) and sentence[k].text in CONNECTORS and k - j < 2:
                k += 1
            if k == j or k >= len(sentence) or not caps[k] or not _joined(text, sentence[k - 1], sentence[k]):
                break
            j = k + 1
        yield list(sentence[i:j]), i == 0 or title_case
        i = j


def _joined(text: str, left: Token, right: Token) -> bool:
    return not left.text.endswith("'s") and _JOINING_GAP.fullmatch(text[left.end : right.start]) is not None


def last_title(words: Sequence[str]) -> int | None:
    """Return the index of the title word a person's name follows in a run, if any."""
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


def _previous(sentence: Sequence[Token], token: Token, count: int) -> list[str]:
    index = next((i for i, t in enumerate(sentence) if t.start == token.start), 0)
    return [t.text for t in sentence[max(0, index - count) : index]]


def located(sentence: Sequence[Token], first: Token) -> bool:
    """True if the words before put what follows as a location: "in X", "the city of X"."""
    before = _previous(sentence, first, 2)
    if before and before[-1] in LOCATIVES:
        return True
    return len(before) == 2 and before[1] == "of" and before[0] in _LOCATIVE_NOUNS


def name_clue(sentence: Sequence[Token], part: Sequence[Token]) -> bool:
    """True if the words around suggest a person: a title or role before, "said" after."""
    before = _previous(sentence, part[0], 2)
    if before and (before[-1] in DESCRIPTORS or before == ["according", "to"]):
        return True
    index = next((i for i, t in enumerate(sentence) if t.start == part[-1].start), len(sentence))
    return index + 1 < len(sentence) and sentence[index + 1].text in SPEECH_VERBS
