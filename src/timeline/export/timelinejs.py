"""TimelineJS export: the story as a TimelineJS3 JSON document, for newsrooms that use it.

The document follows TimelineJS3's JSON format: a `title` slide (the story's title and
description) and one `events` slide per timeline event, with `start_date`/`end_date`
date objects, `display_date`, `text.headline`/`text.text`, `group` and `unique_id`.

**Dates.** A TimelineJS date object holds `year`, optionally `month` and `day`; a field
present claims that precision, so an event gets only the fields its date really knows:

- The precision is the event's natural one — day for day, time and week events, month
  for month, season, quarter and half events, year for year, decade and century events —
  made finer when the interval does not start on the first day and end on the last day of
  that unit (a merged span "9–10 Oct" is at day precision even if its granularity is
  coarser).
- `start_date` is the interval's first day at that precision; `end_date` its last day at
  that precision, present only when the interval spans more than one unit of it. So
  "August 2025" is `{year, month}` alone; Q3 2025 is July..September at month precision;
  a week is its Monday..Sunday at day precision; winter 2025 is December 2025..February
  2026; the 1990s are 1990..1999; "9–10 Oct 2025" is two day-precision dates.
- Ends are inclusive, as everywhere in timeline (TimelineJS spreadsheets use the same
  reading). `display_date` carries the date as the page writes it ("Q3 2025").

**Text.** `text.headline` is the event's headline; `text.text` an HTML summary: each
source (outlet linked to the article, title, publication day) with the sentences it
reports and the expression that dated each, then any other dates sources give.

**Security.** TimelineJS inserts `headline`, `text`, `display_date` and the `group`
label as HTML (innerHTML), so every string that comes from an article, the story or a
date is HTML-escaped (`html.escape(..., quote=True)`). Only `http`/`https` article
urls are linked, in `<a>` tags with `rel="noopener noreferrer" target="_blank"`;
anything else (`javascript:`, `data:`) is shown as nothing at all. `autolink` is
switched off on every slide so TimelineJS does not turn url-like article text into links
of its own: the only links are the ones made here.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from timeline.export.shared import (
    assign_lanes,
    conflict_date,
    esc,
    outlet,
    safe_url,
)
from timeline.fileio import write_atomic
from timeline.models import Article, Conflict, Event, Interval, Mention, Story
from timeline.resolve.dates import human_date

# The precision TimelineJS is given for each granularity, before alignment checks.
_NATURAL_PRECISION = {
    "time": "day",
    "day": "day",
    "week": "day",
    "weekend": "day",
    "fortnight": "day",
    "month": "month",
    "season": "month",
    "quarter": "month",
    "half": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}
_FINER = {"year": "month", "month": "day"}
_LINK_ATTRS = 'rel="noopener noreferrer" target="_blank"'


def timelinejs_document(story: Story, events: list[Event], groups: list[str] | None = None) -> dict:
    """The TimelineJS3 JSON document of a story's events (a title slide, one slide each).

    `groups`, one per event, overrides each slide's group (so it can match the lanes the
    HTML page draws); "" leaves a slide without a group. By default the groups are the
    page's lanes by outlet.
    """
    articles = {a.id: a for a in story.articles}
    if groups is None:
        groups = assign_lanes(events, articles, "source")
    if len(groups) != len(events):
        raise ValueError(f"{len(groups)} groups for {len(events)} events")
    slides = [event_slide(e, articles, g) for e, g in zip(events, groups, strict=True)]
    return {"title": _title_slide(story), "events": slides}


def write_timelinejs(path: Path, document: dict) -> Path:
    """Write the document atomically, as readable UTF-8 JSON."""
    return write_atomic(path, json.dumps(document, ensure_ascii=False, indent=1) + "\n")


def event_slide(event: Event, articles: dict[str, Article], group: str = "") -> dict:
    """One TimelineJS slide: dates, headline, HTML summary, group ("": none) and id."""
    start, end = date_objects(event.interval)
    slide: dict = {"start_date": start}
    if end is not None:
        slide["end_date"] = end
    slide["display_date"] = esc(human_date(event.interval))
    slide["text"] = {"headline": esc(event.text), "text": summary_html(event, articles)}
    if group:
        slide["group"] = esc(group)
    slide["unique_id"] = event.id
    slide["autolink"] = False
    return slide


def date_objects(interval: Interval) -> tuple[dict, dict | None]:
    """TimelineJS `start_date` and `end_date` (None when one unit) of an interval.

    Only the fields the date knows are present: see the module docstring for the rule.
    """
    precision = date_precision(interval)
    start = _date_fields(interval.begin, precision)
    end = _date_fields(interval.end, precision)
    return start, (end if end != start else None)


def date_precision(interval: Interval) -> str:
    """ "year", "month" or "day": the granularity's precision, made finer until exact."""
    precision = _NATURAL_PRECISION.get(interval.granularity, "day")
    while precision != "day" and not _aligned(interval, precision):
        precision = _FINER[precision]
    return precision


