"""The tagger: find temporal expressions in a text and anchor them, left to right.

1. every grammar rule proposes matches; overlapping matches are settled longest first;
2. a clock time next to a day ("8 p.m. Friday") becomes one expression;
3. each expression is anchored (see `anchor`) with the tense of its clause and the
   narrative date the text is at, which each placed date then moves.
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_right
from datetime import date

from timeline.models import Interval, Timex
from timeline.resolve import calendar as cal
from timeline.resolve.anchor import (
    REPORTING_PERIODS,
    Context,
    Reference,
    coarser,
    resolve,
)
from timeline.resolve.grammar import Grammar, grammar
from timeline.resolve.intl import IntlGrammar
from timeline.resolve.readings import CalendarDate, Reading, RelativeRef, WeekdayRef
from timeline.resolve.tense import TenseCues, tense_cues, tense_of

_Candidate = tuple[int, int, int, str, Reading]  # start, end, rule order, rule name, reading
_JOIN_TIME = re.compile(r"\s*(?:,|on|at|,\s*at)?\s*$", re.IGNORECASE)
# How far a rule's match may reach before and after its trigger word.
_WINDOW_BEFORE, _WINDOW_AFTER = 64, 96
# ...less after the trigger for the triggers whose rules end soon after it (a unit: "two
# weeks and a half or so from now"; a month: "Oct. 1-3, 2009"): smaller windows, faster.
_REACH_AFTER = {"unit": 48, "month": 48, "weekday": 48, "year": 48}
# A report's period is a recent one: "the third quarter of 1984" is a comparison.
_REPORT_MAX_DAYS = 450
# Ranges: "from March to May 2024", "between 2019 and 2021", "2019-2021".
_RANGE = re.compile(r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*", re.IGNORECASE)
_SLASH = re.compile(r"\s*/\s*")  # "Mai/Juni 1940": two months of one year
_RANGE_OPENER = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_ZONE = re.compile(r"\b(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST)\b")
_UTC = ("UTC", "GMT")
# "the quarter ended Sept. 30": a date that bounds a period does not move the narrative.
_PERIOD_BOUNDARY = re.compile(r"\b(?:ended|ending|ends)\s+$", re.IGNORECASE)


# Document kinds: news counts relative expressions from the publication date; a narrative
# (a history, a Wikipedia article) from its own dates, its "today" being the present.
DOCUMENTS = ("news", "narrative")


def tag(text: str, dct: date, language: str = "en", document: str = "news") -> list[Timex]:
    """Temporal expressions of `text`, anchored to the publication date `dct` (in a
    `document` "narrative", to the dates the text itself gives, `dct` only before any)."""
    if document not in DOCUMENTS:
        raise ValueError(f"document must be one of {DOCUMENTS}, not {document!r}")
    g = grammar(language)
    english = g.english
    candidates = _propose(text, g)
    if english:
        candidates = [c for c in candidates if not _is_title(text, c)]
    join = _JOIN_TIME if english else g.join_time
    candidates = _attach_clock_times(_select(candidates), text, join, english)
    cues = tense_cues(language)
    joiner, opener = (_RANGE, _RANGE_OPENER) if english else (g.range_joiner, g.range_opener)
    zones = _ZONE if english else g.zone
    story = document == "narrative"
    timexes: list[Timex] = []
    readings: list[Reading] = []
    narrative = report = None
    for start, end, _, name, reading in candidates:
        tense = tense_of(text, start, end, cues)
        resolution = resolve(reading, Context(dct, narrative, tense, report, story))
        if resolution is None:
            continue
        zone = zones.search(text, start, end) if resolution.type == "TIME" else None
        value = resolution.value
        if zone and zone.group().upper() in _UTC and ":" in value:
            value += "Z"  # TimeML: a clock time given in UTC carries "Z" ("T16:08Z")
        timex = Timex(
            start=start,
            end=end,
            text=text[start:end],
            type=resolution.type,
            value=value,
            mod=resolution.mod,
            interval=resolution.interval,
            anchor=resolution.anchor,
            rule=name,
            timezone=zone.group() if zone else "",
        )
        if timexes and (
            joiner.fullmatch(text, timexes[-1].end, start)
            or _SLASH.fullmatch(text, timexes[-1].end, start)
        ):
            if _range_opened(text, timexes[-1], opener):
                timexes[-1], timex = _join_range(timexes[-1], readings[-1], timex, reading, dct)
            else:  # a list: "in May and June 1940", "Mai/Juni 1940" share the last's year
                timexes[-1] = _share_year(timexes[-1], readings[-1], timex, reading, dct)
        timexes.append(timex)
        readings.append(reading)
        reference = resolution.reference
        if reference is None and not english and _past_day(reading, resolution.interval):
            # "ieri alle 15.30": the clock time that follows is yesterday's (English joins
            # the two; the other languages' corpora keep them apart)
            reference = Reference(resolution.interval.begin, "day")
        if reference is None or resolution.type not in ("DATE", "TIME"):
            continue
        # "the quarter ended Sept. 30": a date that bounds the period the text is about
        # does not move the narrative away from that period
        if (
            english
            and _PERIOD_BOUNDARY.search(text[max(0, start - 12) : start])
            and (narrative is not None and narrative.granularity in REPORTING_PERIODS)
        ):
            continue
        if story and _in_parentheses(text, start, end):
            continue  # a history's "(1839-1905)": a life's dates, not where the story is
        narrative = reference
        if report is None and _may_be_report(reference, dct):
            report = reference
    if english:
        timexes = [_shift_by_prefix(text, t) for t in timexes]
    if story:
        return timexes
    return _anchor_to_news_day(text, timexes, readings, dct, cues)


def _past_day(reading: Reading, interval: Interval | None) -> bool:
    """ "yesterday", "the day before yesterday": a day counted back from now."""
    return (
        isinstance(reading, RelativeRef)
        and reading.unit == "day"
        and reading.offset < 0
        and not reading.anaphoric
        and interval is not None
        and interval.granularity == "day"
    )


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """Is text[start:end] inside parentheses that open and close on its line?"""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    opened = before.rfind("(") > before.rfind(")")
    return opened and ")" in after.split("(")[0].split("\n")[0]


_UNIT_BEFORE = re.compile(
    r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<rel>before|after)\s+$", re.IGNORECASE
)


def _shift_by_prefix(text: str, timex: Timex) -> Timex:
    """ "the day before last Tuesday's hearing", "the year after 1998": one unit from the
    date that follows, as one expression."""
    interval = timex.interval
    if interval is None or timex.type != "DATE" or timex.range is not None:
        return timex
    prefix = _UNIT_BEFORE.search(text, max(0, timex.start - 24), timex.start)
    if prefix is None:
        return timex
    unit = prefix["unit"].lower()
    if coarser(interval.granularity, unit):
        return timex  # "the day after March": no one day
    step = 1 if prefix["rel"].lower() == "after" else -1
    day = cal.shift(unit, interval.begin, step)
    return dataclasses.replace(
        timex,
        start=prefix.start(),
        text=text[prefix.start() : timex.end],
        value=cal.format_value(unit, day),
        mod="",
        interval=cal.unit_interval(unit, day),
    )


# How many days before publication the day of an article's news may be ("Sunday" in an
# article published on Monday; online news often appears the day after).
NEWS_DAY_MAX_DAYS = 3


def news_day(timexes: list[Timex], dct: date, quoted: list[tuple[int, int]]) -> Timex | None:
    """The first expression in the narrator's words (outside the `quoted` spans, see
    `quotation_spans`) that names a day at most `NEWS_DAY_MAX_DAYS` before publication:
    the day the article's news happened."""
    for timex in timexes:
        period = timex.period
        if period is None or timex.type == "SET" or timex.rule in CLOCK_RULES:
            continue
        if _inside(quoted, timex.start):
            continue
        days_before = (dct - period.begin).days
        one_day = period.granularity == "day" and period.days == 1
        if one_day and 0 <= days_before <= NEWS_DAY_MAX_DAYS:
            return timex
    return None


