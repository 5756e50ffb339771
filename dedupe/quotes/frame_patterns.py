"""The patterns of speech frames in news copy: "X said", "said X", "according to X", the
German perfect and separable verbs, "…, peut-on lire dans le document", a title's "X: “…”".

``speakers`` matches them around a quotation; ``speaker_words`` holds the verbs they use.
"""

from __future__ import annotations

import re

from dedupe.quotes.speaker_words import ACCORDING_WORDS, SPEECH_VERB

# An absolute clause between a speech verb and a quotation gives the words another agent
# ("X stressed …, with the declaration calling it a “…”"): they are no longer the verb's.
NEW_CLAUSE = re.compile(r",\s+with\s+[^,;]{1,80}?\b[a-z]{2,}ing\b")
# The absolute clause's own speaker: "…, with the declaration referring to it as a “…”".
ABSOLUTE = re.compile(
    r",\s+with\s+(?P<subj>[^,;]{1,80}?)\s+(?P<verb>calling|describing|referring\s+to|saying|stating|noting"
    r"|urging|warning)\b[^,;]*$"
)
BOUNDARY = re.compile(r"[,;:()\[\]—–]|\b(?:that|and|but|while|which|who)\b")
LEAD = r"[\s,.;:!?—–-]*"
SUBJECT = r"[^,.;:!?“”\"«»]{1,80}?"
QUOTED_AS = re.compile(rf"{LEAD}(?P<quoter>{SUBJECT})\s+quoted\s+(?P<subj>{SUBJECT})\s+as\s+saying")
SUBJECT_FIRST = re.compile(rf"{LEAD}(?P<subj>{SUBJECT})\s+(?P<verb>{SPEECH_VERB.pattern})")
# The auxiliary of a perfect, and an adverb the Romance languages put after it ("a encore
# affirmé", "ha también dicho", "a néanmoins plaidé").
AUXILIARY = (
    r"(?:(?:a|ha|hat|has|have)\s+(?:(?:encore|aussi|également|ensuite|enfin|alors|néanmoins|toutefois|pourtant"
    r"|[a-zé]{3,}ment|también|además|luego|anche|inoltre|poi)\s+)?)?"
)
# "…", dijo. "…", apuntó: a language that drops the subject pronoun; the speaker is "he".
# "…", dijo a Li: the one spoken to after the verb, its subject still dropped.
DROPPED = re.compile(rf"{LEAD}(?P<verb>{SPEECH_VERB.pattern})(?=\s*[,.;]|\s+(?:a|al|à)\s+[A-ZÀ-Ý])")
# "…", sagte Regierungschef Fumio Kishida vor …: the capitalised words after the verb.
VERB_FIRST_NAMED = re.compile(
    rf"{LEAD}{AUXILIARY}(?P<verb>{SPEECH_VERB.pattern})\s+(?P<subj>(?:[^\W\d_][\w’'.\-]*\s+)?"
    r"(?:[A-ZÀ-ÝА-ЯЁ][\w’'.\-]*)(?:\s+[A-ZÀ-ÝА-ЯЁ][\w’'.\-]*){0,3})"
)
# A capitalised run that goes on past a lower-case noun to a name: "said SpaceX commentator
# John Smith" (English) is no one's name up to "SpaceX".
NAME_GOES_ON = re.compile(r"\s+(?P<noun>[a-z]+)\s+[A-Z]")
# "…", dijo el primer ministro, Narendra Modi, en …: the name in apposition, after what the
# verb may take first ("reaccionó a los medios de comunicación el portavoz …, X").
VERB_FIRST_APPOSED = re.compile(
    rf"{LEAD}{AUXILIARY}(?P<verb>{SPEECH_VERB.pattern})\s+[^,.;:!?“”\"«»]{{1,80}},\s+(?P<subj>{SUBJECT})(?=\s*[,.;])"
)
VERB_FIRST = re.compile(
    rf"{LEAD}{AUXILIARY}(?P<verb>{SPEECH_VERB.pattern})\s+(?P<subj>{SUBJECT})"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:on|in|at|during|after|before|when|while|who|as|to|from"
    # … and where the other languages of VERBS go on after the subject ("dijo X en la sede").
    r"|en|ante|durante|tras|dans|devant|lors|après|vor|bei|nach|im"
    # … and where a French, Spanish or German listener or time follows ("à Reuters", "am Montag").
    r"|à|sur|am|gegenüber|в|во|на|по|после|перед|при)(?![\w-]))"
)
# German puts the subject after the verb's first part: „…“, hatte er damals erklärt;
# „…“, teilte dazu die Firma mit; „…“, kündigt er an. The subject is a pronoun, a
# capitalised name or an article's noun phrase; lower-case adverbs may stand around it.
DE_SUBJECT = (
    r"(?:er|sie|[A-ZÄÖÜ][\w\-’']*(?:\s+[A-ZÄÖÜ][\w\-’']*){0,3}"
    r"|(?:der|die|das)\s+[\w\-]+(?:\s+[A-ZÄÖÜ][\w\-’']*){0,3})"
)
DE_ADVERBS = r"(?:\s+[a-zäöüß]+){0,2}?"
DE_PERFECT = re.compile(
    rf"{LEAD}(?P<aux>hat|hatte|haben|hatten)\s+(?P<subj>{DE_SUBJECT}){DE_ADVERBS}\s+"
    r"(?P<verb>gesagt|erklärt|betont|geschrieben|gewarnt|angekündigt|mitgeteilt|versichert|bekräftigt)"
    r"(?=\s*[,.;:!?]|\s*$)"
)
DE_SEPARABLE = re.compile(
    rf"{LEAD}(?P<verb>teilte|teilt|kündigte|kündigt|fügte|fügt){DE_ADVERBS}\s+(?P<subj>{DE_SUBJECT})"
    rf"{DE_ADVERBS}\s+(?P<particle>mit|an|hinzu)(?=\s*[,.;:!?]|\s*$)"
)
# "« … », peut-on lire dans le document", "„…“, heißt es in der Erklärung", "“…”, se lee en
# el comunicado": the words are the document's; it is resolved as "the document" is.
IN_DOCUMENT = re.compile(
    rf"{LEAD}(?P<verb>peut-on\s+lire|lit-on|(?:se\s+)?lee|heißt\s+es|steht)\s+(?:dans|en|in)\s+"
    r"(?P<subj>(?:le|la|el|der|die|dem|das)\s+[^\W\d_][\w\-]*(?:\s+[^\W\d_][\w\-]*){0,3}?)"
    r"(?=\s*[,.;:!?]|\s*$)"
)
# The one-word "according to"s, as regular-expression alternatives.
ACCORDING_ALTERNATIVES = "|".join(sorted(ACCORDING_WORDS))
# "according to X" and its words in the other languages of VERBS ("según X", "selon X").
ACCORDING = re.compile(
    rf"{LEAD}(?:according\s+to|d[’']après|{ACCORDING_ALTERNATIVES})\s+(?P<subj>[^,.;:!?“”\"«»]{{1,80}})",
    re.IGNORECASE,
)
# A quotation a passive participle introduces ("qualifié de « … » par X", "described as
# “…” by X"): the agent after "by" is the speaker.
PASSIVE_LEAD = re.compile(
    r"\b(?:described|called|dubbed|branded|qualifi[ée]e?s?|d[ée]crite?s?|calificad[oa]s?|descrit[oa]s?)"
    r"\s+(?:as|de|comme|como)?\s*$",
    re.IGNORECASE,
)
BY_AGENT = re.compile(
    rf"{LEAD}(?:by|par|por)\s+(?P<subj>{SUBJECT})"
    r"(?=\s*(?:[,.;:!?]|$)|\s+(?:on|in|at|during|lors|dans|en|durante)\b)"
)
# "For Zelensky, “…”", "Pour le président, « … »": whose view the quotation that follows is.
FOR_WHOM = re.compile(r"\s*(?:For|Pour|Para|Per)\s+(?P<subj>[^,.;:!?“”\"«»]{1,60}),\s*$")
APPOSED = re.compile(
    rf"{LEAD}(?P<subj>{SUBJECT}),\s+[^,.;:!?“”\"«»]{{1,80}}?,\s+(?P<verb>{SPEECH_VERB.pattern})"
)
# What may follow a closing frame's verb to its sentence's end: when and where, never a
# clause of its own ("…, Putin said June 19 after talks in Pyongyang.", not "… said that …").
CLOSING_ADJUNCT = (
    r"(?:\s+(?:on|in|at|during|after|following|before|late|earlier|later|January|February|March|April|May"
    r"|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)\b(?:(?!\bthat\b)[^,;“”\"«»\n])*)?"
)
CLOSING_FRAME = re.compile(
    rf".*,\s*(?P<subj>{SUBJECT})\s+(?P<verb>{SPEECH_VERB.pattern}){CLOSING_ADJUNCT}\W*$", re.DOTALL
)
# "… the “final results” of the talks, Tass quoted aide X as saying.": the one quoted speaks.
CLOSING_QUOTED_AS = re.compile(
    rf".*,\s*(?P<quoter>{SUBJECT})\s+quoted\s+(?P<subj>{SUBJECT})\s+as\s+saying{CLOSING_ADJUNCT}\W*$",
    re.DOTALL,
)
NAME_COLON = re.compile(r"\s*(?P<subj>[^\W\d_][^,.;:!?“”\"«»\n]{0,60}?)\s*:\s*")
# A title's lead before its quotation: "X en la ONU sobre Rusia: “…”", "Lavrov: “…”".
HEADLINE_LEAD = re.compile(r"\s*(?P<lead>[^:“”\"«»\n]{1,80}?)\s*:\s*")
TERMINATOR = re.compile(r"[.!?](?=\s|$)|\n")
ISSUED = re.compile(r"\b(?:issued|released|published|put out)\b")
FROM = re.compile(r"\b(?:from|by)\s+(?P<subj>[^,.;:!?“”\"]{1,80}?)\s*:?\s*$")
REPORTED_VERBS = "|".join(
    "said says told added stressed noted warned stated insisted argued claimed announced emphasized".split()
)
REPORTED = re.compile(
    rf"(?P<subject>[^.!?]*?)\b(?P<verb>{REPORTED_VERBS})\b(?:\s+(?:reporters|journalists|the\s+\w+|[A-Z]\w+))?"
    r"\s+(?:that\s+)?(?P<clause>\S)"
)


def looks_ahead(pattern: re.Pattern[str], match: re.Match[str], quotation: str) -> bool:
    """True for a frame after ``quotation`` that introduces what follows instead: "X said:"
    before the next one, "According to X, …" opening a sentence after one that ended."""
    if pattern is SUBJECT_FIRST:
        return match.string[match.end() : match.end() + 2].lstrip().startswith(":")
    ended = quotation.rstrip("”’\"' ")[-1:] in (".", "!", "?")
    return pattern is ACCORDING and ended and "According" in match.group()
