"""Page furniture: captions, bylines, datelines and publication stamps, which are not narration.

A fact such furniture states may stand in where the narration gives none, but ranks after
every narrated fact and never by itself contradicts another report (``is_furniture``).
"""

from __future__ import annotations

import re

from dedupe.evidence.date_mentions import WEEKDAYS
from dedupe.evidence.events import Fact
from dedupe.models import Span
from dedupe.text.dates import MONTHS

# A photo credit in a caption: "(AP Photo/…)", "REUTERS/Name", "(Xinhua/…)", "(Photo/Chinese
# Foreign Ministry)", "Photo: MFA", "in this photo taken by Harbour Wire".
PHOTO_CREDIT = re.compile(
    r"\((?:[A-Z][\w .-]{0,30}[ /])?(?:Photo|Picture|Foto)s?\b[^)]{0,80}\)"
    r"|\b(?:AP|AFP|Reuters|Xinhua|EPA|Getty|Kyodo|Anadolu|Sputnik|TASS) Photo"
    r"|\b(?:Photo|Picture|Image|Foto|File photo|Pool photo)s?\s*:"
    r"|\bin (?:this|a|the) (?:file |pool )?(?:photo|picture|image)\b"
    r"|\bphoto(?:graph)? (?:taken|distributed|released|provided)\b",
    re.IGNORECASE,
)
# The same written by an agency's own style, case and all: "REUTERS/Shannon Stapleton", "(Xinhua/Li Xueren)".
AGENCY_CREDIT = re.compile(r"\b(?:[A-Z]{3,}|Xinhua|Reuters|Getty Images)/[A-Z][a-z]+\b")
# A caption told by its own words, in the languages the corpus reads: "Photo/Name" opening
# its line, "En esta foto proporcionada por…", "Sur cette photo…", "Auf diesem Bild…", "In
# questa foto…", "Nesta foto…", "Foto distribuida por…".
CAPTION_WORDS = re.compile(
    r"^\W*(?:Photo|Foto|Image|Imagen|Bild)s?\s*/"
    r"|\b(?:en|sur|dans|auf|in|em|n)\s?(?:esta|este|cette|ce|diesem|dieser|questa|questo)\s+"
    r"(?:foto(?:graf[íi]a)?|imagen|photo(?:graphie)?|image|bild|aufnahme|immagine)\b"
    r"|\b(?:foto(?:graf[íi]a)?|imagen|photo|image|immagine)\s+"
    r"(?:proporcionada|distribuida|tomada|cedida|difundida|fournie|prise|diffusée|fornita|scattata|divulgada)\b",
    re.IGNORECASE | re.MULTILINE,
)
# What may follow a caption on its line: a credit ("- AP", "(AP Photo/…)", "REUTERS/…").
CREDIT_AFTER = re.compile(
    r"[-–—(]?\s*(?:AP|AFP|Reuters|REUTERS|Xinhua|EPA|Getty Images|Kyodo|Photo|Picture|Foto)\b"
)
# How far after a sentence its caption's credit may stand ("… 2023. (AP Photo/…)").
CREDIT_AFTER_CHARS = 60
# A dateline: a place in capitals (or any name before an agency's mark or a dash), maybe a
# date, maybe the agency, then a dash, colon or full stop: "MOSCOW (AP) —", "KANAZAWA--",
# "WASHINGTON, July 11. /TASS/.", "BEIJING, June 19 (Xinhua) --", "Pékin (AFP) -", and a
# capitalised name of up to three words before a colon: "New Delhi:" (not a title "Séisme en Birmanie :").
DATELINE = re.compile(
    r"\s*(?:[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{2,40}|[A-ZÀ-Ý][\w .'’-]{1,30}?(?=\s*(?:\(|[-–—]\s))"
    r"|[A-ZÀ-Ý][\w.'’-]*(?:\s[A-ZÀ-Ý][\w.'’-]*){0,2}(?=\s?:\s))"
    r"(?:,\s*[A-Z][\w .]{1,30}?)?"
    r"(?:,\s*(?:[A-Za-z]+\.?\s+\d{1,2}|\d{1,2}\.?\s+[A-Za-zéû]+)\.?)?"
    r"\s*(?:\([A-Za-z][\w .\/-]{1,25}\)|/\s*[A-Z]{3,}\s*/)?"
    r"\s*(?:--|[-–—:.])\s?"
)
# A byline before the dateline on its line: "By Jane Roe – ATHENS (Reuters) –".
BYLINE_BEFORE = re.compile(r"\s*(?:By|Par|Por|Von)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+[-–—]\s+")
# A page's stamp before the dateline on its line: "date 2024-07-04 ASTANA –".
STAMP_PREFIX = re.compile(
    r"\s*(?:date|dated|published|updated)\s*:?\s*\d{4}-\d{2}(?:-\d{2})?\s+", re.IGNORECASE
)
# A dash after a date that follows the page's stamp makes it a dateline: "date 2024-07-04 July 4, 2024 –".
DASH_AFTER = re.compile(r"\s*(?:--|[-–—])\s")
# A comma and Chinese or Japanese script after a date that opens its line, or that script
# right after it ("6月2日清晨,"): a sentence opens on its day.
NARRATED_AFTER = re.compile(r"(?:\s*[,，、]\s*)?[\u3040-\u30ff\u4e00-\u9fff]")
# What may stand before a publication stamp on its line: a stamp word, a clock time.
STAMP_BEFORE = re.compile(
    r"[\W\d]*(?:(?:date|dated|published|updated|posted|last updated|publicado|publié le|publié"
    r"|veröffentlicht|pubblicato|发布时间)\s*[:|,/•-]?\s*(?:on\s+)?)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?|JST|GMT|UTC|IST|CET|ET|MSK)?\s*[,|/•-]?\s*)?",
    re.IGNORECASE,
)
# Where a page runs caption and story together, the story resumes after the credit with a
# dateline or a new sentence: "REUTERS/File photo TOKYO, Sept 7 (Reuters) - Japan launched".
STORY_RESUMES = re.compile(r"[.!?)]\s+[A-Z]|\b[A-Z]{3,}[ ,]")
# Lenticular brackets, which set a label apart on Chinese and Japanese pages ("【速報】").
LABEL_OPEN, LABEL_CLOSE = "【", "】"
# A byline or credit line: whoever is named there wrote, edited or photographed the story.
BYLINE = re.compile(
    r"^\W*(?:by|par|por|von|di|de)\s+[A-Z]"
    r"|\b(?:reporting|writing|editing|additional reporting|compiled|translated|photos?) by\b",
    re.IGNORECASE,
)


