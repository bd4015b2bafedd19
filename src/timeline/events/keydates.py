"""Key dates: which dates of a story matter, ranked by a model learned across stories.

A big story names thousands of dates; an editor keeps a few dozen. Whether a date
matters shows in how the coverage treats it, not in its words, so every candidate date
(an event's interval) is described by features of the story's coverage only:

- publication: articles published that day and around it, and that day's burst against
  the story's daily rate;
- references: articles that name the date with an expression, split by when they were
  published (before it, within a week after, well after), how many outlets, how many
  name it in their opening lines, and how explicitly ("January 12", a weekday,
  "yesterday");
- inherited dates: statements dated by their paragraph or their publication day;
- events: how many events the date has and how many articles report the biggest;
- place: before the story's first article, after its last, how far from any article;
- granularity: a day, a span of days, a week, a month, coarser.

Counts enter as log(1 + n) and as a share of the story's largest, so that a 30-article
story and a 3,000-article one are on the same scale. `DateRanker` scores the features
with a linear model (numpy only) whose weights are learned by
`benchmarks/train_dates.py` on the Timeline17 development topics and shipped in
`timeline/data/date_ranker.json` with their provenance.
"""

from __future__ import annotations

import json
import math
import os
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from timeline.models import Article, Event, Interval, Mention

# Where an article's opening lines end: a reference there is a lead's.
LEAD_CHARS = 400
# References published more than this many days after a date are "much later".
LATER_DAYS = 7
# Articles published within this many days of a date are "around" it.
NEAR_DAYS = 3

# The features, and the sign each may take in the model: +1 evidence for a key date, -1
# evidence against, 0 either. Signs are set from what the features mean, not learned: six
# development topics of a few weeks each cannot teach that references from months later
# matter (they have no months later), so a learned weight may not turn such evidence
# against a date.
FEATURE_SIGNS = {
    "pub_day": +1,  # articles published on the date (log)
    "pub_next_day": +1,  # ...the day after (news of a day is often printed the next)
    "pub_near": +1,  # ...within NEAR_DAYS of it
    "burst": +1,  # the date's publications against the story's daily rate (log ratio)
    "refs": +1,  # articles naming the date with an expression (log)
    "sentences": +1,  # sentences naming it with an expression, and articles published on it
    "refs_other_days": +1,  # ...published on another day
    "refs_before": +1,  # ...published before it (it was awaited)
    "refs_week_after": +1,  # ...published within LATER_DAYS after it
    "refs_much_later": +1,  # ...published later still
    "lasting": +1,  # share of the articles published well after it that name it
    "outlets": +1,  # outlets naming it
    "lead_refs": +1,  # articles naming it in their opening lines
    "refs_full_date": +1,  # articles naming it by its date ("January 12")
    "refs_weekday": +1,  # ...by a weekday
    "refs_deictic": +1,  # ...as "yesterday", "today"
    "refs_narrative": +1,  # articles with statements dated to it by their paragraph
    "refs_publication": +1,  # ...by their publication day
    "events": +1,  # events of the date (log)
    "top_event_sources": +1,  # articles reporting its biggest event (log)
    "before_story": -1,  # before the first article
    "after_story": -1,  # after the last article (expected, not happened)
    "days_to_articles": -1,  # days to the nearest publication day (log)
    "is_day": +1,  # granularity: one day
    "is_span": -1,  # several days
    "is_week": -1,
    "is_month": -1,
    "is_coarser": -1,  # a season, a quarter, a year or more
}
FEATURES = tuple(FEATURE_SIGNS)

_WEEKDAY = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b|\bweekend\b",
    re.IGNORECASE,
)
_DEICTIC = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening))\b", re.IGNORECASE
)
_FULL = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE
)


def explicitness(expression: str) -> str:
    """How a mention names its date: "full" ("January 12", "12/01/2010"), "weekday"
    ("Tuesday"), "deictic" ("yesterday") or "other" ("the next day", "last week")."""
    if _FULL.search(expression):
        return "full"
    if _WEEKDAY.search(expression):
        return "weekday"
    if _DEICTIC.search(expression):
        return "deictic"
    return "other"


