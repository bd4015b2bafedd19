"""Feed a story: create story folders, add articles to them, list them, rebuild on change.

The daily loop around `timeline build`:

- `new_story` makes `stories/<name>/` with a `story.toml`;
- `add_articles` copies articles into a story as Markdown files with YAML front matter,
  read with the build's own readers (`timeline.ingest`) so that what `add` accepts is
  exactly what a build will read; it never overwrites a file and never adds the same text
  twice;
- `list_stories` says, for every story folder, what it holds and whether its timeline is
  built and up to date;
- `watch_story` rebuilds a story whenever its articles change.

Every function raises `FeedError` (a `ValueError`) with a message for people when it
cannot do what was asked at all; per-article problems are reported, never raised.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

import yaml

from timeline.fileio import write_temporary
from timeline.ingest import (
    ARTICLE_SUFFIXES,
    FUTURE_SLACK,
    NO_DATE_MESSAGE,
    STORY_FILE,
    ArticleError,
    RawArticle,
    decode_text,
    iter_article_files,
    load_story,
    make_article,
    parse_articles,
    parse_publication_date,
    read_articles,
    story_settings,
)
from timeline.models import Article, Problem
from timeline.web import Fetched, Fetcher, FetchError, is_html, is_url

if TYPE_CHECKING:
    from timeline.build import BuildResult

STDIN: Literal["-"] = "-"
Source = Path | str  # a file, a folder, or "-" for standard input

DEFAULT_STORIES = Path("stories")
DEFAULT_OUT = Path("output")

# Folder names: one path component that every file system and shell takes as it is.
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_NAME_MAX = 100
# File names of added articles: "<date>-<slug>.md", the slug at most this long.
_SLUG_MAX = 60
# What `add URL` asks a server for: a web page.
PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
# Pasted text that is a saved web page rather than an article's text.
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
# Punctuation that differs between copies of one article (typographic or plain quotes,
# dashes), folded so that it does not hide a duplicate.
_PUNCTUATION_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u00ad": None,  # soft hyphen: invisible
        "\u200b": None,  # zero-width space: invisible
    }
)


class FeedError(ValueError):
    """What was asked cannot be done at all (bad name, missing story folder, bad --date)."""


# --- timeline new ---------------------------------------------------------------------


def new_story(
    name: str,
    stories_dir: Path = DEFAULT_STORIES,
    title: str | None = None,
    description: str | None = None,
) -> Path:
    """Create `stories_dir/<name>/` with a `story.toml`, and return the folder.

    NAME is one safe folder name (letters, digits, `-`, `_`, `.`; starting with a letter
    or digit, so never hidden, never `..`, never an option) because it also names the
    outputs (`output/<name>.html`) and appears in URLs. An existing folder is refused
    rather than adopted: `new` is for starting a story, and must not touch one.
    """
    check_story_name(name)
    folder = Path(stories_dir) / name
    Path(stories_dir).mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir()
    except FileExistsError:
        raise FeedError(
            f"{folder} already exists (add articles to it: timeline add {name} FILE...)"
        ) from None
    settings = {
        "title": title if title is not None else humanise(name),
        "description": description or "",
    }
    _write_new(folder / STORY_FILE, story_toml(settings).encode("utf-8"))
    return folder


def check_story_name(name: str) -> None:
    """Raise `FeedError` unless `name` is a safe story folder name (see `new_story`)."""
    if not _NAME.fullmatch(name) or len(name) > _NAME_MAX:
        raise FeedError(
            f"'{name}' is not a story name: use letters, digits, '-', '_' and '.', "
            f"starting with a letter or digit (at most {_NAME_MAX} characters), "
            "e.g. 'ukrainian-children'"
        )


def humanise(name: str) -> str:
    """ "ukrainian-children" → "Ukrainian Children": the title a build gives a story with
    no title of its own, so that `new` does not change what the page shows."""
    return re.sub(r"[-_]+", " ", name).strip().title() or name


def story_toml(settings: dict[str, str]) -> str:
    """A `story.toml` of string settings, with the optional keys shown commented out.

    A tiny writer instead of a TOML library: only basic strings are written, escaped as
    the TOML spec says (backslash, quote, control characters), and `tomllib` reads back
    exactly what was given (the tests check it).
    """
    lines = ["# Settings of this story: see the README, 'The story folder'."]
    lines += [f"{key} = {toml_string(value)}" for key, value in settings.items()]
    lines += [
        '# language = "en"             # en-GB, en-AU...: numeric dates read day first',
        '# timezone = "Europe/London"  # front-matter date-times are read in this zone',
        "# min_sources = 2             # only events reported by at least two articles",
    ]
    return "\n".join(lines) + "\n"


def toml_string(value: str) -> str:
    """A TOML basic string: `"` and `\\` escaped, control characters as escapes."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


