"""Which sentences can hold an event, read from the rules themselves.

A rule matches only if every node of its pattern finds a token.  A node
that names words (a lemma, a lower-case form) needs a word that can have
one of them as its lemma; a node that needs an entity type needs a token
the NER gives that type.  The test runs in two steps, cheapest first:

1. words (``candidate_sentences``): from the lemmatizer's own tables, every lemma
   its suffix rules and exceptions can give a word under any part of
   speech, so no inflection is missed;
2. entities (``can_match``): after the NER has run on the candidates alone.

Both read the rule packs, so a new rule widens the candidates by itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.lookups import Lookups
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import get_package_path

from eventx.analysis.model import MODEL_NAME
from eventx.analysis.tokens import sentences
from eventx.knowledge import people
from eventx.knowledge.packs import load_rules

WORD_ATTRS = ("LEMMA", "LOWER", "ORTH", "TEXT", "NORM")


@dataclass(frozen=True)
class Requirement:
    """What one rule needs of a sentence."""

    words: tuple[frozenset[str], ...]  # one set per node that names words
    entities: tuple[frozenset[str], ...]  # one set per node that needs an entity type


def _node_words(attrs: dict[str, Any]) -> frozenset[str] | None:
    words: frozenset[str] | None = None
    extension = attrs.get("_", {})
    specs = [attrs[key] for key in WORD_ATTRS if key in attrs]
    if "lemma_lower" in extension:
        specs.append(extension["lemma_lower"])
    for spec in specs:
        if isinstance(spec, str):
            found = frozenset({spec.lower()})
        elif isinstance(spec, dict) and "IN" in spec:
            found = frozenset(str(word).lower() for word in spec["IN"])
        else:
            continue
        words = found if words is None else words & found
    return words


def _node_entities(attrs: dict[str, Any]) -> frozenset[str] | None:
    spec = attrs.get("ENT_TYPE")
    if isinstance(spec, str):
        return frozenset({spec})
    if isinstance(spec, dict) and "IN" in spec:
        return frozenset(spec["IN"])
    return None


@cache
def requirements() -> tuple[Requirement, ...]:
    result = []
    for rule in load_rules():
        nodes = [node["RIGHT_ATTRS"] for node in rule.pattern]
        words = tuple(w for w in map(_node_words, nodes) if w is not None)
        entities = tuple(e for e in map(_node_entities, nodes) if e is not None)
        result.append(Requirement(words, entities))
    return tuple(result)


@cache
def _lemma_tables() -> tuple[dict[str, list[list[str]]], dict[str, dict[str, list[str]]]]:
    """The English rule lemmatizer's tables, read from the model package (no
    pipeline is loaded): any English pipeline's lemmas are among them."""
    folders = get_package_path(MODEL_NAME).glob("*/lemmatizer/lookups")
    lookups = Lookups().from_disk(next(iter(sorted(folders))))
    rules = lookups.get_table("lemma_rules")
    exceptions = lookups.get_table("lemma_exc")
    return dict(rules.items()), {pos: dict(table) for pos, table in exceptions.items()}


@cache
def possible_lemmas(word: str) -> frozenset[str]:
    """Every lemma the rule lemmatizer can give the lower-cased ``word``."""
    rules, _ = _lemma_tables()
    return frozenset({word}.union(*(_lemmas_under(word, key) for key in rules)))


@cache
def _rule_words() -> frozenset[str]:
    return frozenset(word for need in requirements() for words in need.words for word in words)


@cache
def lemmas_as(word: str, pos: str) -> frozenset[str]:
    """The lemmas the rule lemmatizer can give ``word`` read as ``pos`` ("verb",
    "noun")."""
    key: Any = get_string_id(pos)  # the tables are keyed by the part of speech's hash
    return _lemmas_under(word, key)


def _lemmas_under(word: str, key: Any) -> frozenset[str]:
    """The exceptions and suffix rules of one part of speech (its table key)."""
    rules, exceptions = _lemma_tables()
    found = set(exceptions.get(key, {}).get(word, ()))
    found.update(
        word[: len(word) - len(old)] + new for old, new in rules[key] if word.endswith(old)
    )
    return frozenset(found)


@cache
def rule_verb_lemma(word: str, lemma: str) -> str | None:
    """The rule verb an inflected verb stands for when the lemmatizer chose
    another reading ("staged" read as "stag"): parser robustness for the one
    lemma a rule needs.  Only where exactly one verb reading is a rule word."""
    words = _rule_words()
    if lemma in words:
        return None
    found = lemmas_as(word, "verb") & words
    return next(iter(found)) if len(found) == 1 else None


