"""Benchmark of events and the cross-article merger on MEANTIME (Airbus/Boeing, 30 articles).

    python benchmarks/meantime.py                   # build the story with `timeline build`
    python benchmarks/meantime.py --system gold     # sanity check: 1.000 on both measures
    python benchmarks/meantime.py --errors 30 --json out.json

Data: ``<repo root>/../shared/data/meantime/airbus`` (``--data DIR`` to override): the story
folder ``story/*.md`` and ``gold.json`` (see ../shared/data/README.md). When it is absent the
benchmark prints one ``meantime: skipped, ...`` line and exits 0. The data is only read.

Protocol
--------

**Build.** The story is built as a user builds it, in a subprocess:
``<sys.executable> -m timeline build <data>/story --out <tmpdir> --format json``; the
benchmark reads ``<tmpdir>/story.json`` (named after the story folder). Article ids are the
file names, and mention ``start``/``end`` index the article body, which is gold
``docs[file].text``. Checked at load time: the gold body equals the story file after its
front matter, every gold mention's text is at its offsets inside its sentence; and after
the build: every system mention's ``sentence`` is ``body[start:end]``, every article is known
and published on the gold ``dct``. A mismatch prints a WARNING (its figures are suspect).

**Sentence units.** The unit of both measures is a gold sentence, ``(file, sentence_index)``.
A system mention maps to every gold sentence whose span overlaps ``[start, end)``, and belongs
to the system event listing it. *Annotated* units are the sentences holding at least one gold
event mention (242 here): MEANTIME annotates only events involving the corpus's main
entities, so what the system does with the other sentences cannot be judged.

**Cross-article merge** (pairwise precision, recall, F1). Gold pairs: unordered pairs of
annotated units of *different* articles that hold mentions of one common gold instance (the
instances with mentions in two or more articles are the gold "same event" relation; any one
shared instance makes the pair). System pairs: unordered pairs of annotated units of
different articles that both have a mention in one system event. Both sides are restricted
to annotated units, so merging unannotated sentences is neither rewarded nor punished, but
merging an annotated sentence with a sentence about another annotated event is a false
positive. Pairs are sets: a pair made by two system events counts once. There are 38 gold
pairs here (14 instances), 21 of them from instances with a date (their recall is printed
apart: the tool only makes events of dated sentences). Putting every sentence in one event
scores recall 1 and precision 0.001 (the ``one-event`` baseline); keeping every sentence
apart scores 0 (``pubdate``).

**Event dating** (accuracy). Dated units: annotated units holding a mention of an instance
whose ``time`` is a date: ``YYYY-MM-DD``, ``YYYY-MM`` / ``YYYY-MM-XX`` (a month),
``YYYY`` / ``YYYY-XX-XX`` (a year). ``XXXX-XX-XX`` (unknown) and empty times are not dated,
and ``begin``/``end`` are not used. A gold time is a period: that day, month or year.
The system dates of a unit are the dates (``start``..``end``, inclusive) of the system
*events* having a mention on the sentence: where the timeline places the event, not the
mention's own date (printed apart as a diagnostic). A system date is right for a gold time
when it lies inside the gold period; this is comparing at the gold's granularity (a day
inside a gold month is right, a month or a season around a gold day is too coarse, so
wrong). A unit is right when every gold time of the sentence holds one of its system dates
and every system date lies inside one of its gold times. For a system placing each sentence
at one date (timeline: one mention per sentence) this reads: the date is inside every gold
time of the sentence. 18 of the 147 dated units here have several gold times, and for 16
of them no single date lies in all of them, so the ceiling of a one-date-per-sentence system
is 131/147 = 0.891 (printed). A second ceiling (printed, 124/147 = 0.844 here) counts the
units whose gold times some date the article's own text gives satisfies: its publication
day, or a date one of its expressions names as timeline's tagger reads them; the other
gold dates come from knowledge outside the article (Wikinews publishes a day after the
news and the body does not always name the day).

Several system dates on one sentence are right only if each one is, so emitting candidate
dates cannot game the measure. A unit no system event covers
is wrong (not dated); coverage is printed apart, with the accuracy over the covered units.

Why this strict reading: the publication-date baseline (every gold sentence its own event,
at its article's ``dct``) scores 87/147 = 0.592 with it, which is the issue's 0.59. The
lenient readings do not reproduce that figure: one item per (sentence, gold time) gives
0.620, a sentence right when *any* of its gold times holds the date 0.687, one item per
(sentence, instance) 0.691. The issue's naive peer (dateparser dates, word-overlap merging)
scores 0.16 merge F1 and 0.44 dating accuracy (quoted, not recomputed). Goals: merge F1
>= 0.60, dating accuracy >= 0.80.

Fake systems check the scorer: ``gold`` (events = gold instances at their gold times, one
mention per gold sentence mentioning them) must score 1.000 on both; ``pubdate`` and
``one-event`` are the baselines (always printed); ``empty`` scores 0. Everything printed
before the timing section is deterministic.
"""

