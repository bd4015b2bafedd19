"""Handlers of the grammar's relative, counted and vague expressions.

"Friday", "yesterday", "two weeks ago", "the day before", "the past 24 hours", "five-year",
"recently", "every Friday": readings that the anchor (`timeline.resolve.anchor`) later
places relative to the publication date or the narrative's date.
"""

from __future__ import annotations

import re

from timeline.resolve.anchor import duration_value
from timeline.resolve.clock import _is_hhmm
from timeline.resolve.readings import (
    NEXT,
    PAST,
    THIS,
    DurationRef,
    PeriodRef,
    Reading,
    RelativeRef,
    SetRef,
    VagueRef,
    WeekdayRef,
)
from timeline.resolve.rules import _APPROX, _CLAUSE_GOES_ON, Pieces, _words


class RelativeHandlers:
    """Handlers of relative, counted, vague and recurring expressions (a part of
    `Grammar`)."""

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

    def _relative_unit(self, m: re.Match, text: str) -> Reading | None:
        unit = m["unit"].lower()
        direction = self._direction(m["dir"])
        span_back = _words(m.group(0)).startswith("the") or _words(m["dir"]) == "past"
        if unit in ("decade", "century") and direction == PAST and span_back and not m["mod"]:
            # "the past century" said in 1998 is the hundred years up to 1998, not the 1800s
            return DurationRef(1, unit, PAST)
        if unit in ("decade", "century") and direction == NEXT and span_back and not m["mod"]:
            return DurationRef(1, unit, NEXT)  # "over the next decade": the ten years to come
        offset = {PAST: -1, NEXT: 1, THIS: 0}[direction if direction is not None else THIS]
        return RelativeRef(unit, offset, unit, mod=self._mod(m))

    def _weekend(self, m: re.Match, text: str) -> Reading | None:
        word = (m["dir"] or "").lower()
        direction = None if word == "the" else self._direction(word)
        return WeekdayRef(6, direction, weekend=True)

    def _anaphoric_unit(self, m: re.Match, text: str) -> Reading | None:
        word = _words(m["dir"]) or "that"
        unit = m["unit"].lower()
        if unit in ("decade", "century"):  # "the following decade": its ten years
            if word in ("that", "same"):
                return None  # "that decade": a decade the text knows, no length
            return DurationRef(1, unit, NEXT if word in ("next", "following") else PAST)
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

    def _duration_range(self, m: re.Match, text: str) -> Pieces | None:
        """ "between 12 and 18 months": two lengths, one an end, as TimeML marks them
        ("12", "18 months")."""
        first, last = self.number(m["a"]), self.number(m["b"])
        if first is None or last is None or last <= first:
            return None
        unit = self.unit(m["unit"])
        return (
            (m.start("a"), m.end("a"), DurationRef(first, unit)),
            (m.start("b"), m.end(), DurationRef(last, unit)),
        )

    def _bare_plural_relative(self, m: re.Match, text: str) -> Pieces | None:
        """ "days before the operation", "minutes after the plane left": an unsaid number
        of units (PXD, PTXM), not when a count stands before them ("two days before")."""
        before = text[max(0, m.start() - 16) : m.start()]
        if re.search(r"(?:\d|\b(?:a|the|few|several|many|some|those|these|of|\w+teen|\w+ty))\s*$",
                     before, re.IGNORECASE) or self._number_before(before):  # fmt: skip
            return None
        return ((m.start("span"), m.end("span"), DurationRef(None, self.unit(m["unit"]))),)

    def _number_before(self, before: str) -> bool:
        """A count among the two words before ("eight trading days")."""
        words = re.findall(r"[A-Za-z]+|\d+", before)[-2:]
        return any(w.isdigit() or w.lower() in self.numbers for w in words)

    def _race_time(self, m: re.Match, text: str) -> Pieces | None:
        """ "finished in 2:08:35": a race's time, a length (PT2H8M35S), not a clock."""
        hours, minutes, seconds = int(m["h"]), int(m["min"]), int(m["sec"])
        value = "PT" + "".join(
            f"{n}{code}" for n, code in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n
        )
        return ((m.start("span"), m.end("span"), VagueRef(value, "DURATION")),)

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
