"""Lines a conflict flag must not stand on beside page furniture: embedded posts, headlines.

``page_furniture`` tells captions, bylines and datelines from narration for every slot;
these are the further forms that may still give a fact where nothing else does, but that
``facts.compare_facts`` never lets contradict another report (``cannot_contradict``): a
post quotes someone else's words, and a headline written in title case ("Leaders Meet At
Estate South Of Riverton") capitalises words that are no names.
"""

from __future__ import annotations

import re

from dedupe.models import Span

# An embedded social post: its link or its author's handle ("— Jane Roe (@janeroe) July 8, 2024").
EMBEDDED_POST = re.compile(r"pic\.twitter\.com/|\bt\.co/|\(@\w+\)")
# Short words prose writes in lower case and a title-case headline capitalises ("Of", "At").
TITLE_CASE_SMALL_WORDS = frozenset("Of At In On To For And The From With By A An".split())
# A headline line has at least this many words, every one capitalised.
TITLE_CASE_MIN_WORDS = 5


def cannot_contradict(text: str, span: Span, sentence: Span) -> bool:
    """True if the fact at ``span`` stands in an embedded post or a title-case headline line."""
    return bool(EMBEDDED_POST.search(sentence.slice(text))) or _title_case_line(text, span)


def _title_case_line(text: str, span: Span) -> bool:
    """True if the fact's line is a headline in title case: every word capitalised, small ones too."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    words = re.findall(r"[^\W\d_][\w'’-]*", text[start : end if end >= 0 else len(text)])
    return (
        len(words) >= TITLE_CASE_MIN_WORDS
        and all(w[0].isupper() for w in words)
        and any(w in TITLE_CASE_SMALL_WORDS for w in words)
    )
