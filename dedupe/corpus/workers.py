"""Run batches of corpus work in worker processes, or here when there is too little to share.

``scan`` and ``Index.add`` hand pure functions (build, sketch, verify) to a process pool.
The pool starts its processes on the first task it is given, and a stage with a single
task runs it in this process: a handful of articles never pays for starting workers,
so ``--jobs`` can default to every core.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, as_completed, wait
from contextlib import contextmanager
from itertools import chain, islice
from typing import Any, TypeVar

from dedupe.gc_tuning import tune
from dedupe.settings import Settings

A = TypeVar("A")
K = TypeVar("K")
R = TypeVar("R")


def default_jobs() -> int:
    """Return the number of worker processes to use when none is asked for: one per core."""
    return os.cpu_count() or 1


class _LazyPool(Executor):
    """A process pool whose workers start with its first task."""

    def __init__(self, jobs: int) -> None:
        self._jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Future[R]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self._jobs, initializer=tune)
        return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait, cancel_futures=cancel_futures)


@contextmanager
def worker_pool(jobs: int) -> Iterator[Executor | None]:
    """Yield a pool of ``jobs`` worker processes (started on first use), or None for ``jobs == 1``."""
    if jobs == 1:
        yield None
        return
    pool = _LazyPool(jobs)
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


def ordered_map(
    pool: Executor | None,
    jobs: int,
    function: Callable[[A, Settings], R],
    items: Iterable[A],
    settings: Settings,
) -> Iterator[R]:
    """Yield ``function(item, settings)`` for each item, in order, at most ``2 * jobs`` in flight.

    The bound keeps memory to a few batches whatever the corpus size; two per worker
    keep each busy while the parent takes the other's result.
    """
    pool, items = _worth_sharing(pool, items)
    if pool is None:
        for item in items:
            yield function(item, settings)
        return
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(pool.submit(function, item, settings))
        if len(pending) >= 2 * jobs:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def completed(
    pool: Executor | None,
    jobs: int,
    function: Callable[[A, Settings], R],
    items: Iterable[tuple[K, A]],
    settings: Settings,
) -> Iterator[tuple[K, R]]:
    """Yield ``(key, function(argument, settings))`` as each finishes, at most ``4 * jobs`` in flight.

    Unlike ``ordered_map``, a long task does not hold back the results behind it, so no
    worker waits for the slowest one; for callers whose result does not depend on the order.
    """
    pool, items = _worth_sharing(pool, items)
    if pool is None:
        for key, argument in items:
            yield key, function(argument, settings)
        return
    pending: dict[Future[R], K] = {}
    for key, argument in items:
        pending[pool.submit(function, argument, settings)] = key
        if len(pending) >= 4 * jobs:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield pending.pop(future), future.result()
    for future in as_completed(pending):
        yield pending[future], future.result()


def _worth_sharing(pool: Executor | None, items: Iterable[A]) -> tuple[Executor | None, Iterator[A]]:
    """Return no pool if ``items`` hold fewer than two tasks, and the items, none consumed."""
    iterator = iter(items)
    head = list(islice(iterator, 2))
    return (pool if len(head) == 2 else None), chain(head, iterator)


def batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Yield lists of up to ``size`` items, in order."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