def repair_verb_lemmas(doc: Doc, tags: Any) -> None:
    """Give inflected verbs the rule lemma their form allows (see rule_verb_lemma);
    ``tags`` is the document's column of tag ids, read without making tokens."""
    for i in numpy.nonzero(numpy.isin(tags, VERB_FORM_TAG_IDS))[0]:
        token = doc[int(i)]
        lemma = rule_verb_lemma(token.lower_, token.lemma_.lower())
        if lemma is not None:
            token.lemma_ = lemma


VERB_FORM_TAG_IDS = [get_string_id(tag) for tag in ("VBD", "VBN", "VBG", "VBZ")]
PARTICIPLE_ENDINGS = {"ing": "VBG", "ed": "VBN"}


def repair_initial_participles(sents: list[Span]) -> None:
    """The small model reads a sentence-initial participle as a proper noun
    ("Visiting Hanoi, the minister ..." -> NNP).  Where it still parses it as an
    adverbial clause or gives it an object, and its form is a rule verb's
    participle, it is that verb."""
    for sent in sents:
        token = sent[0]
        ending = next((e for e in PARTICIPLE_ENDINGS if token.lower_.endswith(e)), None)
        verbal = token.dep_ == "advcl" or any(c.dep_ == "dobj" for c in token.children)
        if ending is None or token.pos_ not in {"PROPN", "NOUN"} or not verbal:
            continue
        lemma = rule_verb_lemma(token.lower_, "")
        if lemma is not None:
            token.lemma_, token.pos_, token.tag_ = lemma, "VERB", PARTICIPLE_ENDINGS[ending]


@cache
def _word_slots() -> tuple[dict[frozenset[str], int], tuple[int, ...]]:
    """A bit for every distinct word set the rules name, and each rule's bits."""
    slots: dict[frozenset[str], int] = {}
    for need in requirements():
        for words in need.words:
            slots.setdefault(words, 1 << len(slots))
    return slots, tuple(sum(slots[w] for w in need.words) for need in requirements())


@cache
def _word_bits(word: str, lemma: str) -> int:
    """The word sets that a token with this lower-case form can satisfy; a preset
    lemma counts too (a merged multiword: "cease - fire" is "ceasefire")."""
    slots, _ = _word_slots()
    lemmas = possible_lemmas(word) | ({lemma.lower()} if lemma else set())
    return sum(bit for words, bit in slots.items() if words & lemmas)


def candidate_sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` that can hold an event, as far as their words tell.

    Works per distinct word, not per token: most of a news text is words no
    rule names, looked up once each."""
    _, rule_bits = _word_slots()
    rows = doc.to_array([LOWER, LEMMA])
    strings = doc.vocab.strings
    bits = {
        key: _word_bits(strings[key[0]], strings[key[1]] if key[1] else "")
        for key in set(map(tuple, rows.tolist()))
    }
    found = []
    for sent in sentences(doc):
        have = 0
        for key in rows[sent.start : sent.end].tolist():
            have |= bits[tuple(key)]
        if any(have & need == need for need in rule_bits):
            found.append(sent)
    return found


def possible_rules(sent: Span | Doc) -> list[int]:
    """The rules (their places in ``load_rules()``) whose words and entity
    types ``sent`` has: only these can match it (NER done)."""
    _, rule_bits = _word_slots()
    have = 0
    for token in sent:
        have |= _word_bits(token.lower_, token.lemma_)
    types = {token.ent_type_ for token in sent}
    return [
        order
        for order, (need, bits) in enumerate(zip(requirements(), rule_bits, strict=True))
        if have & bits == bits and all(entity & types for entity in need.entities)
    ]


def can_match(sent: Span | Doc) -> bool:
    """Can any rule match ``sent``, given its words and its entities (NER done)?"""
    return bool(possible_rules(sent))


def introductions_of(doc: Doc, events: list[tuple[Span, Doc]]) -> list[Span]:
    """Sentences that name, capitalised, the surname of a person the NER found
    in an event sentence and the actor dictionary does not list ("Kenya's
    defence minister Gen. Otieno Wambua arrived" for a later "Gen. Wambua
    met ...").  The first sentence naming each is analysed too, when it is no
    event sentence: it gives the person's country and post.  (Whether the
    dictionary lists a name is asked without the publication date, which the
    analysis does not know; both modes choose the same sentences.)"""
    names = {
        ent[-1].lower_
        for _, piece in events
        for ent in piece.ents
        if ent.label_ == "PERSON" and ent[-1].is_alpha and people.person(ent.text) is None
    }
    first: dict[str, Span] = {}
    for sent in sentences(doc) if names else ():
        for token in sent:
            if token.lower_ in names and token.text[:1].isupper():
                first.setdefault(token.lower_, sent)
        if len(first) == len(names):
            break
    events_at = {sent.start for sent, _ in events}
    chosen = {s.start: s for s in first.values() if s.start not in events_at}
    return [chosen[start] for start in sorted(chosen)]
