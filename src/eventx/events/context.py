"""What a sentence leaves open, the document settles.

* group references ("both sides") take the parties of the latest event, bare
  event nouns ("the talks") the document's salient parties;
* rebels and opposition without a country take the one state the event sets
  them against, else the home country;
* an agreement that names one state is with the home country, unless the
  document names it only as this event's venue;
* an event that names no party at all has an unknown one (``unknown_party``).

Repeated mentions of one event are merged afterwards (repeats.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from eventx.analysis.tokens import entities_in
from eventx.coding.actors import ActorCoder
from eventx.coding.mentions import Mention, lookup_span, party_counts, sector_of
from eventx.events.drafts import Draft, on_trigger
from eventx.events.scope import POLITICAL_SECTORS
from eventx.knowledge import people
from eventx.knowledge.packs import pack_words, single_party_verbs

DOMESTIC_SECTORS = frozenset({"REB", "OPP"})
# A story in which fewer of the sentences name a political actor is about
# something else (a firm, a club, a family), whatever states it names as places.
MIN_POLITICAL_SHARE = 0.16


@dataclass(frozen=True)
class DocumentContext:
    """What a document is about: its most named country."""

    home: str | None  # the most named country: "rebels" with no country are its rebels
    # names two or more states or an international organisation, and political
    # actors in enough of its sentences (or is too short to tell)
    political: bool
    published: dt.date | None = None  # people are coded as of this day (DocumentFacts)
    home_sentences: frozenset[int] = frozenset()  # the sentences that name the home country

    @classmethod
    def of(cls, coder: ActorCoder) -> DocumentContext:
        facts = coder.facts
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        igo = False
        sents = facts.sentences
        political_sentences = 0
        naming: dict[str, set[int]] = {}
        for index, (sent, read) in enumerate(zip(sents, facts.read, strict=True)):
            if read:
                mentions = list(coder.sentence_mentions(sent))
                nouns = (t.lower_ for t in sent if t.pos_ in {"NOUN", "PROPN"})
                political_sentences += _names_political_actor(mentions, nouns)
                places = [_set_in(facts.doc.char_span(m.start, m.end)) for m in mentions]
            else:  # not analysed (analysis/analyser.py): names the gazetteer knows, any word
                mentions, places = facts.names_in(sent, PLACE_PREPS)
                words = (t.lower_ for t in sent if t.is_alpha)
                political_sentences += _names_political_actor(mentions, words)
            for mention, place in zip(mentions, places, strict=True):
                igo = igo or (mention.country is None and mention.sector == "IGO")
                if mention.country:
                    naming.setdefault(mention.country, set()).add(index)
                    # a state named as a place ("in Syria") is where the story is set
                    counts[mention.country] += 2 if place else 1
                    first.setdefault(mention.country, mention.start)
        ranked = sorted(counts, key=lambda code: (-counts[code], first[code]))
        # a text of a sentence or two gives too little to judge: it counts as political
        short = len(sents) < 3
        actors = political_sentences >= MIN_POLITICAL_SHARE * len(sents)
        political = short or ((len(counts) >= 2 or igo) and actors)
        home = ranked[0] if ranked else None
        return cls(
            home=home,
            political=political,
            published=facts.published,
            home_sentences=frozenset(naming.get(home, ())) if home else frozenset(),
        )

    def home_for(self, draft: Draft) -> str | None:
        """The home country as a party the document supplies to ``draft``: not
        where the document names it only as this event's venue ("a peace deal
        in Juba" is no deal with South Sudan)."""
        where = draft.location.country if draft.location else None
        if where == self.home and self.home_sentences <= {draft.sentence.index}:
            return None
        return self.home


PLACE_PREPS = frozenset({"in", "inside", "across", "throughout"})


def _set_in(place: Span | None) -> bool:
    return place is not None and place.root.dep_ == "pobj" and place.root.head.lower_ in PLACE_PREPS


def _names_political_actor(mentions: list[Mention], words: Iterable[str]) -> bool:
    """An official, a government, an army, a party or an international body,
    named ("Erdoğan", "NATO") or as a noun among ``words`` ("the minister").  A
    state's name alone does not count: business stories name states as places."""
    if any(m.sector in POLITICAL_SECTORS and m.label in {"PERSON", "ORG"} for m in mentions):
        return True
    return sector_of(words) in POLITICAL_SECTORS


