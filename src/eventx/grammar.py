"""Small facts about a parsed clause that several stages ask the same way."""

from __future__ import annotations

from spacy.tokens import Token


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
