"""Are the outputs of every development story the same as before a speed change?

    python benchmarks/outputs.py --save reference.json     # before the change
    python benchmarks/outputs.py --compare reference.json  # after: exit 1 if any differs

Builds each development story in-process with the cache off (the example story,
MEANTIME airbus, and every Timeline17 topic's whole story folder) and records a
SHA-256 of its JSON output with the fields that change from build to build (`built_at`,
`seconds`) left out, and of its CSV. Issue 14 asks every speed change to leave these the
same, unless it is an intended accuracy change (then say so). `--workers N` builds with
N worker processes (the outputs must not depend on it).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

try:
    from benchmarks import _common as common
except ImportError:  # run as a script
    import _common as common  # type: ignore[no-redef]

NAME = "outputs"


def stories() -> list[Path]:
    """The development story folders that exist here."""
    found = [common.REPO_ROOT / "stories" / "ukrainian-children"]
    airbus = common.data_dir("meantime", "airbus", "story")
    if airbus.is_dir():
        found.append(airbus)
    t17 = common.data_dir("t17")
    if t17.is_dir():
        found += sorted(p / "story" for p in t17.iterdir() if (p / "story").is_dir())
    return found


# Fields left out of the comparison: those that change from build to build, and those a
# change added on purpose (--ignore, e.g. the articles' "language" of issue 24).
IGNORED = {"built_at", "seconds"}


def _strip(value):
    """The JSON without the ignored fields."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in IGNORED}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def fingerprint(folder: Path, workers: int | None) -> dict[str, str]:
    """SHA-256 of a story's JSON (stripped) and CSV outputs."""
    from timeline.pipeline.build import build_story

    with tempfile.TemporaryDirectory(prefix="outputs-") as tmp:
        name = folder.parent.name if folder.name == "story" else folder.name
        story = Path(tmp, name)
        shutil.copytree(folder, story)
        out = Path(tmp, "out")
        build_story(story, out, formats="json,csv", use_cache=False, workers=workers)
        document = _strip(json.loads((out / f"{name}.json").read_text(encoding="utf-8")))
        for problem in document.get("problems", []):  # temporary folder names
            problem["path"] = Path(problem.get("path", "")).name
        text = json.dumps(document, sort_keys=True, ensure_ascii=False)
        csv = (out / f"{name}.csv").read_bytes()
    return {
        "json": hashlib.sha256(text.encode()).hexdigest(),
        "csv": hashlib.sha256(csv).hexdigest(),
        "events": str(len(document.get("events", []))),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="outputs.py", description=__doc__.split("\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, metavar="FILE")
    group.add_argument("--compare", type=Path, metavar="FILE")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="FIELD",
        help="leave this JSON field out (a field a change adds on purpose); repeatable",
    )
    args = parser.parse_args(argv)
    IGNORED.update(args.ignore)
    started = time.perf_counter()
    prints = {}
    for folder in stories():
        label = folder.parent.name if folder.name == "story" else folder.name
        prints[label] = fingerprint(folder, args.workers)
        print(f"  {label}: {prints[label]['events']} events")
    print(f"{NAME}: {len(prints)} stories built in {time.perf_counter() - started:.1f} s")
    if args.save:
        args.save.write_text(json.dumps(prints, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"saved {args.save}")
        return 0
    reference = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = sorted(
        k for k in prints.keys() | reference.keys() if prints.get(k) != reference.get(k)
    )
    if differ:
        print(f"DIFFERENT from {args.compare}: {', '.join(differ)}")
        return 1
    print(f"identical to {args.compare}: JSON and CSV of every story")
    return 0


if __name__ == "__main__":
    sys.exit(main())
