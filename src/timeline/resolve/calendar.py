"""Calendar arithmetic at a granularity, and TimeML values ↔ intervals.

Every calendar unit is handled by three functions of a granularity and a date inside
the unit: `shift` (move n units), `unit_interval` (its first and last day) and
`format_value` (its TimeML value). Seasons are meteorological (northern hemisphere):
spring is March-May, summer June-August, autumn September-November, and winter is
December-February, named by the year of its December ("2025-WI" = Dec 2025-Feb 2026).
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

from timeline.models import Interval

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_OF_MONTH = {
    12: "WI",
    1: "WI",
    2: "WI",
    3: "SP",
    4: "SP",
    5: "SP",
    6: "SU",
    7: "SU",
    8: "SU",
    9: "FA",
    10: "FA",
    11: "FA",
}
MIN_YEAR, MAX_YEAR = 1, 9999


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, MIN_YEAR), MAX_YEAR)
    last = _cal.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(granularity: str, day: date, n: int) -> date:
    """A day inside the unit `n` units of `granularity` away from the one holding `day`."""
    if n == 0:
        return day
    if granularity in ("day", "time"):
        return day + timedelta(days=n)
    if granularity in ("week", "weekend"):
        return day + timedelta(weeks=n)
    if granularity == "fortnight":
        return day + timedelta(weeks=2 * n)
    months = {
        "month": 1,
        "quarter": 3,
        "season": 3,
        "half": 6,
        "year": 12,
        "decade": 120,
        "century": 1200,
    }.get(granularity)
    if months is None:
        raise ValueError(f"unknown granularity {granularity!r}")
    return add_months(day, months * n)


def unit_interval(granularity: str, day: date) -> Interval:
    """The whole unit of `granularity` that contains `day`."""
    year, month = day.year, day.month
    if granularity in ("day", "time"):
        begin = end = day
    elif granularity == "week":
        begin = day - timedelta(days=day.isoweekday() - 1)
        end = begin + timedelta(days=6)
    elif granularity == "weekend":
        begin = day - timedelta(days=day.isoweekday() - 6)
        end = begin + timedelta(days=1)
    elif granularity == "month":
        begin, end = date(year, month, 1), date(year, month, _cal.monthrange(year, month)[1])
    elif granularity == "quarter":
        first = 3 * ((month - 1) // 3) + 1
        begin, end = date(year, first, 1), month_end(year, first + 2)
    elif granularity == "half":
        first = 1 if month <= 6 else 7
        begin, end = date(year, first, 1), month_end(year, first + 5)
    elif granularity == "season":
        code = _SEASON_OF_MONTH[month]
        start_year = year - 1 if month < 3 else year
        begin = date(start_year, SEASON_START_MONTH[code], 1)
        end = add_months(begin, 2)
        end = month_end(end.year, end.month)
    elif granularity == "year":
        begin, end = date(year, 1, 1), date(year, 12, 31)
    elif granularity == "decade":
        first = year - year % 10
        begin, end = date(max(first, MIN_YEAR), 1, 1), date(first + 9, 12, 31)
    elif granularity == "century":
        first = year - year % 100
        begin, end = date(max(first, MIN_YEAR), 1, 1), date(min(first + 99, MAX_YEAR), 12, 31)
    else:
        raise ValueError(f"unknown granularity {granularity!r}")
    return Interval(begin, end, "day" if granularity == "time" else granularity)


def format_value(granularity: str, day: date) -> str:
    """The TimeML value of the unit of `granularity` that contains `day`."""
    year, month = day.year, day.month
    if granularity in ("day", "time"):
        return day.isoformat()
    if granularity in ("week", "weekend"):
        iso_year, week, _ = day.isocalendar()
        return f"{iso_year:04d}-W{week:02d}" + ("-WE" if granularity == "weekend" else "")
    if granularity == "month":
        return f"{year:04d}-{month:02d}"
    if granularity == "quarter":
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{year:04d}-H{1 if month <= 6 else 2}"
    if granularity == "season":
        code = _SEASON_OF_MONTH[month]
        return f"{year - 1 if month < 3 else year:04d}-{code}"
    if granularity == "year":
        return f"{year:04d}"
    if granularity == "decade":
        return f"{year // 10:03d}"
    if granularity == "century":
        return f"{year // 100:02d}"
    raise ValueError(f"unknown granularity {granularity!r}")


def season_day(year: int, code: str) -> date:
    """First day of the season `code` of `year` (winter: the December that opens it)."""
    return date(year, SEASON_START_MONTH[code], 1)


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    n = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * n) // 451
    month, day = divmod(h + n - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Easter Sunday of the Orthodox churches (the Julian computus, as a Gregorian date)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_offset = year // 100 - year // 400 - 2  # 13 days in 1900-2099
    return date(year, month, day + 1) + timedelta(days=julian_offset)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The `n`th ISO `weekday` of a month (n = -1: the last), "the fourth Thursday"."""
    if n < 0:
        last = month_end(year, month)
        return last - timedelta(days=(last.isoweekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))


