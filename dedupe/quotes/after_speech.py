"""A quotation that ends its paragraph right after a sentence of reported speech is that speaker's.

News copy reports what someone said and then quotes them in the same paragraph without a
new frame: `She said she is afraid to go back to bed. “I have packed a bag.”`. The
sentence before must be reported speech whose subject is a person ("X said …", "He
warned that …") and hold no quotation of its own; the quotation must open its sentence
and close the paragraph, so that nothing after it could give it to someone else.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from operator import attrgetter

from dedupe.models import Span
from dedupe.quotes.marks import MarkedQuote
from dedupe.quotes.speakers import Attribution, SpeakerResolver

# What may stand between a quotation that closes its paragraph and the paragraph's end.
_TRAILING = frozenset(" \t.,;!?")


def after_reported_sentence(
    text: str,
    para: Span,
    sents: list[Span],
    found: Sequence[MarkedQuote],
    span: Span,
    resolver: SpeakerResolver,
) -> Attribution | None:
    """The speaker of the reported speech just before ``span`` in its paragraph ``para``, if any."""
    if any(ch not in _TRAILING for ch in text[span.end : para.end]):
        return None
    k = bisect_right(sents, span.start, key=attrgetter("start")) - 1
    if k < 1 or sents[k].start != span.start:
        return None  # the quotation does not open its sentence
    before = sents[k - 1]
    if before.start < para.start or any(before.start <= f.start < span.start for f in found):
        return None
    reported = resolver.reported([before], ())
    if not reported or reported[0][2].speaker.kind != "person":
        return None
    return reported[0][2]