from __future__ import annotations

import argparse
import calendar
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

try:
    from benchmarks import _common as common
except ImportError:  # run as a script: python benchmarks/meantime.py
    import _common as common  # type: ignore[no-redef]

NAME = "meantime"
STORY = "story"  # the story folder inside the data folder, hence the output's name
MERGE_GOAL, DATING_GOAL = 0.60, 0.80
PEER = {"merge_f1": 0.16, "dating_accuracy": 0.44}  # naive peer, quoted from the issue
TEXT_WIDTH = 110  # characters of sentence text in error listings
UNITS_SHOWN = 12  # sentences shown per false-positive event
GOLD_TIME = re.compile(r"(\d{4})(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?")

Unit = tuple[str, int]  # (file, sentence index): a gold sentence
Pair = tuple[Unit, Unit]  # an unordered pair of units, stored sorted


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """Inclusive calendar interval with a label (``2008-02``, ``2008-02-29``, ...)."""

    start: date
    end: date
    label: str

    def within(self, other: Period) -> bool:
        """Whether this period lies inside ``other``."""
        return other.start <= self.start and self.end <= other.end


@dataclass(frozen=True, slots=True)
class Doc:
    """One gold article: body text, publication date and sentence spans."""

    file: str
    doc_id: str
    dct: date
    text: str
    sentences: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Instance:
    """One gold real-world event and the sentence units mentioning it."""

    id: str
    time: str
    period: Period | None
    name: str
    descr: str
    units: tuple[Unit, ...]

    @property
    def files(self) -> set[str]:
        """Articles mentioning the event."""
        return {f for f, _ in self.units}


@dataclass
class Gold:
    """The gold corpus, with warnings found while checking it."""

    docs: dict[str, Doc]
    instances: dict[str, Instance]
    warnings: list[str] = field(default_factory=list)

    def annotated(self) -> set[Unit]:
        """Units holding at least one gold event mention."""
        return {u for inst in self.instances.values() for u in inst.units}

    def by_unit(self) -> dict[Unit, list[Instance]]:
        """The instances mentioned in each unit."""
        out: dict[Unit, list[Instance]] = defaultdict(list)
        for inst in self.instances.values():
            for u in inst.units:
                out[u].append(inst)
        return out

    def sentence(self, unit: Unit) -> str:
        """Text of a unit."""
        doc = self.docs[unit[0]]
        start, end = doc.sentences[unit[1]]
        return doc.text[start:end]

    def label(self, unit: Unit) -> str:
        """Short name of a unit: ``<doc id>#<sentence index>``."""
        return f"{self.docs[unit[0]].doc_id}#{unit[1]}"


