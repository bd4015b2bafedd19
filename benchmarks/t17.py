"""Timeline17 key-dates benchmark: the tool's timeline against journalists' timelines.

    python benchmarks/t17.py                          # all topics, each held out
    python benchmarks/t17.py --shipped                # with the shipped ranker (in-sample)
    python benchmarks/t17.py --topic H1N1_bbc --show 10
    python benchmarks/t17.py --check                  # scorer sanity checks, no build
    python benchmarks/t17.py --json out.json

Data: ``<repo root>/../shared/data/t17/<topic>/story/*.md`` (front-matter ``date`` is the
publication date) and ``<topic>/gold/*.json`` (``[{"date", "text", "sentences"}]``), see
``t17/README.md`` there (``--data DIR`` to override).

Protocol, for each topic and gold timeline:

* N = number of gold dates, K = round(mean gold sentences per date), half up, at least 1;
* the articles whose front-matter ``date`` lies in [first gold date, last gold date] are
  copied to a temporary story folder (copies: the tool refuses links leaving the folder),
  and ``<python> -m timeline build <folder> --out <tmp> --format json --quiet`` is run
  (with ``--key-dates N`` / ``--per-date K`` when ``build --help`` lists them);
* only day events are dated days: ``granularity == "day"`` and ``start == end`` (a week,
  a month or a span such as ``2009-04-27/2009-04-28`` is not a day);
* system timeline: events grouped by day; an event weighs its ``score`` when the output
  has one, else its ``sources``; a day weighs the max of its events' weights when the tool
  gives scores (a day-level score repeated on its events stays right), else their sum (how
  many article reports the day has, a date count); ties go to more sources, then more
  events, then the earlier day (``--day-rank`` to force max or sum). The N heaviest days
  are kept, each with the text of its K heaviest events (ties: output order), heaviest
  first. Days outside the gold range are kept: dating is the tool's job.
* scores (``benchmarks/rouge.py``): Date-F1 on exact days, concat ROUGE-1/2 F and
  alignment-based ROUGE-1/2 F (AR-1, AR-2; tilse's align_date_content_costs_many_to_one),
  lowercased, no stemming, stopwords kept.

The date ranker (``timeline.events.keydates``) is learned on these very topics, so by default
each topic is scored by a ranker trained on the other topics only (leave one topic out:
every topic's articles are built in-process to give its training story, the penalty is
chosen by leave-one-out within the training topics, the weights go to the build through
``TIMELINE_DATE_RANKER``). That held-out figure is the honest estimate and the only one
reported as a result; ``--shipped`` scores with the shipped weights instead, which on the
development topics is in-sample. The table's "busiest month" column compares the share of
the chosen days that fall in the month holding most gold days with the gold's own share:
a ranker that spends its dates in the busiest month shows a higher share than the gold.

The timelines of a topic are averaged, then the topics. ``chance`` is N / days in the gold
range: the expected Date-F1 of N distinct days drawn at random in that range. Where it is
high (dense timelines, one entry a day) Date-F1 says little: read AR-1 there.

Everything printed is deterministic for a given tool, except the build seconds
(``--no-timing`` leaves them out).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from statistics import fmean
from typing import Any

try:
    from benchmarks import _common as common
    from benchmarks import rouge
except ImportError:  # run as a script: python benchmarks/t17.py
    import _common as common  # type: ignore[no-redef]
    import rouge  # type: ignore[no-redef]

NAME = "t17"
METRICS = ("date", "rouge_1", "rouge_2", "ar_1", "ar_2")
LABELS = {"date": "Date-F1", "rouge_1": "R-1", "rouge_2": "R-2", "ar_1": "AR-1", "ar_2": "AR-2"}
GOAL = {"date": 0.60, "ar_1": 0.16}
REFERENCES = (
    "date-counting peer (dateparser): Date-F1 ~0.40, AR-1 ~0.11 on such topics",
    "DATEWISE (published, merged T17): Date-F1 0.544, AR-1 0.120",
)
DENSE = 0.5  # chance Date-F1 from which a timeline is flagged dense
# The long-running stories (t17/README.md): most stories people follow are long, so their
# figures come first. The four oil-spill topics are one story told by four outlets.
LONG_TOPICS = ("MJ_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_reuters",
               "bpoil_washingtonpost")  # fmt: skip
LONG_GOAL = {"date": 0.50, "ar_1": 0.14}


def story_group(topic: str) -> str:
    """The news story a topic tells: "bpoil_guardian" and "bpoil_reuters" are one story
    (the oil spill) told by two outlets, as the three H1N1 topics are. A model scored on
    a topic never learns from another telling of its story."""
    return topic.split("_")[0]


_FRONT_DATE = re.compile(r"""^date:\s*["']?(\d{4}-\d{2}-\d{2})""", re.MULTILINE)

