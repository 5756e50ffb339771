"""Italian gives a quotation to its speaker in the words that follow it, often as a sentence
of their own: "“…”: lo ha detto il presidente X", "“…”. Così la presidente della banca, X, in
…", "È quanto dichiarato dalla presidente, X". ``foreign_frames`` reads them for Italian.
"""

from __future__ import annotations

import re

# What may stand between the quotation and such a frame: its closing mark, a colon, a stop.
GAP = r"[\s,.:;”“\"»«’]*"
# The frame's opening words, then its subject: "lo ha detto", "così", "è quanto dichiarato da".
FOLLOWING = re.compile(
    rf"{GAP}(?:[Ll]o\s+ha\s+(?:detto|affermato|dichiarato|spiegato|sottolineato|ribadito|annunciato)"
    r"|[Cc]osì|È\s+quanto\s+(?:ha\s+)?(?:detto|affermato|dichiarato|spiegato|sottolineato|ribadito)"
    r"(?:\s+da(?:l|lla|llo|i|gli|lle)?)?)\s+"
    r"(?P<subj>[^,.;:!?“”\"«»\n]{1,80}?)(?:,\s+(?P<apposed>[^,.;:!?“”\"«»\n]{1,40}?))?"
    r"(?=\s*[,.;:!?\n]|\s+(?:in|durante|nel|nella|al|alla|a|dopo|rispondendo|parlando|intervenendo)\b|$)"
)
# A sentence's end, where a frame of its own may start after the quotation's.
SENTENCE_END = re.compile(r"[.!?](?=[\s”“\"»«’]|$)|\n")
# The farthest a quotation's sentence may run past it to the frame's.
FOLLOWING_REACH = 300