def month_end(year: int, month: int) -> date:
    """Last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def gold_period(value: str) -> Period | None:
    """The period of a gold ``time`` (None when empty, unknown or unparsable)."""
    m = GOLD_TIME.fullmatch(value)
    if m is None:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month in (None, "XX"):
        return Period(date(year, 1, 1), date(year, 12, 31), f"{year:04d}")
    mon = int(month)
    if day in (None, "XX"):
        return Period(date(year, mon, 1), month_end(year, mon), f"{year:04d}-{mon:02d}")
    d = date(year, mon, int(day))
    return Period(d, d, d.isoformat())


def story_body(path: Path) -> str:
    """The text of a story file after its YAML front matter."""
    raw = path.read_text(encoding="utf-8")
    if raw.startswith("---\n"):
        end = raw.find("\n---\n", 3)
        if end >= 0:
            return raw[end + 5 :]
    return raw


def sentence_of(doc: Doc, start: int, end: int) -> list[int]:
    """Indexes of the sentences of ``doc`` overlapping ``[start, end)``."""
    end = max(end, start + 1)  # an empty span still points at the sentence holding it
    return [i for i, (a, b) in enumerate(doc.sentences) if a < end and start < b]


def load_doc(file: str, raw: dict[str, Any], story: Path, warnings: list[str]) -> Doc:
    """One gold document, checked against its story file."""
    doc = Doc(
        file=file,
        doc_id=str(raw.get("doc_id") or file.split("_", 1)[0]),
        dct=date.fromisoformat(raw["dct"]),
        text=raw["text"],
        sentences=tuple((int(a), int(b)) for a, b in raw["sentences"]),
    )
    path = story / file
    if not path.is_file():
        warnings.append(f"{file}: in gold.json but not in the story folder")
    elif story_body(path) != doc.text:
        warnings.append(f"{file}: gold text differs from the story file's body")
    return doc


def load_instance(
    key: str, raw: dict[str, Any], docs: dict[str, Doc], warnings: list[str]
) -> Instance:
    """One gold instance; its mentions are checked against the document text."""
    units: list[Unit] = []
    for m in raw["mentions"]:
        doc = docs.get(m["file"])
        if doc is None:
            warnings.append(f"{key}: mention in unknown file {m['file']}")
            continue
        start, end, index = int(m["start"]), int(m["end"]), int(m["sentence_index"])
        if doc.text[start:end] != m["text"] or sentence_of(doc, start, end) != [index]:
            warnings.append(f"{key}: mention {m['text']!r} not at {m['file']} {start}-{end}")
        units.append((doc.file, index))
    inst = Instance(
        id=key,
        time=str(raw.get("time") or ""),
        period=gold_period(str(raw.get("time") or "")),
        name=str(raw.get("name") or ""),
        descr=str(raw.get("descr") or "").strip(),
        units=tuple(sorted(set(units))),
    )
    if int(raw.get("n_docs", 0)) != len(inst.files):
        warnings.append(f"{key}: n_docs {raw.get('n_docs')} but mentions in {len(inst.files)}")
    return inst


def load_gold(data: Path) -> Gold:
    """Read and check ``gold.json``."""
    raw = json.loads((data / "gold.json").read_text(encoding="utf-8"))
    warnings: list[str] = []
    docs = {f: load_doc(f, d, data / STORY, warnings) for f, d in sorted(raw["docs"].items())}
    instances = {
        k: load_instance(k, v, docs, warnings) for k, v in sorted(raw["instances"].items())
    }
    return Gold(docs, instances, warnings)


# --------------------------------------------------------------------------- systems


@dataclass(frozen=True, slots=True)
class Mention:
    """A system event mention: where it is and what date it has on its own."""

    article: str
    start: int
    end: int
    expression: str = ""
    period: Period | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A system timeline event: its date and its mentions."""

    id: str
    period: Period | None
    mentions: tuple[Mention, ...]


@dataclass
class Run:
    """System output, with how it was made."""

    events: list[Event]
    command: str = ""
    seconds: float | None = None
    tool_seconds: float | None = None
    warnings: list[str] = field(default_factory=list)


def _period(start: Any, end: Any, label: Any) -> Period | None:
    """A period from ISO ``start``/``end`` strings (None when absent)."""
    if not start or not end:
        return None
    return Period(date.fromisoformat(str(start)), date.fromisoformat(str(end)), str(label))


def timeline_command() -> tuple[list[str], dict[str, str]]:
    """``python -m timeline`` with this interpreter (``<repo>/src`` on the path if needed)."""
    env = dict(os.environ)
    if importlib.util.find_spec("timeline") is None:
        src = str(common.REPO_ROOT / "src")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return [sys.executable, "-m", "timeline"], env


def build_story(data: Path, out: Path) -> tuple[dict[str, Any], str, float]:
    """Run ``timeline build`` on the story into ``out``; return (JSON, command, seconds)."""
    cmd, env = timeline_command()
    args = [*cmd, "build", str(data / STORY), "--out", str(out), "--format", "json"]
    shown = " ".join(["python", *args[1:3], "build", f"<data>/{STORY}", "--format", "json"])
    t0 = time.perf_counter()
    proc = subprocess.run(
        args, capture_output=True, text=True, encoding="utf-8", env=env, check=False
    )
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        common.fail(NAME, f"`{shown}` exited {proc.returncode}: {tail}")
    path = out / f"{STORY}.json"
    if not path.is_file():
        common.fail(NAME, f"`{shown}` wrote no {path.name}")
    return json.loads(path.read_text(encoding="utf-8")), shown, seconds


def check_output(gold: Gold, story: dict[str, Any]) -> list[str]:
    """Warnings about articles, publication dates and mention offsets of a build."""
    warnings = [f"build problem: {p.get('path')}: {p.get('message')}" for p in story["problems"]]
    for art in story["articles"]:
        doc = gold.docs.get(art["id"])
        if doc is None:
            warnings.append(f"article {art['id']} is not in the gold")
        elif art.get("published") != doc.dct.isoformat():
            warnings.append(f"{art['id']}: published {art.get('published')}, gold dct {doc.dct}")
    missing = set(gold.docs) - {a["id"] for a in story["articles"]}
    warnings += [f"{f}: not in the build's articles" for f in sorted(missing)]
    bad = 0
    for ev in story["events"]:
        for m in ev["mentions"]:
            doc = gold.docs.get(m["article"])
            bad += doc is not None and doc.text[m["start"] : m["end"]] != m["sentence"]
    if bad:
        warnings.append(f"{bad} mentions whose `sentence` is not the gold body at start:end")
    return warnings


