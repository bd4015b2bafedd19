"""Build speed and memory: cold, cached, warm and one-article-added builds.

    python benchmarks/build.py [--topics A,B] [--synthetic 10000] [--data DIR]
                               [--repeat 3] [--baseline GIT-REF]

For each T17 dev topic (../shared/data/t17/<topic>/story) and a synthetic story
(benchmarks/synthetic.py, `--synthetic 0` to leave it out), copies the story less its
last article into a temporary folder and times `timeline build --quiet` as a user runs it
(a new process each time, start-up included):

- cold: a fresh output folder and `--no-cache` (every article read, resolved, extracted);
- first: a fresh output folder with the cache (cold, plus writing the cache);
- warm: again, nothing changed (every article from the cache);
- +1: the last article added, then built (one article read, everything else cached).

It also times the per-article stage alone (read, resolve, extract every article of the
topic nearest 300 articles) in 1, 2 and, given the cores, 4 worker processes, in MB of
article files a second.

Peak memory is the largest sum of resident memory of the build and its worker processes,
sampled every 20 ms from /proc (Linux; elsewhere the build process's own peak). With
`--baseline REF`, the package as it was at git REF is timed too, alternating with the
code now, story by story (`--repeat` rounds, medians), so that both see the same machine.

Goals (issue 14, 2 cores, a 300-article story of about 2 MB): cold >= 200 articles/s,
+1 <= 0.8 s, the per-article stage >= 1.5 MB/s; the 10,000-article story warm <= 5 s
within 1 GB. Skips topics when the data is absent.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
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


def timed_build(
    story: Path, out: Path, *options: str, env: dict | None = None
) -> tuple[float, float]:
    """Seconds and peak resident MB of one `timeline build` process (with its workers)."""
    command = [*TIMELINE, "build", str(story), "--out", str(out), "--quiet", *options]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
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


def copy_story(source: Path, story: Path) -> Path:
    """The story less its last article (returned, to add for the +1 build)."""
    files = sorted(p for p in source.iterdir() if p.is_file() and not p.name.startswith("."))
    articles = [p for p in files if p.name != "story.toml"]
    story.mkdir(parents=True)
    for file in files:
        if file != articles[-1]:
            shutil.copy2(file, story / file.name)
    return articles[-1]


def measure(source: Path, work: Path, name: str, env: dict | None = None) -> dict:
    """The four builds of one story (see the module docstring), with the code `env` runs."""
    if work.exists():
        shutil.rmtree(work)
    story = work / name
    last = copy_story(source, story)
    articles = sum(1 for p in story.iterdir() if p.name != "story.toml")
    cold, cold_mb = timed_build(story, work / "out-cold", "--no-cache", env=env)
    first, first_mb = timed_build(story, work / "out", env=env)
    warm, warm_mb = timed_build(story, work / "out", env=env)
    shutil.copy2(last, story / last.name)
    added, added_mb = timed_build(story, work / "out", env=env)
    return {
        "story": name,
        "articles": articles,
        "megabytes": sum(p.stat().st_size for p in story.iterdir()) / 1e6,
        "cold": cold,
        "first": first,
        "warm": warm,
        "added": added,
        "peak_mb": max(cold_mb, first_mb, warm_mb, added_mb),
    }


def median_row(runs: list[dict]) -> dict:
    """The median of each figure over repeated runs of one story."""
    row = dict(runs[0])
    for key in ("cold", "first", "warm", "added", "peak_mb"):
        row[key] = statistics.median(r[key] for r in runs)
    row["rate"] = row["articles"] / row["cold"]
    return row


PER_ARTICLE_SCRIPT = """
import sys, time
from datetime import date
from pathlib import Path
root, workers = Path(sys.argv[1]), int(sys.argv[2])
try:
    from timeline.pipeline.gather import plan_gather, run_locally
except ImportError:  # the code before issue 17 (one folder per stage)...
    try:
        from timeline.gather import plan_gather, run_locally
    except ImportError:  # ...and before issue 15
        plan_gather = None
if plan_gather is None:
    from timeline.gather import _extract_all
    from timeline.ingest import iter_article_files, read_bytes, story_settings
    story, tz = story_settings(root)
    todo = [(f.name, f, read_bytes(f), "") for f in iter_article_files(root, story.problems)]
    size = sum(len(t[2]) for t in todo)
    started = time.perf_counter()
    list(_extract_all(todo, root, story, tz, date.today(), workers))
else:
    tasks = plan_gather(root, Path("."), use_cache=False).tasks
    size = sum(len(t.data) for t in tasks)
    started = time.perf_counter()
    list(run_locally(tasks, workers))
