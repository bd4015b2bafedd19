"""Each thing the resolver handles (issue 3), one group of cases per item.

DCT is Friday 2025-10-10 unless a case says otherwise. A case gives the text, the
expression that must be found, its type and value, and optionally its interval.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.resolve import tag
from timeline.resolve.grammar import grammar
from timeline.resolve.tagger import (
    _REACH_AFTER,
    _WINDOW_AFTER,
    _propose,
    _union,
    _windows,
    quotation_spans,
    trigger_windows,
)

DCT = date(2025, 10, 10)


def find(text: str, expression: str, dct: date = DCT, language: str = "en"):
    found = [t for t in tag(text, dct, language) if t.text == expression]
    assert found, f"{expression!r} not found in {[(t.text, t.value) for t in tag(text, dct)]}"
    return found[0]


def check(text, expression, type_, value, begin=None, end=None, dct=DCT, language="en"):
    timex = find(text, expression, dct, language)
    assert (timex.type, timex.value) == (type_, value), (text, timex)
    if begin is not None:
        period = timex.period
        assert (period.begin.isoformat(), period.end.isoformat()) == (begin, end), (text, timex)
    return timex


WEEKDAYS = [
    ("The minister said Friday that talks had failed.", "Friday", "DATE", "2025-10-10"),
    ("Officials met on Tuesday.", "Tuesday", "DATE", "2025-10-07"),
    ("The ministers will meet on Tuesday.", "Tuesday", "DATE", "2025-10-14"),
    ("The summit is scheduled for Monday.", "Monday", "DATE", "2025-10-13"),
    ("Protesters gathered on Friday night.", "Friday night", "TIME", "2025-10-10TNI"),
    ("The talks collapsed last Wednesday.", "last Wednesday", "DATE", "2025-10-08"),
    ("They will vote next Monday.", "next Monday", "DATE", "2025-10-13"),
    ("The vote is this Sunday.", "this Sunday", "DATE", "2025-10-12"),
    ("The report was released early Tuesday.", "early Tuesday", "DATE", "2025-10-07"),
]


@pytest.mark.parametrize(("text", "expression", "type_", "value"), WEEKDAYS)
def test_weekdays_by_tense_and_context(text, expression, type_, value) -> None:
    check(text, expression, type_, value)


RELATIVE_UNITS = [
    ("Sales fell last week.", "last week", "DATE", "2025-W40", "2025-09-29", "2025-10-05"),
    ("Rates rose last month.", "last month", "DATE", "2025-09", "2025-09-01", "2025-09-30"),
    ("Profits rose last year.", "last year", "DATE", "2024", "2024-01-01", "2024-12-31"),
    ("The plant opens next year.", "next year", "DATE", "2026", None, None),
    ("Prices climbed this month.", "this month", "DATE", "2025-10", None, None),
    (
        "Sales will recover in the coming quarter.",
        "the coming quarter",
        "DATE",
        "2026-Q1",
        None,
        None,
    ),
    ("The deal closed last quarter.", "last quarter", "DATE", "2025-Q3", None, None),
    ("Tourism boomed last summer.", "last summer", "DATE", "2025-SU", "2025-06-01", "2025-08-31"),
    ("She wrote the letter last August.", "last August", "DATE", "2025-08", None, None),
    ("She wrote the letter in August.", "August", "DATE", "2025-08", None, None),
    ("The election will be held in March.", "March", "DATE", "2026-03", None, None),
    ("The plant closed in March.", "March", "DATE", "2025-03", None, None),
    (
        "Sales slowed earlier this month.",
        "earlier this month",
        "DATE",
        "2025-10",
        "2025-10-01",
        "2025-10-10",
    ),
    (
        "The merger was agreed late last year.",
        "late last year",
        "DATE",
        "2024",
        "2024-09-01",
        "2024-12-31",
    ),
    (
        "The plant will close by the end of the year.",
        "the end of the year",
        "DATE",
        "2025",
        "2025-09-02",
        "2025-12-31",
    ),
    ("Talks will resume in mid-March.", "mid-March", "DATE", "2026-03", "2026-03-11", "2026-03-21"),
]


@pytest.mark.parametrize(("text", "expression", "type_", "value", "begin", "end"), RELATIVE_UNITS)
def test_last_next_this_and_month_names_by_tense(text, expression, type_, value, begin, end):
    check(text, expression, type_, value, begin, end)


DURATIONS = [
    (
        "Eight children were reunited in the past 24 hours.",
        "the past 24 hours",
        "PT24H",
        "2025-10-09",
        "2025-10-10",
    ),
    (
        "Prices doubled over the last three months.",
        "the last three months",
        "P3M",
        "2025-07-10",
        "2025-10-10",
    ),
    # "the past century" is the hundred years up to now; "last century" is the 1900s
    ("Worst flood of the past century.", "the past century", "P100Y", "1925-10-10", "2025-10-10"),
    ("Growth was slow in the last decade.", "the last decade", "P10Y", "2015-10-10", "2025-10-10"),
    ("The war lasted three years.", "three years", "P3Y", None, None),
    (
        "The talks will take the next two weeks.",
        "the next two weeks",
        "P2W",
        "2025-10-10",
        "2025-10-24",
    ),
    ("He waited a minute and a half.", "a minute and a half", "PT1M30S", None, None),
    ("They lived there for 2 1/2 years.", "2 1/2 years", "P2Y6M", None, None),
]


@pytest.mark.parametrize(("text", "expression", "value", "begin", "end"), DURATIONS)
def test_anchored_durations(text, expression, value, begin, end) -> None:
    timex = check(text, expression, "DURATION", value)
    if begin is None:
        assert timex.interval is None
    else:
        assert (timex.interval.begin.isoformat(), timex.interval.end.isoformat()) == (begin, end)


def test_relative_offsets_from_publication_and_narrative() -> None:
    ago = check("The ceasefire collapsed two weeks ago.", "two weeks ago", "DATE", "2025-W39")
    assert ago.anchor == "dct"
    text = (
        "The plant opened on June 3, 2021. Three days later, it closed. "
        "A year earlier, it was built."
    )
    later = check(text, "Three days later", "DATE", "2021-06-06")
    # an offset is known to the unit it counts (issue 11): "a year earlier" is a year
    earlier = check(text, "A year earlier", "DATE", "2020")
    assert later.anchor == earlier.anchor == "narrative"
    nxt = check(
        "On March 3, 2024 the dam broke. The next day, the town flooded.",
        "The next day",
        "DATE",
        "2024-03-04",
    )
    assert nxt.anchor == "narrative"
    alone = check("The next day, the town flooded.", "The next day", "DATE", "2025-10-11")
    assert alone.anchor == "dct"


def test_a_year_ago_in_a_quarterly_report_is_the_same_quarter_a_year_before() -> None:
    text = (
        "Acme's third-quarter profit rose 11% to $94 million from $85 million a year ago. "
        "Revenue in the latest quarter was $3 billion, compared with $2.9 billion in the "
        "year-earlier quarter."
    )
    dct = date(1989, 11, 2)
    check(text, "third-quarter", "DATE", "1989-Q3", dct=dct)
    check(text, "a year ago", "DATE", "1988-Q3", dct=dct)
    check(text, "the latest quarter", "DATE", "1989-Q3", dct=dct)
    check(text, "the year-earlier quarter", "DATE", "1988-Q3", dct=dct)


CALENDAR = [
    ("Revenue fell in the third quarter.", "the third quarter", "DATE", "2025-Q3"),
    ("Revenue fell in Q3 2024.", "Q3 2024", "DATE", "2024-Q3"),
    ("Revenue fell in fiscal 2024.", "fiscal 2024", "DATE", "2024"),
    ("Growth slowed in the first half of 2023.", "the first half of 2023", "DATE", "2023-H1"),
    ("It was built in the 1990s.", "the 1990s", "DATE", "199"),
    ("It was built in the late 1970s.", "the late 1970s", "DATE", "197"),
    ("Music changed in the nineties.", "the nineties", "DATE", "199"),
    ("It was founded in the 19th century.", "the 19th century", "DATE", "18"),
    ("The company was founded in 2009.", "2009", "DATE", "2009"),
    ("Flooding hit the region in the spring of 2024.", "the spring of 2024", "DATE", "2024-SP"),
    ("The plan is due this winter.", "this winter", "DATE", "2025-WI"),
    ("Elections follow in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996"),
]


@pytest.mark.parametrize(("text", "expression", "type_", "value"), CALENDAR)
def test_quarters_seasons_decades_centuries_years(text, expression, type_, value) -> None:
    check(text, expression, type_, value)


def test_ranges() -> None:
    text = "The exhibition ran from March to May 2024."
    check(text, "March", "DATE", "2024-03", "2024-03-01", "2024-05-31")
    check(text, "May 2024", "DATE", "2024-05", "2024-03-01", "2024-05-31")
    check("Sales grew between 2019 and 2021.", "2019", "DATE", "2019", "2019-01-01", "2021-12-31")
    # TimeML marks each end of a written range as a date of its own; both keep the range
    check("The fair runs Oct. 1-3.", "Oct. 1", "DATE", "2025-10-01", "2025-10-01", "2025-10-03")
    check("The fair runs Oct. 1-3.", "3", "DATE", "2025-10-03", "2025-10-01", "2025-10-03")
    text = "The fair ran Oct. 1-3, 2009."
    check(text, "Oct. 1", "DATE", "2009-10-01", "2009-10-01", "2009-10-03")
    check("Output rose in 2019-2021.", "2019", "DATE", "2019", "2019-01-01", "2021-12-31")
    check("Output rose in 2019-2021.", "2021", "DATE", "2021", "2019-01-01", "2021-12-31")
    check("The 1957-58 expedition.", "58", "DATE", "1958", "1957-01-01", "1958-12-31")
    text = "Ticket sales for the 2009-2010 season were strong."
    assert [(t.text, t.value) for t in tag(text, DCT)] == [("2009", "2009"), ("2010", "2010")]
    # two dates joined by "and" without "between" are a list, not a range
    assert all(t.range is None for t in tag("Sales rose in March and June.", DCT))


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Accidents in March and August 2006 hurt.", "March", "2006-03"),
        ("Passengers travelled in March and April of 2008.", "March", "2008-03"),
        ("A third wave came in January to April 1919.", "January", "1919-01"),
        ("The Washington Report, July/August 1998.", "July", "1998-07"),
        ("Snow fell in December and January 1941.", "December", "1940-12"),
    ],
)
def test_a_list_of_dates_shares_its_last_year(text: str, expression: str, value: str) -> None:
    """A year-less date joined to the next by "and", "to" or "/" is in that one's year (the
    latest not after it), never the publication's: "March and August 2006"."""
    found = {t.text: t.value for t in tag(text, DCT)}
    assert found[expression] == value, found


