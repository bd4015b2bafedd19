"""Gather: every article of a story with its event mentions, from the cache or anew.

This is the per-article part of the pipeline (ingest → resolve → extract, plus the words
and passage fingerprints later stages need), run once per article file. Files whose
results are cached (see `timeline.cache`) are not read again beyond hashing their bytes;
the others are read and extracted, in several processes when there are enough of them
to pay for it. The story-level part (site furniture across articles, merging) comes after.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from timeline.boilerplate import passage_prints
from timeline.cache import BuildCache, FileResult, cache_path, digest
from timeline.extract import extract_mentions
from timeline.ingest import (
    FUTURE_SLACK,
    ArticleError,
    iter_article_files,
    read_article_file,
    read_bytes,
    story_settings,
)
from timeline.merge import mention_words
from timeline.models import Article, Mention, Problem, Story
from timeline.resolve import tag

Progress = Callable[[int, int], None]
# Below this many files to read, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 24


@dataclass(slots=True)
class Gathered:
    """A story's articles in publication order, each with its mentions, mention words and
    passage fingerprints, and how many of the articles come from new, changed or cached
    files."""

    story: Story
    mentions: list[list[Mention]] = field(default_factory=list)
    words: list[list[list[str]]] = field(default_factory=list)
    prints: list[list[int]] = field(default_factory=list)
    new: int = 0
    changed: int = 0
    cached: int = 0


def article_mentions(article: Article) -> list[Mention]:
    """Resolve and extract one article."""
    return extract_mentions(article, tag(article.content, article.published, article.language))


def extract_file(
    root: Path, file: Path, story: Story, tz: ZoneInfo | None, today: date, data: bytes
) -> tuple[FileResult, list[Problem]]:
    """Everything one article file gives (the unit of caching and of parallel work)."""
    articles, problems = read_article_file(root, file, story, tz, today, data)
    result = FileResult(articles=articles)
    for article in articles:
        mentions = article_mentions(article)
        result.mentions.append(mentions)
        result.words.append([mention_words(m, article.language) for m in mentions])
        result.shingles.append(passage_prints(article.content))
    return result, problems


def gather(
    story_dir: str | os.PathLike,
    out_dir: Path,
    today: date | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Gathered:
    """Read and extract every article of the story folder (see the module docstring)."""
    story, tz = story_settings(story_dir)
    root = Path(story.path)
    today = today or date.today()
    settings = f"{story.language}\0{story.timezone}"
    cache = BuildCache(cache_path(out_dir, story.name)) if use_cache else None
    known = cache.known() if cache else {}
    results: dict[str, FileResult] = {}
    problems: dict[str, list[Problem]] = {}
    todo: list[tuple[str, Path, bytes, str]] = []
    status: dict[str, str] = {}  # new, changed or cached, by file
    gathered = Gathered(story)
    files = list(iter_article_files(root, story.problems))
    for file in files:
        rel = file.relative_to(root).as_posix()
        try:
            data = read_bytes(file)
        except (ArticleError, OSError) as exc:
            reason = str(exc) if isinstance(exc, ArticleError) else f"unreadable ({exc.strerror})"
            problems[rel] = [Problem(str(root / rel), reason)]
            continue
        key = digest(data, settings)
        hit = cache.get(rel, key) if cache and known.get(rel) == key else None
        if hit is not None:
            results[rel] = hit
            if hit.notes:
                problems[rel] = [Problem(str(root / rel), n, skipped=False) for n in hit.notes]
            status[rel] = "cached"
        else:
            status[rel] = "changed" if rel in known else "new"
            todo.append((rel, file, data, key))
    done = len(results)
    if progress is not None:
        progress(done, len(files))
    fresh: list[tuple[str, str, FileResult]] = []
    for rel, key, result, found in _extract_all(todo, root, story, tz, today, workers):
        results[rel] = result
        if found:
            problems[rel] = found
        if result.articles and not any(p.skipped for p in found):
            # a file with a skipped part is read again each time: whether it is skipped
            # can depend on the day (a publication date in the future)
            result.notes = [p.message for p in found]
            fresh.append((rel, key, result))
        done += 1
        if progress is not None:
            progress(done, len(files))
    if cache is not None:
        cache.put(fresh, keep=set(results))
        if cache.error:
            story.problems.append(Problem(str(cache.path), cache.error, skipped=False))
        cache.close()
    _assemble(gathered, files, root, results, problems, status, today)
    return gathered


def _extract_all(todo, root, story, tz, today, workers):
    """Extract the files to read, in worker processes when there are enough of them."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if len(todo) < PARALLEL_MIN_FILES or workers < 2:
        for rel, file, data, key in todo:
            result, found = extract_file(root, file, story, tz, today, data)
            yield rel, key, result, found
        return
    # fork is cheap and keeps the compiled grammar; elsewhere spawn is the safe choice
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [
            (rel, key, pool.submit(extract_file, root, file, story, tz, today, data))
            for rel, file, data, key in todo
        ]
        for rel, key, future in futures:
            result, found = future.result()
            yield rel, key, result, found


def _assemble(gathered, files, root, results, problems, status, today) -> None:
    """Put the files' articles in publication order, with their mentions; report
    problems (and cached articles that have since become impossible) per file."""
    story = gathered.story
    rows = []
    for file in files:
        rel = file.relative_to(root).as_posix()
        story.problems.extend(problems.get(rel, []))
        result = results.get(rel)
        if result is None:
            continue
        for index, article in enumerate(result.articles):
            if article.published > today + FUTURE_SLACK:  # cached before "today" moved back
                message = f"publication date {article.published} is in the future, skipped"
                story.problems.append(Problem(str(root / rel), message))
                continue
            rows.append(
                (article, result.mentions[index], result.words[index], result.shingles[index])
            )
            match status[rel]:  # counted by article, so the three add up to the articles
                case "new":
                    gathered.new += 1
                case "changed":
                    gathered.changed += 1
                case _:
                    gathered.cached += 1
    rows.sort(key=lambda row: (row[0].published, row[0].id))
    for article, mentions, words, prints in rows:
        story.articles.append(article)
        gathered.mentions.append(mentions)
        gathered.words.append(words)
        gathered.prints.append(prints)
