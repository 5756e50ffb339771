"""Group the renderings of each statement across articles, compare them, and audit the lot.

A group holds every rendering of one statement: quotations (``quote_links`` decides which
belong together) and the same words written unquoted in an article that does not quote
them. Each rendering is compared word by word with the group's reference (the rendering
closest to all the others), and each difference is classed (``quote_diff``); the same
words given to different speakers are an attribution conflict.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz.distance import Indel

from dedupe.models import Article, Progress, Span, Token
from dedupe.quotes.diff import QuoteDifference, Side, word_differences
from dedupe.quotes.extract import Quote, extract_quotes
from dedupe.quotes.links import LONG_QUOTE_WORDS, Body, Item, is_verbatim, links, make_item
from dedupe.quotes.packed import PackedBodies
from dedupe.quotes.speaker import UNKNOWN
from dedupe.quotes.speaker_match import compatible, name_matches, person_names
from dedupe.quotes.unquoted import Found, UnquotedFinder

SameEvent = Callable[[str, str], bool]

# Attribution conflicts are reported only for statements, not for a scare-quoted word or two.
ATTRIBUTION_MIN_WORDS = 4


@dataclass(frozen=True, slots=True)
class Rendering:
    """One outlet's rendering of a statement: a quotation, or the same words left unquoted.

    ``span`` is where ``text`` is in its article: inside the marks for a quotation (its
    ``quote.span`` includes them), the words themselves for unquoted text.
    ``speaker`` is the canonical speaker across all the articles matched (or "unknown");
    ``relation`` says how it matched the group's reference: "reference", "verbatim" (a
    near-verbatim copy), "translation" (same speaker and key words, other wording) or
    "fragment" (a few words of it).
    """

    article_id: str
    text: str
    span: Span
    quoted: bool
    speaker: str
    quote: Quote | None
    relation: str


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """The renderings of one statement, the reference they are compared with, and how they differ.

    ``consistency`` is "single" (one article only), "identical" (the same characters),
    "trivial" (case, hyphens, punctuation or quotation marks differ, no word does) or
    "differs". ``articles`` lists the ids of the articles with a rendering, in order.
    """

    id: str
    speaker: str
    renderings: tuple[Rendering, ...]
    reference: int
    consistency: str
    differences: tuple[QuoteDifference, ...]
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuoteAudit:
    """The quotation groups of a set of articles after the audit's filters, with counts.

    ``quote_count`` and ``group_count`` count everything found; ``shared_groups`` (groups
    rendered by more than one article) and ``differing_groups`` count what the filters kept.
    """

    articles: tuple[str, ...]
    groups: tuple[QuoteGroup, ...]
    quote_count: int
    group_count: int
    shared_groups: int
    differing_groups: int
    speaker: str | None = None
    only_differences: bool = False


def match_quotes(
    articles: Sequence[Article],
    *,
    quotes: Mapping[str, tuple[Quote, ...]] | None = None,
    same_event: SameEvent | None = None,
    tokens: Mapping[str, tuple[Token, ...]] | None = None,
) -> tuple[QuoteGroup, ...]:
    """Group the quotations of ``articles`` by the statement they render, in order of first appearance.

    Args:
        articles: The articles; groups and renderings follow their order.
        quotes: Quotations already extracted, by article id (extracted here otherwise).
        same_event: Whether two articles (by id) report the same event. Translation-level
            and fragment matches need it to hold; near-verbatim matches do not. Without it,
            any two articles may report the same event.
        tokens: Body tokens already computed (``tokenize(text, body_spans)``), by article id.

    Examples:
        >>> from dedupe.ingest.build import article_from_text
        >>> a = article_from_text("“We will not retreat an inch,” Smith said.", id="a")
        >>> b = article_from_text("“We will not retreat an inch!” said John Smith.", id="b")
        >>> [(g.id, g.speaker, g.consistency) for g in match_quotes([a, b])]
        [('q1', 'John Smith', 'trivial')]
    """
    extracted = [
        quotes[a.id] if quotes is not None and a.id in quotes else extract_quotes(a) for a in articles
    ]
    bodies = [Body.of(a, tokens.get(a.id) if tokens is not None else None) for a in articles]
    return _match(articles, extracted, same_event, bodies)


def pair_quote_groups(
    a: Article,
    b: Article,
    *,
    quotes: Mapping[str, tuple[Quote, ...]] | None = None,
    tokens: Mapping[str, tuple[Token, ...]] | None = None,
) -> tuple[QuoteGroup, ...]:
    """Return the quotation groups with renderings in both ``a`` and ``b`` (for ``compare``)."""
    return tuple(g for g in match_quotes([a, b], quotes=quotes, tokens=tokens) if len(g.articles) == 2)


def audit_quotes(
    articles: Sequence[Article],
    *,
    speaker: str | None = None,
    only_differences: bool = False,
    same_event: SameEvent | None = None,
    progress: Progress | None = None,
) -> QuoteAudit:
    """Audit the quotations of ``articles``: groups, speakers, consistency and classed differences.

    Args:
        articles: The articles to audit.
        speaker: Keep only groups a speaker of which (canonical or as written) matches this
            name, fuzzily ("patrushev", "Patrushov", "statement").
        only_differences: Keep only groups whose renderings differ in wording or attribution.
        same_event: See ``match_quotes``.
        progress: Told each stage's progress: ``extract`` (articles whose quotations are
            found), ``prepare`` (articles whose quotations' words are ready), ``match`` (long
            quotations compared with the others), ``search`` (groups looked for unquoted).
    """
    report = progress or _unwatched
    extracted = []
    for done, article in enumerate(articles):
        report("extract", done, len(articles))
        extracted.append(extract_quotes(article))
    report("extract", len(articles), len(articles))
    report("prepare", 0, len(articles))  # packing the body words comes first
    groups = _match(articles, extracted, same_event, PackedBodies(articles), report)
    kept = [g for g in groups if speaker is None or speaker_matches(speaker, g)]
    if only_differences:
        kept = [g for g in kept if g.consistency == "differs"]
    return QuoteAudit(
        articles=tuple(a.id for a in articles),
        groups=tuple(kept),
        quote_count=sum(len(q) for q in extracted),
        group_count=len(groups),
        shared_groups=sum(1 for g in kept if len(g.articles) > 1),
        differing_groups=sum(1 for g in kept if g.consistency == "differs"),
        speaker=speaker,
        only_differences=only_differences,
    )


def speaker_matches(query: str, group: QuoteGroup) -> bool:
    """True if ``query`` names the group's speaker or a speaker of one of its renderings."""
    names = {group.speaker} | {r.speaker for r in group.renderings}
    names |= {r.quote.speaker for r in group.renderings if r.quote is not None and r.quote.speaker}
    return any(name_matches(query, name) for name in names if name != UNKNOWN)