TIMES = [
    ("The speech began at 8 p.m.", "8 p.m.", "TIME", "2025-10-10T20:00"),
    ("The speech was at 8 p.m. Friday.", "8 p.m. Friday", "TIME", "2025-10-10T20:00"),
    ("Troops crossed the border this morning.", "this morning", "TIME", "2025-10-10TMO"),
    ("Shots were heard last night.", "last night", "TIME", "2025-10-09TNI"),
    ("The offer expires at midnight Friday.", "midnight Friday", "TIME", "2025-10-10T24:00"),
    ("Markets closed at 4:30 p.m. yesterday.", "4:30 p.m. yesterday", "TIME", "2025-10-09T16:30"),
]


@pytest.mark.parametrize(("text", "expression", "type_", "value"), TIMES)
def test_times_of_day(text, expression, type_, value) -> None:
    check(text, expression, type_, value)


def test_time_zones_are_kept_as_written() -> None:
    timex = check(
        "The polls will close at 8 p.m. EST Tuesday.",
        "8 p.m. EST Tuesday",
        "TIME",
        "2025-10-14T20:00",
    )
    assert timex.timezone == "EST"


VAGUE = [
    ("Prices are high now.", "now", "PRESENT_REF"),
    ("The firm currently employs 500 people.", "currently", "PRESENT_REF"),
    ("The firm recently hired 500 people.", "recently", "PAST_REF"),
    ("Such crises happened in the past.", "the past", "PAST_REF"),
    ("Nobody knows what the future holds.", "the future", "FUTURE_REF"),
]


