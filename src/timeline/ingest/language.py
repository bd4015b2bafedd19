"""The language of an article: stated, else the story's, else recognised from its text.

Recognising a language takes two steps. Most news text is settled by its function words:
the share of an article's words that are one supported language's stop words ("the",
"de", "und", "що") is far above any other's, and Cyrillic text is Ukrainian or Russian by
the letters only one of them has (і, ї, є, ґ against ы, э, ъ, ё). What that leaves (short
or mixed text, another language) goes to py3langid, a packaged naive Bayes model over
byte n-grams (97 languages, its model inside the wheel, nothing downloaded), imported
only then: its model takes a few seconds to load, which an English-only build never pays.
A language the tool does not read is reported as such, and the text is read as English.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from timeline.lang import LANGUAGES, base_code

# Enough text to tell a language; more only costs time.
SAMPLE_CHARS = 6000
# The stop words of the best language must be at least this share of the words...
MIN_SHARE = 0.15
# ...and this many times the next language's share.
MIN_RATIO = 1.5
MIN_WORDS = 8
# py3langid's answer counts from this probability.
MIN_PROBABILITY = 0.5

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN = re.compile(r"[ыэъёЫЭЪЁ]")


@cache
def _stop_words() -> dict[str, frozenset[str]]:
    """Each language's stop words of two letters or more (single letters are shared)."""
    return {
        code: frozenset(w for w in data.STOPWORDS if len(w) > 1) for code, data in LANGUAGES.items()
    }


def detect_language(text: str) -> str:
    """The language `text` is written in, as a code ("es"), or "" when it cannot be told;
    it may be a language the tool does not read (`timeline.lang.is_supported`)."""
    sample = text[:SAMPLE_CHARS]
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic > 2 * len(_LATIN.findall(sample)):
        ukrainian, russian = len(_UKRAINIAN.findall(sample)), len(_RUSSIAN.findall(sample))
        if ukrainian > 2 * russian and ukrainian >= 3:
            return "uk"
        if russian > 2 * ukrainian and russian >= 3:
            return "ru"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) >= MIN_WORDS:
        shares = sorted(
            ((sum(w in stop for w in words) / len(words), code)
             for code, stop in _stop_words().items()),
            reverse=True,
        )  # fmt: skip
        (best, code), (second, _) = shares[0], shares[1]
        if best >= MIN_SHARE and best >= MIN_RATIO * second:
            return code
    return _model_language(sample)


def _model_language(sample: str) -> str:
    if not sample.strip():
        return ""
    found, probability = _identifier().classify(sample)
    return found if probability >= MIN_PROBABILITY else ""


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # loads its model: seconds

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def article_language(stated: str, story_language: str, text: str) -> str:
    """The article's language: the stated one, else the story's, else the one its text is
    in, else "en". A language the tool does not read is kept (and read as English)."""
    return stated or story_language or detect_language(text) or "en"


def main_language(languages: Iterable[str]) -> str:
    """The language most articles are in (the first of equals), "en" for none."""
    counts = Counter(base_code(code) for code in languages if code)
    return counts.most_common(1)[0][0] if counts else "en"
