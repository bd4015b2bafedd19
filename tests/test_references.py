"""Statements that refer to an earlier event (issue 13): a source of that event, never an
event of its day; and statements in the present tense, dated by the time of writing.

Every sentence is made up.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import article, write
from timeline import build_story
from timeline.events.extract import extract_mentions, reference_phrase, statement_tense
from timeline.models import Article
from timeline.resolve import tag

DCT = date(2010, 5, 3)  # a Monday, two weeks after a rig blew up on Tuesday 20 April


def mentions(body: str, published: date = DCT):
    item = Article(id="a.md", path="a.md", title="", published=published, body=body, content=body)
    return extract_mentions(item, tag(body, published))


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("Oil flowed since the rig exploded on 20 April.", "since the rig exploded on 20 April"),
        ("The 20 April blowout led to the worst spill in US history.", "The 20 April blowout"),
        ("It is the disaster that began on 20 April.", "disaster that began on 20 April"),
        ("Many died in the disaster, which struck last Tuesday.",
         "disaster, which struck last Tuesday"),
        ("Crews have searched the sea since Tuesday's explosion.", "Tuesday's explosion"),
        ("Until it sank in the explosion on 20 April, it was big.", "the explosion on 20 April"),
        ("He won the 2005 election by a wide margin.", "the 2005 election"),
    ],
)  # fmt: skip
def test_a_date_inside_a_reference_to_another_event(sentence: str, phrase: str) -> None:
    (timex,) = [t for t in tag(sentence, DCT) if t.period is not None]
    assert reference_phrase(sentence, 0, timex) == phrase


@pytest.mark.parametrize(
    "sentence",
    [
        "The rig exploded on 20 April, killing eleven workers.",
        "On Tuesday protests erupted in the capital.",
        "Prices fell on Tuesday after the vote.",
        "Ministers agreed at the weekend to launch a fund.",
    ],
)
def test_a_date_of_the_statement_itself_is_no_reference(sentence: str) -> None:
    for timex in tag(sentence, DCT):
        assert reference_phrase(sentence, 0, timex) == ""


def test_a_reference_is_a_mention_of_that_event_and_the_statement_is_dated_on_its_own() -> None:
    found = mentions("Oil has been flowing into the gulf since the rig exploded on 20 April.\n")
    kinds = sorted((m.dated_by, m.value) for m in found)
    # the reference: a mention of the explosion on 20 April; the statement itself: now
    assert kinds == [("publication", "2010-05-03"), ("reference", "2010-04-20")]
    reference = next(m for m in found if m.dated_by == "reference")
    assert reference.reference == "since the rig exploded on 20 April"
    assert reference.to_dict()["reference"] == reference.reference


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("Aid groups are racing against time.", "present"),
        ("People don't know where to go.", "present"),
        ("The UN says thousands died.", "reported"),  # said on the day of the news
        ("Rescuers will resume the search at dawn.", "present"),
        ("The UN has launched an appeal.", "perfect"),  # news up to the time of writing
        ("Rescuers pulled survivors from the rubble.", "past"),
        ("Officials said 50,000 bodies had been collected.", "reported_past"),
        ('"We are devastated," the mayor said.', "reported_past"),  # quoted words do not count
        ("A week of storms.", ""),
    ],
)
def test_statement_tense(sentence: str, tense: str) -> None:
    assert statement_tense(sentence) == tense


def test_a_present_statement_is_dated_at_publication_not_at_the_news_day() -> None:
    monday = date(2010, 1, 18)
    body = (
        "The earthquake struck on Saturday, flattening the port.\n"
        "Rescuers pulled a child from the rubble.\n"
        "Aid groups are racing against time.\n"
        "The UN says thousands died.\n"
    )
    found = mentions(body, monday)
    assert [(m.dated_by, m.value) for m in found] == [
        ("expression", "2010-01-16"),
        ("narrative", "2010-01-16"),  # the past: the day of the article's news
        ("publication", "2010-01-18"),  # the present: the time of writing
        ("narrative", "2010-01-16"),  # "says": what was said on the day of the news
    ]


def disaster_story(story: Path) -> None:
    """Five reports of one explosion: one states it, four only refer to it."""
    reports = [
        ("2010-04-21", "The oil rig exploded in the gulf on Tuesday, killing eleven workers."),
        ("2010-04-23", "Crews have searched the sea since Tuesday's explosion on the rig."),
        ("2010-04-28", "Oil has been leaking since the rig exploded on 20 April."),
        ("2010-05-02", "The 20 April explosion led to the worst spill in US history."),
        ("2010-05-03", "Fishermen have been idle since the 20 April explosion on the rig."),
    ]
    for n, (day, text) in enumerate(reports):
        write(story, f"{n}.md", article(day, text + "\n", source=f"Paper {n}"))


def test_the_disaster_is_one_event_with_every_source(story: Path, tmp_path: Path) -> None:
    disaster_story(story)
    events = build_story(story, tmp_path, formats="json").events
    day = [e for e in events if e.date == "2010-04-20"]
    assert len(day) == 1  # one event on the day of the explosion...
    (explosion,) = day
    assert explosion.sources == 5  # ...with all five articles as its sources
    assert explosion.text.startswith("The oil rig exploded")  # stated, not referred to
    # what the referring sentences say themselves is not an event of 20 April
    later = [e for e in events if e.interval.begin > date(2010, 4, 20)]
    assert {e.date for e in later} >= {"2010-05-03"}
    assert all("reference" not in {m.dated_by for m in e.mentions} for e in later)


def test_a_sentence_giving_two_events_gives_two_ids(story: Path, tmp_path: Path) -> None:
    write(story, "a.md", article("2010-06-01", "Fishermen have been idle since the 20 April "
                                 "explosion on the rig.\n"))  # fmt: skip
    events = build_story(story, tmp_path, formats="json").events
    assert len(events) == 2  # the explosion it refers to, and what it says itself
    assert len({e.id for e in events}) == 2
