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

from dataclasses import dataclass

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


def in_context(sent: Span) -> bool:
    """Does the document context (aliases, topic, home country) read ``sent``
    fully?  The needed sentences do, the same in both modes (analysis.py)."""
    needed = sent.doc._.needed
    return needed is None or sent.start in needed


def context_sents(doc: Doc) -> list[Span]:
    return [s for s in sentences(doc) if in_context(s)]


def context_ents(doc: Doc) -> list[Span]:
    needed = doc._.needed
    if needed is None:
        return list(doc.ents)
    return [ent for sent in context_sents(doc) for ent in sent.ents]


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