def parse_events(story: dict[str, Any]) -> list[Event]:
    """The events of a ``story.json``."""
    events = []
    for ev in story["events"]:
        mentions = tuple(
            Mention(
                article=str(m["article"]),
                start=int(m["start"]),
                end=int(m["end"]),
                expression=str(m.get("expression") or ""),
                period=_period(m.get("date_start"), m.get("date_end"), m.get("value")),
            )
            for m in ev["mentions"]
        )
        events.append(Event(str(ev["id"]), _period(ev["start"], ev["end"], ev["date"]), mentions))
    return events


def timeline_system(gold: Gold, data: Path, out: Path | None) -> Run:
    """Build the story with the real tool (into ``out``, or a temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="meantime-") as tmp:
        story, command, seconds = build_story(data, out or Path(tmp))
    stats = story.get("story", {}).get("stats", {})
    tool = float(stats["seconds"]) if "seconds" in stats else None
    return Run(parse_events(story), command, seconds, tool, check_output(gold, story))


def gold_system(gold: Gold) -> Run:
    """Events = gold instances at their gold times: must score 1.000 on both measures."""
    events = []
    for inst in gold.instances.values():
        mentions = tuple(
            Mention(f, *gold.docs[f].sentences[i], inst.time, inst.period) for f, i in inst.units
        )
        events.append(Event(inst.id, inst.period, mentions))
    return Run(events)


def _sentences(gold: Gold) -> Iterable[tuple[Doc, int, int, int]]:
    """Every gold sentence: (doc, index, start, end)."""
    for doc in gold.docs.values():
        for i, (start, end) in enumerate(doc.sentences):
            yield doc, i, start, end


def pubdate_system(gold: Gold) -> Run:
    """Every sentence its own event, dated at its article's publication day (baseline)."""
    events = []
    for doc, i, start, end in _sentences(gold):
        day = Period(doc.dct, doc.dct, doc.dct.isoformat())
        events.append(Event(f"{doc.doc_id}#{i}", day, (Mention(doc.file, start, end, "dct", day),)))
    return Run(events)


def one_event_system(gold: Gold) -> Run:
    """Every sentence in one undated event (merge baseline: recall 1)."""
    mentions = tuple(Mention(doc.file, a, b) for doc, _, a, b in _sentences(gold))
    return Run([Event("all", None, mentions)])


def empty_system(gold: Gold) -> Run:
    """No event at all: 0 on both measures."""
    return Run([])


FAKE_SYSTEMS = {
    "gold": gold_system,
    "pubdate": pubdate_system,
    "one-event": one_event_system,
    "empty": empty_system,
}


Mapped = list[tuple[Event, Mention, list[Unit]]]  # system mentions with the units they cover


def mention_units(gold: Gold, run: Run) -> Mapped:
    """Each system mention with the gold units it overlaps (unknown articles are warned)."""
    out = []
    unknown: set[str] = set()
    for ev in run.events:
        for m in ev.mentions:
            doc = gold.docs.get(m.article)
            if doc is None:
                unknown.add(m.article)
                continue
            out.append((ev, m, [(doc.file, i) for i in sentence_of(doc, m.start, m.end)]))
    run.warnings += [f"mention in unknown article {a}" for a in sorted(unknown)]
    return out


# --------------------------------------------------------------------------- merge


def cross_pairs(units: Iterable[Unit]) -> set[Pair]:
    """Unordered pairs of units of different articles."""
    return {(a, b) for a, b in combinations(sorted(set(units)), 2) if a[0] != b[0]}


