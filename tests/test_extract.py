"""Extraction: which sentences are events and how each one is dated."""

from __future__ import annotations

from datetime import date

from timeline.events.extract import extract_mentions
from timeline.models import Article
from timeline.resolve import tag

DCT = date(2025, 10, 10)  # a Friday


def mentions(body: str, published: date = DCT):
    article = Article(
        id="a.md", path="a.md", title="", published=published, body=body, content=body
    )
    return extract_mentions(article, tag(body, published))


def test_each_statement_gets_a_date_and_says_how() -> None:
    body = (
        "The bridge collapsed on Wednesday, killing four people. Rescuers worked all night.\n"
        "The mayor said the city would rebuild it.\n"
    )
    found = mentions(body)
    assert [(m.dated_by, m.value) for m in found] == [
        ("expression", "2025-10-08"),
        # same paragraph: the story is still at Wednesday, and the expression is traceable
        ("narrative", "2025-10-08"),
        # a new paragraph with no date of its own: the day of the article's news (a day at
        # most three days before publication that the article names)
        ("narrative", "2025-10-08"),
    ]
    assert found[1].expression == "Wednesday"
    assert body[found[1].expression_start : found[1].expression_end] == "Wednesday"


def test_without_a_recent_day_undated_sentences_take_the_publication_day() -> None:
    body = "The dam was built in 1931. Engineers say it is safe.\nOfficials met to discuss it.\n"
    assert [(m.dated_by, m.interval.begin.isoformat()) for m in mentions(body)] == [
        ("expression", "1931-01-01"),
        # "say it is safe": the present tense is about the time of writing, not 1931
        ("publication", "2025-10-10"),
        ("publication", "2025-10-10"),
    ]


def test_the_event_date_wins_over_the_reporting_date() -> None:
    (m,) = mentions("Officials said on Monday that the treaty signed in 2005 had expired.")
    assert (m.expression, m.value) == ("2005", "2005")
    (only,) = mentions("The minister said Friday she had met the envoy.")
    assert only.expression == "Friday"


def test_forward_spans_and_reported_future_dates_do_not_date_the_event() -> None:
    (plan,) = mentions("Airbus has announced 10,000 job cuts over the next four years.")
    assert (plan.dated_by, plan.value) == ("publication", "2025-10-10")
    (said,) = mentions("The airline said it will receive six new jets in 2027.")
    assert said.dated_by == "publication"
    (scheduled,) = mentions("The first commercial flight will take off on October 25.")
    assert (scheduled.dated_by, scheduled.value) == ("expression", "2025-10-25")


def test_side_remarks_and_bare_clock_times_give_way() -> None:
    (m,) = mentions("The delivery, originally due later this year, was delayed until March 2026.")
    assert m.expression == "March 2026"
    (flight,) = mentions("The jet took off at 10:27 a.m. on Tuesday from Paine Field.")
    assert flight.interval.begin == date(2025, 10, 7)
    (later,) = mentions("At 18:00 UTC the plane, which left on Tuesday, landed in Seattle.")
    assert later.expression == "Tuesday"


def test_what_is_not_an_event() -> None:
    body = (
        "Breaking News From The Capital\n"  # a heading
        "Will the talks resume next week?\n"  # a question
        "The market opens every Friday.\n"  # a recurring schedule
        "Photo: Reuters\n"  # a credit
        "Talks resumed on Thursday.\n"
    )
    assert [m.sentence for m in mentions(body)] == ["Talks resumed on Thursday."]
