"""The words a speaker's frame is read with: speech verbs, role and institution heads, and the
roles the text gives a name; ``subject_names`` tells a person's, a body's or a headline's words apart."""

from __future__ import annotations

import re

from dedupe.evidence.lexicon import (
    FUNCTION_WORDS,
    NAME_WORD,
    TITLES,
    fold,
)
from dedupe.evidence.mentions import Mention
from dedupe.models import Article, Span

# Longest subject phrase a frame may have ("Russian Security Council secretary Nikolai Patrushev").
MAX_SUBJECT_WORDS = 8


# How far back (in characters) "he" or "she" looks for the person it stands for.
PRONOUN_REACH = 800


# How many sentences before a pronoun's own are searched for the one person it can stand
# for: the sentence before and the one before that, where news copy names whom "he" is.
PRONOUN_SENTENCES = 2


# How many words before a name may describe it ("Russian Security Council Secretary").
ROLE_WORDS_BEFORE = 5


# How many words of an apposition after a name may describe it (", the Russian president,").
ROLE_WORDS_AFTER = 14


VERBS = (
    "said says say saying added adds adding told tells telling stressed stresses stressing noted noting "
    "emphasized emphasised emphasizes emphasises emphasizing emphasising reiterated reiterates reiterating "
    "stated declared insisted warned warns argued claimed announced remarked recalled wrote writes asked "
    "replied responded explained concluded promised pledged urged acknowledged observed commented confirmed "
    "underlined underscored highlighted praised hailed called described vowed mentioned "
    "stating states indicated indicates continued continues tweeted posted reads read affirmed assured "
    # Verbs that news copy puts after a speaker's words as it puts "said" ("…,” Putin alleged).
    "alleged threatened boasted admitted conceded predicted cautioned complained shared reported "
    "reaffirmed answered "
    # Participles that introduce the subject's words inside its sentence ("…, calling it “…”").
    "calling describing urging "
    # … and in the other languages of VERBS ("…, exhortant « … »", "…, instando a « … »").
    "exhortant appelant qualifiant instando calificando "
    # The same frames in the other languages of the news this reads (es, pt, it, fr, de, ru).
    "dijo dice afirmó aseguró señaló declaró indicó añadió agregó explicó subrayó destacó insistió remarcó "
    "apuntó sentenció enfatizó manifestó expresó advirtió reaccionó reiteró precisó sostuvo "
    "contestó respondió escribió comentó anunció calificó confirmó "
    # The participles of the perfect ("ha afirmado", "han confirmado"); the auxiliary is dropped.
    "dicho afirmado asegurado señalado declarado indicado añadido explicado subrayado destacado "
    "advertido confirmado anunciado "
    # The present, in which outlets quote documents ("añade la declaración", "ajoute le texte").
    "añade agrega señala afirma indica explica asegura subraya destaca advierte sostiene "
    "ajoute souligne précise explique "
    "disse afirmou declarou acrescentou detto dichiarato affermato "
    "déclaré affirmé indiqué ajouté souligné estimé expliqué assuré indique déclare affirme estime "
    "écrit décrit répondu annoncé précisé qualifié "
    "confirmé raconté raconte prévient prévenu averti avertit commenté plaidé insisté martelé rappelé "
    "rappelle reconnu réagi répété réitéré déploré dénoncé confié témoigné témoigne révélé dit tweeté "
    "aggiunto spiegato sottolineato ribadito evidenziato osservato commentato precisato annunciato "
    "avvertito aggiunge afferma spiega sottolinea ribadisce dichiara "
    "replicó lamentó informó recordó adelantó concluyó puntualizó admitió reconoció denunció consideró "
    "opinó estimó mencionó refirió instó definito calificado "
    "sagte sagt erklärte betonte fügte schrieb warnte antwortete kündigte vermeldete meldete teilte "
    "mahnte drohte behauptete bekräftigte versicherte ergänzte unterstrich bezeichnete nannte "
    "заявил заявила сказал сказала отметил отметила подчеркнул подчеркнула написал написала объявил "
    "объявила сообщил сообщила добавил добавила указал указала высказался высказалась пояснил пояснила "
    "уточнил уточнила предупредил предупредила"
).split()


# Participles whose subject is a clause's, not always the sentence's: "X spoke after Y
# delivered a speech, urging …" is Y's. They count only where one person is named before.
PARTICIPLES = frozenset(
    "calling describing urging exhortant appelant qualifiant instando calificando".split()
)


SPEECH_VERB = re.compile(rf"\b(?:{'|'.join(VERBS)})\b")


