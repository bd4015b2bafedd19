"""The build cache: what each article file gave, kept in SQLite under the output folder.

A story grows by a few articles a day; re-reading and re-tagging hundreds of unchanged
ones on every build would be wasted. Each article file's results (its articles, their
event mentions, the mentions' words and the article's passage fingerprints) are stored
under the file's path with a digest of everything they depend on: the file's bytes, the
story settings that shape reading (language, time zone) and the tool itself: its version
and a hash of its source code, so a changed rule (in a release or a working copy) never
serves results made by the old one. A build reuses a file's results when the digest
matches and re-reads the file otherwise.

The cache is a convenience, never a source of truth: a missing, corrupt, locked or
foreign cache file is set aside (a corrupt one is deleted and started anew), and the
build goes on without it; `--no-cache` bypasses it entirely. Payloads are JSON (a cache
file is data, never code), written in transactions, so an interrupted build leaves the
previous cache intact.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from timeline import __version__
from timeline.models import Article, Interval, Mention

MAGIC = "timeline-build-cache"
SCHEMA = 3  # 2: fingerprints by polynomial hash; 3: a reference's words
CACHE_DIR = ".cache"
_TIMEOUT_SECONDS = 5


@dataclass(slots=True)
class FileResult:
    """What one article file gave: articles, and per article its mentions, the words of
    each mention (for merging) and its passage fingerprints (for site furniture)."""

    articles: list[Article] = field(default_factory=list)
    mentions: list[list[Mention]] = field(default_factory=list)
    words: list[list[list[str]]] = field(default_factory=list)
    shingles: list[list[int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what to tell about the file each time


def digest(data: bytes, settings: str) -> str:
    """What a file's results depend on: its bytes, the reading settings, the tool."""
    h = hashlib.sha256()
    h.update(f"{MAGIC}\0{SCHEMA}\0{__version__}\0{code_hash()}\0{settings}\0".encode())
    h.update(data)
    return h.hexdigest()


@cache
def code_hash() -> str:
    """A hash of the package's source files (code and language data), read once."""
    return source_hash(Path(__file__).resolve().parents[1])


def source_hash(folder: Path) -> str:
    """A hash of the names and bytes of the Python files under `folder`."""
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def cache_path(out_dir: Path, story_name: str) -> Path:
    return out_dir / CACHE_DIR / f"{story_name}.sqlite3"


