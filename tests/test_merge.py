"""Merging mentions across articles into events."""

from __future__ import annotations

from pathlib import Path

from conftest import article, write
from timeline.build import article_mentions
from timeline.ingest import load_story
from timeline.merge import merge_mentions


def events_of(folder: Path):
    story = load_story(folder)
    mentions = [m for a in story.articles for m in article_mentions(a)]
    return merge_mentions(mentions)


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
            "On June 13, the central bank lifted the key interest rate again, to 4.5 percent.\n"
            "Farmers in the north reported a poor harvest on Thursday.\n",
            source="Paper",
        ),
    )
    events = events_of(story)
    rate = [e for e in events if "interest rate" in e.text]
    assert len(rate) == 1
    (event,) = rate
    assert event.sources == 2
    assert event.date == "2024-06-13"
    assert {m.article for m in event.mentions} == {"wire.md", "paper.md"}
    harvest = [e for e in events if "harvest" in e.text]
    assert len(harvest) == 1 and harvest[0].sources == 1


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
        story,
        "c.md",
        article("2024-07-03", "In June 13 news, the central bank raised interest rates.\n"),
    )
    (event,) = events_of(story)
    assert event.sources == 3
    assert (event.date, event.interval.granularity) == ("2024-06-13", "day")
    assert event.conflicts == ()


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