def is_furniture(text: str, fact: Fact) -> bool:
    """True if the fact is stated only by page furniture (a caption or a byline), not narrated."""
    return (
        in_label(text, fact)
        or in_caption(text, fact)
        or is_byline(text, fact.sentence)
        or in_dateline(text, fact)
        or is_stamp(text, fact)
    )


def in_caption(text: str, fact: Fact) -> bool:
    """True if the fact stands in a photo caption.

    A caption ends at its credit; where the page runs caption and story together ("…
    REUTERS/File photo TOKYO, Sept 7 (Reuters) - Japan launched …") what follows the
    credit is narrated.
    """
    sentence = fact.sentence
    if CAPTION_WORDS.search(sentence.slice(text)):
        return True  # "En esta foto proporcionada por …", "Photo/Name …"
    after = text[sentence.end : sentence.end + CREDIT_AFTER_CHARS].split("\n", 1)[0].strip()
    if CREDIT_AFTER.match(after) and not after.startswith(("(AP) ", "(Reuters) ", "(AFP) ")):
        return True
    credits = [*PHOTO_CREDIT.finditer(text, sentence.start, sentence.end),
               *AGENCY_CREDIT.finditer(text, sentence.start, sentence.end)]  # fmt: skip
    return any(
        fact.span.start < m.end() or not STORY_RESUMES.search(text, m.end(), fact.span.start) for m in credits
    )


def in_label(text: str, fact: Fact) -> bool:
    """True if the fact stands inside lenticular brackets on its line ("【速報】", "【セール(6月3日)】"):
    Chinese and Japanese pages set labels, section names and advertisements so, not narration."""
    line_start = text.rfind("\n", 0, fact.span.start) + 1
    opened = text.rfind(LABEL_OPEN, line_start, fact.span.start)
    if opened < 0 or text.rfind(LABEL_CLOSE, line_start, fact.span.start) > opened:
        return False
    line_end = text.find("\n", fact.span.end)
    return text.find(LABEL_CLOSE, fact.span.end, line_end if line_end >= 0 else len(text)) >= 0


def in_dateline(text: str, fact: Fact) -> bool:
    """True if the fact stands in the dateline that opens its line ("BEIJING, June 19 (Xinhua) --")."""
    opening = dateline(text, text.rfind("\n", 0, fact.span.start) + 1)
    return opening is not None and fact.span.start < opening.end()


def dateline(text: str, line_start: int) -> re.Match[str] | None:
    """The dateline opening the line at ``line_start``, after the page's stamp and a byline if any."""
    stamp = STAMP_PREFIX.match(text, line_start)
    start = stamp.end() if stamp else line_start
    byline = BYLINE_BEFORE.match(text, start)
    after = DATELINE.match(text, byline.end()) if byline is not None else None
    return after if after is not None else DATELINE.match(text, start)


def is_stamp(text: str, fact: Fact) -> bool:
    """True if a date is the page's stamp: only stamp words or a clock time before it on its
    line, or the stamp again in words ("date 2024-07-04 Thursday, July 4, 2024 –"); not a
    date a Chinese sentence opens on ("2025年7月13日，")."""
    if fact.slot != "date":
        return False
    line_start = text.rfind("\n", 0, fact.span.start) + 1
    prefix = STAMP_PREFIX.match(text, line_start)
    if prefix is not None and prefix.end() == fact.span.start and DASH_AFTER.match(text, fact.span.end):
        return True
    if NARRATED_AFTER.match(text, fact.span.end):
        return False  # "2025年7月13日,王毅在北京…": a Chinese sentence opening on its day
    return bool(STAMP_BEFORE.fullmatch(text, line_start, fact.span.start))


def is_byline(text: str, sentence: Span) -> bool:
    """True if the sentence is a byline or a credit line ("By Jane Roe", "Editing by …")."""
    words = sentence.slice(text).split()
    if len(words) > BYLINE_MAX_WORDS or not BYLINE.search(" ".join(words)):
        return False
    return len(words) < 2 or words[1].lower().strip(",.") not in _NOT_NAMES


# A byline is short; a sentence "by" opens may be prose ("By Monday, rescuers had …").
BYLINE_MAX_WORDS = 12
_NOT_NAMES = frozenset((*WEEKDAYS, *MONTHS, "the", "then", "now", "noon", "midday", "night"))