Timeline = dict[date, list[str]]


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Article:
    """A story file and its publication date."""

    path: Path
    published: date


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold timeline of a topic."""

    topic: str
    name: str
    days: Timeline

    @property
    def first(self) -> date:
        """First gold date."""
        return min(self.days)

    @property
    def last(self) -> date:
        """Last gold date."""
        return max(self.days)

    @property
    def n(self) -> int:
        """N: the number of gold dates."""
        return len(self.days)

    @property
    def k(self) -> int:
        """K: mean gold sentences per date, rounded half up, at least 1."""
        sentences = sum(len(s) for s in self.days.values())
        return max(1, (2 * sentences + self.n) // (2 * self.n))

    @property
    def chance(self) -> float:
        """Expected Date-F1 of N random distinct days in the gold range."""
        return self.n / ((self.last - self.first).days + 1)

    @property
    def label(self) -> str:
        """``topic/name``."""
        return f"{self.topic}/{self.name}"


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic folder: its articles and gold timelines."""

    name: str
    articles: tuple[Article, ...]
    golds: tuple[Gold, ...]
    undated: tuple[Path, ...] = ()


def publication_date(path: Path) -> date | None:
    """The front-matter ``date`` of an article, if readable."""
    head = path.read_text(encoding="utf-8", errors="replace")[:2000]
    if not head.startswith("---"):
        return None
    end = head.find("\n---", 3)
    match = _FRONT_DATE.search(head, 0, end if end > 0 else len(head))
    try:
        return date.fromisoformat(match.group(1)) if match else None
    except ValueError:
        return None


def load_gold(topic: str, path: Path) -> Gold:
    """A gold timeline file; entries of the same date are merged."""
    days: Timeline = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        sentences = [str(s) for s in entry.get("sentences") or [entry["text"]]]
        days.setdefault(date.fromisoformat(entry["date"]), []).extend(sentences)
    if not days:
        raise ValueError(f"{path}: empty gold timeline")
    return Gold(topic, path.stem, dict(sorted(days.items())))


def load_topic(folder: Path) -> Topic:
    """Articles (sorted by file name) and gold timelines of a topic folder."""
    articles, undated = [], []
    for path in sorted((folder / "story").glob("*.md")):
        published = publication_date(path)
        if published is None:
            undated.append(path)
        else:
            articles.append(Article(path, published))
    golds = tuple(load_gold(folder.name, p) for p in sorted((folder / "gold").glob("*.json")))
    return Topic(folder.name, tuple(articles), golds, tuple(undated))


def topic_names(data: Path) -> list[str]:
    """Sorted names of the topic folders (those with ``story/`` and ``gold/``)."""
    return sorted(
        p.name for p in data.iterdir() if (p / "story").is_dir() and (p / "gold").is_dir()
    )


def in_range(topic: Topic, gold: Gold) -> list[Article]:
    """The articles published between the first and the last gold date, inclusive."""
    return [a for a in topic.articles if gold.first <= a.published <= gold.last]


def labelled_story(topic: Topic, gold: Gold) -> Any:
    """The training example of one gold timeline: build its articles in-process (the
    build's own events and articles) and label the candidate dates with the gold days.
    Also gives the naive date-counting timeline of the same build (`naive_timeline`)."""
    from timeline.events.keydates import LabelledStory, date_features
    from timeline.events.period import story_period
    from timeline.pipeline.build import build_story

    with tempfile.TemporaryDirectory(prefix="t17-train-") as tmp:
        story = Path(tmp, gold.topic)
        story.mkdir()
        for article in in_range(topic, gold):
            shutil.copyfile(article.path, story / article.path.name)
        result = build_story(story, Path(tmp, "out"), formats="json", use_cache=False)
    found = date_features(result.events, result.story.articles)
    period = story_period(result.story.articles, result.events)
    days = (period.begin, period.end) if period else None
    labelled = LabelledStory(
        gold.label, found, frozenset(gold.days), gold.n, days, story_group(gold.topic)
    )
    NAIVE[gold.label] = naive_timeline(result, gold.n, gold.k)
    return labelled


