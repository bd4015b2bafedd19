"""HTML export: the timeline page a person reads, shares and embeds.

The page has a header (title, description, counts, date span, build time), the plotly
chart, a details panel for the clicked event (every mention, the expression that dated
it, its outlet and link, a "copy citation" button) and a table of all events that can be
filtered by words and by source and sorted by date or number of sources. A story with
corrections (`timeline.events.corrections`) also gets `static/corrections.js`, which
marks corrected events, and offers the corrections when `timeline serve` serves the page.

The chart is `timeline.export.chart`'s; this module writes the page around it, the data
its script reads (`page_data`) and the header's facts.

Security: article text, titles, outlets and urls are untrusted. Hover labels are
HTML-escaped before plotly sees them; the page's own script only writes text with
`textContent` and only links http(s) urls; data travels as JSON in
`<script type="application/json">` blocks with `<`, `>` and `&` escaped, so `</script>`
in an article cannot end a block; a Content-Security-Policy allows only the page's own
scripts (by nonce) and no network requests.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from string import Template

from timeline import __version__
from timeline.events.period import (
    StoryPeriod,
    background_before,
    sections,
    story_period,
)
from timeline.export.chart import _extent, _labelled, figure_dict
from timeline.export.shared import (
    LANE_MODES,
    assign_lanes,
    conflict_date,
    esc,
    event_outlets,
    outlet,
    safe_url,
)
from timeline.fileio import write_atomic
from timeline.models import Edit, Event, Story
from timeline.resolve.dates import human_date
from timeline.wording import count

PLOTLYJS_MODES = ("inline", "cdn", "directory")
PLOTLY_FILE = "plotly.min.js"


@dataclass(frozen=True, slots=True)
class PageOptions:
    """How the page is drawn: `lanes` (source | none) and where plotly.js comes from
    (inline: one copy in the page, works offline; cdn: a script tag to plotly's CDN;
    directory: plotly.min.js written beside the page)."""

    lanes: str = "source"
    plotlyjs: str = "inline"

    def __post_init__(self) -> None:
        if self.lanes not in LANE_MODES:
            raise ValueError(f"unknown lanes {self.lanes!r}; choose from {', '.join(LANE_MODES)}")
        if self.plotlyjs not in PLOTLYJS_MODES:
            raise ValueError(
                f"unknown plotlyjs {self.plotlyjs!r}; choose from {', '.join(PLOTLYJS_MODES)}"
            )


def json_for_script(data: object) -> str:
    """JSON that is safe inside a <script> element, whatever strings it holds."""
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# -- page data -----------------------------------------------------------------------


def page_data(
    story: Story,
    events: list[Event],
    lanes: list[str],
    key: set[str] | None = None,
    period: StoryPeriod | None = None,
    parts: list[str] | None = None,
) -> dict:
    """What the page's script needs: events with their mentions and section (story,
    background, expected: `timeline.events.period`; `parts`, when the caller has them),
    the articles, and the story's period; with `key`, which events are key events (the
    page then opens on them)."""
    if parts is None:
        parts = sections(events, period)
    index = {a.id: i for i, a in enumerate(story.articles)}
    articles = {a.id: a for a in story.articles}
    records = []
    for event, lane, part in zip(events, lanes, parts, strict=True):
        mentions = []
        for m in event.mentions:
            span = None
            if (
                m.dated_by == "expression"
                and m.start <= m.expression_start < m.expression_end <= m.end
            ):
                span = [m.expression_start - m.start, m.expression_end - m.start]
            mentions.append(
                {
                    "article": index[m.article],
                    "sentence": m.sentence,
                    "expression": span,
                    "dated_by": m.dated_by,
                }
            )
        conflicts = [
            {
                "display": conflict_date(c.date),
                "outlets": [outlet(articles[a]) if a in articles else a for a in c.articles],
            }
            for c in event.conflicts
        ]
        record = {
            "id": event.id,
            "date": event.date,
            "display": human_date(event.interval),
            "start": event.interval.begin.isoformat(),
            "end": event.interval.end.isoformat(),
            "text": event.text,
            "sources": event.sources,
            "score": event.score,
            "key": key is not None and event.id in key,
            "outlets": event_outlets(event, articles),
            "lane": lane,
            "section": part,
            "dated_by": event.dated_by,
            "conflicts": conflicts,
            "mentions": mentions,
        }
        if event.pinned:
            record["pinned"] = True
        if event.edited:
            record["edited"] = [{"text": edit_text(e), "made": e.made} for e in event.edited]
        records.append(record)
    view = period.view() if period is not None else None
    return {
        "story": {"name": story.name, "title": story.title},
        "period": None
        if period is None
        else {
            "begin": period.begin.isoformat(),
            "end": period.end.isoformat(),
            "display": _span_text(period.shown_begin, period.shown_end),
            "view": [view[0].isoformat(), view[1].isoformat()],
            "extent": [day.isoformat() for day in (_extent(events) if events else view)],
            "background": f"from before {_day_text(background_before(period))}",
            "expected": f"said ahead of time, or after {_day_text(period.end)}",
        },
        "key_view": key is not None,
        "events": records,
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "source": a.source,
                "url": safe_url(a.url),
                "published": a.published.isoformat(),
                "language": a.language,
            }
            for a in story.articles
        ],
    }


def edit_text(edit: Edit) -> str:
    """A correction as the page says it: "date set to August 2025 (was 10 Oct 2025)"."""
    if edit.what == "date":
        was = f" (was {conflict_date(edit.was)})" if edit.was else ""
        return f"date set to {conflict_date(str(edit.value))}{was}"
    if edit.what == "headline":
        return (
            f"headline rewritten (was \u201c{edit.was}\u201d)" if edit.was else "headline rewritten"
        )
    if edit.what == "hidden":
        return "hidden" if edit.value else "shown again"
    if edit.what == "pinned":
        return "pinned" if edit.value else "unpinned"
    if edit.what == "merged":
        return f"merged with {count(len(edit.value), 'other event')}"  # type: ignore[arg-type]
    if edit.what == "detached":
        if edit.source:
            return f"its mentions in {edit.value} detached from another event"
        return f"the mentions in {edit.value} detached into an event of their own"
    return edit.what


# -- the page ------------------------------------------------------------------------


@cache
def _static(name: str) -> str:
    return resources.files("timeline.export").joinpath("static", name).read_text("utf-8")


@cache
def plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def plotly_cdn_url() -> str:
    from plotly.offline import get_plotlyjs_version

    return f"https://cdn.plot.ly/plotly-{get_plotlyjs_version()}.min.js"


def _span_text(first, last) -> str:
    return f"{_day_text(first)} – {_day_text(last)}"


def _day_text(day) -> str:
    return f"{day.day} {day:%b %Y}"


def corrections_assets(nonce: str) -> tuple[str, str]:
    """The style and script that mark corrected events on the page (and offer the
    corrections when `timeline serve` serves it): only in pages that need them."""
    style = f'<style id="timeline-corrections-style">{_static("corrections.css")}</style>'
    script = (
        f'<script nonce="{nonce}" id="timeline-corrections">{_static("corrections.js")}</script>'
    )
    return style, script


def _summary(
    story: Story,
    events: list[Event],
    built_at: str,
    key: set[str] | None,
    period: StoryPeriod | None,
    parts: list[str] | None = None,
    hidden: int = 0,
) -> str:
    """The header's facts: "285 articles · 312 events, plus 40 background and 12
    expected · 4 sources · 20 Apr 2010 – 14 Jan 2011 · built ..." (with key events: "30
    key events of 312, plus ...")."""
    outlets = {outlet(a) for a in story.articles}
    if parts is None:
        parts = sections(events, period)
    story_events = sum(1 for p in parts if p == "story")
    background = sum(1 for p in parts if p == "background")
    expected = sum(1 for p in parts if p == "expected")
    if key is None:
        shown = count(story_events, "event")
    else:
        shown = f"{count(len(key), 'key event')} of {story_events:,}"
    extra = [
        f"{background:,} background" if background else "",
        f"{expected:,} expected" if expected else "",
    ]
    extra = [e for e in extra if e]
    if extra:
        shown += ", plus " + " and ".join(extra)
    if hidden:
        shown += f" ({hidden:,} hidden by corrections)"
    span = (
        _span_text(period.shown_begin, period.shown_end)
        if period is not None
        else "no dated events"
    )
    try:
        built = datetime.fromisoformat(built_at.replace("Z", "+00:00"))
        built_text = f"built {built.day} {built:%b %Y %H:%M} UTC"
    except ValueError:
        built_text = f"built {built_at}"
    parts = [
        count(len(story.articles), "article"),
        shown,
        count(len(outlets), "source"),
        span,
        built_text,
    ]
    return "".join(f"<span>{esc(p)}</span>" for p in parts)


