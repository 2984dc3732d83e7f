"""Find who took part in an event from the dependency parse.

A trigger is a verb ("signed", "met") or a noun ("talks", "visit").  Roles:

* subjects of the predicate (subjects.py), including passive agents ("was
  signed by X") and subjects inherited through xcomp, conj and advcl
  ("travelled to Kabul to meet X": Carter meets);
* obliques of accompaniment: "with", "between", "among", "alongside";
* for nouns, possessors and modifiers ("China's talks", "US-Russia talks")
  and "of"/"between"/"by" phrases ("a visit of X to Y");
* coordination: every role filler brings its conjuncts ("China and Pakistan").

The role *style* of a rule decides where fillers go: ``symmetric`` events put
every party in actors; ``visit`` puts the destination in recipients;
``directed`` (a violation) puts the side acted upon in recipients.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Token

from eventx.analysis.grammar import entity_of, nearest_verb
from eventx.knowledge import gazetteer
from eventx.knowledge.files import load_json
from eventx.knowledge.packs import pack_words
from eventx.rules.subjects import SUBJECT_DEPS, direct_objects, subjects, with_members
from eventx.rules.windows import window_parties

WITH_PREPS = frozenset({"with", "between", "among", "amongst", "alongside"})
BETWEEN_PREPS = frozenset({"between", "among", "amongst"})
DESTINATION_PREPS = frozenset({"to", "in"})
TARGET_PREPS = frozenset({"on", "against", "at"})
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "relcl", "conj", "acl", "xcomp"})
# Prepositions whose object event frames the clause: the clause's subject took part.
FRAME_PREPS = frozenset(
    {"in", "into", "for", "with", "during", "on", "at", "after", "following", "since"}
)
LIGHT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative"})


def governing_verb(token: Token) -> Token | None:
    """The verb a nominal trigger is an argument of ("held" for "held talks")."""
    current = token
    for _ in range(4):
        if current.dep_ in LIGHT_DEPS and current.head.pos_ in {"VERB", "AUX"}:
            return current.head
        if current.dep_ == "pobj" and current.head.dep_ == "prep":
            measure = current.head.head
            if current.head.lower_ == "of" and measure.lemma_.lower() in _measure_nouns():
                current = measure  # "wrapped up two days of consultations"
                continue
            if current.head.lower_ not in FRAME_PREPS:
                return None
            head = current.head.head
            if head.pos_ in {"NOUN", "PROPN"} and head.dep_ in LIGHT_DEPS:
                head = head.head  # "reached agreement during talks": the verb frames both
            if head.pos_ in {"VERB", "AUX"}:
                return head  # "are in talks", "said during a visit to Beirut"
            return None
        if current.dep_ in {"compound", "conj", "appos"} and current.head.pos_ in {"NOUN", "PROPN"}:
            current = current.head
            continue
        return None
    return None


def is_capital(token: Token) -> bool:
    entry = gazetteer.lookup(token.text)
    return entry is not None and entry.kind == "capital"


def is_venue(token: Token) -> bool:
    """A city (not a state) named as where something happens: "the Geneva talks"."""
    if token.ent_type_ != "GPE" or token.dep_ == "poss":
        return False
    entry = gazetteer.lookup(token.text)
    return entry is None or entry.kind == "capital"


@cache
def _participation(key: str) -> frozenset[str]:
    """A word list of participation.json: "verbs" (whose subject takes part in
    the event noun they govern), "involving_verbs", "commit_verbs", "topic_nouns"."""
    return frozenset(load_json("lexicons/participation.json")[key])


@cache
def _measure_nouns() -> frozenset[str]:
    """ "a round of talks", "two days of consultations": the event's measure."""
    return frozenset(load_json("lexicons/modality.json")["measure_nouns"])


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the given prepositions attached to the token."""
    return [
        member
        for prep in token.children
        # "sent to Colombia": spaCy calls a prepositional "to" after give/send a dative
        if (prep.dep_ == "prep" or (prep.dep_ == "dative" and prep.pos_ == "ADP"))
        and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for member in with_members(pobj)
    ]


def noun_modifiers(noun: Token) -> list[Token]:
    """Possessors and modifiers that may name parties: "US-Russia talks".

    A city before an event noun names its venue, not a party ("the Geneva
    talks", "Madrid peace conference"), so it is left to the location.
    """
    found = [
        child
        for child in noun.children
        if child.dep_ in {"poss", "compound", "amod", "nmod"}
        and not is_venue(child)
        and not _same_entity(child, noun)  # "the Chemical Weapons Convention"
    ]
    named = name_before(noun)
    if named is not None and named not in found and not is_venue(named):
        found.append(named)
    return found


def name_before(noun: Token) -> Token | None:
    """A name right before the noun that the parse left unattached, past a
    parenthetical: "a virtual SCO (Shanghai Cooperation Organisation) Summit"."""
    i = noun.i - 1
    doc = noun.doc
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < 0 or i == noun.i - 1 or doc[i].ent_type_ not in {"ORG", "GPE", "NORP"}:
        return None
    return doc[i]


def entity_members(noun: Token) -> list[Token]:
    """Other words of the named entity the noun ends ("IAEA" in "the IAEA
    Additional Protocol"): candidate parties, kept only where they code."""
    ent = entity_of(noun, labels=None)
    if ent is None:
        return []
    return [t for t in noun.doc[ent.start : noun.i] if not is_venue(t)]


def _same_entity(a: Token, b: Token) -> bool:
    ent = entity_of(b, labels=None)
    return ent is not None and ent.start <= a.i < ent.end


def clause_tokens(trigger: Token) -> set[int]:
    """Indices of the trigger's own clause: the subtree of its nearest verb,
    without embedded clauses that do not hold the trigger."""
    head = nearest_verb(trigger)
    inside: set[int] = set()
    stack = [head]
    while stack:
        token = stack.pop()
        inside.add(token.i)
        for child in token.children:
            embedded = child.dep_ in CLAUSE_DEPS and (
                child.dep_ != "conj" or child.pos_ in {"VERB", "AUX"}
            )
            if not embedded or trigger in child.subtree:
                stack.append(child)
    return inside


@dataclass
class Roles:
    """Role fillers of one trigger.  ``modifiers`` ("US-Russia talks") are
    parties only where they code to a country or organisation."""

    actors: list[Token] = field(default_factory=list)
    recipients: list[Token] = field(default_factory=list)
    modifiers: list[Token] = field(default_factory=list)


def roles(
    trigger: Token,
    style: str,
    exclude: frozenset[int] = frozenset(),
    event_noun: Token | None = None,
    visit: bool = False,
) -> Roles:
    """Actor and recipient fillers for a trigger, by role style.

    ``event_noun`` is the noun a verbal trigger brings about ("signed an
    agreement with Iran"): its own parties ("with Iran", "USSR-Iran") count.
    """
    if style == "window":  # a lexical fallback: the names near the trigger
        return Roles(window_parties(trigger))
    if style == "directed":
        return _directed_roles(trigger, exclude, event_noun)
    if trigger.pos_ in {"NOUN", "PROPN"}:
        found = _nominal_roles(trigger, exclude, visit)
        if event_noun is not None and event_noun.i != trigger.i:
            # "the signing of a treaty between Poland and Ukraine": the treaty's
            # own parties sign it, not whoever hosts the signing
            between = prep_objects(event_noun, BETWEEN_PREPS)
            found.actors = between or found.actors + prep_objects(event_noun, WITH_PREPS)
            found.modifiers += noun_modifiers(event_noun)
        return found
    found = _verbal_roles(trigger, style, exclude)
    for obj in trigger.children:  # "shook the hand of the Israeli prime minister"
        if obj.dep_ == "dobj" and obj.lemma_.lower() in {"hand", "hands"}:
            found.actors += prep_objects(obj, frozenset({"of"}))
    if event_noun is not None and event_noun.i != trigger.i:
        found.actors += prep_objects(event_noun, WITH_PREPS)
        found.modifiers += noun_modifiers(event_noun)
    return found


def _directed_roles(trigger: Token, exclude: frozenset[int], ceasefire: Token | None) -> Roles:
    """A violation: who broke the ceasefire acts; the other side of the
    ceasefire and the side fired upon receive ("Hamas broke the truce with
    Israel by firing rockets at Sderot").  With no violator named ("a
    violation of the ceasefire between Armenia and Azerbaijan"), both sides
    of the ceasefire are the parties."""
    targets: list[Token] = []
    if trigger.pos_ in {"NOUN", "PROPN"}:
        violators = [
            member
            for child in trigger.children
            if child.dep_ == "poss"
            for member in with_members(child)
        ] + prep_objects(trigger, frozenset({"by"}))
        act = _framed_act(trigger)
        if act is not None and not violators:
            # "In defiance of the ceasefire, Armenian troops shelled Azerbaijani villages"
            violators, targets = subjects(act, exclude), direct_objects(act)
        verb = trigger.head
        if (
            not violators
            and trigger.dep_ == "dobj"
            and verb.lemma_.lower() in _participation("commit_verbs")
        ):
            violators = subjects(verb, exclude)  # "Houthi forces committed new truce violations"
    else:
        violators = subjects(trigger, exclude)
    # "Clashes could breach the truce": an act, not who acted
    acts = pack_words("ceasefire_violation", "act_nouns")
    violators = [t for t in violators if t.lemma_.lower() not in acts and t.lower_ not in acts]
    sides = prep_objects(trigger, WITH_PREPS)
    # "Indo-Pakistani ceasefire violations", "the Israel-Hamas truce": parties
    # where they code (their names are read whole, hyphenated pairs too)
    named = noun_modifiers(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else []
    if ceasefire is not None and ceasefire.i != trigger.i:
        sides += prep_objects(ceasefire, WITH_PREPS)
        named += noun_modifiers(ceasefire)
    if not violators:
        return Roles(sides, modifiers=named)
    sides += named
    acting = {t.i for t in violators}
    others = [t for t in sides + targets + _targets(trigger) if t.i not in acting]
    return Roles(violators, others)


def _framed_act(noun: Token) -> Token | None:
    """The clause a violation noun frames: "in violation of the truce, X shelled Y"."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ == "in":
        return prep.head if prep.head.pos_ == "VERB" else None
    return None


def _targets(trigger: Token) -> list[Token]:
    """What the violator fired at: "by firing rockets at Sderot", "shelled
    posts on the Indian side"."""
    return [
        pobj
        for token in trigger.subtree
        if token.dep_ == "prep"
        and token.lower_ in TARGET_PREPS
        and token.head.pos_ == "VERB"
        and token.head.i != trigger.i
        for pobj in token.children
        if pobj.dep_ == "pobj"
    ]


def _verbal_roles(verb: Token, style: str, exclude: frozenset[int]) -> Roles:
    actors = subjects(verb, exclude)
    if style == "visit":
        hosts = direct_objects(verb) + prep_objects(verb, DESTINATION_PREPS)
        return Roles(actors + prep_objects(verb, WITH_PREPS), hosts)
    if style == "sent":
        # "Zinni was sent to the region", "Egypt sent its foreign minister to Sudan":
        # the envoy (passive subject or object) is the visitor, not the sender
        envoys = [
            m for c in verb.children if c.dep_ in {"nsubjpass", "dobj"} for m in with_members(c)
        ]
        return Roles(envoys, prep_objects(verb, frozenset({"to"})))
    others = prep_objects(verb, WITH_PREPS)
    if style == "host":
        passive = [m for c in verb.children if c.dep_ == "nsubjpass" for m in with_members(c)]
        if passive:  # "the Georgian premier was received by the Azerbaijani president"
            return Roles(passive + others, passive_agents(verb))
        guests = direct_objects(verb)
        if len(guests) == 1:  # hosting one guest is a visit: the host receives
            return Roles(guests + others, actors)
        return Roles(actors + guests + others)
    if verb.lemma_.lower() in {"meet", "visit", "consult"}:
        others += direct_objects(verb)
    return Roles(actors + others)


def passive_agents(verb: Token) -> list[Token]:
    """The "by" phrase of a passive verb, with its conjuncts."""
    return [
        member
        for agent in verb.children
        if agent.dep_ == "agent"
        for pobj in agent.children
        if pobj.dep_ == "pobj"
        for member in with_members(pobj)
    ]


def verbless_holders(noun: Token) -> list[Token]:
    """A headline's verbless "X in talks (with Y)": X holds the talks."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return []
    holder = prep.head
    if holder.dep_ != "ROOT" or holder.pos_ not in {"NOUN", "PROPN"}:
        return []
    return list(with_members(holder))


def _nominal_roles(noun: Token, exclude: frozenset[int], visit: bool) -> Roles:
    modifiers = noun_modifiers(noun)
    # "a meeting of ministers" names who met; "the discussion of Ukraine", what
    of_names_parties = noun.lemma_.lower() not in _participation("topic_nouns")
    agents = prep_objects(noun, frozenset({"of", "by"} if of_names_parties else {"by"}))
    # "a meeting in London of the Commonwealth group": the parse hangs the "of"
    # phrase on the venue; it still names who met
    agents += [
        member
        for venue in prep_objects(noun, frozenset({"in", "at"}))
        for member in prep_objects(venue, frozenset({"of"}))
    ]
    # a named possessor ("the IAEA's visit") is the noun's own agent; a pronoun
    # ("their meeting") points back to the clause's subject
    owner = any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children)
    # a visit's possessive pronoun is its traveller, whoever the clause is about:
    # "the rebels plotted against Bush during his visit to Colombia"
    owner = owner or (visit and any(c.dep_ == "poss" for c in noun.children))
    actors = agents + prep_objects(noun, WITH_PREPS)
    # "a summit hosted by India", "talks sponsored by the UN"
    for participle in noun.children:
        if participle.dep_ in {"acl", "relcl"}:
            # "talks that started last year between Baghdad and Damascus"
            actors += prep_objects(participle, frozenset({"between"}))
        if participle.dep_ == "acl":
            actors += prep_objects(participle, frozenset({"by"}))
            actors += passive_agents(participle)
    # "a visit to Beirut", "a call to Erdogan"; "talks in Geneva" is a venue
    recipients = prep_objects(noun, frozenset({"to"}))
    actors += verbless_holders(noun)
    verb = governing_verb(noun)
    if verb is not None:
        # "X held talks with Y", "Zinni told a meeting of officials"; not "the
        # summit endorsed X", nor the signer of a deal made "during a visit of
        # Z" (a visit names its own visitor)
        object_of_other_verb = noun.dep_ in {"dobj", "attr", "oprd", "dative"} and (
            verb.lemma_.lower() not in _participation("verbs")
        )
        if (
            noun.dep_ not in SUBJECT_DEPS
            and not (visit and (agents or owner))
            and not object_of_other_verb  # "troops reported violations"
        ):
            actors += subjects(verb, exclude | {noun.i})
        elif noun.dep_ == "nsubjpass" and verb.lemma_.lower() in _participation("verbs"):
            actors += passive_agents(verb)  # "talks were held by Iranian and Iraqi officials"
        elif (
            noun.dep_ == "nsubj"
            and verb.lemma_.lower() in _participation("involving_verbs")
            and not any(c.dep_ == "neg" for c in verb.children)  # "does not include"
        ):
            # "the drills involved troops from Russia and Belarus": the states the
            # troops come from, where the parse hangs them on the verb
            actors += prep_objects(verb, frozenset({"from"})) or direct_objects(verb)
        actors += prep_objects(verb, WITH_PREPS)
    return Roles(actors, recipients, modifiers)
