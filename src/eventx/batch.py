"""Run extraction over many inputs into ``events.jsonl`` and ``errors.jsonl``.

Documents stream from the readers through ``nlp.pipe``; a document that fails
in extraction is recorded in ``errors.jsonl`` with the stage that failed, and
the run goes on.  Both files are written atomically.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventx.documents import Document
from eventx.extract import BATCH_SIZE, events_from_doc
from eventx.nlp import get_nlp
from eventx.readers import MAX_CHARS, ReadError, read_inputs
from eventx.records import EVENT_TYPES
from eventx.writers import AtomicJsonlWriter

EVENTS_FILE = "events.jsonl"
ERRORS_FILE = "errors.jsonl"


@dataclass
class Summary:
    documents: int = 0
    words: int = 0
    failures: int = 0
    events: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def total_events(self) -> int:
        return sum(self.events.values())

    def lines(self) -> list[str]:
        rate = self.words / self.seconds if self.seconds else 0.0
        per_type = ", ".join(f"{kind} {self.events.get(kind, 0)}" for kind in EVENT_TYPES)
        return [
            f"documents: {self.documents:,}  words: {self.words:,}  failures: {self.failures:,}",
            f"events: {self.total_events:,} ({per_type})",
            f"time: {self.seconds:.1f} s  ({rate:,.0f} words/s)",
        ]


def run(
    inputs: Iterable[str],
    out_dir: Path,
    *,
    published: dt.date | None = None,
    max_chars: int = MAX_CHARS,
    batch_size: int = BATCH_SIZE,
    dedupe: bool = False,
    on_document: Callable[[Summary], None] | None = None,
) -> Summary:
    """Extract events from every input into ``out_dir``; return what was done."""
    summary = Summary()
    started = time.perf_counter()
    with (
        AtomicJsonlWriter(out_dir / EVENTS_FILE) as events_out,
        AtomicJsonlWriter(out_dir / ERRORS_FILE) as errors_out,
    ):

        def documents() -> Iterator[tuple[str, Document]]:
            for item in read_inputs(inputs, published=published, max_chars=max_chars):
                if isinstance(item, ReadError):
                    errors_out.write(item.to_json_dict())
                    summary.failures += 1
                else:
                    yield item.text, item

        for doc, document in get_nlp().pipe(documents(), as_tuples=True, batch_size=batch_size):
            try:
                events = events_from_doc(doc, document, dedupe_events=dedupe)
            except Exception as error:  # one bad document must not stop the batch
                errors_out.write(
                    ReadError(
                        document.id, "extract", f"{type(error).__name__}: {error}"
                    ).to_json_dict()
                )
                summary.failures += 1
                continue
            for event in events:
                events_out.write(event.to_json_dict())
                summary.events[event.type] += 1
            summary.documents += 1
            summary.words += len(document.text.split())
            if on_document is not None:
                on_document(summary)
    summary.seconds = time.perf_counter() - started
    return summary
