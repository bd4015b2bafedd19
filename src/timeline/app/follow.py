"""Following a story on the web: the RSS and Atom feeds a story folder takes articles from.

- `follow_feed` checks that a URL is a readable feed and records it in the story's
  `story.toml` (`feeds = [{ url = "...", match = "..." }]`, written with tomlkit so that
  the rest of the file, comments included, stays as the user wrote it);
  `unfollow_feed` removes it.
- `update_story` reads every followed feed once and adds each entry not seen before, as
  `timeline add URL` adds a page (`feed.add_page`): fetched with `timeline.ingest.web`'s
  manners, read by the build's own HTML reader, refused when its text is in the story
  already. An entry's publication date is the page's own, else the feed entry's.
- What was seen (entries by GUID or link, each feed's `ETag`/`Last-Modified`) is kept in
  the story's hidden `.timeline-feeds.json`, never in the article files; one article is
  one file. An entry that failed is tried again on the next updates, `MAX_ATTEMPTS`
  times in all, then left.

Feeds are parsed by feedparser, always from bytes this module fetched: feedparser never
opens a URL or a file itself.
"""

from __future__ import annotations

import io
import json
import re
import tomllib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from timeline.app.add import PAGE_ACCEPT, add_page, adding_context
from timeline.app.stories import FeedError, check_story_folder
from timeline.fileio import write_atomic
from timeline.ingest.articles import STORY_FILE
from timeline.ingest.web import Fetched, Fetcher, FetchError, check_url
from timeline.models import Problem

STATE_FILE = ".timeline-feeds.json"
FEEDS_KEY = "feeds"
MAX_ATTEMPTS = 3
# Entry pages fetched at once (and at most `web.PER_HOST` of them from one host).
PARALLEL_FETCHES = 8
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,"
    "application/xml;q=0.8,text/xml;q=0.8,*/*;q=0.1"
)


@dataclass(frozen=True, slots=True)
class FollowedFeed:
    """A feed of the story, and the words its entries must contain (all of them)."""

    url: str
    match: str = ""


@dataclass(frozen=True, slots=True)
class FeedCheck:
    """What `follow_feed` found at the URL."""

    url: str
    title: str
    entries: int
    already: bool  # the story followed it before (its words may have changed)


# --- story.toml -------------------------------------------------------------------------


