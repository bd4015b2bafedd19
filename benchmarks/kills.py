"""Killed builds (issue 22): SIGKILL a cold build of a real story at seeded moments and
count what is left: processes of the build 5 s after the kill, outputs that are not
whole, temporary files. Then one more build, which must equal a fresh one.

    python benchmarks/kills.py [--story DIR] [--kills 12] [--seed 22] [--src OTHER/src]

The story defaults to Timeline17's haiti_bbc (285 articles), else the generated
300-article story of the browser tests.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timeline import fileio
from timeline.pipeline.build import build_story

try:
    from benchmarks._common import data_dir, display_path, format_table
except ImportError:  # run as a script
    from _common import data_dir, display_path, format_table  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import without_build_facts  # noqa: E402

AFTER_SECONDS = 5.0


def session_processes(session: int) -> int:
    alive = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            alive += int(fields[3]) == session and fields[0] not in "ZX"
    return alive


def whole(out: Path, name: str) -> bool:
    try:
        json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        page = (out / f"{name}.html").read_bytes().rstrip().endswith(b"</html>")
        table = (out / f"{name}.csv").read_bytes().endswith(b"\n")
    except (OSError, ValueError):
        return False
    return page and table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", type=Path, default=None)
    parser.add_argument("--kills", type=int, default=12)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument(
        "--src",
        type=Path,
        default=None,
        help="kill the builds of another checkout's src/ (a before figure)",
    )
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        print("kills: skipped, reads processes from /proc (Linux only)")
        return
    work = Path(tempfile.mkdtemp(prefix="timeline-kills-"))
    story = args.story
    if story is None:
        story = data_dir("t17", "haiti_bbc", "story")
        if not story.is_dir():
            from followed_story import write_followed_story

            story = write_followed_story(work / "stories" / "generated")
    out = work / "out"
    paths = [str(args.src.resolve())] if args.src else []
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([*paths, *sys.path])}
    command = [sys.executable, "-m", "timeline", "build", str(story), "--out", str(out)]
    started = time.perf_counter()
    subprocess.run([*command, "--no-cache", "-q"], env=env, check=True, capture_output=True)
    cold = time.perf_counter() - started
    name = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))["story"]["name"]
    rng = random.Random(args.seed)
    rows, left_total, broken, temps = [], 0, 0, 0
    for kill in range(args.kills):
        at = rng.uniform(0.05, 0.9) * cold  # anywhere in a cold build, writes included
        process = subprocess.Popen(
            [*command, "--no-cache", "-q"], env=env, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(at)
        before = session_processes(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait()
        time.sleep(AFTER_SECONDS)
        left = session_processes(process.pid)
        is_whole = whole(out, name)
        temporary = [p for p in out.rglob("*") if fileio.is_temporary(p.name)]
        left_total += left
        broken += not is_whole
        temps += len(temporary)
        rows.append((kill + 1, f"{at:.2f}", before, left, "yes" if is_whole else "NO",
                     len(temporary)))  # fmt: skip
    build_story(story, out)
    build_story(story, work / "fresh", use_cache=False)
    same = all(
        without_build_facts(out / f"{name}.{ext}")
        == without_build_facts(work / "fresh" / f"{name}.{ext}")
        for ext in ("json", "csv", "html")
    )
    code = f", code of {display_path(args.src)}" if args.src else ""
    print(f"kills: {display_path(story)}, cold build {cold:.1f} s, seed {args.seed}{code}")
    print(
        f"{args.kills} SIGKILLs: {left_total} processes left after {AFTER_SECONDS:.0f} s, "
        f"{broken} kills left an output not whole, {temps} temporary files; "
        f"next build equals a fresh one: {'yes' if same else 'NO'}"
    )
    print(format_table(
        ["kill", "at s", "processes before", "left after 5 s", "outputs whole", "temp files"],
        rows, "rrrrlr",
    ))  # fmt: skip


if __name__ == "__main__":
    main()
