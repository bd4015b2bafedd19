"""What two sentences have in common: TF-IDF over stemmed content words.

Stemming (Snowball) lets "delivered", "delivery" and "deliveries" meet; function words are
left out; numbers and names count as words ("179 tankers", "A380") and weigh more, since
a shared figure or name is strong evidence of a shared fact. Candidate pairs are found
through an inverted index of the distinctive words, so comparing thousands of sentences
does not compare every pair.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

import snowballstemmer

from timeline.lang import language_data

Vector = dict[str, float]

_TOKEN = re.compile(r"[^\W_]+(?:[.,'’-][^\W_]+)*")
# Names and figures: a shared one says more than a shared common word.
_SPECIFIC_WEIGHT = 1.5
# Words in more than this share of the sentences are too common to find candidates by.
_INDEX_MAX_SHARE = 0.05
_INDEX_MIN_DOCS = 20


@cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    name = getattr(language_data(language), "SNOWBALL_LANGUAGE", "english")
    return snowballstemmer.stemmer(name)


def tokens(text: str, language: str = "en") -> list[str]:
    """Stemmed content words of `text`; names and figures are marked with a leading "#"."""
    stop = language_data(language).STOPWORDS
    stem = _stemmer(language).stemWord
    out = []
    for index, match in enumerate(_TOKEN.finditer(text)):
        word = match.group()
        low = word.lower().removesuffix("'s").removesuffix("’s")
        if low in stop:
            continue
        if any(ch.isdigit() for ch in low):
            if len(low) > 1:
                out.append("#" + low.replace(",", ""))
            continue
        if len(low) < 3:
            continue
        named = word[0].isupper() and index > 0
        out.append(("#" if named else "") + stem(low))
    return out


def tfidf(documents: Sequence[Sequence[str]]) -> list[Vector]:
    """L2-normalised TF-IDF vectors of token lists (log tf, smoothed idf)."""
    df = Counter(word for doc in documents for word in set(doc))
    n = len(documents)
    vectors = []
    for doc in documents:
        counts = Counter(doc)
        vec = {
            w: (1 + math.log(c))
            * math.log((1 + n) / (1 + df[w]) + 1)
            * (_SPECIFIC_WEIGHT if w.startswith("#") else 1.0)
            for w, c in counts.items()
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({w: v / norm for w, v in vec.items()})
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def candidate_pairs(vectors: Sequence[Vector]) -> Iterable[tuple[int, int]]:
    """Pairs of vectors sharing at least one distinctive word, each pair once (i < j)."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, vec in enumerate(vectors):
        for word in vec:
            postings[word].append(i)
    limit = max(_INDEX_MIN_DOCS, int(_INDEX_MAX_SHARE * len(vectors)))
    seen: set[tuple[int, int]] = set()
    for ids in postings.values():
        if len(ids) < 2 or len(ids) > limit:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                pair = (ids[x], ids[y])
                if pair not in seen:
                    seen.add(pair)
                    yield pair