def followed_feeds(story: Path) -> list[FollowedFeed]:
    """The feeds a story follows, from its story.toml (none when it has none, or when
    the file cannot be read: a build reports that)."""
    try:
        data = tomllib.loads((Path(story) / STORY_FILE).read_text(encoding="utf-8-sig"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return []
    entries = data.get(FEEDS_KEY)
    if entries is None and isinstance(data.get("story"), dict):
        entries = data["story"].get(FEEDS_KEY)
    feeds = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, str):
            feeds.append(FollowedFeed(entry))
        elif isinstance(entry, dict) and isinstance(entry.get("url"), str):
            feeds.append(FollowedFeed(entry["url"], str(entry.get("match") or "")))
    return feeds


def _edit_feeds(story: Path, change: Callable[[list], None]) -> None:
    """Apply `change` to the story.toml's `feeds` array, keeping the rest of the file."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    path = Path(story) / STORY_FILE
    try:
        text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
        document = tomlkit.parse(text)
    except (OSError, UnicodeDecodeError, TOMLKitError) as exc:
        raise FeedError(f"{path}: cannot be read ({exc}); fix it first") from None
    table = document
    if FEEDS_KEY not in document and isinstance(document.get("story"), dict):
        table = document["story"]  # settings written under a [story] table
    feeds = table.get(FEEDS_KEY)
    if feeds is None:
        feeds = tomlkit.array()
        feeds.multiline(True)
    elif not isinstance(feeds, list):
        raise FeedError(f"{path}: '{FEEDS_KEY}' is not a list; fix it first")
    change(feeds)
    if len(feeds):
        table[FEEDS_KEY] = feeds
    elif FEEDS_KEY in table:
        del table[FEEDS_KEY]
    write_atomic(path, tomlkit.dumps(document))


def _feed_entry(url: str, match: str):
    import tomlkit

    entry = tomlkit.inline_table()
    entry["url"] = url
    if match:
        entry["match"] = match
    return entry


def _entry_url(entry) -> str:
    return entry if isinstance(entry, str) else str(entry.get("url", ""))


def follow_feed(
    story: Path, url: str, match: str = "", fetcher: Fetcher | None = None
) -> FeedCheck:
    """Check that `url` is a readable RSS or Atom feed and record it in the story (with
    the words its entries must contain); following it again changes only its words.
    Raises `FeedError` with a one-line reason otherwise, and records nothing."""
    folder = check_story_folder(story)
    try:
        check_url(url)
        fetched = (fetcher or Fetcher()).get(url, accept=FEED_ACCEPT)
    except FetchError as exc:
        raise FeedError(f"{url}: {exc}") from None
    parsed = parse_feed(fetched)
    if parsed is None:
        raise FeedError(f"{url}: not an RSS or Atom feed")
    match = " ".join(match.split())
    already = False

    def change(feeds: list) -> None:
        nonlocal already
        for index, entry in enumerate(feeds):
            if _entry_url(entry) == url:
                already = True
                feeds[index] = _feed_entry(url, match)
                return
        feeds.append(_feed_entry(url, match))

    _edit_feeds(folder, change)
    title = " ".join(str(parsed.feed.get("title", "")).split())
    return FeedCheck(url, title, len(parsed.entries), already)


def unfollow_feed(story: Path, url: str) -> None:
    """Stop following `url` (its seen entries are forgotten too). Raises `FeedError`
    when the story does not follow it."""
    folder = check_story_folder(story)
    if url not in {f.url for f in followed_feeds(folder)}:
        raise FeedError(f"{folder} does not follow {url}")
    _edit_feeds(folder, lambda feeds: _remove(feeds, url))
    state = _load_state(folder)
    if state["feeds"].pop(url, None) is not None:
        _save_state(folder, state)


def _remove(feeds: list, url: str) -> None:
    for index in reversed(range(len(feeds))):
        if _entry_url(feeds[index]) == url:
            del feeds[index]


def parse_feed(fetched: Fetched):
    """The feedparser result of a fetched document, or None when it is not a feed."""
    import feedparser

    headers = {"content-type": fetched.content_type} if fetched.content_type else {}
    # a stream, never a string: feedparser would open a string that names a URL or file
    parsed = feedparser.parse(io.BytesIO(fetched.data), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        return None
    return parsed


# --- timeline update --------------------------------------------------------------------


@dataclass(slots=True)
class UpdateReport:
    """What `update_story` did. Every list holds one-line messages."""

    added: list[Path] = field(default_factory=list)
    added_from: list[str] = field(default_factory=list)  # the entry of each added file
    already: int = 0  # entries seen before, or whose text is in the story
    not_matching: int = 0
    failed: list[Problem] = field(default_factory=list)  # entries, and feeds
    feeds_read: int = 0
    feeds_failed: int = 0

    def summary(self) -> str:
        """ "3 new articles, 12 already in story, 1 failed"."""
        parts = [
            f"{len(self.added)} new article{'s' * (len(self.added) != 1)}",
            f"{self.already} already in story",
        ]
        if self.not_matching:
            parts.append(f"{self.not_matching} not matching")
        parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts)


@dataclass(slots=True)
class _Entry:
    feed: FollowedFeed
    key: str  # GUID, else link
    link: str
    title: str
    summary: str
    day: date | None
    page: Fetched | None = None
    error: str = ""


def update_story(
    story: Path,
    fetcher: Fetcher | None = None,
    on_added: Callable[[str, Path], None] | None = None,
) -> UpdateReport:
    """Read each followed feed once and add its new entries (see the module docstring).
    `on_added(entry_link, path)` is told of each article as it is added. Raises
    `FeedError` when the story folder is missing or follows no feed."""
    folder = check_story_folder(story)
    feeds = followed_feeds(folder)
    if not feeds:
        raise FeedError(f"{folder} follows no feed (add one: timeline follow {folder} URL)")
    fetcher = fetcher or Fetcher()
    state = _load_state(folder)
    report = UpdateReport()
    entries: list[_Entry] = []
    for feed in feeds:
        entries += _new_entries(feed, fetcher, state, report)
    _fetch_pages([e for e in entries if not e.error], fetcher)
    context = adding_context(folder) if entries else None
    for entry in entries:
        seen = state["feeds"].setdefault(entry.feed.url, _empty_feed_state())
        if entry.error:
            _failed(seen, entry, entry.error, report)
            continue
        assert context is not None and entry.page is not None
        match = entry.feed.match
        if (
            match
            and not _matches(match, entry.title, entry.summary)
            and not _page_matches(match, entry.page)
        ):
            seen["seen"][entry.key] = "not matching"
            report.not_matching += 1
            continue
        before = len(context.report.added), len(context.report.duplicates)
        problems = len(context.report.problems)
        add_page(context, entry.link, entry.page, entry.day)
        if len(context.report.problems) > problems:
            _failed(seen, entry, context.report.problems[-1].message, report)
            continue
        seen["seen"][entry.key] = "added"
        seen["attempts"].pop(entry.key, None)
        if len(context.report.added) > before[0]:
            path = context.report.added[-1].path
            report.added.append(path)
            report.added_from.append(entry.link)
            if on_added is not None:
                on_added(entry.link, path)
        elif len(context.report.duplicates) > before[1]:
            report.already += 1
    _save_state(folder, state)
    return report


def _new_entries(feed, fetcher, state, report) -> list[_Entry]:
    """The entries of one feed not seen before (a conditional request: an unchanged
    feed gives none)."""
    seen = state["feeds"].setdefault(feed.url, _empty_feed_state())
    try:
        fetched = fetcher.get(
            feed.url, etag=seen.get("etag", ""), last_modified=seen.get("last_modified", ""),
            accept=FEED_ACCEPT,
        )  # fmt: skip
    except FetchError as exc:
        report.feeds_failed += 1
        report.failed.append(Problem(feed.url, f"feed not read: {exc}"))
        return []
    if fetched.not_modified:  # nothing new since the last update
        report.feeds_read += 1
        report.already += sum(1 for status in seen["seen"].values() if status == "added")
        return []
    parsed = parse_feed(fetched)
    if parsed is None:
        report.feeds_failed += 1
        report.failed.append(Problem(feed.url, "feed not read: not an RSS or Atom feed"))
        return []
    report.feeds_read += 1
    seen["etag"], seen["last_modified"] = fetched.etag, fetched.last_modified
    found = []
    for item in parsed.entries:
        link = str(item.get("link") or "")
        key = str(item.get("id") or link)
        if not key:
            continue
        if key in seen["seen"]:
            report.already += 1
            continue
        title = " ".join(str(item.get("title", "")).split()) or link
        entry = _Entry(feed, key, link, title, _plain(item.get("summary", "")), _day(item))
        if not link:
            entry.error = "the entry has no link"
        else:
            try:
                check_url(link)
            except FetchError as exc:
                entry.error = str(exc)
        found.append(entry)
    return found


def _fetch_pages(entries: list[_Entry], fetcher: Fetcher) -> None:
    def fetch(entry: _Entry) -> None:
        try:
            entry.page = fetcher.get(entry.link, accept=PAGE_ACCEPT)
        except FetchError as exc:
            entry.error = str(exc)

    with ThreadPoolExecutor(max_workers=PARALLEL_FETCHES) as pool:
        list(pool.map(fetch, entries))


def _failed(seen: dict, entry: _Entry, reason: str, report: UpdateReport) -> None:
    attempts = seen["attempts"].get(entry.key, 0) + 1
    seen["attempts"][entry.key] = attempts
    if attempts >= MAX_ATTEMPTS:
        seen["seen"][entry.key] = "failed"
        seen["attempts"].pop(entry.key)
        reason += f" (tried {attempts} times, not tried again)"
    report.failed.append(Problem(entry.link or entry.title, reason))


def _day(item) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = item.get(key)
        if value:
            try:
                return datetime(*value[:6], tzinfo=UTC).date()
            except (TypeError, ValueError):
                continue
    return None


_TAG = re.compile(r"<[^>]+>")


def _plain(html: str) -> str:
    return " ".join(_TAG.sub(" ", str(html)).split())


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _matches(match: str, *texts: str) -> bool:
    """Do the texts contain every word of `match` (case-blind, whole words)?"""
    wanted = _words(match)
    return wanted <= _words(" ".join(texts))


def _page_matches(match: str, page: Fetched) -> bool:
    from timeline.app.add import page_text
    from timeline.ingest.articles import ArticleError, parse_articles

    try:
        raws = parse_articles(page_text(page), ".html")
    except ArticleError:
        return True  # let adding report why the page cannot be read
    return any(_matches(match, raw.meta.get("title", ""), raw.body) for raw in raws)


# --- the state file ---------------------------------------------------------------------


def _empty_feed_state() -> dict:
    return {"etag": "", "last_modified": "", "seen": {}, "attempts": {}}


def _load_state(folder: Path) -> dict:
    """What was seen of each feed; a missing or damaged file is a fresh start (entries
    are then fetched again, and those in the story already are refused by their text)."""
    try:
        state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"feeds": {}}
    if not isinstance(state, dict) or not isinstance(state.get("feeds"), dict):
        return {"feeds": {}}
    for url, feed in list(state["feeds"].items()):
        if not isinstance(feed, dict):
            del state["feeds"][url]
            continue
        for key, empty in _empty_feed_state().items():
            if not isinstance(feed.get(key), type(empty)):
                feed[key] = empty
    return state


def _save_state(folder: Path, state: dict) -> None:
    write_atomic(folder / STATE_FILE, json.dumps(state, indent=1, sort_keys=True) + "\n")


def parse_interval(text: str) -> float:
    """ "15m" → 900.0 seconds ("30s", "2h", "1d", or plain seconds); at least 1 s.
    Raises ValueError."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text.lower())
    if not found:
        raise ValueError(f"not a duration: {text!r} (use e.g. 30s, 15m, 2h)")
    seconds = (
        float(found.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[found.group(2)]
    )
    if seconds < 1:
        raise ValueError("the interval must be at least 1 s")
    return seconds