def holiday_day(spec: tuple, year: int) -> date:
    """The day of a holiday in `year`, from its rule in the language data."""
    kind = spec[0]
    if kind == "fixed":
        return date(year, spec[1], spec[2])
    if kind == "nth":
        return nth_weekday(year, spec[1], spec[2], spec[3])
    if kind == "easter":
        return easter_sunday(year) + timedelta(days=spec[1])
    if kind == "orthodox_easter":
        return orthodox_easter(year) + timedelta(days=spec[1])
    if kind == "after_first":  # US Election Day: the Tuesday after the first Monday
        return nth_weekday(year, spec[1], spec[3], 1) + timedelta(days=(spec[2] - spec[3]) % 7 or 7)
    raise ValueError(f"unknown holiday rule {spec!r}")


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


_VALUE = re.compile(
    r"^(?:(?P<day>\d{4}-\d{2}-\d{2})(?:T.*)?"
    r"|(?P<wyear>\d{4})-W(?P<week>\d{2})(?P<we>-WE)?"
    r"|(?P<myear>\d{4})-(?P<month>\d{2})"
    r"|(?P<qyear>\d{4})-Q(?P<quarter>[1-4])"
    r"|(?P<hyear>\d{4})-H(?P<half>[12])"
    r"|(?P<syear>\d{4})-(?P<season>SP|SU|FA|WI)"
    r"|(?P<year>\d{4})|(?P<decade>\d{3})|(?P<century>\d{2}))$"
)


def value_interval(value: str) -> Interval | None:
    """The interval a TimeML date value covers (`None` for vague or unanchored values)."""
    found = _VALUE.match(value)
    if not found:
        return None
    g = found.groupdict()
    try:
        if g["day"]:
            return unit_interval("day", date.fromisoformat(g["day"]))
        if g["wyear"]:
            monday = date.fromisocalendar(int(g["wyear"]), int(g["week"]), 1)
            return unit_interval("weekend" if g["we"] else "week", monday)
        if g["myear"]:
            return unit_interval("month", date(int(g["myear"]), int(g["month"]), 1))
        if g["qyear"]:
            return unit_interval("quarter", date(int(g["qyear"]), 3 * int(g["quarter"]) - 2, 1))
        if g["hyear"]:
            return unit_interval("half", date(int(g["hyear"]), 6 * int(g["half"]) - 5, 1))
        if g["syear"]:
            return unit_interval("season", season_day(int(g["syear"]), g["season"]))
        if g["year"]:
            return unit_interval("year", date(int(g["year"]), 1, 1))
        if g["decade"]:
            return unit_interval("decade", date(max(int(g["decade"]) * 10, 1), 1, 1))
        if g["century"]:
            return unit_interval("century", date(max(int(g["century"]) * 100, 1), 1, 1))
    except ValueError:
        return None
    return None


def sub_interval(interval: Interval, mod: str) -> Interval:
    """The part of `interval` a modifier points at: START/MID/END take a third of it."""
    if mod not in ("START", "MID", "END") or interval.days < 3:
        return interval
    third = interval.days // 3
    if mod == "START":
        return Interval(
            interval.begin, interval.begin + timedelta(days=third - 1), interval.granularity
        )
    if mod == "END":
        return Interval(
            interval.end - timedelta(days=third - 1), interval.end, interval.granularity
        )
    return Interval(
        interval.begin + timedelta(days=third),
        interval.end - timedelta(days=third),
        interval.granularity,
    )
