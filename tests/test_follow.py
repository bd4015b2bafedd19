"""Following a story on the web: `add URL`, `follow`, `unfollow`, `update`, `watch --poll`,
against a local HTTP server (127.0.0.1 only: nothing here reaches beyond the machine)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import write
from timeline.app.add import add_articles
from timeline.app.cli import main
from timeline.app.follow import (
    STATE_FILE,
    follow_feed,
    followed_feeds,
    parse_interval,
    unfollow_feed,
    update_story,
)
from timeline.app.stories import FeedError
from timeline.ingest import web
from timeline.ingest.web import Fetcher, FetchError

PARAGRAPHS = (
    "The harbour authority said on Tuesday that the port would reopen after the strike, "
    "which had stopped every ship for nine days and left hundreds of containers waiting "
    "on the quay. Dock workers voted to accept the offer at a meeting in the morning.",
    "Shipping companies welcomed the decision. A spokesperson for the largest line said "
    "the backlog would take at least two weeks to clear, and warned of delays for "
    "importers across the region until the end of the month.",
    "The union's leader told reporters that the agreement raised wages by four percent "
    "and limited night shifts, the two demands that had started the dispute in March.",
)


def page(title: str, published: str | None, extra: str = "") -> bytes:
    """A news page trafilatura reads: a title, paragraphs, and (optionally) a date."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{p} {extra}</p>" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{meta}</head><body>"
        f"<article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def rss(entries: list[dict]) -> bytes:
    items = "".join(
        "<item>"
        f"<title>{e['title']}</title><link>{e['link']}</link><guid>{e['link']}</guid>"
        + (f"<pubDate>{e['date']}</pubDate>" if e.get("date") else "")
        + (f"<description>{e['summary']}</description>" if e.get("summary") else "")
        + "</item>"
        for e in entries
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Port News</title>'
        f"<link>http://example.org/</link><description>x</description>{items}</channel></rss>"
    ).encode()


def atom(entries: list[dict]) -> bytes:
    items = "".join(
        f'<entry><title>{e["title"]}</title><link href="{e["link"]}"/><id>{e["link"]}</id>'
        f"<updated>{e['date']}</updated></entry>"
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Port Atom</title><id>urn:port</id><updated>2024-06-12T00:00:00Z</updated>"
        f"{items}</feed>"
    ).encode()


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    delay: float = 0.0
    etag: str = ""
    length: bool = True  # send Content-Length (else the body ends when the connection does)


class Site:
    """A local web site whose pages the tests change as they go."""

    def __init__(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, int]] = []  # (path, status) of every request
        self.user_agents: list[str] = []

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def requests_to(self, path: str) -> list[int]:
        return [status for p, status in self.log if p == path]


