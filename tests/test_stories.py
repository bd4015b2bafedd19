"""Story folders: timeline new and list (timeline.app.stories), API and command line."""

from __future__ import annotations

import os
import time
import tomllib
from pathlib import Path

import pytest

from conftest import article, run, snapshot, write
from timeline.app.stories import FeedError, list_stories, new_story
from timeline.ingest.articles import load_story
from timeline.pipeline.build import build_story


def test_new_writes_story_toml_with_escaped_strings(tmp_path: Path) -> None:
    title = 'The "Gaza" ceasefire \\ talks\tand\u0001more'
    folder = new_story("gaza-ceasefire", tmp_path / "stories", title=title, description="Ab\nc")
    assert folder == tmp_path / "stories" / "gaza-ceasefire"
    settings = tomllib.loads((folder / "story.toml").read_text(encoding="utf-8"))
    assert settings == {"title": title, "description": "Ab\nc"}
    assert load_story(folder).title == title

    default = new_story("us_election-2024", tmp_path / "stories")
    assert load_story(default).title == "Us Election 2024"


@pytest.mark.parametrize("name", ["", "..", "../x", "a/b", ".hidden", "-x", "a b", "é"])
def test_new_refuses_bad_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(FeedError, match="not a story name"):
        new_story(name, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_new_command(tmp_path: Path) -> None:
    stories = tmp_path / "stories"
    result = run("new", "summit", "--title", "The summit", "--stories", str(stories))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(stories / "summit")
    before = snapshot(stories)
    result = run("new", "summit", "--stories", str(stories))
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert snapshot(stories) == before
    result = run("new", "../evil", "--stories", str(stories))
    assert result.exit_code == 2 and "not a story name" in result.stderr


def test_list_built_not_built_and_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    empty = run("list")
    assert empty.exit_code == 0 and "timeline new NAME" in empty.stdout
    new_story("alpha", title="Alpha story")
    write(tmp_path / "stories" / "alpha", "a.md", article("2025-10-10", "It began on Friday."))
    write(tmp_path / "stories" / "beta", "feed.jsonl", '{"text": "x", "date": "2025-01-01"}\n' * 3)
    (tmp_path / "stories" / "not-a-story").mkdir()
    build_story("stories/alpha", "output", formats="html,json")

    alpha, beta = list_stories()
    assert (alpha.name, alpha.title, alpha.articles, alpha.built, alpha.stale) == (
        "alpha",
        "Alpha story",
        1,
        True,
        False,
    )
    assert alpha.events == 1 and alpha.span == "10 Oct 2025"
    assert (beta.name, beta.articles, beta.built, beta.stale, beta.events) == (
        "beta",
        3,
        False,
        True,
        None,
    )
    lines = run("list").stdout.splitlines()
    assert lines[0].split() == [
        "STORY",
        "TITLE",
        "ARTICLES",
        "EVENTS",
        "DATES",
        "LAST",
        "BUILD",
        "STATUS",
    ]
    assert lines[1].startswith("alpha") and lines[1].endswith("up to date")
    assert lines[2].startswith("beta") and lines[2].endswith("not built")

    time.sleep(0.01)  # a later modification time than the page
    src = write(tmp_path, "b.md", article("2025-10-11", "More news."))
    result = run("add", "alpha", str(src))
    assert result.exit_code == 0, result.output
    assert list_stories()[0].stale
    assert run("list").stdout.splitlines()[1].endswith("stale")


def test_write_never_overwrites_a_file_created_meanwhile(
    story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process takes the name between the check and the write: the next is used."""
    from timeline.app import stories

    real_link = os.link

    def racing_link(src: str, dst: Path, **kwargs) -> None:
        if Path(dst).name == "x.md":
            (story / "x.md").write_text("theirs")
        real_link(src, dst, **kwargs)

    monkeypatch.setattr(stories.os, "link", racing_link)
    assert stories.write_new(story / "x.md", b"ours") == story / "x-2.md"
    assert (story / "x.md").read_text() == "theirs" and (story / "x-2.md").read_text() == "ours"

    def no_links(src: str, dst: Path, **kwargs) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(stories.os, "link", no_links)
    assert stories.write_new(story / "x.md", b"again") == story / "x-3.md"
    assert (story / "x-3.md").read_bytes() == b"again"
    assert sorted(p.name for p in story.iterdir()) == ["x-2.md", "x-3.md", "x.md"]
