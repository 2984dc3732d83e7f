"""Run a function over batches in N processes, results in input order.

Each worker process loads the spaCy model once (in its initializer).  At
most two batches per worker are in flight, so a long input is read no
faster than it is processed and memory stays flat.  With one worker the
batches run in this process: no start-up cost, same results.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")
IN_FLIGHT_PER_WORKER = 2


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def ordered_map(
    function: Callable[[In], Out],
    batches: Iterable[In],
    *,
    workers: int,
    initializer: Callable[[], None] | None = None,
) -> Iterator[Out]:
    """``map(function, batches)``, spread over ``workers`` processes."""
    if workers <= 1:
        if initializer is not None:
            initializer()
        yield from map(function, batches)
        return
    context = multiprocessing.get_context("spawn")  # no inherited threads or locks
    with ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(os.getpid(), initializer),
    ) as pool:
        window: deque[Future[Out]] = deque()
        for batch in batches:
            window.append(pool.submit(function, batch))
            if len(window) >= IN_FLIGHT_PER_WORKER * workers:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _start_worker(parent: int, initializer: Callable[[], None] | None) -> None:
    # A worker whose parent was killed (kill -9) must not live on as an orphan.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
