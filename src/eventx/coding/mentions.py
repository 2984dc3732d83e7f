"""A participant candidate (:class:`Mention`) and the lexicons that describe one.

A mention is where a party is named and who it stands for: a country and a
sector.  The sector words, group words and party counts come from
``models/lexicons/``; the names from the gazetteer (``lookup_span``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from spacy.tokens import Span, Token

from eventx.knowledge import gazetteer
from eventx.knowledge.files import load_json


@dataclass(frozen=True)
class Mention:
    """A participant candidate: where it is, and who it stands for."""

    text: str
    start: int
    end: int
    label: str
    country: str | None
    sector: str | None
    group: bool = False  # a pronoun or group noun still to resolve

    @property
    def coded(self) -> bool:
        return self.country is not None or self.sector == "IGO"

    def shifted(self, offset: int, text: str) -> Mention:
        """The mention moved by ``offset`` onto ``text``, whose words it then shows."""
        start, end = self.start + offset, self.end + offset
        return replace(self, start=start, end=end, text=text[start:end])


@cache
def _sector_words() -> tuple[list[str], dict[str, frozenset[str]]]:
    data = load_json("lexicons/sectors.json")
    return data["order"], {sector: frozenset(words) for sector, words in data["words"].items()}


@cache
def party_counts() -> dict[str, int]:
    """ "three", "trilateral": how many parties a group or an event has."""
    return dict(load_json("lexicons/groups.json")["party_counts"])


@cache
def groups() -> dict[str, frozenset[str]]:
    data = load_json("lexicons/groups.json")
    return {key: frozenset(value) for key, value in data.items() if isinstance(value, list)}


@cache
def _not_political() -> frozenset[str]:
    return frozenset(load_json("lexicons/sectors.json")["not_political"])


def non_political(words: Iterable[str]) -> bool:
    """ "a defunct Swiss company", "shareholders": a firm, club or union."""
    return bool({word.lower() for word in words} & _not_political())


@cache
def _sector_titles() -> dict[str, str]:
    titles: dict[str, str] = load_json("lexicons/sectors.json")["titles"]
    return titles


def sector_of(words: Iterable[str]) -> str | None:
    """The most specific sector any of the words names (see sectors.json);
    else the sector of a generic agent of the Phoenix dictionary."""
    order, table = _sector_words()
    sequence = [word.lower() for word in words]
    titles = _sector_titles()
    pairs = [" ".join(pair) for pair in pairwise(sequence)]
    for pair in pairs:
        if pair in titles:
            return titles[pair]  # "attorney general" is no general
    lowered = set(sequence)
    for sector in order:
        if lowered & table.get(sector, frozenset()):
            return sector
    agents = _agent_sectors()
    return next((agents[w] for w in [*pairs, *sequence] if w in agents), None)


AGENT_SECTORS = {
    **{s: s for s in ("GOV", "MIL", "COP", "REB", "OPP", "PTY", "IGO")},
    **{"LEG": "GOV", "SPY": "GOV", "UAF": "REB"},  # not JUD: a lawyer holds no office
}


@cache
def _agent_sectors() -> dict[str, str]:
    """One- and two-word generic agents of political sectors ("border guards",
    "gunmen", "legislators"), first entry first."""
    found: dict[str, str] = {}
    for agent in load_json("knowledge/agents.json")["agents"]:
        sector = AGENT_SECTORS.get(agent["sector"] or "")
        if sector is None:
            continue
        for word in agent["words"]:
            # our own list of firms' words wins: "carrier" is an airline before a warship
            if len(word.split()) <= 2 and word not in _not_political():
                found.setdefault(word, sector)
    return found


KIND_PRIORITY = {"organisation": 0, "person": 1, "name": 2, "alias": 2, "capital": 3, "demonym": 4}


def lookup_span(span: Span) -> gazetteer.Entry | None:
    """The whole span in the gazetteer, else its best sub-span.

    Longer sub-spans win; among equally long ones an organisation beats a
    country name, which beats a demonym, and the rightmost (the head of an
    English noun phrase) wins a tie: "the Afghan Taliban" is the Taliban.
    """
    entry = gazetteer.lookup(span.text)
    if entry:
        return entry
    tokens = [t for t in span if not t.is_punct and t.pos_ != "DET"]
    for size in range(len(tokens) - 1, 0, -1):
        found = []
        for i in range(len(tokens) - size + 1):
            part = tokens[i : i + size]
            entry = gazetteer.lookup(span.doc[part[0].i : part[-1].i + 1].text)
            if entry:
                found.append((KIND_PRIORITY.get(entry.kind, 5), -i, entry))
        if found:
            return min(found, key=lambda item: (item[0], item[1]))[2]
    return None


def on_pronoun(token: Token, country: str | None, sector: str | None) -> Mention:
    """The party a pronoun stands for, placed on the pronoun itself."""
    return Mention(token.text, token.idx, token.idx + len(token), "PRON", country, sector)


@cache
def name_stopwords() -> frozenset[str]:
    _, table = _sector_words()
    return frozenset(word for words in table.values() for word in words) | {
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "president",
        "gen",
        "general",
    }
