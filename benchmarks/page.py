"""The timeline page in headless Chromium: a big real story's first view, and load times.

    python benchmarks/page.py [--events 10000] [--runs 3] [--data DIR]

First, the big story (issue 18): the largest development story, Timeline17's haiti_bbc
(287 articles; the generated 300-article story of tests/followed_story.py when
../shared/data is absent). It measures, as the median of `--runs` loads, the time to an
interactive chart and the time the key/all switch takes to show every event, and saves
screenshots into output/ for a person to look at:

- `page-<story>-1-first-view.png`: the page as it opens (the story's period, key events
  labelled);
- `page-<story>-2-all-events.png`: after "All events" and "Everything" (background and
  what is expected included);
- `page-<story>-3-background.png`: the folded background section, opened.

Then load times at scale: builds the example story and a synthetic story
(benchmarks/synthetic.py, grown until it has `--events` events) into a temporary folder,
then opens each page in headless Chromium (Debian's /usr/bin/chromium through Playwright,
or TIMELINE_CHROMIUM) and measures, as the
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


def big_story(data: Path, work: Path) -> Path:
    """The largest development story, or the generated followed story without the data."""
    folder = data / "haiti_bbc" / "story"
    if folder.is_dir():
        return folder
    sys.path.insert(0, str(ROOT / "tests"))
    from followed_story import write_followed_story

    return write_followed_story(work / "followed-story")


def _open(browser, page_path: Path):
    """A new page loading `page_path`, once its chart is interactive, with the
    `perf_counter` time the navigation started (and its browser context, to close)."""
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(page_path.as_uri())
    page.wait_for_selector("#chart[data-ready=true]", timeout=120_000)
    return context, page, started


def _painted(page) -> None:
    """Wait until the browser has painted what the last action changed (two frames)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def look_at(browser, page_path: Path, name: str, runs: int, shots: Path) -> dict[str, object]:
    """The big story's page: seconds to interactive, seconds for the switch to all events
    (medians), what the first view shows, and the screenshots."""
    loads, switches, facts = [], [], {}
    for run in range(runs):
        context, page, started = _open(browser, page_path)
        _painted(page)
        loads.append(time.perf_counter() - started)
        if run == 0:
            facts = page.evaluate(
                """() => ({range: document.getElementById('chart').layout.xaxis.range,
                          labels: document.querySelectorAll('#chart .annotation').length,
                          header: Array.from(document.querySelectorAll('header .meta span'),
                                             s => s.textContent).join(' · ')})"""
            )
            page.screenshot(path=str(shots / f"page-{name}-1-first-view.png"))
        switch = page.locator("#view-switch button[data-view=all]")
        if switch.is_visible():
            started = time.perf_counter()
            switch.click()
            page.wait_for_function(
                "() => document.querySelectorAll('#events-body tr[data-index]').length > 0"
            )
            _painted(page)
            switches.append(time.perf_counter() - started)
        if run == 0:
            everything = page.locator("#range-switch button[data-range=all]")
            if everything.is_visible():
                everything.click()
                _painted(page)
            page.screenshot(path=str(shots / f"page-{name}-2-all-events.png"))
            background = page.locator("#section-background")
            if background.is_visible():
                background.locator("summary").click()
                background.locator("tbody tr").first.wait_for()
                background.scroll_into_view_if_needed()
                page.screenshot(path=str(shots / f"page-{name}-3-background.png"))
        context.close()
    return {
        "load": statistics.median(loads),
        "switch": statistics.median(switches) if switches else None,
        **facts,
    }


def measure(browser, page_path: Path, runs: int) -> dict[str, float]:
    """Median seconds to an interactive chart, and for the table to answer a filter."""
    loads, filters = [], []
    for _ in range(runs):
        context, page, started = _open(browser, page_path)
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
    parser.add_argument("--data", type=Path, default=common.data_dir("t17"))
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        common.skip(NAME, "playwright is not installed (pip install -e '.[test]')")
    executable = chromium()
    if executable is None:
        common.skip(NAME, "no Chromium found (apt-get install chromium)")
    sys.path.insert(0, str(ROOT / "src"))

    shots = ROOT / "output"
    shots.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        big = big_story(args.data, work)
        label = big.parent.name if big.name == "story" else big.name
        _, big_events, big_size, big_path = page_of(big, work / "output-big")
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
            seen = look_at(browser, big_path, label, args.runs, shots)
            rows = []
            for name, events, size, path in pages:
                figures = measure(browser, path, args.runs)
                load, answer = figures["load"], figures["filter"] * 1000
                rows.append([name, f"{events:,}", f"{size / 1e6:.1f} MB", f"{load:.2f} s",
                             f"{answer:.0f} ms"])  # fmt: skip
            browser.close()
    switch = "-" if seen["switch"] is None else f"{seen['switch']:.2f} s"
    print(f"big story: {label} ({big_events:,} events, page {big_size / 1e6:.1f} MB), "
          f"headless Chromium, median of {args.runs} loads")  # fmt: skip
    print(f"  to interactive chart {seen['load']:.2f} s (goal 2 s); switch to all events "
          f"{switch} (goal 1 s)")  # fmt: skip
    print(f"  first view {seen['range'][0][:10]} to {seen['range'][1][:10]}, "
          f"{seen['labels']} labels; header: {seen['header']}")  # fmt: skip
    print(f"  screenshots: {common.display_path(shots)}/page-{label}-*.png")
    print(f"page load in headless Chromium ({executable}), median of {args.runs} loads")
    print(common.format_table(["story", "events", "page", "to interactive chart", "filter"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
