"""Worker pools: work goes to processes only when there is more than one task to share."""

from __future__ import annotations

import gc
import os

from dedupe.corpus.workers import batches, completed, default_jobs, ordered_map, worker_pool
from dedupe.gc_tuning import THRESHOLDS
from dedupe.settings import DEFAULT_SETTINGS, Settings


def pid_and_square(item: int, settings: Settings) -> tuple[int, int]:
    """Return the process that ran this task, and the task's result."""
    return os.getpid(), item * item


def test_several_tasks_run_in_workers_and_come_back_in_order() -> None:
    with worker_pool(2) as pool:
        results = list(ordered_map(pool, 2, pid_and_square, range(9), DEFAULT_SETTINGS))
    assert [square for _, square in results] == [n * n for n in range(9)]
    assert os.getpid() not in {pid for pid, _ in results}


def test_completed_tasks_keep_their_keys_whatever_the_order() -> None:
    with worker_pool(2) as pool:
        results = dict(completed(pool, 2, pid_and_square, [(f"k{n}", n) for n in range(7)], DEFAULT_SETTINGS))
    assert {key: square for key, (_, square) in results.items()} == {f"k{n}": n * n for n in range(7)}
    assert os.getpid() not in {pid for pid, _ in results.values()}


def test_a_single_task_runs_here_and_starts_no_worker() -> None:
    with worker_pool(2) as pool:
        (alone,) = ordered_map(pool, 2, pid_and_square, [3], DEFAULT_SETTINGS)
        ((key, keyed),) = completed(pool, 2, pid_and_square, [("only", 4)], DEFAULT_SETTINGS)
        assert pool is not None and pool._pool is None  # type: ignore[attr-defined]
    assert alone == (os.getpid(), 9)
    assert (key, keyed) == ("only", (os.getpid(), 16))


def test_one_job_means_no_pool_and_default_jobs_is_every_core() -> None:
    with worker_pool(1) as pool:
        assert pool is None
        assert list(ordered_map(pool, 1, pid_and_square, range(3), DEFAULT_SETTINGS)) == [
            (os.getpid(), n * n) for n in range(3)
        ]
    assert default_jobs() == (os.cpu_count() or 1)


def test_batches_are_whole_and_in_order() -> None:
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches([], 3)) == []


def collector_thresholds(item: int, settings: Settings) -> tuple[int, int, int]:
    """Return the garbage-collector thresholds of the process that ran this task."""
    return gc.get_threshold()


def test_workers_collect_garbage_rarely_and_the_caller_keeps_its_settings() -> None:
    before = gc.get_threshold()
    with worker_pool(2) as pool:
        seen = set(ordered_map(pool, 2, collector_thresholds, range(4), DEFAULT_SETTINGS))
    assert seen == {THRESHOLDS}
    assert gc.get_threshold() == before != THRESHOLDS
