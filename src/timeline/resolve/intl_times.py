"""Handlers of the non-English grammar's recurring times, clock times and vague references
("cada día", "tous les jeudis", "a las 8.15", "18 h 30", "actualmente"): a part of
`timeline.resolve.intl.IntlGrammar`, which holds the word tables they read."""

from __future__ import annotations

import re

from timeline.resolve.anchor import duration_value
from timeline.resolve.intl_rules import words
from timeline.resolve.readings import Reading, RelativeRef, SetRef, VagueRef


class IntlTimeHandlers:
    """Handlers of recurring times, clock times and vague references (a part of
    `IntlGrammar`)."""

    # -- recurring times -------------------------------------------------------------

    def _set_each(self, m: re.Match, text: str) -> Reading | None:
        target = re.sub(r"\s+", " ", m["target"].lower())
        weekday = self._get("WEEKDAYS", target)
        if weekday is not None:
            return SetRef(f"XXXX-WXX-{weekday}", "EVERY")
        part = self._get("PARTS_OF_DAY", target)
        if part and target not in self.units:
            return SetRef(f"XXXX-XX-XXT{part}", "EVERY")
        unit = self.unit(target)
        if unit == "season":
            return None
        count = self.number(m["num"]) if m["num"] else 1
        return SetRef(duration_value(count or 1, unit), "EVERY")

    def _set_per(self, m: re.Match, text: str) -> Reading | None:
        word = re.sub(r"\s+", " ", m["unit"].lower())
        if word in self._plural_units or self.unit(word) in ("season", "weekend", "night"):
            return None
        if not self._quantity_before.search(text, max(0, m.start() - 40), m.start()):
            return None  # "al año siguiente" is not a rate: a rate follows a quantity
        if re.match(
            r"\s+(?:\w+\s+)?(?:de|d['’ʼ]|di|do|da|von|des)\b", text[m.end() : m.end() + 12]
        ):
            return None  # "al año de su muerte": a year after
        return SetRef(duration_value(1, self.unit(word)))

    def _set_plural_weekday(self, m: re.Match, text: str) -> Reading | None:
        return SetRef(f"XXXX-WXX-{self._get('WEEKDAY_PLURALS', m['wdp'])}")

    def _set_frequency(self, m: re.Match, text: str) -> Reading | None:
        word = m["word"].lower()
        if word in self.lang.FREQUENCY_NOUNS:
            if self._determiner_before.search(text, max(0, m.start() - 12), m.start()):
                return None  # "el diario": the paper
            if re.match(r"\s+[A-ZÀ-ÖØ-Þ]", text[m.end() : m.end() + 3]):
                return None  # "diario El País"
        return SetRef(self._get("FREQUENCY_WORDS", word))

    # -- clock times -----------------------------------------------------------------

    def _clock(self, m: re.Match, text: str) -> Reading | None:
        hour_text = m["h"].lower()
        word_hour = not hour_text.isdigit()
        hour = int(self.numbers[hour_text]) if word_hour else int(hour_text)
        minute_text = m["min"] or m["min2"]
        minute = int(minute_text) if minute_text else 0
        pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
        mark = (m["hw"] or "").lower()
        sep = (m["sep"] or "").strip().lower()
        strong = pre in self._strong_clock
        if m["min"]:
            clear = sep in (":", "h") or bool(pre or m["hw"] or m["tz"] or m["half"] or m["local"])
        else:
            clear = bool(
                (strong and not word_hour)
                or (pre and (m["half"] or m["tz"] or m["local"] or mark in self._clock_marks))
                or (mark in self._clock_marks and not word_hour)
                or (m["tz"] and not word_hour)
            )
        if not clear or hour > 24 or (hour == 24 and minute):
            return None
        if self._non_date_after.match(text, m.end()) or (word_hour and not m["half"] and not mark):
            return None
        if re.search(r"[$€£]\s*$", text[max(0, m.start() - 3) : m.start()]):
            return None
        half = self._get("CLOCK_HALVES", m["half"])
        if half == "pm" and hour < 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
        return RelativeRef("day", 0, "day", anaphoric=True, time=f"{hour:02d}:{minute:02d}")

    def _noon_midnight(self, m: re.Match, text: str) -> Reading | None:
        noon = m["word"].lower() in {w.lower() for w in self.lang.NOON}
        return RelativeRef("day", 0, "day", time="12:00" if noon else "24:00")

    # -- vague references ------------------------------------------------------------

    def _vague(self, m: re.Match, text: str) -> Reading | None:
        if self._vague_noun.match(text, m.end()):
            return None  # "el futuro de las pensiones": the future of something
        for group, value in (("present", "PRESENT_REF"), ("past", "PAST_REF"),
                             ("future", "FUTURE_REF")):  # fmt: skip
            if m[group]:
                return VagueRef(value)
        if m["soon"]:
            return VagueRef("FUTURE_REF", when="not_past")
        for group, value in (("npresent", "PRESENT_REF"), ("npast", "PAST_REF"),
                             ("nfuture", "FUTURE_REF")):  # fmt: skip
            if m[group]:
                return VagueRef(value, when="narrative")
        return None

    def _vague_adjective(self, m: re.Match, text: str) -> Reading | None:
        after = text[m.end() : m.end() + 20]
        if re.match(rf"\s*{words(self.lang.UNITS)}(?![\w'’ʼ])", after, re.IGNORECASE):
            return None
        word = m["adj"].lower()
        if word in self._before_noun and not re.match(r"\s+[^\W\d_]", after):
            return None  # "la próxima edición": only before a noun
        if (
            word in self._before_noun
            and re.match(r"\s+[^\W\d_]", after)
            and after.strip()[:1].isupper()
        ):
            return None
        return VagueRef(self._get("VAGUE_ADJECTIVES", m["adj"]))
