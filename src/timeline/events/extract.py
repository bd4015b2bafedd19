"""Extract: the dated statements of an article, each an event `Mention`.

Every sentence of the article's content (boilerplate blanked) that states something gets
a date, and says where it came from (`Mention.dated_by`):

- "expression": the sentence holds an expression that places it in calendar time (a
  DATE or TIME, an anchored DURATION such as "the past 24 hours", a range). When it holds
  several, the date of the reported event wins over the date of the reporting ("said on
  Monday that the deal signed in 2005..." is dated 2005);
- "narrative": no expression, but the sentence, in the past tense, continues a paragraph
  that is telling a story at a date (the last dated sentence before it in the same
  paragraph, whose expression is kept as the mention's), or else the article's news has
  a day of its own: the first day it names, outside quotations and references to other
  events, that is at most `NEWS_DAY_MAX_DAYS` before publication ("Sunday" in an article
  published on Monday; see `resolve.tagger.news_day`). What is reported ("the UN says",
  "officials said") and the present perfect ("the well has been sealed") are the
  article's news, never a background date the paragraph was at: the news day, else the
  publication day;
- "publication": neither; news reports what happened as it is published, so the sentence
  is dated at the article's publication day, with no expression.

Not events: recurring schedules (a sentence whose only expressions are SETs, "every
Friday"), questions, and headings, credits and captions (lines that do not end like a
sentence and are short or in title case).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import cache

from timeline.ingest.segment import split_sentences
from timeline.lang import language_data
from timeline.models import Article, Interval, Mention, Sentence, Timex
from timeline.resolve.tagger import CLOCK_RULES, news_day, quotation_spans

# A statement ends like a sentence and has a few words, or is long: shorter or unpunctuated
# lines are headings, credits or captions.
MIN_WORDS = 3
MIN_WORDS_UNPUNCTUATED = 6
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"[.!…][\"'”’)\]]*$")


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


def choose_event_date(
    sentence: str, offset: int, timexes: list[Timex], language: str, published: date
) -> Timex | None:
    """The expression that dates the sentence's event, or None when none does.

    Set aside, in order: spans that start at publication and reach into the future ("over
    the next four years": how long a plan runs, not when it was made), future dates in
    reported speech ("said it will receive the jets in 2009": the event is the saying),
    bare clock times when a day is named, dates in a side remark (", originally due later
    this year,": when only such dates are left, the sentence has none of its own), and
    the date of the reporting ("said Friday"). The first expression left wins; if only
    reporting dates are left, the first of them.
    """
    candidates = [t for t in timexes if not _runs_ahead(t, published)]
    candidates = [
        t for t in candidates if not _reported_future(sentence, offset, t, published, language)
    ]
    if not candidates:
        return None
    candidates = [t for t in candidates if not _bare_clock(t)] or candidates
    main = [t for t in candidates if not _aside(sentence, offset, t)]
    if not main:
        if all(_aside(sentence, offset, t, _REMARK_MAX_WORDS) for t in candidates):
            return None  # a date in a short side remark dates what the remark is about
        main = candidates
    for timex in main:
        if not is_reporting_date(sentence, timex, offset, language):
            return timex
    return main[0]


def _bare_clock(timex: Timex) -> bool:
    """ "at 18:00 UTC": a time without a day of its own says little about the date."""
    return timex.rule in CLOCK_RULES


def _runs_ahead(timex: Timex, published: date) -> bool:
    return (
        timex.type == "DURATION"
        and timex.period.begin >= published
        and (timex.period.end > published)
    )


@cache
def _reporting_verb(language: str) -> re.Pattern:
    verbs = "|".join(re.escape(v) for v in language_data(language).REPORTING_VERBS)
    return re.compile(rf"\b(?:{verbs})\b", re.I)


def _reported_future(
    sentence: str, offset: int, timex: Timex, published: date, language: str
) -> bool:
    return timex.period.begin > published and bool(
        _reporting_verb(language).search(sentence, 0, timex.start - offset)
    )


_ASIDE_OPEN = re.compile(r"(?:,|\(|\s[-–—])[^,()\-–—]*$")
_ASIDE_CLOSE = re.compile(r"^[^,()\-–—]*(?:,|\)|\s[-–—])")


# A side remark is short (", begun two years ago,", ", originally due later this year,");
# between a sentence's first comma and its last runs its main clause.
_REMARK_MAX_WORDS = 8


def _aside(sentence: str, offset: int, timex: Timex, max_words: int = 0) -> bool:
    """Is the expression inside a side remark (between commas, dashes or parentheses)
    (of at most `max_words` words, when given)?"""
    start, end = timex.start - offset, timex.end - offset
    opened = _ASIDE_OPEN.search(sentence[:start])
    closed = _ASIDE_CLOSE.search(sentence[end:])
    if not (opened and closed):
        return False
    if not max_words:
        return True
    remark = sentence[opened.start() : end + closed.end()]
    return len(_WORD.findall(remark)) <= max_words


@cache
def _reference_frames(language: str) -> tuple[list[re.Pattern], re.Pattern, re.Pattern]:
    lang = language_data(language)
    nouns = "|".join(re.escape(n) for n in sorted(set(lang.EVENT_NOUNS), key=len, reverse=True))
    before = [re.compile(f.format(nouns=nouns), re.IGNORECASE) for f in lang.REFERENCE_BEFORE]
    after = re.compile(lang.REFERENCE_AFTER.format(nouns=nouns), re.IGNORECASE)
    return before, after, re.compile(lang.REFERENCE_DETERMINERS, re.IGNORECASE)


def reference_phrase(sentence: str, offset: int, timex: Timex, language: str = "en") -> str:
    """The words of `sentence` that refer, with `timex`, to another event: "Tuesday's
    earthquake", "the 20 April blowout", "the disaster that began on 20 April", "since
    the rig exploded on 20 April"; "" when the date is the sentence's own."""
    before_frames, after, determiner = _reference_frames(language)
    start, end = timex.start - offset, timex.end - offset
    head = sentence[max(0, start - 80) : start]
    for frame in before_frames:
        found = frame.search(head)
        if found:
            return sentence[start - (len(head) - found.start()) : end].strip()
    possessive = sentence[end : end + 2] in ("'s", "’s")
    led = timex.text[:4].lower() == "the "  # "the 20 April" is one expression
    if possessive or led or determiner.search(sentence, max(0, start - 12), start):
        found = after.match(sentence[end : end + 60])
        if found:
            begin = start
            article = determiner.search(sentence, max(0, start - 12), start)
            if article and not possessive:
                begin = article.start()
            return sentence[begin : end + found.end()].strip()
    return ""


@cache
def _finite_verbs(language: str) -> re.Pattern:
    """The finite verbs that give a statement its tense: present ones, and past ones
    (auxiliaries, irregular verbs, a lower-case "-ed" word not after an auxiliary)."""
    lang = language_data(language)

    def words(items: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))

    not_past = words(lang.NOT_PAST_VERBS)
    return re.compile(
        rf"(?<![\w'-])(?:(?P<present>(?i:{words(lang.PRESENT_VERBS)}))"
        rf"|(?P<past>(?i:{words(lang.PAST_AUXILIARIES)}|{words(lang.PAST_VERBS)})"
        rf"|(?<!\bhas\s)(?<!\bhave\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)"
        rf"(?!(?:{not_past})\b)[a-z]{{2,}}[^e\W]ed))(?![\w'-])"
    )


# Statements that are the article's news, never the background a paragraph was telling
# before them: what is reported, in the present or the past ("the UN says", "officials
# said"), and the present perfect, which English never joins to a past date ("the well
# has been sealed", never "has been sealed on 20 April").
_NEWS_TENSES = ("reported", "reported_past", "perfect")


def statement_tense(text: str, language: str = "en") -> str:
    """The tense of a statement, from its first finite verb outside quotation marks:

    - "present" (future included: about now, not the news day): "aid groups are racing";
    - "reported": a reporting verb in the present, "the UN says" (said as it is written);
    - "perfect": the present perfect, "the UN has launched an appeal" (news up to now);
    - "reported_past": a reporting verb in the past, "officials said", "he told the BBC";
    - "past": any other past tense;
    - "" when no finite verb is found."""
    quoted = quotation_spans(text)
    perfect = set(getattr(language_data(language), "PERFECT_AUXILIARIES", ()))
    for verb in _finite_verbs(language).finditer(text):
        if any(a <= verb.start() < b for a, b in quoted):
            continue
        word = verb.group()
        if verb.group("present"):
            return "reported" if _reporting_verb(language).fullmatch(word) else "present"
        if word.lower() in perfect:
            return "perfect"
        return "reported_past" if _reporting_verb(language).fullmatch(word) else "past"
    return ""


@dataclass(frozen=True, slots=True)
class _Dated:
    timex: Timex
    paragraph: int  # offset of the line (paragraph) the dating sentence is on


def is_statement(sentence: Sentence, timexes: list[Timex]) -> bool:
    """Is the sentence a statement that can report an event (see the module docstring)?"""
    text = sentence.text.rstrip()
    words = len(_WORD.findall(text))
    if text.rstrip("\"'”’)]").endswith("?") or words < MIN_WORDS:
        return False
    if not _SENTENCE_END.search(text) and (words < MIN_WORDS_UNPUNCTUATED or _title_case(text)):
        return False
    inside = [t for t in timexes if sentence.start <= t.start and t.end <= sentence.end]
    return not (inside and all(t.type == "SET" for t in inside))


def _title_case(text: str) -> bool:
    """A headline or caption: most of its words capitalised."""
    words = [w for w in _WORD.findall(text) if w[0].isalpha() and len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def extract_mentions(article: Article, timexes: list[Timex]) -> list[Mention]:
    """One mention per statement of `article`, dated as the module docstring says."""
    ordered = sorted(timexes, key=lambda t: t.start)
    starts = [t.start for t in ordered]
    usable = set(map(id, dating_timexes(ordered)))
    publication = Interval(article.published, article.published, "day")
    sentences = split_sentences(article.content, article.language)
    statements = []
    referring_ids: set[int] = set()
    for sentence in sentences:
        first = bisect_left(starts, sentence.start)
        inside = []
        for timex in ordered[first:]:
            if timex.start >= sentence.end:
                break
            if timex.end <= sentence.end:
                inside.append(timex)
        if not is_statement(sentence, inside):
            continue
        dating = [t for t in inside if id(t) in usable]
        # dates that name another event the sentence refers to: a mention of that event,
        # and no date of the sentence's own statement
        references = []
        for timex in dating:
            phrase = reference_phrase(sentence.text, sentence.start, timex, article.language)
            if phrase:
                references.append((timex, phrase))
                referring_ids.add(id(timex))
        statements.append((sentence, dating, references))
    # the article's news day: never a date that names another event ("since Tuesday's
    # earthquake" in Friday's article is not Friday's news)
    news_from = [t for t in ordered if id(t) not in referring_ids]
    topic = news_day(news_from, article.published, quotation_spans(article.content))
    mentions: list[Mention] = []
    last: _Dated | None = None
    for sentence, dating, references in statements:
        paragraph = article.content.rfind("\n", 0, sentence.start)
        if references:
            referring = {id(t) for t, _ in references}
            dating = [t for t in dating if id(t) not in referring]
            for timex, phrase in references:
                mention = _mention(article, sentence, timex, timex.period, "reference")
                mentions.append(dataclasses.replace(mention, reference=phrase))
        chosen = None
        if dating:
            chosen = choose_event_date(
                sentence.text, sentence.start, dating, article.language, article.published
            )
        if chosen is not None:
            # the next sentences go on with the story at this date; not at the date of a
            # reporting ("stated on Thursday that it had signed"), which tells no story
            reporting = is_reporting_date(sentence.text, chosen, sentence.start, article.language)
            last = None if reporting else _Dated(chosen, paragraph)
            mentions.append(_mention(article, sentence, chosen, chosen.period, "expression"))
            continue
        tense = statement_tense(sentence.text, article.language)
        if tense == "present" or (tense in _NEWS_TENSES and (topic is None or references)):
            # a statement in the present tense is about the time of writing, whatever day
            # its paragraph or the article's news is at: the publication day; so is what
            # is reported ("the UN says", "officials said") or has happened up to now
            # ("the UN has launched an appeal") when the article names no news day
            mentions.append(_mention(article, sentence, None, publication, "publication"))
        elif tense not in _NEWS_TENSES and last is not None and last.paragraph == paragraph:
            # a past-tense sentence goes on with the story its paragraph is telling
            mentions.append(_mention(article, sentence, last.timex, last.timex.period, "narrative"))
        elif topic is not None and not references:
            # the article's news day, for what it tells of that day (a sentence that refers
            # to an event says something else of its own: the publication day, below)
            mentions.append(_mention(article, sentence, topic, topic.period, "narrative"))
        else:
            mentions.append(_mention(article, sentence, None, publication, "publication"))
    return mentions


def _mention(
    article: Article, sentence: Sentence, timex: Timex | None, period: Interval, dated_by: str
) -> Mention:
    return Mention(
        article=article.id,
        start=sentence.start,
        end=sentence.end,
        sentence=article.body[sentence.start : sentence.end],
        expression=timex.text if timex else "",
        value=timex.value if timex else period.begin.isoformat(),
        interval=period,
        published=article.published,
        source=article.source,
        expression_start=timex.start if timex else -1,
        expression_end=timex.end if timex else -1,
        dated_by=dated_by,
    )
