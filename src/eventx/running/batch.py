"""Run extraction over many inputs into ``events.jsonl`` and ``errors.jsonl``.

    inputs ──> readers (lazy) ──> batches ──> workers: nlp + rules ──> journal ──> files
                                  (skipping what     (one model per     (in input order;
                                   a resumed run      process, fast      renamed into place
                                   has done)          path: analysis/)   at the end)

A document that cannot be read or processed becomes one line of
``errors.jsonl`` with the stage that failed, and the run goes on.  The
output does not depend on the number of workers or on interruptions: a run
resumed after ``kill -9`` ends with the same files as one that was not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import orjson

from eventx.analysis.model import model_version
from eventx.inputs.readers import MAX_CHARS, Item, ReadError, read_inputs
from eventx.pipeline import BATCH_SIZE, Extractor, default_extractor
from eventx.records.document import Document
from eventx.records.event import EVENT_TYPES
from eventx.running.journal import ERRORS_FILE, EVENTS_FILE, EVENTS_PARQUET, FORMATS, Journal
from eventx.running.limits import DOC_TIMEOUT, DocumentTimeout, time_limit
from eventx.running.progress import Reporter
from eventx.running.workers import HardLimit, ordered_map
from eventx.version import __version__

__all__ = ["ERRORS_FILE", "EVENTS_FILE", "EVENTS_PARQUET", "FORMATS", "Summary", "run"]

BATCH_CHARS = 100_000
"""A batch ends at this many characters as well as at ``batch_size`` documents,
so that a worker's peak memory is set by the longest document, not by which
long documents happen to share a batch."""


@dataclass(frozen=True)
class Outcome:
    """What one input gave, ready to write: event lines or one error line."""

    source: str
    sha256: str | None
    events: list[bytes] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    error: bytes | None = None
    words: int = 0


@dataclass
class Summary:
    documents: int = 0
    words: int = 0
    failures: int = 0
    skipped: int = 0  # done by the interrupted run that this one resumed
    events: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    started: float = field(default_factory=time.perf_counter)

    @property
    def total_events(self) -> int:
        return sum(self.events.values())

    def rate(self) -> float:
        elapsed = self.seconds or time.perf_counter() - self.started
        return self.words / elapsed if elapsed else 0.0

    def add(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            self.failures += 1
            return
        self.documents += 1
        self.words += outcome.words
        self.events.update(outcome.types)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "skipped": self.skipped,
            "failures": self.failures,
            "words": self.words,
            "events": {kind: self.events.get(kind, 0) for kind in EVENT_TYPES},
            "seconds": round(self.seconds, 3),
        }

    def lines(self) -> list[str]:
        per_type = ", ".join(f"{kind} {self.events.get(kind, 0)}" for kind in EVENT_TYPES)
        resumed = f"  (resumed: {self.skipped:,} done before)" if self.skipped else ""
        return [
            f"documents: {self.documents:,}  words: {self.words:,}  "
            f"failures: {self.failures:,}{resumed}",
            f"events: {self.total_events:,} ({per_type})",
            f"time: {self.seconds:.1f} s  ({self.rate():,.0f} words/s)",
        ]


def content_hash(document: Document) -> str:
    """What the manifest compares on resume: the text and its date."""
    key = f"{document.published or ''}\x1f{document.text}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def _source(item: Item) -> tuple[str, str | None]:
    if isinstance(item, ReadError):
        return item.source, None
    return item.id, content_hash(item)


def _error_line(error: ReadError) -> bytes:
    return orjson.dumps(error.to_json_dict()) + b"\n"


def timed_out(item: Item, seconds: float) -> Outcome:
    """The outcome of a document abandoned after ``seconds``."""
    return _abandoned(item, True, seconds)


def _abandoned(item: Item, stalled: bool, seconds: float) -> Outcome:
    """A document that stalled its worker past the hard limit, or killed it."""
    if isinstance(item, ReadError):
        return Outcome(item.source, None, error=_error_line(item))
    if stalled:
        failure = ReadError(item.id, "timeout", str(DocumentTimeout(seconds)))
    else:
        failure = ReadError(item.id, "extract", "the worker process died on this document")
    return Outcome(item.id, content_hash(item), error=_error_line(failure))


def warm_up() -> None:
    """Load the model before the first batch (once per worker process)."""
    default_extractor()


def process_batch(
    items: list[Item],
    *,
    dedupe: bool = False,
    mode: str = "fast",
    doc_timeout: float | None = DOC_TIMEOUT,
) -> list[Outcome]:
    """Outcomes of one batch, in order: the one batch function of the CLI's
    workers and of Spark's (spark.py).

    The batch runs inside spaCy's memory zone, so the strings and lexemes its
    texts add to the vocabulary are freed after it and a worker's memory
    stays flat over any number of batches.  The batch is analysed together
    within one document's time budget (``doc_timeout``); past it, or when one
    document breaks the batch, each document is analysed alone within its own,
    and one that runs out is abandoned (stage ``timeout``)."""
    extractor = default_extractor()
    with extractor.nlp.memory_zone():
        documents = [item for item in items if isinstance(item, Document)]
        try:
            texts = [d.text for d in documents]
            with time_limit(doc_timeout):
                docs: list[Any] = list(extractor.analyser.analyse(texts, mode=mode))
        except Exception:  # analyse each alone (_outcome)
            docs = [None] * len(documents)
        parsed = iter(docs)
        return [
            Outcome(item.source, None, error=_error_line(item))
            if isinstance(item, ReadError)
            else _outcome(extractor, item, next(parsed), dedupe, mode, doc_timeout)
            for item in items
        ]


def _outcome(
    extractor: Extractor,
    document: Document,
    doc: Any,
    dedupe: bool,
    mode: str,
    doc_timeout: float | None,
) -> Outcome:
    sha = content_hash(document)
    try:
        with time_limit(doc_timeout):
            if doc is None:
                [doc] = extractor.analyser.analyse([document.text], mode=mode)
            events = extractor.events_of(doc, document, dedupe=dedupe)
            lines = [orjson.dumps(event.to_json_dict()) + b"\n" for event in events]
    except DocumentTimeout as timeout:
        return timed_out(document, timeout.seconds)
    except Exception as error:  # one bad document must not stop the batch
        reason = f"{type(error).__name__}: {error}"
        failure = ReadError(document.id, "extract", reason)
        return Outcome(document.id, sha, error=_error_line(failure))
    return Outcome(
        document.id,
        sha,
        events=lines,
        types=[event.type for event in events],
        words=len(document.text.split()),
    )


def run(
    inputs: Iterable[str],
    out_dir: Path,
    *,
    published: dt.date | None = None,
    max_chars: int = MAX_CHARS,
    batch_size: int = BATCH_SIZE,
    dedupe: bool = False,
    mode: str = "fast",
    workers: int = 1,
    resume: bool = False,
    reporter: Reporter | None = None,
    events_format: str = "jsonl",
    doc_timeout: float | None = DOC_TIMEOUT,
) -> Summary:
    """Extract events from every input into ``out_dir``; return what was done.

    A document that takes longer than ``doc_timeout`` seconds is abandoned
    (an error line, stage ``timeout``); with workers, one whose worker stops
    answering is abandoned and the worker replaced (workers.HardLimit).

    Raises ``journal.ResumeError`` when ``resume`` finds another run's state,
    and ImportError for Parquet without pyarrow (before any work).
    """
    if events_format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {events_format!r}")
    if events_format == "parquet":
        from eventx.records.arrow import arrow_schema

        arrow_schema()  # pyarrow is there: fail now, not after the whole run
    header = {
        "eventx": __version__,
        "model": model_version(),
        "options": {
            "dedupe": dedupe,
            "mode": mode,
            "published": published.isoformat() if published else None,
            "max_chars": max_chars,
            "format": events_format,
            "doc_timeout": doc_timeout,
        },
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    journal = Journal(out_dir, header, resume=resume)
    reporter = reporter or Reporter(quiet=True)
    summary = Summary()
    resumed = len(journal.done)

    def batches() -> Iterator[list[Item]]:
        batch: list[Item] = []
        chars = 0
        for n, item in enumerate(read_inputs(inputs, published=published, max_chars=max_chars)):
            if n < resumed and journal.check(n, *_source(item)):
                summary.skipped += 1
                continue
            batch.append(item)
            chars += len(item.text) if isinstance(item, Document) else 0
            if len(batch) >= batch_size or chars >= BATCH_CHARS:
                yield batch
                batch, chars = [], 0
        if batch:
            yield batch

    reporter.start()
    try:
        work = partial(process_batch, dedupe=dedupe, mode=mode, doc_timeout=doc_timeout)
        limit = None
        if doc_timeout:
            limit = HardLimit(doc_timeout, partial(_abandoned, seconds=doc_timeout))
        for outcomes in ordered_map(
            work, batches(), workers=workers, initializer=warm_up, limit=limit
        ):
            for outcome in outcomes:
                journal.record(outcome.source, outcome.sha256, outcome.events, outcome.error)
                summary.add(outcome)
            reporter.update(summary)
    except BaseException:
        journal.close()  # the parts and manifest stay for --resume
        raise
    finally:
        reporter.stop()
    summary.seconds = time.perf_counter() - summary.started
    journal.finish(summary.as_dict(), events_format=events_format)
    return summary
