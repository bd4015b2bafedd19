"""Look at built stories: open one in the browser, or serve the output folder locally.

`timeline open STORY` rebuilds a story whose page is older than its folder, then opens the
page; `timeline serve` serves `output/` on 127.0.0.1 with an index of every built story.
Everything read from the output folder's JSON files is untrusted: the index escapes every
string and builds links only from file names, and the server never leaves the folder.
"""

from __future__ import annotations

import html
import http.server
import io
import ipaddress
import json
import os
import re
import secrets
import sys
import threading
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.models import Interval, Problem
from timeline.resolve.calendar import unit_interval
from timeline.resolve.dates import human_date

if TYPE_CHECKING:
    from timeline.pipeline.build import BuildResult

Opener = Callable[[str], object]

# Names the index answers to; anything else is a file of the output folder.
_INDEX_ROUTES = ("/", "/index.html")
# Host headers accepted: a page of another site resolving its name to 127.0.0.1 (DNS
# rebinding) must not be able to read the outputs.
_LOCAL_NAMES = ("127.0.0.1", "localhost")
# A story's name, as `timeline new` allows it: no path of any kind.
_STORY_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# The index's only style; the page makes no request and runs no script.
_INDEX_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """One built story of an output folder, as the index lists it."""

    name: str  # the file stem: <name>.json and <name>.html
    title: str
    description: str
    events: int
    articles: int
    sources: int  # distinct outlets (articles' `source`), or articles when none is named
    first: date | None  # earliest event start
    last: date | None  # latest event end
    built_at: datetime  # the JSON's `built_at`, else the JSON file's modification time
    html_file: str

    @property
    def span(self) -> str:
        """The dates the story covers, as people write them ("Aug – 10 Oct 2025")."""
        if self.first is None or self.last is None:
            return "no dated events"
        return human_date(_span_interval(self.first, self.last))


def _span_interval(first: date, last: date) -> Interval:
    """The coarsest whole unit the span is exactly (a year, a month), else a run of days."""
    for granularity in ("year", "month"):
        unit = unit_interval(granularity, first)
        if (unit.begin, unit.end) == (first, last):
            return unit
    return Interval(first, last, "day")


# --- reading the output folder -------------------------------------------------------


def built_stories(out_dir: Path, problems: list[Problem] | None = None) -> list[StoryEntry]:
    """Every timeline build in `out_dir` that has its page, most recently built first.

    A JSON file that is not a timeline build (no `story` and `events`) is skipped quietly;
    one that cannot be read or parsed is skipped with a note in `problems`, if given.
    """
    root = Path(out_dir).resolve()
    entries: list[StoryEntry] = []
    for json_file in sorted(root.glob("*.json")):
        if json_file.name.startswith(".") or not _inside(json_file, root):
            continue
        page = json_file.with_suffix(".html")
        if not page.is_file() or not _inside(page, root):
            continue
        try:
            document = json.loads(json_file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            if problems is not None:
                problems.append(Problem(json_file.name, f"not readable as JSON ({_reason(exc)})"))
            continue
        entry = _entry(json_file, page, document)
        if entry is not None:
            entries.append(entry)
    entries.sort(key=lambda e: (e.built_at, e.name), reverse=True)
    return entries


def _entry(json_file: Path, page: Path, document: object) -> StoryEntry | None:
    """A StoryEntry from a build document, or None when it is not one; no field is trusted."""
    if not isinstance(document, dict):
        return None
    story, events = document.get("story"), document.get("events")
    if not isinstance(story, dict) or not isinstance(events, list):
        return None
    articles = document.get("articles")
    articles = articles if isinstance(articles, list) else []
    outlets = {
        a["source"].strip()
        for a in articles
        if isinstance(a, dict) and isinstance(a.get("source"), str) and a["source"].strip()
    }
    starts = _dates(e.get("start") for e in events if isinstance(e, dict))
    ends = _dates(e.get("end") for e in events if isinstance(e, dict))
    name = json_file.stem
    return StoryEntry(
        name=name,
        title=_text(story.get("title")) or name,
        description=_text(story.get("description")),
        events=len(events),
        articles=len(articles),
        sources=len(outlets) or len(articles),
        first=min(starts, default=None),
        last=max(ends, default=None),
        built_at=_built_at(story.get("built_at"), json_file),
        html_file=page.name,
    )


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _dates(values: Iterable[object]) -> list[date]:
    found = []
    for value in values:
        try:
            found.append(date.fromisoformat(str(value)[:10]))
        except ValueError:
            continue
    return found


def _built_at(value: object, json_file: Path) -> datetime:
    """The build's recorded time (UTC); the file's mtime for a document without one."""
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime.fromtimestamp(json_file.stat().st_mtime, UTC)


def _inside(path: Path, root: Path) -> bool:
    """Does `path`, links followed, stay inside `root` (already resolved)?"""
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):
        return False


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg}, line {exc.lineno}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8"
    return getattr(exc, "strerror", None) or str(exc)


