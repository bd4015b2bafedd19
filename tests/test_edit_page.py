"""Corrections from the page `timeline serve` serves (issue 25): the token, the server's
guards, the rebuild, and the whole flow in a real browser (Playwright, Chromium)."""

from __future__ import annotations

import http.client
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bridge_story import FERRY, QUIT, RESIGNED, VOTE, event, write_bridge_story
from conftest import snapshot
from timeline import build_story, edit_event
from timeline.app.serve import StoryServer, make_server

HOSTILE = "<img src=x onerror=alert('headline')> & </script><script>alert(1)</script>"


@pytest.fixture
def built(story: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The bridge story built as a person built it: one lane, no TimelineJS."""
    write_bridge_story(story)
    out = tmp_path / "out"
    build_story(story, out, formats="html,json,csv", lanes="none")
    return story, out


def serving(out: Path, stories: Path | None) -> Iterator[StoryServer]:
    running = make_server(out, port=0, quiet=True, stories_dir=stories)
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()
        thread.join(5)


@pytest.fixture
def server(built) -> Iterator[StoryServer]:
    story, out = built
    yield from serving(out, story.parent)


def request(
    server: StoryServer,
    method: str,
    path: str,
    body: object = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], str]:
    port = server.server_address[1]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        conn.request(method, path, body=data, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        conn.close()


def post(server: StoryServer, body: object, **headers: str) -> tuple[int, dict]:
    sent = {"Content-Type": "application/json", "X-Timeline-Token": server.token}
    sent.update({k.replace("_", "-"): v for k, v in headers.items()})
    sent = {k: v for k, v in sent.items() if v is not None and v != "-"}
    status, _, text = request(server, "POST", "/edit/test-story", body, sent)
    return status, json.loads(text)


def document(out: Path) -> dict:
    return json.loads((out / "test-story.json").read_text(encoding="utf-8"))


# -- the served page ------------------------------------------------------------------------


def test_the_served_page_carries_the_token_and_may_post_home(server, built) -> None:
    _, out = built
    status, headers, page = request(server, "GET", "/test-story.html")
    assert status == 200 and headers["Cache-Control"] == "no-store"
    config = re.search(r'id="timeline-edit">([^<]*)</script>', page)
    assert config is not None
    found = json.loads(config.group(1))
    assert found == {"story": "test-story", "url": "/edit/test-story", "token": server.token}
    assert len(server.token) >= 40
    assert "connect-src 'self'" in page and "connect-src 'none'" not in page
    nonce = re.search(r"'nonce-([\w-]+)'", page).group(1)
    assert f'<script nonce="{nonce}" id="timeline-corrections">' in page
    on_disk = (out / "test-story.html").read_text(encoding="utf-8")
    assert server.token not in on_disk and "connect-src 'none'" in on_disk
    assert "timeline-corrections" not in on_disk  # a story without corrections: as before


def test_no_editing_without_a_story_folder_or_when_read_only(built) -> None:
    story, out = built
    for stories in (None, story.parent.parent / "elsewhere"):
        for running in serving(out, stories):
            status, _, page = request(running, "GET", "/test-story.html")
            assert status == 200 and "timeline-edit" not in page
            assert page == (out / "test-story.html").read_text(encoding="utf-8")
            status, _, body = request(
                running, "POST", "/edit/test-story", b"{}", {"Content-Type": "application/json"}
            )
            assert status == 404 and "no story to correct" in body


def test_the_serve_command_offers_corrections_unless_read_only(built, monkeypatch) -> None:
    """The real command; its serve_forever answers one request, then gets Ctrl+C."""
    from conftest import run

    story, out = built
    pages: list[str] = []
    serve_forever = StoryServer.serve_forever

    def serve_once(self: StoryServer, poll_interval: float = 0.5) -> None:
        thread = threading.Thread(target=serve_forever, args=(self, 0.05))
        thread.start()
        try:
            pages.append(request(self, "GET", "/test-story.html")[2])
        finally:
            self.shutdown()
            thread.join(5)
        raise KeyboardInterrupt

    monkeypatch.setattr(StoryServer, "serve_forever", serve_once)
    stories = str(story.parent)
    done = run("serve", "--out", str(out), "--port", "0", "--stories", stories, "-q")
    assert done.exit_code == 0, done.output
    assert f"stories in {stories}/ offer corrections" in done.stderr
    done = run("serve", "--out", str(out), "--port", "0", "--stories", stories, "--read-only")
    assert done.exit_code == 0 and "offer corrections" not in done.stderr
    assert ["timeline-edit" in page for page in pages] == [True, False]


# -- the guards -----------------------------------------------------------------------------


def test_a_post_is_refused_unless_the_page_this_server_served_sends_it(server, built) -> None:
    story, out = built
    doc = document(out)
    vote = event(doc, VOTE)["id"]
    port = server.server_address[1]
    good = {"action": "edit", "event": vote, "pinned": True}
    before, outputs = snapshot(story), snapshot(out)
    refused = [
        (post(server, good, X_Timeline_Token="-"), 403, "no token"),
        (post(server, good, X_Timeline_Token="x" * 43), 403, "no token"),
        (post(server, good, Origin="http://evil.example"), 403, "another site"),
        (post(server, good, Origin=f"http://127.0.0.1:{port + 1}"), 403, "another site"),
        (post(server, good, Origin="null"), 403, "another site"),
        (post(server, good, Sec_Fetch_Site="cross-site"), 403, "another site"),
        (post(server, good, Content_Type="text/plain"), 415, "application/json"),
        (post(server, b"{not json", Content_Type="application/json"), 400, "not JSON"),
        (post(server, [1, 2]), 400, "JSON object"),
        (post(server, {"action": "delete", "event": vote}), 400, "unknown action"),
        (post(server, {"action": "edit", "event": "../../etc"}), 400, "not an event id"),
        (post(server, good | {"colour": "red"}), 400, "unknown field 'colour'"),
        (post(server, {"action": "edit", "event": vote}), 400, "nothing to change"),
        (post(server, {"action": "edit", "event": vote, "hidden": "yes"}), 400, "true or false"),
        (post(server, {"action": "edit", "event": vote, "date": 2025}), 400, "must be text"),
        (post(server, {"action": "edit", "event": vote, "date": "Agust"}), 400, "not a date"),
        (post(server, good | {"event": "ev-000000000000"}), 400, "no such event"),
        (post(server, {"action": "merge", "events": [vote]}), 400, "two or more"),
        (post(server, {"action": "detach", "event": vote, "article": "x.md"}), 400, "not a source"),
        (post(server, {"action": "undo", "event": vote}), 400, "no correction"),
        (post(server, {"action": "edit", "event": vote, "headline": "x" * 600}), 400, "longer"),
    ]
    for (status, answer), expected, words in refused:
        assert (status, answer["ok"]) == (expected, False), answer
        assert words in answer["error"], answer
    status, _, _ = request(server, "POST", "/edit/test-story", good, {"Host": "evil.example"})
    assert status == 421
    token = {"X-Timeline-Token": server.token}
    assert request(server, "POST", "/edit/other", good, token)[0] == 404
    big = json.dumps(good | {"headline": "x" * 70_000}).encode()
    status, answer = post(server, big)
    assert status == 413
    assert snapshot(story) == before and snapshot(out) == outputs  # nothing written


def test_a_correction_is_saved_and_the_story_rebuilt_as_it_was_built(server, built) -> None:
    story, out = built
    vote = event(document(out), VOTE)["id"]
    status, answer = post(server, {"action": "edit", "event": vote, "pinned": True},
                          Origin=f"http://127.0.0.1:{server.server_address[1]}")  # fmt: skip
    assert (status, answer["ok"], answer["event"]) == (200, True, vote), answer
    assert answer["message"].startswith("Saved: pinned (rebuilt in ")
    assert "pinned = true" in (story / "corrections.toml").read_text(encoding="utf-8")
    assert event(document(out), VOTE)["pinned"] is True
    page = (out / "test-story.html").read_text(encoding="utf-8")
    assert "Lanes are outlets" not in page  # built with --lanes none, rebuilt so
    assert (out / "test-story.csv").is_file() and not (out / "test-story.timeline.json").exists()
    status, answer = post(server, {"action": "undo", "event": vote})
    assert status == 200 and answer["message"].startswith("Undone: pinned")
    assert "pinned" not in event(document(out), VOTE)


# -- in a real browser ------------------------------------------------------------------------


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.errors = []
    opened.dialogs = []
    opened.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
    opened.on("pageerror", lambda e: opened.errors.append(str(e)))

    def dialog(d):
        opened.dialogs.append(d.message)
        d.dismiss()

    opened.on("dialog", dialog)
    yield opened
    context.close()


def ready(page, how: str = "editable") -> None:
    page.wait_for_selector("#chart[data-ready=true]", timeout=30_000)
    page.wait_for_selector(f"body[data-corrections={how}]", state="attached", timeout=30_000)
    # the story's background (the ferry of 1952) and what is expected (the works in June)
    # are in folded sections: open them
    page.evaluate("document.querySelectorAll('details.section').forEach(d => { d.open = true; })")
    page.wait_for_selector("tbody[data-section] tr[data-index]")


def row(page, words: str):
    return page.locator("tr[data-index]", has_text=words)


def open_event(page, words: str) -> None:
    row(page, words).click()
    page.locator("#details .corrections").wait_for()


def saving(page, action) -> None:
    """Do what saves a correction; wait for the page to come back rebuilt."""
    with page.expect_navigation(timeout=60_000):
        action()
    ready(page)
    page.locator(".saved-banner").wait_for()


def test_correcting_a_timeline_in_the_browser(page, server, built) -> None:
    story, out = built
    page.goto(f"http://127.0.0.1:{server.server_address[1]}/test-story.html")
    ready(page)
    rows = row(page, "")
    total = rows.count()

    open_event(page, VOTE)  # a date
    page.fill("#details input[name=date]", "9 March 2025")
    saving(page, lambda: page.click("#details button[data-action=save]"))
    assert "Saved: date 9 Mar 2025" in page.inner_text(".saved-banner")
    assert "9 Mar 2025" in row(page, VOTE).locator("td.date").inner_text()
    assert row(page, VOTE).locator(".corrected-mark").count() == 1
    assert (
        page.locator("#details .edit-list")
        .inner_text()
        .startswith("Corrected: date set to 9 Mar 2025 (was 10 Mar 2025)")
    )  # the event opens again after the reload

    open_event(page, FERRY)  # hide one
    saving(page, lambda: page.click("#details button[data-action=hide]"))
    assert row(page, FERRY).count() == 0 and rows.count() == total - 1

    open_event(page, RESIGNED)  # pin another, after a headline that must stay text
    page.fill("#details input[name=headline]", HOSTILE)
    saving(page, lambda: page.click("#details button[data-action=save]"))
    assert row(page, HOSTILE).count() == 1
    open_event(page, HOSTILE)
    saving(page, lambda: page.click("#details button[data-action=pin]"))
    assert row(page, HOSTILE).locator(".pin-mark").count() == 1

    open_event(page, QUIT)  # merge two
    page.click("#details button[data-action=merge]")
    page.locator(".merge-banner").wait_for()
    saving(page, lambda: row(page, HOSTILE).click())
    assert rows.count() == total - 2
    merged = event(document(out), QUIT)
    assert merged["sources"] == 2 and merged["pinned"] is True and merged["text"] == HOSTILE

    page.reload()  # and they are all still there
    ready(page)
    assert row(page, VOTE).locator(".corrected-mark").count() == 1
    assert row(page, FERRY).count() == 0 and rows.count() == total - 2
    assert row(page, HOSTILE).locator(".pin-mark").count() == 1
    assert page.locator("img").count() == 0 and page.dialogs == [] and page.errors == []

    # a post without the token (as another page would send it) is refused
    status = page.evaluate(
        """(id) => fetch('/edit/test-story', {method: 'POST',
              headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({action: 'edit', event: id, hidden: true})})
            .then(r => r.status)""",
        merged["id"],
    )
    assert status == 403
    assert "hidden" not in event(document(out), QUIT)
    text = (story / "corrections.toml").read_text(encoding="utf-8")
    assert text.count("\n[[correction]]\n") == 5


def test_a_source_detached_and_undone_in_the_browser(page, server, built) -> None:
    _, out = built
    page.goto(f"http://127.0.0.1:{server.server_address[1]}/test-story.html")
    ready(page)
    open_event(page, VOTE)
    detach = page.locator("#details li.mention button[data-action=detach]")
    assert detach.count() == 2
    saving(page, lambda: detach.nth(1).click())
    parts = [e for e in document(out)["events"] if "river bridge" in e["text"]]
    assert len(parts) == 2
    open_event(page, "approved the river bridge plan on")
    saving(page, lambda: page.click("#details button[data-action=undo]"))
    assert [e["sources"] for e in document(out)["events"] if "river bridge" in e["text"]] == [2]
    assert page.errors == []


def test_the_offline_page_shows_corrections_and_offers_none(page, built) -> None:
    story, out = built
    doc = document(out)
    edit_event(story, event(doc, VOTE)["id"], headline=HOSTILE, pinned=True, out_dir=out)
    path = build_story(story, out, formats="html").outputs["html"]
    page.goto(path.as_uri())
    ready(page, "shown")
    assert row(page, HOSTILE).locator(".corrected-mark").count() == 1
    assert row(page, HOSTILE).locator(".pin-mark").count() == 1
    open_event(page, HOSTILE)
    corrections = page.locator("#details .corrections")
    assert "Pinned: always shown" in corrections.inner_text()
    assert "Corrected: headline rewritten" in corrections.inner_text()
    assert page.locator("#details .editor, #details button[data-action]").count() == 0
    assert page.locator("img").count() == 0 and page.dialogs == [] and page.errors == []
