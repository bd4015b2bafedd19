"""The pipeline: ingest → resolve → extract → merge → export, for one story folder."""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from timeline.boilerplate import blank_spans, repeated_passages
from timeline.export import (
    ALL_OUTPUT_FORMATS,
    FORMATS,
    events_table,
    render_html,
    story_document,
    write_csv,
    write_html,
    write_json,
)
from timeline.export.html_out import PageOptions, build_figure, plotly_text
from timeline.export.image import IMAGE_FORMATS, ImageExportError, require_renderer, write_image
from timeline.export.shared import assign_lanes
from timeline.export.timelinejs import timelinejs_document, write_timelinejs
from timeline.extract import extract_mentions
from timeline.ingest import load_story
from timeline.merge import merge_mentions
from timeline.models import Article, Event, Mention, Problem, Story
from timeline.resolve import tag
from timeline.select import EventFilter
from timeline.wording import count

Progress = Callable[[int, int], None]


class BuildError(Exception):
    """The story cannot be built at all (missing folder, no readable article)."""


@dataclass(slots=True)
class BuildResult:
    story: Story
    events: list[Event]
    outputs: dict[str, Path] = field(default_factory=dict)
    stats: dict = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return self.story.problems


def summary_line(result: BuildResult) -> str:
    """One line about a build: "412 articles (1 new, 0 changed, 411 cached), 1,893 events,
    2 skipped, 2.1 s" (the part in brackets when a cache was used)."""
    stats = result.stats
    articles = count(stats["articles"], "article")
    if "cached" in stats:
        articles += (
            f" ({stats['new']:,} new, {stats['changed']:,} changed, {stats['cached']:,} cached)"
        )
    return (
        f"{articles}, {count(stats['events'], 'event')}, {stats['problems']:,} skipped, "
        f"{stats['seconds']:.1f} s"
    )


def parse_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    """ "html,json" → ("html", "json"); unknown names are an error."""
    names = formats.split(",") if isinstance(formats, str) else list(formats)
    names = [n.strip().lower() for n in names if n.strip()]
    unknown = [n for n in names if n not in ALL_OUTPUT_FORMATS]
    if unknown or not names:
        known = ", ".join(ALL_OUTPUT_FORMATS)
        raise ValueError(f"unknown format {', '.join(unknown) or '(none)'}; choose from {known}")
    return tuple(dict.fromkeys(names))


def remove_repeated_passages(articles: list[Article]) -> list[Article]:
    """Blank the site furniture that only shows as passages repeated across articles."""
    found = repeated_passages([a.content for a in articles])
    return [
        dataclasses.replace(a, content=blank_spans(a.content, spans)) if spans else a
        for a, spans in zip(articles, found, strict=True)
    ]


def article_mentions(article: Article) -> list[Mention]:
    """Resolve and extract one article: the per-article part of the pipeline."""
    timexes = tag(article.content, article.published, article.language or "en")
    return extract_mentions(article, timexes)


def build_story(
    story_dir: str | os.PathLike,
    out_dir: str | os.PathLike = "output",
    formats: str | Iterable[str] = FORMATS,
    progress: Progress | None = None,
    today: date | None = None,
    min_sources: int | None = None,
    since: date | None = None,
    until: date | None = None,
    lanes: str | None = None,
    plotlyjs: str = "inline",
) -> BuildResult:
    """Build a story folder into `out_dir/<story>.{html,json,csv}`.

    `min_sources`, `since` and `until` choose the events the outputs show (default: the
    story.toml's, else every event); `lanes` (source | none; default: the story.toml's,
    else source) and `plotlyjs` (inline | cdn | directory) shape the page. Bad articles are
    skipped and listed in `result.problems`; raises `BuildError` when the folder is
    missing or no article could be read. The story folder is only read.
    """
    started = time.perf_counter()
    chosen = parse_formats(formats)
    images = [f for f in chosen if f in IMAGE_FORMATS]
    if images:
        try:
            require_renderer(images[0])  # fail before the build, not after it
        except ImageExportError as exc:
            raise BuildError(str(exc)) from None
    try:
        story = load_story(story_dir, today=today)
    except FileNotFoundError as exc:
        raise BuildError(str(exc)) from None
    if not story.articles:
        raise BuildError(f"{story_dir}: no readable article in the story folder")
    page = PageOptions(lanes=lanes or story.lanes, plotlyjs=plotlyjs)
    story.articles = remove_repeated_passages(story.articles)
    mentions: list[Mention] = []
    total = len(story.articles)
    for done, article in enumerate(story.articles, start=1):
        mentions.extend(article_mentions(article))
        if progress is not None:
            progress(done, total)
    merged = merge_mentions(mentions)
    selection = EventFilter(
        min_sources=min_sources if min_sources is not None else story.min_sources,
        since=since if since is not None else story.since,
        until=until if until is not None else story.until,
    )
    events = selection.apply(merged)
    built_at = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    stats = {
        "articles": len(story.articles),
        "problems": len(story.problems),
        "mentions": len(mentions),
        "events": len(events),
        "events_merged": len(merged),
        "filter": selection.describe(),
    }
    result = BuildResult(story, events, stats=stats)
    out = Path(out_dir)
    if "json" in chosen:
        stats["seconds"] = round(time.perf_counter() - started, 3)
        document = story_document(story, events, built_at, stats)
        result.outputs["json"] = write_json(out / f"{story.name}.json", document)
    if "csv" in chosen:
        table = events_table(events, {a.id: a for a in story.articles})
        result.outputs["csv"] = write_csv(out / f"{story.name}.csv", table)
    if "html" in chosen:
        result.outputs["html"] = write_html(
            out / f"{story.name}.html", render_html(story, events, built_at, page), page
        )
    if "timelinejs" in chosen:
        lanes = assign_lanes(events, {a.id: a for a in story.articles}, page.lanes)
        result.outputs["timelinejs"] = write_timelinejs(
            out / f"{story.name}.timeline.json", timelinejs_document(story, events, lanes)
        )
    for fmt in images:
        figure = build_figure(story, events, page.lanes)
        figure.update_layout(  # a still image: the title instead of the zoom controls
            title={"text": plotly_text(story.title)},
            xaxis={"rangeselector": {"visible": False}, "rangeslider": {"visible": False}},
        )
        try:
            result.outputs[fmt] = write_image(out / f"{story.name}.{fmt}", figure, fmt)
        except ImageExportError as exc:
            raise BuildError(str(exc)) from None
    stats["seconds"] = round(time.perf_counter() - started, 3)
    return result
