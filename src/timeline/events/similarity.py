"""What two sentences have in common: TF-IDF over stemmed content words.

Stemming (Snowball, with "-ery" nouns stemmed as their verbs) lets "delivered",
"delivery" and "deliveries" meet; function words are left out; numbers and names count
as words ("179 tankers", "A380") and weigh more, since a shared figure or name is strong
evidence of a shared fact.

`similar_pairs` finds every pair of sentences alike enough whose dates are near each
other, without comparing every pair: sentences sorted by date are taken a block at a
time, and each block is compared with the sentences dated near it by one sparse matrix
product (scipy), so tens of thousands of sentences merge in seconds.

Words weigh their idf over the story's own sentences (`WEIGHTS = "story"`), so a word
the story repeats (its subject: "Boeing", "Mubarak", "quake") weighs little. The
alternative of issue 26, a fixed table per language (`"fixed"`: wordfreq's frequencies,
so that a sentence's vector depends on its own words alone and a rebuild could keep the
similarities of untouched articles), and the same with the idf over the sentence's own
article (`"fixed-article"`: an article repeats its subject too), were measured on every
development set and lose there (BENCHMARKS.md, "Fixed word weights"): no fixed table
knows a story's subject, and sentences sharing only it merge. They stay as a research
setting, chosen with the environment variable `TIMELINE_WORD_WEIGHTS`.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cache

import numpy as np
import Stemmer
from scipy import sparse

from timeline.lang import LANGUAGES, language_data
from timeline.models import Interval

Vector = dict[str, float]

_TOKEN = re.compile(r"[^\W_]+(?:[.,'’-][^\W_]+)*")
# Names and figures: a shared one says more than a shared common word.
SPECIFIC_WEIGHT = 1.5
# How words are weighed (see the module docstring): "story" (the builds'), "fixed" or
# "fixed-article"; a research setting may choose another in the environment.
WEIGHT_MODES = ("story", "fixed", "fixed-article")
WEIGHTS = os.environ.get("TIMELINE_WORD_WEIGHTS", "story")


@cache
def _stem(language: str):
    """A memoised stemming function: news repeats its words. The Snowball stemmers,
    compiled (PyStemmer: the same algorithms and stems as the pure-Python
    snowballstemmer, about 20 times faster; a test checks they agree)."""
    lang = language_data(language)
    snowball = getattr(lang, "SNOWBALL_LANGUAGE", "english")
    stemmer = Stemmer.Stemmer(snowball) if snowball else _SuffixStemmer(lang.STEM_SUFFIXES)
    as_verb = getattr(lang, "NOUN_AS_VERB_ENDINGS", ())
    memo: dict[str, str] = {}

    def stem(word: str) -> str:
        found = memo.get(word)
        if found is None:
            base = word
            if len(word) > 6:  # a noun is stemmed as its verb ("delivery": "deliver")
                for ending, verb in as_verb:
                    if word.endswith(ending):
                        base = word[: -len(ending)] + verb
                        break
            found = memo[word] = stemmer.stemWord(base)
        return found

    return stem


def tokens(text: str, language: str = "en") -> list[str]:
    """Stemmed content words of `text`; names and figures are marked with a leading "#"."""
    token = _token_memo(language)
    found = _TOKEN.findall(text)
    out = []
    if found:  # the first word is capitalised for being first, not for being a name
        first = token(found[0], True)
        if first:
            out.append(first)
    for word in found[1:]:
        known = token(word, False)
        if known:
            out.append(known)
    return out


class _SuffixStemmer:
    """A light stemmer for a language Snowball lacks (Ukrainian): the longest listed
    ending is cut, leaving at least three letters ("війська", "військ", "військами" meet)."""

    def __init__(self, suffixes: tuple[str, ...]) -> None:
        self.suffixes = sorted(set(suffixes), key=len, reverse=True)

    def stemWord(self, word: str) -> str:
        for suffix in self.suffixes:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
        return word


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_THOUSANDS = re.compile(r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+")


def _fold(word: str) -> str:
    """A name without its accents ("Yémen" -> "yemen", "Saná" -> "sana"), so that articles
    in several languages name it alike."""
    return "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
    ).replace("’", "'")


@cache
def _token_memo(language: str):
    """The token of a word (or "" when it is not compared), memoised: news repeats its
    words, so most are looked up rather than stemmed."""
    data = language_data(language)
    english = data is language_data("en")
    stop = data.STOPWORDS
    synonyms = getattr(language_data(language), "SYNONYMS", {})
    stem = _stem(language)
    memo: dict[tuple[str, bool], str] = {}

    def token(word: str, first: bool) -> str:
        found = memo.get((word, first))
        if found is not None:
            return found
        low = word.lower().removesuffix("'s").removesuffix("’s")
        low = synonyms.get(low, low)
        if low in stop:
            found = ""
        elif any(ch.isdigit() for ch in low) and english:
            found = "#" + low.replace(",", "") if len(low) > 1 else ""
        elif any(ch.isdigit() for ch in low):  # "1.500" and "2,5" as English writes them
            number = low.replace(".", "") if _THOUSANDS.fullmatch(low) else low
            found = "#" + number.replace(",", ".") if len(low) > 1 else ""
        elif len(low) < 3:
            found = ""
        elif english:
            found = ("#" if word[0].isupper() and not first else "") + stem(low)
        elif word[0].isupper() and not first and _CYRILLIC.match(low):
            found = "#" + stem(low)  # a name, inflected as Slavic names are ("Україні")
        elif word[0].isupper() and not first:
            found = "#" + _fold(low)  # a name: the same in every language that writes it
        else:
            found = stem(low)
        if len(memo) < _MEMO_MAX:
            memo[(word, first)] = found
        return found

    return token


# Words remembered per language (a long-running process must not grow without bound).
_MEMO_MAX = 500_000


# A word of frequency f (a share of all words written) is in about this many times f of
# a news story's sentences: the words of a sentence of news.
SENTENCE_WORDS = 25
# The table holds the words wordfreq lists as written at least this often (3 in a
# million words, Zipf 3.5: 15,000 to 27,000 words a language); a rarer word, a figure, or a
# name the list lacks is as rare as the rarest. wordfreq gives frequencies in centibels.
RAREST_CENTIBELS = 550
RAREST = 10.0 ** (-RAREST_CENTIBELS / 100)


def _fixed_idf(frequency: float) -> float:
    """The smoothed idf the story weighs by (log(1 + 1/df)), with a sentence's chance of
    holding the word estimated from the word's frequency in the language."""
    return math.log(1.0 + 1.0 / min(1.0, SENTENCE_WORDS * frequency))


