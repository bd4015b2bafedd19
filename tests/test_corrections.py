"""A person's corrections (issue 25): every kind through the API, in every output, across
added articles, orphaned, and in a file broken by hand."""

from __future__ import annotations

import csv
import json
import os
from datetime import date
from pathlib import Path

import pytest

from bridge_story import FERRY, PLAN, QUIT, RESIGNED, VOTE, add_wire, event, write_bridge_story
from conftest import snapshot, write
from timeline import (
    EditError,
    build_story,
    detach_mention,
    edit_event,
    list_edits,
    merge_events,
    undo_edit,
)
from timeline.events.correction_file import read_corrections
from timeline.events.corrections import (
    Correction,
    Evidence,
    Target,
    apply_corrections,
    clean_headline,
    parse_date,
)
from timeline.models import Interval

FORMATS = "html,json,csv,timelinejs"


@pytest.fixture
def bridge(story: Path) -> Path:
    return write_bridge_story(story)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    return tmp_path / "out"


def build(folder: Path, out: Path, **options) -> tuple[object, dict]:
    result = build_story(folder, out, formats=options.pop("formats", FORMATS), **options)
    return result, json.loads(result.outputs["json"].read_text(encoding="utf-8"))


def csv_texts(result) -> list[str]:
    with result.outputs["csv"].open(encoding="utf-8") as f:
        return [row["text"] for row in csv.DictReader(f)]


def slide_texts(result) -> str:
    return result.outputs["timelinejs"].read_text(encoding="utf-8")


def page_events(result) -> list[dict]:
    page = result.outputs["html"].read_text(encoding="utf-8")
    start = page.index('id="timeline-data">') + len('id="timeline-data">')
    return json.loads(page[start : page.index("</script>", start)])["events"]


