"""Builds on a Dask cluster against local worker processes.

    python benchmarks/cluster.py [--articles 10000] [--stories 100] [--workers 2]

Times, each as a user runs it (a new `timeline build --no-cache --quiet` process,
start-up included):

- the synthetic story of `--articles` articles, and `--stories` small synthetic stories
  of 20 articles built by one command, with `--workers N` (local processes) and against
  an N-worker `LocalCluster` started beforehand (a running cluster, as a newsroom would
  have); the same story also with `--scheduler local` (the cluster started by the build);
- stories of 50 to 3,000 articles both ways, to find where the cluster starts to pay off;
- the cost of the cluster itself: a thousand files of one sentence, on the cluster, against
  reading them in the build's own process (files go in batches: `timeline.pipeline.cluster`).

Needs `distributed` (installed with the project). Nothing here needs the data folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    from benchmarks import _common as common
    from benchmarks.synthetic import write_story
except ImportError:  # run as a script
    import _common as common  # type: ignore[no-redef]
    from synthetic import write_story  # type: ignore[no-redef]

from timeline.pipeline.cluster import BATCH_BYTES, BATCH_FILES

NAME = "cluster"
TIMELINE = [sys.executable, "-m", "timeline"]


def timed(*args: str) -> float:
    """Seconds of one `timeline build` process."""
    command = [*TIMELINE, "build", *args, "--no-cache", "--quiet"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        common.fail(NAME, f"{' '.join(command)} failed: {done.stderr[-500:]}")
    return time.perf_counter() - started


def both_ways(stories: list[Path], out: Path, workers: int, address: str) -> tuple[float, float]:
    """(local, cluster) seconds to build the stories in one command."""
    paths = [str(s) for s in stories]
    local = timed(*paths, "--out", str(out / "local"), "--workers", str(workers))
    cluster = timed(*paths, "--out", str(out / "cluster"), "--scheduler", address)
    return local, cluster


def task_overhead(work: Path, address: str, workers: int) -> tuple[float, float]:
    """Milliseconds a file costs on the cluster beyond its work, and the work itself,
    from a thousand one-sentence files (sent in batches, as a build sends them)."""
    from distributed import Client

    from timeline.pipeline.cluster import run_on_cluster
    from timeline.pipeline.gather import plan_gather

    story = work / "tiny"
    story.mkdir()
    for n in range(1000):
        text = f"---\ndate: 2024-06-{1 + n % 28:02d}\n---\nThe port reopened on Tuesday ({n}).\n"
        (story / f"a{n:04d}.md").write_text(text, encoding="utf-8")
    tasks = plan_gather(story, work / "tiny-out", use_cache=False).tasks
    started = time.perf_counter()
    for task in tasks:
        task.run()
    alone = (time.perf_counter() - started) / len(tasks)
    with Client(address) as client:
        client.run(lambda: None)  # connected and warm
        started = time.perf_counter()
        for _ in run_on_cluster(client, tasks):
            pass
        wall = time.perf_counter() - started
    return max(0.0, wall * workers / len(tasks) - alone) * 1000, alone * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    try:
        from distributed import LocalCluster
    except ImportError:
        common.skip(NAME, "distributed is not installed")

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; --workers {args.workers} against a "
        f"{args.workers}-worker LocalCluster"
    )
    with tempfile.TemporaryDirectory(prefix="timeline-cluster-") as temp:
        work = Path(temp)
        big = write_story(work / "big", args.articles)
        small = [  # each story its own name, so each its own outputs
            write_story(work / "small-source" / str(k), 20, seed=k).rename(work / f"story-{k:03d}")
            for k in range(args.stories)
        ]
        sizes = [50, 300, 1000, 3000]
        sized = [write_story(work / f"n{n}", n, seed=7) for n in sizes]
        with LocalCluster(
            n_workers=args.workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster:
            address = cluster.scheduler_address
            rows = []
            local, remote = both_ways([big], work / "o-big", args.workers, address)
            rows.append((f"synthetic, {args.articles:,} articles", local, remote))
            local, remote = both_ways(small, work / "o-small", args.workers, address)
            rows.append((f"{args.stories} stories of 20 articles, one command", local, remote))
            crossing = []
            for n, story in zip(sizes, sized, strict=True):
                local, remote = both_ways([story], work / f"o-{n}", args.workers, address)
                crossing.append((f"{n:,} articles", local, remote))
            overhead, alone = task_overhead(work, address, args.workers)
        started_here = timed(str(big), "--out", str(work / "o-started"), "--scheduler", "local")

    table = [(name, f"{a:.2f}", f"{b:.2f}", f"{b / a:.2f}") for name, a, b in rows + crossing]
    print(common.format_table(("build", "local s", "cluster s", "cluster/local"), table, "lrrr"))
    print(
        f"the {args.articles:,}-article story with --scheduler local (the build starts and "
        f"stops its cluster): {started_here:.2f} s"
    )
    print(
        f"a file's cost on the cluster beyond its work: {overhead:.1f} ms, in tasks of up to "
        f"{BATCH_FILES} files or {BATCH_BYTES // 1024} kB (a one-sentence file's work: "
        f"{alone:.1f} ms)"
    )


if __name__ == "__main__":
    main()