@dataclass
class MergeScore:
    """Pairwise cross-article merge scores, with the pairs for the error listing."""

    gold: set[Pair]
    system: set[Pair]
    events_of_pair: dict[Pair, list[str]]
    all_system_pairs: int  # before restricting to annotated units
    dated_gold: set[Pair]  # gold pairs sharing an instance that has a date

    @property
    def correct(self) -> int:
        return len(self.gold & self.system)

    @property
    def precision(self) -> float:
        return self.correct / len(self.system) if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.correct / len(self.gold) if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict[str, Any]:
        """Counts and rounded scores."""
        return {
            "gold_pairs": len(self.gold),
            "system_pairs": len(self.system),
            "correct_pairs": self.correct,
            "system_pairs_unrestricted": self.all_system_pairs,
            "gold_pairs_dated": len(self.dated_gold),
            "correct_pairs_dated": len(self.dated_gold & self.system),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def gold_pairs(gold: Gold, dated_only: bool = False) -> set[Pair]:
    """Pairs of units of different articles mentioning a common (dated) instance."""
    pairs: set[Pair] = set()
    for inst in gold.instances.values():
        if len(inst.files) >= 2 and (inst.period is not None or not dated_only):
            pairs |= cross_pairs(inst.units)
    return pairs


def event_units(mapped: Mapped) -> dict[str, set[Unit]]:
    """The units each system event covers, by event id (in event order)."""
    out: dict[str, set[Unit]] = {}
    for ev, _, units in mapped:
        out.setdefault(ev.id, set()).update(units)
    return out


def score_merge(gold: Gold, mapped: Mapped) -> MergeScore:
    """Pairwise scores over annotated units."""
    annotated = gold.annotated()
    by_pair: dict[Pair, list[str]] = defaultdict(list)
    unrestricted: set[Pair] = set()
    for ev_id, units in event_units(mapped).items():
        unrestricted |= cross_pairs(units)
        for pair in cross_pairs(units & annotated):
            by_pair[pair].append(ev_id)
    return MergeScore(
        gold_pairs(gold), set(by_pair), dict(by_pair), len(unrestricted), gold_pairs(gold, True)
    )


# --------------------------------------------------------------------------- dating


@dataclass(frozen=True, slots=True)
class DatedUnit:
    """A dated gold unit with the system's dates for it."""

    unit: Unit
    gold: tuple[Instance, ...]  # dated instances mentioned in the sentence
    system: tuple[Period, ...]  # dates of the system events covering it
    mention_dates: tuple[Period, ...]  # the covering mentions' own dates
    expressions: tuple[str, ...]

    @property
    def covered(self) -> bool:
        return bool(self.system)

    @property
    def right(self) -> bool:
        """Every gold time holds a system date and every system date is in a gold time."""
        return agree(self.system, [i.period for i in self.gold if i.period])

    @property
    def one_date_possible(self) -> bool:
        """Whether a single date can satisfy every gold time of the sentence."""
        periods = [i.period for i in self.gold if i.period]
        return max(p.start for p in periods) <= min(p.end for p in periods)

    @property
    def mention_right(self) -> bool:
        """The same test on the mentions' own dates (diagnostic)."""
        return agree(self.mention_dates, [i.period for i in self.gold if i.period])


def agree(system: Sequence[Period], gold: Sequence[Period]) -> bool:
    """Whether ``system`` dates match ``gold`` periods at the gold's granularity."""
    return (
        bool(system)
        and all(any(s.within(g) for s in system) for g in gold)
        and all(any(s.within(g) for g in gold) for s in system)
    )


def dated_units(gold: Gold, mapped: Mapped) -> list[DatedUnit]:
    """Every dated unit with the system's dates for it, sorted by unit."""
    covering: dict[Unit, list[tuple[Event, Mention]]] = defaultdict(list)
    for ev, m, units in mapped:
        for u in units:
            covering[u].append((ev, m))
    out = []
    for unit, insts in sorted(gold.by_unit().items()):
        dated = tuple(i for i in insts if i.period is not None)
        if not dated:
            continue
        hits = covering.get(unit, [])
        out.append(
            DatedUnit(
                unit=unit,
                gold=dated,
                system=tuple(sorted({ev.period for ev, _ in hits if ev.period})),
                mention_dates=tuple(sorted({m.period for _, m in hits if m.period})),
                expressions=tuple(sorted({m.expression for _, m in hits if m.expression})),
            )
        )
    return out


def text_dates(gold: Gold) -> dict[str, list[Period]] | None:
    """Per article, every date its text gives: its publication day, and each period an
    expression of its body names (found and anchored by timeline's tagger), with each day
    of the periods up to a month long. None when timeline cannot be imported."""
    try:
        from timeline.resolve import tag
    except ImportError:
        return None
    out: dict[str, list[Period]] = {}
    for file, doc in gold.docs.items():
        found = {Period(doc.dct, doc.dct, "publication")}
        for timex in tag(doc.text, doc.dct):
            span = timex.period
            if span is None:
                continue
            found.add(Period(span.begin, span.end, timex.text))
            if (span.end - span.begin).days <= 31:
                day = span.begin
                while day <= span.end:
                    found.add(Period(day, day, timex.text))
                    day += timedelta(days=1)
        out[file] = sorted(found)
    return out


def text_ceiling(units: Sequence[DatedUnit], dates: dict[str, list[Period]]) -> int:
    """Dated units whose gold times one date the article's text gives satisfies: no
    system choosing among the dates its article gives can date the others."""
    return sum(
        any(agree([d], [i.period for i in u.gold if i.period]) for d in dates[u.unit[0]])
        for u in units
    )


def dating_json(units: Sequence[DatedUnit]) -> dict[str, Any]:
    """Dating counts and rounded scores."""
    covered = [u for u in units if u.covered]
    right = sum(u.right for u in units)
    return {
        "units": len(units),
        "correct": right,
        "accuracy": round(right / len(units), 4) if units else 0.0,
        "covered": len(covered),
        "coverage": round(len(covered) / len(units), 4) if units else 0.0,
        "accuracy_when_covered": round(right / len(covered), 4) if covered else 0.0,
        "mention_dates_correct": sum(u.mention_right for u in units),
        "one_date_possible": sum(u.one_date_possible for u in units),
    }


# --------------------------------------------------------------------------- report


def frac(num: int, den: int) -> str:
    """``num/den`` as a fraction with 3 decimals, ``-`` when undefined."""
    return f"{num / den:.3f}" if den else "-"


def format_summary(merge: MergeScore, dating: dict[str, Any]) -> str:
    """The two headline figures with their counts and goals."""
    rows = [
        [
            "cross-article merge, pairwise F1",
            f"{merge.f1:.3f}",
            f"P {merge.correct}/{len(merge.system)} = {frac(merge.correct, len(merge.system))}, "
            f"R {merge.correct}/{len(merge.gold)} = {frac(merge.correct, len(merge.gold))}",
            f">= {MERGE_GOAL:.2f}",
        ],
        [
            "event dating accuracy",
            frac(dating["correct"], dating["units"]),
            f"{dating['correct']}/{dating['units']} dated units",
            f">= {DATING_GOAL:.2f}",
        ],
    ]
    return common.format_table(["measure", "value", "counts", "goal"], rows, "lrll")


def format_details(merge: MergeScore, dating: dict[str, Any], n_annotated: int) -> str:
    """Secondary counts: pairs on each side, coverage, mention-level dating."""
    lines = [
        f"merge: {len(merge.gold)} gold pairs, {len(merge.system)} system pairs, "
        f"{merge.correct} in both (pairs of the {n_annotated} annotated units; "
        f"{merge.all_system_pairs} system cross-article pairs before that restriction); "
        f"recall on the {len(merge.dated_gold)} gold pairs of events with a date "
        f"{len(merge.dated_gold & merge.system)}/{len(merge.dated_gold)} = "
        f"{frac(len(merge.dated_gold & merge.system), len(merge.dated_gold))}",
        f"dating: {dating['covered']}/{dating['units']} dated units covered by a system event "
        f"(coverage {frac(dating['covered'], dating['units'])}); accuracy when covered "
        f"{frac(dating['correct'], dating['covered'])}; with the mentions' own dates "
        f"instead of their events' {dating['mention_dates_correct']}/{dating['units']} "
        f"= {frac(dating['mention_dates_correct'], dating['units'])}; ceiling for one date "
        f"per sentence {dating['one_date_possible']}/{dating['units']} = "
        f"{frac(dating['one_date_possible'], dating['units'])} (other sentences report "
        "events at disjoint gold times)",
    ]
    if "text_ceiling" in dating:
        lines.append(
            f"dating ceiling with the dates the article's text gives (its publication day "
            f"or a date one of its expressions names, as tagged by timeline): "
            f"{dating['text_ceiling']}/{dating['units']} = "
            f"{frac(dating['text_ceiling'], dating['units'])}"
        )
    return "\n".join(lines)


def format_baselines(baselines: dict[str, dict[str, Any]]) -> str:
    """Baselines computed here, and the issue's naive peer."""
    rows = []
    for name, b in baselines.items():
        rows.append([name, b["merge"]["f1"], b["merge"]["precision"], b["merge"]["recall"],
                     b["dating"]["accuracy"]])  # fmt: skip
    rows.append(["naive peer (issue, quoted)", PEER["merge_f1"], "", "", PEER["dating_accuracy"]])
    body = [[r[0], *(f"{v:.3f}" if isinstance(v, float) else v for v in r[1:])] for r in rows]
    return common.format_table(["baseline", "merge F1", "P", "R", "dating"], body, "lrrrr")


def short_name(inst: Instance) -> str:
    """An instance's name without the annotators' ``VUA`` tag."""
    return inst.name.removesuffix(" VUA").strip() or inst.id


def _instances(insts: Iterable[Instance], width: int = 70) -> str:
    """Short names of instances: ``name (time)``."""
    names = [short_name(i) + (f" ({i.time})" if i.time else "") for i in insts]
    return common.clip("; ".join(sorted(names)), width)


def format_false_positives(gold: Gold, merge: MergeScore, events: dict[str, Event], n: int) -> str:
    """System events joining sentences of different gold events, most wrong pairs first."""
    wrong: dict[str, list[Pair]] = defaultdict(list)
    right: dict[str, int] = defaultdict(int)
    for pair, ev_ids in merge.events_of_pair.items():
        for ev_id in ev_ids:
            if pair in merge.gold:
                right[ev_id] += 1
            else:
                wrong[ev_id].append(pair)
    order = sorted(wrong, key=lambda e: (-len(wrong[e]), e))
    if not order:
        return "false-positive events: none"
    lines = [f"false-positive events: {len(order)} events make {len(merge.system - merge.gold)} "
             f"wrong pairs (showing {min(n, len(order))})"]  # fmt: skip
    by_unit = gold.by_unit()
    for ev_id in order[:n]:
        ev = events[ev_id]
        units = sorted({u for pair in wrong[ev_id] for u in pair})
        label = ev.period.label if ev.period else "undated"
        lines.append(f"  {ev_id} [{label}] wrong pairs {len(wrong[ev_id])}, right {right[ev_id]}")
        for u in units[:UNITS_SHOWN]:
            lines.append(f"    {gold.label(u):<10} gold: {_instances(by_unit[u])}")
            lines.append(f"    {'':<10} {common.clip(gold.sentence(u), TEXT_WIDTH)}")
        if len(units) > UNITS_SHOWN:
            lines.append(f"    ... and {len(units) - UNITS_SHOWN} more sentences")
    return "\n".join(lines)


def format_missed(gold: Gold, merge: MergeScore, landed: dict[Unit, list[str]], n: int) -> str:
    """Cross-article gold instances with pairs the system did not make."""
    rows = []
    for inst in gold.instances.values():
        if len(inst.files) < 2:
            continue
        pairs = cross_pairs(inst.units)
        found = len(pairs & merge.system)
        if found < len(pairs):
            rows.append((found - len(pairs), inst.id, inst, found, len(pairs)))
    rows.sort(key=lambda r: (r[0], r[1]))
    if not rows:
        return "missed cross-article events: none"
    lines = [f"missed cross-article events: {len(rows)} gold instances not fully merged "
             f"(showing {min(n, len(rows))})"]  # fmt: skip
    for _, _, inst, found, total in rows[:n]:
        time_ = inst.time or "no time"
        descr = f" {common.clip(inst.descr, 60)!r}" if inst.descr else ""
        lines.append(
            f"  {inst.id} {short_name(inst)!r} ({time_}){descr}: {found}/{total} pairs found"
        )
        for u in inst.units:
            where = ", ".join(landed.get(u, [])) or "no event"
            lines.append(f"    {gold.label(u):<10} in {where}")
            lines.append(f"    {'':<10} {common.clip(gold.sentence(u), TEXT_WIDTH)}")
    return "\n".join(lines)


def format_dating_errors(gold: Gold, units: Sequence[DatedUnit], n: int) -> str:
    """Wrong and undated units: gold time(s) vs system date(s), expression, sentence."""
    wrong = sorted((u for u in units if not u.right), key=lambda u: (not u.covered, u.unit))
    if not wrong:
        return "dating errors: none"
    missed = sum(not u.covered for u in wrong)
    head = (
        f"dating errors: {len(wrong)} units ({len(wrong) - missed} at a wrong date listed "
        f"first, {missed} not dated; showing {min(n, len(wrong))})"
    )
    rows = []
    for u in wrong[:n]:
        rows.append(
            [
                gold.label(u.unit),
                " ".join(sorted({i.period.label for i in u.gold if i.period})),
                " ".join(p.label for p in u.system) or "-",
                common.clip(" | ".join(u.expressions), 28) or "-",
                common.clip(gold.sentence(u.unit), 80),
            ]
        )
    table = common.format_table(["unit", "gold", "system", "expression", "sentence"], rows)
    return head + "\n" + "\n".join("  " + line for line in table.splitlines())


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="meantime.py",
        description="Benchmark of event dating and cross-article merging on MEANTIME.",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="MEANTIME corpus folder with story/ and gold.json "
        "(default: <repo>/../shared/data/meantime/airbus)",
    )
    parser.add_argument(
        "--system",
        choices=["timeline", *FAKE_SYSTEMS],
        default="timeline",
        help="what to score: the real build, or a fake that checks the scorer "
        "(gold must give 1.000; pubdate and one-event are the baselines; empty 0)",
    )
    parser.add_argument(
        "--errors",
        type=int,
        default=10,
        metavar="N",
        help="at most N items per error listing (0: none; default 10)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="keep the build's story.json in DIR (default: a temporary folder)",
    )
    parser.add_argument(
        "--no-timing", action="store_true", help="omit the build time (fully deterministic output)"
    )
    parser.add_argument(
        "--json", type=Path, default=None, metavar="PATH", help="write the figures as JSON to PATH"
    )
    return parser.parse_args(argv)


