"""Words read from dateparser's locale tables (a dependency already), so that the language
modules do not retype month, weekday and unit names dateparser keeps for 200 locales.

Only whole words are taken: dateparser's one- and two-letter abbreviations ("a" for año,
"Lu" for lunes) are fine in a date field but are ordinary words in running text. Each
language module adds by hand the inflections and words the tables lack.
"""

from __future__ import annotations

import importlib
from functools import cache

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = ("second", "minute", "hour", "day", "week", "month", "year")


@cache
def _info(code: str) -> dict:
    module = importlib.import_module(f"dateparser.data.date_translation_data.{code}")
    return module.info


def _words(names: list[str], shortest: int) -> list[str]:
    return [w.lower() for w in names if len(w) >= shortest and "." not in w]


def months(code: str, shortest: int = 4) -> dict[str, int]:
    """Month names (and dateparser's inflections of them) -> month number."""
    info = _info(code)
    return {w: i for i, name in enumerate(_MONTHS, 1) for w in _words(info[name], shortest)}


def weekdays(code: str, shortest: int = 4) -> dict[str, int]:
    """Weekday names -> ISO weekday number (Monday 1)."""
    info = _info(code)
    return {w: i for i, name in enumerate(_WEEKDAYS, 1) for w in _words(info[name], shortest)}


def units(code: str, shortest: int = 3) -> dict[str, str]:
    """Words of calendar units (singular, plural, cases) -> the resolver's unit name."""
    info = _info(code)
    return {w: unit for unit in _UNITS for w in _words(info[unit], shortest)}


def relative_days(code: str) -> dict[str, int]:
    """One-word days counted from today ("ayer" -1, "mañana" +1, "anteayer" -2)."""
    found: dict[str, int] = {}
    for key, words in _info(code).get("relative-type", {}).items():
        parts = key.split()
        if parts[-1] != "day" and parts[-2:] != ["day", "ago"]:
            continue
        if parts[0] == "in":
            offset = int(parts[1])
        elif parts[-1] == "ago":
            offset = -int(parts[0])
        else:
            continue
        for word in words:
            if " " not in word and len(word) > 2:
                found[word.lower()] = offset
    return found


def ago_words(code: str) -> tuple[str, ...]:
    """Words of "ago" ("hace", "il y a", "fa", "vor", "тому")."""
    return tuple(w for w in _info(code).get("ago", ()) if len(w) > 1)