@pytest.fixture
def site() -> Iterator[Site]:
    holder: dict[str, Site] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            current = holder["site"]
            route = current.routes.get(self.path)
            current.user_agents.append(self.headers.get("User-Agent", ""))
            if route is None:
                route = Route(b"not found", 404, "text/plain")
            if route.delay:
                time.sleep(route.delay)
            status = route.status
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                status = 304
            modified = route.headers.get("Last-Modified")
            if modified and self.headers.get("If-Modified-Since") == modified:
                status = 304
            current.log.append((self.path, status))
            try:
                self.send_response(status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Type", route.content_type)
                    if route.length:
                        self.send_header("Content-Length", str(len(route.body)))
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.end_headers()
                if status != 304 and not 300 <= route.status < 400:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    holder["site"] = Site(server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield holder["site"]
    server.shutdown()
    server.server_close()


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "stories" / "port"
    folder.mkdir(parents=True)
    write(folder, "story.toml", '# my notes: keep them\ntitle = "Port strike"\n')
    return folder


def articles(story: Path) -> list[Path]:
    return sorted(p for p in story.iterdir() if p.suffix == ".md")


def serve_feed(site: Site, entries: list[dict], path: str = "/feed.xml", etag: str = "") -> str:
    site.routes[path] = Route(rss(entries), content_type="application/rss+xml", etag=etag)
    return site.url(path)


def entry(site: Site, name: str, title: str, published: str | None = "2024-06-11",
          date: str | None = "Tue, 11 Jun 2024 08:00:00 GMT", **extra) -> dict:  # fmt: skip
    site.routes[f"/{name}.html"] = Route(page(title, published, extra.pop("words", "")))
    return {"title": title, "link": site.url(f"/{name}.html"), "date": date, **extra}


# --- timeline add URL ------------------------------------------------------------------


def test_add_a_page_by_its_url(site: Site, story: Path) -> None:
    site.routes["/strike.html"] = Route(page("Port reopens after strike", "2024-06-11"))
    report = add_articles(story, [site.url("/strike.html")])
    assert report.ok and len(report.added) == 1
    text = report.added[0].path.read_text(encoding="utf-8")
    assert "date: 2024-06-11" in text and f"url: {site.url('/strike.html')}" in text
    assert "nine days" in text and site.user_agents[0].startswith("timeline/")
    again = add_articles(story, [site.url("/strike.html")])
    assert len(again.duplicates) == 1 and not again.added


def test_a_page_without_a_date_is_refused_unless_given_one(site: Site, story: Path) -> None:
    site.routes["/undated.html"] = Route(page("Port reopens", None))
    report = add_articles(story, [site.url("/undated.html")])
    assert not report.added and "no publication date" in report.problems[0].message
    report = add_articles(story, [site.url("/undated.html")], date="2024-06-12")
    assert len(report.added) == 1


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (None, "HTTP 404"),
        (Route(b"%PDF-1.4", content_type="application/pdf"), "not an HTML page (application/pdf)"),
        (Route(page("Slow", "2024-06-11"), delay=2.0), "timed out"),
        (Route(b"x" * 300_000, length=False), "too big"),
        (Route(b"x" * 300_000), "too big"),
        (Route(b"", 302, headers={"Location": "/page"}), "more than 5 redirects"),
        (Route(b"", 302, headers={"Location": "file:///etc/passwd"}), "only http and https"),
    ],
    ids=["missing", "not-html", "slow", "huge-streamed", "huge-declared", "loop", "to-a-file"],
)
def test_pages_that_cannot_be_added_are_one_line(
    site: Site, story: Path, monkeypatch: pytest.MonkeyPatch, route: Route | None, reason: str
) -> None:
    monkeypatch.setattr(web, "TIMEOUT", (2.0, 0.5))
    monkeypatch.setattr(web, "MAX_BYTES", 100_000)
    if route is not None:
        site.routes["/page"] = route
    report = add_articles(story, [site.url("/page")])
    (problem,) = report.problems
    assert reason in problem.message and "\n" not in problem.message
    assert problem.path == site.url("/page") and not articles(story)


def test_only_http_urls_are_fetched() -> None:
    with pytest.raises(FetchError, match="only http and https"):
        Fetcher().get("ftp://example.org/feed")


def test_the_cli_adds_urls_and_files_together(site: Site, story: Path, tmp_path: Path) -> None:
    site.routes["/strike.html"] = Route(page("Port reopens after strike", "2024-06-11"))
    saved = write(tmp_path, "saved.md", "---\ndate: 2024-06-10\n---\nShips queued on Monday.\n")
    result = CliRunner().invoke(main, ["add", str(story), site.url("/strike.html"), str(saved)])
    assert result.exit_code == 0, result.output
    assert len(articles(story)) == 2 and "2 added" in result.stderr


# --- follow / unfollow -------------------------------------------------------------------


def test_follow_records_the_feed_and_keeps_the_rest_of_story_toml(site: Site, story: Path) -> None:
    url = serve_feed(site, [entry(site, "a1", "Port reopens")])
    found = follow_feed(story, url, match="port  strike")
    assert (found.title, found.entries, found.already) == ("Port News", 1, False)
    text = (story / "story.toml").read_text(encoding="utf-8")
    assert text.startswith('# my notes: keep them\ntitle = "Port strike"\n')
    assert tomllib.loads(text)["feeds"] == [{"url": url, "match": "port strike"}]
    assert follow_feed(story, url).already  # again: only its words change
    assert followed_feeds(story)[0].match == ""
    unfollow_feed(story, url)
    assert followed_feeds(story) == [] and "# my notes" in (story / "story.toml").read_text()
    with pytest.raises(FeedError, match="does not follow"):
        unfollow_feed(story, url)


