"""The corrections file: `corrections.toml` beside `story.toml`, one `[[correction]]` a
change, in the order they were made. People edit it by hand too, and it diffs well:

    [[correction]]
    event = "ev-141438d11eda"                 # the event's id when the correction was made
    article = "2025-10-10-melania.md"         # ...and its first mention, to find it again
    sentence = "U.S. First Lady Melania Trump said Friday ..."
    made = 2025-10-11T09:12:03Z               # when (UTC)
    date = "2025-08"                          # and what: date, headline, hidden, pinned,
                                              # merge = [{ event, article, sentence }, ...]
                                              # or detach = "article id"

Reading never fails a build: a file broken by hand gives one line naming it and the
line, and the corrections that can be read still apply. Writing appends or removes one
`[[correction]]` as text, leaving every other line (comments included) as it was, and
refuses a file it cannot read whole, so that nothing a person wrote is changed or lost.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import tomlkit

from timeline.events.corrections import (
    Correction,
    Evidence,
    Target,
    clean_headline,
    parse_date,
)
from timeline.fileio import write_atomic
from timeline.ingest.articles import CORRECTIONS_FILE
from timeline.models import Problem

HEADER = """\
# Corrections to this story's timeline, applied at every build after merging.
# Written by `timeline edit`, `timeline merge-events`, `timeline detach` and the page
# that `timeline serve` serves; edit it by hand too. Each [[correction]] names its event
# by id and by the first sentence that reported it (article, sentence), which finds the
# event again when its id changes. `timeline edits STORY` lists them all.
"""
_HEADER_LINE = re.compile(r"^[ \t]*\[\[[ \t]*correction[ \t]*\]\][ \t]*(?:#.*)?$")
_TOML_LINE = re.compile(r"at line (\d+), column (\d+)")
_FIELDS = {"event", "article", "sentence", "reference", "made", "date", "headline", "hidden",
           "pinned", "merge", "detach"}  # fmt: skip
_CHANGES = ("date", "headline", "hidden", "pinned", "merge", "detach")
_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


class CorrectionsFileError(ValueError):
    """The corrections file cannot be written safely (it does not read as a whole)."""


@dataclass(slots=True)
class CorrectionsFile:
    """A story's corrections file as read: its corrections, the problems found (one line
    each), and whether it reads as a whole (only then is it written to). `blocks` are
    the line spans (first, end: 0-based, end excluded) of each correction when known."""

    path: Path
    text: str = ""
    corrections: list[Correction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    whole: bool = True
    blocks: list[tuple[int, int]] | None = None

    @property
    def exists(self) -> bool:
        return self.path.is_file()


def corrections_path(story_dir: str | Path) -> Path:
    return Path(story_dir) / CORRECTIONS_FILE


def read_corrections(story_dir: str | Path) -> CorrectionsFile:
    """The story's corrections (none when it has no file); never raises for its content."""
    path = corrections_path(story_dir)
    found = CorrectionsFile(path)
    if not path.is_file():
        return found
    try:
        found.text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        found.whole = False
        found.problems.append(Problem(str(path), "not UTF-8 text, ignored", skipped=False))
        return found
    except OSError as exc:
        found.whole = False
        reason = exc.strerror or str(exc)
        found.problems.append(Problem(str(path), f"cannot be read ({reason})", skipped=False))
        return found
    lines = found.text.splitlines()
    headers = [k for k, line in enumerate(lines) if _HEADER_LINE.match(line)]
    try:
        document = tomllib.loads(found.text)
    except tomllib.TOMLDecodeError as exc:
        found.whole = False
        _read_in_blocks(found, lines, headers, exc)
        return found
    tables = _tables(document, found, 1)
    if len(tables) == len(headers):
        found.blocks = _spans(lines, headers)
    for k, table in enumerate(tables):
        line = headers[k] + 1 if found.blocks is not None else 0
        _add(found, table, line)
    return found


