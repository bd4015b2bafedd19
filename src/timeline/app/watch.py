"""Watch a story: rebuild it whenever its articles change (`timeline watch`).

`watch_story` waits for file changes that can matter to a build (`StoryChangeFilter`),
debounces them, rebuilds, and with `--poll` also updates the story's followed feeds on
an interval (`timeline.app.follow`).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.app.stories import DEFAULT_OUT, check_story_folder

if TYPE_CHECKING:
    from timeline.pipeline.build import BuildResult


# Names of temporary files that editors, browsers and sync tools write beside the real
# ones (vim's .swp and "4913", emacs's #autosave#, downloads in progress): never articles.
_TEMPORARY = re.compile(
    r"(?:\.sw[a-p]x?|~|\.tmp|\.temp|\.part|\.crdownload|\.download)$|^#.*#$|^\d+$",
    re.IGNORECASE,
)


class StoryChangeFilter:
    """Which file changes can matter to a build of the story (a watchfiles filter).

    Ignored, as the build ignores them: hidden files and folders (editors' `.#lock`
    files, a cache, `add`'s own temporary files), `_`-folders. Ignored as never being
    articles: editors' and browsers' temporary files. Ignored so that a build does not
    trigger itself: the output folder, when it is inside the story folder.
    """

    def __init__(self, story: Path, out_dir: Path | None = None) -> None:
        self.root = Path(story).resolve()
        self.out = Path(out_dir).resolve() if out_dir is not None else None

    def __call__(self, change: object, path: str) -> bool:
        target = Path(path)
        if self.out is not None and (target == self.out or target.is_relative_to(self.out)):
            return False
        try:
            parts = target.relative_to(self.root).parts
        except ValueError:
            parts = (target.name,)
        if not parts:
            return True  # the story folder itself
        *folders, name = parts
        if any(part.startswith((".", "_")) for part in folders):
            return False
        if name.startswith(".") or _TEMPORARY.search(name):
            return False
        return not (name.startswith("_") and target.is_dir())


BuildFunction = Callable[[Path, Path], "BuildResult"]


def watch_story(
    story: Path,
    out_dir: Path = DEFAULT_OUT,
    build: BuildFunction | None = None,
    on_build: Callable[[BuildResult], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    stop_event: threading.Event | None = None,
    debounce_ms: int = 1600,
    quiet_ms: int = 200,
    poll: Callable[[], None] | None = None,
    poll_seconds: float | None = None,
) -> int:
    """Build the story now and again whenever its articles change, until stopped.

    Changes are watched with watchfiles (inotify, FSEvents or ReadDirectoryChangesW;
    polling where none works) and grouped: a batch ends after `quiet_ms` without a new
    change, or `debounce_ms` after its first one, so saving a page, running `timeline
    add` on a folder or a sync tool's burst gives one build. Changes that cannot matter
    are ignored (`StoryChangeFilter`).

    The watcher starts before the first build, so an article saved while a build runs
    gives another build after it. Each build's result goes to `on_build`; a build that
    fails (`BuildError`: no readable article; `OSError`: output folder not writable) goes
    to `on_error` and watching goes on: the next change may fix it. `build(story,
    out_dir)` defaults to `timeline.pipeline.build.build_story`. Returns the number of builds when
    `stop_event` is set; Ctrl+C raises KeyboardInterrupt.

    With `poll` and `poll_seconds`, `poll()` runs once the watcher listens (before the
    first build) and then every `poll_seconds` in a thread (`timeline watch --poll`: the
    story's feeds are updated, and the articles they bring are changes like any other,
    so they give a build).
    """
    import watchfiles

    from timeline.pipeline.build import BuildError

    folder = check_story_folder(story)
    run = build or _build_story
    builds = 0
    first = True
    polling = _Poller(poll, poll_seconds, on_error) if poll and poll_seconds else None
    try:
        for changes in _watch(watchfiles, folder, out_dir, debounce_ms, quiet_ms, stop_event):
            if not changes and not first:
                continue
            if first and polling is not None:
                polling.poll_now()  # the watcher listens; the first build has the news
                polling.start()
            first = False
            builds += 1
            try:
                result = run(folder, Path(out_dir))
            except (BuildError, OSError) as exc:
                if on_error is not None:
                    on_error(exc)
                continue
            if on_build is not None:
                on_build(result)
    finally:
        if polling is not None:
            polling.stop()
    return builds


class _Poller:
    """Runs `poll()` every `seconds` in a daemon thread until stopped (and once at once
    with `poll_now`); an error it raises goes to `on_error` and polling goes on."""

    def __init__(self, poll, seconds: float, on_error) -> None:
        self.poll, self.seconds, self.on_error = poll, seconds, on_error
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name="timeline-poll", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()

    def poll_now(self) -> None:
        try:
            self.poll()
        except Exception as exc:  # a poll that fails must not end the watch
            if self.on_error is not None:
                self.on_error(exc)

    def _run(self) -> None:
        while not self.stopped.wait(self.seconds):
            self.poll_now()


def _watch(watchfiles, folder, out_dir, debounce_ms, quiet_ms, stop_event):
    return watchfiles.watch(
        folder.resolve(),
        watch_filter=StoryChangeFilter(folder, out_dir),
        debounce=debounce_ms,
        step=quiet_ms,
        stop_event=stop_event,
        # A first, empty batch after this long starts the first build once the watcher
        # is listening (see above); later empty batches are skipped.
        rust_timeout=_FIRST_BUILD_DELAY_MS,
        yield_on_timeout=True,
    )


_FIRST_BUILD_DELAY_MS = 250


def _build_story(story: Path, out_dir: Path) -> BuildResult:
    from timeline.pipeline.build import build_story

    return build_story(story, out_dir)


class WatchReporter:
    """The lines `timeline watch` prints: one summary line per build, the problems that
    are new since the previous build (a problem that stays is counted in the summary, not
    repeated every build), `error: ...` for a failed build."""

    def __init__(self, echo: Callable[[str, bool], None], quiet: bool = False) -> None:
        self.echo = echo  # echo(line, to_stderr)
        self.quiet = quiet
        self.seen: set[str] = set()

    def build(self, result: BuildResult) -> None:
        from timeline.pipeline.build import summary_line

        current = [str(p) for p in result.problems]
        if not self.quiet:
            for line in current:
                if line not in self.seen:
                    self.echo(line, True)
        self.seen = set(current)
        page = result.outputs.get("html") or next(iter(result.outputs.values()), None)
        where = f" → {page}" if page is not None else ""
        self.echo(f"{time.strftime('%H:%M:%S')} {summary_line(result)}{where}", False)

    def error(self, exc: Exception) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.echo(f"{time.strftime('%H:%M:%S')} error: {reason}", True)
        self.seen = set()
