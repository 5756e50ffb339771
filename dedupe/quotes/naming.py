"""Fragments a speaker names something by: "its “special operation”, as he calls it", "what
X termed the “…”", "X greeted him as a “dear friend”", "X touted the rocket as “…”".

News copy borrows a speaker's own word for a thing and says whose it is with a verb of
naming rather than of saying: after the fragment ("as X calls it", "as he put it"), before
it ("what X called", "what she described as") or as the naming verb's complement ("X hailed
the deal as a “…”", "greeting him as a “…”"). The subject of that verb is the speaker. Read
only for fragments no speech frame claimed: a verb of naming alone says nothing of whole
sentences, and a subject that does not resolve leaves the words unknown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dedupe.models import Span
from dedupe.quotes.speaker_words import strip_span

if TYPE_CHECKING:
    from dedupe.quotes.speakers import Attribution, SpeakerResolver

# A subject of a naming verb: a few words without a stop, a comma or a quotation mark.
_SUBJECT = r"[^,.;:!?“”\"«»\n]{1,60}?"
# The verbs that name a thing as someone calls it, with their perfect's auxiliary.
NAMING = (
    r"(?:(?:has|had|have)\s+)?(?:calls?|called|puts?|describe[sd]?|terms?|termed|refers?\s+to|referred\s+to"
    r"|dubs?|dubbed|labels?|label+ed)"
)
# `“…”, as X calls it` / `as he put it`: the naming clause right after the fragment.
AS_CALLED = re.compile(rf"[\s,]*as\s+(?P<subj>{_SUBJECT})\s+{NAMING}\s+(?:it|them|this|that)\b")
# `what X termed the “…”` / `what she described as a “…”`: the clause right before it.
WHAT_CALLED = re.compile(
    rf"\bwhat\s+(?P<subj>{_SUBJECT})\s+{NAMING}(?:\s+as)?(?:\s+(?:a|an|the|his|her|its|their))?\s*$"
)
# Verbs of regard that take their object "as" the speaker's word ("hailed the deal as",
# "greeting him as", "touted the rocket as"); those that are speech verbs too are read as such.
_REGARD = (
    r"(?:greet(?:s|ed|ing)?|welcom(?:es|ed|ing)|regard(?:s|ed|ing)?|tout(?:s|ed|ing)?|hail(?:s|ing)"
    r"|characteri[sz](?:es|ed|ing)|portray(?:s|ed|ing)?|brand(?:s|ed|ing)?|label+(?:s|ed|ing)?)"
)
# The verb of regard, its object (no clause break in between) and "as" just before the fragment.
REGARD_AS = re.compile(
    rf"\b(?P<verb>{_REGARD})\b(?P<object>[^;:.!?“”\"«»\n]{{0,90}}?)\s+as(?:\s+(?:a|an|the))?\s*$"
)
# Words that open a relative clause: its subject is the name before it, not the sentence's.
_RELATIVE = frozenset({"who", "which", "whom", "whose", "that"})


def naming_attribution(resolver: SpeakerResolver, span: Span, sentence: Span) -> Attribution | None:
    """Who a fragment at ``span`` belongs to by a verb of naming around it, if anyone resolves."""
    from dedupe.quotes.speakers import Attribution

    masked = resolver.masked
    after = AS_CALLED.match(masked, span.end, sentence.end)
    if after is not None:
        speaker = resolver.resolve(after.start("subj"), after.end("subj"), span.start)
        if speaker is not None and speaker.kind != "unknown":
            return Attribution(speaker, "as X calls it", Span(*strip_span(masked, *after.span())))
    before = WHAT_CALLED.search(masked, sentence.start, span.start)
    if before is not None:
        speaker = resolver.resolve(before.start("subj"), before.end("subj"), span.start)
        if speaker is not None and speaker.kind != "unknown":
            return Attribution(speaker, "what X called", Span(*strip_span(masked, *before.span())))
    regard = REGARD_AS.search(masked, sentence.start, span.start)
    if regard is None or regard.start("verb") == sentence.start:
        return None
    lead = masked[sentence.start : regard.start("verb")].split()
    if lead and lead[-1].casefold() in _RELATIVE:
        return None  # "Ana met Li, who greeted her as a “…”": the relative's subject, unresolved here
    subject = resolver.subject_before(regard.start("verb"), sentence.start, span.start)
    if subject is None or subject[0].kind == "unknown":
        return None
    return Attribution(subject[0], f"X {regard.group('verb')} … as", Span(subject[1], regard.end("verb")))
