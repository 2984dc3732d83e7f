"""Scope (GUIDELINES.md): whether the participants make an event political.

An event is coded only between political actors: states, their officials and
forces, international bodies, rebels and parties.  These tests drop business,
private and internal uses of event words ("talks with local companies", "his
trip to Las Vegas", "a meeting chaired by Arafat" with no other side), and
keep an event that names no party of its own only in a political story.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from eventx.analysis.grammar import entity_of, nearest_verb, phrase_span
from eventx.coding.actors import ActorCoder
from eventx.coding.mentions import Mention, lookup_span, non_political, sector_of
from eventx.coding.titles import word_state
from eventx.knowledge import cities, people
from eventx.knowledge.files import load_json
from eventx.knowledge.packs import pack_words
from eventx.rules.roles import is_capital

if TYPE_CHECKING:
    from eventx.events.drafts import Draft

# armed groups: their arrival is a deployment, not a visit (a defence
# minister is MIL too, and does visit)
ARMED_GROUP_SECTORS = frozenset({"REB"})
POLITICAL_SECTORS = frozenset({"GOV", "MIL", "IGO", "REB", "PTY", "OPP", "COP"})


def business_side(token: Token, coder: ActorCoder) -> bool:
    """A role filler that is a firm, a union or the like, and nothing coded
    ("overseas and local companies")."""
    words = [t.text for t in phrase_span(token)]
    return non_political(words) and not any(m.coded for m in coder.code_phrase(token))


def chaired_by_its_only_side(trigger: Token, actors: list[Mention]) -> bool:
    """ "a meeting chaired by Palestinian leader Yasser Arafat", "the
    Palestinian Authority in an urgent meeting headed by Mr Arafat": a chaired
    meeting with one side named is that side's own session (a summit or
    conference has other sides by definition)."""
    if trigger.lemma_.lower() in pack_words("meeting_held", "MEETING_NOUN"):
        return False
    chairs = pack_words("meeting_held", "chair_verbs")
    chaired = any(c.dep_ == "acl" and c.lemma_.lower() in chairs for c in trigger.children)
    return chaired and len({m.country for m in actors if m.coded}) == 1


def visit_to_an_institution(trigger: Token) -> bool:
    """ "a trip to Walter Reed hospital", "a visit to the Cambridge Union": a
    visit noun whose destination is a named building or body the gazetteers
    do not know (no state, city or political body) is no state visit."""
    if trigger.pos_ != "NOUN":
        return False
    destinations = [
        place
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ == "to"
        for place in prep.children
        if place.dep_ == "pobj"
    ]
    for place in destinations:
        names = [entity_of(t, frozenset({"ORG", "FAC"})) for t in phrase_span(place)]
        if any(n is not None and _unknown_institution(n) for n in names):
            # "Army headquarters in Rawalpindi" is a state's; so is a place in a city
            return not any(t.ent_type_ == "GPE" for t in place.subtree)
    return False


def _unknown_institution(name: Span) -> bool:
    """A named building or body with no political sector that no gazetteer knows."""
    return _unknown_name(name) and sector_of(t.text for t in name) is None


def _unknown_name(name: Span) -> bool:
    """A name the gazetteers know neither as a political body nor as a person."""
    return lookup_span(name) is None and people.person(name.text) is None


def private_traveller(trigger: Token, coder: ActorCoder) -> bool:
    """ "his fateful trip to Las Vegas": a visit noun whose traveller is a
    pronoun for nobody the document codes is a private trip."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ == "poss" and c.pos_ == "PRON" and not any(m.coded for m in coder.code(c))
        for c in trigger.children
    )


def armed_group_arrival(actors: list[Mention], recipients: list[Mention]) -> bool:
    """ "the arrival of members of a militia from training camps": an armed
    group moving with no host is deployed, not visiting."""
    armed = [m for m in actors if m.sector in ARMED_GROUP_SECTORS and m.label != "PERSON"]
    return bool(actors) and len(armed) == len(actors) and not recipients


