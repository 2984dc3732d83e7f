"""Who did it: the subjects of a predicate, through the parse's detours.

Subjects include passive agents ("was signed by X"), subjects inherited
through xcomp, conj and advcl ("travelled to Kabul to meet X": Carter
meets), the antecedent of a relative clause, the accused of an accusation,
and a few repairs where the small model's parse loses the subject (a
fronted phrase that swallowed it, comma coordination in headlines).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from eventx.analysis.grammar import infinitive

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp"})


def with_members(token: Token) -> Iterator[Token]:
    """A filler and its conjuncts."""
    yield token
    yield from token.conjuncts


RELATIVE_TAGS = frozenset({"WDT", "WP"})


def subjects(verb: Token, exclude: frozenset[int] = frozenset()) -> list[Token]:
    """Subjects of a verb, inherited from the governing verb where it has none.

    A relative pronoun stands for the noun its clause modifies ("New Delhi,
    which concluded ...").  ``exclude`` holds token indices that are not
    parties (the agreement noun of "the MoU was signed").
    """
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            break
        found = [
            current.head if child.tag_ in RELATIVE_TAGS and current.dep_ == "relcl" else child
            for child in current.children
            if child.dep_ in SUBJECT_DEPS and child.i not in exclude
        ]
        found += [
            pobj
            for agent in current.children
            if agent.dep_ == "agent"
            for pobj in agent.children
            if pobj.dep_ == "pobj"
        ]
        if found:
            found += _comma_cosubjects(current, found)
            return [member for token in found for member in with_members(token)]
        blamed = _object_of_accusation(current) or _absorbed_subject(current)
        if blamed:
            return blamed
        if current.dep_ == "relcl" or (current.dep_ == "acl" and current.tag_ == "VBG"):
            # "New Delhi, which concluded ...", "the Afghan groups negotiating in Bonn"
            return list(with_members(current.head))
        if any(c.dep_ in {"auxpass", "nsubjpass"} for c in current.children):
            break  # "after the accord was adopted, he said": a passive keeps its agent unknown
        controller = _controller(current)
        if controller:
            return controller
        if _aim_of_object(current):
            current = current.head.head  # "Seoul has plans to meet Pyongyang": Seoul meets
            continue
        if current.dep_ in INHERIT_DEPS and current.head.i != current.i:
            if current.dep_ == "pcomp" and current.head.dep_ == "prep":
                current = current.head.head  # "Bolton, before arriving in Ankara, had said"
            else:
                current = current.head
            continue
        break
    return []


ADDRESSEE_PREPS = {"call": {"on", "upon"}, "appeal": {"to"}, "prevail": {"on", "upon"}}


def _controller(verb: Token) -> list[Token]:
    """An infinitive after an object has that object as its subject ("urged
    India and China to hold talks", "asked Kiev to sign", "called on both sides
    to respect the truce"): who is urged does it, not who urges."""
    if verb.dep_ != "xcomp" or not infinitive(verb):
        return []
    head = verb.head
    addressed = ADDRESSEE_PREPS.get(head.lemma_.lower(), set())
    for child in head.children:
        if child.i > verb.i:
            break
        if child.dep_ == "dobj":
            return list(with_members(child))
        if child.dep_ == "prep" and child.lower_ in addressed:
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            if pobjs:
                return list(with_members(pobjs[0]))
    return []


def _aim_of_object(verb: Token) -> bool:
    """An infinitive that completes its verb's object ("has no plans to meet",
    "made an offer to visit") shares that verb's subject."""
    return verb.dep_ == "acl" and infinitive(verb) and verb.head.dep_ == "dobj"


def _comma_cosubjects(verb: Token, found: list[Token]) -> list[Token]:
    """Headline coordination by comma: in "Peru, Bolivia sign deal" the parser
    hangs "Peru" on the verb; a name right before the subject, separated by a
    comma, is a co-subject."""
    first = min(found, key=lambda t: t.left_edge.i).left_edge
    if first.i < 2 or first.doc[first.i - 1].text != ",":
        return []
    before = first.doc[first.i - 2]
    if (
        before.head.i == verb.i
        and before.dep_ in {"npadvmod", "dep", "nsubj"}
        and before.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}
    ):
        return [before]
    return []


SUBORDINATORS = frozenset({"as", "while", "when", "after", "before", "since", "because"})


def _absorbed_subject(verb: Token) -> list[Token]:
    """Repair a subject that the parse hung inside a preceding phrase.

    * "Amid tensions with India, China and Pakistan have signed": the names
      after the first conjunct, right before the subjectless verb, are its
      subject;
    * "... as the US adviser, John Bolton, visited Ankara": "as" read as a
      preposition makes the subject its object.
    """
    if verb.tag_ not in {"VBD", "VBZ", "VBP", "VBN"}:
        return []
    start = min([verb.i, *(c.i for c in verb.children if c.dep_ in {"aux", "advmod", "neg"})])
    i = start - 1
    while i >= 0 and verb.doc[i].is_punct:
        i -= 1
    if i < 0:
        return []
    before = verb.doc[i]
    if before.dep_ == "conj" and verb.dep_ == "ROOT":
        first = before
        while first.dep_ == "conj":
            first = first.head
        if first.dep_ == "pobj":
            return [t for t in first.conjuncts if t.i > first.i]
    head = before
    while head.dep_ in {"appos", "compound", "flat"} and head.head.i < verb.i:
        head = head.head
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ in SUBORDINATORS and prep.i < head.i < verb.i:
        return list(with_members(head))
    return []


def _object_of_accusation(verb: Token) -> list[Token]:
    """ "blamed South Korea for conducting", "accused X of violating": the
    object of the accusing verb is the subject of the gerund."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in {"for", "of"}:
        return []
    accused = prep.head
    if accused.pos_ in {"NOUN", "PROPN"} and accused.dep_ == "dobj":
        return list(with_members(accused))  # the parse hung "of" on the accused
    return [m for obj in direct_objects(accused) for m in with_members(obj)]


def direct_objects(verb: Token) -> list[Token]:
    return [m for c in verb.children if c.dep_ in {"dobj", "dative"} for m in with_members(c)]
