"""What the page, the TimelineJS document and the image share: escaping, safe links,
outlet names and lanes.

Article text, titles, outlets and urls are untrusted everywhere they are shown.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from timeline.models import Article, Event, Interval
from timeline.resolve.calendar import value_interval
from timeline.resolve.dates import human_date

LANE_MODES = ("source", "none")
MAX_LANES = 12
SEVERAL_OUTLETS = "Several outlets"
OTHER_OUTLETS = "Other outlets"
ALL_EVENTS = "Events"
UNKNOWN_OUTLET = "Unknown outlet"
_SAFE_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


def esc(text: str) -> str:
    """HTML-escape text for element content and attribute values."""
    return html.escape(text, quote=True)


def safe_url(url: str) -> str:
    """`url` if it is an http(s) url with a host and nothing a browser would reinterpret
    (whitespace, control characters), else "": no `javascript:`, `data:` or relative links."""
    url = (url or "").strip()
    if not _SAFE_URL.fullmatch(url):
        return ""
    try:
        return url if urlsplit(url).hostname else ""
    except ValueError:  # an invalid IPv6 host
        return ""


def outlet(article: Article | None) -> str:
    """The outlet an article comes from: its source, else its url's site, else unknown."""
    if article is None:
        return UNKNOWN_OUTLET
    return _outlet(article.source, article.url)


@lru_cache(maxsize=4096)
def _outlet(source: str, url: str) -> str:
    if source.strip():
        return source.strip()
    url = safe_url(url)
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else UNKNOWN_OUTLET


def event_outlets(event: Event, articles: dict[str, Article]) -> list[str]:
    """The distinct outlets of an event, in the order they reported it."""
    return list(dict.fromkeys(outlet(articles.get(a)) for a in event.articles))


def assign_lanes(events: list[Event], articles: dict[str, Article], mode: str) -> list[str]:
    """Each event's lane: its outlet, "Several outlets", or "Other outlets" past the
    `MAX_LANES` busiest outlets; a single lane when `mode` is "none"."""
    if mode not in LANE_MODES:
        raise ValueError(f"unknown lanes {mode!r}; choose from {', '.join(LANE_MODES)}")
    if mode == "none":
        return [ALL_EVENTS] * len(events)
    raw = []
    for event in events:
        names = event_outlets(event, articles)
        raw.append(names[0] if len(names) == 1 else SEVERAL_OUTLETS)
    busiest = [name for name, _ in Counter(r for r in raw if r != SEVERAL_OUTLETS).most_common()]
    kept = set(busiest[: MAX_LANES - 1]) if len(busiest) > MAX_LANES - 1 else set(busiest)
    return [r if r == SEVERAL_OUTLETS or r in kept else OTHER_OUTLETS for r in raw]


def lane_order(lanes: list[str]) -> list[str]:
    """Lanes top to bottom: several outlets first, then by number of events."""
    counts = Counter(lanes)
    special = [SEVERAL_OUTLETS] if SEVERAL_OUTLETS in counts else []
    rest = sorted(
        (n for n in counts if n not in (SEVERAL_OUTLETS, OTHER_OUTLETS)),
        key=lambda n: (-counts[n], n),
    )
    return special + rest + ([OTHER_OUTLETS] if OTHER_OUTLETS in counts else [])


def conflict_date(value: str) -> str:
    """A conflict's date value ("2025-10-09", "2025-08", "begin/end") as a person writes it."""
    interval = value_interval(value)
    if interval is None and "/" in value:
        begin, _, end = value.partition("/")
        try:
            interval = Interval(date.fromisoformat(begin), date.fromisoformat(end), "day")
        except ValueError:
            interval = None
    return human_date(interval) if interval is not None else value
