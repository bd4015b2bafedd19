"""The extraction grammar: regular-expression rules built from language data.

Each rule finds one kind of expression and turns a match into a `Reading` (or rejects
it: "May" the verb, "2000 troops"). Rules never look at the calendar; anchoring is
`timeline.resolve.anchor`'s job. Patterns are compiled once per language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from types import ModuleType
from typing import ClassVar

from timeline.lang import language_data
from timeline.resolve.anchor import duration_value
from timeline.resolve.readings import (
    NEXT,
    PAST,
    THIS,
    CalendarDate,
    DurationRef,
    HolidayRef,
    PeriodRef,
    Reading,
    RelativeRef,
    SetRef,
    VagueRef,
    WeekdayRef,
)

# A rule's match may hold several expressions: "Oct. 1-3" is "Oct. 1" and "3" (start, end,
# reading each), which the tagger joins into a range.
Pieces = tuple[tuple[int, int, Reading], ...]
Handler = Callable[[re.Match, str], Reading | Pieces | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of expression. `trigger` names a cheap pattern (see `Grammar.triggers`)
    that every match of the rule contains; the rule only runs near its trigger's hits."""

    name: str
    pattern: re.Pattern
    handler: Handler
    trigger: str | None = None


# Which trigger each rule waits for (None: the rule scans the whole text).
_RULE_TRIGGERS = {
    "iso_date": "iso", "slash_date": "slash", "month_day_range": "month", "month_day": "month",
    "day_month": "month", "day_of_month": "ordinal", "week_of_month": "month", "holiday": "holiday",
    "month_year": "month",
    "month_relative_year": "month", "month": "month", "year": "year", "year_range": "year",
    "spelled_year": "spelled", "decade": "decade",
    "century": "century", "quarter": "quarter", "q_quarter": "q", "half": "half",
    "season": "season", "period": "period", "period_last_year": "period", "unit_end": "unit",
    "in_the_part_of_day": "part", "overnight": "part", "report_day": "report_day",
    "bare_plural_duration": "unit",
    "relative_unit": "unit", "weekend": "unit", "anaphoric_unit": "unit_or_part",
    "anaphoric_weekday": "weekday", "day_before_after": "unit", "day_before_event": "unit",
    "deictic_day": "deictic", "this_part_of_day": "part", "weekday": "weekday",
    "offset": "unit", "offset_adjective": "unit", "long_adjective": "long",
    "duration": "unit", "recent_units": "unit",
    "set_every": "every", "set_frequency": "frequency", "set_plural_weekday": "weekday",
    "set_times_per": "times", "clock_time": "clock", "clock_24h": "clock24", "clock_hhmm": "hhmm",
    "noon_midnight": "noon", "clock_part_of_day": "clock_part", "vague": "vague",
    "vague_adjective": "vague_adjective",
}  # fmt: skip


def _is_hhmm(digits: str) -> bool:
    return len(digits) == 4 and int(digits[:2]) < 24 and int(digits[2:]) < 60


_TIMESTAMP = re.compile(r"(?:^|(?<=\n)|(?<=[.!?\"”]\s))\s*(\d{4})(?=\s+[A-Z\"“])")
_TIMESTAMPS_MIN = 3


@lru_cache(maxsize=4)
def _timestamps(text: str) -> frozenset[int]:
    """Offsets of the live-blog timestamps of a text: four-digit times opening sentences
    ("1503 US Defense Secretary Robert Gates tells...") when at least three do and one
    at least cannot be a recent year, or they run backwards as a live blog's entries do
    (newest first); a chronology's "2001 ... 2003 ..." is years."""
    found = [m for m in _TIMESTAMP.finditer(text) if _is_hhmm(m.group(1))]
    if len(found) < _TIMESTAMPS_MIN:
        return frozenset()
    values = [int(m.group(1)) for m in found]
    if all(1800 <= v <= 2100 for v in values) and not _backwards(values):
        return frozenset()
    return frozenset(m.start(1) for m in found)


# A paragraph that opens on a time and a colon: a live blog's entry ("1905: Welcome to
# our live coverage", "0830: ...", "2013 GMT: ...").
_COLON_STAMP = re.compile(
    r"(?m)^[ \t]*(?P<digits>\d{3,4})(?P<tz>\s*(?:GMT|UTC|BST|CET|CEST|[ECMP][SD]T|ET|"
    r"local(?:\s+time)?))?\s*:(?=\s)"
)


@lru_cache(maxsize=4)
def _colon_stamps(text: str) -> frozenset[int]:
    """Offsets of a live blog's paragraph-opening stamps (`_COLON_STAMP`): when two or
    more paragraphs open so, each can be a time of day, and they run backwards (a live
    blog's newest entry first) or one at least cannot be a year (three digits, a leading
    zero, a time zone). A chronology ("1918: Spanish flu ... 1957: Asian flu ... 1968:")
    runs forwards, and often holds a number no clock shows."""
    found = list(_COLON_STAMP.finditer(text))
    if len(found) < 2:
        return frozenset()
    digits = [m["digits"].zfill(4) for m in found]
    if not all(_is_hhmm(d) for d in digits):
        return frozenset()
    clock_only = any(len(m["digits"]) == 3 or m["digits"][0] == "0" or m["tz"] for m in found)
    if not clock_only and not _backwards([int(d) for d in digits]):
        return frozenset()
    return frozenset(m.start("digits") for m in found)


def _backwards(values: list[int]) -> bool:
    """Do the values never rise, with at least one fall (a live blog's times)?"""
    pairs = list(pairwise(values))
    return all(a >= b for a, b in pairs) and any(a > b for a, b in pairs)


# What follows a live blog's stamp: a capitalised word or a quotation.
_OPENS_ENTRY = re.compile(r"\s+[A-Z\"“]")
# The rest of a range of times: "1900 to 2200 EST" (the zone follows the second time).
_TIME_SPAN_AFTER = re.compile(r"\s*(?:-|–|to|and)\s*(?P<other>\d{4})")
# A time given again in another zone right after a 12-hour one: "1:33 p.m. (2033 in
# Egypt)", "11 a.m. ET, 1800 in Egypt".
_AFTER_12_HOUR_CLOCK = re.compile(
    r"\d(?::\d\d)?\s*[ap]\.?m\.?(?:\s*[A-Z]{1,4})?\s*[(,]\s*$", re.IGNORECASE
)


# Triggers written as a regular expression that only matches inside a word, and those
# built from word lists (inside a word when every listed word is letters and digits).
_WORD_TRIGGERS = frozenset({"year", "century", "quarter", "q", "half", "long", "hhmm"})
_WORD_LIST_TRIGGERS = frozenset({
    "month", "spelled", "season", "unit", "period", "part", "holiday", "weekday", "deictic",
    "every", "frequency", "times", "noon", "vague", "vague_adjective",
})  # fmt: skip
# Words whose trigger hits are remembered (a long-running process must not grow forever).
_WORD_MEMO_MAX = 200_000


def _alternatives(pattern: str) -> list[str]:
    """The words of a `words(...)` trigger pattern: "\\b(?:jan|feb)" gives jan, feb."""
    body = pattern.removeprefix(r"\b").removeprefix("(?:").removesuffix(")")
    return [w.replace("\\", "") for w in body.split("|")]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


# What may follow "two days before/after" for it to count from the narrative date: the
# end of the clause, not an event ("three days after the vote", "after Qantas suspended").
_CLAUSE_GOES_ON = re.compile(r"\s*(?:[,.;:!?)\]\"'—–]|$|(?:and|but|when|while|as)\b)")


def _words(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip()


_MODS = {
    "START": ("early", "earlier", "start", "beginning", "the start", "the beginning", "the first"),
    "MID": ("mid", "middle", "the middle"),
    "END": ("late", "later", "end", "the end", "close", "the close", "the last", "turn",
            "the turn"),
}  # fmt: skip
_DIRECTIONS = {
    "last": PAST, "past": PAST, "previous": PAST, "preceding": PAST, "prior": PAST,
    "next": NEXT, "coming": NEXT, "upcoming": NEXT, "following": NEXT,
    "this": THIS, "current": THIS,
}  # fmt: skip
_APPROX = {
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "approximately": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "within": "EQUAL_OR_LESS",
}  # fmt: skip
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4, "final": 4, "last": 4}  # fmt: skip
# "the first week of March" is the week holding March 4 (as ISO weeks count a year's
# first week), "the second week" the one holding the 11th; the last, the month's end - 3.
_WEEK_OF_MONTH_DAY = {"first": 4, "second": 11, "third": 18, "fourth": 25, "last": 0,
                      "final": 0}  # fmt: skip
