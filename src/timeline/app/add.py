"""Add articles to a story: files, folders, standard input and web pages.

`add_articles` copies articles into a story as Markdown files with YAML front matter,
read with the build's own readers (`timeline.ingest`) so that what `add` accepts is
exactly what a build will read; `add_page` does the same for a page fetched by
`timeline.ingest.web`. It never overwrites a file and never adds the same text twice;
per-article problems are reported, never raised.
"""

from __future__ import annotations

import dataclasses
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import yaml

from timeline.app.stories import FeedError, check_story_folder, write_new
from timeline.ingest.articles import (
    ARTICLE_SUFFIXES,
    FUTURE_SLACK,
    NO_DATE_MESSAGE,
    ArticleError,
    RawArticle,
    decode_text,
    load_story,
    make_article,
    parse_articles,
    parse_publication_date,
    read_articles,
    story_settings,
)
from timeline.ingest.web import Fetched, Fetcher, FetchError, is_html, is_url
from timeline.models import Article, Problem

STDIN: Literal["-"] = "-"
Source = Path | str  # a file, a folder, or "-" for standard input


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
    or an http(s) URL: the page is fetched (`timeline.ingest.web`, with `fetcher` when given)
    and read as a saved `.html` page is, its `url` recorded. `fallback_date` is the
    publication date of an article that gives none (a feed entry's date for its page).

    Files are read by `timeline.ingest.articles`'s readers, so the new file holds exactly what a
    build would have read from the original: the body (for HTML, the extracted text)
    verbatim after the front matter, and `title`, `date` (the publication day, ISO),
    `source`, `url`, `language` when known, plus any other fields of the original's
    front matter or record. `date`, `title`, `source` and `url` override the file's own.

    Nothing of the story is ever modified or overwritten (see `write_new`). An article
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
        path = write_new(
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
