"""CSV export: one row per event, for spreadsheets; the same rows as a pandas table."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.export.json_out import event_fields
from timeline.fileio import write_atomic
from timeline.models import Article, Event

if TYPE_CHECKING:
    import pandas as pd

# Cells a spreadsheet would run as a formula (CSV injection): shown as text instead.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = [
    "id", "date", "start", "end", "granularity", "display_date", "text", "sources", "score", "url",
]  # fmt: skip


def event_rows(events: list[Event], articles: dict[str, Article]) -> list[dict]:
    """One row per event: the JSON record's own fields (`json_out.event_fields`), with the
    first source's url, spreadsheet-safe."""
    rows = []
    for event in events:
        urls = [articles[a].url for a in event.articles if a in articles and articles[a].url]
        row = event_fields(event)
        row["text"] = spreadsheet_safe(row["text"])
        row["url"] = spreadsheet_safe(urls[0]) if urls else ""
        rows.append(row)
    return rows


def events_table(events: list[Event], articles: dict[str, Article]) -> pd.DataFrame:
    """The events as a pandas table (the CSV's rows and columns), for analysis in Python."""
    import pandas as pd  # imported here: a build writes the CSV without it, and starts faster

    return pd.DataFrame(event_rows(events, articles), columns=COLUMNS)


def write_csv(path: Path, rows: list[dict] | pd.DataFrame) -> Path:
    """Write event rows (or a table of them) as CSV: a header, then one line per event."""
    if not isinstance(rows, list):
        return write_atomic(path, rows.to_csv(index=False, lineterminator="\n"))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return write_atomic(path, buffer.getvalue())


def spreadsheet_safe(cell: str) -> str:
    """Prefix a quote to text a spreadsheet would evaluate ("=HYPERLINK(...)")."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
