"""People, coded to a country and a sector on a date.

Two actor dictionaries, merged at first use:

* ``models/gazetteer/people.json``: well-known political figures, curated
  by hand and undated (a figure is coded by the office they are known for);
* ``models/knowledge/people.json``: the people of the Phoenix actor
  dictionaries (built by scripts/build_knowledge.py), each with the roles
  they held and when (``Phoenix.Countries.actors.txt``,
  ``Phoenix.International.actors.txt``).

The curated dictionary is hand-checked and wins where both know a name: a
Phoenix entry that shares a full name with a curated figure is that figure
under all its names.  Phoenix fills the gaps.  Its entries of kind
``body`` (ministries, parliaments, armed forces; their synonyms mix in
people) are no people and are left out; those of kind ``not_actor`` (the
dictionary's ``[---]``) block their name.

A Phoenix person's code is the role in force on the document's publication
date (``Person.on``, the date a key of each look-up), else the undated role.
Phoenix gives a former official an undated role of sector ELI ("elites",
former officials); GUIDELINES codes a participant's country and, where
known, one of its sectors (GOV, MIL, ...), which have no ELI: a former
official keeps the country and has no sector, so it is no political party
by itself (events/scope.py).  Someone the dictionary lists only with dated
roles, none in force on the date, is treated alike.

Names are matched whole ("Mohammad Abbasi"; "el-Beblawi" is Phoenix's "El
Beblawi"), and by surname as the curated dictionary always was: a surname
whose listed bearers all code alike (on the date), and a fuller name only if
its first name agrees ("Gerald R. Ford", not "John M. Ford").  A surname
any curated figure bears is the curated dictionary's alone.  A Phoenix
surname alone ("Beblawi") is matched only where Phoenix lists it alone as a
name of its bearer: its 12,600 other surnames are of little-known ministers
and include common words ("Time", "Street", "Mayor"); matching them all lost actor
sets on dev (0.751 to 0.742).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from eventx.knowledge.files import load_json, read_json
from eventx.knowledge.gazetteer import PHOENIX_SECTORS, Entry, fold, known_name, normalise

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
# where the family name comes first and is the name used alone in the news
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR"})
# regnal numbers and suffixes are no family names ("Abdullah II", "John Paul II")
NAME_SUFFIXES = frozenset({"i", "ii", "iii", "iv", "jr", "sr"})


@dataclass(frozen=True, slots=True)
class Role:
    country: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def distance(self, day: dt.date) -> int:
        """Days between ``day`` and the role (0 while it holds)."""
        if self.start is not None and day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0


@dataclass(frozen=True, slots=True)
class Person:
    roles: tuple[Role, ...]  # none: a name the dictionary blocks

    def on(self, day: dt.date | None) -> Entry | None:
        """The code on ``day`` (None: the publication date is unknown).

        1. The role in force on the day; of several, the latest to begin (a
           new office over an older one, an office over the ELI years before
           it on the same day).
        2. Else the undated role: Phoenix's fallback, for a former official
           mostly ELI, which keeps the country and has no sector.
        3. Else (dated roles only, none in force) the country the roles share,
           with no sector on a known day (no office then), and on an unknown
           day the sector their offices share ("Narendra Modi" is IND/GOV).
           Roles of several countries: on a known day the nearest role's
           country, else nothing."""
        if day is not None:
            held = [role for role in self.roles if role.dated and role.holds(day)]
            if held:
                latest = max(
                    held, key=lambda role: (role.start or dt.date.min, role.sector is not None)
                )
                return _entry(latest.country, latest.sector)
        undated = [role for role in self.roles if not role.dated]
        if undated:
            return _alike(undated)
        countries = {role.country for role in self.roles}
        if len(countries) == 1:
            if day is not None:
                return _entry(self.roles[0].country, None)
            offices = {role.sector for role in self.roles if role.sector}
            return _entry(self.roles[0].country, offices.pop() if len(offices) == 1 else None)
        if day is not None and self.roles:
            nearest = min(reversed(self.roles), key=lambda role: role.distance(day))
            return _entry(nearest.country, None)
        return None

    @property
    def countries(self) -> frozenset[str | None]:
        return frozenset(role.country for role in self.roles)

    def merge(self, other: Person) -> Person:
        """One name's two entries as one person: their roles, once each."""
        return Person(self.roles + tuple(r for r in other.roles if r not in self.roles))


