"""The story's own period, and the events outside it: background and what is expected.

A story followed for nine months reports, besides its news, background reaching back
decades ("the 1989 Exxon Valdez spill") and what is expected ("hybrids by 2012"). A
timeline shows the news first and keeps the rest one click away:

- the **period** runs from the first article's publication day, moved back to the
  earliest event that several articles report shortly before it (the spill that began
  the day before the first report; within `LEAD_MIN_DAYS`, or `LEAD_SHARE` of the
  publication span, lasting at most `LEAD_EVENT_MAX_DAYS`, reported by
  `LEAD_MIN_SOURCES` articles: one passing mention of Christmas does not make a January
  story begin in December), to the last article's publication day;
- an event is **expected** when every source that reports it was published before it
  began and one of them says it in the future tense (a plan, a schedule, a forecast:
  "the hearing will be on 10 June"; `timeline.resolve.looks_forward`). A date after the
  last article is always so. A report dated the day after its publication in the past
  tense is not a plan but a time-zone or a live blog's late entry, and stays the story's;
- an event is **background** when it ended `BACKGROUND_GAP_DAYS` or more before the
  period began (years before the news, not the weeks that led to it), or is a period of
  years that began so ("the fault has been locked for the last 250 years": context,
  not news);
- every other event is the **story**'s.

The chart opens on the period (`StoryPeriod.shown`), or, for a story of at most
`SMALL_STORY_EVENTS` events of its own, on all of them: with a handful of events, the
letter of two months before is part of what the reader came for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from timeline.models import Article, Event, Mention
from timeline.resolve import looks_forward

SECTIONS = ("story", "background", "expected")
LEAD_MIN_DAYS = 31
LEAD_SHARE = 0.25
LEAD_EVENT_MAX_DAYS = 7  # a month, a year or a decade does not move the period's start
LEAD_MIN_SOURCES = 2  # (or every article of a story that has fewer)
BACKGROUND_GAP_DAYS = 365
SMALL_STORY_EVENTS = 60
# The chart's first view: what it shows and this share of it on each side (a day at least).
VIEW_MARGIN_SHARE = 0.03


@dataclass(frozen=True, slots=True)
class StoryPeriod:
    """The period a story covers, and what its chart opens on (see the module
    docstring)."""

    begin: date
    end: date
    shown_begin: date
    shown_end: date
    language: str = "en"  # of the story's text, for the tense of what is expected

    @property
    def days(self) -> int:
        return (self.end - self.begin).days + 1

    def view(self) -> tuple[date, date]:
        """The chart's first view: what it shows, with a small margin on each side."""
        days = (self.shown_end - self.shown_begin).days + 1
        margin = timedelta(days=max(1, round(days * VIEW_MARGIN_SHARE)))
        return self.shown_begin - margin, self.shown_end + margin + timedelta(days=1)


def story_period(
    articles: Iterable[Article], events: Sequence[Event], language: str = "en"
) -> StoryPeriod | None:
    """The story's period, or None for a story without articles."""
    published = [a.published for a in articles]
    if not published:
        return None
    first, last = min(published), max(published)
    lead = timedelta(days=max(LEAD_MIN_DAYS, round((last - first).days * LEAD_SHARE)))
    sources = min(LEAD_MIN_SOURCES, len(published))
    begin = first
    for event in events:
        starts = event.interval.begin
        if (
            first - lead <= starts < begin
            and event.interval.days <= LEAD_EVENT_MAX_DAYS
            and event.sources >= sources
            and not is_expected(event, language)
        ):
            begin = starts
    period = StoryPeriod(begin, last, begin, last, language)
    own = [e for e in events if section(e, period) == "story"]
    if own and len(own) <= SMALL_STORY_EVENTS:
        shown_begin = min(begin, *(e.interval.begin for e in own))
        ends = [e.interval.end for e in own if e.interval.days <= LEAD_MIN_DAYS]
        shown_end = max(last, *ends) if ends else last
        period = StoryPeriod(begin, last, shown_begin, shown_end, language)
    return period


def background_before(period: StoryPeriod) -> date:
    """Background events ended before this day."""
    return period.begin - timedelta(days=BACKGROUND_GAP_DAYS)


def is_expected(event: Event, language: str = "en") -> bool:
    """Did every source report the event before it began, one in the future tense?"""
    return all(m.published < event.interval.begin for m in event.mentions) and any(
        _said_ahead(m, language) for m in event.mentions
    )


def _said_ahead(mention: Mention, language: str) -> bool:
    offset = mention.expression_start - mention.start
    return _expression_looks_forward(mention.sentence, mention.expression, offset, language)


@lru_cache(maxsize=65_536)
def _expression_looks_forward(sentence: str, expression: str, start: int, language: str) -> bool:
    """Memoised: a page asks it of the same mentions for each of its sections."""
    end = start + len(expression)
    if sentence[max(0, start) : end] != expression or start < 0:
        start = max(0, sentence.find(expression)) if expression else 0
        end = start + len(expression)
    return looks_forward(sentence, start, end, language)


def section(event: Event, period: StoryPeriod | None) -> str:
    """ "story", "background" or "expected" (see the module docstring)."""
    if period is None:
        return "story"
    if event.interval.begin > period.end or is_expected(event, period.language):
        return "expected"
    cutoff = background_before(period)
    if event.interval.end < cutoff or (
        event.interval.begin < cutoff and event.interval.days > BACKGROUND_GAP_DAYS
    ):
        return "background"
    return "story"


def sections(events: Sequence[Event], period: StoryPeriod | None) -> list[str]:
    """Each event's section."""
    return [section(event, period) for event in events]
