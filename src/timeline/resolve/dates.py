"""Dates as people write them, and event date values, at the granularity they are known to."""

from __future__ import annotations

from functools import lru_cache

from timeline.models import Interval
from timeline.resolve.calendar import format_value, unit_interval

_SEASON_NAMES = {3: "Spring", 6: "Summer", 9: "Autumn", 12: "Winter"}


@lru_cache(maxsize=8192)
def is_whole_unit(interval: Interval) -> bool:
    """Is the interval exactly one calendar unit of its granularity (a day, a month...)?"""
    return unit_interval(interval.granularity, interval.begin) == interval


def event_date_value(interval: Interval) -> str:
    """TimeML-style value of an event date: "2025-08", or "begin/end" for other spans."""
    if is_whole_unit(interval):
        return format_value(interval.granularity, interval.begin)
    return f"{interval.begin.isoformat()}/{interval.end.isoformat()}"


@lru_cache(maxsize=8192)
def human_date(interval: Interval) -> str:
    """ "10 Oct 2025", "August 2025", "Q3 2025", "9–10 Oct 2025", "the 1990s"."""
    begin, end, g = interval.begin, interval.end, interval.granularity
    if is_whole_unit(interval):
        if g == "day":
            return f"{begin.day} {begin:%b %Y}"
        if g in ("week", "weekend"):
            label = "weekend" if g == "weekend" else "week"
            return f"{label} of {begin.day} {begin:%b %Y}"
        if g == "month":
            return f"{begin:%B %Y}"
        if g == "quarter":
            return f"Q{(begin.month - 1) // 3 + 1} {begin.year}"
        if g == "half":
            return f"H{1 if begin.month <= 6 else 2} {begin.year}"
        if g == "season":
            name = _SEASON_NAMES[begin.month]
            return f"{name} {begin.year}" + (
                f"–{end.year % 100:02d}" if end.year != begin.year else ""
            )
        if g == "year":
            return str(begin.year)
        if g == "decade":
            return f"the {begin.year}s"
        if g == "century":
            century = begin.year // 100 + 1
            suffix = (
                "th"
                if 10 <= century % 100 <= 20
                else {1: "st", 2: "nd", 3: "rd"}.get(century % 10, "th")
            )
            return f"the {century}{suffix} century"
    if begin.year == end.year and begin.month == end.month:
        return f"{begin.day}–{end.day} {begin:%b %Y}"
    if begin.year == end.year:
        return f"{begin.day} {begin:%b} – {end.day} {end:%b %Y}"
    return f"{begin.day} {begin:%b %Y} – {end.day} {end:%b %Y}"
