"""Where an event took place: the place its trigger or predicate is "in" or "at"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventx.analysis.grammar import entity_of
from eventx.knowledge import cities, gazetteer, people
from eventx.records.event import Location

PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "along", "across"})
STOP_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis"})


def _place_entity(token: Token) -> Span | None:
    """A place entity, or a name the tagger took for something else that the
    gazetteers know as a state or city ("in Rawalpindi" tagged PERSON)."""
    place = entity_of(token, PLACE_ENTITIES)
    if place is not None or token.pos_ != "PROPN":
        return place
    named = entity_of(token)
    if named is None:
        return None
    entry = gazetteer.lookup(named.text)
    known = entry is not None and entry.kind in {"name", "capital"}
    return named if known or cities.city(named.text) is not None else None


def _places_under(token: Token, depth: int = 0) -> list[tuple[int, Span]]:
    """(depth, place) for every "in/at PLACE" phrase below the token."""
    found: list[tuple[int, Span]] = []
    if depth > 6:
        return found
    for child in token.children:
        if child.dep_ in STOP_DEPS:
            continue
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS:
            for pobj in child.children:
                place = _place_entity(pobj) if pobj.dep_ == "pobj" else None
                if place is not None:
                    found.append((depth, place))
        found.extend(_places_under(child, depth + 1))
    return found


def _named_after_city(trigger: Token) -> list[tuple[int, Span]]:
    """ "the Geneva talks", "the Sochi summit": a meeting named after its city
    (a city, not a state: "the Syria talks" are about Syria; nor a leader
    whose name a city shares: "the Obama phone call")."""
    found = []
    for child in trigger.children:
        if child.dep_ != "compound" or child.pos_ != "PROPN":
            continue
        place = entity_of(child, PLACE_ENTITIES)
        if place is None:
            place = entity_of(child)
            if place is not None and people.person(place.text) is not None:
                continue
        if place is not None and _city(place.text) is not None:
            found.append((0, place))
    return found


def _city(text: str) -> cities.City | None:
    """The GeoNames city a name stands for, unless the gazetteer knows it as a
    state or organisation ("Jordan" is the country, not a district of Hong Kong)."""
    entry = gazetteer.lookup(text)
    return cities.city(text) if entry is None or entry.kind == "capital" else None


def event_location(trigger: Token, predicate: Token | None, hosts: list[Token]) -> Location | None:
    """The nearest "in/at" place under the trigger, then its predicate, then a visit's host city."""
    candidates = _places_under(trigger) or _named_after_city(trigger)
    if not candidates and predicate is not None:
        candidates = _places_under(predicate)
    if not candidates:
        for host in hosts:
            place = _place_entity(host)
            if place is not None and entity_of(host) is not None and host.ent_type_ == "GPE":
                entry = gazetteer.lookup(place.text)
                if entry is None or entry.kind != "name":  # a city, not a whole country
                    candidates.append((0, place))
    if not candidates:
        return None
    _, place = min(candidates, key=lambda item: (item[0], item[1].start))
    return locate(place.text, place.start_char, place.end_char)


def locate(text: str, start: int, end: int) -> Location:
    """Code a place: a contested feature to the states on its sides, a state or
    capital to its country, a city to its country and GeoNames coordinates."""
    sides = list(gazetteer.feature_countries(text))
    entry = gazetteer.lookup(text)
    country = entry.country if entry else None
    found = _city(text)
    if found is not None and country in (None, found.country):
        return Location(
            text=text,
            start=start,
            end=end,
            country=found.country,
            countries=[found.country],
            latitude=found.latitude,
            longitude=found.longitude,
            geonameid=found.geonameid,
        )
    if sides:
        country = sides[0] if len(sides) == 1 else None
    countries = sides or ([country] if country else [])
    return Location(text=text, start=start, end=end, country=country, countries=countries)