def render_html(
    story: Story,
    events: list[Event],
    built_at: str,
    options: PageOptions | None = None,
    key: set[str] | None = None,
    hidden: int = 0,
    sectioned: tuple[StoryPeriod | None, list[str]] | None = None,
) -> str:
    """The whole page as a string (plotly.js as `options.plotlyjs` says). With `key`, the
    ids of the key events among `events`, the page opens on the key events and can show
    them all. `hidden`: how many events corrections hide (the header says so).
    `sectioned`: the story's period and each event's section in it, when the caller has
    them (`story_period`, `sections`)."""
    options = options or PageOptions()
    articles = {a.id: a for a in story.articles}
    lanes = assign_lanes(events, articles, options.lanes)
    if sectioned is None:
        period = story_period(story.articles, events, story.language)
        sectioned = period, sections(events, period)
    period, parts = sectioned
    labelled = _labelled(events, key, parts)
    figure = figure_dict(story, events, options.lanes, key, period, labelled, parts)
    nonce = secrets.token_urlsafe(16)
    if options.plotlyjs == "inline":
        script = f'<script nonce="{nonce}">{plotly_js()}</script>'
        source = ""
    elif options.plotlyjs == "cdn":
        script = f'<script nonce="{nonce}" src="{esc(plotly_cdn_url())}"></script>'
        source = " https://cdn.plot.ly"
    else:
        script = f'<script nonce="{nonce}" src="{PLOTLY_FILE}"></script>'
        source = " 'self'"
    csp = (
        f"default-src 'none'; script-src 'nonce-{nonce}' 'unsafe-eval'{source}; "
        "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    legend = (
        "Points are events of one day, sized by their number of sources; bars are longer "
        "periods. Lanes are outlets. Click an event for its sources."
        if options.lanes == "source"
        else "Points are events of one day, sized by their number of sources; bars are "
        "longer periods. Click an event for its sources."
    )
    corrected = hidden or any(e.edited or e.pinned for e in events)
    style, corrections_script = corrections_assets(nonce) if corrected else ("", "")
    return Template(_static("page.html")).substitute(
        csp=csp,
        version=__version__,
        title=esc(story.title),
        description=esc(story.description),
        summary=_summary(story, events, built_at, key, period, parts, hidden),
        legend=esc(legend),
        built_at=esc(built_at),
        css=_static("page.css"),
        corrections_style=style,
        plotly_script=script,
        data=json_for_script(page_data(story, events, lanes, key, period, parts)),
        figure=json_for_script(figure),
        nonce=nonce,
        app=_static("page.js"),
        corrections_script=corrections_script,
    )


def write_html(path: Path, page: str, options: PageOptions | None = None) -> Path:
    """Write the page; with `plotlyjs="directory"`, plotly.min.js beside it (once)."""
    options = options or PageOptions()
    if options.plotlyjs == "directory":
        bundle = path.parent / PLOTLY_FILE
        if not bundle.exists() or bundle.stat().st_size != len(plotly_js().encode()):
            write_atomic(bundle, plotly_js())
    return write_atomic(path, page)
