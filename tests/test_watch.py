"""Watching a story: timeline watch (timeline.app.watch), API and command line."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from click.testing import CliRunner

from conftest import article, write
from timeline.app.cli import main
from timeline.app.watch import StoryChangeFilter, watch_story
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


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def md_files(story: Path) -> list[str]:
    return sorted(p.name for p in story.glob("*.md"))


def front_matter(path: Path) -> tuple[dict, str]:
    """The front matter (as YAML reads it) and body of a written article."""
    import yaml

    text = path.read_bytes().decode("utf-8")  # newlines as written
    assert text.startswith("---\n")
    header, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(header), body


def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_watch_rebuilds_on_change_and_stops(story: Path, tmp_path: Path) -> None:
    write(story, "a.md", article("2025-10-10", "The bridge reopened on Monday."))
    out = tmp_path / "out"
    built: list[int] = []
    errors: list[Exception] = []
    stop = threading.Event()

    def build(s: Path, o: Path):
        return build_story(s, o, formats="json")

    def on_build(result) -> None:
        built.append(len(result.story.articles))

    thread = threading.Thread(
        target=watch_story,
        args=(story, out),
        kwargs={
            "build": build,
            "on_build": on_build,
            "on_error": errors.append,
            "stop_event": stop,
            "debounce_ms": 300,
            "quiet_ms": 50,
        },
        daemon=True,
    )
    thread.start()
    try:
        wait_for(lambda: len(built) == 1)
        write(story, ".a.md.swp", "editor junk")  # ignored
        write(story, "b.md", article("2025-10-11", "Repairs ended on Friday."))
        wait_for(lambda: built[-1] == 2)
        os.remove(story / "a.md")
        os.remove(story / "b.md")
        wait_for(lambda: len(errors) == 1)  # no readable article: reported, still watching
        count = len(built)
        write(story, "c.md", article("2025-10-12", "Traffic resumed."))
        wait_for(lambda: len(built) > count)
    finally:
        stop.set()
        thread.join(timeout=5)
    assert not thread.is_alive()
    assert built[0] == 1 and 2 in built and built[-1] == 1
    assert "no readable article" in str(errors[0])


def test_watch_filter(story: Path, tmp_path: Path) -> None:
    keep = StoryChangeFilter(story, story / "out")
    root = story.resolve()
    for name in ("a.md", "sub/b.html", "story.toml", "_notes.md"):
        assert keep(None, str(root / name)), name
    for name in (
        ".a.md.swp",
        "a.md~",
        ".#a.md",
        "#a.md#",
        "4913",
        ".cache/x",
        "_drafts/a.md",
        "page.html.crdownload",
        "out/test-story.json",
    ):
        assert not keep(None, str(root / name)), name


def test_watch_command_needs_a_story(tmp_path: Path) -> None:
    result = run("watch", str(tmp_path / "nope"))
    assert result.exit_code == 1 and "no such story folder" in result.stderr


def test_watch_reporter_lines(story: Path, tmp_path: Path) -> None:
    from timeline.app.watch import WatchReporter

    write(story, "a.md", article("2025-10-10", "The bridge reopened on Monday."))
    write(story, "bad.txt", "No date.")
    lines: list[tuple[str, bool]] = []
    reporter = WatchReporter(lambda line, err: lines.append((line, err)))
    result = build_story(story, tmp_path / "out", formats="json")
    reporter.build(result)
    reporter.build(result)  # the same problem is not repeated
    reporter.error(FileNotFoundError(2, "No such file or directory"))
    problems = [line for line, err in lines if "no publication date" in line]
    assert len(problems) == 1
    summaries = [line for line, err in lines if not err]
    assert len(summaries) == 2 and all("1 article" in s and "1 skipped" in s for s in summaries)
    assert lines[-1][0].endswith("error: No such file or directory") and lines[-1][1]