# Rules of a clock time alone ("at 18:00 UTC"), which says little about the date.
CLOCK_RULES = ("clock_time", "clock_24h")
_IN_THE_DAY = re.compile(r"\b(?:earlier|later)\s+in\s+$", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r'``|\'\'|[“”"«»„\n]')
# The marks that close a quotation, by the mark that opened it (German „...“, French «...»).
_CLOSERS = {'"': ('"', "”", "''"), "“": ('"', "”", "''"), "``": ('"', "”", "''"),
            "«": ("»",), "„": ("“", "”")}  # fmt: skip


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` inside quotation marks, in order: straight double quotes,
    curly ones, TeX-style ``...'', guillemets «...» and German „...“. A quotation never runs
    past the end of its paragraph."""
    spans: list[tuple[int, int]] = []
    opened, closers = -1, ()
    for mark in _QUOTE_MARKS.finditer(text):
        sign = mark.group()
        if sign == "\n":
            if opened >= 0:
                spans.append((opened, mark.start()))
            opened = -1
        elif opened < 0 and sign in _CLOSERS:
            opened, closers = mark.end(), _CLOSERS[sign]
        elif opened >= 0 and sign in closers:
            spans.append((opened, mark.start()))
            opened = -1
    if opened >= 0:
        spans.append((opened, len(text)))
    return spans


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Is `offset` inside one of the sorted, disjoint `spans`?"""
    index = bisect_right(spans, (offset, math.inf)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _anchor_to_news_day(
    text: str,
    timexes: list[Timex],
    readings: list[Reading],
    dct: date,
    cues: TenseCues,
) -> list[Timex]:
    """Words that count from the moment of speaking count from the news day, not the
    publication day, when the article's news happened before it was published:

    - "today", "tomorrow", a weekday inside a quotation were said on the news day
      ('Gallois said, "Today is a great day"' in a report of Sunday published Monday);
    - "earlier in the day" when the narrative has no day of its own is the news day;
    - a report's own day ("ended the day at 8,017", "for the day") is the news day.
    """
    quoted = quotation_spans(text)
    news = news_day(timexes, dct, quoted)
    if news is None or news.period.begin == dct:
        return timexes
    day = news.period.begin
    out = []
    for timex, reading in zip(timexes, readings, strict=True):
        moved = None
        if isinstance(reading, RelativeRef) and reading.news:
            moved = resolve(reading, Context(day))
        elif _speech_relative(reading) and _inside(quoted, timex.start):
            tense = tense_of(text, timex.start, timex.end, cues)
            moved = resolve(reading, Context(day, tense=tense))
        elif (
            isinstance(reading, RelativeRef)
            and reading.anaphoric
            and reading.unit == "day"
            and reading.offset == 0
            and timex.period is not None
            and timex.period.granularity != "day"
            and _IN_THE_DAY.search(text, max(0, timex.start - 16), timex.start)
        ):
            moved = resolve(dataclasses.replace(reading, anaphoric=False), Context(day))
        if moved is not None and moved.interval is not None:
            timex = dataclasses.replace(
                timex, value=moved.value, interval=moved.interval, anchor="news"
            )
        out.append(timex)
    return out


def _speech_relative(reading: Reading) -> bool:
    """Counted from the moment of speaking: "today", "yesterday", "Friday" (not "that day")."""
    if isinstance(reading, WeekdayRef):
        return not reading.anaphoric
    return isinstance(reading, RelativeRef) and not reading.anaphoric and reading.unit == "day"


def _range_opened(text: str, first: Timex, opener: re.Pattern = _RANGE_OPENER) -> bool:
    """ "from March to May", "between 2019 and 2021", "March-May": a range, not a list."""
    connector = text[first.end : first.end + 12].strip()
    if connector[:1] in "-–—":
        return True
    return bool(opener.search(text, max(0, first.start - 10), first.start))


def _join_range(
    first: Timex, first_reading: Reading, last: Timex, last_reading: Reading, dct: date
) -> tuple[Timex, Timex]:
    """Give both ends of a range the whole range, and the first end the last one's year
    when it has none of its own ("from March to May 2024")."""
    if first.interval is None or last.interval is None or first.type not in ("DATE", "TIME"):
        return first, last
    first = _share_year(first, first_reading, last, last_reading, dct)
    if first.interval.begin > last.interval.end:
        return first, last
    span = Interval(first.interval.begin, last.interval.end, first.interval.granularity)
    return dataclasses.replace(first, range=span), dataclasses.replace(last, range=span)


def _share_year(
    first: Timex, first_reading: Reading, last: Timex, last_reading: Reading, dct: date
) -> Timex:
    """The first of two joined dates in the last one's year when it has none of its own
    ("from March to May 2024", "in May and June 1940"): the latest such that is not after
    the last ("December and January 1941" is December 1940)."""
    if (
        first.interval is None
        or last.interval is None
        or not isinstance(first_reading, CalendarDate)
        or first_reading.year is not None
        or first_reading.relative_year is not None
        or not isinstance(last_reading, CalendarDate)
        or last_reading.year is None
    ):
        return first
    year = last.interval.begin.year
    for candidate_year in (year, year - 1):
        fixed = resolve(dataclasses.replace(first_reading, year=candidate_year), Context(dct))
        if fixed is not None and fixed.interval.begin <= last.interval.begin:
            return dataclasses.replace(first, value=fixed.value, interval=fixed.interval, anchor="")
    return first


def _may_be_report(reference: Reference, dct: date) -> bool:
    """Can this be the period a report is about: a recent calendar quarter or half."""
    return (
        reference.granularity in ("quarter", "half")
        and not reference.fiscal
        and abs((dct - reference.day).days) <= _REPORT_MAX_DAYS
    )


def _propose(text: str, g: Grammar | IntlGrammar | str) -> list[_Candidate]:
    """Every rule's matches. A rule with a trigger only scans windows around the
    trigger's hits in the lower-cased text, which is most of the tagger's speed."""
    if isinstance(g, str):
        g = grammar(g)
    lower = text.lower()
    if len(lower) != len(text):  # a case mapping changed lengths: scan everything
        lower = None
    windows = trigger_windows(g, lower) if lower is not None else {}
    found: list[_Candidate] = []
    for order, rule in enumerate(g.rules):
        if rule.trigger is None or lower is None:
            spans = [(0, len(text))]
        else:
            spans = windows.get(rule.trigger, [])
        spanned = "span" in rule.pattern.groupindex
        for begin, end in spans:
            for match in rule.pattern.finditer(text, begin, end):
                reading = rule.handler(match, text)
                if isinstance(reading, tuple):  # several expressions ("Oct. 1-3")
                    found.extend((a, b, order, rule.name, r) for a, b, r in reading)
                elif reading is not None:
                    # a rule may read context it does not tag: its "span" group is the expression
                    start, stop = match.span("span") if spanned else match.span()
                    found.append((start, stop, order, rule.name, reading))
    return found


_WORD = re.compile(r"\w+")


def trigger_windows(g: Grammar, lower: str) -> dict[str, list[tuple[int, int]]]:
    """The windows of every trigger in a lower-cased text, in one pass over its words
    (each word's hits looked up once, `Grammar.word_hits`) and one pass per trigger that
    can reach across words. The windows are those `_windows` finds trigger by trigger."""
    hits: dict[str, list[tuple[int, int]]] = {name: [] for name in g.word_triggers}
    word_hits = g.word_hits
    for word in _WORD.finditer(lower):
        found = word_hits(word.group())
        if found:
            base = word.start()
            for name, start, end in found:
                hits[name].append((base + start, base + end))
    size = len(lower)
    windows = {
        name: _spans_windows(spans, size, _REACH_AFTER.get(name, _WINDOW_AFTER))
        for name, spans in hits.items()
    }
    for name, trigger in g.text_triggers.items():
        windows[name] = _windows(trigger, lower, _REACH_AFTER.get(name, _WINDOW_AFTER))
    for name, parts in g.triggers.items():
        if isinstance(parts, tuple):  # composite: the union of its parts' windows
            windows[name] = _union([windows[part] for part in parts])
    return windows


def _spans_windows(
    spans: list[tuple[int, int]], size: int, after: int = _WINDOW_AFTER
) -> list[tuple[int, int]]:
    """Merged windows around hits given in text order (see `_windows`)."""
    merged: list[tuple[int, int]] = []
    for hit_start, hit_end in sorted(spans):
        begin = max(0, hit_start - _WINDOW_BEFORE)
        end = min(size, hit_end + after)
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((begin, end))
    return merged


def _union(lists: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for begin, end in sorted(span for spans in lists for span in spans):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((begin, end))
    return merged


# Words capitalised in running text anyway: a capital on them says nothing of a title.
_ALWAYS_CAPITALISED = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
    r"[a-z]*\.?|I|[A-Z]+|[A-Z]\.(?:[A-Z]\.)*",
)
# Rules whose words are lower case in running text, so that a capital mid-sentence marks
# a name ("VOA Today", "High Noon", "the Prague Spring").
_LOWER_CASE_RULES = ("deictic_day", "noon_midnight", "vague", "season")
_NAMED_RULES = ("holiday",)  # names of days: capitals are theirs
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”'‘’`(\[\n]|--|—|_)\s*$")
_NAME_GOES_ON = re.compile(r"\s+of\s+[A-Z]")  # "Spring of Life", "Summer of Love"


