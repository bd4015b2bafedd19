"""The story's period, its background and what is expected (timeline.events.period), and how
the page shows them: the chart's first view, labels, the header (export.html_out)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from timeline.events.period import section, sections, story_period
from timeline.events.salience import PAGE_KEY_MIN_EVENTS, page_key_events
from timeline.export.chart import _place_labels, figure_dict, short_headline
from timeline.export.html_out import _summary
from timeline.models import Article, Event, Interval, Mention, Story

FIRST = date(2010, 4, 21)
LAST = date(2011, 1, 14)


def day(value: date) -> Interval:
    return Interval(value, value, "day")


def year(value: int) -> Interval:
    return Interval(date(value, 1, 1), date(value, 12, 31), "year")


def articles(*published: date) -> list[Article]:
    return [
        Article(id=f"a{i}", path=f"a{i}.md", title="", published=p, body="", content="")
        for i, p in enumerate(published)
    ]


def event(
    name: str, interval: Interval, *published: date, score: float = 0.0, said: str = ""
) -> Event:
    sentence = said or f"{name} happened then."
    mentions = tuple(
        Mention(
            article=f"a{i}",
            start=10 * i,
            end=10 * i + 9,
            interval=interval,
            sentence=sentence,
            expression="then",
            value="",
            published=p,
            dated_by="expression",
        )
        for i, p in enumerate(published)
    )
    return Event(id=name, date="", interval=interval, text=f"{name} happened.", mentions=mentions,
                 score=score)  # fmt: skip


STORY = articles(FIRST, date(2010, 6, 1), LAST)


def test_the_period_runs_from_the_first_to_the_last_article() -> None:
    period = story_period(STORY, [])
    assert (period.begin, period.end) == (FIRST, LAST)
    begin, end = period.view()
    assert FIRST - timedelta(days=12) <= begin < FIRST and LAST < end <= LAST + timedelta(days=12)


def test_the_period_starts_at_the_event_several_articles_report_just_before() -> None:
    blowout = event("blowout", day(FIRST - timedelta(days=1)), FIRST, date(2010, 6, 1))
    once = event("christmas", day(FIRST - timedelta(days=20)), FIRST)  # one article only
    month = event("march", Interval(date(2010, 3, 1), date(2010, 3, 31), "month"), FIRST, LAST)
    period = story_period(STORY, [blowout, once, month])
    assert period.begin == blowout.interval.begin


def test_background_story_and_expected() -> None:
    period = story_period(STORY, [])
    valdez = event("valdez", year(1989), FIRST, LAST)
    locked = event("locked", Interval(date(1760, 1, 1), FIRST, "day"), FIRST)
    spill = event("spill", day(date(2010, 7, 15)), date(2010, 6, 1), LAST)
    hybrids = event("hybrids", year(2012), FIRST)  # after the last article
    hearing = event(  # said ahead of time
        "hearing", day(date(2010, 6, 10)), date(2010, 6, 1), said="The hearing will be then."
    )
    late = event(  # reported the day before in the past tense: a time zone, not a plan
        "late", day(date(2010, 6, 2)), date(2010, 6, 1), said="Rescuers reached it then."
    )
    last_year = event("last year", year(2009), FIRST)  # months before: the story's lead-up
    found = [section(e, period) for e in (valdez, locked, spill, hybrids, hearing, late, last_year)]
    assert found == ["background", "background", "story", "expected", "expected", "story", "story"]
    assert sections([spill], None) == ["story"]


def test_a_small_story_opens_on_all_its_own_events() -> None:
    one = articles(date(2025, 10, 13))
    letter = event("letter", day(date(2025, 8, 1)), date(2025, 10, 13))
    period = story_period(one, [letter])
    assert period.begin == date(2025, 10, 13)  # one mention does not move the period
    assert period.shown_begin == date(2025, 8, 1)  # ...but a small story shows it


def test_page_key_events_only_for_big_stories() -> None:
    few = [event(f"e{i}", day(FIRST + timedelta(days=i)), FIRST) for i in range(20)]
    assert page_key_events(few, 270) is None
    many = [
        event(f"e{i}", day(FIRST + timedelta(days=i % 200)), FIRST, score=i % 17)
        for i in range(PAGE_KEY_MIN_EVENTS + 1)
    ]
    chosen = page_key_events(many, 270)
    dates = {e.interval.begin for e in chosen}
    assert 12 <= len(dates) <= 40 and len(chosen) == len(dates)  # one event a date
    assert len({e.interval.begin for e in page_key_events(many, 30)}) == 12  # at least 12


def test_short_headlines_cut_at_a_word() -> None:
    assert short_headline("Engineers closed the breach") == "Engineers closed the breach"
    cut = short_headline("The Arica dam burst, flooding twelve villages below it")
    assert cut == "The Arica dam burst, flooding…" and len(cut) <= 35


@given(st.lists(st.tuples(st.integers(0, 270), st.integers(5, 200), st.floats(0, 10)),
                min_size=1, max_size=60))  # fmt: skip
def test_labels_never_overlap(points) -> None:
    events = [
        Event(
            id=f"e{i}",
            date="",
            interval=day(FIRST + timedelta(days=d)),
            text="w" * n,
            mentions=(),
            score=s,
        )
        for i, (d, n, s) in enumerate(points)
    ]
    period = story_period(STORY, [])
    view = period.view()
    labels = _place_labels(events, {e.id for e in events}, dict.fromkeys(range(len(events)), 0.0),
                           view, 1.0)  # fmt: skip
    assert labels  # the best-scored event always gets a label
    days = (view[1] - view[0]).days
    per_day = 1000 / days
    boxes = {}
    for label in labels:
        width = (len(label["text"]) * 6.4 + 14) / per_day
        centre = (date.fromisoformat(label["x"][:10]) - view[0]).days + 0.5
        left = {"center": centre - width / 2, "left": centre, "right": centre - width}
        boxes.setdefault(label["row"], []).append((left[label["xanchor"]], width))
    for row in boxes.values():
        row.sort()
        for (a, width), (b, _) in pairwise(row):
            assert a + width <= b + 1e-6


def test_the_chart_opens_on_the_period_with_labels() -> None:
    story = Story(name="spill", path="spill", title="", description="", articles=STORY)
    events = [
        event("blowout", day(FIRST), FIRST, LAST, score=2.0),
        event("valdez", year(1989), FIRST, LAST),
    ]
    period = story_period(STORY, events)
    figure = figure_dict(story, events, key={"blowout"}, period=period, labelled={"blowout"})
    assert figure["layout"]["xaxis"]["range"] == [d.isoformat() for d in period.view()]
    assert [a["name"] for a in figure["layout"]["annotations"]] == ["blowout"]
    groups = {trace["meta"] for trace in figure["data"] if trace.get("customdata")}
    assert groups == {"key", "apart"}  # background stays drawn in the key view
    header = _summary(story, events, "2026-01-01T00:00:00Z", {"blowout"}, period)
    assert "1 key event of 1, plus 1 background" in header
    assert "21 Apr 2010 – 14 Jan 2011" in header
