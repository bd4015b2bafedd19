"""Every row of the seed table (../shared/seeds/README.md) on the example article."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import EXAMPLE_STORY
from timeline.ingest.articles import load_story
from timeline.resolve import tag

DCT = date(2025, 10, 10)


@pytest.fixture(scope="module")
def seed():
    story = load_story(EXAMPLE_STORY)
    (article,) = story.articles
    return article, tag(article.content, article.published)


def find(timexes, text, occurrence=0):
    found = [t for t in timexes if t.text == text]
    assert len(found) > occurrence, f"{text!r} not found in {[t.text for t in timexes]}"
    return found[occurrence]


def test_publication_date(seed) -> None:
    article, _ = seed
    assert article.published == DCT


def test_said_friday_is_the_publication_day(seed) -> None:
    _, timexes = seed
    friday = find(timexes, "Friday")
    assert (friday.type, friday.value) == ("DATE", "2025-10-10")
    assert (friday.interval.begin, friday.interval.end) == (DCT, DCT)
    assert friday.interval.granularity == "day"


@pytest.mark.parametrize("occurrence", [0, 1])
def test_the_past_24_hours_is_an_anchored_interval(seed, occurrence) -> None:
    _, timexes = seed
    past = find(timexes, "the past 24 hours", occurrence)
    assert (past.type, past.value) == ("DURATION", "PT24H")
    assert (past.interval.begin, past.interval.end) == (date(2025, 10, 9), DCT)


def test_summit_in_august_is_august_2025_at_month_granularity(seed) -> None:
    _, timexes = seed
    august = find(timexes, "August")
    assert august.value == "2025-08"
    assert (august.interval.begin, august.interval.end) == (date(2025, 8, 1), date(2025, 8, 31))
    assert august.interval.granularity == "month"


def test_last_august_said_in_october_is_the_most_recent_august(seed) -> None:
    _, timexes = seed
    last = find(timexes, "last August")
    assert last.value == "2025-08"
    assert last.interval.granularity == "month"


def test_the_55_year_old_is_not_a_date(seed) -> None:
    article, timexes = seed
    age = article.body.index("55-year-old")
    assert not [t for t in timexes if t.start < age + len("55-year-old") and age < t.end]


def test_boilerplate_expressions_are_not_tagged(seed) -> None:
    article, timexes = seed
    texts = {t.text.lower() for t in timexes}
    assert "every friday" not in texts and "monthly" not in texts and "today" not in texts
    # the same text outside boilerplate is tagged: the rule is about the page, not the words
    boiler = article.body.index("every Friday")
    raw = tag(article.body, DCT)
    assert any(t.start == boiler and t.type == "SET" for t in raw)
    assert any(t.text == "today" for t in raw)


def test_nothing_is_dated_after_publication(seed) -> None:
    _, timexes = seed
    assert all(t.interval.end <= DCT for t in timexes if t.interval)
