"""Key dates (issue 12): the features of a story's dates, the learned ranker, its training."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from timeline.events.keydates import (
    FEATURE_SIGNS,
    FEATURES,
    RANKER_ENVIRONMENT,
    DateRanker,
    LabelledStory,
    choose_alpha,
    date_features,
    date_ranker,
    explicitness,
    fit_ranker,
    shipped_ranker,
    top_days_f1,
)
from timeline.events.salience import score_events
from timeline.models import Article, Event, Interval, Mention

QUAKE = date(2010, 1, 12)


def day(d: date) -> Interval:
    return Interval(d, d, "day")


def article(name: str, published: date, source: str = "") -> Article:
    return Article(name, f"{name}.md", name, published, "", "", source=source)


def mention(name: str, published: date, interval: Interval, **extra) -> Mention:
    fields = {
        "source": "Paper B" if name == "a2" else "Paper A",
        "start": 800,
        "end": 860,
        "sentence": "The earthquake struck the capital.",
        "expression": "January 12",
        "value": interval.begin.isoformat(),
        "dated_by": "expression",
    } | extra
    return Mention(article=name, interval=interval, published=published, **fields)


def event(name: str, mentions: list[Mention]) -> Event:
    return Event(name, "", mentions[0].interval, mentions[0].sentence, tuple(mentions))


def story() -> tuple[list[Event], list[Article]]:
    """A quake on January 12, named the next days and a month later; a small event on
    January 20; a month named; a plan for February."""
    published = {
        "a1": QUAKE + timedelta(days=1),
        "a2": QUAKE + timedelta(days=1),
        "a3": QUAKE + timedelta(days=3),
        "a4": QUAKE + timedelta(days=40),
        "a5": date(2010, 1, 20),
    }
    articles = [
        article(n, d, source="Paper A" if n != "a2" else "Paper B") for n, d in published.items()
    ]
    quake = event(
        "quake",
        [
            mention("a1", published["a1"], day(QUAKE), start=10, expression="Tuesday"),
            mention("a2", published["a2"], day(QUAKE), expression="yesterday"),
            mention("a3", published["a3"], day(QUAKE)),
            mention("a4", published["a4"], day(QUAKE)),
        ],
    )
    small = event(
        "small",
        [
            mention(
                "a5", published["a5"], day(published["a5"]), dated_by="publication", expression=""
            )
        ],
    )
    january = Interval(date(2010, 1, 1), date(2010, 1, 31), "month")
    month = event("month", [mention("a3", published["a3"], january, expression="January")])
    plan = event(
        "plan", [mention("a3", published["a3"], day(date(2010, 3, 1)), expression="March 1")]
    )
    return [quake, small, month, plan], articles


def features_of(interval: Interval) -> dict[str, float]:
    events, articles = story()
    found = date_features(events, articles)
    row = found.matrix[found.dates.index(interval)]
    return dict(zip(FEATURES, row, strict=True))


def test_references_by_when_and_how_they_name_the_date() -> None:
    quake = features_of(day(QUAKE))
    log = np.log1p
    assert quake["refs"] == pytest.approx(log(4))
    assert quake["refs_other_days"] == pytest.approx(log(4))  # nobody wrote on the day
    assert quake["refs_before"] == 0
    assert quake["refs_week_after"] == pytest.approx(log(3))  # a1, a2, a3
    assert quake["refs_much_later"] == pytest.approx(log(1))  # a4, 40 days on
    assert quake["lasting"] == pytest.approx(0.5)  # of the two published well after, one
    assert quake["outlets"] == pytest.approx(log(2))
    assert quake["lead_refs"] == pytest.approx(log(1))  # a1 names it in its opening
    assert quake["refs_full_date"] == pytest.approx(log(2))
    assert quake["refs_weekday"] == pytest.approx(log(1))
    assert quake["refs_deictic"] == pytest.approx(log(1))
    assert quake["top_event_sources"] == pytest.approx(log(4))
    assert (quake["is_day"], quake["is_month"], quake["before_story"]) == (1, 0, 1)
    assert quake["pub_day"] == 0 and quake["pub_next_day"] == pytest.approx(log(2))


def test_publication_place_and_granularity() -> None:
    small = features_of(day(date(2010, 1, 20)))
    assert small["pub_day"] == pytest.approx(np.log1p(1))
    assert small["refs"] == 0 and small["refs_publication"] == pytest.approx(np.log1p(1))
    assert small["days_to_articles"] == 0 and small["before_story"] == 0
    plan = features_of(day(date(2010, 3, 1)))
    assert plan["after_story"] == 1 and plan["refs_before"] == pytest.approx(np.log1p(1))
    month = features_of(Interval(date(2010, 1, 1), date(2010, 1, 31), "month"))
    assert (month["is_month"], month["is_day"]) == (1, 0)


def test_features_without_articles_come_from_the_mentions() -> None:
    events, articles = story()
    with_articles = date_features(events, articles)
    without = date_features(events)
    assert without.dates == with_articles.dates
    assert np.allclose(without.matrix, with_articles.matrix)
    assert date_features([], articles).matrix.shape == (0, len(FEATURES))


@pytest.mark.parametrize(
    ("expression", "kind"),
    [
        ("January 12", "full"),
        ("12/01/2010", "full"),
        ("Jan. 12", "full"),
        ("Tuesday", "weekday"),
        ("last Friday", "weekday"),
        ("yesterday", "deictic"),
        ("this morning", "deictic"),
        ("the next day", "other"),
        ("", "other"),
    ],
)
def test_explicitness(expression: str, kind: str) -> None:
    assert explicitness(expression) == kind


def labelled(name: str, key: set[date], n: int | None = None) -> LabelledStory:
    events, articles = story()
    found = date_features(events, articles)
    return LabelledStory(name, found, frozenset(key), n or len(key))


def test_fit_ranker_learns_and_holds_signs() -> None:
    stories = [labelled("quake", {QUAKE}), labelled("quake again", {QUAKE})]
    ranker = fit_ranker(stories, alpha=0.01)
    signs = np.array(list(FEATURE_SIGNS.values()))
    assert np.all(ranker.weights[signs > 0] >= 0) and np.all(ranker.weights[signs < 0] <= 0)
    scores = ranker.scores(stories[0].found)
    best = stories[0].found.dates[int(np.argmax(scores))]
    assert best == day(QUAKE)
    # the quake is before the story's first article, yet "before_story" may not turn
    # into evidence for a date: its weight stays at or below zero
    assert ranker.weights[FEATURES.index("before_story")] <= 0
    again = fit_ranker(stories, alpha=0.01)
    assert np.array_equal(again.weights, ranker.weights)  # deterministic
    assert top_days_f1(ranker, stories[0]) == 1.0


def test_fit_ranker_needs_examples_of_both_kinds() -> None:
    with pytest.raises(ValueError, match="no story"):
        fit_ranker([labelled("none", set())], alpha=0.1)


def test_choose_alpha_leaves_each_story_out() -> None:
    stories = [labelled("one", {QUAKE}), labelled("two", {QUAKE}), labelled("three", {QUAKE})]
    chosen = choose_alpha(stories, alphas=(0.1, 1.0))
    assert chosen["alpha"] in (0.1, 1.0)
    assert set(chosen["inner_date_f1"]) == {"0.1", "1.0"}


def test_ranker_file_round_trip_and_unknown_features(tmp_path: Path) -> None:
    ranker = fit_ranker([labelled("quake", {QUAKE})], alpha=0.1, provenance={"by": "test"})
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps(ranker.to_dict()), encoding="utf-8")
    loaded = DateRanker.load(path)
    found = labelled("quake", {QUAKE}).found
    assert np.allclose(loaded.scores(found), ranker.scores(found), atol=1e-4)
    assert loaded.provenance == {"by": "test"}
    data = ranker.to_dict() | {"features": ["no_such_feature"]}
    with pytest.raises(ValueError, match="unknown features"):
        DateRanker.from_dict(data)


def test_the_shipped_ranker_says_where_it_comes_from() -> None:
    ranker = shipped_ranker()
    assert set(ranker.features) <= set(FEATURES)
    provenance = ranker.provenance
    assert provenance["trained_on"] and provenance["command"].startswith("make train")
    assert "alpha" in provenance


def test_a_ranker_file_in_the_environment_replaces_the_shipped_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events, articles = story()
    # a ranker that only values publication: the small day's event wins
    weights = {name: 0.0 for name in FEATURES} | {"pub_day": 1.0}
    fake = {
        "features": list(FEATURES),
        "mean": [0.0] * len(FEATURES),
        "scale": [1.0] * len(FEATURES),
        "weights": [weights[name] for name in FEATURES],
        "bias": 0.0,
    }
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps(fake), encoding="utf-8")
    monkeypatch.setenv(RANKER_ENVIRONMENT, str(path))
    assert date_ranker() is not shipped_ranker()
    scored = {e.id: e.score for e in score_events(events, articles=articles)}
    assert scored["small"] > scored["quake"]
    monkeypatch.delenv(RANKER_ENVIRONMENT)
    scored = {e.id: e.score for e in score_events(events, articles=articles)}
    assert scored["quake"] > scored["small"]
