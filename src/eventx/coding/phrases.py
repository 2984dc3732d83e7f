"""What the words of a noun phrase say about its parties.

The small readings :class:`ActorCoder` (actors.py) makes of a phrase before
coding it: a quantity counts what its "of" phrase names ("hundreds of
troops"), a standing group of states is its members ("the Baltic states"), a
multi-word name no list knows is no listed person's surname, an organisation
named inside a phrase is its owner ("Islamic State fighters"), and which
tokens a noun phrase spans.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from eventx.analysis.grammar import entity_of
from eventx.coding.mentions import Mention, groups, lookup_span
from eventx.knowledge import gazetteer
from eventx.rules.roles import prep_objects

QUANTITY_NOUNS = frozenset({"hundred", "thousand", "dozen", "score", "handful", "number"})
OF = frozenset({"of"})


def counted_noun(token: Token) -> Token | None:
    """What a quantity noun counts: "hundreds of troops" are the troops."""
    if token.lemma_.lower() not in QUANTITY_NOUNS:
        return None
    return next(iter(prep_objects(token, OF)), None)


def unlisted_name(token: Token) -> bool:
    """The last word of a multi-word proper name that neither the NER nor the
    gazetteer knows: its words are not surnames of listed people."""
    name = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if token.pos_ != "PROPN" or not name or entity_of(token) is not None:
        return False
    span = token.doc[name[0].i : token.i + 1]
    if any(t.text in {"-", "–"} for t in span):
        return False  # "the Ford-Suharto meeting": a pair of names (in_name_pair)
    return gazetteer.lookup(span.text) is None


def group_members(span: Span) -> list[Mention]:
    """The member states of a standing group the span names, each a party; a
    one-word name needs its capital ("the Quad", not a quad bike)."""
    words = [t for t in span if t.pos_ != "DET"]
    if len(words) == 1 and not words[0].text[:1].isupper():
        return []
    codes = gazetteer.grouping(span.text)
    return [Mention(span.text, span.start_char, span.end_char, "GPE", c, "GOV") for c in codes]


def word_mention(word: Token, country: str, sector: str | None) -> Mention:
    return Mention(word.text, word.idx, word.idx + len(word), "NOUN", country, sector)


def in_name_pair(token: Token) -> bool:
    """One of two names joined by a hyphen before an event noun ("Modi-Xi")."""
    joined = [token.head, token] if token.dep_ == "compound" else [token]
    return token.pos_ == "PROPN" and any(
        c.dep_ == "punct" and c.text in {"-", "–"} for t in joined for c in t.children
    )


def distributed(ent: Span) -> list[str]:
    """ "North and South Korea" names North Korea and South Korea."""
    texts = [t.text for t in ent if t.pos_ != "DET"]
    if "and" not in texts or texts.index("and") == 0 or len(texts) < 4:
        return []
    cut = texts.index("and")
    left, right = texts[:cut], texts[cut + 1 :]
    return [" ".join(left + right[1:]), " ".join(right)]


PHRASE_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "prep"})
PHRASE_PREPS = frozenset({"of", "from"})
PARTY_PREPS = frozenset({"between", "among", "with"})
OBJECT_PRONOUNS = frozenset({"him", "her"})


DESCRIPTOR_DEPS = frozenset({"compound", "amod", "poss"})


def organisation_in(span: Span) -> gazetteer.Entry | None:
    """A listed organisation named inside a noun phrase the NER left untagged
    ("Islamic State fighters"; not "anti-Taliban groups")."""
    if len(span) < 2 or any(t.text in {"-", "–"} for t in span):
        return None
    entry = lookup_span(span[:-1])
    return entry if entry is not None and entry.kind == "organisation" else None


def phrase_tokens(token: Token, skip: frozenset[str] = frozenset()) -> Iterator[Token]:
    """Tokens of a noun phrase: modifiers, conjuncts, appositions, "of"/"from" phrases."""
    for child in token.children:
        if child.dep_ in skip:
            # a descriptor's conjuncts still name parties: "Afghan and British officials"
            yield from (c for c in child.subtree if c.dep_ == "conj" and c.i != child.i)
            continue
        if child.dep_ in PHRASE_STOP_DEPS and not (
            child.dep_ == "prep" and child.lower_ in PHRASE_PREPS
        ):
            continue
        yield child
        yield from phrase_tokens(child)


def is_group_noun(token: Token) -> bool:
    return token.lower_ in groups()["group_nouns"] and is_group_phrase(token)


def is_group_phrase(token: Token) -> bool:
    """'both sides', 'the two leaders', 'the delegations': plural or quantified."""
    if token.tag_ in {"NNS", "NNPS"}:
        return True
    determiners = groups()["group_determiners"]
    return any(child.lower_ in determiners and child.lower_ != "the" for child in token.children)
