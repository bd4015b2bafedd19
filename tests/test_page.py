"""The timeline page in a real browser (headless Chromium through Playwright)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLE_STORY, article, write
from timeline import build_story

HOSTILE_TITLE = "<script>alert('title')</script>"
HOSTILE_BODY = (
    "The council voted on Monday to ban <script>alert('body')</script> tags and "
    "<img src=x onerror=\"alert('img')\"> and </script><script>alert('end')</script> "
    "as the javascript:alert('text') trick spread.\n"
)


@pytest.fixture(scope="module")
def example_page(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("example")
    folder = out / "ukrainian-children"
    shutil.copytree(EXAMPLE_STORY, folder)
    result = build_story(folder, out / "output")
    return result.outputs["html"], json.loads(result.outputs["json"].read_text())


@pytest.fixture
def page(browser):
    """A page that records what it does: requests, console errors, dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.errors = []
    page.dialogs = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def dialog(d):
        page.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    yield page
    context.close()


def open_page(page, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_selector("#chart[data-ready=true]", timeout=30_000)


def first_point(page) -> tuple[float, float, int]:
    """The on-screen centre of a plotted day event, and that event's index."""
    page.wait_for_selector(".scatterlayer .trace .points path", state="attached")
    found = page.evaluate(
        """() => {
          const traces = document.querySelectorAll('.scatterlayer .trace');
          const data = document.getElementById('chart').data;
          for (let t = 0; t < traces.length; t++) {
            for (const path of traces[t].querySelectorAll('.points path')) {
              const box = path.getBoundingClientRect();
              if (box.width > 3 && path.__data__ && data[t].customdata) {
                return [box.x + box.width / 2, box.y + box.height / 2,
                        data[t].customdata[path.__data__.i]];
              }
            }
          }
          return null;
        }"""
    )
    assert found, "no event point on the chart"
    return found[0], found[1], found[2]


def test_the_chart_shows_every_event(page, example_page) -> None:
    path, doc = example_page
    open_page(page, path)
    plotted = page.evaluate(
        "() => document.getElementById('chart').data"
        ".reduce((n, t) => n + (t.customdata ? t.customdata.length : 0), 0)"
    )
    assert plotted == len(doc["events"]) > 0
    assert page.locator(".rangeselector .button").count() == 4  # 1m, 6m, 1y, all
    assert page.title() == doc["story"]["title"]


def test_hover_shows_the_headline_and_click_shows_the_mentions(page, example_page) -> None:
    path, doc = example_page
    open_page(page, path)
    x, y, index = first_point(page)
    page.mouse.move(x, y)
    hover = page.locator(".hoverlayer .hovertext")
    hover.wait_for(timeout=5000)
    event = doc["events"][index]
    assert event["text"][:30] in " ".join(t or "" for t in hover.all_text_contents())
    page.mouse.click(x, y)
    details = page.locator("#details")
    details.wait_for(state="visible")
    assert event["mentions"][0]["sentence"][:40] in details.inner_text()
    assert details.locator("li.mention").count() == len(event["mentions"])
    first = event["mentions"][0]
    if first["dated_by"] == "expression":  # the expression that dates it is highlighted
        assert details.locator("mark").first.inner_text() == first["expression"]


def test_the_table_filters_and_sorts(page, example_page) -> None:
    path, doc = example_page
    open_page(page, path)
    rows = page.locator("#events-body tr[data-index]")
    assert rows.count() == len(doc["events"])
    page.fill("#filter-text", "Alaska")
    expected = [e for e in doc["events"] if "alaska" in e["text"].lower()]
    assert rows.count() == len(expected) >= 1
    page.fill("#filter-text", "no such words anywhere")
    assert rows.count() == 0
    assert "No event matches" in page.inner_text("#events-body")
    page.fill("#filter-text", "")
    page.select_option("#filter-source", "The Moscow Times")
    assert rows.count() == len(doc["events"])
    page.click("th[data-key=date]")  # now newest first
    dates = [rows.nth(i).get_attribute("data-index") for i in range(rows.count())]
    starts = [doc["events"][int(i)]["start"] for i in dates]
    assert starts == sorted(starts, reverse=True)
    rows.first.click()
    assert page.locator("#details").is_visible()


def test_copy_citation(page, example_page) -> None:
    path, _ = example_page
    open_page(page, path)
    page.locator("#events-body tr[data-index]").first.click()
    button = page.locator("#details button", has_text="Copy citation").first
    button.click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('#details button')]"
        ".some(b => b.textContent === 'Copied')"
    )


def test_the_page_makes_no_request_and_logs_no_error(page, example_page) -> None:
    path, _ = example_page
    open_page(page, path)
    page.locator("#events-body tr[data-index]").first.click()
    assert page.requests == [path.as_uri()]
    assert page.errors == []


def test_hostile_articles_never_run_and_show_literally(page, story: Path, tmp_path: Path) -> None:
    write(
        story,
        "evil.md",
        article(
            "2024-06-14",
            HOSTILE_BODY,
            title=f'"{HOSTILE_TITLE}"',
            source='"</script><b onmouseover=alert(1)>Evil</b>"',
            url="javascript:alert('url')",
        ),
    )
    path = build_story(story, tmp_path / "out").outputs["html"]
    open_page(page, path)
    x, y, _ = first_point(page)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.locator("#details").wait_for(state="visible")
    page.locator("#events-body tr[data-index]").first.hover()
    assert page.dialogs == []
    details = page.inner_text("#details")
    assert "<script>alert('body')</script>" in details
    assert "<img src=x onerror=\"alert('img')\">" in details
    assert HOSTILE_TITLE in details
    assert page.locator("#details a").count() == 0  # a javascript: url is never a link
    assert page.locator("img, b").count() == 0  # no element from the article
    assert "</script><b onmouseover=alert(1)>Evil</b>" in page.inner_text("#events-body")
    assert page.errors == [] and page.requests == [path.as_uri()]


def test_key_events_view_and_the_switch_to_all(page, story: Path, tmp_path: Path) -> None:
    for day in range(1, 9):
        write(
            story,
            f"a{day}.md",
            article(
                f"2024-06-{day + 10:02d}",
                f"The central bank raised rates on June 10. Strikes closed {day} ports on "
                f"June {day + 9}. Exports fell {day} percent in May.\n",
                source=f"Paper {day % 3}",
            ),
        )
    result = build_story(story, tmp_path / "out", key_dates=2)
    document = json.loads(result.outputs["json"].read_text())
    total = result.stats["key_dates"]["from_events"]
    assert len(document["events"]) == 2 < total
    open_page(page, result.outputs["html"])
    rows = page.locator("#events-body tr[data-index]")
    assert rows.count() == 2  # opens on the key events
    assert page.locator("#view-switch button[aria-pressed=true]").inner_text() == "Key events (2)"
    texts = {rows.nth(i).locator("td.event").inner_text() for i in range(2)}
    assert texts == {e["text"] for e in document["events"]}

    def plotted() -> int:
        return page.evaluate(
            "() => document.getElementById('chart').data.filter(t => t.visible !== false)"
            ".reduce((n, t) => n + (t.customdata ? t.customdata.length : 0), 0)"
        )

    assert plotted() == 2
    page.click("#view-switch button[data-view=all]")
    assert rows.count() == total
    assert plotted() == total
    assert page.locator("#events-body .key-mark").count() == 2  # key events stay marked
    page.click("#view-switch button[data-view=key]")
    assert rows.count() == 2 and plotted() == 2
    assert page.errors == []
