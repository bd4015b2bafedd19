"""ML-Crisis whole-story benchmark: the tool's timelines of Spanish, French and Italian
stories against the reference timelines, beside a language-aware date-counting baseline.

    python benchmarks/mlcrisis.py                  # every story: the tool and the baseline
    python benchmarks/mlcrisis.py --story es_yemen --show 10
    python benchmarks/mlcrisis.py --no-baseline --json out.json
    python benchmarks/mlcrisis.py --mixed          # the same event across languages

Data: ``<repo root>/../shared/data/mlcrisis/<lang>_<topic>/story/*.md`` and ``gold/*.json``
(see its README). The protocol, the cut to N days and K sentences and the scores are
Timeline17's, imported from ``benchmarks/t17.py`` (and ``benchmarks/rouge.py``), not
copied: articles published in [first gold date, last gold date], ``timeline build
--key-dates N --per-date K``, Date-F1, concat ROUGE-1/2 and AR-1/AR-2 (F).

The tool's date ranker is the shipped one, trained on the English Timeline17 topics only:
no ML-Crisis story was seen in training, so every figure here is held out (leave these
topics out entirely). The stories are built with no language set: each article states
its own (``language:`` in the front matter).

The baseline reads the language too: a day's weight is the number of articles published
that day plus the number of sentences that name it as a full date (found by dateparser's
``search_dates`` in the article's language, relative to its publication date, years
guessed from it); its K sentences are the first sentences naming the day, else the first
sentences of the articles published that day. It is the "language-aware naive date-counting
baseline" of issue 24 (reported there as Date-F1 0.23, AR-1 0.074 on the unseen stories).
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from statistics import fmean
from typing import Any

try:
    from benchmarks import _common as common
    from benchmarks import rouge, t17
except ImportError:  # run as a script: python benchmarks/mlcrisis.py
    import _common as common  # type: ignore[no-redef]
    import rouge  # type: ignore[no-redef]
    import t17  # type: ignore[no-redef]

NAME = "mlcrisis"
GOAL = {"date": 0.35, "ar_1": 0.10}
ISSUE_BASELINE = "issue 24: naive baseline Date-F1 0.23, AR-1 0.074; before it 0.18 / 0.061"
_FRONT_LANGUAGE = re.compile(r"^language:\s*['\"]?([A-Za-z-]+)", re.MULTILINE)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def language_of(path: Path) -> str:
    head = path.read_text(encoding="utf-8", errors="replace")[:2000]
    found = _FRONT_LANGUAGE.search(head)
    return found.group(1).lower() if found else path.parent.parent.name.split("_")[0]


def body_of(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        text = text[end + 4 :] if end > 0 else text
    return text


def baseline_timeline(topic: t17.Topic, gold: t17.Gold) -> t17.Timeline:
    """The date-counting baseline's N days with K sentences each (see the module doc)."""
    from dateparser.search import search_dates

    weight: Counter[date] = Counter()
    naming: dict[date, list[str]] = {}
    leads: dict[date, list[str]] = {}
    for article in t17.in_range(topic, gold):
        weight[article.published] += 1
        language = language_of(article.path)
        sentences = [s.strip() for s in _SENTENCE.findall(body_of(article.path)) if s.strip()]
        leads.setdefault(article.published, []).extend(sentences[:3])
        base = datetime.combine(article.published, datetime.min.time())
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                    "REQUIRE_PARTS": ["day", "month"]}  # fmt: skip
        for sentence in sentences:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = search_dates(sentence, languages=[language], settings=settings) or []
            for text, moment in found:
                if not re.search(r"\d", text):
                    continue  # a full date is written with its day number
                day = moment.date()
                weight[day] += 1
                naming.setdefault(day, []).append(sentence)
    ranked = sorted(weight, key=lambda d: (-weight[d], d))[: gold.n]
    timeline = {}
    for day in ranked:
        chosen = list(dict.fromkeys(naming.get(day, []) + leads.get(day, [])))[: gold.k]
        timeline[day] = chosen or [""]
    return dict(sorted(timeline.items()))