# --- timeline add ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Added:
    """An article written into the story."""

    source: str  # what it came from: a path as given, "file.jsonl#3", or "stdin"
    path: Path  # the new file

    def __str__(self) -> str:
        return f"{self.source}: added as {self.path.name}"


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An article not added because its text is in the story already."""

    source: str
    existing: str  # the story's article id ("a.md", "feed.jsonl#3") or a file just added

    def __str__(self) -> str:
        return f"{self.source}: already in story as {self.existing}"


@dataclass(slots=True)
class AddReport:
    """What `add_articles` did: added, duplicates, problems (each one line), notes."""

    added: list[Added] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # things ignored on purpose

    @property
    def ok(self) -> bool:
        """No problems (duplicates are not problems: adding twice is a no-op)."""
        return not self.problems

    def summary(self) -> str:
        """ "2 added, 1 already in story, 1 not added"."""
        parts = [f"{len(self.added)} added"]
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} already in story")
        if self.problems:
            parts.append(f"{len(self.problems)} not added")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class _Overrides:
    """Metadata given on the command line: it wins over the file's own (the person adding
    knows better than a page's metadata), like build flags win over story.toml."""

    day: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    # the publication date when the article has none of its own (a feed entry's)
    fallback_day: date | None = None

    def apply(self, raw: RawArticle) -> RawArticle:
        meta = dict(raw.meta)
        has_date = raw.html_date is not None or any(
            meta.get(k) not in (None, "") for k in ("date", "published", "publication_date")
        )
        if self.fallback_day is not None and not has_date:
            meta["date"] = self.fallback_day
        if self.day is not None:
            # "date" comes first in the build's precedence, so it overrides "published"
            # and the page's metadata date too.
            meta["date"] = self.day
        for key in ("title", "source", "url"):
            value = getattr(self, key)
            if value is not None:
                meta[key] = value
        return dataclasses.replace(raw, meta=meta)


@dataclass(slots=True)
class _Context:
    """The story being added to, and what is in it (normalised text → article id)."""

    folder: Path
    language: str
    tz: ZoneInfo | None
    known: dict[str, str]
    overrides: _Overrides
    report: AddReport


def add_articles(
    story: Path,
    sources: Sequence[Source],
    date: date | str | None = None,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    stdin_text: str | bytes | None = None,
    fetcher: Fetcher | None = None,
    fallback_date: date | None = None,
) -> AddReport:
    """Copy articles into the story folder as new `.md` files with YAML front matter.

    Each source is a file (`.md`/`.markdown`/`.txt` with or without front matter, an
    `.html`/`.htm` page, `.json`/`.jsonl` records: one new file a record), a folder (its
    own supported files, sorted; not its sub-folders: adding `~/Downloads` must not sweep
    up everything below it), `"-"` for `stdin_text` (read from standard input when
    None; a saved web page if it starts like one, else text with optional front matter),
    or an http(s) URL: the page is fetched (`timeline.web`, with `fetcher` when given)
    and read as a saved `.html` page is, its `url` recorded. `fallback_date` is the
    publication date of an article that gives none (a feed entry's date for its page).

    Files are read by `timeline.ingest`'s readers, so the new file holds exactly what a
    build would have read from the original: the body (for HTML, the extracted text)
    verbatim after the front matter, and `title`, `date` (the publication day, ISO),
    `source`, `url`, `language` when known, plus any other fields of the original's
    front matter or record. `date`, `title`, `source` and `url` override the file's own.

    Nothing of the story is ever modified or overwritten (see `_write_new`). An article
    whose normalised text (`normalise_text`) is that of an article the story's build
    reads (`load_story`), or of one added earlier in this call, is reported as a
    duplicate and skipped. The check is not a lock: two `add`s of one text running at the
    same moment may both add it (a build then merges their events); neither loses or
    overwrites a file. An article without a publication date, or with any other problem a
    build would skip it for, is reported and skipped; the others are still added.

    Raises `FeedError` when the story folder does not exist or `date` is not a valid
    publication date.
    """
    folder = check_story_folder(story)
    overrides = _Overrides(
        day=parse_date_option(date) if date is not None else None,
        title=title,
        source=source,
        url=url,
        fallback_day=fallback_date,
    )
    if sum(1 for s in sources if str(s) == STDIN) > 1:
        raise FeedError("'-' (standard input) can be given only once")
    context = adding_context(folder, overrides)
    for item in sources:
        if str(item) == STDIN:
            _add_stdin(context, stdin_text)
        elif isinstance(item, str) and is_url(item):
            if fetcher is None:
                fetcher = Fetcher()
            _add_url(context, item, fetcher)
        elif Path(item).is_dir():
            _add_folder(context, Path(item))
        else:
            _add_file(context, Path(item), str(item))
    return context.report


