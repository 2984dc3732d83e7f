"""One rule match becomes a draft event: roles, parties, modality, date, place.

A draft still holds spaCy tokens; document-level resolution (``context.py``)
and the records (``build.py``) come after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventx.coding.actors import ActorCoder
from eventx.coding.attributes import attributes_of, mode_of
from eventx.coding.attribution import source_of
from eventx.coding.cues import reporting_verbs
from eventx.coding.dates import after_publication, event_date
from eventx.coding.mentions import Mention, party_counts
from eventx.coding.modality import modality
from eventx.coding.places import event_location
from eventx.events.scope import (
    armed_group_arrival,
    business_side,
    chaired_by_its_only_side,
    own_session,
    private_traveller,
    topic_mention,
    visit_to_an_institution,
)
from eventx.knowledge import gazetteer
from eventx.knowledge.packs import pack_words
from eventx.records.event import Attributes, EventDate, Location, Sentence
from eventx.rules.matcher import Match
from eventx.rules.roles import clause_tokens, entity_members, governing_verb, roles
from eventx.rules.subjects import subjects

OFFICIAL_SECTORS = frozenset({"GOV", "IGO", "OPP", "PTY"})


@dataclass
class Draft:
    """An event before group references are resolved and records built."""

    match: Match
    offset: int
    sentence: Sentence
    actors: list[Mention]
    recipients: list[Mention]
    modality: str
    date: EventDate | None
    location: Location | None
    attributes: Attributes
    source: Mention | None = None  # who reports it ("the army said")
    fallback: bool = False
    headline: bool = False  # its sentence is a headline, re-parsed in sentence case

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(m.country for m in self.actors + self.recipients if m.country)

    @property
    def parties(self) -> frozenset[str | None]:
        """Coded parties: countries, and None for an international organisation."""
        return frozenset(m.country for m in self.actors + self.recipients if m.coded)


def unique(mentions: Iterable[Mention]) -> list[Mention]:
    seen: set[tuple[int, int, str | None]] = set()
    kept = []
    for mention in mentions:
        key = (mention.start, mention.end, mention.country)
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return kept


def draft_event(
    match: Match,
    *,
    sent: Span,
    sentence: Sentence,
    offset: int,
    coder: ActorCoder,
    published: dt.date | None,
    text: str,
) -> Draft | None:
    """Fill one match's parties, place, date and modality; None if the rule's
    conditions on its parties fail ("spoke to reporters", a trip at home).

    ``offset`` shifts a re-parsed headline back onto the document, and every
    text field is sliced from the document ``text`` itself, never from the
    re-cased copy.
    """
    trigger = match.trigger
    if topic_mention(trigger):
        return None  # "progress in the peace talks had stalled": a topic, not an occurrence
    if match.rule.type == "meeting_held" and own_session(trigger):
        return None  # "a meeting of its ruling council"
    parties = _parties(match, coder, sent)
    if parties is None:
        return None
    actors, recipients, recipient_tokens = parties
    verb = governing_verb(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else trigger
    location = event_location(trigger, verb, recipient_tokens)
    date = event_date(trigger, coder.facts.times(sent), published)

    def original(span: Span) -> str:
        return text[span.start_char + offset : span.end_char + offset]

    draft = Draft(
        match=match,
        offset=offset,
        sentence=sentence,
        actors=[m.shifted(offset, text) for m in actors],
        recipients=[m.shifted(offset, text) for m in recipients],
        modality=_under_way(match, _modality_with_date(_modality(trigger, coder), date, published)),
        date=date,
        location=_shifted_location(location, offset, text),
        attributes=attributes_of(match, original),
        source=_source(trigger, coder, offset, text),
    )
    if not draft.actors:
        _fallback_parties(draft, coder, sent, text)
    _host_from_place(draft)
    if match.rule.type == "ceasefire_violation":
        _side_across_the_line(draft, sent)
    return draft


def _side_across_the_line(draft: Draft, sent: Span) -> None:
    """ "Pakistan violated the ceasefire along the Line of Control": the state
    on the line's other side is the side fired upon."""
    violators = {m.country for m in draft.actors if m.country}
    others = [c for c in gazetteer.features_in(sent.text) if c not in violators]
    if violators and others and not draft.recipients:
        draft.recipients = [on_trigger(draft, "LOC", code, "GOV") for code in others]