def get_run(args: argparse.Namespace, gold: Gold, data: Path) -> Run:
    """Output of the chosen system."""
    if args.system == "timeline":
        return timeline_system(gold, data, args.out)
    return FAKE_SYSTEMS[args.system](gold)


def score(gold: Gold, run: Run) -> tuple[MergeScore, list[DatedUnit], Mapped]:
    """Both measures for one system run (and its mapped mentions)."""
    mapped = mention_units(gold, run)
    return score_merge(gold, mapped), dated_units(gold, mapped), mapped


def print_header(gold: Gold, data: Path) -> None:
    """What is being measured."""
    cross = sum(len(i.files) >= 2 for i in gold.instances.values())
    dated = sum(i.period is not None for i in gold.instances.values())
    print(
        f"{NAME}: {len(gold.docs)} articles, {len(gold.instances)} gold events "
        f"({cross} in 2+ articles, {dated} dated), {len(gold.annotated())} annotated "
        f"sentences, from {common.display_path(data)}"
    )
    for warning in gold.warnings:
        print(f"WARNING (gold): {warning}")


def print_system(args: argparse.Namespace, run: Run, mapped: Mapped) -> None:
    """What the system produced."""
    sources = [len({m.article for m in ev.mentions}) for ev in run.events]
    how = f" (`{run.command}`)" if run.command else ""
    print(
        f"system: {args.system}{how}: {len(run.events)} events "
        f"({sum(s >= 2 for s in sources)} with 2+ articles), {len(mapped)} mentions"
    )
    for warning in run.warnings:
        print(f"WARNING: {warning}")


