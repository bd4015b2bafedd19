"""A small story to correct (tests of issue 25): two outlets report a council's bridge
vote, a mayor's resignation twice in words the merger does not join, a plan and some
history; a wire copy that sorts first joins the vote later."""

from __future__ import annotations

from pathlib import Path

from conftest import article, write

COUNCIL = (
    "The city council approved the river bridge plan on March 10, 2025, after a long debate.\n\n"
    "Construction of the bridge is expected to begin in June 2025, the council said.\n\n"
    "The old ferry service across the river was founded in 1952.\n\n"
    "Mayor Ana Ruiz quit her post on March 11, 2025.\n"
)
GAZETTE = (
    "On March 10, 2025, the city council approved the plan for the river bridge after a long "
    "debate.\n\n"
    "The mayor resigned on March 11, 2025, citing health reasons.\n"
)
WIRE = "The city council approved the river bridge plan on March 10, 2025.\n"

VOTE = "approved the river bridge plan"
PLAN = "Construction of the bridge"
FERRY = "ferry service"
QUIT = "Ana Ruiz quit"
RESIGNED = "The mayor resigned"


def write_bridge_story(folder: Path) -> Path:
    write(folder, "story.toml", 'title = "The river bridge"\n')
    write(folder, "a-council.md", article("2025-03-11", COUNCIL, source="Herald", title="Vote"))
    write(folder, "b-bridge.md", article("2025-03-12", GAZETTE, source="Gazette", title="Mayor"))
    return folder


def add_wire(folder: Path) -> Path:
    """An article that joins the vote and sorts before the others: the vote's first
    mention, and so its id, change."""
    return write(folder, "0-wire.md", article("2025-03-13", WIRE, source="Wire", title="Wire"))


def event(document: dict, words: str) -> dict:
    """The one event of a build's JSON whose text (or a mention) holds `words`."""
    found = [
        e
        for e in document["events"]
        if words in e["text"] or any(words in m["sentence"] for m in e["mentions"])
    ]
    assert len(found) == 1, (words, [e["text"] for e in found])
    return found[0]
