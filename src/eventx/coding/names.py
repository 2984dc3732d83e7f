"""Names in the sentences the statistical pipeline did not analyse.

The fast path (analysis/analyser.py) parses only the sentences that can
hold an event; the document context still reads the others, through the
gazetteer alone: runs of capitalised words, longest listed name first.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from eventx.analysis.tokens import TokenLists
from eventx.coding.mentions import Mention
from eventx.knowledge import gazetteer, people

NAME_RUN_MAX = 4


Named = tuple[Mention, str]
"""A listed name and the lower-cased word before it ("in" for "in Syria")."""


def names_in(
    names: list[Named], sent: Span, place_preps: frozenset[str]
) -> tuple[list[Mention], list[bool]]:
    """The ``names`` of one sentence, and whether each follows one of
    ``place_preps`` ("in Syria")."""
    starts = [mention.start for mention, _ in names]
    found = names[
        bisect.bisect_left(starts, sent.start_char) : bisect.bisect_left(starts, sent.end_char)
    ]
    return [m for m, _ in found], [before in place_preps for _, before in found]


def gazetteer_names(doc: Doc, published: dt.date | None = None) -> list[Named]:
    """Every listed name in ``doc`` with the word before it, in text order
    (people as coded on ``published``).

    A person must fill a whole run of capitalised words: "Doug Cameron" is
    nobody the dictionary lists, and its "Cameron" is not David Cameron; nor
    is a later "Cameron" alone.  Places and organisations may sit inside a
    run ("the Australian Embassy")."""
    tokens = TokenLists.of(doc)
    texts = tokens.texts

    def text_of(run: range) -> str:
        return "".join(texts[k] + (" " if tokens.spaced[k] else "") for k in run).strip()

    runs = _capitalised_runs(texts)
    strangers = {
        texts[run[-1]].lower()
        for run in runs
        if len(run) > 1 and people.person(text_of(run), published) is None
    }
    found: list[Named] = []
    for run in runs:
        person = people.person(text_of(run), published)
        if person is not None and not (len(run) == 1 and texts[run[0]].lower() in strangers):
            hits = [(run, person)]
        else:
            hits = _listed_parts(run, text_of)
        for part, entry in hits:
            text, start = text_of(part), tokens.idx[part[0]]
            label = {"person": "PERSON", "organisation": "ORG"}.get(entry.kind, "GPE")
            mention = Mention(text, start, start + len(text), label, entry.country, entry.sector)
            found.append((mention, texts[part[0] - 1].lower() if part[0] > 0 else ""))
    return found


def _capitalised_runs(texts: list[str]) -> list[range]:
    """Runs of capitalised words, without the function words that open a
    sentence ("The Hill", "Who are we")."""
    runs, start = [], None
    for i, text in enumerate([*texts, ""]):
        if text[:1].isupper() and not (start is None and text.lower() in STOP_WORDS):
            start = i if start is None else start
        elif start is not None:
            runs.append(range(start, i))
            start = None
    return runs


def _listed_parts(
    run: range, text_of: Callable[[range], str]
) -> list[tuple[range, gazetteer.Entry]]:
    """Countries and organisations inside a run, longest first, left to right."""
    parts = []
    i = run.start
    while i < run.stop:
        for size in range(min(NAME_RUN_MAX, run.stop - i), 0, -1):
            entry = gazetteer.lookup(text_of(range(i, i + size)))
            if entry is not None and (entry.country or entry.sector == "IGO"):
                parts.append((range(i, i + size), entry))
                i += size
                break
        else:
            i += 1
    return parts