@pytest.mark.parametrize(
    "route",
    [
        Route(page("A page", "2024-06-11")),
        Route(b"this is { not xml", content_type="application/xml"),
        None,
    ],
    ids=["a-web-page", "malformed", "missing"],
)
def test_follow_refuses_what_is_not_a_feed(site: Site, story: Path, route: Route | None) -> None:
    if route is not None:
        site.routes["/feed"] = route
    before = (story / "story.toml").read_bytes()
    result = CliRunner().invoke(main, ["follow", str(story), site.url("/feed")])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and site.url("/feed") in lines[0]
    assert (story / "story.toml").read_bytes() == before


def test_follow_an_atom_feed(site: Site, story: Path) -> None:
    a1 = entry(site, "a1", "Port reopens", date="2024-06-11T08:00:00Z")
    site.routes["/atom"] = Route(atom([a1]), content_type="application/atom+xml")
    assert follow_feed(story, site.url("/atom")).title == "Port Atom"
    report = update_story(story)
    assert len(report.added) == 1 and report.summary().startswith("1 new article,")


# --- update --------------------------------------------------------------------------


def test_update_adds_new_entries_once(site: Site, story: Path) -> None:
    url = serve_feed(site, [entry(site, "a1", "Port reopens"), entry(site, "a2", "Ships queue")])
    follow_feed(story, url)
    first = update_story(story)
    assert (
        len(first.added) == 2 and first.summary() == "2 new articles, 0 already in story, 0 failed"
    )
    serve_feed(
        site, [entry(site, "a1", "Port reopens"), entry(site, "a2", "Ships queue"),
               entry(site, "a3", "Union votes", words="Ballots were counted.")],
    )  # fmt: skip
    second = update_story(story)
    (added,) = second.added
    assert "Ballots were counted." in added.read_text(encoding="utf-8")
    assert second.summary() == "1 new article, 2 already in story, 0 failed"
    assert site.requests_to("/a1.html") == [200]  # never fetched twice
    assert len(articles(story)) == 3
    state = json.loads((story / STATE_FILE).read_text())
    assert set(state["feeds"][url]["seen"]) == {site.url(f"/a{n}.html") for n in (1, 2, 3)}


def test_an_unchanged_feed_costs_one_small_request(site: Site, story: Path) -> None:
    url = serve_feed(site, [entry(site, "a1", "Port reopens")], etag='"v1"')
    follow_feed(story, url)
    update_story(story)
    before = len(site.log)
    report = update_story(story)
    assert site.log[before:] == [("/feed.xml", 304)]
    assert report.summary() == "0 new articles, 1 already in story, 0 failed"


def test_last_modified_is_honoured_too(site: Site, story: Path) -> None:
    url = serve_feed(site, [entry(site, "a1", "Port reopens")])
    site.routes["/feed.xml"].headers["Last-Modified"] = "Tue, 11 Jun 2024 09:00:00 GMT"
    follow_feed(story, url)
    update_story(story)
    update_story(story)
    assert site.requests_to("/feed.xml")[-1] == 304


def test_failed_entries_are_one_line_each_and_the_rest_goes_on(
    site: Site, story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web, "TIMEOUT", (2.0, 0.5))
    site.routes["/slow.html"] = Route(page("Slow", "2024-06-11"), delay=2.0)
    site.routes["/doc.pdf"] = Route(b"%PDF", content_type="application/pdf")
    entries = [
        entry(site, "a1", "Port reopens"),
        {"title": "Gone", "link": site.url("/gone.html")},
        {"title": "Slow", "link": site.url("/slow.html")},
        {"title": "A PDF", "link": site.url("/doc.pdf")},
    ]
    follow_feed(story, serve_feed(site, entries))
    result = CliRunner().invoke(main, ["update", str(story)])
    assert result.exit_code == 0  # the feed was read
    errors = result.stderr.strip().splitlines()
    assert errors[-1] == "1 new article, 0 already in story, 3 failed"
    assert any("gone.html: HTTP 404" in line for line in errors)
    assert any("slow.html: timed out" in line for line in errors)
    assert any("doc.pdf: not an HTML page" in line for line in errors)
    assert result.stdout.count("added as") == 1
    # failures are tried again, three times in all
    update_story(story)
    third = update_story(story)
    assert all("not tried again" in p.message for p in third.failed)
    assert update_story(story).failed == []