UNKNOWN_WEIGHT = _fixed_idf(RAREST)


@cache
def _language_code(language: str) -> str:
    """The code of the language data module `tokens` reads `language` with."""
    data = language_data(language)
    return next(code for code, module in LANGUAGES.items() if module is data)


@cache
def fixed_weights(language: str) -> dict[str, float]:
    """The weight of every token of `language` that wordfreq's list gives: the tokens
    of its words (the same token function as the story's words, so a stem weighs the sum
    of the frequencies of the words that stem to it), as a common word and as a name
    (capitalised); a token not in the table weighs `UNKNOWN_WEIGHT`. Built once per
    process and language, from the words at least `RAREST` frequent (0.1 to 0.35 s a
    language here; wordfreq ships its data: nothing is downloaded)."""
    try:  # on first use: its import costs 0.15 s
        from wordfreq import get_frequency_list
    except ImportError:
        raise ImportError("fixed word weights need wordfreq (timeline[weights])") from None

    code = _language_code(language)
    token = _token_memo(code)
    name_of = _name_form(code)
    frequency: dict[str, float] = defaultdict(float)
    for bucket, words in enumerate(get_frequency_list(code, "small")[: RAREST_CENTIBELS + 1]):
        share = 10.0 ** (-bucket / 100)
        for word in words:
            plain = token(word, True)
            if plain:
                frequency[plain] += share
                if not plain.startswith("#"):
                    frequency[name_of(word, plain)] += share
    return {word: _fixed_idf(share) for word, share in frequency.items()}


@cache
def _name_form(language: str) -> Callable[[str, str], str]:
    """The token of a lower-case word written capitalised inside a sentence (a name), given
    its plain token: what `tokens` makes of it, without stemming it again (a test checks)."""
    data = language_data(language)
    if data is language_data("en"):
        return lambda word, plain: "#" + plain
    synonyms = getattr(data, "SYNONYMS", {})

    def name(word: str, plain: str) -> str:
        if _CYRILLIC.match(word):
            return "#" + plain
        low = word.removesuffix("'s").removesuffix("’s")
        return "#" + _fold(synonyms.get(low, low))

    return name