def political(draft: Draft, political_document: bool) -> bool:
    """Scope (GUIDELINES.md): the participants are political actors.  An event
    whose parties are all people without office, firms or clubs ("he secured a
    contract", "a meeting with Soccer Australia") is out.  One that names no
    party of its own ("the accord was sealed", or parties only the document
    supplies, "the parties were locked in talks") is kept in a political
    story (see ``DocumentContext``), and dropped elsewhere ("the deal was
    approved by shareholders" in a business story).  A meeting whose only
    other side is business ("a meeting of business and industry leaders")
    has one political side, and a meeting needs two."""
    if draft.match.rule.type == "meeting_held" and _owned_by_non_political(draft.match.trigger):
        return False
    named = [m for m in draft.actors + draft.recipients if m.label != "CONTEXT"]
    # a group reference ("the parties", "they") names whoever the document supplies
    own = [m for m in named if m.label != "GROUP"]
    political_parties = [m for m in own if _political_party(m)]
    sides = {m.country or m.text.lower() for m in political_parties}
    one_sided = draft.match.rule.type == "meeting_held" and len(sides) < 2
    if one_sided and any(non_political(m.text.split()) for m in named):
        return False  # "a meeting of business and industry leaders": one side holds no office
    # people of no known country are no known sides: "Senator Bartlett met
    # deputy leader Aden Ridgeway" may be (and here is) one party's business
    if draft.match.rule.type == "meeting_held" and _stateless_people(political_parties):
        return False
    if not own:  # with a group named, no firm is the clause's subject ("Both the Generals")
        told_by_firm = not named and _told_by_non_political(draft.match.trigger)
        return political_document and not told_by_firm
    return bool(political_parties)


def _stateless_people(parties: list[Mention]) -> bool:
    return len(parties) > 1 and all(m.label == "PERSON" and m.country is None for m in parties)


def _owned_by_non_political(trigger: Token) -> bool:
    """ "a Wikileaks conference": a meeting noun named after an organisation
    that the gazetteers do not know as a political actor is that body's own
    gathering (named exercises, "Malabar-2020", are another matter)."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    # a compound only: a possessor may be a person the NER calls ORG
    return any(c.dep_ == "compound" and _non_political_org(c) for c in trigger.children)


def _non_political_org(token: Token) -> bool:
    """An organisation the gazetteers know neither as a political body nor as a person."""
    owner = entity_of(token, frozenset({"ORG"}))
    return owner is not None and _unknown_name(owner)


def _told_by_non_political(trigger: Token) -> bool:
    """ "After lengthy negotiations, Qantas sought a ballot": an event with no
    party of its own in a clause whose subject is a firm or other body the
    gazetteers do not know as political is that body's business."""
    verb = nearest_verb(trigger)
    return any(c.dep_ in {"nsubj", "nsubjpass"} and _non_political_org(c) for c in verb.children)


def _political_party(mention: Mention) -> bool:
    """A state, a coded collective or a body with a political sector.  A name
    that merely contains a country ("Soccer Australia", "University of
    Canberra") or a person of a country with no office is not one."""
    if mention.sector in POLITICAL_SECTORS:
        return True
    if non_political(mention.text.split()):
        return False
    return mention.coded and mention.label not in {"ORG", "PERSON", "PRON"}


NOUN_POS = frozenset({"NOUN", "PROPN"})


@cache
def _topic_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("lexicons/participation.json")
    return frozenset(data["topic_heads"]), frozenset(data["topic_verbs"])


