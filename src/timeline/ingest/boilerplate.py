"""Find the parts of a pasted web page that are site furniture, not the article.

Works line by line (a pasted page has one paragraph a line), with two rules:
- a line is boilerplate when it carries a strong call-to-action pattern ("Sign up for our
  newsletter", "Privacy Policy", "Read more"), or a weak one ("support", "donate",
  "subscribe") while speaking to the reader ("you", "us", "our");
- a trailing section (a sign-up box, a donation appeal, a footer) that opens with a
  section marker is dropped whole when every line of it is boilerplate, a fragment
  ("Monthly", "Continue") or the site speaking to its readers ("we", "our", "you"), which
  catches the appeal's own prose ("We are facing unprecedented challenges...").
Inside a line, a page's own time stamps ("Last updated at 06:28 GMT", "18:00 UK time,
Saturday, 25 April 2009") are furniture wherever they stand, and readers' comments
("At 6:19 pm on 01 Jun 2009, drmattprescott wrote: ...") run from the first one to the
end of the text. A third rule needs the whole story: a passage repeated word for word in many of its
articles (`repeated_passages`), such as a site's footer or product advertising, is site
furniture too, unless it holds a figure or a date (syndicated background such as "the last
pandemic was in 1968" is kept).
Blanking keeps offsets: boilerplate characters become spaces, newlines stay.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cache

import numpy as np

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
    furniture: re.Pattern | None
    comments: re.Pattern | None


@cache
def _patterns(language: str) -> _Patterns:
    data = language_data(language)

    def union(patterns: tuple[str, ...]) -> re.Pattern:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE | re.MULTILINE)

    return _Patterns(
        strong=union(data.BOILERPLATE_STRONG),
        weak=union(data.BOILERPLATE_WEAK),
        reader=re.compile(data.READER_ADDRESS),
        section=union(data.BOILERPLATE_SECTION_STARTS),
        keywords=data.BOILERPLATE_KEYWORDS,
        short_line_words=data.BOILERPLATE_SHORT_LINE_WORDS,
        furniture=_optional(data, "FURNITURE_SPANS", union),
        comments=_optional(data, "COMMENTS_START", union),
    )


def _optional(data, name: str, union) -> re.Pattern | None:
    patterns = getattr(data, name, ())
    return union(patterns) if patterns else None


def boilerplate_spans(body: str, language: str = "en") -> list[tuple[int, int]]:
    """Character spans of `body` that are page boilerplate, in order."""
    patterns = _patterns(language)
    lines = _classify(body, patterns)
    drop = [line.boilerplate for line in lines]
    cut = _trailing_section(lines)
    if cut is not None:
        for i in range(cut, len(lines)):
            drop[i] = True
    spans = [(line.start, line.end) for line, dropped in zip(lines, drop, strict=True) if dropped]
    inline = []
    if patterns.furniture is not None and ("updated" in body or "UK time" in body):
        inline += [m.span() for m in patterns.furniture.finditer(body)]
    if patterns.comments is not None and " wrote:" in body:
        first = patterns.comments.search(body)
        if first is not None:
            inline.append((first.start(), len(body)))
    return _union(spans + inline) if inline else spans


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def blank_boilerplate(body: str, language: str = "en") -> str:
    """`body` with boilerplate replaced by spaces (newlines kept), so offsets still agree."""
    return blank_spans(body, boilerplate_spans(body, language))


def blank_spans(body: str, spans: list[tuple[int, int]]) -> str:
    """`body` with the given spans (in order, not overlapping) turned to spaces."""
    if not spans:
        return body
    parts: list[str] = []
    position = 0
    for start, end in spans:
        parts.append(body[position:start])
        parts.append(re.sub(r"[^\n]", " ", body[start:end]))
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


# Passages repeated in many articles: at least this many words long, in at least
# `_REPEATED_MIN_ARTICLES` articles and `_REPEATED_MIN_SHARE` of them.
_SHINGLE_WORDS = 8
_REPEATED_MIN_ARTICLES = 5
_REPEATED_MIN_SHARE = 0.03
_SHINGLE_WORD = re.compile(r"[^\W_]+")
_DATE_LIKE = re.compile(r"\d")
_PIECE = re.compile(r"[^.!?]+[.!?]*")
_PIECE_MIN_WORDS = 6


# Fingerprint of a run: a polynomial hash (mod 2**64) of its words' CRC-32s.
_PRINT_BASE = np.uint64(0x100000001B3)


def _run_prints(words: list[str]) -> np.ndarray:
    """The fingerprint of every run of `_SHINGLE_WORDS` consecutive words, in order.
    Stable across runs and machines (CRC-32 and fixed arithmetic), so they can be cached;
    computed for all runs at once (a text of 10,000 words has 10,000 runs)."""
    count = len(words) - _SHINGLE_WORDS + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    codes = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
    prints = np.zeros(count, dtype=np.uint64)
    for k in range(_SHINGLE_WORDS):  # uint64 arithmetic wraps: the hash is mod 2**64
        prints = prints * _PRINT_BASE + codes[k : k + count]
    return prints


def passage_prints(text: str) -> list[int]:
    """The distinct fingerprints of a text's word runs (what `repeated_prints` counts)."""
    words = [w.lower() for w in _SHINGLE_WORD.findall(text)]
    return np.unique(_run_prints(words)).tolist()


def repeated_prints(prints_per_text: list[list[int]]) -> set[int]:
    """Fingerprints that enough of the texts share to be site furniture."""
    needed = max(_REPEATED_MIN_ARTICLES, int(_REPEATED_MIN_SHARE * len(prints_per_text) + 0.999))
    total = sum(len(prints) for prints in prints_per_text)
    if total == 0:
        return set()
    every = np.fromiter(  # each text's prints are distinct: a print's count is its texts
        (p for prints in prints_per_text for p in prints), dtype=np.uint64, count=total
    )
    prints, counts = np.unique(every, return_counts=True)
    return set(prints[counts >= needed].tolist())


def furniture_spans(text: str, repeated: set[int]) -> list[tuple[int, int]]:
    """Spans of `text` covered by repeated word runs and holding no figure or date."""
    runs: list[tuple[int, int]] = []
    matches = list(_SHINGLE_WORD.finditer(text))
    prints = _run_prints([m.group().lower() for m in matches]).tolist()
    last = _SHINGLE_WORDS - 1
    for k in [k for k, p in enumerate(prints) if p in repeated]:  # few runs are repeated
        start, end = matches[k].start(), matches[k + last].end()
        if runs and start <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(runs[-1][1], end))
        else:
            runs.append((start, end))
    return [piece for run in runs for piece in _furniture_pieces(text, *run)]


def repeated_passages(texts: list[str]) -> list[list[tuple[int, int]]]:
    """For each text, the spans of passages that many of the texts repeat word for word
    and that hold no figure or date (see the module docstring)."""
    repeated = repeated_prints([passage_prints(t) for t in texts])
    return [furniture_spans(t, repeated) if repeated else [] for t in texts]


def _furniture_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences (or parts) of a repeated run that hold no figure or date."""
    pieces = []
    for match in _PIECE.finditer(text, start, end):
        piece = match.group()
        if len(_SHINGLE_WORD.findall(piece)) >= _PIECE_MIN_WORDS and not _DATE_LIKE.search(piece):
            pieces.append((match.start(), match.start() + len(piece.rstrip())))
    return pieces
