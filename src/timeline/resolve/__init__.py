"""Date resolution: find temporal expressions and anchor them to the publication date.

    >>> from datetime import date
    >>> [t.value for t in tag("She said Friday.", date(2025, 10, 10))]
    ['2025-10-10']

`grammar` holds the extraction rules (built from `timeline.lang` data), `anchor` the
one place where readings become calendar values, `calendar` the unit arithmetic.
"""

from timeline.resolve.calendar import value_interval
from timeline.resolve.tagger import looks_forward, tag

__all__ = ["looks_forward", "tag", "value_interval"]
