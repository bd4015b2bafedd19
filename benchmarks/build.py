"""Build speed and memory: cold, cached, warm and one-article-added builds.

    python benchmarks/build.py [--topics A,B] [--synthetic 10000] [--data DIR]

For each T17 dev topic (../shared/data/t17/<topic>/story) and a synthetic story
(benchmarks/synthetic.py, `--synthetic 0` to leave it out), copies the story less its
last article into a temporary folder and times `timeline build --quiet` as a user runs it
(a new process each time, start-up included):

- cold: a fresh output folder and `--no-cache` (every article read, resolved, extracted);
- first: a fresh output folder with the cache (cold, plus writing the cache);
- warm: again, nothing changed (every article from the cache);
- +1: the last article added, then built (one article read, everything else cached).

Peak memory is the largest sum of resident memory of the build and its worker processes,
sampled every 20 ms from /proc (Linux; elsewhere the build process's own peak). Goals
(issue 6): cold ≥ 100 articles/s on 2 cores for a 300–400-article T17 story; +1 ≤ 1.5 s;
the 10,000-article story within 2 GB. Skips topics when the data is absent.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

try:
    from benchmarks import _common as common
    from benchmarks.synthetic import write_story
except ImportError:  # run as a script
    import _common as common  # type: ignore[no-redef]
    from synthetic import write_story  # type: ignore[no-redef]

NAME = "build"
TIMELINE = [sys.executable, "-m", "timeline"]


def descendants_rss(pid: int) -> int:
    """Resident bytes of `pid` and every process below it (0 when /proc is missing)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        child = int(entry.name)
        children.setdefault(int(fields[1]), []).append(child)  # field 4: parent pid
        rss[child] = int(fields[21]) * page  # field 24: resident pages
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def timed_build(story: Path, out: Path, *options: str) -> tuple[float, float]:
    """Seconds and peak resident MB of one `timeline build` process (with its workers)."""
    command = [*TIMELINE, "build", str(story), "--out", str(out), "--quiet", *options]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            if os.path.isdir("/proc"):
                peak = max(peak, descendants_rss(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        common.fail(NAME, f"build of {story} failed: {errors.decode(errors='replace')[-500:]}")
    if not peak:  # no /proc: the largest child's own peak
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return seconds, peak / 1e6


def measure(source: Path, work: Path, name: str) -> dict:
    """The four builds of one story (see the module docstring)."""
    files = sorted(p for p in source.iterdir() if p.is_file() and not p.name.startswith("."))
    articles = [p for p in files if p.name != "story.toml"]
    story = work / name
    story.mkdir(parents=True)
    for file in files:
        if file != articles[-1]:
            shutil.copy2(file, story / file.name)
    cold, cold_mb = timed_build(story, work / "out-cold", "--no-cache")
    first, first_mb = timed_build(story, work / "out")
    warm, warm_mb = timed_build(story, work / "out")
    shutil.copy2(articles[-1], story / articles[-1].name)
    added, added_mb = timed_build(story, work / "out")
    return {
        "story": name,
        "articles": len(articles) - 1,
        "cold": cold,
        "rate": (len(articles) - 1) / cold,
        "first": first,
        "warm": warm,
        "added": added,
        "peak_mb": max(cold_mb, first_mb, warm_mb, added_mb),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=common.data_dir("t17"))
    parser.add_argument("--topics", default="", help="comma-separated topics (default: all)")
    parser.add_argument("--synthetic", type=int, default=10_000, help="articles; 0: none")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as temp:
        work = Path(temp)
        if args.data.is_dir():
            wanted = {t for t in args.topics.split(",") if t}
            topics = sorted(
                p.name for p in args.data.iterdir() if (p / "story").is_dir()
            )  # fmt: skip
            for topic in topics:
                if wanted and topic not in wanted:
                    continue
                rows.append(measure(args.data / topic / "story", work / topic, topic))
        else:
            print(f"{NAME}: T17 topics skipped, no data at {common.display_path(args.data)}")
        if args.synthetic:
            source = write_story(work / "synthetic-source", args.synthetic)
            rows.append(measure(source, work / "synthetic", source.name))
    if not rows:
        common.skip(NAME, "nothing to build")

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}"
    )
    table = [
        (
            r["story"],
            f"{r['articles']:,}",
            f"{r['cold']:.2f}",
            f"{r['rate']:.0f}",
            f"{r['first']:.2f}",
            f"{r['warm']:.2f}",
            f"{r['added']:.2f}",
            f"{r['peak_mb']:,.0f}",
        )
        for r in rows
    ]
    headers = ("story", "articles", "cold s", "art/s", "first s", "warm s", "+1 s", "peak MB")
    print(common.format_table(headers, table, "lrrrrrrr"))
    real = [r for r in rows if not r["story"].startswith("synthetic")]
    if real:
        total = sum(r["articles"] for r in real)
        seconds = sum(r["cold"] for r in real)
        print(
            f"T17 all topics: {total:,} articles, cold {total / seconds:.0f} articles/s; "
            f"+1 at most {max(r['added'] for r in real):.2f} s "
            f"(goals: >= 100 articles/s, <= 1.5 s)"
        )
    print(
        "cold: --no-cache, fresh output; first: fresh output, cache written; warm: nothing "
        "changed; +1: one article added. Each a new `timeline build --quiet` process."
    )


if __name__ == "__main__":
    main()
