"""Merge: mentions of the same event, in one article or several, become one `Event`.

Two mentions are the same event when their sentences say the same thing (TF-IDF cosine
over stemmed content words, names and figures weighing more; see `similarity`) and their
dates allow it. How alike they must be depends on how they were dated:

- both by an expression: the dates must be compatible (the same period, or a coarser
  calendar unit holding the finer one: "June 2024" and 13 June 2024), and the sentences
  alike (`DATED_THRESHOLD`). Sentences that are very alike (`CONFLICT_THRESHOLD`) but
  dated a few days apart (`CONFLICT_DAYS`) are the same event reported at different
  dates: they merge, and the event records the disagreement as `conflicts`;
- one dated by the narrative or the publication day: the inferred date must be
  compatible with the other, or, for a publication day, at most `LATE_REPORT_DAYS`
  later (a report comes after the event; a narrative's date is a claim of when it
  happened, not a report's), and the sentences more alike (`INFERRED_THRESHOLD`); both
  inferred: nearly the same words (`BOTH_INFERRED_THRESHOLD`, a syndicated copy) within
  a few days;
- two sentences of one article merge only when they restate each other on the same date
  (`SAME_ARTICLE_THRESHOLD`; `SAME_EXPRESSION_THRESHOLD` when both use the same
  multi-word expression; `SAME_ARTICLE_INFERRED_THRESHOLD` when a date is inferred).

Events are the connected groups of such pairs. The event takes the date most articles
give by an expression (a coarser date supports the finer dates it holds; ties go to the
more specific), else the narrative's, else the first publication day. Ids hash the
event's first mention, so they are stable across builds and unaffected by unrelated
articles.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import timedelta
from functools import lru_cache

import numpy as np
from scipy import sparse

from timeline.events.headline import headline
from timeline.events.similarity import TfidfVectors, Vector, cosine, similar_pairs, tfidf, tokens
from timeline.models import Conflict, Event, Interval, Mention
from timeline.resolve.dates import event_date_value, is_whole_unit

DATED_THRESHOLD = 0.25
# A date inferred from the narrative or the publication day is weak evidence: with one,
# mentions must be more alike; with two, nearly the same words (a syndicated copy).
INFERRED_THRESHOLD = 0.40
BOTH_INFERRED_THRESHOLD = 0.60
# An article restates its facts (the lede, then a quote): two of its sentences dated by
# expressions to the very same period need less overlap than sentences dated by inference.
SAME_ARTICLE_THRESHOLD = 0.20
SAME_ARTICLE_INFERRED_THRESHOLD = 0.45
# ...and less still when both use the same multi-word expression ("the past 24 hours").
SAME_EXPRESSION_THRESHOLD = 0.10
CONFLICT_THRESHOLD = 0.60
CONFLICT_DAYS = 1
LATE_REPORT_DAYS = 3
# Two groups of mentions join only if their pooled words are still this alike.
COHESION = 0.30
# Date preference when choosing an event's date from its mentions.
_DATED_BY_RANK = {"expression": 0, "reference": 0, "narrative": 1, "publication": 2}


# Pairs less alike than this can only be restatements within an article (`_restatements`).
_LOWEST_THRESHOLD = min(DATED_THRESHOLD, SAME_ARTICLE_THRESHOLD)
# Mentions further apart than this can be no event's (every rule below needs nearer).
_NEAR_DAYS = max(CONFLICT_DAYS, LATE_REPORT_DAYS)
# Candidate pairs are turned into Python objects this many at a time.
_PAIRS_AT_ONCE = 65_536


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


def _days_apart(a: Interval, b: Interval) -> int:
    if a.overlaps(b):
        return 0
    return (b.begin - a.end).days if a.end < b.begin else (a.begin - b.end).days


def _reported_later(event: Interval, report: Interval) -> bool:
    """Is `report` (an inferred date) on or shortly after `event`?"""
    return event.begin <= report.end and report.begin <= event.end + timedelta(
        days=LATE_REPORT_DAYS
    )


def same_event(a: Mention, b: Mention, similarity: float) -> bool:
    """The merge rule of the module docstring, for one pair of mentions."""
    if a.article == b.article:
        if a.interval != b.interval:
            return False
        if a.dated_by != "expression" or b.dated_by != "expression":
            return similarity >= SAME_ARTICLE_INFERRED_THRESHOLD
        same_words = a.expression.lower() == b.expression.lower() and " " in a.expression
        return similarity >= (SAME_EXPRESSION_THRESHOLD if same_words else SAME_ARTICLE_THRESHOLD)
    a_dated, b_dated = a.dated_by == "expression", b.dated_by == "expression"
    if a_dated and b_dated:
        if compatible(a.interval, b.interval):
            return similarity >= DATED_THRESHOLD
        return (
            similarity >= CONFLICT_THRESHOLD
            and a.interval.granularity == b.interval.granularity
            and _days_apart(a.interval, b.interval) <= CONFLICT_DAYS
        )
    if a_dated or b_dated:
        event, report = (a.interval, b.interval) if a_dated else (b.interval, a.interval)
        late = (b if a_dated else a).dated_by == "publication"  # a narrative names its day
        return similarity >= INFERRED_THRESHOLD and (
            compatible(event, report) or (late and _reported_later(event, report))
        )
    return similarity >= BOTH_INFERRED_THRESHOLD and (
        _days_apart(a.interval, b.interval) <= LATE_REPORT_DAYS
    )


def merge_mentions(
    mentions: Sequence[Mention],
    language: str = "en",
    words: Sequence[list[str]] | None = None,
    languages: Sequence[str] | None = None,
) -> list[Event]:
    """Group mentions into events (see the module docstring). `languages`: each mention's
    (its article's), when the story has several; else `language` is every mention's.

    Pairs are joined most alike first; two groups join only if their pooled wording is
    still alike (`COHESION`) and every date either gives by an expression fits every date
    of the other, so that a chain of pairs cannot drift from one event to another.
    """
    if not mentions:
        return []
    if words is None:
        words = [mention_words(m, language) for m in mentions]
    vectors = tfidf(words, languages or language, groups=[m.article for m in mentions])
    intervals = [m.interval for m in mentions]
    rules = _PairRules(mentions)
    first, second, _ = similar_pairs(vectors, intervals, _LOWEST_THRESHOLD, _NEAR_DAYS, rules)
    groups = _Groups(mentions, vectors)
    for start in range(0, len(first), _PAIRS_AT_ONCE):  # a few Python objects at a time
        stop = start + _PAIRS_AT_ONCE
        groups.consider(zip(first[start:stop].tolist(), second[start:stop].tolist(), strict=True))
    # restatements are less alike than any pair the search finds: they come last
    restated = sorted(_restatements(mentions, vectors), key=lambda p: (-p[2], p[0], p[1]))
    groups.consider(
        (i, j) for i, j, similarity in restated if same_event(mentions[i], mentions[j], similarity)
    )
    _attach_references(mentions, vectors, groups)
    _join_same_day(mentions, vectors, groups)
    events = [
        make_event(
            [mentions[i] for i in group],
            language,
            [vectors[i] for i in group] if len(group) > 1 else None,  # a headline compares
        )
        for group in groups.members()
    ]
    return sorted(events, key=lambda e: (e.interval.begin, e.interval.end, e.id))


class _PairRules:
    """`same_event` for arrays of pairs at once (the same rules, in numpy): a big story
    has millions of candidate pairs, far too many to judge one by one in Python."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        def codes(values) -> np.ndarray:
            seen: dict = {}
            return np.array([seen.setdefault(v, len(seen)) for v in values], dtype=np.int64)

        self.article = codes(m.article for m in mentions)
        self.dated = np.array([m.dated_by == "expression" for m in mentions], dtype=bool)
        self.reference = np.array([m.dated_by == "reference" for m in mentions], dtype=bool)
        self.publication = np.array([m.dated_by == "publication" for m in mentions], dtype=bool)
        self.interval = codes(m.interval for m in mentions)
        self.granularity = codes(m.interval.granularity for m in mentions)
        self.begin = np.array([m.interval.begin.toordinal() for m in mentions], dtype=np.int64)
        self.end = np.array([m.interval.end.toordinal() for m in mentions], dtype=np.int64)
        self.whole = np.array([is_whole_unit(m.interval) for m in mentions], dtype=bool)
        # a multi-word expression, compared case-blind; "" (never equal) otherwise
        self.phrase = codes(
            m.expression.lower() if " " in m.expression else f"\0{k}"
            for k, m in enumerate(mentions)
        )

    def _compatible(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        a_days = self.end[a] - self.begin[a]
        b_days = self.end[b] - self.begin[b]
        coarse = np.where(a_days >= b_days, a, b)
        fine = np.where(a_days >= b_days, b, a)
        holds = (
            (self.begin[coarse] <= self.begin[fine])
            & (self.end[fine] <= self.end[coarse])
            & (self.granularity[coarse] != self.granularity[fine])
            & self.whole[coarse]
        )
        return (self.interval[a] == self.interval[b]) | holds

    def _days_apart(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        gap = np.maximum(self.begin[b] - self.end[a], self.begin[a] - self.end[b])
        return np.maximum(gap, 0)

    def __call__(self, a: np.ndarray, b: np.ndarray, similarity: np.ndarray) -> np.ndarray:
        """Which pairs (a[k], b[k]) with these similarities are the same event."""
        a_dated, b_dated = self.dated[a], self.dated[b]
        both = a_dated & b_dated
        compatible = self._compatible(a, b)
        apart = self._days_apart(a, b)
        # one article
        same_words = self.phrase[a] == self.phrase[b]
        restated = np.where(
            both,
            similarity >= np.where(same_words, SAME_EXPRESSION_THRESHOLD, SAME_ARTICLE_THRESHOLD),
            similarity >= SAME_ARTICLE_INFERRED_THRESHOLD,
        )
        one_article = (self.interval[a] == self.interval[b]) & restated
        # both dated by expressions
        dated = np.where(
            compatible,
            similarity >= DATED_THRESHOLD,
            (similarity >= CONFLICT_THRESHOLD)
            & (self.granularity[a] == self.granularity[b])
            & (apart <= CONFLICT_DAYS),
        )
        # one dated: the other (inferred) date is the report's
        event = np.where(a_dated, a, b)
        report = np.where(a_dated, b, a)
        later = (self.begin[event] <= self.end[report]) & (
            self.begin[report] <= self.end[event] + LATE_REPORT_DAYS
        )
        later &= self.publication[report]  # only a publication day is a report's
        one_dated = (similarity >= INFERRED_THRESHOLD) & (compatible | later)
        # neither
        neither = (similarity >= BOTH_INFERRED_THRESHOLD) & (apart <= LATE_REPORT_DAYS)
        across = np.where(both, dated, np.where(a_dated | b_dated, one_dated, neither))
        same = np.where(self.article[a] == self.article[b], one_article, across)
        # a reference joins its event afterwards (`_attach_references`), never by pairs
        return same & ~self.reference[a] & ~self.reference[b]


def _restatements(
    mentions: Sequence[Mention], vectors: Sequence[Vector]
) -> list[tuple[int, int, float]]:
    """Pairs of one article's mentions that use the same multi-word expression for the
    same date and are alike enough for that (`SAME_EXPRESSION_THRESHOLD`) but below the
    threshold the sparse search uses."""
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.dated_by == "expression" and " " in m.expression:
            by_key[(m.article, m.expression.lower(), m.interval)].append(i)
    pairs = []
    for members in by_key.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                similarity = cosine(vectors[i], vectors[j])
                if SAME_EXPRESSION_THRESHOLD <= similarity < _LOWEST_THRESHOLD:
                    pairs.append((i, j, similarity))
    return pairs


# A reference ("Tuesday's earthquake") joins the event of its date whose words share this
# much with its own; two references to one date join at `COHESION`.
REFERENCE_THRESHOLD = 0.1


def _attach_references(mentions: Sequence[Mention], vectors: TfidfVectors, groups: _Groups) -> None:
    """Each reference becomes a mention of the event it refers to: the most reported event
    of its date whose words share enough with the reference's (`REFERENCE_THRESHOLD`);
    else it joins another reference to the same event; else it is that event."""
    references = [i for i, m in enumerate(mentions) if m.dated_by == "reference"]
    if not references:
        return
    roots = [groups.find(i) for i in range(len(mentions))]
    on_date: dict[Interval, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.dated_by != "reference":
            on_date[m.interval].append(roots[i])
    wanted = {mentions[i].interval for i in references}
    candidates = list(dict.fromkeys(r for d in wanted for r in on_date.get(d, ())))
    pooled, row_of = _pooled(candidates, roots, vectors)
    unplaced = []
    for i in references:
        date_roots = list(dict.fromkeys(on_date.get(mentions[i].interval, ())))
        best = None
        if date_roots:
            similar = (pooled[[row_of[r] for r in date_roots]] @ vectors.matrix[i].T).toarray()
            fitting = [
                (groups.size[r], float(similar[k, 0]), r)
                for k, r in enumerate(date_roots)
                if similar[k, 0] >= REFERENCE_THRESHOLD
            ]
            if fitting:
                best = max(fitting, key=lambda f: (f[0], f[1]))[2]  # the most reported
        if best is not None:
            groups.attach(i, best)
        else:
            unplaced.append(i)
    # references to an event no statement reports: one event of the references alike
    for x, i in enumerate(unplaced):
        for j in unplaced[:x]:
            if mentions[j].interval != mentions[i].interval or groups.find(i) == groups.find(j):
                continue
            if cosine(vectors[i], vectors[j]) >= COHESION:
                groups.attach(i, groups.find(j))
                break


def _pooled(
    group_roots: Sequence[int], roots: Sequence[int], vectors: TfidfVectors
) -> tuple[sparse.csr_matrix, dict[int, int]]:
    """The unit vectors of the pooled words of the groups `group_roots` (one row each,
    from `roots`, every mention's group), by one sparse product; and each group's row."""
    row_of = {root: k for k, root in enumerate(group_roots)}
    members = [(row_of[r], i) for i, r in enumerate(roots) if r in row_of]
    if not members:
        return sparse.csr_matrix((0, vectors.matrix.shape[1])), row_of
    rows, cols = zip(*members, strict=True)
    indicator = sparse.csr_matrix(
        (np.ones(len(rows)), (np.array(rows), np.array(cols))),
        shape=(len(group_roots), len(roots)),
    )
    pooled = indicator @ vectors.matrix
    norms = np.sqrt(np.asarray(pooled.multiply(pooled).sum(axis=1)).ravel())
    return sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ pooled, row_of


# Two groups dated by expressions to the very same day join when their pooled words are
# this alike: reports of one day's event, none of whose sentences alone was near enough
# to another's (the merge rules compare pairs of sentences, this their sum).
SAME_DAY_COHESION = 0.40


def _join_same_day(mentions: Sequence[Mention], vectors: TfidfVectors, groups: _Groups) -> None:
    """Join the groups of one day (see `SAME_DAY_COHESION`), most alike first. A group's
    day is the one date its expressions give, else the one its mentions infer."""
    roots = [groups.find(i) for i in range(len(mentions))]
    inferred: dict[int, set[Interval]] = defaultdict(set)
    for i, mention in enumerate(mentions):
        if not groups.dates[roots[i]]:
            inferred[roots[i]].add(mention.interval)
    by_day: dict[Interval, list[int]] = defaultdict(list)
    for root in dict.fromkeys(roots):
        dates = groups.expressed_dates(root) or inferred[root]
        if len(dates) == 1:
            (day,) = dates
            if day.granularity == "day" and day.days == 1:
                by_day[day].append(root)
    candidates = [r for rs in by_day.values() if len(rs) > 1 for r in rs]
    if not candidates:
        return
    pooled, row_of = _pooled(candidates, roots, vectors)
    for day_roots in by_day.values():
        if len(day_roots) < 2:
            continue
        block = pooled[[row_of[r] for r in day_roots]]
        similar = (block @ block.T).toarray()
        first, second = np.nonzero(np.triu(similar, k=1) >= SAME_DAY_COHESION)
        order = np.argsort(-similar[first, second], kind="stable")
        for k in order.tolist():
            groups.join(day_roots[first[k]], day_roots[second[k]])


class _Groups:
    """Union-find over mentions, with each group's pooled words and the distinct dates
    its mentions give by expressions."""

    def __init__(self, mentions: Sequence[Mention], vectors: Sequence[Vector]) -> None:
        self.mentions = mentions
        self.parent = list(range(len(mentions)))
        self.vectors = vectors
        self.pooled: dict[int, Vector] = {}  # the words of groups of two mentions or more
        # dates as small numbers: sets of them are compared for millions of pairs
        codes: dict[Interval, int] = {}
        self.dates: dict[int, set[int]] = {
            i: {codes.setdefault(m.interval, len(codes))} if m.dated_by == "expression" else set()
            for i, m in enumerate(mentions)
        }
        self.intervals = list(codes)
        self._near: dict[tuple[int, int], bool] = {}
        self.size = [1] * len(mentions)
        self.refused: set[tuple[int, int, int, int]] = set()

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self._join_roots(a, b)

    def _join_roots(self, a: int, b: int) -> None:
        # groups only grow, so a refusal stands until one of the two has grown
        key = (a, self.size[a], b, self.size[b]) if a < b else (b, self.size[b], a, self.size[a])
        if key in self.refused:
            return
        if not self._fits(a, b):
            self.refused.add(key)
            return
        if self.size[a] < self.size[b]:  # the smaller group moves into the larger
            a, b = b, a
        self._absorb(a, b)

    def consider(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Join the pairs, most alike first, that `same_event` has accepted."""
        parent = self.parent
        for i, j in pairs:  # `join`, with `find` inlined: millions of pairs in a big story
            while parent[i] != i:
                parent[i] = i = parent[parent[i]]
            while parent[j] != j:
                parent[j] = j = parent[parent[j]]
            if i != j:
                self._join_roots(i, j)

    def _fits(self, a: int, b: int) -> bool:
        near, intervals = self._near, self.intervals
        for x in self.dates[a]:
            for y in self.dates[b]:
                if x != y:
                    fits = near.get((x, y))
                    if fits is None:
                        fits = near[x, y] = _near(intervals[x], intervals[y])
                    if not fits:
                        return False
        if self.size[a] == self.size[b] == 1:
            return True  # the pair's own rule has decided
        return _normalised_cosine(self._words(a), self._words(b)) >= COHESION

    def attach(self, i: int, root: int) -> None:
        """Put mention `i`'s group into the group of `root`, whatever their words (a
        reference joins the event it names)."""
        a, b = self.find(root), self.find(i)
        if a == b:
            return
        self._absorb(a, b)

    def _absorb(self, a: int, b: int) -> None:
        """Move the group of root `b` into the group of root `a`: members, words, dates."""
        self.parent[b] = a
        self.size[a] += self.size[b]
        pooled = self.pooled.get(a)
        if pooled is None:
            pooled = self.pooled[a] = dict(self.vectors[a])
        for word, weight in self._words(b).items():
            pooled[word] = pooled.get(word, 0.0) + weight
        self.pooled.pop(b, None)
        self.dates[a] |= self.dates.pop(b)

    def expressed_dates(self, root: int) -> set[Interval]:
        """The distinct dates a group's mentions give by expressions."""
        return {self.intervals[code] for code in self.dates[root]}

    def words(self, root: int) -> Vector:
        return self._words(root)

    def _words(self, root: int) -> Vector:
        """The pooled words of a group (a mention's own vector while it is alone)."""
        pooled = self.pooled.get(root)
        return pooled if pooled is not None else self.vectors[root]

    def members(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.mentions)):
            out[self.find(i)].append(i)
        return list(out.values())


@lru_cache(maxsize=65_536)
def _near(a: Interval, b: Interval) -> bool:
    """Dates one event may have: compatible, or a few days apart at one granularity."""
    return compatible(a, b) or (
        a.granularity == b.granularity and _days_apart(a, b) <= CONFLICT_DAYS
    )


def _normalised_cosine(a: Vector, b: Vector) -> float:
    norm_a = math.sqrt(sum(v * v for v in a.values())) or 1.0
    norm_b = math.sqrt(sum(v * v for v in b.values())) or 1.0
    return cosine(a, b) / (norm_a * norm_b)


def mention_words(mention: Mention, language: str = "en") -> list[str]:
    """The words a mention is compared by: its sentence without its own date expression
    (dates are compared on their own); for a reference, the words that refer ("Tuesday's
    earthquake": earthquake)."""
    text = mention.sentence
    if mention.dated_by == "reference":
        return [w for w in tokens(mention.reference, language)
                if w not in set(tokens(mention.expression, language))]  # fmt: skip
    if mention.dated_by == "expression" and mention.expression_start >= 0:
        start = mention.expression_start - mention.start
        end = mention.expression_end - mention.start
        text = text[:start] + " " + text[end:]
    return tokens(text, language)


def make_event(
    mentions: Sequence[Mention], language: str = "en", vectors: Sequence[Vector] | None = None
) -> Event:
    """One event from its mentions (and their word vectors, if known): date, headline,
    conflicts and a stable id."""
    order = sorted(
        range(len(mentions)),
        key=lambda k: (mentions[k].published, mentions[k].article, mentions[k].start),
    )
    ordered = [mentions[k] for k in order]
    ordered_vectors = [vectors[k] for k in order] if vectors is not None else None
    interval, conflicts = choose_date(ordered)
    first = first_mention(ordered)
    # a sentence that refers to an earlier event is also a statement of its own: the two
    # events it gives must not share an id
    seed = f"{first.article}\0{first.start}"
    if first.dated_by == "reference":
        seed += f"\0reference\0{first.expression_start}"
    digest = hashlib.sha1(seed.encode()).hexdigest()[:12]
    # the text states the event: a sentence that only refers to it is a last resort
    stating = [k for k, m in enumerate(ordered) if m.dated_by != "reference"] or list(
        range(len(ordered))
    )
    return Event(
        id=f"ev-{digest}",
        date=event_date_value(interval),
        interval=interval,
        text=headline(
            [ordered[k] for k in stating],
            language,
            [ordered_vectors[k] for k in stating] if ordered_vectors is not None else None,
            interval,
        ),
        mentions=tuple(ordered),
        conflicts=conflicts,
    )


def first_mention(mentions: Sequence[Mention]) -> Mention:
    """The mention an event's id hashes: the first of the first article (by id)."""
    return min(mentions, key=lambda m: (m.article, m.start, m.dated_by == "reference"))


def choose_date(mentions: Sequence[Mention]) -> tuple[Interval, tuple[Conflict, ...]]:
    """The date most articles give, from the best-dated mentions (see the docstring)."""
    if len(mentions) == 1:
        return mentions[0].interval, ()
    best, dating = _best_dated(mentions)
    if best == _DATED_BY_RANK["publication"]:
        first = min(dating, key=lambda m: m.published)
        return first.interval, ()
    by_interval = _articles_by_interval(dating)

    def support(interval: Interval) -> int:
        return len(
            {a for other, arts in by_interval.items() if other.contains(interval) for a in arts}
        )

    chosen = max(by_interval, key=lambda iv: (support(iv), -iv.days, -iv.begin.toordinal()))
    return chosen, _conflicts(by_interval, chosen)


def date_conflicts(mentions: Sequence[Mention], chosen: Interval) -> tuple[Conflict, ...]:
    """The other dates the best-dated mentions give than `chosen` (a date a person set):
    none when only publication days date the event."""
    best, dating = _best_dated(mentions)
    if best == _DATED_BY_RANK["publication"]:
        return ()
    return _conflicts(_articles_by_interval(dating), chosen)


def _best_dated(mentions: Sequence[Mention]) -> tuple[int, list[Mention]]:
    best = min(_DATED_BY_RANK.get(m.dated_by, 2) for m in mentions)
    return best, [m for m in mentions if _DATED_BY_RANK.get(m.dated_by, 2) == best]


def _articles_by_interval(dating: Sequence[Mention]) -> dict[Interval, set[str]]:
    by_interval: dict[Interval, set[str]] = defaultdict(set)
    for m in dating:
        by_interval[m.interval].add(m.article)
    return by_interval


def _conflicts(by_interval: dict[Interval, set[str]], chosen: Interval) -> tuple[Conflict, ...]:
    conflicts: dict[str, set[str]] = defaultdict(set)
    for interval, articles in by_interval.items():
        if not interval.overlaps(chosen):
            conflicts[event_date_value(interval)] |= articles
    return tuple(Conflict(value, tuple(sorted(arts))) for value, arts in sorted(conflicts.items()))
