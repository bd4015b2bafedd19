"""The `timeline` command: a thin layer over the Python API (`build_story`, `tag`)."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import click

from timeline import __version__
from timeline.app.options import out_option, stories_option
from timeline.ingest.articles import ArticleError, decode_text, read_bytes
from timeline.lang import is_supported
from timeline.models import OUTPUT_FORMATS as FORMATS
from timeline.resolve import tag as tag_text

# The build (pandas, plotly) is imported inside `build`: `timeline tag` starts faster.

# Builds shorter than this many articles finish before a progress bar is worth showing.
_PROGRESS_MIN_ARTICLES = 20


def _parse_dct(value: str, where: str) -> date:
    try:
        return date.fromisoformat(value.strip()[:10])
    except (ValueError, AttributeError):
        raise click.BadParameter(f"{where}: not a date '{value}' (use YYYY-MM-DD)") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="timeline")
def main() -> None:
    """Turn a folder of news articles into a dated, deduplicated, interactive timeline."""


@main.command()
@click.argument("story_dirs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--all", "all_stories", is_flag=True, help="Build every story folder under --stories."
)
@stories_option("Where --all looks for story folders.")
@out_option("Folder for the outputs.")
@click.option(
    "--format",
    "formats",
    default=",".join(FORMATS),
    show_default=True,
    help="Comma-separated outputs to write: html, json, csv.",
)
@click.option(
    "--min-sources",
    type=click.IntRange(min=1),
    default=None,
    help="Show only events reported by at least N articles (default: story.toml's, else 1).",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Show only events that end on or after this date (YYYY-MM-DD).",
)
@click.option(
    "--until",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Show only events that begin on or before this date (YYYY-MM-DD).",
)
@click.option(
    "--lanes",
    type=click.Choice(["source", "none"]),
    default=None,
    help="Chart lanes: one per outlet, or one for all (default: story.toml's, else source).",
)
@click.option(
    "--plotlyjs",
    type=click.Choice(["inline", "cdn", "directory"]),
    default="inline",
    show_default=True,
    help="plotly.js in the page (works offline), from its CDN, or in a file beside it.",
)
@click.option(
    "--key-dates",
    type=click.IntRange(min=1),
    default=None,
    help="Keep only the events of the N most important dates (default: story.toml's, "
    "else every event); the page marks them and can show all.",
)
@click.option(
    "--per-date",
    type=click.IntRange(min=1),
    default=None,
    help="With --key-dates: at most K events a date (default: story.toml's, else 1).",
)
@click.option(
    "--key-dates-anywhere",
    is_flag=True,
    help="With --key-dates: choose among every date, not only the days of the story's "
    "own period (background and what is expected included).",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Read every article again instead of reusing what the last build found.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that read articles (default: one per CPU; 1: no extra processes).",
)
@click.option(
    "--scheduler",
    envvar="TIMELINE_SCHEDULER",
    default=None,
    help="Read the articles on a Dask cluster: its scheduler's address (tcp://host:8786), "
    "or 'local' for one on this machine [env: TIMELINE_SCHEDULER].",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary line.")
def build(
    story_dirs: tuple[Path, ...],
    all_stories: bool,
    stories_dir: Path,
    out_dir: Path,
    formats: str,
    min_sources: int | None,
    since,
    until,
    lanes: str | None,
    plotlyjs: str,
    key_dates: int | None,
    per_date: int | None,
    key_dates_anywhere: bool,
    no_cache: bool,
    workers: int | None,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Build each STORY_DIR (or, with --all, every story) into OUT/<story>.html, .json
    and .csv. A story that fails is reported and the others are still built."""
    from timeline.pipeline.build import (
        BuildError,
        BuildOptions,
        OptionError,
        build_stories,
        parse_formats,
    )

    try:
        chosen = parse_formats(formats)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from None
    dirs = list(story_dirs)
    if all_stories:
        from timeline.app.stories import story_folders

        dirs += story_folders(stories_dir)
        if not dirs:
            click.echo(f"error: no story folder in {stories_dir}", err=True)
            sys.exit(1)
    if not dirs:
        raise click.UsageError("give a story folder (or several), or --all")
    dirs = list(dict.fromkeys(dirs))
    options = BuildOptions(
        formats=chosen,
        min_sources=min_sources,
        since=since.date() if since else None,
        until=until.date() if until else None,
        lanes=lanes,
        plotlyjs=plotlyjs,
        key_dates=key_dates,
        per_date=per_date,
        key_dates_anywhere=key_dates_anywhere,
        use_cache=not no_cache,
        workers=workers,
    )
    several = len(dirs) > 1

    def report(built) -> None:
        prefix = f"{built.story_dir.name}: " if several else ""
        if isinstance(built.error, OptionError) and not several:
            raise click.UsageError(str(built.error))
        if built.error is not None:
            click.echo(f"error: {prefix}{built.error}", err=True)
            return
        _report_build(built.result, prefix, quiet)

    show_progress = not quiet and sys.stderr.isatty()
    try:
        with _progress_bar(show_progress) as advance:
            results = build_stories(dirs, out_dir, options, scheduler, advance, report)
    except BuildError as exc:  # the cluster cannot be used
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    if any(built.error is not None for built in results):
        sys.exit(1)


