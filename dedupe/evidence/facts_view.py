"""The facts a report states about its own event: the event profile less what narrates another.

``dedupe.evidence.events`` profiles the reported event for telling events apart (the event
model reads it, so it stays as fitted). Comparing two reports' facts asks more: a value is
the event's only where the report narrates the event itself, so this view drops, from that
profile, what only furniture or background states.
"""

from __future__ import annotations

from dedupe.evidence.events import EventProfile, event_profile
from dedupe.models import Article


def facts_profile(article: Article, *, profile: EventProfile | None = None) -> EventProfile:
    """Return the facts of the event ``article`` narrates, as ``compare_facts`` compares them.

    Args:
        article: the report.
        profile: its event profile (``event_profile``), if already computed.
    """
    return profile if profile is not None else event_profile(article)
