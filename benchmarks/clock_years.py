"""Clock times dated as years: how many events of the development stories are dated to a
year by a number that was a time of day ("1905: Welcome to our live coverage",
"(2033 in Egypt)", "1900 to 2200 EST").

    python benchmarks/clock_years.py [--data DIR] [--show N]

For each T17 dev topic, builds the story (its own temporary output folder) and looks at
every mention dated by an expression to a year whose expression is four digits that a
clock can show (hh < 24, mm < 60). It flags a suspect when signals independent of the
resolver's own rules say "time":

- a clock word within 25 characters after the number (GMT, UTC, ET, EST, BST, local
  time, hours, o'clock) or a 12-hour time within 25 before it ("1:33 p.m. (2033");
- the number opens a line with a colon after it ("1905:"), in an article where at least
  two lines open so with numbers a clock can show (one alone is a heading: "1918: The
  Spanish flu pandemic");
- the number opens a sentence or a line, followed by a capitalised word, in an article
  where at least three numbers that a clock can show do so, two thirds of them or more
  followed by a smaller one (a live blog, newest entry first).

It prints the suspects per story with their context (a person decides), the total
first, and for scale the year events before 1950 and after the story's last year.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from itertools import pairwise
from pathlib import Path

try:
    from benchmarks import _common as common
except ImportError:  # run as a script
    import _common as common  # type: ignore[no-redef]

NAME = "clock_years"
_CLOCK_AFTER = re.compile(
    r"\W{0,3}(?:GMT|UTC|ET|[ECMP][SD]T|BST|CES?T|local time|hours|hrs|o'clock)\b", re.IGNORECASE
)
_CLOCK_BEFORE = re.compile(r"\d\s*[ap]\.?m\.?\W{0,12}$", re.IGNORECASE)
_OPENER = re.compile(r"(?:^|(?<=\n)|(?<=[.!?\"”]\s))[ \t]*(\d{4})(?=\s+[A-Z\"“])")
_LINE_COLON = re.compile(r"(?m)^[ \t]*(\d{4})\s*:")


def is_hhmm(digits: str) -> bool:
    return len(digits) == 4 and int(digits[:2]) < 24 and int(digits[2:]) < 60


def suspects(story_dir: Path) -> tuple[list[tuple[int, str]], int, int, int]:
    """(suspected clock times as (year, context), year events before 1950, after the
    last article's year, all year events) of one story."""
    from timeline.pipeline.build import build_story

    with tempfile.TemporaryDirectory() as out:
        result = build_story(story_dir, out, formats="json", use_cache=False)
    articles = {a.id: a for a in result.story.articles}
    blogs, colon_blogs = set(), set()
    for article in result.story.articles:
        stamps = [m.group(1) for m in _LINE_COLON.finditer(article.content)]
        if len(stamps) >= 2 and all(is_hhmm(d) for d in stamps):
            colon_blogs.add(article.id)
        values = [int(m.group(1)) for m in _OPENER.finditer(article.content)]
        falls = sum(a > b for a, b in pairwise(values))
        if len(values) >= 3 and all(is_hhmm(str(v)) for v in values):
            blogs.update([article.id] if falls * 3 >= (len(values) - 1) * 2 else [])
    last_year = max(a.published.year for a in result.story.articles)
    found, early, late, years = [], 0, 0, 0
    for event in result.events:
        if event.interval.granularity != "year":
            continue
        years += 1
        early += event.interval.begin.year < 1950
        late += event.interval.begin.year > last_year
        for m in event.mentions:
            digits = m.expression.strip()
            if m.interval.granularity != "year" or not re.fullmatch(r"\d{4}", digits):
                continue
            if not is_hhmm(digits) or m.expression_start < 0:
                continue
            body = articles[m.article].content
            start, end = m.expression_start, m.expression_end
            line_start = body.rfind("\n", 0, start) + 1
            signal = (
                _CLOCK_AFTER.match(body, end, end + 25)
                or _CLOCK_BEFORE.search(body[max(0, start - 25) : start])
                or (
                    m.article in colon_blogs
                    and any(c.start(1) == start for c in _LINE_COLON.finditer(body, line_start))
                )
                or (
                    m.article in blogs
                    and any(o.start(1) == start for o in _OPENER.finditer(body, line_start))
                )
            )
            if signal:
                context = " ".join(body[max(0, start - 50) : end + 50].split())
                found.append((int(digits), context))
    return found, early, late, years


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=common.data_dir("t17"))
    parser.add_argument("--show", type=int, default=20, help="contexts shown per story")
    args = parser.parse_args()
    if not args.data.is_dir():
        common.skip(NAME, f"no T17 data at {common.display_path(args.data)}")
    topics = sorted(p.name for p in args.data.iterdir() if (p / "story").is_dir())
    rows, shown, total = [], [], 0
    for topic in topics:
        found, early, late, years = suspects(args.data / topic / "story")
        total += len(found)
        rows.append((topic, len(found), years, early, late))
        shown += [f"  {topic}: {year} | {context}" for year, context in found[: args.show]]
    print(f"{NAME}: {total} suspected clock times dated as years in {len(topics)} dev stories")
    print(
        common.format_table(
            ("story", "suspects", "year events", "before 1950", "after last year"), rows, "lrrrr"
        )
    )
    if shown:
        print("suspects (a person decides):")
        print("\n".join(shown))


if __name__ == "__main__":
    main()
