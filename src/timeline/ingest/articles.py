"""Ingest: read a story folder into `Article` records, reporting bad files instead of failing.

A story folder holds articles as `.md`/`.txt` (optional YAML front matter), `.html`
saved pages, `.json` (one record or a list) and `.jsonl` (one record a line), plus an
optional `story.toml` (and a `corrections.toml`, which the build applies after merging:
`timeline.events.corrections`). Nothing here writes to the folder, and nothing outside it
is read.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import frontmatter
import yaml

from timeline.ingest.boilerplate import blank_boilerplate
from timeline.ingest.language import article_language, main_language
from timeline.lang import is_supported
from timeline.models import Article, Problem, Story

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
HTML_SUFFIXES = {".html", ".htm"}
RECORD_SUFFIXES = {".json", ".jsonl"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES
STORY_FILE = "story.toml"
# A person's corrections to the story's timeline (timeline.events.corrections): never an
# article.
CORRECTIONS_FILE = "corrections.toml"
_SETTINGS_FILES = (STORY_FILE, CORRECTIONS_FILE)
# Larger files are not news articles; reading them would only stall the build.
MAX_FILE_BYTES = 25 * 1024 * 1024
# A publication date this far past today is a typo, not news.
FUTURE_SLACK = timedelta(days=1)

NO_DATE_MESSAGE = 'no publication date (add "date: YYYY-MM-DD" front matter)'
_FILENAME_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)
_ISO_DATE_SHAPE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}")


class _TextDatesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: 10x faster
    """YAML without timestamp conversion: dates stay strings, so "2025-02-30" is reported
    as an impossible date instead of crashing the parser, and time zones are kept."""


_TextDatesLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FrontMatter(frontmatter.YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> object:
        return yaml.load(fm, Loader=_TextDatesLoader)


class ArticleError(ValueError):
    """A file (or record) that cannot become an article; the message is shown to the user."""


@dataclass(frozen=True, slots=True)
class RawArticle:
    """What a file reader found, before dates and boilerplate are settled."""

    key: str  # "" for single-article files, a record id or line number otherwise
    body: str
    meta: dict
    html_date: date | None = None


def load_story(path: str | os.PathLike, today: date | None = None) -> Story:
    """Read every article of a story folder; unreadable files become `Problem`s."""
    story, tz = story_settings(path)
    root = Path(story.path)
    today = today or date.today()
    for file in iter_article_files(root, story.problems):
        articles, problems = read_article_file(root, file, story, tz, today)
        story.articles.extend(articles)
        story.problems.extend(problems)
    story.articles.sort(key=lambda a: (a.published, a.id))
    story.language = story.language or main_language(a.language for a in story.articles)
    return story


def story_settings(path: str | os.PathLike) -> tuple[Story, ZoneInfo | None]:
    """The story of a folder with its settings (story.toml) and no articles yet, and the
    time zone front-matter date-times are read in."""
    root = Path(path)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: story folder not found")
    settings, problems = _read_settings(root)
    story = Story(
        name=root.resolve().name,
        path=str(root),
        title=str(settings.get("title") or root.resolve().name.replace("-", " ").title()),
        description=str(settings.get("description") or ""),
        language=str(settings.get("language") or "").strip(),
        timezone=str(settings.get("timezone") or ""),
        problems=problems,
    )
    _read_filters(settings, story, root / STORY_FILE)
    if story.language and not is_supported(story.language):
        message = f"language '{story.language}' is not supported: articles are read as English"
        story.problems.append(Problem(str(root / STORY_FILE), message, skipped=False))
    return story, _zone(story.timezone, root, story.problems)


def read_article_file(
    root: Path,
    file: Path,
    story: Story,
    tz: ZoneInfo | None,
    today: date,
    data: bytes | None = None,
) -> tuple[list[Article], list[Problem]]:
    """The articles of one file (several for .json/.jsonl), and what was wrong with it.

    `data` is the file's bytes when the caller has read them already."""
    rel = file.relative_to(root).as_posix()
    shown = str(root / rel)
    problems: list[Problem] = []
    try:
        text, encoding = decode(read_bytes(file) if data is None else data)
        raws = list(_parse_file(file.suffix.lower(), text))
    except ArticleError as exc:
        return [], [Problem(shown, str(exc))]
    if encoding != "utf-8":
        problems.append(Problem(shown, f"not UTF-8: read as {encoding}", skipped=False))
    articles = []
    for raw in raws:
        try:
            articles.append(_make_article(raw, rel, story, tz, today))
        except ArticleError as exc:
            problems.append(Problem(shown + (f"#{raw.key}" if raw.key else ""), str(exc)))
    return articles, problems


