"""Tell when two written names are the same person: transliteration variants and short forms.

"Nikolay Patrushev", "Nikolai Patrushev" and "Patrushev" are one person; so are
"Yang Jiechi" and "Jiechi", and "Kim Jong Un" and "Kim Jong-un". A name key folds the
spelling differences that transliteration produces (y/i, -iy/-i, -yev/-ev, kh/h, dj/đ, x/ks,
gue/ge, q/k, Ye-/E-, zh/j inside a name, -ander/-andr, the Arabic article, doubled letters,
diacritics), and a short form matches a full name when it equals one of its parts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii

from dedupe.evidence.lexicon import TITLES

_FOLDS = (
    (re.compile(r"^(?:al|el|ad|ash|as|at|az)-"), ""),  # the Arabic article: "el-Sisi", "al-Sisi" and "Sisi"
    (re.compile(r"q"), "k"),  # Kazakh and Uzbek Latin Қ: "Toqaev" and "Tokayev"
    (re.compile(r"and(?:er|re)$"), "andr"),  # Russian "Александр": "Alexander", "Alexandre", "Aleksandr"
    (re.compile(r"(?<=.)zh"), "j"),  # Ж inside a name: "Kasym-Zhomart", "Kassym-Jomart" (not Zhang, Yang)
    (re.compile(r"kh"), "h"),
    (re.compile(r"dj"), "d"),  # Serbo-Croatian Đ: "Djokovic" and "Đoković" (accents stripped: "Dokovic")
    (re.compile(r"x"), "ks"),
    (re.compile(r"gu(?=[eiy])"), "g"),  # French and Spanish keep a hard g: "Sergueï", "Serguéi" and "Sergei"
    (re.compile(r"iy$|yy$|ij$|ii$"), "i"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"^ie"), "e"),  # Russian "Е" opening a name: "Yevgeny" and "Evgeny", "Yelena" and "Elena"
    (re.compile(r"(?<=[aeou])ie"), "e"),  # Russian "-ев" after a vowel: "Tokayev" and "Tokaev"
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"^m[ou]ham[ae]d$"), "muhamad"),  # Arabic محمد: "Mohammed", "Muhammad", "Mohamed"
    (re.compile(r"[^a-z]"), ""),
)


def strip_accents(text: str) -> str:
    """Remove diacritics: "Zelenskyy" stays, "Đoković" becomes "Dokovic"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def part_key(part: str) -> str:
    """Fold one name part so transliteration variants compare equal ("Nikolay" == "Nikolai")."""
    key = anyascii(strip_accents(part)).casefold().replace("’", "'").split("'")[0]
    for pattern, replacement in _FOLDS:
        key = pattern.sub(replacement, key)
    return key


def name_parts(name: str) -> list[str]:
    """Return a name's parts without titles, initials' dots or possessive endings."""
    words = re.findall(r"[^\W\d_][\w'’.-]*", name)
    parts = [w.rstrip(".").removesuffix("'s").removesuffix("’s") for w in words]
    return [p for p in parts if p and p.casefold().rstrip(".") not in TITLES]


@lru_cache(maxsize=1 << 16)  # names recur across an article's mentions and across articles
def name_key(name: str) -> tuple[str, ...]:
    """Return the folded parts of a name, the key two spellings of one name share."""
    return tuple(k for k in (part_key(p) for p in name_parts(name)) if k)


def same_person(a: str, b: str) -> bool:
    """True if two written names can be the same person (full names, variants or a short form)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb or "".join(ka) == "".join(kb):
        return True  # the same letters, split differently: "Jong Un", "Jong-un"
    short, full = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if len(short) == 1:
        return short[0] in full
    return short[-1] == full[-1] and _given_compatible(short[:-1], full[:-1])


def short_forms(name: str) -> frozenset[str]:
    """Return the keys a one-part name has when it is ``same_person`` as ``name``.

    A name whose key is one part ``k`` is the same person as ``name`` exactly when ``k``
    is one of its key's parts or all of them joined ("Jongun" and "Kim Jong Un"), so one
    set look-up answers for every name an article mentions.
    """
    key = name_key(name)
    return frozenset((*key, "".join(key))) if key else frozenset()


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
               for x, y in zip(a, b, strict=False))  # fmt: skip


def canonical_names(names: Iterable[str]) -> dict[str, str]:
    """Map each written name to the fullest spelling of the person it names.

    A short form ("Patrushev", "Jiechi") maps to a full name only when exactly one
    full name fits it; otherwise it stays as written, never a guess.
    """
    written = sorted(set(names), key=lambda n: (-len(name_key(n)), n))
    canonical: dict[str, str] = {}
    heads: list[str] = []
    for name in written:
        fits = [head for head in heads if same_person(name, head)]
        if len(fits) == 1 or (fits and len(name_key(name)) > 1):
            canonical[name] = fits[0]
        else:
            canonical[name] = name
            heads.append(name)
    return canonical
