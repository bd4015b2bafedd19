"""Select: which events the outputs show (after merging, before export).

`EventFilter` keeps the events reported by at least `min_sources` articles whose dates
touch the `since`..`until` window. Filters come from the story's `story.toml` and are
overridden by the build's options. An event a person pinned (`timeline.events.corrections`)
is always kept, and always among the key events (`with_pinned`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from timeline.models import Event


@dataclass(frozen=True, slots=True)
class EventFilter:
    min_sources: int = 1
    since: date | None = None
    until: date | None = None

    def keeps(self, event: Event) -> bool:
        if event.pinned:
            return True
        if event.sources < self.min_sources:
            return False
        if self.since is not None and event.interval.end < self.since:
            return False
        return not (self.until is not None and event.interval.begin > self.until)

    def apply(self, events: Iterable[Event]) -> list[Event]:
        return [e for e in events if self.keeps(e)]

    def describe(self) -> dict:
        return {
            "min_sources": self.min_sources,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }


def with_pinned(chosen: list[Event], pool: Iterable[Event]) -> list[Event]:
    """The key events `chosen` (in their order: date, then score) with every pinned event
    of `pool` among them."""
    ids = {e.id for e in chosen}
    missing = [e for e in pool if e.pinned and e.id not in ids]
    if not missing:
        return chosen
    return sorted(
        [*chosen, *missing], key=lambda e: (e.interval.begin, e.interval.end, -e.score, e.id)
    )
