"""`timeline open` and `timeline serve`: the index, the local server's guards, staleness."""

from __future__ import annotations

import http.client
import json
import os
import threading
import time
import webbrowser
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import article, write
from timeline import BuildError, build_story
from timeline.app.cli import main
from timeline.app.serve import (
    StoryServer,
    built_stories,
    index_page,
    is_stale,
    make_server,
    open_story,
)

TITLE = 'Rates <script>alert("x")</script> & "more"'


def write_story(folder: Path) -> Path:
    write(
        folder,
        "story.toml",
        f'title = {json.dumps(TITLE)}\ndescription = "Central banks\' <b>moves</b>"\n',
    )
    write(
        folder,
        "a.md",
        article("2024-06-14", "The central bank raised rates on Thursday.\n", source="Daily A"),
    )
    write(
        folder,
        "b.md",
        article("2024-06-20", "The bank's governor resigned on Monday.\n", source="Daily B"),
    )
    return folder


@pytest.fixture
def out(story: Path, tmp_path: Path) -> Path:
    """An output folder holding one real build of a two-article story."""
    write_story(story)
    folder = tmp_path / "out"
    build_story(story, folder)
    return folder


def get(port: int, path: str, host: str | None = None) -> tuple[int, dict[str, str], str]:
    """A request with `path` sent exactly as given (no client-side normalisation)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        headers = {"Host": host} if host else {}
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read().decode("utf-8", "replace")
        return response.status, dict(response.getheaders()), body
    finally:
        conn.close()


@pytest.fixture
def server(out: Path) -> Iterator[StoryServer]:
    running = make_server(out, port=0, quiet=True)
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield running
    finally:
        running.shutdown()
        running.server_close()
        thread.join(5)


# --- reading the output folder -------------------------------------------------------


def test_built_stories_reads_real_builds(out: Path) -> None:
    [entry] = built_stories(out)
    assert entry.name == "test-story" and entry.html_file == "test-story.html"
    assert entry.title == TITLE
    assert entry.description == "Central banks' <b>moves</b>"
    assert entry.articles == 2 and entry.sources == 2 and entry.events >= 2
    assert entry.first == date(2024, 6, 13) and entry.last == date(2024, 6, 17)
    assert entry.span == "13–17 Jun 2024"
    assert entry.built_at.tzinfo is not None


def test_built_stories_skips_what_is_not_a_build(out: Path) -> None:
    write(out, "notes.json", '{"hello": 1}')
    write(out, "notes.html", "<p>not a build</p>")
    write(out, "broken.json", "{not json")
    write(out, "broken.html", "")
    write(out, "list.json", "[1, 2]")
    write(out, "list.html", "")
    write(out, "pageless.json", json.dumps({"story": {"title": "No page"}, "events": []}))
    problems: list = []
    assert [e.name for e in built_stories(out, problems)] == ["test-story"]
    assert [p.path for p in problems] == ["broken.json"]
    assert "not readable as JSON" in problems[0].message
    assert "broken.json: not readable as JSON" in index_page(out)


def test_built_stories_most_recent_first_and_hostile_fields(out: Path) -> None:
    document = {
        "story": {"title": 42, "description": ["x"], "built_at": "2999-01-01T00:00:00Z"},
        "articles": [{"source": "  "}, "junk", {"source": None}],
        "events": [{"start": "2024-08-01", "end": "2024-08-31"}, {"start": "nope"}, 7],
    }
    write(out, "odd.json", json.dumps(document))
    write(out, "odd.html", "")
    newest, older = built_stories(out)
    assert (newest.name, older.name) == ("odd", "test-story")
    assert newest.title == "odd" and newest.description == ""
    assert (newest.events, newest.articles, newest.sources) == (3, 3, 3)
    assert newest.span == "August 2024"


# --- the index page ------------------------------------------------------------------


def test_index_escapes_every_string(out: Path) -> None:
    page = index_page(out)
    assert "<script" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;more&quot;" in page
    assert "Central banks&#x27; &lt;b&gt;moves&lt;/b&gt;" in page
    assert 'href="test-story.html"' in page and 'href="test-story.json"' in page
    assert "13–17 Jun 2024" in page and "http" not in page.replace("http-equiv", "")


def test_index_links_come_from_file_names_only(out: Path) -> None:
    document = {
        "story": {"name": "javascript:alert(1)", "title": '"><img src=x onerror=alert(1)>'},
        "events": [],
    }
    write(out, 'we"ird <name>.json', json.dumps(document))
    write(out, 'we"ird <name>.html', "")
    page = index_page(out)
    assert 'href="we%22ird%20%3Cname%3E.html"' in page
    assert "javascript:" not in page and "<img" not in page
    assert "no dated events" in page


def test_index_of_an_empty_folder(tmp_path: Path) -> None:
    page = index_page(tmp_path)
    assert "No stories built yet" in page and "timeline build stories/&lt;name&gt;" in page


# --- the server ----------------------------------------------------------------------


def test_server_serves_index_and_pages(server: StoryServer, out: Path) -> None:
    port = server.server_address[1]
    assert server.url == f"http://127.0.0.1:{port}/"
    for route in ("/", "/index.html", "/?reload=1"):
        status, headers, body = get(port, route)
        assert status == 200 and "&lt;script&gt;" in body and "test-story.html" in body
        assert headers["Cache-Control"] == "no-store"
        assert "default-src 'none'" in headers["Content-Security-Policy"]
    status, headers, body = get(port, "/test-story.html")
    assert status == 200 and headers["Content-type"].startswith("text/html")
    assert body == (out / "test-story.html").read_text(encoding="utf-8")
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_index_shows_new_builds_without_restart(server: StoryServer, out: Path) -> None:
    port = server.server_address[1]
    assert "Later story" not in get(port, "/")[2]
    write(out, "later.json", json.dumps({"story": {"title": "Later story"}, "events": []}))
    write(out, "later.html", "")
    assert "Later story" in get(port, "/")[2]


def test_server_refuses_everything_outside_the_folder(
    server: StoryServer, out: Path, tmp_path: Path
) -> None:
    port = server.server_address[1]
    write(tmp_path, "secret.txt", "TOP SECRET")
    (out / "leak.html").symlink_to(tmp_path / "secret.txt")
    (out / "linked").symlink_to(tmp_path, target_is_directory=True)
    write(out, "sub/page.html", "inside")
    write(out, ".test-story.html.abc.tmp", "half written")
    for path in (
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "//etc/passwd",
        "/leak.html",
        "/linked/secret.txt",
        "/sub/",
        "/sub",
        "/.test-story.html.abc.tmp",
        "/missing.html",
    ):
        status, _, body = get(port, path)
        assert status == 404, path
        assert "TOP SECRET" not in body and "Directory listing" not in body
    assert get(port, "/sub/page.html")[:1] == (200,)


def test_server_refuses_foreign_host_names(server: StoryServer) -> None:
    port = server.server_address[1]
    assert get(port, "/", host="evil.example")[0] == 421
    assert get(port, "/", host="[bad")[0] == 421
    assert get(port, "/", host=f"localhost:{port}")[0] == 200


def test_server_logs_one_line_per_request(out: Path, capfd: pytest.CaptureFixture[str]) -> None:
    running = make_server(out, port=0)
    thread = threading.Thread(target=running.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        port = running.server_address[1]
        assert [get(port, p)[0] for p in ("/", "/nope.html")] == [200, 404]
    finally:
        running.shutdown()
        running.server_close()
        thread.join(5)
    lines = capfd.readouterr().err.splitlines()
    assert len(lines) == 2
    assert '"GET / HTTP/1.1" 200' in lines[0] and '"GET /nope.html HTTP/1.1" 404' in lines[1]


def test_make_server_checks_folder_and_host(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        make_server(tmp_path / "missing", port=0)
    with pytest.raises(NotADirectoryError):
        make_server(write(tmp_path, "file.txt", "x"), port=0)
    with pytest.raises(ValueError, match="loopback"):
        make_server(tmp_path, port=0, host="0.0.0.0")


# --- staleness and opening -----------------------------------------------------------


def age(path: Path, seconds: float) -> None:
    """Set a file's times `seconds` in the past: mtime ties cannot blur the tests."""
    moment = time.time() - seconds
    os.utime(path, (moment, moment))


