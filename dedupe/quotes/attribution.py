"""A speaker with the evidence for it: the frame ("X said") and the span of its words."""

from __future__ import annotations

from dataclasses import dataclass

from dedupe.models import Span
from dedupe.quotes.speaker import Speaker


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker with the evidence: the frame ("X said") and the span of its words."""

    speaker: Speaker
    frame: str
    frame_span: Span
