"""HTML export: a self-contained page with an interactive plotly timeline.

The page works offline (plotly.js is inlined once). Article text is untrusted: every
string is HTML-escaped before it reaches plotly's hover labels or the page, and the
figure travels as JSON in a `<script type="application/json">` block with `<`, `>` and
`&` escaped, so nothing in an article can close the block or run script.
"""

from __future__ import annotations

import html
import json
import textwrap
from datetime import timedelta
from functools import cache
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from timeline.dates import human_date
from timeline.fileio import write_atomic
from timeline.models import Article, Event, Story
from timeline.wording import count

_DAY_MS = 86_400_000
_MAX_ROWS = 12


def esc(text: str) -> str:
    return html.escape(text, quote=True)


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


def _hover(event: Event, articles: dict[str, Article]) -> str:
    names = []
    for article_id in event.articles:
        article = articles.get(article_id)
        names.append((article.source or article.title or article_id) if article else article_id)
    lines = [f"<b>{esc(human_date(event.interval))}</b>"]
    lines += [esc(line) for line in textwrap.wrap(event.text, 80)]
    noun = "source" if event.sources == 1 else "sources"
    lines.append(
        f"<i>{event.sources} {noun}: {esc(', '.join(names[:6]))}"
        + (" …" if len(names) > 6 else "")
        + "</i>"
    )
    for conflict in event.conflicts:
        lines.append(esc(f"also dated {conflict.date} by {len(conflict.articles)} article(s)"))
    return "<br>".join(lines)


def _rows(events: list[Event]) -> list[int]:
    """Stack events in rows so that spans and same-day points do not hide each other."""
    if not events:
        return []
    span = max(e.interval.end for e in events) - min(e.interval.begin for e in events)
    gap = timedelta(days=max(1, span.days // 120))
    row_end: list = []
    rows = []
    for event in events:
        for index, end in enumerate(row_end):
            if end + gap <= event.interval.begin:
                row_end[index] = event.interval.end
                rows.append(index)
                break
        else:
            if len(row_end) < _MAX_ROWS:
                row_end.append(event.interval.end)
                rows.append(len(row_end) - 1)
            else:
                index = min(range(len(row_end)), key=lambda i: row_end[i])
                row_end[index] = max(row_end[index], event.interval.end)
                rows.append(index)
    return rows


def build_figure(story: Story, events: list[Event]) -> go.Figure:
    """Day events as points; week, month, year and interval events as translucent spans."""
    articles = {a.id: a for a in story.articles}
    rows = _rows(events)
    points = [
        (e, r)
        for e, r in zip(events, rows, strict=True)
        if e.interval.granularity == "day" and e.interval.days == 1
    ]
    spans = [
        (e, r)
        for e, r in zip(events, rows, strict=True)
        if not (e.interval.granularity == "day" and e.interval.days == 1)
    ]
    fig = go.Figure()
    if spans:
        fig.add_trace(
            go.Bar(
                orientation="h",
                base=[e.interval.begin.isoformat() for e, _ in spans],
                x=[e.interval.days * _DAY_MS for e, _ in spans],
                y=[-r for _, r in spans],
                hovertext=[_hover(e, articles) for e, _ in spans],
                hoverinfo="text",
                customdata=[e.id for e, _ in spans],
                marker={
                    "color": "rgba(52, 101, 164, 0.30)",
                    "line": {"color": "rgba(52, 101, 164, 0.8)", "width": 1},
                },
                width=0.6,
                name="periods",
            )
        )
    if points:
        fig.add_trace(
            go.Scatter(
                mode="markers",
                x=[e.interval.begin.isoformat() for e, _ in points],
                y=[-r for _, r in points],
                hovertext=[_hover(e, articles) for e, _ in points],
                hoverinfo="text",
                customdata=[e.id for e, _ in points],
                marker={
                    "size": [9 + 4 * min(e.sources, 8) for e, _ in points],
                    "color": "rgb(204, 85, 0)",
                    "line": {"color": "white", "width": 1},
                },
                name="days",
            )
        )
    fig.update_layout(
        template="plotly_white",
        height=220 + 34 * (max(rows, default=0) + 1),
        margin={"l": 30, "r": 30, "t": 20, "b": 40},
        showlegend=bool(spans and points),
        legend={"orientation": "h", "y": -0.2},
        hoverlabel={"align": "left"},
        xaxis={"type": "date", "showgrid": True},
        yaxis={"visible": False, "fixedrange": True},
        bargap=0.4,
    )
    return fig


@cache
def _plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto;
       max-width: 1200px; padding: 1rem 1.5rem; color: #222; }}
h1 {{ margin: 0.2rem 0; font-size: 1.6rem; }}
.meta {{ color: #666; font-size: 0.9rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.92rem; }}
th, td {{ text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #eee;
          vertical-align: top; }}
td.date {{ white-space: nowrap; }}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p>{description}</p>
<p class="meta">{summary}</p>
</header>
<div id="chart"></div>
<h2>Events</h2>
<table>
<thead><tr><th>Date</th><th>Event</th><th>Sources</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<script>{plotly_js}</script>
<script type="application/json" id="figure-data">{figure}</script>
<script>
(function () {{
  var figure = JSON.parse(document.getElementById("figure-data").textContent);
  Plotly.newPlot("chart", figure.data, figure.layout,
                 {{responsive: true, displaylogo: false}});
}})();
</script>
</body>
</html>
"""


def render_html(story: Story, events: list[Event], built_at: str) -> str:
    """The whole page as a string."""
    articles = {a.id: a for a in story.articles}
    figure = pio.to_json(build_figure(story, events), validate=False)
    rows = []
    for event in events:
        sources = ", ".join(
            (articles[a].source or articles[a].title) if a in articles else a
            for a in event.articles
        )
        rows.append(
            f'<tr id="{esc(event.id)}"><td class="date">{esc(human_date(event.interval))}</td>'
            f"<td>{esc(event.text)}</td><td>{esc(sources)}</td></tr>"
        )
    if events:
        first = min(e.interval.begin for e in events)
        last = max(e.interval.end for e in events)
        span = f"{first:%d %b %Y} – {last:%d %b %Y}"
    else:
        span = "no dated events"
    outlets = len({a.source for a in story.articles if a.source})
    summary = (
        f"{count(len(story.articles), 'article')} · {count(len(events), 'event')} · "
        f"{count(outlets, 'outlet')} · {span} · built {built_at}"
    )
    return _PAGE.format(
        title=esc(story.title),
        description=esc(story.description),
        summary=esc(summary),
        rows="\n".join(rows),
        plotly_js=_plotly_js(),
        figure=json_for_script(figure),
    )


def write_html(path: Path, page: str) -> Path:
    return write_atomic(path, page)
