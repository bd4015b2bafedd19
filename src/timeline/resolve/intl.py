"""The grammar of Spanish, French, Italian, Portuguese, German, Ukrainian and Russian.

One grammar for all of them (`IntlGrammar`), built from each language's words
(`timeline.lang.<code>`): the rules are in `timeline.resolve.intl_rules`, the handlers
here turn a match into the same readings the English grammar gives, so that anchoring
(`timeline.resolve.anchor`), granularity, intervals and the tense rules are the same in
every language. Numeric dates are day first ("15/01/2011", "15.01.2011").
"""

from __future__ import annotations

import re
from types import ModuleType

from timeline.lang import common
from timeline.resolve.intl_rules import IntlRuleTable, words
from timeline.resolve.intl_times import IntlTimeHandlers
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
    VagueRef,
    WeekdayRef,
)
from timeline.resolve.rules import Pieces

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”«»„(\[\n—–-])\s*$")
_TIME_UNITS = ("hour", "minute", "second")


def roman(text: str) -> int:
    """ "XIX" -> 19."""
    total, previous = 0, 0
    for letter in reversed(text.upper()):
        value = _ROMAN_VALUES[letter]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total


def _direction(value: int | None) -> int | None:
    return {-1: PAST, 1: NEXT, 0: THIS}.get(value) if value is not None else None


# A capitalised word after a capitalised weekday or month: the two are a name.
_NAME_AFTER = re.compile(r"[^\S\n]+(?=[^\W\d_])")


def _capitalised_after(text: str, end: int) -> bool:
    found = _NAME_AFTER.match(text, end)
    return bool(found) and text[found.end()].isupper()


def _unit_ref(unit: str, offset: int, mod: str = "", time: str = "") -> RelativeRef:
    """A unit counted from now (or the story's date); a part of the unit the text is in
    ("Ende des Jahres", "a finales de este año", "Jahresende") stays in it: it names no
    new date for what follows to count from."""
    return RelativeRef(unit, offset, unit, mod=mod, time=time, stays=offset == 0 and bool(mod))


# Units whose start, middle or end a text names with only an article ("Ende des Jahres",
# "a principios de mes", "à la fin de l'année"): the one the text is in.
_MOD_UNITS = frozenset({"year", "month"})


