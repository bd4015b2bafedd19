"""Times of day as news writes them, and the clock times that are never years.

A live blog stamps its paragraphs "1905:" or, newest first, "2207 The Wall Street
Journal..."; wire copy writes "2300 GMT" and "1900 to 2200 EST". `ClockHandlers` reads
"8 p.m.", "4 in the morning", "noon" and such four-digit times as TIME values, and says
when a four-digit number that could be a year stands where a clock does
(`_clock_context`): a year needs year-like context.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from timeline.resolve.readings import (
    Reading,
    RelativeRef,
    WeekdayRef,
)


def _is_hhmm(digits: str) -> bool:
    return len(digits) == 4 and int(digits[:2]) < 24 and int(digits[2:]) < 60


_TIMESTAMP = re.compile(r"(?:^|(?<=\n)|(?<=[.!?\"”]\s))\s*(\d{4})(?=\s+[A-Z\"“])")


_TIMESTAMPS_MIN = 3


@lru_cache(maxsize=4)
def _timestamps(text: str) -> frozenset[int]:
    """Offsets of the live-blog timestamps of a text: four-digit times opening sentences
    ("1503 US Defense Secretary Robert Gates tells...") when at least three do and one
    at least cannot be a recent year, or they run backwards as a live blog's entries do
    (newest first); a chronology's "2001 ... 2003 ..." is years."""
    found = [m for m in _TIMESTAMP.finditer(text) if _is_hhmm(m.group(1))]
    if len(found) < _TIMESTAMPS_MIN:
        return frozenset()
    values = [int(m.group(1)) for m in found]
    if all(1800 <= v <= 2100 for v in values) and not _backwards(values):
        return frozenset()
    return frozenset(m.start(1) for m in found)


# A paragraph, or a sentence after another's end, that opens on a time and a colon: a
# live blog's entry ("1905: Welcome to our live coverage", "0830: ...", "2013 GMT: ...",
# "... thanks for joining us. 2159: A think tank tweets ...").
_COLON_STAMP = re.compile(
    r"(?m)(?:^[ \t]*|(?<=[.!?\"”’)]\s)|(?<=[.!?\"”’)]\s\s))(?P<digits>\d{3,4})"
    r"(?P<tz>\s*(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]T|ET|local(?:\s+time)?))?\s*:(?=\s)"
)


@lru_cache(maxsize=4)
def _colon_stamps(text: str) -> frozenset[int]:
    """Offsets of a live blog's entry-opening stamps (`_COLON_STAMP`): when two or
    more entries open so, each can be a time of day, and they run backwards (a live
    blog's newest entry first) or one at least cannot be a year (three digits, a leading
    zero, a time zone). A chronology ("1918: Spanish flu ... 1957: Asian flu ... 1968:")
    runs forwards, and often holds a number no clock shows."""
    found = list(_COLON_STAMP.finditer(text))
    if len(found) < 2:
        return frozenset()
    digits = [m["digits"].zfill(4) for m in found]
    if not all(_is_hhmm(d) for d in digits):
        return frozenset()
    clock_only = any(len(m["digits"]) == 3 or m["digits"][0] == "0" or m["tz"] for m in found)
    if not clock_only and not _backwards([int(d) for d in digits]):
        return frozenset()
    return frozenset(m.start("digits") for m in found)


def _backwards(values: list[int]) -> bool:
    """Do the values never rise, with at least one fall (a live blog's times)?"""
    pairs = list(pairwise(values))
    return all(a >= b for a, b in pairs) and any(a > b for a, b in pairs)


# What follows a live blog's stamp: a capitalised word or a quotation.
_OPENS_ENTRY = re.compile(r"\s+[A-Z\"“]")


# The rest of a range of times: "1900 to 2200 EST" (the zone follows the second time).
_TIME_SPAN_AFTER = re.compile(r"\s*(?:-|–|to|and)\s*(?P<other>\d{4})")