def on_trigger(draft: Draft, label: str, code: str | None, sector: str | None) -> Mention:
    """A party the sentence does not name, placed on the trigger."""
    trigger = draft.match.trigger
    start = trigger.idx + draft.offset
    return Mention(trigger.text, start, start + len(trigger), label, code, sector)


def _modality(trigger: Token, coder: ActorCoder) -> str:
    return modality(trigger, question=coder.facts.question(trigger.sent))


def _host_from_place(draft: Draft) -> None:
    """A visit to a place in another country is hosted by that country:
    "the visit of China's vice chairman to Army headquarters in Rawalpindi"."""
    where = draft.location
    if draft.attributes.mode != "visit" or any(m.coded for m in draft.recipients):
        return
    if where is None or where.country is None or where.country in draft.countries:
        return
    host = Mention(where.text, where.start, where.end, "GPE", where.country, "GOV")
    draft.recipients = [*draft.recipients, host]


def _parties(
    match: Match, coder: ActorCoder, sent: Span
) -> tuple[list[Mention], list[Mention], list[Token]] | None:
    """Actors, recipients and the recipient tokens from the match's roles."""
    rule, trigger = match.rule, match.trigger
    mode = mode_of(match)
    exclude = frozenset(t.i for name, t in match.tokens.items() if name != "trigger")
    event_noun = match.tokens.get("object")
    found = roles(trigger, rule.roles, exclude, event_noun, visit=mode == "visit")
    if event_noun is not None:  # "the IAEA Additional Protocol": parties named in the name
        found.modifiers += entity_members(event_noun)
    # pattern nodes named "partner" or "host" are parties by construction
    partner = match.tokens.get("partner")
    if partner is not None:
        if rule.partner_coded and not any(m.coded for m in coder.code_phrase(partner)):
            return None  # "spoke to reporters" is no meeting
        found.actors.append(partner)
    found.recipients += [t for name, t in match.tokens.items() if name == "host"]
    named = [m for t in found.modifiers if t.i != trigger.i for m in coder.code_modifier(t)]
    actors = unique(
        named + [m for t in found.actors if t.i != trigger.i for m in coder.code_phrase(t)]
    )
    if rule.type == "agreement_signed":
        if _one_sided(event_noun):
            return None  # "announced a unilateral ceasefire": a declaration, not an agreement
        actors = [m for m in actors if not _go_between(m, trigger.doc)]
    recipients = unique(m for t in found.recipients for m in coder.code_phrase(t))
    if rule.roles == "visit" or (rule.type == "meeting_held" and mode == "visit"):
        recipients = [m for m in recipients if m.coded]
        travellers = {m.country for m in actors if m not in named and m.country}
        hosts = [m for m in named if m.country and travellers and m.country not in travellers]
        if hosts and not recipients:  # "Erdogan's UK state visit": the UK hosts it
            actors = [m for m in actors if m not in hosts]
            recipients = hosts
        if rule.requires_recipient and not recipients:
            return None
        if private_traveller(trigger, coder) or visit_to_an_institution(trigger):
            return None
        if armed_group_arrival(actors, recipients):
            return None  # "the arrival of members of a militia from training camps"
        visitors = {m.country for m in actors if m.country}
        if recipients and visitors and visitors >= {m.country for m in recipients}:
            return None  # a trip at home is no visit
    elif rule.type == "meeting_held" and rule.roles != "host":
        actors = _meeting_sides(unique(actors + recipients), match, coder, sent)
        recipients = []  # a meeting is symmetric: all are actors
        if len({m.country for m in actors if m.coded}) < 2 and (
            any(business_side(t, coder) for t in found.actors + found.recipients)
            or chaired_by_its_only_side(trigger, actors)
        ):
            return None  # "the army is in talks with local companies": one political side
    elif rule.type == "military_exercise" and _partner_only(trigger, actors):
        # "India's navy chief said the exercise with the French navy had ended":
        # the speaker's side held it with the partner
        speaker = [m for t in subjects(sent.root) for m in coder.code_phrase(t) if m.coded]
        actors = unique(actors + speaker)
    return actors, recipients, found.recipients


