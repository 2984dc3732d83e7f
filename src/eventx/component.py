"""The ``eventx`` spaCy component: ``nlp.add_pipe("eventx")`` sets ``doc._.events``.

The factory is registered through spaCy's ``spacy_factories`` entry point,
so it works on any English pipeline with a parser and an NER, and a saved
pipeline loads again with ``spacy.load``.  Its options live in the
pipeline's config; ``to_disk`` records the rule packs it ran with.

The component reads the text, not the annotation the components before it
left: it splits the text into sentences by rule and runs those same
components on one sentence at a time, only where a rule can match
(analysis.py).  ``eventx.extract()`` runs this component too, so
``doc._.events`` is exactly what it gives, and the doc keeps its ordinary
annotation.  ``eventx.extract_many`` and the CLI skip the whole-document pass
that a full ``nlp(text)`` makes first.

Per document, set ``doc._.published`` (and ``doc._.doc_id``) before the
component runs: ``doc = nlp.make_doc(text); doc._.published = "2020-11-30";
nlp(doc)``.
"""

from __future__ import annotations

import hashlib
import itertools
import warnings
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import orjson
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventx import __version__
from eventx.analysis import MODES, Analyser
from eventx.candidates import possible_rules
from eventx.documents import Document, parse_published
from eventx.extract import events_from_doc
from eventx.nlp import MODEL_NAME
from eventx.records import EVENT_TYPES, Events
from eventx.resources import models_dir, rule_files
from eventx.rules import RuleMatcher
from eventx.workers import chunks

NAME = "eventx"
BATCH_SIZE = 32
PACKS_FILE = "rule_packs.json"

for _extension in ("events", "published", "doc_id"):
    if not Doc.has_extension(_extension):
        Doc.set_extension(_extension, default=None)


@Language.factory(
    NAME,
    default_config={"mode": "fast", "dedupe": False, "types": list(EVENT_TYPES)},
    assigns=["doc._.events"],
)
def make_eventx(
    nlp: Language, name: str, mode: str, dedupe: bool, types: list[str]
) -> EventExtractor:
    return EventExtractor(nlp, name, mode=mode, dedupe=dedupe, types=types)


class EventExtractor:
    """Rules over a spaCy pipeline's own components.

    ``mode``: "fast" analyses the sentences a rule can match, "exhaustive" all
    of them (same events); ``dedupe``: one record per real-world event;
    ``types``: the event types (rule packs) to extract.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = NAME,
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
        self.nlp, self.name = nlp, name
        self.mode, self.dedupe, self.types = mode, dedupe, types
        self.matcher = RuleMatcher(nlp.vocab, types, select=possible_rules)
        self._analyser: Analyser | None = None

    @property
    def analyser(self) -> Analyser:
        """The components before this one in the pipeline (all others if it is
        not in the pipeline), looked up at first use."""
        if self._analyser is None:
            names = self.nlp.pipe_names
            pipes = self.nlp.pipeline
            before = pipes[: names.index(self.name)] if self.name in names else pipes
            components = [(name, pipe) for name, pipe in before if pipe is not self]
            self._analyser = Analyser.of(self.nlp, components)
        return self._analyser

    # -- extraction -----------------------------------------------------------

    def reparse(self, text: str) -> Doc:
        """Analyse one more text, every sentence (a headline in sentence case)."""
        [doc] = self.analyser.analyse([text], mode="exhaustive")
        return doc

    def events_of(self, doc: Doc, document: Document, *, dedupe: bool | None = None) -> Events:
        """The events of a document that ``analyser`` has analysed."""
        return Events(
            events_from_doc(
                doc,
                document,
                matcher=self.matcher,
                reparse=self.reparse,
                dedupe_events=self.dedupe if dedupe is None else dedupe,
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

    def __call__(self, doc: Doc) -> Doc:
        [doc._.events] = self.extract([document_of(doc)])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
        for batch in chunks(stream, batch_size):
            found = self.extract([document_of(doc) for doc in batch], batch_size=batch_size)
            for doc, events in zip(batch, found, strict=True):
                doc._.events = events
                yield doc

    # -- serialisation (the options are in the pipeline's config) -------------

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Record which rule packs, by content, this pipeline was saved with."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / PACKS_FILE).write_bytes(
            orjson.dumps(
                {"eventx": __version__, "packs": rule_pack_hashes()}, option=orjson.OPT_INDENT_2
            )
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EventExtractor:
        """Warn when the installed rule packs are not the ones saved."""
        saved = orjson.loads((Path(path) / PACKS_FILE).read_bytes())
        if saved["packs"] != rule_pack_hashes():
            warnings.warn(
                f"this pipeline was saved with eventx {saved['eventx']} and other rule packs "
                f"than the installed eventx {__version__}: its events may differ",
                stacklevel=2,
            )
        return self


def document_of(doc: Doc) -> Document:
    """The text and the metadata the caller set on ``doc``."""
    return Document(
        id=str(doc._.doc_id or "doc-0"), text=doc.text, published=parse_published(doc._.published)
    )


def rule_pack_hashes() -> dict[str, str]:
    """SHA-256 of each installed rule pack, by file name."""
    root = models_dir()
    return {
        name: hashlib.sha256((root / name).read_bytes()).hexdigest()
        for name in [*rule_files(), "rules/types.json"]
    }


@cache
def get_nlp() -> Language:
    """The English model with the eventx component, loaded once per process."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe(NAME)
    return nlp


def default_extractor() -> EventExtractor:
    """The component of ``get_nlp()``, its analyser ready (built outside any
    memory zone: its matchers' strings must outlive every batch)."""
    extractor: Any = get_nlp().get_pipe(NAME)
    _ = extractor.analyser
    return extractor  # type: ignore[no-any-return]
