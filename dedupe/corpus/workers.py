"""Run batches of corpus work in worker processes, or here when there is too little to share.

``scan`` and ``Index.add`` hand pure functions (build, sketch, verify) to a process pool.
The pool starts its processes on the first task it is given, and a stage with a single
task runs it in this process: a handful of articles never pays for starting workers,
so ``--jobs`` can default to every core.

Workers never outlive the run: each exits when its parent dies, however it dies
(``kill -9`` included: Linux's parent-death signal where ``prctl`` exists, and a thread
watching the parent's pid everywhere), ignores Ctrl-C (the parent decides), and a pool
left by an exception or Ctrl-C is terminated rather than waited for.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
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


PARENT_POLL_S = 0.5
"""How often a worker checks that its parent is alive (where no parent-death signal exists)."""
_PR_SET_PDEATHSIG = 1


def _start_worker(parent: int) -> None:
    """Initialise a worker: GC tuning, Ctrl-C left to the parent, exit when ``parent`` dies."""
    tune()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass  # the watchdog below still notices
    if os.getppid() != parent:  # died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(1)


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
            self._pool = ProcessPoolExecutor(self._jobs, initializer=_start_worker, initargs=(os.getpid(),))
        return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait, cancel_futures=cancel_futures)

    def terminate(self) -> None:
        """Stop the workers now, their tasks unfinished (after an error or Ctrl-C)."""
        if self._pool is None:
            return
        processes = list((self._pool._processes or {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()


@contextmanager
def worker_pool(jobs: int) -> Iterator[Executor | None]:
    """Yield a pool of ``jobs`` worker processes (started on first use), or None for ``jobs == 1``."""
    if jobs == 1:
        yield None
        return
    pool = _LazyPool(jobs)
    try:
        yield pool
    except BaseException:
        pool.terminate()
        raise
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