# Titles in the other languages of VERBS, which put the title first: "el presidente
# ucraniano", "le Premier ministre japonais", "der japanische Regierungschef".
FOREIGN_TITLES = frozenset(
    "presidente président präsident ministro ministre minister canciller chancelier kanzler kanzlerin "
    "portavoz portavoce porte-parole sprecher sprecherin secretario secrétaire segretario jefe chef "
    "regierungschef primeiro-ministro líder dirigeant dirigente "
    # … and their feminine forms ("la présidente", "die Präsidentin", "la ministra").
    "präsidentin présidente presidenta ministerin ministra secretaria segretaria jefa cheffe "
    # Russian's, which like English puts the title last ("российский лидер").
    "президент лидер премьер-министр министр председатель пресс-секретарь представитель".split()
)


_ROLE_NOUNS = "ally aide diplomat counterpart officer associate politician lawmaker representative negotiator"


ROLE_HEADS = TITLES | FOREIGN_TITLES | frozenset(_ROLE_NOUNS.split())


INSTITUTION_HEADS = frozenset(
    "statement release communique communiqué readout report reports media agency ministry government office "
    "council committee embassy police military army court parliament kremlin administration agencies "
    "department".split()
)


# "he" and "she" in the languages of VERBS ("sie" is also "they": left out).
PERSONAL = frozenset("he she él ella il elle er он она lui lei ele ela".split())


# "they" in the languages of VERBS: a body whose people or document a sentence just
# before opened with ("G20 leaders …"), or nobody.
PLURAL = frozenset("they ellos ellas ils elles eles".split())


# Subjects that stand for nobody this module can name: a guess would be a wrong speaker.
NOBODY = frozenset("they we i you this that these those there one someone".split())


# Words between a phrase's start and a name in it that make the name no subject: "meeting
# with X", "during talks with X", "Speaking after X": the person met, not the one speaking.
NOT_SUBJECT = frozenset(
    "with during at in on to for from by after before met meet meeting talks visit visiting and whom about "
    "against between among toward towards into under over via like than as".split()
    # Conjunctions that open a clause of their own: "When he received X, Y said …" is Y's.
    + "when while if although though because since once until unless whereas".split()
)


# "according to" in the other languages of VERBS: opening a sentence capitalised, it is
# no given name of the person after it ("Según Mara Velde, …").
ACCORDING_WORDS = frozenset("según selon laut segundo secondo".split())


# Words after which a form of VERBS is a noun ("all states", "the reads"), no speech ("a"
# is left out: it is also French's "has", "a décrit").
NOUN_MARKERS = frozenset("the all some many most these those other several both its their our".split())


# Articles of the languages of VERBS: a capitalised run opening with one is a noun phrase.
DETERMINERS = frozenset("the el la los las un una der die das dem den ein eine le les il lo gli une".split())


# Words of dates and datelines: a phrase holding one ("On Thursday", "Friday's") names no body.
NOT_BODIES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tomorrow tonight morning afternoon evening "
    "night week weekend month year".split()
)


# Words a role descriptor may carry that describe nobody in particular ("the top diplomat").
EMPTY_MODIFIERS = frozenset("top senior visiting new current then".split())


# A descriptor head that stands for any of these titles: "the Russian leader" is its president.
LEADERS = frozenset(
    "president premier prime chancellor king queen leader sheikh emir "
    "presidente président präsident canciller chancelier kanzler kanzlerin президент".split()
)


# "leader" in the languages of VERBS: "el líder ucraniano", "le dirigeant birman".
LEADER_HEADS = frozenset("leader líder dirigeant dirigente лидер".split())


# Descriptor heads that stand for any title ("the security chief" is the Security Council's
# secretary); the descriptor's other words must still all be the person's.
ANY_TITLE_HEADS = frozenset("chief head official".split())


# Words where the description of a name stops: another clause or the person met
# ("Xi met with Russian President Putin": "Russian President" describes Putin, not Xi).
DESCRIPTION_STOPS = NOT_SUBJECT | frozenset(
    "who which that whose where when while but said says told".split()
)


# A sentence that opens with a descriptor ("The Prime Minister, who …, congratulated",
# "Asimismo, el líder ucraniano acusó"): its article, up to DESCRIPTOR_WORDS words after
# it, where a sentence (or its opening adverb's clause) starts.
DESCRIPTOR_OPENING = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:[^\W\d_]+,\s+)?(?P<phrase>(?:[Tt]he|[Ee]l|[Ll]a|[Ll]e|[Dd]er|[Dd]ie)\s+[^\W\d_]+"
    r"(?:\s+[^\W\d_]+){0,2})"
)


# A capitalised word of any cased script, where a place's name may be.
CAPITALISED_WORD = re.compile(r"\b[^\W\d_](?<![a-zß-ÿа-яё])[^\W\d_]{2,}")


