"""Split article text into sentences, keeping their character offsets.

A line break always ends a sentence (pasted pages and one-sentence-a-line corpora);
inside a line, ". ! ?" (and closing quotes) followed by a capital, digit or quote ends
one, unless the word before the period is a known abbreviation ("Mr.", "U.S.", "Oct.")
or an initial ("John F. Kennedy").
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
        for boundary in boundaries.finditer(line_text):
            if boundary.group().startswith(".") and _is_abbreviation(
                line_text[begin : boundary.start()], abbreviations
            ):
                continue
            _append(sentences, line_text, line.start(), begin, boundary.end())
            begin = boundary.end()
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
