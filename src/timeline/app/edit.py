"""Correcting a story's timeline: the functions behind `timeline edit`, `merge-events`,
`detach` and `edits`, and behind the page's corrections under `timeline serve`.

Each function reads the story as a build would (its articles from the build cache, the
merger's events, the corrections made so far), checks what it is asked (an event that
exists, a date that parses, an article that is a source), then adds one correction to
the story's `corrections.toml` (`timeline.events.correction_file`), or removes one for
an undo. Nothing is written when a check fails (`EditError`). The next build applies
it; with `rebuild`, the story is rebuilt at once from what was read.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.events.correction_file import (
    CorrectionsFile,
    CorrectionsFileError,
    append_correction,
    now_utc,
    read_corrections,
    remove_correction,
    utc_time,
)
from timeline.events.corrections import (
    Applied,
    Correction,
    Target,
    apply_corrections,
    clean_headline,
    evidence_of,
    find_event,
    parse_date,
)
from timeline.models import Event, Problem
from timeline.pipeline.build import (
    BuildError,
    BuildOptions,
    BuildResult,
    Merged,
    merge_story,
    write_story,
)
from timeline.pipeline.gather import Gathered, gather
from timeline.resolve.dates import event_date_value

__all__ = [
    "EditError",
    "EditResult",
    "EditStatus",
    "Edits",
    "detach_mention",
    "edit_event",
    "list_edits",
    "merge_events",
    "undo_edit",
]


class EditError(ValueError):
    """A correction that cannot be made (an unknown event, a date that does not parse, a
    corrections file that does not read whole...): nothing was written."""


@dataclass(slots=True)
class EditResult:
    """A correction written (or, for an undo, removed), the id of the event it shapes
    now (None when it shapes none: an undone correction's event is gone), the
    corrections file, and the rebuild's result when one was asked for."""

    correction: Correction
    event: str | None
    path: Path
    build: BuildResult | None = None


@dataclass(frozen=True, slots=True)
class EditStatus:
    """One correction of a story as the story stands: the event it shapes now (None:
    it no longer finds its event) and that event's headline, and the events it names
    that are not found."""

    correction: Correction
    event: str | None
    text: str = ""
    missing: tuple[str, ...] = ()


@dataclass(slots=True)
class Edits:
    """Every correction of a story (`list_edits`), and the problems of its file."""

    path: Path
    statuses: list[EditStatus] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def orphaned(self) -> list[EditStatus]:
        return [s for s in self.statuses if s.event is None]


@dataclass(slots=True)
class _Story:
    """A story read as a build reads it, with its corrections applied."""

    folder: Path
    out: Path
    gathered: Gathered
    merged: Merged
    file: CorrectionsFile
    applied: Applied
    started: float

    @property
    def events(self) -> dict[str, Event]:
        return {e.id: e for e in self.applied.events}

    def event(self, event_id: str) -> Event:
        wanted = str(event_id).strip()
        found = self.events.get(wanted)
        if found is None:
            raise EditError(
                f"{wanted}: no such event in {self.folder} (the ids are in the story's "
                f"JSON; `timeline edits {self.folder}` lists the corrected ones)"
            )
        return found


def _read(story_dir: str | os.PathLike, out_dir: str | os.PathLike) -> _Story:
    started = time.perf_counter()
    folder = Path(story_dir)
    if not folder.is_dir():
        raise EditError(f"{folder}: no such story folder")
    try:
        gathered = gather(folder, Path(out_dir))
    except FileNotFoundError as exc:
        raise EditError(str(exc)) from None
    if not gathered.story.articles:
        raise EditError(f"{folder}: no readable article in the story folder")
    merged = merge_story(gathered)
    found = read_corrections(folder)
    applied = apply_corrections(merged.events, found.corrections, gathered.story.language)
    return _Story(folder, Path(out_dir), gathered, merged, found, applied, started)


def _save(story: _Story, correction: Correction, rebuild: BuildOptions | None) -> EditResult:
    try:
        path = append_correction(story.file, correction)
    except CorrectionsFileError as exc:
        raise EditError(str(exc)) from None
    return _after(story, path, len(story.file.corrections), rebuild, correction)


def _after(
    story: _Story,
    path: Path,
    index: int | None,
    rebuild: BuildOptions | None,
    correction: Correction,
) -> EditResult:
    """The event the correction at `index` of the new file shapes (for an undo, None:
    the event its target names now), and the rebuild."""
    found = read_corrections(story.folder)
    language = story.gathered.story.language
    applied = apply_corrections(story.merged.events, found.corrections, language)
    if index is not None and index < len(applied.outcomes):
        event = applied.outcomes[index].event
    else:
        event = find_event(applied.events, correction.target, language)
    built = None
    if rebuild is not None:
        try:
            built = write_story(story.gathered, story.out, rebuild, story.started, story.merged)
        except BuildError as exc:
            raise EditError(f"the correction was saved, but the rebuild failed: {exc}") from None
    return EditResult(correction, event, path, built)


def _target(event: Event) -> Target:
    return Target(event.id, evidence_of(event))


def _when(made: str | None) -> str:
    """When a correction is made: now, or `made` (UTC ISO 8601, "2025-10-11T09:12:03Z")."""
    if made is None:
        return now_utc()
    when = utc_time(made)
    if not when:
        raise EditError(f"not a time: {made!r} (give e.g. 2025-10-11T09:12:03Z)")
    return when


def edit_event(
    story_dir: str | os.PathLike,
    event_id: str,
    *,
    date: str | None = None,
    headline: str | None = None,
    hidden: bool | None = None,
    pinned: bool | None = None,
    out_dir: str | os.PathLike = "output",
    rebuild: BuildOptions | None = None,
    made: str | None = None,
) -> EditResult:
    """Correct one event: its `date` (a day, a month, a range...: see
    `timeline.events.corrections.parse_date`), its `headline`, `hidden` (True: hide,
    False: show) and `pinned` (True: pin, False: unpin). `made` (UTC ISO 8601) defaults
    to now. Raises EditError, and writes nothing, when the event is unknown or a value
    makes no sense."""
    when = _when(made)
    if date is None and headline is None and hidden is None and pinned is None:
        raise EditError("nothing to change: give a date, a headline, hide/show or pin/unpin")
    if hidden and pinned:
        raise EditError("an event cannot be both hidden and pinned")
    value = None
    if date is not None:
        try:
            value = event_date_value(parse_date(date))
        except ValueError as exc:
            raise EditError(str(exc)) from None
    if headline is not None:
        try:
            headline = clean_headline(headline)
        except ValueError as exc:
            raise EditError(str(exc)) from None
    story = _read(story_dir, out_dir)
    event = story.event(event_id)
    correction = Correction(_target(event), when, value, headline, hidden, pinned)
    return _save(story, correction, rebuild)


def merge_events(
    story_dir: str | os.PathLike,
    event_ids: Sequence[str],
    *,
    out_dir: str | os.PathLike = "output",
    rebuild: BuildOptions | None = None,
    made: str | None = None,
) -> EditResult:
    """Say that these events are one: the first takes every mention (and so every
    source) of the others. Raises EditError for fewer than two distinct events or an
    unknown one."""
    when = _when(made)
    ids = list(dict.fromkeys(str(i).strip() for i in event_ids))
    if len(ids) < 2:
        raise EditError("give at least two different events to merge")
    story = _read(story_dir, out_dir)
    events = [story.event(i) for i in ids]
    first, *others = events
    correction = Correction(_target(first), when, merge=tuple(_target(e) for e in others))
    return _save(story, correction, rebuild)


def detach_mention(
    story_dir: str | os.PathLike,
    event_id: str,
    article: str,
    *,
    out_dir: str | os.PathLike = "output",
    rebuild: BuildOptions | None = None,
    made: str | None = None,
) -> EditResult:
    """Say that `article` (its id, as the JSON names it, or its file) does not report
    this event: its mentions leave the event and become an event of their own."""
    when = _when(made)
    story = _read(story_dir, out_dir)
    event = story.event(event_id)
    name = _article_id(story.folder, article, event)
    if name not in event.articles:
        sources = ", ".join(event.articles)
        raise EditError(f"{article}: not a source of {event.id} (its sources: {sources})")
    if len(event.articles) < 2:
        raise EditError(f"{event.id} has no other source than {name}: nothing to detach it from")
    correction = Correction(_target(event), when, detach=name)
    return _save(story, correction, rebuild)


def _article_id(folder: Path, article: str, event: Event) -> str:
    """An article's id from what a person types: the id itself, or the file's path."""
    text = str(article).strip()
    if text in event.articles:
        return text
    try:
        relative = Path(text).resolve().relative_to(folder.resolve()).as_posix()
    except (ValueError, OSError):
        return text
    return relative


def undo_edit(
    story_dir: str | os.PathLike,
    event_id: str,
    *,
    out_dir: str | os.PathLike = "output",
    rebuild: BuildOptions | None = None,
) -> EditResult:
    """Take back the last correction that shapes this event (a merge, a detach or a
    change of its fields), or, for an id no event has now, the last correction made
    under that id (an orphaned one)."""
    story = _read(story_dir, out_dir)
    wanted = str(event_id).strip()
    shaping = story.applied.history.get(wanted)
    if shaping:
        index = shaping[-1]
    else:
        named = [
            k
            for k, c in enumerate(story.file.corrections)
            if wanted in (c.target.event, *(t.event for t in c.merge))
        ]
        if not named:
            raise EditError(f"{wanted}: no correction of this event to undo")
        index = named[-1]
    correction = story.file.corrections[index]
    try:
        path = remove_correction(story.file, index)
    except CorrectionsFileError as exc:
        raise EditError(str(exc)) from None
    return _after(story, path, None, rebuild, correction)


def list_edits(story_dir: str | os.PathLike, out_dir: str | os.PathLike = "output") -> Edits:
    """Every correction of the story, in the order made, with the event it shapes now
    (or none: orphaned), and the problems of the file."""
    story = _read(story_dir, out_dir)
    events = story.events
    statuses = []
    for correction, outcome in zip(story.file.corrections, story.applied.outcomes, strict=True):
        event = events.get(outcome.event) if outcome.event else None
        statuses.append(
            EditStatus(correction, outcome.event, event.text if event else "", outcome.missing)
        )
    return Edits(story.file.path, statuses, list(story.file.problems))
