"""Adding articles: timeline add (timeline.app.add), API and command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conftest import article, run, snapshot, write
from timeline.app.add import add_articles, normalise_text, slugify
from timeline.app.stories import new_story
from timeline.ingest.articles import load_story
from timeline.pipeline.build import build_story

HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Dam talks resume in Geneva | Example News</title>
<meta property="og:title" content="Dam talks resume in Geneva">
<meta property="article:published_time" content="2024-03-14T09:30:00+00:00">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example.org/dam-talks">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Dam talks resume in Geneva</h1>
<p>Negotiators from the three countries met in Geneva on Wednesday to resume talks over
the dam, after a break of several months caused by a dispute over the filling schedule.</p>
<p>The mediators said the parties had agreed to meet again next week, while the ministers
argued that a final deal would still need the approval of their parliaments.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>
"""


def md_files(story: Path) -> list[str]:
    return sorted(p.name for p in story.glob("*.md"))


def front_matter(path: Path) -> tuple[dict, str]:
    """The front matter (as YAML reads it) and body of a written article."""
    import yaml

    text = path.read_bytes().decode("utf-8")  # newlines as written
    assert text.startswith("---\n")
    header, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(header), body


def test_add_markdown_keeps_front_matter_and_body(story: Path, tmp_path: Path) -> None:
    body = "The summit opened on Monday.\r\n\n  Leaders met again on Tuesday.  "
    src = write(
        tmp_path,
        "in/a.md",
        article("2025-10-10", body, title="'Summit: day one'", source="Wire", author="A. Writer"),
    )
    report = add_articles(story, [src])
    assert report.ok and not report.duplicates
    (added,) = report.added
    assert added.source == str(src)
    assert added.path == story / "2025-10-10-summit-day-one.md"
    meta, written_body = front_matter(added.path)
    assert meta == {
        "title": "Summit: day one",
        "date": date(2025, 10, 10),
        "source": "Wire",
        "author": "A. Writer",
    }
    assert written_body == body
    (a,) = load_story(story).articles
    assert (a.title, a.published, a.source, a.body) == (
        "Summit: day one",
        date(2025, 10, 10),
        "Wire",
        body,
    )


def test_add_text_with_date_option_and_overrides(story: Path, tmp_path: Path) -> None:
    src = write(tmp_path, "notes.txt", "The ministers met on Friday.\n")
    report = add_articles(
        story, [src], date="October 10, 2025", source="Wire", url="https://example.org/x"
    )
    (added,) = report.added
    assert added.path.name == "2025-10-10-the-ministers-met-on-friday.md"
    meta, _ = front_matter(added.path)
    assert meta["date"] == date(2025, 10, 10) and meta["source"] == "Wire"
    assert meta["url"] == "https://example.org/x"


def test_add_text_dated_by_its_file_name(story: Path, tmp_path: Path) -> None:
    src = write(tmp_path, "2025-10-09_talks.txt", "Talks began.\n")
    (added,) = add_articles(story, [src]).added
    assert added.path.name == "2025-10-09-talks-began.md"
    assert load_story(story).articles[0].published == date(2025, 10, 9)


def test_add_html_page_keeps_text_and_metadata(story: Path, tmp_path: Path) -> None:
    src = write(tmp_path, "page.html", HTML_PAGE)
    (added,) = add_articles(story, [src]).added
    meta, body = front_matter(added.path)
    assert meta["title"] == "Dam talks resume in Geneva"
    assert meta["date"] == date(2024, 3, 14)
    assert meta["source"] == "Example News"
    assert meta["url"] == "https://news.example.org/dam-talks"
    assert "met in Geneva on Wednesday" in body and "Home" not in body.split()
    assert added.path.name == "2024-03-14-dam-talks-resume-in-geneva.md"
    # The same page again is the same text: a duplicate, whatever its file name.
    again = add_articles(story, [write(tmp_path, "copy.htm", HTML_PAGE)])
    assert [str(d) for d in again.duplicates] == [
        f"{tmp_path / 'copy.htm'}: already in story as {added.path.name}"
    ]