def _is_title(text: str, candidate: _Candidate) -> bool:
    """A name that looks like a time: a programme or a title ("This Week", "60 Minutes",
    "Spring of Life", "VOA Today"). A capital on a word that running text writes in lower
    case, past the expression's first word or in the middle of a sentence, gives it away."""
    start, end, _, name, _ = candidate
    words = re.findall(r"[A-Za-z][A-Za-z.']*", text[start:end])
    if not words or text[start:end].isupper() or name in _NAMED_RULES:
        return False
    later = words[1:] if text[start].isalpha() else words
    if any(w[0].isupper() and not _ALWAYS_CAPITALISED.fullmatch(w) for w in later):
        return True
    first = words[0]
    if name not in _LOWER_CASE_RULES or not first[0].isupper():
        return False
    if _NAME_GOES_ON.match(text, end):
        return True
    if _SENTENCE_START.search(text, max(0, start - 4), start):
        return False
    return not _ALWAYS_CAPITALISED.fullmatch(first)


def _windows(trigger: re.Pattern, lower: str, after: int = _WINDOW_AFTER) -> list[tuple[int, int]]:
    """Merged stretches of text around the trigger's hits, wide enough for any match."""
    spans: list[tuple[int, int]] = []
    size = len(lower)
    for hit in trigger.finditer(lower):
        begin = max(0, hit.start() - _WINDOW_BEFORE)
        end = min(size, hit.end() + after)
        if spans and begin <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((begin, end))
    return spans


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping matches, longest first (earlier rules win ties), in text order."""
    taken: list[_Candidate] = []
    occupied: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        start, end = cand[0], cand[1]
        if any(start < e and s < end for s, e in occupied):
            continue
        taken.append(cand)
        occupied.append((start, end))
    return sorted(taken, key=lambda c: c[0])


def _is_clock(reading: Reading) -> bool:
    return (
        isinstance(reading, RelativeRef)
        and reading.unit == "day"
        and reading.offset == 0
        and (":" in reading.time)
    )


def _is_day(reading: Reading) -> bool:
    if isinstance(reading, WeekdayRef):
        return not reading.time
    if isinstance(reading, CalendarDate):
        return reading.granularity == "day" and not reading.time
    return isinstance(reading, RelativeRef) and reading.granularity == "day" and not reading.time


def _attach_clock_times(
    candidates: list[_Candidate], text: str, join: re.Pattern = _JOIN_TIME, english: bool = True
) -> list[_Candidate]:
    """Join "8 p.m." with a neighbouring day ("Friday at 8 p.m.") into one TIME."""
    out: list[_Candidate] = []
    for cand in candidates:
        if out:
            prev = out[-1]
            gap = text[prev[1] : cand[0]]
            pair = None
            if _is_clock(cand[4]) and _is_day(prev[4]) and english:
                pair = (prev, cand)  # "Friday at 8 p.m."; other languages' corpora keep two
            elif _is_clock(prev[4]) and _is_day(cand[4]):
                pair = (cand, prev)
            if pair is not None and len(gap) <= 8 and join.match(gap):
                day, clock = pair
                joined = dataclasses.replace(day[4], time=clock[4].time)
                out[-1] = (prev[0], cand[1], day[2], day[3], joined)
                continue
        out.append(cand)
    return out
