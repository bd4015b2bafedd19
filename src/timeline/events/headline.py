"""An event's headline: its clearest mention, cleaned of datelines and attributions.

The mention chosen is dated to the event's own date (a source that gives another date
is passed over when there is a choice), dates the event by an expression, is of readable
length (`IDEAL_WORDS`), and shares most words with the event's other mentions (it says
what they all say), the first published on a tie. Cleaning removes what a timeline entry
does not need: datelines ("CANBERRA, Australia (AP) -", "Reuters -"), live-blog
timestamps ("10.32am:"), bylines, and trailing attributions (", officials said.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from timeline.events.similarity import Vector, cosine, tfidf, tokens
from timeline.lang import language_data
from timeline.models import Interval, Mention

MAX_CHARS = 200
IDEAL_WORDS = (8, 35)
# Trailing attributions are searched for in this many last characters only (the longest
# is a few dozen): the search is anchored at the end but scans from the start.
_TAIL_REACH = 240
_QUOTES = "\"”’'"


@cache
def _patterns(language: str) -> tuple[re.Pattern, re.Pattern, tuple[str, ...]]:
    data = language_data(language)
    lead = re.compile("|".join(f"(?:{p})" for p in data.HEADLINE_LEAD_PATTERNS))
    tail = re.compile("|".join(f"(?:{p})" for p in data.HEADLINE_TAIL_PATTERNS), re.IGNORECASE)
    cues = tuple(cue.lower() for cue in data.HEADLINE_TAIL_CUES)
    return lead, tail, cues


def clean(sentence: str, language: str = "en") -> str:
    """The sentence without datelines, timestamps, bylines and trailing attributions."""
    lead, tail, cues = _patterns(language)
    text = " ".join(sentence.split())
    for _ in range(3):  # a timestamp, then a dateline, then a byline
        found = lead.match(text)  # lead patterns describe the start of a sentence
        stripped = (text[found.end() :] if found else text).lstrip(" -–—:_")
        if stripped == text:
            break
        text = stripped
    cut = 0
    if len(text) > _TAIL_REACH:  # the tail patterns are anchored at the end: search there
        cut = text.rfind(" ", 0, len(text) - _TAIL_REACH) + 1
    end = text[cut:].lower()
    if any(cue in end for cue in cues):  # a cheap test first: most sentences have none
        text = text[:cut] + tail.sub(".", text[cut:])
    if text.endswith(".") and text[-2:-1] in _QUOTES and text[-3:-2] == ",":
        text = text[:-3] + "." + text[-2]  # '...Russia,".' after a removed attribution
    if text[:1] in '"“' and not any(q in text[1:] for q in '"”'):
        text = text[1:].lstrip()  # the opening quote of a quote that goes on in the next sentence
    if text.endswith(('"', "”")) and text.count('"') + text.count("“") + text.count("”") == 1:
        text = text[:-1].rstrip()  # the closing quote of a quote begun in an earlier sentence
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text.strip() or " ".join(sentence.split())


def trim(text: str, limit: int = MAX_CHARS) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def headline(
    mentions: Sequence[Mention],
    language: str = "en",
    vectors: Sequence[Vector] | None = None,
    date: Interval | None = None,
) -> str:
    """The event's text (see the module docstring); `vectors` are the mentions' word
    vectors when the caller has them already. With the event's `date`, a mention dated
    to another date (a source that disagrees) is chosen only if no other can be."""
    if len(mentions) == 1:
        return trim(clean(without_stamp(mentions[0]), language))
    if vectors is None:
        vectors = tfidf([tokens(m.sentence, language) for m in mentions], language)

    # the mean cosine with every mention is the cosine with their sum, over their number
    total: dict[str, float] = {}
    for vector in vectors:
        for word, weight in vector.items():
            total[word] = total.get(word, 0.0) + weight

    def score(index: int) -> tuple:
        mention = mentions[index]
        words = len(mention.sentence.split())
        low, high = IDEAL_WORDS
        readable = 0 if low <= words <= high else -min(abs(words - low), abs(words - high))
        centrality = cosine(vectors[index], total) / len(vectors)
        return (
            date is None or mention.interval == date,
            mention.dated_by == "expression",
            readable // 5,
            round(centrality, 2),
            -mention.published.toordinal(),
            -index,
        )

    best = max(range(len(mentions)), key=score)
    return trim(clean(without_stamp(mentions[best]), language))


def without_stamp(mention: Mention) -> str:
    """The sentence without the live-blog time stamp it opens on ("1522 US President
    Barack Obama says..."), when that stamp is what dates it (a time the resolver read
    as such, never a year)."""
    sentence = mention.sentence
    offset = mention.expression_start - mention.start
    if (
        mention.dated_by == "expression"
        and "T" in mention.value
        and mention.expression.isdigit()
        and not sentence[:offset].strip()
        and offset >= 0
    ):
        rest = sentence[offset + len(mention.expression) :].lstrip(" :-–—")
        if rest[:1].isupper() or rest[:1] in "\"“'":
            return rest
    return sentence
