"""The whole pipeline for many documents: what a process loads once, and its order.

    docs = extractor.analyser.analyse(texts)   # analysis/: split, candidates, spaCy
    extractor.events_of(doc, document)         # events/build.py: rules, drafts,
                                               # context, identity, records

:class:`Extractor` holds the statistical components of a spaCy pipeline (the
analyser) and the compiled rule packs (the matcher).  The batch runner
(running/batch.py), the library's ``eventx.extract`` (api.py), evaluation and
the spaCy component (component.py, a subclass) all run it, so they all give
the same events.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventx.analysis.analyser import MODES, Analyser
from eventx.analysis.candidates import possible_rules
from eventx.analysis.model import MODEL_NAME
from eventx.events.build import events_from_doc
from eventx.events.confidence import Evidence
from eventx.records.document import Document
from eventx.records.event import EVENT_TYPES, Events
from eventx.rules.matcher import RuleMatcher

BATCH_SIZE = 32


class Extractor:
    """Rules over a spaCy pipeline's statistical components.

    ``mode``: "fast" analyses the sentences a rule can match, "exhaustive" all
    of them (same events); ``dedupe``: one record per real-world event;
    ``types``: the event types (rule packs) to extract.
    """

    def __init__(
        self,
        nlp: Language,
        *,
        mode: str = "fast",
        dedupe: bool = False,
        types: Iterable[str] = EVENT_TYPES,
    ) -> None:
        types = list(types)
        unknown = sorted(set(types) - set(EVENT_TYPES))
        if unknown:
            raise ValueError(f"unknown event types {unknown}; known: {list(EVENT_TYPES)}")
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        self.nlp = nlp
        self.mode, self.dedupe, self.types = mode, dedupe, types
        self.matcher = RuleMatcher(nlp.vocab, types, select=possible_rules)
        self._analyser: Analyser | None = None

    def components(self) -> list[tuple[str, Any]]:
        """The pipeline's components that analyse a sentence: all of them."""
        return list(self.nlp.pipeline)

    @property
    def analyser(self) -> Analyser:
        """The analysis of ``components()``, built at first use."""
        if self._analyser is None:
            self._analyser = Analyser.of(self.nlp, self.components())
        return self._analyser

    def reparse(self, text: str) -> Doc:
        """Analyse one more text, every sentence (a headline in sentence case)."""
        [doc] = self.analyser.analyse([text], mode="exhaustive")
        return doc

    def events_of(
        self,
        doc: Doc,
        document: Document,
        *,
        dedupe: bool | None = None,
        evidence: Evidence | None = None,
    ) -> Events:
        """The events of a document that ``analyser`` has analysed; ``evidence``
        collects each event's confidence features by its id."""
        return Events(
            events_from_doc(
                doc,
                document,
                matcher=self.matcher,
                reparse=self.reparse,
                dedupe_events=self.dedupe if dedupe is None else dedupe,
                evidence=evidence,
            )
        )

    def extract(
        self,
        documents: Iterable[Document],
        *,
        mode: str | None = None,
        dedupe: bool | None = None,
        batch_size: int = BATCH_SIZE,
    ) -> Iterator[Events]:
        """The events of each document, in order, analysed ``batch_size`` at a time."""
        # two views of one stream: tee holds only the documents of the batch in analysis
        documents, texts = itertools.tee(documents)
        parsed = self.analyser.parse(
            (d.text for d in texts), mode=mode or self.mode, batch_size=batch_size
        )
        for doc, document in zip(parsed, documents, strict=True):
            yield self.events_of(doc, document, dedupe=dedupe)


@cache
def default_extractor() -> Extractor:
    """The extractor over the default model, loaded once per process, its
    analyser ready (built outside any memory zone: its matchers' strings must
    outlive every batch)."""
    extractor = Extractor(spacy.load(MODEL_NAME))
    _ = extractor.analyser
    return extractor