def test_a_page_without_a_date_takes_its_feed_entry_date(site: Site, story: Path) -> None:
    dated = entry(site, "a1", "Port reopens", published=None, date="Wed, 12 Jun 2024 09:00:00 GMT")
    undated = entry(site, "a2", "Ships queue", published=None, date=None)
    follow_feed(story, serve_feed(site, [dated, undated]))
    report = update_story(story)
    (added,) = report.added
    assert "date: 2024-06-12" in added.read_text(encoding="utf-8")
    assert "no publication date" in report.failed[0].message


def test_match_keeps_only_entries_about_the_story(site: Site, story: Path) -> None:
    entries = [
        entry(site, "a1", "Port strike ends"),
        entry(site, "a2", "Football results"),  # its text is about the port, not a strike
        entry(site, "a3", "Weather", words="The strike was called off."),
    ]
    site.routes["/a2.html"] = Route(page("Football results", "2024-06-11").replace(
        b"strike", b"match"))  # fmt: skip
    follow_feed(story, serve_feed(site, entries), match="strike")
    report = update_story(story)
    assert len(report.added) == 2 and report.not_matching == 1
    assert "1 not matching" in report.summary()


def test_update_without_feeds_or_readable_feeds_fails(site: Site, story: Path) -> None:
    result = CliRunner().invoke(main, ["update", str(story)])
    assert result.exit_code == 1 and "follows no feed" in result.stderr
    url = serve_feed(site, [entry(site, "a1", "Port reopens")])
    follow_feed(story, url)
    site.routes["/feed.xml"] = Route(b"gone", 500, "text/plain")
    result = CliRunner().invoke(main, ["update", str(story)])
    assert result.exit_code == 1 and f"{url}: feed not read: HTTP 500" in result.stderr


def test_a_damaged_state_file_is_a_fresh_start(site: Site, story: Path) -> None:
    follow_feed(story, serve_feed(site, [entry(site, "a1", "Port reopens")]))
    update_story(story)
    (story / STATE_FILE).write_text("{not json", encoding="utf-8")
    report = update_story(story)
    assert not report.added and report.already == 1  # refused by its text
    assert len(articles(story)) == 1


def test_parse_interval() -> None:
    assert [parse_interval(t) for t in ("15m", "30s", "2h", "90", "1d")] == [
        900,
        30,
        7200,
        90,
        86400,
    ]
    for bad in ("soon", "0s", "-5m"):
        with pytest.raises(ValueError):
            parse_interval(bad)


# --- watch --poll ------------------------------------------------------------------------


def test_watch_poll_picks_up_a_new_entry_and_rebuilds(
    site: Site, story: Path, tmp_path: Path
) -> None:
    first = entry(site, "a1", "Port reopens")
    url = serve_feed(site, [first])
    follow_feed(story, url)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "timeline", "watch", str(story), "--out", str(out)]
    process = subprocess.Popen(
        [*command, "--poll", "1s"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
    reader.start()

    def built(count: int) -> bool:
        document = out / "port.json"
        return (
            document.is_file()
            and json.loads(document.read_text(encoding="utf-8"))["story"]["stats"]["articles"]
            == count
        )

    try:
        deadline = time.monotonic() + 60
        while not built(1) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert built(1), lines
        serve_feed(site, [first, entry(site, "a2", "Ships queue", words="A new entry.")])
        while not built(2) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert built(2), lines  # picked up and rebuilt, no hand on the keyboard
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert any("a2.html: added as" in line for line in lines)
