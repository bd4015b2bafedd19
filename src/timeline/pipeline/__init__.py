"""Pipeline: run the stages for a story, from its folder to its outputs.

Takes a story folder and gives its outputs in the output folder (HTML, JSON, CSV, and
on request TimelineJS and images), with a `BuildResult` saying what was built. The
per-article stage (ingest → resolve → extract) runs once per changed file, in worker
processes or on a Dask cluster (`gather`, `cluster`), its results kept in a SQLite cache
under the output folder (`cache`); the story-level stages (merge, salience, export) run
in `build`.
"""

from timeline.pipeline.build import build_stories, build_story

__all__ = ["build_stories", "build_story"]
