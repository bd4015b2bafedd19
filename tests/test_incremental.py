"""Incremental builds: the build cache and parallel reading (killed builds: test_faults)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import article, without_build_facts, write
from timeline.app.cli import main
from timeline.pipeline import cache as cache_module
from timeline.pipeline.build import build_story
from timeline.pipeline.cache import cache_path

SENTENCES = (
    "The port workers walked out on Tuesday over pay.",
    "Officials said the talks resumed on March 3 after a week of silence.",
    "The strike ended two weeks ago, the union said.",
    "Ships waited outside the harbour on Friday as the dispute went on.",
)


def fill(story: Path, count: int, start_day: int = 1) -> None:
    for n in range(count):
        day = start_day + n % 27
        body = f"{SENTENCES[n % len(SENTENCES)]} Item {n} was noted.\n"
        write(story, f"a{n:03d}.md", article(f"2024-06-{day:02d}", body, source=f"Outlet {n % 5}"))


def events_of(out: Path, name: str = "test-story") -> list[dict]:
    return json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["events"]


def test_second_build_reuses_every_article(story: Path, tmp_path: Path) -> None:
    fill(story, 6)
    out = tmp_path / "out"
    first = build_story(story, out)
    assert (first.stats["new"], first.stats["changed"], first.stats["cached"]) == (6, 0, 0)
    assert cache_path(out, "test-story").is_file()
    second = build_story(story, out)
    assert (second.stats["new"], second.stats["changed"], second.stats["cached"]) == (0, 0, 6)
    document = json.loads((out / "test-story.json").read_text(encoding="utf-8"))
    assert document["story"]["stats"]["cached"] == 6
    assert [e.id for e in second.events] == [e.id for e in first.events]


def test_cached_build_gives_the_same_timeline_as_a_fresh_one(story: Path, tmp_path: Path) -> None:
    fill(story, 8)
    write(story, "feed.jsonl", '{"text": "The bridge reopened on Monday.", "date": "2024-06-12"}\n')
    build_story(story, tmp_path / "cached")
    build_story(story, tmp_path / "cached")  # now from the cache
    build_story(story, tmp_path / "fresh", use_cache=False)
    assert events_of(tmp_path / "cached") == events_of(tmp_path / "fresh")
    assert not (tmp_path / "fresh" / ".cache").exists()


def test_a_rebuild_after_one_added_article_equals_a_cold_build(story: Path, tmp_path: Path) -> None:
    fill(story, 30)
    write(
        story,
        "reference.md",
        article(
            "2024-06-14",
            "The port reopened on Thursday. Ships have queued since Tuesday's explosion.\n",
        ),
    )
    out = tmp_path / "out"
    build_story(story, out, formats="html,json,csv")
    write(story, "late.md", article("2024-06-20", "The union signed a deal on Monday.\n"))
    rebuilt = build_story(story, out, formats="html,json,csv")
    assert (rebuilt.stats["new"], rebuilt.stats["cached"]) == (1, 31)
    cold = build_story(story, tmp_path / "cold", formats="html,json,csv", use_cache=False)
    assert any(m.reference for e in cold.events for m in e.mentions)  # kept by the cache
    for name in ("test-story.json", "test-story.csv", "test-story.html"):
        assert without_build_facts(out / name) == without_build_facts(tmp_path / "cold" / name)


def test_changed_added_and_removed_articles(story: Path, tmp_path: Path) -> None:
    fill(story, 4)
    out = tmp_path / "out"
    build_story(story, out)
    write(story, "a001.md", article("2024-06-02", "The harbour reopened on Monday.\n"))
    write(story, "new.md", article("2024-06-20", "A new deal was signed on Wednesday.\n"))
    (story / "a003.md").unlink()
    result = build_story(story, out)
    assert (result.stats["new"], result.stats["changed"], result.stats["cached"]) == (1, 1, 2)
    assert "harbour reopened" in " ".join(e.text for e in result.events)
    assert all("a003.md" not in e.articles for e in result.events)
    with sqlite3.connect(cache_path(out, "test-story")) as db:
        cached = {row[0] for row in db.execute("SELECT path FROM files")}
    assert cached == {"a000.md", "a001.md", "a002.md", "new.md"}


def test_settings_and_tool_version_invalidate_the_cache(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(story, 3)
    out = tmp_path / "out"
    build_story(story, out)
    write(story, "story.toml", 'timezone = "Europe/Paris"\n')
    assert build_story(story, out).stats["changed"] == 3
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    assert build_story(story, out).stats["changed"] == 3
    assert build_story(story, out).stats["cached"] == 3
    # an edited rule in a working copy, with the same version number
    monkeypatch.setattr(cache_module, "code_hash", lambda: "edited")
    assert build_story(story, out).stats["changed"] == 3


def test_the_code_hash_changes_with_any_source_file(tmp_path: Path) -> None:
    write(tmp_path, "build.py", "x = 1\n")
    write(tmp_path, "lang/en.py", 'MONTHS = ("January",)\n')
    before = cache_module.source_hash(tmp_path)
    write(tmp_path, "lang/en.py", 'MONTHS = ("Jan",)\n')
    assert cache_module.source_hash(tmp_path) != before


def test_notes_about_cached_files_are_shown_each_time(story: Path, tmp_path: Path) -> None:
    fill(story, 2)
    latin = "---\ndate: 2024-06-05\n---\nCaf\xe9 closed on Monday."
    write(story, "latin.txt", latin.encode("cp1252"))
    write(story, "future.md", article("2999-01-01", "Not yet.\n"))
    out = tmp_path / "out"
    build_story(story, out)
    result = build_story(story, out)
    assert (result.stats["new"], result.stats["cached"]) == (0, 3)
    note, future = sorted(result.problems, key=lambda p: p.skipped)
    assert "in the future" in future.message and future.skipped
    assert note.message == "not UTF-8: read as Windows-1252 (Latin-1)" and not note.skipped
    assert (result.stats["skipped"], result.stats["problems"]) == (1, 2)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(b"\x00garbage, not a database" * 100), id="corrupt"),
        pytest.param(
            lambda p: sqlite3.connect(p).execute("CREATE TABLE notes (x)").connection.commit(),
            id="foreign",
        ),
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
    ],
)
def test_a_damaged_cache_is_rebuilt(story: Path, tmp_path: Path, damage) -> None:
    fill(story, 3)
    out = tmp_path / "out"
    build_story(story, out)
    path = cache_path(out, "test-story")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.unlink()
    damage(path)
    result = build_story(story, out)
    assert result.stats["new"] == 3 and not result.problems
    assert build_story(story, out).stats["cached"] == 3


def test_an_unusable_cache_is_reported_and_the_build_goes_on(story: Path, tmp_path: Path) -> None:
    fill(story, 3)
    out = tmp_path / "out"
    cache_path(out, "test-story").mkdir(parents=True)  # a folder where the file should be
    result = build_story(story, out)
    assert result.stats["articles"] == 3 and (out / "test-story.html").is_file()
    (problem,) = result.problems
    assert "cache" in problem.message and not problem.skipped


def test_no_cache_option(story: Path, tmp_path: Path) -> None:
    fill(story, 3)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(story), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "3 articles, " in result.stderr  # no new/changed/cached counts without a cache
    assert not (out / ".cache").exists()
    result = CliRunner().invoke(main, ["build", str(story), "--out", str(out)])
    assert "3 articles (3 new, 0 changed, 0 cached)" in result.stderr


def test_progress_bar_stays_off_without_a_terminal(story: Path, tmp_path: Path) -> None:
    fill(story, 30)
    result = CliRunner().invoke(main, ["build", str(story), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "reading articles" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1  # the summary line only


def test_worker_processes_give_the_same_timeline(story: Path, tmp_path: Path) -> None:
    fill(story, 40)  # enough files for worker processes
    one = build_story(story, tmp_path / "one", use_cache=False, workers=1)
    two = build_story(story, tmp_path / "two", use_cache=False, workers=2)
    assert [(e.id, e.date, e.text, e.articles) for e in one.events] == [
        (e.id, e.date, e.text, e.articles) for e in two.events
    ]


def test_progress_is_reported_for_every_file(story: Path, tmp_path: Path) -> None:
    fill(story, 5)
    seen: list[tuple[int, int]] = []
    build_story(story, tmp_path / "out", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (5, 5) and seen[0][1] == 5


def test_build_facts_cover_every_mention_of_the_build_time(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outputs compared across builds differ only by when they were built: two builds a
    minute apart (either side of a minute, as two real builds can be) compare equal."""
    from datetime import datetime as real_datetime

    from timeline.pipeline import build as build_module

    fill(story, 3)
    for minute, folder in ((13, "early"), (14, "late")):

        class Clock(real_datetime):
            at = minute

            @classmethod
            def now(cls, tz=None):
                return real_datetime(2026, 12, 4, 3, cls.at, 59, tzinfo=tz)

        monkeypatch.setattr(build_module, "datetime", Clock)
        build_story(story, tmp_path / folder, use_cache=False)
    for name in ("test-story.json", "test-story.csv", "test-story.html"):
        early, late = tmp_path / "early" / name, tmp_path / "late" / name
        if name.endswith(".html"):
            assert early.read_text() != late.read_text()
        assert without_build_facts(early) == without_build_facts(late), name
