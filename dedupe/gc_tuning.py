"""Garbage-collector thresholds for the processes dedupe runs whole: its CLI and its workers.

Analysing an article allocates tens of thousands of short-lived objects and makes almost
no reference cycles, so Python's default thresholds (700, 10, 10) collect again and again
for nothing: about 18% of ``analyze``'s time (bench/bench_gc.py). The library never
changes the collector of a program that imports it; only ``main`` and the worker
processes it starts call ``tune``.
"""

from __future__ import annotations

import gc

THRESHOLDS = (10_000, 50, 50)
"""Allocations before a young collection, and young collections before each older one."""


def tune() -> None:
    """Set this process's collector thresholds to ``THRESHOLDS``."""
    gc.set_threshold(*THRESHOLDS)