@dataclass(frozen=True, slots=True)
class DateFeatures:
    """The candidate dates of a story and their features, one row per date."""

    dates: tuple[Interval, ...]
    matrix: np.ndarray  # len(dates) x len(FEATURES)

    def column(self, name: str) -> np.ndarray:
        return self.matrix[:, FEATURES.index(name)]


def _log(n: float) -> float:
    return math.log1p(n)


def date_features(
    events: Sequence[Event], articles: Iterable[Article] | None = None
) -> DateFeatures:
    """The features of every date an event of the story has (see the module docstring).
    `articles` are the story's (for their publication days); without them, the articles
    the events' mentions come from."""
    if articles is None:
        mentions = [m for e in events for m in e.mentions]
        published = {m.article: m.published for m in mentions}
        outlet = {m.article: m.source or m.article for m in mentions}
    else:
        listed = list(articles)
        published = {a.id: a.published for a in listed}
        outlet = {a.id: a.source or a.id for a in listed}
    pub_per_day = Counter(published.values())
    if not events or not published:
        return DateFeatures((), np.zeros((0, len(FEATURES))))
    first, last = min(pub_per_day), max(pub_per_day)
    span_days = (last - first).days + 1
    mean_rate = len(published) / span_days
    pub_days = sorted(pub_per_day)

    by_date: dict[Interval, list[Event]] = defaultdict(list)
    for event in events:
        by_date[event.interval].append(event)

    rows = []
    dates = sorted(by_date, key=lambda iv: (iv.begin, iv.end, iv.granularity))
    refs_of = {interval: _references(by_date[interval], published, outlet) for interval in dates}
    published_between = _PublishedBetween(pub_per_day)
    published_on = {a: d.toordinal() for a, d in published.items()}
    for interval in dates:
        group = by_date[interval]
        refs = refs_of[interval]
        named_by = refs["expression"]
        begin, end = interval.begin.toordinal(), interval.end.toordinal()
        day_pub = published_between(begin, end)
        later_published = published_between(end + LATER_DAYS + 1, last.toordinal())
        before = sum(published_on[a] < begin for a in named_by)
        other_days = sum(not begin <= published_on[a] <= end for a in named_by)
        week_after = sum(end < published_on[a] <= end + LATER_DAYS for a in named_by)
        much_later = sum(published_on[a] > end + LATER_DAYS for a in named_by)
        kinds = refs["kinds"]
        g = interval.granularity
        row = {
            "pub_day": _log(day_pub),
            "pub_next_day": _log(published_between(end + 1, end + 1)),
            "pub_near": _log(published_between(begin - NEAR_DAYS, end + NEAR_DAYS)),
            "burst": math.log((day_pub + 1) / (mean_rate * min(interval.days, 31) + 1)),
            "refs": _log(len(named_by)),
            "sentences": _log(refs["sentences"] + day_pub),
            "refs_other_days": _log(other_days),
            "refs_before": _log(before),
            "refs_week_after": _log(week_after),
            "refs_much_later": _log(much_later),
            "lasting": much_later / later_published if later_published else 0.0,
            "outlets": _log(len(refs["outlets"])),
            "lead_refs": _log(len(refs["lead"])),
            "refs_full_date": _log(kinds["full"]),
            "refs_weekday": _log(kinds["weekday"]),
            "refs_deictic": _log(kinds["deictic"]),
            "refs_narrative": _log(len(refs["narrative"])),
            "refs_publication": _log(len(refs["publication"])),
            "events": _log(len(group)),
            "top_event_sources": _log(max(e.sources for e in group)),
            "before_story": float(interval.end < first),
            "after_story": float(interval.begin > last),
            "days_to_articles": _log(_distance(interval, pub_days)),
            "is_day": float(g == "day" and interval.days == 1),
            "is_span": float(g == "day" and interval.days > 1),
            "is_week": float(g in ("week", "weekend")),
            "is_month": float(g == "month"),
            "is_coarser": float(g not in ("day", "week", "weekend", "month")),
        }
        rows.append([row[name] for name in FEATURES])
    return DateFeatures(tuple(dates), np.asarray(rows, dtype=float))


