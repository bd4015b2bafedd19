"""Corrections from the page that `timeline serve` serves.

A story's page, served, carries the server's per-run token (a random 256-bit value,
new at every start) and the script that offers the corrections
(`export/static/corrections.js`); its Content-Security-Policy then lets it post to its
own server, and nowhere else. A correction is a POST to `/edit/<story>` with a JSON
body, and is taken only when:

- it is addressed to 127.0.0.1 or localhost (the Host header: no DNS rebinding), from a
  page of this server (the Origin header, when the browser sends one, as every browser
  does for a POST; Sec-Fetch-Site too),
- it carries the token in the `X-Timeline-Token` header: no other page or site can read
  it, and a custom header with a JSON body is never sent across sites without a CORS
  preflight, which this server never grants;
- every field is what it must be (`parse_request`) and the correction itself makes
  sense (`timeline.app.edit`: a known event, a date that parses...).

Otherwise the answer is an error with a clear message, and nothing is written. A
correction taken is written to the story's corrections file (atomically), and the story
is rebuilt as its last build was made (`previous_options`); the page then reloads and
shows the result. One correction at a time.
"""

from __future__ import annotations

import hmac
import json
import re
import secrets
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.app.edit import EditError, detach_mention, edit_event, merge_events, undo_edit
from timeline.export.html_out import PageOptions, corrections_assets, json_for_script
from timeline.pipeline.build import BuildOptions

if TYPE_CHECKING:
    from timeline.app.serve import StoryRequestHandler

MAX_BODY = 64 * 1024
MAX_DATE = 100
MAX_ARTICLE = 1000
MAX_MERGE = 50
TOKEN_HEADER = "X-Timeline-Token"
_EVENT_ID = re.compile(r"ev-[0-9a-f]{12}")
_ROUTE = re.compile(r"/edit/([^/]+)")
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
_NONCE = re.compile(r"'nonce-([A-Za-z0-9_-]+)'")
_CORRECTIONS_SCRIPT = re.compile(r'<script nonce="[^"]*" id="timeline-corrections">')
_SOURCE_LEGEND = re.compile(r'<span class="legend-note">[^<]*Lanes are outlets\.[^<]*</span>')
_PLOTLY_BESIDE = re.compile(r'<script nonce="[^"]*" src="plotly\.min\.js">')
_PLOTLY_CDN = re.compile(r'<script nonce="[^"]*" src="https://cdn\.plot\.ly/')
_FIELDS = {
    "edit": {"date", "headline", "hidden", "pinned"},
    "undo": set(),
    "merge": {"events"},
    "detach": {"article"},
}


def new_token() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class EditRequest:
    """A correction as the page asks for it, every field checked."""

    action: str
    event: str = ""
    events: tuple[str, ...] = ()
    date: str | None = None
    headline: str | None = None
    hidden: bool | None = None
    pinned: bool | None = None
    article: str | None = None


class RequestError(ValueError):
    """A request refused: its HTTP status and a message for the page."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def parse_request(body: object) -> EditRequest:
    """The fields of a correction's JSON body; RequestError (400) for anything else."""
    if not isinstance(body, dict):
        raise RequestError(400, "the request must be a JSON object")
    action = body.get("action")
    if action not in _FIELDS:
        raise RequestError(400, f"unknown action {action!r}: edit, undo, merge or detach")
    unknown = set(body) - _FIELDS[action] - {"action", "event"}
    if unknown:
        raise RequestError(400, f"unknown field {sorted(unknown)[0]!r} for {action}")
    if action == "merge":
        ids = body.get("events")
        if not isinstance(ids, list) or not 2 <= len(ids) <= MAX_MERGE:
            raise RequestError(400, "'events' must list the events to merge (two or more)")
        return EditRequest(action, events=tuple(_event_id(i) for i in ids))
    event = _event_id(body.get("event"))
    if action == "undo":
        return EditRequest(action, event)
    if action == "detach":
        article = body.get("article")
        if not isinstance(article, str) or not article.strip() or len(article) > MAX_ARTICLE:
            raise RequestError(400, "'article' must be the id of one of the event's articles")
        return EditRequest(action, event, article=article)
    date, headline = body.get("date"), body.get("headline")
    if date is not None and (not isinstance(date, str) or len(date) > MAX_DATE):
        raise RequestError(400, "'date' must be text, e.g. 2025-08-10 or 2025-08")
    if headline is not None and not isinstance(headline, str):
        raise RequestError(400, "'headline' must be text")
    flags = {}
    for name in ("hidden", "pinned"):
        value = body.get(name)
        if value is not None and not isinstance(value, bool):
            raise RequestError(400, f"'{name}' must be true or false")
        flags[name] = value
    if date is None and headline is None and flags["hidden"] is None and flags["pinned"] is None:
        raise RequestError(400, "nothing to change: give a date, a headline, hidden or pinned")
    return EditRequest(action, event, date=date, headline=headline, **flags)


