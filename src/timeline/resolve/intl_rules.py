"""The rule table of the grammar of languages other than English (`timeline.resolve.intl`).

The same kinds of expression as the English grammar, written in the word orders these
languages share: a day before its month ("15 de enero de 2011", "le 15 janvier", "15.
Januar", "15 січня 2011 року"), directions before or after their noun ("el viernes
pasado", "la semaine dernière", "letzte Woche", "минулого тижня"), "ago" before or after
its count ("hace dos semanas", "tre giorni fa", "два тижні тому"). Every word comes from
the language's module in `timeline.lang`; a language leaves a slot empty when it has no
such words. Each rule waits for a cheap trigger, as in the English grammar.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from timeline.lang import common
from timeline.resolve.rules import Rule

_DIGITS_TRIGGER = "digit"


def words(items: Iterable[str]) -> str:
    """An alternation of `items`, longest first: spaces match any whitespace, an
    apostrophe either apostrophe; a word ending in an apostrophe needs no space after it."""
    ordered = sorted({w.lower() for w in items if w}, key=len, reverse=True)
    if not ordered:
        return common.NEVER
    out = []
    for w in ordered:
        piece = re.escape(w).replace(r"\ ", r"\s+")
        piece = re.sub("['’ʼ]", "['’ʼ]", piece)
        out.append(piece)
    return "(?:" + "|".join(out) + ")"


def spaced(items: Iterable[str]) -> str:
    """`words(items)` followed by a space, or nothing after an apostrophe ("l'", "quest'")."""
    return rf"{words(items)}(?:(?<=['’ʼ])|\s+)"


_ROMAN = r"(?=[IVX])(?-i:X{0,2}(?:IX|IV|V?I{0,3}))"
_B = r"(?<![\w'’ʼ])"  # a word starts here
_E = r"(?![\w'’ʼ])"  # a word ends here


class IntlRuleTable:
    """The rules (`_build`) and triggers (`_build_triggers`) of `IntlGrammar`."""

    def _build(self) -> list[Rule]:
        lang = self.lang
        art = rf"(?:{spaced(lang.ARTICLES)})?"
        month = rf"(?P<month>{words(lang.MONTHS)}{_E}|{words(lang.MONTH_ABBREVIATIONS)}\.?{_E})"
        full_month = rf"(?P<month>{words(lang.MONTHS)}){_E}"
        weekday = rf"(?P<wd>{words(lang.WEEKDAYS)}){_E}"
        suffix = lang.DAY_SUFFIX
        day = rf"(?P<day>[12]\d|3[01]|0?[1-9]){suffix}"
        day_word = rf"(?P<dayword>{words(lang.DAY_WORDS)})"
        year = r"(?P<year>1\d{3}|20\d\d)(?![\d,.]\d)"
        year_after = rf"(?:\s*{words(lang.YEAR_AFTER)}(?:(?<=\.)|{_E}))?"
        bc = rf"(?P<bc>{lang.BC_AFTER})"
        ad = rf"(?:\s*(?:{lang.AD_AFTER}))?"
        link_dm, link_my = lang.DAY_MONTH_LINK, lang.MONTH_YEAR_LINK
        numbers = words(lang.NUMBER_WORDS)
        num = rf"(?:\d+(?:[.,]\d+)?|{numbers}(?:\s+{words((lang.NUMBER_JOINER,))}\s+{numbers})?)"
        vague = words(lang.VAGUE_QUANTITIES)
        units = words(lang.UNITS)
        parts = words(lang.PARTS_OF_DAY)
        seasons = words(lang.SEASONS)
        ordinal_suffix = rf"(?:{suffix}|\.|e|er|ème|º|°|-?[^\W\d]{{1,3}})?"
        ordinal = rf"(?P<ord>{words(lang.ORDINALS)}|\d{{1,2}}{ordinal_suffix})"
        direction_b = rf"(?:(?P<dirb>{words(lang.DIRECTIONS_BEFORE)})(?:(?<=['’ʼ])|\s+))"
        direction_a = rf"(?:\s+(?P<dira>{words(lang.DIRECTIONS_AFTER)}){_E})"
        ana_b = rf"(?:(?P<anab>{words(lang.ANAPHORIC_BEFORE)})\s+)"
        ana_a = rf"(?:\s+(?P<anaa>{words(lang.ANAPHORIC_AFTER)}){_E})"
        mods = rf"(?:(?:{words(lang.MOD_LEADS)})\s+)?(?P<mod>{words(lang.MODS)})\s*"
        mod = rf"(?:{mods})?"
        approx = rf"(?:(?P<approx>{words(lang.APPROX)})\s+)?"
        part_link = rf"(?:\s*,?\s*(?:{words(lang.PART_LINKS)}\s+)?(?P<part>{parts}){_E})"
        # two digits followed by what they count are no year ("le 10 novembre 93 personnes")
        counted = (
            rf"(?!{self._non_date_after.pattern})"
            rf"(?!(?-i:{getattr(lang, 'COUNTED_NOUN_AFTER', common.NEVER)}))"
        )
        year_units = [w for w, u in lang.UNITS.items() if u == "year"]
        rel_year = (
            rf"(?P<ry>{art}(?:{direction_b}|(?P<anay>{words(lang.ANAPHORIC_BEFORE)})\s+)?"
            rf"{words(year_units)}{_E}(?:{direction_a})?)"
        )
        deictic = words([*lang.DEICTIC_DAYS, *lang.DEICTIC_PARTS])
        this_words = [w for w, d in lang.DIRECTIONS_BEFORE.items() if d == 0]
        clock_hours = words(lang.CLOCK_HOUR_WORDS)
        zones = common.ZONES
        clock = (
            rf"(?:(?P<pre>{words(lang.CLOCK_BEFORE)})\s+)?"
            rf"(?P<h>[01]?\d|2[0-4]|{words(n for n, v in lang.NUMBER_WORDS.items() if v <= 12)})"
            rf"(?:(?P<sep>\s?h\s?|[:.])(?P<min>[0-5]\d))?(?!\d|[.,]\d)"
            rf"(?:\s*(?P<hw>{clock_hours}){_E}(?:\s*(?P<min2>[0-5]\d){_E})?)?"
            rf"(?:\s+(?P<half>{words(lang.CLOCK_HALVES)}){_E})?"
            rf"(?:\s+(?P<local>{words(lang.CLOCK_LOCAL)}){_E})?"
            rf"(?:\s*\(?\s*(?P<tz>{zones})\b)?"
        )

        def rule(name: str, pattern: str, handler, trigger: str | None) -> Rule:
            return Rule(name, re.compile(pattern, re.IGNORECASE), handler, trigger)

        return [
            rule("iso_date",
                 r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2}))?\b",
                 self._iso_date, _DIGITS_TRIGGER),
            rule("numeric_date",
                 r"(?<![\d/.,-])(?P<d>[12]\d|3[01]|0?[1-9])(?P<s>[./-])(?P<m>1[0-2]|0?[1-9])(?P=s)"
                 r"(?P<y>\d{4}|\d{2})(?![\d/]|[.,]\d)",
                 self._numeric_date, _DIGITS_TRIGGER),
            rule("day_range",
                 rf"{_B}(?:{words(lang.RANGE_OPENERS)}\s+)?(?P<d1>[12]\d|3[01]|0?[1-9]){suffix}"
                 rf"(?:\s*[-–—]\s*|\s+{words(lang.RANGE_JOINERS)}\s+)(?:{art})?"
                 rf"(?P<d2>[12]\d|3[01]|0?[1-9]){suffix}{link_dm}{month}"
                 rf"(?:{link_my}{year}{year_after})?",
                 self._day_range, "month"),
            rule("day_month",
                 rf"{_B}(?:{weekday},?\s+(?:{words(lang.ARTICLES)}\s+)?)?{art}"
                 rf"(?:(?P<dpre>{words(lang.DIRECTIONS_BEFORE)})\s+)?"
                 rf"(?P<daypart>(?:{words(lang.DAY_NOUN)}\s+)?(?:{day}|{day_word}))(?<!\d\d\d)"
                 rf"{link_dm}{month}"
                 rf"(?:(?:{link_my}{year}{year_after}(?:\s*(?:{bc}){_E})?{ad})"
                 rf"|{link_my}{rel_year}|\s+(?P<dday>{words(lang.DIRECTIONS_AFTER)}){_E}"
                 rf"|\s+['’]?(?P<yy>\d\d)(?![\d.,:]){counted})?",
                 self._day_month, "month"),
            rule("day_noun",
                 rf"{_B}{art}(?:(?P<dpre>{words(lang.DIRECTIONS_BEFORE)})\s+)?"
                 rf"{words(lang.DAY_NOUN)}\s+(?P<day>[12]\d|3[01]|0?[1-9]){_E}"
                 rf"(?!\s*(?:[.,:]\d|%|{words(lang.NON_DATE_UNITS)}))",
                 self._day_noun, _DIGITS_TRIGGER),
            rule("part_of_date",
                 rf"{_B}(?:{words(lang.PART_ARTICLES)}\s+|{art})?(?P<part>{parts})\s+"
                 rf"{words(lang.PART_OF_LINKS)}\s+{art}(?P<first>{day})"
                 rf"(?:\s+{words(lang.PART_OF_DAY_JOINERS)}\s+{art}"
                 rf"(?P<day2>[12]\d|3[01]|0?[1-9]){suffix})?{link_dm}{month}"
                 rf"(?:{link_my}{year}{year_after})?",
                 self._part_of_date, "month"),
            rule("month_year",
                 rf"{_B}{mod}{art}(?:{words(lang.MONTH_NOUNS)}\s+)?{month}"
                 rf"(?:{link_my}{year}{year_after}|\s+['’ʼ]?(?P<yy>\d\d)(?![\d.,:]){counted})",
                 self._month_year, "month"),
            rule("month_relative_year",
                 rf"{_B}{mod}{art}(?:{words(lang.MONTH_NOUNS)}\s+)?{full_month}{link_my}{rel_year}",
                 self._month_relative_year, "month"),
            rule("month",
                 rf"{_B}{mod}{art}(?:{direction_b}|{ana_b})?(?:{words(lang.MONTH_NOUNS)}\s+)?"
                 rf"{full_month}(?:{direction_a}|{ana_a})?",
                 self._month_alone, "month"),
            rule("year",
                 rf"(?<![\w$€£#.,/-]){mod}(?:(?P<pre>{words(lang.YEAR_BEFORE)})\s+|{art})?"
                 rf"{year}(?!\w|%|[-/–]\d|\.\d|,\d){year_after}(?:\s*(?:{bc}){_E}|{ad})",
                 self._year, _DIGITS_TRIGGER),
            rule("bc_year",
                 rf"(?<![\w$€£#.,/-]){mod}(?P<year>\d{{1,4}})\s*(?:{bc}){_E}",
                 self._bc_year, _DIGITS_TRIGGER),
            rule("year_range",
                 r"(?<![\w$€£#.,/-])(?P<y1>1\d{3}|20\d\d)\s*[-–—/]\s*(?P<y2>1\d{3}|20\d\d|\d\d)"
                 r"(?![\w%]|[.,]\d)",
                 self._year_range, _DIGITS_TRIGGER),
            rule("decade",
                 rf"{_B}{mod}(?:{'|'.join(f'(?:{p})' for p in self._decade_patterns())})",
                 self._decade, "digit_or_decade"),
            rule("century",
                 rf"{_B}{mod}{art}(?:{words(lang.CENTURY_WORDS)}\s+(?P<num>{_ROMAN}|\d{{1,2}})"
                 rf"(?:[^\W\d]{{0,3}})|(?P<num2>{_ROMAN}|\d{{1,2}})(?:\.|e|er|ème|-?[^\W\d]{{1,3}})?"
                 rf"\s+{words(lang.CENTURY_WORDS)}|(?P<named>{words(lang.CENTURY_NAMES)})"
                 rf"|(?P<ordw>{words(lang.ORDINALS)})\s+{words(lang.CENTURY_WORDS)}){_E}"
                 rf"(?:\s*(?:{bc}){_E})?",
                 self._century, "century"),
            rule("quarter",
                 rf"{_B}{art}{ordinal}\s+(?P<unit>{words(lang.QUARTER_WORDS)}|{words(lang.HALF_WORDS)})"
                 rf"{_E}(?:{link_my}(?:{art})?(?:{words(year_units)}\s+)?{year}|{link_my}{rel_year})?",
                 self._quarter, "quarter"),
            rule("season",
                 rf"{_B}{mod}{art}(?:{direction_b}|{ana_b})?(?P<season>{seasons}){_E}"
                 rf"(?:{direction_a}|{ana_a}|{link_my}(?:{art})?{year}{year_after})?",
                 self._season, "season"),
            rule("deictic_day",
                 rf"{_B}(?P<word>{deictic}){_E}(?:{part_link})?(?:\s*,?\s*{weekday})?",
                 self._deictic_day, "deictic"),
            rule("this_part_of_day",
                 rf"{_B}(?:(?P<this>{words(this_words)})(?:(?<=['’ʼ])|\s+)(?P<part>{parts})"
                 rf"|{art}(?P<part2>{parts})(?:\s+(?P<dira>{words(lang.DIRECTIONS_AFTER)})))"
                 rf"{_E}",
                 self._this_part_of_day, "part"),
            rule("part_of_day",
                 rf"{_B}(?P<span>(?:{words(lang.PART_ARTICLES)})\s+(?P<part>{parts})){_E}"
                 rf"(?!\s+(?:{words(lang.PART_LINKS)}\s+)?(?:{deictic}|{words(lang.WEEKDAYS)}))",
                 self._part_of_day, "part"),
            rule("weekday",
                 rf"{_B}{art}(?:{direction_b}|{ana_b})?{weekday}(?:{direction_a}|{ana_a})?"
                 rf"(?:{part_link})?",
                 self._weekday, "weekday"),
            rule("part_of_weekday",
                 rf"{_B}{art}(?P<part>{parts})\s+{words(lang.PART_OF_LINKS)}\s+{art}"
                 rf"(?:{direction_b})?{weekday}(?:{direction_a})?",
                 self._weekday, "weekday"),
            rule("weekday_compound",
                 rf"{_B}{art}(?:{direction_b})?(?P<compound>{words(lang.WEEKDAY_PARTS)}){_E}",
                 self._weekday_compound, "weekday"),
            rule("relative_unit",
                 rf"{_B}{mod}{art}(?:{direction_b}|{ana_b})?(?P<unit>{units}){_E}"
                 rf"(?:{direction_a}|{ana_a})?",
                 self._relative_unit, "unit"),
            rule("deictic_unit",
                 rf"{_B}(?P<word>{words(lang.DEICTIC_UNITS)}){_E}(?:\s+{year})?",
                 self._deictic_unit, "deictic_unit"),
            rule("anaphoric_day",
                 rf"{_B}(?P<word>{words(lang.ANAPHORIC_DAYS)}){_E}",
                 self._anaphoric_day, "anaphoric_day"),
            rule("offset",
                 rf"{_B}(?:(?P<ago>{words(lang.AGO_BEFORE)})|(?P<fwd>{words(lang.FORWARD_BEFORE)})"
                 rf"|(?P<later>{words(lang.LATER_BEFORE)}))\s+{approx}(?P<num>{num}|{vague})\s+"
                 rf"(?P<unit>{units}){_E}(?:\s+(?P<half>{words(lang.HALF_AFTER)}){_E})?",
                 self._offset, "unit"),
            rule("offset_after",
                 rf"{_B}{approx}(?:(?P<num>{num}|{vague})\s+)?(?P<unit>{units})"
                 rf"(?:\s+(?P<half>{words(lang.HALF_AFTER)}))?\s+(?:(?P<ago2>{words(lang.AGO_AFTER)})"
                 rf"|(?P<rel>{words(lang.LATER_AFTER)}|{words(lang.EARLIER_AFTER)})){_E}",
                 self._offset, "unit"),
            rule("duration",
                 rf"{_B}(?:(?P<dir>{words(lang.LAST_UNITS)}|{words(lang.NEXT_UNITS)})\s+)?"
                 rf"{approx}(?P<num>{num}|{vague})\s+(?P<unit>{units}){_E}"
                 rf"(?:\s+(?P<half>{words(lang.HALF_AFTER)}){_E})?"
                 rf"(?:\s+(?P<more>{words(lang.MORE_AFTER)}){_E})?",
                 self._duration, "unit"),
            rule("vague_duration",
                 rf"{_B}(?P<dir>{words(lang.LAST_UNITS)}|{words(lang.NEXT_UNITS)})\s+(?P<unit>{units}){_E}",
                 self._vague_duration, "unit"),
            rule("bare_plural_duration",
                 rf"{_B}(?:{words(lang.BARE_PLURAL_BEFORE)})\s+(?P<span>(?P<unit>{units})){_E}",
                 self._bare_plural_duration, "unit"),
            rule("set_each",
                 rf"{_B}(?P<q>{words(lang.SET_EACH)})\s+(?:(?P<num>\d+|{numbers})\s+)?"
                 rf"(?P<target>{units}|{words(lang.WEEKDAYS)}|{parts}){_E}",
                 self._set_each, "set"),
            rule("set_per",
                 rf"{_B}(?P<span>(?:{words(lang.SET_PER)})\s+(?P<unit>{units})){_E}",
                 self._set_per, "unit"),
            rule("set_plural_weekday",
                 rf"{_B}(?P<wdp>{words(lang.WEEKDAY_PLURALS)}){_E}",
                 self._set_plural_weekday, "weekday"),
            rule("set_frequency",
                 rf"{_B}(?P<word>{words(lang.FREQUENCY_WORDS)}){_E}",
                 self._set_frequency, "frequency"),
            rule("clock", rf"{_B}{clock}", self._clock, _DIGITS_TRIGGER),
            rule("clock_words", rf"{_B}{clock}", self._clock, "clock_words"),
            rule("noon_midnight",
                 rf"{_B}(?:{words(lang.CLOCK_BEFORE)}\s+|{art})?(?P<word>{words(lang.NOON)}|"
                 rf"{words(lang.MIDNIGHT)}){_E}",
                 self._noon_midnight, "noon"),
            rule("holiday",
                 rf"{_B}{art}(?:{direction_b})?(?P<name>{words(lang.HOLIDAYS)}){_E}"
                 rf"(?:{link_my}{year})?",
                 self._holiday, "holiday"),
            rule("vague",
                 rf"{_B}(?:(?P<present>{words(lang.PRESENT_WORDS)})|(?P<past>{words(lang.PAST_WORDS)})"
                 rf"|(?P<future>{words(lang.FUTURE_WORDS)})|(?P<soon>{words(lang.SOON_WORDS)})"
                 rf"|(?P<npresent>{words(lang.NARRATIVE_PRESENT)})|(?P<npast>{words(lang.NARRATIVE_PAST)})"
                 rf"|(?P<nfuture>{words(lang.NARRATIVE_FUTURE)})){_E}",
                 self._vague, "vague"),
            rule("vague_adjective",
                 rf"{_B}(?P<adj>{words(lang.VAGUE_ADJECTIVES)}){_E}",
                 self._vague_adjective, "vague_adjective"),
        ]  # fmt: skip

    def _decade_patterns(self) -> list[str]:
        lang = self.lang
        fill = {
            "full": r"(?P<full>1\d\d0|20\d0)",
            "short": r"['’ʼ]?(?P<short>[1-9]0)(?!\d)",
            "word": rf"(?P<word>{words(lang.DECADE_WORDS)})",
        }
        out = []
        for i, template in enumerate(lang.DECADE_PATTERNS):
            # the same group names may not repeat: number them by pattern
            pattern = template.format(**fill)
            pattern = re.sub(r"\(\?P<(full|short|word)>", rf"(?P<\g<1>{i}>", pattern)
            out.append(pattern)
        return out or [common.NEVER]

    def _build_triggers(self) -> dict[str, re.Pattern | frozenset[str]]:
        """What a rule's matches contain: a digit, or one of a few words (looked up word
        by word in `word_hits`)."""
        lang = self.lang

        def listed(items: Iterable[str]) -> frozenset[str]:
            # the longest word of each phrase: a window around it holds the whole phrase
            found = set()
            for item in items:
                pieces = re.findall(r"[^\W_]+", item.lower())
                if pieces:
                    found.add(max(pieces, key=len))
            return frozenset(found)

        parts = [*lang.PARTS_OF_DAY, *lang.PART_ARTICLES]
        triggers: dict[str, re.Pattern | frozenset[str]] = {
            "month": listed([*lang.MONTHS, *lang.MONTH_ABBREVIATIONS]),
            "weekday": listed([*lang.WEEKDAYS, *lang.WEEKDAY_PLURALS, *lang.WEEKDAY_PARTS]),
            "decade": listed([*lang.DECADE_WORDS, *(
                w for t in lang.DECADE_PATTERNS for w in re.findall(r"[^\W\d_]{4,}", t)
            )]),
            "century": listed([*lang.CENTURY_WORDS, *lang.CENTURY_NAMES]),
            "quarter": listed([*lang.QUARTER_WORDS, *lang.HALF_WORDS]),
            "season": listed(lang.SEASONS),
            "deictic": listed([*lang.DEICTIC_DAYS, *lang.DEICTIC_PARTS]),
            "part": listed(parts),
            "unit": listed(lang.UNITS),
            "deictic_unit": listed(lang.DEICTIC_UNITS),
            "anaphoric_day": listed(lang.ANAPHORIC_DAYS),
            "set": listed(lang.SET_EACH),
            "frequency": listed(lang.FREQUENCY_WORDS),
            "clock_words": listed([*lang.CLOCK_HOUR_WORDS, *lang.CLOCK_HALVES]),
            "noon": listed([*lang.NOON, *lang.MIDNIGHT]),
            "holiday": listed(lang.HOLIDAYS),
            "vague": listed([*lang.PRESENT_WORDS, *lang.PAST_WORDS, *lang.FUTURE_WORDS,
                             *lang.SOON_WORDS, *lang.NARRATIVE_PRESENT, *lang.NARRATIVE_PAST,
                             *lang.NARRATIVE_FUTURE]),
            "vague_adjective": listed(lang.VAGUE_ADJECTIVES),
        }  # fmt: skip
        index: dict[str, list[str]] = {}
        for name, found in triggers.items():
            self.word_triggers[name] = re.compile(common.NEVER)  # looked up in `_word_index`
            for word in found:
                index.setdefault(word, []).append(name)
        self._word_index = {w: tuple(names) for w, names in index.items()}
        self.text_triggers[_DIGITS_TRIGGER] = re.compile(r"\d")
        return {
            **triggers,
            _DIGITS_TRIGGER: self.text_triggers[_DIGITS_TRIGGER],
            "digit_or_decade": (_DIGITS_TRIGGER, "decade"),  # the union of both windows
        }
