"""The progress display of the CLI: a rich bar on a terminal, plain lines elsewhere, a summary.

The library reports ``progress(stage, done, total)``; this module turns it into what a
person watching sees, on stderr only, and never when ``--quiet`` is given.
"""

from __future__ import annotations

import sys
from typing import Any

import typer

PROGRESS_INTERVAL_ENV = "DEDUPE_PROGRESS_INTERVAL"
"""Seconds between plain progress lines when stderr is not a terminal (default ``PROGRESS_INTERVAL``)."""
PROGRESS_INTERVAL = 3.0
UNITS = {
    "read": "articles", "compare": "pairs", "cluster": "parts",  # scan
    "extract": "articles", "prepare": "articles", "match": "quotations", "search": "groups",  # quotes
    "facts": "pairs",  # facts, after a scan
}  # fmt: skip


class ProgressBar:
    """Progress of a scan on stderr, and its one-line summary at the end.

    On a terminal, a rich progress bar per stage (done/total, rate, ETA); otherwise a plain
    line every ``DEDUPE_PROGRESS_INTERVAL`` seconds (a log stays readable). Disabled, it
    prints nothing at all. Called as the library's ``progress(stage, done, total)``.
    """

    def __init__(self, enabled: bool, *, terminal: bool = False, interval: float = PROGRESS_INTERVAL) -> None:
        import threading
        import time

        self.enabled = enabled
        self._terminal = terminal
        self._interval = interval
        self._started = time.monotonic()
        self._stage: tuple[str, float, int, int | None] | None = None  # name, start, done, total
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._rich: Any = None
        self._tasks: dict[str, Any] = {}
        self._thread: threading.Thread | None = None

    def __call__(self, stage: str, done: int, total: int | None) -> None:
        import time

        if not self.enabled:
            return
        with self._lock:
            if self._stage is None or self._stage[0] != stage:
                self._stage = (stage, time.monotonic(), done, total)
            else:
                self._stage = (stage, self._stage[1], done, total)
        if self._terminal:
            self._draw(stage, done, total)
        elif self._thread is None:
            import threading

            self._thread = threading.Thread(target=self._lines, daemon=True, name="progress")
            self._thread.start()

    def _draw(self, stage: str, done: int, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        if self._rich is None:
            self._rich = Progress(
                TextColumn("{task.description:8}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[unit]}"), TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                console=Console(stderr=True), transient=True,
            )  # fmt: skip
            self._rich.start()
        if stage not in self._tasks:
            for task in self._tasks.values():  # a new stage: the previous one is over
                self._rich.update(task, visible=False)
            self._tasks[stage] = self._rich.add_task(stage, total=total, unit=UNITS.get(stage, ""), rate="")
        with self._lock:
            rate = self._rate()
        self._rich.update(
            self._tasks[stage], completed=done, total=total, rate=_per_second(rate) if rate else ""
        )

    def _rate(self) -> float | None:
        import time

        if self._stage is None:
            return None
        _, start, done, _ = self._stage
        elapsed = time.monotonic() - start
        return done / elapsed if elapsed > 0 and done else None

    def line(self) -> str:
        """The current state in words: stage, done/total and unit, rate, ETA, time so far."""
        import time

        with self._lock:
            if self._stage is None:
                return ""
            stage, _, done, total = self._stage
            rate = self._rate()
        parts = [
            f"{stage} {done}"
            + (f"/{total}" if total is not None else "")
            + f" {UNITS.get(stage, '')}".rstrip()
        ]
        if rate:
            parts.append(_per_second(rate))
            if total is not None:
                parts.append(f"ETA {_duration(max(total - done, 0) / rate)}")
        parts.append(f"elapsed {_duration(time.monotonic() - self._started)}")
        return ", ".join(parts)

    def _lines(self) -> None:
        """Write a line now (the scan has started) and one every interval until closed."""
        while True:
            sys.stderr.write(f"progress: {self.line()}\n")
            sys.stderr.flush()
            if self._stop.wait(self._interval):
                return

    def close(self) -> None:
        """Stop drawing: clear the bar, or stop the plain lines."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._rich is not None:
            self._rich.stop()

    def summary(self, what: str) -> None:
        """Print the one-line summary of a run (unless disabled): ``what`` it did, and in how long."""
        import time

        if self.enabled:
            typer.echo(f"{what}, in {_duration(time.monotonic() - self._started)}.", err=True)


def plural(count: int, noun: str) -> str:
    """Return ``"1 cluster"``, ``"3 clusters"``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _per_second(rate: float) -> str:
    """Return a rate as ``37/s``, or ``0.7/s`` below 10 (a slow stage does not read "0/s")."""
    return f"{rate:.0f}/s" if rate >= 10 else f"{rate:.1f}/s"


def _duration(seconds: float) -> str:
    """Return ``seconds`` as ``1h 02m``, ``3m 05s`` or ``4.2s``."""
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(seconds), 60)
    if minutes < 60:
        return f"{minutes}m {secs:02d}s"
    return f"{minutes // 60}h {minutes % 60:02d}m"


def progress(quiet: bool) -> ProgressBar:
    """Return the progress display: none with ``quiet``; rich on a terminal, plain lines elsewhere."""
    import os

    try:
        interval = float(os.environ.get(PROGRESS_INTERVAL_ENV, PROGRESS_INTERVAL))
    except ValueError:
        interval = PROGRESS_INTERVAL
    return ProgressBar(not quiet, terminal=sys.stderr.isatty(), interval=max(interval, 0.01))
