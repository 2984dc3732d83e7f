"""Names of states and political organisations, coded to country and sector.

Built from ``models/gazetteer/countries.json`` (generated from pycountry and
countryinfo: names, demonyms, capitals), the states' names and demonyms of the
Phoenix dictionaries (``models/knowledge/country_names.json``, built by
scripts/build_knowledge.py) and ``models/gazetteer/curated.json`` (short
forms, metonyms, organisations).  Look-ups are case- and accent-insensitive
and ignore a leading "the" and a trailing possessive.  People, dated, are
people.py's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventx.knowledge.files import load_json

# Phoenix's first CAMEO role to a sector of GUIDELINES: the legislature, the
# courts and the intelligence services are the state's; ELI (former officials,
# notables), business, media, NGOs and the rest are none of its sectors
PHOENIX_SECTORS = {
    **{sector: sector for sector in ("GOV", "MIL", "REB", "IGO", "OPP", "PTY", "COP", "CVL")},
    "LEG": "GOV",
    "JUD": "GOV",
    "SPY": "GOV",
}


@dataclass(frozen=True)
class Entry:
    country: str | None
    sector: str | None
    kind: str  # name, demonym, capital, alias, organisation, person (people.py)


def fold(text: str) -> str:
    """Lower case without accents: "Erdoğan" and "Erdogan" are one key."""
    if text.isascii():
        return text.lower()
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
    _add_groups(table)
    return table


PHOENIX_KINDS = frozenset({"name", "demonym"})  # not "other": provinces, cities, epithets


def _add_groups(table: dict[str, Entry]) -> None:
    """The Phoenix armed groups, international bodies and state bodies, where
    our lists have none: "the Liberation Tigers of Tamil Eelam", "LTTE",
    "Lashkar-e-Taiba", "ECOWAS", "the US Senate".  A one-word name counts only
    where it cannot be an everyday word: an acronym of four letters or more
    ("LTTE"; three-letter ones are everyday words too: "LeT", "ISA") or a
    hyphenated name ("Lashkar-e-Taiba");
    "Tigers", "Youth" and "Paradise" are names too, and stay out."""
    groups = load_json("knowledge/armed_groups.json")["names"]
    bodies = load_json("knowledge/organisations.json")["names"]
    international = {k: v for k, v in bodies.items() if v["sector"] == "IGO"}
    for names in (groups, international, _state_bodies(table)):
        for key, entry in names.items():
            if key not in table and _distinctive(key, entry["name"]):
                # a group the dictionary leaves stateless is of the state its name
                # names: "the Popular Front for the Liberation of Palestine"
                country = entry["country"] or _state_named_in(entry["name"], table)
                table[key] = Entry(country, entry["sector"], "organisation")


def _state_bodies(table: dict[str, Entry]) -> dict[str, dict[str, Any]]:
    """The Phoenix state bodies ("the US Senate", "the Palestinian Authority",
    "USAID"), by name and synonym, with the role in force today (the undated
    or open-ended one).  A name counts where it names its state or is an
    acronym: "the Joint Chiefs of Staff", "the secretary of state" are offices
    of many states, though the dictionary lists them under the US."""
    found: dict[str, dict[str, Any]] = {}
    for item in load_json("knowledge/people.json")["people"]:
        current = [r for r in item["roles"] if r["until"] is None and r["country"]]
        if item["kind"] != "body" or not current:
            continue
        role = current[-1]
        sector = PHOENIX_SECTORS.get(role["sector"])  # none for business, media
        entry = {"name": item["name"], "country": role["country"], "sector": sector}
        for key in [normalise(item["name"]), *map(normalise, item["synonyms"])]:
            acronym = " " not in key and _distinctive(key, item["name"])
            if acronym or role["country"] in _states_named_in(key, table):
                found.setdefault(key, entry)
    return found


def _named_states(name: str, table: dict[str, Entry], kinds: frozenset[str]) -> Iterator[str]:
    """The states the words of ``name`` name, longest word runs first."""
    words = normalise(name).split()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            entry = table.get(" ".join(words[i : i + size]))
            if entry is not None and entry.kind in kinds and entry.country:
                yield entry.country


def _states_named_in(name: str, table: dict[str, Entry]) -> set[str]:
    """Every state a word of ``name`` names or describes ("Syrian", "US")."""
    return set(_named_states(name, table, STATE_KINDS))


def _state_named_in(name: str, table: dict[str, Entry]) -> str | None:
    return next(_named_states(name, table, frozenset({"name", "alias"})), None)


def _distinctive(key: str, name: str) -> bool:
    if " " in key:
        return True
    if not key.isascii() or not any(ch.isalpha() for ch in key):
        return False
    words = [w for w in re.split(r"[\s\-/]+", name.lower()) if w and w not in NAME_GLUE]
    acronym = "".join(w[0] for w in words)
    return "-" in key or "'" in key or (len(key) > 3 and key == acronym)


NAME_GLUE = frozenset({"of", "the", "and", "for", "in", "de", "la", "del", "el"})


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


def known_name(key: str) -> bool:
    """Is ``key``, already normalised, the name of a state, a capital, a
    demonym or an organisation?"""
    return key in _table()


@cache
def _groupings() -> dict[str, tuple[str, ...]]:
    """Standing groups of states by name: the curated ones ("the Baltic states",
    "the Normandy Four") and the multi-state names of the Phoenix build
    ("the two Koreas")."""
    table = {
        normalise(name): tuple(entry["countries"])
        for name, entry in load_json("knowledge/country_names.json")["names"].items()
        if entry.get("countries")
    }
    for name, codes in load_json("gazetteer/curated.json")["groupings"].items():
        table[normalise(name)] = tuple(codes)
    return table


def grouping(text: str) -> tuple[str, ...]:
    """The member states of a standing group named by the whole of ``text``."""
    return _groupings().get(normalise(fold(text).replace(" - ", "-")), ())


@cache
def _features() -> dict[str, tuple[str, ...]]:
    return {
        name: tuple(codes)
        for name, codes in load_json("gazetteer/curated.json")["features"].items()
    }


def feature_countries(text: str) -> tuple[str, ...]:
    """The states on either side of a contested line or area ("the Line of Control")."""
    return _features().get(normalise(text), ())


@cache
def _feature_pattern() -> re.Pattern[str]:
    names = sorted(_features(), key=len, reverse=True)  # the longest name first
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")


def features_in(text: str) -> tuple[str, ...]:
    """The states on either side of the first contested line or area named
    anywhere in ``text`` ("violations along the line of contact in ...")."""
    found = _feature_pattern().search(fold(text))
    return _features()[found.group(1)] if found else ()
