"""What eventx adds to spaCy's tokens before any statistical component runs.

* ``line_boundaries`` starts a sentence after every line break, so a
  headline never fuses with the paragraph that follows it, and after a
  dateline ("HANOI, Vietnam (AP) —"), whose place is where the story was
  filed, not a party to what it tells;
* ``MergeMultiwords`` merges token sequences listed in
  ``models/lexicons/multiwords.json`` ("cease - fire") into one token;
* ``sentences`` and the context helpers read the result once per document.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import pairwise

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from eventx.knowledge.files import load_json

if not Doc.has_extension("needed"):
    # token starts of the sentences the document context reads; None: all of them
    Doc.set_extension("needed", default=None)
    # token starts of the sentences the statistical pipeline analysed; None: all
    Doc.set_extension("analysed", default=None)


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, built once per document: every call of
    ``doc.sents`` builds every sentence again."""
    cached = doc.user_data.get("eventx_sentences")
    if cached is None:
        cached = doc.user_data["eventx_sentences"] = list(doc.sents)
    return cached


def entities_in(span: Span) -> list[Span]:
    """``span.ents``, from the document's entities listed once: spaCy's
    ``Span.ents`` walks every entity of the document, on every call.  Call it
    only once the document is analysed (the list is kept)."""
    doc = span.doc
    listed = doc.user_data.get("eventx_entities")
    if listed is None:
        ents = list(doc.ents)
        listed = doc.user_data["eventx_entities"] = (ents, [ent.start for ent in ents])
    ents, starts = listed
    first = bisect.bisect_left(starts, span.start)
    found = []
    for ent in ents[first:]:
        if ent.end > span.end:
            break
        found.append(ent)
    return found


SENTENCE_END = frozenset({".", "?", "!", "…", "...", "?!"})
CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})


def may_end_sentence(texts: list[str], i: int) -> bool:
    if texts[i] in SENTENCE_END:
        return True
    return texts[i] in CLOSERS and i > 0 and texts[i - 1] in SENTENCE_END


@dataclass(frozen=True)
class TokenLists:
    """Plain lists of what sentence splitting reads, from one array: building a
    Token object per access costs seconds per thousand documents."""

    texts: list[str]
    spaced: list[bool]  # followed by a space
    space: list[bool]  # is white space itself
    punct: list[bool]
    idx: list[int]  # character offset

    @classmethod
    def of(cls, doc: Doc) -> TokenLists:
        rows = doc.to_array([ORTH, SPACY, IS_SPACE, IS_PUNCT, IDX]).tolist()
        strings = doc.vocab.strings
        return cls(
            texts=[strings[row[0]] for row in rows],
            spaced=[bool(row[1]) for row in rows],
            space=[bool(row[2]) for row in rows],
            punct=[bool(row[3]) for row in rows],
            idx=[row[4] for row in rows],
        )


def line_boundaries(doc: Doc, tokens: TokenLists) -> list[int]:
    """Per token: 1 starts a sentence, 0 may (the parser decides), -1 does not.

    A sentence starts after each line break and after a dateline; one may
    start only after . ? ! (and a closing quote)."""
    texts, space = tokens.texts, tokens.space
    breaks = ["\n" in text for text in texts]
    values = [1] * len(texts)
    for i in range(1, len(texts)):
        previous = i - 1
        if breaks[previous]:
            values[i] = 1
        elif space[previous] and previous > 0:
            values[i] = 1 if may_end_sentence(texts, previous - 1) else 0
        else:
            values[i] = 0 if may_end_sentence(texts, previous) else -1
    for start in [0] + [i + 1 for i, brk in enumerate(breaks) if brk]:
        end = _dateline_end(doc, start)
        if end is not None:
            values[end] = 1
    return values


MAX_SENTENCE_TOKENS = 200
"""The longest sentence analysed whole.  The longest real sentences of the dev
sets and the shared corpus have 147 tokens (99.9% have 87 or fewer), so news
is never cut.  A longer run (a transcript, an OCR dump, a flattened table,
a page whose markup carried the punctuation) is cut into pieces before the
parser: the parser's and the rule matcher's work on a sentence grows faster
than its length."""
PIECE_TOKENS = 64
"""The longest piece of a sentence that was cut: about two news sentences."""
CLAUSE_BREAKS = frozenset({",", ";", ":", "—", "–", "--", ")", "]"})
CONJUNCTIONS = frozenset(
    {"and", "but", "or", "nor", "yet", "so", "while", "whereas", "because", "although"}
)


def bound_sentences(values: list[int], texts: list[str]) -> None:
    """Cut every sentence longer than ``MAX_SENTENCE_TOKENS`` into pieces of
    at most ``PIECE_TOKENS``, each analysed as a sentence of its own: after
    the last clause punctuation or before the last conjunction in the second
    half of each window, else at the window's end.  ``values`` as
    ``line_boundaries`` gives them, with every 0 decided."""
    starts = [i for i, value in enumerate(values) if value == 1] + [len(values)]
    for start, end in pairwise(starts):
        position = start
        while end - start > MAX_SENTENCE_TOKENS and end - position > PIECE_TOKENS:
            position = _cut(texts, position + PIECE_TOKENS // 2, position + PIECE_TOKENS)
            values[position] = 1


def _cut(texts: list[str], low: int, high: int) -> int:
    """Where a piece ends in the window: the token after which the next begins."""
    for i in range(high, low, -1):
        if texts[i - 1] in CLAUSE_BREAKS or texts[i].lower() in CONJUNCTIONS:
            return i
    return high


def write_boundaries(doc: Doc, values: list[int]) -> None:
    column = numpy.array(values, dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], column)  # type: ignore[arg-type]  # thinc's Ints2d


DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
DATELINE_MAX_TOKENS = 10


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The first token after a dateline that opens a line: a place in capitals,
    maybe a region and an agency in brackets, then a dash ("BUFFALO, N.Y. —",
    "WASHINGTON (Reuters) -")."""
    if start >= len(doc) or not (doc[start].is_upper and len(doc[start].text.strip(".")) > 1):
        return None
    for token in doc[start : start + DATELINE_MAX_TOKENS]:
        if "\n" in token.text:
            return None
        if token.text in DATELINE_DASHES and doc[token.i - 1].whitespace_ and token.i > start:
            return token.i + 1 if token.i + 1 < len(doc) else None
    return None


class MergeMultiwords:
    """Merge the multiword patterns of ``models/lexicons/multiwords.json``."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab)
        self.matcher.add("MULTIWORD", load_json("lexicons/multiwords.json")["merge"])

    def __call__(self, doc: Doc) -> Doc:
        spans = filter_spans(self.matcher(doc, as_spans=True))
        if spans:
            with doc.retokenize() as retokenizer:
                for span in spans:
                    # "cease - fire" -> lemma "ceasefire", so rule lists need one spelling
                    lemma = "".join(t.lower_ for t in span if t.text != "-")
                    retokenizer.merge(span, attrs={"LEMMA": lemma})
        return doc
