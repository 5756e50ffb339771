"""Tests for a fragment before its sentence's closing frame (dedupe.quotes.closing_frames).

Each case is a short invented report; a near miss stays unknown rather than wrong.
"""

from __future__ import annotations

from dedupe.quotes.speaker import UNKNOWN

from quote_speakers import speakers


def test_a_fragment_before_a_closing_frame_is_thatspeakers() -> None:
    text = (
        "Governor Ivan Velkov opened the dam.\n\n"
        "There will be “no more floods” if the walls hold, and the valley “will be safe,” Velkov said "
        "at the dam on Monday, May 4, to the builders."
    )
    assert speakers(text) == ["Ivan Velkov", "Ivan Velkov"]


def test_a_fragment_after_a_verb_of_naming_is_not_carried_to_the_closing_frame() -> None:
    text = (
        "Governor Ivan Velkov opened the dam.\n\n"
        "What critics call a “vanity project” will keep the valley “safe for decades,” Velkov said "
        "at the dam on Monday, May 4, to the builders."
    )
    assert speakers(text) == [UNKNOWN, "Ivan Velkov"]