@pytest.mark.parametrize(("text", "expression", "value"), VAGUE)
def test_vague_references(text, expression, value) -> None:
    timex = check(text, expression, "DATE", value)
    assert timex.interval is None  # never placed on the calendar


SETS = [
    ("The market opens every Friday.", "every Friday", "XXXX-WXX-5"),
    ("The report is published monthly.", "monthly", "P1M"),
    ("Inspectors visit each year.", "each year", "P1Y"),
    ("Trains leave twice a day.", "twice a day", "P1D"),
    ("The shop is closed on Sundays.", "Sundays", "XXXX-WXX-7"),
]


@pytest.mark.parametrize(("text", "expression", "value"), SETS)
def test_sets_are_recurring_and_never_placed(text, expression, value) -> None:
    timex = check(text, expression, "SET", value)
    assert timex.interval is None


NOT_DATES = [
    "The 55-year-old spoke to reporters.",
    "The eight-year-old boy was found.",
    "Shares rose 2.36% to $2,000.",
    "They sent 1,000 troops and 2000 tanks.",
    "The team won 3-2 and then 21-17.",
    "Boeing delivered a 747 and the Orion 1980 satellite.",
    "We will see what you may do.",
    "Protesters march through the city.",
    "Its quarterly dividend was cut.",
    "Iraq imports about three-quarters of its food.",
    "A second group arrived.",
    # times of day written as four digits are not years
    "Two of these 1500 personnel battle groups are ready.",
]


