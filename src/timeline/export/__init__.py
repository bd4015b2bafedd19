"""Export: a story's events written for people and for other tools.

Takes a `Story` and its merged `Event`s and gives files, each written atomically: the
interactive page (`html_out`, with its chart from `chart`), JSON and CSV of the same
events, and on request a TimelineJS file and static images.
"""

from timeline.export.csv_out import events_table, write_csv
from timeline.export.html_out import render_html, write_html
from timeline.export.json_out import story_document, write_json
from timeline.models import ALL_OUTPUT_FORMATS
from timeline.models import OUTPUT_FORMATS as FORMATS

__all__ = [
    "ALL_OUTPUT_FORMATS",
    "FORMATS",
    "events_table",
    "render_html",
    "story_document",
    "write_csv",
    "write_html",
    "write_json",
]
