"""Names of states and political organisations, coded to country and sector.

Built from ``models/gazetteer/countries.json`` (generated from pycountry and
countryinfo: names, demonyms, capitals) and ``models/gazetteer/curated.json``
(short forms, metonyms, organisations).  Look-ups are case-insensitive and
ignore a leading "the" and a trailing possessive.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventx.resources import load_json


@dataclass(frozen=True)
class Entry:
    country: str | None
    sector: str | None
    kind: str  # name, demonym, capital, alias, organisation


def normalise(text: str) -> str:
    key = text.strip().lower().replace("’", "'")
    for suffix in ("'s", "'"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
    if key.startswith("the "):
        key = key[4:]
    return " ".join(key.split())


@cache
def _table() -> dict[str, Entry]:
    table: dict[str, Entry] = {}
    for name, entry in load_json("gazetteer/countries.json")["entries"].items():
        sector = "GOV" if entry["kind"] == "capital" else None
        table[name] = Entry(entry["country"], sector, entry["kind"])
    curated = load_json("gazetteer/curated.json")
    for name, code in curated["aliases"].items():
        table[name] = Entry(code, None, "alias")
    for name, (code, sector) in curated["organisations"].items():
        table[name] = Entry(code, sector, "organisation")
    return table


def lookup(text: str) -> Entry | None:
    """The entry for a whole name ("New Delhi", "the Taliban"), if any."""
    return _table().get(normalise(text))


def is_place_name(text: str) -> bool:
    """Whether the text names a state or capital (not an organisation)."""
    entry = lookup(text)
    return entry is not None and entry.kind != "organisation"