def _references(group: Sequence[Event], published: dict[str, date], outlet: dict[str, str]) -> dict:
    """Who refers to a date, and how: the articles by how they date it, the outlets and
    the leads among the expression references, and the explicitness of each article's
    best reference."""
    by_kind: dict[str, set[str]] = {"expression": set(), "narrative": set(), "publication": set()}
    outlets: set[str] = set()
    lead: set[str] = set()
    best: dict[str, str] = {}
    order = {"full": 0, "weekday": 1, "deictic": 2, "other": 3}
    sentences = 0
    for event in group:
        for mention in event.mentions:
            if mention.article not in published:
                continue
            # a reference ("since Tuesday's earthquake") names the date as an expression does
            kind = "expression" if mention.dated_by == "reference" else mention.dated_by
            by_kind.get(kind, by_kind["publication"]).add(mention.article)
            if kind != "expression":
                continue
            sentences += 1
            outlets.add(outlet[mention.article])
            if _in_lead(mention):
                lead.add(mention.article)
            kind = explicitness(mention.expression)
            if order[kind] < order.get(best.get(mention.article, "other"), 4):
                best[mention.article] = kind
    return {
        **by_kind,
        "outlets": outlets,
        "lead": lead,
        "kinds": Counter(best.values()),
        "sentences": sentences,
    }


class _PublishedBetween:
    """How many articles were published between two day ordinals (inclusive)."""

    def __init__(self, per_day: Counter) -> None:
        self.days = sorted(d.toordinal() for d in per_day)
        counts = [per_day[date.fromordinal(d)] for d in self.days]
        self.cumulative = np.concatenate(([0], np.cumsum(counts)))

    def __call__(self, first: int, last: int) -> int:
        lo = bisect_left(self.days, first)
        hi = bisect_right(self.days, last)
        return int(self.cumulative[hi] - self.cumulative[lo])


def _in_lead(mention: Mention) -> bool:
    return 0 <= mention.start < LEAD_CHARS


def _distance(interval: Interval, pub_days: Sequence[date]) -> int:
    """Days from the interval to the nearest day an article was published (0 inside)."""
    i = bisect_left(pub_days, interval.begin)
    best = math.inf
    if i < len(pub_days):
        best = 0 if pub_days[i] <= interval.end else (pub_days[i] - interval.end).days
    if i > 0:
        best = min(best, (interval.begin - pub_days[i - 1]).days)
    return int(best) if best != math.inf else 0


