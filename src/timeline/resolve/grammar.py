"""The extraction grammar: regular-expression rules built from language data.

Each rule finds one kind of expression and turns a match into a `Reading` (or rejects
it: "May" the verb, "2000 troops"). Rules never look at the calendar; anchoring is
`timeline.resolve.anchor`'s job. Patterns are compiled once per language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
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
    Reading,
    RelativeRef,
    SetRef,
    VagueRef,
    WeekdayRef,
)

Handler = Callable[[re.Match, str], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern
    handler: Handler


def _alternation(words) -> str:
    """A regex alternation of `words`, longest first, spaces matching any whitespace."""
    escaped = (
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )
    return "(?:" + "|".join(escaped) + ")"


class Grammar:
    """All rules of one language, with the word tables their handlers need."""

    def __init__(self, lang: ModuleType) -> None:
        self.lang = lang
        self.months = lang.MONTHS
        self.weekdays = lang.WEEKDAYS
        self.numbers = lang.NUMBER_WORDS
        self.units = lang.UNITS
        self.ordinals = lang.ORDINALS
        self.rules = self._build()

    # -- word parsing -------------------------------------------------------------

    def number(self, text: str) -> float | None:
        """A count written in digits or words ("24", "twenty-four", "a"); None if vague."""
        words = re.sub(r"[\s-]+", " ", text.lower().strip())
        if re.fullmatch(r"\d+(?:\.\d+)?", words.replace(",", "")):
            return float(words.replace(",", ""))
        if words in self.numbers:
            return float(self.numbers[words])
        parts = words.split(" ")
        if len(parts) == 2 and parts[0] in self.numbers and parts[1] in self.numbers:
            tens, ones = self.numbers[parts[0]], self.numbers[parts[1]]
            if tens >= 20 and tens % 10 == 0 and ones < 10:
                return float(tens + ones)
        if words == "half a" or words == "half an":
            return 0.5
        return None

    def month(self, text: str) -> int:
        return self.months[text.lower().rstrip(".")]

    def weekday(self, text: str) -> int:
        return self.weekdays[text.lower().rstrip(".")]

    def unit(self, text: str) -> str:
        return self.units[text.lower()]

    # -- rules ----------------------------------------------------------------------

    def _build(self) -> list[Rule]:
        lang = self.lang
        full_months = [m for m in self.months if len(m) > 3 and m != "sept"]
        abbr_months = [m for m in self.months if m not in full_months]
        month = rf"(?:{_alternation(full_months)}\b|{_alternation(abbr_months)}\b\.?)"
        weekday_full = [w for w in self.weekdays if w.endswith("day")]
        weekday_abbr = [w for w in self.weekdays if not w.endswith("day")]
        weekday = rf"(?:{_alternation(weekday_full)}|{_alternation(weekday_abbr)}\.)"
        number_words = [w for w in self.numbers if not w.startswith("a ") or w == "a couple of"]
        tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        num = (
            rf"(?:\d+(?:\.\d+)?|{_alternation(tens)}[\s-]{_alternation(ones)}"
            rf"|half\s+an?|{_alternation(number_words)})"
        )
        vague_num = _alternation(lang.VAGUE_QUANTITIES)
        units = _alternation(self.units)
        day_units = (
            r"(?:days?|weeks?|weekends?|months?|quarters?|years?|decades?|centur(?:y|ies)"
            r"|hours?|nights?|fortnights?)"
        )
        seasons = _alternation(lang.SEASONS)
        parts = _alternation(lang.PARTS_OF_DAY)
        mod = (
            r"(?:(?P<mod>early|earlier|mid|middle|late|later"
            r"|(?:the\s+)?(?:start|beginning|end|middle|close|turn)\s+of"
            r"|(?:the\s+)?(?:first|last)\s+(?:days?|weeks?|months?)\s+of)[\s-]+)?"
        )
        direction = r"(?:(?P<dir>last|next|this|coming|past|previous|current|upcoming)\s+)"
        day_num = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
        year4 = r"(?P<year>1[5-9]\d\d|20\d\d)"

        def rule(name: str, pattern: str, handler: Handler) -> Rule:
            return Rule(name, re.compile(pattern, re.IGNORECASE), handler)

        return [
            rule(
                "iso_date",
                r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2}))?\b",
                self._iso_date,
            ),
            rule(
                "slash_date",
                r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])",
                self._slash_date,
            ),
            rule(
                "month_day",
                rf"\b{mod}(?:{weekday},?\s+)?(?P<month>{month})\s+{day_num}\b"
                rf"(?!\s*(?:%|percent|[-–]\s*\d|:\d))(?:,?\s+{year4}\b)?",
                self._month_day,
            ),
            rule(
                "day_month",
                rf"\b(?:{weekday},?\s+)?(?:the\s+)?{day_num}\s+(?:of\s+)?(?P<month>{month})"
                rf"(?:,?\s+{year4}\b)?",
                self._day_month,
            ),
            rule(
                "month_year",
                rf"\b{mod}(?P<month>{month}),?\s+(?:of\s+)?{year4}\b",
                self._month_year,
            ),
            rule("month", rf"\b{mod}{direction}?(?P<month>{month})(?!\w)", self._month_alone),
            rule(
                "year",
                rf"(?<![\w$€£#.,/-]){mod}(?:(?P<fiscal>fiscal(?:\s+year)?|FY)\s*)?{year4}(?!\w|,\d|\.\d|%|[-/]\d)",
                self._year,
            ),
            rule(
                "decade",
                rf"\b(?:the\s+)?{mod}(?:(?P<decade>1[5-9]\d0|20\d0)'?s|'(?P<short>\d0)s)(?!\w)",
                self._decade,
            ),
            rule(
                "century",
                r"\b(?:the\s+)?(?P<mod2>early|mid|late\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
                + _alternation(o for o in self.ordinals if self.ordinals[o] > 0)
                + r")[\s-]+century\b",
                self._century,
            ),
            rule(
                "quarter",
                rf"\b(?:the\s+)?{direction}?(?:(?P<fiscal>fiscal)\s+)?"
                r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b"
                rf"(?:\s+of\s+(?:(?:fiscal\s+)?{year4}|(?P<rel>this|last|next)\s+year))?",
                self._quarter,
            ),
            rule(
                "q_quarter",
                rf"\bQ(?P<q>[1-4])(?:\s+(?:FY\s*)?{year4}|\s*'(?P<yy>\d\d))?\b",
                self._q_quarter,
            ),
            rule(
                "half",
                r"\b(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+of\s+"
                rf"(?:(?:fiscal\s+)?{year4}|(?:the\s+)?(?P<rel>this|last|next)\s+year|the\s+year)",
                self._half,
            ),
            rule(
                "season",
                rf"\b{mod}(?:the\s+)?{direction}?(?P<season>{seasons})\b(?:\s+(?:of\s+)?{year4}\b)?",
                self._season,
            ),
            rule(
                "relative_unit",
                rf"\b{mod}(?:the\s+)?{direction}(?P<unit>week|weekend|month|quarter|year|decade|century)\b",
                self._relative_unit,
            ),
            rule(
                "anaphoric_unit",
                r"\b(?:the\s+)?(?P<dir>next|following|previous|preceding|prior|same|that)\s+"
                r"(?P<unit>day|morning|night|week|weekend|month|year)\b",
                self._anaphoric_unit,
            ),
            rule(
                "day_before_after",
                r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<rel>before|after)(?!\s+\w+day\b)",
                self._day_before_after,
            ),
            rule(
                "deictic_day",
                rf"\b(?:(?P<mod>early|late|later|earlier)\s+)?(?P<word>the\s+day\s+before\s+yesterday|"
                rf"the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight)(?:'s)?"
                rf"(?:\s+(?P<part>{parts}))?\b",
                self._deictic_day,
            ),
            rule(
                "this_part_of_day",
                rf"\b(?P<dir>this|last|tomorrow)\s+(?P<part>{parts})\b",
                self._this_part_of_day,
            ),
            rule(
                "weekday",
                rf"\b{mod}(?:(?P<dir>last|next|this|coming|past)\s+)?(?P<wd>{weekday})"
                rf"(?!\w)(?:'s)?(?:\s+(?P<part>{parts}))?\b",
                self._weekday,
            ),
            rule(
                "offset",
                rf"\b(?:(?P<approx>about|around|nearly|almost|some|roughly|more\s+than|less\s+than)\s+)?"
                rf"(?P<num>{num}|{vague_num})[\s-]+(?P<unit>{day_units})(?:\s+or\s+so)?\s+"
                r"(?P<rel>ago|earlier|later|before|after|from\s+now|hence|previously|prior)\b"
                r"(?!\s+(?:the|that|his|her|their|its|a|an)\b)",
                self._offset,
            ),
            rule(
                "offset_adjective",
                r"\b(?P<unit>year|month|week|day|quarter)-(?P<rel>earlier|ago)\b",
                self._offset_adjective,
            ),
            rule(
                "duration",
                rf"\b(?:(?P<dir>the\s+(?:past|last|next|coming|previous|following|first|final))\s+)?"
                rf"(?:(?P<approx>about|around|nearly|almost|some|roughly|more\s+than|less\s+than|at\s+least|up\s+to)\s+)?"
                rf"(?P<num>{num}|{vague_num})[\s-]+(?P<unit>{units})\b(?!-old|\s+old\b|-olds?\b)",
                self._duration,
            ),
            rule(
                "recent_units",
                r"\b(?P<pre>recent|the\s+past|the\s+last|the\s+coming|coming)\s+"
                r"(?P<unit>days|weeks|months|years|decades)\b",
                self._recent_units,
            ),
            rule(
                "vague",
                r"(?<!\w)(?:"
                + "|".join(
                    rf"(?P<{name}>{_alternation(words)})"
                    for name, words in (
                        ("present", lang.PRESENT_WORDS),
                        ("past", lang.PAST_WORDS),
                        ("future", lang.FUTURE_WORDS),
                    )
                )
                + r")(?!\w)",
                self._vague,
            ),
            rule(
                "set_every",
                rf"\b(?P<q>every|each)\s+(?:other\s+)?(?P<target>{weekday}|{month}|"
                rf"{_alternation(self.units)}|{parts})\b",
                self._set_every,
            ),
            rule(
                "set_frequency",
                r"\b(?P<word>" + _alternation(lang.FREQUENCY_WORDS) + r")\b",
                self._set_frequency,
            ),
            rule(
                "set_plural_weekday",
                rf"\b(?:on\s+)?(?P<wd>{_alternation(w + 's' for w in weekday_full)})\b",
                self._set_plural_weekday,
            ),
            rule(
                "set_times_per",
                r"\b(?P<count>once|twice|three\s+times|\d+\s+times)\s+(?:a|per|each|every)\s+"
                r"(?P<unit>day|week|month|year)\b",
                self._set_times_per,
            ),
            rule(
                "clock_time",
                r"\b(?P<h>1[0-2]|0?[1-9])"
                r"(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)"
                r"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC|BST|CET|CEST))?",
                self._clock_time,
            ),
            rule(
                "clock_24h",
                r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<min>[0-5]\d)\s*(?P<tz>GMT|UTC|[ECMP][SD]T|BST|CET|CEST)\b",
                self._clock_time,
            ),
            rule(
                "noon_midnight",
                rf"\b(?P<word>noon|midday|midnight)(?:\s+(?P<wd>{weekday}))?\b",
                self._noon_midnight,
            ),
        ]

    # -- handlers -------------------------------------------------------------------

    @staticmethod
    def _mod(m: re.Match) -> str:
        word = (m.groupdict().get("mod") or "").lower()
        if not word:
            return ""
        if word.startswith(
            ("early", "start", "beginning", "the start", "the beginning", "the first")
        ):
            return "START"
        if word.startswith(("earlier",)):
            return "START"
        if word.startswith(("mid", "middle", "the middle")):
            return "MID"
        if word.startswith(("late", "later", "end", "the end", "close", "the close", "the last")):
            return "END"
        return ""

    @staticmethod
    def _direction(word: str | None) -> int | None:
        word = (word or "").lower()
        if word in ("last", "past", "previous", "preceding", "prior"):
            return PAST
        if word in ("next", "coming", "upcoming", "following"):
            return NEXT
        if word in ("this", "current"):
            return THIS
        return None

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
        order = getattr(self.lang, "DATE_ORDER", "MDY")
        month, day = (a, b) if order == "MDY" else (b, a)
        if month > 12 and day <= 12:  # "25/12/2024" can only be day first
            month, day = day, month
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return CalendarDate("day", year, month, day)

    def _month_ok(self, m: re.Match, text: str) -> bool:
        """Reject month words that are ordinary words here ("may" the verb, "march" the noun)."""
        word = m["month"]
        return word[0].isupper() or word.lower().rstrip(".") not in self.lang.AMBIGUOUS_MONTHS

    def _month_day(self, m: re.Match, text: str) -> Reading | None:
        if not self._month_ok(m, text):
            return None
        year = int(m["year"]) if m["year"] else None
        return CalendarDate("day", year, self.month(m["month"]), int(m["day"]), mod=self._mod(m))

    def _day_month(self, m: re.Match, text: str) -> Reading | None:
        if not self._month_ok(m, text):
            return None
        year = int(m["year"]) if m["year"] else None
        return CalendarDate("day", year, self.month(m["month"]), int(m["day"]))

    def _month_year(self, m: re.Match, text: str) -> Reading | None:
        if not self._month_ok(m, text):
            return None
        return CalendarDate("month", int(m["year"]), self.month(m["month"]), mod=self._mod(m))

    def _month_alone(self, m: re.Match, text: str) -> Reading | None:
        word = m["month"]
        key = word.lower().rstrip(".")
        if not word[0].isupper():
            return None
        if key in self.lang.AMBIGUOUS_MONTHS and not (m["dir"] or m["mod"]):
            before = text[max(0, m.start() - 12) : m.start()].lower()
            if not re.search(
                r"\b(?:in|since|until|till|by|from|through|during|before|after|of|to|and|"
                r"between|early|late|mid|last|next|this|since\s+early)\s*$",
                before,
            ):
                return None
            if key == "may" and re.match(r"\s+(?:be|have|not|also|still|well)\b", text[m.end() :]):
                return None
        return CalendarDate(
            "month", None, self.month(word), direction=self._direction(m["dir"]), mod=self._mod(m)
        )

    def _year(self, m: re.Match, text: str) -> Reading | None:
        after = text[m.end() : m.end() + 24].lower()
        if re.match(
            r"\s*(?:" + "|".join(re.escape(u) for u in self.lang.NON_DATE_UNITS) + r")\b", after
        ):
            return None
        before = text[max(0, m.start() - 12) : m.start()]
        if re.search(
            r"(?:[$€£#]|\bNo\.?|\bnumber|\bmodel|\bflight|\broute)\s*$", before, re.IGNORECASE
        ):
            return None
        if (
            not m["fiscal"]
            and re.match(r"\s*(?:-|to|and)\s*\d{1,3}\b(?!\s*\d)", after)
            and not re.match(r"\s*(?:-|to|and)\s*(?:1[5-9]|20)\d\d", after)
        ):
            return None  # a score or a count range ("1998-3", "1500 to 600"), not a year
        return CalendarDate("year", int(m["year"]), mod=self._mod(m))

    def _decade(self, m: re.Match, text: str) -> Reading | None:
        if m["decade"]:
            start = int(m["decade"])
        else:
            short = int(m["short"])
            start = (1900 if short >= 30 else 2000) + short
        return CalendarDate("decade", start, mod=self._mod(m))

    def _century(self, m: re.Match, text: str) -> Reading | None:
        ordinal = m["ord"].lower()
        number = (
            int(re.match(r"\d+", ordinal).group())
            if ordinal[0].isdigit()
            else self.ordinals[ordinal]
        )
        mod = {"early": "START", "mid": "MID", "late": "END"}.get(
            (m["mod2"] or "").strip().lower(), ""
        )
        return CalendarDate("century", (number - 1) * 100, mod=mod)

    _QUARTER: ClassVar[dict[str, int]] = {
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "1st": 1,
        "2nd": 2,
        "3rd": 3,
        "4th": 4,
    }

    def _quarter(self, m: re.Match, text: str) -> Reading | None:
        q = self._QUARTER[m["q"].lower()]
        if m["year"]:
            return CalendarDate("quarter", int(m["year"]), index=q)
        rel = (m["rel"] or "").lower()
        direction = self._direction(m["dir"])
        if rel:
            return CalendarDate(
                "quarter", None, index=q, direction={"this": THIS, "last": PAST, "next": NEXT}[rel]
            )
        return CalendarDate("quarter", None, index=q, direction=direction)

    def _q_quarter(self, m: re.Match, text: str) -> Reading | None:
        q = int(m["q"])
        if m["year"]:
            return CalendarDate("quarter", int(m["year"]), index=q)
        if m["yy"]:
            return CalendarDate("quarter", 2000 + int(m["yy"]), index=q)
        return CalendarDate("quarter", None, index=q)

    def _half(self, m: re.Match, text: str) -> Reading | None:
        h = 1 if m["h"].lower() in ("first", "1st") else 2
        if m["year"]:
            return CalendarDate("half", int(m["year"]), index=h)
        rel = (m["rel"] or "this").lower()
        return CalendarDate(
            "half", None, index=h, direction={"this": THIS, "last": PAST, "next": NEXT}[rel]
        )

    def _season(self, m: re.Match, text: str) -> Reading | None:
        word = m["season"].lower()
        code = self.lang.SEASONS[word]
        if word == "fall" and not (m["dir"] or m["year"] or m["mod"]):
            before = text[max(0, m.start() - 8) : m.start()].lower()
            if not re.search(r"\b(?:the|this|last|next)\s*$", before):
                return None
        year = int(m["year"]) if m["year"] else None
        return CalendarDate(
            "season", year, index=code, direction=self._direction(m["dir"]), mod=self._mod(m)
        )

    def _relative_unit(self, m: re.Match, text: str) -> Reading | None:
        unit = m["unit"].lower()
        direction = self._direction(m["dir"])
        offset = {PAST: -1, NEXT: 1, THIS: 0}[direction if direction is not None else THIS]
        return RelativeRef(unit, offset, unit, mod=self._mod(m))

    def _anaphoric_unit(self, m: re.Match, text: str) -> Reading | None:
        word = m["dir"].lower()
        unit = m["unit"].lower()
        time = ""
        if unit in ("morning", "night"):
            time = self.lang.PARTS_OF_DAY[unit]
            unit = "day"
        offset = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(
            word, 0
        )
        return RelativeRef(unit, offset, unit, anaphoric=True, time=time)

    def _day_before_after(self, m: re.Match, text: str) -> Reading | None:
        unit = m["unit"].lower()
        return RelativeRef(unit, -1 if m["rel"].lower() == "before" else 1, unit, anaphoric=True)

    def _deictic_day(self, m: re.Match, text: str) -> Reading | None:
        word = re.sub(r"\s+", " ", m["word"].lower())
        offset = {
            "today": 0,
            "tonight": 0,
            "yesterday": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }[word]
        part = (m["part"] or "").lower()
        time = self.lang.PARTS_OF_DAY.get(part, "NI" if word == "tonight" else "")
        return RelativeRef("day", offset, "day", time=time, mod=self._mod_word(m["mod"]))

    @staticmethod
    def _mod_word(word: str | None) -> str:
        word = (word or "").lower()
        return {"early": "START", "earlier": "START", "late": "END", "later": "END"}.get(word, "")

    def _this_part_of_day(self, m: re.Match, text: str) -> Reading | None:
        word = m["dir"].lower()
        time = self.lang.PARTS_OF_DAY[m["part"].lower()]
        offset = {"this": 0, "last": -1, "tomorrow": 1}[word]
        if word == "last" and time != "NI":
            return None
        return RelativeRef("day", offset, "day", time=time)

    def _weekday(self, m: re.Match, text: str) -> Reading | None:
        part = (m["part"] or "").lower()
        time = self.lang.PARTS_OF_DAY.get(part, "")
        direction = self._direction(m["dir"])
        return WeekdayRef(self.weekday(m["wd"]), direction, time=time, mod=self._mod(m))

    def _offset(self, m: re.Match, text: str) -> Reading | None:
        unit = self._unit_name(m["unit"])
        amount = self.number(m["num"])
        rel = re.sub(r"\s+", " ", m["rel"].lower())
        sign = -1 if rel in ("ago", "earlier", "before", "previously", "prior") else 1
        anaphoric = rel not in ("ago", "from now", "hence")
        if amount is None:
            return VagueRef("PAST_REF" if sign < 0 else "FUTURE_REF")
        if unit == "hour":
            return None  # "two hours later": the same day; not worth a date of its own
        granularity = {"night": "day", "fortnight": "week"}.get(unit, unit)
        step = (
            unit if unit not in ("night", "fortnight") else ("day" if unit == "night" else "week")
        )
        count = int(amount) * (2 if unit == "fortnight" else 1)
        if amount != int(amount):
            return None
        return RelativeRef(step, sign * count, granularity, anaphoric=anaphoric)

    def _unit_name(self, word: str) -> str:
        key = word.lower()
        return self.units.get(key, self.units.get(key.rstrip("s"), key))

    def _offset_adjective(self, m: re.Match, text: str) -> Reading | None:
        unit = m["unit"].lower()
        return RelativeRef(unit, -1, unit, anaphoric=True)

    def _duration(self, m: re.Match, text: str) -> Reading | None:
        unit = self._unit_name(m["unit"])
        amount = self.number(m["num"])
        word = re.sub(r"\s+", " ", (m["dir"] or "").lower())
        direction = None
        if word.endswith(("past", "last", "previous")):
            direction = PAST
        elif word.endswith(("next", "coming", "following")):
            direction = NEXT
        approx = re.sub(r"\s+", " ", (m["approx"] or "").lower())
        mod = {
            "about": "APPROX",
            "around": "APPROX",
            "roughly": "APPROX",
            "some": "APPROX",
            "nearly": "LESS_THAN",
            "almost": "LESS_THAN",
            "less than": "LESS_THAN",
            "more than": "MORE_THAN",
            "at least": "EQUAL_OR_MORE",
            "up to": "EQUAL_OR_LESS",
        }.get(approx, "")
        return DurationRef(amount, unit, direction, mod)

    def _recent_units(self, m: re.Match, text: str) -> Reading | None:
        unit = self._unit_name(m["unit"])
        pre = re.sub(r"\s+", " ", m["pre"].lower())
        direction = NEXT if "coming" in pre else PAST
        return DurationRef(None, unit, direction)

    def _vague(self, m: re.Match, text: str) -> Reading | None:
        if m["present"]:
            word = m["present"].lower()
            if word == "current" and not re.match(
                r"\s+(?:year|month|week|quarter|period|term|season|crisis|situation|level|levels|rate|state|conditions|government|administration|leadership)",
                text[m.end() : m.end() + 16],
                re.IGNORECASE,
            ):
                return None
            return VagueRef("PRESENT_REF")
        if m["past"]:
            word = m["past"].lower()
            if word == "once" and not re.match(
                r"\s+(?:a|an|the)?\s*\w+(?:ed|was|were)\b", text[m.end() : m.end() + 20]
            ):
                return None
            if word == "earlier" and re.match(
                r"\s+(?:this|that|in|on|last|today|than)\b",
                text[m.end() : m.end() + 8],
                re.IGNORECASE,
            ):
                return None
            return VagueRef("PAST_REF")
        word = m["future"].lower()
        if word == "later" and re.match(
            r"\s+(?:this|that|in|on|today|than)\b", text[m.end() : m.end() + 8], re.IGNORECASE
        ):
            return None
        return VagueRef("FUTURE_REF")

    def _set_every(self, m: re.Match, text: str) -> Reading | None:
        target = m["target"].lower().rstrip(".")
        other = "other" in m.group().lower()
        if target in self.weekdays:
            return SetRef(f"XXXX-WXX-{self.weekdays[target]}", "EVERY")
        if target in self.months:
            return SetRef(f"XXXX-{self.months[target]:02d}", "EVERY")
        if target in self.lang.PARTS_OF_DAY:
            return SetRef(f"XXXX-XX-XXT{self.lang.PARTS_OF_DAY[target]}", "EVERY")
        return SetRef(duration_value(2 if other else 1, self._unit_name(target)), "EVERY")

    def _set_frequency(self, m: re.Match, text: str) -> Reading | None:
        return SetRef(self.lang.FREQUENCY_WORDS[m["word"].lower()])

    def _set_plural_weekday(self, m: re.Match, text: str) -> Reading | None:
        if not m["wd"][0].isupper():
            return None
        return SetRef(f"XXXX-WXX-{self.weekday(m['wd'][:-1])}")

    def _set_times_per(self, m: re.Match, text: str) -> Reading | None:
        return SetRef(duration_value(1, m["unit"].lower()))

    def _clock_time(self, m: re.Match, text: str) -> Reading | None:
        hour = int(m["h"])
        minute = int(m["min"] or 0)
        ampm = (m.groupdict().get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        return RelativeRef("day", 0, "day", time=f"{hour:02d}:{minute:02d}")

    def _noon_midnight(self, m: re.Match, text: str) -> Reading | None:
        word = m["word"].lower()
        time = "12:00" if word in ("noon", "midday") else "24:00"
        if m["wd"]:
            return WeekdayRef(self.weekday(m["wd"]), None, time=time)
        return RelativeRef("day", 0, "day", time=time)


@cache
def grammar(language: str = "en") -> Grammar:
    """The compiled grammar of a language (built once per process)."""
    return Grammar(language_data(language))
