"""Page load time of the timeline page in headless Chromium.

    python benchmarks/page.py [--events 10000] [--runs 3]

Builds the example story and a synthetic story (benchmarks/synthetic.py, grown until it has)
`--events` events into a temporary folder, then opens each page in headless Chromium
(Debian's /usr/bin/chromium through Playwright, or TIMELINE_CHROMIUM) and measures, as the
median of `--runs` loads: the time to the chart drawn and interactive (`#chart[data-ready]`),
and the time the table takes to answer a filter. Skips with a message when Chromium or
Playwright is missing. WebGL is software-rendered (SwiftShader) in this headless browser,
so a desktop with a GPU draws faster.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

try:
    from benchmarks import _common as common
    from benchmarks.synthetic import write_story
except ImportError:  # run as a script
    import _common as common  # type: ignore[no-redef]
    from synthetic import write_story  # type: ignore[no-redef]

NAME = "page"
ROOT = Path(__file__).resolve().parents[1]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--use-gl=swiftshader", "--enable-unsafe-swiftshader"]  # fmt: skip
# A first guess at what the synthetic generator gives at 2.5 articles a day (the story's
# span grows with its size, so that events grow with articles); the story grows until
# it has enough events.
EVENTS_PER_ARTICLE = 2.1
ARTICLES_PER_DAY = 2.5


def chromium() -> str | None:
    for candidate in (os.environ.get("TIMELINE_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):  # fmt: skip
        if candidate and Path(candidate).exists():
            return candidate
    return None


def page_of(folder: Path, out: Path) -> tuple[str, int, int, Path]:
    """Build a story's page: its name, events, page size and path."""
    from timeline import build_story

    result = build_story(folder, out, formats="html")
    size = result.outputs["html"].stat().st_size
    return folder.name, result.stats["events"], size, result.outputs["html"]


def measure(browser, page_path: Path, runs: int) -> dict[str, float]:
    """Median seconds to an interactive chart, and for the table to answer a filter."""
    loads, filters = [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1300, "height": 900})
        page = context.new_page()
        started = time.perf_counter()
        page.goto(page_path.as_uri())
        page.wait_for_selector("#chart[data-ready=true]", timeout=120_000)
        loads.append(time.perf_counter() - started)
        started = time.perf_counter()
        page.fill("#filter-text", "the")
        page.wait_for_function("() => document.getElementById('shown-count').textContent")
        filters.append(time.perf_counter() - started)
        context.close()
    return {"load": statistics.median(loads), "filter": statistics.median(filters)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        common.skip(NAME, "playwright is not installed (pip install -e '.[test]')")
    executable = chromium()
    if executable is None:
        common.skip(NAME, "no Chromium found (apt-get install chromium)")
    sys.path.insert(0, str(ROOT / "src"))

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        example = work / "ukrainian-children"
        shutil.copytree(ROOT / "stories" / "ukrainian-children", example)
        pages = [page_of(example, work / "output")]
        articles = int(args.events / EVENTS_PER_ARTICLE) + 1
        for _ in range(4):  # grow the synthetic story until it has enough events
            synthetic = write_story(
                work / "synthetic", articles, days=int(articles / ARTICLES_PER_DAY) + 1
            )
            page = page_of(synthetic, work / "output")
            if page[1] >= args.events:
                break
            shutil.rmtree(synthetic)
            articles = int(articles * args.events / max(page[1], 1) * 1.05) + 1
        pages.append(page)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, headless=True, args=FLAGS
            )
            rows = []
            for name, events, size, path in pages:
                figures = measure(browser, path, args.runs)
                load, answer = figures["load"], figures["filter"] * 1000
                rows.append([name, f"{events:,}", f"{size / 1e6:.1f} MB", f"{load:.2f} s",
                             f"{answer:.0f} ms"])  # fmt: skip
            browser.close()
    print(f"page load in headless Chromium ({executable}), median of {args.runs} loads")
    print(common.format_table(["story", "events", "page", "to interactive chart", "filter"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
