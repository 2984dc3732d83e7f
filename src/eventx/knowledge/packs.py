"""The rule packs under ``models/rules/``: one per event type.

A pack holds named word lists and rules.  Each rule is a spaCy
``DependencyMatcher`` pattern whose ``"$LIST"`` strings expand to the pack's
lists, plus declarative checks that a dependency pattern cannot say
(``absent_children``: the trigger must not have a direct object, and so on).
The role extraction style, attributes and strength travel with the rule.
Matching them is ``rules.matcher``'s work; this module only reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from eventx.knowledge.files import load_json, rule_files


@dataclass(frozen=True)
class Rule:
    id: str
    type: str
    strength: float
    roles: str
    pattern: list[dict[str, Any]]
    order: int
    mode: str | None = None
    mode_from: str | None = None
    kind: str | None = None
    name: str | None = None
    min_parties: int = 0
    requires_party: bool = False
    requires_recipient: bool = False
    requires_official: bool = False
    partner_coded: bool = False
    not_a_name: bool = False
    no_fallback: bool = False  # parties only from the pattern's roles, never the clause
    absent_children: frozenset[str] = frozenset()
    absent_child_lemmas: dict[str, frozenset[str]] = field(default_factory=dict)
    absent_head_lemmas: dict[str, frozenset[str]] = field(default_factory=dict)
    modes: dict[str, str] = field(default_factory=dict)
    phases: dict[str, str] = field(default_factory=dict)


def _expand(value: Any, lists: dict[str, list[str]]) -> Any:
    if isinstance(value, str) and value.startswith("$"):
        return lists[value[1:]]
    if isinstance(value, dict):
        return {key: _expand(item, lists) for key, item in value.items()}
    if isinstance(value, list):
        return [_expand(item, lists) for item in value]
    return value


@cache
def load_rules() -> tuple[Rule, ...]:
    """Every rule of every pack, in file order (earlier wins a tie)."""
    rules: list[Rule] = []
    for path in rule_files():
        pack = load_json(path)
        lists = pack.get("lists", {})
        for spec in pack["rules"]:
            rules.append(
                Rule(
                    id=spec["id"],
                    type=pack["type"],
                    strength=spec["strength"],
                    roles=spec["roles"],
                    pattern=_expand(spec["pattern"], lists),
                    order=len(rules),
                    mode=spec.get("mode"),
                    mode_from=spec.get("mode_from"),
                    kind=spec.get("kind"),
                    name=spec.get("name"),
                    min_parties=spec.get("min_parties", 0),
                    requires_party=spec.get("requires_party", False),
                    requires_recipient=spec.get("requires_recipient", False),
                    requires_official=spec.get("requires_official", False),
                    partner_coded=spec.get("partner_coded", False),
                    not_a_name=spec.get("not_a_name", False),
                    no_fallback=spec.get("no_fallback", False),
                    absent_children=frozenset(spec.get("absent_children", [])),
                    absent_child_lemmas=_word_sets(spec.get("absent_child_lemmas", {}), lists),
                    absent_head_lemmas=_word_sets(spec.get("absent_head_lemmas", {}), lists),
                    modes=pack.get("modes", {}),
                    phases=pack.get("phases", {}),
                )
            )
    return tuple(rules)


def _word_sets(spec: dict[str, Any], lists: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Word sets by dependency; a set may join lists: ``["$AGREEMENT", "$MEET_SENSE"]``."""
    found: dict[str, frozenset[str]] = {}
    for key, words in spec.items():
        parts = [_expand(part, lists) for part in ([words] if isinstance(words, str) else words)]
        found[key] = frozenset(
            w for part in parts for w in ([part] if isinstance(part, str) else part)
        )
    return found


@dataclass(frozen=True)
class Window:
    """A lexical fallback (``"windows"`` in a pack): two word sets within a few
    tokens of each other, read off the word forms where the parse gives a
    rule no path ("oversaw artillery drills" with "drills" tagged a verb)."""

    rule: Rule
    first: frozenset[str]
    second: frozenset[str]
    gap: int  # words allowed between the two
    trigger: int  # 0: the first word is the trigger, 1: the second
    readings: tuple[str | None, str | None]  # "noun", "verb": how each word may be read


@cache
def load_windows() -> tuple[Window, ...]:
    """Every window of every pack, as rules after ``load_rules()`` in order."""
    windows: list[Window] = []
    base = len(load_rules())
    for path in rule_files():
        pack = load_json(path)
        lists = pack.get("lists", {})
        for spec in pack.get("windows", []):
            rule = Rule(
                id=spec["id"],
                type=pack["type"],
                strength=spec["strength"],
                roles="window",
                pattern=[],
                order=base + len(windows),
                requires_party=True,
                modes=pack.get("modes", {}),
                phases=pack.get("phases", {}),
            )
            words = _word_sets({key: spec[key] for key in ("first", "second")}, lists)
            readings = (spec.get("first_as"), spec.get("second_as"))
            pair = (words["first"], words["second"])
            windows.append(Window(rule, *pair, spec["gap"], spec["trigger"], readings))
    return tuple(windows)


@cache
def pack_words(kind: str, key: str) -> frozenset[str]:
    """A word list of a type's pack: one outside its rules, e.g. the verbs of
    one party's act on an agreement ("ratified") or of a go-between
    ("brokered"), or one of the ``lists`` its rules use ("MEETING_NOUN")."""
    for path in rule_files():
        pack = load_json(path)
        if pack["type"] == kind:
            return frozenset(pack.get(key, pack.get("lists", {}).get(key, [])))
    return frozenset()


def single_party_verbs(kind: str) -> frozenset[str]:
    return pack_words(kind, "single_party_verbs")


@cache
def type_codes() -> dict[str, dict[str, Any]]:
    """CAMEO/PLOVER codes per type, from ``models/rules/types.json``."""
    return dict(load_json("rules/types.json")["types"])
