"""Type attributes and event codes: mode, phase, name, kind, CAMEO and PLOVER.

Each is read off the match: the trigger's modifiers ("virtual summit",
"phone call"), the verb that governs it ("concluded the exercise"), or the
agreement noun as written.  Texts are sliced from the document through
``original`` so a re-cased headline never leaks into a record.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from eventx.knowledge.packs import type_codes
from eventx.records.event import Attributes
from eventx.rules.matcher import Match
from eventx.rules.roles import governing_verb, name_before

JOINT_MODIFIERS = frozenset({"joint", "combined", "bilateral", "trilateral", "multinational"})
NEGOTIATION_LEMMAS = frozenset({"negotiate", "negotiation", "talks", "talk"})


def _kind(match: Match, original: Callable[[Span], str]) -> str | None:
    noun = match.tokens.get("object")
    if noun is None:
        return None
    modifiers = [c for c in noun.lefts if c.dep_ in {"compound", "amod"} and c.i == noun.i - 1]
    start = modifiers[0].i if modifiers else noun.i
    return original(noun.doc[start : noun.i + 1])


def mode_of(match: Match) -> str | None:
    rule, trigger = match.rule, match.trigger
    named = name_before(trigger)  # "a virtual SCO (...) Summit": the name's modifiers too
    modifiers = [*trigger.children, *(named.children if named is not None else [])]
    for child in modifiers:  # "virtual summit", "phone call"
        mode = rule.modes.get(child.lemma_.lower())
        if mode and child.dep_ in {"amod", "compound", "nmod"}:
            return mode
    if rule.mode:
        return rule.mode
    if rule.mode_from == "trigger":
        return rule.modes.get(trigger.lemma_.lower())
    if rule.mode_from == "modifier" and "modifier" in match.tokens:
        return rule.modes.get(match.tokens["modifier"].lemma_.lower())
    return None


def _phase(match: Match) -> str:
    trigger, phases = match.trigger, match.rule.phases
    for token in [trigger, *trigger.children]:
        if token.lemma_.lower() in phases and (token.i == trigger.i or token.dep_ == "amod"):
            return phases[token.lemma_.lower()]
    verb = (
        governing_verb(trigger) if trigger.pos_ in {"NOUN", "PROPN"} else match.tokens.get("verb")
    )
    if verb is None:
        return "held"
    for token in [verb, *verb.children]:
        lemma = token.lemma_.lower()
        if lemma in phases and (token.i == verb.i or token.dep_ in {"prt", "xcomp"}):
            return phases[lemma]
    if verb.head.lemma_.lower() in phases and verb.dep_ == "xcomp":
        return phases[verb.head.lemma_.lower()]
    return "held"


def _name(match: Match, original: Callable[[Span], str]) -> str | None:
    trigger = match.trigger
    name = match.tokens.get("name")
    if name is not None and trigger.head.i == name.i > trigger.i:
        return original(trigger.doc[trigger.i + 1 : name.i + 1])  # "Exercise Steadfast Jazz"
    parts = [c for c in trigger.lefts if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"]
    if not parts:
        return None
    return original(trigger.doc[parts[0].left_edge.i : parts[-1].i + 1])


def attributes_of(match: Match, original: Callable[[Span], str]) -> Attributes:
    kind = match.rule.type
    if kind == "meeting_held":
        return Attributes(mode=mode_of(match))  # type: ignore[arg-type]
    if kind == "military_exercise":
        return Attributes(phase=_phase(match), name=_name(match, original))  # type: ignore[arg-type]
    if kind == "agreement_signed":
        return Attributes(kind=_kind(match, original))
    return Attributes()


def codes_of(match: Match, attributes: Attributes, countries: frozenset[str]) -> tuple[str, str]:
    """CAMEO and PLOVER codes, refined where the attributes say more: a visit
    is CAMEO 042, a ceasefire agreement 0871, a joint exercise 062/COOPERATE."""
    kind, trigger = match.rule.type, match.trigger
    codes = type_codes()[kind]
    variant: str | None = None
    if kind == "agreement_signed":
        noun = (attributes.kind or "").lower()
        if any(word in noun for word in ("ceasefire", "cease-fire", "truce")):
            variant = "ceasefire"
    elif kind == "meeting_held":
        if attributes.mode in {"phone", "visit"}:
            variant = attributes.mode
        elif trigger.lemma_.lower() in NEGOTIATION_LEMMAS or trigger.lower_ == "talks":
            variant = "negotiation"
    elif kind == "military_exercise":
        joint = any(c.lower_ in JOINT_MODIFIERS for c in trigger.children)
        if joint or len(countries) > 1:
            variant = "joint"
    chosen = codes["variants"].get(variant, {}) if variant else {}
    return chosen.get("cameo", codes["cameo"]), chosen.get("plover", codes["plover"])