def topic_mention(trigger: Token) -> bool:
    """An event noun that names a topic, not an occurrence (GUIDELINES v1.1):
    "progress in the peace talks had stalled", "complicating peace talks",
    "Negotiations are the only way to end the war" (see participation.json)."""
    if trigger.pos_ not in NOUN_POS:
        return False
    head = trigger
    while head.dep_ in {"conj", "appos", "compound"} and head.head.pos_ in NOUN_POS:
        head = head.head
    if any(c.dep_ in {"acl", "relcl"} for c in head.children) or _particular(head):
        return False  # a particular one: "talks scheduled for May", "talks in Geneva"
    heads, verbs = _topic_words()
    governor = head.head
    if head.dep_ == "pobj" and governor.dep_ == "prep" and governor.lower_ in TOPIC_PREPS:
        return governor.head.pos_ in NOUN_POS and governor.head.lemma_.lower() in heads
    if head.dep_ in {"nsubj", "nsubjpass", "dobj"} and governor.pos_ in {"VERB", "AUX"}:
        if governor.lemma_.lower() in verbs:
            return True
        if _habitual(head, governor):
            return True  # "militias routinely conduct training exercises": a habit
        # a bare noun said to be something: "Negotiations are the only way"; not
        # "the joint exercise is a provocation"
        generic = not any(c.dep_ in {"det", "poss"} for c in head.children)
        return (
            generic
            and head.dep_ == "nsubj"
            and governor.lemma_.lower() == "be"
            and any(c.dep_ == "attr" for c in governor.children)
        )
    return False


SINGULAR_POSSESSIVES = frozenset({"its", "his", "her"})


def own_session(trigger: Token) -> bool:
    """ "The junta held a meeting of its ruling council": one actor's own body
    in session, not a meeting of two parties (GUIDELINES: "a cabinet meeting,
    a party congress"); "a meeting of their foreign ministers" may be two."""
    if trigger.pos_ not in NOUN_POS:
        return False
    return any(
        g.dep_ == "poss" and g.lower_ in SINGULAR_POSSESSIVES
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for g in pobj.children
    )


@cache
def _habitual_adverbs() -> frozenset[str]:
    return frozenset(load_json("lexicons/participation.json")["habitual_adverbs"])


def _habitual(noun: Token, verb: Token) -> bool:
    """A bare event noun under a present-tense verb of habit ("routinely")."""
    return (
        _bare(noun)
        and verb.tag_ in {"VBP", "VBZ"}
        and any(c.dep_ == "advmod" and c.lower_ in _habitual_adverbs() for c in verb.children)
    )


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def _names_one(modifier: Token) -> bool:
    """A proper-noun modifier that picks one event out: a city ("Sochi") or a
    name ("Camp David"); not a state or region, which names what it is about
    ("Middle East peace talks", "Darfur talks")."""
    if word_state(modifier) is not None:
        return False
    if modifier.ent_type_ in {"GPE", "LOC", "NORP"}:
        name = entity_of(modifier, labels=None)
        text = name.text if name is not None else modifier.text
        return cities.city(text) is not None or is_capital(modifier)
    return True


TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _particular(noun: Token) -> bool:
    """A name, venue or date of its own: "the Sochi conference", "talks in
    Geneva", "Monday's talks"."""
    for child in noun.children:
        if child.dep_ in {"compound", "nmod"} and child.pos_ == "PROPN" and _names_one(child):
            return True  # a venue or a name: "the Sochi conference", "the Camp David talks"
        if child.ent_type_ in TIME_ENTITIES:
            return True
        if child.dep_ == "prep" and child.lower_ in {"in", "at", "on"}:
            # "talks in Geneva", "talks on Monday"; but "talks on Darfur" is a topic
            kinds = TIME_ENTITIES | (PLACE_ENTITIES if child.lower_ != "on" else frozenset())
            if any(g.ent_type_ in kinds for g in child.children):
                return True
    return False


# what a noun is about, not when ("the question throughout the negotiation")
TOPIC_PREPS = frozenset({"in", "on", "of", "for", "to", "toward", "towards", "about", "over"})


def generic_noun(trigger: Token) -> bool:
    """A bare event noun, the form a topic takes ("peace talks", "negotiations"):
    no determiner or owner, and no name, venue or date of its own."""
    return trigger.pos_ in NOUN_POS and _bare(trigger) and not _particular(trigger)


def _bare(noun: Token) -> bool:
    """No determiner, owner or number: "talks", not "the talks" or "two rounds"."""
    return not any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children)
