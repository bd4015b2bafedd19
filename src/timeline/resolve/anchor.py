"""Anchoring: the one place where a reading becomes a TimeML value and a calendar interval.

Deictic expressions ("Friday", "last week", "two weeks ago") count from the
publication date (DCT). Anaphoric ones ("the next day", "a year earlier") count from the
narrative date: the last date the text placed itself at, or the DCT when there is none.
Year-less dates ("August", "Oct. 10") take the year that puts them on the side of the
reference that the sentence's tense points to, or the nearest one when the tense is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from timeline.models import GRANULARITIES, Interval
from timeline.resolve import calendar as cal
from timeline.resolve.readings import (
    NEXT,
    PAST,
    THIS,
    CalendarDate,
    DurationRef,
    Reading,
    RelativeRef,
    SetRef,
    VagueRef,
    WeekdayRef,
)

# Tense of the sentence around an expression.
TENSE_PAST, TENSE_UNKNOWN, TENSE_FUTURE = -1, 0, 1

_DURATION_CODES = {
    "second": ("T", "S", 1),
    "minute": ("T", "M", 1),
    "hour": ("T", "H", 1),
    "day": ("", "D", 1),
    "night": ("", "D", 1),
    "week": ("", "W", 1),
    "weekend": ("", "WE", 1),
    "fortnight": ("", "W", 2),
    "month": ("", "M", 1),
    "quarter": ("", "M", 3),
    "season": ("", "M", 3),
    "half": ("", "M", 6),
    "year": ("", "Y", 1),
    "decade": ("", "Y", 10),
    "century": ("", "Y", 100),
    "millennium": ("", "Y", 1000),
}
_UNIT_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "night": 1}


@dataclass(frozen=True, slots=True)
class Reference:
    """A point the text is at: a day and the granularity it is known to."""

    day: date
    granularity: str


@dataclass(frozen=True, slots=True)
class Context:
    dct: date
    narrative: Reference | None = None
    tense: int = TENSE_UNKNOWN


@dataclass(frozen=True, slots=True)
class Resolution:
    type: str
    value: str
    mod: str = ""
    interval: Interval | None = None
    anchor: str = ""  # "dct", "narrative" or "" (absolute)
    reference: Reference | None = None  # what a later anaphoric expression may count from


def resolve(reading: Reading, ctx: Context) -> Resolution | None:
    """Anchor `reading` in `ctx`; None when it cannot be placed (an impossible date)."""
    try:
        if isinstance(reading, CalendarDate):
            return _calendar(reading, ctx)
        if isinstance(reading, WeekdayRef):
            return _weekday(reading, ctx)
        if isinstance(reading, RelativeRef):
            return _relative(reading, ctx)
        if isinstance(reading, DurationRef):
            return _duration(reading, ctx)
        if isinstance(reading, VagueRef):
            return Resolution("DATE", reading.value)
        if isinstance(reading, SetRef):
            return Resolution("SET", reading.value)
    except (ValueError, OverflowError):
        return None
    raise TypeError(f"not a reading: {reading!r}")


def _point(granularity: str, day: date, time: str, mod: str, anchor: str) -> Resolution:
    """The resolution of a single calendar unit (with an optional time of day)."""
    interval = cal.sub_interval(cal.unit_interval(granularity, day), mod)
    value = cal.format_value(granularity, day)
    kind = "DATE"
    if time and granularity == "day":
        value = f"{value}T{time}"
        kind = "TIME"
    return Resolution(kind, value, mod, interval, anchor, Reference(day, granularity))


def _calendar(reading: CalendarDate, ctx: Context) -> Resolution:
    g = reading.granularity
    if reading.year is not None:
        day = _calendar_day(reading, reading.year, reading.month)
        return _point(g, day, reading.time, reading.mod, "")
    ref = ctx.dct
    if reading.month is None and g == "day":
        # "the 10th": this month or the one before/after, by tense.
        candidates = [
            _calendar_day(reading, d.year, d.month)
            for d in (cal.add_months(ref, -1), ref, cal.add_months(ref, 1))
            if _valid_day(d.year, d.month, reading.day)
        ]
        day = _choose(candidates, ref, "day", reading.direction, ctx.tense)
        return _point(g, day, reading.time, reading.mod, "dct")
    candidates = [
        _calendar_day(reading, year, reading.month)
        for year in (ref.year - 1, ref.year, ref.year + 1)
        if g != "day" or _valid_day(year, reading.month, reading.day)
    ]
    day = _choose(candidates, ref, g, reading.direction, ctx.tense)
    return _point(g, day, reading.time, reading.mod, "dct")


def _calendar_day(reading: CalendarDate, year: int, month: int | None) -> date:
    """A day inside the unit `reading` names, in `year`."""
    g = reading.granularity
    if g == "day":
        return date(year, month or 1, reading.day or 1)
    if g == "month":
        return date(year, month or 1, 1)
    if g == "quarter":
        return date(year, 3 * int(reading.index or 1) - 2, 1)
    if g == "half":
        return date(year, 6 * int(reading.index or 1) - 5, 1)
    if g == "season":
        return cal.season_day(year, str(reading.index))
    if g == "week":
        return date.fromisocalendar(year, int(reading.index or 1), 1)
    return date(year, 1, 1)  # year, decade, century: `year` is their first year


def _valid_day(year: int, month: int | None, day: int | None) -> bool:
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _choose(
    candidates: list[date], ref: date, granularity: str, direction: int | None, tense: int
) -> date:
    """Pick the instance of a recurring calendar unit that the words and tense point to."""
    if not candidates:
        raise ValueError("no valid date")
    current = cal.unit_interval(granularity, ref)
    spans = [(cal.unit_interval(granularity, c), c) for c in candidates]
    if direction == PAST:
        before = [c for span, c in spans if span.end < current.begin]
        return max(before) if before else min(candidates)
    if direction == NEXT:
        after = [c for span, c in spans if span.begin > current.end]
        return min(after) if after else max(candidates)
    if direction == THIS:
        same_year = [c for c in candidates if c.year == ref.year]
        return same_year[0] if same_year else candidates[len(candidates) // 2]
    if tense == TENSE_PAST:
        before = [c for span, c in spans if span.begin <= ref]
        return max(before) if before else min(candidates)
    if tense == TENSE_FUTURE:
        after = [c for span, c in spans if span.end >= ref]
        return min(after) if after else max(candidates)

    # Unknown tense: the nearest instance, preferring the past on a tie (news reports).
    def distance(item: tuple[Interval, date]) -> tuple[int, int]:
        span, _ = item
        if span.begin <= ref <= span.end:
            return (0, 0)
        if span.end < ref:
            return ((ref - span.end).days, 0)
        return ((span.begin - ref).days, 1)

    return min(spans, key=distance)[1]


def _weekday(reading: WeekdayRef, ctx: Context) -> Resolution:
    ref = ctx.dct
    delta = reading.weekday - ref.isoweekday()
    if reading.direction == THIS:
        day = ref + timedelta(days=delta)
    elif reading.direction == PAST:
        day = ref + timedelta(days=delta if delta < 0 else delta - 7)
    elif reading.direction == NEXT or ctx.tense == TENSE_FUTURE:
        day = ref + timedelta(days=delta if delta > 0 else delta + 7)
    else:  # said Friday: the most recent one, the publication day itself included
        day = ref + timedelta(days=delta if delta <= 0 else delta - 7)
    return _point("day", day, reading.time, reading.mod, "dct")


def _relative(reading: RelativeRef, ctx: Context) -> Resolution:
    anchor, base = "dct", Reference(ctx.dct, "day")
    if reading.anaphoric and ctx.narrative is not None:
        anchor, base = "narrative", ctx.narrative
    granularity = reading.granularity
    if anchor == "narrative" and _coarser(base.granularity, granularity):
        # "the next day" after "in March": the result is known only to the month.
        granularity = base.granularity
    elif (
        anchor == "narrative"
        and not _coarser(reading.unit, base.granularity)
        and (_coarser(base.granularity, "day"))
    ):
        # "a year earlier" after "the third quarter": the same quarter, a year before.
        granularity = base.granularity
    day = cal.shift(reading.unit, base.day, reading.offset)
    return _point(granularity, day, reading.time, reading.mod, anchor)


def _coarser(a: str, b: str) -> bool:
    """Is granularity `a` coarser than `b`?"""
    order = {g: i for i, g in enumerate(GRANULARITIES)}
    order["weekend"] = order["week"]
    order["fortnight"] = order["week"]
    order["night"] = order["day"]
    order["hour"] = order["minute"] = order["second"] = order["time"]
    return order.get(a, 0) > order.get(b, 0)


def duration_value(amount: float | None, unit: str) -> str:
    """The TimeML duration value: "P3M", "PT5H", "PXY"; 24 hours is "P1D"."""
    time_part, code, factor = _DURATION_CODES[unit]
    if amount is None:
        return f"P{time_part}X{code}"
    amount = amount * factor
    if unit == "hour" and amount % 24 == 0:
        return f"P{int(amount // 24)}D"
    number = int(amount) if float(amount).is_integer() else amount
    return f"P{time_part}{number}{code}"


def _duration(reading: DurationRef, ctx: Context) -> Resolution:
    value = duration_value(reading.amount, reading.unit)
    if reading.amount is None or reading.direction not in (PAST, NEXT):
        return Resolution("DURATION", value, reading.mod)
    ref = ctx.dct
    unit = reading.unit
    if unit in _UNIT_DAYS:
        days = max(1, round(reading.amount * _UNIT_DAYS[unit]))
        other = ref + timedelta(days=-days if reading.direction == PAST else days)
        granularity = "day"
    else:
        _, _, factor = _DURATION_CODES[unit]
        steps = round(reading.amount * factor)
        base_unit = {"W": "week", "WE": "week", "M": "month", "Y": "year"}[_DURATION_CODES[unit][1]]
        other = cal.shift(base_unit, ref, -steps if reading.direction == PAST else steps)
        granularity = "day"
    begin, end = (other, ref) if reading.direction == PAST else (ref, other)
    return Resolution("DURATION", value, reading.mod, Interval(begin, end, granularity), "dct")
