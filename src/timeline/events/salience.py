"""Salience: how much each event matters to the story, and the key events an editor keeps.

A 300-article story has thousands of dated statements; a reader wants the few dozen dates
that matter. An event's `score` is the product of two parts:

- its **date's** chance of being a key date, from the story's coverage of that date
  (`timeline.events.keydates`: who names the date, when, how, how much was published around
  it), scored by a model learned across stories;
- its standing **among the date's events**, relative to the date's best: how many
  articles report it (`sources`, with diminishing returns), whether it opens an article
  (the lead is where news puts what matters), how central its wording is to the story
  (cosine with the words of the whole story) and how it is dated (`DATED_BY_WEIGHT`).

So the best event of a date carries the date's score, and ranking events by score ranks
dates first.

`key_events(events, key_dates, per_date)` keeps the `key_dates` best dates and, on each,
the `per_date` entries that best cover what the date's events say: an event's standing
on its date, how close its text is to the words of all of the date's statements (their
centroid), and how well it reads as an entry on its own (`entry_quality`), never two
entries that repeat one another.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date

import numpy as np

from timeline.events.keydates import DateRanker, choose_days, date_features, date_ranker
from timeline.events.merge import mention_words
from timeline.events.similarity import TfidfVectors, Vector, cosine, tokens
from timeline.lang import language_data
from timeline.models import Article, Event, Interval, Mention

# How much an event's standing on its date owes to how it is dated.
DATED_BY_WEIGHT = {"expression": 1.0, "narrative": 0.5, "publication": 0.25}
LEAD_BONUS = 0.5  # an event one of whose mentions opens its article
LEAD_CHARS = 400  # ...within this many characters of the article's start
CENTRALITY_WEIGHT = 1.0
# Two events of one date whose texts are this alike say the same thing: one is kept.
REDUNDANT = 0.5
# How many of a key date's best-scored events are weighed as its entries.
ENTRY_CANDIDATES = 50
# A text that does not read as a timeline entry on its own (see `entry_quality`).
WEAK_ENTRY = 0.5
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def score_events(
    events: Sequence[Event],
    language: str = "en",
    words: Callable[[Mention], list[str]] | None = None,
    articles: Iterable[Article] | None = None,
    ranker: DateRanker | None = None,
) -> list[Event]:
    """The events with their `score` (see the module docstring). `words` gives the words
    of a mention (`merge.mention_words`) when the caller has them already; `articles`
    are the story's (default: those the mentions come from); `ranker` scores the dates
    (default: `keydates.date_ranker()`)."""
    if not events:
        return []
    found = date_features(events, articles)
    raw = (ranker or date_ranker()).scores(found)
    probability = 0.5 * (1.0 + np.tanh(0.5 * raw))  # the logistic function, without overflow
    date_score = dict(zip(found.dates, probability.tolist(), strict=True))
    leads = _lead_mentions(events)
    if words is None:
        words = functools.partial(mention_words, language=language)
    centrality = _centrality([[w for m in e.mentions for w in words(m)] for e in events])
    standing = [
        DATED_BY_WEIGHT.get(event.dated_by, 0.25)
        * (1.0 + math.log(event.sources))
        * (1.0 + LEAD_BONUS * any(_key(m) in leads for m in event.mentions))
        * (1.0 + CENTRALITY_WEIGHT * central)
        for event, central in zip(events, centrality, strict=True)
    ]
    best: dict[Interval, float] = defaultdict(float)
    for event, part in zip(events, standing, strict=True):
        best[event.interval] = max(best[event.interval], part)
    return [
        dataclasses.replace(
            event, score=round(date_score[event.interval] * part / best[event.interval], 6)
        )
        for event, part in zip(events, standing, strict=True)
    ]


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


def key_events(
    events: Sequence[Event],
    key_dates: int,
    per_date: int = 1,
    language: str = "en",
    period: tuple[date, date] | None = None,
    anywhere: bool = False,
    ranker: DateRanker | None = None,
) -> list[Event]:
    """The `per_date` best entries of each of the `key_dates` best dates, in date order.

    A date is as good as its best event. The dates are days of the story's own `period`
    (first to last day), spread over it (`keydates.choose_days`, with the spread
    `ranker` was trained with; default the builds' ranker), unless `anywhere`. On a
    date, an entry's worth is its score, times how close its text is to the centroid
    of the date's reports (it says what the day's reports say, not a side remark),
    times `entry_quality`; an entry too like one already kept (`REDUNDANT`) is passed
    over. Only the date's `ENTRY_CANDIDATES` best-scored events are weighed."""
    by_date: dict[Interval, list[Event]] = defaultdict(list)
    for event in events:
        by_date[event.interval].append(event)
    ranked_dates = sorted(
        by_date,
        key=lambda iv: (-max(e.score for e in by_date[iv]), -len(by_date[iv]), iv.begin, iv.end),
    )
    # a date's score is its best event's (its key-date probability), on the model's scale
    best = np.array([max(e.score for e in by_date[iv]) for iv in ranked_dates])
    logits = np.log(np.clip(best, 1e-9, None)) - np.log(np.clip(1.0 - best, 1e-9, None))
    spread = (ranker or date_ranker()).spread
    picked = choose_days(ranked_dates, logits, key_dates, period, spread, anywhere)
    chosen_dates = [ranked_dates[i] for i in picked]
    # a date's candidate entries: its best-scored events (a live blog's day has thousands
    # of statements; the entries come from the top of them)
    candidates = {
        iv: sorted(by_date[iv], key=lambda e: (-e.score, -e.sources, e.id))[:ENTRY_CANDIDATES]
        for iv in chosen_dates
    }
    words = _Words()
    weights = _idf((e.text for group in candidates.values() for e in group), words)
    kept: list[Event] = []
    for interval in chosen_dates:
        group = candidates[interval]
        vectors = {e.id: _vector(e.text, weights, language, words) for e in group}
        # what the date's reports say: every sentence reporting its candidate events
        centroid = _centroid(
            _vector(m.sentence, weights, language, words) for e in group for m in e.mentions
        )
        worth = {
            e.id: e.score
            * (0.5 + cosine(vectors[e.id], centroid))
            * entry_quality(e.text, language)
            for e in group
        }
        chosen: list[Vector] = []
        for event in sorted(group, key=lambda e: (-worth[e.id], -e.sources, e.id)):
            if len(chosen) >= per_date:
                break
            vector = vectors[event.id]
            if any(cosine(vector, other) >= REDUNDANT for other in chosen):
                continue
            chosen.append(vector)
            kept.append(event)
    return sorted(kept, key=lambda e: (e.interval.begin, e.interval.end, -e.score, e.id))


