"""One event per mention of it, and the settings one mention lends the next.

Run after ``resolve_context`` (context.py): repeated mentions of one event in a
sentence are merged, and an event that names no place takes the place of the
same parties' last event.
"""

from __future__ import annotations

from eventx.analysis.grammar import infinitive
from eventx.events.drafts import Draft


def merge_repeats(drafts: list[Draft]) -> list[Draft]:
    """One event per sentence, type, modality and visit-or-not (gold convention).

    Mentions merge when they can be the same event: "will meet in London for
    talks" is one.  They stay apart when they are two: verbal triggers with
    different lemmas ("signed the treaty in 2001 and ratified it in 2004"), or
    mentions that each name their own, different parties ("the meeting in
    Ramallah followed talks between Zinni and Sharon").
    """
    kept: list[Draft] = []
    for draft in drafts:
        twin = next((other for other in kept if _same_event(other, draft)), None)
        if twin is None:
            kept.append(draft)
        elif _score(draft) > _score(twin):
            kept[kept.index(twin)] = draft
    return sorted(kept, key=lambda d: (d.match.trigger.idx + d.offset, d.match.rule.type))


def _same_event(a: Draft, b: Draft) -> bool:
    def key(d: Draft) -> tuple[int, str, str, bool]:
        return (d.sentence.index, d.match.rule.type, d.modality, d.attributes.mode == "visit")

    if key(a) != key(b):
        return False
    lemmas = {
        d.match.trigger.lemma_.lower() for d in (a, b) if d.match.trigger.pos_ in {"VERB", "AUX"}
    }
    if len(lemmas) == 2 and not _purpose_of(a, b) and not _purpose_of(b, a):
        return False
    own_a, own_b = (frozenset(d.countries) if not d.fallback else frozenset() for d in (a, b))
    return not own_a or not own_b or own_a <= own_b or own_b <= own_a


def _purpose_of(a: Draft, b: Draft) -> bool:
    """ "met in Moscow to discuss Syria": the purpose is the meeting itself."""
    purpose, verb = a.match.trigger, b.match.trigger
    return purpose.head.i == verb.i and purpose.dep_ in {"advcl", "xcomp"} and infinitive(purpose)


def inherit_settings(drafts: list[Draft]) -> None:
    """An event that names no place happened where the last event of the same
    parties did: the talks held "during a visit to Rawalpindi" are in Rawalpindi.
    The place is marked ``inherited``; modality and any stated dates must agree."""
    for index, draft in enumerate(drafts):
        if draft.location is not None or len(draft.countries) < 2 or draft.fallback:
            continue
        for earlier in reversed(drafts[:index]):
            if earlier.location is None or earlier.fallback:
                continue
            if earlier.countries == draft.countries and _same_setting(earlier, draft):
                draft.location = earlier.location.model_copy(update={"inherited": True})
                break


def _same_setting(a: Draft, b: Draft) -> bool:
    dates = {d.date.value for d in (a, b) if d.date is not None}
    return a.modality == b.modality and len(dates) <= 1


def _score(draft: Draft) -> tuple[float, int, int]:
    coded = sum(1 for m in draft.actors + draft.recipients if m.coded)
    return (draft.match.rule.strength, coded, -(draft.match.trigger.idx + draft.offset))
