"""Small facts about a parsed clause that several stages ask the same way."""

from __future__ import annotations

from spacy.tokens import Span, Token

ACTOR_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# Children that belong to a noun phrase's own words, for its text span.
PHRASE_DEPS = frozenset({"det", "poss", "compound", "amod", "nmod", "nummod", "case", "predet"})


def infinitive(verb: Token) -> bool:
    """ "to meet": the verb has the infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def tense_tags(verb: Token) -> set[str]:
    """The verb's tag with those of its auxiliaries: {"VBN", "VBZ"} for "is held"."""
    return {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}


def nearest_verb(token: Token) -> Token:
    """The token itself if a verb, else the first verb above it (or the root)."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb


def entity_of(token: Token, labels: frozenset[str] | None = ACTOR_ENTITIES) -> Span | None:
    """The entity with one of ``labels`` (any label if None) that contains the token."""
    if not token.ent_type_ or (labels is not None and token.ent_type_ not in labels):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def phrase_span(token: Token) -> Span:
    """The token with its determiners and pre-modifiers: "China's defence minister"."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in PHRASE_DEPS:
            start = min(start, child.left_edge.i)
    return token.doc[start : token.i + 1]