def _match(
    articles: Sequence[Article],
    extracted: Sequence[tuple[Quote, ...]],
    same_event: SameEvent | None,
    bodies: Sequence[Body],
    progress: Progress | None = None,
) -> tuple[QuoteGroup, ...]:
    report = progress or _unwatched
    names = person_names(q for qs in extracted for q in qs)
    items: list[Item] = []
    for k, qs in enumerate(extracted):
        report("prepare", k, len(articles))
        if qs:
            body = bodies[k]
            items.extend(make_item(k, articles[k], body, q, names) for q in qs)
    report("prepare", len(articles), len(articles))
    ids = [a.id for a in articles]

    def may_share_event(x: int, y: int) -> bool:
        return x == y or same_event is None or same_event(ids[x], ids[y])

    parent = list(range(len(items)))
    for i, j in links(items, may_share_event, progress=lambda done, total: report("match", done, total)):
        parent[_root(parent, i)] = _root(parent, j)
    members: dict[int, list[Item]] = defaultdict(list)
    for i, item in enumerate(items):
        members[_root(parent, i)].append(item)
    finder = UnquotedFinder(articles, bodies, extracted, names)
    groups = []
    for done, group in enumerate(members.values()):
        report("search", done, len(members))
        speaker = _speaker(group)
        groups.append(_group(group, finder.renderings(group, speaker, may_share_event), speaker))
    report("search", len(members), len(members))
    order = {article_id: k for k, article_id in enumerate(ids)}
    groups.sort(key=lambda g: min((order[r.article_id], r.span.start) for r in g.renderings))
    return tuple(replace(g, id=f"q{n}") for n, g in enumerate(groups, 1))