# -- what a person gives ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "begin", "end", "granularity"),
    [
        ("2025-08-10", date(2025, 8, 10), date(2025, 8, 10), "day"),
        ("2025-08", date(2025, 8, 1), date(2025, 8, 31), "month"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
        ("2025-Q3", date(2025, 7, 1), date(2025, 9, 30), "quarter"),
        ("2025-SU", date(2025, 6, 1), date(2025, 8, 31), "season"),
        ("2025-W41", date(2025, 10, 6), date(2025, 10, 12), "week"),
        ("199", date(1990, 1, 1), date(1999, 12, 31), "decade"),
        ("2025-10-09/2025-10-12", date(2025, 10, 9), date(2025, 10, 12), "day"),
        ("2025-08/2025-09", date(2025, 8, 1), date(2025, 9, 30), "month"),
        ("10 August 2025", date(2025, 8, 10), date(2025, 8, 10), "day"),
        ("October 10, 2025", date(2025, 10, 10), date(2025, 10, 10), "day"),
        ("  August   2025 ", date(2025, 8, 1), date(2025, 8, 31), "month"),
        ("from 9 October 2025 to 12 October 2025", date(2025, 10, 9), date(2025, 10, 12), "day"),
    ],
)
def test_a_date_at_any_granularity(text: str, begin: date, end: date, granularity: str) -> None:
    assert parse_date(text) == Interval(begin, end, granularity)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "empty"),
        ("Friday", "give the year"),
        ("last month", "give the year"),
        ("Agust 2025", "not a date"),
        ("2025-02-30", "not a date"),
        ("2025-10-12/2025-10-01", "ends before it begins"),
        ("the bridge opened in 2025", "not a date"),
    ],
)
def test_a_date_that_does_not_parse_says_why(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_date(text)


def test_a_headline_is_one_clean_line() -> None:
    assert clean_headline("  The vote,\n  at last ") == "The vote, at last"
    for bad, why in (("   ", "empty"), ("x" * 501, "longer"), ("bell\x07", "control")):
        with pytest.raises(ValueError, match=why):
            clean_headline(bad)


# -- every correction, in every output --------------------------------------------------


def test_the_build_never_reads_the_corrections_file_as_an_article(bridge: Path, out: Path) -> None:
    _, before = build(bridge, out)
    edit_event(bridge, event(before, FERRY)["id"], hidden=True, out_dir=out)
    result, after = build(bridge, out)
    assert after["story"]["stats"]["articles"] == 2
    assert [a["path"] for a in after["articles"]] == ["a-council.md", "b-bridge.md"]
    assert result.problems == []


def test_a_correction_makes_the_page_stale_and_wakes_watch(bridge: Path, out: Path) -> None:
    from timeline.app.serve import is_stale
    from timeline.app.stories import list_stories
    from timeline.app.watch import StoryChangeFilter

    _, doc = build(bridge, out)
    assert not is_stale(bridge, out)
    saved = edit_event(bridge, event(doc, FERRY)["id"], hidden=True, out_dir=out)
    assert StoryChangeFilter(bridge, out)(None, str(saved.path))  # watch rebuilds for it
    os.utime(saved.path, (os.path.getmtime(out / "test-story.html") + 5,) * 2)
    assert is_stale(bridge, out)  # timeline open rebuilds for it
    [status] = list_stories(bridge.parent, out)
    assert status.articles == 2 and status.stale


def test_date_headline_hide_and_pin(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    vote, plan, ferry = event(doc, VOTE), event(doc, PLAN), event(doc, FERRY)
    edit_event(bridge, vote["id"], date="2025-03-09/2025-03-10", out_dir=out)
    edit_event(bridge, plan["id"], headline="Building <b>starts</b> in June", out_dir=out)
    edit_event(bridge, ferry["id"], hidden=True, out_dir=out)
    saved = edit_event(bridge, event(doc, QUIT)["id"], pinned=True, out_dir=out)
    assert saved.event == event(doc, QUIT)["id"] and saved.path == bridge / "corrections.toml"
    result, doc = build(bridge, out)

    vote = event(doc, VOTE)
    assert vote["date"] == "2025-03-09/2025-03-10"
    assert (vote["start"], vote["end"]) == ("2025-03-09", "2025-03-10")
    assert vote["display_date"] == "9–10 Mar 2025"
    [edit] = vote["edited"]
    assert edit["what"] == "date" and edit["value"] == "2025-03-09/2025-03-10"
    assert edit["was"] == "2025-03-10" and edit["made"].endswith("Z")
    plan = event(doc, PLAN)
    assert plan["text"] == "Building <b>starts</b> in June"
    assert plan["edited"][0]["was"].startswith("Construction of the bridge")
    ferry = event(doc, FERRY)
    assert ferry["hidden"] is True and ferry["edited"][0]["what"] == "hidden"
    assert event(doc, QUIT)["pinned"] is True
    untouched = event(doc, RESIGNED)
    assert not {"hidden", "pinned", "edited"} & set(untouched)

    # hidden: in the JSON only; everything else in every output
    shown = [e for e in doc["events"] if not e.get("hidden")]
    assert doc["story"]["stats"]["events"] == len(shown) == len(doc["events"]) - 1
    assert doc["story"]["stats"]["corrections"] == {"applied": 4, "orphaned": 0, "hidden": 1}
    assert FERRY not in " ".join(csv_texts(result))
    assert "Building <b>starts</b> in June" in csv_texts(result)
    assert FERRY not in slide_texts(result)
    assert "Building &lt;b&gt;starts&lt;/b&gt; in June" in slide_texts(result)
    on_page = page_events(result)
    assert [e["id"] for e in on_page] == [e["id"] for e in shown]
    assert event({"events": on_page}, QUIT)["pinned"] is True
    assert (
        "date set to 9–10 Mar 2025 (was 10 Mar 2025)"
        in event({"events": on_page}, VOTE)["edited"][0]["text"]
    )
    page = result.outputs["html"].read_text(encoding="utf-8")
    assert 'id="timeline-corrections"' in page and "1 hidden by corrections" in page
    assert "Building <b>" not in page  # untrusted: escaped like article text


def test_show_and_unpin_take_effect_and_are_recorded(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    ferry = event(doc, FERRY)["id"]
    edit_event(bridge, ferry, hidden=True, out_dir=out)
    edit_event(bridge, ferry, hidden=False, out_dir=out)  # hidden events keep their id
    edit_event(bridge, ferry, pinned=True, out_dir=out)
    edit_event(bridge, ferry, pinned=False, out_dir=out)
    _, doc = build(bridge, out)
    found = event(doc, FERRY)
    assert "hidden" not in found and "pinned" not in found
    assert [(e["what"], e["value"]) for e in found["edited"]] == [
        ("hidden", True), ("hidden", False), ("pinned", True), ("pinned", False),
    ]  # fmt: skip


def test_merge_events_joins_their_sources(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    quit_, resigned = event(doc, QUIT), event(doc, RESIGNED)
    edit_event(bridge, resigned["id"], headline="The mayor resigned", out_dir=out)
    saved = merge_events(bridge, [quit_["id"], resigned["id"]], out_dir=out)
    _, after = build(bridge, out)
    merged = event(after, QUIT)
    assert merged["id"] == saved.event
    assert merged["sources"] == 2 and set(merged["articles"]) == {"a-council.md", "b-bridge.md"}
    assert {m["sentence"] for m in merged["mentions"]} >= {
        m["sentence"] for e in (quit_, resigned) for m in e["mentions"]
    }
    assert merged["text"] == "The mayor resigned"  # a correction of the other one holds
    assert [e["what"] for e in merged["edited"]] == ["headline", "merged"]
    assert len(after["events"]) == len(doc["events"]) - 1


def test_detach_makes_an_event_of_the_source(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    vote = event(doc, VOTE)
    assert vote["articles"] == ["a-council.md", "b-bridge.md"]
    saved = detach_mention(bridge, vote["id"], "b-bridge.md", out_dir=out)
    _, after = build(bridge, out)
    parts = [e for e in after["events"] if "river bridge" in e["text"]]
    assert sorted(tuple(e["articles"]) for e in parts) == [("a-council.md",), ("b-bridge.md",)]
    stays = next(e for e in parts if e["articles"] == ["a-council.md"])
    leaves = next(e for e in parts if e["articles"] == ["b-bridge.md"])
    assert saved.event == stays["id"] and leaves["id"] != stays["id"]
    assert stays["edited"][0] == {"what": "detached", "value": "b-bridge.md"} | {
        "made": stays["edited"][0]["made"]
    }
    assert leaves["edited"][0]["from"] == vote["id"]
    # a path to the article's file names it too
    with pytest.raises(EditError, match="no other source"):
        detach_mention(bridge, stays["id"], str(bridge / "a-council.md"), out_dir=out)
    with pytest.raises(EditError, match="not a source"):
        detach_mention(bridge, stays["id"], "b-bridge.md", out_dir=out)


def test_undo_takes_back_the_last_correction_of_the_event(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    quit_, resigned = event(doc, QUIT)["id"], event(doc, RESIGNED)["id"]
    edit_event(bridge, quit_, date="2025-03", out_dir=out)
    merged = merge_events(bridge, [quit_, resigned], out_dir=out).event
    undone = undo_edit(bridge, merged, out_dir=out)  # the merge
    assert undone.correction.merge and undone.event == quit_
    _, after = build(bridge, out)
    assert event(after, QUIT)["date"] == "2025-03" and event(after, RESIGNED)["sources"] == 1
    undo_edit(bridge, quit_, out_dir=out)  # then the date
    _, after = build(bridge, out)
    assert event(after, QUIT)["date"] == "2025-03-11" and "edited" not in event(after, QUIT)
    assert read_corrections(bridge).corrections == []
    with pytest.raises(EditError, match="no correction"):
        undo_edit(bridge, quit_, out_dir=out)


def test_nothing_is_written_for_a_bad_correction(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    vote = event(doc, VOTE)["id"]
    edit_event(bridge, vote, pinned=True, out_dir=out)
    before = snapshot(bridge)
    attempts = [
        (lambda: edit_event(bridge, "ev-000000000000", hidden=True, out_dir=out), "no such event"),
        (lambda: edit_event(bridge, vote, date="Agust 2025", out_dir=out), "not a date"),
        (lambda: edit_event(bridge, vote, date="Friday", out_dir=out), "give the year"),
        (lambda: edit_event(bridge, vote, headline=" ", out_dir=out), "empty"),
        (lambda: edit_event(bridge, vote, out_dir=out), "nothing to change"),
        (lambda: edit_event(bridge, vote, hidden=True, pinned=True, out_dir=out), "both"),
        (lambda: merge_events(bridge, [vote, vote], out_dir=out), "two different"),
        (lambda: merge_events(bridge, [vote, "ev-000000000000"], out_dir=out), "no such"),
        (lambda: detach_mention(bridge, vote, "nope.md", out_dir=out), "not a source"),
        (lambda: undo_edit(bridge, "ev-000000000000", out_dir=out), "no correction"),
        (lambda: edit_event(bridge, vote, pinned=True, made="now\n[[x]]", out_dir=out), "a time"),
        (lambda: edit_event(bridge.parent / "nope", vote, pinned=True, out_dir=out), "no such"),
    ]
    for attempt, why in attempts:
        with pytest.raises(EditError, match=why):
            attempt()
    assert snapshot(bridge) == before


# -- pinned: always shown, always key ------------------------------------------------------


def test_a_pinned_event_is_always_shown_and_among_the_key_events(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    ferry = event(doc, FERRY)["id"]
    _, filtered = build(bridge, out, min_sources=2, key_dates=1)
    assert [e["id"] for e in filtered["events"]] == [event(doc, VOTE)["id"]]
    edit_event(bridge, ferry, pinned=True, out_dir=out)
    result, filtered = build(bridge, out, min_sources=2, key_dates=1)
    assert [e["id"] for e in filtered["events"]] == [ferry, event(doc, VOTE)["id"]]
    assert ferry in [e["id"] for e in page_events(result) if e["key"]]
    assert len(csv_texts(result)) == 2


def test_a_pinned_event_is_among_the_key_events_a_big_page_opens_on(tmp_path: Path) -> None:
    from followed_story import write_followed_story

    folder = write_followed_story(tmp_path / "arica")
    out = tmp_path / "out"
    result, doc = build(folder, out, formats="html,json")
    opened = {e["id"] for e in page_events(result) if e["key"]}
    assert opened, "a big story's page opens on key events"
    chosen = next(e for e in doc["events"] if e["id"] not in opened and e["sources"] == 1)
    edit_event(folder, chosen["id"], pinned=True, out_dir=out)
    result, _ = build(folder, out, formats="html,json")
    assert opened | {chosen["id"]} == {e["id"] for e in page_events(result) if e["key"]}


# -- growth ---------------------------------------------------------------------------------


def test_corrections_survive_articles_that_join_their_event(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    vote = event(doc, VOTE)
    edit_event(bridge, vote["id"], date="2025-03-09", headline="The bridge vote", out_dir=out)
    edit_event(bridge, vote["id"], pinned=True, out_dir=out)
    detach_mention(bridge, vote["id"], "b-bridge.md", out_dir=out)
    merge_events(bridge, [event(doc, QUIT)["id"], event(doc, RESIGNED)["id"]], out_dir=out)
    edit_event(bridge, event(doc, FERRY)["id"], hidden=True, out_dir=out)
    add_wire(bridge)  # joins the vote and sorts first: the vote's first mention changes
    result, after = build(bridge, out)
    grown = event(after, "The bridge vote")
    assert grown["id"] != vote["id"]  # the id follows the first mention...
    assert sorted(grown["articles"]) == ["0-wire.md", "a-council.md"]  # b detached
    assert (grown["date"], grown["pinned"]) == ("2025-03-09", True)  # ...the corrections too
    assert [e["articles"] for e in after["events"] if "plan for the river" in e["text"]] == [
        ["b-bridge.md"]
    ]
    assert event(after, FERRY)["hidden"] is True
    assert event(after, QUIT)["sources"] == 2
    assert after["story"]["stats"]["corrections"]["orphaned"] == 0
    assert result.problems == []
    # and the same with more articles on top, from a cold build
    write(bridge, "c.md", "---\ndate: 2025-03-14\n---\nThe ferry stopped running in 2024.\n")
    _, cold = build(bridge, out, use_cache=False)
    assert event(cold, "The bridge vote")["pinned"] is True
    statuses = list_edits(bridge, out_dir=out).statuses
    assert all(s.event is not None for s in statuses)
    assert statuses[0].event == event(cold, "The bridge vote")["id"]


def test_an_orphaned_correction_is_kept_and_reported(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    quit_ = event(doc, QUIT)["id"]
    edit_event(bridge, quit_, hidden=True, out_dir=out)
    edit_event(bridge, event(doc, VOTE)["id"], pinned=True, out_dir=out)
    council = (bridge / "a-council.md").read_text(encoding="utf-8")
    (bridge / "a-council.md").write_text(council.replace("Mayor Ana Ruiz quit", "Ana Ruiz left"))
    kept = (bridge / "corrections.toml").read_text(encoding="utf-8")
    result, after = build(bridge, out)
    lines = [str(p) for p in result.problems]
    assert lines == [
        f"{bridge / 'corrections.toml'}: 1 correction no longer finds its event (line 7); "
        f"kept in the file (timeline edits {bridge} lists them)"
    ]
    assert (bridge / "corrections.toml").read_text(encoding="utf-8") == kept
    assert after["story"]["stats"]["corrections"] == {"applied": 1, "orphaned": 1, "hidden": 0}
    assert event(after, "Ana Ruiz left").get("hidden") is None  # never a wrong event
    assert after["problems"][-1]["path"].endswith("corrections.toml")
    edits = list_edits(bridge, out_dir=out)
    assert [s.event is None for s in edits.statuses] == [True, False]
    assert len(edits.orphaned) == 1
    build(bridge, out)  # reported again at the next build
    assert len(build_story(bridge, out, formats="json").problems) == 1
    undo_edit(bridge, quit_, out_dir=out)  # an orphan is undone by its old id
    assert len(read_corrections(bridge).corrections) == 1


# -- the file ---------------------------------------------------------------------------------


def test_the_file_keeps_what_a_person_wrote(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    ferry, plan = event(doc, FERRY)["id"], event(doc, PLAN)["id"]
    write(
        bridge,
        "corrections.toml",
        "# Reviewed by the desk on 12 March.\n\n"
        "[[correction]]\n"
        f'event = "{ferry}"   # hand-written: the id alone\n'
        "hidden = true\n\n"
        "# the plan is a forecast\n"
        "[[correction]]\n"
        f'event = "{plan}"\n'
        'date = "June 2025"\n',
    )
    _, doc = build(bridge, out)
    assert event(doc, FERRY)["hidden"] is True and event(doc, PLAN)["date"] == "2025-06"
    assert event(doc, PLAN)["edited"][0]["made"] == ""
    saved = edit_event(bridge, event(doc, VOTE)["id"], pinned=True, out_dir=out)
    text = saved.path.read_text(encoding="utf-8")
    assert text.startswith("# Reviewed by the desk on 12 March.\n\n[[correction]]\n")
    assert "# hand-written: the id alone" in text and "# the plan is a forecast" in text
    assert text.count("\n[[correction]]\n") == 3
    undo_edit(bridge, ferry, out_dir=out)
    after = saved.path.read_text(encoding="utf-8")
    assert "hand-written" not in after and "# the plan is a forecast\n[[correction]]" in after
    assert after.startswith("# Reviewed by the desk on 12 March.\n")
    assert len(read_corrections(bridge).corrections) == 2


def test_a_new_file_explains_itself_and_reads_back(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    vote = event(doc, VOTE)
    made = "2025-03-12T10:00:00+01:00"  # kept in UTC
    merge_events(bridge, [vote["id"], event(doc, PLAN)["id"]], out_dir=out, made=made)
    text = (bridge / "corrections.toml").read_text(encoding="utf-8")
    assert text.startswith("# Corrections to this story's timeline")
    [correction] = read_corrections(bridge).corrections
    assert correction.made == "2025-03-12T09:00:00Z"
    first = vote["mentions"][0]
    assert correction.target == Target(vote["id"], Evidence(first["article"], first["sentence"]))
    assert correction.merge[0].event == event(doc, PLAN)["id"] and correction.line > 1


def test_a_broken_file_names_its_line_and_the_rest_applies(bridge: Path, out: Path) -> None:
    _, doc = build(bridge, out)
    ferry, plan, vote = (event(doc, w)["id"] for w in (FERRY, PLAN, VOTE))
    text = (
        "# corrections\n"
        "[[correction]]\n"
        f'event = "{ferry}"\n'
        "hidden = true\n"
        "\n"
        "[[correction]]\n"
        f'event = "{plan}"\n'
        "date = 2025-06\n"  # line 8: not TOML (a date needs quotes)
        "\n"
        "[[correction]]\n"
        f'event = "{vote}"\n'
        'date = "Junetember"\n'  # a value that is no date
        "\n"
        "[[correction]]\n"
        f'event = "{vote}"\n'
        "pinned = true\n"
        "colour = 'red'\n"
    )
    write(bridge, "corrections.toml", text)
    result, doc = build(bridge, out)
    path = bridge / "corrections.toml"
    lines = [str(p) for p in result.problems]
    assert lines[0].startswith(f"{path}:8: invalid TOML (")
    assert lines[0].endswith("), correction skipped")
    assert lines[1].startswith(f"{path}:10: not a date: 'Junetember'")
    assert lines[2] == f"{path}:14: unknown field 'colour', ignored"
    assert len(lines) == 3
    assert event(doc, FERRY)["hidden"] is True and event(doc, VOTE)["pinned"] is True
    assert event(doc, PLAN)["date"] == "2025-06"  # unchanged: its correction is broken
    before = snapshot(bridge)
    with pytest.raises(EditError, match=r"corrections.toml:8: cannot be read whole"):
        edit_event(bridge, vote, hidden=True, out_dir=out)
    assert snapshot(bridge) == before  # nothing a person wrote is changed or lost
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[correction]\nevent = 'ev-1'\n", "must be [[correction]] tables"),
        ("[[correction]]\nhidden = true\n", "no 'event' id"),
        ("[[correction]]\nevent = 'ev-1'\n", "says nothing to change"),
        ("[[correction]]\nevent = 'ev-1'\nhidden = 'yes'\n", "must be true or false"),
        ("[[correction]]\nevent = 'ev-1'\nhidden = true\npinned = true\n", "both hidden and"),
        ("[[correction]]\nevent = 'ev-1'\nmerge = []\n", "names no other event"),
        ("[[correction]]\nevent = 'ev-1'\ndetach = 'a.md'\nhidden = true\n", "of its own"),
        ("[[correction]]\nevent = 'ev-1'\narticle = 'a.md'\nhidden = true\n", "both be text"),
        ("title = 'x'\n", "unknown setting 'title'"),
        (b"\xff\xfe[[correction]]", "not UTF-8"),
    ],
)
def test_each_mistake_in_the_file_is_one_line(story: Path, text, message: str) -> None:
    write(story, "corrections.toml", text)
    found = read_corrections(story)
    assert len(found.problems) == 1 and message in str(found.problems[0])
    assert str(found.problems[0]).startswith(str(story / "corrections.toml"))


# -- replaying ------------------------------------------------------------------------------


def test_evidence_wins_over_an_id_that_now_names_another_event(bridge: Path, out: Path) -> None:
    """An id found, but without the evidence the correction recorded, is not its event."""
    result, doc = build(bridge, out)
    vote, plan = event(doc, VOTE), event(doc, PLAN)
    wrong = Evidence("a-council.md", plan["mentions"][0]["sentence"])
    correction = Correction(Target(vote["id"], wrong), hidden=True)
    events = result.events + result.hidden
    applied = apply_corrections(events, [correction])
    assert applied.outcomes[0].event == plan["id"]
    lost = Correction(Target(vote["id"], Evidence("a-council.md", "Gone.")), hidden=True)
    applied = apply_corrections(events, [lost])
    assert applied.outcomes[0].orphaned and not any(e.hidden for e in applied.events)
    assert apply_corrections(events, []).events == sorted(
        events, key=lambda e: (e.interval.begin, e.interval.end, e.id)
    )


def test_a_story_without_corrections_is_built_as_before(bridge: Path, out: Path) -> None:
    result, doc = build(bridge, out)
    assert "corrections" not in doc["story"]["stats"]
    assert all(not {"hidden", "pinned", "edited"} & set(e) for e in doc["events"])
    page = result.outputs["html"].read_text(encoding="utf-8")
    assert "timeline-corrections" not in page and "hidden by corrections" not in page
