"""Event identity: which mentions in one document are one real-world event.

A headline and the sentence that retells it, or "the signing" and "the
agreement signed on Monday", are one event told twice.  Mentions join a
cluster when nothing they say contradicts any mention already in it:

* same type, same modality, and both visits or neither;
* parties that nest (one set holds the other, or one names none of its own);
* dates that agree at the coarser granularity; an undated mention is taken
  as recent news and does not join a mention dated weeks away;
* places in the same country, names that are equal;
* not in one sentence (``merge_repeats`` already kept those apart on purpose),
  and not marked as another event ("also signed", "a similar accord").

Each mention joins the latest such cluster, or starts one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from spacy.tokens import Token

from eventx.analysis.grammar import tense_tags
from eventx.coding.dates import first_day
from eventx.events.context import context_party
from eventx.events.drafts import Draft
from eventx.knowledge.files import load_json
from eventx.knowledge.gazetteer import fold
from eventx.records.event import Event, EventDate, MentionRef
from eventx.rules.roles import governing_verb

RECENT_DAYS = 31


@cache
def _cues() -> tuple[frozenset[str], frozenset[str]]:
    data = load_json("lexicons/identity.json")
    return frozenset(data["additive_adverbs"]), frozenset(data["other_instance_modifiers"])


def marks_another(draft: Draft) -> bool:
    """ "also signed", "held talks again", "another summit", "a similar MoU"."""
    additive, other = _cues()
    trigger = draft.match.trigger
    heads: list[Token] = [trigger]
    verb = governing_verb(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else None
    if verb is not None:
        heads.append(verb)
    event_noun = draft.match.tokens.get("object")
    nouns = [t for t in (trigger, event_noun) if t is not None and t.pos_ in {"NOUN", "PROPN"}]
    return any(
        c.dep_ == "advmod" and c.lemma_.lower() in additive for h in heads for c in h.children
    ) or any(
        c.dep_ in {"amod", "det", "nummod"} and c.lemma_.lower() in other
        for n in nouns
        for c in n.children
    )


def _dates_agree(a: Draft, b: Draft, published: dt.date | None) -> bool:
    first, second = (d.date if d.date is not None and d.date.value else None for d in (a, b))
    if first is not None and second is not None:
        return _within(first, second) or _within(second, first)
    dated = first or second
    if dated is None or published is None:
        return True
    return _near(dated, published)


def _within(date: EventDate, other: EventDate) -> bool:
    """ "2019-05-04" lies within "2019-05" and "2019"."""
    return bool(date.value and other.value and date.value.startswith(other.value))


def _near(date: EventDate, published: dt.date) -> bool:
    """Is a resolved date within RECENT_DAYS of publication (a month within a
    month more, a year if it is the publication's own)?"""
    day = first_day(date)
    if day is None:
        return True
    if date.granularity == "year":
        return day.year == published.year
    return abs((day - published).days) <= RECENT_DAYS + 31 * (date.granularity == "month")


def _own_parties(draft: Draft) -> frozenset[str | None]:
    return frozenset() if draft.fallback else draft.parties


def _places_agree(a: Draft, b: Draft) -> bool:
    places = [d.location for d in (a, b) if d.location is not None and not d.location.inherited]
    if len(places) < 2:
        return True
    first, second = (set(p.countries) for p in places)
    return not first or not second or bool(first & second)


def same_event(a: Draft, b: Draft, published: dt.date | None) -> bool:
    """Can mentions ``a`` and ``b`` (in different sentences) be one event?"""
    if (a.match.rule.type, a.modality) != (b.match.rule.type, b.modality):
        return False
    if (a.attributes.mode == "visit") != (b.attributes.mode == "visit"):
        return False
    if a.sentence.index == b.sentence.index:
        return False
    names = {fold(d.attributes.name) for d in (a, b) if d.attributes.name}
    if len(names) > 1:
        return False
    mine, theirs = _own_parties(a), _own_parties(b)
    if mine and theirs and not (mine <= theirs or theirs <= mine):
        return False
    return _dates_agree(a, b, published) and _places_agree(a, b)


PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _told_in_present(draft: Draft) -> bool:
    """An event noun whose clause is in the present tense ("the Sochi
    conference is designed to ...", "Russia is sponsoring the talks") says
    nothing about whether the event has happened yet."""
    trigger = draft.match.trigger
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return False
    verb = governing_verb(trigger)
    if verb is None:
        return False
    tags = tense_tags(verb)
    return bool(tags & PRESENT_TAGS) and not tags & {"VBD", "VBN"} - {verb.tag_}


def _same_place(a: Draft, b: Draft) -> bool:
    places = [d.location for d in (a, b)]
    return all(p is not None and not p.inherited for p in places) and (
        places[0].countries == places[1].countries  # type: ignore[union-attr]
    )


def _named_retelling(plan: Draft, mention: Draft) -> bool:
    """ "The Sochi conference is seen as ..." after "a planned conference":
    the same event noun, now under the name of its venue."""
    noun = mention.match.trigger
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children)
    return named and plan.match.trigger.lemma_.lower() == noun.lemma_.lower()


