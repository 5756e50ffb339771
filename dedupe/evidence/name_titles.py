"""What stands around a participant's name and is no part of it: titles, sentence openers, bylines.

``facts_people`` asks these of each name it reads: a title written before the name ("Fed
Chair …", "Президент России …", "US-Notenbankchef …") is dropped, a title alone
("Präsident") is no person, a word that opens a sentence ("Seit März", "Wie Experten") opens
no name, a hyphenated given name the entity rules cut ("Kim Jong" before "-un") is made
whole, a month the entity rules took for a surname ("Roe Sept" before "14") is dropped, and
a byline after the page's stamp ("date 2023-09 Von Jane Roe") is furniture.
"""

from __future__ import annotations

import re

from dedupe.evidence.page_furniture import STAMP_PREFIX, is_byline
from dedupe.models import Span
from dedupe.text.dates import MONTHS

# A day's number after a name: its last word is then a month, not a surname ("Roe Sept 14").
DAY_AFTER = re.compile(r"\.?[^\S\n]+\d{1,2}\b")
# Titles a report writes before a name, in the languages read: "Fed Chair Jerome Powell",
# "Cumhurbaşkanı Tayyip Erdoğan", "Президент России Владимир Путин", "Präsidenten Emmanuel Macron".
# A name made of these words only ("Vice Primo Ministro", "Präsident") is a title, not a person.
TITLE_WORDS = frozenset(
    "president presidente président präsident präsidenten presidenta президент президента cumhurbaşkanı "
    "prime premier premierminister minister ministre ministro ministra министр chancellor kanzler kanzlerin "
    "canciller chair chairman chairwoman secretary secretaria secretario secrétaire vice vize primo "
    "premiere première primeira primer primera вице премьер-министр глава".split()
)
# Endings of German compound titles: "US-Notenbankchef", "Außenministerin", "Bundeskanzler".
TITLE_ENDINGS = (
    "chef",
    "chefin",
    "präsident",
    "präsidenten",
    "präsidentin",
    "minister",
    "ministerin",
    "kanzler",
)
# Words that open a sentence, never a name, where German capitalises the noun after them or
# any language capitalises the sentence's first word: "Seit März", "Im Kampf", "Wie Experten",
# "Ihre Prognose", "Mientras Kim". Not name particles ("De", "La", "Van").
NOT_NAME_OPENERS = frozenset(
    "seit im am vom zum zur beim wie als manche mehrere viele einige alle beide diese dieser dieses "
    "während nachdem wenn ihre ihr seine sein unsere unser mientras según tras desde cuando pendant "
    "selon depuis lorsque mentre secondo quando enquanto segundo após".split()
)
# The rest of a hyphenated given name the entity rules cut: "Kim Jong" before "-un"; not an
# English compound's ("Modi-led", "Putin-era", "Biden-style").
HYPHEN_REST = re.compile(r"-(?![a-z]*(?:ed|ing|era|style|like|type)(?!\w))[a-z]{1,5}(?!\w)")


def after_titles(words: list[str]) -> list[str]:
    """The words after the last title word before a name, keeping two at least: "Fed Chair Jerome
    Powell" is Jerome Powell; "Primo Levi" stays whole."""
    titled = [i for i, w in enumerate(words[:-2]) if is_title(w)]
    return words[titled[-1] + 1 :] if titled else words


def is_title(word: str) -> bool:
    """True for a title's word before a name ("Chair", "Президент", "Notenbankchef")."""
    return word.lower() in TITLE_WORDS or word.lower().endswith(TITLE_ENDINGS)


def no_name(words: list[str]) -> bool:
    """True for words that cannot be a person's name: a sentence opener first, or titles only."""
    return bool(words) and (
        words[0].lower() in NOT_NAME_OPENERS or all(w.lower() in TITLE_WORDS for w in words)
    )


def hyphen_rest(text: str, end: int) -> str:
    """The rest of a hyphenated given name right after ``end`` ("-un"), or ""."""
    rest = HYPHEN_REST.match(text, end)
    return rest.group() if rest else ""


def stamped_byline(text: str, sentence: Span) -> bool:
    """True for a byline after the page's stamp on its line ("date 2023-09 Von Jane Roe, Berlin")."""
    stamp = STAMP_PREFIX.match(text, sentence.start)
    return stamp is not None and is_byline(text, Span(stamp.end(), sentence.end))


def without_month(text: str, end: int, name: str) -> str:
    """The name (written up to ``end``) without a month taken for its last word ("Roe Sept" before "14")."""
    words = name.split()
    month = len(words) > 1 and words[-1].lower().rstrip(".") in MONTHS
    return " ".join(words[:-1]) if month and DAY_AFTER.match(text, end) else name
