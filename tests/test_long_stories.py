"""Dating statements and choosing key dates on long-running stories (issue 23).

Every sentence is made up; each test is one class of the issue: what a later paragraph
says is the article's news, not its background; chronologies and live-blog stamps run
into a paragraph; page furniture and readers' comments; key dates that are days of the
story's own period, spread over it.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from timeline.events.extract import extract_mentions
from timeline.events.keydates import choose_days
from timeline.ingest.boilerplate import blank_boilerplate
from timeline.ingest.segment import split_sentences
from timeline.models import Article, Interval
from timeline.resolve import tag

SEPTEMBER = date(2010, 9, 20)  # a Monday, five months after the blast


def dated(body: str, published: date = SEPTEMBER) -> dict[str, tuple[str, str]]:
    """Each statement's first words -> (its date, how it was dated)."""
    content = blank_boilerplate(body)
    article = Article("a", "a.md", "A", published, body, content)
    mentions = extract_mentions(article, tag(content, published))
    return {m.sentence[:25]: (m.value, m.dated_by) for m in mentions}


def test_news_in_the_present_perfect_is_not_the_background_before_it() -> None:
    found = dated(
        "Oil has leaked since the 20 April blast on the rig. "
        "The ruptured well has finally been sealed. "
        "The federal official in charge said it was effectively dead."
    )
    assert found["The ruptured well has fin"] == ("2010-09-20", "publication")
    assert found["The federal official in c"][0] == "2010-09-20"  # reported: the news


def test_a_news_day_is_never_a_date_another_event_is_named_by() -> None:
    # "since Tuesday's earthquake" names the quake; the article's news is its own day
    found = dated(
        "Thousands remain homeless since Tuesday's earthquake. "
        "Aid workers said supplies were stuck at the airport.",
        published=date(2010, 1, 15),
    )
    assert found["Aid workers said supplies"][0] == "2010-01-15"


def test_a_narrative_still_carries_its_date_to_the_next_past_sentence() -> None:
    found = dated(
        "On 20 April the rig exploded in the Gulf. Eleven workers died in the fire.",
    )
    assert found["Eleven workers died in th"] == ("2010-04-20", "narrative")


def test_a_chronology_run_into_one_line_is_one_statement_an_item() -> None:
    text = (
        "Timeline of the spill. 20 April: rig explodes, killing 11 workers "
        "28 April: coastguard fears one of the worst spills 8 May: giant dome fails to cap leak"
    )
    assert [s.text for s in split_sentences(text)][1:] == [
        "20 April: rig explodes, killing 11 workers",
        "28 April: coastguard fears one of the worst spills",
        "8 May: giant dome fails to cap leak",
    ]
    found = dated(text)
    assert found["28 April: coastguard fear"] == ("2010-04-28", "expression")
    assert found["8 May: giant dome fails t"] == ("2010-05-08", "expression")
    # a colon after a time or a lone date is no chronology
    assert len(split_sentences("The vote is at 10:30. Results: 20 April.")) == 2


def test_live_blog_stamps_after_a_sentence_are_times_never_years() -> None:
    text = (
        "That is all from us tonight, thanks for joining us. 2159: A think tank tweets "
        "about the cap. 2156: A columnist writes that the well is dead.\n"
        "1905: Welcome to our live coverage of the spill."
    )
    values = [(t.text, t.value) for t in tag(text, SEPTEMBER) if t.text[0].isdigit()]
    assert values == [("2159", "2010-09-20T21:59"), ("2156", "2010-09-20T21:56"),
                      ("1905", "2010-09-20T19:05")]  # fmt: skip
    # a chronology of years, forwards, stays years
    years = tag("Past pandemics. 1918: Spanish flu. 1957: Asian flu. 1968: Hong Kong flu.",
                SEPTEMBER)  # fmt: skip
    assert [t.value for t in years] == ["1918", "1957", "1968"]


def test_page_stamps_and_readers_comments_are_furniture() -> None:
    body = (
        "8 September 2010 Last updated at 09:43 GMT Help The well was sealed on Sunday.\n"
        "Jane Doe | 18:00 UK time, Saturday, 25 April 2009 Experts are worried.\n"
        "Officials spoke. At 6:19 pm on 01 Jun 2009, reader99 wrote: I wish they'd checked."
    )
    blanked = blank_boilerplate(body)
    assert "Last updated" not in blanked and "UK time" not in blanked
    assert "The well was sealed on Sunday." in blanked and "Experts are worried." in blanked
    assert "wrote" not in blanked and "Officials spoke." in blanked
    assert len(blanked) == len(body)  # offsets kept


