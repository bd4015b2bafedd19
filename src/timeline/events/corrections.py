"""Corrections: what a person says about a story's events, applied after merging.

No automatic timeline is right everywhere. A person can say of an event that its date is
another (any granularity: a day, a month, a range), that its headline is another text,
that it is to be hidden or pinned (always shown, and among the key events), that several
events are one (`merge`, with all their sources), or that an article's mentions do not
belong to it (`detach`: they become an event of their own). The corrections are data in
the story folder (`correction_file`), replayed in the order they were made at every
build, so that they survive every rebuild.

Each correction names its event by id and by the event's first mention (its article and
sentence, `Evidence`). Ids hash the first mention (`merge.first_mention`), so they change
when an article that sorts first joins the event; the evidence stays among the event's
mentions, and finds it again. A correction whose evidence is no longer in any event (the
article was removed or its sentence rewritten) is orphaned: kept, reported, applied to
nothing, never to a wrong event.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from timeline.events.merge import date_conflicts, first_mention, make_event
from timeline.models import Edit, Event, Interval, Mention
from timeline.resolve import tag
from timeline.resolve.calendar import value_interval
from timeline.resolve.dates import event_date_value, human_date

MAX_HEADLINE = 500
DATE_EXAMPLES = '2025-08-10, 2025-08, 2025, 2025-Q3, 2025-08-09/2025-08-12 or "10 August 2025"'
# What may stand between the dates of a written range ("from 9 Oct 2025 to 10 Oct 2025").
_RANGE_WORDS = re.compile(
    r"(?:[\s,\-\u2013\u2014/]|\b(?:from|between|and|to|until|till|through)\b)*", re.IGNORECASE
)
_GRANULARITY_ORDER = ("day", "week", "weekend", "month", "season", "quarter", "half", "year",
                      "decade", "century")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Evidence:
    """A mention that identifies an event: its article and sentence (`reference`: the
    mention only refers to the event, as "since Tuesday's quake" does)."""

    article: str
    sentence: str
    reference: bool = False


@dataclass(frozen=True, slots=True)
class Target:
    """An event as a correction names it: the id it had, and its first mention then."""

    event: str
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction: changes to an event's fields, a merge of events, or a detach.

    `made` is when (UTC, "2025-10-11T09:12:03Z"; "" if the file does not say); `date`
    a date as `parse_date` reads it; `merge` the other events; `detach` an article whose
    mentions leave the event; `line` where it begins in its file (0: not in a file)."""

    target: Target
    made: str = ""
    date: str | None = None
    headline: str | None = None
    hidden: bool | None = None
    pinned: bool | None = None
    merge: tuple[Target, ...] = ()
    detach: str | None = None
    line: int = 0

    def describe(self) -> str:
        """What it says, in a few words: "date August 2025, pinned"."""
        parts = []
        if self.date is not None:
            try:
                parts.append(f"date {human_date(parse_date(self.date))}")
            except ValueError:
                parts.append(f"date {self.date}")
        if self.headline is not None:
            parts.append(f"headline {self.headline!r}")
        if self.hidden is not None:
            parts.append("hidden" if self.hidden else "shown")
        if self.pinned is not None:
            parts.append("pinned" if self.pinned else "unpinned")
        if self.merge:
            parts.append("merged with " + ", ".join(t.event for t in self.merge))
        if self.detach is not None:
            parts.append(f"{self.detach} detached")
        return ", ".join(parts)


def evidence_of(event: Event) -> Evidence:
    """The evidence a new correction records: the event's first mention."""
    first = first_mention(event.mentions)
    return Evidence(first.article, first.sentence, first.dated_by == "reference")


# -- values a person gives ---------------------------------------------------------------