def resolve_context(drafts: list[Draft], context: DocumentContext) -> None:
    """Resolve what a sentence leaves to its document.

    * Group references ("both sides", "they") stand for the parties of the
      most recent event with two or more ("a meeting between Putin and
      Erdogan; they have also had 13 phone calls").  Event nouns that name no
      party ("the talks") stand for the salient parties: the country set
      shared by most earlier events with two or more parties (measured on
      dev: the most recent set instead made actor-set 0.710, not 0.715);
      before any such event, the country the document names most (its two
      most named countries made a wrong second party more often than a
      right one, actor-set 0.629 against 0.654).
    * Rebels and opposition with no country belong to the document's home
      country (the one it names most).
    """
    seen: Counter[frozenset[str | None]] = Counter()
    first_seen: dict[frozenset[str | None], int] = {}
    named = _named_sets(drafts)
    recent: frozenset[str | None] | None = None
    for index, draft in enumerate(drafts):
        salient: list[str | None]
        if seen:
            best = max(seen, key=lambda parties: (seen[parties], -first_seen[parties]))
            salient = sorted(best, key=str)
        else:
            home = context.home_for(draft)
            salient = [home] if home else []
        groups = [m for m in draft.actors if m.group]
        nominal = draft.match.trigger.pos_ in {"NOUN", "PROPN"}
        counted = _counted_set(draft, groups, named, context.published)
        if counted is not None and (groups or (nominal and not draft.actors)):
            salient = list(counted)
        elif counted is not None and nominal and draft.countries < set(counted):
            # "a three-way summit at which Erdogan pleaded": the other two as well;
            # the other side of a visit is its host
            missing = [context_party(draft, c) for c in sorted(set(counted) - draft.countries)]
            if draft.attributes.mode == "visit":
                draft.recipients = draft.recipients or missing
            else:
                draft.actors = draft.actors + missing
        if groups and recent is not None and counted is None:
            salient = sorted(recent, key=str)
        if groups and not any(m.coded for m in draft.actors):
            group = groups[0]
            sector = sector_of(group.text.split())
            draft.actors = [
                replace(group, country=c, sector=sector if c else "IGO", group=False)
                for c in salient
            ]
        elif groups:  # "with Russia and other countries": an unknown party beside named ones
            draft.actors = [
                replace(m, group=False)
                for m in draft.actors
                if not _refers_back(m) and not _their_people(m, draft)
            ]
        elif nominal and not draft.actors and not draft.recipients and salient:
            draft.actors = [context_party(draft, code) for code in salient]
            draft.fallback = True
        sides = _governments(draft.actors + draft.recipients)
        draft.actors = _prune([_home(m, context, sides) for m in draft.actors if not m.group])
        igo_only = all(m.sector == "IGO" and m.country is None for m in draft.actors)
        if (
            draft.actors
            and igo_only
            and (home := context.home_for(draft))
            and not draft.recipients
            and nominal
            and _sponsored(draft)
        ):
            # an organisation that sponsors talks or brokers a deal does so with
            # the parties the document is about: "UN-sponsored talks" in a Syria
            # story; but "the UN security council met" is the council's own session
            draft.actors.append(context_party(draft, home))
        draft.recipients = _prune(
            [_home(m, context, sides) for m in draft.recipients if not m.group]
        )
        _second_party(draft, context)
        if len(draft.parties) >= 2:
            seen[draft.parties] += 1
            recent = draft.parties
            first_seen.setdefault(draft.parties, index)


def _sponsored(draft: Draft) -> bool:
    """ "UN-sponsored talks", "talks brokered by the UN", "the UN talks": the
    organisation brings others together (it does not negotiate with itself);
    "a summit of ASEAN leaders" is its own session."""
    trigger = draft.match.trigger
    if trigger.lemma_.lower() in pack_words("meeting_held", "negotiation_nouns"):
        return not any(
            c.dep_ == "prep" and c.lower_ in {"between", "with"} for c in trigger.children
        )
    verbs = pack_words("meeting_held", "sponsor_verbs")
    return any(t.lemma_.lower() in verbs for t in trigger.subtree if t.i != trigger.i)


def _named_sets(drafts: list[Draft]) -> list[frozenset[str]]:
    """The country sets that events of the document name outright, in order."""
    return [
        frozenset(m.country for m in d.actors + d.recipients if m.country)
        for d in drafts
        if not d.fallback and not any(m.group for m in d.actors)
    ]


