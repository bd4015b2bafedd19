"""Fault injection: builds, `add`, `watch` and `update` killed at chosen moments, full
disks and read-only folders, and two builds of one story at once.

A killed command runs in its own session under a small wrapper (`WRAPPER`) that stops
it at a named point of its run, announces it on stdout and waits there to be killed: a
moment is hit exactly, never by guessing at timings. The moments that need a process
busy (workers reading, the merge running) are hit by announcing without stopping and
killing after a delay drawn from a seeded generator (`TIMELINE_FAULT_SEED`, printed in
every failure). After each kill: no process of the command is left (waiting for that
with a generous deadline), every output is whole (old or new), no temporary file is
left, what the user wrote is unchanged, and the next build equals a fresh one.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from conftest import article, run, snapshot, without_build_facts, write
from timeline import fileio
from timeline.pipeline.build import build_story

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads processes from /proc"
)

SEED = int(os.environ.get("TIMELINE_FAULT_SEED", "22"))
ANNOUNCE_DEADLINE = 120  # seconds for a command to reach its moment, on a slow machine
GONE_DEADLINE = 15  # seconds for its processes to end (they end at once: see workers.py)
OUTPUTS = ("test-story.json", "test-story.csv", "test-story.html")

# Runs `timeline ARGS...` with one hook, described by TIMELINE_FAULT (JSON):
#   {"at": "read", "nth": 3}           after the 3rd file is back from the workers
#   {"at": "merge"}                    as the merge starts
#   {"at": "fill", "nth": 2, "stop": true}  half-way through writing the 2nd file
#   {"at": "replace", "match": "x.json", "stop": true}  between x.json's link and rename
# It prints "REACHED <at>" and, with "stop", sleeps there until it is killed.
WRAPPER = r"""
import json, os, sys, time
plan = json.loads(os.environ["TIMELINE_FAULT"])
calls = {"n": 0}

def hit():
    calls["n"] += 1
    return calls["n"] == plan.get("nth", 1)

def announce():
    print("REACHED", plan["at"], flush=True)
    if plan.get("stop"):
        time.sleep(3600)

if plan["at"] == "read":
    from timeline.pipeline import gather
    original_add = gather.PendingGather.add
    def add(self, *args):
        original_add(self, *args)
        if hit():
            announce()
    gather.PendingGather.add = add
elif plan["at"] == "merge":
    from timeline.pipeline import build
    original_merge = build.merge_mentions
    def merge(*args, **kwargs):
        announce()
        return original_merge(*args, **kwargs)
    build.merge_mentions = merge