def test_an_offset_from_an_event_we_cannot_date_is_only_a_length() -> None:
    text = "The war began in March 2003. Fares rose a month after Qantas suspended flights."
    check(text, "a month", "DURATION", "P1M")
    check(
        "Banks wait at least 30 days before closing a sale.", "at least 30 days", "DURATION", "P30D"
    )
    # at the end of the clause it counts from the narrative date
    check(
        "The war began in March 2003. Two weeks after, Baghdad fell.",
        "Two weeks after",
        "DATE",
        "2003-03",
    )


def test_last_century_is_the_one_before_this() -> None:
    check("It was built last century.", "last century", "DATE", "19", "1900-01-01", "1999-12-31")


def test_years_of_long_ago_need_a_cue_and_chronologies_stay_years() -> None:
    check("The cathedral, founded in 1508, collapsed.", "1508", "DATE", "1508")
    check("The city has been a port since 1750.", "1750", "DATE", "1750")
    text = "Key dates. 2001 Attacks hit New York. 2003 The war begins. 2005 Elections are held."
    assert [t.value for t in tag(text, DCT)] == ["2001", "2003", "2005"]


@pytest.mark.parametrize("text", NOT_DATES)
def test_things_that_are_not_dates(text: str) -> None:
    assert [(t.text, t.type) for t in tag(text, DCT) if t.type != "DURATION"] == []
    assert not [t for t in tag(text, DCT) if t.interval is not None]


FORMATS = [
    ("Signed on 2025-10-10.", "2025-10-10", "2025-10-10", "en"),
    ("Signed on 10/03/2025.", "10/03/2025", "2025-10-03", "en"),
    ("Signed on 10/03/2025.", "10/03/2025", "2025-03-10", "en-GB"),
    ("Signed on 25/12/2024.", "25/12/2024", "2024-12-25", "en"),
    ("Signed on 10 October 2025.", "10 October 2025", "2025-10-10", "en"),
    ("Signed on Oct. 10th.", "Oct. 10th", "2025-10-10", "en"),
    ("Signed on Sept. 5.", "Sept. 5", "2025-09-05", "en"),
    ("Payment is due on the 15th.", "the 15th", "2025-10-15", "en"),
    ("It was signed on the 3rd.", "the 3rd", "2025-10-03", "en"),
    ("Signed on Friday, Oct. 3, 2025.", "Friday, Oct. 3, 2025", "2025-10-03", "en"),
]


@pytest.mark.parametrize(("text", "expression", "value", "language"), FORMATS)
def test_formats(text, expression, value, language) -> None:
    check(text, expression, "DATE", value, language=language)


def test_trigger_windows_find_what_a_full_scan_finds() -> None:
    """The speed-up (rules scan only near their trigger words) must not change results."""
    text = " ".join(t for t, *_ in WEEKDAYS + RELATIVE_UNITS + CALENDAR + TIMES + SETS)
    windowed = sorted(c[:4] for c in _propose(text, "en"))
    g = grammar("en")
    full = []
    for order, rule in enumerate(g.rules):
        for match in rule.pattern.finditer(text):
            reading = rule.handler(match, text)
            if reading is not None:
                span = match.span("span") if "span" in rule.pattern.groupindex else match.span()
                full.append((*span, order, rule.name))
    assert windowed == sorted(full)
    assert _windows(g.triggers["month"], "no months here") == []


