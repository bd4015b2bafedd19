"""What an expression means before it is anchored: the grammar's output, the anchor's input.

A reading knows what the words say ("the Friday before the reference", "August of an
unknown year", "three months back from the reference") but not which calendar day
that is; `timeline.resolve.anchor` decides that, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

# Directions: how a named unit relates to the reference ("last August" = -1).
PAST, THIS, NEXT = -1, 0, 1


@dataclass(frozen=True, slots=True)
class CalendarDate:
    """A date named by the calendar, possibly without its year or month ("Oct. 10", "August").

    `granularity` is the unit named: day, week, month, quarter, half, season, year,
    decade or century. `index` holds the quarter/half number or the season code.
    `direction` places a year-less date relative to the reference ("last August");
    None means by the tense of the sentence.
    """

    granularity: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    index: int | str | None = None
    direction: int | None = None
    time: str = ""  # TimeML time part without the T: "20:00", "NI", "MO"
    mod: str = ""
    relative_year: int | None = None  # "January this year" (0), "July last year" (-1)
    shift_years: int = 0  # "the year-ago third quarter" (-1)
    fiscal: bool = False  # "the fiscal first quarter": a company's, not the calendar's
    two_digit_year: bool = False  # "1.9.39": the century is the reference's, or the one before
    # a time limit: 1 "by June" (in the future tense, not already over), 2 a present
    # validity ("the programme runs through June": not over unless the clause is past)
    limit: int = 0


@dataclass(frozen=True, slots=True)
class HolidayRef:
    """A holiday ("Thanksgiving Day", "last Easter", "Christmas 2009"), or the week that
    holds it ("Easter week"); `rule` is its rule in the language data."""

    rule: tuple
    year: int | None = None
    direction: int | None = None
    week: bool = False


@dataclass(frozen=True, slots=True)
class WeekdayRef:
    """A day of the week ("Friday", "last Friday", "on Friday night"); `anaphoric` ones
    ("the previous Friday") count from the narrative date."""

    weekday: int  # ISO, Monday = 1
    direction: int | None = None
    time: str = ""
    mod: str = ""
    anaphoric: bool = False
    weekend: bool = False  # "the weekend": the Saturday-Sunday around `weekday`


@dataclass(frozen=True, slots=True)
class RelativeRef:
    """A unit counted from a reference: "yesterday", "last week", "two weeks ago".

    `anaphoric` readings ("the next day", "a year earlier") count from the date the
    narrative is at when there is one; the others count from the publication date.
    `granularity` is the unit of the result ("last week" is a week, "two days ago" a
    day); None keeps the granularity of the reference ("a year earlier" than a quarter
    is a quarter). `comparison` marks year-ago comparisons ("a year ago", "year-earlier"),
    which count back from the period a report is about and do not move the narrative.
    """

    unit: str
    offset: int
    granularity: str | None
    anaphoric: bool = False
    time: str = ""
    mod: str = ""
    comparison: bool = False
    news: bool = False  # "ended the day at 8,017": the day the article's news happened
    stays: bool = False  # "Ende des Jahres": a part of the unit the text is in, where it stays


@dataclass(frozen=True, slots=True)
class PeriodRef:
    """The period a report is about: "the quarter", "the latest period", "the year",
    "the year-ago quarter" (`years` = -1), "the 1988 period" (`year` = 1988)."""

    unit: str  # quarter, year, or "period" (whatever the report's period is)
    years: int = 0
    year: int | None = None
    mod: str = ""
    latest: bool = False  # "the latest fiscal year": the last complete one
    current: bool = False  # "the current quarter": the one the DCT is in
    anaphoric: bool = False  # "that year": the narrative's


@dataclass(frozen=True, slots=True)
class DurationRef:
    """A length of time; `direction` PAST/NEXT anchors it ending/starting at the reference.

    `amount` None is an unspecified quantity ("several years" → PXY).
    """

    amount: float | None
    unit: str
    direction: int | None = None
    mod: str = ""


@dataclass(frozen=True, slots=True)
class VagueRef:
    """PRESENT_REF, PAST_REF or FUTURE_REF (or an unspecified value such as "PXY"): a time
    with no calendar place."""

    value: str
    type: str = "DATE"
    # "" always; "not_past": not in a past-tense clause ("soon"); "future": only in a
    # future one ("will decide later"; "he later said" orders events, it names no time)
    when: str = ""


@dataclass(frozen=True, slots=True)
class SetRef:
    """A recurring time ("every Friday", "monthly"): never an event."""

    value: str
    quant: str = ""


Reading = (
    CalendarDate
    | HolidayRef
    | WeekdayRef
    | RelativeRef
    | PeriodRef
    | DurationRef
    | VagueRef
    | SetRef
)
