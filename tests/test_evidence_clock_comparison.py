"""Clock times of one event: two reports timing it minutes apart in one zone are flagged."""

from __future__ import annotations

from dedupe.evidence.clock_comparison import clock_flags
from dedupe.evidence.facts import compare_facts
from dedupe.ingest.build import article_from_text


def _flags(a_text: str, b_text: str) -> list[tuple[str, str]]:
    a, b = article_from_text(a_text, id="a"), article_from_text(b_text, id="b")
    return [(f.a_value, f.b_value) for f in clock_flags(a, b)]


LAUNCH_A = (
    "Northland's space agency launched its first weather satellite on Thursday. "
    "The rocket lifted off from the Kestrel Point launch site at 06:15 local time."
)
LAUNCH_B = (
    "Northland's space agency launched its first weather satellite on Thursday. "
    "The rocket lifted off from the Kestrel Point launch site at 07:40 a.m. local time."
)


def test_two_local_times_of_one_launch_minutes_apart_are_flagged() -> None:
    assert _flags(LAUNCH_A, LAUNCH_B) == [("06:15 local time", "07:40 a.m. local time")]


def test_compare_facts_raises_the_clock_flag_as_a_figure_mismatch() -> None:
    a, b = article_from_text(LAUNCH_A, id="a"), article_from_text(LAUNCH_B, id="b")
    clock = [f for f in compare_facts(a, b) if f.a_value == "06:15 local time"]
    assert [(f.slot, f.kind) for f in clock] == [("number", "number_mismatch")]


def test_one_time_written_two_ways_is_not_flagged() -> None:
    b = LAUNCH_B.replace("07:40 a.m.", "6:15 a.m.")
    assert _flags(LAUNCH_A, b) == []


def test_afternoon_time_is_read_on_the_24_hour_clock() -> None:
    a = LAUNCH_A.replace("06:15", "18:15")
    b = LAUNCH_B.replace("07:40 a.m.", "6.15pm")
    assert _flags(a, b) == []


def test_times_in_two_zones_are_not_compared() -> None:
    b = LAUNCH_B.replace("07:40 a.m. local time", "21:15 GMT")
    assert _flags(LAUNCH_A, b) == []


def test_a_hedged_time_allows_a_rough_figure() -> None:
    b = LAUNCH_B.replace("at 07:40 a.m.", "at around 6:35 a.m.")
    assert _flags(LAUNCH_A, b) == []


def test_a_time_set_ahead_is_not_the_event_time() -> None:
    b = LAUNCH_B.replace("lifted off from", "was scheduled to leave").replace(" at 07:40", " for 07:40")
    assert _flags(LAUNCH_A, b) == []


def test_a_later_sentence_times_another_moment() -> None:
    b = (
        "Northland launches a weather satellite\n\n"
        "Northland's space agency launched its first weather satellite on Thursday from Kestrel Point. "
        "Officials said the launch went as planned and the crowd cheered. "
        "Officials described the day as a milestone for the programme. "
        "The satellite separated from the rocket at 07:40 a.m. local time."
    )
    assert _flags(LAUNCH_A, b) == []


def test_the_minutes_of_two_close_times_are_no_conflicting_figure() -> None:
    a = LAUNCH_A.replace("06:15", "06:42")
    b = LAUNCH_B.replace("07:40 a.m.", "06:45")
    flags = compare_facts(article_from_text(a, id="a"), article_from_text(b, id="b"))
    assert [(f.slot, f.a_value, f.b_value) for f in flags] == []
