"""Duplicates on big stories: how many events retell one journalist's sentence.

    python benchmarks/duplicates.py            # the Timeline17 development topics
    python benchmarks/duplicates.py --topic haiti_bbc

A story of hundreds of articles tells its main events many times over. The merger should
make one event of each, with all its sources, and keep distinct events apart. For each
Timeline17 development topic, the articles within the gold timeline's range are built
in-process (all events, no key dates), and for every gold date and every sentence the
journalist wrote for it, the events of that day that retell the sentence are counted: an
event retells it when the ROUGE-1 F of their content words (lower case, stop words out)
is at least `RETELLS` (0.4). Printed per topic and over all topics:

* gold sentences retold by at least one event (the coverage: merging must not lose them);
* events per retold sentence: 1.0 is one event per journalist's sentence, more is
  duplicates (fewer is better, as long as the coverage holds);
* events that retell two different gold sentences of their day (distinct events merged);
* the story's main day (the day of its most reported event): its events, and the sources
  of its five biggest ("the disaster as one event with all its sources, not five").

Everything printed is deterministic for a given tool.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

try:
    from benchmarks import _common as common
    from benchmarks import rouge, t17
except ImportError:  # run as a script
    import _common as common  # type: ignore[no-redef]
    import rouge  # type: ignore[no-redef]
    import t17  # type: ignore[no-redef]

NAME = "duplicates"
RETELLS = 0.4


def content_words(text: str) -> list[str]:
    """ROUGE tokens without stop words."""
    from timeline.lang import language_data

    stop = language_data("en").STOPWORDS
    return [w for w in rouge.tokens(text) if w not in stop]


def rouge_1(a: list[str], b: list[str]) -> float:
    """ROUGE-1 F of two token lists."""
    match = sum((Counter(a) & Counter(b)).values())
    if not match:
        return 0.0
    precision, recall = match / len(a), match / len(b)
    return 2 * precision * recall / (precision + recall)


def build_events(topic: t17.Topic, gold: t17.Gold) -> list:
    """Every event of the gold range's articles, built in-process."""
    from timeline.pipeline.build import build_story

    with tempfile.TemporaryDirectory(prefix="dups-") as tmp:
        story = Path(tmp, gold.topic)
        story.mkdir()
        for article in t17.in_range(topic, gold):
            shutil.copyfile(article.path, story / article.path.name)
        return build_story(story, Path(tmp, "out"), formats="json", use_cache=False).events


def measure(events: Sequence, gold: t17.Gold) -> dict:
    """The figures of one gold timeline (see the module docstring)."""
    by_day: dict = defaultdict(list)
    for event in events:
        if event.interval.granularity == "day" and event.interval.days == 1:
            by_day[event.interval.begin].append(event)
    sentences = retold = retellings = mixed = 0
    for day, gold_sentences in gold.days.items():
        gold_words = [content_words(s) for s in gold_sentences]
        tells: dict[str, set[int]] = defaultdict(set)
        for event in by_day.get(day, []):
            words = content_words(event.text)
            for k, g in enumerate(gold_words):
                if words and g and rouge_1(words, g) >= RETELLS:
                    tells[event.id].add(k)
        for k in range(len(gold_sentences)):
            sentences += 1
            count = sum(k in ks for ks in tells.values())
            retold += count > 0
            retellings += count
        mixed += sum(len(ks) > 1 for ks in tells.values())
    # the main day: the day of the story's most reported event
    busiest = max(by_day, key=lambda d: (max(e.sources for e in by_day[d]), len(by_day[d])))
    biggest = sorted((e.sources for e in by_day[busiest]), reverse=True)[:5]
    return {
        "sentences": sentences,
        "retold": retold,
        "retellings": retellings,
        "mixed": mixed,
        "busiest_day": busiest.isoformat(),
        "busiest_events": len(by_day[busiest]),
        "busiest_top_sources": biggest,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="duplicates.py", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="Timeline17 folder")
    parser.add_argument("--topic", action="append", default=[], metavar="NAME")
    args = parser.parse_args(argv)
    data = args.data if args.data is not None else common.data_dir("t17")
    if not data.is_dir() or not t17.topic_names(data):
        common.skip(NAME, f"no Timeline17 data at {data} (see ../shared/data/README.md)")
    topics = t17.select_topics(data, args.topic)
    rows, total = [], Counter()
    for topic in topics:
        for gold in topic.golds:
            figures = measure(build_events(topic, gold), gold)
            for key in ("sentences", "retold", "retellings", "mixed"):
                total[key] += figures[key]
            rows.append([
                gold.label, figures["sentences"], figures["retold"],
                f"{figures['retellings'] / max(figures['retold'], 1):.2f}", figures["mixed"],
                f"{figures['busiest_day']}: {figures['busiest_events']} events, top sources "
                + ", ".join(map(str, figures["busiest_top_sources"])),
            ])  # fmt: skip
    rows.append([
        f"all ({len(rows)} timelines)", total["sentences"], total["retold"],
        f"{total['retellings'] / max(total['retold'], 1):.2f}", total["mixed"], "",
    ])  # fmt: skip
    headers = ["timeline", "gold sentences", "retold", "events per retold", "mixed", "main day"]
    print(f"{NAME}: an event retells a gold sentence at content-word ROUGE-1 F >= {RETELLS}")
    print(common.format_table(headers, rows, "lrrrrl"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
