"""A time budget per document: past it, the document is abandoned, not the batch.

``time_limit`` raises :class:`DocumentTimeout` in the thread that does the
work (the main thread of the CLI's process, of a worker process or of a
Spark Python worker) when the budget runs out, through ``SIGALRM``.  Python
code is interrupted at once; compiled code only when it returns to Python,
which, with sentences bounded in length (analysis/tokens.py), is a matter of
milliseconds.  For code that never returns, the worker pool
(running/workers.py) also holds a hard limit: it replaces a worker that does
not answer in time.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

DOC_TIMEOUT = 120.0
"""Seconds one document may take by default.  The largest document admitted by
default (1,000,000 characters, about 170,000 words) takes under a minute here
even with --exhaustive; a document that takes twice that is stalled."""


class DocumentTimeout(Exception):
    """A document's work went past its time budget."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"abandoned after {seconds:g} s (--doc-timeout)")
        self.seconds = seconds


def can_interrupt() -> bool:
    """An alarm can interrupt work here: POSIX, on the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block after ``seconds`` (None or 0:
    no limit; nor where no alarm can interrupt, see ``can_interrupt``)."""
    if not seconds or not can_interrupt():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
