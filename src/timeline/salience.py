"""Salience: how much each event matters to the story, and the key events an editor keeps.

A 300-article story has thousands of dated statements; a reader wants the few dozen dates
that matter. An event's `score` multiplies two kinds of evidence:

- its **date**: how many articles refer to that date at all (in any event). News returns
  again and again to the day things happened ("the quake on Tuesday", "since January
  12"), so the number of articles naming a day is the strongest sign that the day
  matters. A date named by an expression counts fully; a date a statement only inherits
  from its paragraph (`narrative`) or its publication day counts less
  (`DATED_BY_WEIGHT`).
- the **event itself**: how many articles report it (`sources`, with diminishing
  returns), whether it opens an article (the lead is where news puts what matters), how
  central its wording is to the story (cosine with the words of the whole story), how it
  is dated, and its granularity (a day is a timeline entry; a month, a year or a span is
  background, `GRANULARITY_WEIGHT`).

`key_events(events, key_dates, per_date)` keeps the `key_dates` dates with the best
events and, on each, the `per_date` best entries that do not repeat one another: an
event's score times how well its text reads as an entry on its own (`entry_quality`:
not leaning on the sentence before, not a personal account, not a fragment).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from timeline.lang import language_data
from timeline.merge import mention_words
from timeline.models import Event, Interval, Mention
from timeline.similarity import TfidfVectors, Vector, cosine, tokens

# How much a mention's date counts as a reference to that date, by how it was dated.
DATED_BY_WEIGHT = {"expression": 1.0, "narrative": 0.5, "publication": 0.25}
# How much an event of each granularity can matter next to a day's event.
GRANULARITY_WEIGHT = {"day": 1.0, "week": 0.3, "weekend": 0.3, "month": 0.2}
OTHER_GRANULARITY_WEIGHT = 0.1
SPAN_WEIGHT = 0.5  # several days ("9-10 Oct")
LEAD_BONUS = 0.5  # an event one of whose mentions opens its article
LEAD_CHARS = 400  # ...within this many characters of the article's start
CENTRALITY_WEIGHT = 1.0
# Two events of one date whose texts are this alike say the same thing: one is kept.
REDUNDANT = 0.5
# A text that does not read as a timeline entry on its own (see `entry_quality`).
WEAK_ENTRY = 0.5
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def score_events(
    events: Sequence[Event],
    language: str = "en",
    words: Callable[[Mention], list[str]] | None = None,
) -> list[Event]:
    """The events with their `score` (see the module docstring). `words` gives the words
    of a mention (`merge.mention_words`) when the caller has them already."""
    if not events:
        return []
    refs = _date_references(events)
    leads = _lead_mentions(events)
    if words is None:
        words = functools.partial(mention_words, language=language)
    centrality = _centrality([[w for m in e.mentions for w in words(m)] for e in events])
    scored = []
    for event, central in zip(events, centrality, strict=True):
        interval = event.interval
        date_part = refs.get(interval, 0.0)
        event_part = (
            _granularity_weight(interval)
            * DATED_BY_WEIGHT.get(event.dated_by, 0.25)
            * (1.0 + math.log(event.sources))
            * (1.0 + LEAD_BONUS * any(_key(m) in leads for m in event.mentions))
            * (1.0 + CENTRALITY_WEIGHT * central)
        )
        scored.append(dataclasses.replace(event, score=round(date_part * event_part, 4)))
    return scored


def entry_quality(text: str, language: str = "en") -> float:
    """How well the text reads as a timeline entry on its own: 1, less for a sentence
    that leans on the one before it, a personal account, or a fragment."""
    data = language_data(language)
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    quality = 1.0
    if words[0] in data.ENTRY_DEPENDENT_STARTS:
        quality *= WEAK_ENTRY
    if any(w in data.ENTRY_FIRST_PERSON for w in words):
        quality *= WEAK_ENTRY
    if len(words) < data.ENTRY_MIN_WORDS:
        quality *= WEAK_ENTRY
    return quality


def key_events(events: Sequence[Event], key_dates: int, per_date: int = 1) -> list[Event]:
    """The `per_date` best events of each of the `key_dates` best dates, in date order.

    A date is as good as its best event; events of one date that repeat a better one
    (`REDUNDANT`) are passed over."""
    by_date: dict[Interval, list[Event]] = defaultdict(list)
    for event in events:
        by_date[event.interval].append(event)
    ranked_dates = sorted(
        by_date,
        key=lambda iv: (-max(e.score for e in by_date[iv]), -len(by_date[iv]), iv.begin, iv.end),
    )
    kept: list[Event] = []
    for interval in ranked_dates[:key_dates]:
        chosen: list[tuple[Event, Vector]] = []
        # the date's events as timeline entries: salience, and text that stands alone
        entries = sorted(
            by_date[interval], key=lambda e: (-e.score * entry_quality(e.text), -e.sources, e.id)
        )
        for event in entries:
            if len(chosen) >= per_date:
                break
            words = _vector(event.text)
            if any(cosine(words, other) >= REDUNDANT for _, other in chosen):
                continue
            chosen.append((event, words))
        kept.extend(event for event, _ in chosen)
    return sorted(kept, key=lambda e: (e.interval.begin, e.interval.end, -e.score, e.id))


def _granularity_weight(interval: Interval) -> float:
    if interval.granularity == "day" and interval.days > 1:
        return SPAN_WEIGHT
    return GRANULARITY_WEIGHT.get(interval.granularity, OTHER_GRANULARITY_WEIGHT)


def _date_references(events: Sequence[Event]) -> dict[Interval, float]:
    """For each date, the articles that refer to it, each counted once at the weight of
    its best-dated mention of it."""
    best: dict[tuple[Interval, str], float] = {}
    for event in events:
        for mention in event.mentions:
            key = (mention.interval, mention.article)
            weight = DATED_BY_WEIGHT.get(mention.dated_by, 0.25)
            if weight > best.get(key, 0.0):
                best[key] = weight
    refs: dict[Interval, float] = defaultdict(float)
    for (interval, _), weight in best.items():
        refs[interval] += weight
    return refs


def _key(mention: Mention) -> tuple[str, int]:
    return mention.article, mention.start


def _lead_mentions(events: Sequence[Event]) -> set[tuple[str, int]]:
    """Each article's first statement, when it is near the article's start."""
    first: dict[str, int] = {}
    for event in events:
        for mention in event.mentions:
            if mention.start < first.get(mention.article, LEAD_CHARS):
                first[mention.article] = mention.start
    return set(first.items())


def _centrality(documents: Sequence[list[str]]) -> list[float]:
    """Cosine of each event's words (those of all its mentions) with the words of the
    whole story."""
    if not documents:
        return []
    matrix = TfidfVectors(documents).matrix
    story = np.asarray(matrix.sum(axis=0)).ravel()
    story /= np.linalg.norm(story) or 1.0
    return (matrix @ story).tolist()


def _vector(text: str) -> Vector:
    counts: dict[str, float] = defaultdict(float)
    for word in tokens(text):
        counts[word] += 1.0
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {w: v / norm for w, v in counts.items()}
