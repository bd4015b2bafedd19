"""The tense of the clause around an expression: the nearest tense cue decides.

The cues are a language's (`timeline.lang`): English reads auxiliaries, modals and "-ed"
verbs; the other languages read their cue words and verb endings (Spanish "será" and
"anunció", German "wird" and "wurde", Ukrainian "буде" and "сказав").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import NamedTuple

from timeline.lang import en, language_data
from timeline.resolve.anchor import TENSE_FUTURE, TENSE_PAST, TENSE_UNKNOWN

_CLAUSE_END = re.compile(r"[.!?;\n]")
_TENSE_WINDOW = 90
# A stop after one of these does not end the clause ("Roe vs. Wade", "Mr. Smith", "U.S.").
_ABBREVIATION_BEFORE = re.compile(
    r"(?:\b(?:vs|Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Co|Gen|Gov|Sen|Rep|Inc|Col|Ltd|Sgt|Corp|Prof|Sept)"
    r"|\b[A-Z])$"
)
# A tense cue across a comma is often another clause's ("talks that are supposed to
# conclude by May, invited..."): it counts as this many characters further away.
COMMA_PENALTY = 40
_NEVER = re.compile(r"(?!x)x")


class TenseCues(NamedTuple):
    """A language's cue patterns: future and past, and English's exceptions (a passive
    participle, an adjectival one, a future under a past perfect, a time limit)."""

    future: re.Pattern
    past: re.Pattern
    passive: re.Pattern = _NEVER
    adjectival: re.Pattern = _NEVER
    past_of_future: re.Pattern = _NEVER
    time_limit: re.Pattern = _NEVER
    abbreviation: re.Pattern = _ABBREVIATION_BEFORE


def clause_ends(text: str, abbreviation: re.Pattern = _ABBREVIATION_BEFORE) -> Iterator[re.Match]:
    """The stops of `text` that end a clause: not the period of an abbreviation."""
    for stop in _CLAUSE_END.finditer(text):
        at = stop.start()
        if stop.group() != "." or not abbreviation.search(text, max(0, at - 5), at):
            yield stop


def looks_forward(text: str, start: int, end: int, language: str = "en") -> bool:
    """Is the clause around text[start:end] (a date) in the future tense ("the hearing
    will be on June 10", "is due to open in 2027")? The nearest tense cue decides, as
    when the tagger anchors an expression."""
    return tense_of(text, start, end, tense_cues(language)) == TENSE_FUTURE


def _words(items: tuple[str, ...]) -> str:
    ordered = sorted(items, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@cache
def tense_cues(language: str) -> TenseCues:
    """The compiled cues of a language (English for an unknown one)."""
    lang = language_data(language)
    if lang is not en:
        return _other_cues(lang)
    # future: cue words, lower-case modals ("may", not the month), and time limits
    future = re.compile(
        rf"(?<![\w'-])(?:(?i:{_words(lang.FUTURE_CUES)}|{lang.DEADLINE_CUE})"
        rf"|{_words(lang.FUTURE_MODALS)})(?![\w-])(?!\s+not\b|n't)(?<!next(?=\s+(?:to|door)\b))"
    )
    # past: auxiliaries and irregular verbs, or a lower-case "-ed" word that is a verb
    not_past = _words(lang.NOT_PAST_VERBS)
    past = re.compile(
        rf"(?<![\w'-])(?:(?i:{_words(lang.PAST_CUES)}|{_words(lang.PAST_VERBS)})"
        rf"|(?!(?:{not_past})\b)[a-z]{{2,}}[^e\W]ed)(?![\w-])"
    )
    return TenseCues(future, past, _PASSIVE, _ADJECTIVAL, _PAST_OF_FUTURE, _TIME_LIMIT)


def _other_cues(lang) -> TenseCues:
    """Cue words and verb endings ("será", "anunció"), case-insensitive, whole words."""

    def pattern(cues: tuple[str, ...], endings: tuple[str, ...], not_endings: tuple[str, ...]):
        parts = [_words(cues)] if cues else []
        if endings:
            exclude = rf"(?!\w*(?:{_words(not_endings)})(?![\w'’-]))" if not_endings else ""
            parts.append(rf"{exclude}\w{{2,}}(?:{_words(endings)})")
        body = "|".join(parts) or _NEVER.pattern
        return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)

    future = pattern(lang.FUTURE_CUES, getattr(lang, "FUTURE_ENDINGS", ()), ())
    past = pattern(lang.PAST_CUES, getattr(lang, "PAST_ENDINGS", ()), lang.NOT_PAST_ENDINGS)
    abbreviations = sorted(w for w in lang.ABBREVIATIONS if "." not in w)
    abbreviation = re.compile(rf"(?i:\b(?:{_words(tuple(abbreviations))}))$|\b[^\W\d_]$")
    return TenseCues(future, past, abbreviation=abbreviation)


# a participle after these is a passive, not a past tense ("the case is heard in May")
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|am)\s+$", re.IGNORECASE)
# "was postponed until Thursday" still looks forward, unlike "was to meet"
_TIME_LIMIT = re.compile(r"(?:until|till|through)$", re.IGNORECASE)
# a future cue under a past perfect looks forward from a past time ("had been due to expire
# Friday"): past. "were planning to rally Monday" still looks forward from now.
_PAST_OF_FUTURE = re.compile(r"\bhad(?:\s+been)?\s+(?:[\w']+\s+){0,2}$", re.IGNORECASE)
# "the proposed merger", "a still unspecified date": a participle used as an adjective
_ADJECTIVAL = re.compile(
    r"\b(?:a|an|the|its|their|his|her|this|that|these|those|still|newly|recently|already)\s+$",
    re.IGNORECASE,
)


def tense_of(text: str, start: int, end: int, cues: TenseCues) -> int:
    """The tense of the clause around [start, end): the nearest tense cue decides.

    "will be paid" is future (a participle after "be" is not a past tense), "was
    scheduled to" is past (a future cue under a past auxiliary).
    """
    left = text[max(0, start - _TENSE_WINDOW) : start]
    clause_start = max((m.end() for m in clause_ends(left, cues.abbreviation)), default=0)
    left = left[clause_start:]
    right = text[end : end + _TENSE_WINDOW]
    stop = next(clause_ends(right, cues.abbreviation), None)
    if stop:
        right = right[: stop.start()]
    future, past = cues.future, cues.past
    found: list[tuple[int, int]] = []  # (distance, tense)
    for side, offset in ((left, None), (right, 0)):
        for pattern, tense in ((future, TENSE_FUTURE), (past, TENSE_PAST)):
            for match in pattern.finditer(side):
                before = side[max(0, match.start() - 28) : match.start()]
                kind = tense
                if tense == TENSE_PAST and (
                    cues.passive.search(before) or cues.adjectival.search(before)
                ):
                    continue
                if (
                    tense == TENSE_FUTURE
                    and cues.past_of_future.search(before)
                    and not cues.time_limit.search(match.group())
                ):
                    kind = TENSE_PAST
                # cues after the expression count, but less than those before it, and
                # cues across a comma (often another clause) less than those within
                if offset is None:
                    distance = len(side) - match.end()
                    across = "," in side[match.end() :]
                else:
                    distance = match.start() * 2 + 4
                    across = "," in side[: match.start()]
                found.append((distance + (COMMA_PENALTY if across else 0), kind))
                if offset == 0:
                    break
    if not found:
        return TENSE_UNKNOWN
    return min(found, key=lambda item: item[0])[1]