def adding_context(folder: Path, overrides: _Overrides | None = None) -> _Context:
    """What adding to the story folder needs: its settings, and the texts already in it
    (for the duplicate check), read once however many articles are then added."""
    _, tz = story_settings(folder)
    existing = load_story(folder)
    return _Context(
        folder=folder,
        language="",  # only a language the article states: the story's applies anyway
        tz=tz,
        known={normalise_text(a.body): a.id for a in existing.articles},
        overrides=overrides or _Overrides(),
        report=AddReport(),
    )


def add_page(
    context: _Context, label: str, page: Fetched, fallback_day: date | None = None
) -> list[RawArticle] | None:
    """Add a fetched page (`label`: how to name it in messages) as `add URL` does, with
    `fallback_day` as its publication date when it gives none. Returns the page's
    articles as read, or None when it could not be read (reported)."""
    try:
        if not is_html(page):
            kind = page.content_type.split(";")[0].strip() or "unknown type"
            raise FetchError(f"not an HTML page ({kind})")
        raws = parse_articles(page_text(page), ".html")
    except FetchError as exc:
        context.report.problems.append(Problem(label, str(exc)))
        return None
    except ArticleError as exc:
        context.report.problems.append(Problem(label, _message(exc)))
        return None
    # the address it was fetched from, unless the page names its own (canonical) one
    raws = [
        r if r.meta.get("url") else dataclasses.replace(r, meta={**r.meta, "url": page.url})
        for r in raws
    ]
    base = context.overrides
    if fallback_day is not None:
        context.overrides = dataclasses.replace(base, fallback_day=fallback_day)
    try:
        _add_raws(context, raws, label, "")
    finally:
        context.overrides = base
    return raws


def parse_date_option(value: date | str, today: date | None = None) -> date:
    """A `--date` value, read like a front-matter date ("2025-10-10", "October 10, 2025").

    Raises `FeedError` for an impossible, unreadable or future date: a build would skip
    every article given it.
    """
    try:
        day = parse_publication_date(value)
    except ArticleError as exc:
        raise FeedError(str(exc).removesuffix(", skipped")) from None
    if day > (today or date.today()) + FUTURE_SLACK:
        raise FeedError(f"publication date {day} is in the future")
    return day


