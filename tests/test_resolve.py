"""The date resolver: expressions, values, intervals, offsets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.resolve import tag, value_interval

DCT = date(2025, 10, 10)  # a Friday


def one(text: str, dct: date = DCT):
    found = tag(text, dct)
    assert len(found) == 1, f"{text!r}: {[(t.text, t.value) for t in found]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The talks ended on 2025-10-03.", "2025-10-03", "2025-10-03"),
        ("The talks ended on 10/03/2025.", "10/03/2025", "2025-10-03"),
        ("The talks ended on 3 October 2025.", "3 October 2025", "2025-10-03"),
        ("The talks ended on October 3, 2025.", "October 3, 2025", "2025-10-03"),
        ("The talks ended Oct. 3rd.", "Oct. 3rd", "2025-10-03"),
        ("The vote was held Sept. 5.", "Sept. 5", "2025-09-05"),
        ("Prices rose in August 2024.", "August 2024", "2024-08"),
        ("The company was founded in 2009.", "2009", "2009"),
        ("Life changed in the 1990s.", "the 1990s", "199"),
        ("Profit rose in the third quarter of 2024.", "the third quarter of 2024", "2024-Q3"),
        ("Revenue fell in Q3 2024.", "Q3 2024", "2024-Q3"),
        ("He arrived yesterday.", "yesterday", "2025-10-09"),
        ("They met last week.", "last week", "2025-W40"),
        ("It happened two weeks ago.", "two weeks ago", "2025-W39"),
        ("Sales fell last year.", "last year", "2024"),
        ("They will meet next month.", "next month", "2025-11"),
        ("The ministers will meet on Tuesday.", "Tuesday", "2025-10-14"),
        ("The ministers met on Tuesday.", "Tuesday", "2025-10-07"),
        ("Prices are high now.", "now", "PRESENT_REF"),
        ("The market opens every Friday.", "every Friday", "XXXX-WXX-5"),
        ("The report is published monthly.", "monthly", "P1M"),
        ("The fighting lasted three years.", "three years", "P3Y"),
        ("It happened in the summer of 2024.", "the summer of 2024", "2024-SU"),
        ("The speech was at 8 p.m. Friday.", "8 p.m. Friday", "2025-10-10T20:00"),
    ],
)
def test_expressions(text: str, expression: str, value: str) -> None:
    timex = one(text)
    assert (timex.text, timex.value) == (expression, value)
    assert text[timex.start : timex.end] == timex.text


@pytest.mark.parametrize(
    "text",
    [
        "The 55-year-old spoke.",
        "Shares rose 2.36% to $2,000.",
        "They sent 1,000 troops and 2000 tanks.",
        "We will see.",
        "You may go.",
        "Protesters march through the city.",
    ],
)
def test_not_dates(text: str) -> None:
    assert tag(text, DCT) == []


def test_relative_offset_from_the_narrative_date() -> None:
    found = tag("The crash happened on March 3, 2024. The next day, rescuers arrived.", DCT)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("March 3, 2024", "2024-03-03", ""),
        ("The next day", "2024-03-04", "narrative"),
    ]


def test_relative_offset_without_a_narrative_date_counts_from_publication() -> None:
    timex = one("The next day, rescuers arrived.")
    assert (timex.value, timex.anchor) == ("2025-10-11", "dct")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_written_out_dates_resolve_to_themselves(day: date) -> None:
    text = f"It was signed on {day:%B} {day.day}, {day.year} in Paris."
    timex = one(text, DCT)
    assert timex.value == day.isoformat()
    assert (timex.interval.begin, timex.interval.end) == (day, day)


@settings(max_examples=60)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
)
def test_past_weekday_is_the_most_recent_one(dct: date, weekday: str) -> None:
    timex = one(f"The minister said {weekday} that talks had failed.", dct)
    day = timex.interval.begin
    assert f"{day:%A}" == weekday
    assert timedelta(0) <= dct - day < timedelta(days=7)


@settings(max_examples=60)
@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from(
        [
            "January",
            "February",
            "April",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
    ),
)
def test_last_month_name_is_the_most_recent_before_this_month(dct: date, month: str) -> None:
    timex = one(f"She wrote the letter last {month}.", dct)
    begin = timex.interval.begin
    assert f"{begin:%B}" == month
    assert begin < dct.replace(day=1)
    assert (dct.replace(day=1) - begin).days <= 366


@given(st.text(max_size=300), st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_any_text_gives_consistent_offsets(text: str, dct: date) -> None:
    for timex in tag(text, dct):
        assert text[timex.start : timex.end] == timex.text
        if timex.interval:
            assert timex.interval.begin <= timex.interval.end


@pytest.mark.parametrize(
    ("value", "begin", "end"),
    [
        ("2025-10-10", "2025-10-10", "2025-10-10"),
        ("2025-08", "2025-08-01", "2025-08-31"),
        ("2025-W41", "2025-10-06", "2025-10-12"),
        ("2025-Q3", "2025-07-01", "2025-09-30"),
        ("2025-SU", "2025-06-01", "2025-08-31"),
        ("2025-WI", "2025-12-01", "2026-02-28"),
        ("199", "1990-01-01", "1999-12-31"),
        ("2025-10-10T20:00", "2025-10-10", "2025-10-10"),
    ],
)
def test_value_intervals(value: str, begin: str, end: str) -> None:
    interval = value_interval(value)
    assert (interval.begin.isoformat(), interval.end.isoformat()) == (begin, end)


def test_vague_values_have_no_interval() -> None:
    assert value_interval("PRESENT_REF") is None
