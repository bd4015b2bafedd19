"""The daily-loop commands: `timeline new`, `add`, `list`, `watch`, `follow`, `unfollow`
and `update`, each a thin layer over `timeline.app.stories`, `add`, `watch` and
`follow` (registered on the `timeline` group by `timeline.app.cli`)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from timeline.app.options import out_option, stories_option


@click.command("new")
@click.argument("name")
@click.option("--title", help="The story's title (default: NAME in words).")
@click.option("--description", help="One line about the story, shown on its page.")
@stories_option()
def new_command(name: str, title: str | None, description: str | None, stories_dir: Path) -> None:
    """Create the story folder STORIES/NAME with a story.toml, and print its path.

    NAME is a folder name: letters, digits, '-', '_' and '.', starting with a letter or
    digit. An existing folder is never touched (exit status 1).
    """
    from timeline.app.stories import FeedError, check_story_name, new_story

    try:
        check_story_name(name)
    except FeedError as exc:
        raise click.BadParameter(str(exc), param_hint="NAME") from None
    try:
        folder = new_story(name, stories_dir, title=title, description=description)
    except (FeedError, OSError) as exc:
        click.echo(f"error: {getattr(exc, 'strerror', None) or exc}", err=True)
        sys.exit(1)
    click.echo(str(folder))


@click.command("add")
@click.argument("story", type=click.Path(path_type=Path))
@click.argument("sources", nargs=-1, required=True)
@click.option("--date", "day", help='Publication date: YYYY-MM-DD or e.g. "October 10, 2025".')
@click.option("--title", help="Title of the article(s).")
@click.option("--source", help="The outlet, e.g. 'The Moscow Times'.")
@click.option("--url", help="Where the article was published.")
def add_command(
    story: Path,
    sources: tuple[str, ...],
    day: str | None,
    title: str | None,
    source: str | None,
    url: str | None,
) -> None:
    """Copy articles into STORY as Markdown files with front matter.

    SOURCES are files (.md, .txt, .html, .json, .jsonl), folders (their own supported
    files), http(s) URLs of pages (fetched and read as a saved .html page), or - for
    text pasted on standard input. STORY is a story folder, or the name of one in
    stories/. --date, --title, --source and --url override the articles' own.

    Prints each new file's path. Nothing is overwritten: a name in use gets -2, -3...;
    an article whose text is in the story already is reported and not added. Exit
    status 1 when an article could not be added (e.g. no publication date: give --date).
    """
    from timeline.app.add import add_articles, parse_date_option
    from timeline.app.stories import FeedError, resolve_story
    from timeline.ingest.web import is_url

    if day is not None:
        try:
            parse_date_option(day)
        except FeedError as exc:
            raise click.BadParameter(str(exc), param_hint="--date") from None
    if any(str(s) == "-" for s in sources) and sys.stdin.isatty():
        click.echo("Paste the article, then Ctrl+D (Ctrl+Z, Enter on Windows):", err=True)
    try:
        report = add_articles(
            resolve_story(story),
            [s if s == "-" or is_url(s) else Path(s) for s in sources],
            date=day,
            title=title,
            source=source,
            url=url,
        )
    except FeedError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for added in report.added:
        click.echo(str(added.path))
    for line in (*report.notes, *map(str, report.duplicates), *map(str, report.problems)):
        click.echo(line, err=True)
    click.echo(report.summary(), err=True)
    if not report.ok:
        sys.exit(1)


@click.command("list")
@stories_option()
@out_option("Folder of the built outputs.")
def list_command(stories_dir: Path, out_dir: Path) -> None:
    """List every story: articles, events, dates, last build, and whether it is stale."""
    from timeline.app.stories import list_stories, story_table

    stories = list_stories(stories_dir, out_dir)
    if not stories:
        click.echo(
            f"No stories in {stories_dir}/ yet: start one with `timeline new NAME`, "
            "then `timeline add NAME FILE...`."
        )
        return
    for line in story_table(stories):
        click.echo(line)


@click.command("watch")
@click.argument("story", type=click.Path(path_type=Path))
@out_option("Folder for the outputs.")
@click.option(
    "--poll",
    metavar="INTERVAL",
    help="Also update the story's feeds now and every INTERVAL (e.g. 15m, 30s, 2h).",
)
@click.option("-q", "--quiet", is_flag=True, help="Only one line a build: no problem lines.")
def watch_command(story: Path, out_dir: Path, poll: str | None, quiet: bool) -> None:
    """Rebuild STORY whenever its articles are added, changed or removed.

    Builds once at start, then after each burst of changes, printing one summary line a
    build (and the problems that are new). A failed build prints `error: ...` and
    watching goes on. With --poll, the followed feeds are read on that interval too
    (as `timeline update` does), and new articles give a build. Ctrl+C stops.
    """
    from timeline.app.follow import followed_feeds, parse_interval
    from timeline.app.stories import FeedError, check_story_folder, resolve_story
    from timeline.app.watch import WatchReporter, watch_story

    seconds = None
    if poll is not None:
        try:
            seconds = parse_interval(poll)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--poll") from None
    try:
        folder = check_story_folder(resolve_story(story))
        if seconds is not None and not followed_feeds(folder):
            raise FeedError(f"{folder} follows no feed (add one: timeline follow {folder} URL)")
    except FeedError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    reporter = WatchReporter(lambda line, err: click.echo(line, err=err), quiet=quiet)
    click.echo(f"watching {folder} (Ctrl+C to stop)", err=True)
    updater = None
    if seconds is not None:

        def updater() -> None:
            _print_update(_update(folder), quiet=True, stamp=True)  # news and failures only

    try:
        watch_story(
            folder, out_dir, on_build=reporter.build, on_error=reporter.error,
            poll=updater, poll_seconds=seconds,
        )  # fmt: skip
    except KeyboardInterrupt:
        click.echo("stopped", err=True)


def _update(folder: Path):
    from timeline.app.follow import update_story

    return update_story(folder, on_added=lambda link, path: click.echo(f"{link}: added as {path}"))


def _print_update(report, quiet: bool = False, stamp: bool = False) -> None:
    """The failures of a feed update (one line each) and its summary line."""
    for problem in report.failed:
        click.echo(str(problem), err=True)
    if not quiet or report.added or report.failed:
        prefix = f"{time.strftime('%H:%M:%S')} " if stamp else ""
        click.echo(prefix + report.summary(), err=True)


@click.command("follow")
@click.argument("story", type=click.Path(path_type=Path))
@click.argument("feed_url")
@click.option(
    "--match",
    metavar="WORDS",
    default="",
    help="Keep only entries whose title, summary or text contain all these words.",
)
def follow_command(story: Path, feed_url: str, match: str) -> None:
    """Follow the RSS or Atom feed at FEED_URL: `timeline update STORY` adds its entries.

    The URL is read first; one that is not a feed is refused and not recorded. The feed
    is recorded in the story's story.toml (the rest of the file is kept as it is);
    following it again changes its --match words.
    """
    from timeline.app.follow import follow_feed
    from timeline.app.stories import FeedError, resolve_story

    try:
        found = follow_feed(resolve_story(story), feed_url, match)
    except FeedError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    title = f" ({found.title})" if found.title else ""
    verb = "now matching" if found.already else "following"
    words = f", entries with: {' '.join(match.split())}" if match.strip() else ""
    click.echo(
        f"{verb} {found.url}{title}: {found.entries} entries now{words}; "
        f"add them with: timeline update {story}",
        err=True,
    )


@click.command("unfollow")
@click.argument("story", type=click.Path(path_type=Path))
@click.argument("feed_url")
def unfollow_command(story: Path, feed_url: str) -> None:
    """Stop following the feed at FEED_URL (articles already added stay)."""
    from timeline.app.follow import unfollow_feed
    from timeline.app.stories import FeedError, resolve_story

    try:
        unfollow_feed(resolve_story(story), feed_url)
    except FeedError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"stopped following {feed_url}", err=True)


@click.command("update")
@click.argument("story", type=click.Path(path_type=Path))
def update_command(story: Path) -> None:
    """Read STORY's feeds once and add every entry not seen before.

    Prints one line per added article, then a summary ("3 new articles, 12 already in
    story, 1 failed"); each failure is one line on stderr naming the entry. Exit status
    0 when the feeds were read (even if some entries failed), 1 when none could be.
    """
    from timeline.app.stories import FeedError, check_story_folder, resolve_story

    try:
        report = _update(check_story_folder(resolve_story(story)))
    except FeedError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    _print_update(report)
    if report.feeds_read == 0:
        sys.exit(1)


COMMANDS = (
    new_command,
    add_command,
    list_command,
    watch_command,
    follow_command,
    unfollow_command,
    update_command,
)