# --- the index page ------------------------------------------------------------------

_STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto;
       max-width: 72rem; padding: 0 1rem; color: #1f2328; background: #fff; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; }
.meta { color: #656d76; margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .5rem .75rem;
         border-bottom: 1px solid #d0d7de; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: #656d76; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.when { white-space: nowrap; }
a { color: #0969da; text-decoration: none; } a:hover { text-decoration: underline; }
.title { font-weight: 600; } .files { font-size: .8rem; margin-left: .4rem; }
.description { color: #424a53; max-width: 32rem; }
code { background: #f6f8fa; padding: .1rem .3rem; border-radius: 4px; }
.problems { color: #9a6700; font-size: .85rem; margin-top: 1.5rem; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; } a { color: #4493f8; }
  th, .meta { color: #8d96a0; } td, th { border-color: #30363d; }
  .description { color: #c9d1d9; } code { background: #161b22; }
}
"""


def index_page(out_dir: Path) -> str:
    """A self-contained HTML page listing the stories built in `out_dir`."""
    problems: list[Problem] = []
    entries = built_stories(out_dir, problems)
    if entries:
        body = (
            f'<p class="meta">{len(entries)} {"story" if len(entries) == 1 else "stories"} in '
            f"<code>{_esc(Path(out_dir).resolve().name)}/</code>, most recently built first.</p>"
            + _table(entries, Path(out_dir))
        )
    else:
        body = (
            '<p class="meta">No stories built yet: run '
            "<code>timeline build stories/&lt;name&gt;</code>, then reload this page.</p>"
        )
    if problems:
        items = "".join(f"<li>{_esc(str(p))}</li>" for p in problems)
        body += f'<div class="problems">Skipped:<ul>{items}</ul></div>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{_INDEX_CSP}">'
        f"<title>Timelines</title><style>{_STYLE}</style></head>\n"
        f"<body><h1>Timelines</h1>{body}</body></html>\n"
    )


def _table(entries: list[StoryEntry], out_dir: Path) -> str:
    head = (
        "<tr><th>Story</th><th>Description</th><th>Dates</th><th>Events</th>"
        "<th>Articles</th><th>Sources</th><th>Last build</th></tr>"
    )
    rows = "".join(_row(e, out_dir) for e in entries)
    return f"<table><thead>{head}</thead><tbody>{rows}</tbody></table>"


def _row(entry: StoryEntry, out_dir: Path) -> str:
    """One story; links come from file names only, never from the JSON's content."""
    extras = [
        f'<a href="{_href(entry.name + suffix)}">{suffix[1:]}</a>'
        for suffix in (".json", ".csv")
        if (out_dir / f"{entry.name}{suffix}").is_file()
    ]
    files = f'<span class="files">{" · ".join(extras)}</span>' if extras else ""
    built = entry.built_at.astimezone(UTC)
    return (
        "<tr>"
        f'<td><a class="title" href="{_href(entry.html_file)}">{_esc(entry.title)}</a>{files}</td>'
        f'<td class="description">{_esc(entry.description)}</td>'
        f'<td class="when">{_esc(entry.span)}</td>'
        f'<td class="num">{entry.events}</td>'
        f'<td class="num">{entry.articles}</td>'
        f'<td class="num">{entry.sources}</td>'
        f'<td class="when"><time datetime="{_esc(built.isoformat())}">'
        f"{built:%d %b %Y %H:%M} UTC</time></td>"
        "</tr>"
    )


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _href(file_name: str) -> str:
    """A relative link to a file of the output folder, from its name alone."""
    return _esc(urllib.parse.quote(file_name, safe=""))


# --- the server ----------------------------------------------------------------------


class StoryServer(http.server.ThreadingHTTPServer):
    """Serves one output folder (`out_dir`, resolved) and its index; with `stories_dir`,
    the pages of the stories found there offer corrections (`timeline.app.editing`),
    posted with this run's `token`."""

    def __init__(
        self, address: tuple[str, int], out_dir: Path, quiet: bool, stories_dir: Path | None = None
    ) -> None:
        self.out_dir = out_dir
        self.quiet = quiet
        self.stories_dir = stories_dir
        self.token = secrets.token_urlsafe(32) if stories_dir is not None else ""
        self.edit_lock = threading.Lock()
        super().__init__(address, StoryRequestHandler)

    def story_folder(self, name: str) -> Path | None:
        """The folder of the story whose page is `<name>.html`, if it can be corrected."""
        if self.stories_dir is None or not _STORY_NAME.fullmatch(name):
            return None
        folder = self.stories_dir / name
        page = self.out_dir / f"{name}.html"
        return folder if folder.is_dir() and page.is_file() else None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/"


class StoryRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Files of the output folder only: no listings, no dotfiles, nothing outside it."""

    server: StoryServer

    def __init__(self, request: object, client_address: object, server: StoryServer) -> None:
        super().__init__(request, client_address, server, directory=str(server.out_dir))

    def send_head(self) -> io.BufferedIOBase | None:  # type: ignore[override]
        if not self._host_allowed():
            self.send_error(421, "Misdirected request")
            return None
        route = urllib.parse.urlsplit(self.path).path
        if route in _INDEX_ROUTES:
            return self._send_index()
        found = self._served_file()
        if found is None:
            self.send_error(404, "File not found")
            return None
        editable = found.suffix == ".html" and found.parent == self.server.out_dir
        if editable and self.server.story_folder(found.stem) is not None:
            return self._send_editable(found)
        return super().send_head()  # type: ignore[return-value]

    def _send_editable(self, page: Path) -> io.BytesIO:
        """A story's page with what it needs to offer corrections (`editing`)."""
        from timeline.app.editing import editable_page

        text = page.read_text(encoding="utf-8", errors="replace")
        body = editable_page(text, page.stem, self.server.token).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # it carries this run's token
        self.end_headers()
        return io.BytesIO(body)

    def do_POST(self) -> None:
        """A correction from a served page (`timeline.app.editing`); refused unless it
        is addressed to this machine and carries this run's token."""
        if not self._host_allowed():
            self.send_error(421, "Misdirected request")
            return
        from timeline.app.editing import handle_post

        status, answer = handle_post(self)
        body = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def translate_path(self, path: str) -> str:
        """The resolved file to send; the parent's mapping ignores `..` but follows links."""
        found = self._served_file(path)
        return str(found) if found is not None else ""

    def _served_file(self, path: str | None = None) -> Path | None:
        """The regular file a URL path names, links resolved, if it is inside the folder."""
        mapped = Path(super().translate_path(self.path if path is None else path))
        root = self.server.out_dir
        try:
            relative = mapped.relative_to(root)
            real = mapped.resolve(strict=True)
        except (ValueError, OSError, RuntimeError):
            return None
        if any(part.startswith(".") for part in relative.parts):
            return None  # temporary files of a build in progress, editor backups
        if not real.is_relative_to(root) or not real.is_file():
            return None
        return real

    def _send_index(self) -> io.BytesIO:
        """The index, made on each request so that new builds show up on reload."""
        body = index_page(self.server.out_dir).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", _INDEX_CSP)
        self.end_headers()
        return io.BytesIO(body)

    def _host_allowed(self) -> bool:
        host = self.headers.get("Host")
        if host is None:
            return True  # HTTP/1.0 clients send none
        try:
            name = urllib.parse.urlsplit(f"//{host}").hostname or ""
        except ValueError:
            return False  # "[bad": not a host name at all
        return name in (*_LOCAL_NAMES, self.server.server_address[0])

    def list_directory(self, path: str | os.PathLike[str]) -> None:  # type: ignore[override]
        self.send_error(404, "File not found")
        return None

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """One line per request; control characters of a hostile path are escaped."""
        if not self.server.quiet:
            message = (format % args).translate(self._control_char_table)  # type: ignore[attr-defined]
            sys.stderr.write(f"{self.log_date_time_string()} {message}\n")

    def log_error(self, format: str, *args: object) -> None:
        """Silent: the request's own line already shows the error status."""


def make_server(
    out_dir: Path,
    port: int = 8000,
    host: str = "127.0.0.1",
    quiet: bool = False,
    stories_dir: Path | None = None,
) -> StoryServer:
    """A server of `out_dir` bound to a loopback address (`port=0`: any free port); with
    `stories_dir`, the pages of its stories offer corrections (`timeline.app.editing`).

    Raises FileNotFoundError / NotADirectoryError for a missing folder (a typo in `--out`
    should not serve an empty page), ValueError for a host that is not the local machine,
    OSError when the port is taken. Call `serve_forever()`, then `server_close()`.
    """
    root = Path(out_dir).resolve()
    if not root.exists():
        raise FileNotFoundError(f"{out_dir}: no such folder")
    if not root.is_dir():
        raise NotADirectoryError(f"{out_dir}: not a folder")
    if not _is_loopback(host):
        raise ValueError(f"{host}: only a loopback address (127.0.0.1) can be served")
    stories = Path(stories_dir).resolve() if stories_dir is not None else None
    return StoryServer((host, port), root, quiet, stories)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.version == 4 and address.is_loopback


# --- opening one story ---------------------------------------------------------------


def page_path(story_dir: Path, out_dir: Path) -> Path:
    """Where a build writes the story's page: named after the folder's resolved name."""
    return Path(out_dir) / f"{Path(story_dir).resolve().name}.html"


def is_stale(story_dir: Path, out_dir: Path) -> bool:
    """Is the page missing, or older than any file or folder of the story?

    Folders count so that deleting or renaming an article (which changes only its
    folder's time) makes the page stale too. A story folder that cannot be read is
    stale: the build will say what is wrong.
    """
    page = page_path(story_dir, out_dir)
    try:
        built = page.stat().st_mtime
        return _newest_mtime(Path(story_dir)) > built
    except OSError:
        return True


def _newest_mtime(root: Path) -> float:
    newest = root.stat().st_mtime
    for dirpath, dirnames, filenames in os.walk(root):
        for name in (*dirnames, *filenames):
            try:
                newest = max(newest, (Path(dirpath) / name).stat().st_mtime)
            except OSError:
                continue  # a dangling link: the build reports it
    return newest


def open_story(
    story_dir: Path,
    out_dir: Path = Path("output"),
    opener: Opener | None = None,
    on_build: Callable[[BuildResult], None] | None = None,
) -> Path:
    """Build the story if its page is stale, open the page, and return the page's path.

    `opener` receives the page's file:// URI (default: `webbrowser.open`, looked up at
    call time); `on_build` receives the build's result when a build ran. Raises
    `timeline.BuildError` when the story cannot be built.
    """
    page = page_path(story_dir, out_dir)
    if is_stale(story_dir, out_dir):
        from timeline.pipeline.build import build_story

        result = build_story(story_dir, out_dir)
        page = result.outputs.get("html", page)
        if on_build is not None:
            on_build(result)
    if opener is None:
        import webbrowser

        opener = webbrowser.open
    opener(page.resolve().as_uri())
    return page