def iter_article_files(root: Path, problems: list[Problem]) -> Iterator[Path]:
    """Article files below `root` in a stable order; skips hidden files and outside links."""
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            if name.startswith(".") or name in _SETTINGS_FILES:
                continue
            file = Path(dirpath) / name
            rel = file.relative_to(root).as_posix()
            if file.is_symlink() and not file.resolve().is_relative_to(real_root):
                problems.append(Problem(str(root / rel), "links outside the story folder, skipped"))
                continue
            if file.exists() and not file.is_file():  # a pipe or device: reading could hang
                problems.append(Problem(str(root / rel), "not a regular file, skipped"))
                continue
            if file.suffix.lower() not in ARTICLE_SUFFIXES:
                problems.append(
                    Problem(str(root / rel), f"unsupported file type '{file.suffix}', skipped")
                )
                continue
            yield file


def _read_settings(root: Path) -> tuple[dict, list[Problem]]:
    file = root / STORY_FILE
    if not file.is_file():
        return {}, []
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return {}, [
            Problem(str(file), f"invalid story.toml ({_first_line(exc)}), ignored", skipped=False)
        ]
    story = data.get("story", data)
    return (story if isinstance(story, dict) else {}), []


def _read_filters(settings: dict, story: Story, file: Path) -> None:
    """`min_sources`, `key_dates`, `per_date`, `since`, `until` and `lanes` from
    story.toml; a bad value is reported."""
    for key in ("min_sources", "key_dates", "per_date"):
        value = settings.get(key)
        if value is None:
            continue
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            setattr(story, key, value)
        else:
            story.problems.append(
                Problem(
                    str(file), f"{key} must be a whole number >= 1, not {value!r}", skipped=False
                )
            )
    lanes = settings.get("lanes")
    if lanes is not None:
        if lanes in ("source", "none"):
            story.lanes = lanes
        else:
            story.problems.append(
                Problem(
                    str(file), f"lanes must be 'source' or 'none', not {lanes!r}", skipped=False
                )
            )
    for key in ("since", "until"):
        value = settings.get(key)
        if value is None:
            continue
        try:
            day = value if isinstance(value, date) else date.fromisoformat(str(value))
        except ValueError:
            story.problems.append(
                Problem(
                    str(file), f"{key} must be a date (YYYY-MM-DD), not {value!r}", skipped=False
                )
            )
            continue
        setattr(story, key, day)


def _zone(name: str, root: Path, problems: list[Problem]) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(
            Problem(str(root / STORY_FILE), f"unknown timezone '{name}', ignored", skipped=False)
        )
        return None


def _parse_file(suffix: str, text: str) -> Iterator[RawArticle]:
    if suffix in TEXT_SUFFIXES:
        yield _parse_text_article(text)
    elif suffix in HTML_SUFFIXES:
        yield _parse_html_article(text)
    elif suffix == ".jsonl":
        yield from _parse_jsonl(text)
    else:
        yield from _parse_json(text)