NAIVE: dict[str, Timeline] = {}  # the naive baseline of each timeline built for training


def naive_timeline(result: Any, n: int, k: int) -> Timeline:
    """The naive date-counting baseline (DATEWISE-style): days ranked by the articles
    published on them plus the sentences naming them with an expression (the tool's own
    tagger reads the language), each with the sentences of its K most reported events."""
    from collections import Counter

    count: Counter[date] = Counter(a.published for a in result.story.articles)
    on_day: dict[date, list] = {}
    for event in result.events:
        for mention in event.mentions:
            interval = mention.interval
            if mention.dated_by in ("expression", "reference") and interval.days == 1:
                count[interval.begin] += 1
        if event.interval.days == 1 and event.interval.granularity == "day":
            on_day.setdefault(event.interval.begin, []).append(event)
    days = sorted(count, key=lambda d: (-count[d], d))[:n]
    return {
        d: [e.text for e in sorted(on_day.get(d, []), key=lambda e: -e.sources)[:k]]
        for d in sorted(days)
    }


# --------------------------------------------------------------------------- the tool


@dataclass(frozen=True, slots=True)
class Tool:
    """How to run ``timeline build``: command, environment, optional flags it knows."""

    command: tuple[str, ...]
    env: dict[str, str]
    key_dates: bool
    per_date: bool


class BuildError(RuntimeError):
    """``timeline build`` failed."""


