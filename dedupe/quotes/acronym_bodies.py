"""A body English wire copy names by its acronym after a common noun: "state news agency
KCNA said", "broadcaster NHK reported". The acronym is the body's name; the words before it
say what kind of body it is, and no general reading of a subject takes them for a name.
"""

from __future__ import annotations

import re

# A lower-case noun, then an acronym ending the subject: "news agency KCNA", "broadcaster NHK".
ACRONYM_AFTER_NOUN = re.compile(r"(?:^|\s)[a-z]{3,}\s+(?P<acronym>[A-Z][A-Z0-9]{1,7})$")


def acronym_body(phrase: str) -> str | None:
    """The acronym a subject ends with after a common noun ("state news agency KCNA" → "KCNA")."""
    match = ACRONYM_AFTER_NOUN.search(phrase)
    return match.group("acronym") if match is not None else None