print(time.perf_counter() - started, size)
"""


def per_article_throughput(source: Path, workers: int, env: dict | None = None) -> float:
    """MB/s of the per-article stage (read, resolve, extract) alone, in `workers` processes:
    every article of the story, in a fresh process (worker start-up included)."""
    command = [sys.executable, "-c", PER_ARTICLE_SCRIPT, str(source), str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        common.fail(NAME, f"per-article stage failed: {done.stderr[-500:]}")
    seconds, size = done.stdout.split()
    return int(size) / 1e6 / float(seconds)


def baseline_env(ref: str, folder: Path) -> dict:
    """An environment whose `timeline` is the package at git `ref` (extracted to
    `folder`), to time the code before a change in the same run as the code after it."""
    archive = subprocess.run(
        ["git", "-C", str(common.REPO_ROOT), "archive", ref, "src"], capture_output=True
    )
    if archive.returncode != 0:
        common.fail(NAME, f"no git ref {ref}: {archive.stderr.decode(errors='replace')}")
    folder.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    path = os.pathsep.join([str(folder / "src"), os.environ.get("PYTHONPATH", "")])
    return {**os.environ, "PYTHONPATH": path.rstrip(os.pathsep)}


def table(rows: list[dict]) -> str:
    cells = [
        (
            r["story"],
            f"{r['articles']:,}",
            f"{r['megabytes']:.1f}",
            f"{r['cold']:.2f}",
            f"{r['rate']:.0f}",
            f"{r['first']:.2f}",
            f"{r['warm']:.2f}",
            f"{r['added']:.2f}",
            f"{r['peak_mb']:,.0f}",
        )
        for r in rows
    ]
    headers = ("story", "articles", "MB", "cold s", "art/s", "first s", "warm s", "+1 s", "peak MB")
    return common.format_table(headers, cells, "lrrrrrrrr")


def ratio_table(runs: dict, baseline: str, names: list[str]) -> str:
    """Each story's median times now over the baseline's (issue 26: cold <= 1/3, +1 <=
    a tenth of the baseline's cold build)."""
    cells = []
    for name in names:
        now, before = median_row(runs[("now", name)]), median_row(runs[(baseline, name)])
        cells.append(
            (
                name,
                *(f"{now[k] / before[k]:.2f}" for k in ("cold", "first", "warm", "added")),
                f"{now['added'] / before['cold']:.2f}",
            )
        )
    headers = ("story", "cold", "first", "warm", "+1", "+1 / before's cold")
    return common.format_table(headers, cells, "lrrrrr")


def goals(rows: list[dict], throughput: dict[int, float]) -> list[str]:
    """Issue 14's goals, for the T17 topic nearest 300 articles and the synthetic story."""
    lines = []
    real = [r for r in rows if not r["story"].startswith("synthetic")]
    if real:
        near = min(real, key=lambda r: abs(r["articles"] - 300))
        lines.append(
            f"{near['story']} ({near['articles']} articles, {near['megabytes']:.1f} MB): "
            f"cold {near['rate']:.0f} articles/s (goal >= 200), +1 {near['added']:.2f} s "
            "(goal <= 0.8)"
        )
    if throughput:
        figures = ", ".join(
            f"{w} worker{'s' * (w > 1)} {mbs:.2f} MB/s" for w, mbs in throughput.items()
        )
        lines.append(f"per-article stage: {figures} (goal >= 1.5 MB/s on 2 cores)")
    for r in rows:
        if r["story"].startswith("synthetic"):
            lines.append(
                f"synthetic {r['articles']:,} articles: warm {r['warm']:.2f} s (goal <= 5), "
                f"peak {r['peak_mb'] / 1000:.2f} GB (goal <= 1)"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=common.data_dir("t17"))
    parser.add_argument("--topics", default="", help="comma-separated topics (default: all)")
    parser.add_argument("--synthetic", type=int, default=10_000, help="articles; 0: none")
    parser.add_argument("--repeat", type=int, default=1, help="runs per story (medians)")
    parser.add_argument(
        "--baseline", default="", help="git ref of the code before a change, timed alternately"
    )
    args = parser.parse_args()

    versions: dict[str, dict | None] = {"now": None}
    runs: dict[tuple[str, str], list[dict]] = {}
    throughput: dict[str, dict[int, float]] = {}
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as temp:
        work = Path(temp)
        if args.baseline:
            versions = {args.baseline: baseline_env(args.baseline, work / "baseline"), "now": None}
        stories: list[tuple[str, Path]] = []
        if args.data.is_dir():
            wanted = {t for t in args.topics.split(",") if t}
            for topic in sorted(p.name for p in args.data.iterdir() if (p / "story").is_dir()):
                if not wanted or topic in wanted:
                    stories.append((topic, args.data / topic / "story"))
        else:
            print(f"{NAME}: T17 topics skipped, no data at {common.display_path(args.data)}")
        if args.synthetic:
            source = write_story(work / "synthetic-source", args.synthetic)
            stories.append((source.name, source))
        if not stories:
            common.skip(NAME, "nothing to build")
        for _ in range(args.repeat):  # old and new alternate, so both see the same machine
            for name, source in stories:
                for version, env in versions.items():
                    row = measure(source, work / "run", name, env)
                    runs.setdefault((version, name), []).append(row)
        near = [s for s in stories if not s[0].startswith("synthetic")]
        if near:
            name, source = min(near, key=lambda s: abs(len(list(s[1].iterdir())) - 300))
            for version, env in versions.items():
                throughput[version] = {
                    w: statistics.median(
                        per_article_throughput(source, w, env) for _ in range(args.repeat)
                    )
                    for w in (1, 2, 4)
                    if w <= max(2, os.cpu_count() or 1)
                }

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}, {platform.system()} {platform.release()}; "
        f"medians of {args.repeat} run{'s' * (args.repeat > 1)}"
    )
    for version in reversed(versions):  # the figures of the code now first
        rows = [median_row(runs[(version, name)]) for name, _ in stories]
        title = "this code" if version == "now" else f"before ({args.baseline})"
        print(f"\n{title}:")
        for line in goals(rows, throughput.get(version, {})):
            print(f"  {line}")
        print(table(rows))
    if args.baseline:
        print(f"\nnow / before ({args.baseline}), times (below 1: faster now):")
        print(ratio_table(runs, args.baseline, [name for name, _ in stories]))
    print(
        "\ncold: --no-cache, fresh output; first: fresh output, cache written; warm: nothing "
        "changed; +1: one article added. Each a new `timeline build --quiet` process."
    )


if __name__ == "__main__":
    main()
