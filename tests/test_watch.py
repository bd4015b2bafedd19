"""Watching a story: timeline watch (timeline.app.watch), API and command line."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from conftest import article, run, write
from timeline.app.watch import StoryChangeFilter, watch_story
from timeline.pipeline.build import build_story


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