def _unwatched(stage: str, done: int, total: int | None) -> None:
    """Progress nobody watches."""


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _speaker(members: Sequence[Item]) -> str:
    """The speaker most renderings name, people before institutions, first named on a tie."""
    known = [m for m in members if m.speaker != UNKNOWN]
    people = [m for m in known if m.quote.speaker_kind == "person"] or known
    if not people:
        return UNKNOWN
    counts = Counter(m.speaker for m in people)
    return max(
        counts, key=lambda name: (counts[name], -next(i for i, m in enumerate(people) if m.speaker == name))
    )


def _group(members: Sequence[Item], found: Sequence[Found], speaker: str) -> QuoteGroup:
    entries: list[tuple[int, int, Rendering, Side, Item | None]] = []
    for m in members:
        rendering = Rendering(m.side.article_id, m.quote.text, m.quote.inner, True, m.speaker, m.quote, "")
        entries.append((m.article, m.quote.span.start, rendering, m.side, m))
    for f in found:
        rendering = Rendering(
            f.side.article_id, f.span.slice(f.side.text), f.span, False, f.speaker, None, ""
        )
        entries.append((f.article, f.span.start, rendering, f.side, None))
    entries.sort(key=lambda e: (e[0], e[1]))
    articles = tuple(dict.fromkeys(e[2].article_id for e in entries))
    reference = _reference([(e[3], e[4]) for e in entries])
    ref_side, ref_item = entries[reference][3], entries[reference][4]
    renderings: list[Rendering] = []
    differences: list[QuoteDifference] = []
    for index, (_, _, rendering, side, item) in enumerate(entries):
        relation = _relation(ref_side, side) if index != reference else "reference"
        renderings.append(replace(rendering, relation=relation))
        if index != reference and len(articles) > 1:
            differences.extend(word_differences(ref_side, side, partial=relation != "verbatim", index=index))
            differences.extend(_conflict(ref_item, item, index))
    consistency = _consistency(renderings, articles, differences)
    return QuoteGroup("", speaker, tuple(renderings), reference, consistency, tuple(differences), articles)


def _relation(reference: Side, side: Side) -> str:
    """How a rendering matched the reference: a fragment of it, a near-verbatim copy, or a translation."""
    if len(side.tokens) < LONG_QUOTE_WORDS:
        return "fragment"
    return "verbatim" if is_verbatim(reference.words(), side.words()) else "translation"


def _reference(sides: Sequence[tuple[Side, Item | None]]) -> int:
    """Pick the quoted rendering most like all the others; then a full quotation; then the longest."""
    quoted = [i for i, (_, item) in enumerate(sides) if item is not None]
    pool = (
        [i for i in quoted if len(sides[i][0].tokens) >= LONG_QUOTE_WORDS]
        or quoted
        or list(range(len(sides)))
    )
    words = {i: sides[i][0].words() for i in pool}

    def rank(i: int) -> tuple[float, bool, int, int]:
        closeness = sum(Indel.normalized_similarity(words[i], words[j]) for j in pool if j != i)
        item = sides[i][1]
        return closeness, item is not None and item.quote.kind == "full", len(words[i]), -i

    return max(pool, key=rank)


def _conflict(reference: Item | None, rendering: Item | None, index: int) -> list[QuoteDifference]:
    """Report the same words given to another speaker, for statements of a few words or more."""
    if reference is None or rendering is None or UNKNOWN in (reference.speaker, rendering.speaker):
        return []
    if min(len(reference.words), len(rendering.words)) < ATTRIBUTION_MIN_WORDS:
        return []
    if compatible(reference.speaker, rendering.speaker):
        return []
    conflict = QuoteDifference(
        kind="attribution_conflict",
        article_id=rendering.side.article_id,
        reference_text=reference.speaker,
        rendering_text=rendering.speaker,
        reference_span=reference.quote.frame_span,
        rendering_span=rendering.quote.frame_span,
        rendering=index,
    )
    return [conflict]


def _consistency(
    renderings: Sequence[Rendering], articles: Sequence[str], differences: Sequence[QuoteDifference]
) -> str:
    if len(articles) < 2:
        return "single"
    if differences:
        return "differs"
    return "identical" if len({r.text.strip() for r in renderings}) == 1 else "trivial"
