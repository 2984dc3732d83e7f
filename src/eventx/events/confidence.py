"""How sure a rule is of an event: a logistic model over what the draft shows.

The features are what an analyst would look at, each in [0, 1]:

* ``strength``: the trigger rule's strength (models/rules);
* ``window``: the event came from a lexical window, not the parse;
* ``coded_share``: the share of its parties coded to a country or body;
* ``borrowed_parties``: its parties came from the document, not its sentence;
* ``nominal``: the trigger is an event noun ("the talks");
* ``process_noun``: a meeting noun that also names a body or a process
  ("summit", "conference", "negotiations": "the Republican conference");
* ``generic``: a bare event noun with no determiner, owner, name, venue or
  date of its own ("peace talks"), the form a topic takes;
* ``headline``: the sentence is a headline, whose grammar the parser guesses.

The weights live in ``models/calibration.json``; ``scripts/calibrate.py``
fits them on dev and the open part of dev2, with folds by document, so that
a confidence reads as the chance that the event is right.  A feature the
fitting data never shows (a window: the parse of dev finds its events) has
a fixed prior weight there instead, stated with its reason.
"""

from __future__ import annotations

import math
from functools import cache

from spacy.tokens import Token

from eventx.events.drafts import Draft
from eventx.events.scope import generic_noun
from eventx.knowledge.files import load_json
from eventx.knowledge.packs import load_rules, load_windows, pack_words

NOMINAL_ROLES = frozenset({"nominal"})


@cache
def _nominal_rules() -> frozenset[str]:
    return frozenset(rule.id for rule in load_rules() if rule.roles in NOMINAL_ROLES)


@cache
def _window_rules() -> frozenset[str]:
    return frozenset(window.rule.id for window in load_windows())


@cache
def _process_nouns() -> frozenset[str]:
    return pack_words("meeting_held", "MEETING_NOUN")


@cache
def _model() -> tuple[tuple[str, ...], tuple[float, ...], float]:
    data = load_json("calibration.json")
    return tuple(data["features"]), tuple(data["weights"]), float(data["bias"])


Evidence = dict[str, dict[str, float]]
"""Features by event id, for those who ask (``scripts/calibrate.py``)."""


def features(draft: Draft) -> dict[str, float]:
    """The draft's evidence, each feature in [0, 1]."""
    rule, trigger = draft.match.rule, draft.match.trigger
    parties = draft.actors + draft.recipients
    coded = [p for p in parties if p.coded]
    return {
        "strength": rule.strength,
        "window": float(rule.id in _window_rules()),
        "coded_share": len(coded) / len(parties) if parties else 0.0,
        "borrowed_parties": float(draft.fallback or any(p.label == "CONTEXT" for p in parties)),
        "nominal": float(rule.id in _nominal_rules() or _is_noun(trigger)),
        "process_noun": float(trigger.lemma_.lower() in _process_nouns()),
        "generic": float(generic_noun(trigger)),
        "headline": float(draft.headline),
    }


def _is_noun(trigger: Token) -> bool:
    return trigger.pos_ in {"NOUN", "PROPN"}


def confidence(values: dict[str, float]) -> float:
    """The calibrated probability that the event is right (3 decimals)."""
    names, weights, bias = _model()
    score = bias + sum(w * values[name] for name, w in zip(names, weights, strict=True))
    return round(1.0 / (1.0 + math.exp(-score)), 3)
