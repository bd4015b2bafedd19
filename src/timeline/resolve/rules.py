"""The rule table of the extraction grammar: every rule's pattern and trigger.

Each `Rule` finds one kind of expression with a regular expression built from language
data (`timeline.lang`) and hands its match to a handler of `timeline.resolve.grammar`
(and the clock and relative handlers it is made of), which turns it into a `Reading`.
Each rule waits for a cheap trigger pattern (`_RULE_TRIGGERS`) and runs only near its
hits. The word tables the handlers share (modifiers, directions, quarters) are here too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from timeline.resolve.readings import (
    NEXT,
    PAST,
    THIS,
    Reading,
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
    "duration": "unit", "recent_units": "unit", "duration_range": "unit",
    "bare_plural_relative": "unit", "race_time": "race_time",
    "set_every": "every", "set_frequency": "frequency", "set_plural_weekday": "weekday",
    "set_times_per": "times", "clock_time": "clock", "clock_24h": "clock24", "clock_hhmm": "hhmm",
    "noon_midnight": "noon", "clock_part_of_day": "clock_part", "vague": "vague",
    "vague_adjective": "vague_adjective",
}  # fmt: skip


# Triggers written as a regular expression that only matches inside a word, and those
# built from word lists (inside a word when every listed word is letters and digits).
_WORD_TRIGGERS = frozenset({"year", "century", "quarter", "q", "half", "long", "hhmm"})


_WORD_LIST_TRIGGERS = frozenset({
    "month", "spelled", "season", "unit", "period", "part", "holiday", "weekday", "deictic",
    "every", "frequency", "times", "noon", "vague", "vague_adjective",
})  # fmt: skip


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


class RuleTable:
    """The grammar's rules (`_build`) and their triggers (`_build_triggers`), for
    `Grammar`, whose handlers the rules name."""

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
        # a count in digits is whole: "1,000 years" is a thousand, never "000 years"
        num = (
            rf"(?:(?<![\d,.])\d{{1,3}}(?:,\d{{3}})+(?![\d,])"
            rf"|(?<![\d,.])\d+(?:\.\d+)?(?:\s+1/2|½)?|{tens}[\s-]{ones}|half\s+an?"
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
                 rf"\b{mod}(?:the\s+)?{direction}(?:fiscal\s+)?"
                 r"(?P<unit>week|month|quarter|year|decade|century)\b",
                 self._relative_unit),
            rule("weekend",
                 r"\b(?:(?P<dir>this|last|next|coming|past|the)\s+)weekend\b",
                 self._weekend),
            rule("anaphoric_unit",
                 r"\b(?:(?:the\s+)?(?P<dir>next|following|previous|preceding|prior|same)|that)\s+"
                 r"(?P<unit>day|morning|evening|night|week|weekend|month|year|decade|century)\b"
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
                 # counted from now: whatever follows ("eight years from now the city...");
                 # counted from another time: not when an event follows ("before the vote")
                 r"(?P<rel>ago\b|from\s+now\b|hence\b|(?:earlier|later|before|after|previously"
                 r"|prior)\b(?!\s+(?:the|that|this|his|her|their|its|a|an|he|she|they|it|we)\b))",
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
            rule("duration_range",
                 rf"\b(?:between|from)\s+(?P<a>{num})\s+(?:and|to)\s+(?P<b>{num})[\s-]+"
                 rf"(?P<unit>{units})\b",
                 self._duration_range),
            rule("bare_plural_relative",
                 r"(?<![\w-])(?P<span>(?P<unit>seconds|minutes|hours|days|weeks|months|years))\s+"
                 r"(?=(?:before|after|earlier|later)\b)",
                 self._bare_plural_relative),
            rule("race_time",
                 r"\b(?:in|of|clocked|time(?:d)?)\s+(?P<span>(?P<h>\d{1,2}):(?P<min>[0-5]\d):"
                 r"(?P<sec>[0-5]\d)(?:\.\d+)?)(?![\d:])",
                 self._race_time),
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
            "race_time": re.compile(r"\d:[0-5]\d:[0-5]\d"),
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