def normalise_text(text: str) -> str:
    """The text two copies of one article share: compatibility forms (NFKC: non-breaking
    spaces, ligatures), case, typographic quotes and dashes, and whitespace are folded.

    Other punctuation and every word are kept, so two different articles never meet
    here; texts that differ in more than layout (a different extraction of the same page,
    an edited copy) are not duplicates by this test, and a build's merging handles them.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_PUNCTUATION_FOLD).casefold()
    return " ".join(folded.split())


def _add_stdin(context: _Context, stdin_text: str | bytes | None) -> None:
    label = "stdin"
    if stdin_text is None:
        stream = getattr(sys.stdin, "buffer", None)
        data: str | bytes = stream.read() if stream is not None else sys.stdin.read()
    else:
        data = stdin_text
    try:
        text = decode_text(data) if isinstance(data, bytes) else data
        if not text.strip():
            raise ArticleError("no text on standard input")
        suffix = ".html" if _HTML_START.match(text) else ".txt"
        raws = parse_articles(text, suffix)
    except ArticleError as exc:
        context.report.problems.append(Problem(label, _message(exc)))
        return
    _add_raws(context, raws, label, "")


def _add_url(context: _Context, url: str, fetcher: Fetcher) -> None:
    try:
        page = fetcher.get(url, accept=PAGE_ACCEPT)
    except FetchError as exc:
        context.report.problems.append(Problem(url, str(exc)))
        return
    add_page(context, url, page)


def page_text(page: Fetched) -> str:
    """A fetched page's text: in the charset its Content-Type names, else read as a
    saved page is (UTF-8, else Windows-1252)."""
    found = re.search(r"charset=[\"']?([\w.:-]+)", page.content_type, re.IGNORECASE)
    if found:
        try:
            text = page.data.decode(found.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if text.strip():
                return text.lstrip("\ufeff")
    return decode_text(page.data)


def _add_folder(context: _Context, folder: Path) -> None:
    ignored = []
    for file in sorted(folder.iterdir()):
        if file.name.startswith("."):
            continue
        if file.is_file() and file.suffix.lower() in ARTICLE_SUFFIXES:
            _add_file(context, file, str(file))
        else:
            ignored.append(file.name + ("/" if file.is_dir() else ""))
    if ignored:
        shown = ", ".join(ignored[:5]) + (", ..." if len(ignored) > 5 else "")
        context.report.notes.append(
            f"{folder}: {len(ignored)} ignored (sub-folders, other file types): {shown}"
        )


def _add_file(context: _Context, file: Path, label: str) -> None:
    problems = context.report.problems
    if not file.is_file():
        problems.append(Problem(label, "no such file" if not file.exists() else "not a file"))
        return
    if file.suffix.lower() not in ARTICLE_SUFFIXES:
        kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
        problems.append(
            Problem(label, f"unsupported file type '{file.suffix}' (supported: {kinds})")
        )
        return
    try:
        raws = read_articles(file)
    except ArticleError as exc:
        problems.append(Problem(label, _message(exc)))
        return
    except OSError as exc:
        problems.append(Problem(label, f"cannot read ({exc.strerror or exc})"))
        return
    _add_raws(context, raws, label, file.name)


def _add_raws(context: _Context, raws: Iterable[RawArticle], label: str, name: str) -> None:
    """Add the articles of one source; `name` is its file name (it may hold the date)."""
    report = context.report
    for raw in raws:
        shown = label + (f"#{raw.key}" if raw.key else "")
        try:
            article = make_article(context.overrides.apply(raw), name, context.language, context.tz)
        except ArticleError as exc:
            report.problems.append(Problem(shown, _message(exc)))
            continue
        key = normalise_text(article.body)
        if key in context.known:
            report.duplicates.append(Duplicate(shown, context.known[key]))
            continue
        path = _write_new(
            _article_file_name(context.folder, article), article_markdown(article, raw.meta)
        )
        context.known[key] = path.name
        report.added.append(Added(shown, path))


def _message(exc: ArticleError) -> str:
    """The reader's message, worded for `add`: what to do instead of what the build does."""
    text = str(exc)
    if text == NO_DATE_MESSAGE:
        return "no publication date (give --date YYYY-MM-DD)"
    return text.removesuffix(", skipped")


# Fields the build reads, in the order they are written; other fields of the original
# front matter or record follow them unchanged. Alternative date fields are dropped: the
# written `date` is the one the build chose, and a second one could only contradict it.
_WRITTEN = ("title", "date", "source", "url", "language")
_DROPPED = {"date", "published", "publication_date", "text", "_error"}


def article_markdown(article: Article, meta: dict | None = None) -> bytes:
    """The new file: YAML front matter (PyYAML's `safe_dump`), `---`, the body verbatim.

    The build reads back the same body (the text after the closing `---` line), title,
    publication date, source, url and language.
    """
    fields: dict[str, object] = {
        "title": article.title,
        "date": article.published,
        "source": article.source,
        "url": article.url,
        "language": article.language,
    }
    fields = {k: v for k, v in fields.items() if v not in ("", None)}
    for key, value in (meta or {}).items():
        if key not in _DROPPED and key not in _WRITTEN:
            fields[str(key)] = value
    header = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{header}---\n{article.body}".encode()


