"""Merging mentions across articles into events."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from conftest import article, write
from timeline.events.merge import _PairRules, compatible, merge_mentions, same_event
from timeline.events.similarity import tokens
from timeline.ingest.articles import load_story
from timeline.models import Interval, Mention
from timeline.pipeline.build import article_mentions


def events_of(folder: Path):
    story = load_story(folder)
    mentions = [m for a in story.articles for m in article_mentions(a)]
    return merge_mentions(mentions)


def event_with(events, words: str):
    (found,) = [e for e in events if any(words in m.sentence for m in e.mentions)]
    return found


def test_one_event_written_differently_in_two_articles_is_merged(story: Path) -> None:
    write(
        story,
        "wire.md",
        article(
            "2024-06-14",
            "The central bank raised its main interest rate to 4.5 percent on Thursday, "
            "its third increase this year.\n",
            source="Wire",
        ),
    )
    write(
        story,
        "paper.md",
        article(
            "2024-06-15",
            "On June 13, the central bank lifted its key interest rate again, to 4.5 percent.\n\n"
            "Farmers in the north reported a poor harvest on Thursday.\n",
            source="Paper",
        ),
    )
    events = events_of(story)
    rate = event_with(events, "interest rate to 4.5")
    assert rate is event_with(events, "lifted its key interest rate")
    assert (rate.sources, rate.date) == (2, "2024-06-13")
    assert event_with(events, "harvest").sources == 1


def test_different_dates_do_not_merge(story: Path) -> None:
    write(
        story,
        "a.md",
        article("2024-06-14", "The central bank raised interest rates on Thursday.\n"),
    )
    write(
        story, "b.md", article("2024-06-14", "The central bank raised interest rates in March.\n")
    )
    assert len(events_of(story)) == 2


def test_month_mention_joins_a_day_event_and_the_specific_date_wins(story: Path) -> None:
    write(
        story, "a.md", article("2024-07-01", "The central bank raised interest rates on June 13.\n")
    )
    write(story, "b.md", article("2024-07-02", "The central bank raised interest rates in June.\n"))
    write(
        story, "c.md", article("2024-07-03", "On June 13 the central bank raised interest rates.\n")
    )
    (event,) = events_of(story)
    assert event.sources == 3
    assert (event.date, event.interval.granularity) == ("2024-06-13", "day")
    assert event.conflicts == ()


def test_sources_a_day_apart_on_the_same_event_are_a_conflict(story: Path) -> None:
    text = "A magnitude 7.1 earthquake struck off the coast of Chile {}, toppling buildings.\n"
    write(story, "a.md", article("2024-06-14", text.format("on Wednesday")))
    write(story, "b.md", article("2024-06-14", text.format("on June 12")))
    write(story, "c.md", article("2024-06-15", text.format("on June 11")))
    (event,) = events_of(story)
    assert (event.date, event.sources) == ("2024-06-12", 3)
    assert [(c.date, c.articles) for c in event.conflicts] == [("2024-06-11", ("c.md",))]


def test_an_undated_report_joins_the_dated_event_it_repeats(story: Path) -> None:
    write(
        story,
        "a.md",
        article(
            "2024-06-13",
            "Rescuers pulled 12 miners alive from the flooded Copiapo mine on Wednesday.\n",
        ),
    )
    write(
        story,
        "b.md",
        article("2024-06-14", "Rescuers pulled 12 miners alive from the flooded Copiapo mine.\n"),
    )
    (event,) = events_of(story)
    assert (event.date, event.sources, event.dated_by) == ("2024-06-12", 2, "expression")


def test_a_chain_of_alike_pairs_does_not_drift_into_one_event(story: Path) -> None:
    # a-b and b-c are alike, but the group a+b is not like c: three stories about one
    # minister, not one event
    write(
        story,
        "a.md",
        article(
            "2024-06-14",
            "The finance minister resigned on Thursday after a "
            "corruption inquiry into party funding.\n",
        ),
    )
    write(
        story,
        "b.md",
        article(
            "2024-06-14",
            "The finance minister resigned on Thursday, and the "
            "prime minister named a new cabinet.\n",
        ),
    )
    write(
        story,
        "c.md",
        article(
            "2024-06-14",
            "The prime minister named a new cabinet on Thursday including three women ministers.\n",
        ),
    )
    events = events_of(story)
    a, b, c = (event_with(events, w) for w in ("corruption", "named a new cabinet.", "three women"))
    assert b in (a, c)  # the middle article joins one side
    assert a is not c  # but the chain stops there


def test_compatible_dates() -> None:
    day = Interval(date(2024, 6, 13), date(2024, 6, 13), "day")
    month = Interval(date(2024, 6, 1), date(2024, 6, 30), "month")
    span = Interval(date(2024, 6, 12), date(2024, 6, 13), "day")
    assert compatible(day, month) and compatible(month, day) and compatible(day, day)
    assert not compatible(day, span)  # a 2-day span and one of its days are different dates


def test_ids_are_stable_and_unaffected_by_an_unrelated_article(story: Path) -> None:
    write(
        story,
        "a.md",
        article("2024-06-14", "The central bank raised interest rates on Thursday.\n"),
    )
    write(story, "b.md", article("2024-06-15", "A storm flooded the coast on Friday.\n"))
    first = {e.text: e.id for e in events_of(story)}
    assert first == {e.text: e.id for e in events_of(story)}
    write(story, "c.md", article("2024-06-10", "A new museum opened in the capital on Monday.\n"))
    second = {e.text: e.id for e in events_of(story)}
    assert all(second[text] == event_id for text, event_id in first.items())
    assert len(second) == 3


# -- the merge rule for many pairs at once ----------------------------------------------

_UNITS = st.sampled_from(["day", "day", "week", "month", "span"])


@st.composite
def mentions(draw) -> Mention:
    """Mentions of a few articles, dated in the ways extraction dates them."""
    base = date(2024, 6, 10) + timedelta(days=draw(st.integers(-6, 6)))
    unit = draw(_UNITS)
    if unit == "day":
        interval = Interval(base, base, "day")
    elif unit == "week":
        monday = base - timedelta(days=base.weekday())
        interval = Interval(monday, monday + timedelta(days=6), "week")
    elif unit == "month":
        interval = Interval(base.replace(day=1), date(2024, 6, 30), "month")
    else:
        interval = Interval(base, base + timedelta(days=draw(st.integers(1, 3))), "day")
    dated_by = draw(st.sampled_from(["expression", "expression", "narrative", "publication"]))
    expression = draw(st.sampled_from(["Monday", "last week", "Last Week", "June", "the past day"]))
    return Mention(
        article=draw(st.sampled_from(["a", "b", "c"])),
        start=0,
        end=10,
        sentence="x",
        expression=expression if dated_by == "expression" else "",
        value="",
        interval=interval,
        published=date(2024, 6, 20),
        dated_by=dated_by,
    )


@given(
    st.lists(mentions(), min_size=2, max_size=12),
    st.lists(st.floats(0, 1), min_size=66, max_size=66),
)
def test_pair_rules_in_bulk_agree_with_same_event(found: list[Mention], alike: list[float]):
    pairs = [(i, j) for i in range(len(found)) for j in range(i + 1, len(found))]
    first = np.array([i for i, _ in pairs], dtype=np.int64)
    second = np.array([j for _, j in pairs], dtype=np.int64)
    similarity = np.array(alike[: len(pairs)])
    bulk = _PairRules(found)(first, second, similarity)
    one_by_one = [
        same_event(found[i], found[j], s) for (i, j), s in zip(pairs, similarity, strict=True)
    ]
    assert bulk.tolist() == one_by_one


def test_nouns_and_verbs_of_one_event_share_their_stem() -> None:
    assert tokens("delivery deliveries delivered delivering") == ["deliv"] * 4
    assert tokens("recovery recovered") == ["recov"] * 2
    # words that only look alike stay apart
    assert tokens("policy police")[0] != tokens("policy police")[1]