def read_bytes(file: Path) -> bytes:
    """The file's bytes, refusing what cannot be an article (too large, empty)."""
    size = file.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ArticleError(
            f"file too large ({size / 1e6:.0f} MB, limit {MAX_FILE_BYTES / 1e6:.0f} MB), skipped"
        )
    data = file.read_bytes()
    if not data.strip():
        raise ArticleError("empty file, skipped")
    return data


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM), else Windows-1252/Latin-1; refuse binary data."""
    return decode(data)[0]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters but \t \n \f \r


def decode(data: bytes) -> tuple[str, str]:
    """The text of `data` and the encoding it was read in (see `decode_text`)."""
    if b"\x00" in data[:8192]:
        raise ArticleError("binary file, not text, skipped")
    encoding = "utf-8"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        encoding = "Windows-1252 (Latin-1)"
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ArticleError("not UTF-8 or Latin-1 text, skipped") from None
    controls = len(_CONTROL.findall(text, 0, 8192))
    if controls > max(8, len(text[:8192]) // 100):
        raise ArticleError("binary file, not text, skipped")
    return text, encoding


def _parse_text_article(text: str) -> RawArticle:
    """Split YAML front matter (parsed by python-frontmatter) from the body, offsets intact."""
    handler = _FrontMatter()
    if not handler.detect(text):
        return RawArticle("", text, {})
    boundaries = list(handler.FM_BOUNDARY.finditer(text))
    if len(boundaries) < 2 or boundaries[0].start() != 0:
        raise ArticleError("broken front matter (no closing '---' line), skipped")
    try:
        meta, _ = frontmatter.parse(text, handler=handler)
    except yaml.YAMLError as exc:
        raise ArticleError(f"broken front matter ({_first_line(exc)}), skipped") from None
    if not isinstance(meta, dict):
        raise ArticleError("broken front matter (not a mapping of fields), skipped")
    end = boundaries[1].end()
    if text.startswith("\r\n", end):
        end += 2
    elif text.startswith("\n", end):
        end += 1
    return RawArticle("", text[end:], dict(meta))


def _parse_html_article(text: str) -> RawArticle:
    """Main text, title and metadata date of a saved web page, via trafilatura/htmldate."""
    import trafilatura  # imported here: only stories with HTML pay its start-up

    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        raise ArticleError("no article text found in the HTML page, skipped")
    meta = {"title": doc.title or "", "url": doc.url or "", "source": doc.sitename or ""}
    if doc.language:
        meta["language"] = doc.language
    html_date = None
    if doc.date:
        try:
            html_date = date.fromisoformat(doc.date[:10])
        except ValueError:
            html_date = None
    return RawArticle("", doc.text, meta, html_date)


def _parse_json(text: str) -> Iterator[RawArticle]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"invalid JSON ({exc.msg} at line {exc.lineno}), skipped") from None
    records = data if isinstance(data, list) else [data]
    single = not isinstance(data, list)
    for index, record in enumerate(records, start=1):
        yield _record(record, "" if single else str(index))


def _parse_jsonl(text: str) -> Iterator[RawArticle]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RawArticle(str(number), "", {"_error": f"invalid JSON line ({exc.msg})"})
            continue
        yield _record(record, str(number))


def _record(record: object, position: str) -> RawArticle:
    if not isinstance(record, dict):
        return RawArticle(position, "", {"_error": "record is not a JSON object"})
    key = str(record.get("id") or position)
    text = record.get("text")
    meta = {k: v for k, v in record.items() if k != "text"}
    if not isinstance(text, str):
        meta["_error"] = "record has no 'text' string"
        text = ""
    return RawArticle(key, text, meta)


def _make_article(
    raw: RawArticle, rel: str, story: Story, tz: ZoneInfo | None, today: date, detect: bool = True
) -> Article:
    if "_error" in raw.meta:
        raise ArticleError(f"{raw.meta['_error']}, skipped")
    if not raw.body.strip():
        raise ArticleError("no article text, skipped")
    published = publication_date(raw, rel, tz)
    if published > today + FUTURE_SLACK:
        raise ArticleError(f"publication date {published} is in the future, skipped")
    meta = raw.meta
    article_id = rel + (f"#{raw.key}" if raw.key else "")
    stated = _text_field(meta, "language")
    if detect:
        language = article_language(stated, story.language, raw.body)
    else:
        language = stated or story.language
    return Article(
        id=article_id,
        path=rel,
        title=_text_field(meta, "title") or _first_line_of(raw.body),
        published=published,
        body=raw.body,
        content=blank_boilerplate(raw.body, language),
        source=_text_field(meta, "source"),
        url=_text_field(meta, "url"),
        language=language,
    )


def publication_date(raw: RawArticle, rel: str, tz: ZoneInfo | None = None) -> date:
    """Front matter / record > HTML metadata > a date in the file name > none (an error)."""
    for key in ("date", "published", "publication_date"):
        if raw.meta.get(key) not in (None, ""):
            return parse_publication_date(raw.meta[key], tz)
    if raw.html_date is not None:
        return raw.html_date
    found = _FILENAME_DATE.search(Path(rel).name)
    if found:
        try:
            return date(*map(int, found.groups()))
        except ValueError:
            pass
    raise ArticleError(NO_DATE_MESSAGE)


def parse_publication_date(value: object, tz: ZoneInfo | None = None) -> date:
    """A date from front matter: a YAML date, an ISO 8601 string, or a written-out date."""
    if isinstance(value, datetime):
        return _local_day(value, tz)
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if _ISO_DATE_SHAPE.match(text):
        try:
            if len(text) == 10:
                return date.fromisoformat(text)
            return _local_day(datetime.fromisoformat(text.replace("Z", "+00:00")), tz)
        except ValueError:
            raise ArticleError(f"impossible publication date '{text}', skipped") from None
    import dateparser  # only for dates written out in words ("October 10, 2025")

    parsed = dateparser.parse(
        text,
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if parsed is None:
        raise ArticleError(f"unreadable publication date '{text}', skipped")
    return _local_day(parsed, tz)


def _local_day(moment: datetime, tz: ZoneInfo | None) -> date:
    if tz is not None and moment.tzinfo is not None:
        moment = moment.astimezone(tz)
    return moment.date()


def _text_field(meta: dict, key: str) -> str:
    value = meta.get(key)
    return "" if value is None else str(value).strip()


def _first_line_of(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip()[:120]
    return ""


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


# --- public readers for `timeline add` (timeline.app.add) ---------------------------------
# `add` must read a file exactly as a build will: these wrap the readers above instead of
# copying them, so a change to how builds read files changes `add` too.


def read_articles(file: str | os.PathLike) -> list[RawArticle]:
    """The raw articles of one file, read as a build reads it (one, or one a record).

    Raises `ArticleError` for a file that cannot be an article (empty, binary, broken front
    matter, invalid JSON, unsupported type) and `OSError` for one that cannot be read.
    """
    path = Path(file)
    return parse_articles(decode_text(read_bytes(path)), path.suffix)


def parse_articles(text: str, suffix: str = ".txt") -> list[RawArticle]:
    """The raw articles of decoded text, read as a file with `suffix` would be.

    Also for text that has no file (pasted on standard input). Raises `ArticleError`.
    """
    kind = suffix.lower()
    if kind not in ARTICLE_SUFFIXES:
        raise ArticleError(f"unsupported file type '{suffix}', skipped")
    return list(_parse_file(kind, text))


def make_article(
    raw: RawArticle,
    rel: str,
    language: str = "",
    tz: ZoneInfo | None = None,
    today: date | None = None,
) -> Article:
    """The `Article` a build makes of `raw` found at `rel` in a story of `language`.

    Same checks (record errors, no text, publication date and its precedence, future
    dates) and same field fallbacks (title: the first line) as `load_story`, but the
    language is only the stated one (or `language`): the build recognises the rest. Raises
    `ArticleError` with the message a build would show.
    """
    story = Story(name="", path="", title="", language=language)
    return _make_article(raw, rel, story, tz, today or date.today(), detect=False)
