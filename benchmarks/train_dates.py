"""Train the key-date ranker on the Timeline17 development topics (`make train`).

    python benchmarks/train_dates.py                 # writes src/timeline/data/date_ranker.json
    python benchmarks/train_dates.py --out FILE      # somewhere else
    python benchmarks/train_dates.py --check         # train, compare with the shipped file

Every development topic's gold timeline gives one training story: its articles (those
published within the gold range, as the benchmark's protocol gives them) are built
in-process, each date an event has becomes a candidate described by
`timeline.events.keydates.date_features`, and the candidates that are days of the gold timeline
are the key dates. `timeline.events.keydates.fit_ranker` learns a pairwise ranking model with
the features' signs held; its penalty is chosen by leave-one-topic-out inside the
training topics (`choose_alpha`). The file written holds the weights and their
provenance: the topics, the penalty and its inner scores, the library versions and the
command. Training needs scipy and numpy only (both dependencies of the package).
Deterministic: the same data gives the same file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import scipy

try:
    from benchmarks import _common as common
    from benchmarks import t17
except ImportError:  # run as a script
    import _common as common  # type: ignore[no-redef]
    import t17  # type: ignore[no-redef]

NAME = "train_dates"
SHIPPED = common.REPO_ROOT / "src" / "timeline" / "data" / "date_ranker.json"


def training_stories(data: Path) -> list:
    """One labelled story per gold timeline of every topic, in topic order."""
    stories = []
    for name in t17.topic_names(data):
        topic = t17.load_topic(data / name)
        for gold in topic.golds:
            stories.append(t17.labelled_story(topic, gold))
            print(f"  {gold.label}: {len(stories[-1].found.dates)} candidate dates, "
                  f"{int(stories[-1].labels.sum())} of {gold.n} gold days among them")  # fmt: skip
    return stories


def train(stories: Sequence, command: str) -> dict:
    """The ranker's file contents: weights and provenance."""
    from timeline.events.keydates import FEATURE_SIGNS, choose_alpha, fit_ranker

    chosen = choose_alpha(stories)
    provenance = {
        "trained_on": [
            {"timeline": s.name, "candidate_dates": len(s.found.dates), "key_days": s.n}
            for s in stories
        ],
        "data": "Timeline17 development topics (../shared/data/t17), articles within each "
        "gold timeline's range",
        "model": "pairwise logistic ranking, each topic weighing the same, L2 penalty "
        "alpha, weights held to FEATURE_SIGNS (scipy L-BFGS-B)",
        "alpha": chosen["alpha"],
        "spread": chosen["spread"],
        "alpha_chosen_by": "mean Date-F1 of the N chosen days (days of the story's period, "
        "spread by `spread`), leave one story out within the training topics (the "
        "oil-spill topics are one story, as are the H1N1 ones)",
        "inner_date_f1": chosen["inner_date_f1"],
        "inner_date_f1_by_spread": chosen["inner_date_f1_by_spread"],
        "feature_signs": FEATURE_SIGNS,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "command": command,
    }
    return fit_ranker(stories, chosen["alpha"], provenance, spread=chosen["spread"]).to_dict()


def write(path: Path, contents: dict) -> None:
    """Write the file atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(contents, indent=1) + "\n"
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8") as f:
        f.write(text)
    os.replace(f.name, path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="train_dates.py", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=None, help="Timeline17 folder")
    parser.add_argument("--out", type=Path, default=SHIPPED, help="where to write the weights")
    parser.add_argument(
        "--check", action="store_true", help="train, compare with the shipped file, write nothing"
    )
    args = parser.parse_args(argv)
    data = args.data if args.data is not None else common.data_dir("t17")
    if not data.is_dir() or not t17.topic_names(data):
        common.skip(NAME, f"no Timeline17 data at {data} (see ../shared/data/README.md)")
    print(f"{NAME}: building the development topics of {common.display_path(data)}")
    stories = training_stories(data)
    contents = train(stories, "make train (python benchmarks/train_dates.py)")
    print(f"alpha {contents['provenance']['alpha']}, spread {contents['spread']} (inner "
          f"Date-F1 by alpha: {contents['provenance']['inner_date_f1']}, by spread: "
          f"{contents['provenance']['inner_date_f1_by_spread']})")  # fmt: skip
    for name, weight in sorted(
        zip(contents["features"], contents["weights"], strict=True), key=lambda fw: -abs(fw[1])
    ):
        if weight:
            print(f"  {name:20} {weight:+.3f}")
    if args.check:
        shipped = json.loads(SHIPPED.read_text(encoding="utf-8")) if SHIPPED.is_file() else {}
        same = (
            shipped.get("weights") == contents["weights"]
            and shipped.get("spread", 0.0) == contents["spread"]
        )
        print("same weights as the shipped file" if same else "DIFFERENT from the shipped file")
        return 0 if same else 1
    write(args.out, contents)
    print(f"wrote {common.display_path(args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
