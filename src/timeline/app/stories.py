"""Story folders: create them, find them by name, and say what each holds.

- `new_story` makes `stories/<name>/` with a `story.toml`;
- `resolve_story` and `check_story_folder` turn what a person typed into a story folder;
- `list_stories` says, for every story folder, what it holds and whether its timeline is
  built and up to date.

Every function raises `FeedError` (a `ValueError`) with a message for people when it
cannot do what was asked at all.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from timeline import fileio
from timeline.ingest.articles import (
    STORY_FILE,
    iter_article_files,
    story_settings,
)

DEFAULT_STORIES = Path("stories")
DEFAULT_OUT = Path("output")

# Folder names: one path component that every file system and shell takes as it is.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_NAME_MAX = 100


class FeedError(ValueError):
    """What was asked cannot be done at all (bad name, missing story folder, bad --date)."""


def new_story(
    name: str,
    stories_dir: Path = DEFAULT_STORIES,
    title: str | None = None,
    description: str | None = None,
) -> Path:
    """Create `stories_dir/<name>/` with a `story.toml`, and return the folder.

    NAME is one safe folder name (letters, digits, `-`, `_`, `.`; starting with a letter
    or digit, so never hidden, never `..`, never an option) because it also names the
    outputs (`output/<name>.html`) and appears in URLs. An existing folder is refused
    rather than adopted: `new` is for starting a story, and must not touch one.
    """
    check_story_name(name)
    folder = Path(stories_dir) / name
    Path(stories_dir).mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir()
    except FileExistsError:
        raise FeedError(
            f"{folder} already exists (add articles to it: timeline add {name} FILE...)"
        ) from None
    settings = {
        "title": title if title is not None else humanise(name),
        "description": description or "",
    }
    write_new(folder / STORY_FILE, story_toml(settings).encode("utf-8"))
    return folder


def check_story_name(name: str) -> None:
    """Raise `FeedError` unless `name` is a safe story folder name (see `new_story`)."""
    if not _NAME.fullmatch(name) or len(name) > _NAME_MAX:
        raise FeedError(
            f"'{name}' is not a story name: use letters, digits, '-', '_' and '.', "
            f"starting with a letter or digit (at most {_NAME_MAX} characters), "
            "e.g. 'ukrainian-children'"
        )


def humanise(name: str) -> str:
    """ "ukrainian-children" → "Ukrainian Children": the title a build gives a story with
    no title of its own, so that `new` does not change what the page shows."""
    return re.sub(r"[-_]+", " ", name).strip().title() or name


def story_toml(settings: dict[str, str]) -> str:
    """A `story.toml` of string settings, with the optional keys shown commented out.

    A tiny writer instead of a TOML library: only basic strings are written, escaped as
    the TOML spec says (backslash, quote, control characters), and `tomllib` reads back
    exactly what was given (the tests check it).
    """
    lines = ["# Settings of this story: see the README, 'The story folder'."]
    lines += [f"{key} = {toml_string(value)}" for key, value in settings.items()]
    lines += [
        '# language = "en"             # es, fr, it, pt, de, uk, ru; en-GB: day-first dates;',
        "#                               unset: each article's own, else recognised",
        '# timezone = "Europe/London"  # front-matter date-times are read in this zone',
        "# min_sources = 2             # only events reported by at least two articles",
    ]
    return "\n".join(lines) + "\n"


def toml_string(value: str) -> str:
    """A TOML basic string: `"` and `\\` escaped, control characters as escapes."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def resolve_story(story: Path | str, stories_dir: Path = DEFAULT_STORIES) -> Path:
    """A story folder from a path, or from a bare name of a folder of `stories_dir`.

    `timeline add ukrainian-children a.html` works like `timeline add
    stories/ukrainian-children a.html`; a path is always taken as it is.
    """
    path = Path(story)
    if not path.exists() and len(path.parts) == 1:
        named = Path(stories_dir) / path
        if named.is_dir():
            return named
    return path


def check_story_folder(story: Path | str) -> Path:
    """The story folder, or `FeedError` saying how to create it."""
    folder = Path(story)
    if not folder.is_dir():
        parent = folder.parent
        where = "" if parent in (Path("."), DEFAULT_STORIES) else f" --stories {parent}"
        raise FeedError(
            f"{folder}: no such story folder (create it first: timeline new {folder.name}{where})"
        )
    return folder