@dataclass(frozen=True, slots=True)
class DateRanker:
    """A linear model over standardised features: score = w · (x - mean) / scale + b."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    provenance: dict
    spread: float = 0.0  # how much choosing dates avoids crowding them (`choose_days`)

    def scores(self, found: DateFeatures) -> np.ndarray:
        """One score per date of `found` (higher: more likely a key date)."""
        if not found.dates:
            return np.zeros(0)
        columns = [FEATURES.index(name) for name in self.features]
        x = (found.matrix[:, columns] - self.mean) / self.scale
        return x @ self.weights + self.bias

    def to_dict(self) -> dict:
        return {
            "features": list(self.features),
            "mean": self.mean.round(6).tolist(),
            "scale": self.scale.round(6).tolist(),
            "weights": self.weights.round(6).tolist(),
            "bias": round(float(self.bias), 6),
            "spread": self.spread,
            "provenance": self.provenance,
        }

    @classmethod
    def from_dict(cls, data: dict) -> DateRanker:
        unknown = set(data["features"]) - set(FEATURES)
        if unknown:
            raise ValueError(f"date ranker uses unknown features: {sorted(unknown)}")
        return cls(
            tuple(data["features"]),
            np.asarray(data["mean"], dtype=float),
            np.asarray(data["scale"], dtype=float),
            np.asarray(data["weights"], dtype=float),
            float(data["bias"]),
            dict(data.get("provenance", {})),
            float(data.get("spread", 0.0)),
        )

    @classmethod
    def load(cls, path: str | Path) -> DateRanker:
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


# A research setting: score dates with another ranker's weights (a file `fit_ranker`
# wrote), as the Timeline17 benchmark does to score each topic with a model that never
# saw it.
RANKER_ENVIRONMENT = "TIMELINE_DATE_RANKER"


@cache
def shipped_ranker() -> DateRanker:
    """The ranker trained on the development topics (`timeline/data/date_ranker.json`)."""
    text = resources.files("timeline").joinpath("data/date_ranker.json").read_text("utf-8")
    return DateRanker.from_dict(json.loads(text))


def date_ranker() -> DateRanker:
    """The ranker builds use: the file named by `TIMELINE_DATE_RANKER`, else the shipped one."""
    path = os.environ.get(RANKER_ENVIRONMENT)
    return _load_ranker(path) if path else shipped_ranker()


@cache
def _load_ranker(path: str) -> DateRanker:
    return DateRanker.load(path)


@dataclass(frozen=True, slots=True)
class LabelledStory:
    """A story's candidate dates and the days a journalist's timeline keeps (training
    data); `n` is how many dates the timeline has."""

    name: str
    found: DateFeatures
    key_days: frozenset[date]
    n: int
    period: tuple[date, date] | None = None  # the story's own period (`events.period`)
    group: str = ""  # stories of one news story (several outlets) are held out together

    @property
    def labels(self) -> np.ndarray:
        return np.array(
            [_is_one_day(iv) and iv.begin in self.key_days for iv in self.found.dates], dtype=bool
        )


def _is_one_day(interval: Interval) -> bool:
    return interval.granularity == "day" and interval.days == 1


def fit_ranker(
    stories: Sequence[LabelledStory],
    alpha: float,
    provenance: dict | None = None,
    hold_signs: bool = True,
    spread: float = 0.0,
) -> DateRanker:
    """A pairwise ranking model: logistic loss on (key date, other date) pairs of the same
    story, each story weighing the same, an L2 penalty `alpha`, and every weight held to
    the sign `FEATURE_SIGNS` gives it unless `hold_signs` is false (scipy's L-BFGS-B
    with bounds; a plain logistic regression, as in scikit-learn, cannot hold signs).
    Training only: needs scipy."""
    from scipy.optimize import minimize

    matrix = np.vstack([s.found.matrix for s in stories])
    mean = matrix.mean(axis=0)
    scale = matrix.std(axis=0)
    scale[scale == 0] = 1.0
    differences, pair_weights = [], []
    for story in stories:
        x = (story.found.matrix - mean) / scale
        labels = story.labels
        good, other = x[labels], x[~labels]
        if not len(good) or not len(other):
            continue
        pairs = (good[:, None, :] - other[None, :, :]).reshape(-1, x.shape[1])
        differences.append(pairs)
        pair_weights.append(np.full(len(pairs), 1.0 / len(pairs)))
    if not differences:
        raise ValueError("no story has both key dates and other dates to learn from")
    pairs = np.vstack(differences)
    weights = np.concatenate(pair_weights)
    weights /= weights.sum()

    def loss(beta: np.ndarray) -> tuple[float, np.ndarray]:
        margin = pairs @ beta
        value = float(weights @ np.logaddexp(0.0, -margin)) + 0.5 * alpha * float(beta @ beta)
        slope = -weights / (1.0 + np.exp(margin))  # d/dm log(1 + e^-m)
        return value, pairs.T @ slope + alpha * beta

    bounds = [
        (0.0, None) if s > 0 and hold_signs else (None, 0.0) if s < 0 and hold_signs
        else (None, None)
        for s in FEATURE_SIGNS.values()
    ]  # fmt: skip
    result = minimize(loss, np.zeros(len(FEATURES)), jac=True, bounds=bounds, method="L-BFGS-B")
    return DateRanker(FEATURES, mean, scale, result.x, 0.0, dict(provenance or {}), spread)


def top_days_f1(ranker: DateRanker, story: LabelledStory, spread: float | None = None) -> float:
    """Date-F1 of the story's `n` chosen days (`choose_days`, with the ranker's spread
    unless `spread` is given) against its key days (the Timeline17 protocol's date score,
    computed from the features alone)."""
    scores = ranker.scores(story.found)
    chosen = choose_days(
        story.found.dates, scores, story.n, story.period,
        ranker.spread if spread is None else spread,
    )  # fmt: skip
    days = [story.found.dates[i].begin for i in chosen if _is_one_day(story.found.dates[i])]
    hits = len(set(days) & story.key_days)
    if not hits:
        return 0.0
    precision, recall = hits / len(days), hits / len(story.key_days)
    return 2 * precision * recall / (precision + recall)


def choose_days(
    dates: Sequence[Interval],
    scores: np.ndarray,
    n: int,
    period: tuple[date, date] | None,
    spread: float = 0.0,
    anywhere: bool = False,
) -> list[int]:
    """The indices of the `n` dates a timeline keeps, best first.

    Key dates are days inside the story's own `period` (a month, a span, the background
    of years before, what is expected after: context, not the news the timeline tells),
    unless `anywhere`. Chosen one at a time, each day's standardised score is lowered by
    `spread` times its closeness to the days already chosen (exp(-gap / (period / n))):
    journalists' timelines of a long story cover its whole span rather than the weeks
    of heaviest coverage, and on a dense story (a key date nearly every day) the
    closeness fades within a day, so nothing moves. When the period has fewer than `n`
    days to offer, the best other dates follow."""
    order = [int(i) for i in np.argsort(-np.asarray(scores), kind="stable")]
    if anywhere or period is None:
        return order[:n]
    first, last = period
    inside = [i for i in order if _is_one_day(dates[i]) and first <= dates[i].begin <= last]
    chosen = _spread_out(inside, dates, np.asarray(scores), n, (last - first).days + 1, spread)
    if len(chosen) < n:
        taken = set(chosen)
        chosen += [i for i in order if i not in taken][: n - len(chosen)]
    return chosen


def _spread_out(
    candidates: list[int], dates: Sequence[Interval], scores: np.ndarray, n: int,
    span_days: int, spread: float,
) -> list[int]:  # fmt: skip
    if spread <= 0 or len(candidates) <= n:
        return candidates[:n]
    values = scores[candidates]
    z = (values - values.mean()) / (values.std() or 1.0)
    day = np.array([dates[i].begin.toordinal() for i in candidates], dtype=float)
    scale = max(1.0, span_days / n)
    crowding = np.zeros(len(candidates))
    left = np.ones(len(candidates), dtype=bool)
    chosen: list[int] = []
    while len(chosen) < n and left.any():
        worth = np.where(left, z - spread * crowding, -np.inf)
        best = int(np.argmax(worth))  # ties: the better-ranked (candidates are in rank order)
        chosen.append(candidates[best])
        left[best] = False
        crowding += np.exp(-np.abs(day - day[best]) / scale)
    return chosen


ALPHAS = (0.01, 0.1, 1.0, 10.0)


SPREADS = (0.0, 0.1, 0.25, 0.5)


def _held_out(stories: Sequence[LabelledStory], held: LabelledStory) -> list[LabelledStory]:
    """The stories a model may learn from when `held` is scored: not the held story, nor
    another outlet's telling of the same news (`group`)."""
    return [o for o in stories if o is not held and (not held.group or o.group != held.group)]


def choose_alpha(
    stories: Sequence[LabelledStory], alphas: Sequence[float] = ALPHAS, hold_signs: bool = True,
    spreads: Sequence[float] = SPREADS,
) -> dict:  # fmt: skip
    """The penalty and the spread with the best mean `top_days_f1` when each story (with
    its `group`) is left out in turn and the model trained on the others (ties: the
    larger penalty, the simpler model; then the smaller spread)."""
    means: dict[tuple[float, float], float] = {}
    for alpha in alphas:
        models = [
            (fit_ranker(_held_out(stories, held), alpha, hold_signs=hold_signs), held)
            for held in stories
        ]
        for spread in spreads:
            f1s = [top_days_f1(model, held, spread) for model, held in models]
            means[alpha, spread] = float(np.mean(f1s))
    best = max(sorted(means, key=lambda key: (-key[0], key[1])), key=lambda key: means[key])
    by_alpha = {str(a): round(max(v for (x, _), v in means.items() if x == a), 4) for a in alphas}
    by_spread = {str(sp): round(means[best[0], sp], 4) for sp in spreads}
    return {"alpha": best[0], "spread": best[1], "inner_date_f1": by_alpha,
            "inner_date_f1_by_spread": by_spread}  # fmt: skip
