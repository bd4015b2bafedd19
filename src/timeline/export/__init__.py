"""Export: write a story's events as HTML, JSON and CSV (each written atomically)."""

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