def _event_id(value: object) -> str:
    if not isinstance(value, str) or not _EVENT_ID.fullmatch(value):
        raise RequestError(
            400, f"not an event id: {str(value)[:40]!r} (ids look like ev-141438d11eda)"
        )
    return value


# --- the served page -------------------------------------------------------------------


def editable_page(page: str, story: str, token: str) -> str:
    """A built page as the server sends it: with the token and the edit route, the
    corrections' script (the page's own nonce lets it run) when the page lacks it, and
    a policy that lets it post to this server. Every marker searched for is the page's
    own markup: text from articles is escaped (no `<` of its own) wherever it is."""
    found = _CSP.search(page)
    nonce = _NONCE.search(found.group(1)) if found else None
    if found is None or nonce is None:
        return page  # not a timeline page: sent as it is, without editing
    policy = found.group(1).replace("connect-src 'none'", "connect-src 'self'")
    page = page[: found.start(1)] + policy + page[found.end(1) :]
    config = json_for_script(
        {"story": story, "url": f"/edit/{urllib.parse.quote(story, safe='')}", "token": token}
    )
    block = f'\n<script type="application/json" id="timeline-edit">{config}</script>'
    body = page.find("<body>")
    if body < 0:
        return page
    page = page[: body + len("<body>")] + block + page[body + len("<body>") :]
    if not _CORRECTIONS_SCRIPT.search(page):
        style, script = corrections_assets(nonce.group(1))
        head, end = page.find("</head>"), page.rfind("</body>")
        if head < 0 or end < 0:
            return page
        page = page[:head] + style + page[head:end] + script + page[end:]
    return page


def previous_options(out_dir: Path, name: str) -> BuildOptions:
    """A rebuild as the story's last build was made: its outputs, the events it showed
    (filter, key dates), and how its page was drawn (lanes, plotly.js)."""
    out = Path(out_dir)
    suffixes = {"html": ".html", "json": ".json", "csv": ".csv", "timelinejs": ".timeline.json",
                "png": ".png", "svg": ".svg"}  # fmt: skip
    formats = tuple(f for f, suffix in suffixes.items() if (out / f"{name}{suffix}").is_file())
    options = BuildOptions(formats=formats or ("html",))
    try:
        stats = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["story"]["stats"]
    except (OSError, ValueError, KeyError, TypeError):
        stats = {}
    selection = stats.get("filter") if isinstance(stats, dict) else None
    if isinstance(selection, dict):
        if isinstance(selection.get("min_sources"), int):
            options.min_sources = selection["min_sources"]
        options.since = _day(selection.get("since"))
        options.until = _day(selection.get("until"))
    key = stats.get("key_dates") if isinstance(stats, dict) else None
    if isinstance(key, dict) and isinstance(key.get("dates"), int):
        options.key_dates = key["dates"]
        options.per_date = key.get("per_date") if isinstance(key.get("per_date"), int) else None
    try:
        page = (out / f"{name}.html").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return options
    options.lanes = "source" if _SOURCE_LEGEND.search(page) else "none"
    if _PLOTLY_BESIDE.search(page):
        options.plotlyjs = "directory"
    elif _PLOTLY_CDN.search(page):
        options.plotlyjs = "cdn"
    PageOptions(options.lanes, options.plotlyjs)  # both known values
    return options


