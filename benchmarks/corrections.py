"""What corrections cost (issue 25): a build with many corrections against the same
build without, and how long one correction takes to save (and to save and rebuild, as
the served page does).

    python benchmarks/corrections.py [--topic haiti_bbc] [--corrections 60] [--repeat 5]
                                     [--data DIR]

Copies the story (../shared/data/t17/<topic>/story; the generated 300-article story of
tests/followed_story.py when the data is absent) into a temporary folder, builds it once
(so that every article comes from the build cache), then times warm builds in this
process, alternating without and with a corrections file of `--corrections` corrections
of every kind (dates, headlines, hides, pins, merges, detaches, chosen evenly over the
events), medians of `--repeat` rounds. Also: replaying the corrections alone, and
`edit_event` (read the story, check, write) without and with the rebuild.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

try:
    from benchmarks import _common as common
except ImportError:  # run as a script
    import _common as common  # type: ignore[no-redef]

NAME = "corrections"


def story_source(args: argparse.Namespace, work: Path) -> tuple[str, Path]:
    found = Path(args.data) / args.topic / "story"
    if found.is_dir():
        return args.topic, found
    sys.path.insert(0, str(common.REPO_ROOT / "tests"))
    from followed_story import write_followed_story

    print(f"{NAME}: {found} is absent, timing the generated story of tests/followed_story.py")
    return "followed_story (generated)", write_followed_story(work / "generated")


def make_corrections(story: Path, out: Path, count: int) -> str:
    """A corrections file of `count` corrections of every kind, spread over the events."""
    from timeline import EditError, build_story, detach_mention, edit_event, merge_events

    result = build_story(story, out, formats="json")
    events = json.loads(result.outputs["json"].read_text(encoding="utf-8"))["events"]
    step = max(1, len(events) // (count + 1))
    chosen = events[::step][:count]
    several = [e for e in events if e["sources"] > 1]
    kinds = ("date", "headline", "hide", "pin", "merge", "detach")
    used: set[str] = set()
    for k, event in enumerate(chosen):
        kind = kinds[k % len(kinds)]
        if event["id"] in used:
            continue
        used.add(event["id"])
        try:
            if kind == "date":
                edit_event(story, event["id"], date=event["start"][:7], out_dir=out)
            elif kind == "headline":
                edit_event(story, event["id"], headline=f"Corrected headline {k}", out_dir=out)
            elif kind == "hide":
                edit_event(story, event["id"], hidden=True, out_dir=out)
            elif kind == "pin":
                edit_event(story, event["id"], pinned=True, out_dir=out)
            elif kind == "merge":
                later = events[events.index(event) + 1 :]
                other = next(e for e in later if e["id"] not in used)
                used.add(other["id"])
                merge_events(story, [event["id"], other["id"]], out_dir=out)
            else:
                target = next(e for e in several if e["id"] not in used)
                used.add(target["id"])
                detach_mention(story, target["id"], target["articles"][-1], out_dir=out)
        except (EditError, StopIteration):
            continue  # an event an earlier correction changed
    return (story / "corrections.toml").read_text(encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topic", default="haiti_bbc")
    parser.add_argument("--corrections", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", default=str(common.data_dir("t17")))
    args = parser.parse_args()
    from timeline import build_story, edit_event
    from timeline.app.editing import previous_options
    from timeline.events.correction_file import read_corrections
    from timeline.events.corrections import apply_corrections
    from timeline.pipeline.build import merge_story
    from timeline.pipeline.gather import gather

    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        label, source = story_source(args, work)
        story = work / "story"
        shutil.copytree(source, story)
        out = work / "out"
        text = make_corrections(story, out, args.corrections)
        corrections_file = story / "corrections.toml"
        made = len(read_corrections(story).corrections)
        times: dict[str, list[float]] = {"without": [], "with": []}
        for _ in range(args.repeat):
            for case in ("without", "with"):
                if case == "with":
                    corrections_file.write_text(text, encoding="utf-8")
                else:
                    corrections_file.unlink(missing_ok=True)
                started = time.perf_counter()
                result = build_story(story, out, formats="html,json,csv")
                times[case].append(time.perf_counter() - started)
        stats = result.stats
        gathered = gather(story, out)
        merged = merge_story(gathered)
        found = read_corrections(story)
        replay = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            applied = apply_corrections(merged.events, found.corrections, "en")
            replay.append(time.perf_counter() - started)
        event = applied.events[len(applied.events) // 2].id
        save, rebuild = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            edit_event(story, event, pinned=True, out_dir=out)
            save.append(time.perf_counter() - started)
            started = time.perf_counter()
            edit_event(story, event, pinned=False, out_dir=out,
                       rebuild=previous_options(out, "story"))  # fmt: skip
            rebuild.append(time.perf_counter() - started)
    without, with_ = statistics.median(times["without"]), statistics.median(times["with"])
    rows = [
        ("warm build, no corrections.toml", f"{without:.3f}"),
        (f"warm build, {made} corrections", f"{with_:.3f}"),
        ("ratio with / without", f"{with_ / without:.3f}"),
        (f"replaying the {made} corrections alone", f"{statistics.median(replay):.3f}"),
        ("one correction saved (timeline edit)", f"{statistics.median(save):.3f}"),
        ("one correction saved and rebuilt (served page)", f"{statistics.median(rebuild):.3f}"),
    ]
    print(
        f"{NAME}: {label}, {stats['articles']:,} articles, {stats['events_merged']:,} events, "
        f"{stats['corrections']['orphaned']} orphaned; medians of {args.repeat}"
    )
    print(common.format_table(("what", "seconds"), rows, "lr"))


if __name__ == "__main__":
    main()