def parse_date(text: str) -> Interval:
    """A date a person gives: a TimeML value ("2025-08-10", "2025-08", "2025-W41",
    "2025-Q3", "2025-SU", "2025", "199" for the 1990s), a span of two ("2025-10-09/
    2025-10-10", as the JSON writes spans), or a written date with its year ("10 August
    2025", "August 2025", "from 9 Oct 2025 to 12 Oct 2025"), read by the project's own
    resolver. ValueError says why not."""
    value = " ".join(str(text).split())
    if not value:
        raise ValueError("the date is empty")
    found = value_interval(value)
    if found is not None:
        return found
    if "/" in value:
        first, _, last = value.partition("/")
        return _span(_one_date(first.strip(), value), _one_date(last.strip(), value), value)
    return _written(value)


def _one_date(text: str, whole: str) -> Interval:
    found = value_interval(text) if text else None
    if found is None and text:
        found = _written(text)
    if found is None:
        raise ValueError(f"not a date: {whole!r} (give e.g. {DATE_EXAMPLES})")
    return found


def _span(first: Interval, last: Interval, whole: str) -> Interval:
    if last.end < first.begin:
        raise ValueError(f"{whole!r} ends before it begins")
    finer = min(first.granularity, last.granularity, key=_granularity_rank)
    return Interval(first.begin, max(first.end, last.end), finer)


def _granularity_rank(granularity: str) -> int:
    return _GRANULARITY_ORDER.index(granularity) if granularity in _GRANULARITY_ORDER else 0


def _written(value: str) -> Interval:
    """A written date (or a range of two), whole and with its year: no "Friday", no
    "last month", which would depend on the day they were typed."""
    problem = ValueError(f"not a date: {value!r} (give e.g. {DATE_EXAMPLES})")
    timexes = [t for t in tag(value, date.today()) if t.type in ("DATE", "TIME")]
    if not timexes or len(timexes) > 2:
        raise problem
    rest = value
    for timex in sorted(timexes, key=lambda t: t.start, reverse=True):
        rest = rest[: timex.start] + " " + rest[timex.end :]
        if timex.period is None:
            raise problem
        if timex.anchor:
            raise ValueError(
                f"{value!r} depends on when it is read: give the year ({DATE_EXAMPLES})"
            )
    if not _RANGE_WORDS.fullmatch(rest):
        raise problem
    periods = [t.period for t in sorted(timexes, key=lambda t: t.start)]
    if len(periods) == 1:
        return periods[0]
    return _span(periods[0], periods[-1], value)


def clean_headline(text: str) -> str:
    """A headline a person gives, on one line; ValueError when empty, too long, or
    holding control characters."""
    if not isinstance(text, str):
        raise ValueError("the headline must be text")
    if any((ord(c) < 32 and c not in "\t\n\r") or 0x7F <= ord(c) < 0xA0 for c in text):
        raise ValueError("the headline holds control characters")
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValueError("the headline is empty")
    if len(cleaned) > MAX_HEADLINE:
        raise ValueError(f"the headline is longer than {MAX_HEADLINE} characters")
    return cleaned


