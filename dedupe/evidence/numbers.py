"""Find the quantities a report states ("12 dead", "1.2 thousand residents", "fifty agreements").

A quantity is a value, the unit it counts and how exact the text is about it ("at
least 12" is a lower bound). Two reports agree on a quantity when their units match
and their ranges overlap, so "1,200" and "1.2 thousand" agree and "12" and "15" dead
do not. Casualty counts get the unit "dead" or "injured" whatever noun carries them
("12 people were killed", "15 dead", "killing 12").
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dedupe.evidence.clock_times import clock_and_date_spans
from dedupe.models import Span, Token

# Two exact figures within half a percent are one figure rounded differently, where one of
# them can be a rounding (a multiple of ``ROUND_TO`` or a fraction: 1,200 and 1,204).
EXACT_TOLERANCE = 0.005
ROUND_TO = 10
# "About 200" covers 180–220.
APPROXIMATE_TOLERANCE = 0.1
# Casualty words this many tokens from the number decide its unit.
CASUALTY_WINDOW = 4
# Languages that write a thousand and thirty-seven "1.037" or "1 037" and three and a half
# "3,5" (CLDR's decimal comma); English, Chinese, Japanese, Korean and the rest write
# "1,037" and "3.5". A language not given ("und") is read the English way.
DECIMAL_COMMA_LANGUAGES = frozenset(
    "de fr es it pt nl da no nb nn sv fi pl cs sk sl hr sr bg ru uk be tr ro hu id el lt lv et".split()
)

_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           # "2 mil 500 muertos" (Mexican Spanish), "3 mila morti", "10 tausend Tote"
           "mil": 1_000, "mille": 1_000, "mila": 1_000, "tausend": 1_000,
           "millions": 1_000_000, "millones": 1_000_000, "millionen": 1_000_000, "milioni": 1_000_000,
           "milhões": 1_000_000}  # fmt: skip
_DIGITS = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?$")
# A ones word after a tens word adds to it: "twenty-five" (tens start at ten).
_TENS_FROM = 10
# Plurals shorter than these are left alone: "ties" is no "ty", "gas" no "ga".
_MIN_IES_PLURAL = 4
_MIN_S_PLURAL = 3
_SPANISH_SCALES = frozenset(("mil",))
_DIGITS_DECIMAL_COMMA = re.compile(r"\d+(?:\.\d{3})*(?:,\d+)?$")
_GROUP = re.compile(r"\d{3}$")
# A space, no-break space or thin space between digit groups: French "2 719", "11 300".
_GROUP_SPACES = frozenset((" ", "\u00a0", "\u202f", "\u2009"))
# Bounds and hedges in English, then French, Spanish, German, Italian and Portuguese.
_LOWER = ("at least", "more than", "over", "above", "no fewer than", "upwards of",
          "au moins", "plus de", "al menos", "más de", "mindestens", "mehr als", "über", "almeno",
          "più di", "pelo menos", "mais de")  # fmt: skip
_UPPER = ("up to", "at most", "fewer than", "less than", "under", "no more than")
_ABOUT = ("about", "around", "some", "roughly", "approximately", "nearly", "almost", "an estimated",
          "environ", "près de", "presque", "quelque", "unos", "unas", "cerca de", "casi", "alrededor de",
          "etwa", "rund", "fast", "circa", "quasi", "cerca di", "quase", "aproximadamente")  # fmt: skip
# Words of death and injury, English first, then French, Spanish, German, Italian and
# Portuguese: a toll is compared across languages ("1.037 muertos", "1,035 dead").
_DEAD = frozenset(
    "killed killing kill kills dead died die dying deaths death fatalities bodies lives "
    "morts mort tués tuées décès décédés victimes "
    "muertos muertas muerto fallecidos fallecidas murieron fallecieron víctimas "
    "tote toten todesopfer getötet starben ums "
    "morti morto vittime deceduti "
    "mortos mortes morreram vítimas".split()
)
_INJURED = frozenset(
    "injured injuring wounded wounding hurt injuries "
    "blessés blessées blessé "
    "heridos heridas herido "
    "verletzte verletzten verletzt "
    "feriti ferito "
    "feridos feridas".split()
)
_PEOPLE = frozenset(
    "people persons person workers civilians residents passengers children soldiers men women miners "
    "students villagers victims pilgrims migrants "
    "personnes personas menschen persone pessoas".split()
)
_SKIP = frozenset("new more other additional further separate major key different of de di".split())
_NOT_UNITS = frozenset(
    "the a an and or to in on at by for with from as than that this these those who which were was are is "
    "had have has will would".split()
)
# Month names (and the Russian "year") that a figure's unit may be when the figure is a day of
# a date the date finder does not read ("9 апреля", "20 de marzo", "11 juillet"): French,
# Spanish, German, Italian, Portuguese and Russian (genitive), lower-cased. The figures stay
# entities (reports of one event share them); ``facts_view`` keeps them out of the facts.
MONTH_WORDS = frozenset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre "
    "januar jänner februar märz april juni juli august oktober dezember "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre "
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря года году год".split()
)
_CLAUSE_JOINS = frozenset(("and", "or", "but", "while", "et", "y", "und", "e", "ou", "o", "oder"))
_ORDINAL_SUFFIXES = frozenset(("st", "nd", "rd", "th"))
_CURRENCY_SIGNS = {"$": "usd", "€": "eur", "£": "gbp", "¥": "jpy"}
_CURRENCY_WORDS = {"dollars": "usd", "dollar": "usd", "euros": "eur", "euro": "eur", "pounds": "gbp",
                   "yuan": "cny", "rubles": "rub", "roubles": "rub", "rupees": "inr"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Quantity:
    """A stated quantity: its value, the unit it counts and how exact the text is.

    ``bound`` is "exact", "at_least", "at_most" or "about".
    """

    value: float
    unit: str
    bound: str = "exact"
    ordinal: bool = False

    def range(self) -> tuple[float, float]:
        """Return the smallest and largest values the wording allows."""
        if self.bound == "at_least":
            return self.value, math.inf
        if self.bound == "at_most":
            return 0.0, self.value
        spread = APPROXIMATE_TOLERANCE if self.bound == "about" else EXACT_TOLERANCE
        return self.value * (1 - spread), self.value * (1 + spread)

    def __str__(self) -> str:
        shown = f"{self.value:g}" if self.value < 1e6 else f"{self.value:,.0f}"
        prefix = {"at_least": "≥", "at_most": "≤", "about": "~"}.get(self.bound, "")
        separator = "" if self.unit == "%" else " "
        return f"{prefix}{shown}{'th' if self.ordinal else ''}{separator}{self.unit}"


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """A quantity and the span of text that states it (number, scale word and unit)."""

    quantity: Quantity
    span: Span


def quantities_agree(a: Quantity, b: Quantity) -> bool | None:
    """True if both can be right, False if they cannot, None if they count different things."""
    if a.unit != b.unit or a.ordinal != b.ordinal:
        return None
    if a.bound == b.bound == "about":
        # "About" hedges a figure against the exact count, not against another hedge: "about
        # 45" and "about 47 minutes" are two readings of one figure, and they differ.
        a, b = Quantity(a.value, a.unit), Quantity(b.value, b.unit)
    if a.bound == b.bound == "exact" and not (_rounded(a.value) or _rounded(b.value)):
        return a.value == b.value  # 1,037 and 1,035 are two counts: neither is rounded
    low_a, high_a = a.range()
    low_b, high_b = b.range()
    return low_a <= high_b and low_b <= high_a


def _rounded(value: float) -> bool:
    """True for a figure that may be a rounding: a fraction, or a whole number in tens or more."""
    return value != int(value) or (value != 0 and int(value) % ROUND_TO == 0)


def find_quantities(
    text: str, tokens: Sequence[Token], skip: Sequence[Span] = (), *, language: str = "und"
) -> list[QuantityMention]:
    """Return the quantities stated by ``tokens`` (words of ``text``), in order.

    Numbers inside ``skip`` spans (dates already found), clock times and all-digit dates
    ("08:42 local time", "2024-03-12") and numbers with no recognisable unit are left out:
    a bare "2" says nothing a report can disagree on.
    ``language`` (ISO 639-1) tells how the digits are grouped: in Spanish "1.037" is a
    thousand and thirty-seven, in French "2 719" one number.

    Examples:
        >>> from dedupe.text.tokens import tokenize
        >>> text = "at least 1.037 dead"
        >>> [str(m.quantity) for m in find_quantities(text, tokenize(text), language="es")]
        ['≥1037 dead']
    """
    comma = language.split("-")[0].lower() in DECIMAL_COMMA_LANGUAGES
    clocks = clock_and_date_spans(text, tokens[0].start, tokens[-1].end) if tokens else []
    skipped = _inside([*skip, *clocks])
    found: list[QuantityMention] = []
    after = 0  # where the last number read ends: a number starts no earlier
    for i in _number_starts(tokens):
        if i < after:
            continue
        value, end = _number_at(tokens, i, decimal_comma=comma)
        if value is not None and comma:
            value, end = _spaced_groups(text, tokens, value, end)
        if value is None or skipped(tokens[i].start) or _is_time(text, tokens, end):
            continue
        ordinal = (
            end < len(tokens)
            and tokens[end].text in _ORDINAL_SUFFIXES
            and tokens[end].start == tokens[end - 1].end
        )
        unit_start = end + 1 if ordinal else end
        unit, unit_end = _unit(text, tokens, i, unit_start)
        if unit is not None:
            quantity = Quantity(value, unit, _bound(tokens, i), ordinal)
            found.append(QuantityMention(quantity, Span(tokens[i].start, tokens[unit_end - 1].end)))
        after = end
    return found


def _inside(spans: Sequence[Span]) -> Callable[[int], bool]:
    """Whether a position, asked in increasing order, lies in any of ``spans``: one pass."""
    ordered, taken, reach = sorted(spans, key=lambda s: s.start), 0, -1

    def inside(position: int) -> bool:
        nonlocal taken, reach
        while taken < len(ordered) and ordered[taken].start <= position:
            reach, taken = max(reach, ordered[taken].end), taken + 1
        return position < reach

    return inside


def _number_starts(tokens: Sequence[Token]) -> list[int]:
    """Return the indices of the tokens a number can start at: digits or a number word.

    ``_number_at`` finds no number elsewhere; one pass over the words costs less than
    asking it of each (one word in a hundred starts a number).
    """
    return [i for i, t in enumerate(tokens) if t.text[:1].isdigit() or t.text in _WORDS]


def _spaced_groups(text: str, tokens: Sequence[Token], value: float, end: int) -> tuple[float, int]:
    """Read on through groups of three digits set off by a space: "2 719" is one number."""
    while (
        end < len(tokens)
        and value == int(value)
        and _GROUP.match(tokens[end].text)
        and text[tokens[end - 1].end : tokens[end].start] in _GROUP_SPACES
        and tokens[end - 1].text[-1:].isdigit()
    ):
        value = value * 1000 + int(tokens[end].text)
        end += 1
    return value, end


def _number_at(tokens: Sequence[Token], i: int, *, decimal_comma: bool = False) -> tuple[float | None, int]:
    """Parse the number starting at token ``i``; return its value and the index after it.

    With ``decimal_comma`` "1.037" is a thousand and thirty-seven and "3,5" three and a half.
    """
    word = tokens[i].text
    if decimal_comma and _DIGITS_DECIMAL_COMMA.match(word):
        value = float(word.replace(".", "").replace(",", "."))
    elif _DIGITS.match(word):
        value = float(word.replace(",", ""))
    elif word in _WORDS and word != "dozen":
        value = float(_WORDS[word])
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if following in _WORDS and _WORDS[following] < _TENS_FROM <= value:
            value += _WORDS[tokens[i + 1].text]  # "twenty-five"
            i += 1
    else:
        return None, i + 1
    j = i + 1
    while j < len(tokens) and tokens[j].text in _SCALES:
        value *= _SCALES[tokens[j].text]
        j += 1
    if (
        j > i + 1
        and j < len(tokens)
        and _GROUP.match(tokens[j].text)
        and tokens[j - 1].text in _SPANISH_SCALES
    ):
        value += int(tokens[j].text)  # "2 mil 500": two thousand five hundred
        j += 1
    return value, j


def _is_time(text: str, tokens: Sequence[Token], end: int) -> bool:
    after = text[tokens[end - 1].end : tokens[end - 1].end + 1]
    return after == ":" or (end < len(tokens) and tokens[end].text in ("am", "pm", "gmt", "utc"))


def _unit(text: str, tokens: Sequence[Token], start: int, end: int) -> tuple[str | None, int]:
    """Name what the number from ``start`` to ``end`` counts; return it and the index after it."""
    before = text[max(0, tokens[start].start - 1) : tokens[start].start]
    if before in _CURRENCY_SIGNS:
        return _CURRENCY_SIGNS[before], end
    if text[tokens[end - 1].end : tokens[end - 1].end + 1] == "%":
        return "%", end
    j = end
    while j < len(tokens) and j - end < 2 and tokens[j].text in _SKIP:
        j += 1
    noun = tokens[j].text if j < len(tokens) else ""
    if noun == "percent" or (noun == "per" and j + 1 < len(tokens) and tokens[j + 1].text == "cent"):
        return "%", j + (2 if noun == "per" else 1)
    if noun in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[noun], j + 1
    casualty = _casualty(text, tokens, start, end)
    if casualty is not None:
        counted = noun in _PEOPLE or noun in _DEAD or noun in _INJURED
        return casualty, j + 1 if counted else end
    if not noun.isalpha() or noun in _NOT_UNITS or len(noun) < 2 or text[tokens[j].start].isupper():
        return None, end  # a capitalised word is a name: "the 20th National Congress"
    return _singular(noun), j + 1


def _casualty(text: str, tokens: Sequence[Token], start: int, end: int) -> str | None:
    """Return "dead" or "injured" if a casualty word next to the number says what it counts.

    The word must be within ``CASUALTY_WINDOW`` tokens in the same clause, with no other
    number in between and not itself the unit of an earlier number: in "15 dead, and
    1.2 thousand residents fled" only the 15 are dead.
    """
    best: tuple[int, str] | None = None
    low, high = max(0, start - CASUALTY_WINDOW), min(len(tokens), end + CASUALTY_WINDOW)
    for k in range(low, high):
        kind = "dead" if tokens[k].text in _DEAD else "injured" if tokens[k].text in _INJURED else None
        if kind is None or start <= k < end:
            continue
        first, last = (k, start) if k < start else (end - 1, k)
        between = tokens[first + 1 : last]
        if any(ch in text[tokens[first].end : tokens[last].start] for ch in ",;:.()"):
            continue
        if any(_number_at(between, m)[0] is not None for m in range(len(between))):
            continue
        if k < start and any(t.text in _CLAUSE_JOINS for t in between):
            continue  # "killed … and twenty-five soldiers wounded": a new clause
        if k < start and k > 0 and _number_at(tokens, k - 1)[0] is not None:
            continue
        if best is None or len(between) < best[0]:
            best = (len(between), kind)
    return best[1] if best else None


def _bound(tokens: Sequence[Token], start: int) -> str:
    before = " ".join(t.text for t in tokens[max(0, start - 3) : start])
    for phrases, bound in ((_LOWER, "at_least"), (_UPPER, "at_most"), (_ABOUT, "about")):
        if any(before == p or before.endswith(" " + p) for p in phrases):
            return bound
    return "exact"


def _singular(noun: str) -> str:
    """Strip an English plural ending, leaving short words ("gas", "ties") as they are."""
    if noun.endswith("ies") and len(noun) > _MIN_IES_PLURAL:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith(("ss", "us")) and len(noun) > _MIN_S_PLURAL:
        return noun[:-1]
    return noun
