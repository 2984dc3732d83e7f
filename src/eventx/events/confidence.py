"""How sure a rule is of an event: a logistic model over what the record shows.

The features are what an analyst would look at: how strong the trigger rule
is, how many of the parties are coded, whether the parties came from the
sentence or from the document, and whether the event is a bare noun ("the
talks").  The weights live in
``models/calibration.json``; ``scripts/calibrate.py`` fits them on the dev
set so that a confidence reads as the chance the event is right, and writes
the calibration table there too.
"""

from __future__ import annotations

import math
from functools import cache

from eventx.knowledge.files import load_json
from eventx.knowledge.packs import load_rules
from eventx.records.event import Event

NOMINAL_ROLES = frozenset({"nominal"})


@cache
def _rules() -> dict[str, tuple[float, bool]]:
    return {rule.id: (rule.strength, rule.roles in NOMINAL_ROLES) for rule in load_rules()}


@cache
def _model() -> tuple[tuple[str, ...], tuple[float, ...], float]:
    data = load_json("calibration.json")
    return tuple(data["features"]), tuple(data["weights"]), float(data["bias"])


def features(event: Event) -> dict[str, float]:
    """The record's evidence, each feature in [0, 1].  Date, place and party
    counts were tried as features and fitted to noise-level or wrong-signed
    weights on dev, so they are left out."""
    strength, nominal = _rules().get(event.rule, (0.5, False))
    parties = event.actors + event.recipients
    coded = [p for p in parties if p.coded]
    return {
        "strength": strength,
        "coded_share": len(coded) / len(parties) if parties else 0.0,
        "context_parties": float(any(p.label == "CONTEXT" for p in parties)),
        "nominal": float(nominal),
    }


def confidence(event: Event) -> float:
    """The calibrated probability that the event is right (3 decimals)."""
    names, weights, bias = _model()
    values = features(event)
    score = bias + sum(w * values[name] for name, w in zip(names, weights, strict=True))
    return round(1.0 / (1.0 + math.exp(-score)), 3)
