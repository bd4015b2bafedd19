"""`timeline edit`, `merge-events`, `detach` and `edits` (issue 25): each correction from
the command line, its messages and exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bridge_story import FERRY, PLAN, QUIT, RESIGNED, VOTE, add_wire, event, write_bridge_story
from conftest import run, snapshot
from timeline import build_story


@pytest.fixture
def bridge(story: Path, tmp_path: Path) -> tuple[Path, Path, dict]:
    """The story, its output folder, and its first build's JSON."""
    write_bridge_story(story)
    out = tmp_path / "out"
    result = build_story(story, out, formats="html,json")
    return story, out, json.loads(result.outputs["json"].read_text(encoding="utf-8"))


def rebuilt(story: Path, out: Path) -> dict:
    done = run("build", str(story), "--out", str(out), "--format", "json", "-q")
    assert done.exit_code == 0, done.output
    return json.loads((out / f"{story.name}.json").read_text(encoding="utf-8"))


def test_edit_every_field_from_the_command_line(bridge) -> None:
    story, out, doc = bridge
    vote, plan, ferry = (event(doc, w)["id"] for w in (VOTE, PLAN, FERRY))
    o = ("--out", str(out))
    done = run("edit", str(story), vote, "--date", "10 March 2025", "--pin", *o)
    assert done.exit_code == 0, done.output
    assert done.stdout.strip() == vote
    assert f"saved: date 10 Mar 2025, pinned ({story / 'corrections.toml'})" in done.stderr
    assert "timeline build" in done.stderr
    assert run("edit", str(story), plan, "--headline", "Work starts in June", *o).exit_code == 0
    assert run("edit", str(story), ferry, "--hide", *o).exit_code == 0
    after = rebuilt(story, out)
    assert event(after, VOTE)["pinned"] is True
    assert event(after, PLAN)["text"] == "Work starts in June"
    assert event(after, FERRY)["hidden"] is True
    assert run("edit", str(story), ferry, "--show", *o).exit_code == 0
    assert run("edit", str(story), vote, "--unpin", *o).exit_code == 0
    after = rebuilt(story, out)
    assert "hidden" not in event(after, FERRY) and "pinned" not in event(after, VOTE)


def test_a_story_given_by_name(bridge, monkeypatch: pytest.MonkeyPatch) -> None:
    story, out, doc = bridge
    monkeypatch.chdir(story.parent.parent)  # stories/<name> from here
    done = run("edit", story.name, event(doc, FERRY)["id"], "--hide", "--out", str(out))
    assert done.exit_code == 0, done.output
    assert (story / "corrections.toml").is_file()


def test_merge_events_and_detach(bridge) -> None:
    story, out, doc = bridge
    o = ("--out", str(out))
    quit_, resigned, vote = (event(doc, w)["id"] for w in (QUIT, RESIGNED, VOTE))
    done = run("merge-events", str(story), quit_, resigned, *o)
    assert done.exit_code == 0, done.output
    assert f"merged with {resigned}" in done.stderr
    done = run("detach", str(story), vote, "b-bridge.md", *o)
    assert done.exit_code == 0, done.output
    assert "b-bridge.md detached" in done.stderr
    after = rebuilt(story, out)
    assert event(after, QUIT)["sources"] == 2
    assert event(after, VOTE)["articles"] == ["a-council.md"]


def test_edits_lists_every_correction_and_the_orphans(bridge) -> None:
    story, out, doc = bridge
    o = ("--out", str(out))
    done = run("edits", str(story), *o)
    assert done.exit_code == 0 and "No corrections" in done.stdout
    run("edit", str(story), event(doc, QUIT)["id"], "--hide", *o)
    run("edit", str(story), event(doc, VOTE)["id"], "--date", "2025-03", *o)
    add_wire(story)  # the vote's id changes
    council = story / "a-council.md"
    council.write_text(council.read_text().replace("Mayor Ana Ruiz quit", "Ana Ruiz left"))
    done = run("edits", str(story), *o)
    assert done.exit_code == 0, done.output
    header, hidden, dated = done.stdout.splitlines()
    assert header.split() == ["LINE", "MADE", "EVENT", "CORRECTION", "HEADLINE", "NOW"]
    assert "not found" in hidden and "hidden" in hidden and event(doc, QUIT)["id"] in hidden
    after = rebuilt(story, out)
    assert event(after, VOTE)["id"] in dated and "date March 2025" in dated
    assert done.stderr.strip().endswith("2 corrections, 1 no longer finds its event")


def test_edit_undo(bridge) -> None:
    story, out, doc = bridge
    o = ("--out", str(out))
    ferry = event(doc, FERRY)["id"]
    run("edit", str(story), ferry, "--hide", *o)
    done = run("edit", str(story), ferry, "--undo", *o)
    assert done.exit_code == 0, done.output
    assert "undone: hidden" in done.stderr
    assert "hidden" not in event(rebuilt(story, out), FERRY)
    done = run("edit", str(story), ferry, "--undo", *o)
    assert done.exit_code == 1 and "no correction of this event to undo" in done.stderr


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("ev-000000000000", "--hide"), 1, "ev-000000000000: no such event"),
        (("{vote}", "--date", "Agust 2025"), 1, "not a date: 'Agust 2025'"),
        (("{vote}", "--date", "Friday"), 1, "give the year"),
        (("{vote}", "--headline", "  "), 1, "the headline is empty"),
        (("{vote}",), 2, "say what to change"),
        (("{vote}", "--undo", "--pin"), 2, "give it alone"),
    ],
)
def test_a_bad_edit_writes_nothing(bridge, args, status: int, message: str) -> None:
    story, out, doc = bridge
    before = snapshot(story)
    args = [a.format(vote=event(doc, VOTE)["id"]) for a in args]
    done = run("edit", str(story), *args, "--out", str(out))
    assert done.exit_code == status, done.output
    assert message in done.output
    assert snapshot(story) == before


def test_bad_merges_and_detaches_write_nothing(bridge, tmp_path: Path) -> None:
    story, out, doc = bridge
    before = snapshot(story)
    vote = event(doc, VOTE)["id"]
    o = ("--out", str(out))
    assert run("merge-events", str(story), vote, *o).exit_code == 2
    done = run("merge-events", str(story), vote, "ev-000000000000", *o)
    assert done.exit_code == 1 and "no such event" in done.stderr
    done = run("detach", str(story), vote, "nope.md", *o)
    assert done.exit_code == 1 and "nope.md: not a source of" in done.stderr
    done = run("edit", str(tmp_path / "missing"), vote, "--hide", *o)
    assert done.exit_code == 1 and "no such story folder" in done.stderr
    assert snapshot(story) == before
