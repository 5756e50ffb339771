"""Tests for tools/fit_event_model.py: which slices it fits on, and thresholds over several slices."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from fixture_paths import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import fit_event_model
from devcorpus import Doc


def test_the_test_half_is_never_fitted_on(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        fit_event_model.main(["--half", "fit,test", "--dry-run"])
    assert stopped.value.code == 2
    assert "test half is never fitted on" in capsys.readouterr().err


def _block(events: list[str], probabilities: list[float]) -> fit_event_model.Block:
    """A slice of reports of ``events`` whose pairs (combinations order) have these probabilities
    under a model of weight 1 and intercept 0 (the one feature is their log-odds)."""
    docs = [Doc({"id": f"{n}{e}", "event": e, "language": "en"}) for n, e in enumerate(events)]
    p = np.array(probabilities)
    return docs, np.log(p / (1 - p))[:, None], np.zeros(len(p), dtype=bool)


def test_the_cluster_threshold_serves_every_slice_it_is_fitted_on() -> None:
    # Slice one: two events, pairs inside at 0.9, across at 0.2; slice two: one event whose
    # pairs score only 0.45. A threshold above 0.45 would split the second slice's event.
    first = _block(["a", "a", "b", "b"], [0.9, 0.2, 0.2, 0.2, 0.2, 0.9])
    second = _block(["c", "c", "c"], [0.45, 0.45, 0.45])
    threshold, f1 = fit_event_model.cluster_threshold([first, second], np.array([1.0]), 0.0)
    assert 0.2 < threshold <= 0.45
    assert f1 == pytest.approx(1.0)


def test_the_cluster_threshold_counts_pairs_across_languages() -> None:
    # One event told in English twice and once each in French, German and Spanish, whose
    # pairs across languages score 0.15; a look-alike English report scores 0.2 with the two
    # English ones. Counted over one-language pairs alone, the best threshold keeps the
    # look-alike out and with it every other-language report; over every pair, the
    # threshold goes low enough to gather the event.
    reports = [
        ("en1", "a", "en"),
        ("en2", "a", "en"),
        ("fr", "a", "fr"),
        ("de", "a", "de"),
        ("es", "a", "es"),
        ("en3", "b", "en"),
    ]
    docs = [Doc({"id": name, "event": event, "language": language}) for name, event, language in reports]

    def probability(first: str, second: str) -> float:
        if {first, second} == {"en1", "en2"}:
            return 0.9
        if "en3" in (first, second):
            return 0.2 if {first, second} & {"en1", "en2"} else 0.05
        return 0.15

    p = np.array([probability(a.id, b.id) for n, a in enumerate(docs) for b in docs[n + 1 :]])
    block = docs, np.log(p / (1 - p))[:, None], np.zeros(len(p), dtype=bool)
    threshold, _ = fit_event_model.cluster_threshold([block], np.array([1.0]), 0.0)
    assert threshold <= 0.15
