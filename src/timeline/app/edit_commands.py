"""The correction commands: `timeline edit`, `merge-events`, `detach` and `edits`, each a
thin layer over `timeline.app.edit` (registered on the `timeline` group by
`timeline.app.cli`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from timeline.app.options import out_option

_REBUILD_HINT = "rebuild to see it: timeline build {story} (or timeline open {story})"


def _story(story: Path) -> Path:
    from timeline.app.stories import FeedError, check_story_folder, resolve_story

    try:
        return check_story_folder(resolve_story(story))
    except FeedError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


def _done(result, verb: str, story: Path) -> None:
    """The event's id on stdout (for scripts), what was saved on stderr."""
    click.echo(result.event or "")
    click.echo(f"{verb}: {result.correction.describe()} ({result.path})", err=True)
    click.echo(_REBUILD_HINT.format(story=story), err=True)


def _fail(exc: Exception) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(1)


@click.command("edit")
@click.argument("story", type=click.Path(path_type=Path))
@click.argument("event_id")
@click.option("--date", "day", metavar="DATE", help="Its date: 2025-08-10, 2025-08, 2025-Q3, "
              '2025-08-09/2025-08-12, "10 August 2025"...')  # fmt: skip
@click.option("--headline", metavar="TEXT", help="Its headline.")
@click.option("--hide/--show", "hidden", default=None, help="Hide it from the page, CSV and "
              "TimelineJS (the JSON keeps it, marked), or show it again.")  # fmt: skip
@click.option("--pin/--unpin", "pinned", default=None,
              help="Always show it, among the key events; or no longer.")  # fmt: skip
@click.option("--undo", is_flag=True, help="Take back the event's last correction.")
@out_option("Folder of the outputs (its build cache is read).")
def edit_command(
    story: Path,
    event_id: str,
    day: str | None,
    headline: str | None,
    hidden: bool | None,
    pinned: bool | None,
    undo: bool,
    out_dir: Path,
) -> None:
    """Correct the event EVENT_ID of STORY: its date, its headline, hide or pin it; or
    --undo its last correction.

    The correction is added to STORY/corrections.toml and applied at every build after
    merging, found again by its evidence when the event's id changes. Prints the
    event's id. Exit status 1 (nothing written) for an unknown event or a bad value.
    """
    from timeline.app.edit import EditError, edit_event, undo_edit

    folder = _story(story)
    changes = (day, headline, hidden, pinned)
    if undo and any(c is not None for c in changes):
        raise click.UsageError("--undo takes back a correction: give it alone")
    if not undo and all(c is None for c in changes):
        raise click.UsageError("say what to change: --date, --headline, --hide/--show, "
                               "--pin/--unpin (or --undo)")  # fmt: skip
    try:
        if undo:
            result = undo_edit(folder, event_id, out_dir=out_dir)
        else:
            result = edit_event(
                folder, event_id, date=day, headline=headline, hidden=hidden, pinned=pinned,
                out_dir=out_dir,
            )  # fmt: skip
    except EditError as exc:
        _fail(exc)
    _done(result, "undone" if undo else "saved", story)


@click.command("merge-events")
@click.argument("story", type=click.Path(path_type=Path))
@click.argument("event_ids", nargs=-1, required=True)
@out_option("Folder of the outputs (its build cache is read).")
def merge_events_command(story: Path, event_ids: tuple[str, ...], out_dir: Path) -> None:
    """Say that the events EVENT_IDS of STORY are one: all their sources in one event.

    Prints the merged event's id. Exit status 1 (nothing written) for an unknown event.
    """
    from timeline.app.edit import EditError, merge_events

    folder = _story(story)
    if len(set(event_ids)) < 2:
        raise click.UsageError("give at least two different events to merge")
    try:
        result = merge_events(folder, event_ids, out_dir=out_dir)
    except EditError as exc:
        _fail(exc)
    _done(result, "saved", story)


@click.command("detach")
@click.argument("story", type=click.Path(path_type=Path))
@click.argument("event_id")
@click.argument("article")
@out_option("Folder of the outputs (its build cache is read).")
def detach_command(story: Path, event_id: str, article: str, out_dir: Path) -> None:
    """Say that ARTICLE does not report the event EVENT_ID of STORY: its mentions leave
    the event and become an event of their own.

    ARTICLE is the article's id (its file inside the story folder, as the JSON names
    it) or the path of its file. Prints the event's id.
    """
    from timeline.app.edit import EditError, detach_mention

    folder = _story(story)
    try:
        result = detach_mention(folder, event_id, article, out_dir=out_dir)
    except EditError as exc:
        _fail(exc)
    _done(result, "saved", story)


@click.command("edits")
@click.argument("story", type=click.Path(path_type=Path))
@out_option("Folder of the outputs (its build cache is read).")
def edits_command(story: Path, out_dir: Path) -> None:
    """List the corrections of STORY, oldest first, with the event each one shapes now,
    and those that no longer find their event."""
    from timeline.app.edit import EditError, list_edits

    folder = _story(story)
    try:
        edits = list_edits(folder, out_dir=out_dir)
    except EditError as exc:
        _fail(exc)
    for problem in edits.problems:
        click.echo(str(problem), err=True)
    if not edits.statuses:
        click.echo(f"No corrections in {edits.path} (make one with: timeline edit {story} ...)")
        return
    for line in edits_table(edits):
        click.echo(line)
    orphaned = len(edits.orphaned)
    summary = f"{len(edits.statuses)} correction{'s' if len(edits.statuses) != 1 else ''}"
    if orphaned:
        summary += f", {orphaned} no longer find{'s' if orphaned == 1 else ''} its event"
    click.echo(summary, err=True)


def edits_table(edits) -> list[str]:
    """`timeline edits`'s lines: a header and one aligned row a correction."""
    rows = [("LINE", "MADE", "EVENT", "CORRECTION", "HEADLINE NOW")]
    for status in edits.statuses:
        correction = status.correction
        made = correction.made.replace("T", " ").removesuffix("Z")[:16] or "-"
        if status.event is None:
            event = "not found"
            text = f"(was {correction.target.event}"
            if correction.target.evidence is not None:
                text += f": {correction.target.evidence.sentence}"
            text += ")"
        else:
            event, text = status.event, status.text
        change = correction.describe()
        if status.missing:
            change += f" ({', '.join(status.missing)} not found)"
        text = text if len(text) <= 60 else text[:59] + "…"
        change = change if len(change) <= 60 else change[:59] + "…"
        rows.append((str(correction.line or "-"), made, event, change, text))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return [
        "  ".join([*(cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])), row[-1]]).rstrip()
        for row in rows
    ]


COMMANDS = (edit_command, merge_events_command, detach_command, edits_command)