elif plan["at"] == "fill":
    from timeline import fileio
    original_fill = fileio._fill
    def fill(fd, data):
        if hit():
            os.write(fd, data[: len(data) // 2])  # half of it on disk, then killed
            announce()
        original_fill(fd, data)
    fileio._fill = fill
elif plan["at"] == "replace":
    original_replace = os.replace
    def replace(source, target):
        if str(target).endswith(plan["match"]):
            announce()
        original_replace(source, target)
    os.replace = replace

from timeline.app.cli import main
main(sys.argv[1:], prog_name="timeline")
"""

SENTENCES = (
    "The port workers walked out on Tuesday over pay.",
    "Officials said the talks resumed on March 3 after a week of silence.",
    "The strike ended two weeks ago, the union said.",
    "Ships waited outside the harbour on Friday as the dispute went on.",
)


def fill_story(story: Path, count: int) -> None:
    for n in range(count):
        body = " ".join(f"{SENTENCES[(n + k) % 4]} Item {n} part {k}." for k in range(12))
        meta = {"source": f"Outlet {n % 5}"}
        write(story, f"a{n:03d}.md", article(f"2024-06-{1 + n % 27:02d}", body + "\n", **meta))


def environment(plan: dict) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(sys.path),
        "TIMELINE_FAULT": json.dumps(plan),
    }


class Killed:
    """A command started under the wrapper, in its own session, to be killed."""

    def __init__(self, args: list[str], plan: dict) -> None:
        self.plan = plan
        self.process = subprocess.Popen(
            [sys.executable, "-c", WRAPPER, *args],
            env=environment(plan),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.session = self.process.pid
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def wait_for_moment(self) -> None:
        deadline = time.monotonic() + ANNOUNCE_DEADLINE
        while not any(line.startswith("REACHED") for line in self.lines):
            if self.process.poll() is not None:
                self._reader.join(timeout=10)  # the last lines it printed
                if any(line.startswith("REACHED") for line in self.lines):
                    return  # reached, then finished before the kill: a valid moment too
                errors = self.process.stderr.read() if self.process.stderr else ""
                raise AssertionError(f"{self.plan}: ended before its moment: {errors}")
            assert time.monotonic() < deadline, f"{self.plan}: never reached its moment"
            time.sleep(0.01)

    def kill(self, how: int = signal.SIGKILL) -> None:
        self.process.send_signal(how)
        self.process.wait(timeout=60)


def session_processes(session: int) -> list[str]:
    """Live processes (not zombies) of a session, as "pid command"."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()[:80]
        except OSError:
            continue  # ended while we looked
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[3]) == session and fields[0] not in "ZX":
            found.append(f"{entry.name} {command}")
    return found


def assert_no_process_left(session: int, context: str) -> None:
    deadline = time.monotonic() + GONE_DEADLINE
    while (left := session_processes(session)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert left == [], f"{context}: processes left after {GONE_DEADLINE} s: {left}"


def temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if fileio.is_temporary(p.name)]


def assert_outputs_whole(out: Path, context: str) -> None:
    document = json.loads((out / "test-story.json").read_text(encoding="utf-8"))
    assert document["events"], context
    assert (out / "test-story.html").read_bytes().rstrip().endswith(b"</html>"), context
    text = (out / "test-story.csv").read_text(encoding="utf-8")
    assert text.endswith("\n"), context
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 1 and len({len(r) for r in rows}) == 1, context
    assert temporaries(out) == [], context


def assert_next_build_equals_a_fresh_one(story: Path, out: Path, context: str) -> None:
    result = build_story(story, out)
    assert not result.problems, context
    fresh = out.parent / "fresh"
    build_story(story, fresh, use_cache=False)
    for name in OUTPUTS:
        assert without_build_facts(out / name) == without_build_facts(fresh / name), (
            f"{context}: {name}"
        )


# The build's moments: (plan, delay after the announcement as a share of `spread`).
BUILD_MOMENTS = [
    ({"at": "read", "nth": 1}, 0.0),  # workers busy with every queued file
    ({"at": "read", "nth": "half"}, 1.0),  # half the files back, the others in flight
    ({"at": "merge", "stop": True}, None),  # the merge starting, the workers gone
    ({"at": "merge"}, 1.0),  # the merge running
    ({"at": "fill", "nth": 1, "stop": True}, None),  # writing the JSON, half on disk
    ({"at": "fill", "nth": 2, "stop": True}, None),  # the JSON replaced, the CSV half
    ({"at": "fill", "nth": 3, "stop": True}, None),  # writing the page
    ({"at": "merge"}, 2.0),  # somewhere in the merge or the writes
]


@pytest.mark.parametrize("moment", range(len(BUILD_MOMENTS)))
def test_a_build_killed_at_any_moment_leaves_no_process_and_whole_outputs(
    moment: int, story: Path, tmp_path: Path
) -> None:
    rng = random.Random(f"{SEED}-{moment}")
    plan, share = BUILD_MOMENTS[moment]
    plan = dict(plan)
    count = 60
    if plan.get("nth") == "half":
        plan["nth"] = rng.randint(count // 4, count // 2)
    fill_story(story, count)
    out = tmp_path / "out"
    build_story(story, out)  # the previous outputs
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    write(story, "a000.md", article("2024-06-01", f"The port reopened on day {moment}.\n"))
    folder = snapshot(story)
    reading = plan["at"] == "read"
    options = ["--no-cache"] if reading or rng.random() < 0.5 else []  # cached: none to read
    args = ["build", str(story), "--out", str(out), "--workers", "2", *options]
    killed = Killed(args, plan)
    killed.wait_for_moment()
    if share:
        time.sleep(rng.uniform(0, 0.25 * share))
    killed.kill()
    context = f"seed {SEED}, moment {moment} {plan} {options}"
    assert_no_process_left(killed.session, context)
    assert_outputs_whole(out, context)
    if plan["at"] == "fill" and plan["nth"] == 1:
        assert {n: (out / n).read_bytes() for n in OUTPUTS} == before, context  # all old
    assert snapshot(story) == folder, context
    assert_next_build_equals_a_fresh_one(story, out, context)


def test_a_build_stopped_by_sigterm_or_on_a_cluster_leaves_no_process(
    story: Path, tmp_path: Path
) -> None:
    fill_story(story, 60)
    out = tmp_path / "out"
    build_story(story, out, use_cache=False)
    runs = [
        (["--workers", "2", "--no-cache"], {"at": "read", "nth": 2}, signal.SIGTERM),
        (["--scheduler", "local", "--no-cache"], {"at": "read", "nth": 1}, signal.SIGKILL),
    ]
    for options, plan, how in runs:
        killed = Killed(["build", str(story), "--out", str(out), *options], plan)
        killed.wait_for_moment()
        killed.kill(how)
        context = f"{options} {plan} signal {how}"
        assert_no_process_left(killed.session, context)
        assert_outputs_whole(out, context)
    assert_next_build_equals_a_fresh_one(story, out, "after the cluster")


def test_a_build_that_fails_ends_its_workers(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    from timeline.pipeline import gather

    fill_story(story, 60)

    def broken(self, *args) -> None:
        raise RuntimeError("a bug half-way through the reading")

    monkeypatch.setattr(gather.PendingGather, "add", broken)
    with pytest.raises(RuntimeError):
        build_story(story, tmp_path / "out", workers=2)
    deadline = time.monotonic() + GONE_DEADLINE
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


def test_a_write_killed_between_its_link_and_its_rename_is_swept_by_the_next(
    story: Path, tmp_path: Path
) -> None:
    fill_story(story, 30)
    out = tmp_path / "out"
    build_story(story, out)
    plan = {"at": "replace", "match": "test-story.json", "stop": True}
    killed = Killed(["build", str(story), "--out", str(out)], plan)
    killed.wait_for_moment()
    killed.kill()
    assert_no_process_left(killed.session, "replace")
    left = temporaries(out)  # the one moment a killed write leaves a name: two syscalls
    assert len(left) == 1 and left[0].name.startswith(".test-story.json."), left
    assert_outputs_whole_but_temporaries(out)
    build_story(story, out)
    assert temporaries(out) == []


def assert_outputs_whole_but_temporaries(out: Path) -> None:
    json.loads((out / "test-story.json").read_text(encoding="utf-8"))
    assert (out / "test-story.html").read_bytes().rstrip().endswith(b"</html>")


def test_a_killed_add_leaves_no_partial_article(story: Path, tmp_path: Path) -> None:
    fill_story(story, 3)
    folder = snapshot(story)
    new = write(tmp_path, "incoming.md", article("2024-06-20", "The port reopened.\n" * 2000))
    killed = Killed(["add", str(story), str(new)], {"at": "fill", "nth": 1, "stop": True})
    killed.wait_for_moment()
    killed.kill()
    assert_no_process_left(killed.session, "add")
    assert snapshot(story) == folder  # nothing new, nothing partial, nothing hidden
    assert run("add", str(story), str(new)).exit_code == 0  # and the next add works
    assert len(snapshot(story)) == len(folder) + 1


def test_a_killed_watch_leaves_no_process(story: Path, tmp_path: Path) -> None:
    fill_story(story, 60)
    out = tmp_path / "out"
    args = ["watch", str(story), "--out", str(out)]
    killed = Killed(args, {"at": "read", "nth": 5})  # during its first build
    killed.wait_for_moment()
    killed.kill()
    assert_no_process_left(killed.session, "watch")
    assert temporaries(out) == []


# -- update: a local feed ---------------------------------------------------------------


@pytest.fixture
def feed_site() -> Iterator[dict[str, bytes]]:
    routes: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = routes.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/rss+xml" if "feed" in self.path
                             else "text/html")  # fmt: skip
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    routes["base"] = f"http://127.0.0.1:{server.server_address[1]}".encode()
    yield routes
    server.shutdown()
    server.server_close()


def test_a_killed_update_never_leaves_the_feed_state_unreadable(
    feed_site: dict[str, bytes], story: Path
) -> None:
    from test_follow import page, rss

    from timeline.app.follow import STATE_FILE, follow_feed

    base = feed_site["base"].decode()
    entries = []
    for n in (1, 2):
        feed_site[f"/a{n}.html"] = page(f"Port news {n}", "2024-06-11", f"Item {n}.")
        entries.append({"title": f"Port news {n}", "link": f"{base}/a{n}.html",
                        "date": "Tue, 11 Jun 2024 08:00:00 GMT"})  # fmt: skip
    feed_site["/feed.xml"] = rss(entries[:1])
    follow_feed(story, f"{base}/feed.xml")
    assert run("update", str(story)).exit_code == 0
    state = (story / STATE_FILE).read_bytes()
    feed_site["/feed.xml"] = rss(entries)
    # the one new article is the 1st file written, the state the 2nd
    for nth in (1, 2):
        folder = snapshot(story)
        killed = Killed(["update", str(story)], {"at": "fill", "nth": nth, "stop": True})
        killed.wait_for_moment()
        killed.kill()
        assert_no_process_left(killed.session, f"update {nth}")
        assert (story / STATE_FILE).read_bytes() == state  # whole: the previous one
        json.loads(state)
        now = snapshot(story)
        added = set(now) - set(folder)
        assert len(added) <= 1 and all(n.endswith(".md") for n in added)
        assert not [n for n in now if fileio.is_temporary(Path(n).name)]
    assert run("update", str(story)).exit_code == 0  # and the next update goes on


# -- full disks, read-only folders, concurrent builds ----------------------------------


@pytest.mark.parametrize(
    ("failure", "reason"),
    [(errno.ENOSPC, "No space left on device"), (errno.EROFS, "Read-only file system")],
)
def test_a_full_disk_or_a_read_only_folder_is_one_line_and_keeps_the_outputs(
    failure: int, reason: str, story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_story(story, 5)
    out = tmp_path / "out"
    build_story(story, out)
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    write(story, "a000.md", article("2024-06-01", "The port reopened.\n"))
    original = fileio._fill

    def full(fd: int, data: bytes) -> None:
        if len(data) > 1_000_000:  # the page: half of it goes to disk, then the disk is full
            os.write(fd, data[: len(data) // 2])
            raise OSError(failure, os.strerror(failure))
        original(fd, data)

    def read_only(*args, **kwargs) -> int:
        raise OSError(failure, os.strerror(failure))

    if failure == errno.ENOSPC:
        monkeypatch.setattr(fileio, "_fill", full)
    else:
        monkeypatch.setattr(fileio, "_anonymous_file", read_only)
        monkeypatch.setattr(fileio.tempfile, "mkstemp", read_only)
    result = run("build", str(story), "--out", str(out))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {out}") and lines[0].endswith(f"cannot write ({reason})")
    if failure == errno.ENOSPC:
        assert "test-story.html" in lines[0]
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before  # all the old
    assert temporaries(out) == []


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anyway")
def test_a_really_read_only_output_folder(story: Path, tmp_path: Path) -> None:
    fill_story(story, 3)
    out = tmp_path / "out"
    build_story(story, out)
    before = snapshot(out)
    out.chmod(0o555)
    try:
        result = run("build", str(story), "--out", str(out), "--no-cache")
    finally:
        out.chmod(0o755)
    assert result.exit_code == 1 and "cannot write" in result.output
    assert snapshot(out) == before


def test_two_builds_of_one_story_at_once_both_succeed(story: Path, tmp_path: Path) -> None:
    fill_story(story, 40)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "timeline", "build", str(story), "--out", str(out), "-q"]
    builds = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    results = [b.communicate(timeout=300) for b in builds]
    assert [b.returncode for b in builds] == [0, 0], results
    assert_outputs_whole(out, "two builds")
    assert_next_build_equals_a_fresh_one(story, out, "two builds")
