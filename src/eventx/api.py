"""The library's entry points for notebooks and scripts: thin calls on the
``eventx`` spaCy component of the default pipeline (component.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from eventx.pipeline import BATCH_SIZE, default_extractor
from eventx.records.document import Document, parse_published
from eventx.records.event import Event, Events


def _as_document(item: Document | dict[str, object] | str, position: int) -> Document:
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document(id=f"doc-{position}", text=item)
    text = item.get("text")
    if not isinstance(text, str):
        raise ValueError("a document needs a 'text' string")
    doc_id = item.get("id", item.get("doc_id", f"doc-{position}"))
    return Document(id=str(doc_id), text=text, published=parse_published(item.get("published")))


def extract(
    text: str,
    *,
    published: str | dt.date | None = None,
    doc_id: str | None = None,
    dedupe: bool = False,
    mode: str = "fast",
) -> Events:
    """Events in one text.  ``published`` anchors relative dates ("last year");
    ``dedupe`` keeps one record per real-world event, listing its mentions;
    ``mode="exhaustive"`` analyses every sentence (the same events, slower)."""
    document = Document(id=doc_id or "doc-0", text=text, published=parse_published(published))
    [events] = default_extractor().extract([document], mode=mode, dedupe=dedupe)
    return events


def extract_many(
    docs: Iterable[Document | dict[str, object] | str],
    *,
    batch_size: int = BATCH_SIZE,
    dedupe: bool = False,
    mode: str = "fast",
) -> Iterator[Event]:
    """Stream events from many documents, analysed ``batch_size`` at a time.

    Items are :class:`Document`, dicts with ``id``, ``text`` and optional
    ``published``, or plain strings (ids ``doc-0``, ``doc-1``, ...).
    """
    documents = (_as_document(item, i) for i, item in enumerate(docs))
    for events in default_extractor().extract(
        documents, mode=mode, dedupe=dedupe, batch_size=batch_size
    ):
        yield from events
