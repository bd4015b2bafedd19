"""TimelineJS export: date objects per granularity, lanes, the HTML summary and escaping."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from conftest import article, write
from timeline import build_story
from timeline.export.shared import SEVERAL_OUTLETS, conflict_date, safe_url
from timeline.export.timelinejs import (
    date_objects,
    timelinejs_document,
    write_timelinejs,
)
from timeline.models import Article, Conflict, Event, Interval, Mention, Story
from timeline.resolve.calendar import unit_interval

PUBLISHED = date(2025, 10, 10)
HOSTILE = '<script>alert("x")</script> and <img src=x onerror="alert(1)">'


def make_article(
    article_id: str, source: str = "Wire", url: str = "", title: str = "Title"
) -> Article:
    return Article(
        id=article_id,
        path=article_id,
        title=title,
        published=PUBLISHED,
        body="",
        content="",
        source=source,
        url=url,
    )


def make_mention(
    article_id: str, interval: Interval, sentence: str = "Talks began.", expression: str = ""
) -> Mention:
    return Mention(
        article=article_id,
        start=0,
        end=len(sentence),
        sentence=sentence,
        expression=expression,
        value="",
        interval=interval,
        published=PUBLISHED,
    )


def make_event(
    interval: Interval,
    article_ids: tuple[str, ...] = ("a.md",),
    text: str = "Talks began.",
    sentence: str = "Talks began.",
    conflicts: tuple[Conflict, ...] = (),
) -> Event:
    mentions = tuple(make_mention(a, interval, sentence, "Friday") for a in article_ids)
    return Event(
        id="ev-0123456789ab",
        date="",
        interval=interval,
        text=text,
        mentions=mentions,
        conflicts=conflicts,
    )


def make_story(*articles: Article, title: str = "A story", description: str = "") -> Story:
    return Story(name="s", path="s", title=title, description=description, articles=list(articles))


def slide(event: Event, *articles: Article) -> dict:
    story = make_story(*(articles or (make_article("a.md"),)))
    return timelinejs_document(story, [event])["events"][0]


@pytest.mark.parametrize(
    ("granularity", "day", "start", "end", "display"),
    [
        ("day", date(2025, 10, 10), {"year": 2025, "month": 10, "day": 10}, None, "10 Oct 2025"),
        ("month", date(2025, 8, 5), {"year": 2025, "month": 8}, None, "August 2025"),
        ("year", date(2024, 3, 1), {"year": 2024}, None, "2024"),
        (
            "week",
            date(2025, 10, 8),
            {"year": 2025, "month": 10, "day": 6},
            {"year": 2025, "month": 10, "day": 12},
            "week of 6 Oct 2025",
        ),
        (
            "quarter",
            date(2025, 8, 1),
            {"year": 2025, "month": 7},
            {"year": 2025, "month": 9},
            "Q3 2025",
        ),
        (
            "half",
            date(2025, 2, 1),
            {"year": 2025, "month": 1},
            {"year": 2025, "month": 6},
            "H1 2025",
        ),
        (
            "season",
            date(2025, 12, 15),
            {"year": 2025, "month": 12},
            {"year": 2026, "month": 2},
            "Winter 2025–26",
        ),
        ("decade", date(1994, 1, 1), {"year": 1990}, {"year": 1999}, "the 1990s"),
        ("century", date(1950, 1, 1), {"year": 1900}, {"year": 1999}, "the 20th century"),
    ],
)
def test_dates_hold_only_what_the_granularity_knows(
    granularity: str, day: date, start: dict, end: dict | None, display: str
) -> None:
    interval = unit_interval(granularity, day)
    out = slide(make_event(interval))
    assert out["start_date"] == start
    assert out.get("end_date") == end
    assert ("end_date" in out) == (end is not None)
    assert out["display_date"] == display


def test_multi_day_span_is_two_day_dates() -> None:
    interval = Interval(date(2025, 10, 9), date(2025, 10, 10), "day")
    out = slide(make_event(interval))
    assert out["start_date"] == {"year": 2025, "month": 10, "day": 9}
    assert out["end_date"] == {"year": 2025, "month": 10, "day": 10}
    assert out["display_date"] == "9–10 Oct 2025"


def test_month_range_and_unaligned_spans_fall_back_to_exact_precision() -> None:
    # "from March to May 2024": months, not days
    months = Interval(date(2024, 3, 1), date(2024, 5, 31), "month")
    assert date_objects(months) == ({"year": 2024, "month": 3}, {"year": 2024, "month": 5})
    # a month-granularity event whose merged span is not whole months: days
    ragged = Interval(date(2024, 3, 10), date(2024, 4, 30), "month")
    assert date_objects(ragged) == (
        {"year": 2024, "month": 3, "day": 10},
        {"year": 2024, "month": 4, "day": 30},
    )
    # "between 2019 and 2021": years
    years = Interval(date(2019, 1, 1), date(2021, 12, 31), "year")
    assert date_objects(years) == ({"year": 2019}, {"year": 2021})
    # a whole year at month granularity keeps the months it was given
    whole = Interval(date(2024, 1, 1), date(2024, 12, 31), "month")
    assert date_objects(whole) == ({"year": 2024, "month": 1}, {"year": 2024, "month": 12})


def test_slide_fields_group_and_id() -> None:
    interval = unit_interval("day", PUBLISHED)
    out = slide(make_event(interval))
    assert out["unique_id"] == "ev-0123456789ab"
    assert out["group"] == "Wire"
    assert out["text"]["headline"] == "Talks began."
    assert out["autolink"] is False


def test_group_is_several_outlets_only_for_distinct_outlets() -> None:
    interval = unit_interval("day", PUBLISHED)
    same = slide(
        make_event(interval, ("a.md", "b.md")),
        make_article("a.md", source="Wire"),
        make_article("b.md", source="Wire"),
    )
    assert same["group"] == "Wire"
    several = slide(
        make_event(interval, ("a.md", "b.md")),
        make_article("a.md", source="Wire"),
        make_article("b.md", source="Paper"),
    )
    assert several["group"] == SEVERAL_OUTLETS
    by_site = slide(
        make_event(interval), make_article("a.md", source="", url="https://www.ex.org/a")
    )
    assert by_site["group"] == "ex.org"


def test_summary_links_sources_and_lists_sentences_and_conflicts() -> None:
    interval = unit_interval("day", PUBLISHED)
    event = make_event(
        interval,
        ("a.md", "b.md"),
        sentence="The talks began on Friday.",
        conflicts=(Conflict("2025-10-09", ("b.md",)),),
    )
    out = slide(
        event,
        make_article("a.md", source="Wire", url="https://example.org/a", title="Talks"),
        make_article("b.md", source="Paper", url=""),
    )
    body = out["text"]["text"]
    assert (
        '<a href="https://example.org/a" rel="noopener noreferrer" target="_blank">Wire</a>' in body
    )
    assert "Paper" in body and body.count("<a ") == 1
    assert body.count("The talks began on Friday.") == 2
    assert "“Friday”" in body
    assert "9 Oct 2025 (Paper)" in body
    assert "2 sources" in body


def test_article_text_titles_and_urls_are_escaped_and_unsafe_urls_unlinked() -> None:
    interval = unit_interval("day", PUBLISHED)
    event = make_event(interval, ("a.md", "b.md", "c.md"), text=HOSTILE, sentence=HOSTILE)
    articles = (
        make_article("a.md", source=HOSTILE, url="javascript:alert(1)", title=HOSTILE),
        make_article("b.md", source="Paper", url="data:text/html,<script>alert(1)</script>"),
        make_article("c.md", source="Site", url='https://ex.org/"><script>x</script>'),
    )
    story = make_story(*articles, title=HOSTILE, description=HOSTILE)
    document = timelinejs_document(story, [event])
    out = document["events"][0]
    strings = [
        out["text"]["headline"],
        out["text"]["text"],
        out["group"],
        out["display_date"],
        document["title"]["text"]["headline"],
        document["title"]["text"]["text"],
    ]
    for text in strings:
        assert "<script" not in text.lower()
        assert "<img" not in text.lower()
        assert not re.search(r"<[^>]*onerror=", text)
    assert "&lt;script&gt;" in out["text"]["headline"]
    assert "javascript:" not in out["text"]["text"]
    assert "data:" not in out["text"]["text"]
    # the only link is the https one, with its quote escaped inside the attribute
    hrefs = re.findall(r'href="([^"]*)"', out["text"]["text"])
    assert hrefs == ["https://ex.org/&quot;&gt;&lt;script&gt;x&lt;/script&gt;"]
    assert out["group"] == SEVERAL_OUTLETS


def test_safe_url() -> None:
    assert safe_url("https://example.org/a?b=1")
    assert safe_url("HTTP://example.org")
    for url in (
        "",
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//example.org/a",
        "/relative",
        "https://",
        "https://exa mple.org",
        "https://example.org/\nx",
    ):
        assert not safe_url(url), url


def test_conflict_date_is_human() -> None:
    assert conflict_date("2025-08") == "August 2025"
    assert conflict_date("2025-10-09/2025-10-10") == "9–10 Oct 2025"
    assert conflict_date("nonsense") == "nonsense"


def test_title_slide_and_written_file_is_valid_json(tmp_path: Path) -> None:
    interval = unit_interval("month", date(2025, 8, 1))
    story = make_story(
        make_article("a.md"), title="Story & more", description="What <b>happened</b>."
    )
    document = timelinejs_document(story, [make_event(interval)])
    assert document["title"]["text"] == {
        "headline": "Story &amp; more",
        "text": "<p>What &lt;b&gt;happened&lt;/b&gt;.</p>",
    }
    assert "start_date" not in document["title"]
    path = write_timelinejs(tmp_path / "out" / "s.timeline.json", document)
    assert path.exists()
    assert json.loads(path.read_text(encoding="utf-8")) == document


def test_built_story_exports(story: Path, tmp_path: Path) -> None:
    """Real objects from the pipeline, not just hand-made ones."""
    write(
        story,
        "a.md",
        article(
            "2024-06-14",
            "The central bank raised interest rates on Thursday.\n"
            "Thousands marched in the capital in May.\n",
            source="Wire",
            url="https://example.org/a",
        ),
    )
    result = build_story(story, tmp_path / "out", formats="json")
    document = timelinejs_document(result.story, result.events)
    slides = {s["display_date"]: s for s in document["events"]}
    assert slides["13 Jun 2024"]["start_date"] == {"year": 2024, "month": 6, "day": 13}
    assert slides["May 2024"]["start_date"] == {"year": 2024, "month": 5}
    assert all(s["group"] == "Wire" for s in document["events"])
    assert {s["unique_id"] for s in document["events"]} == {e.id for e in result.events}


def test_groups_can_follow_the_page_lanes() -> None:
    interval = unit_interval("day", PUBLISHED)
    story = make_story(make_article("a.md"))
    events = [make_event(interval), make_event(interval)]
    document = timelinejs_document(story, events, groups=["<b>Other</b> outlets", ""])
    first, second = document["events"]
    assert first["group"] == "&lt;b&gt;Other&lt;/b&gt; outlets"
    assert "group" not in second
    with pytest.raises(ValueError, match="1 groups for 2 events"):
        timelinejs_document(story, events, groups=["x"])
