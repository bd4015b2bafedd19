"""Statement dating on Timeline17 (issue 23): is a journalist's timeline sentence, found in
an article, dated to its gold day by the tool?

    python benchmarks/statements.py                  # every topic, long-running first
    python benchmarks/statements.py --topic bpoil_guardian --show 20   # the wrong ones
    python benchmarks/statements.py --json out.json

For every topic, the whole story is built in-process (every article, as a user would).
Each sentence of a gold timeline is matched to the article sentence that restates it:
content-word F1 over stems (the tool's own `similarity.tokens`) of at least
`MATCH_THRESHOLD`, the best match over the story's sentences, kept only when its article
was published on or after the gold date (an article cannot report what has not
happened). The sentence's statement is the tool's mention of that sentence (its own
statement, not a reference to another event); its event is the merged event holding that
mention. Counted: the event on the gold day, within one day of it (a day-granular date),
and wrong, each by how the mention was dated (`Mention.dated_by`), pooled over
sentences; beside it the baseline that dates every sentence at its article's publication.

Articles that are themselves a journalist's timeline with its date headings lost (an
article whose sentences match gold sentences of `TIMELINE_MIN_DAYS` or more different gold
dates, in gold order) are left out of the matching: dating them says nothing of how news
is written. The benchmark prints which were left out and why.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

try:
    from benchmarks import _common as common
    from benchmarks import t17
except ImportError:  # run as a script
    import _common as common  # type: ignore[no-redef]
    import t17  # type: ignore[no-redef]

NAME = "statements"
MATCH_THRESHOLD = 0.6
TIMELINE_MIN_DAYS = 4  # an article restating gold sentences of this many gold days
LONG_TOPICS = ("MJ_bbc", "bpoil_foxnews", "bpoil_guardian", "bpoil_reuters",
               "bpoil_washingtonpost")  # fmt: skip
GOAL = {"exact": 0.70, "within_1": 0.90}


@dataclass(slots=True)
class Match:
    """One gold sentence and what the tool made of the article sentence restating it."""

    topic: str
    gold_day: date
    gold_text: str
    article: str
    published: date
    sentence: str
    f1: float
    event_day: date | None  # None: not a single day
    event_value: str
    mention_value: str
    dated_by: str  # expression, narrative, publication, reference, or "none"
    expression: str

    @property
    def exact(self) -> bool:
        return self.event_day == self.gold_day

    @property
    def within_1(self) -> bool:
        return self.event_day is not None and abs((self.event_day - self.gold_day).days) <= 1

    @property
    def mention_exact(self) -> bool:
        """The mention itself (before merging) on the gold day."""
        return self.mention_value[:10] == self.gold_day.isoformat()

    @property
    def baseline_exact(self) -> bool:
        return self.published == self.gold_day

    @property
    def baseline_within_1(self) -> bool:
        return abs((self.published - self.gold_day).days) <= 1


def content_f1(a: Counter, b: Counter) -> float:
    common_words = sum((a & b).values())
    if not common_words:
        return 0.0
    p, r = common_words / sum(b.values()), common_words / sum(a.values())
    return 2 * p * r / (p + r)


def build_topic(topic: t17.Topic):
    """The whole story, built in-process (JSON only)."""
    from timeline.pipeline.build import build_story

    with tempfile.TemporaryDirectory(prefix="statements-") as tmp:
        story = Path(tmp, topic.name)
        story.mkdir()
        for article in topic.articles:
            shutil.copyfile(article.path, story / article.path.name)
        return build_story(story, Path(tmp, "out"), formats="json", use_cache=False)


def topic_matches(topic: t17.Topic) -> tuple[list[Match], list[str]]:
    """The matched gold sentences of a topic, and the timeline-like articles left out."""
    from timeline.events.similarity import tokens
    from timeline.ingest.segment import split_sentences

    result = build_topic(topic)
    gold = [(day, s) for g in topic.golds for day, sents in g.days.items() for s in sents]
    gold_words = [Counter(tokens(s)) for _, s in gold]
    index: dict[str, set[int]] = defaultdict(set)
    for k, words in enumerate(gold_words):
        for w in words:
            index[w].add(k)
    # every article sentence against the gold sentences sharing a word with it
    candidates: list[tuple[int, float, object, object]] = []  # (gold k, f1, article, sentence)
    for article in result.story.articles:
        for sentence in split_sentences(article.content, article.language):
            words = Counter(tokens(sentence.text))
            near = set().union(*(index.get(w, ()) for w in words)) if words else set()
            for k in near:
                score = content_f1(gold_words[k], words)
                if score >= MATCH_THRESHOLD:
                    candidates.append((k, score, article, sentence))
    # timeline-like articles: restating the gold sentences of many gold days
    days_of: dict[str, set[date]] = defaultdict(set)
    for k, _, article, _ in candidates:
        days_of[article.id].add(gold[k][0])
    left_out = {a for a, days in days_of.items() if len(days) >= TIMELINE_MIN_DAYS}
    notes = [f"{topic.name}: left out {a} (restates gold sentences of {len(days_of[a])} "
             f"gold dates)" for a in sorted(left_out)]  # fmt: skip
    best: dict[int, tuple[float, object, object]] = {}
    for k, score, article, sentence in candidates:
        if article.id in left_out or article.published < gold[k][0]:
            continue
        if k not in best or score > best[k][0]:
            best[k] = (score, article, sentence)
    mention_of, event_of = {}, {}
    for event in result.events:
        for mention in event.mentions:
            key = (mention.article, mention.start)
            if key not in mention_of or mention_of[key].dated_by == "reference":
                mention_of[key] = mention
                event_of[key] = event
    matches = []
    for k, (score, article, sentence) in sorted(best.items()):
        key = (article.id, sentence.start)
        mention, event = mention_of.get(key), event_of.get(key)
        if mention is None:  # the statement starts elsewhere: find one overlapping it
            for (aid, start), m in mention_of.items():
                if aid == article.id and m.start <= sentence.start < m.end:
                    key, mention, event = (aid, start), m, event_of[(aid, start)]
                    break
        day = None
        single = event is not None and event.interval.begin == event.interval.end
        if single and event.interval.granularity in ("day", "time"):
            day = event.interval.begin
        matches.append(Match(
            topic.name, gold[k][0], gold[k][1], article.id, article.published,
            sentence.text.strip(), score, day, event.date if event else "",
            mention.value if mention else "", mention.dated_by if mention else "none",
            mention.expression if mention else "",
        ))  # fmt: skip
    return matches, notes


def rates(matches: list[Match]) -> dict[str, float]:
    n = len(matches) or 1
    return {
        "sentences": len(matches),
        "exact": sum(m.exact for m in matches) / n,
        "within_1": sum(m.within_1 for m in matches) / n,
        "baseline_exact": sum(m.baseline_exact for m in matches) / n,
        "baseline_within_1": sum(m.baseline_within_1 for m in matches) / n,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="statements.py", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--topic", action="append", default=None)
    parser.add_argument("--show", type=int, default=0, help="print N wrong matches a topic")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    data = args.data or common.data_dir("t17")
    if not data.is_dir() or not t17.topic_names(data):
        common.skip(NAME, f"no Timeline17 data at {data}")
    names = args.topic or t17.topic_names(data)
    names = sorted(names, key=lambda n: (n not in LONG_TOPICS, n))
    per_topic: dict[str, list[Match]] = {}
    notes: list[str] = []
    for name in names:
        matches, left = topic_matches(t17.load_topic(data / name))
        per_topic[name] = matches
        notes += left
    long = [m for n in per_topic if n in LONG_TOPICS for m in per_topic[n]]
    dense = [m for n in per_topic if n not in LONG_TOPICS for m in per_topic[n]]
    everything = long + dense
    print(f"{NAME}: statement dating on {common.display_path(data)}, threshold "
          f"{MATCH_THRESHOLD}, pooled over sentences (baseline: publication day)")  # fmt: skip
    rows = []
    for label, group in (("long-running topics", long), ("dense topics", dense),
                         ("all topics", everything)):  # fmt: skip
        r = rates(group)
        rows.append([label, r["sentences"], f"{r['exact']:.3f}", f"{r['within_1']:.3f}",
                     f"{r['baseline_exact']:.3f}", f"{r['baseline_within_1']:.3f}"])  # fmt: skip
    for name, group in per_topic.items():
        r = rates(group)
        rows.append([name, r["sentences"], f"{r['exact']:.3f}", f"{r['within_1']:.3f}",
                     f"{r['baseline_exact']:.3f}", f"{r['baseline_within_1']:.3f}"])  # fmt: skip
    print(common.format_table(["", "sentences", "exact day", "within 1 day",
                               "baseline exact", "baseline within 1"], rows, "lrrrrr"))  # fmt: skip
    total = rates(everything)
    print("goal: " + ", ".join(
        f"{k} {total[k]:.3f} {'>=' if total[k] >= v else '<'} {v:.2f}" for k, v in GOAL.items()
    ))  # fmt: skip
    print("\nby how the statement was dated (all topics): share of sentences, exact, within 1")
    by = defaultdict(list)
    for m in everything:
        by[m.dated_by].append(m)
    rows = []
    for how, group in sorted(by.items(), key=lambda kv: -len(kv[1])):
        r = rates(group)
        rows.append([how, len(group), f"{len(group) / max(1, len(everything)):.2f}",
                     f"{r['exact']:.3f}", f"{r['within_1']:.3f}",
                     sum(not m.within_1 for m in group)])  # fmt: skip
    print(common.format_table(["dated by", "sentences", "share", "exact", "within 1",
                               "wrong by > 1 day"], rows, "lrrrrr"))  # fmt: skip
    moved_off = sum(m.mention_exact and not m.exact for m in everything)
    moved_on = sum(m.exact and not m.mention_exact for m in everything)
    print(
        f"merging: {moved_off} mentions on the gold day are in an event of another day; "
        f"{moved_on} mentions of another day are in an event of the gold day"
    )
    for note in notes:
        print("  " + note)
    if args.show:
        for name, group in per_topic.items():
            wrong = [m for m in group if not m.exact][: args.show]
            for m in wrong:
                print(f"\n[{name}] gold {m.gold_day} | event {m.event_value} (mention "
                      f"{m.mention_value}, {m.dated_by} '{m.expression}') | published "
                      f"{m.published} | f1 {m.f1:.2f}")  # fmt: skip
                print(f"  gold:    {common.clip(m.gold_text, 150)}")
                print(f"  article: {common.clip(m.sentence, 150)}")
    if args.json:
        args.json.write_text(json.dumps({
            "topics": {n: rates(g) for n, g in per_topic.items()},
            "long": rates(long), "dense": rates(dense), "all": total,
            "matches": [{**{f: str(getattr(m, f)) for f in Match.__slots__},
                         "exact": m.exact, "mention_exact": m.mention_exact}
                        for m in everything],
        }, indent=1))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
