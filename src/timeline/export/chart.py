"""The chart of the timeline page, as plain data for plotly.js.

One lane per outlet (`lanes="source"`; an event reported by several outlets has its own
lane) or a single lane (`lanes="none"`). Day events are points sized by their number of
sources; longer events (a week, a month, a season, a year, a span of days) are
translucent bars over their whole period, never a fake exact day. Stories of up to
`RANGE_SLIDER_MAX_EVENTS` events are drawn in SVG with a range slider under the chart;
larger ones in WebGL (`scattergl`, which the range slider cannot draw), so that 10,000
events stay usable. The chart opens on the story's period (`timeline.events.period`),
with the key (or best-scored) events labelled in rows above the lanes, no two labels
overlapping.

Every text is escaped for plotly (`plotly_text`): article text is untrusted.
"""

from __future__ import annotations

import html
import json
import pkgutil
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from timeline.events.period import (
    VIEW_MARGIN_SHARE,
    StoryPeriod,
    sections,
)
from timeline.export.shared import (
    assign_lanes,
    conflict_date,
    event_outlets,
    lane_order,
)
from timeline.models import Event, Story
from timeline.resolve.dates import human_date
from timeline.wording import count

if TYPE_CHECKING:
    import plotly.graph_objects as go

RANGE_SLIDER_MAX_EVENTS = 2000
_PALETTE = (
    "#0b5cad",
    "#c2410c",
    "#15803d",
    "#7e22ce",
    "#b91c1c",
    "#0e7490",
    "#a16207",
    "#be185d",
    "#4d7c0f",
    "#1d4ed8",
    "#9a3412",
    "#6d28d9",
    "#57534e",
)
_ROWS_PER_LANE = 4


def plotly_text(text: str) -> str:
    """Text for plotly's labels, which read a few HTML tags (<b>, <a>, <span style>) but
    decode only &lt;, &gt; and &amp;: escaping those three makes any text literal."""
    return html.escape(text, quote=False)


# -- lanes ---------------------------------------------------------------------------


