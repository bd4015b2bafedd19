"""Plain records passed between the stages: ingest → resolve → extract → merge → export.

Every stage takes and returns these dataclasses, so a stage can be replaced or tested
on its own. Dates are `datetime.date`; intervals are inclusive at both ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# What `timeline build` writes by default, and everything it can write.
OUTPUT_FORMATS = ("html", "json", "csv")
ALL_OUTPUT_FORMATS = (*OUTPUT_FORMATS, "timelinejs", "png", "svg")

# Granularities, finest first. An interval event keeps the granularity of its endpoints.
GRANULARITIES = (
    "time",
    "day",
    "week",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
)


@dataclass(frozen=True, slots=True)
class Interval:
    """A resolved stretch of calendar time, `begin`..`end` inclusive, at a granularity."""

    begin: date
    end: date
    granularity: str

    def overlaps(self, other: Interval) -> bool:
        return self.begin <= other.end and other.begin <= self.end

    def contains(self, other: Interval) -> bool:
        return self.begin <= other.begin and other.end <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.begin).days + 1

    def to_dict(self) -> dict:
        return {
            "begin": self.begin.isoformat(),
            "end": self.end.isoformat(),
            "granularity": self.granularity,
        }


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a text, with its TimeML value and what it anchors to.

    `start`/`end` are character offsets into the tagged text. `interval` is set when the
    expression places something in calendar time (a DATE, a TIME, or an anchored DURATION
    such as "the past 24 hours"); `anchor` says what a relative expression was resolved
    against: "dct" (the publication date), "narrative" (the last date the text was at),
    "news" (the day the article's news happened, for words said that day), or "" for
    absolute expressions.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str = ""
    interval: Interval | None = None
    anchor: str = ""
    rule: str = ""
    range: Interval | None = None  # "from March to May 2024": the whole range, on both ends
    timezone: str = ""  # as written ("EST"); times are not converted

    @property
    def period(self) -> Interval | None:
        """What this expression places an event in: its range if it is part of one."""
        return self.range or self.interval

    def to_dict(self) -> dict:
        out: dict = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }
        if self.mod:
            out["mod"] = self.mod
        if self.interval is not None:
            out["interval"] = {
                "begin": self.interval.begin.isoformat(),
                "end": self.interval.end.isoformat(),
            }
            out["granularity"] = self.interval.granularity
        if self.anchor:
            out["anchor"] = self.anchor
        if self.range is not None:
            out["range"] = {
                "begin": self.range.begin.isoformat(),
                "end": self.range.end.isoformat(),
            }
        if self.timezone:
            out["timezone"] = self.timezone
        return out


@dataclass(frozen=True, slots=True)
class Article:
    """One news article of a story, as read from the story folder.

    `body` is the article text exactly as decoded (after any front matter); every
    offset in later stages indexes it. `content` is the body with boilerplate blanked
    out (same length, so offsets agree).
    """

    id: str
    path: str
    title: str
    published: date
    body: str
    content: str
    source: str = ""
    url: str = ""
    language: str = ""

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat(),
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input file: reported in one line, never fatal to the build.
    `skipped`: the file (or record) was left out; otherwise it was read, or a setting
    ignored, and the user should still know."""

    path: str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A sentence of an article that reports a dated event."""

    article: str  # Article.id
    start: int  # offsets of the sentence in the article body
    end: int
    sentence: str
    expression: str  # the temporal expression that dated it ("" when dated by context)
    value: str  # its TimeML value
    interval: Interval
    published: date
    source: str = ""
    expression_start: int = -1  # offsets of the expression in the body (-1 when none)
    expression_end: int = -1
    # "expression", "narrative" (an earlier sentence's), "publication", or "reference": the
    # sentence names the date of another event it refers to ("since Tuesday's earthquake"),
    # and is a mention of that event, not a statement of that day
    dated_by: str = "expression"
    reference: str = ""  # the words that refer to the event ("Tuesday's earthquake")

    def to_dict(self) -> dict:
        return {
            "article": self.article,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "expression": self.expression,
            "value": self.value,
            "date_start": self.interval.begin.isoformat(),
            "date_end": self.interval.end.isoformat(),
            "granularity": self.interval.granularity,
            "dated_by": self.dated_by,
            "expression_start": self.expression_start,
            "expression_end": self.expression_end,
        } | ({"reference": self.reference} if self.reference else {})


@dataclass(frozen=True, slots=True)
class Conflict:
    """Another date some sources give for the same event."""

    date: str
    articles: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"date": self.date, "articles": list(self.articles)}


@dataclass(frozen=True, slots=True)
class Edit:
    """One change a person made to an event (`timeline.events.corrections`): `what` was
    changed ("date", "headline", "hidden", "pinned", "merged", "detached"), its new
    `value`, what the build had said before (`was`, for a date or a headline), when
    (`made`, UTC, ISO 8601; "" if the file does not say) and, for an event detached from
    another, that event's id (`source`)."""

    what: str
    value: object
    made: str = ""
    was: str = ""
    source: str = ""

    def to_dict(self) -> dict:
        out = {"what": self.what, "value": self.value}
        if self.was:
            out["was"] = self.was
        if self.source:
            out["from"] = self.source
        return out | {"made": self.made}


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world event on the timeline, with every mention that reports it."""

    id: str
    date: str  # TimeML-style value at the event's granularity, or "begin/end" for spans
    interval: Interval
    text: str
    mentions: tuple[Mention, ...]
    conflicts: tuple[Conflict, ...] = ()
    score: float = 0.0  # salience (timeline.events.salience): how much it matters to the story
    # A person's corrections (corrections.toml): left out of every output but the JSON;
    # always shown and among the key events; what was changed, and when.
    hidden: bool = False
    pinned: bool = False
    edited: tuple[Edit, ...] = ()
    # The articles that report it, in mention order (computed once: every export asks).
    articles: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "articles", tuple(dict.fromkeys(m.article for m in self.mentions)))

    @property
    def sources(self) -> int:
        return len(self.articles)

    @property
    def dated_by(self) -> str:
        """How the event's date is known: "expression" if a mention dates it by an
        expression (a reference to it counts as one), else "narrative", else "publication"."""
        kinds = {"expression" if m.dated_by == "reference" else m.dated_by for m in self.mentions}
        for kind in ("expression", "narrative", "publication"):
            if kind in kinds:
                return kind
        return "publication"


@dataclass(slots=True)
class Story:
    """A story folder after ingest: its settings, its readable articles and its problems."""

    name: str
    path: str
    title: str
    description: str = ""
    language: str = ""  # story.toml's; after reading, the articles' main language if unset
    timezone: str = ""
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # What the story's outputs show by default (story.toml); build options override them.
    min_sources: int = 1
    since: date | None = None
    until: date | None = None
    lanes: str = "source"
    key_dates: int | None = None  # keep only the events of the N most important dates
    per_date: int = 1  # ...and at most this many events a date