# --- timeline list --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryStatus:
    """One story folder: what it holds now, and its last build if it has one."""

    name: str  # the folder's name, which also names its outputs
    path: Path
    title: str
    articles: int  # article files, each record of a .json/.jsonl counted (not parsed)
    built: bool  # a page and its JSON exist in the output folder
    stale: bool  # not built, or a file of the story is newer than the page
    events: int | None = None  # of the last build
    span: str = ""  # the dates the last build's events cover ("Aug – 10 Oct 2025")
    built_at: datetime | None = None


def story_folders(stories_dir: Path = DEFAULT_STORIES) -> list[Path]:
    """The story folders of `stories_dir`, by name: sub-folders with a `story.toml` or an
    article file (hidden folders and `_`-folders are not stories)."""
    root = Path(stories_dir)
    if not root.is_dir():
        return []
    return [
        folder
        for folder in sorted(root.iterdir())
        if folder.is_dir()
        and not folder.name.startswith((".", "_"))
        and ((folder / STORY_FILE).is_file() or next(iter_article_files(folder, []), None))
    ]


def list_stories(
    stories_dir: Path = DEFAULT_STORIES, out_dir: Path = DEFAULT_OUT
) -> list[StoryStatus]:
    """Every story folder of `stories_dir` by name: sub-folders with a `story.toml` or an
    article file (hidden folders and `_`-folders are not stories).

    Articles are counted without reading them (a story of a thousand saved pages would
    take many seconds to parse), so a file a build skips still counts; a build's JSON has
    the exact count. Build facts come from `out_dir/<name>.json` beside its page, read as
    `timeline serve` reads them; staleness as `timeline open` decides it.
    """
    from timeline.app.serve import built_stories, is_stale

    builds = {entry.name: entry for entry in built_stories(Path(out_dir))}
    found = []
    for folder in story_folders(stories_dir):
        files = list(iter_article_files(folder, []))
        name = folder.resolve().name
        entry = builds.get(name)
        found.append(
            StoryStatus(
                name=name,
                path=folder,
                title=_story_title(folder, name),
                articles=sum(_count_records(f) for f in files),
                built=entry is not None,
                stale=entry is None or is_stale(folder, Path(out_dir)),
                events=entry.events if entry else None,
                span=entry.span if entry else "",
                built_at=entry.built_at if entry else None,
            )
        )
    return found


def story_table(stories: Sequence[StoryStatus]) -> list[str]:
    """`timeline list`'s lines: a header and one aligned row a story, plain text (it is
    read in terminals, logs and pipes alike; no colour, no box drawing)."""
    rows = [("STORY", "TITLE", "ARTICLES", "EVENTS", "DATES", "LAST BUILD", "STATUS")]
    for s in stories:
        status = "not built" if not s.built else "stale" if s.stale else "up to date"
        built = s.built_at.astimezone().strftime("%Y-%m-%d %H:%M") if s.built_at else "-"
        title = s.title if len(s.title) <= 40 else s.title[:39] + "…"
        events = f"{s.events:,}" if s.events is not None else "-"
        rows.append((s.name, title, f"{s.articles:,}", events, s.span or "-", built, status))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    numeric = {2, 3}
    return [
        "  ".join(
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def _story_title(folder: Path, name: str) -> str:
    try:
        story, _ = story_settings(folder)
    except OSError:
        return humanise(name)
    return story.title


def _count_records(file: Path) -> int:
    """1 for an article file; the records of a .json/.jsonl (0 when it cannot be read)."""
    suffix = file.suffix.lower()
    if suffix not in (".json", ".jsonl"):
        return 1
    try:
        data = file.read_bytes()
    except OSError:
        return 0
    if suffix == ".jsonl":
        return sum(1 for line in data.splitlines() if line.strip())
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return 0
    return len(document) if isinstance(document, list) else 1


def write_new(path: Path, data: bytes) -> Path:
    """Write a new file at `path`, or at `<stem>-2`, `-3`... when a file has that name.

    Never overwrites, even when another process creates the same name at the same moment
    (a second `add`, an editor, a sync tool): the file is complete before it gets its
    name, which is made atomically and fails if the name exists, where `os.replace`
    (what `timeline.fileio.write_atomic` uses) would replace it. A reader never sees a
    partial file, and a killed `add` leaves none (`timeline.fileio.write_new`). On file
    systems without hard links, the file is created with O_EXCL (never overwrites
    either) and written in place.
    """
    written = fileio.write_new(path, data, _candidates(path))
    return written if written is not None else _write_exclusive(path, data)


def _write_exclusive(path: Path, data: bytes) -> Path:
    for candidate in _candidates(path):
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return candidate
    raise AssertionError("unreachable")


def _candidates(path: Path) -> Iterable[Path]:
    yield path
    number = 2
    while True:
        yield path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
