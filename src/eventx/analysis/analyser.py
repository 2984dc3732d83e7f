"""How much of a document the statistical pipeline analyses.

Every document is tokenised and split into sentences by rule (``split``:
tokens.py's boundaries and multiword merge, and a boundary after . ? ! wherever the next word can
open a sentence).  Then the statistical components (tagger, parser,
lemmatizer, NER) run on single sentences, each as a Doc of its own, and
their annotation is copied back into the document.  A sentence's analysis
never depends on its neighbours, so analysing only some sentences gives them
exactly the annotation that analysing all of them gives:

* ``fast``: only the sentences a rule can match (candidates.py: their words,
  then their entities after the NER has run on them alone), and the first
  sentence naming each unlisted person those name (for the alias);
* ``exhaustive``: every sentence, for checking.

``doc._.needed`` holds the sentences of the first kind in both modes: the
document context reads them fully and the others through the gazetteer, so
both modes write the same events, byte for byte.  ``doc._.analysed`` is what
was analysed (None: everything); the rules run there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from eventx.analysis.candidates import (
    can_match,
    candidate_sentences,
    introductions_of,
    repair_initial_participles,
    repair_verb_lemmas,
)
from eventx.analysis.mangled import read_mangled_entities
from eventx.analysis.tokens import (
    MergeMultiwords,
    TokenLists,
    bound_sentences,
    line_boundaries,
    may_end_sentence,
    sentences,
    write_boundaries,
)
from eventx.streams import chunks

ANALYSIS_ATTRS: list[int | str] = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
SENTENCE_BATCH = 256
MODES = ("fast", "exhaustive")
REQUIRED_PIPES = ("parser", "ner")
OPENERS = frozenset({'"', "'", "“", "‘", "(", "[", "«"})
STRAIGHT_QUOTES = frozenset({'"', "'"})


@dataclass(frozen=True)
class Analyser:
    """What eventx's analysis takes from a spaCy pipeline: its tokenizer and
    its statistical components, which it runs on single sentences itself."""

    make_doc: Callable[[str], Doc]
    merge: MergeMultiwords
    statistical: list[tuple[str, Any]]  # (name, component) in pipeline order

    @classmethod
    def of(cls, nlp: Language, components: list[tuple[str, Any]]) -> Analyser:
        names = [name for name, _ in components]
        missing = [name for name in REQUIRED_PIPES if name not in names]
        if missing:
            raise ValueError(
                f"eventx needs a pipeline with {' and '.join(REQUIRED_PIPES)} before it; "
                f"this one has {names or 'no components'}"
            )
        return cls(nlp.make_doc, MergeMultiwords(nlp.vocab), components)

    @property
    def ner(self) -> Any:
        return dict(self.statistical)["ner"]

    def split(self, text: str) -> Doc:
        """Tokens and sentences only: the rule components' boundaries, every
        boundary they leave open that looks like one, and pieces of sentences
        too long to analyse whole (tokens.bound_sentences)."""
        doc = self.merge(self.make_doc(read_mangled_entities(text)))
        if not len(doc):
            return doc
        tokens = TokenLists.of(doc)
        values = line_boundaries(doc, tokens)
        for i, value in enumerate(values):
            if value == 0:
                after_opener = values[i - 1] == 1 and tokens.texts[i - 1] in OPENERS
                values[i] = 1 if not after_opener and _opens_sentence(tokens, i) else -1
        bound_sentences(values, tokens.texts)
        write_boundaries(doc, values)
        return doc

    def parse(
        self, texts: Iterable[str], *, mode: str = "fast", batch_size: int = 32
    ) -> Iterator[Doc]:
        """``analyse``, ``batch_size`` documents at a time."""
        for batch in chunks(texts, batch_size):
            yield from self.analyse(batch, mode=mode)

    def analyse(self, texts: Iterable[str], *, mode: str = "fast") -> Iterator[Doc]:
        """Documents with their needed sentences analysed, in input order."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        docs = [self.split(text) for text in texts]
        candidates = [candidate_sentences(doc) for doc in docs]
        ner = self.ner
        named = iter(_run([_piece(s) for sents in candidates for s in sents], [ner]))
        events: list[list[tuple[Span, Doc]]] = []
        introductions: list[list[Span]] = []
        for doc, sents in zip(docs, candidates, strict=True):
            kept = [
                (s, piece) for s, piece in ((s, next(named)) for s in sents) if can_match(piece)
            ]
            starts = {s.start for s, _ in kept}
            introductions.append(introductions_of(doc, kept))
            doc._.needed = frozenset(starts | {s.start for s in introductions[-1]})
            events.append(kept)
        statistical = [pipe for _, pipe in self.statistical]
        if mode == "fast":
            # the NER has run on the event sentences: the other components finish them
            others = [pipe for pipe in statistical if pipe is not ner]
            finished = _run([piece for kept in events for _, piece in kept], others)
            introduced = _run([_piece(s) for sents in introductions for s in sents], statistical)
            by_start = [
                dict(
                    zip([s.start for s, _ in kept] + [s.start for s in intro], pieces, strict=True)
                )
                for kept, intro, pieces in _regroup(events, introductions, finished, introduced)
            ]
            for doc, pieces_at in zip(docs, by_start, strict=True):
                doc._.analysed = doc._.needed
                sents = [s for s in sentences(doc) if s.start in pieces_at]
                _copy_back(doc, sents, [pieces_at[s.start] for s in sents])
                yield doc
            return
        analysed = iter(_run([_piece(s) for doc in docs for s in sentences(doc)], statistical))
        for doc in docs:
            sents = sentences(doc)
            _copy_back(doc, sents, [next(analysed) for _ in sents])
            yield doc