def test_is_stale(story: Path, tmp_path: Path) -> None:
    write_story(story)
    out = tmp_path / "out"
    assert is_stale(story, out)
    build_story(story, out)
    assert not is_stale(story, out)
    write(story, "a.md", article("2024-06-14", "Rates rose again on Thursday.\n"))
    assert is_stale(story, out)
    build_story(story, out)
    age(out / "test-story.html", 100)
    for path in [story, *story.iterdir()]:
        age(path, 200)
    assert not is_stale(story, out)
    (story / "b.md").unlink()  # only the folder's time changes
    assert is_stale(story, out)
    assert is_stale(tmp_path / "missing", out)


def test_open_story_builds_when_needed(story: Path, tmp_path: Path) -> None:
    write_story(story)
    out = tmp_path / "out"
    opened: list[str] = []
    builds: list[object] = []
    page = open_story(story, out, opener=opened.append, on_build=builds.append)
    assert page == out / "test-story.html" and page.is_file()
    assert opened == [page.resolve().as_uri()] and opened[0].startswith("file:///")
    assert len(builds) == 1
    open_story(story / ".." / "test-story", out, opener=opened.append, on_build=builds.append)
    assert len(opened) == 2 and len(builds) == 1  # fresh page: opened, not rebuilt
    with pytest.raises(BuildError):
        open_story(tmp_path / "missing", out, opener=opened.append)
    assert len(opened) == 2