def _read_in_blocks(
    found: CorrectionsFile, lines: list[str], headers: list[int], error: Exception
) -> None:
    """A file that does not parse: each [[correction]] on its own, the broken ones
    reported by their line."""
    starts = [0, *headers]
    ends = [*headers, len(lines)]
    for first, end in zip(starts, ends, strict=True):
        chunk = "\n".join(lines[first:end]) + "\n"
        if first == 0 and not headers:
            chunk = found.text
        try:
            document = tomllib.loads(chunk)
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            located = _TOML_LINE.search(message)
            line = first + int(located.group(1)) if located else first + 1
            reason = _TOML_LINE.sub("", message).rstrip(" ()") or "not TOML"
            what = "correction skipped" if first in headers else "ignored"
            found.problems.append(_problem(found, line, f"invalid TOML ({reason}), {what}"))
            continue
        for table in _tables(document, found, first + 1):
            _add(found, table, first + 1)
    if not found.problems:  # a mistake tomllib sees only in the whole file (a key twice)
        found.problems.append(_problem(found, 0, f"invalid TOML ({error})"))


def _tables(document: dict, found: CorrectionsFile, line: int) -> list[dict]:
    for key in document:
        if key != "correction":
            found.problems.append(_problem(found, line, f"unknown setting {key!r}, ignored"))
    tables = document.get("correction", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        found.problems.append(
            _problem(found, line, "'correction' must be [[correction]] tables, ignored")
        )
        return []
    return tables


def _spans(lines: list[str], headers: list[int]) -> list[tuple[int, int]]:
    """Each correction's lines: from its header to the next one, less the comments and
    blank lines just before that (they belong to the next correction)."""
    spans = []
    for k, first in enumerate(headers):
        end = headers[k + 1] if k + 1 < len(headers) else len(lines)
        while end > first + 1 and (
            not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")
        ):
            end -= 1
        spans.append((first, end))
    return spans


def _problem(found: CorrectionsFile, line: int, message: str) -> Problem:
    where = f"{found.path}:{line}" if line else str(found.path)
    return Problem(where, message, skipped=False)


def _add(found: CorrectionsFile, table: dict, line: int) -> None:
    try:
        correction, unknown = _correction(table, line)
    except ValueError as exc:
        found.problems.append(_problem(found, line, f"{exc}, correction skipped"))
        return
    for key in unknown:
        found.problems.append(_problem(found, line, f"unknown field {key!r}, ignored"))
    found.corrections.append(correction)


def _correction(table: dict, line: int) -> tuple[Correction, list[str]]:
    """A correction from its table; ValueError for a field that makes no sense."""
    target = _target(table, "")
    changes = [key for key in _CHANGES if key in table]
    if not changes:
        raise ValueError("says nothing to change (date, headline, hidden, pinned, merge or detach)")
    if ("merge" in changes or "detach" in changes) and len(changes) > 1:
        raise ValueError("a merge or a detach is a correction of its own")
    if table.get("hidden") is True and table.get("pinned") is True:
        raise ValueError("an event cannot be both hidden and pinned")
    date = table.get("date")
    if date is not None:
        if not isinstance(date, str):
            raise ValueError("'date' must be text, e.g. \"2025-08\"")
        parse_date(date)
    headline = table.get("headline")
    if headline is not None:
        headline = clean_headline(headline)
    flags = {}
    for name in ("hidden", "pinned"):
        if name in table and not isinstance(table[name], bool):
            raise ValueError(f"'{name}' must be true or false")
        flags[name] = table.get(name)
    merge = table.get("merge", [])
    if not isinstance(merge, list) or not all(isinstance(t, dict) for t in merge):
        raise ValueError("'merge' must be a list of { event, article, sentence }")
    if "merge" in table and not merge:
        raise ValueError("'merge' names no other event")
    detach = table.get("detach")
    if detach is not None and (not isinstance(detach, str) or not detach.strip()):
        raise ValueError("'detach' must be an article id")
    correction = Correction(
        target=target,
        made=_made(table.get("made")),
        date=" ".join(date.split()) if date is not None else None,
        headline=headline,
        hidden=flags["hidden"],
        pinned=flags["pinned"],
        merge=tuple(_target(t, "merge: ") for t in merge),
        detach=detach.strip() if detach is not None else None,
        line=line,
    )
    return correction, sorted(set(table) - _FIELDS)


def _target(table: dict, where: str) -> Target:
    event = table.get("event")
    if not isinstance(event, str) or not event.strip():
        raise ValueError(f"{where}no 'event' id")
    article, sentence = table.get("article"), table.get("sentence")
    if article is None and sentence is None:
        return Target(event.strip())
    if not isinstance(article, str) or not isinstance(sentence, str):
        raise ValueError(f"{where}'article' and 'sentence' must both be text")
    reference = table.get("reference", False)
    if not isinstance(reference, bool):
        raise ValueError(f"{where}'reference' must be true or false")
    return Target(event.strip(), Evidence(article, sentence, reference))


def utc_time(value: object) -> str:
    """When, as UTC ISO 8601 ("2025-10-11T09:12:03Z"), from a datetime or its text; ""
    when not given or unreadable."""
    return _made(value)


def _made(value: object) -> str:
    """When, as UTC ISO 8601 ("2025-10-11T09:12:03Z"); "" when not given or unreadable."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return ""
    if not isinstance(value, datetime):
        return ""
    moment = value if value.tzinfo else value.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def now_utc() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# -- writing -------------------------------------------------------------------------------


def render(correction: Correction) -> str:
    """The correction as a [[correction]] table (strings escaped by tomlkit)."""
    target = correction.target
    lines = ["[[correction]]", *_target_lines(target)]
    if _UTC.fullmatch(correction.made):
        lines.append(f"made = {correction.made}")
    for name in ("date", "headline", "hidden", "pinned", "detach"):
        value = getattr(correction, name)
        if value is not None:
            lines.append(f"{name} = {tomlkit.item(value).as_string()}")
    if correction.merge:
        lines.append("merge = [")
        for other in correction.merge:
            lines.append(f"  {{ {', '.join(_target_lines(other))} }},")
        lines.append("]")
    return "\n".join(lines) + "\n"


def _target_lines(target: Target) -> list[str]:
    lines = [f"event = {tomlkit.item(target.event).as_string()}"]
    if target.evidence is not None:
        lines.append(f"article = {tomlkit.item(target.evidence.article).as_string()}")
        lines.append(f"sentence = {tomlkit.item(target.evidence.sentence).as_string()}")
        if target.evidence.reference:
            lines.append("reference = true")
    return lines


def writable(found: CorrectionsFile) -> None:
    """Raise CorrectionsFileError unless the file can be written without losing anything."""
    if not found.whole:
        first = found.problems[0] if found.problems else None
        reason = f" ({first.message})" if first else ""
        where = first.path if first else str(found.path)
        raise CorrectionsFileError(
            f"{where}: cannot be read whole{reason}; fix it by hand first (nothing was written)"
        )


def append_correction(found: CorrectionsFile, correction: Correction) -> Path:
    """Add a correction at the end of the file (made with its header when new)."""
    writable(found)
    text = found.text if found.exists else HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    return write_atomic(found.path, text + "\n" + render(correction))


def remove_correction(found: CorrectionsFile, index: int) -> Path:
    """Remove the `index`th correction's lines; every other line stays as it was."""
    writable(found)
    if found.blocks is None:
        raise CorrectionsFileError(
            f"{found.path}: its [[correction]] tables cannot be told apart line by line; "
            "remove the correction by hand (nothing was written)"
        )
    first, end = found.blocks[index]
    lines = found.text.splitlines(keepends=True)
    if first > 0 and not lines[first - 1].strip():
        first -= 1  # the blank line that separated it
    return write_atomic(found.path, "".join(lines[:first] + lines[end:]))