def _anaphor_in_sentence(plan: Draft, mention: Draft) -> bool:
    """ "has not ruled out attending a conference ... but said messages about
    the conference ...": the same noun again, definite, later in the sentence."""
    first, again = plan.match.trigger, mention.match.trigger
    return (
        plan.sentence.index == mention.sentence.index
        and first.i < again.i
        and first.lemma_.lower() == again.lemma_.lower()
        and any(c.dep_ == "det" and c.lower_ == "the" for c in again.children)
    )


UPCOMING = frozenset({"future", "hypothetical"})


def upcoming_in_document(drafts: Sequence[Draft]) -> None:
    """A mention of an event that the document elsewhere says is still to come
    is future too: a present-tense one at the same place ("the summit will
    open on Friday"), a retelling under the venue's name in any tense
    ("dismissed the Sochi conference as ...") after a future or possible one
    ("has not ruled out attending a conference in Sochi"), and "the
    conference" again later in the sentence that plans it."""
    for draft in drafts:
        if draft.modality != "asserted":
            continue
        present = _told_in_present(draft)
        if any(
            other.modality in UPCOMING
            and (
                _anaphor_in_sentence(other, draft)
                or (
                    ((present and _same_place(other, draft)) or _named_retelling(other, draft))
                    and same_event(other, replace(draft, modality=other.modality), None)
                )
            )
            for other in drafts
        ):
            draft.modality = "future"


def clusters(drafts: Sequence[Draft], published: dt.date | None) -> list[int]:
    """A cluster number for every draft (drafts in text order)."""
    members: list[list[Draft]] = []
    assigned: list[int] = []
    for draft in drafts:
        joined = None
        if not marks_another(draft):
            for number in range(len(members) - 1, -1, -1):
                if all(same_event(other, draft, published) for other in members[number]):
                    joined = number
                    break
        if joined is None:
            members.append([])
            joined = len(members) - 1
        members[joined].append(draft)
        assigned.append(joined)
    return assigned


def share_parties(drafts: Sequence[Draft], numbers: Sequence[int]) -> None:
    """A mention that names only some of its event's parties ("Turkey at the
    summit") takes those another mention names in full ("the summit of Russia,
    Turkey and Iran").  Dates are not shared: measured on dev, giving undated
    mentions their cluster's date cost 4 points of date accuracy."""
    groups: dict[int, list[Draft]] = {}
    for draft, number in zip(drafts, numbers, strict=True):
        groups.setdefault(number, []).append(draft)
    for group in groups.values():
        named = [_own_parties(d) for d in group]
        fullest = max(named, key=len)
        for draft, own in zip(group, named, strict=True):
            if own < fullest and (own or not draft.actors + draft.recipients):
                missing = sorted(fullest - draft.parties, key=str)
                draft.actors = draft.actors + [context_party(draft, c) for c in missing]


def cluster_id(first_event_id: str) -> str:
    """A cluster is named after its first mention: stable across runs."""
    return "cl-" + first_event_id.removeprefix("ev-")


def _richness(event: Event) -> tuple[int, bool, bool, float]:
    """The mention that tells most: coded parties, then date, place, confidence."""
    coded = sum(1 for p in event.actors + event.recipients if p.coded)
    dated = event.date is not None and event.date.value is not None
    return (coded, dated, event.location is not None, event.confidence)


def dedupe(events: Sequence[Event]) -> list[Event]:
    """One record per cluster: its richest mention, with the date or place
    another mention supplies, and every mention listed in ``mentions``."""
    groups: dict[str, list[Event]] = {}
    for event in events:
        groups.setdefault(event.cluster_id, []).append(event)
    kept = []
    for group in groups.values():
        best = max(group, key=lambda e: (_richness(e), -e.trigger.start))
        date = best.date if best.date and best.date.value else None
        date = date or next((e.date for e in group if e.date and e.date.value), best.date)
        location = best.location or next((e.location for e in group if e.location), None)
        ordered = [best] + [e for e in group if e.event_id != best.event_id]
        refs = [
            MentionRef(
                event_id=e.event_id,
                trigger=e.trigger,
                sentence_index=e.sentence.index,
                modality=e.modality,
            )
            for e in ordered
        ]
        kept.append(best.model_copy(update={"date": date, "location": location, "mentions": refs}))
    return kept