# -- applying ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one correction at a build: the id of the event it shapes now
    (None: orphaned, it found no event) and the ids of events it named but did not find
    (a merge can still join the others)."""

    event: str | None
    missing: tuple[str, ...] = ()

    @property
    def orphaned(self) -> bool:
        return self.event is None


@dataclass(slots=True)
class Applied:
    """The events after the corrections, each correction's `Outcome` (in order), and
    for each event the corrections that shaped it (indexes, oldest first)."""

    events: list[Event]
    outcomes: list[Outcome]
    history: dict[str, list[int]] = field(default_factory=dict)

    @property
    def orphaned(self) -> list[int]:
        return [k for k, o in enumerate(self.outcomes) if o.orphaned]


class _Group:
    """An event while corrections are replayed: its mentions, the automatic event they
    make, and what the corrections set."""

    __slots__ = ("changed", "date", "edits", "event", "headline", "hidden", "history", "into",
                 "pinned")  # fmt: skip

    def __init__(self, event: Event, changed: bool = False) -> None:
        self.event = event
        self.changed = changed  # its mentions are no longer the merger's
        self.date: Interval | None = None
        self.headline: str | None = None
        self.hidden: bool | None = None
        self.pinned: bool | None = None
        self.edits: list[Edit] = []
        self.history: list[int] = []
        self.into: _Group | None = None  # the group a merge moved it into

    def final(self) -> _Group:
        group = self
        while group.into is not None:
            group = group.into
        return group

    def shown_date(self) -> str:
        return event_date_value(self.date) if self.date is not None else self.event.date

    def result(self) -> Event:
        event = self.event
        if not self.edits and not self.changed:
            return event
        interval = self.date or event.interval
        conflicts = date_conflicts(event.mentions, interval) if self.date else event.conflicts
        return dataclasses.replace(
            event,
            date=event_date_value(interval),
            interval=interval,
            text=self.headline if self.headline is not None else event.text,
            conflicts=conflicts,
            hidden=bool(self.hidden),
            pinned=bool(self.pinned),
            edited=tuple(self.edits),
        )


def _key(mention: Mention) -> tuple[str, str, bool]:
    return mention.article, " ".join(mention.sentence.split()), mention.dated_by == "reference"


def _evidence_key(evidence: Evidence) -> tuple[str, str, bool]:
    return evidence.article, " ".join(evidence.sentence.split()), evidence.reference


class _Replay:
    """The groups, found by id and by their mentions, while corrections are replayed."""

    def __init__(self, events: Sequence[Event], language: str) -> None:
        self.language = language
        self.groups = [_Group(e) for e in events]
        self.order = {id(g): k for k, g in enumerate(self.groups)}
        self.by_id = {g.event.id: g for g in self.groups}
        self.by_mention: dict[tuple[str, str, bool], list[_Group]] = {}
        for group in self.groups:
            self._index(group, group.event.mentions)

    def _index(self, group: _Group, mentions: Sequence[Mention]) -> None:
        for mention in mentions:
            holders = self.by_mention.setdefault(_key(mention), [])
            if group not in holders:
                holders.append(group)

    def _unindex(self, group: _Group, mentions: Sequence[Mention]) -> None:
        for mention in mentions:
            holders = self.by_mention.get(_key(mention), [])
            if group in holders:
                holders.remove(group)

    def find(self, target: Target) -> _Group | None:
        """The group holding the target's evidence (its id breaks a tie), or, for a
        correction without evidence, the group of its id."""
        if target.evidence is None:
            return self.by_id.get(target.event)
        holders = self.by_mention.get(_evidence_key(target.evidence), [])
        if not holders:
            return None
        if len(holders) == 1:
            return holders[0]
        for group in holders:
            if group.event.id == target.event:
                return group
        for group in holders:
            if _evidence_key(evidence_of(group.event)) == _evidence_key(target.evidence):
                return group
        return min(holders, key=lambda g: self.order[id(g)])

    def remake(self, group: _Group, mentions: Sequence[Mention]) -> None:
        """Give the group new mentions: a new automatic event, and a new id if its first
        mention changed (as the merger would have made it)."""
        if self.by_id.get(group.event.id) is group:
            del self.by_id[group.event.id]
        group.event = make_event(mentions, self.language)
        group.changed = True
        self.by_id[group.event.id] = group

    def add(self, group: _Group) -> None:
        self.order[id(group)] = len(self.groups)
        self.groups.append(group)
        self.by_id[group.event.id] = group
        self._index(group, group.event.mentions)

    def drop(self, group: _Group, into: _Group) -> None:
        self._unindex(group, group.event.mentions)
        if self.by_id.get(group.event.id) is group:
            del self.by_id[group.event.id]
        group.into = into
        self.groups.remove(group)


def apply_corrections(
    events: Sequence[Event], corrections: Sequence[Correction], language: str = "en"
) -> Applied:
    """The merged `events` with the `corrections` replayed in order (see the module
    docstring); events no correction touches are returned as they were."""
    replay = _Replay(events, language)
    shaped: list[_Group | None] = []
    missing: list[tuple[str, ...]] = []
    for index, correction in enumerate(corrections):
        group, lost = _apply(replay, index, correction)
        shaped.append(group)
        missing.append(lost)
    outcomes = []
    for group, lost in zip(shaped, missing, strict=True):
        outcomes.append(Outcome(group.final().event.id if group is not None else None, lost))
    history = {g.event.id: sorted(set(g.history)) for g in replay.groups if g.history}
    result = [g.result() for g in replay.groups]
    result.sort(key=lambda e: (e.interval.begin, e.interval.end, e.id))
    return Applied(result, outcomes, history)


def find_event(events: Sequence[Event], target: Target, language: str = "en") -> str | None:
    """The id of the event among `events` that a correction's target names now."""
    group = _Replay(events, language).find(target)
    return group.event.id if group is not None else None


