"""One person for names that only add words in front of each other ("Putin", "Vladimir
Putin", "Nga Vladimir Putin").

``canonical_names`` maps a short form to a full name only when one full name fits it. A
stray capitalised word taken into a name (a caption's word in another language, a
sentence's opening adverb) makes a second "full name" that ends with the first, and then
the surname alone fits two and stays apart: the article's one person counts as two, so
"he" and "the Russian president" after them resolve to nobody. Names of which each longer
one ends with the shorter, word for word, are one person, named by the shortest full name.
"""

from __future__ import annotations


def merge_suffix_chains(canonical: dict[str, str]) -> dict[str, str]:
    """``canonical`` with full names that end with a shorter full name mapped to that one."""
    heads = sorted(set(canonical.values()), key=lambda n: len(n.split()))
    full = [h for h in heads if len(h.split()) > 1]
    into: dict[str, str] = {}
    for k, longer in enumerate(full):
        shorter = next((h for h in full[:k] if longer.endswith(" " + h)), None)
        if shorter is not None:
            into[longer] = into.get(shorter, shorter)
    merged = {name: into.get(head, head) for name, head in canonical.items()}
    for name, head in merged.items():
        if " " in head:
            continue
        fitting = {into.get(h, h) for h in full if h.split()[-1] == head}
        if len(fitting) == 1:
            merged[name] = fitting.pop()
    return merged
