"""Salience scores and key events: what matters most in a big story."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from conftest import article, write
from timeline import build_story
from timeline.app.cli import main
from timeline.events.salience import entry_quality, key_events, score_events
from timeline.models import Event, Interval, Mention

DAY = Interval(date(2024, 6, 10), date(2024, 6, 10), "day")
OTHER_DAY = Interval(date(2024, 6, 11), date(2024, 6, 11), "day")
JUNE = Interval(date(2024, 6, 1), date(2024, 6, 30), "month")

TEXT = "The central bank raised its main interest rate to a record high."


def mention(article_id: str, interval: Interval = DAY, start: int = 900, **extra) -> Mention:
    fields = {
        "sentence": TEXT,
        "expression": "Monday",
        "value": "",
        "published": date(2024, 6, 12),
        "dated_by": "expression",
    } | extra
    return Mention(article=article_id, start=start, end=start + 60, interval=interval, **fields)


def event(name: str, mentions: list[Mention], text: str = TEXT) -> Event:
    first = mentions[0]
    return Event(id=name, date="", interval=first.interval, text=text, mentions=tuple(mentions))


def scores(events: list[Event]) -> dict[str, float]:
    return {e.id: e.score for e in score_events(events)}


def test_more_sources_and_a_date_more_articles_name_score_higher() -> None:
    wide = event("wide", [mention("a"), mention("b"), mention("c")])
    single = event("single", [mention("d", OTHER_DAY)])
    # another event on the wide event's day: its date is named by one more article
    echo = event("echo", [mention("e")], "Markets fell sharply after the announcement.")
    got = scores([wide, single, echo])
    assert got["wide"] > got["single"] > 0  # a date four articles name, against one
    assert got["wide"] > got["echo"] > 0  # on one date, more sources


def test_the_best_event_of_a_date_carries_the_date_score() -> None:
    events = score_events(
        [
            event("wide", [mention("a"), mention("b"), mention("c")]),
            event("echo", [mention("e")], "Markets fell sharply after the announcement."),
            event("single", [mention("d", OTHER_DAY)]),
        ]
    )
    best = {}
    for e in events:
        best[e.interval] = max(best.get(e.interval, 0.0), e.score)
    assert all(0 < v < 1 for v in best.values())  # a date's chance of being a key date
    assert best[DAY] > best[OTHER_DAY]


def test_an_event_that_opens_its_article_scores_higher() -> None:
    lead = event("lead", [mention("a", start=0)])
    later = event("later", [mention("b", start=2000)])
    got = scores([lead, later])
    assert got["lead"] > got["later"]


def test_a_day_outranks_a_month_and_an_expression_outranks_a_publication_day() -> None:
    day = event("day", [mention("a")])
    month = event("month", [mention("b", JUNE)])
    inferred = event("inferred", [mention("c", OTHER_DAY, dated_by="publication")])
    named = event("named", [mention("d", OTHER_DAY)])
    got = scores([day, month, inferred, named])
    assert got["day"] > got["month"]
    assert got["named"] > got["inferred"]


def test_entry_quality() -> None:
    assert entry_quality(TEXT) == 1.0
    assert entry_quality("They had made it into the capital by Friday after a long drive.") < 1
    assert entry_quality("Last week I decided to fly to the capital to see the damage.") < 1
    assert entry_quality("Getting through the day was hard.") < 1  # a fragment
    assert entry_quality("") == 0.0


def test_key_events_keep_the_best_dates_and_events_per_date() -> None:
    days = [DAY.begin + timedelta(days=n) for n in range(5)]
    events = []
    for n, day in enumerate(days):
        interval = Interval(day, day, "day")
        for k in range(3):
            text = [
                "Dockers at the northern harbour walked out over unpaid wages.",
                "Judges of the supreme court annulled the disputed election result.",
                "Soldiers sealed every road leading into the mountain province.",
            ][k]
            sources = [
                mention(f"a{n}{k}{s}", interval, published=date(2024, 6, 20))
                for s in range(n + 1 + (2 - k))
            ]
            events.append(event(f"e{n}{k}", sources, text))
    kept = key_events(score_events(events), key_dates=2, per_date=2)
    assert [e.id for e in kept] == ["e30", "e31", "e40", "e41"]  # the two busiest days
    assert [e.interval.begin for e in kept] == sorted(e.interval.begin for e in kept)
    assert len(key_events(score_events(events), key_dates=10, per_date=1)) == 5


def test_a_key_date_does_not_repeat_itself() -> None:
    same = "Rescuers pulled a woman alive from the rubble of the cathedral."
    events = [
        event("first", [mention("a"), mention("b")], same),
        event("again", [mention("c")], same.replace("a woman", "one woman")),
        event("else", [mention("d")], "The airport reopened to commercial flights."),
    ]
    kept = key_events(score_events(events), key_dates=1, per_date=2)
    assert [e.id for e in kept] == ["first", "else"]


# -- in a build ---------------------------------------------------------------------------


def busy_story(story: Path) -> None:
    """Three days of news: the quake day named by every article, then smaller days."""
    reports = {
        "2010-01-13": [
            "A powerful earthquake struck Haiti on Tuesday, flattening much of the capital.",
            "Aid flights began to land at the damaged airport on Wednesday.",
        ],
        "2010-01-14": [
            "The earthquake that struck Haiti on Tuesday killed thousands, officials said.",
            "Rescuers pulled survivors from a collapsed hotel on Wednesday.",
        ],
        "2010-01-15": [
            "Tuesday's earthquake in Haiti left a million people homeless.",
            "The United Nations appealed for emergency funds on Thursday.",
        ],
        "2010-01-16": [
            "Since the earthquake struck on January 12, aid has been slow to arrive.",
            "Troops began distributing water in the capital on Friday.",
        ],
    }
    for day, sentences in reports.items():
        write(story, f"{day}.md", article(day, " ".join(sentences) + "\n", source=f"Paper {day}"))


def test_build_keeps_key_events_in_every_output_and_all_in_the_page(
    story: Path, tmp_path: Path
) -> None:
    busy_story(story)
    out = tmp_path / "out"
    result = build_story(story, out, formats="html,json,csv,timelinejs", key_dates=2)
    document = json.loads((out / "test-story.json").read_text(encoding="utf-8"))
    events = document["events"]
    assert len(events) == 2 and len({e["date"] for e in events}) == 2
    assert any(e["date"] == "2010-01-12" and e["sources"] >= 3 for e in events)  # the quake
    assert all(isinstance(e["score"], float) and e["score"] > 0 for e in events)
    stats = document["story"]["stats"]
    assert stats["key_dates"] == {"dates": 2, "per_date": 1, "from_events": stats["events_merged"]}
    assert stats["events"] == 2 < stats["events_merged"]
    assert len(pd.read_csv(out / "test-story.csv")) == 2
    timelinejs = json.loads((out / "test-story.timeline.json").read_text(encoding="utf-8"))
    assert len(timelinejs["events"]) == 2
    page = (out / "test-story.html").read_text(encoding="utf-8")
    assert '"key_view": true' in page and f"2 key events of {stats['events_merged']}" in page
    assert [e.id for e in result.events] == [e["id"] for e in events]


def test_every_event_has_a_score_without_key_dates(story: Path, tmp_path: Path) -> None:
    busy_story(story)
    document = json.loads(build_story(story, tmp_path).outputs["json"].read_text())
    assert all(e["score"] > 0 for e in document["events"])
    assert "key_dates" not in document["story"]["stats"]
    assert '"key_view": false' in (tmp_path / "test-story.html").read_text(encoding="utf-8")


def test_story_toml_key_dates_and_options(story: Path, tmp_path: Path) -> None:
    busy_story(story)
    write(story, "story.toml", "key_dates = 1\nper_date = 2\n")
    result = build_story(story, tmp_path)
    # one date, at most two entries: the quake day has one event, with every report of it
    # (the sentences that only refer to it are its sources: issue 13)
    assert len({e.interval for e in result.events}) == 1 and len(result.events) <= 2
    assert max(e.sources for e in result.events) == 4
    assert len(build_story(story, tmp_path, key_dates=3, per_date=1).events) == 3
    write(story, "story.toml", 'key_dates = "ten"\n')
    result = build_story(story, tmp_path)
    assert any("key_dates must be a whole number" in p.message for p in result.problems)
    assert "key_dates" not in result.stats


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["--key-dates", "2", "--per-date", "2"], 0, "events"),
        (["--per-date", "2"], 2, "--per-date needs --key-dates"),
        (["--key-dates", "0"], 2, "0"),
    ],
)
def test_cli_key_dates(story: Path, tmp_path: Path, args: list[str], code: int, says: str) -> None:
    busy_story(story)
    result = CliRunner().invoke(main, ["build", str(story), "--out", str(tmp_path), *args])
    assert result.exit_code == code, result.output
    assert says in result.output
