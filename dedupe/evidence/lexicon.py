"""Word lists and token tests that entity and speaker rules share: titles, demonyms, organisation words."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from operator import attrgetter

from dedupe.models import Token

# A single capitalised word this common ("Most", "Nice") is a place only where the text
# puts it as a location.
COMMON_PLACE_ZIPF = 4.5

# Words that title a person: cut from a capitalised run before the name ("Security Council
# Secretary Nikolai Patrushev"), dropped from a name before its parts are compared ("Mr Xi"
# is "Xi"), and the heads of a speaker's role ("the foreign minister"). One list for the
# entity rules, the speakers and the name keys, so all three cut a name at the same words.
TITLES = frozenset(
    "president secretary councilor councillor member minister premier chairman chairwoman mayor governor "
    "ambassador envoy spokesman spokeswoman spokesperson chancellor king queen prince princess pope senator "
    "commander general judge director chief official leader head adviser advisor deputy sheikh lord admiral "
    "colonel captain mr mrs ms miss dr prof sir gen col maj capt lt sgt adm sen rep gov rev".split()
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
# Words too common to tell what a passage is about: matching and role descriptions count
# only the others.
FUNCTION_WORDS = frozenset(
    "a an the and or but nor of to in on at by for with from as into onto over under about after before "
    "during since until than that this these those there here it its it's he she his her they their them we "
    "our us you your i me my is are was were be been being has have had do does did will would shall should "
    "can could may might must not no so if then also both each all any some such very more most much many "
    "which who whom whose what when where why how while even further last other own same only just up "
    "out".split()
)
# Words that make a capitalised run an organisation, a place or a date, not a person: every
# organisation word, and the words of places, dates and events.
NOT_PERSON = ORG_WORDS | frozenset(
    "nations states kingdom republic daily radio television cooperation structure region province city sea "
    "ocean island islands peninsula river north south east west central autonomous charter summit conference "
    "forum year week sports exchange initiative center centre house palace monday tuesday wednesday thursday "
    "friday saturday sunday january february april june july august september october november "
    "december".split()
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
# A sentence whose last word a full stop, comma or semicolon follows is prose, not a headline.
_PROSE_ENDS = frozenset(".,;")
_INITIALS_MIN_WORDS = 3
_JOINING_GAPS = frozenset(("", " ", "\u00a0", "\u202f", "-"))
NAME_MAX_WORDS = 4
"""A person's name is at most this many words once its titles are cut ("Luiz Inácio Lula da" is not)."""
NAME_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
"""A word of a name or a description as written: a letter, then letters, digits, apostrophes, hyphens."""
FIT_MIN_PREFIX = 4
FIT_MIN_SHARE = 0.7
"""Two words are close forms ("Russian"/"Russia") when they share a prefix this long that is
this share of the shorter word."""
_START = attrgetter("start")


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
    """True for a headline in title case: enough words, every long one capitalised, no stop.

    Words that end in a full stop, comma or semicolon are prose however short ("Maria Oduya
    met Peter Lankin on Friday.", "According to Maria Oduya, …"): a headline ends bare.
    """
    if sentence and text[sentence[-1].end : sentence[-1].end + 1] in _PROSE_ENDS:
        return False
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


def fold(word: str) -> str:
    """Return a word case-folded, with one apostrophe and no possessive ending."""
    return word.casefold().replace("’", "'").removesuffix("'s")


def fits(a: str, b: str) -> bool:
    """True for the same word or close forms of it ("Russian"/"Russia", "Chinese"/"China")."""
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a == b or (common >= FIT_MIN_PREFIX and common >= FIT_MIN_SHARE * min(len(a), len(b)))
