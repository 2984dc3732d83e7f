"""Who a noun stands for, read off its modifiers and appositions.

"China's defence minister", "the Iranian delegation", "a NATO ministers'
meeting": a noun's country comes from the names among its modifiers and
appositions, its sector from the title words of the whole phrase.  People
are asked of the actor dictionary on the document's publication date,
unless the document names someone else by that surname (``strangers``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from spacy.tokens import Token

from eventx.analysis.grammar import entity_of, phrase_span
from eventx.coding.mentions import lookup_span, sector_of
from eventx.knowledge import gazetteer, people

NAME_ENTITIES = frozenset({"PERSON", "ORG"})
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "appos"})

Code = tuple[str | None, str | None]
"""A country (ISO alpha-3) and a sector, either unknown."""


Known = Callable[[str], gazetteer.Entry | None]
"""The listed person a name is in one document (``DocumentFacts.known_person``)."""


def known_person(
    text: str, strangers: frozenset[str], published: dt.date | None
) -> gazetteer.Entry | None:
    """A listed figure as coded on ``published``, unless the name is the
    surname of someone else this document names in full ("Tim Morrison ...
    Morrison" is not Scott Morrison)."""
    words = people.name_words(text)
    if len(words) == 1 and words[0] in strangers:
        return None
    return people.person(text, published)


def context_code(token: Token, known: Known) -> Code:
    """Country and sector from a noun's modifiers and appositions.

    An international organisation as modifier ("a NATO ministers'
    meeting") gives sector IGO and no country.
    """
    country: str | None = None
    igo = False
    words: list[str] = [t.text for t in phrase_span(token)]
    own = entity_of(token)
    for cue in _cue_tokens(token):
        words.append(cue.text)
        if own is not None and own.start <= cue.i < own.end:
            continue  # a person's own name parts are no cue ("Abdel Fatah al-Sisi")
        if country is None:
            ent = entity_of(cue)
            span = ent if ent is not None else cue.doc[cue.i : cue.i + 1]
            entry = lookup_span(span)
            if entry is None and ent is not None and ent.label_ in NAME_ENTITIES:
                # "Putin's spokesman"; the NER often tags a possessor like
                # "Trump's" as ORG, so the actor dictionary is asked for both
                entry = known(ent.text)
            if entry and entry.country:
                country = entry.country
            elif entry and entry.sector == "IGO":
                igo = True
    if country is None and igo:
        return None, "IGO"
    return country, sector_of(words)


def _cue_tokens(token: Token, depth: int = 3) -> Iterator[Token]:
    """Modifiers and appositions of a noun, nearest first, a few levels deep."""
    if depth == 0:
        return
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS:
            yield child
            yield from _cue_tokens(child, depth - 1)
    if token.dep_ == "appos":
        yield token.head
        yield from _cue_tokens(token.head, depth - 1)


STATE_DESCRIPTOR_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "conj", "poss"})
HYPHENS = frozenset({"-", "–"})


def word_state(token: Token) -> str | None:
    """The state a descriptor word names: "Icelandic", "Bosnia", or the first
    part of a hyphenated pair of states ("Sino" in "Sino-Pakistani").  A word
    hyphened to anything else describes another thing ("Saudi-led",
    "Chinese-built"), and is no party."""
    doc = token.doc
    joined = token.i + 2 < len(doc) and doc[token.i + 1].text in HYPHENS
    partner = _single_state(doc[token.i + 2]) if joined else None
    if joined and partner is None:
        return None
    own = _single_state(token)
    if own is None and partner is not None:
        return gazetteer.combining_form(token.text)
    return own


def _single_state(token: Token) -> str | None:
    ent = token.doc[token.i : token.i + 1]
    whole = entity_of(token, labels=frozenset({"GPE", "NORP"}))
    if whole is not None and len(whole) > 1 and not any(t.text in HYPHENS for t in whole):
        ent = whole  # "South Korean": the name, not its last word
    return gazetteer.state_word(ent.text)


def state_modifiers(noun: Token) -> list[tuple[Token, str]]:
    """Each state the descriptors of a noun name, in text order, once:
    "Indian, Japanese and Australian diplomats", "Sino-Pakistani talks",
    "Franco-German consultations"."""
    found: dict[str, Token] = {}
    stack = [c for c in noun.children if c.dep_ in STATE_DESCRIPTOR_DEPS and c.i < noun.i]
    seen: set[int] = set()
    while stack:
        token = stack.pop()
        if token.i in seen:
            continue
        seen.add(token.i)
        stack.extend(c for c in token.children if c.dep_ in STATE_DESCRIPTOR_DEPS and c.i < noun.i)
        country = word_state(token)
        if country is not None:
            found.setdefault(country, token)
    # "Sino-Pakistani", "Kazakh-Chinese": the parse may leave a hyphened part
    # unattached; the words right before the noun are read in a row as well
    for token in reversed(noun.doc[: noun.i]):
        if token.text in HYPHENS:
            continue
        country = word_state(token)
        if country is None:
            break
        found.setdefault(country, token)
    return sorted(((t, c) for c, t in found.items()), key=lambda item: item[0].i)