def fixed_weight(word: str, language: str = "en", specific: float = SPECIFIC_WEIGHT) -> float:
    """A token's weight in `language` by the fixed table (see `fixed_weights`), names and
    figures times `specific`."""
    found = fixed_weights(_language_code(language)).get(word, UNKNOWN_WEIGHT)
    return found * specific if word.startswith("#") else found


class TfidfVectors(Sequence):
    """L2-normalised TF-IDF vectors of token lists (log tf, smoothed idf, names and
    figures weighing `SPECIFIC_WEIGHT`), computed for all documents at once as a sparse
    `matrix` (one row a document). Indexing gives one vector as a dict, made on demand:
    most callers need a few of them, not one per sentence of the story.

    `weights` (one of `WEIGHT_MODES`, default `WEIGHTS`): "story", idf over these
    documents; "fixed", each language's fixed table (`fixed_weights`; `languages` is the
    documents' language, one for all or one a document), with which a document's vector
    depends on it alone; "fixed-article", the table (names and figures without
    `SPECIFIC_WEIGHT`) times the idf over the documents of the same group (`groups`, the
    documents' articles), with which it depends on its article alone."""

    def __init__(
        self,
        documents: Sequence[Sequence[str]],
        languages: str | Sequence[str] = "en",
        weights: str | None = None,
        groups: Sequence[str] | None = None,
    ) -> None:
        columns: dict[str, int] = {}
        indptr, indices = [0], []
        for document in documents:
            for word in document:
                indices.append(columns.setdefault(word, len(columns)))
            indptr.append(len(indices))
        self.words = list(columns)
        shape = (len(documents), max(1, len(columns)))
        counts = sparse.csr_matrix(
            (np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr)),
            shape=shape,
        )
        counts.sum_duplicates()
        weights = weights or WEIGHTS
        if weights == "story":
            frequency = np.bincount(counts.indices, minlength=shape[1])
            idf = np.log((1 + len(documents)) / (1 + frequency) + 1)
            specific = [SPECIFIC_WEIGHT if w.startswith("#") else 1.0 for w in self.words]
            idf *= np.array(specific or [1])
            counts.data = (1 + np.log(counts.data)) * idf[counts.indices]
        elif weights in WEIGHT_MODES:
            article = weights == "fixed-article"
            fixed = self._fixed(counts, languages, 1.0 if article else SPECIFIC_WEIGHT)
            if article and groups is not None:
                fixed *= _group_idf(counts, groups)
            counts.data = (1 + np.log(counts.data)) * fixed
        else:
            raise ValueError(f"unknown word weights {weights!r}: one of {WEIGHT_MODES}")
        norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
        counts.data /= np.repeat(np.where(norms > 0, norms, 1.0), np.diff(counts.indptr))
        self.matrix = counts
        self._cache: dict[int, Vector] = {}

    def _fixed(
        self, counts: sparse.csr_matrix, languages: str | Sequence[str], specific: float
    ) -> np.ndarray:
        """The fixed weight of each stored entry of `counts`, in its document's language."""
        if isinstance(languages, str):
            languages = [languages] * counts.shape[0]
        codes = [_language_code(language) for language in languages]
        present = sorted(set(codes))
        bonus = np.array([specific if w.startswith("#") else 1.0 for w in self.words] or [1.0])
        table = np.empty((len(present), counts.shape[1]))
        for row, code in enumerate(present):
            known = fixed_weights(code)
            table[row, : len(self.words)] = [known.get(w, UNKNOWN_WEIGHT) for w in self.words]
        table *= bonus
        number = {code: k for k, code in enumerate(present)}
        row_language = np.array([number[code] for code in codes], dtype=np.int64)
        return table[np.repeat(row_language, np.diff(counts.indptr)), counts.indices]

    def __len__(self) -> int:
        return self.matrix.shape[0]

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        vector = self._cache.get(index)
        if vector is None:
            start, end = self.matrix.indptr[index], self.matrix.indptr[index + 1]
            words = self.words
            vector = dict(
                zip(
                    [words[c] for c in self.matrix.indices[start:end].tolist()],
                    self.matrix.data[start:end].tolist(),
                    strict=True,
                )
            )
            self._cache[index] = vector
        return vector


