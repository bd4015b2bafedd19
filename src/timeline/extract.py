"""Extract: the dated statements of an article, each an event `Mention`.

Rules (v1):
- the article's content (boilerplate blanked) is split into sentences;
- a sentence becomes a mention when it holds an expression that places it in calendar
  time (a DATE or TIME, or an anchored DURATION such as "the past 24 hours");
- recurring expressions (SET: "every Friday") and vague ones ("now", "recently") never
  date a mention; sentences without a dated expression are not events in v1 (a wrong
  date is worse than a missing one);
- when a sentence holds several dates, the date of the reported event wins over the date
  of the reporting ("said on Monday that the deal signed in 2005..." is dated 2005).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from timeline.lang import language_data
from timeline.models import Article, Mention, Timex
from timeline.segment import split_sentences


@cache
def _reporting_frame(language: str) -> tuple[re.Pattern, re.Pattern]:
    verbs = "|".join(re.escape(v) for v in language_data(language).REPORTING_VERBS)
    # "said Friday", "said on Monday", "told reporters Friday", "Friday's announcement"
    before = re.compile(rf"\b(?:{verbs})(?:\s+\w+){{0,2}}\s+(?:on\s+|late\s+|early\s+)?$", re.I)
    after = re.compile(rf"^,?\s+(?:\w+\s+){{0,1}}(?:{verbs})\b", re.I)
    return before, after


def is_reporting_date(sentence_text: str, timex: Timex, offset: int, language: str = "en") -> bool:
    """Does `timex` date the act of reporting ("X said Friday") rather than the event?"""
    before, after = _reporting_frame(language)
    local_start = timex.start - offset
    local_end = timex.end - offset
    return bool(
        before.search(sentence_text[max(0, local_start - 40) : local_start])
        or after.match(sentence_text[local_end : local_end + 40])
    )


def dating_timexes(timexes: list[Timex]) -> list[Timex]:
    """The expressions that can date an event: placed in calendar time, not recurring."""
    return [t for t in timexes if t.period is not None and t.type != "SET"]


def extract_mentions(article: Article, timexes: list[Timex]) -> list[Mention]:
    """One mention per sentence of `article` that a resolved expression dates."""
    usable = sorted(dating_timexes(timexes), key=lambda t: t.start)
    starts = [t.start for t in usable]
    mentions: list[Mention] = []
    for sentence in split_sentences(article.content, article.language):
        first = bisect_left(starts, sentence.start)
        inside = []
        for timex in usable[first:]:
            if timex.start >= sentence.end:
                break
            if timex.end <= sentence.end:
                inside.append(timex)
        if not inside:
            continue
        chosen = choose_event_date(sentence.text, sentence.start, inside, article.language)
        mentions.append(
            Mention(
                article=article.id,
                start=sentence.start,
                end=sentence.end,
                sentence=article.body[sentence.start : sentence.end],
                expression=chosen.text,
                value=chosen.value,
                interval=chosen.period,
                published=article.published,
                source=article.source,
                expression_start=chosen.start,
                expression_end=chosen.end,
            )
        )
    return mentions


def choose_event_date(sentence: str, offset: int, timexes: list[Timex], language: str) -> Timex:
    """The expression that dates the sentence's event: the first one that is not the
    date of the reporting, else the first one."""
    for timex in timexes:
        if not is_reporting_date(sentence, timex, offset, language):
            return timex
    return timexes[0]
