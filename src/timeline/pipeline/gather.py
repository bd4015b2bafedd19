"""Gather: every article of a story with its event mentions, from the cache or anew.

This is the per-article part of the pipeline (ingest → resolve → extract, plus the words
and passage fingerprints later stages need), run once per article file. Files whose
results are cached (see `timeline.pipeline.cache`) are not read again beyond hashing their bytes;
the others are read and extracted, in several processes when there are enough of them
to pay for it. The story-level part (site furniture across articles, merging) comes after.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from timeline.events.extract import extract_mentions
from timeline.events.merge import mention_words
from timeline.ingest.articles import (
    FUTURE_SLACK,
    ArticleError,
    iter_article_files,
    read_article_file,
    read_bytes,
    story_settings,
)
from timeline.ingest.boilerplate import passage_prints
from timeline.ingest.language import main_language
from timeline.models import Article, Mention, Problem, Story
from timeline.pipeline.cache import BuildCache, FileResult, cache_path, digest
from timeline.pipeline.workers import worker_pool
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


@dataclass(slots=True)
class ExtractTask:
    """One article file to read and extract: everything a worker process (or a Dask
    worker on another machine) needs, the file's bytes included, so that workers need
    not see the story folder."""

    root: Path
    file: Path
    story: Story
    tz: ZoneInfo | None
    today: date
    data: bytes
    rel: str
    key: str  # the cache digest

    def run(self) -> tuple[FileResult, list[Problem]]:
        return extract_file(self.root, self.file, self.story, self.tz, self.today, self.data)


@dataclass(slots=True)
class PendingGather:
    """One story between planning (files listed and hashed, cached results found) and
    assembling: the files still to read are `tasks`, run by whoever the caller chooses."""

    story: Story
    root: Path
    today: date
    cache: BuildCache | None
    files: list[Path]
    tasks: list[ExtractTask]
    results: dict[str, FileResult] = field(default_factory=dict)
    problems: dict[str, list[Problem]] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)  # new, changed or cached
    fresh: list[tuple[str, str, FileResult]] = field(default_factory=list)

    def add(self, task: ExtractTask, result: FileResult, found: list[Problem]) -> None:
        """Record what a task gave."""
        self.results[task.rel] = result
        if found:
            self.problems[task.rel] = found
        if result.articles and not any(p.skipped for p in found):
            # a file with a skipped part is read again each time: whether it is skipped
            # can depend on the day (a publication date in the future)
            result.notes = [p.message for p in found]
            self.fresh.append((task.rel, task.key, result))

    def finish(self) -> Gathered:
        """Store the new results in the cache and put the story's articles in order."""
        cache = self.cache
        if cache is not None:
            cache.put(self.fresh, keep=set(self.results))
            if cache.error:
                self.story.problems.append(Problem(str(cache.path), cache.error, skipped=False))
            cache.close()
        gathered = Gathered(self.story)
        _assemble(
            gathered, self.files, self.root, self.results, self.problems, self.status, self.today
        )
        story = gathered.story  # a story without a language of its own: its articles' main one
        story.language = story.language or main_language(a.language for a in story.articles)
        return gathered

    def close(self) -> None:
        """Let go of the cache without finishing (the build of this story failed)."""
        if self.cache is not None:
            self.cache.close()


def plan_gather(
    story_dir: str | os.PathLike,
    out_dir: Path,
    today: date | None = None,
    use_cache: bool = True,
) -> PendingGather:
    """List and hash a story's files, take what the cache holds, and make a task of
    every other file (see `PendingGather`)."""
    story, tz = story_settings(story_dir)
    root = Path(story.path)
    today = today or date.today()
    settings = f"{story.language}\0{story.timezone}"
    cache = BuildCache(cache_path(out_dir, story.name)) if use_cache else None
    known = cache.known() if cache else {}
    files = list(iter_article_files(root, story.problems))
    pending = PendingGather(story, root, today, cache, files, tasks=[])
    for file in files:
        rel = file.relative_to(root).as_posix()
        try:
            data = read_bytes(file)
        except (ArticleError, OSError) as exc:
            reason = str(exc) if isinstance(exc, ArticleError) else f"unreadable ({exc.strerror})"
            pending.problems[rel] = [Problem(str(root / rel), reason)]
            continue
        key = digest(data, settings)
        hit = cache.get(rel, key) if cache and known.get(rel) == key else None
        if hit is not None:
            pending.results[rel] = hit
            if hit.notes:
                pending.problems[rel] = [
                    Problem(str(root / rel), n, skipped=False) for n in hit.notes
                ]
            pending.status[rel] = "cached"
        else:
            pending.status[rel] = "changed" if rel in known else "new"
            pending.tasks.append(ExtractTask(root, file, story, tz, today, data, rel, key))
    return pending


def gather(
    story_dir: str | os.PathLike,
    out_dir: Path,
    today: date | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    workers: int | None = None,
) -> Gathered:
    """Read and extract every article of the story folder (see the module docstring)."""
    pending = plan_gather(story_dir, out_dir, today, use_cache)
    done, total = len(pending.results), len(pending.files)
    if progress is not None:
        progress(done, total)
    for task, result, found in run_locally(pending.tasks, workers):
        pending.add(task, result, found)
        done += 1
        if progress is not None:
            progress(done, total)
    return pending.finish()


def run_locally(tasks: list[ExtractTask], workers: int | None = None):
    """Run the tasks here, in worker processes when there are enough of them (they end
    with this process, however it ends: `timeline.pipeline.workers`); yields
    (task, result, problems) in task order."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if len(tasks) < PARALLEL_MIN_FILES or workers < 2:
        for task in tasks:
            yield task, *task.run()
        return
    with worker_pool(workers) as pool:
        futures = [pool.submit(ExtractTask.run, task) for task in tasks]
        for task, future in zip(tasks, futures, strict=True):
            yield task, *future.result()


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
