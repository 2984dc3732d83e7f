"""Compile the rule packs under ``models/rules/`` and match them on a Doc.

A pack holds named word lists and rules.  Each rule is a spaCy
``DependencyMatcher`` pattern whose ``"$LIST"`` strings expand to the pack's
lists, plus declarative checks that a dependency pattern cannot say
(``absent_children``: the trigger must not have a direct object, and so on).
The role extraction style, attributes and strength travel with the rule.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from eventx.actors import entity_of
from eventx.resources import load_json, rule_files

NAME_LABELS = frozenset({"ORG", "FAC"})


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
    modes: dict[str, str] = field(default_factory=dict)
    phases: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Match:
    rule: Rule
    tokens: dict[str, Token]

    @property
    def trigger(self) -> Token:
        return self.tokens["trigger"]


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
                    absent_child_lemmas={
                        dep: frozenset(_expand(words, lists))
                        for dep, words in spec.get("absent_child_lemmas", {}).items()
                    },
                    modes=pack.get("modes", {}),
                    phases=pack.get("phases", {}),
                )
            )
    return tuple(rules)


def _compiled(node: dict[str, Any]) -> dict[str, Any]:
    """A pattern node with its case-blind lemma (``{"_": {"lemma_lower": ...}}``,
    the packs' notation) as a native LEMMA test over the spellings a lemma has
    ("deal", "Deal" in a headline, "DEAL"): an extension attribute is read
    through Python for every token and every pattern, and took 80% of the
    matching time."""
    attrs = dict(node["RIGHT_ATTRS"])
    extension = dict(attrs.pop("_", {}))
    spec = extension.pop("lemma_lower", None)
    if extension:
        attrs["_"] = extension
    if spec is not None:
        words = [spec] if isinstance(spec, str) else spec["IN"]
        spellings = sorted({form for w in words for form in (w, w.title(), w.upper())})
        attrs["LEMMA"] = {"IN": spellings}
    return {**node, "RIGHT_ATTRS": attrs}


class RuleMatcher:
    """The rule packs of ``types`` (default: all), one DependencyMatcher per rule.

    ``select`` names the rules (by ``Rule.order``) that can match a sentence
    (candidates.possible_rules); only their matchers run on it: the token
    matcher inside a DependencyMatcher tests every node of every pattern on
    every token, and most sentences meet the words of one rule or two."""

    def __init__(
        self,
        vocab: Vocab,
        types: Collection[str] | None = None,
        select: Callable[[Span], Iterable[int]] | None = None,
    ) -> None:
        # keyed by the id's hash, not looked up in the StringStore: a matcher first
        # built inside nlp.memory_zone() must outlive the strings that zone added
        self.rules = {
            get_string_id(rule.id): rule
            for rule in load_rules()
            if types is None or rule.type in types
        }
        self.matchers: dict[int, DependencyMatcher] = {}
        for rule in self.rules.values():
            matcher = self.matchers[rule.order] = DependencyMatcher(vocab)
            matcher.add(rule.id, [[_compiled(node) for node in rule.pattern]])
        self.select = select

    def __call__(self, doc: Doc, sentences: Iterable[Span] | None = None) -> list[Match]:
        """The best match per trigger and type; only in ``sentences`` if given
        (a dependency tree never leaves its sentence, so this loses nothing)."""
        found: dict[tuple[int, str], Match] = {}
        raw = []
        for span in [doc[:]] if sentences is None else sentences:
            orders = self.matchers if self.select is None else self.select(span)
            for order in orders:
                matcher = self.matchers.get(order)
                if matcher is not None:
                    raw += [(m, [span.start + i for i in ids]) for m, ids in matcher(span)]
        for match_id, token_ids in raw:
            rule = self.rules[match_id]
            names = [node["RIGHT_ID"] for node in rule.pattern]
            match = Match(rule, {name: doc[i] for name, i in zip(names, token_ids, strict=True)})
            if not _passes(match):
                continue
            key = (match.trigger.i, rule.type)
            best = found.get(key)
            if best is None or (rule.strength, -rule.order) > (
                best.rule.strength,
                -best.rule.order,
            ):
                found[key] = match
        return [found[key] for key in sorted(found)]


def _inside_name(token: Token) -> bool:
    """A word inside an organisation's name that goes on after it: "the National
    Conference of State Legislatures" names a body, not a meeting."""
    name = entity_of(token, NAME_LABELS)
    return name is not None and name.end > token.i + 1


def _names_a_thing(trigger: Token) -> bool:
    """An event noun modifying another noun names that thing, not an event:
    "the conference room", "the high negotiations committee"."""
    return trigger.dep_ == "compound" and trigger.head.pos_ in {"NOUN", "PROPN"}


def _passes(match: Match) -> bool:
    trigger, rule = match.trigger, match.rule
    if rule.not_a_name and (_inside_name(trigger) or _names_a_thing(trigger)):
        return False
    contests = pack_words(rule.type, "contest_verbs")
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in contests:
        return False  # "the U.S. had won all previous 15 meetings": matches
    for child in trigger.children:
        if child.dep_ in rule.absent_children:
            return False
        banned = rule.absent_child_lemmas.get(child.dep_)
        if banned and child.lemma_.lower() in banned and not _exempt_modifier(child):
            return False
    return True


def _exempt_modifier(child: Token) -> bool:
    """A banned modifier word that is not the banned sense: a person's name
    ("Hall's visit" is no town hall) or a counted one ("six-party talks" are
    between six states, not a party meeting)."""
    if child.ent_type_ in {"PERSON", "GPE", "NORP"} or (
        child.dep_ == "poss" and child.pos_ == "PROPN"
    ):
        return True
    return any(g.dep_ == "nummod" or g.like_num for g in child.children)


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