def _aligned(interval: Interval, precision: str) -> bool:
    """Does the interval start on the first and end on the last day of `precision` units?"""
    begin, end = interval.begin, interval.end
    first_ok = begin.day == 1 and (precision == "month" or begin.month == 1)
    next_day = date.fromordinal(end.toordinal() + 1) if end < date.max else None
    last_ok = next_day is None or (
        next_day.day == 1 and (precision == "month" or next_day.month == 1)
    )
    return first_ok and last_ok


def _date_fields(day: date, precision: str) -> dict:
    fields = {"year": day.year}
    if precision in ("month", "day"):
        fields["month"] = day.month
    if precision == "day":
        fields["day"] = day.day
    return fields


def link(label: str, url: str) -> str:
    """`label` escaped, as a link to `url` when that is an http(s) url, else plain text."""
    text = esc(label)
    if not safe_url(url):
        return text
    return f'<a href="{esc(url)}" {_LINK_ATTRS}>{text}</a>'


def summary_html(event: Event, articles: dict[str, Article]) -> str:
    """The slide's body: each source with what it said, then the dates sources disagree on."""
    noun = "source" if event.sources == 1 else "sources"
    parts = [f"<p><b>{event.sources} {noun}</b></p>", "<ul>"]
    for article_id in event.articles:
        mentions = [m for m in event.mentions if m.article == article_id]
        parts.append(_source_item(article_id, articles.get(article_id), mentions))
    parts.append("</ul>")
    if event.conflicts:
        parts.append(_conflicts_html(event.conflicts, articles))
    return "".join(parts)


def _source_item(article_id: str, article: Article | None, mentions: list[Mention]) -> str:
    """One source: outlet (linked), title and day, then each sentence and its expression."""
    published = mentions[0].published if mentions else None
    if article is not None:
        heading = link(outlet(article), article.url)
        title = article.title.strip()
        if title:
            heading += f", <i>{esc(title)}</i>"
        published = article.published
    else:
        heading = esc(article_id)
    if published is not None:
        heading += f", {esc(human_date(Interval(published, published, 'day')))}"
    lines = [heading]
    for mention in mentions:
        line = esc(mention.sentence.strip())
        if mention.expression:
            line += f" <small>(dated by “{esc(mention.expression)}”)</small>"
        lines.append(line)
    return "<li>" + "<br>".join(lines) + "</li>"


def _conflicts_html(conflicts: tuple[Conflict, ...], articles: dict[str, Article]) -> str:
    """ "Other dates given: 9 Oct 2025 (Reuters)" for each date some sources give instead."""
    items = []
    for conflict in conflicts:
        outlets = dict.fromkeys(outlet(articles.get(a)) for a in conflict.articles)
        items.append(f"{esc(conflict_date(conflict.date))} ({esc(', '.join(outlets))})")
    return "<p><b>Other dates given:</b> " + "; ".join(items) + "</p>"


def _title_slide(story: Story) -> dict:
    """The opening slide: the story's title and description (escaped)."""
    description = story.description.strip()
    return {
        "text": {
            "headline": esc(story.title or story.name),
            "text": f"<p>{esc(description)}</p>" if description else "",
        },
        "autolink": False,
    }
