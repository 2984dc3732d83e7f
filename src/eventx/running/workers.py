"""Run a function over batches in N processes, results in input order.

Each worker process loads the spaCy model once (in its initializer).  At
most two batches per worker are in flight, so a long input is read no
faster than it is processed and memory stays flat.  With one worker the
batches run in this process: no start-up cost, same results.

A worker that does not answer within its batch's hard limit (stuck in
compiled code that the per-document alarm of limits.py cannot interrupt)
or that dies is replaced: the pool is killed and started again, the batch
is run again one item at a time, and the item that stalls or kills its
worker again gets ``abandon(item, stalled)`` as its result.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
IN_FLIGHT_PER_WORKER = 2
START_SECONDS = 20.0
"""Added to every hard limit: a new worker starts and loads the model first
(a few seconds here)."""


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


@dataclass(frozen=True)
class HardLimit(Generic[Item, Result]):
    """How long a batch may take in a worker, per item, and what an item that
    stalls (``stalled`` True) or kills its worker (False) gives instead."""

    seconds_per_item: float
    abandon: Callable[[Item, bool], Result]

    def of(self, batch: list[Item]) -> float:
        # each item may spend its budget in the batch's analysis and again alone
        return self.seconds_per_item * (len(batch) + 1) + START_SECONDS


def ordered_map(
    function: Callable[[list[Item]], list[Result]],
    batches: Iterable[list[Item]],
    *,
    workers: int,
    initializer: Callable[[], None] | None = None,
    limit: HardLimit[Item, Result] | None = None,
) -> Iterator[list[Result]]:
    """``map(function, batches)``, spread over ``workers`` processes."""
    if workers <= 1:
        if initializer is not None:
            initializer()
        yield from map(function, batches)
        return
    pool = _Pool(workers, initializer)
    try:
        window: deque[tuple[list[Item], Future[list[Result]]]] = deque()
        for batch in batches:
            window.append((batch, pool.submit(function, batch)))
            if len(window) >= IN_FLIGHT_PER_WORKER * workers:
                yield pool.result(function, window, limit)
        while window:
            yield pool.result(function, window, limit)
    finally:
        pool.close()


class _Pool:
    """A process pool that can be replaced when a worker stalls or dies."""

    def __init__(self, workers: int, initializer: Callable[[], None] | None) -> None:
        self.workers, self.initializer = workers, initializer
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),  # no inherited threads or locks
            initializer=_start_worker,
            initargs=(os.getpid(), self.initializer),
        )

    def submit(
        self, function: Callable[[list[Item]], list[Result]], batch: list[Item]
    ) -> Future[list[Result]]:
        return self.executor.submit(function, batch)

    def result(
        self,
        function: Callable[[list[Item]], list[Result]],
        window: deque[tuple[list[Item], Future[list[Result]]]],
        limit: HardLimit[Item, Result] | None,
    ) -> list[Result]:
        """The first batch's results; on a stall or a dead worker, a new pool,
        the batch again item by item, and the rest of the window resubmitted."""
        batch, future = window.popleft()
        if limit is None:
            return future.result()
        try:
            return future.result(timeout=limit.of(batch))
        except (FutureTimeout, BrokenProcessPool):
            self.replace()
        results = [self._alone(function, item, limit) for item in batch]
        for _ in range(len(window)):
            queued, _ = window.popleft()
            window.append((queued, self.submit(function, queued)))
        return results

    def _alone(
        self,
        function: Callable[[list[Item]], list[Result]],
        item: Item,
        limit: HardLimit[Item, Result],
    ) -> Result:
        try:
            [result] = self.submit(function, [item]).result(timeout=limit.of([item]))
        except FutureTimeout:
            self.replace()
            return limit.abandon(item, True)
        except BrokenProcessPool:
            self.replace()
            return limit.abandon(item, False)
        return result

    def replace(self) -> None:
        """Kill every worker (one is stuck or gone) and start a new pool."""
        self.close(kill=True)
        self.executor = self._start()

    def close(self, *, kill: bool = False) -> None:
        if kill:
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.kill()
        self.executor.shutdown(wait=not kill, cancel_futures=kill)


def _start_worker(parent: int, initializer: Callable[[], None] | None) -> None:
    # A worker whose parent was killed (kill -9) must not live on as an orphan.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