def print_errors(
    gold: Gold, run: Run, mapped: Mapped, merge: MergeScore, units: list[DatedUnit], n: int
) -> None:
    """The three error listings."""
    events = {ev.id: ev for ev in run.events}
    landed: dict[Unit, list[str]] = defaultdict(list)
    for ev_id, covered in event_units(mapped).items():
        for u in covered:
            landed[u].append(ev_id)
    print()
    print(format_false_positives(gold, merge, events, n))
    print()
    print(format_missed(gold, merge, landed, n))
    print()
    print(format_dating_errors(gold, units, n))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the exit status."""
    args = parse_args(argv)
    data = args.data if args.data is not None else common.data_dir("meantime", "airbus")
    if not (data / "gold.json").is_file() or not (data / STORY).is_dir():
        common.skip(NAME, f"no MEANTIME data at {data} (see ../shared/data/README.md)")
    gold = load_gold(data)
    print_header(gold, data)
    run = get_run(args, gold, data)
    merge, units, mapped = score(gold, run)
    print_system(args, run, mapped)
    dating = dating_json(units)
    dates = text_dates(gold)
    if dates is not None:
        dating["text_ceiling"] = text_ceiling(units, dates)
    print()
    print(format_summary(merge, dating))
    print()
    print(format_details(merge, dating, len(gold.annotated())))

    baselines = {}
    for name in ("pubdate", "one-event"):
        b_merge, b_units, _ = score(gold, FAKE_SYSTEMS[name](gold))
        baselines[name] = {"merge": b_merge.as_json(), "dating": dating_json(b_units)}
    print()
    print(format_baselines(baselines))
    if args.errors > 0:
        print_errors(gold, run, mapped, merge, units, args.errors)

    figures: dict[str, Any] = {
        "benchmark": NAME,
        "system": args.system,
        "data": common.display_path(data),
        "articles": len(gold.docs),
        "annotated_units": len(gold.annotated()),
        "events": len(run.events),
        "mentions": len(mapped),
        "merge": merge.as_json(),
        "dating": dating,
        "goals": {"merge_f1": MERGE_GOAL, "dating_accuracy": DATING_GOAL},
        "baselines": baselines,
        "naive_peer_quoted": PEER,
        "warnings": len(gold.warnings) + len(run.warnings),
    }
    if not args.no_timing and run.seconds is not None:
        figures["build_seconds"] = round(run.seconds, 3)
        figures["tool_seconds"] = run.tool_seconds
        print()
        print("timing (varies between runs)")
        reported = f", {run.tool_seconds} s reported by the tool" if run.tool_seconds else ""
        print(f"  build: {run.seconds:.2f} s wall for the subprocess{reported}")
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
