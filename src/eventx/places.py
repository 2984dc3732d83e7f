"""Where an event took place: the place its trigger or predicate is "in" or "at"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from eventx import gazetteer
from eventx.actors import entity_of
from eventx.records import Location

PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "along", "across"})
STOP_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis"})


def _place_entity(token: Token) -> Span | None:
    return entity_of(token, PLACE_ENTITIES)


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


def event_location(trigger: Token, predicate: Token | None, hosts: list[Token]) -> Location | None:
    """The nearest "in/at" place under the trigger, then its predicate, then a visit's host city."""
    candidates = _places_under(trigger)
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
    entry = gazetteer.lookup(place.text)
    return Location(
        text=place.text,
        start=place.start_char,
        end=place.end_char,
        country=entry.country if entry else None,
    )