# The page opens on key events when the story has more events than this (issue 18): a
# reader cannot take in thousands of points, a few dozen labelled dates they can.
PAGE_KEY_MIN_EVENTS = 300
# ...one key date a week of the story's period, within these bounds.
PAGE_KEY_DATES = (12, 40)
PAGE_KEY_DAYS_PER_DATE = 7


def page_key_events(
    events: Sequence[Event], period_days: int, language: str = "en"
) -> list[Event] | None:
    """The key events a page opens on when the caller chose none: for a story of more
    than `PAGE_KEY_MIN_EVENTS` events (those of its own period, `events`), one date a
    week of its period (`PAGE_KEY_DATES`), one entry a date; None for a smaller story,
    whose page shows every event."""
    if len(events) <= PAGE_KEY_MIN_EVENTS:
        return None
    low, high = PAGE_KEY_DATES
    dates = min(high, max(low, round(period_days / PAGE_KEY_DAYS_PER_DATE)))
    return key_events(events, dates, 1, language)


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
    matrix = TfidfVectors(documents, weights="story").matrix  # the story's own words, by design
    story = np.asarray(matrix.sum(axis=0)).ravel()
    story /= np.linalg.norm(story) or 1.0
    return (matrix @ story).tolist()


class _Words(dict):
    """The words (`tokens`) of each (text, language) asked for, each found once: key
    events weigh a headline's words, then compare them, then its sentences'."""

    def __missing__(self, key: tuple[str, str]) -> list[str]:
        found = self[key] = tokens(*key)
        return found


def _idf(texts: Iterable[str], words: _Words | None = None) -> dict[str, float]:
    """Inverse document frequency of the words of `texts` (a word in every text: 1)."""
    words = _Words() if words is None else words
    counts: Counter[str] = Counter()
    total = 0
    for text in texts:
        total += 1
        counts.update(set(words[text, "en"]))
    return {w: 1.0 + math.log(total / n) for w, n in counts.items()}


def _vector(
    text: str,
    weights: dict[str, float] | None = None,
    language: str = "en",
    words: _Words | None = None,
) -> Vector:
    """The unit TF-IDF vector of a text's content words (TF alone without `weights`)."""
    counts: dict[str, float] = defaultdict(float)
    for word in words[text, language] if words is not None else tokens(text, language):
        counts[word] += weights.get(word, 1.0) if weights else 1.0
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {w: v / norm for w, v in counts.items()}


def _centroid(vectors: Iterable[Vector]) -> Vector:
    """The unit vector of the sum of `vectors`."""
    total: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for word, value in vector.items():
            total[word] += value
    norm = math.sqrt(sum(v * v for v in total.values())) or 1.0
    return {w: v / norm for w, v in total.items()}
