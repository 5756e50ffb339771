"""Speech frames of Arabic copy, which puts the verb first: "وأعلن بوتين أن «…»".

Arabic news opens a sentence with a speech verb (قال "said", أعلن "announced", أكد
"stressed" …), often after the conjunction و, then its subject, then the complementiser
أن/إن or a colon before the quotation: the speaker is the one word after the verb (a name
or a body with its article, "الكرملين"), or the name after a title ("الرئيس بوتين").
"نقلت … عن X قوله" ("… reported X as saying") gives the words to X. A verb with no subject
after it ("والمح إلى أن «…»", "he hinted that") goes on with the one who spoke last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Speech verbs of Arabic news, masculine and feminine, with and without the hamza.
AR_VERBS = (
    "قال|قالت|أعلن|اعلن|أعلنت|اعلنت|أكد|اكد|أكدت|اكدت|أضاف|اضاف|أضافت|اضافت|أوضح|اوضح|أوضحت|"
    "أشار|اشار|أشارت|اشارت|ذكر|ذكرت|لفت|لفتت|صرح|صرحت|أفاد|أفادت|افاد|افادت|تابع|تابعت|شدد|شددت|"
    "المح|ألمح|ألمحت|أعرب|أعربت|حذر|حذرت"
)
# Titles written before a name: "الرئيس بوتين", "الزعيم كيم".
AR_TITLES = frozenset("الرئيس الزعيم الوزير المتحدث رئيس وزير".split())
# The verb opening its clause, after the conjunction و, then the words up to the
# complementiser or colon that introduces the quotation.
AR_FRAME = re.compile(
    rf"(?:^|(?<=[\s.،]))و?(?P<verb>{AR_VERBS})(?P<subj>(?:\s+[^\s،,.:؛\"“”«»]+){{0,2}}?)"
    r"\s*(?:،[^.:\"“”«»]{0,120})?\s*(?:أن|أنه|إن|إنه|ان|انه|إلى\s+أن|الى\s+أن|الى\s+انني|إلى\s+أنني|:)\s*$"
)
# "نقلت وكالات أنباء روسية عن بوتين قوله «…»": the one reported as saying.
AR_REPORTED = re.compile(r"\sعن\s+(?P<subj>[^\s،,.:؛\"“”«»]+)\s+قوله\s*:?\s*$")
# Where a sentence of Arabic copy ends.
AR_STOPS = ".!?؟\n"
# The ending of an adjective of nationality ("كازاخستاني", "Kazakh"), which follows a title as a name would.
NISBA = "ي"
# The definite article, dropped from a body's name ("الكرملين" is the Kremlin).
ARTICLE = "ال"
# How far back the one who spoke last may have spoken, for a verb without a subject.
DROPPED_REACH = 400


@dataclass(frozen=True, slots=True)
class ArabicFrame:
    """The speaker as written and as resolved, a person or a body, and the frame's span."""

    written: str
    name: str
    start: int
    end: int
    kind: str = "person"


def ar_frame(masked: str, start: int, spoke: list[tuple[int, str]]) -> ArabicFrame | None:
    """The speaker of the quotation at ``start`` in Arabic copy, if its frame names one."""
    opening = max(masked.rfind(c, 0, start) for c in AR_STOPS) + 1
    reported = AR_REPORTED.search(masked, opening, start)
    if reported is not None:
        name = reported.group("subj")
        return ArabicFrame(name, name, reported.start("subj"), reported.end("subj"))
    found = AR_FRAME.search(masked, opening, start)
    if found is None:
        return None
    words = found.group("subj").split()
    if not words:
        last = [name for at, name in spoke if start - DROPPED_REACH <= at < start]
        return ArabicFrame("", last[-1], found.start("verb"), found.end("verb")) if last else None
    if len(words) == 2 and words[0] in AR_TITLES:
        if words[1].endswith(NISBA):
            return None  # "رئيس كازاخستاني": the title and a nationality, no name
        words = words[1:]
    if len(words) != 1:
        return None  # "وذكرت وكالة ريا نوفوستي …": a body's long name, told apart nowhere here
    if words[0].startswith(ARTICLE) and len(words[0]) > len(ARTICLE) + 2:
        # "الكرملين": a body's name with its article, which the English name drops.
        return ArabicFrame(
            words[0], words[0].removeprefix(ARTICLE), found.start("subj"), found.end("subj"), "institution"
        )
    return ArabicFrame(words[0], words[0], found.start("subj"), found.end("subj"))
