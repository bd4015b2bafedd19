"""Find the parts of a pasted web page that are site furniture, not the article.

Works line by line (a pasted page has one paragraph a line), with two rules:
- a line is boilerplate when it carries a strong call-to-action pattern ("Sign up for our
  newsletter", "Privacy Policy", "Read more"), or a weak one ("support", "donate",
  "subscribe") while speaking to the reader ("you", "us", "our");
- a trailing section (a sign-up box, a donation appeal, a footer) that opens with a
  section marker is dropped whole when every line of it is boilerplate, a fragment
  ("Monthly", "Continue") or the site speaking to its readers ("we", "our", "you"), which
  catches the appeal's own prose ("We are facing unprecedented challenges...").
Blanking keeps offsets: boilerplate characters become spaces, newlines stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from timeline.lang import language_data

# Short lines without sentence punctuation: menu items, button labels, credits.
_FRAGMENT_MAX_WORDS = 3
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str
    boilerplate: bool
    fragment: bool
    section_start: bool
    reader_address: int


@dataclass(frozen=True, slots=True)
class _Patterns:
    strong: re.Pattern
    weak: re.Pattern
    reader: re.Pattern
    section: re.Pattern
    keywords: tuple[str, ...]
    short_line_words: int


@cache
def _patterns(language: str) -> _Patterns:
    data = language_data(language)

    def union(patterns: tuple[str, ...]) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)

    return _Patterns(
        strong=union(data.BOILERPLATE_STRONG),
        weak=union(data.BOILERPLATE_WEAK),
        reader=re.compile(data.READER_ADDRESS, re.IGNORECASE),
        section=union(data.BOILERPLATE_SECTION_STARTS),
        keywords=data.BOILERPLATE_KEYWORDS,
        short_line_words=data.BOILERPLATE_SHORT_LINE_WORDS,
    )


def boilerplate_spans(body: str, language: str = "en") -> list[tuple[int, int]]:
    """Character spans of `body` that are page boilerplate, in order."""
    lines = _classify(body, _patterns(language))
    drop = [line.boilerplate for line in lines]
    cut = _trailing_section(lines)
    if cut is not None:
        for i in range(cut, len(lines)):
            drop[i] = True
    return [(line.start, line.end) for line, dropped in zip(lines, drop, strict=True) if dropped]


def blank_boilerplate(body: str, language: str = "en") -> str:
    """`body` with boilerplate replaced by spaces (newlines kept), so offsets still agree."""
    spans = boilerplate_spans(body, language)
    if not spans:
        return body
    parts: list[str] = []
    position = 0
    for start, end in spans:
        parts.append(body[position:start])
        parts.append(" " * (end - start))
        position = end
    parts.append(body[position:])
    return "".join(parts)


def _classify(body: str, patterns: _Patterns) -> list[_Line]:
    lines = []
    lower = body.lower()
    if len(lower) != len(body):
        lower = None
    for match in re.finditer(r"[^\n]+", body):
        text = match.group()
        if not text.strip():
            continue
        low = lower[match.start() : match.end()] if lower is not None else text.lower()
        words = _WORD.findall(text)
        # the patterns are slow; most lines of an article hold none of their keywords
        candidate = len(words) <= patterns.short_line_words or any(
            keyword in low for keyword in patterns.keywords
        )
        reader = len(patterns.reader.findall(text))
        quoted = any(q in text for q in '"“”')
        boiler = candidate and (
            bool(patterns.strong.search(text))
            or (reader > 0 and not quoted and bool(patterns.weak.search(text)))
        )
        fragment = len(words) <= _FRAGMENT_MAX_WORDS and not re.search(r"[.!?:\"”)]\s*$|\d", text)
        lines.append(
            _Line(
                start=match.start(),
                end=match.end(),
                text=text,
                boilerplate=boiler,
                fragment=fragment,
                section_start=candidate and bool(patterns.section.search(text)),
                reader_address=reader,
            )
        )
    return lines


def _trailing_section(lines: list[_Line]) -> int | None:
    """Index of the first line of a trailing boilerplate section, if the page has one."""
    furniture = [line.boilerplate or line.fragment or line.reader_address > 0 for line in lines]
    start = None
    # Walk back from the end while the lines are furniture; the section starts at the
    # earliest section marker inside that run.
    for index in range(len(lines) - 1, 0, -1):
        if not furniture[index]:
            break
        if lines[index].section_start and lines[index].boilerplate:
            start = index
    return start
