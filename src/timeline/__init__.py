"""timeline: turn a folder of news articles into a dated, deduplicated, interactive timeline.

from timeline import build_story, tag
result = build_story("stories/ukrainian-children", "output")
timexes = tag("She said Friday.", date(2025, 10, 10))
"""

__version__ = "0.1.0"

from timeline.build import BuildError, BuildResult, build_story
from timeline.ingest import load_story
from timeline.resolve import tag

__all__ = ["BuildError", "BuildResult", "__version__", "build_story", "load_story", "tag"]