# --- the commands --------------------------------------------------------------------


def test_open_command(story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_story(story)
    out = tmp_path / "out"
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda uri: opened.append(uri) or True)
    result = CliRunner().invoke(main, ["open", str(story), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out / "test-story.html")
    assert "built: 2 articles" in result.stderr
    assert opened == [(out / "test-story.html").resolve().as_uri()]
    result = CliRunner().invoke(main, ["open", str(story), "--out", str(out)])
    assert result.exit_code == 0 and "built" not in result.stderr


def test_open_command_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webbrowser, "open", lambda uri: pytest.fail("opened"))
    result = CliRunner().invoke(main, ["open", str(tmp_path / "nope")])
    assert result.exit_code == 1 and result.stderr.startswith("error: ")


def test_serve_command(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs the real command; its serve_forever answers one request, then gets Ctrl+C."""
    answered: list[tuple[int, str]] = []
    serve_forever = StoryServer.serve_forever

    def serve_once(self: StoryServer, poll_interval: float = 0.5) -> None:
        thread = threading.Thread(target=serve_forever, args=(self, 0.05))
        thread.start()
        try:
            status, _, body = get(self.server_address[1], "/")
            answered.append((status, body))
        finally:
            self.shutdown()
            thread.join(5)
        raise KeyboardInterrupt

    monkeypatch.setattr(StoryServer, "serve_forever", serve_once)
    browsed: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: browsed.append(url) or True)
    result = CliRunner().invoke(main, ["serve", "--out", str(out), "--port", "0", "--open", "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Serving {out} at http://127.0.0.1:")
    assert result.stdout.rstrip().endswith("/ (Ctrl+C to stop)")
    assert browsed and browsed[0] in result.stdout
    [(status, body)] = answered
    assert status == 200 and "test-story.html" in body


def test_serve_command_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--out", str(tmp_path / "missing")])
    assert result.exit_code == 1 and "no such folder" in result.stderr
    with make_server(tmp_path, port=0) as taken:
        port = str(taken.server_address[1])
        result = CliRunner().invoke(main, ["serve", "--out", str(tmp_path), "--port", port])
    assert result.exit_code == 1 and "cannot listen on" in result.stderr