def mixed_story(topics: Sequence[t17.Topic], show: int = 20) -> dict[str, Any]:
    """Build one story of the articles published on days that have articles in two
    languages or more, and list the events whose mentions are in two languages."""
    import shutil
    import tempfile

    from timeline.pipeline.build import build_story

    by_day: dict[date, list[t17.Article]] = {}
    for topic in topics:
        for article in topic.articles:
            by_day.setdefault(article.published, []).append(article)
    days = sorted(d for d, found in by_day.items() if len({language_of(a.path) for a in found}) > 1)
    with tempfile.TemporaryDirectory(prefix="mlcrisis-mixed-") as tmp:
        story = Path(tmp, "mixed")
        story.mkdir()
        for day in days:
            for article in by_day[day]:
                target = story / f"{article.path.parent.parent.name}-{article.path.name}"
                shutil.copyfile(article.path, target)
        result = build_story(story, Path(tmp, "out"), formats="json", use_cache=False)
    languages = {a.id: a.language for a in result.story.articles}
    cross = [e for e in result.events if len({languages[m.article] for m in e.mentions}) > 1]
    counts = Counter(languages.values())
    print(f"\nmixed story: {len(days)} days with articles in two languages or more, "
          f"{dict(sorted(counts.items()))} articles, {len(result.events)} events, "
          f"{len(cross)} with mentions in two languages:")  # fmt: skip
    for event in cross[:show]:
        print(f"  {event.date} ({event.sources} sources)")
        for mention in event.mentions[:3]:
            print(f"    {languages[mention.article]}: {common.clip(mention.sentence, 110)}")
    return {"days": len(days), "articles": dict(counts), "events": len(result.events),
            "cross_language_events": len(cross)}  # fmt: skip


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--story", action="append", default=[], help="a story folder name")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--mixed", action="store_true", help="also the mixed-language story")
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="show this many dates side by side")
    parser.add_argument("--json", type=Path, default=None)
    return parser.parse_args(argv)


def _row(label: str, scores: dict[str, float]) -> list[object]:
    return [label, *(f"{scores[m]:.3f}" for m in t17.METRICS)]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    data = common.data_dir("mlcrisis")
    if not data.is_dir() or not t17.topic_names(data):
        common.skip(NAME, f"no ML-Crisis data at {common.display_path(data)} (see issue 24)")
    topics = t17.select_topics(data, args.story)
    print(
        f"{NAME}: {len(topics)} stories, {sum(len(t.articles) for t in topics)} articles, "
        f"from {common.display_path(data)}; date ranker: the shipped one (trained on English "
        "Timeline17 only: every figure here is held out)"
    )
    tool = t17.find_tool()
    results = [t17.evaluate(t, g, tool, "auto") for t in topics for g in t.golds]
    print()
    print(t17.format_results(results, not args.no_timing))
    per_topic = t17.topic_means(results)
    mean = t17.overall_mean(per_topic)
    rows = [_row(f"{name} (tool)", scores) for name, scores in per_topic.items()]
    rows.append(_row(f"mean, tool ({len(per_topic)} stories)", mean))
    figures: dict[str, Any] = {"benchmark": NAME, "tool": {"topics": per_topic, "mean": mean}}
    if not args.no_baseline:
        base_scores: dict[str, dict[str, float]] = {}
        for topic in topics:
            runs = [rouge.score_timeline(baseline_timeline(topic, g), g.days) for g in topic.golds]
            base_scores[topic.name] = {m: fmean(r[m].f1 for r in runs) for m in t17.METRICS}
        base_mean = t17.overall_mean(base_scores)
        rows += [_row(f"{name} (baseline)", s) for name, s in base_scores.items()]
        rows.append(_row(f"mean, baseline ({len(base_scores)} stories)", base_mean))
        figures["baseline"] = {"topics": base_scores, "mean": base_mean}
    print()
    print(common.format_table(["story", *t17.LABELS.values()], rows, "l" + "r" * 5))
    print()
    print(
        "goal (unseen Crisis stories): "
        + ", ".join(
            f"{t17.LABELS[m]} {mean[m]:.3f} {'>=' if mean[m] >= v else '<'} {v:.2f}"
            for m, v in GOAL.items()
        )
    )
    print(ISSUE_BASELINE)
    status = t17.report_problems(results)
    if args.mixed:
        figures["mixed"] = mixed_story(t17.select_topics(data, []))
    if args.show > 0 and results:
        print()
        print(t17.format_show(results[0], args.show))
    if args.json is not None:
        t17.write_json(args.json, figures)
    return status


if __name__ == "__main__":
    sys.exit(main())