class IntlGrammar(IntlRuleTable, IntlTimeHandlers):
    """All rules of one language other than English, with the word tables they need."""

    english = False

    def __init__(self, lang: ModuleType) -> None:
        self.lang = lang
        self.units = {k.lower(): v for k, v in lang.UNITS.items()}
        self.numbers = {k.lower(): v for k, v in lang.NUMBER_WORDS.items()}
        self._lookup = {
            name: {k.lower(): v for k, v in getattr(lang, name).items()}
            for name in (
                "MONTHS", "MONTH_ABBREVIATIONS", "WEEKDAYS", "SEASONS", "PARTS_OF_DAY",
                "DEICTIC_DAYS", "DEICTIC_PARTS", "DIRECTIONS_BEFORE", "DIRECTIONS_AFTER",
                "ANAPHORIC_BEFORE", "ANAPHORIC_AFTER", "ANAPHORIC_DAYS", "ORDINALS",
                "DAY_WORDS", "MODS", "APPROX", "DECADE_WORDS", "CENTURY_NAMES",
                "FREQUENCY_WORDS", "HOLIDAYS", "WEEKDAY_PLURALS", "WEEKDAY_PARTS",
                "VAGUE_ADJECTIVES", "CLOCK_HALVES", "DEICTIC_UNITS",
            )
        }  # fmt: skip
        self._plural_units = frozenset(w.lower() for w in lang.PLURAL_UNITS)
        self._also_singular = frozenset(getattr(lang, "SINGULAR_AND_PLURAL_UNITS", ()))
        self._not_deictic = {
            w.lower(): re.compile(p, re.IGNORECASE) for w, p in lang.DEICTIC_NOT_AFTER.items()
        }
        self._non_date_after = re.compile(
            rf"\s*(?:{words(lang.NON_DATE_UNITS)})(?![\w'’ʼ])", re.IGNORECASE
        )
        self._year_cue_before = re.compile(rf"(?<![\w'’ʼ])(?:{words(lang.YEAR_CUES)})\s+$", re.I)
        self._determiner_before = re.compile(
            rf"(?<![\w'’ʼ])(?:{words(lang.DETERMINERS)})\s+$", re.I
        )
        self._month_cue_before = re.compile(
            rf"(?<![\w'’ʼ])(?:{words(lang.MONTH_CUES)})\s+$|\d\.?\s+$", re.IGNORECASE
        )
        self._ambiguous_months = frozenset(w.lower() for w in lang.AMBIGUOUS_MONTHS)
        # "Mai/Juni 1940": a month joined to the next month is a month, not a name
        self._month_after = re.compile(
            rf"\s*[/–-]\s*{words(lang.MONTHS)}(?![\w'’ʼ])", re.IGNORECASE
        )
        self._quantity_before = re.compile(
            rf"(?:\d|(?<![\w'’ʼ]){words(lang.NUMBER_WORDS)})(?:\s+[^\W\d_]+){{0,3}}\s+$", re.I
        )
        self._strong_clock = frozenset(w.lower() for w in lang.CLOCK_BEFORE_STRONG)
        self._clock_marks = frozenset(w.lower() for w in lang.CLOCK_MARKS)
        self._ago_duration = re.compile(
            rf"(?<![\w'’ʼ])(?:{words(lang.DURATION_BEFORE_AGO)})\s+$", re.IGNORECASE
        )
        self._offset_event = re.compile(
            rf"\s+(?:{words(lang.OFFSET_EVENT_AFTER)})(?![\w'’ʼ])", re.IGNORECASE
        )
        self._before_noun = frozenset(
            w.lower() for w, d in lang.DIRECTIONS_BEFORE.items() if d != 0
        ) & frozenset(w.lower() for w in lang.VAGUE_ADJECTIVES)
        self._vague_noun = re.compile(lang.VAGUE_NOT_BEFORE, re.IGNORECASE)
        self._lower_only = frozenset(w.lower() for w in lang.DEICTIC_LOWER_ONLY)
        self._earlier = frozenset(w.lower() for w in lang.EARLIER_AFTER)
        self._last_units = frozenset(re.sub(r"\s+", " ", w.lower()) for w in lang.LAST_UNITS)
        # the tagger's words: ranges ("del 1 al 3"), a clock time joining its day
        self.range_joiner = re.compile(
            rf"\s*(?:-|–|—|{words(lang.RANGE_JOINERS)})\s*", re.IGNORECASE
        )
        self.range_opener = re.compile(
            rf"(?<![\w'’ʼ])(?:{words(lang.RANGE_OPENERS)})\s+$", re.IGNORECASE
        )
        self.join_time = re.compile(rf"\s*(?:,|{words(lang.CLOCK_JOINERS)})?\s*$", re.IGNORECASE)
        self.zone = re.compile(rf"\b(?:{common.ZONES})\b", re.IGNORECASE)
        self.word_triggers: dict[str, re.Pattern] = {}
        self.text_triggers: dict[str, re.Pattern] = {}
        self._word_index: dict[str, tuple[str, ...]] = {}
        self.rules = self._build()
        self.triggers = self._build_triggers()

    def word_hits(self, word: str) -> tuple[tuple[str, int, int], ...]:
        """The triggers a word (lower case) is: (trigger, 0, len(word)) for each."""
        names = self._word_index.get(word)
        if not names:
            return ()
        return tuple((name, 0, len(word)) for name in names)

    # -- helpers ---------------------------------------------------------------------

    def _get(self, table: str, word: str | None):
        if not word:
            return None
        return self._lookup[table].get(
            re.sub(r"\s+", " ", word.lower()).replace("’", "'").replace("ʼ", "'")
        )

    def number(self, text: str | None) -> float | None:
        """A count in digits ("2,5", "1.500") or words ("treinta y dos"); None if vague."""
        words_ = re.sub(r"\s+", " ", (text or "").lower().strip())
        if re.fullmatch(r"\d{1,3}(?:[.\s]\d{3})+", words_):
            return float(re.sub(r"\D", "", words_))
        if re.fullmatch(r"\d+(?:[.,]\d+)?", words_):
            return float(words_.replace(",", "."))
        if words_ in self.numbers:
            return float(self.numbers[words_])
        joiner = f" {self.lang.NUMBER_JOINER} "
        if joiner in words_:
            tens, _, ones = words_.partition(joiner)
            if tens in self.numbers and ones in self.numbers:
                return float(self.numbers[tens] + self.numbers[ones])
        return None

    def unit(self, word: str) -> str:
        return self.units[re.sub(r"\s+", " ", word.lower())]

    def _mod(self, m: re.Match) -> str:
        return self._get("MODS", m.groupdict().get("mod")) or ""

    def _dir(self, m: re.Match) -> int | None:
        """The direction the words give (-1 last, 1 next, 0 this), or None."""
        found = self._get("DIRECTIONS_BEFORE", m.groupdict().get("dirb"))
        if found is None:
            found = self._get("DIRECTIONS_AFTER", m.groupdict().get("dira"))
        return found

    def _anaphoric(self, m: re.Match) -> int | None:
        found = self._get("ANAPHORIC_BEFORE", m.groupdict().get("anab"))
        if found is None:
            found = self._get("ANAPHORIC_AFTER", m.groupdict().get("anaa"))
        return found

    def _at_sentence_start(self, text: str, start: int) -> bool:
        return bool(_SENTENCE_START.search(text, max(0, start - 4), start))

    def _relative_year(self, m: re.Match) -> int | None:
        if not m.groupdict().get("ry"):
            return None
        found = self._dir(m)
        return 0 if found is None else found

    # -- calendar dates --------------------------------------------------------------

    def _iso_date(self, m: re.Match, text: str) -> Reading | None:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        time = f"{m['hh']}:{m['mm']}" if m["hh"] else ""
        return CalendarDate("day", year, month, day, time=time)

    def _numeric_date(self, m: re.Match, text: str) -> Reading | None:
        year = int(m["y"])
        return CalendarDate("day", year, int(m["m"]), int(m["d"]), two_digit_year=year < 100)

    def _month_number(self, word: str) -> int:
        found = self._get("MONTHS", word)
        return found if found is not None else self._get("MONTH_ABBREVIATIONS", word.rstrip("."))

    def _year_of(self, m: re.Match) -> int | None:
        if m.groupdict().get("year"):
            return int(m["year"])
        if m.groupdict().get("yy"):
            return int(m["yy"])  # a two-digit year: see CalendarDate.two_digit_year
        return None

    def _day_range(self, m: re.Match, text: str) -> Pieces | None:
        first, last = int(m["d1"]), int(m["d2"])
        if last <= first:
            return None
        month, year = self._month_number(m["month"]), self._year_of(m)
        return (
            (m.start(), m.end("d1"), CalendarDate("day", year, month, first)),
            (m.start("d2"), m.end(), CalendarDate("day", year, month, last)),
        )

    def _day_month(self, m: re.Match, text: str) -> Reading | None:
        day = int(m["day"]) if m["day"] else self._get("DAY_WORDS", m["dayword"])
        month = self._month_number(m["month"])
        if m["bc"]:
            return VagueRef(f"BC{int(m['year']):04d}")
        year = self._year_of(m)
        rel = self._relative_year(m)
        word = m["month"]
        if (
            self.lang.LOWER_CASE_MONTHS
            and word[0].isupper()
            and year is None
            and not (self._at_sentence_start(text, m.start()))
            and m.start() == m.start("daypart")  # no article or weekday before the day
        ):
            return None  # "Avenida 17 de Junio": a name; "il 23 Febbraio" is a date
        # "le 6 mai dernier", "el pasado 2 de marzo"
        found = self._get("DIRECTIONS_AFTER", m["dday"])
        found = self._get("DIRECTIONS_BEFORE", m["dpre"]) if found is None else found
        direction = _direction(found) if found else None
        return CalendarDate("day", year, month, day, relative_year=rel, direction=direction,
                            two_digit_year=bool(m["yy"]))  # fmt: skip

    def _part_of_date(self, m: re.Match, text: str) -> Reading | Pieces | None:
        """ "am Morgen des 22. Juni 1941", "la noche del 15 de marzo": that day's part; "la
        nuit du 16 au 17 avril": the night of the 16th, and the 17th as a date of its own."""
        day, month, year = int(m["day"]), self._month_number(m["month"]), self._year_of(m)
        part = CalendarDate("day", year, month, day, time=self._part(m["part"]))
        if not m["day2"]:
            return part
        if int(m["day2"]) != day + 1:
            return None  # a night runs into the next day only
        return (
            (m.start(), m.end("first"), part),
            (m.start("day2"), m.end(), CalendarDate("day", year, month, int(m["day2"]))),
        )

    def _day_noun(self, m: re.Match, text: str) -> Reading | None:
        found = self._get("DIRECTIONS_BEFORE", m["dpre"])  # "el pasado día 3"
        direction = _direction(found) if found else None
        return CalendarDate("day", None, None, int(m["day"]), direction=direction)

    def _month_year(self, m: re.Match, text: str) -> Reading | None:
        return CalendarDate(
            "month",
            self._year_of(m),
            self._month_number(m["month"]),
            mod=self._mod(m),
            two_digit_year=bool(m["yy"]),
        )

    def _month_relative_year(self, m: re.Match, text: str) -> Reading | None:
        month = self._month_number(m["month"])
        if m["anay"]:  # "en mayo de ese año": the narrative's year, as a year-less month
            return CalendarDate("month", None, month, mod=self._mod(m))
        return CalendarDate(
            "month", None, month, mod=self._mod(m), relative_year=self._relative_year(m)
        )

    def _month_alone(self, m: re.Match, text: str) -> Reading | None:
        word = m["month"]
        key = word.lower()
        if (
            self.lang.LOWER_CASE_MONTHS
            and word[0].isupper()
            and not self._at_sentence_start(text, m.start("month"))
            and not (m["dirb"] or m["mod"])
        ):
            return None  # "Plaza de Mayo", "Abril" the name: a capital mid-sentence
        cued = m["dirb"] or m["dira"] or m["mod"] or self._month_after.match(text, m.end())
        if (
            key in self._ambiguous_months
            and not cued
            and not self._month_cue_before.search(
                text, max(0, m.start("month") - 16), m.start("month")
            )
        ):
            return None  # "August Bebel": the month needs a cue ("im August")
        anaphoric = self._anaphoric(m)
        direction = _direction(self._dir(m)) if anaphoric is None else None
        return CalendarDate(
            "month", None, self._month_number(word), direction=direction, mod=self._mod(m)
        )

    def _year(self, m: re.Match, text: str) -> Reading | None:
        value = int(m["year"])
        if m["bc"]:
            return VagueRef(f"BC{value:04d}")
        after = text[m.end() : m.end() + 30]
        before = text[max(0, m.start() - 24) : m.start()]
        if self._non_date_after.match(after):
            return None
        if re.search(r"(?:[$€£#№]|\bn[º°o]\.?|\bnr\.?|\bno\.?)\s*$", before, re.IGNORECASE):
            return None
        cued = m["pre"] or m["mod"] or self._year_cue_before.search(before)
        if value < self.lang.EARLY_YEAR and not cued:
            return None
        if re.match(r"\s*(?:-|a|à|al)\s*\d{1,3}\b(?!\s*\d)", after) and not cued:
            return None  # a score or a count range ("1998-3")
        return CalendarDate("year", value, mod=self._mod(m))

    def _bc_year(self, m: re.Match, text: str) -> Reading | None:
        return VagueRef(f"BC{int(m['year']):04d}")

    def _year_range(self, m: re.Match, text: str) -> Pieces | None:
        first, last_text = int(m["y1"]), m["y2"]
        last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
        if not first < last <= first + 100 or self._non_date_after.match(text, m.end()):
            return None
        return (
            (m.start("y1"), m.end("y1"), CalendarDate("year", first)),
            (m.start("y2"), m.end("y2"), CalendarDate("year", last)),
        )

    def _decade(self, m: re.Match, text: str) -> Reading | None:
        found = {k.rstrip("0123456789"): v for k, v in m.groupdict().items() if v}
        if "full" in found:
            start = int(found["full"])
        elif "short" in found:
            start = 1900 + int(found["short"])
        elif "word" in found:
            start = 1900 + self._get("DECADE_WORDS", found["word"])
        else:
            return None
        return CalendarDate("decade", start, mod=self._mod(m))

    def _century(self, m: re.Match, text: str) -> Reading | None:
        numeral = m["num"] or m["num2"]
        if numeral:
            number = int(numeral) if numeral.isdigit() else roman(numeral)
        elif m["named"]:
            number = self._get("CENTURY_NAMES", m["named"])
        else:
            number = self._get("ORDINALS", m["ordw"])
        if not number or number < 1 or number > 21:
            return None
        if m["bc"]:
            return VagueRef(f"BC{number - 1:02d}")
        return CalendarDate("century", (number - 1) * 100, mod=self._mod(m))

    def _ordinal(self, word: str) -> int | None:
        found = self._get("ORDINALS", word)
        if found is None:
            digits = re.match(r"\d+", word)
            found = int(digits.group()) if digits else None
        return found

    def _quarter(self, m: re.Match, text: str) -> Reading | None:
        number = self._ordinal(m["ord"])
        half = m["unit"].lower() in {w.lower() for w in self.lang.HALF_WORDS}
        if number is None or not (-1 <= number <= (2 if half else 4)) or number == 0:
            return None
        granularity = "half" if half else "quarter"
        year = self._year_of(m)
        if number == -1 and year is None:  # "el último trimestre": the latest one
            return None if half else PeriodRef(granularity, latest=True)
        if number == -1:  # "el último trimestre de 1999": its fourth
            number = 2 if half else 4
        rel = self._relative_year(m)
        if year is None and rel is None and half:
            rel = 0
        return CalendarDate(granularity, year, index=number, relative_year=rel)

    def _season(self, m: re.Match, text: str) -> Reading | None:
        word = m["season"]
        if (
            self.lang.LOWER_CASE_MONTHS
            and word[0].isupper()
            and not self._at_sentence_start(text, m.start("season"))
        ):
            return None  # "Primavera Árabe", "Printemps arabe": a name
        excluded = self._not_deictic.get(word.lower())
        if excluded and excluded.search(text, max(0, m.start("season") - 16), m.start("season")):
            return None  # French "a été": a participle
        code = self._get("SEASONS", word)
        anaphoric = self._anaphoric(m)
        direction = _direction(self._dir(m)) if anaphoric is None else None
        return CalendarDate(
            "season", self._year_of(m), index=code, direction=direction, mod=self._mod(m)
        )

    def _holiday(self, m: re.Match, text: str) -> Reading | None:
        rule = self._get("HOLIDAYS", m["name"])
        return HolidayRef(rule, self._year_of(m), _direction(self._dir(m)))

    # -- days and parts of days ------------------------------------------------------

    def _part(self, word: str | None) -> str:
        return self._get("PARTS_OF_DAY", word) or ""

    def _deictic_day(self, m: re.Match, text: str) -> Reading | None:
        word = m["word"].lower()
        excluded = self._not_deictic.get(word)
        if excluded and excluded.search(text, max(0, m.start() - 16), m.start()):
            return None  # "esta mañana": the morning, not tomorrow
        both = self._get("DEICTIC_PARTS", word)
        if both is not None:
            offset, time = both
        else:
            offset, time = self._get("DEICTIC_DAYS", word), self._part(m["part"])
        capital = m["word"][0].isupper() and not self._at_sentence_start(text, m.start())
        if word in self._lower_only and capital:
            return None  # German "Morgen" (the morning, a noun) is not "morgen" (tomorrow)
        return RelativeRef("day", offset, "day", time=time)

    def _this_part_of_day(self, m: re.Match, text: str) -> Reading | None:
        if m["this"]:
            return RelativeRef("day", 0, "day", time=self._part(m["part"]))
        direction = self._get("DIRECTIONS_AFTER", m["dira"])
        if direction not in (-1, 0):
            return None
        return RelativeRef("day", direction, "day", time=self._part(m["part2"]))

    def _part_of_day(self, m: re.Match, text: str) -> Reading | None:
        return RelativeRef("day", 0, "day", anaphoric=True, time=self._part(m["part"]))

    def _weekday(self, m: re.Match, text: str) -> Reading | None:
        word = m["wd"]
        if (
            self.lang.LOWER_CASE_MONTHS  # these languages write weekdays in lower case too
            and word[0].isupper()
            and not self._at_sentence_start(text, m.start("wd"))
            and _capitalised_after(text, m.end("wd"))
        ):
            return None  # "Domingo García", "Martes Ruiz": a name, not the day
        weekday = self._get("WEEKDAYS", word)
        anaphoric = self._anaphoric(m) if "anab" in m.groupdict() else None
        time = self._part(m.groupdict().get("part"))
        if anaphoric is not None:
            return WeekdayRef(weekday, _direction(anaphoric) if anaphoric else None, time=time,
                              anaphoric=True)  # fmt: skip
        return WeekdayRef(weekday, _direction(self._dir(m)), time=time)

    def _weekday_compound(self, m: re.Match, text: str) -> Reading | None:
        weekday, part = self._get("WEEKDAY_PARTS", m["compound"])
        return WeekdayRef(weekday, _direction(self._dir(m)), time=part)

    # -- counted from a reference ----------------------------------------------------

    def _relative_unit(self, m: re.Match, text: str) -> Reading | None:
        word = re.sub(r"\s+", " ", m["unit"].lower())
        unit = self.unit(word)
        anaphoric = self._anaphoric(m)
        direction = self._dir(m)
        if unit in _TIME_UNITS or unit == "millennium":
            return None
        singular = word not in self._plural_units
        if anaphoric is None and direction is None:
            if not (m["mod"] and unit in _MOD_UNITS and (singular or word in self._also_singular)):
                return None
            # "Ende des Jahres", "a finales de mes": the part of the unit the text is in
            return _unit_ref(unit, 0, self._mod(m))
        if not singular:
            return None
        if unit == "weekend":
            if anaphoric is not None:
                return None
            return WeekdayRef(6, _direction(direction), weekend=True)
        if unit == "night":
            unit_, time = "day", "NI"
        else:
            unit_, time = unit, ""
        if unit_ == "season":
            return None  # "la temporada pasada": a sports season, not a calendar one
        if anaphoric is not None:
            return RelativeRef(unit_, anaphoric, unit_, anaphoric=True, time=time)
        if unit_ == "day":
            return None  # "el pasado día 15" is read by the day rules
        return _unit_ref(unit_, direction, self._mod(m), time)

    def _deictic_unit(self, m: re.Match, text: str) -> Reading | None:
        unit, offset, *mods = self._get("DEICTIC_UNITS", m["word"])
        mod = mods[0] if mods else ""
        if m["year"] and unit == "year":  # "Jahresbeginn 1918"
            return CalendarDate("year", int(m["year"]), mod=mod)
        return _unit_ref(unit, offset, mod)

    def _anaphoric_day(self, m: re.Match, text: str) -> Reading | None:
        offset = self._get("ANAPHORIC_DAYS", m["word"])
        return RelativeRef("day", offset, "day", anaphoric=True)

    def _offset(self, m: re.Match, text: str) -> Reading | None:
        unit = self.unit(m["unit"])
        amount = self.number(m["num"])
        if amount is not None and m["half"]:
            amount += 0.5
        backward = bool(m.groupdict().get("ago") or m.groupdict().get("ago2"))
        rel = (m.groupdict().get("rel") or "").lower()
        if m["num"] is None:  # "años después", "Meses antes": a vague length
            return DurationRef(None, unit) if m["unit"].lower() in self._plural_units else None
        if rel and self._offset_event.match(text, m.end()):
            return None  # "dos días después del partido": the length ("dos días") only
        if rel:
            backward = re.sub(r"\s+", " ", rel) in self._earlier
        found = m.groupdict()
        deictic = bool(found.get("ago") or found.get("ago2") or found.get("fwd"))
        if found.get("ago") and self._ago_duration.search(text, max(0, m.start() - 12), m.start()):
            return DurationRef(amount, unit)  # "desde hace dos años": for two years
        if amount is None:  # "hace unos días", "il y a quelques mois": a vague length
            if rel and not backward:  # "wenige Tage später": after, in a narrative
                return VagueRef("FUTURE_REF", when="narrative")
            return DurationRef(None, unit)
        if unit in _TIME_UNITS or amount != int(amount):
            return None
        step, count = unit, int(amount)
        if unit == "night":
            step = "day"
        elif unit == "fortnight":
            step, count = "week", 2 * count
        elif unit == "weekend":
            step = "week"
        elif unit in ("season", "millennium"):
            return None
        comparison = backward and count == 1
        sign = -1 if backward else 1
        return RelativeRef(step, sign * count, step, anaphoric=not deictic, comparison=comparison)

    def _duration(self, m: re.Match, text: str) -> Reading | None:
        word = re.sub(r"\s+", " ", m["unit"].lower())
        unit = self.unit(word)
        amount = self.number(m["num"])
        if amount is not None and m["half"]:
            amount += 0.5
        if re.fullmatch(r"1\d{3}|20\d\d", m["num"] or "") and word not in self._plural_units:
            return None  # "2010 temporada": a year
        if unit == "hour" and re.fullmatch(r"(?:[01]?\d|2[0-3])[.:][0-5]\d", m["num"] or ""):
            return None  # "18.45 horas": a clock time
        if self._non_date_after.match(text, m.start("num") + len(m["num"])) and not amount:
            return None
        if unit == "season":
            return None
        direction = None
        if m["dir"]:
            direction = PAST if re.sub(r"\s+", " ", m["dir"].lower()) in self._last_units else NEXT
        mod = self._get("APPROX", m["approx"]) or ""
        return DurationRef(amount, unit, direction, mod)

    def _vague_duration(self, m: re.Match, text: str) -> Reading | None:
        word = re.sub(r"\s+", " ", m["unit"].lower())
        if word not in self._plural_units:
            return None
        direction = PAST if re.sub(r"\s+", " ", m["dir"].lower()) in self._last_units else NEXT
        return DurationRef(None, self.unit(word), direction)

    def _bare_plural_duration(self, m: re.Match, text: str) -> Reading | None:
        word = re.sub(r"\s+", " ", m["unit"].lower())
        if word not in self._plural_units or self.unit(word) == "season":
            return None
        return DurationRef(None, self.unit(word))
