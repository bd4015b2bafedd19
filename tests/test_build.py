"""Full builds: HTML, JSON and CSV outputs, errors, and the example story."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from conftest import EXAMPLE_STORY, article, snapshot, write
from timeline import BuildError, build_story
from timeline.export import events_table

HOSTILE = (
    'The council voted on Monday to ban <script>alert("x")</script> and '
    '<img src=x onerror="alert(1)"> tags; see javascript:alert(2) and </script><b>bold</b>.\n'
)


def test_full_build_writes_three_outputs(story: Path, tmp_path: Path) -> None:
    write(
        story,
        "a.md",
        article(
            "2024-06-14",
            "The central bank raised interest rates on Thursday.\n",
            source="Wire",
            url="https://example.org/a",
            title="Rates up",
        ),
    )
    write(
        story,
        "b.md",
        article("2024-06-15", "Thousands marched in the capital in May.\n", source="Paper"),
    )
    out = tmp_path / "out"
    result = build_story(story, out)
    assert set(result.outputs) == {"html", "json", "csv"}
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "test-story.csv",
        "test-story.html",
        "test-story.json",
    ]

    doc = json.loads((out / "test-story.json").read_text())
    assert doc["story"]["name"] == "test-story"
    assert {"title", "built_at"} <= set(doc["story"])
    assert [a["id"] for a in doc["articles"]] == ["a.md", "b.md"]
    assert {"id", "path", "title", "source", "url", "published"} <= set(doc["articles"][0])
    by_date = {e["date"]: e for e in doc["events"]}
    assert set(by_date) == {"2024-06-13", "2024-05"}
    rate = by_date["2024-06-13"]
    assert (rate["start"], rate["end"], rate["granularity"], rate["sources"]) == (
        "2024-06-13",
        "2024-06-13",
        "day",
        1,
    )
    (mention,) = rate["mentions"]
    body = "The central bank raised interest rates on Thursday.\n"
    assert body[mention["start"] : mention["end"]] == mention["sentence"]
    assert (mention["article"], mention["expression"], mention["value"]) == (
        "a.md",
        "Thursday",
        "2024-06-13",
    )
    assert by_date["2024-05"]["granularity"] == "month"

    table = pd.read_csv(out / "test-story.csv")
    assert list(table.columns[:8]) == [
        "id",
        "date",
        "start",
        "end",
        "granularity",
        "display_date",
        "text",
        "sources",
    ]
    assert table.set_index("date").loc["2024-06-13", "url"] == "https://example.org/a"
    # the Python API's table is the CSV's
    api_table = events_table(result.events, {a.id: a for a in result.story.articles})
    pd.testing.assert_frame_equal(api_table.astype(str), table.fillna("").astype(str))

    page = (out / "test-story.html").read_text()
    assert "Plotly.newPlot" in page and not re.search(r"<script[^>]+src=", page)  # inline plotly.js
    assert "May 2024" in page and "13 Jun 2024" in page


def test_format_option_writes_only_what_is_asked(story: Path, tmp_path: Path) -> None:
    write(story, "a.md", article("2024-06-14", "Rates rose on Thursday.\n"))
    result = build_story(story, tmp_path / "out", formats="json")
    assert list(result.outputs) == ["json"]
    with pytest.raises(ValueError, match="unknown format"):
        build_story(story, tmp_path / "out", formats="pdf")


def test_article_text_cannot_run_script_in_the_page(story: Path, tmp_path: Path) -> None:
    write(
        story,
        "evil.md",
        article(
            "2024-06-14",
            HOSTILE,
            title="<script>alert(3)</script>",
            source="</script><script>alert(4)</script>",
            url="javascript:alert(5)",
        ),
    )
    page = build_story(story, tmp_path).outputs["html"].read_text()
    blocks = re.findall(r"<script([^>]*)>(.*?)</script>", page, flags=re.S)
    # plotly.js, the data, the figure, the page's code: nothing more, nothing from the article
    kinds = [("json" if "application/json" in attrs else "code") for attrs, _ in blocks]
    assert kinds == ["code", "json", "json", "code"]
    assert all("nonce=" in attrs for attrs, _ in blocks if "application/json" not in attrs)
    assert "alert" not in blocks[0][1] + blocks[3][1]
    data = json.loads(blocks[1][1])
    assert json.loads(blocks[2][1])["data"]  # the escaped JSON still parses
    (evil,) = data["articles"]
    assert evil["title"] == "<script>alert(3)</script>"  # kept as text, shown with textContent
    assert evil["url"] == ""  # only http(s) links
    outside = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
    assert "<img" not in outside and "<b>bold" not in outside and "alert(" not in outside
    assert "Content-Security-Policy" in page and "script-src 'nonce-" in page


def test_bad_articles_are_skipped_and_the_story_folder_is_untouched(
    story: Path, tmp_path: Path
) -> None:
    write(story, "good.md", article("2024-06-14", "Rates rose on Thursday.\n"))
    write(story, "empty.md", "")
    write(story, "nodate.txt", "Just text.")
    write(story, "binary.txt", b"\x00\x01\x02binary")
    before = snapshot(story)
    result = build_story(story, tmp_path / "out")
    assert result.stats["articles"] == 1
    assert {Path(p.path).name for p in result.problems} == {"empty.md", "nodate.txt", "binary.txt"}
    assert snapshot(story) == before


def test_no_readable_article_is_an_error(story: Path, tmp_path: Path) -> None:
    write(story, "nodate.txt", "Just text.")
    with pytest.raises(BuildError, match="no readable article"):
        build_story(story, tmp_path)
    with pytest.raises(BuildError, match="not found"):
        build_story(tmp_path / "missing", tmp_path)


def test_example_story_timeline(tmp_path: Path) -> None:
    folder = tmp_path / "ukrainian-children"
    shutil.copytree(EXAMPLE_STORY, folder)
    before = snapshot(folder)
    result = build_story(folder, tmp_path / "out")
    assert snapshot(folder) == before

    def event_of(words: str):
        (event,) = [e for e in result.events if any(words in m.sentence for m in e.mentions)]
        return event

    # the announcement, the reunifications of the past 24 hours, the letter and the summit
    announcement = event_of("said Friday")
    assert (announcement.date, announcement.mentions[0].dated_by) == ("2025-10-10", "expression")
    reunions = event_of("reunited with their families")
    assert reunions.date == "2025-10-09/2025-10-10"
    assert event_of("rejoined with their families") is reunions
    assert reunions.mentions[0].expression == "the past 24 hours"
    for words in ("a summit in Alaska in August", "received my letter last August"):
        august = event_of(words)
        assert (august.date, august.interval.granularity) == ("2025-08", "month")
    # the quote goes on in the same paragraph: it is dated by "last August", not guessed
    response = event_of("He responded in writing")
    assert (response.date, response.mentions[0].dated_by) == ("2025-08", "narrative")
    assert all(e.interval.end <= date(2025, 10, 10) for e in result.events)
    text = " ".join(m.sentence for e in result.events for m in e.mentions)
    for furniture in ("newsletter", "every Friday", "monthly", "support today", "Dear readers"):
        assert furniture not in text


def _two_source_story(story: Path) -> None:
    write(
        story,
        "a.md",
        article(
            "2024-06-14",
            "The central bank raised its interest rate to 4.5 "
            "percent on Thursday.\n\nStorms hit the coast in May.\n",
        ),
    )
    write(
        story,
        "b.md",
        article(
            "2024-06-15", "On June 13, the central bank raised its interest rate to 4.5 percent.\n"
        ),
    )


def test_min_sources_and_date_window(story: Path, tmp_path: Path) -> None:
    _two_source_story(story)
    everything = build_story(story, tmp_path / "all", formats="json")
    assert {e.date for e in everything.events} == {"2024-06-13", "2024-05"}
    shared = build_story(story, tmp_path / "two", formats="json", min_sources=2)
    assert [(e.date, e.sources) for e in shared.events] == [("2024-06-13", 2)]
    june = build_story(
        story, tmp_path / "june", formats="json", since=date(2024, 6, 1), until=date(2024, 6, 30)
    )
    assert [e.date for e in june.events] == ["2024-06-13"]
    doc = json.loads(june.outputs["json"].read_text())
    assert doc["story"]["stats"]["filter"] == {
        "min_sources": 1,
        "since": "2024-06-01",
        "until": "2024-06-30",
    }
    assert doc["story"]["stats"]["events_merged"] == 2


def test_story_toml_filters_and_bad_values(story: Path, tmp_path: Path) -> None:
    _two_source_story(story)
    write(story, "story.toml", 'title = "Rates"\nmin_sources = 2\nsince = "2024-06-01"\n')
    result = build_story(story, tmp_path, formats="json")
    assert [e.date for e in result.events] == ["2024-06-13"]
    # a flag overrides the story's setting
    assert len(build_story(story, tmp_path, formats="json", min_sources=1).events) == 1
    write(story, "story.toml", 'min_sources = "two"\nuntil = "June"\n')
    result = build_story(story, tmp_path, formats="json")
    messages = [p.message for p in result.problems]
    assert any("min_sources must be a whole number" in m for m in messages)
    assert any("until must be a date" in m for m in messages)
    assert len(result.events) == 2


def test_json_records_how_events_are_dated_and_their_conflicts(story: Path, tmp_path: Path) -> None:
    text = "A magnitude 7.1 earthquake struck off the coast of Chile {}, toppling buildings.\n"
    write(story, "a.md", article("2024-06-14", text.format("on June 12")))
    write(story, "b.md", article("2024-06-15", text.format("on June 11")))
    write(story, "c.md", article("2024-06-16", text.format("on June 12")))
    doc = json.loads(build_story(story, tmp_path, formats="json").outputs["json"].read_text())
    (event,) = doc["events"]
    assert (event["date"], event["dated_by"]) == ("2024-06-12", "expression")
    assert event["conflicts"] == [{"date": "2024-06-11", "articles": ["b.md"]}]
    assert {m["dated_by"] for m in event["mentions"]} == {"expression"}
