"""Split article text into sentences, keeping their character offsets.

A line break always ends a sentence (pasted pages and one-sentence-a-line corpora);
inside a line, ". ! ?" (and closing quotes) followed by a capital, digit or quote ends
one, unless the word before the period is a known abbreviation ("Mr.", "U.S.", "Oct.")
or an initial ("John F. Kennedy"). A chronology run into one line ("20 April: rig
explodes, killing 11 28 April: Coastguard fears one of worst spills 8 May: ...") is one
item a sentence: a line holding two or more dates followed by a colon ("20 April:",
"May 8:", "1957:") ends a sentence before each.
"""

from __future__ import annotations

import re
from functools import cache

from timeline.lang import base_code, language_data
from timeline.lang.common import UPPER
from timeline.models import Sentence

_LINE = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
# Other languages open sentences with accented and Cyrillic capitals, "¿", "¡", "«", "„",
# and quote with guillemets.
_BOUNDARY_OTHER = re.compile(rf"[.!?…]+[\"'”’»)\]]*(?=\s+[\"“‘'(\[«„¿¡—–-]?\s?[{UPPER}0-9])")
_LAST_WORD = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")


@cache
def _abbreviations(language: str) -> frozenset[str]:
    return language_data(language).ABBREVIATIONS


@cache
def _chronology_item(language: str) -> re.Pattern:
    """A chronology's item heading: a day and month, a month and day, or a year, then a
    colon ("20 April:", "April 20, 2010:", "1957:")."""
    months = sorted(language_data(language).MONTHS, key=len, reverse=True)
    month = "(?:" + "|".join(re.escape(m) for m in months) + r")\.?"
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?:1[5-9]\d\d|20\d\d)"
    heading = rf"(?:{day}\s+{month}|{month}\s+{day})(?:,?\s+{year})?|{year}"
    return re.compile(rf"(?<![\w:,.-])(?:{heading}):(?=\s+\S)", re.IGNORECASE)


def _chronology_breaks(line: str, language: str) -> list[int]:
    """Where a chronology's items start in a line (`_chronology_item`), when it has two
    or more; the first item's own start is no break when it opens the line."""
    found = [m.start() for m in _chronology_item(language).finditer(line)]
    if len(found) < 2:
        return []
    return [at for at in found if line[:at].strip()]


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Sentences of `text` (blank regions are skipped), with offsets into `text`."""
    abbreviations = _abbreviations(language)
    boundaries = _BOUNDARY if base_code(language) in ("", "en") else _BOUNDARY_OTHER
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        line_text = line.group()
        if not line_text.strip():
            continue
        begin = 0
        ends = [
            boundary.end()
            for boundary in boundaries.finditer(line_text)
            if not (boundary.group().startswith(".") and _is_abbreviation(
                line_text[: boundary.start()], abbreviations
            ))
        ]  # fmt: skip
        if ":" in line_text:
            ends = sorted(set(ends) | set(_chronology_breaks(line_text, language)))
        for end in ends:
            _append(sentences, line_text, line.start(), begin, end)
            begin = end
        _append(sentences, line_text, line.start(), begin, len(line_text))
    return sentences


def _is_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    found = _LAST_WORD.search(before)
    if not found:
        return False
    word = found.group(1).lower().lstrip("\"'“‘([«„¿¡")
    return word in abbreviations or bool(_INITIALS.fullmatch(word))


def _append(sentences: list[Sentence], line: str, offset: int, begin: int, end: int) -> None:
    piece = line[begin:end]
    stripped = piece.strip()
    if not stripped:
        return
    start = offset + begin + (len(piece) - len(piece.lstrip()))
    sentences.append(Sentence(start, start + len(stripped), stripped))
