"""Merge: mentions of the same event, in one article or several, become one `Event`.

v1 rule (`merge_mentions`, replaceable as a whole): two mentions are the same event
when their dates are compatible (one interval contains the other) and their sentences
are alike (TF-IDF cosine over content words ≥ `threshold`). Events are the connected
groups of such pairs. The event date is the one most sources support; dates that do not
overlap it are kept as conflicts. Ids hash the event's first mention, so they are stable
across builds and unaffected by unrelated articles.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from timeline.dates import event_date_value, is_whole_unit
from timeline.lang import language_data
from timeline.models import Conflict, Event, Interval, Mention

DEFAULT_THRESHOLD = 0.3
# An article repeats its own facts (the lede, then a quote) in other words: two of its
# sentences on the very same date need less overlap to be the same event.
SAME_ARTICLE_THRESHOLD = 0.15
HEADLINE_CHARS = 200
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def content_words(text: str, language: str = "en") -> list[str]:
    """Lower-cased words that carry meaning: no function words, crude plural folding."""
    stop = language_data(language).STOPWORDS
    words = []
    for word in _TOKEN.findall(text.lower()):
        if len(word) < 3 or word in stop or (word.isdigit() and len(word) < 4):
            continue
        if word.endswith("'s") or word.endswith("’s"):
            word = word[:-2]
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return words


def _vectors(texts: list[str]) -> list[dict[str, float]]:
    """TF-IDF vectors, L2-normalised, over the given texts."""
    bags = [Counter(content_words(t)) for t in texts]
    df = Counter(word for bag in bags for word in bag)
    n = len(bags)
    vectors = []
    for bag in bags:
        vec = {w: (1 + math.log(c)) * math.log((1 + n) / (1 + df[w]) + 1) for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _without_expression(mention: Mention) -> str:
    """The sentence minus its date expression: dates are compared on their own."""
    if mention.expression_start < 0:
        return mention.sentence
    start = mention.expression_start - mention.start
    end = mention.expression_end - mention.start
    return mention.sentence[:start] + " " + mention.sentence[end:]


def compatible(a: Interval, b: Interval) -> bool:
    """Can two dates describe the same event? The same interval, or a calendar unit of a
    coarser granularity that holds the other ("2005-06" and 2005-06-13); a 2-day span and
    one of its days are different dates."""
    if a == b:
        return True
    coarse, fine = (a, b) if a.days >= b.days else (b, a)
    return (
        coarse.contains(fine) and coarse.granularity != fine.granularity and is_whole_unit(coarse)
    )


def _candidate_pairs(mentions: list[Mention]) -> Iterable[tuple[int, int]]:
    """Index pairs of mentions with overlapping dates (sweep over sorted begins)."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].interval.begin)
    active: list[int] = []
    for i in order:
        begin = mentions[i].interval.begin
        active = [j for j in active if mentions[j].interval.end >= begin]
        for j in active:
            yield (j, i) if j < i else (i, j)
        active.append(i)


def merge_mentions(mentions: list[Mention], threshold: float = DEFAULT_THRESHOLD) -> list[Event]:
    """Group mentions into events (see the module docstring)."""
    if not mentions:
        return []
    vectors = _vectors([_without_expression(m) for m in mentions])
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(mentions):
        a, b = mentions[i], mentions[j]
        if a.article == b.article and a.start == b.start:
            continue
        if not compatible(a.interval, b.interval):
            continue
        needed = threshold
        if a.article == b.article and a.interval == b.interval:
            needed = min(threshold, SAME_ARTICLE_THRESHOLD)
        if _cosine(vectors[i], vectors[j]) >= needed:
            parent[find(i)] = find(j)
    groups: dict[int, list[Mention]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        groups[find(i)].append(mention)
    events = [make_event(group) for group in groups.values()]
    return sorted(events, key=lambda e: (e.interval.begin, e.interval.end, e.id))


def make_event(mentions: list[Mention]) -> Event:
    """One event from its mentions: date by vote, headline, conflicts, stable id."""
    ordered = sorted(mentions, key=lambda m: (m.published, m.article, m.start))
    interval, conflicts = choose_date(ordered)
    first = min(ordered, key=lambda m: (m.article, m.start))
    digest = hashlib.sha1(f"{first.article}\0{first.start}".encode()).hexdigest()[:12]
    return Event(
        id=f"ev-{digest}",
        date=event_date_value(interval),
        interval=interval,
        text=headline(ordered),
        mentions=tuple(ordered),
        conflicts=conflicts,
    )


def choose_date(mentions: list[Mention]) -> tuple[Interval, tuple[Conflict, ...]]:
    """The date most articles support (a coarser date supports the finer ones it holds);
    ties go to the more specific date. Dates that do not overlap it are conflicts."""
    by_interval: dict[Interval, set[str]] = defaultdict(set)
    for m in mentions:
        by_interval[m.interval].add(m.article)
    candidates = list(by_interval)

    def support(interval: Interval) -> int:
        return len(
            {a for other, arts in by_interval.items() if other.contains(interval) for a in arts}
        )

    chosen = max(candidates, key=lambda iv: (support(iv), -iv.days, -iv.begin.toordinal()))
    conflicts: dict[str, set[str]] = defaultdict(set)
    for interval, articles in by_interval.items():
        if not interval.overlaps(chosen):
            conflicts[event_date_value(interval)] |= articles
    return chosen, tuple(
        Conflict(value, tuple(sorted(arts))) for value, arts in sorted(conflicts.items())
    )


def headline(mentions: list[Mention]) -> str:
    """The event's text: its first-published mention, trimmed at a word boundary."""
    text = " ".join(mentions[0].sentence.split())
    if len(text) <= HEADLINE_CHARS:
        return text
    cut = text[:HEADLINE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