def _entry(country: str | None, sector: str | None) -> Entry | None:
    if country is None and sector is None:
        return None  # no state's and no sector: nothing to code
    return Entry(country, sector, "person")


def _alike(roles: list[Role]) -> Entry | None:
    """The code several roles share: their country, and their sector if one."""
    if len({role.country for role in roles}) > 1:
        return None
    sectors = {role.sector for role in roles}
    return _entry(roles[0].country, sectors.pop() if len(sectors) == 1 else None)


@dataclass(frozen=True)
class Bearers:
    """The listed people of one surname, with their first names."""

    people: tuple[tuple[str, Person], ...]
    alone: bool  # may the surname alone name them (Phoenix lists it as a name)?

    def on(self, day: dt.date | None, first: str | None = None) -> Entry | None:
        """Their code on ``day``, if all of them code alike then; of a fuller
        name, all of those whose ``first`` name agrees ("N. Abbasov" is
        Namiq Abbasov)."""
        codes = {
            person.on(day)
            for listed, person in self.people
            if first is None or _same_first_name(first, listed)
        }
        return codes.pop() if len(codes) == 1 else None


def name_words(text: str) -> list[str]:
    """A person's name as the actor dictionary keys it: folded, without titles."""
    words = [w.strip(".,") for w in fold(normalise(text)).split()]
    return [w for w in words if w and w not in TITLES]


def _phoenix_key(words: Iterable[str]) -> str:
    return " ".join(" ".join(words).replace("-", " ").split())


def _surnames(words: list[str], countries: Iterable[str | None]) -> list[str]:
    """The surnames a name may be used by alone: its last word, unless a
    regnal number or suffix ("Abdullah II"), also without a particle
    ("al-Assad" is Assad), and its first for Chinese and Korean names."""
    last = words[-1]
    found = [] if last in NAME_SUFFIXES else [last]
    for particle in NAME_PARTICLES:
        if last.startswith(particle):
            found.append(last[len(particle) :])
    if len(words) > 1 and set(countries) <= FAMILY_NAME_FIRST:
        found.append(words[0])
    return found


def _phoenix_person(
    item: dict[str, Any], names: list[list[str]], curated: dict[str, Entry]
) -> Person | None:
    """One Phoenix entry as a person: the curated figure of one of its
    ``names``, or its own roles (those the dictionary codes, in file order)."""
    for words in names:
        if len(words) > 1 and " ".join(words) in curated:
            known = curated[" ".join(words)]
            return Person((Role(known.country, known.sector, None, None),))
    roles = []
    for role in item["roles"]:
        if role["code"] == "---":
            continue
        start, end = _date(role["from"]), _date(role["until"])
        sector = PHOENIX_SECTORS.get(role["sector"])
        if sector == "GOV" and "GOVMIL" in role["code"]:
            sector = "MIL"  # a defence minister is MIL (GUIDELINES: Gen. Wei Fenghe)
        # a firm's, an NGO's or a radical's role is no state's: no code while it holds
        country = role["country"] if sector or role["sector"] == "ELI" else None
        roles.append(Role(country, sector, start, end))
    return Person(tuple(roles)) if roles else None


def _date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