def _rows_within_lanes(events: list[Event], lanes: list[str]) -> list[int]:
    """Stack events of a lane in a few rows so that same-day points and overlapping
    spans do not hide each other."""
    if not events:
        return []
    span = max(e.interval.end for e in events) - min(e.interval.begin for e in events)
    gap = timedelta(days=max(1, span.days // 150))
    row_end: dict[str, list] = {}
    rows = []
    for event, lane in zip(events, lanes, strict=True):
        ends = row_end.setdefault(lane, [])
        for index, end in enumerate(ends):
            if end + gap <= event.interval.begin:
                ends[index] = event.interval.end
                rows.append(index)
                break
        else:
            if len(ends) < _ROWS_PER_LANE:
                ends.append(event.interval.end)
                rows.append(len(ends) - 1)
            else:
                index = min(range(len(ends)), key=lambda i: ends[i])
                ends[index] = max(ends[index], event.interval.end)
                rows.append(index)
    return rows


# -- figure --------------------------------------------------------------------------


def _hover(event: Event, names: list[str]) -> str:
    lines = [f"<b>{plotly_text(human_date(event.interval))}</b>"]
    lines += [plotly_text(line) for line in _wrap(event.text, 80)]
    shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
    lines.append(f"<i>{plotly_text(count(event.sources, 'source'))}: {plotly_text(shown)}</i>")
    for conflict in event.conflicts:
        lines.append(
            plotly_text(
                f"also dated {conflict_date(conflict.date)} by "
                f"{count(len(conflict.articles), 'article')}"
            )
        )
    if event.edited:
        what = ", ".join(dict.fromkeys(e.what for e in event.edited))
        lines.append(f"<i>{plotly_text(f'corrected by an editor: {what}')}</i>")
    return "<br>".join(lines)


def _wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap (textwrap.wrap costs too much for 10,000 hover labels)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def _is_point(event: Event) -> bool:
    return event.interval.granularity == "day" and event.interval.days == 1


def build_figure(story: Story, events: list[Event], lanes: str = "source") -> go.Figure:
    """The chart as a plotly figure (for image export; see `figure_dict`)."""
    import plotly.graph_objects as go

    return go.Figure(figure_dict(story, events, lanes))


def figure_dict(
    story: Story,
    events: list[Event],
    lanes: str = "source",
    key: set[str] | None = None,
    period: StoryPeriod | None = None,
    labelled: set[str] | None = None,
    parts: list[str] | None = None,
) -> dict:
    """The chart: points for day events, translucent spans for longer ones (see module),
    as plain data for plotly.js (building plotly's validated objects for 10,000 events
    would cost more than the rest of the page).

    With `key` (the ids of the key events), each lane has key, apart (background and
    expected) and other traces (`meta`): key events are outlined, and the other traces
    start hidden for the page's "key events" view. With `period`, the chart opens on the story's
    period (`StoryPeriod.view`); the events of `labelled` get their short headline on
    the chart, in rows above the lanes, none overlapping another (`_place_labels`).
    `parts` are the events' sections in `period` (`timeline.events.period.sections`),
    when the caller has them."""
    if parts is None:
        parts = sections(events, period)
    articles = {a.id: a for a in story.articles}
    lane_of = assign_lanes(events, articles, lanes)
    order = lane_order(lane_of)
    rows = _rows_within_lanes(events, lane_of)
    position = {name: len(order) - 1 - i for i, name in enumerate(order)}
    # SVG traces for small stories (the range slider draws them); WebGL beyond
    few = len(events) <= RANGE_SLIDER_MAX_EVENTS
    kind = "scatter" if few else "scattergl"
    traces: list[dict] = []
    y_of: dict[int, float] = {}
    # background and expected events outside the story's period stay drawn in the key
    # view, where "Everything" should find them (they are out of the first view)
    apart = {
        i
        for i, part in enumerate(parts)
        if part != "story"
        and (events[i].interval.end < period.begin or events[i].interval.begin > period.end)
    }
    in_lane: dict[str, list[int]] = {lane: [] for lane in order}
    for i, name in enumerate(lane_of):
        in_lane[name].append(i)
    for lane_index, lane in enumerate(order):
        color = _PALETTE[lane_index % len(_PALETTE)]
        members = in_lane[lane]
        y = {i: position[lane] + 0.18 * rows[i] - 0.27 for i in members}
        y_of.update(y)
        if key is None:
            groups = [("", members)]
        else:
            groups = [
                ("key", [i for i in members if events[i].id in key]),
                ("apart", [i for i in members if events[i].id not in key and i in apart]),
                ("other", [i for i in members if events[i].id not in key and i not in apart]),
            ]
        for group, chosen in groups:
            if chosen:
                traces += _lane_traces(events, chosen, y, lane, color, kind, group, articles)
    view = period.view() if period is not None else None
    top = len(order) - 0.4  # above the top lane: the rows of labels
    annotations = _place_labels(events, labelled or set(), y_of, view, top)
    label_rows = 1 + max((a["row"] for a in annotations), default=-1)
    for annotation in annotations:
        del annotation["row"]
    layout = {
        "template": _template("plotly_white"),
        "height": 160 + 64 * max(1, len(order)) + _LABEL_ROW_PIXELS * label_rows,
        "margin": {"l": 150, "r": 20, "t": 40, "b": 40},
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
        "dragmode": "zoom",
        "xaxis": {
            "type": "date",
            "showgrid": True,
            "rangeselector": {
                "buttons": [
                    {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
                    {"count": 6, "label": "6m", "step": "month", "stepmode": "backward"},
                    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                    {"step": "all", "label": "all"},
                ]
            },
            "rangeslider": {"visible": few, "thickness": 0.08},
        },
        "yaxis": {
            "tickvals": [position[name] for name in order],
            "ticktext": [plotly_text(name[:22]) for name in order],
            "range": [-0.6, top + _LABEL_ROW_HEIGHT * label_rows],
            "fixedrange": True,
            "zeroline": False,
        },
        "annotations": annotations,
    }
    if view is not None:
        layout["xaxis"]["range"] = [view[0].isoformat(), view[1].isoformat()]
    return {"data": traces, "layout": layout}


# Labels on the chart: rows above the lanes (in lane units, and the pixels each adds to
# the chart's height), at most `_LABEL_ROWS` of them; a label's width is estimated for
# `_LABEL_FONT` px text on a plot `_PLOT_PIXELS` wide (a laptop's window; the page is
# responsive, so on a narrower one labels may touch).
_LABEL_ROWS = 6
_LABEL_ROW_HEIGHT = 0.42
_LABEL_ROW_PIXELS = 26
_LABEL_FONT = 11
_LABEL_CHAR_PIXELS = 6.4
_LABEL_PADDING_PIXELS = 14
_LABEL_CHARS = 34
_PLOT_PIXELS = 1000


def short_headline(text: str, limit: int = _LABEL_CHARS) -> str:
    """A label's text: the headline cut at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:.-–—")
    return (cut or text[:limit]) + "…"


def _place_labels(events, labelled, y_of, view, top) -> list[dict]:
    """Annotations for the labelled events: each label's text sits in the first row above
    the lanes where it overlaps no other label at the chart's first view (widths
    estimated from the text), joined to its event by a thin line; labels that fit in no
    row are left out (the event keeps its point and hover text). Better-scored events
    are placed first."""
    if not labelled or view is None:
        return []
    first, last = view
    days = max(1, (last - first).days)
    pixels_per_day = _PLOT_PIXELS / days
    chosen = sorted(
        (i for i, e in enumerate(events) if e.id in labelled and first <= _middle_day(e) <= last),
        key=lambda i: (-events[i].score, -events[i].sources, events[i].id),
    )
    rows: list[list[tuple[float, float]]] = [[] for _ in range(_LABEL_ROWS)]
    placed = []
    for i in chosen:
        text = short_headline(events[i].text)
        width = (len(text) * _LABEL_CHAR_PIXELS + _LABEL_PADDING_PIXELS) / pixels_per_day
        centre = (_middle_day(events[i]) - first).days + 0.5
        anchor, left, right = "center", centre - width / 2, centre + width / 2
        if right > days:  # near the right edge: the label ends at its event
            anchor, left, right = "right", centre - width, centre
        elif left < 0:
            anchor, left, right = "left", centre, centre + width
        for row, taken in enumerate(rows):
            if all(right <= a or left >= b for a, b in taken):
                taken.append((left, right))
                placed.append((i, row, text, anchor))
                break
    annotations = []
    for i, row, text, anchor in sorted(placed, key=lambda p: (p[1], p[0])):
        x = _middle(events[i])
        annotations.append(
            {
                "xanchor": anchor,
                "x": x,
                "y": y_of[i],
                "ax": x,
                "ay": top + _LABEL_ROW_HEIGHT * (row + 0.5),
                "axref": "x",
                "ayref": "y",
                "text": plotly_text(text),
                "showarrow": True,
                "arrowhead": 0,
                "arrowwidth": 1,
                "arrowcolor": "#9ca3af",
                "font": {"size": _LABEL_FONT, "color": "#111827"},
                "bgcolor": "rgba(255,255,255,0.9)",
                "bordercolor": "#d1d5db",
                "borderwidth": 1,
                "borderpad": 2,
                "captureevents": True,
                "hovertext": plotly_text(events[i].text),
                "name": events[i].id,
                "row": row,
            }
        )
    return annotations


def _extent(events: list[Event]) -> tuple[date, date]:
    """The chart's "Everything" view: every event, with a small margin on each side."""
    first = min(e.interval.begin for e in events)
    last = max(e.interval.end for e in events) + timedelta(days=1)
    margin = timedelta(days=max(1, round((last - first).days * VIEW_MARGIN_SHARE)))
    return first - margin, last + margin


def _middle_day(event: Event):
    return event.interval.begin + (event.interval.end - event.interval.begin) / 2


def _lane_traces(events, members, y, lane, color, kind, group, articles) -> list[dict]:
    """A lane's spans (longer events) and markers, for one group of its events."""
    traces = []
    extra = {"meta": group, "visible": group != "other"} if group else {}
    spans = [i for i in members if not _is_point(events[i])]
    if spans:
        xs: list = []
        ys: list = []
        for i in spans:
            xs += [
                events[i].interval.begin.isoformat(),
                (events[i].interval.end + timedelta(days=1)).isoformat(),
                None,
            ]
            ys += [y[i], y[i], None]
        traces.append(
            {
                "type": kind,
                "x": xs,
                "y": ys,
                "mode": "lines",
                "hoverinfo": "skip",
                "showlegend": False,
                "line": {"color": color, "width": 9},
                "opacity": 0.35,
                "name": plotly_text(f"{lane} (periods)"),
                **extra,
            }
        )
    outline = {"color": "#111827", "width": 2} if group == "key" else {"color": "white", "width": 1}
    traces.append(
        {
            "type": kind,
            "x": [_middle(events[i]) for i in members],
            "y": [y[i] for i in members],
            "mode": "markers",
            "name": plotly_text(lane),
            "showlegend": False,
            "customdata": members,
            "text": [_hover(events[i], event_outlets(events[i], articles)) for i in members],
            "hovertemplate": "%{text}<extra></extra>",
            "marker": {
                "color": color,
                "size": [
                    8 + 3 * min(events[i].sources, 8) if _is_point(events[i]) else 7
                    for i in members
                ],
                "symbol": ["circle" if _is_point(events[i]) else "line-ns-open" for i in members],
                "line": outline,
            },
            **extra,
        }
    )
    return traces


@cache
def _template(name: str) -> dict:
    """plotly's template `name` as plain data: read from the JSON file plotly ships it in
    (plotly's own `templates[name]` builds validated objects first, which imports a
    fifth of a second of modules into every build), in the order `to_plotly_json` gives;
    from plotly's API when the file is not where it was."""
    try:
        raw = pkgutil.get_data("plotly", f"package_data/templates/{name}.json")
    except OSError:
        raw = None
    if raw is None:
        import plotly.io as pio

        return pio.templates[name].to_plotly_json()
    found = json.loads(raw)
    return {key: found[key] for key in ("data", "layout") if key in found} | found


def _middle(event: Event) -> str:
    if _is_point(event):
        return event.interval.begin.isoformat()
    return (event.interval.begin + (event.interval.end - event.interval.begin) / 2).isoformat()


# Without key events, the best-scored events of the story's period are labelled.
_LABELS_WITHOUT_KEY = 12


def _labelled(events: list[Event], key: set[str] | None, parts: list[str]) -> set[str]:
    """The events whose headline the chart shows: the key events, else the best-scored
    ones of the story's own period (`parts`: each event's section)."""
    if key is not None:
        return key
    own = [e for e, part in zip(events, parts, strict=True) if part == "story"]
    best = sorted(own, key=lambda e: (-e.score, -e.sources, e.id))[:_LABELS_WITHOUT_KEY]
    return {e.id for e in best}
