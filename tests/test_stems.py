"""The compiled stemmer gives the stems of the pure-Python Snowball stemmer (issue 14)."""

from __future__ import annotations

import re

from snowballstemmer.english_stemmer import EnglishStemmer

from conftest import EXAMPLE_STORY
from timeline.events.similarity import _stem, tokens
from timeline.lang import language_data

WORDS = (
    "delivered",
    "delivery",
    "deliveries",
    "explosion",
    "exploded",
    "generously",
    "generous",
    "running",
    "runs",
    "ran",
    "relational",
    "conditional",
    "rational",
    "valency",
    "hopefulness",
    "goodness",
    "decisiveness",
    "formality",
    "sensitivity",
    "sensibility",
    "triplicate",
    "formative",
    "formalize",
    "electricity",
    "electrical",
    "hopeful",
    "argument",
    "adjustment",
    "dependent",
    "adoption",
    "homologous",
    "communism",
    "activate",
    "angularity",
    "homologous",
    "effective",
    "bowdlerize",
    "probate",
    "rate",
    "cease",
    "controll",
    "rolling",
    "hopping",
    "tanned",
    "falling",
    "hissing",
    "fizzed",
    "failing",
    "filing",
    "sky",
    "skies",
    "dying",
    "lying",
    "tying",
    "news",
    "innings",
    "outings",
    "canning",
    "herring",
    "earring",
    "proceed",
    "exceed",
    "succeed",
    "gently",
    "ugly",
    "early",
    "only",
    "singly",
)


def test_pystemmer_and_snowball_agree() -> None:
    text = " ".join(p.read_text(encoding="utf-8") for p in EXAMPLE_STORY.glob("*.txt"))
    words = sorted(set(WORDS) | {w.lower() for w in re.findall(r"[^\W\d_]+", text)})
    pure = EnglishStemmer()
    stem = _stem("en")
    as_verb = tuple(ending for ending, _ in language_data("en").NOUN_AS_VERB_ENDINGS)
    for word in words:
        if len(word) > 6 and word.endswith(as_verb):
            continue  # stemmed as their verb on purpose (`NOUN_AS_VERB_ENDINGS`)
        assert stem(word) == pure.stemWord(word), word


def test_nouns_meet_their_verbs() -> None:
    assert tokens("delivery delivered explosion exploded") == ["deliv", "deliv", "explod", "explod"]
