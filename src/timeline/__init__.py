"""timeline: turn a folder of news articles into a dated, deduplicated, interactive timeline.

    from timeline import build_story, tag
    result = build_story("stories/ukrainian-children", "output")
    timexes = tag("She said Friday.", date(2025, 10, 10))

Names are imported on first use, so `from timeline import tag` does not pay for the
plotting and table libraries that only a build needs.
"""

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "BuildError": "timeline.pipeline.build",
    "BuildResult": "timeline.pipeline.build",
    "build_story": "timeline.pipeline.build",
    "load_story": "timeline.ingest.articles",
    "tag": "timeline.resolve",
    # corrections to a story's timeline (timeline.app.edit)
    "EditError": "timeline.app.edit",
    "edit_event": "timeline.app.edit",
    "merge_events": "timeline.app.edit",
    "detach_mention": "timeline.app.edit",
    "undo_edit": "timeline.app.edit",
    "list_edits": "timeline.app.edit",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
