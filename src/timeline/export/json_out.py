"""The JSON document of a built story: the contract other tools read (see README)."""

from __future__ import annotations

import json
from pathlib import Path

from timeline.fileio import write_atomic
from timeline.models import Event, Problem, Story
from timeline.resolve.dates import human_date


def event_fields(event: Event) -> dict:
    """The event's own fields (what the CSV has too), without its sources' details."""
    return {
        "id": event.id,
        "date": event.date,
        "start": event.interval.begin.isoformat(),
        "end": event.interval.end.isoformat(),
        "granularity": event.interval.granularity,
        "display_date": human_date(event.interval),
        "text": event.text,
        "sources": event.sources,
        "score": event.score,
    }


def event_record(event: Event) -> dict:
    """The event as the JSON has it: its fields, articles, conflicts and mentions, and
    what a person corrected (`hidden`, `pinned`, `edited`: only when so)."""
    record = {
        **event_fields(event),
        "articles": list(event.articles),
        "dated_by": event.dated_by,
        "conflicts": [c.to_dict() for c in event.conflicts],
        "mentions": [m.to_dict() for m in event.mentions],
    }
    if event.hidden:
        record["hidden"] = True
    if event.pinned:
        record["pinned"] = True
    if event.edited:
        record["edited"] = [e.to_dict() for e in event.edited]
    return record


def story_document(story: Story, events: list[Event], built_at: str, stats: dict) -> dict:
    return {
        "story": {
            "name": story.name,
            "title": story.title,
            "description": story.description,
            "built_at": built_at,
            "stats": stats,
        },
        "articles": [a.to_dict() for a in story.articles],
        "events": [event_record(e) for e in events],
        "problems": [
            {"path": p.path, "message": p.message, "skipped": p.skipped} for p in story.problems
        ],
    }


def write_json(path: Path, document: dict) -> Path:
    return write_atomic(path, dumps_by_line(document))


def dumps_by_line(document: dict) -> str:
    """The document as JSON with one line per story, article, event and problem: easy
    to read and to diff between builds, and written by json's fast C encoder (an
    indented dump of 20,000 events takes Python's slow one)."""

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts = []
    for key, value in document.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(dump(item) for item in value)
            parts.append(f" {dump(key)}: [\n  {items}\n ]")
        else:
            parts.append(f" {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def problems_of(document: dict) -> list[Problem]:
    return [
        Problem(p["path"], p["message"], p.get("skipped", True))
        for p in document.get("problems", [])
    ]
