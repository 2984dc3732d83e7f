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
from collections.abc import Set as AbstractSet
from functools import cache

from spacy.tokens import Span, Token

from eventx.analysis.candidates import can_match, lemmas_as, possible_lemmas
from eventx.analysis.grammar import ACTOR_ENTITIES
from eventx.analysis.tokens import entities_in
from eventx.knowledge.packs import Window, load_windows
from eventx.rules.matcher import Match

REACH = 8  # tokens on either side of the trigger where a window looks for parties


def window_matches(
    sent: Span, attempted: AbstractSet[tuple[int, str]], types: frozenset[str]
) -> list[Match]:
    """Window matches of ``types`` in ``sent``, skipping tokens a rule of the
    type tried.

    Only in a sentence some rule could match (``can_match``): the one the fast
    path analyses, so fast and exhaustive output stay the same."""
    found: dict[tuple[int, str], Match] = {}
    words = [token.lower_ for token in sent]  # read once: a Token is made per access
    for window in load_windows():
        kind = window.rule.type
        if kind not in types:
            continue
        for first, second in _pairs(words, window):
            i, j = sent.start + first, sent.start + second
            if (i, kind) in attempted or (j, kind) in attempted:
                continue
            trigger = sent.doc[(i, j)[window.trigger]]
            found.setdefault((trigger.i, kind), Match(window.rule, {"trigger": trigger}))
    if not found or not can_match(sent):
        return []
    return [found[key] for key in sorted(found)]


def _pairs(words: list[str], window: Window) -> Iterable[tuple[int, int]]:
    """Positions of the window's two words in the sentence's lower-case words."""
    first_as, second_as = window.readings
    for i, word in enumerate(words):
        if not _reads_as(word, first_as, window.first):
            continue
        for j in range(i + 1, min(len(words), i + 2 + window.gap)):
            if _reads_as(words[j], second_as, window.second):
                yield i, j
                break


@cache
def _reads_as(word: str, pos: str | None, words: frozenset[str]) -> bool:
    """Whether the word can be one of ``words``: its form or any lemma, or those of
    one part of speech only ("manoeuvred" read as a noun is no "manoeuvre")."""
    readings = possible_lemmas(word) if pos is None else lemmas_as(word, pos) | {word}
    return bool(readings & words)


def window_parties(trigger: Token) -> list[Token]:
    """The names near a window's trigger, in its sentence: its candidate parties."""
    sent = trigger.sent
    low, high = max(sent.start, trigger.i - REACH), min(sent.end, trigger.i + REACH + 1)
    return [
        ent.root
        for ent in entities_in(sent)
        if ent.label_ in ACTOR_ENTITIES and low <= ent.root.i < high
    ]