@dataclass(frozen=True)
class People:
    """The merged dictionaries' indexes (``People.of``), built once per process."""

    curated: dict[str, Entry]  # full names, and of two words or more without
    # titles and stops ("george w bush" for "george w. bush")
    curated_surnames: dict[str, tuple[Entry, frozenset[str]]]  # surnames whose bearers code alike
    curated_bearers: frozenset[str]  # every surname of a curated figure
    phoenix: dict[str, Person]  # full names, hyphens as spaces ("al sisi")
    phoenix_surnames: dict[str, Bearers]  # surnames whose bearers share a country
    blocked: frozenset[str]  # names of kind not_actor

    @classmethod
    def of(cls, curated_people: dict[str, list[str | None]], phoenix_people: list[Any]) -> People:
        """From the curated dictionary's ``people`` (name: [country, sector])
        and the Phoenix people's entries (models/knowledge/people.json)."""
        curated: dict[str, Entry] = {}
        by_surname: dict[str, set[tuple[str, Entry]]] = defaultdict(set)
        for name, (code, sector) in curated_people.items():
            entry = Entry(code, sector, "person")
            words = fold(name).split()
            curated[" ".join(words)] = entry  # a name as written wins
            bare = name_words(name)
            if len(bare) > 1:  # not "hussein" for "king hussein": a surname many bear
                curated.setdefault(" ".join(bare), entry)
            for surname in _surnames(words, [code]):
                by_surname[surname].add((words[0], entry))
        phoenix: dict[str, Person] = {}
        # surname -> its bearers by identity (an entry's names share a surname)
        bearers: dict[str, dict[int, tuple[str, Person]]] = defaultdict(dict)
        bearer_countries: dict[str, set[str | None]] = defaultdict(set)
        alone: set[str] = set()
        blocked: set[str] = set()
        for item in phoenix_people:
            if item["kind"] == "body":
                continue
            names = [name_words(name) for name in [item["name"], *item["synonyms"]]]
            found = _phoenix_person(item, names, curated) if item["kind"] == "person" else None
            person = found or Person(())  # no roles: a name the dictionary blocks
            countries = person.countries if found else frozenset({"---"})
            main = names[0] or ["?"]
            for words in names:
                key = _phoenix_key(words)
                if not key or known_name(key):
                    continue  # a state, a capital, a demonym or an organisation
                words = key.split()
                if found is None:
                    blocked.add(key)
                elif len(words) > 1:
                    known = phoenix.get(key)
                    phoenix[key] = known.merge(person) if known else person
                else:
                    alone.add(key)  # "Putin", "Erdogan": Phoenix names them so
                first = words[0] if len(words) > 1 else main[0]
                for surname in _surnames(words, countries):
                    bearers[surname][id(person)] = (first, person)
                    bearer_countries[surname] |= countries
        return cls(
            curated=curated,
            curated_surnames={
                name: (next(iter(entries))[1], frozenset(first for first, _ in entries))
                for name, entries in by_surname.items()
                if len({entry for _, entry in entries}) == 1
            },
            curated_bearers=frozenset(by_surname),
            phoenix=phoenix,
            phoenix_surnames={
                surname: Bearers(tuple(people.values()), surname in alone)
                for surname, people in bearers.items()
                if surname not in by_surname and len(bearer_countries[surname]) == 1
            },
            blocked=frozenset(blocked),
        )

    def person(self, text: str, published: dt.date | None = None) -> Entry | None:
        """See the module's ``person``."""
        words = name_words(text)
        if not words:
            return None
        if " ".join(words) in self.curated:
            return self.curated[" ".join(words)]
        key = _phoenix_key(words)
        if key in self.blocked:
            return None
        if " " in key and key in self.phoenix:
            return self.phoenix[key].on(published)
        while len(words) > 1 and words[-1] in NAME_SUFFIXES:
            words.pop()
        surname = words[-1]
        if surname in self.curated_bearers:  # the curated dictionary knows the surname
            entry, first_names = self.curated_surnames.get(surname, (None, frozenset()))
            if len(words) == 1 or any(_same_first_name(words[0], name) for name in first_names):
                return entry
            return None
        parts = _phoenix_key([surname]).split()  # "al-Foo" is Foo
        bearers = self.phoenix_surnames.get(parts[-1]) if parts else None
        if bearers is None:
            return None
        if len(words) == 1:
            return bearers.on(published) if bearers.alone else None
        return bearers.on(published, words[0])


@cache
def _people() -> People:
    # the build makes some 100,000 objects and frees few: collecting garbage
    # meanwhile would only walk them, and the loaded model, in vain
    collecting = gc.isenabled()
    gc.disable()
    try:
        return People.of(
            load_json("gazetteer/people.json")["people"],
            read_json("knowledge/people.json")["people"],
        )
    finally:
        if collecting:
            gc.enable()


@lru_cache(maxsize=1 << 16)
def person(text: str, published: dt.date | None = None) -> Entry | None:
    """A listed person by full name or unambiguous surname, coded on the
    publication date ``published`` (None: unknown).  A surname alone ("Mr
    Ford") is that figure; a fuller name is only if its first name agrees
    ("Gerald R. Ford", "Joseph R. Biden Jr." for Joe Biden; not "John M.
    Ford")."""
    return _people().person(text, published)


def _same_first_name(given: str, listed: str) -> bool:
    """ "Gerald" and "G" for Gerald; "Joseph" and "Joe", "Michael" and "Mike"
    (two letters in common); not "Doug" for David."""
    if len(given) == 1:
        return listed.startswith(given)
    return given[:2] == listed[:2]