def _day(value: object):
    from datetime import date

    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


# --- the POST ----------------------------------------------------------------------------


def story_of_route(handler: StoryRequestHandler) -> tuple[str, Path] | None:
    """The story a POST route names (`/edit/<story>`), if the server can correct it."""
    route = urllib.parse.urlsplit(handler.path).path
    found = _ROUTE.fullmatch(route)
    if found is None:
        return None
    name = urllib.parse.unquote(found.group(1))
    folder = handler.server.story_folder(name)
    return (name, folder) if folder is not None else None


def check_request(handler: StoryRequestHandler) -> None:
    """Refuse (RequestError) a POST from anywhere but a page this server served."""
    server = handler.server
    origin = handler.headers.get("Origin")
    if origin is not None and not _same_origin(origin, handler):
        raise RequestError(403, "another site cannot correct this story")
    site = handler.headers.get("Sec-Fetch-Site")
    if site is not None and site not in ("same-origin", "none"):
        raise RequestError(403, "another site cannot correct this story")
    token = handler.headers.get(TOKEN_HEADER, "")
    if not server.token or not hmac.compare_digest(token.encode(), server.token.encode()):
        raise RequestError(
            403, "this page cannot make corrections (no token, or the server restarted): reload it"
        )
    kind = handler.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise RequestError(415, "corrections are sent as application/json")


def _same_origin(origin: str, handler: StoryRequestHandler) -> bool:
    try:
        parts = urllib.parse.urlsplit(origin)
        port = parts.port
    except ValueError:
        return False
    host, server_port = handler.server.server_address[:2]
    return (
        parts.scheme == "http"
        and parts.hostname in ("127.0.0.1", "localhost", host)
        and port == server_port
    )


def read_body(handler: StoryRequestHandler) -> object:
    try:
        length = int(handler.headers.get("Content-Length", ""))
    except ValueError:
        raise RequestError(411, "the request has no Content-Length") from None
    if length <= 0:
        raise RequestError(400, "the request is empty")
    if length > MAX_BODY:
        raise RequestError(413, f"the request is larger than {MAX_BODY // 1024} kB")
    raw = handler.rfile.read(length)
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise RequestError(400, "the request is not JSON") from None


def perform(request: EditRequest, folder: Path, out_dir: Path, name: str) -> dict:
    """Make the correction and rebuild the story; the answer for the page."""
    started = time.perf_counter()
    options = previous_options(out_dir, name)
    try:
        if request.action == "edit":
            result = edit_event(
                folder, request.event, date=request.date, headline=request.headline,
                hidden=request.hidden, pinned=request.pinned, out_dir=out_dir, rebuild=options,
            )  # fmt: skip
        elif request.action == "undo":
            result = undo_edit(folder, request.event, out_dir=out_dir, rebuild=options)
        elif request.action == "merge":
            result = merge_events(folder, request.events, out_dir=out_dir, rebuild=options)
        else:
            assert request.article is not None
            result = detach_mention(
                folder, request.event, request.article, out_dir=out_dir, rebuild=options
            )
    except EditError as exc:
        raise RequestError(400, str(exc)) from None
    verb = "Undone" if request.action == "undo" else "Saved"
    seconds = time.perf_counter() - started
    return {
        "ok": True,
        "event": result.event,
        "message": f"{verb}: {result.correction.describe()} (rebuilt in {seconds:.1f} s).",
    }


def handle_post(handler: StoryRequestHandler) -> tuple[int, dict]:
    """The answer to a POST: a status and a JSON body (`error` when refused)."""
    try:
        found = story_of_route(handler)
        if found is None:
            raise RequestError(404, "no story to correct at this address")
        check_request(handler)
        request = parse_request(read_body(handler))
        name, folder = found
        with handler.server.edit_lock:
            return 200, perform(request, folder, handler.server.out_dir, name)
    except RequestError as exc:
        return exc.status, {"ok": False, "error": str(exc)}
