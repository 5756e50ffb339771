"""Copy groups as a report shows them: each copy's differences from its representative, and the
pairs inferred for the copies (``--pairs all``). Finding the groups is ``dedupe.corpus.copies``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial

from dedupe.corpus.copies import CopyGroups
from dedupe.corpus.linkage import Link, copy_link
from dedupe.models import Reason
from dedupe.pair.verdict import Relation

EDITED_SHARE = 0.005
"""A cut-short or wrapped copy is also called edited when this share of its words lies outside
the passages it shares with the representative."""
PAIRS_MODES = ("compared", "all", "none")
"""What a report lists: the pairs the verdict ran on (between representatives and articles in
no group, and each copy with its representative: the default), also every pair inferred for
the copies, or no pairs."""


@dataclass(frozen=True, slots=True)
class CopyMember:
    """One copy in a group: how it differs from the representative, and their verified verdict."""

    id: str
    exact: bool  # the representative's very text
    published: str | None
    differences: tuple[str, ...]  # "exact copy", "cut short: …", "edited: …"
    link: Link  # the member's verdict with the representative (compared, not inferred)


@dataclass(frozen=True, slots=True)
class CopyGroup:
    """Copies of one story: the representative that stands for them, its members, when they ran."""

    id: str
    representative: str
    members: tuple[CopyMember, ...]  # the copies beside the representative, by id
    earliest: str | None  # first and last publication date among representative and members
    latest: str | None

    @property
    def size(self) -> int:
        """Return the number of articles in the group, its representative included."""
        return len(self.members) + 1


def differences(link: Link, member: str, same_text: bool) -> tuple[str, ...]:
    """Say how a member differs from its representative, from their verified verdict."""
    if same_text:
        return ("exact copy",)
    found = []
    for reason in link.reasons:
        if reason.code == "cut_or_wrapped_copy":
            detail = reason.text.split(": ", 1)[-1]
            roles = {"A": _role(link.a, member), "B": _role(link.b, member)}
            found.append(re.sub(r"\b[AB]\b", partial(_named, roles), detail))
    outside = 1.0 - (link.figures.coverage_a if link.a == member else link.figures.coverage_b)
    jaccard = link.figures.jaccard
    if outside >= EDITED_SHARE or (not found and jaccard < 1.0):
        found.append(
            f"edited: {outside:.1%} of its words outside shared passages, text Jaccard {jaccard:.2f}"
        )
    return tuple(found) or ("same words, other furniture",)


def _named(roles: dict[str, str], found: re.Match[str]) -> str:
    return roles[found.group()]


def _role(article: str, member: str) -> str:
    return "the copy" if article == member else "the representative"


def describe_groups(
    groups: CopyGroups, ids: Sequence[str], published: Mapping[str, str | None], links: Iterable[Link]
) -> tuple[CopyGroup, ...]:
    """Return the copy groups whose members the verdict confirmed, numbered by representative id.

    A member whose verdict with its representative is weaker than a duplicate is not in
    its group: the scan treated it as an article of its own.
    """
    verdict = {frozenset((k.a, k.b)): k for k in links if k.relation is Relation.DUPLICATE}
    found = []
    for rep, rows in groups.members.items():
        members = []
        for row in rows:
            link = verdict.get(frozenset((ids[rep], ids[row])))
            if link is not None:
                same = row in groups.same_text
                members.append(
                    CopyMember(
                        ids[row], same, published.get(ids[row]), differences(link, ids[row], same), link
                    )
                )
        if members:
            dates = sorted(d for d in (published.get(ids[rep]), *(m.published for m in members)) if d)
            found.append(CopyGroup("", ids[rep], tuple(sorted(members, key=lambda m: m.id)), *(_ends(dates))))
    found.sort(key=lambda g: g.representative)
    return tuple(
        CopyGroup(f"copies-{n}", g.representative, g.members, g.earliest, g.latest)
        for n, g in enumerate(found, start=1)
    )


def _ends(dates: list[str]) -> tuple[str | None, str | None]:
    return (dates[0], dates[-1]) if dates else (None, None)


def expand_pairs(pairs: Sequence[Link], groups: Sequence[CopyGroup]) -> tuple[Link, ...]:
    """Return ``pairs`` (compared) and every pair they imply for copies: each copy with the other
    copies of its group (inferred from its verdict with the representative) and with whatever
    its representative is paired with (inferred from that pair). Strongest first."""
    members_of = {g.representative: g.members for g in groups}
    copies = {m.id for g in groups for m in g.members}
    expanded = list(pairs)
    for link in pairs:
        if link.a in copies or link.b in copies:
            continue
        for x in (None, *members_of.get(link.a, ())):
            for y in (None, *members_of.get(link.b, ())):
                if x is not None or y is not None:
                    expanded.append(_inferred(link, x, y, f"{link.a} and {link.b}"))
    for group in groups:
        for n, member in enumerate(group.members):
            for other in group.members[n + 1 :]:  # the other copy stands in for the representative
                if member.link.a == group.representative:
                    expanded.append(_inferred(member.link, other, None, group.representative))
                else:
                    expanded.append(_inferred(member.link, None, other, group.representative))
    return tuple(sorted(expanded, key=lambda k: (-k.relation.strength, k.a, k.b)))


def _inferred(link: Link, x: CopyMember | None, y: CopyMember | None, source: str) -> Link:
    """``link``'s verdict for the pair with ``x`` in place of ``link.a`` and ``y`` of ``link.b`` (None: kept);
    marked ``exact_copy`` when the stand-ins have their originals' very text, ``copy_group`` otherwise."""
    first, second = x.id if x else link.a, y.id if y else link.b
    made = copy_link(link, first, second, source)
    if all(m is None or m.exact for m in (x, y)):
        return made
    reason = Reason("copy_group", f"copies of the articles of {source}: their verdict")
    return replace(made, reasons=(reason, *made.reasons[1:]))
