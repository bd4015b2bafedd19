"""Language that unseen news uses and the development corpora hardly do (issue 11).

Every sentence here is made up. DCT is Friday 2025-10-10 unless a case says otherwise.
Each group is one class of error seen on news the project was never tuned on.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_resolve_rules import DCT, check
from timeline.resolve import tag

WEDNESDAY = date(2025, 10, 8)

PLANS_AND_SCHEDULES = [
    # what is planned, scheduled or awaited is the next such day or month
    ("Protesters plan to march on Saturday.", "Saturday", "2025-10-11", DCT),
    ("The shipment could arrive as soon as Tuesday.", "Tuesday", "2025-10-14", DCT),
    ("The envoy might land as early as Monday.", "Monday", "2025-10-13", DCT),
    ("He has until 9 a.m. Monday to sign the deal.", "9 a.m. Monday", "2025-10-13T09:00", DCT),
    ("The vote was postponed until Thursday.", "Thursday", "2025-10-16", DCT),
    ("The judge adjourned the hearing until Tuesday.", "Tuesday", "2025-10-14", DCT),
    ("The regulator extended its deadline until Wednesday.", "Wednesday", "2025-10-15", DCT),
    ("The sale should close in March.", "March", "2026-03", DCT),
    ("Markets stay shut until Friday.", "Friday", "2025-10-10", WEDNESDAY),
    ("The appeal is heard in December.", "December", "2025-12", DCT),
    ("They were planning to rally on Monday.", "Monday", "2025-10-13", DCT),
    # a forecast about the publication day's own weekday is that day
    ("Heavy snow will disrupt travel on Friday, forecasters said.", "Friday", "2025-10-10", DCT),
    ("The minister said on Friday that talks must resume.", "Friday", "2025-10-10", DCT),
    ("They will vote next Friday.", "next Friday", "2025-10-17", DCT),
    # and what was done stays in the past
    ("The bank could not be reached for comment Tuesday.", "Tuesday", "2025-10-07", DCT),
    ("The museum remained closed until Tuesday.", "Tuesday", "2025-10-07", DCT),
    ("The board signed an economic plan Thursday.", "Thursday", "2025-10-09", DCT),
]


@pytest.mark.parametrize(("text", "expression", "value", "dct"), PLANS_AND_SCHEDULES)
def test_plans_and_schedules_look_forward(text, expression, value, dct) -> None:
    kind = "TIME" if "T" in value else "DATE"
    check(text, expression, kind, value, dct=dct)


def test_written_ranges_are_two_dates_with_one_range() -> None:
    text = "The 2009-2010 season and the 1957-58 expedition, and a fair on Oct. 1-3."
    found = [(t.text, t.value) for t in tag(text, DCT)]
    assert found == [
        ("2009", "2009"),
        ("2010", "2010"),
        ("1957", "1957"),
        ("58", "1958"),
        ("Oct. 1", "2025-10-01"),
        ("3", "2025-10-03"),
    ]
    first, last = tag("The fair ran Oct. 1-3.", DCT)
    assert first.range == last.range
    assert (first.range.begin, first.range.end) == (date(2025, 10, 1), date(2025, 10, 3))


OFFSETS = [
    ("He left four years ago.", "four years ago", "2021"),
    ("He left three months ago.", "three months ago", "2025-07"),
    ("He left ten days ago.", "ten days ago", "2025-09-30"),
    ("Exports rose 4% from a year earlier.", "a year earlier", "2024"),
    ("Exports rose in the same quarter a year earlier.", "the same quarter a year earlier",
     "2024-Q3"),
    # "41 years ago" is history, not a comparison with the period a report is about
    ("Rallies in early December recalled the revolution 41 years ago.", "41 years ago", "1984"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expression", "value"), OFFSETS)
def test_offsets_take_the_unit_counted(text, expression, value) -> None:
    check(text, expression, "DATE", value)


VAGUE = [
    ("Prices rose in recent years.", "recent years", "PAST_REF"),
    ("Fighting intensified in recent weeks.", "recent weeks", "PAST_REF"),
    ("Recent polls show a tight race.", "Recent", "PAST_REF"),
    ("He recently resigned.", "recently", "PAST_REF"),
    ("In the past, the town flooded often.", "the past", "PAST_REF"),
    ("The mine is closed for the time being.", "for the time being", "PRESENT_REF"),
    ("He is currently in Paris.", "currently", "PRESENT_REF"),
    ("Rates will rise very soon.", "very soon", "FUTURE_REF"),
    ("In the future, trains will be faster.", "the future", "FUTURE_REF"),
    ("The jury will decide later.", "later", "FUTURE_REF"),
    ("Sales will slow in the coming months.", "the coming months", "FUTURE_REF"),
]


@pytest.mark.parametrize(("text", "expression", "value"), VAGUE)
def test_vague_references(text, expression, value) -> None:
    check(text, expression, "DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        "He later said the talks had failed.",  # "later" orders events
        "He was soon released.",  # "soon" in a past clause
        "Soon after the vote, he resigned.",
        "The ongoing crisis deepened.",  # aspect, not a time (see BENCHMARKS.md)
    ],
)
def test_words_that_order_events_are_not_times(text) -> None:
    assert [t.text for t in tag(text, DCT) if t.value.endswith("_REF")] == []


FREQUENCIES = [
    ("The president gave his weekly radio address.", "weekly", "SET", "P1W"),
    ("The annual meeting was held in Denver.", "annual", "SET", "P1Y"),
    ("Rallies are held almost daily.", "daily", "SET", "P1D"),
    ("Dividends are paid annually.", "annually", "SET", "P1Y"),
    ("Oil hit a five-year high.", "five-year", "DURATION", "P5Y"),
    ("Music of the 70s is back.", "the 70s", "DATE", "197"),
    ("Fashion of the '80s is back.", "the '80s", "DATE", "198"),
]


@pytest.mark.parametrize(("text", "expression", "type_", "value"), FREQUENCIES)
def test_frequencies_and_decades(text, expression, type_, value) -> None:
    check(text, expression, type_, value)


@pytest.mark.parametrize(
    "text",
    [
        "Annual sales reached $2 billion.",  # a rate, not a recurring time
        "The average daily volume was 133 million shares.",
        "The company raised its quarterly dividend.",
        "The party daily Granma printed the letter.",  # a newspaper
        "She is in her 70s.",  # an age
    ],
)
def test_rates_names_and_ages_are_not_times(text) -> None:
    assert [t.text for t in tag(text, DCT) if t.type in ("SET", "DATE")] == []


def test_the_reporting_day_is_the_day_of_the_news() -> None:
    monday_report = date(2025, 10, 14)  # a Tuesday paper about Monday's trading
    text = (
        "On Monday, the index fell 3%. It ended the day at 8,017, down 2% for the day. "
        "At the start of the day, shares rose."
    )
    found = [(t.text, t.value) for t in tag(text, monday_report)]
    assert found == [
        ("Monday", "2025-10-13"),
        ("the day", "2025-10-13"),
        ("the day", "2025-10-13"),
        ("the start of the day", "2025-10-13"),
    ]
    assert tag("At the end of the day, it is about trust.", DCT) == []


CALENDAR_UNITS = [
    ("The index rose at 16:08 UTC.", "16:08 UTC", "TIME", "2025-10-10T16:08Z"),
    ("The plane landed at 6:40 p.m. GMT.", "6:40 p.m. GMT", "TIME", "2025-10-10T18:40Z"),
    ("The plane landed at 6:40 p.m. EST.", "6:40 p.m. EST", "TIME", "2025-10-10T18:40"),
    ("Shares fell in the last week of March.", "the last week of March", "DATE", "2025-W13"),
    ("Talks began the week of March 6.", "the week of March 6", "DATE", "2025-W10"),
    ("Sales fell in the final quarter of 2009.", "the final quarter of 2009", "DATE", "2009-Q4"),
]


@pytest.mark.parametrize(("text", "expression", "type_", "value"), CALENDAR_UNITS)
def test_clock_times_weeks_and_quarters(text, expression, type_, value) -> None:
    check(text, expression, type_, value)


def test_offsets_from_a_named_period() -> None:
    text = "Sales fell in January. The same month a year ago, they rose."
    check(text, "The same month a year ago", "DATE", "2025-01".replace("2025", "2024"))
    check("In 2005, sales fell. The year previous, they rose.", "The year previous", "DATE", "2004")
    check("Sales rose 4% from the same month last year.", "the same month last year", "DATE",
          "2024-10")  # fmt: skip


MORE = [
    ("He will leave at 4 in the morning.", "4 in the morning", "TIME", "2025-10-10T04:00"),
    ("The raid ended at 11 at night.", "11 at night", "TIME", "2025-10-10T23:00"),
    ("He was shot last Oct. 23 at home.", "last Oct. 23", "DATE", "2024-10-23"),
    # a duration keeps the unit written (TimeML), decades are counted in years
    ("He stayed at least 72 hours.", "at least 72 hours", "DURATION", "PT72H"),
    ("The lowest rate in almost two decades.", "almost two decades", "DURATION", "P20Y"),
    ("Ukraine was ruled from Moscow for centuries.", "centuries", "DURATION", "PXC"),
]


@pytest.mark.parametrize(("text", "expression", "type_", "value"), MORE)
def test_clock_times_days_and_durations(text, expression, type_, value) -> None:
    check(text, expression, type_, value)


def test_the_day_after_an_event_counts_from_the_narrative_day() -> None:
    text = "Dr. Hale was shot on Friday, Oct. 3. Two men came to his house the day after his death."
    check(text, "the day", "DATE", "2025-10-04")
    # after a date, "the day before the crash" names that date itself
    text = "Trading was calm on Oct. 6, the day before the crash."
    check(text, "the day", "DATE", "2025-10-06")


def test_a_unit_before_or_after_a_date() -> None:
    dct = date(2000, 2, 24)
    check("The day before last Tuesday's hearing, he left.", "The day before last Tuesday",
          "DATE", "2000-02-21", dct=dct)  # fmt: skip
    check("He was seen the day after Nov. 3 in Paris.", "the day after Nov. 3", "DATE",
          "1999-11-04", dct=dct)  # fmt: skip
    # "the day before" followed by an event is not counted from the narrative
    text = "He was last seen Nov. 3, the day before police issued a warrant."
    assert [t.text for t in tag(text, dct)] == ["Nov. 3"]


HOLIDAYS = [
    ("The boy was found on Thanksgiving Day.", "Thanksgiving Day", "2024-11-28"),
    ("He was found last Thanksgiving.", "last Thanksgiving", "2024-11-28"),
    ("Crowds will shop before Christmas.", "Christmas", "2025-12-25"),
    ("Sales rose at Christmas 2009.", "Christmas 2009", "2009-12-25"),
    ("Pilgrims prayed as Easter week began.", "Easter week", "2025-W16"),
    ("The parade was held on Good Friday.", "Good Friday", "2025-04-18"),
    ("Turnout will be high on Election Day.", "Election Day", "2025-11-04"),
    ("Stores closed on Labor Day.", "Labor Day", "2025-09-01"),
]


@pytest.mark.parametrize(("text", "expression", "value"), HOLIDAYS)
def test_holidays(text, expression, value) -> None:
    check(text, expression, "DATE", value)


@pytest.mark.parametrize(
    "text",
    [
        'Baker said on ABC\'s "This Week" that the talks would go on.',  # a programme
        "Gonzalez spoke to CBS's ''60 Minutes.''",
        "They staged ``Spring of Life'' rallies.",  # a campaign's name
        "This is VOA Today.",
        "The poster showed a still from the film ``High Noon.''",
        "Jan Kavan of the Czech Republic signed the treaty.",  # a first name
    ],
)
def test_names_that_look_like_times_are_not_times(text) -> None:
    assert tag(text, DCT) == []


def test_lists_prefixes_and_lengths() -> None:
    text = "The summit is on April 24 and 25."
    assert [(t.text, t.value) for t in tag(text, DCT)] == [("April 24", "2025-04-24"),
                                                         ("25", "2025-04-25")]  # fmt: skip
    assert [t.text for t in tag("It fell on May 3 or 4 people say.", DCT)] == ["May 3"]
    check("The post-1959 politics split families.", "1959", "DATE", "1959")
    check("Their third day-long meeting ended.", "day-long", "DURATION", "P1D")
    check("The decades-long battle went on.", "decades-long", "DURATION", "PXY")
    check("He appeared in court the next morning.", "the next morning", "TIME", "2025-10-11TMO")
    check("A few days later, he resigned.", "A few days later", "DURATION", "PXD")
    check("Islam will one day be the largest faith.", "one day", "DATE", "FUTURE_REF")


# Clock times are never years (issue 18): a live blog's stamps, wire copy's "2300 GMT",
# times in a range or given again in another zone. A year needs year-like context.
LIVE_BLOG = (
    "2013: President Obama takes a passionate tone.\n"
    "1910: The spill has grown, officials said.\n"
    "1905: Welcome to our live coverage of the President's address.\n"
)


def test_a_live_blogs_stamps_are_times_of_its_day() -> None:
    found = [(t.text, t.type, t.value) for t in tag(LIVE_BLOG, date(2010, 6, 15))]
    assert found == [
        ("2013", "TIME", "2010-06-15T20:13"),
        ("1910", "TIME", "2010-06-15T19:10"),
        ("1905", "TIME", "2010-06-15T19:05"),
    ]
    with_zero = "0830: Crews arrive.\n0815: The port is closed.\n"
    assert [t.value for t in tag(with_zero, DCT)] == ["2025-10-10T08:30", "2025-10-10T08:15"]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Flights resume between 2300 and 0200 GMT.", "2300", "2025-10-10T23:00"),
        ("Flights resume between 2300 and 0200 GMT.", "0200 GMT", "2025-10-10T02:00Z"),
        ("The window runs from 1900 to 2200 EST tonight.", "1900", "2025-10-10T19:00"),
        ("The window runs from 1900 to 2200 EST tonight.", "2200 EST", "2025-10-10T22:00"),
        ("The curfew begins at 1800 local time.", "1800", "2025-10-10T18:00"),
        ("The ban took effect at 1430 GMT.", "1430 GMT", "2025-10-10T14:30Z"),
        ("2013 GMT: The rig sank.", "2013 GMT", "2025-10-10T20:13Z"),
        ("(Updated 1:33 p.m. (2033 in Egypt)) Crowds gathered.", "2033", "2025-10-10T20:33"),
        ("It closes at 11 a.m. ET, 1800 in Egypt, officials said.", "1800", "2025-10-10T18:00"),
        ("We crossed the border around 1800 yesterday.", "1800 yesterday", "2025-10-09T18:00"),
    ],
)
def test_wire_copy_times_are_times(text, expression, value) -> None:
    check(text, expression, "TIME", value)


def test_times_that_once_were_only_not_years_are_times_now() -> None:
    found = [
        (t.text, t.value)
        for text in (
            "Obama will speak at 1500 GMT (1000 EST), the White House said.",
            "The convoy left at 0900 hours and arrived at 1730 local time.",
            "Live. 1358 Obama makes a statement. 1503 Gates tells reporters. 1915 Clinton arrives.",
        )
        for t in tag(text, DCT)
    ]
    assert found == [
        ("1500 GMT", "2025-10-10T15:00Z"),
        ("1000 EST", "2025-10-10T10:00"),
        ("0900", "2025-10-10T09:00"),
        ("1730", "2025-10-10T17:30"),
        ("1358", "2025-10-10T13:58"),
        ("1503", "2025-10-10T15:03"),
        ("1915", "2025-10-10T19:15"),
    ]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "1918: The Spanish flu pandemic.\n1957: Asian flu.\n1968: Hong Kong flu.\n",
            "1957",
            "1957",
        ),
        ("1914: War begins.\n1939: War again.\n", "1939", "1939"),  # a chronology runs forwards
        ("1918: The Spanish flu pandemic remains the deadliest.", "1918", "1918"),
        ("It was ratified in 1933.", "1933", "1933"),
        ("He moved to London in 1905, and to Paris in 1910.", "1910", "1910"),
        ("The stadium was built between 1905 and 1910.", "1905", "1905"),
        ("The 1918 pandemic killed millions.", "1918", "1918"),
    ],
)
def test_years_stay_years(text, expression, value) -> None:
    check(text, expression, "DATE", value)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("A smaller flood in 1987 killed 40 people.", ["1987"]),  # a cue, then a verb
        ("The attack in 2001 injured hundreds.", ["2001"]),
        ("Some 1987 killed and 300 injured.", []),  # a count
        ("The storm left 1998 dead.", []),
        ("Power was cut in 2000 homes.", []),  # a cue, then a count's noun
    ],
)
def test_a_year_before_killed_needs_its_cue(text, values) -> None:
    assert [t.value for t in tag(text, DCT)] == values


# -- issue 23: expressions long-running stories use ------------------------------------

LIMITS_AND_LENGTHS = [
    # a limit set in the future tense, or a validity said in the present, is not over
    ("The government must decide by June.", "June", "DATE", "2026-06"),
    ("The programme runs through June.", "June", "DATE", "2026-06"),
    ("Officials will stay until June 30.", "June 30", "DATE", "2026-06-30"),
    ("By June, 500 people had died.", "June", "DATE", "2025-06"),  # a past clause
    ("The talks ran until June.", "June", "DATE", "2025-06"),
    # counted from now, whatever follows
    ("Eight years from now the city will be different.", "Eight years from now", "DATE", "2033"),
    # the decades to come, and after a date, are lengths
    ("Spending will rise over the next decade.", "the next decade", "DURATION", "P10Y"),
    ("In the following decade the town grew.", "the following decade", "DURATION", "P10Y"),
    # fiscal years, the end of a year
    ("Profits rose this fiscal year.", "this fiscal year", "DATE", "2025"),
    ("The plant will close by the end of the year.", "the end of the year", "DATE", "2025"),
    ("Sales fell at the end of last year.", "the end of last year", "DATE", "2024"),
    # ordinal centuries
    ("It was built in the 20th century.", "the 20th century", "DATE", "19"),
    ("It was built in the nineteenth century.", "the nineteenth century", "DATE", "18"),
    # an unsaid number of units
    ("The siege went on for weeks.", "weeks", "DURATION", "PXW"),
    ("Days before the operation, he resigned.", "Days", "DURATION", "PXD"),
    ("Minutes after the plane left, it crashed.", "Minutes", "DURATION", "PTXM"),
    # a race's time is a length, not a clock
    ("He finished in 2:08:35.", "2:08:35", "DURATION", "PT2H8M35S"),
    # a count with thousands is whole
    ("The settlement dates back some 1,000 years.", "some 1,000 years", "DURATION", "P1000Y"),
]


@pytest.mark.parametrize(("text", "expression", "type_", "value"), LIMITS_AND_LENGTHS)
def test_limits_lengths_and_decades(text, expression, type_, value) -> None:
    found = {t.text: (t.type, t.value) for t in tag(text, DCT)}
    assert found.get(expression) == (type_, value), found


def test_a_range_of_lengths_is_two_lengths() -> None:
    found = [(t.text, t.value) for t in tag("The work will take between 12 and 18 months.", DCT)]
    assert found == [("12", "P12M"), ("18 months", "P18M")]
    # a count before the unit says how many: never an unsaid number of them
    assert "days" not in [t.text for t in tag("Eight trading days after the crash.", DCT)]
