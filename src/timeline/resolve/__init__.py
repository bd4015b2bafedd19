"""Resolve: temporal expressions found in text and anchored to the publication date.

Takes text and its publication date (and language) and gives `Timex`es: each
expression's offsets, TimeML type and value, and the calendar interval it covers.

    >>> from datetime import date
    >>> [t.value for t in tag("She said Friday.", date(2025, 10, 10))]
    ['2025-10-10']

`rules` holds the extraction rules' patterns (built from `timeline.lang` data) and
`grammar`, `clock` and `relative` their handlers, which turn a match into a reading;
`anchor` is the one place where readings become calendar values, `calendar` the unit
arithmetic, `tagger` the pass over a text, and `dates` writes dates as people do.
"""

from timeline.resolve.calendar import value_interval
from timeline.resolve.tagger import tag
from timeline.resolve.tense import looks_forward

__all__ = ["looks_forward", "tag", "value_interval"]
