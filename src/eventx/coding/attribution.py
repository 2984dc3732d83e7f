"""Who says an event happened: the source of reported speech.

"The Indian Army said Pakistan violated the ceasefire" stays an asserted
event, attributed to the Indian Army; so do "..., according to Pakistani
media" and an accusation ("X accused Y of violating the truce").  The source
is the subject of the nearest reporting verb above the trigger, or the object
of "according to" in the trigger's clause.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventx.coding.cues import reporting_verbs

CLIMB_DEPS = frozenset(
    {
        "ccomp",
        "xcomp",
        "conj",
        "advcl",
        "pcomp",
        "prep",
        "pobj",
        "dobj",
        "nsubj",
        "nsubjpass",
        "attr",
        "acomp",
        "parataxis",
        "compound",
    }
)


def _according_to(token: Token) -> Token | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "according":
            for to in prep.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return None


def source_of(trigger: Token) -> Token | None:
    """The head word of the event's source, if the sentence reports it."""
    current = trigger
    for _ in range(8):
        source = _according_to(current)
        if source is not None:
            return source
        if current.i != trigger.i and current.lemma_.lower() in reporting_verbs():
            subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}]
            agents = [p for a in current.children if a.dep_ == "agent" for p in a.children]
            found = [s for s in subjects if s.dep_ == "nsubj"] or agents
            return found[0] if found else None
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None
