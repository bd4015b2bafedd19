"""The pipeline: ingest → resolve → extract → merge → export, for one story folder."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from timeline.events.correction_file import CorrectionsFile, read_corrections
from timeline.events.corrections import apply_corrections
from timeline.events.merge import merge_mentions
from timeline.events.period import StoryPeriod, sections, story_period
from timeline.events.salience import (
    PAGE_KEY_MIN_EVENTS,
    key_events,
    page_key_events,
    score_events,
)
from timeline.events.select import EventFilter, with_pinned
from timeline.export import (
    ALL_OUTPUT_FORMATS,
    FORMATS,
    render_html,
    story_document,
    write_csv,
    write_html,
    write_json,
)
from timeline.export.chart import build_figure, plotly_text
from timeline.export.csv_out import event_rows
from timeline.export.html_out import PageOptions
from timeline.export.image import IMAGE_FORMATS, ImageExportError, require_renderer, write_image
from timeline.export.shared import assign_lanes
from timeline.export.timelinejs import timelinejs_document, write_timelinejs
from timeline.fileio import WriteError, together
from timeline.ingest.articles import story_settings
from timeline.ingest.boilerplate import furniture_spans, repeated_prints
from timeline.models import Event, Mention, Problem, Story
from timeline.pipeline.gather import Gathered, PendingGather, article_mentions, gather, plan_gather
from timeline.wording import count

Progress = Callable[[int, int], None]

__all__ = [
    "BuildError",
    "BuildOptions",
    "BuildResult",
    "StoryBuild",
    "article_mentions",
    "build_stories",
    "build_story",
    "merge_story",
    "summary_line",
]


class BuildError(Exception):
    """The story cannot be built at all (missing folder, no readable article)."""


class OptionError(ValueError):
    """Build options that make no sense together or with the story's settings."""


@dataclass(slots=True)
class BuildResult:
    story: Story
    events: list[Event]
    outputs: dict[str, Path] = field(default_factory=dict)
    stats: dict = field(default_factory=dict)
    hidden: list[Event] = field(default_factory=list)  # hidden by a correction: JSON only

    @property
    def problems(self) -> list[Problem]:
        return self.story.problems