def _partner_only(trigger: Token, actors: list[Mention]) -> bool:
    """An exercise noun whose only coded party is its "with" partner, in a
    sentence that reports it ("said the exercise with X had concluded")."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    if trigger.sent.root.lemma_.lower() not in reporting_verbs():
        return False
    partner = {
        t.idx
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ == "with"
        for t in p.subtree
    }
    coded = [m for m in actors if m.coded]
    return bool(coded) and all(m.start in partner for m in coded)


def _one_sided(noun: Token | None) -> bool:
    """ "a unilateral ceasefire": one side's declaration (pack 'one_sided_modifiers')."""
    words = pack_words("agreement_signed", "one_sided_modifiers")
    return noun is not None and any(c.lower_ in words for c in noun.children if c.dep_ == "amod")


def _go_between(mention: Mention, doc: Doc) -> bool:
    """ "a UN-brokered accord": the UN brought the parties together; it did not sign."""
    span = doc.char_span(mention.start, mention.end)
    if span is None or span.end + 1 >= len(doc):
        return False
    dash, verb = doc[span.end], doc[span.end + 1]
    verbs = pack_words("agreement_signed", "go_between_verbs")
    return dash.text in {"-", "–"} and verb.lemma_.lower() in verbs


def _meeting_sides(
    actors: list[Mention], match: Match, coder: ActorCoder, sent: Span
) -> list[Mention]:
    """Both sides of a meeting: "he" is not the partner he met, and a call that
    names one side ("in a telephone call with Chirac") has the main clause's
    speaker as the other."""
    trigger = match.trigger
    actors = _distinct_pronouns(actors, coder, trigger.doc)
    if trigger.pos_ in {"NOUN", "PROPN"} and len({m.country for m in actors if m.coded}) == 1:
        others = subjects(sent.root) if sent.root.i != trigger.i else []
        actors = unique(actors + [m for t in others for m in coder.code_phrase(t) if m.coded])
    return actors


def _source(trigger: Token, coder: ActorCoder, offset: int, text: str) -> Mention | None:
    """The reported-speech source, coded like a party ("the Indian Army": IND/MIL)."""
    head = source_of(trigger)
    if head is None:
        return None
    found = coder.code_phrase(head)
    if found:
        return found[0].shifted(offset, text)
    span = head.doc[head.left_edge.i : head.i + 1]
    return Mention(span.text, span.start_char, span.end_char, "NOUN", None, None).shifted(
        offset, text
    )


def _shifted_location(location: Location | None, offset: int, text: str) -> Location | None:
    if location is None:
        return None
    start, end = location.start + offset, location.end + offset
    return location.model_copy(update={"start": start, "end": end, "text": text[start:end]})