def test_add_jsonl_records_one_file_each(story: Path, tmp_path: Path) -> None:
    lines = [
        {
            "id": "r1",
            "text": "The strike began on Monday.",
            "date": "2025-03-03",
            "title": "Strike",
        },
        {"text": "The strike ended on Friday.", "date": "2025-03-07", "source": "Wire"},
    ]
    src = write(tmp_path, "feed.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    report = add_articles(story, [src])
    assert [a.source for a in report.added] == [f"{src}#r1", f"{src}#2"]
    assert md_files(story) == ["2025-03-03-strike.md", "2025-03-07-the-strike-ended-on-friday.md"]
    assert front_matter(story / "2025-03-03-strike.md")[0]["id"] == "r1"


def test_add_stdin_through_the_command(story: Path) -> None:
    text = "---\ntitle: Pasted\n---\nThe vote was held on Sunday.\n"
    result = run("add", str(story), "-", "--date", "2025-06-01", input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(story / "2025-06-01-pasted.md")
    assert front_matter(story / "2025-06-01-pasted.md") == (
        {"title": "Pasted", "date": date(2025, 6, 1)},
        "The vote was held on Sunday.\n",
    )
    assert "1 added" in result.stderr


def test_add_story_by_name_and_folder_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    new_story("rates")
    inbox = tmp_path / "inbox"
    write(inbox, "2024-06-12-a.txt", "Rates were held on Wednesday.")
    write(inbox, "b.md", article("2024-06-14", "Rates rose on Friday."))
    write(inbox, "photo.jpg", b"\xff\xd8\xff")
    write(inbox, "deeper/c.md", article("2024-06-15", "Not added: a sub-folder."))
    result = run("add", "rates", str(inbox))
    assert result.exit_code == 0, result.output
    assert md_files(tmp_path / "stories" / "rates") == [
        "2024-06-12-rates-were-held-on-wednesday.md",
        "2024-06-14-rates-rose-on-friday.md",
    ]
    assert "2 ignored (sub-folders, other file types): deeper/, photo.jpg" in result.stderr


def test_name_clash_gets_a_new_name_and_never_overwrites(story: Path, tmp_path: Path) -> None:
    taken = write(story, "2025-10-10-summit.md", article("2025-10-10", "Another text.\n"))
    before = taken.read_bytes()
    src = write(tmp_path, "a.md", article("2025-10-10", "The summit opened.", title="Summit"))
    src2 = write(tmp_path, "b.md", article("2025-10-10", "The summit closed.", title="Summit"))
    report = add_articles(story, [src, src2])
    assert [a.path.name for a in report.added] == [
        "2025-10-10-summit-2.md",
        "2025-10-10-summit-3.md",
    ]
    assert taken.read_bytes() == before
    assert not [p for p in story.iterdir() if p.name.startswith(".")]  # no temporary left


def test_duplicate_text_is_reported_not_added(story: Path, tmp_path: Path) -> None:
    write(story, "old.md", article("2025-10-10", "The talks opened  on Monday.\nThey ended."))
    same = write(tmp_path, "same.txt", "THE TALKS opened on Monday.   They ended.\n")
    fresh = write(tmp_path, "fresh.txt", "A different article about the talks.")
    fresh_copy = write(tmp_path, "fresh-copy.txt", "A  different article about the talks. ")
    before = snapshot(story)
    result = run("add", str(story), str(same), str(fresh), str(fresh_copy), "--date", "2025-10-11")
    assert result.exit_code == 0, result.output
    assert f"{same}: already in story as old.md" in result.stderr
    assert (
        f"{fresh_copy}: already in story as 2025-10-11-a-different-article-about-the-talks.md"
        in result.stderr
    )
    assert len(snapshot(story)) == len(before) + 1
    assert "1 added, 2 already in story" in result.stderr


def test_normalised_text_folds_layout_case_and_typography() -> None:
    assert normalise_text("It\u2019s  \u201cover\u201d \u2014 Now\u00a0") == 'it\'s "over" - now'
    assert normalise_text("It is over.") != normalise_text("It is over!")


def test_missing_date_is_an_error_and_nothing_is_written(story: Path, tmp_path: Path) -> None:
    src = write(tmp_path, "undated.txt", "The summit opened on Monday.")
    before = snapshot(story)
    result = run("add", str(story), str(src))
    assert result.exit_code == 1
    assert f"{src}: no publication date (give --date YYYY-MM-DD)" in result.stderr
    assert result.stdout == "" and snapshot(story) == before


def test_other_articles_are_added_despite_problems(story: Path, tmp_path: Path) -> None:
    good = write(tmp_path, "good.md", article("2025-01-02", "It rained."))
    undated = write(tmp_path, "undated.md", "No date.")
    result = run("add", str(story), str(undated), str(good), str(tmp_path / "missing.md"))
    assert result.exit_code == 1
    assert md_files(story) == ["2025-01-02-it-rained.md"]
    assert f"{tmp_path / 'missing.md'}: no such file" in result.stderr


def test_bad_date_option_and_missing_story(story: Path, tmp_path: Path) -> None:
    src = write(tmp_path, "a.txt", "Text.")
    result = run("add", str(story), str(src), "--date", "2025-02-30")
    assert result.exit_code == 2 and "impossible publication date '2025-02-30'" in result.stderr
    result = run("add", str(story), str(src), "--date", "2999-01-01")
    assert result.exit_code == 2 and "in the future" in result.stderr
    result = run("add", str(tmp_path / "nope"), str(src))
    assert result.exit_code == 1 and "timeline new nope" in result.stderr
    assert md_files(story) == []


def test_added_articles_build_into_dated_events(story: Path, tmp_path: Path) -> None:
    add_articles(story, [write(tmp_path, "a.txt", "The bridge reopened on Monday.")], "2025-10-10")
    add_articles(
        story,
        ["-"],
        stdin_text="Officials said Friday that repairs were finished.",
        date="2025-10-11",
    )
    result = build_story(story, tmp_path / "out", formats="json")
    assert result.problems == []
    dates = sorted(e.interval.begin for e in result.events)
    assert dates == [date(2025, 10, 6), date(2025, 10, 10)]


def test_slugify() -> None:
    assert slugify("Melania Trump Says Has 'Open Channel' With Putin") == (
        "melania-trump-says-has-open-channel-with-putin"
    )
    assert slugify("Überraschung in São Paulo") == "uberraschung-in-sao-paulo"
    assert slugify("Путин") == "article"
    long = slugify("word " * 30)
    assert len(long) <= 60 and not long.endswith("-") and long.endswith("word")


def test_pasted_web_page_is_read_as_html(story: Path) -> None:
    result = run("add", str(story), "-", input=HTML_PAGE)
    assert result.exit_code == 0, result.output
    assert md_files(story) == ["2024-03-14-dam-talks-resume-in-geneva.md"]
