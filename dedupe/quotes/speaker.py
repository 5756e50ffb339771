"""Who said something: a quotation's speaker as written and as resolved, or "unknown"."""

from __future__ import annotations

from dataclasses import dataclass

UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said something: as the text writes it, as resolved, and whether a person or institution."""

    written: str | None
    canonical: str
    kind: str

    @staticmethod
    def unknown(written: str | None = None) -> Speaker:
        """Return the speaker of words nobody can be shown to have said."""
        return Speaker(written, UNKNOWN, UNKNOWN)