def _days(first: date, count: int) -> list[Interval]:
    return [Interval(first + timedelta(days=k), first + timedelta(days=k), "day")
            for k in range(count)]  # fmt: skip


def test_key_dates_are_days_of_the_story_period() -> None:
    month = Interval(date(2010, 5, 1), date(2010, 5, 31), "month")
    background = Interval(date(1989, 3, 24), date(1989, 3, 24), "day")
    dates = [month, background, *_days(date(2010, 5, 1), 5)]
    scores = np.array([9.0, 8.0, 1.0, 2.0, 3.0, 0.5, 0.4])
    period = (date(2010, 4, 20), date(2011, 1, 6))
    chosen = [dates[i] for i in choose_days(dates, scores, 3, period)]
    assert all(d.granularity == "day" and period[0] <= d.begin <= period[1] for d in chosen)
    everywhere = [dates[i] for i in choose_days(dates, scores, 2, period, anywhere=True)]
    assert everywhere == [month, background]  # when the user asks for any date
    # a story with fewer days than asked for still gets its best other dates
    assert len(choose_days(dates, scores, 7, period)) == 7


def test_key_dates_spread_over_a_long_story_but_not_a_dense_one() -> None:
    period = (date(2010, 4, 20), date(2011, 1, 20))
    burst = _days(date(2010, 5, 1), 10)  # heavy coverage for ten days
    later = _days(date(2010, 9, 1), 1) + _days(date(2010, 12, 1), 1)
    dates = burst + later
    scores = np.array([5.0 - 0.1 * k for k in range(10)] + [3.0, 2.9])
    bunched = choose_days(dates, scores, 4, period, spread=0.0)
    spread = choose_days(dates, scores, 4, period, spread=2.0)
    assert all(i < 10 for i in bunched)
    assert {10, 11} <= set(spread)  # the later milestones make it in
    # a dense story (a key date nearly every day): the closeness fades within a day or
    # two, so nearly the same days are chosen
    dense = _days(date(2011, 1, 25), 20)
    dense_scores = np.linspace(2, 1, 20)
    window = (date(2011, 1, 25), date(2011, 2, 13))
    with_spread = set(choose_days(dense, dense_scores, 18, window, 0.5))
    assert len(with_spread & set(choose_days(dense, dense_scores, 18, window, 0.0))) >= 16


def test_a_date_in_a_side_remark_is_not_the_statements_own() -> None:
    found = dated(
        "Boeing has announced that the project, begun two years ago, has been pushed back.",
        published=date(2008, 5, 24),
    )
    assert found["Boeing has announced that"] == ("2008-05-24", "publication")


def test_the_date_of_a_reporting_tells_no_story_to_the_next_sentence() -> None:
    found = dated(
        "The airline stated on June 1 that it had signed a contract for twenty jets. "
        "The deal was approved unanimously by the board.",
        published=date(2009, 6, 20),
    )
    assert found["The airline stated on Jun"][0] == "2009-06-01"
    assert found["The deal was approved una"] == ("2009-06-20", "publication")


def test_a_bare_weekday_in_an_article_of_that_weekday_is_that_day() -> None:
    thursday = date(2010, 7, 15)
    for text in ("At a news conference Thursday, the admiral said the cap was holding.",
                 "Officials said at a briefing on Thursday that the well was shut."):  # fmt: skip
        (found,) = [t for t in tag(text, thursday) if t.text == "Thursday"]
        assert found.value == "2010-07-15", text
    (last,) = tag("The cap was fitted last Thursday.", thursday)
    assert last.value == "2010-07-08"  # a week back takes "last"


def test_a_statement_dated_by_its_narrative_keeps_its_day_when_merged() -> None:
    from timeline.events.merge import same_event
    from timeline.models import Mention

    def said(article: str, day: date, dated_by: str, published: date) -> Mention:
        return Mention(
            article=article, start=0, end=40, sentence="Protesters came down from the rig.",
            expression="Sunday" if dated_by == "narrative" else "June 13",
            value=day.isoformat(), interval=Interval(day, day, "day"), published=published,
            dated_by=dated_by,
        )  # fmt: skip

    thursday, sunday = date(2010, 6, 10), date(2010, 6, 13)
    event = said("a", thursday, "expression", thursday)
    # a narrative's Sunday is when it happened: never Thursday's event, however alike
    assert not same_event(event, said("b", sunday, "narrative", date(2010, 6, 14)), 0.9)
    # a report published a few days later (no date of its own) may still be Thursday's
    assert same_event(event, said("c", sunday, "publication", sunday), 0.9)