def _opens_sentence(tokens: TokenLists, i: int) -> bool:
    """After . ? ! a sentence starts, unless what follows is white space,
    punctuation that closes (a closing quote, a comma) or a lower-case word
    ("... in preparation?” said Putin").  A straight quote after a space
    opens the next sentence; one glued to the full stop closes this one.
    Nor does one start after a space that follows no sentence end."""
    before = i - 1
    while before > 0 and tokens.space[before]:
        before -= 1
    if not may_end_sentence(tokens.texts, before):
        return False
    text = tokens.texts[i]
    if tokens.space[i] or text[:1].islower():
        return False
    if text in STRAIGHT_QUOTES:
        return tokens.spaced[i - 1] or tokens.space[i - 1]
    return text in OPENERS or not tokens.punct[i]


def _regroup(
    events: list[list[tuple[Span, Doc]]],
    introductions: list[list[Span]],
    finished: list[Doc],
    introduced: list[Doc],
) -> Iterator[tuple[list[tuple[Span, Doc]], list[Span], list[Doc]]]:
    """Per document: its event sentences, its introductions, and their analyses."""
    done, intro = iter(finished), iter(introduced)
    for kept, sents in zip(events, introductions, strict=True):
        yield kept, sents, [next(done) for _ in kept] + [next(intro) for _ in sents]


def _piece(sent: Span) -> Doc:
    """The sentence as a Doc of its own, kept one sentence by the parser, with
    the lemmas the multiword merge set.  (``Span.as_doc`` copies the whole
    document's arrays: a hundred times slower.)"""
    piece = Doc(
        sent.doc.vocab,
        words=[token.text for token in sent],
        spaces=[bool(token.whitespace_) for token in sent],
    )
    lemmas = numpy.array([token.lemma for token in sent], dtype="uint64").reshape(-1, 1)
    _write(piece, [LEMMA], lemmas)
    _write(piece, [SENT_START], _one_sentence(len(piece)))
    return piece


def _run(pieces: list[Doc], pipes: list[Any]) -> list[Doc]:
    analysed: Iterable[Doc] = pieces
    for pipe in pipes:
        analysed = pipe.pipe(analysed, batch_size=SENTENCE_BATCH)
    return list(analysed)


def _write(doc: Doc, attrs: list[int | str], values: Any) -> None:
    doc.from_array(attrs, values)  # a numpy array; spaCy's stubs want thinc's Ints2d


def _one_sentence(length: int) -> Any:
    values = numpy.full((length, 1), -1, dtype="int64")
    if length:
        values[0, 0] = 1
    return values.astype("uint64")


def _copy_back(doc: Doc, sents: list[Span], pieces: list[Doc]) -> None:
    """Write each analysed sentence's annotation into ``doc`` at its place."""
    if not sents:
        return
    boundaries = doc.to_array([SENT_START])
    array = numpy.zeros((len(doc), len(ANALYSIS_ATTRS)), dtype="uint64")
    for sent, piece in zip(sents, pieces, strict=True):
        array[sent.start : sent.end] = piece.to_array(ANALYSIS_ATTRS)
    _write(doc, ANALYSIS_ATTRS, array)
    _write(doc, [SENT_START], boundaries)
    repair_verb_lemmas(doc, array[:, ANALYSIS_ATTRS.index(TAG)])
    repair_initial_participles(sents)