def summary_line(result: BuildResult) -> str:
    """One line about a build: "412 articles (1 new, 0 changed, 411 cached), 1,893 events,
    2 skipped, 2.1 s" (the part in brackets when the build cache was used; the three
    add up to the articles)."""
    stats = result.stats
    articles = count(stats["articles"], "article")
    if "cached" in stats:
        articles += (
            f" ({stats['new']:,} new, {stats['changed']:,} changed, {stats['cached']:,} cached)"
        )
    skipped = stats.get("skipped", stats["problems"])
    return (
        f"{articles}, {count(stats['events'], 'event')}, {skipped:,} skipped, "
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


def without_furniture(gathered: Gathered) -> tuple[list[Mention], list[list[str]]]:
    """The story's mentions and their words, less those inside site furniture that only
    shows as passages repeated across many articles (`boilerplate.repeated_prints`)."""
    repeated = repeated_prints(gathered.prints)
    mentions: list[Mention] = []
    words: list[list[str]] = []
    rows = zip(
        gathered.story.articles, gathered.mentions, gathered.words, gathered.prints, strict=True
    )
    for article, mentions_of_article, words_of_article, prints in rows:
        spans = []
        if repeated and not repeated.isdisjoint(prints):
            spans = furniture_spans(article.content, repeated)
        for mention, mention_words in zip(mentions_of_article, words_of_article, strict=True):
            if spans and _mostly_inside(mention, spans):
                continue
            mentions.append(mention)
            words.append(mention_words)
    return mentions, words


def _page_key(
    story: Story, events: list[Event], period: StoryPeriod | None, parts: list[str]
) -> set[str] | None:
    """The key events a big story's page opens on when none were asked for (the JSON and
    CSV keep every event): chosen among the events of the story's own `period` (`parts`:
    each event's section in it)."""
    if len(events) <= PAGE_KEY_MIN_EVENTS:
        return None  # its own period has no more: the page shows every event
    own = [e for e, part in zip(events, parts, strict=True) if part == "story"]
    chosen = page_key_events(own, period.days if period else 0, story.language)
    if chosen is None:
        return None
    return {e.id for e in chosen} | {e.id for e in events if e.pinned}  # pinned: always key


def _mostly_inside(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    covered = sum(max(0, min(e, mention.end) - max(s, mention.start)) for s, e in spans)
    return covered * 2 >= mention.end - mention.start


@dataclass(slots=True)
class BuildOptions:
    """What a build writes and shows (the arguments of `build_story` after the folder)."""

    formats: tuple[str, ...] = FORMATS
    today: date | None = None
    min_sources: int | None = None
    since: date | None = None
    until: date | None = None
    lanes: str | None = None
    plotlyjs: str = "inline"
    use_cache: bool = True
    workers: int | None = None
    key_dates: int | None = None
    per_date: int | None = None
    key_dates_anywhere: bool = False


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
    use_cache: bool = True,
    workers: int | None = None,
    key_dates: int | None = None,
    per_date: int | None = None,
    scheduler: str | None = None,
    key_dates_anywhere: bool = False,
) -> BuildResult:
    """Build a story folder into `out_dir/<story>.{html,json,csv}`.

    `min_sources`, `since` and `until` choose the events the outputs show (default: the
    story.toml's, else every event); `lanes` (source | none; default: the story.toml's,
    else source) and `plotlyjs` (inline | cdn | directory) shape the page. With
    `key_dates` (default: the story.toml's), the outputs keep the events of the N most
    important dates, `per_date` (default 1) a date, and the page marks them and can show
    every event (see `timeline.events.salience`). Bad articles are
    skipped and listed in `result.problems`; raises `BuildError` when the folder is
    missing or no article could be read. The story folder is only read.

    Articles unchanged since the last build come from the build cache (`use_cache`,
    see `timeline.pipeline.cache`); the others are read in `workers` processes (default: one per
    CPU) when there are enough of them, or, with `scheduler` (a Dask scheduler's
    address, or "local"), as tasks on that cluster (see `timeline.pipeline.cluster`).
    """
    options = BuildOptions(
        _checked_formats(formats), today, min_sources, since, until, lanes, plotlyjs,
        use_cache, workers, key_dates, per_date, key_dates_anywhere,
    )  # fmt: skip
    if scheduler:
        (built,) = build_stories([story_dir], out_dir, options, scheduler, progress)
        if built.error is not None:
            raise built.error
        assert built.result is not None
        return built.result
    started = time.perf_counter()
    out = Path(out_dir)
    try:
        _check_story_options(story_dir, options)
        gathered = gather(story_dir, out, today, use_cache, progress, workers)
    except FileNotFoundError as exc:
        raise BuildError(str(exc)) from None
    return write_story(gathered, out, options, started)


@dataclass(slots=True)
class StoryBuild:
    """One story of `build_stories`: its result, or the error that stopped it."""

    story_dir: Path
    result: BuildResult | None = None
    error: BuildError | OptionError | None = None


def build_stories(
    story_dirs: Iterable[str | os.PathLike],
    out_dir: str | os.PathLike = "output",
    options: BuildOptions | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    report: Callable[[StoryBuild], None] | None = None,
) -> list[StoryBuild]:
    """Build several stories, each into its own outputs in `out_dir`; one that fails
    (its `error`) never stops the others. `report` is told of each story as it is done.

    Locally the stories are built one after the other. With `scheduler` (a Dask
    scheduler's address, or "local"), the files to read of all the stories are submitted
    to the cluster together, so that many small stories keep it busy, and each story is
    merged and written here as soon as its last file is back. `progress` counts files
    over all the stories. Raises `BuildError` when the cluster cannot be used."""
    options = options or BuildOptions()
    dirs = [Path(d) for d in story_dirs]
    out = Path(out_dir)
    done: list[StoryBuild] = []

    def finish(built: StoryBuild) -> None:
        done.append(built)
        if report is not None:
            report(built)

    if not scheduler:
        for story_dir in dirs:
            built = StoryBuild(story_dir)
            try:
                built.result = build_story(
                    story_dir, out, options.formats, progress, options.today, options.min_sources,
                    options.since, options.until, options.lanes, options.plotlyjs,
                    options.use_cache, options.workers, options.key_dates, options.per_date,
                    key_dates_anywhere=options.key_dates_anywhere,
                )  # fmt: skip
            except (BuildError, OptionError) as exc:
                built.error = exc
            finish(built)
        return done
    _build_on_cluster(dirs, out, options, scheduler, progress, finish)
    order = {d: k for k, d in enumerate(dirs)}
    return sorted(done, key=lambda b: order[b.story_dir])


def _build_on_cluster(dirs, out, options, scheduler, progress, finish) -> None:
    from timeline.pipeline.cluster import ClusterError, connect, run_on_cluster

    started = time.perf_counter()
    pending: dict[Path, PendingGather] = {}
    waiting: dict[Path, int] = {}
    for story_dir in dirs:
        try:
            _check_story_options(story_dir, options)
            pending[story_dir] = plan_gather(story_dir, out, options.today, options.use_cache)
        except FileNotFoundError as exc:
            finish(StoryBuild(story_dir, error=BuildError(str(exc))))
        except (BuildError, OptionError) as exc:
            finish(StoryBuild(story_dir, error=exc))
        else:
            waiting[story_dir] = len(pending[story_dir].tasks)
    total = sum(len(p.files) for p in pending.values())
    count = sum(len(p.results) for p in pending.values())
    if progress is not None:
        progress(count, total)
    failed: dict[Path, BuildError] = {}

    def complete(story_dir: Path) -> None:
        built = StoryBuild(story_dir)
        if story_dir in failed:
            pending[story_dir].close()
            built.error = failed[story_dir]
        else:
            try:
                built.result = write_story(pending[story_dir].finish(), out, options, started)
            except (BuildError, OptionError) as exc:
                built.error = exc
        del pending[story_dir]  # let go of its articles before the next one
        finish(built)

    story_of = {id(t): d for d, p in pending.items() for t in p.tasks}
    try:
        with connect(scheduler) as client:
            for story_dir in [d for d, n in waiting.items() if n == 0]:
                complete(story_dir)  # all from the cache: no need to wait for the others
            tasks = [t for p in pending.values() for t in p.tasks]
            for task, result, found in run_on_cluster(client, tasks):
                story_dir = story_of[id(task)]
                if isinstance(result, Exception):
                    reason = " ".join(str(result).split()) or type(result).__name__
                    message = f"{task.root / task.rel}: failed on the cluster: {reason}"
                    failed.setdefault(story_dir, BuildError(message))
                else:
                    pending[story_dir].add(task, result, found)
                count += 1
                if progress is not None:
                    progress(count, total)
                waiting[story_dir] -= 1
                if waiting[story_dir] == 0:
                    complete(story_dir)
    except ClusterError as exc:
        for rest in pending.values():
            rest.close()
        raise BuildError(str(exc)) from None


def _checked_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    chosen = parse_formats(formats)
    images = [f for f in chosen if f in IMAGE_FORMATS]
    if images:
        try:
            require_renderer(images[0])  # fail before the build, not after it
        except ImageExportError as exc:
            raise BuildError(str(exc)) from None
    return chosen


def _check_story_options(story_dir: str | os.PathLike, options: BuildOptions) -> None:
    """Options that make no sense with the story's settings, found before any reading."""
    _check_word_weights()
    needs_key_dates = options.per_date is not None and options.key_dates is None
    if needs_key_dates and not story_settings(story_dir)[0].key_dates:  # story.toml may
        raise OptionError("--per-date needs --key-dates (or key_dates in story.toml)")


def _check_word_weights() -> None:
    """The research setting `TIMELINE_WORD_WEIGHTS` (`timeline.events.similarity`): a
    known mode, and wordfreq installed for a fixed one; else one line, before any reading."""
    import importlib.util

    from timeline.events.similarity import WEIGHT_MODES, WEIGHTS

    if WEIGHTS not in WEIGHT_MODES:
        raise OptionError(
            f"TIMELINE_WORD_WEIGHTS={WEIGHTS}: unknown word weights; "
            f"one of {', '.join(WEIGHT_MODES)}"
        )
    if WEIGHTS != "story" and importlib.util.find_spec("wordfreq") is None:
        raise OptionError(
            f"TIMELINE_WORD_WEIGHTS={WEIGHTS} needs wordfreq: pip install 'timeline[weights]'"
        )


@dataclass(slots=True)
class Merged:
    """A story's mentions (less site furniture), their words, and the events the merger
    made of them, before any correction."""

    mentions: list[Mention]
    words: list[list[str]]
    events: list[Event]


def merge_story(gathered: Gathered) -> Merged:
    """The story-level merge of a gathered story (what `write_story` starts from)."""
    mentions, words = without_furniture(gathered)
    story = gathered.story
    language_of = {article.id: article.language for article in story.articles}
    languages = [language_of.get(m.article) or story.language for m in mentions]
    return Merged(mentions, words, merge_mentions(mentions, story.language, words, languages))


def corrected_events(
    story: Story, events: list[Event], found: CorrectionsFile
) -> tuple[list[Event], dict]:
    """The merged events with the story's corrections applied; their problems (one line
    each, and one for the corrections that no longer find their event) go to the story's
    problems; and the facts the JSON's stats record."""
    story.problems.extend(found.problems)
    applied = apply_corrections(events, found.corrections, story.language)
    orphaned = applied.orphaned
    if orphaned:
        lines = [found.corrections[k].line for k in orphaned]
        where = ", ".join(str(n) for n in lines if n)
        story.problems.append(
            Problem(
                str(found.path),
                f"{count(len(orphaned), 'correction')} no longer "
                f"find{'s' if len(orphaned) == 1 else ''} its event"
                + (f" (line{'s' if len(lines) > 1 else ''} {where})" if where else "")
                + f"; kept in the file (timeline edits {story.path} lists them)",
                skipped=False,
            )
        )
    stats = {"applied": len(found.corrections) - len(orphaned), "orphaned": len(orphaned)}
    return applied.events, stats


def write_story(
    gathered: Gathered,
    out: Path,
    options: BuildOptions,
    started: float,
    merged: Merged | None = None,
) -> BuildResult:
    """The story-level stages (furniture, merge, corrections, scores, choice of events)
    and the outputs, for a story whose articles are gathered (and merged, if `merged` is
    given); `started` is when the build began."""
    chosen = options.formats
    images = [f for f in chosen if f in IMAGE_FORMATS]
    min_sources, since, until = options.min_sources, options.since, options.until
    key_dates, per_date = options.key_dates, options.per_date
    story = gathered.story
    if not story.articles:
        raise BuildError(f"{story.path}: no readable article in the story folder")
    page = PageOptions(lanes=options.lanes or story.lanes, plotlyjs=options.plotlyjs)
    merged = merged or merge_story(gathered)
    mentions, words, events_merged = merged.mentions, merged.words, merged.events
    corrections = read_corrections(story.path)
    corrected: dict | None = None
    hidden: list[Event] = []
    if corrections.exists:
        events_merged, corrected = corrected_events(story, events_merged, corrections)
        hidden = [e for e in events_merged if e.hidden]
        events_merged = [e for e in events_merged if not e.hidden]
    words_of = {id(m): w for m, w in zip(mentions, words, strict=True)}
    scored = score_events(events_merged, story.language, lambda m: words_of[id(m)])
    selection = EventFilter(
        min_sources=min_sources if min_sources is not None else story.min_sources,
        since=since if since is not None else story.since,
        until=until if until is not None else story.until,
    )
    shown = selection.apply(scored)
    key_dates = key_dates if key_dates is not None else story.key_dates
    per_date = per_date if per_date is not None else story.per_date
    events = shown
    if key_dates:
        period = story_period(story.articles, shown, story.language)
        days = (period.begin, period.end) if period else None
        keys = key_events(
            shown, key_dates, per_date, story.language, days, options.key_dates_anywhere
        )
        events = with_pinned(keys, shown)
    built_at = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    stats = {
        "articles": len(story.articles),
        "problems": len(story.problems),
        "skipped": sum(p.skipped for p in story.problems),
        "mentions": len(mentions),
        "events": len(events),
        "events_merged": len(scored) + len(hidden),
        "filter": selection.describe(),
    }
    if corrected is not None:
        stats["corrections"] = corrected | {"hidden": len(hidden)}
    if key_dates:
        stats["key_dates"] = {"dates": key_dates, "per_date": per_date, "from_events": len(shown)}
    if options.use_cache:
        stats |= {"new": gathered.new, "changed": gathered.changed, "cached": gathered.cached}
    result = BuildResult(story, events, stats=stats, hidden=hidden)
    try:
        with together():  # all the old outputs stay until every new one is written
            _write_outputs(result, out, options, shown, page, images, built_at, started)
    except WriteError as exc:  # a full disk, a read-only folder: one line, the old outputs
        raise BuildError(str(exc)) from None
    stats["seconds"] = round(time.perf_counter() - started, 3)
    return result


def _write_outputs(result, out, options, shown, page, images, built_at, started) -> None:
    """Each chosen output, written atomically (`timeline.fileio`)."""
    story, events, stats, chosen = result.story, result.events, result.stats, options.formats
    if "json" in chosen:
        stats["seconds"] = round(time.perf_counter() - started, 3)
        listed = events
        if result.hidden:  # hidden events stay in the JSON, marked, in date order
            listed = sorted(
                [*events, *result.hidden], key=lambda e: (e.interval.begin, e.interval.end)
            )
        document = story_document(story, listed, built_at, stats)
        result.outputs["json"] = write_json(out / f"{story.name}.json", document)
    if "csv" in chosen:
        rows = event_rows(events, {a.id: a for a in story.articles})
        result.outputs["csv"] = write_csv(out / f"{story.name}.csv", rows)
    if "html" in chosen:
        # the page's period and sections, once for its key events and its chart
        period = story_period(story.articles, shown, story.language)
        parts = sections(shown, period)
        key = (
            {e.id for e in events}
            if "key_dates" in stats
            else _page_key(story, shown, period, parts)
        )
        hidden = len(result.hidden)
        result.outputs["html"] = write_html(
            out / f"{story.name}.html",
            render_html(story, shown, built_at, page, key, hidden, (period, parts)),
            page,
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