def test_one_pass_over_the_words_finds_the_windows_of_one_pass_per_trigger() -> None:
    """Issue 14: trigger windows from one look-up per word (and a pass for each trigger
    that reaches across words) are the windows of a pass over the text per trigger."""
    from conftest import EXAMPLE_STORY

    texts = [p.read_text(encoding="utf-8") for p in EXAMPLE_STORY.glob("*.txt")]
    texts.append(
        " ".join(t for t, *_ in WEEKDAYS + RELATIVE_UNITS + CALENDAR + TIMES + SETS)
        + " Semi-annually, the mid-1990s' yearlong fêtes on Christmas Eve, New Year's Day;"
        " 24-hour days, 5pm, 17:30 GMT, Q3, 3Q, the 10th, 2010-01-12, 1/12/2010, the"
        " trading day, 4 in the morning, half-day, centuries, quarterly, twice, noon, today's."
    )
    g = grammar("en")
    for text in texts:
        lower = text.lower()
        one_pass = trigger_windows(g, lower)
        for name, trigger in g.triggers.items():

            def reach(part: str) -> int:
                return _REACH_AFTER.get(part, _WINDOW_AFTER)

            if isinstance(trigger, tuple):
                parts = [_windows(g.triggers[part], lower, reach(part)) for part in trigger]
                expected = _union(parts)
            else:
                expected = _windows(trigger, lower, reach(name))
            assert one_pass[name] == expected, name


NEWS_DAY_STORY = (
    "Boeing unveiled the 787 on Sunday before 15,000 people.\n"
    "It is expected to enter service later this year.\n"
    "Earlier in the day, Boeing received a letter from Airbus.\n"
    'Airbus chief Louis Gallois said, "Today is a great day. We will meet again on Tuesday."\n'
    "“Tomorrow we compete again,” he added.\n"
    "Airbus said today that its own plane is on schedule.\n"
)
MONDAY = date(2007, 7, 9)


def test_words_of_speech_count_from_the_day_of_the_news() -> None:
    """A report of Sunday published on Monday: quoted "today" is Sunday, the narrator's
    "today" is Monday, and "earlier in the day" is the news day."""
    found = {t.text: t for t in tag(NEWS_DAY_STORY, MONDAY)}
    assert (found["Sunday"].value, found["Sunday"].anchor) == ("2007-07-08", "dct")
    assert (found["Today"].value, found["Today"].anchor) == ("2007-07-08", "news")
    assert found["Tuesday"].value == "2007-07-10"  # said on Sunday: two days later
    assert found["Tomorrow"].value == "2007-07-09"
    assert (found["the day"].value, found["the day"].anchor) == ("2007-07-08", "news")
    assert (found["today"].value, found["today"].anchor) == ("2007-07-09", "dct")


def test_without_a_news_day_speech_counts_from_publication() -> None:
    text = 'Officials met in 2007. The mayor said, "Today is a great day."'
    assert find(text, "Today", MONDAY).value == "2007-07-09"
    # a day named only inside a quotation is not the news day
    text = 'He said, "Yesterday was hard." Then: "Today is a great day."'
    assert find(text, "Today", MONDAY).value == "2007-07-09"


def test_tense_is_read_in_the_expressions_own_clause() -> None:
    # "invited" is the main clause's verb, across a comma; the talks are still to conclude
    text = (
        "The governments, which host talks that are supposed to conclude by May, invited Sinn Fein."
    )
    assert find(text, "May", date(1998, 3, 22)).value == "1998-05"
    text = "The talks, which ended in May, were a success."
    assert find(text, "May", date(1998, 3, 22)).value == "1997-05"


def test_quotations_are_found_in_every_style_and_end_with_their_paragraph() -> None:
    text = 'a "b" c “d” e ``f\'\' g "h\ni "j'
    assert [text[s:e] for s, e in quotation_spans(text)] == ["b", "d", "f", "h", "j"]