def _counted_set(
    draft: Draft, groups: list[Mention], named: list[frozenset[str]], published: dt.date | None
) -> list[str] | None:
    """ "The three powers", "a trilateral summit": the set of that many
    countries the document names most often together (first named wins a tie)."""
    counts = party_counts()
    words = [w for m in groups for w in m.text.lower().split()]
    trigger = draft.match.trigger
    modifiers = [c for c in trigger.children if c.dep_ in {"amod", "nummod", "compound"}]
    # "a three-way summit": the number modifies the modifier
    words += [t.lower_ for c in modifiers for t in [c, *c.children] if t.dep_ != "punct"]
    words += [  # "the summit between the three powers"
        n.lower_
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ in {"between", "among", "of"}
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for n in pobj.children
        if n.dep_ == "nummod"
    ]
    wanted = next((counts[w] for w in words if w in counts), None)
    if wanted is None:
        return None
    sized = [s for s in named if len(s) == wanted]
    if not sized:
        # "a three-way summit in Tehran at which Erdogan pleaded with Russia and
        # Iran": no event names three, but the sentence names exactly three states
        # ("two secret meetings" counts meetings, not parties)
        counts_events = any(c.dep_ == "nummod" for c in trigger.children)
        own = _sentence_states(trigger, published)
        return sorted(own) if len(own) == wanted and not counts_events else None
    tally = Counter(sized)
    best = max(tally, key=lambda s: (tally[s], -sized.index(s)))
    return sorted(best)


def _sentence_states(trigger: Token, published: dt.date | None) -> frozenset[str]:
    """The states a sentence names, as places, demonyms or people of known country."""
    found = set()
    for ent in entities_in(trigger.sent):
        if ent.label_ in {"GPE", "NORP", "PERSON"}:
            if ent.label_ == "PERSON":
                entry = people.person(ent.text, published)
            else:
                entry = lookup_span(ent)
            if entry is not None and entry.country:
                found.add(entry.country)
    return frozenset(found)


def _second_party(draft: Draft, context: DocumentContext) -> None:
    """An agreement takes two: one that names a single state is with the state
    the story is about ("Russia negotiated a ceasefire" in a Syria story), unless
    the verb is one party's own act on a treaty ("Chile ratified the convention")."""
    kind = draft.match.rule.type
    home = context.home_for(draft)
    named = {m.country for m in draft.actors if m.country}
    if (
        kind == "agreement_signed"
        and len(named) == 1
        and home
        and home not in named
        and not any(m.sector == "IGO" for m in draft.actors)
        and not any(m.label == "GROUP" for m in draft.actors)  # "European countries"
        and draft.match.trigger.lemma_.lower() not in single_party_verbs(kind)
    ):
        draft.actors.append(context_party(draft, home))


def context_party(draft: Draft, code: str | None) -> Mention:
    """A party the document supplies, anchored on the trigger (label CONTEXT)."""
    return on_trigger(draft, "CONTEXT", code, None if code else "IGO")


def unknown_party(draft: Draft) -> Mention:
    """Someone did it, but the story never says who: one party with neither
    country nor sector (label UNKNOWN), as GUIDELINES writes an unknown actor."""
    return on_trigger(draft, "UNKNOWN", None, None)


POSSESSIVE_DETERMINERS = frozenset({"whose", "their", "its", "his", "her", "our", "both"})


def _refers_back(mention: Mention) -> bool:
    """ "Russia and Turkey, whose ministers met": the named parties again."""
    words = mention.text.lower().split()
    return mention.group and bool(words) and words[0] in POSSESSIVE_DETERMINERS


def _their_people(mention: Mention, draft: Draft) -> bool:
    """ "Officials inked the Sino-Pakistani pact": a bare group noun beside two
    or more named states is those states' people, not another party."""
    return mention.group and " " not in mention.text and len(draft.countries) > 1


def _prune(mentions: list[Mention]) -> list[Mention]:
    """Beside coded parties, a mention with neither country nor sector (an
    unknown person, a mis-tagged word) is noise, not an unknown party."""
    if any(m.coded for m in mentions):
        return [
            m for m in mentions if m.coded or m.sector is not None or m.label in {"NOUN", "GROUP"}
        ]
    return mentions


def _governments(mentions: list[Mention]) -> set[str]:
    """The states whose government or forces a phrase names ("the Philippine
    government", "the Sudanese army"; not "Russia", which may be a foreign power)."""
    return {
        m.country
        for m in mentions
        if m.country and m.label == "NOUN" and m.sector in {"GOV", "MIL"}
    }


def _home(mention: Mention, context: DocumentContext, sides: set[str]) -> Mention:
    """Rebels or an opposition without a country: those of the one state whose
    government the event sets them against ("talks between the Philippine
    government and Muslim rebels in Kuala Lumpur"), else of the state the story
    is about."""
    if mention.country is not None or mention.sector not in DOMESTIC_SECTORS:
        return mention
    country = next(iter(sides)) if len(sides) == 1 else context.home
    return replace(mention, country=country) if country else mention