def slugify(text: str, limit: int = _SLUG_MAX) -> str:
    """ASCII, lower case, words joined by `-`, at most `limit` characters, cut between
    words when possible: "Melania Trump Says Has 'Open Channel'" → "melania-trump-says-
    has-open-channel". "article" when nothing is left (a title in another script)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut[1:] else slug[:limit]
    return slug.strip("-") or "article"


def _article_file_name(folder: Path, article: Article) -> Path:
    return folder / f"{article.published.isoformat()}-{slugify(article.title)}.md"


def _write_new(path: Path, data: bytes) -> Path:
    """Write a new file at `path`, or at `<stem>-2`, `-3`... when a file has that name.

    Never overwrites, even when another process creates the same name at the same moment
    (a second `add`, an editor, a sync tool): the data goes to a hidden temporary file in
    the same folder (ignored by builds and watchers), which is then hard-linked to the
    name. `link` fails if the name exists, atomically, where `os.replace` (what
    `timeline.fileio.write_atomic` uses) would replace it. A reader never sees a partial
    file. On file systems without hard links, the file is created with O_EXCL (never
    overwrites either) and written in place.
    """
    temp = write_temporary(path, data)
    try:
        for candidate in _candidates(path):
            try:
                os.link(temp, candidate)
            except FileExistsError:
                continue
            except OSError:
                return _write_exclusive(path, data)
            return candidate
    finally:
        temp.unlink(missing_ok=True)
    raise AssertionError("unreachable")  # _candidates never ends


def _write_exclusive(path: Path, data: bytes) -> Path:
    for candidate in _candidates(path):
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return candidate
    raise AssertionError("unreachable")


def _candidates(path: Path) -> Iterable[Path]:
    yield path
    number = 2
    while True:
        yield path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1


def resolve_story(story: Path | str, stories_dir: Path = DEFAULT_STORIES) -> Path:
    """A story folder from a path, or from a bare name of a folder of `stories_dir`.

    `timeline add ukrainian-children a.html` works like `timeline add
    stories/ukrainian-children a.html`; a path is always taken as it is.
    """
    path = Path(story)
    if not path.exists() and len(path.parts) == 1:
        named = Path(stories_dir) / path
        if named.is_dir():
            return named
    return path


def check_story_folder(story: Path | str) -> Path:
    """The story folder, or `FeedError` saying how to create it."""
    folder = Path(story)
    if not folder.is_dir():
        parent = folder.parent
        where = "" if parent in (Path("."), DEFAULT_STORIES) else f" --stories {parent}"
        raise FeedError(
            f"{folder}: no such story folder (create it first: timeline new {folder.name}{where})"
        )
    return folder


# --- timeline list --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryStatus:
    """One story folder: what it holds now, and its last build if it has one."""

    name: str  # the folder's name, which also names its outputs
    path: Path
    title: str
    articles: int  # article files, each record of a .json/.jsonl counted (not parsed)
    built: bool  # a page and its JSON exist in the output folder
    stale: bool  # not built, or a file of the story is newer than the page
    events: int | None = None  # of the last build
    span: str = ""  # the dates the last build's events cover ("Aug – 10 Oct 2025")
    built_at: datetime | None = None


def story_folders(stories_dir: Path = DEFAULT_STORIES) -> list[Path]:
    """The story folders of `stories_dir`, by name: sub-folders with a `story.toml` or an
    article file (hidden folders and `_`-folders are not stories)."""
    root = Path(stories_dir)
    if not root.is_dir():
        return []
    return [
        folder
        for folder in sorted(root.iterdir())
        if folder.is_dir()
        and not folder.name.startswith((".", "_"))
        and ((folder / STORY_FILE).is_file() or next(iter_article_files(folder, []), None))
    ]


def list_stories(
    stories_dir: Path = DEFAULT_STORIES, out_dir: Path = DEFAULT_OUT
) -> list[StoryStatus]:
    """Every story folder of `stories_dir` by name: sub-folders with a `story.toml` or an
    article file (hidden folders and `_`-folders are not stories).

    Articles are counted without reading them (a story of a thousand saved pages would
    take many seconds to parse), so a file a build skips still counts; a build's JSON has
    the exact count. Build facts come from `out_dir/<name>.json` beside its page, read as
    `timeline serve` reads them; staleness as `timeline open` decides it.
    """
    from timeline.serve import built_stories, is_stale

    builds = {entry.name: entry for entry in built_stories(Path(out_dir))}
    found = []
    for folder in story_folders(stories_dir):
        files = list(iter_article_files(folder, []))
        name = folder.resolve().name
        entry = builds.get(name)
        found.append(
            StoryStatus(
                name=name,
                path=folder,
                title=_story_title(folder, name),
                articles=sum(_count_records(f) for f in files),
                built=entry is not None,
                stale=entry is None or is_stale(folder, Path(out_dir)),
                events=entry.events if entry else None,
                span=entry.span if entry else "",
                built_at=entry.built_at if entry else None,
            )
        )
    return found


def story_table(stories: Sequence[StoryStatus]) -> list[str]:
    """`timeline list`'s lines: a header and one aligned row a story, plain text (it is
    read in terminals, logs and pipes alike; no colour, no box drawing)."""
    rows = [("STORY", "TITLE", "ARTICLES", "EVENTS", "DATES", "LAST BUILD", "STATUS")]
    for s in stories:
        status = "not built" if not s.built else "stale" if s.stale else "up to date"
        built = s.built_at.astimezone().strftime("%Y-%m-%d %H:%M") if s.built_at else "-"
        title = s.title if len(s.title) <= 40 else s.title[:39] + "…"
        events = f"{s.events:,}" if s.events is not None else "-"
        rows.append((s.name, title, f"{s.articles:,}", events, s.span or "-", built, status))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    numeric = {2, 3}
    return [
        "  ".join(
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ).rstrip()
        for row in rows
    ]


def _story_title(folder: Path, name: str) -> str:
    try:
        story, _ = story_settings(folder)
    except OSError:
        return humanise(name)
    return story.title


def _count_records(file: Path) -> int:
    """1 for an article file; the records of a .json/.jsonl (0 when it cannot be read)."""
    suffix = file.suffix.lower()
    if suffix not in (".json", ".jsonl"):
        return 1
    try:
        data = file.read_bytes()
    except OSError:
        return 0
    if suffix == ".jsonl":
        return sum(1 for line in data.splitlines() if line.strip())
    try:
        document = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return 0
    return len(document) if isinstance(document, list) else 1


# --- timeline watch -------------------------------------------------------------------

# Names of temporary files that editors, browsers and sync tools write beside the real
# ones (vim's .swp and "4913", emacs's #autosave#, downloads in progress): never articles.
_TEMPORARY = re.compile(
    r"(?:\.sw[a-p]x?|~|\.tmp|\.temp|\.part|\.crdownload|\.download)$|^#.*#$|^\d+$",
    re.IGNORECASE,
)


class StoryChangeFilter:
    """Which file changes can matter to a build of the story (a watchfiles filter).

    Ignored, as the build ignores them: hidden files and folders (editors' `.#lock`
    files, a cache, `add`'s own temporary files), `_`-folders. Ignored as never being
    articles: editors' and browsers' temporary files. Ignored so that a build does not
    trigger itself: the output folder, when it is inside the story folder.
    """

    def __init__(self, story: Path, out_dir: Path | None = None) -> None:
        self.root = Path(story).resolve()
        self.out = Path(out_dir).resolve() if out_dir is not None else None

    def __call__(self, change: object, path: str) -> bool:
        target = Path(path)
        if self.out is not None and (target == self.out or target.is_relative_to(self.out)):
            return False
        try:
            parts = target.relative_to(self.root).parts
        except ValueError:
            parts = (target.name,)
        if not parts:
            return True  # the story folder itself
        *folders, name = parts
        if any(part.startswith((".", "_")) for part in folders):
            return False
        if name.startswith(".") or _TEMPORARY.search(name):
            return False
        return not (name.startswith("_") and target.is_dir())


BuildFunction = Callable[[Path, Path], "BuildResult"]


def watch_story(
    story: Path,
    out_dir: Path = DEFAULT_OUT,
    build: BuildFunction | None = None,
    on_build: Callable[[BuildResult], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    stop_event: threading.Event | None = None,
    debounce_ms: int = 1600,
    quiet_ms: int = 200,
    poll: Callable[[], None] | None = None,
    poll_seconds: float | None = None,
) -> int:
    """Build the story now and again whenever its articles change, until stopped.

    Changes are watched with watchfiles (inotify, FSEvents or ReadDirectoryChangesW;
    polling where none works) and grouped: a batch ends after `quiet_ms` without a new
    change, or `debounce_ms` after its first one, so saving a page, running `timeline
    add` on a folder or a sync tool's burst gives one build. Changes that cannot matter
    are ignored (`StoryChangeFilter`).

    The watcher starts before the first build, so an article saved while a build runs
    gives another build after it. Each build's result goes to `on_build`; a build that
    fails (`BuildError`: no readable article; `OSError`: output folder not writable) goes
    to `on_error` and watching goes on: the next change may fix it. `build(story,
    out_dir)` defaults to `timeline.build.build_story`. Returns the number of builds when
    `stop_event` is set; Ctrl+C raises KeyboardInterrupt.

    With `poll` and `poll_seconds`, `poll()` runs once the watcher listens (before the
    first build) and then every `poll_seconds` in a thread (`timeline watch --poll`: the
    story's feeds are updated, and the articles they bring are changes like any other,
    so they give a build).
    """
    import watchfiles

    from timeline.build import BuildError

    folder = check_story_folder(story)
    run = build or _build_story
    builds = 0
    first = True
    polling = _Poller(poll, poll_seconds, on_error) if poll and poll_seconds else None
    try:
        for changes in _watch(watchfiles, folder, out_dir, debounce_ms, quiet_ms, stop_event):
            if not changes and not first:
                continue
            if first and polling is not None:
                polling.poll_now()  # the watcher listens; the first build has the news
                polling.start()
            first = False
            builds += 1
            try:
                result = run(folder, Path(out_dir))
            except (BuildError, OSError) as exc:
                if on_error is not None:
                    on_error(exc)
                continue
            if on_build is not None:
                on_build(result)
    finally:
        if polling is not None:
            polling.stop()
    return builds


class _Poller:
    """Runs `poll()` every `seconds` in a daemon thread until stopped (and once at once
    with `poll_now`); an error it raises goes to `on_error` and polling goes on."""

    def __init__(self, poll, seconds: float, on_error) -> None:
        self.poll, self.seconds, self.on_error = poll, seconds, on_error
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, name="timeline-poll", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()

    def poll_now(self) -> None:
        try:
            self.poll()
        except Exception as exc:  # a poll that fails must not end the watch
            if self.on_error is not None:
                self.on_error(exc)

    def _run(self) -> None:
        while not self.stopped.wait(self.seconds):
            self.poll_now()


def _watch(watchfiles, folder, out_dir, debounce_ms, quiet_ms, stop_event):
    return watchfiles.watch(
        folder.resolve(),
        watch_filter=StoryChangeFilter(folder, out_dir),
        debounce=debounce_ms,
        step=quiet_ms,
        stop_event=stop_event,
        # A first, empty batch after this long starts the first build once the watcher
        # is listening (see above); later empty batches are skipped.
        rust_timeout=_FIRST_BUILD_DELAY_MS,
        yield_on_timeout=True,
    )


_FIRST_BUILD_DELAY_MS = 250


def _build_story(story: Path, out_dir: Path) -> BuildResult:
    from timeline.build import build_story

    return build_story(story, out_dir)


class WatchReporter:
    """The lines `timeline watch` prints: one summary line per build, the problems that
    are new since the previous build (a problem that stays is counted in the summary, not
    repeated every build), `error: ...` for a failed build."""

    def __init__(self, echo: Callable[[str, bool], None], quiet: bool = False) -> None:
        self.echo = echo  # echo(line, to_stderr)
        self.quiet = quiet
        self.seen: set[str] = set()

    def build(self, result: BuildResult) -> None:
        from timeline.build import summary_line

        current = [str(p) for p in result.problems]
        if not self.quiet:
            for line in current:
                if line not in self.seen:
                    self.echo(line, True)
        self.seen = set(current)
        page = result.outputs.get("html") or next(iter(result.outputs.values()), None)
        where = f" → {page}" if page is not None else ""
        self.echo(f"{time.strftime('%H:%M:%S')} {summary_line(result)}{where}", False)

    def error(self, exc: Exception) -> None:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.echo(f"{time.strftime('%H:%M:%S')} error: {reason}", True)
        self.seen = set()
