"""Every tunable number of the pipeline, in one place, with the reason for its default.

Pass ``Settings(...)`` (or keyword overrides to ``compare``/``scan``) to change them; a
``Settings`` is validated when it is made, so a value the pipeline cannot use fails with
``SettingsError`` there, not deep inside a scan. Numbers that are not tunable (word lists,
Unicode tables, bounds that keep memory or time linear) are named constants in their
modules, each with the reason for its value.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from dedupe.errors import SettingsError


@dataclass(frozen=True, slots=True)
class Settings:
    """Named thresholds and sizes; defaults chosen by measurement (see BENCHMARKS.md)."""

    # Word 3-grams (bench/shingle_size.py): a copy with 20% of its words changed keeps
    # Jaccard 0.36 at k=3 but 0.27 at k=4 and 0.21 at k=5, while reports of different events
    # on the same actors stay low (development corpus, fitting half, same topic family:
    # median 0.002, 99th percentile 0.03, at most 0.04): shorter shingles keep heavily
    # edited copies findable without joining look-alike stories.
    shingle_size: int = 3
    # 128 permutations give a Jaccard estimate within ±0.09 (2σ) — enough to pick
    # candidates; verdicts use the exact Jaccard of the pair.
    num_perm: int = 128
    seed: int = 1
    # Passages: seeds are shared word n-grams of this length; passages shorter than the
    # minimum are dropped unless they lie in a quotation.
    seed_ngram: int = 4
    min_passage_words: int = 8
    # Verdict thresholds.
    duplicate_jaccard: float = 0.6
    duplicate_coverage: float = 0.8
    reuse_coverage: float = 0.3
    # A cut-short or wrapped copy is a duplicate only when the stretch both texts share
    # holds this many words: a shared paragraph alone is reuse, not a copy.
    copy_min_words: int = 50
    # … and when that stretch is at least this share of one of the two texts (the rest
    # furniture or the part a cut-short copy lacks). Chosen on the development corpus's
    # fitting half, where wrapped wire copies keep 0.75-1.0 of their words in the stretch.
    copy_min_share: float = 0.6
    reuse_passage_words: int = 40
    # Longest article read, in characters (`--max-chars`): a longer one is refused as bad
    # input rather than run for minutes. News reports are under 50,000 characters; 2
    # million (a short book) still finishes in well under a minute (BENCHMARKS.md).
    max_article_chars: int = 2_000_000

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> Settings:
        """Return self, or raise ``SettingsError`` naming the first bad value."""
        for field in fields(self):
            value = getattr(self, field.name)
            wanted = (int,) if isinstance(field.default, int) else (int, float)
            if isinstance(value, bool) or not isinstance(value, wanted):
                kind = "a whole number" if wanted == (int,) else "a number"
                raise SettingsError(f"{field.name} must be {kind}, got {value!r}")
        for name in ("shingle_size", "num_perm", "seed_ngram", "min_passage_words", "reuse_passage_words",
                     "copy_min_words", "max_article_chars"):  # fmt: skip
            if getattr(self, name) < 1:
                raise SettingsError(f"{name} must be at least 1, got {getattr(self, name)}")
        for name in (
            "duplicate_jaccard",
            "duplicate_coverage",
            "reuse_coverage",
            "copy_min_share",
        ):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise SettingsError(f"{name} must be within [0, 1], got {value}")
        return self

    def updated(self, **overrides: Any) -> Settings:
        """Return a copy with ``overrides`` applied, rejecting unknown names."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)}")
        return replace(self, **overrides)  # validated by __post_init__


DEFAULT_SETTINGS = Settings()