def _fallback_parties(draft: Draft, coder: ActorCoder, sent: Span, text: str) -> None:
    """Parties for an event whose roles named none.

    * "violations at the Line of Control": the states on either side of it;
    * a verb whose subject the parse lost: the coded names of its own clause
      (not for nouns, which the document context resolves, nor for rules that
      forbid it).
    """
    rule, trigger = draft.match.rule, draft.match.trigger
    where = draft.location
    sides = gazetteer.feature_countries(where.text) if where else ()
    if sides and where is not None:
        draft.actors = [
            Mention(where.text, where.start, where.end, "LOC", code, "GOV") for code in sides
        ]
        draft.fallback = True
        return
    sides = gazetteer.features_in(sent.text)  # "the Line of Control ceasefire was violated"
    if sides:
        draft.actors = [on_trigger(draft, "LOC", code, "GOV") for code in sides]
        draft.fallback = True
        return
    nominal = trigger.pos_ in {"NOUN", "PROPN"}
    if nominal or rule.no_fallback or any(m.group for m in draft.recipients):
        return
    taken = {(m.start, m.end) for m in draft.recipients}
    if where is not None:
        taken.add((where.start, where.end))
    offset = draft.offset
    draft.actors = [
        m.shifted(offset, text)
        for m in unique(coder.sentence_mentions(sent, clause_tokens(trigger)))
        if (m.start + offset, m.end + offset) not in taken
    ]
    draft.fallback = True


def _under_way(match: Match, found: str) -> str:
    """An exercise that someone is to conclude or continue is under way now:
    "South Korea and the U.S. were to wrap up their joint exercise later in
    the day" reports an ongoing exercise, whatever is said of its end."""
    trigger = match.trigger
    verb = trigger.head if trigger.dep_ in {"dobj", "nsubjpass"} else None
    if found in {"asserted", "negated"} or verb is None:
        return found
    phase = match.rule.phases.get(verb.lemma_.lower())
    owned = any(c.dep_ in {"poss", "det"} and c.lower_ != "a" for c in trigger.children)
    return "asserted" if phase in {"concluded", "ongoing"} and owned else found


def _modality_with_date(found: str, date: EventDate | None, published: dt.date | None) -> str:
    """An asserted event dated after the article was published is still to come."""
    return "future" if found == "asserted" and after_publication(date, published) else found


def _distinct_pronouns(actors: list[Mention], coder: ActorCoder, doc: Doc) -> list[Mention]:
    """In a meeting, "he" is not the partner he met: "during his phone call
    with Erdogan" refers back to someone of another country."""
    named = frozenset(m.country for m in actors if m.label != "PRON" and m.country)
    speaker = _main_subject_countries(actors, doc)
    fixed = []
    for mention in actors:
        if mention.label == "PRON" and mention.country in named - speaker:
            token = doc.char_span(mention.start, mention.end)
            other = coder.person_before(token[0], avoid=named) if token else None
            if other is None:
                continue
            mention = other
        fixed.append(mention)
    return fixed


def _main_subject_countries(actors: list[Mention], doc: Doc) -> frozenset[str]:
    """Countries of actors that are their sentence's main subject: "Following his
    talks with May, Erdogan said": "his" is Erdogan, not someone else of Turkey."""
    found = set()
    for mention in actors:
        span = doc.char_span(mention.start, mention.end)
        if span is not None and mention.label != "PRON" and mention.country:
            root = span.root
            if root.dep_ == "nsubj" and root.head.i == root.sent.root.i:
                found.add(mention.country)
    return frozenset(found)


def _counted(mention: Mention) -> int:
    """How many parties a counted group names ("the two sides": 2), else 0."""
    counts = party_counts()
    return max((counts.get(w, 0) for w in mention.text.lower().split()), default=0)


def passes_party_checks(draft: Draft) -> bool:
    """The rule's participant conditions (min_parties, requires_party, ...)."""
    rule = draft.match.rule
    parties = {m.country or m.text.lower() for m in draft.actors + draft.recipients}
    counted = max((_counted(m) for m in draft.actors), default=0)
    if rule.min_parties and max(len(parties), counted) < rule.min_parties:
        return False  # "all four Afghan groups negotiating in Bonn" are four parties
    if rule.requires_party:
        found = [] if draft.fallback else draft.actors
        if not any(m.coded for m in found + draft.recipients):
            return False
    if (
        rule.requires_official
    ):  # a visit is made by officials or party leaders, not troops or tourists
        return any(m.sector in OFFICIAL_SECTORS for m in draft.actors)
    return True
