"""Builds on a Dask cluster (a `LocalCluster` of two worker processes), and several
stories in one command."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import article, without_build_facts, write
from timeline.app.cli import main
from timeline.pipeline import cluster as cluster_module
from timeline.pipeline.build import BuildError, build_story
from timeline.pipeline.cluster import ClusterError, _check_workers

distributed = pytest.importorskip("distributed")

OUTPUTS = ("json", "csv", "html")
SENTENCES = (
    "The port workers walked out on Tuesday over pay.",
    "Officials said the talks resumed on March 3 after a week of silence.",
    "The strike ended two weeks ago, the union said.",
    "Ships have queued since Tuesday's explosion at the harbour.",
)


def fill(story: Path, count: int) -> Path:
    story.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = f"{SENTENCES[n % len(SENTENCES)]} Item {n} of {story.name} was noted.\n"
        write(story, f"a{n:03d}.md", article(f"2024-06-{1 + n % 27:02d}", body))
    return story


def two_worker_cluster() -> distributed.LocalCluster:
    """A local cluster of two worker processes, one thread each, on the loopback."""
    return distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    )


@pytest.fixture(scope="module")
def scheduler() -> str:
    """The address of a cluster of two worker processes, shared by the module's tests."""
    with two_worker_cluster() as cluster:
        yield cluster.scheduler_address


def same_outputs(one: Path, other: Path, name: str) -> bool:
    return all(
        without_build_facts(one / f"{name}.{fmt}") == without_build_facts(other / f"{name}.{fmt}")
        for fmt in OUTPUTS
    )


def test_a_cluster_build_writes_what_a_local_build_writes(
    tmp_path: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster_module, "BATCH_FILES", 4)
    story = fill(tmp_path / "stories" / "port", 30)
    on_cluster = build_story(story, tmp_path / "cluster", OUTPUTS, scheduler=scheduler)
    build_story(story, tmp_path / "local", OUTPUTS, workers=1)
    assert same_outputs(tmp_path / "cluster", tmp_path / "local", "port")
    assert (on_cluster.stats["new"], on_cluster.stats["cached"]) == (30, 0)
    # the cluster's results went into the same build cache a local build uses
    again = build_story(story, tmp_path / "cluster", OUTPUTS)
    assert (again.stats["new"], again.stats["cached"]) == (0, 30)


def test_several_stories_in_one_command(tmp_path: Path, scheduler: str) -> None:
    stories = tmp_path / "stories"
    fill(stories / "port", 12)
    fill(stories / "rail", 3)
    (stories / "empty").mkdir()
    write(stories / "empty", "story.toml", 'title = "Nothing yet"\n')
    out = tmp_path / "out"
    args = ["build", str(stories / "port"), str(stories / "empty"), str(stories / "rail")]
    result = CliRunner().invoke(main, [*args, "--out", str(out), "--scheduler", scheduler])
    assert result.exit_code == 1  # one story failed
    assert "error: empty: " in result.stderr and "no readable article" in result.stderr
    assert "port: 12 articles" in result.stderr and "rail: 3 articles" in result.stderr
    assert {p.name for p in out.glob("*.json")} == {"port.json", "rail.json"}
    build_story(stories / "rail", tmp_path / "local", OUTPUTS, use_cache=False)
    assert same_outputs(out, tmp_path / "local", "rail")


def test_all_stories_without_a_cluster(tmp_path: Path) -> None:
    stories = tmp_path / "stories"
    fill(stories / "port", 2)
    fill(stories / "rail", 2)
    (stories / "_drafts").mkdir()
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", "--all", "--stories", str(stories), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.html")) == ["port.html", "rail.html"]


def test_a_build_needs_a_story(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2 and "give a story folder" in result.stderr
    result = CliRunner().invoke(main, ["build", "--all", "--stories", str(tmp_path)])
    assert result.exit_code == 1 and "no story folder" in result.stderr


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    "address",
    [f"tcp://127.0.0.1:{unused_port()}", "nonsense://nowhere", "not an address"],
    ids=["unreachable", "unknown-protocol", "garbage"],
)
def test_a_bad_scheduler_is_one_line_quickly(tmp_path: Path, address: str) -> None:
    story = fill(tmp_path / "stories" / "port", 2)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "TIMELINE_SCHEDULER": address}
    command = [sys.executable, "-m", "timeline", "build", str(story), "--out", str(tmp_path)]
    # it gives up after CONNECT_TIMEOUT_SECONDS; the deadline only catches a hang
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot use the Dask scheduler")
    assert address in lines[0] and "Traceback" not in done.stderr
    assert not list(tmp_path.glob("*.json"))


def test_workers_running_another_version_are_refused(scheduler: str) -> None:
    with distributed.Client(scheduler) as client:
        _check_workers(client, scheduler)  # the same code: accepted
        with pytest.raises(ClusterError, match="another version of timeline"):
            _check_workers(client, scheduler, ours="a different version")


def test_a_worker_killed_mid_build_still_gives_a_complete_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cluster_module, "BATCH_FILES", 3)  # 20 tasks, not one
    story = fill(tmp_path / "stories" / "port", 60)
    killed: list[str] = []
    killed_at: list[tuple[int, int]] = []
    seen: list[tuple[int, int]] = []
    with two_worker_cluster() as cluster:

        def kill_a_worker(done: int, total: int) -> None:
            seen.append((done, total))
            if done >= 1 and not killed:  # the first files are back, the others in flight
                nanny = next(iter(cluster.workers.values()))
                os.kill(nanny.process.process.pid, signal.SIGKILL)  # the nanny starts another
                killed.append(nanny.worker_address)
                killed_at.append((done, total))

        result = build_story(
            story, tmp_path / "cluster", OUTPUTS, progress=kill_a_worker,
            scheduler=cluster.scheduler_address,
        )  # fmt: skip
    assert killed and result.stats["articles"] == 60 and not result.problems
    assert seen[-1] == (60, 60) and seen.index(killed_at[0]) < len(seen) - 1  # mid-build
    build_story(story, tmp_path / "local", OUTPUTS, use_cache=False)
    assert same_outputs(tmp_path / "cluster", tmp_path / "local", "port")


def test_a_local_build_never_imports_dask(tmp_path: Path) -> None:
    story = fill(tmp_path / "stories" / "port", 2)
    code = (
        "import sys; from timeline import build_story; "
        f"build_story({str(story)!r}, {str(tmp_path / 'out')!r}); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("TIMELINE_SCHEDULER", None)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_a_cluster_that_cannot_be_used_fails_the_build(tmp_path: Path) -> None:
    story = fill(tmp_path / "stories" / "port", 2)
    with pytest.raises(BuildError, match="cannot use the Dask scheduler"):
        build_story(story, tmp_path / "out", scheduler=f"tcp://127.0.0.1:{unused_port()}")
    document = tmp_path / "out" / "port.json"
    assert not document.exists() or json.loads(document.read_text())  # nothing half-written


def test_scheduler_local_starts_and_stops_a_cluster_for_the_build(tmp_path: Path) -> None:
    story = fill(tmp_path / "stories" / "port", 6)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "timeline", "build", str(story), "--out", str(tmp_path)]
    done = subprocess.run(
        [*command, "--scheduler", "local"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]  # the summary line only
    assert "6 articles (6 new" in done.stderr
    assert (tmp_path / "port.html").is_file()
