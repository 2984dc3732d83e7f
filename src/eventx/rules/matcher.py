"""Match the rule packs (``knowledge.packs``) on an analysed Doc.

Each rule compiles to its own spaCy ``DependencyMatcher``; a match then
passes the rule's declarative checks (``absent_children``: the trigger must
not have a direct object, and so on) and the best rule per trigger and type
wins.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.attrs import ENT_IOB
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from eventx.analysis.grammar import entity_of
from eventx.knowledge.packs import Rule, load_rules, pack_words

NAME_LABELS = frozenset({"ORG", "FAC"})


@dataclass(frozen=True)
class Match:
    rule: Rule
    tokens: dict[str, Token]

    @property
    def trigger(self) -> Token:
        return self.tokens["trigger"]


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
        self.types = frozenset(rule.type for rule in self.rules.values())
        self.matchers: dict[int, DependencyMatcher] = {}
        for rule in self.rules.values():
            matcher = self.matchers[rule.order] = DependencyMatcher(vocab)
            matcher.add(rule.id, [[_compiled(node) for node in rule.pattern]])
        self.select = select

    def __call__(
        self,
        doc: Doc,
        sentences: Iterable[Span] | None = None,
        attempted: set[tuple[int, str]] | None = None,
    ) -> list[Match]:
        """The best match per trigger and type; only in ``sentences`` if given
        (a dependency tree never leaves its sentence, so this loses nothing).
        ``attempted`` collects (token, type) for every token of every pattern
        match, passed or not: where the parse offered a rule a path."""
        found: dict[tuple[int, str], Match] = {}
        raw = []
        whole: _WholeArray | None = None
        for span in [doc[:]] if sentences is None else sentences:
            orders = list(self.matchers if self.select is None else self.select(span))
            if not orders:
                continue
            if sentences is None:
                piece = doc
            else:
                whole = whole or _WholeArray.of(doc)
                piece = whole.piece(span)
            for order in orders:
                matcher = self.matchers.get(order)
                if matcher is not None:
                    raw += [(m, [span.start + i for i in ids]) for m, ids in matcher(piece)]
        for match_id, token_ids in raw:
            rule = self.rules[match_id]
            if attempted is not None:
                attempted.update((i, rule.type) for i in token_ids)
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


@dataclass(frozen=True)
class _WholeArray:
    """A document's annotation as one array, made once per document.

    A DependencyMatcher turns a Span into a Doc of its own (``Span.as_doc``),
    making the whole document's array again for every sentence and walking
    every entity of the document: on a long document that made matching
    quadratic.  ``piece`` makes the same tokens and annotation from this
    array.  (A sentence's entities and dependency tree never leave it: the
    analyser runs the parser and the NER on one sentence at a time.)"""

    head: Any
    array: Any

    @classmethod
    def of(cls, doc: Doc) -> _WholeArray:
        head: Any = list(doc._get_array_attrs())
        return cls(head, doc.to_array(head))

    def piece(self, span: Span) -> Doc:
        words = [token.text for token in span]
        spaces = [bool(token.whitespace_) for token in span]
        piece = Doc(span.doc.vocab, words=words, spaces=spaces)
        array = self.array[span.start : span.end].copy()
        iob = self.head.index(ENT_IOB)
        if len(array) and array[0][iob] == 1:  # an entity's inside at the start begins it
            array[0][iob] = 3
        piece.from_array(self.head, array)
        return piece


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
    banned_head = rule.absent_head_lemmas.get(trigger.dep_)
    if banned_head and trigger.head.lemma_.lower() in banned_head:
        return False  # "a cease-fire negotiated by Russia": the deal's making, no meeting
    for child in trigger.children:
        if child.dep_ in rule.absent_children:
            return False
        banned = rule.absent_child_lemmas.get(child.dep_)
        if banned and child.lemma_.lower() in banned and not _exempt_modifier(child):
            return False
        # "prep:with": the object of that preposition ("met with strong opposition")
        banned = rule.absent_child_lemmas.get(f"{child.dep_}:{child.lower_}")
        if banned and any(g.dep_ == "pobj" and g.lemma_.lower() in banned for g in child.children):
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