def _apply(
    replay: _Replay, index: int, correction: Correction
) -> tuple[_Group | None, tuple[str, ...]]:
    if correction.merge:
        return _merge(replay, index, correction)
    group = replay.find(correction.target)
    if group is None:
        return None, ()
    if correction.detach is not None:
        _detach(replay, index, correction, group)
        return group, ()
    made = correction.made
    if correction.date is not None:
        try:
            interval = parse_date(correction.date)
        except ValueError:  # the file's reader reports it; nothing to apply
            return None, ()
        value = event_date_value(interval)
        group.edits.append(Edit("date", value, made, was=group.shown_date()))
        group.date = interval
    if correction.headline is not None:
        was = group.headline if group.headline is not None else group.event.text
        group.edits.append(Edit("headline", correction.headline, made, was=was))
        group.headline = correction.headline
    if correction.hidden is not None:
        group.edits.append(Edit("hidden", correction.hidden, made))
        group.hidden = correction.hidden
        if correction.hidden:
            group.pinned = None  # a hidden event is not shown, pinned or not
    if correction.pinned is not None:
        group.edits.append(Edit("pinned", correction.pinned, made))
        group.pinned = correction.pinned
        if correction.pinned:
            group.hidden = None  # pinned: always shown
    group.history.append(index)
    return group, ()


def _merge(
    replay: _Replay, index: int, correction: Correction
) -> tuple[_Group | None, tuple[str, ...]]:
    """Join the events it names into the first one found: all their mentions, the
    first one's corrections (the others' date, headline and pin where it has none; a
    hidden one does not hide the event it joins)."""
    targets = (correction.target, *correction.merge)
    found = [replay.find(t) for t in targets]
    lost = tuple(t.event for t, g in zip(targets, found, strict=True) if g is None)
    groups = list(dict.fromkeys(g for g in found if g is not None))
    if not groups or (len(groups) == 1 and lost):
        return None, lost
    main, others = groups[0], groups[1:]
    if not others:  # already one event (the merger joined them itself)
        main.history.append(index)
        return main, lost
    absorbed = [g.event.id for g in others]
    mentions = [m for g in groups for m in g.event.mentions]
    for other in others:
        for name in ("date", "headline", "pinned"):
            if getattr(main, name) is None:
                setattr(main, name, getattr(other, name))
        main.edits.extend(other.edits)
        main.history.extend(other.history)
        replay.drop(other, main)
    replay._unindex(main, main.event.mentions)
    replay.remake(main, mentions)
    replay._index(main, mentions)
    main.edits.append(Edit("merged", absorbed, correction.made))
    main.history.append(index)
    return main, lost


def _detach(replay: _Replay, index: int, correction: Correction, group: _Group) -> None:
    """The article's mentions leave the event and become an event of their own (nothing
    to do when the event has none of them, or nothing else)."""
    article = correction.detach
    moving = [m for m in group.event.mentions if m.article == article]
    staying = [m for m in group.event.mentions if m.article != article]
    group.history.append(index)
    if not moving or not staying:
        return
    source = group.event.id
    replay._unindex(group, moving)
    replay.remake(group, staying)
    group.edits.append(Edit("detached", article, correction.made))
    detached = _Group(make_event(moving, replay.language), changed=True)
    detached.edits.append(Edit("detached", article, correction.made, source=source))
    detached.history.append(index)
    replay.add(detached)
