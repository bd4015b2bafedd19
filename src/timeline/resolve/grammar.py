"""The extraction grammar: regular-expression rules built from language data.

Each rule finds one kind of expression and turns a match into a `Reading` (or rejects
it: "May" the verb, "2000 troops"). Rules never look at the calendar; anchoring is
`timeline.resolve.anchor`'s job. Patterns are compiled once per language.

`Grammar` is made of four parts: the rule table (`timeline.resolve.rules`: patterns and
triggers), the handlers of calendar dates here ("Oct. 10", "March 2024", "1998", "the
1990s", "the third quarter"), of clock times (`timeline.resolve.clock`) and of relative,
counted, vague and recurring expressions (`timeline.resolve.relative`).
"""

from __future__ import annotations

import re
from functools import cache
from types import ModuleType
from typing import ClassVar

from timeline.lang import en, language_data
from timeline.resolve.clock import ClockHandlers, _is_hhmm
from timeline.resolve.intl import IntlGrammar
from timeline.resolve.readings import (
    CalendarDate,
    DurationRef,
    HolidayRef,
    PeriodRef,
    Reading,
)
from timeline.resolve.relative import RelativeHandlers
from timeline.resolve.rules import (
    _DIRECTIONS,
    _MODS,
    _QUARTERS,
    _RELATIVE_YEAR,
    _WEEK_OF_MONTH_DAY,
    Pieces,
    RuleTable,
    _words,
    alternation,
)

# Words whose trigger hits are remembered (a long-running process must not grow forever).
_WORD_MEMO_MAX = 200_000


class Grammar(RuleTable, ClockHandlers, RelativeHandlers):
    """All rules of one language, with the word tables their handlers need."""

    PERIOD_UNITS: ClassVar[tuple[str, ...]] = ("quarter", "period", "year")
    english = True

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
            r"\s*(?:" + alternation(lang.NON_DATE_VERBS) + r")\b", re.IGNORECASE
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
            direction=self._direction(m["dir"]), limit=_limit_before(text, m.start()),
        )  # fmt: skip

    def _day_month(self, m: re.Match, text: str) -> Reading | None:
        if not self._month_ok(m):
            return None
        year = int(m["year"]) if m["year"] else None
        return CalendarDate(
            "day", year, self.month(m["month"]), int(m["day"]), limit=_limit_before(text, m.start())
        )

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
            "month", None, self.month(word), direction=self._direction(m["dir"]), mod=self._mod(m),
            limit=_limit_before(text, m.start()),
        )  # fmt: skip

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


@cache
def grammar(language: str = "en") -> Grammar | IntlGrammar:
    """The compiled grammar of a language tag ("en", "en-GB", "es"), built once per process:
    English's, or for another supported language the shared one built from its words."""
    data = language_data(language)
    if data is not en:
        return IntlGrammar(data)
    region = language.replace("_", "-").split("-")[1] if "-" in language.replace("_", "-") else ""
    return Grammar(data, region)


# A time limit: "by June", "through June", "until June 30", "no later than June"; and
# a validity said in the present ("the programme runs through June", "lasts until May").
_LIMIT_BEFORE = re.compile(r"\b(?:by|through|thru|until|till|no\s+later\s+than)\s+$", re.I)
_VALIDITY_BEFORE = re.compile(
    r"\b(?:runs|lasts|continues|extends|remains|stays|goes\s+on|(?:is|are)\s+(?:open|valid"
    r"|in\s+force|in\s+place))(?:\s+[\w'-]+){0,2}?\s+(?:through|thru|until|till|into)\s+$",
    re.I,
)


def _limit_before(text: str, start: int) -> int:
    """The time limit before the date at `start` (see `CalendarDate.limit`): 2, 1 or 0."""
    before = text[max(0, start - 60) : start]
    if _VALIDITY_BEFORE.search(before):
        return 2
    return 1 if _LIMIT_BEFORE.search(before[-20:]) else 0
