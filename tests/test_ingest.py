"""Ingest: every input format, publication-date precedence, and bad files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import article, snapshot, write
from timeline.ingest.articles import NO_DATE_MESSAGE, load_story

HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Parliament approves the budget | Example News</title>
<meta property="og:title" content="Parliament approves the budget">
<meta property="article:published_time" content="2024-03-14T09:30:00+00:00">
<meta property="og:site_name" content="Example News">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Parliament approves the budget</h1>
<p>The parliament approved the national budget on Wednesday after a long debate that
lasted well into the night, ending months of negotiations between the coalition parties.</p>
<p>The finance minister said the plan would cut the deficit by half over the next two
years, while opposition members argued that it failed to protect public services.</p>
<p>The budget will now go to the president, who is expected to sign it before the end of
the month, officials said.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>
"""


def test_markdown_with_front_matter(story: Path) -> None:
    body = "The summit opened on Monday.\nLeaders met again on Tuesday.\n"
    write(
        story,
        "a.md",
        article("2025-10-10", body, title="Summit", source="Wire", url="https://example.org/a"),
    )
    result = load_story(story)
    assert result.problems == []
    (a,) = result.articles
    assert (a.id, a.title, a.source, a.url) == ("a.md", "Summit", "Wire", "https://example.org/a")
    assert a.published == date(2025, 10, 10)
    assert a.body == body  # offsets index the text after the front matter, untouched


def test_front_matter_datetime_is_converted_to_the_story_timezone(story: Path) -> None:
    write(story, "story.toml", 'title = "T"\ntimezone = "Asia/Tokyo"\n')
    write(story, "a.md", article("2025-10-10T20:00:00+00:00", "Text on Friday."))
    (a,) = load_story(story).articles
    assert a.published == date(2025, 10, 11)


def test_written_out_front_matter_date(story: Path) -> None:
    write(story, "a.md", article("October 10, 2025", "Text."))
    assert load_story(story).articles[0].published == date(2025, 10, 10)


def test_plain_text_dated_by_file_name(story: Path) -> None:
    write(story, "2025-10-10-summit.txt", "The summit opened on Monday.")
    (a,) = load_story(story).articles
    assert a.published == date(2025, 10, 10)
    assert a.title == "The summit opened on Monday."


def test_front_matter_beats_file_name(story: Path) -> None:
    write(story, "2020-01-01-old.md", article("2025-10-10", "Text."))
    assert load_story(story).articles[0].published == date(2025, 10, 10)


def test_html_page(story: Path) -> None:
    write(story, "page.html", HTML_PAGE)
    (a,) = load_story(story).articles
    assert a.published == date(2024, 3, 14)
    assert "Parliament approves the budget" in a.title
    assert "approved the national budget on Wednesday" in a.body
    assert "Home" not in a.body.split()


def test_html_metadata_beats_file_name(story: Path) -> None:
    write(story, "2020-01-01-page.html", HTML_PAGE)
    assert load_story(story).articles[0].published == date(2024, 3, 14)


def test_html_without_date_falls_back_to_file_name(story: Path) -> None:
    page = HTML_PAGE.replace(
        '<meta property="article:published_time" content="2024-03-14T09:30:00+00:00">', ""
    )
    write(story, "2024-03-15_page.html", page)
    assert load_story(story).articles[0].published == date(2024, 3, 15)


def test_json_record_and_list(story: Path) -> None:
    write(
        story,
        "one.json",
        json.dumps(
            {"text": "It rained on Monday.", "date": "2025-01-08", "title": "Rain", "id": "r1"}
        ),
    )
    write(
        story,
        "many.json",
        json.dumps(
            [
                {"text": "First.", "date": "2025-01-01"},
                {"text": "Second.", "date": "2025-01-02", "source": "Wire"},
            ]
        ),
    )
    articles = {a.id: a for a in load_story(story).articles}
    assert set(articles) == {"one.json#r1", "many.json#1", "many.json#2"}
    assert articles["one.json#r1"].title == "Rain"
    assert articles["many.json#2"].source == "Wire"


def test_jsonl_records(story: Path) -> None:
    lines = [
        json.dumps({"id": "x", "text": "Alpha happened.", "date": "2025-01-01"}),
        "",
        json.dumps({"text": "Beta happened.", "date": "2025-01-02"}),
        "{not json",
        json.dumps({"text": "Gamma happened."}),
    ]
    write(story, "feed.jsonl", "\n".join(lines) + "\n")
    result = load_story(story)
    assert [a.id for a in result.articles] == ["feed.jsonl#x", "feed.jsonl#3"]
    messages = [str(p) for p in result.problems]
    assert any("feed.jsonl#4" in m and "invalid JSON" in m for m in messages)
    assert any("feed.jsonl#5" in m and NO_DATE_MESSAGE in m for m in messages)


def test_story_settings(story: Path) -> None:
    write(story, "story.toml", 'title = "The Story"\ndescription = "About it"\nlanguage = "en"\n')
    write(story, "a.md", article("2025-01-01", "Text."))
    result = load_story(story)
    assert (result.title, result.description, result.name) == (
        "The Story",
        "About it",
        "test-story",
    )


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("empty.md", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("broken.md", "---\ntitle: [unclosed\ndate: 2025-01-01\n---\nText.", "broken front matter"),
        (
            "unclosed.md",
            "---\ntitle: x\ndate: 2025-01-01\nText without the closing line.",
            "broken front matter",
        ),
        ("nodate.md", "Text without any date.", NO_DATE_MESSAGE),
        (
            "impossible.md",
            "---\ndate: 2025-02-30\n---\nText.",
            "impossible publication date '2025-02-30'",
        ),
        ("future.md", "---\ndate: 2999-01-01\n---\nText.", "in the future"),
        ("bad.json", "{oops", "invalid JSON"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_bad_file_is_reported_and_the_rest_still_reads(
    story: Path, name: str, content: str | bytes, reason: str
) -> None:
    write(story, "good.md", article("2025-01-01", "Good text."))
    write(story, name, content)
    before = snapshot(story)
    result = load_story(story)
    assert [a.id for a in result.articles] == ["good.md"]
    (problem,) = result.problems
    assert problem.path == str(story / name)
    assert reason in problem.message
    assert "\n" not in str(problem)
    assert snapshot(story) == before


def test_latin1_and_bom_text_are_decoded(story: Path) -> None:
    write(story, "latin.txt", "---\ndate: 2025-01-01\n---\nCaf\xe9 r\xe9opened.".encode("latin-1"))
    write(story, "bom.md", "\ufeff---\ndate: 2025-01-02\n---\nThe BOM is gone.".encode())
    articles = {a.id: a for a in load_story(story).articles}
    assert articles["latin.txt"].body == "Café réopened."
    assert articles["bom.md"].body == "The BOM is gone."


def test_symlink_outside_the_story_is_not_read(story: Path, tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.md", article("2025-01-01", "Secret text."))
    (story / "link.md").symlink_to(secret)
    write(story, "good.md", article("2025-01-01", "Good text."))
    result = load_story(story)
    assert [a.id for a in result.articles] == ["good.md"]
    assert "outside the story" in result.problems[0].message


def test_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_story(tmp_path / "nope")