# A time given again in another zone right after a 12-hour one: "1:33 p.m. (2033 in
# Egypt)", "11 a.m. ET, 1800 in Egypt".
_AFTER_12_HOUR_CLOCK = re.compile(
    r"\d(?::\d\d)?\s*[ap]\.?m\.?(?:\s*[A-Z]{1,4})?\s*[(,]\s*$", re.IGNORECASE
)


class ClockHandlers:
    """Handlers of clock times (a part of `Grammar`)."""

    def _is_clock(self, digits: str, text: str, m: re.Match, before: str, after: str) -> bool:
        """Is a four-digit "year" without a cue word a number of long ago a clock can
        show ("1508 UN spokesman says")? More often a time or a count than a year."""
        return (
            _is_hhmm(digits)
            and int(digits) < self._early_year
            and not self._year_cue_before.search(before)
        )

    def _clock_context(self, text: str, start: int, end: int) -> bool:
        """Does the four-digit time at text[start:end] ("1905", "2300") stand where a
        clock does: before a time zone, "hours" or "local time"; in a range of times that
        ends on one ("1900 to 2200 EST"); after a 12-hour time it gives again in another
        zone ("1:33 p.m. (2033 in Egypt)"); or as a live blog's stamp (`_colon_stamps`,
        `_timestamps`)? A year needs none of these."""
        after = text[end : end + 32]
        if self._clock_after.match(after):
            return True
        span = _TIME_SPAN_AFTER.match(after)
        if span and _is_hhmm(span["other"]) and self._clock_after.match(after[span.end() :]):
            return True
        before = text[max(0, start - 24) : start]
        if _AFTER_12_HOUR_CLOCK.search(before):
            return True
        if start in _colon_stamps(text):
            return True
        stamps = _timestamps(text)
        if not stamps:
            return False
        # in a live blog, an entry whose previous one ends without a full stop ("...in
        # Haiti 2207 The Wall Street Journal") is a stamp too, unless a year's cue or a
        # determiner stands before it ("in 1946", "the 1954 hurricane")
        return start in stamps or (
            _OPENS_ENTRY.match(text, end) is not None
            and not self._year_cue_before.search(before)
            and not self._determiner_before.search(before)
        )

    def _clock_hhmm(self, m: re.Match, text: str) -> Reading | None:
        """ "2300 GMT", "0830:", "between 2300 and 0200": a time of day written as wire
        copy writes it, on the day the text is at (`_clock_context`). Numbers that could
        be years (1500 to 2059) are the year rule's, which asks the same question."""
        if not m["tz"] and not self._clock_context(text, m.start(), m.end("min")):
            return None
        return self._time_of_day(m["h"] + m["min"])

    @staticmethod
    def _time_of_day(digits: str) -> Reading:
        return RelativeRef("day", 0, "day", anaphoric=True, time=f"{digits[:2]}:{digits[2:]}")

    def _clock_time(self, m: re.Match, text: str) -> Reading | None:
        hour = int(m["h"])
        minute = int(m["min"] or 0)
        ampm = (m.groupdict().get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        mod = "APPROX" if m.groupdict().get("approx") else ""
        # "at 3 p.m." is a time of the day the text is at
        return RelativeRef(
            "day", 0, "day", anaphoric=True, time=f"{hour:02d}:{minute:02d}", mod=mod
        )

    def _clock_part_of_day(self, m: re.Match, text: str) -> Reading | None:
        """ "4 in the morning", "11 at night": a clock time whose half of the day is named."""
        hour = int(m["h"]) % 12
        if (m["night"] and hour >= 6) or (m["part"] and m["part"].lower() != "morning"):
            hour += 12  # "11 at night", "3 in the afternoon"; "2 at night" is 02:00
        mod = "APPROX" if m["approx"] else ""
        time = f"{hour:02d}:{int(m['min'] or 0):02d}"
        return RelativeRef("day", 0, "day", anaphoric=True, time=time, mod=mod)

    def _noon_midnight(self, m: re.Match, text: str) -> Reading | None:
        word = m["word"].lower()
        time = "12:00" if word in ("noon", "midday") else "24:00"
        if m["wd"]:
            return WeekdayRef(self.weekday(m["wd"]), None, time=time)
        return RelativeRef("day", 0, "day", time=time)
