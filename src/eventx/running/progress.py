"""How a long run tells the user how it is going.

On a terminal: a live line (rich) with documents, words/s, events and
failures.  Elsewhere (a log file, CI): a plain line every
``LOG_EVERY_SECONDS``.  ``--quiet``: nothing.  The number of documents is not
known in advance (inputs are read lazily), so the line counts up.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

LOG_EVERY_SECONDS = 10.0


class Counts(Protocol):
    documents: int
    words: int
    failures: int
    skipped: int

    @property
    def total_events(self) -> int: ...

    def rate(self) -> float: ...


def _describe(counts: Counts) -> str:
    skipped = f" ({counts.skipped:,} done before)" if counts.skipped else ""
    return (
        f"{counts.documents:,} documents{skipped} · {counts.rate():,.0f} words/s · "
        f"{counts.total_events:,} events · {counts.failures:,} failures"
    )


class Reporter:
    """``start()``, ``update(counts)`` after each batch, ``stop()``."""

    def __init__(self, *, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.live = not quiet and self.stream.isatty()
        self._progress: Progress | None = None
        self._task = TaskID(0)
        self._last_log = 0.0

    def start(self) -> None:
        self._last_log = time.monotonic()
        if self.live:
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("starting")

    def update(self, counts: Counts) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=_describe(counts))
        elif not self.quiet and time.monotonic() - self._last_log >= LOG_EVERY_SECONDS:
            self._last_log = time.monotonic()
            print(f"eventx: {_describe(counts)}", file=self.stream, flush=True)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def say(self, line: str) -> None:
        if not self.quiet:
            print(line, file=self.stream, flush=True)