class BuildCache:
    """File results by path and digest. Every method swallows database errors: after
    one, the cache is off for the rest of the build (`self.error` says why)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.error = ""
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open()
        except (sqlite3.Error, OSError) as exc:
            self._off(f"cache unusable ({exc}), building without it")

    # -- opening ------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = self._connect()
            if not self._valid(db):
                db.close()
                raise sqlite3.DatabaseError("not a timeline cache")
            return db
        except sqlite3.DatabaseError:
            # corrupt or foreign: start anew (the cache only ever holds derived data)
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            db = self._connect()
            self._create(db)
            return db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=_TIMEOUT_SECONDS)
        db.execute("PRAGMA journal_mode=WAL")
        return db

    @staticmethod
    def _valid(db: sqlite3.Connection) -> bool:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            BuildCache._create(db)
            return True
        if not {"meta", "files"} <= tables:
            return False
        meta = dict(db.execute("SELECT key, value FROM meta"))
        return meta.get("magic") == MAGIC and meta.get("schema") == str(SCHEMA)

    @staticmethod
    def _create(db: sqlite3.Connection) -> None:
        # One write transaction for the tables and their marks: a second build opening the
        # cache at the same moment waits, then finds it whole (never half-made, which it
        # would take for a foreign file and delete).
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            db.execute(
                "CREATE TABLE IF NOT EXISTS files "
                "(path TEXT PRIMARY KEY, digest TEXT NOT NULL, payload TEXT NOT NULL)"
            )
            db.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [("magic", MAGIC), ("schema", str(SCHEMA))],
            )

    def _off(self, reason: str) -> None:
        self.error = self.error or reason
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None

    # -- use ----------------------------------------------------------------------

    def known(self) -> dict[str, str]:
        """Digest of every cached path."""
        if self._db is None:
            return {}
        try:
            return dict(self._db.execute("SELECT path, digest FROM files"))
        except sqlite3.Error as exc:
            self._off(f"cache unreadable ({exc}), building without it")
            return {}

    def get(self, path: str, expected: str) -> FileResult | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT payload FROM files WHERE path = ? AND digest = ?", (path, expected)
            ).fetchone()
            return None if row is None else decode(json.loads(row[0]))
        except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            self._off(f"cache unreadable ({exc}), building without it")
            return None

    def put(self, entries: list[tuple[str, str, FileResult]], keep: set[str]) -> None:
        """Store new results and forget files no longer in the story, in one transaction."""
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?)",
                    [(p, d, json.dumps(encode(r), ensure_ascii=False)) for p, d, r in entries],
                )
                gone = [(p,) for p in self.known() if p not in keep]
                self._db.executemany("DELETE FROM files WHERE path = ?", gone)
        except sqlite3.Error as exc:
            self._off(f"cache not written ({exc})")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


# -- payloads ---------------------------------------------------------------------


def _interval(iv: Interval) -> list:
    return [iv.begin.toordinal(), iv.end.toordinal(), iv.granularity]


def _from_interval(raw: list) -> Interval:
    return Interval(date.fromordinal(raw[0]), date.fromordinal(raw[1]), raw[2])


def _blanks(article: Article) -> list[list[int]]:
    """Where the content differs from the body (blanked boilerplate), as spans."""
    spans: list[list[int]] = []
    body, content = article.body, article.content
    i = 0
    while i < len(body):
        if body[i] != content[i]:
            j = i
            while j < len(body) and body[j] != content[j]:
                j += 1
            spans.append([i, j])
            i = j
        else:
            i += 1
    return spans


def _content(body: str, spans: list[list[int]]) -> str:
    parts, at = [], 0
    for start, end in spans:
        parts.append(body[at:start])
        parts.append("".join("\n" if c == "\n" else " " for c in body[start:end]))
        at = end
    parts.append(body[at:])
    return "".join(parts)


def encode(result: FileResult) -> dict:
    return {
        "articles": [
            {
                "id": a.id, "path": a.path, "title": a.title,
                "published": a.published.toordinal(), "body": a.body,
                "blanks": _blanks(a) if a.content != a.body else [],
                "source": a.source, "url": a.url, "language": a.language,
            }
            for a in result.articles
        ],
        "mentions": [
            [
                [m.start, m.end, m.expression, m.value, _interval(m.interval),
                 m.expression_start, m.expression_end, m.dated_by, m.reference]
                for m in mentions
            ]
            for mentions in result.mentions
        ],
        "words": result.words,
        "shingles": result.shingles,
        "notes": result.notes,
    }  # fmt: skip


def decode(payload: dict) -> FileResult:
    result = FileResult(
        words=payload["words"], shingles=payload["shingles"], notes=payload.get("notes", [])
    )
    for raw, mentions in zip(payload["articles"], payload["mentions"], strict=True):
        article = Article(
            id=raw["id"], path=raw["path"], title=raw["title"],
            published=date.fromordinal(raw["published"]), body=raw["body"],
            content=_content(raw["body"], raw["blanks"]), source=raw["source"],
            url=raw["url"], language=raw["language"],
        )  # fmt: skip
        result.articles.append(article)
        result.mentions.append(
            [
                Mention(
                    article=article.id,
                    start=m[0],
                    end=m[1],
                    sentence=article.body[m[0] : m[1]],
                    expression=m[2],
                    value=m[3],
                    interval=_from_interval(m[4]),
                    published=article.published,
                    source=article.source,
                    expression_start=m[5],
                    expression_end=m[6],
                    dated_by=m[7],
                    reference=m[8],
                )
                for m in mentions
            ]
        )
    return result
