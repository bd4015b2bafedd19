"""Anchoring: the one place where a reading becomes a TimeML value and a calendar interval.

Deictic expressions ("Friday", "last week", "two weeks ago") count from the
publication date (DCT). Anaphoric ones ("the next day", "a year earlier", "the quarter")
count from the narrative date: the last date the text placed itself at, or the DCT when
there is none, and keep its granularity ("a year earlier" after "the third quarter" is
the third quarter of the year before). Year-less dates ("August", "Oct. 10") take the
nearest year, weighed by the tense of the sentence: a clear past or future tense
outweighs being nearer by up to `CONTRARY_TENSE_DAYS`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.models import GRANULARITIES, Interval
from timeline.resolve import calendar as cal
from timeline.resolve.readings import (
    NEXT,
    PAST,
    THIS,
    CalendarDate,
    DurationRef,
    HolidayRef,
    PeriodRef,
    Reading,
    RelativeRef,
    SetRef,
    VagueRef,
    WeekdayRef,
)

# Tense of the sentence around an expression.
TENSE_PAST, TENSE_UNKNOWN, TENSE_FUTURE = -1, 0, 1
# How many days nearer an instance against the tense must be to win ("expire Nov. 21"
# said on Nov. 2 in a past-tense sentence is still this November).
CONTRARY_TENSE_DAYS = 270
# In a narrative, a year-less date is in the year the story is at unless another year's
# instance is this many days nearer (a chronology crossing New Year).
STORY_OTHER_YEAR_DAYS = 120
# Without a tense, news reports what happened: a future instance needs to be this much
# nearer than the past one.
UNKNOWN_TENSE_FUTURE_DAYS = 120

_DURATION_CODES = {
    "second": ("T", "S", 1), "minute": ("T", "M", 1), "hour": ("T", "H", 1),
    "day": ("", "D", 1), "night": ("", "D", 1), "week": ("", "W", 1), "weekend": ("", "WE", 1),
    "fortnight": ("", "W", 2), "month": ("", "M", 1), "quarter": ("", "Q", 1),
    "season": ("", "M", 3), "half": ("", "M", 6), "year": ("", "Y", 1),
    "decade": ("", "Y", 10), "century": ("", "Y", 100), "millennium": ("", "Y", 1000),
}  # fmt: skip
# (decades and centuries are written in years, "P10Y", as the TimeML corpora write them)
_UNSPECIFIED_CODES = {"century": "C", "millennium": "L"}
_DURATION_MONTHS = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200, "L": 12000}
_UNIT_DAYS = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1, "night": 1}
# Periods that company and economic reports are about; "a year ago" there is the same
# period a year before.
REPORTING_PERIODS = ("quarter", "half", "month")
_ORDER = {g: i for i, g in enumerate(GRANULARITIES)} | {
    "weekend": GRANULARITIES.index("week"),
    "fortnight": GRANULARITIES.index("week"),
    "night": GRANULARITIES.index("day"),
    "hour": 0, "minute": 0, "second": 0,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reference:
    """A point the text is at: a day and the granularity it is known to. A fiscal
    quarter is not a calendar quarter: it is a place in the text, never a report's period."""

    day: date
    granularity: str
    fiscal: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What an expression is anchored in: the publication date, the narrative date (the
    last date placed), the report's period (the first quarter or half the text named,
    which year-ago comparisons count back from) and the tense of the clause."""

    dct: date
    narrative: Reference | None = None
    tense: int = TENSE_UNKNOWN
    report: Reference | None = None
    # a narrative document (a history): what counts from now counts from the narrative
    story: bool = False

    def reporting_period(self) -> Reference | None:
        """The period a report is about: its first quarter, else a current month or quarter."""
        if self.report is not None:
            return self.report
        narrative = self.narrative
        if narrative is not None and narrative.granularity in REPORTING_PERIODS:
            return narrative
        return None


@dataclass(frozen=True, slots=True)
class Resolution:
    type: str
    value: str
    mod: str = ""
    interval: Interval | None = None
    anchor: str = ""  # "dct", "narrative" or "" (absolute)
    reference: Reference | None = None  # where the narrative moves to, if it moves


def resolve(reading: Reading, ctx: Context) -> Resolution | None:
    """Anchor `reading` in `ctx`; None when it cannot be placed (an impossible date)."""
    try:
        if isinstance(reading, CalendarDate):
            return _calendar(reading, ctx)
        if isinstance(reading, WeekdayRef):
            return _weekday(reading, ctx)
        if isinstance(reading, HolidayRef):
            return _holiday(reading, ctx)
        if isinstance(reading, RelativeRef):
            return _relative(reading, ctx)
        if isinstance(reading, PeriodRef):
            return _period(reading, ctx)
        if isinstance(reading, DurationRef):
            return _duration(reading, ctx)
        if isinstance(reading, VagueRef):
            if (
                (reading.when == "not_past" and ctx.tense == TENSE_PAST)
                or (reading.when == "future" and ctx.tense != TENSE_FUTURE)
                or (reading.when == "narrative" and not ctx.story)
            ):
                return None
            return Resolution(reading.type, reading.value)
        if isinstance(reading, SetRef):
            return Resolution("SET", reading.value)
    except (ValueError, OverflowError):
        return None
    raise TypeError(f"not a reading: {reading!r}")


def coarser(a: str, b: str) -> bool:
    """Is granularity `a` coarser than `b`?"""
    return _ORDER.get(a, 0) > _ORDER.get(b, 0)


def _point(
    granularity: str, day: date, time: str, mod: str, anchor: str, moves: bool = True
) -> Resolution:
    """The resolution of a single calendar unit (with an optional time of day)."""
    interval = cal.sub_interval(cal.unit_interval(granularity, day), mod)
    value = cal.format_value(granularity, day)
    kind = "DATE"
    if time and granularity == "day":
        value = f"{value}T{time}"
        kind = "TIME"
    reference = Reference(day, granularity) if moves else None
    return Resolution(kind, value, mod, interval, anchor, reference)


# -- dates named by the calendar ----------------------------------------------------


def _calendar(reading: CalendarDate, ctx: Context) -> Resolution:
    g = reading.granularity
    ref = ctx.dct
    anchor = "dct"
    story = ctx.narrative if ctx.story else None
    if story is not None:  # a narrative: a date without its year is in the story's time
        ref, anchor = story.day, "narrative"
    if reading.two_digit_year and reading.year is not None:
        # "1.9.39" said in 2011 is 1939: the latest such year at most ten years ahead
        base = ref.year // 100 * 100 + reading.year % 100
        reading = replace(reading, year=base if base <= ref.year + 10 else base - 100)
    if reading.year is not None or reading.relative_year is not None:
        year = reading.year if reading.year is not None else ref.year + reading.relative_year
        day = _calendar_day(reading, year, reading.month)
        anchor = "" if reading.year is not None else "dct"
    elif g == "quarter" and reading.direction is None:
        day = _quarter_day(int(reading.index or 1), ref, ctx.tense)
    elif reading.month is None and g == "day":
        # "the 10th": this month or the one before/after.
        months = (cal.add_months(ref, -1), ref, cal.add_months(ref, 1))
        candidates = [
            date(d.year, d.month, reading.day)
            for d in months
            if _valid_day(d.year, d.month, reading.day)
        ]
        day = _choose(candidates, ref, g, reading.direction, ctx.tense)
    else:
        candidates = [
            _calendar_day(reading, year, reading.month)
            for year in (ref.year - 1, ref.year, ref.year + 1)
            if g != "day" or _valid_day(year, reading.month, reading.day)
        ]
        if story is not None and reading.direction is None:
            day = _in_story(candidates, story, g)
        elif reading.direction is None and (
            (reading.limit == 1 and ctx.tense == TENSE_FUTURE)
            or (reading.limit == 2 and ctx.tense != TENSE_PAST)
        ):
            # "must decide by June", "the programme runs through June": a limit set now is
            # not over yet: the first such month that has not ended
            current = cal.unit_interval(g, ref)
            open_ = [c for c in candidates if cal.unit_interval(g, c).end >= current.begin]
            day = min(open_) if open_ else _choose(candidates, ref, g, None, ctx.tense)
        else:
            day = _choose(candidates, ref, g, reading.direction, ctx.tense)
    if reading.shift_years:
        day = cal.shift("year", day, reading.shift_years)
    resolution = _point(g, day, reading.time, reading.mod, anchor, moves=not reading.shift_years)
    if reading.fiscal and resolution.reference is not None:
        return replace(resolution, reference=replace(resolution.reference, fiscal=True))
    return resolution


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
    if g == "week" and month is not None:  # "the week of March 6", "the last week of May"
        last = cal.month_end(year, month).day
        return date(year, month, min(reading.day or last - 3, last))
    if g == "week":
        return date.fromisocalendar(year, int(reading.index or 1), 1)
    return date(year, 1, 1)  # year, decade, century: `year` is their first year


def _valid_day(year: int, month: int | None, day: int | None) -> bool:
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _quarter_day(index: int, ref: date, tense: int) -> date:
    """A quarter named without a year: reports name the current quarter or past ones, so
    the latest quarter with that number, unless a later-numbered quarter is spoken of
    in the future tense (this year's, still to come)."""
    current = (ref.month - 1) // 3 + 1
    year = ref.year - 1 if index > current and tense != TENSE_FUTURE else ref.year
    return date(year, 3 * index - 2, 1)


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

    def cost(item: tuple[Interval, date]) -> tuple[int, int]:
        span, _ = item
        if span.begin <= ref <= span.end:
            return (0, 0)
        if span.end < ref:
            penalty = CONTRARY_TENSE_DAYS if tense == TENSE_FUTURE else 0
            return ((ref - span.end).days + penalty, 0)
        penalty = {TENSE_PAST: CONTRARY_TENSE_DAYS, TENSE_UNKNOWN: UNKNOWN_TENSE_FUTURE_DAYS}.get(
            tense, 0
        )
        return ((span.begin - ref).days + penalty, 1)

    return min(spans, key=cost)[1]


def _in_story(candidates: list[date], story: Reference, granularity: str) -> date:
    """The instance a narrative means: inside the unit it is at when that unit is coarser
    ("3 September" after "1939" is in 1939), else the nearest to where it is, before or
    after (a history moves both ways)."""
    if not candidates:
        raise ValueError("no valid date")
    if coarser(story.granularity, granularity):
        span = cal.unit_interval(story.granularity, story.day)
        inside = [c for c in candidates if span.begin <= c <= span.end]
        if inside:
            return inside[0]

    def distance(day: date) -> int:
        span = cal.unit_interval(granularity, day)
        if span.begin <= story.day <= span.end:
            return 0
        days = min(abs((span.begin - story.day).days), abs((span.end - story.day).days))
        # the story's own year, unless another is much nearer ("20 December ... 5 January")
        return days if day.year == story.day.year else days + STORY_OTHER_YEAR_DAYS

    return min(candidates, key=distance)


def _holiday(reading: HolidayRef, ctx: Context) -> Resolution:
    """A holiday's day in the year it names, else the nearest one the tense allows."""
    if reading.year is not None:
        day, anchor = cal.holiday_day(reading.rule, reading.year), ""
    else:
        ref = ctx.narrative.day if ctx.story and ctx.narrative is not None else ctx.dct
        years = (ref.year - 1, ref.year, ref.year + 1)
        candidates = [cal.holiday_day(reading.rule, year) for year in years]
        day = _choose(candidates, ref, "day", reading.direction, ctx.tense)
        anchor = "dct" if ref is ctx.dct else "narrative"
    return _point("week" if reading.week else "day", day, "", "", anchor)


# -- days of the week ---------------------------------------------------------------


def _weekday(reading: WeekdayRef, ctx: Context) -> Resolution:
    anchor, ref = "dct", ctx.dct
    narrative = ctx.narrative
    if (
        (reading.anaphoric or ctx.story)
        and narrative is not None
        and not coarser(narrative.granularity, "week")
    ):
        anchor, ref = "narrative", narrative.day
    delta = reading.weekday - ref.isoweekday()
    if reading.direction == THIS:
        day = ref + timedelta(days=delta)
    elif reading.direction == PAST:
        day = ref + timedelta(days=delta if delta < 0 else delta - 7)
    elif reading.direction == NEXT or ctx.tense == TENSE_FUTURE:
        # "snow will disrupt travel on Friday" said on a Friday is that day (news names a
        # later Friday "next Friday" or by its date); "next Friday" is a week away
        today = delta == 0 and reading.direction is None
        day = ref + timedelta(days=delta if delta > 0 or today else delta + 7)
    elif reading.weekend and ref.isoweekday() == 7:
        day = ref - timedelta(days=1)  # "the weekend" said on a Sunday: this one
    else:  # said Friday: the most recent one, the publication day itself included
        day = ref + timedelta(days=delta if delta <= 0 else delta - 7)
    granularity = "weekend" if reading.weekend else "day"
    return _point(granularity, day, reading.time, reading.mod, anchor)


# -- counted from a reference ---------------------------------------------------------


def _relative(reading: RelativeRef, ctx: Context) -> Resolution | None:
    """Count `offset` units from the DCT or, for anaphoric readings, the narrative date.

    A reading without its own granularity ("a year earlier") lands at the granularity of
    what it counts from; one with a unit ("the next week") is never finer than that.
    """
    today = (reading.unit, reading.offset, reading.time) == ("day", 0, "")
    if ctx.story and not reading.anaphoric and today:
        return Resolution("DATE", "PRESENT_REF")  # a history's "today": the present
    base = ctx.narrative if reading.anaphoric or ctx.story else None
    if base is not None and reading.time and base.granularity != "day":
        if ctx.story:
            return None  # a history's "in the night" after "in April 1945": no day to take
        base = None  # "at 3 p.m." needs a day: after "in March" it is the publication day's
    period = ctx.reporting_period()
    if reading.comparison and period is not None and coarser(reading.unit, period.granularity):
        base = period  # "a year ago" in a report about a quarter: that quarter a year before
    on_narrative = base is not None
    if base is not None:
        anchor = "narrative"
    else:
        anchor, base = "dct", Reference(ctx.dct, "day")
    granularity = reading.granularity or base.granularity
    if on_narrative and reading.comparison and base.granularity in REPORTING_PERIODS:
        granularity = base.granularity
    if coarser(base.granularity, granularity):
        granularity = base.granularity  # "the next day" after "in March" is known to the month
    day = cal.shift(reading.unit, base.day, reading.offset)
    moves = reading.offset >= 0 and not reading.comparison and not reading.stays
    return _point(granularity, day, reading.time, reading.mod, anchor, moves)


def _period(reading: PeriodRef, ctx: Context) -> Resolution:
    """ "The quarter", "the latest period", "the year-ago quarter", "the 1988 period": the
    period the text is reporting on (the narrative's quarter, month or half), else the
    latest complete quarter before the DCT, or for "the year" the DCT's year."""
    narrative = ctx.narrative
    unit = reading.unit
    if reading.anaphoric and narrative is not None and not coarser(narrative.granularity, unit):
        day = cal.shift("year", narrative.day, reading.years)
        return _point(unit, day, "", reading.mod, "narrative", moves=False)
    if reading.anaphoric and unit in ("month", "week", "day"):
        # "the same month a year ago" with no month named: the publication's month
        day = cal.shift("year", ctx.dct, reading.years)
        return _point(unit, day, "", reading.mod, "dct", moves=False)
    period = ctx.reporting_period()
    fits = (
        not (reading.current or reading.latest)
        and period is not None
        and (unit != "quarter" or period.granularity == unit)
    )
    if fits:
        anchor = "narrative"
        granularity = period.granularity if unit == "period" else unit
        day = period.day
    else:
        anchor = "dct"
        granularity = "quarter" if unit == "period" else unit
        latest = reading.latest or unit != "year"
        day = cal.shift(granularity, ctx.dct, -1) if latest and not reading.current else ctx.dct
    if reading.year is not None:
        day = date(reading.year, day.month, 1)
        anchor = ""
    day = cal.shift("year", day, reading.years)
    # "the year-ago quarter", "the 1988 period" are comparisons: the report stays where it is
    moves = reading.years == 0 and reading.year is None
    return _point(granularity, day, "", reading.mod, anchor, moves=moves)


# -- lengths of time ----------------------------------------------------------------


# How a fraction of a unit is written in the next smaller one ("a minute and a half").
_FRACTIONS = {
    ("", "Y"): ("", "M", 12), ("", "M"): ("", "D", 30), ("", "W"): ("", "D", 7),
    ("", "D"): ("T", "H", 24), ("T", "H"): ("T", "M", 60), ("T", "M"): ("T", "S", 60),
}  # fmt: skip


def duration_value(amount: float | None, unit: str) -> str:
    """The TimeML duration value: "P3M", "PT5H", "PXY", "PT1M30S"; the unit is the one
    written ("72 hours" is PT72H, not P3D), as TimeML values keep the expression's unit."""
    time_part, code, factor = _DURATION_CODES[unit]
    if amount is None:  # "for centuries" PXC: with no number, the unit is the only content
        return f"P{time_part}X{_UNSPECIFIED_CODES.get(unit, code)}"
    amount = amount * factor
    whole = int(amount)
    if amount == whole:
        return f"P{time_part}{whole}{code}"
    if (time_part, code) not in _FRACTIONS:
        return f"P{time_part}{amount:g}{code}"
    small_part, small_code, per = _FRACTIONS[(time_part, code)]
    rest = round((amount - whole) * per)
    head = f"{whole}{code}" if whole else ""
    if small_part and not time_part:
        return f"P{head}T{rest}{small_code}"  # "a day and a half": P1DT12H
    return f"P{time_part}{head}{rest}{small_code}"


def _duration(reading: DurationRef, ctx: Context) -> Resolution:
    value = duration_value(reading.amount, reading.unit)
    if reading.amount is None or reading.direction not in (PAST, NEXT):
        return Resolution("DURATION", value, reading.mod)
    ref = ctx.dct
    unit = reading.unit
    forward = reading.direction == NEXT
    if unit in _UNIT_DAYS:
        days = max(1, round(reading.amount * _UNIT_DAYS[unit]))
        other = ref + timedelta(days=days if forward else -days)
    else:
        _, code, factor = _DURATION_CODES[unit]
        if code in ("W", "WE"):
            weeks = round(reading.amount * factor)
            other = ref + timedelta(weeks=weeks if forward else -weeks)
        else:
            months = round(reading.amount * factor * _DURATION_MONTHS[code])
            other = cal.add_months(ref, months if forward else -months)
    begin, end = (ref, other) if forward else (other, ref)
    return Resolution("DURATION", value, reading.mod, Interval(begin, end, "day"), "dct")
