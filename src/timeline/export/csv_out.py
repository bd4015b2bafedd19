"""CSV export: one row per event, for spreadsheets."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from timeline.export.json_out import event_record
from timeline.fileio import write_atomic
from timeline.models import Article, Event

# Cells a spreadsheet would run as a formula (CSV injection): shown as text instead.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = ["id", "date", "start", "end", "granularity", "display_date", "text", "sources", "url"]


def events_table(events: list[Event], articles: dict[str, Article]) -> pd.DataFrame:
    """The events as a table (the JSON record's fields), with the first source's url."""
    rows = []
    for event in events:
        record = event_record(event)
        urls = [articles[a].url for a in event.articles if a in articles and articles[a].url]
        record["text"] = spreadsheet_safe(record["text"])
        record["url"] = spreadsheet_safe(urls[0]) if urls else ""
        rows.append({column: record[column] for column in COLUMNS})
    return pd.DataFrame(rows, columns=COLUMNS)


def write_csv(path: Path, table: pd.DataFrame) -> Path:
    return write_atomic(path, table.to_csv(index=False, lineterminator="\n"))


def spreadsheet_safe(cell: str) -> str:
    """Prefix a quote to text a spreadsheet would evaluate ("=HYPERLINK(...)")."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
