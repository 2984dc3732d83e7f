"""Names of states, political organisations and people, coded to country and sector.

Built from ``models/gazetteer/countries.json`` (generated from pycountry and
countryinfo: names, demonyms, capitals), the states' names and demonyms of the
Phoenix dictionaries (``models/knowledge/country_names.json``, built by
scripts/build_knowledge.py), ``models/gazetteer/curated.json``
(short forms, metonyms, organisations) and ``models/gazetteer/people.json``
(an actor dictionary of well-known political figures).  Look-ups are
case- and accent-insensitive and ignore a leading "the" and a trailing
possessive.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from eventx.knowledge.files import load_json


@dataclass(frozen=True)
class Entry:
    country: str | None
    sector: str | None
    kind: str  # name, demonym, capital, alias, organisation


TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "president",
        "prime",
        "minister",
        "gen",
        "general",
        "king",
        "queen",
        "prince",
        "sheikh",
        "ayatollah",
        "mullah",
        "senator",
        "secretary",
        "chancellor",
        "premier",
        "colonel",
        "col",
        "lt",
        "admiral",
        "adm",
        "envoy",
        "foreign",
    }
)
NAME_PARTICLES = ("al-", "el-", "al ", "el ")


def fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" and "Erdogan" are one key."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ı", "i")


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
    for name, code in curated["demonyms"].items():
        table.setdefault(name, Entry(code, None, "demonym"))
    for name, (code, sector) in curated["organisations"].items():
        table[name] = Entry(code, sector, "organisation")
    # the Phoenix dictionaries' short names, variants and demonyms of states
    # ("Bosnia", "Tajik", "Kyrgyz", "Uzbek"), where the lists above have none
    for name, entry in load_json("knowledge/country_names.json")["names"].items():
        key = normalise(name)
        if entry["kind"] in PHOENIX_KINDS and entry.get("country") and key not in table:
            table[key] = Entry(entry["country"], None, entry["kind"])
    return table


PHOENIX_KINDS = frozenset({"name", "demonym"})  # not "other": provinces, cities, epithets


def lookup(text: str) -> Entry | None:
    """The entry for a whole name ("New Delhi", "the Taliban"), if any."""
    return _table().get(normalise(text))


STATE_KINDS = frozenset({"name", "alias", "demonym"})


def state_word(text: str) -> str | None:
    """The state a single word names or describes ("Iceland", "Icelandic"):
    not a capital, which is a venue as often as a government."""
    entry = lookup(text)
    return entry.country if entry is not None and entry.kind in STATE_KINDS else None


@cache
def _combining_forms() -> dict[str, str]:
    return dict(load_json("gazetteer/curated.json")["combining_forms"])


def combining_form(text: str) -> str | None:
    """The state of a first part of a hyphenated pair ("Sino" in "Sino-Pakistani")."""
    return _combining_forms().get(fold(text))


# where the family name comes first and is the name used alone in the news
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR"})


# regnal numbers and suffixes are no family names ("Abdullah II", "John Paul II")
NAME_SUFFIXES = frozenset({"i", "ii", "iii", "iv", "jr", "sr"})


@cache
def _people() -> tuple[dict[str, Entry], dict[str, tuple[Entry, frozenset[str]]]]:
    """Full names, and the surnames whose listed bearers all code alike (the
    Assads are SYR/GOV), with those bearers' first names."""
    full: dict[str, Entry] = {}
    by_surname: dict[str, set[tuple[str, Entry]]] = defaultdict(set)
    for name, (code, sector) in load_json("gazetteer/people.json")["people"].items():
        entry = Entry(code, sector, "person")
        key = fold(name)
        full[key] = entry
        first, surname = key.split()[0], key.split()[-1]
        if surname not in NAME_SUFFIXES:
            by_surname[surname].add((first, entry))
        if code in FAMILY_NAME_FIRST and " " in key:
            by_surname[first].add((first, entry))  # "Xi" is Xi Jinping
        for particle in NAME_PARTICLES:
            if surname.startswith(particle):
                by_surname[surname[len(particle) :]].add((first, entry))
    unique = {
        name: (next(iter(entries))[1], frozenset(first for first, _ in entries))
        for name, entries in by_surname.items()
        if len({entry for _, entry in entries}) == 1
    }
    return full, unique


@cache
def person(text: str) -> Entry | None:
    """A well-known political figure by full name or unambiguous surname.  A
    surname alone ("Mr Ford") is that figure; a fuller name is only if its
    first name agrees ("Gerald R. Ford", "Joseph R. Biden Jr." for Joe Biden;
    not "John M. Ford")."""
    full, surnames = _people()
    words = name_words(text)
    if not words:
        return None
    if " ".join(words) in full:
        return full[" ".join(words)]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    entry, first_names = surnames.get(words[-1], (None, frozenset()))
    if len(words) == 1 or any(_same_first_name(words[0], name) for name in first_names):
        return entry
    return None


def name_words(text: str) -> list[str]:
    """A person's name as the actor dictionary keys it: folded, without titles."""
    words = [w.strip(".,") for w in fold(normalise(text)).split()]
    return [w for w in words if w and w not in TITLES]


def _same_first_name(given: str, listed: str) -> bool:
    """ "Gerald" and "G" for Gerald; "Joseph" and "Joe", "Michael" and "Mike"
    (two letters in common); not "Doug" for David."""
    if len(given) == 1:
        return listed.startswith(given)
    return given[:2] == listed[:2]


@cache
def _features() -> dict[str, tuple[str, ...]]:
    return {
        name: tuple(codes)
        for name, codes in load_json("gazetteer/curated.json")["features"].items()
    }


def feature_countries(text: str) -> tuple[str, ...]:
    """The states on either side of a contested line or area ("the Line of Control")."""
    return _features().get(normalise(text), ())
