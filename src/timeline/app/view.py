"""Terminal views for people: `timeline tag --format table`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from timeline.models import Timex

_STYLES = {
    "DATE": "bold cyan",
    "TIME": "bold magenta",
    "DURATION": "bold yellow",
    "SET": "bold green",
}


def print_table(text: str, timexes: list[Timex], console: Console | None = None) -> None:
    """A table of the expressions found, then the text with each one highlighted."""
    console = console or Console()
    table = Table(show_lines=False)
    for column in ("offsets", "expression", "type", "value", "interval", "anchor"):
        table.add_column(column)
    for t in timexes:
        interval = (
            f"{t.interval.begin}..{t.interval.end} ({t.interval.granularity})" if t.interval else ""
        )
        table.add_row(
            f"{t.start}-{t.end}",
            t.text,
            t.type,
            t.value + (f" {t.mod}" if t.mod else ""),
            interval,
            t.anchor,
        )
    console.print(table)
    highlighted = Text(text)
    for t in timexes:
        highlighted.stylize(_STYLES.get(t.type, "bold"), t.start, t.end)
    console.print(highlighted)