def _group_idf(counts: sparse.csr_matrix, groups: Sequence[str]) -> np.ndarray:
    """Each stored entry's smoothed idf over the documents of its own group (its
    article): a word an article repeats from sentence to sentence is its subject."""
    names = {name: k for k, name in enumerate(dict.fromkeys(groups))}
    group = np.array([names[g] for g in groups], dtype=np.int64)
    size = np.bincount(group, minlength=len(names))
    rows = np.repeat(group, np.diff(counts.indptr))
    key = rows * counts.shape[1] + counts.indices
    _, inverse, df = np.unique(key, return_inverse=True, return_counts=True)
    n = size[rows]
    return np.log((1 + n) / (1 + df[inverse]) + 1)


def tfidf(
    documents: Sequence[Sequence[str]],
    languages: str | Sequence[str] = "en",
    weights: str | None = None,
    groups: Sequence[str] | None = None,
) -> TfidfVectors:
    """L2-normalised TF-IDF vectors of token lists (see `TfidfVectors`)."""
    return TfidfVectors(documents, languages, weights, groups)


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


# Sentences are compared in blocks of this many, each with those dated near it.
_BLOCK = 512
# Dates longer than this are few ("2011", "the 1990s"): they are compared with every
# block they overlap, the others through the date-sorted window.
_LONG_DAYS = 31


def similar_pairs(
    vectors: TfidfVectors,
    intervals: Sequence[Interval],
    threshold: float,
    slack_days: int,
    keep: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) with cosine ≥ `threshold` whose dates overlap or are at most
    `slack_days` apart, each once, most alike first, as three arrays (first members,
    second members, cosines: a big story has millions of pairs, too many for tuples).
    `keep(i, j, cosines)`, given arrays of pairs, says which to keep (a caller's rules,
    applied here in bulk rather than pair by pair in Python).

    Each pair is seen from the block of its earlier member in date order; a pair both
    blocks see is kept once."""
    n = len(vectors)
    none = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    if n < 2:
        return none
    matrix = vectors.matrix
    begins = np.array([iv.begin.toordinal() for iv in intervals])
    ends = np.array([iv.end.toordinal() for iv in intervals])
    long_ = np.flatnonzero(ends - begins > _LONG_DAYS)
    long_ = long_[np.argsort(begins[long_], kind="stable")]  # narrow date range per block
    short = np.flatnonzero(ends - begins <= _LONG_DAYS)
    short = short[np.argsort(begins[short], kind="stable")]
    short_begins = begins[short]
    found_i, found_j, found_v = [], [], []
    order = np.concatenate([short, long_])
    for start in range(0, n, _BLOCK):
        rows = order[start : start + _BLOCK]
        low = begins[rows].min() - slack_days
        high = ends[rows].max() + slack_days
        first = np.searchsorted(short_begins, low - _LONG_DAYS, side="left")
        last = np.searchsorted(short_begins, high, side="right")
        window = short[first:last]
        window = window[(ends[window] >= low) & (begins[window] <= high)]
        reach = long_[(ends[long_] >= low) & (begins[long_] <= high)]
        cols = np.concatenate([window, reach])
        if not len(cols):
            continue
        product = matrix[rows] @ matrix[cols].T
        # few entries pass the threshold: find them first, then their rows and columns
        hits = np.flatnonzero(product.data >= threshold)
        i = rows[np.searchsorted(product.indptr, hits, side="right") - 1]
        j = cols[product.indices[hits]]
        value = product.data[hits]
        near = (i < j) & (begins[i] <= ends[j] + slack_days) & (begins[j] <= ends[i] + slack_days)
        i, j, value = i[near], j[near], value[near]
        if keep is not None:  # block by block: the pairs kept are far fewer than those found
            kept = keep(i, j, value)
            i, j, value = i[kept], j[kept], value[kept]
        found_i.append(i)
        found_j.append(j)
        found_v.append(value)
    if not found_i:
        return none
    i, j, value = np.concatenate(found_i), np.concatenate(found_j), np.concatenate(found_v)
    _, first_seen = np.unique(i.astype(np.int64) * n + j, return_index=True)
    i, j, value = i[first_seen], j[first_seen], value[first_seen]
    ranked = np.lexsort((j, i, -value))
    return i[ranked], j[ranked], value[ranked]
