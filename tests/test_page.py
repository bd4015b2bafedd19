"""The timeline page in a real browser (headless Chromium through Playwright)."""

from __future__ import annotations

import json
import re
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


@pytest.fixture(scope="module")
def followed_page(tmp_path_factory) -> tuple[Path, dict]:
    """The page of a generated 300-article story with background, live blogs and plans
    (tests/followed_story.py)."""
    from followed_story import write_followed_story

    out = tmp_path_factory.mktemp("followed")
    folder = write_followed_story(out / "arica")
    result = build_story(folder, out / "output")
    return result.outputs["html"], json.loads(result.outputs["json"].read_text())


def x_range(page) -> list[str]:
    return page.evaluate("() => document.getElementById('chart').layout.xaxis.range.slice()")


def test_live_blog_stamps_are_times_of_their_day(followed_page) -> None:
    from followed_story import LAST

    _, document = followed_page
    stamped = [
        (e["start"], m["sentence"])
        for e in document["events"]
        for m in e["mentions"]
        if re.match(r"\d{4}: ", m["sentence"])
    ]
    assert len(stamped) > 20  # the live blogs' entries ("1905: Divers sealed the clinic")
    for start, sentence in stamped:
        assert start[:4] == "2024", (start, sentence)
    years = {e["start"][:4] for e in document["events"]}
    assert years <= {"1962", "1987", "1994", "2024", "2025", "2026", "2027"}
    late = [e for e in document["events"] if e["start"] > LAST.isoformat()]
    assert all(e["start"][:4] > "2024" for e in late)  # after the story: the plans


def test_a_big_story_opens_on_its_period_and_key_events(page, followed_page) -> None:
    path, _ = followed_page
    open_page(page, path)
    begin, end = x_range(page)
    assert "2024-02-20" <= begin[:10] <= "2024-03-04"  # the first article's day, a margin
    assert "2024-06-29" <= end[:10] <= "2024-07-12"  # the last one's
    pressed = page.locator("#view-switch button[aria-pressed=true]").inner_text()
    assert pressed.startswith("Key events (")
    key_count = int(pressed.split("(")[1].rstrip(")"))
    assert 12 <= key_count <= 40
    assert page.locator("#events-body tr[data-index]").count() == key_count
    header = page.locator("header .meta").inner_text()
    assert f"{key_count} key events of " in header
    assert "plus 3 background and 3 expected" in header
    assert "4 Mar 2024 – 28 Jun 2024" in header
    assert page.errors == []


def test_key_events_are_labelled_without_overlap(page, followed_page) -> None:
    path, _ = followed_page
    open_page(page, path)
    boxes = page.evaluate(
        """() => Array.from(document.querySelectorAll('#chart .annotation')).map(a => {
             const b = a.querySelector('.annotation-text-g').getBoundingClientRect();
             return {x: b.x, y: b.y, w: b.width, h: b.height, text: a.textContent};
           })"""
    )
    assert len(boxes) >= 6
    chart = page.locator("#chart").bounding_box()
    for box in boxes:  # on the chart, not clipped, readable
        assert box["w"] > 20 and box["h"] > 8, box
        assert chart["x"] <= box["x"] and box["x"] + box["w"] <= chart["x"] + chart["width"]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = (
                a["x"] + a["w"] <= b["x"] + 1
                or b["x"] + b["w"] <= a["x"] + 1
                or a["y"] + a["h"] <= b["y"] + 1
                or b["y"] + b["h"] <= a["y"] + 1
            )
            assert apart, (a["text"], b["text"])
    headlines = " ".join(box["text"] for box in boxes)
    assert "Arica dam burst" in headlines  # the story's main event is labelled
    page.locator("#chart .annotation .annotation-text-g").first.click()  # a label opens
    page.locator("#details").wait_for(state="visible")  # its event's details


def test_background_and_expected_are_one_click_away(page, followed_page) -> None:
    path, _ = followed_page
    open_page(page, path)
    for name, word, count in (("background", "1962", 3), ("expected", "2027", 3)):
        section = page.locator(f"#section-{name}")
        assert section.is_visible() and section.get_attribute("open") is None
        assert (
            section.locator("summary")
            .inner_text()
            .startswith(f"{name.capitalize()}: {count} events")
        )
        section.locator("summary").click()
        rows = section.locator("tbody tr[data-index]")
        rows.first.wait_for()
        assert rows.count() == count
        assert word in section.inner_text()
        rows.first.click()  # its rows open the details like the table's
        page.locator("#details").wait_for(state="visible")
        page.keyboard.press("Escape")
    assert "1962" not in page.locator("#events-body").inner_text()
    page.click("#range-switch button[data-range=all]")  # the chart: everything
    begin, end = x_range(page)
    assert begin[:4] <= "1962" and end[:4] >= "2027"
    page.click("#range-switch button[data-range=story]")
    begin, end = x_range(page)
    assert begin[:7] == "2024-02" or begin[:7] == "2024-03"
    assert page.errors == []


def test_the_chart_template_is_plotlys_own_without_building_its_objects() -> None:
    import json

    import plotly.io as pio

    from timeline.export.chart import _template

    ours = _template("plotly_white")
    theirs = pio.templates["plotly_white"].to_plotly_json()
    assert json.dumps(ours) == json.dumps(theirs)  # the same data in the same order