# The most words of a descriptor subject after its article ("the Ukrainian foreign minister").
DESCRIPTOR_WORDS = 3


# How far back a name may open the clause that makes it a sentence's subject.
SUBJECT_LOOKBACK = 80


# "Port director Jonas Lindqvist later said": the adverb is not part of the speaker's name.
# Words between a subject and its verb that are not the subject: English adverbs and
# auxiliaries ("The agency has issued"), an acronym glossing a body's name ("The Space
# Agency (SPA) has"), and the
# object pronouns and auxiliaries Spanish and French put before the verb ("Velde lo
# calificó de …", "Velde l’a qualifié de …", "Velde lui a déclaré").
TRAILING_ADVERB = re.compile(
    r"(?:\s+(?:later|earlier|again|also|further|then|now|still|once|[a-z]{3,}ly|has|have|had|\([A-Z][A-Z0-9]{1,7}\)"
    r"|lo|la|los|las|le|les|se|nos|l[’']a|l[’']ont|lui|leur|a|ont|ha|han))+$"
)


# An acronym in brackets after a body's name ("the Space Agency (SPA)"): no clause break.
ACRONYM_GLOSS = re.compile(r"\([A-Z][A-Z0-9]{1,7}\)")


APPOSITION_AFTER = re.compile(r"[’'s]*\s*,\s*(?P<apposition>[^,.;:\n]{1,120})")


INSTITUTION_NAME = re.compile(r"(?:the\s+)?[A-Z][\w’'\-.]*(?:\s+(?:of|and|for|the|[A-Z][\w’'\-.]*))*")


def masked_text(article: Article, quotes: list[Span]) -> str:
    """Blank out quotations and boilerplate (offsets kept) so frames and names come from the narrative."""
    chars = list(article.text)
    hidden = [Span(b.start, b.end) for b in article.boilerplate] + quotes
    for span in hidden:
        chars[span.start : span.end] = " " * len(span)
    return "".join(chars)


def not_subject(words: str) -> bool:
    return any(
        w.casefold() in NOT_SUBJECT or w.casefold().endswith("ing") for w in re.findall(r"[^\W\d]+", words)
    )


def drop_article(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end


def role_words(text: str, mention: Mention, previous_end: int, next_start: int) -> frozenset[str]:
    """The words that give ``mention`` a role: its titles and the words just before it back to a
    clause break or another name, and its apposition up to one; each stops at a word that
    starts another clause or brings in someone met ("with", "who", "met", "said")."""
    low = max(previous_end, mention.start - SUBJECT_LOOKBACK)
    before = text[low : mention.start]
    before = before[max(map(before.rfind, ".!?\n;:")) + 1 :]
    words: list[str] = []
    for word in reversed(NAME_WORD.findall(before)):
        if word.casefold() in DESCRIPTION_STOPS or SPEECH_VERB.fullmatch(word) or word.endswith("ing"):
            break
        words.append(word)
    words = words[:ROLE_WORDS_BEFORE]
    after = APPOSITION_AFTER.match(text, mention.end, min(next_start, mention.end + SUBJECT_LOOKBACK * 2))
    if after is not None:
        for word in NAME_WORD.findall(after.group("apposition"))[:ROLE_WORDS_AFTER]:
            if word.casefold() in DESCRIPTION_STOPS or SPEECH_VERB.fullmatch(word) or word.endswith("ing"):
                break
            words.append(word)
    return frozenset(fold(w) for w in words) - FUNCTION_WORDS


def roles_so_far(
    mentions: list[Mention], roles: list[frozenset[str]], canonical: dict[str, str]
) -> dict[str, tuple[list[int], list[frozenset[str]]]]:
    """For each person, where each mention of them ends and every role word given them up to it:
    what a descriptor at any point may be read against, found once per article."""
    found: dict[str, tuple[list[int], list[frozenset[str]]]] = {}
    for mention, words in sorted(zip(mentions, roles, strict=True), key=lambda pair: pair[0].end):
        ends, given = found.setdefault(canonical[mention.name], ([], []))
        ends.append(mention.end)
        given.append(words | given[-1] if given else words)
    return found


def apposition_words(text: str, mention: Mention) -> frozenset[str]:
    """The words of the apposition after ``mention`` (", secretary of the council chaired by Putin,")."""
    after = APPOSITION_AFTER.match(text, mention.end, mention.end + SUBJECT_LOOKBACK * 2)
    if after is None:
        return frozenset()
    return frozenset(fold(w) for w in NAME_WORD.findall(after.group("apposition"))[:ROLE_WORDS_AFTER])
