"""The progress display's words: rates a person can read, a line from the very start of a scan."""

from __future__ import annotations

import pytest

from dedupe.cli_support.progress import ProgressBar
from dedupe.corpus.scan import scan
from dedupe.models import Article


@pytest.mark.parametrize(
    ("done", "seconds", "shown"),
    [(2, 3.0, "0.7/s"), (9, 1.0, "9.0/s"), (370, 10.0, "37/s")],
    ids=str,
)
def test_a_slow_stage_shows_its_rate_not_zero(
    monkeypatch: pytest.MonkeyPatch, done: int, seconds: float, shown: str
) -> None:
    clock = [100.0]
    monkeypatch.setattr("time.monotonic", lambda: clock[0])
    bar = ProgressBar(True, terminal=False, interval=3600)
    try:
        bar("cluster", 0, 12)
        clock[0] += seconds
        bar("cluster", done, 12)
        assert f"cluster {done}/12 parts, {shown}," in bar.line()
    finally:
        bar.close()


def test_a_scan_reports_progress_before_its_first_batch(seeds: dict[str, Article]) -> None:
    calls: list[tuple[str, int, int | None]] = []
    scan(list(seeds.values()), progress=lambda *call: calls.append(call))
    assert calls[0] == ("read", 0, None)