def _report_build(result, prefix: str, quiet: bool) -> None:
    from timeline.pipeline.build import summary_line

    for problem in result.problems:
        click.echo(str(problem), err=True)
    if not quiet:
        click.echo(prefix + summary_line(result), err=True)
    for path in result.outputs.values():
        click.echo(str(path))


@contextmanager
def _progress_bar(show: bool):
    """A progress callback drawing a bar on stderr (None when `show` is false)."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        console=Console(stderr=True),
    ) as bar:
        task = bar.add_task("reading articles", total=None)

        def advance(done: int, total: int) -> None:
            if total >= _PROGRESS_MIN_ARTICLES:
                bar.update(task, completed=done, total=total)

        yield advance


@main.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, allow_dash=True))
@click.option("--dct", help="Publication date the expressions are anchored to (YYYY-MM-DD).")
@click.option(
    "--jsonl",
    "jsonl",
    type=click.Path(path_type=Path, allow_dash=True),
    help='Tag records {"id", "text", "dct"} one per line; print one line per record.',
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="json: a JSON array; table: a view for people.",
)
@click.option(
    "--lang",
    "--language",
    "language",
    default="en",
    show_default=True,
    help="Language of the text: en, es, fr, it, pt, de, uk, ru (en-GB: numeric dates day "
    'first), or auto to recognise it. A --jsonl record\'s own "language" wins.',
)
@click.option(
    "--document",
    type=click.Choice(["news", "narrative"]),
    default="news",
    show_default=True,
    help="news: relative expressions count from the publication date (--dct); narrative "
    "(a history): from the text's own dates.",
)
def tag(
    file: Path | None, dct: str | None, jsonl: Path | None, fmt: str, language: str, document: str
) -> None:
    """Find and anchor the temporal expressions of FILE (offsets index its decoded text)."""
    language = language.strip()
    if language.lower() != "auto" and not is_supported(language):
        click.echo(f"--lang {language}: not a supported language, read as English", err=True)
    if jsonl is not None:
        if file is not None:
            raise click.UsageError("give either FILE or --jsonl, not both")
        _tag_jsonl(jsonl, language, document)
        return
    if file is None:
        raise click.UsageError("give a FILE to tag (or - for standard input), or --jsonl IN.jsonl")
    if not dct:
        raise click.UsageError("--dct YYYY-MM-DD is required with FILE")
    anchor = _parse_dct(dct, "--dct")
    try:
        data = sys.stdin.buffer.read() if str(file) == "-" else read_bytes(file)
        text = decode_text(data)
    except ArticleError as exc:
        click.echo(f"{file}: {exc}", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"{file}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    timexes = tag_text(text, anchor, _language_of(text, language), document)
    if fmt == "table":
        from timeline.app.view import print_table

        print_table(text, timexes)
    else:
        click.echo(json.dumps([t.to_dict() for t in timexes], ensure_ascii=False, indent=1))


def _language_of(text: str, language: str) -> str:
    """The language to read `text` in: `language`, or the one recognised for "auto"."""
    if language.lower() != "auto":
        return language
    from timeline.ingest.language import detect_language

    return detect_language(text) or "en"


def _tag_jsonl(path: Path, language: str, document: str = "news") -> None:
    """One output line per input record; a bad record gets an "error" line and exit 1."""
    stream = sys.stdin if str(path) == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    failures = 0
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                record = None
                problem = f"invalid JSON ({exc.msg})"
            else:
                problem = _record_problem(record)
            record_id = record.get("id") if isinstance(record, dict) else None
            if problem:
                failures += 1
                click.echo(f"{path}:{number}: {problem}", err=True)
                result = {"id": record_id, "timexes": [], "error": problem}
            else:
                anchor = date.fromisoformat(str(record["dct"]).strip()[:10])
                stated = str(record.get("language") or "").strip()
                code = stated or _language_of(record["text"], language)
                timexes = tag_text(record["text"], anchor, code, document)
                result = {
                    "id": record_id,
                    "language": code,
                    "timexes": [t.to_dict() for t in timexes],
                }
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    if failures:
        sys.exit(1)


def _record_problem(record: object) -> str:
    if not isinstance(record, dict):
        return "record is not a JSON object"
    if not isinstance(record.get("text"), str):
        return "record has no 'text' string"
    try:
        date.fromisoformat(str(record.get("dct", "")).strip()[:10])
    except ValueError:
        return f"record has no valid 'dct' date ({record.get('dct')!r})"
    return ""


@main.command("open")
@click.argument("story_dir", type=click.Path(path_type=Path))
@out_option("Folder for the outputs.")
def open_command(story_dir: Path, out_dir: Path) -> None:
    """Open STORY_DIR's page in the browser, building it if stale.

    The page is rebuilt when it is missing or older than any file of the story folder.
    Prints the page's path. A build prints its problems and summary on stderr, like
    `timeline build`; exit status 1 when the story cannot be built.
    """
    import webbrowser

    from timeline.app.serve import open_story

    started: list[object] = []

    def opener(uri: str) -> None:
        started.append(webbrowser.open(uri))

    def report(result) -> None:
        from timeline.pipeline.build import summary_line  # loaded already: the build ran

        for problem in result.problems:
            click.echo(str(problem), err=True)
        click.echo(f"built: {summary_line(result)}", err=True)

    try:
        page = open_story(story_dir, out_dir, opener=opener, on_build=report)
    except Exception as exc:
        from timeline.pipeline.build import BuildError  # loaded already: the build raised it

        if not isinstance(exc, BuildError):
            raise
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(str(page))
    if started == [False]:
        click.echo("no browser could be started: open the file above yourself", err=True)


@main.command()
@out_option("Output folder to serve.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 (0: any free port).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the index in the browser.")
@stories_option("Where the served stories' folders are (their pages offer corrections).")
@click.option("--read-only", is_flag=True, help="Offer no corrections on the pages.")
@click.option("-q", "--quiet", is_flag=True, help="Do not log requests.")
def serve(
    out_dir: Path, port: int, open_browser: bool, stories_dir: Path, read_only: bool, quiet: bool
) -> None:
    """Serve OUT on 127.0.0.1 with an index of built stories.

    The index (http://127.0.0.1:PORT/) lists every story built in OUT: title, dates,
    counts and last build; it is made on each request, so a reload shows new builds.
    The page of a story whose folder is in STORIES offers corrections in its event
    details (date, headline, hide, pin, merge, detach a source, undo): saving one writes
    the story's corrections.toml and rebuilds it.

    Only this machine can connect, and only OUT's files are served. OUT must exist (a
    typo should not serve an empty folder): build a story first. Ctrl+C stops.
    """
    from timeline.app.serve import make_server

    try:
        server = make_server(
            out_dir, port, quiet=quiet, stories_dir=None if read_only else stories_dir
        )
    except (FileNotFoundError, NotADirectoryError) as exc:
        click.echo(f"error: {exc} (build a story first: timeline build stories/<name>)", err=True)
        sys.exit(1)
    except OSError as exc:
        click.echo(f"error: cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    with server:
        click.echo(f"Serving {out_dir} at {server.url} (Ctrl+C to stop)")
        if not read_only:
            click.echo(
                f"The pages of the stories in {stories_dir}/ offer corrections, saved to each "
                "story's corrections.toml (--read-only for none)",
                err=True,
            )
        if open_browser:
            import webbrowser

            webbrowser.open(server.url)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("stopped", err=True)


def _register_story_commands() -> None:
    from timeline.app import edit_commands, story_commands

    for command in (*story_commands.COMMANDS, *edit_commands.COMMANDS):
        main.add_command(command)


_register_story_commands()