def find_tool() -> Tool:
    """``<this python> -m timeline`` (``<repo>/src`` on PYTHONPATH if not installed)."""
    env = dict(os.environ)
    if importlib.util.find_spec("timeline") is None:
        src = str(common.REPO_ROOT / "src")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    command = (sys.executable, "-m", "timeline")
    proc = subprocess.run(
        [*command, "build", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        common.fail(NAME, f"`python -m timeline build --help` failed: {tail}")
    return Tool(command, env, "--key-dates" in proc.stdout, "--per-date" in proc.stdout)


@dataclass(slots=True)
class Build:
    """The outcome of one build."""

    events: list[dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0
    articles_read: int = 0
    problems: int = 0
    error: str = ""


def build_args(tool: Tool, story: Path, out: Path, gold: Gold) -> list[str]:
    """The ``timeline build`` command line for one gold timeline."""
    args = [*tool.command, "build", str(story), "--out", str(out), "--format", "json", "--quiet"]
    if tool.key_dates:
        args += ["--key-dates", str(gold.n)]
    if tool.per_date:
        args += ["--per-date", str(gold.k)]
    return args


def run_build(
    tool: Tool, articles: Sequence[Article], gold: Gold, env: dict[str, str] | None = None
) -> Build:
    """Copy the articles to a temporary story folder, build it, read the JSON output
    (`env`: more environment variables for the build)."""
    with tempfile.TemporaryDirectory(prefix="t17-") as tmp:
        story, out = Path(tmp, gold.topic), Path(tmp, "out")
        story.mkdir()
        for article in articles:
            shutil.copyfile(article.path, story / article.path.name)
        t0 = time.perf_counter()
        proc = subprocess.run(
            build_args(tool, story, out, gold),
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=tool.env | (env or {}),
            check=False,
        )
        seconds = time.perf_counter() - t0
        result = out / f"{gold.topic}.json"
        if proc.returncode != 0 or not result.is_file():
            tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
            return Build(seconds=seconds, error=f"exit {proc.returncode}: {tail}")
        output = json.loads(result.read_text(encoding="utf-8"))
    stats = output.get("story", {}).get("stats", {})
    return Build(
        events=list(output.get("events", [])),
        seconds=seconds,
        articles_read=int(stats.get("articles", 0)),
        problems=len(output.get("problems", [])),
    )


# --------------------------------------------------------------------------- system timeline


def event_day(event: dict[str, Any]) -> date | None:
    """The event's day when it is dated to one day (granularity day, start == end)."""
    if event.get("granularity") != "day" or event.get("start") != event.get("end"):
        return None
    try:
        return date.fromisoformat(str(event["start"]))
    except (KeyError, ValueError):
        return None


def event_weight(event: dict[str, Any], scored: bool) -> float:
    """The event's ``score`` when the output is scored, else its ``sources``."""
    value = event.get("score") if scored else event.get("sources")
    return float(value) if isinstance(value, int | float) else 0.0


def day_groups(events: Sequence[dict[str, Any]]) -> dict[date, list[dict[str, Any]]]:
    """Day events grouped by day, in output order."""
    groups: dict[date, list[dict[str, Any]]] = {}
    for event in events:
        day = event_day(event)
        if day is not None:
            groups.setdefault(day, []).append(event)
    return groups


def is_scored(events: Sequence[dict[str, Any]]) -> bool:
    """Whether the tool gives events a numeric ``score``."""
    return any(isinstance(e.get("score"), int | float) for e in events)


def system_timeline(
    events: Sequence[dict[str, Any]], n: int, k: int, day_rank: str = "auto"
) -> Timeline:
    """The N heaviest days, each with the texts of its K heaviest events (see module doc)."""
    scored = is_scored(events)
    combine = day_rank if day_rank != "auto" else ("max" if scored else "sum")
    groups = day_groups(events)

    def day_key(day: date) -> tuple[float, float, int, date]:
        weights = [event_weight(e, scored) for e in groups[day]]
        weight = max(weights) if combine == "max" else sum(weights)
        sources = sum(event_weight(e, False) for e in groups[day])
        return -weight, -sources, -len(weights), day

    timeline: Timeline = {}
    for day in sorted(groups, key=day_key)[:n]:
        ranked = sorted(  # stable: ties keep the output order
            groups[day], key=lambda e: (-event_weight(e, scored), -event_weight(e, False))
        )
        timeline[day] = [" ".join(str(e.get("text", "")).split()) for e in ranked[:k]]
    return dict(sorted(timeline.items()))


# --------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Result:
    """The figures of one gold timeline."""

    gold: Gold
    articles: int
    system: Timeline
    day_events: int
    scores: dict[str, rouge.PRF]
    build: Build

    def as_json(self, timing: bool) -> dict[str, Any]:
        """JSON figures."""
        out: dict[str, Any] = {
            "topic": self.gold.topic,
            "timeline": self.gold.name,
            "articles_given": self.articles,
            "articles_read": self.build.articles_read,
            "problems": self.build.problems,
            "events": len(self.build.events),
            "day_events": self.day_events,
            "n": self.gold.n,
            "k": self.gold.k,
            "system_days": len(self.system),
            "chance_date_f1": round(self.gold.chance, 4),
            "scores": {m: self.scores[m].as_json() for m in METRICS},
            "error": self.build.error or None,
        }
        if timing:
            out["build_seconds"] = round(self.build.seconds, 3)
        return out


def evaluate(
    topic: Topic, gold: Gold, tool: Tool, day_rank: str, env: dict[str, str] | None = None
) -> Result:
    """Build the articles of the gold range and score the cut system timeline."""
    articles = in_range(topic, gold)
    build = run_build(tool, articles, gold, env)
    system = system_timeline(build.events, gold.n, gold.k, day_rank)
    day_events = sum(event_day(e) is not None for e in build.events)
    return Result(
        gold, len(articles), system, day_events, rouge.score_timeline(system, gold.days), build
    )


def held_out_results(
    topics: Sequence[Topic], tool: Tool, day_rank: str, scored: Sequence[Topic] | None = None
) -> tuple[list[Result], dict[str, dict]]:
    """Leave one story out: for each topic to score (default: all), train the date ranker
    on the topics of the other stories (`story_group`: never another outlet's telling of
    the same news), its penalty and spread chosen by leave-one-story-out within them;
    then build the topic with those weights (`TIMELINE_DATE_RANKER`) and score it.
    Returns the results and, per topic, what was chosen. Every topic's training story is
    built in-process first."""
    from timeline.events.keydates import RANKER_ENVIRONMENT, choose_alpha, fit_ranker

    examples = {t.name: [labelled_story(t, g) for g in t.golds] for t in topics}
    results, chosen = [], {}
    with tempfile.TemporaryDirectory(prefix="t17-loso-") as tmp:
        for topic in scored if scored is not None else topics:
            group = story_group(topic.name)
            train = [
                s for name, stories in examples.items() if story_group(name) != group
                for s in stories
            ]  # fmt: skip
            choice = choose_alpha(train)
            ranker = fit_ranker(train, choice["alpha"], {"held_out": topic.name},
                                spread=choice["spread"])  # fmt: skip
            path = Path(tmp, f"{topic.name}.json")
            path.write_text(json.dumps(ranker.to_dict()), encoding="utf-8")
            chosen[topic.name] = choice
            env = {RANKER_ENVIRONMENT: str(path)}
            results += [evaluate(topic, g, tool, day_rank, env) for g in topic.golds]
    return results, chosen


def spread(result: Result) -> tuple[float, float]:
    """How the chosen days spread against the gold's: the share of each in the month
    that holds most gold days (a model that spends its dates in the busiest month has a
    higher share than the gold)."""
    months = [(d.year, d.month) for d in result.gold.days]
    busiest = max(set(months), key=months.count)
    chosen = [(d.year, d.month) for d in result.system]
    gold_share = months.count(busiest) / len(months)
    return (chosen.count(busiest) / len(chosen) if chosen else 0.0), gold_share


def topic_means(results: Sequence[Result]) -> dict[str, dict[str, float]]:
    """Per topic, the F1 of each metric averaged over its timelines."""
    by_topic: dict[str, list[Result]] = {}
    for r in results:
        by_topic.setdefault(r.gold.topic, []).append(r)
    return {
        topic: {m: fmean(r.scores[m].f1 for r in rs) for m in METRICS}
        for topic, rs in sorted(by_topic.items())
    }


def overall_mean(per_topic: dict[str, dict[str, float]]) -> dict[str, float]:
    """The mean over topics of the per-topic means."""
    return {m: fmean(t[m] for t in per_topic.values()) for m in METRICS} if per_topic else {}


# --------------------------------------------------------------------------- printing


def _f(value: float) -> str:
    """A score with 3 decimals."""
    return f"{value:.3f}"


def format_results(results: Sequence[Result], timing: bool) -> str:
    """One row per gold timeline (``*``: dense)."""
    headers = ["topic/timeline", "articles", "N", "K", "days", *LABELS.values(), "chance"]
    headers += ["busiest month: sys/gold"]
    if timing:
        headers.append("build s")
    rows = []
    for r in results:
        flag = " *" if r.gold.chance >= DENSE else ""
        row: list[object] = [r.gold.label + flag, r.articles, r.gold.n, r.gold.k]
        row += [len(r.system), *(_f(r.scores[m].f1) for m in METRICS), _f(r.gold.chance)]
        row.append("{:.2f}/{:.2f}".format(*spread(r)))
        if timing:
            row.append(f"{r.build.seconds:.1f}")
        rows.append(row)
    return common.format_table(headers, rows, "lrrrr" + "r" * (len(headers) - 5))


def format_means(per_topic: dict[str, dict[str, float]], mean: dict[str, float]) -> str:
    """Per-topic means (timelines averaged) and their mean."""
    headers = ["topic", *LABELS.values()]
    rows: list[list[object]] = [[t, *(_f(v[m]) for m in METRICS)] for t, v in per_topic.items()]
    rows.append([f"mean ({len(per_topic)} topics)", *(_f(mean[m]) for m in METRICS)])
    return common.format_table(headers, rows, "l" + "r" * len(METRICS))


def format_goal(mean: dict[str, float]) -> str:
    """The goal line: mean Date-F1 and AR-1 against the targets."""
    parts = [
        f"{LABELS[m]} {mean[m]:.3f} {'>=' if mean[m] >= target else '<'} {target:.2f}"
        for m, target in GOAL.items()
    ]
    return "goal: " + ", ".join(parts)


def _side(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` columns (at least one line)."""
    return textwrap.wrap(text, width) or [""]


def format_show(result: Result, limit: int, width: int = 60) -> str:
    """The first ``limit`` dates of gold and system side by side, with the alignment."""
    gold, system = result.gold.days, result.system
    alignment = rouge.align(system, gold)
    lines = [
        f"{result.gold.label}: gold vs system, first {limit} dates "
        "(= both, G gold only, S system only; S -> its aligned gold date and weight)",
        f"{'':13}{'gold':{width}}  system",
    ]
    for day in sorted(set(gold) | set(system))[:limit]:
        mark = "=" if day in gold and day in system else ("G" if day in gold else "S")
        left = [w for s in gold.get(day, []) for w in _side("- " + s, width)]
        right = [w for s in system.get(day, []) for w in _side("- " + s, width)]
        if mark == "S":
            to = alignment.system_to_gold[day]
            left = [f"(S -> {to}, weight {rouge.day_weight(day, to):.2f})"]
        for i in range(max(len(left), len(right))):
            head = f"{day} {mark}  " if i == 0 else " " * 13
            lg = left[i] if i < len(left) else ""
            rg = right[i] if i < len(right) else ""
            lines.append(f"{head}{lg:{width}}  {rg}".rstrip())
    return "\n".join(lines)


# --------------------------------------------------------------------------- sanity checks


def rotated(days: Timeline) -> Timeline:
    """The gold days, each with the text of the next gold day (the last with the first)."""
    keys = list(days)
    return {d: days[keys[(i + 1) % len(keys)]] for i, d in enumerate(keys)}


def shifted(days: Timeline, by: int = 1) -> Timeline:
    """The gold timeline with every date moved by ``by`` days."""
    return {date.fromordinal(d.toordinal() + by): s for d, s in days.items()}


FAKES = {
    "gold": lambda days: dict(days),
    "empty": lambda days: {},
    "rotated text": rotated,
    "dates +1 day": shifted,
}


def run_checks(golds: Sequence[Gold]) -> int:
    """Score fake systems built from the gold itself; return 1 if a check fails."""
    headers = ["timeline", "fake system", *LABELS.values()]
    rows, failed = [], []
    for gold in golds:
        for name, fake in FAKES.items():
            scores = rouge.score_timeline(fake(gold.days), gold.days)
            rows.append([gold.label, name, *(_f(scores[m].f1) for m in METRICS)])
            f1 = {m: scores[m].f1 for m in METRICS}
            ok = {
                "gold": all(abs(v - 1) < 1e-9 for v in f1.values()),
                "empty": all(v == 0 for v in f1.values()),
                "rotated text": f1["date"] == 1 and f1["ar_1"] < 1 and gold.n > 1,
                "dates +1 day": f1["ar_1"] < 1 and f1["rouge_1"] == 1,
            }[name]
            if not ok:
                failed.append(f"{gold.label}: {name}")
    print(common.format_table(headers, rows, "ll" + "r" * len(METRICS)))
    print()
    print("expected: gold 1 everywhere; empty 0 everywhere; rotated text Date-F1 1, AR-1 < 1;")
    print("dates +1 day: concat R-1 1, AR-1 < 1")
    if failed:
        print(f"FAILED: {', '.join(failed)}")
        return 1
    print("all checks passed")
    return 0


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="t17.py", description="Timeline17 key-dates benchmark (Date-F1, ROUGE, AR)."
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="Timeline17 folder of <topic>/story and <topic>/gold "
        "(default: <repo>/../shared/data/t17)",
    )
    parser.add_argument(
        "--topic",
        action="append",
        default=[],
        metavar="NAME",
        help="only this topic (repeatable; default: all)",
    )
    parser.add_argument(
        "--show",
        type=int,
        default=0,
        metavar="N",
        help="print gold vs system side by side for the first N dates of the first "
        "selected timeline (pick it with --topic)",
    )
    parser.add_argument(
        "--day-rank",
        choices=["auto", "max", "sum"],
        default="auto",
        help="a day's weight from its events' weights (score, else sources): auto is max "
        "when the tool gives scores, sum otherwise",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="only run the scorer sanity checks on the gold timelines (no build)",
    )
    parser.add_argument(
        "--shipped",
        action="store_true",
        help="score with the shipped date ranker instead of leaving each topic out (on the "
        "development topics this is in-sample: each was in its own training set)",
    )
    parser.add_argument(
        "--no-timing",
        action="store_true",
        help="leave out the build seconds (fully deterministic output)",
    )
    parser.add_argument(
        "--json", type=Path, default=None, metavar="PATH", help="write the figures as JSON to PATH"
    )
    return parser.parse_args(argv)


def select_topics(data: Path, names: Sequence[str]) -> list[Topic]:
    """The selected topic folders, loaded, in name order."""
    available = topic_names(data)
    unknown = sorted(set(names) - set(available))
    if unknown:
        common.fail(NAME, f"unknown topic {', '.join(unknown)}; known: {', '.join(available)}")
    return [load_topic(data / t) for t in available if not names or t in names]


def write_json(path: Path, figures: dict[str, Any]) -> None:
    """Write the figures."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nwrote {path}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the exit status."""
    args = parse_args(argv)
    data = args.data if args.data is not None else common.data_dir("t17")
    if not data.is_dir() or not topic_names(data):
        common.skip(NAME, f"no Timeline17 data at {data} (see ../shared/data/README.md)")
    topics = select_topics(data, args.topic)
    golds = [g for t in topics for g in t.golds]
    print(
        f"{NAME}: {len(topics)} topics, {len(golds)} gold timelines, "
        f"{sum(len(t.articles) for t in topics):,} articles, from {common.display_path(data)}"
    )
    for t in topics:
        if t.undated:
            print(f"WARNING: {t.name}: {len(t.undated)} articles without a front-matter date")
    if args.check:
        return run_checks(golds)

    tool = find_tool()
    flags = tool_flags(tool)
    print(f"tool: python -m timeline build --format json {' '.join(flags)}".rstrip())
    if not tool.key_dates:
        print("(build has no --key-dates yet: its output is cut to N days here)")
    t0 = time.perf_counter()
    if args.shipped:
        print("model: the shipped date ranker, trained on the development topics: IN-SAMPLE")
        print("on them (each topic was in its own training set): not a result")
        results = [evaluate(t, g, tool, args.day_rank) for t in topics for g in t.golds]
        chosen: dict[str, dict] = {}
    else:
        print("model: leave one story out: each topic scored by a date ranker trained on the")
        print("topics of the other stories (the honest estimate; `--shipped` for the shipped")
        print("one); the oil-spill topics are one story, as are the H1N1 ones")
        everything = select_topics(data, [])
        results, chosen = held_out_results(everything, tool, args.day_rank, topics)
    total = time.perf_counter() - t0
    timing = not args.no_timing
    figures = report(results, args.day_rank, timing)
    if chosen:
        print("penalty and spread chosen in each fold (inner leave-one-story-out on the "
              "training topics): " + ", ".join(
                  f"{t} {c['alpha']:g}/{c['spread']:g}" for t, c in chosen.items()))  # fmt: skip
        figures["held_out"] = {t: c for t, c in chosen.items()}
    status = report_problems(results)
    if timing:
        print(f"total {total:.1f} s (builds {sum(r.build.seconds for r in results):.1f} s)")
        figures["seconds"] = round(total, 2)
    if args.show > 0 and results:
        print()
        print(format_show(results[0], args.show))
    if args.json is not None:
        figures.update(data=common.display_path(data), tool_flags=flags)
        write_json(args.json, dict(sorted(figures.items())))
    return status


def tool_flags(tool: Tool) -> list[str]:
    """The optional build flags the benchmark passes."""
    known = (("--key-dates N", tool.key_dates), ("--per-date K", tool.per_date))
    return [flag for flag, on in known if on]


def report(results: Sequence[Result], day_rank: str, timing: bool) -> dict[str, Any]:
    """Print the long-running stories' figures first, then the tables, means and notes;
    return the figures for ``--json``."""
    long = overall_mean(topic_means([r for r in results if r.gold.topic in LONG_TOPICS]))
    short = overall_mean(topic_means([r for r in results if r.gold.topic not in LONG_TOPICS]))
    naive = {
        r.gold.label: rouge.score_timeline(NAIVE[r.gold.label], r.gold.days)
        for r in results
        if r.gold.label in NAIVE
    }
    naive_long = _naive_mean(naive, results, True)
    naive_short = _naive_mean(naive, results, False)
    print()
    for label, ours, baseline in (("long-running stories", long, naive_long),
                                  ("dense bursts", short, naive_short)):  # fmt: skip
        if ours:
            line = f"{label}: Date-F1 {ours['date']:.3f}, AR-1 {ours['ar_1']:.3f}"
            if baseline:
                line += (f" (naive date counting: {baseline['date']:.3f}, "
                         f"{baseline['ar_1']:.3f})")  # fmt: skip
            print(line)
    if long:
        print("goal, long-running: " + ", ".join(
            f"{LABELS[m]} {long[m]:.3f} {'>=' if long[m] >= v else '<'} {v:.2f}"
            for m, v in LONG_GOAL.items()
        ))  # fmt: skip
    print()
    print(format_results(results, timing))
    per_topic = topic_means(results)
    mean = overall_mean(per_topic)
    sparse = overall_mean(topic_means([r for r in results if r.gold.chance < DENSE]))
    dense = overall_mean(topic_means([r for r in results if r.gold.chance >= DENSE]))
    print()
    print(format_means(per_topic, mean))
    if naive:
        rows = [[label, *(_f(scores[m].f1) for m in METRICS)] for label, scores in naive.items()]
        print()
        print("naive date counting (days by articles published plus sentences naming them):")
        print(common.format_table(["timeline", *LABELS.values()], rows, "l" + "r" * len(METRICS)))
    print()
    print(format_goal(mean))
    for label, figures in ((f"non-dense timelines only (chance < {DENSE})", sparse),
                           (f"dense timelines only (chance >= {DENSE})", dense)):  # fmt: skip
        if figures:
            print(f"{label}: " + ", ".join(f"{LABELS[m]} {figures[m]:.3f}" for m in METRICS))
    print("reference: " + "; ".join(REFERENCES))
    print(f"* dense gold timeline (chance >= {DENSE}): Date-F1 is high by chance there, read AR-1")
    ranked_by = "score" if any(is_scored(r.build.events) for r in results) else "sources"
    print(
        "days: day-granular events only (granularity day, start == end), "
        f"ranked by {ranked_by} ({day_rank}); all scores are F1"
    )
    return {
        "benchmark": NAME,
        "day_rank": day_rank,
        "ranked_by": ranked_by,
        "timelines": [r.as_json(timing) for r in results],
        "topics": {t: _rounded(ms) for t, ms in per_topic.items()},
        "mean": _rounded(mean),
        "mean_long": _rounded(long),
        "mean_dense_bursts": _rounded(short),
        "naive_long": _rounded(naive_long),
        "naive_dense_bursts": _rounded(naive_short),
        "mean_non_dense": _rounded(sparse),
        "mean_dense": _rounded(dense),
        "goal": GOAL,
        "goal_long": LONG_GOAL,
    }


def _naive_mean(naive: dict, results: Sequence[Result], long: bool) -> dict[str, float]:
    by_topic: dict[str, list[dict]] = {}
    for r in results:
        if r.gold.label in naive and (r.gold.topic in LONG_TOPICS) == long:
            by_topic.setdefault(r.gold.topic, []).append(naive[r.gold.label])
    if not by_topic:
        return {}
    means = [{m: fmean(s[m].f1 for s in scores) for m in METRICS} for scores in by_topic.values()]
    return {m: fmean(t[m] for t in means) for m in METRICS}


def _rounded(figures: dict[str, float]) -> dict[str, float]:
    """Values rounded to 4 decimals."""
    return {k: round(v, 4) for k, v in figures.items()}


def report_problems(results: Sequence[Result]) -> int:
    """Warn about failed builds and unread articles; return 1 if a build failed."""
    status = 0
    for r in results:
        if r.build.error:
            print(f"ERROR: {r.gold.label}: build failed ({common.clip(r.build.error, 200)})")
            status = 1
        elif r.build.articles_read != r.articles or r.build.problems:
            print(
                f"WARNING: {r.gold.label}: {r.build.articles_read} of {r.articles} articles "
                f"read, {r.build.problems} problems"
            )
    return status


if __name__ == "__main__":
    sys.exit(main())
