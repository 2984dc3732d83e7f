"""The ``eventx`` spaCy component: ``nlp.add_pipe("eventx")`` sets ``doc._.events``.

The factory is registered through spaCy's ``spacy_factories`` entry point,
so it works on any English pipeline with a parser and an NER, and a saved
pipeline loads again with ``spacy.load``.  Its options live in the
pipeline's config; ``to_disk`` records the rule packs it ran with.

The component reads the text, not the annotation the components before it
left: it splits the text into sentences by rule and runs those same
components on one sentence at a time, only where a rule can match
(analysis/analyser.py).  It is the pipeline of pipeline.py, which
``eventx.extract()`` and the CLI run too, so ``doc._.events`` is exactly what
they give, and the doc keeps its ordinary annotation.  ``eventx.extract_many``
and the CLI skip the whole-document pass that a full ``nlp(text)`` makes
first.

Per document, set ``doc._.published`` (and ``doc._.doc_id``) before the
component runs: ``doc = nlp.make_doc(text); doc._.published = "2020-11-30";
nlp(doc)``.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson
from spacy.language import Language
from spacy.tokens import Doc

from eventx.knowledge.files import models_dir, rule_files
from eventx.pipeline import BATCH_SIZE, Extractor
from eventx.records.document import Document, parse_published
from eventx.records.event import EVENT_TYPES
from eventx.streams import chunks
from eventx.version import __version__

NAME = "eventx"
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


class EventExtractor(Extractor):
    """The pipeline (pipeline.py) as a spaCy component: it analyses with the
    components before it in its pipeline (all others if it is not in one)."""

    def __init__(
        self,
        nlp: Language,
        name: str = NAME,
        *,
        mode: str = "fast",
        dedupe: bool = False,
        types: Iterable[str] = EVENT_TYPES,
    ) -> None:
        super().__init__(nlp, mode=mode, dedupe=dedupe, types=types)
        self.name = name

    def components(self) -> list[tuple[str, Any]]:
        names = self.nlp.pipe_names
        pipes = self.nlp.pipeline
        before = pipes[: names.index(self.name)] if self.name in names else pipes
        return [(name, pipe) for name, pipe in before if pipe is not self]

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
