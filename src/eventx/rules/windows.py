"""Lexical fallbacks: events the parse offers no path to.

The small model mis-tags sentence-initial participles, Title Case words and
split hyphenated words ("oversaw artillery drills" with "drills" a verb), and
then no dependency pattern reaches the trigger.  A window (``"windows"`` in a
rule pack) reads two word sets within a few tokens of each other off the word
forms alone, through every lemma the lemmatizer could give them, and yields
a match with a lower strength, whose parties are the coded names near it.
It never fires where a rule of the same type met either word, matched or not:
there the parse did offer a path, and the rule's checks had their say.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from eventx.analysis.candidates import can_match, lemmas_as, possible_lemmas
from eventx.analysis.grammar import ACTOR_ENTITIES
from eventx.analysis.tokens import entities_in
from eventx.knowledge.packs import Window, load_windows
from eventx.rules.matcher import Match

REACH = 8  # tokens on either side of the trigger where a window looks for parties


def window_matches(
    sent: Span, attempted: Iterable[tuple[int, str]], types: frozenset[str]
) -> list[Match]:
    """Window matches of ``types`` in ``sent``, skipping tokens a rule of the
    type tried.

    Only in a sentence some rule could match (``can_match``): the one the fast
    path analyses, so fast and exhaustive output stay the same."""
    windows = [window for window in load_windows() if window.rule.type in types]
    if not windows or not can_match(sent):
        return []
    tried = set(attempted)
    found: dict[tuple[int, str], Match] = {}
    for window in windows:
        for first, second in _pairs(sent, window):
            kind = window.rule.type
            if (first.i, kind) in tried or (second.i, kind) in tried:
                continue
            trigger = (first, second)[window.trigger]
            key = (trigger.i, kind)
            if key not in found:
                found[key] = Match(window.rule, {"trigger": trigger})
    return [found[key] for key in sorted(found)]


def _pairs(sent: Span, window: Window) -> Iterable[tuple[Token, Token]]:
    first_as, second_as = window.readings
    for token in sent:
        if not _readings(token, first_as) & window.first:
            continue
        for other in sent[token.i - sent.start + 1 : token.i - sent.start + 2 + window.gap]:
            if _readings(other, second_as) & window.second:
                yield token, other
                break


def _readings(token: Token, pos: str | None) -> frozenset[str]:
    """What the word can be: its form and every lemma, or those of one part
    of speech only ("manoeuvred" read as a noun is no "manoeuvre")."""
    word = token.lower_
    return possible_lemmas(word) if pos is None else lemmas_as(word, pos) | {word}


def window_parties(trigger: Token) -> list[Token]:
    """The names near a window's trigger, in its sentence: its candidate parties."""
    sent = trigger.sent
    low, high = max(sent.start, trigger.i - REACH), min(sent.end, trigger.i + REACH + 1)
    return [
        ent.root
        for ent in entities_in(sent)
        if ent.label_ in ACTOR_ENTITIES and low <= ent.root.i < high
    ]