_RELATIVE_YEAR = {"this": 0, "last": -1, "next": 1}


class Grammar:
    """All rules of one language, with the word tables their handlers need."""

    PERIOD_UNITS: ClassVar[tuple[str, ...]] = ("quarter", "period", "year")

    def __init__(self, lang: ModuleType, region: str = "") -> None:
        self.lang = lang
        # "10/03/2025": month first (US usage) unless the story's region writes day first
        self.day_first = region.upper() in getattr(lang, "DAY_FIRST_REGIONS", ())
        self.months = lang.MONTHS
        self.weekdays = lang.WEEKDAYS
        self.numbers = lang.NUMBER_WORDS
        self.units = lang.UNITS
        self.ordinals = lang.ORDINALS
        self._non_date_after = re.compile(
            r"\s*(?:" + alternation(lang.NON_DATE_UNITS) + r")\b", re.IGNORECASE
        )
        self._non_date_verb_after = re.compile(
            r"\s*(?:" + alternation(getattr(lang, "NON_DATE_VERBS", ())) + r")\b", re.IGNORECASE
        )
        self._determiner_before = re.compile(
            r"\b(?:" + alternation(lang.DETERMINERS) + r")\s+$", re.IGNORECASE
        )
        self._clock_after = re.compile(
            r"\s*(?:" + alternation(lang.CLOCK_AFTER) + r")\b", re.IGNORECASE
        )
        self._year_cue_before = re.compile(
            r"(?<![\w.])(?:" + alternation(lang.YEAR_CUES) + r")\s+$", re.IGNORECASE
        )
        self._early_year = lang.EARLY_YEAR
        self._function_after = re.compile(
            r"\s+(?:" + alternation(lang.FUNCTION_WORDS) + r")\b", re.IGNORECASE
        )
        self.rules = self._build()
        self.word_triggers: dict[str, re.Pattern] = {}
        self.text_triggers: dict[str, re.Pattern] = {}
        self._word_memo: dict[str, tuple[tuple[str, int, int], ...]] = {}
        self.triggers = self._build_triggers()

    # -- word parsing -------------------------------------------------------------

    def number(self, text: str) -> float | None:
        """A count written in digits or words ("24", "twenty-four", "2 1/2"); None if vague."""
        words = re.sub(r"[\s-]+", " ", text.lower().strip()).replace(",", "")
        half = 0.5 if words.endswith((" 1/2", "½")) else 0.0
        words = words.removesuffix(" 1/2").removesuffix("½").strip()
        if re.fullmatch(r"\d+(?:\.\d+)?", words):
            return float(words) + half
        if words in self.numbers:
            return float(self.numbers[words]) + half
        parts = words.split(" ")
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            tens, ones = self.numbers[parts[0]], self.numbers[parts[1]]
            if tens >= 20 and tens % 10 == 0 and ones < 10:
                return float(tens + ones)
        if words in ("half a", "half an"):
            return 0.5
        return None

    def spelled_year(self, text: str) -> int | None:
        """A year written in words: "nineteen ninety-six", "two thousand and one"."""
        words = re.sub(r"[\s-]+", " ", text.lower()).replace(" and ", " ").split()
        if words[:2] == ["two", "thousand"]:
            rest = self.number(" ".join(words[2:])) if words[2:] else 0
            return None if rest is None else 2000 + int(rest)
        century = self.numbers.get(words[0])
        if century is None:
            return None
        tail = words[1:]
        if tail[:1] == ["hundred"]:
            tail = tail[1:]
        if tail[:1] == ["oh"]:
            tail = tail[1:]
        rest = self.number(" ".join(tail)) if tail else 0
        return None if rest is None or rest >= 100 else century * 100 + int(rest)

    def month(self, text: str) -> int:
        return self.months[text.lower().rstrip(".")]

    def weekday(self, text: str) -> int:
        return self.weekdays[text.lower().rstrip(".")]

    def unit(self, word: str) -> str:
        key = word.lower()
        return self.units.get(key, self.units.get(key.rstrip("s"), key))

    # -- rules ----------------------------------------------------------------------

    def _build(self) -> list[Rule]:
        lang = self.lang
        full_months = [m for m in self.months if len(m) > 3 and m != "sept"]
        abbr_months = [m for m in self.months if m not in full_months]
        month = rf"(?:{alternation(full_months)}\b|{alternation(abbr_months)}\b\.?)"
        weekday_full = [w for w in self.weekdays if w.endswith("day")]
        weekday_abbr = [w for w in self.weekdays if not w.endswith("day")]
        weekday = rf"(?:{alternation(weekday_full)}|{alternation(weekday_abbr)}\.)"
        number_words = [w for w in self.numbers if not w.startswith("a ") or w == "a couple of"]
        ones = alternation(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])
        teens = alternation(["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                             "sixteen", "seventeen", "eighteen", "nineteen"])  # fmt: skip
        tens = alternation(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                            "ninety"])  # fmt: skip
        two_digits = rf"(?:{tens}(?:[\s-]{ones})?|{teens}|oh[\s-]{ones})"
        spelled = (
            rf"(?:(?:nineteen|eighteen|seventeen|sixteen)[\s-](?:hundred(?:\s+and)?[\s-])?{two_digits}"
            rf"|two[\s-]thousand(?:[\s-](?:and[\s-])?(?:{two_digits}|{ones}))?"
            rf"|twenty[\s-](?:{teens}|{tens}(?:[\s-]{ones})?))"
        )
        num = (
            rf"(?:\d+(?:\.\d+)?(?:\s+1/2|½)?|{tens}[\s-]{ones}|half\s+an?"
            rf"|{alternation(number_words)})"
        )
        vague_num = alternation(lang.VAGUE_QUANTITIES)
        units = alternation(self.units)
        seasons = alternation(lang.SEASONS)
        parts = alternation(lang.PARTS_OF_DAY)
        mod = (
            r"(?:(?P<mod>early|earlier|mid|middle|late|later"
            r"|(?:the\s+)?(?:start|beginning|end|middle|close|turn)\s+of"
            r"|(?:the\s+)?(?:first|last)\s+(?:days?|weeks?|months?)\s+of)[\s-]+)?"
        )
        direction = r"(?:(?P<dir>last|next|this|coming|past|previous|current|upcoming)\s+)"
        day_num = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        year4 = r"(?P<year>1[5-9]\d\d|20\d\d)"
        # holiday names are proper names: their first letter is a capital
        holidays = "|".join(
            "(?-i:" + re.escape(name[0].upper()) + ")" + re.escape(name[1:]).replace(r"\ ", r"\s+")
            for name in sorted(lang.HOLIDAYS, key=len, reverse=True)
        )
        approx = alternation(_APPROX)

        def rule(name: str, pattern: str, handler: Handler) -> Rule:
            compiled = re.compile(pattern, re.IGNORECASE)
            return Rule(name, compiled, handler, _RULE_TRIGGERS.get(name))

        return [
            rule("iso_date",
                 r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2}))?\b",
                 self._iso_date),
            rule("slash_date",
                 r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])",
                 self._slash_date),
            rule("month_day_range",
                 rf"\b(?P<month>{month})\s+(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
                 rf"(?:\s*[-–]\s*|\s+(?:and|to|through|or)\s+)"
                 rf"(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|[.,]\d))"
                 rf"(?:,?\s+{year4}\b)?",
                 self._month_day_range),
            rule("month_day",
                 rf"\b{mod}(?:{weekday},?\s+)?(?:(?P<dir>last|next|this)\s+)?(?P<month>{month})\s+{day_num}\b"
                 rf"(?!\s*(?:%|percent|:\d))(?:,?\s+{year4}\b)?",
                 self._month_day),
            rule("day_month",
                 rf"\b(?:{weekday},?\s+)?(?:the\s+)?{day_num}\s+(?:of\s+)?(?P<month>{month})"
                 rf"(?:,?\s+{year4}\b)?",
                 self._day_month),
            rule("day_of_month",
                 r"\b(?:on|by|until|since|from|before|after)\s+(?P<span>the\s+(?P<day>[12]\d|3[01]|0?[1-9])"
                 r"(?:st|nd|rd|th))\b(?!\s*[\w-])",
                 self._day_of_month),
            rule("holiday",
                 rf"\b(?:(?P<dir>last|next|this|coming|past)\s+)?(?P<name>{holidays})"
                 rf"(?P<week>\s+week)?(?:,?\s+{year4})?(?![\w'-])",
                 self._holiday),
            rule("week_of_month",
                 rf"\b(?:the\s+)?(?:(?P<nth>first|second|third|fourth|last|final)\s+week"
                 rf"|week)\s+of\s+(?P<month>{month})(?:\s+(?P<day>[12]\d|3[01]|0?[1-9])"
                 rf"(?:st|nd|rd|th)?\b)?(?:,?\s+{year4}\b)?",
                 self._week_of_month),
            rule("month_year",
                 rf"\b{mod}(?P<month>{month}),?\s+(?:of\s+)?(?:{year4}|(?P<spelled>{spelled}))\b",
                 self._month_year),
            rule("month_relative_year",
                 rf"\b{mod}(?P<month>{month})(?:\s+of)?\s+(?P<rel>this|last|next)\s+year\b",
                 self._month_relative_year),
            rule("month", rf"\b{mod}{direction}?(?P<month>{month})(?!\w|\.?\s+\d{{1,2}}\b)",
                 self._month_alone),
            rule("year",
                 rf"(?:(?<=\bpre-)|(?<=\bpost-)|(?<![\w$€£#.,/-]))"
                 rf"{mod}(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?{year4}"
                 r"(?!\w|,\d|\.\d|%|[-/]\d)(?:\s*(?P<tz>GMT|UTC|[ECMP][SD]T|BST|CET|CEST)\b)?",
                 self._year),
            rule("year_range",
                 r"(?<![\w$€£#.,/-])(?P<y1>1[5-9]\d\d|20\d\d)\s*[-–]\s*(?P<y2>1[5-9]\d\d|20\d\d|\d\d)"
                 r"(?![\w%]|[.,]\d)",
                 self._year_range),
            rule("spelled_year",
                 rf"\b(?:(?P<the>the\s+year)\s+)?(?P<spelled>{spelled})\b",
                 self._spelled_year),
            rule("decade",
                 rf"\b(?:the\s+)?{mod}(?:(?P<decade>1[5-9]\d0|20\d0)'?s|(?P<apos>')?(?P<short>[1-9]0)'?s"
                 rf"|(?P<century>nineteen|eighteen)?[\s-]?'?(?P<word>{alternation(lang.DECADE_WORDS)}))(?!\w)",
                 self._decade),
            rule("century",
                 r"\b(?:the\s+)?(?P<mod2>early|mid|late\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
                 + alternation(self.ordinals) + r")[\s-]+century\b",
                 self._century),
            rule("quarter",
                 r"\b(?:the\s+)?(?:(?P<rel>this|last|next)\s+year'?s\s+"
                 r"|(?P<ago>year-ago|year-earlier|prior-year|previous-year)\s+"
                 r"|(?P<py>1[5-9]\d\d|20\d\d)\s+)?(?:(?P<fiscal>fiscal[\s-]+)?(?:comparable|corresponding)[\s-]+)?"
                 r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last(?=[\s-]+quarter\s+of\b))"
                 r"[\s-]+(?P<fiscal2>fiscal\s+)?quarter\b"
                 rf"(?:\s+of\s+(?:(?:fiscal\s+)?{year4}|(?P<rel2>this|last|next)\s+year))?",
                 self._quarter),
            rule("q_quarter",
                 rf"\b(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:\s+(?:FY\s*)?{year4}|\s*'(?P<yy>\d\d))?\b",
                 self._q_quarter),
            rule("half",
                 r"\b(?:the\s+)?(?P<h>first|second|1st|2nd|last)\s+half\s+of\s+"
                 rf"(?:(?:fiscal\s+)?{year4}|(?:the\s+)?(?P<rel>this|last|next)\s+year|the\s+year)",
                 self._half),
            rule("season",
                 rf"\b{mod}(?:the\s+)?{direction}?(?P<season>{seasons})\b"
                 rf"(?:\s+(?:of\s+)?(?:{year4}|(?P<spelled>{spelled})))?",
                 self._season),
            rule("period",
                 r"\b(?:the|that|its)\s+(?P<adj>(?:(?:latest|same|comparable|corresponding|current"
                 r"|most\s+recent|just[-\s]ended|reporting|full|entire|whole)\s+)*)"
                 r"(?:(?P<ago>year-ago|year-earlier|prior-year|previous-year)\s+)?"
                 r"(?:(?P<py>1[5-9]\d\d|20\d\d)\s+)?(?:(?P<fiscal>fiscal)[\s-]+)?"
                 r"(?P<unit>quarter|period|year|week)\b(?P<ago2>\s+a\s+year\s+(?:ago|earlier))?"
                 r"(?!-|\s+(?:ago|earlier|before|after|later)\b)",
                 self._period),
            rule("period_last_year",
                 r"\b(?:the\s+(?:corresponding|comparable|same)\s+(?P<unit>period|quarter|month|week|day)\s+"
                 r"(?:a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?last\s+year|(?:of\s+)?the\s+"
                 r"previous\s+year)|last\s+year'?s\s+(?:quarter|period))\b",
                 self._period_last_year),
            rule("unit_end",
                 r"\b(?:(?P<approx>around|about)\s+)?(?:(?P<mod>(?:the\s+)?(?:end|start|beginning"
                 r"|middle|close|turn)\s+of)\s+the\s+(?P<unit>year|month|week|quarter|decade|century)"
                 r"|(?P<unit2>year|month|quarter)[-\s]end|(?P<unit3>year|month)'s\s+end)\b",
                 self._unit_end),
            rule("report_day",
                 r"\b(?:(?:end(?:ed|s|ing)?|clos(?:ed|es|ing)|finish(?:ed|es|ing)?|start(?:ed|s|ing)?"
                 r"|open(?:ed|s|ing)?|beg(?:an|ins?|inning))\s+(?P<span>the\s+(?:trading\s+)?day)"
                 r"|(?:for|on)\s+(?P<span2>the\s+(?:trading\s+)?day)"
                 r"|(?P<span3>(?P<mod>the\s+(?:start|close|beginning|middle|end(?=\s+of\s+the\s+trading))"
                 r"\s+of)\s+(?:the\s+|a\s+)?(?:trading\s+)?day))\b"
                 r"(?!\s+(?:of|before|after|when|that|which|on|in|to)\b|'s|(?-i:\s+[A-Z0-9]))",
                 self._report_day),
            rule("in_the_part_of_day",
                 r"\b(?:in|by|during|on|through|overnight|until)\s+(?P<span>(?:(?P<mod>mid|early|late)[\s-])?"
                 r"(?:the\s+)?(?P<part>morning|afternoon|evening|day))\b(?!\s+(?:of|before|after)\b)",
                 self._in_the_part_of_day),
            rule("overnight",
                 r"\b(?P<span>overnight)\s+(?=[a-z])",
                 self._overnight),
            rule("bare_plural_duration",
                 r"\b(?:for|within|in|over|after|during|follows|following|took|takes|last|lasted)\s+"
                 r"(?P<span>(?:the\s+)?(?P<unit>hours|days|weeks|months|years|decades|centuries))\b"
                 r"(?!\s+(?:ago|later|earlier|before|after|to\s+come)\b|-)",
                 self._bare_plural_duration),
            rule("relative_unit",
                 rf"\b{mod}(?:the\s+)?{direction}(?P<unit>week|month|quarter|year|decade|century)\b",
                 self._relative_unit),
            rule("weekend",
                 r"\b(?:(?P<dir>this|last|next|coming|past|the)\s+)weekend\b",
                 self._weekend),
            rule("anaphoric_unit",
                 r"\b(?:(?:the\s+)?(?P<dir>next|following|previous|preceding|prior|same)|that)\s+"
                 r"(?P<unit>day|morning|evening|night|week|weekend|month|year)\b"
                 r"(?!\s+(?:or\s+so|and\s+a\s+half))",
                 self._anaphoric_unit),
            rule("anaphoric_weekday",
                 rf"\bthe\s+(?P<dir>next|following|previous|preceding|prior)\s+(?P<wd>{weekday})",
                 self._anaphoric_weekday),
            rule("day_before_after",
                 r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<rel>before|after|previous|prior|earlier)\b"
                 r"(?=\s*(?:[,.;:!?)\]\"'—–]|$|(?:and|but|when|while|as|that|he|she|it|they|we"
                 r"|i|you)\b))",
                 self._day_before_after),
            rule("day_before_event",
                 r"\b(?P<span>the\s+(?P<unit>day|week))\s+(?P<rel>before|after|of)\s+"
                 r"(?:the|a|an|his|her|its|their)\b",
                 self._day_of_event),
            rule("deictic_day",
                 rf"\b(?:(?P<mod>early|late|later|earlier|mid)[\s-]+)?(?:(?P<prepart>{parts})\s+)?"
                 r"(?P<word>the\s+day\s+before\s+"
                 r"yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight)"
                 rf"(?:\s+(?P<part>{parts}))?\b",
                 self._deictic_day),
            rule("this_part_of_day",
                 rf"\b(?:(?P<mod>early|late|later|earlier)\s+)?(?P<dir>this|last|tomorrow)\s+(?P<part>{parts})\b",
                 self._this_part_of_day),
            rule("weekday",
                 rf"\b{mod}(?:(?P<dir>last|next|this|coming|past)\s+)?(?P<wd>{weekday})(?!\w)"
                 rf"(?:\s+(?P<part>{parts}))?\b",
                 self._weekday),
            rule("offset",
                 rf"\b(?:(?P<approx>{approx})\s+)?(?P<num>{num}|{vague_num})[\s-]+"
                 r"(?P<unit>days?|weeks?|weekends?|months?|quarters?|years?|decades?|centur(?:y|ies)"
                 r"|hours?|nights?|fortnights?)(?P<half>\s+and\s+a\s+half)?(?P<so>\s+or\s+so)?\s+"
                 r"(?P<rel>ago|earlier|later|before|after|from\s+now|hence|previously|prior)\b"
                 r"(?!\s+(?:the|that|this|his|her|their|its|a|an|he|she|they|it|we)\b)",
                 self._offset),
            rule("offset_adjective",
                 r"\b(?P<unit>year|month|week|day|quarter)-(?P<rel>earlier|ago)\b",
                 self._offset_adjective),
            rule("duration",
                 rf"\b(?:(?P<dir>the\s+(?:past|last|next|coming|previous|following|first|final"
                 r"|latest|initial|remaining)|the)\s+)?"
                 rf"(?:(?P<approx>{approx})\s+)?(?P<num>{num}|{vague_num})[\s-]+(?P<more>more\s+|other\s+)?"
                 rf"(?P<unit>{units})(?P<half>\s+and\s+a\s+half)?(?P<so>\s+or\s+so)?\b"
                 r"(?!-old|\s+old\b|-olds?\b)",
                 self._duration),
            rule("long_adjective",
                 r"(?<![\w-])(?P<unit>hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))"
                 r"-?long\b",
                 self._long_adjective),
            rule("recent_units",
                 r"\b(?P<pre>recent|the\s+past|the\s+last|the\s+coming|coming|the\s+first"
                 r"|the\s+early|the\s+final|the\s+weeks\s+ahead|past)\s+"
                 r"(?P<unit>hours|days|weeks|months|quarters|years|decades)\b(?!\s+(?:of|ago)\b)",
                 self._recent_units),
            rule("vague",
                 r"(?<!\w)(?:"
                 + "|".join(
                     rf"(?P<{name}>{alternation(words)})"
                     for name, words in (
                         ("present", lang.PRESENT_WORDS),
                         ("past", lang.PAST_WORDS),
                         ("future", lang.FUTURE_WORDS),
                         ("soon", lang.SOON_WORDS),
                         ("later", lang.LATER_WORDS),
                     )
                 )
                 + r")(?!\w)",
                 self._vague),
            rule("vague_adjective",
                 rf"\b(?P<span>(?P<adj>{alternation(lang.VAGUE_ADJECTIVES)}))\s+(?=[a-z])",
                 self._vague_adjective),
            rule("set_every",
                 rf"\b(?P<q>every|each)\s+(?:other\s+)?(?P<target>{weekday}|{month}|"
                 rf"{alternation(self.units)}|{parts})\b",
                 self._set_every),
            rule("set_frequency",
                 r"\b(?P<word>" + alternation(lang.FREQUENCY_WORDS) + r")\b",
                 self._set_frequency),
            rule("set_plural_weekday",
                 rf"\b(?P<wd>{alternation(w + 's' for w in weekday_full)})\b",
                 self._set_plural_weekday),
            rule("set_times_per",
                 r"\b(?P<count>once|twice|three\s+times|\d+\s+times)\s+(?:a|per|each|every)\s+"
                 r"(?P<unit>day|week|month|year)\b",
                 self._set_times_per),
            rule("clock_time",
                 r"\b(?:(?P<approx>about|around|approximately)\s+)?(?P<h>1[0-2]|0?[1-9])"
                 r"(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
                 r"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC|BST|CET|CEST))?",
                 self._clock_time),
            rule("clock_hhmm",
                 r"(?<![\w$€£#.,/:-])(?P<h>[01][0-4]|0[5-9]|2[1-3])(?P<min>[0-5]\d)(?![\w%]|[.,:]\d)"
                 r"(?:\s*(?P<tz>GMT|UTC|[ECMP][SD]T|BST|CET|CEST)\b)?",
                 self._clock_hhmm),
            rule("clock_24h",
                 r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<min>[0-5]\d)\s*"
                 r"(?P<tz>GMT|UTC|[ECMP][SD]T|BST|CET|CEST)\b",
                 self._clock_time),
            rule("clock_part_of_day",
                 r"\b(?:(?P<approx>about|around|approximately)\s+)?(?P<h>1[0-2]|0?[1-9])"
                 r"(?::(?P<min>[0-5]\d))?\s+(?:o'clock\s+)?(?:in\s+the\s+(?P<part>morning|afternoon"
                 r"|evening)|at\s+(?P<night>night))\b",
                 self._clock_part_of_day),
            rule("noon_midnight",
                 rf"\b(?P<word>noon|midday|midnight)(?:\s+(?P<wd>{weekday}))?\b",
                 self._noon_midnight),
        ]  # fmt: skip

    def _build_triggers(self) -> dict[str, re.Pattern | tuple[str, ...]]:
        """Cheap patterns, run on the lower-cased text, that a rule's matches contain."""
        lang = self.lang

        def words(items: Iterable[str], boundary: bool = True) -> re.Pattern:
            edge = r"\b" if boundary else ""
            return re.compile(edge + alternation(w.lower() for w in items))

        weekday_stems = {w[:3] for w in self.weekdays}
        vague_phrases = (
            *lang.PRESENT_WORDS,
            *lang.PAST_WORDS,
            *lang.FUTURE_WORDS,
            *lang.SOON_WORDS,
            *lang.LATER_WORDS,
        )
        triggers = {
            "iso": re.compile(r"\d{4}-\d\d-\d\d"),
            "ordinal": re.compile(r"\bthe\s+\d{1,2}(?:st|nd|rd|th)\b"),
            "slash": re.compile(r"\d/\d{1,2}/\d"),
            "month": words({m[:3] for m in self.months}),
            "year": re.compile(r"(?:1[5-9]|20)\d\d"),
            "spelled": words(
                ["thousand", "nineteen", "eighteen", "seventeen", "sixteen", "twenty"]
            ),
            "decade": re.compile(r"\d0'?s\b|ties\b"),
            "century": re.compile("centur"),
            "quarter": re.compile("quarter"),
            "q": re.compile(r"\bq[1-4]\b|\b[1-4]q\b"),
            "half": re.compile(r"\bhalf\b"),
            "season": words(lang.SEASONS),
            "unit": words(self.units, boundary=False),
            "period": words(["period", "quarter", "year", "week"]),
            "part": words([*lang.PARTS_OF_DAY, "day"]),
            "unit_or_part": ("unit", "part"),  # composite: the union of both windows
            "holiday": words(lang.HOLIDAY_TRIGGERS, boundary=False),
            "long": re.compile(r"long\b"),
            "report_day": re.compile(r"\bthe\s+(?:trading\s+)?day\b"),
            "clock_part": re.compile(r"\d\s+(?:o'clock\s+)?(?:in\s+the|at\s+night)"),
            "weekday": words(weekday_stems),
            "deictic": words(["today", "tonight", "yesterday", "tomorrow"]),
            "every": words(["every", "each"]),
            "frequency": words(lang.FREQUENCY_WORDS),
            "times": words(["once", "twice", "times"]),
            "clock": re.compile(r"\d\s*[ap]\.?m\b"),
            "clock24": re.compile(r"\d[:.]\d\d\s*[a-z]"),
            "hhmm": re.compile(r"(?:[01][0-4]|0[5-9]|2[1-3])[0-5]\d"),  # not year-like
            "noon": words(["noon", "midday", "midnight"]),
            # the last word of every vague phrase ("at the moment", "the near future")
            "vague": words({p.split()[-1].split("-")[0] for p in vague_phrases}),
            "vague_adjective": words(lang.VAGUE_ADJECTIVES),
        }
        missing = {r.trigger for r in self.rules} - set(triggers) - {None}
        if missing:
            raise ValueError(f"rules name unknown triggers: {sorted(missing)}")
        # Triggers whose every match lies inside one word (a run of \w): they are found by
        # looking each word of a text up once (`word_hits`), not by a pass over the text each
        for name, trigger in triggers.items():
            if isinstance(trigger, tuple):
                continue
            inside = name in _WORD_TRIGGERS or (name in _WORD_LIST_TRIGGERS and all(
                re.fullmatch(r"[a-z0-9]+", w) for w in _alternatives(trigger.pattern)
            ))  # fmt: skip
            (self.word_triggers if inside else self.text_triggers)[name] = trigger
        return triggers

    def word_hits(self, word: str) -> tuple[tuple[str, int, int], ...]:
        r"""The word triggers a word (lower case, a run of \w) holds: (trigger, start, end)
        of each match inside it, as a pass over the whole text would find them."""
        found = self._word_memo.get(word)
        if found is None:
            found = tuple(
                (name, m.start(), m.end())
                for name, trigger in self.word_triggers.items()
                for m in trigger.finditer(word)
            )
            if len(self._word_memo) < _WORD_MEMO_MAX:
                self._word_memo[word] = found
        return found

    # -- handler helpers ----------------------------------------------------------

    @staticmethod
    def _mod(m: re.Match, group: str = "mod") -> str:
        word = _words(m.groupdict().get(group))
        if not word:
            return ""
        for mod, starts in _MODS.items():
            if word.startswith(starts):
                return mod
        return ""

    @staticmethod
    def _direction(word: str | None) -> int | None:
        return _DIRECTIONS.get(_words(word))

    def _date_word(self, word: str) -> bool:
        """Words that may stand before a year ("In 2009", "March 2009", "Summer 2009")."""
        key = word.lower()
        return (
            key in self.months
            or key in self.weekdays
            or key in self.lang.SEASONS
            or key in self.lang.FUNCTION_WORDS
            or key in ("since", "until", "early", "late", "mid", "fiscal", "year", "calendar")
        )

    def _month_ok(self, m: re.Match) -> bool:
        """Reject month words that are ordinary words here ("may" the verb, "march" the noun)."""
        word = m["month"]
        return word[0].isupper() or word.lower().rstrip(".") not in self.lang.AMBIGUOUS_MONTHS

    def _is_rate(self, m: re.Match, text: str) -> bool:
        """ "$1.76 a year", "four flights a week": a rate, not a length of time."""
        before = text[max(0, m.start() - 24) : m.start()]
        return bool(re.search(r"(?:\d|\d%|\b[a-z]+s)\s+$", before))

    # -- handlers: calendar dates -------------------------------------------------

    def _iso_date(self, m: re.Match, text: str) -> Reading | None:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        time = f"{m['hh']}:{m['mm']}" if m["hh"] else ""
        return CalendarDate("day", year, month, day, time=time)

    def _slash_date(self, m: re.Match, text: str) -> Reading | None:
        a, b = int(m["a"]), int(m["b"])
        year = int(m["y"])
        if year < 100:
            year += 1900 if year >= 50 else 2000
        month, day = (b, a) if self.day_first else (a, b)
        if month > 12 and day <= 12:  # "25/12/2024" can only be day first
            month, day = day, month
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return CalendarDate("day", year, month, day)

    def _month_day_range(self, m: re.Match, text: str) -> Pieces | None:
        """ "Oct. 1-3": TimeML marks each end as a date of its own ("Oct. 1", "3"); the
        tagger joins them into a range."""
        first, last = int(m["d1"]), int(m["d2"])
        if not self._month_ok(m) or last <= first or self._non_date_after.match(text, m.end()):
            return None  # "May 3 or 4 people": the second number counts something
        year = int(m["year"]) if m["year"] else None
        month = self.month(m["month"])
        return (
            (m.start(), m.end("d1"), CalendarDate("day", year, month, first)),
            (m.start("d2"), m.end(), CalendarDate("day", year, month, last)),
        )

    def _month_day(self, m: re.Match, text: str) -> Reading | None:
        if not self._month_ok(m):
            return None
        year = int(m["year"]) if m["year"] else None
        return CalendarDate(
            "day", year, self.month(m["month"]), int(m["day"]), mod=self._mod(m),
            direction=self._direction(m["dir"]),
        )  # fmt: skip

    def _day_month(self, m: re.Match, text: str) -> Reading | None:
        if not self._month_ok(m):
            return None
        year = int(m["year"]) if m["year"] else None
        return CalendarDate("day", year, self.month(m["month"]), int(m["day"]))

    def _day_of_month(self, m: re.Match, text: str) -> Reading | None:
        """ "on the 10th": a day of this month, the last or the next, by tense."""
        return CalendarDate("day", None, None, int(m["day"]))

    def _holiday(self, m: re.Match, text: str) -> Reading | None:
        name = re.sub(r"\s+", " ", m["name"].lower())
        year = int(m["year"]) if m["year"] else None
        return HolidayRef(
            self.lang.HOLIDAYS[name], year, self._direction(m["dir"]), week=bool(m["week"])
        )

    def _week_of_month(self, m: re.Match, text: str) -> Reading | None:
        """ "the last week of March", "the week of March 6": a calendar week."""
        if not self._month_ok(m) or bool(m["nth"]) == bool(m["day"]):
            return None  # "the week of March" alone is not one week
        day = int(m["day"]) if m["day"] else _WEEK_OF_MONTH_DAY[m["nth"].lower()]
        year = int(m["year"]) if m["year"] else None
        return CalendarDate("week", year, self.month(m["month"]), day)

    def _month_year(self, m: re.Match, text: str) -> Reading | None:
        if not self._month_ok(m):
            return None
        year = int(m["year"]) if m["year"] else self.spelled_year(m["spelled"])
        if year is None:
            return None
        return CalendarDate("month", year, self.month(m["month"]), mod=self._mod(m))

    def _month_relative_year(self, m: re.Match, text: str) -> Reading | None:
        if not self._month_ok(m):
            return None
        return CalendarDate(
            "month", None, self.month(m["month"]), mod=self._mod(m),
            relative_year=_RELATIVE_YEAR[m["rel"].lower()],
        )  # fmt: skip

    def _month_alone(self, m: re.Match, text: str) -> Reading | None:
        word = m["month"]
        key = word.lower().rstrip(".")
        if not word[0].isupper():
            return None
        if len(key) <= 4 and not word.endswith(".") and re.match(r"\s+[A-Z][a-z]", text[m.end() :]):
            return None  # "Jan Kavan", "Jun Wang": a first name
        if key in self.lang.AMBIGUOUS_MONTHS and not (m["dir"] or m["mod"]):
            before = text[max(0, m.start() - 12) : m.start()].lower()
            if not re.search(
                r"\b(?:in|since|until|till|by|from|through|during|before|after|of|to|and|"
                r"between|early|late|mid|last|next|this)\s*$",
                before,
            ):
                return None
            if key == "may" and re.match(r"\s+(?:be|have|not|also|still|well)\b", text[m.end() :]):
                return None
        return CalendarDate(
            "month", None, self.month(word), direction=self._direction(m["dir"]), mod=self._mod(m)
        )

    def _year(self, m: re.Match, text: str) -> Reading | None:
        digits = m["year"]
        clock = not m["fiscal"] and not m["mod"] and _is_hhmm(digits)
        if clock and (m["tz"] or self._clock_context(text, m.start("year"), m.end("year"))):
            return self._time_of_day(digits)  # "1905:", "2300 GMT": a time, not a year
        if m["tz"]:
            return None
        after = text[m.end() : m.end() + 24]
        before = text[max(0, m.start() - 24) : m.start()]
        if self._non_date_after.match(after) and not (
            self._non_date_verb_after.match(after) and self._year_cue_before.search(before)
        ):
            return None
        if re.search(r"(?:[$€£#]|\bNo\.?|\bnumber|\bmodel|\bflight|\broute)\s*$", before, re.I):
            return None
        name = re.search(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+)\s+$", before)
        if name and not m["mod"] and not m["fiscal"] and not self._date_word(name.group(1)):
            return None  # "Orion 1980", "Windows 95": a name with a number
        if (
            not m["fiscal"]
            and re.match(r"\s*(?:-|to|and)\s*\d{1,3}\b(?!\s*\d)", after)
            and not re.match(r"\s*(?:-|to|and)\s*(?:1[5-9]|20)\d\d", after)
        ):
            return None  # a score or a count range ("1998-3", "1500 to 600"), not a year
        if not m["fiscal"] and not m["mod"] and self._is_clock(m["year"], text, m, before, after):
            return None
        return CalendarDate("year", int(m["year"]), mod=self._mod(m))

    def _is_clock(self, digits: str, text: str, m: re.Match, before: str, after: str) -> bool:
        """Is a four-digit "year" without a cue word a number of long ago a clock can
        show ("1508 UN spokesman says")? More often a time or a count than a year."""
        return (
            _is_hhmm(digits)
            and int(digits) < self._early_year
            and not self._year_cue_before.search(before)
        )

    def _clock_context(self, text: str, start: int, end: int) -> bool:
        """Does the four-digit time at text[start:end] ("1905", "2300") stand where a
        clock does: before a time zone, "hours" or "local time"; in a range of times that
        ends on one ("1900 to 2200 EST"); after a 12-hour time it gives again in another
        zone ("1:33 p.m. (2033 in Egypt)"); or as a live blog's stamp (`_colon_stamps`,
        `_timestamps`)? A year needs none of these."""
        after = text[end : end + 32]
        if self._clock_after.match(after):
            return True
        span = _TIME_SPAN_AFTER.match(after)
        if span and _is_hhmm(span["other"]) and self._clock_after.match(after[span.end() :]):
            return True
        before = text[max(0, start - 24) : start]
        if _AFTER_12_HOUR_CLOCK.search(before):
            return True
        if start in _colon_stamps(text):
            return True
        stamps = _timestamps(text)
        if not stamps:
            return False
        # in a live blog, an entry whose previous one ends without a full stop ("...in
        # Haiti 2207 The Wall Street Journal") is a stamp too, unless a year's cue or a
        # determiner stands before it ("in 1946", "the 1954 hurricane")
        return start in stamps or (
            _OPENS_ENTRY.match(text, end) is not None
            and not self._year_cue_before.search(before)
            and not self._determiner_before.search(before)
        )

    def _clock_hhmm(self, m: re.Match, text: str) -> Reading | None:
        """ "2300 GMT", "0830:", "between 2300 and 0200": a time of day written as wire
        copy writes it, on the day the text is at (`_clock_context`). Numbers that could
        be years (1500 to 2059) are the year rule's, which asks the same question."""
        if not m["tz"] and not self._clock_context(text, m.start(), m.end("min")):
            return None
        return self._time_of_day(m["h"] + m["min"])

    @staticmethod
    def _time_of_day(digits: str) -> Reading:
        return RelativeRef("day", 0, "day", anaphoric=True, time=f"{digits[:2]}:{digits[2:]}")

    def _year_range(self, m: re.Match, text: str) -> Pieces | None:
        """ "2019-2021", "the 1957-58 expedition": each year a date of its own, as TimeML
        marks them; the tagger joins them into a range."""
        first, last_text = int(m["y1"]), m["y2"]
        last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
        if not first < last <= first + 100 or self._non_date_after.match(text[m.end() :]):
            return None  # a score ("1998-3") or a count, not years
        return (
            (m.start("y1"), m.end("y1"), CalendarDate("year", first)),
            (m.start("y2"), m.end("y2"), CalendarDate("year", last)),
        )

    def _spelled_year(self, m: re.Match, text: str) -> Reading | None:
        year = self.spelled_year(m["spelled"])
        if year is None:
            return None
        if not m["the"] and m["spelled"].lower().startswith(("two", "twenty")):
            # "two thousand people", "twenty twenty" as counts: only after a preposition
            before = text[max(0, m.start() - 8) : m.start()].lower()
            if not re.search(r"\b(?:in|since|by|until|of|from|before|after|during)\s+$", before):
                return None
            if self._non_date_after.match(text[m.end() : m.end() + 24]):
                return None
        return CalendarDate("year", year)

    def _decade(self, m: re.Match, text: str) -> Reading | None:
        if m["decade"]:
            start = int(m["decade"])
        elif m["short"]:
            if not (m["apos"] or m["mod"] or m.group().lower().startswith("the")):
                return None  # "in her 70s": an age
            short = int(m["short"])
            start = (1900 if short >= 30 else 2000) + short
        else:
            if not (m["century"] or m.group().lower().startswith("the")):
                return None  # "forties" alone is more often an age
            century = 1800 if (m["century"] or "").lower() == "eighteen" else 1900
            start = century + self.lang.DECADE_WORDS[m["word"].lower()]
        return CalendarDate("decade", start, mod=self._mod(m))

    def _century(self, m: re.Match, text: str) -> Reading | None:
        ordinal = m["ord"].lower()
        if ordinal[0].isdigit():
            number = int(re.match(r"\d+", ordinal).group())
        else:
            number = self.ordinals[ordinal]
        mod = {"early": "START", "mid": "MID", "late": "END"}.get(_words(m["mod2"]), "")
        return CalendarDate("century", (number - 1) * 100, mod=mod)

    def _quarter(self, m: re.Match, text: str) -> Reading | None:
        q = _QUARTERS[m["q"].lower()]
        fiscal = bool(m["fiscal"] or m["fiscal2"])
        if m["year"] or m["py"]:
            return CalendarDate("quarter", int(m["year"] or m["py"]), index=q, fiscal=fiscal)
        rel = (m["rel"] or m["rel2"] or "").lower()
        if rel:
            return CalendarDate(
                "quarter", None, index=q, relative_year=_RELATIVE_YEAR[rel], fiscal=fiscal
            )
        return CalendarDate(
            "quarter", None, index=q, shift_years=-1 if m["ago"] else 0, fiscal=fiscal
        )

    def _q_quarter(self, m: re.Match, text: str) -> Reading | None:
        q = int(m["q"] or m["q2"])
        if m["year"]:
            return CalendarDate("quarter", int(m["year"]), index=q)
        if m["yy"]:
            yy = int(m["yy"])
            return CalendarDate("quarter", (1900 if yy >= 50 else 2000) + yy, index=q)
        return CalendarDate("quarter", None, index=q)

    def _half(self, m: re.Match, text: str) -> Reading | None:
        h = 1 if m["h"].lower() in ("first", "1st") else 2
        if m["year"]:
            return CalendarDate("half", int(m["year"]), index=h)
        rel = (m["rel"] or "this").lower()
        return CalendarDate("half", None, index=h, relative_year=_RELATIVE_YEAR[rel])

    def _season(self, m: re.Match, text: str) -> Reading | None:
        word = m["season"].lower()
        code = self.lang.SEASONS[word]
        if word == "fall" and not (m["dir"] or m["year"] or m["mod"] or m["spelled"]):
            before = text[max(0, m.start() - 8) : m.end()].lower()
            if not re.search(r"\b(?:the|this|last|next)\s+fall$", before):
                return None
        if m["year"]:
            year = int(m["year"])
        elif m["spelled"]:
            year = self.spelled_year(m["spelled"])
        else:
            year = None
        return CalendarDate(
            "season", year, index=code, direction=self._direction(m["dir"]), mod=self._mod(m)
        )

    # -- handlers: periods of reports --------------------------------------------

    def _period(self, m: re.Match, text: str) -> Reading | None:
        unit = m["unit"].lower()
        adjectives = _words(m["adj"])
        if unit == "period" and not (adjectives or m["ago"] or m["py"]):
            return None  # "the period" alone is not a date
        if unit == "year" and (m["ago"] or m["py"]):
            return None
        if unit == "year" and re.match(r"\s+end(?:ed|ing)\b", text[m.end() : m.end() + 8]):
            return DurationRef(1, "year")  # "the year ended March 31": twelve months
        year = int(m["py"]) if m["py"] else None
        return PeriodRef(
            unit,
            years=-1 if m["ago"] or m["ago2"] else 0,
            anaphoric=m.group().lower().startswith("that"),
            year=year,
            latest=bool(re.search(r"latest|most recent|just.ended", adjectives)),
            current="current" in adjectives,
        )

    def _unit_end(self, m: re.Match, text: str) -> Reading | None:
        unit = (m["unit"] or m["unit2"] or m["unit3"]).lower()
        mod = self._mod(m) if m["mod"] else "END"
        return RelativeRef(unit, 0, unit, mod=mod)

    def _report_day(self, m: re.Match, text: str) -> Pieces | None:
        """ "ended the day at 8,017", "up 2% for the day", "at the start of the day": in a
        report, the day the report is about (the tagger moves it to the article's news day)."""
        name = next(g for g in ("span", "span2", "span3") if m[g])
        reading = RelativeRef("day", 0, "day", mod=self._mod(m), news=True)
        return ((m.start(name), m.end(name), reading),)

    def _in_the_part_of_day(self, m: re.Match, text: str) -> Reading | None:
        part = m["part"].lower()
        if part == "day":
            if not m["span"].lower().startswith("the"):
                return None
            return RelativeRef("day", 0, "day", anaphoric=True, mod=self._mod(m))
        time = self.lang.PARTS_OF_DAY[part]
        return RelativeRef("day", 0, "day", anaphoric=True, time=time, mod=self._mod(m))

    def _overnight(self, m: re.Match, text: str) -> Reading | None:
        return RelativeRef("day", -1, "day", anaphoric=True, time="NI")

    def _bare_plural_duration(self, m: re.Match, text: str) -> Reading | None:
        return DurationRef(None, self.unit(m["unit"]))

    def _period_last_year(self, m: re.Match, text: str) -> Reading | None:
        """ "the same quarter a year earlier", "the same month last year": the period the
        text is at (a report's, or the month just named), a year before."""
        unit = (m["unit"] or "period").lower()
        if unit in ("month", "week", "day"):
            return PeriodRef(unit, years=-1, anaphoric=True)
        return PeriodRef("period", years=-1)

    # -- handlers: relative to a reference ----------------------------------------

    def _relative_unit(self, m: re.Match, text: str) -> Reading | None:
        unit = m["unit"].lower()
        direction = self._direction(m["dir"])
        span_back = _words(m.group(0)).startswith("the") or _words(m["dir"]) == "past"
        if unit in ("decade", "century") and direction == PAST and span_back and not m["mod"]:
            # "the past century" said in 1998 is the hundred years up to 1998, not the 1800s
            return DurationRef(1, unit, PAST)
        offset = {PAST: -1, NEXT: 1, THIS: 0}[direction if direction is not None else THIS]
        return RelativeRef(unit, offset, unit, mod=self._mod(m))

    def _weekend(self, m: re.Match, text: str) -> Reading | None:
        word = (m["dir"] or "").lower()
        direction = None if word == "the" else self._direction(word)
        return WeekdayRef(6, direction, weekend=True)

    def _anaphoric_unit(self, m: re.Match, text: str) -> Reading | None:
        word = _words(m["dir"]) or "that"
        unit = m["unit"].lower()
        time = ""
        if unit in ("morning", "evening", "night"):
            time = self.lang.PARTS_OF_DAY[unit]
            unit = "day"
        offset = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(
            word, 0
        )
        return RelativeRef(unit, offset, unit, anaphoric=True, time=time)

    def _anaphoric_weekday(self, m: re.Match, text: str) -> Reading | None:
        direction = self._direction(m["dir"])
        return WeekdayRef(self.weekday(m["wd"]), direction, anaphoric=True)

    def _day_before_after(self, m: re.Match, text: str) -> Reading | None:
        unit = m["unit"].lower()
        offset = 1 if m["rel"].lower() == "after" else -1  # "the year previous": before
        return RelativeRef(unit, offset, unit, anaphoric=True)

    def _day_of_event(self, m: re.Match, text: str) -> Reading | None:
        """ "the day after his death": a day from the event the narrative is at. After a
        date ("Oct. 12, the day before the plunge") it is that date itself."""
        unit = m["unit"].lower()
        rel = m["rel"].lower()
        appositive = re.search(r",\s*$", text[max(0, m.start() - 3) : m.start()])
        offset = 0 if appositive or rel == "of" else (1 if rel == "after" else -1)
        return RelativeRef(unit, offset, unit, anaphoric=True)

    def _deictic_day(self, m: re.Match, text: str) -> Reading | None:
        word = _words(m["word"])
        offset = {
            "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
            "the day before yesterday": -2, "the day after tomorrow": 2,
        }[word]  # fmt: skip
        part = (m["part"] or m["prepart"] or "").lower()
        time = self.lang.PARTS_OF_DAY.get(part, "NI" if word == "tonight" else "")
        return RelativeRef("day", offset, "day", time=time, mod=self._mod(m))

    def _this_part_of_day(self, m: re.Match, text: str) -> Reading | None:
        word = m["dir"].lower()
        time = self.lang.PARTS_OF_DAY[m["part"].lower()]
        offset = {"this": 0, "last": -1, "tomorrow": 1}[word]
        if word == "last" and time != "NI":
            return None
        return RelativeRef("day", offset, "day", time=time, mod=self._mod(m))

    def _weekday(self, m: re.Match, text: str) -> Reading | None:
        part = (m["part"] or "").lower()
        time = self.lang.PARTS_OF_DAY.get(part, "")
        direction = self._direction(m["dir"])
        return WeekdayRef(self.weekday(m["wd"]), direction, time=time, mod=self._mod(m))

    def _offset(self, m: re.Match, text: str) -> Reading | None:
        unit = self.unit(m["unit"])
        amount = self.number(m["num"])
        rel = _words(m["rel"])
        if rel in ("before", "after", "prior") and not _CLAUSE_GOES_ON.match(text, m.end()):
            # "a month after Qantas suspended flights": counted from an event we cannot
            # date, so only the length ("a month") is known
            return None
        backward = rel in ("ago", "earlier", "before", "previously", "prior")
        deictic = rel in ("ago", "from now", "hence")
        approx = _APPROX.get(_words(m["approx"]), "APPROX" if m["so"] else "")
        if amount is None and deictic:  # "a few years ago", "some weeks from now"
            return VagueRef("PAST_REF" if backward else "FUTURE_REF")
        if amount is None:  # "a few days later": some days after the narrative, no date
            return DurationRef(None, unit)
        if m["half"]:
            amount += 0.5
        if unit in ("hour", "minute", "second") or amount != int(amount):
            return None  # "two hours later": the same day; not worth a date of its own
        step, count = unit, int(amount)
        if unit == "night":
            step = "day"
        elif unit == "fortnight":
            step, count = "week", 2 * count
        elif unit == "weekend":
            step = "week"
        sign = -1 if backward else 1
        # "four years ago", "a year earlier": known to the unit counted (a report's "a year
        # earlier" is its period a year before: see anchor._relative)
        granularity = step
        mod = "APPROX" if approx else ""
        # "a year ago" compares with a report's period; "41 years ago" is history
        comparison = backward and count == 1
        return RelativeRef(
            step, sign * count, granularity, anaphoric=not deictic, mod=mod, comparison=comparison
        )

    def _offset_adjective(self, m: re.Match, text: str) -> Reading | None:
        unit = m["unit"].lower()
        return RelativeRef(unit, -1, None, anaphoric=True, comparison=True)

    def _duration(self, m: re.Match, text: str) -> Reading | None:
        unit = self.unit(m["unit"])
        amount = self.number(m["num"])
        if amount is not None and m["half"]:
            amount += 0.5
        word = _words(m["dir"])
        if word.endswith(("past", "last", "previous")):
            direction = PAST
        elif word.endswith(("next", "coming", "following", "remaining")):
            direction = NEXT
        else:
            direction = None
        mod = _APPROX.get(_words(m["approx"]), "APPROX" if m["so"] else "")
        after = text[m.end() : m.end() + 12]
        if unit == "quarter" and re.match(r"\s+of\b", after):
            return None  # "a quarter of the votes", "three-quarters": a fraction
        if unit == "second" and _words(m["num"]) in ("a", "an") and re.match(r"\s+[a-z]", after):
            return None  # "a second group": an ordinal
        if _words(m["num"]) in ("a", "an") and not word and self._is_rate(m, text):
            return SetRef(duration_value(1, unit))
        year_like = re.fullmatch(r"(?:1[5-9]|20)\d\d", m["num"] or "")
        if year_like and not m["unit"].lower().endswith("s"):
            return None  # "the 2010 season": a year, not 2010 seasons
        if _words(m.group()) == "one day" and re.search(
            r"\b(?:will|would|could|may|might|can|shall|should|hopes?|hoped|to)\s+$",
            text[max(0, m.start() - 12) : m.start()],
        ):
            return VagueRef("FUTURE_REF")  # "Islam will one day be", "hoped he one day"
        if word == "the" and amount is not None and amount == 1:
            return None  # "the day", "the one year": not a length of time
        if unit == "hour" and re.fullmatch(r"0\d{3}", m["num"] or "") and _is_hhmm(m["num"]):
            return None  # "0900 hours": a time of day, military style
        return DurationRef(amount, unit, direction, mod)

    def _long_adjective(self, m: re.Match, text: str) -> Reading | None:
        """ "a day-long meeting" (P1D), "a decades-long battle" (PXY): a length."""
        word = m["unit"].lower()
        return DurationRef(None if word.endswith("s") else 1, self.unit(word))

    def _recent_units(self, m: re.Match, text: str) -> Reading | None:
        """ "in recent years", "the coming months": a vague past or future, not a length
        (no quantity is given, unlike "the past few years", PXY)."""
        unit = self.unit(m["unit"])
        pre = _words(m["pre"])
        if pre in ("recent", "the past", "past", "the last"):
            return VagueRef("PAST_REF")
        if "coming" in pre or "ahead" in pre:
            return VagueRef("FUTURE_REF")
        return DurationRef(None, unit, PAST)

    def _vague(self, m: re.Match, text: str) -> Reading | None:
        if m["present"]:
            return VagueRef("PRESENT_REF")
        if m["past"]:
            follows = re.match(r"\s+([\w-]+)", text[m.end() : m.end() + 24])
            word = follows.group(1).lower() if follows else ""
            if m["past"].lower().endswith("past") and (
                word[:1].isdigit()
                or word in self.numbers
                or self.unit(word) in self.units
                or word in ("few", "several", "summers", "winters", "springs", "autumns")
            ):
                return None  # "the past three summers": a span, not "the past"
            return VagueRef("PAST_REF")
        if m["soon"]:
            after = text[m.end() : m.end() + 12]
            if re.match(r"(?:\s*(?:after|afterwards?|thereafter|enough|as)\b|-)", after):
                return None  # "soon after the vote", "as soon as Tuesday", "soon-to-open"
            return VagueRef("FUTURE_REF", when="not_past")  # "was soon released": no
        if m["later"]:
            after = text[m.end() : m.end() + 12]
            if re.match(r"\s*(?:in|than|on|that|this|the)\b", after):
                return None  # "later in the day", "later than planned": other rules
            return VagueRef("FUTURE_REF", when="future")  # "he later said": an order
        return VagueRef("FUTURE_REF")

    def _vague_adjective(self, m: re.Match, text: str) -> Reading | None:
        follows = text[m.end() : m.end() + 16].lower()
        if re.match(
            r"(?:weeks?|months?|years?|days?|quarters?|periods?|decades?|times?)\b", follows
        ):
            return None  # "recent weeks", "current quarter": other rules read those
        return VagueRef(self.lang.VAGUE_ADJECTIVES[m["adj"].lower()])

    # -- handlers: recurring times ------------------------------------------------

    def _set_every(self, m: re.Match, text: str) -> Reading | None:
        target = m["target"].lower().rstrip(".")
        other = "other" in m.group().lower()
        if target in self.weekdays:
            return SetRef(f"XXXX-WXX-{self.weekdays[target]}", "EVERY")
        if target in self.months:
            return SetRef(f"XXXX-{self.months[target]:02d}", "EVERY")
        if target in self.lang.PARTS_OF_DAY:
            return SetRef(f"XXXX-XX-XXT{self.lang.PARTS_OF_DAY[target]}", "EVERY")
        return SetRef(duration_value(2 if other else 1, self.unit(target)), "EVERY")

    def _set_frequency(self, m: re.Match, text: str) -> Reading | None:
        """ "weekly", "paid annually", "his weekly radio address", "the annual meeting":
        a recurring time. Not when it measures a quantity per period ("annual sales",
        "average daily volume", "its quarterly dividend") or names a paper ("the party
        daily Granma")."""
        after = text[m.end() : m.end() + 40]
        following = re.match(r"\s+([A-Za-z][\w-]*)(?:\s+([a-z][\w-]*))?", after)
        noun_use = not following or self._function_after.match(after)
        if noun_use and self._determiner_before.search(text, max(0, m.start() - 12), m.start()):
            return None  # "its initial quarterly of five cents": a dividend
        if following:
            first, second = following.group(1), following.group(2) or ""
            if first[0].isupper():
                return None  # "daily Granma": a name
            nouns = self.lang.MEASURED_NOUNS
            if first.lower() in nouns or (
                second.lower() in nouns and not self._function_after.match(after)
            ):
                return None  # "annual sales", "average daily trading volume": a rate
        return SetRef(self.lang.FREQUENCY_WORDS[m["word"].lower()])

    def _set_plural_weekday(self, m: re.Match, text: str) -> Reading | None:
        if not m["wd"][0].isupper():
            return None
        return SetRef(f"XXXX-WXX-{self.weekday(m['wd'][:-1])}")

    def _set_times_per(self, m: re.Match, text: str) -> Reading | None:
        return SetRef(duration_value(1, m["unit"].lower()))

    # -- handlers: times of day ---------------------------------------------------

    def _clock_time(self, m: re.Match, text: str) -> Reading | None:
        hour = int(m["h"])
        minute = int(m["min"] or 0)
        ampm = (m.groupdict().get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        mod = "APPROX" if m.groupdict().get("approx") else ""
        # "at 3 p.m." is a time of the day the text is at
        return RelativeRef(
            "day", 0, "day", anaphoric=True, time=f"{hour:02d}:{minute:02d}", mod=mod
        )

    def _clock_part_of_day(self, m: re.Match, text: str) -> Reading | None:
        """ "4 in the morning", "11 at night": a clock time whose half of the day is named."""
        hour = int(m["h"]) % 12
        if (m["night"] and hour >= 6) or (m["part"] and m["part"].lower() != "morning"):
            hour += 12  # "11 at night", "3 in the afternoon"; "2 at night" is 02:00
        mod = "APPROX" if m["approx"] else ""
        time = f"{hour:02d}:{int(m['min'] or 0):02d}"
        return RelativeRef("day", 0, "day", anaphoric=True, time=time, mod=mod)

    def _noon_midnight(self, m: re.Match, text: str) -> Reading | None:
        word = m["word"].lower()
        time = "12:00" if word in ("noon", "midday") else "24:00"
        if m["wd"]:
            return WeekdayRef(self.weekday(m["wd"]), None, time=time)
        return RelativeRef("day", 0, "day", time=time)


@cache
def grammar(language: str = "en") -> Grammar:
    """The compiled grammar of a language tag ("en", "en-GB"), built once per process."""
    region = language.replace("_", "-").split("-")[1] if "-" in language.replace("_", "-") else ""
    return Grammar(language_data(language), region)
