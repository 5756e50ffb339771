"""Plain data shared by every pipeline stage: articles, spans and tokens.

Offsets are half-open ``[start, end)`` character indices into ``Article.text``,
the original decoded text, so ``text[start:end]`` is always what a report shows.
Stage-specific results (quotations, passages, facts) live beside the stage that
makes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Progress = Callable[[str, int, int | None], None]
"""How a long run reports where it is: ``progress(stage, done, total)``, total None if unknown."""


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open ``[start, end)`` character range in an article's original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """Return the characters of ``text`` this span covers."""
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Token:
    """A word in its normalised form with the span it came from."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A stretch of an article set aside as page furniture, with the rule that caught it."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as loaded: the original text plus what ingestion learned of it.

    ``text`` is the whole decoded text, boilerplate included, so that every offset
    in a report can be found in the source; ``boilerplate`` lists what matching skips.
    """

    id: str
    text: str
    source: str = ""
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    credits: tuple[str, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()
    language: str = "und"
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def body_spans(self) -> tuple[Span, ...]:
        """Return the spans of ``text`` that are not boilerplate, in order."""
        spans: list[Span] = []
        cursor = 0
        for part in sorted(self.boilerplate, key=lambda b: b.start):
            if part.start > cursor:
                spans.append(Span(cursor, part.start))
            cursor = max(cursor, part.end)
        if cursor < len(self.text):
            spans.append(Span(cursor, len(self.text)))
        return tuple(spans)

    @property
    def body(self) -> str:
        """Return the text without boilerplate, paragraphs joined by blank lines (display only)."""
        parts = (s.slice(self.text).strip() for s in self.body_spans)
        return "\n\n".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Reason:
    """One piece of evidence behind a verdict: a code, a short sentence with its numbers, and its side.

    ``supports`` is set where the evidence is made: False for evidence against the
    relation the verdict gives (a date conflict under ``related``, say).
    """

    code: str
    text: str
    supports: bool = True
