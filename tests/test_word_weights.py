"""Fixed word weights (issue 26): a sentence's vector from its own words and a table of
the language's word frequencies, not from the rest of the story."""

from __future__ import annotations

import pytest

pytest.importorskip("wordfreq")  # the research setting's table (pip install timeline[weights])

from timeline.events.similarity import (
    SPECIFIC_WEIGHT,
    UNKNOWN_WEIGHT,
    TfidfVectors,
    fixed_weight,
    fixed_weights,
    tokens,
)
from timeline.lang import LANGUAGES

SENTENCE = "The earthquake destroyed the presidential palace in Port-au-Prince on Tuesday."
OTHERS = [
    "Rescue teams from Iceland reached the airport.",
    "The earthquake killed thousands, officials said.",
    "Aid agencies appealed for water and tents.",
]


def _last(documents: list[str], weights: str, groups: list[str] | None = None) -> dict:
    vectors = TfidfVectors([tokens(d) for d in documents], "en", weights, groups)
    return vectors[len(documents) - 1]


def test_a_sentence_weighs_the_same_whatever_else_the_story_holds():
    alone = _last([SENTENCE], "fixed")
    among = _last([*OTHERS, SENTENCE], "fixed")
    assert among.keys() == alone.keys()
    assert all(among[w] == pytest.approx(alone[w]) for w in alone)
    # the story's own weights move with the rest of the story
    assert _last([*OTHERS, SENTENCE], "story") != pytest.approx(_last([SENTENCE], "story"))


def test_with_its_article_s_idf_a_sentence_depends_on_its_article_alone():
    article = [OTHERS[1], SENTENCE]
    alone = _last(article, "fixed-article", ["b", "b"])
    among = _last([OTHERS[0], OTHERS[2], *article], "fixed-article", ["a", "c", "b", "b"])
    assert among == pytest.approx(alone)
    # the word its article repeats ("earthquake") weighs less than with the table alone
    word = tokens("earthquake")[0]
    assert alone[word] < _last([SENTENCE], "fixed-article", ["b"])[word]


def test_an_unknown_setting_is_refused():
    with pytest.raises(ValueError, match="word weights"):
        TfidfVectors([["word"]], "en", "corpus")


def test_each_document_is_weighed_in_its_own_language():
    spanish = "El terremoto destruyó el palacio presidencial."
    words = [tokens(spanish, "es"), tokens(SENTENCE)]
    mixed = TfidfVectors(words, ["es", "en"], weights="fixed")
    assert mixed[0] == pytest.approx(TfidfVectors(words[:1], "es", weights="fixed")[0])
    assert mixed[1] == pytest.approx(TfidfVectors(words[1:], "en", weights="fixed")[0])


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_language_has_its_table(language):
    table = fixed_weights(language)
    assert len(table) > 10_000
    assert all(0 < weight <= UNKNOWN_WEIGHT for weight in table.values())
    # a common word weighs less than a rare one
    common = min(table, key=table.get)
    assert table[common] < UNKNOWN_WEIGHT / 2


@pytest.mark.parametrize(
    ("language", "word"),
    [("en", "President"), ("es", "Presidente"), ("fr", "Président"), ("de", "Präsident"),
     ("uk", "Президент"), ("ru", "Президент"), ("it", "Presidente"), ("pt", "Presidente")],
)  # fmt: skip
def test_a_capitalised_word_weighs_as_the_name_the_tokens_make_of_it(language, word):
    name = tokens(f"Qqq {word} qqq", language)[1]
    assert name.startswith("#")
    assert name in fixed_weights(language)  # the table's name form is the tokens' own
    assert fixed_weight(name, language) < UNKNOWN_WEIGHT * SPECIFIC_WEIGHT


def test_unknown_words_names_and_figures_weigh_the_fixed_high_weight():
    assert fixed_weight("zzyzxqk", "en") == UNKNOWN_WEIGHT
    assert fixed_weight("#zzyzxqk", "en") == UNKNOWN_WEIGHT * SPECIFIC_WEIGHT
    figure = tokens("They ordered 179 tankers")[1]
    assert figure == "#179"
    assert fixed_weight(figure, "en") == UNKNOWN_WEIGHT * SPECIFIC_WEIGHT
    earthquake = tokens("The earthquake")[0]
    assert fixed_weight(earthquake, "en") < UNKNOWN_WEIGHT


def test_a_stem_weighs_the_frequencies_of_every_word_that_stems_to_it():
    # "delivered", "delivery", "deliveries" meet in one stem, more common than any of them
    from wordfreq import word_frequency

    from timeline.events.similarity import _fixed_idf

    stem = tokens("delivered")[0]
    assert tokens("deliveries")[0] == stem
    assert fixed_weight(stem, "en") < _fixed_idf(word_frequency("delivered", "en"))


def test_an_unknown_word_weights_setting_is_one_clear_error(tmp_path, monkeypatch) -> None:
    from timeline import build_story
    from timeline.events import similarity
    from timeline.pipeline.build import OptionError

    story = tmp_path / "story"
    story.mkdir()
    (story / "a.md").write_text(
        "---\ntitle: A\ndate: 2024-06-12\n---\nThe port reopened on Monday.\n", encoding="utf-8"
    )
    monkeypatch.setattr(similarity, "WEIGHTS", "bogus")
    with pytest.raises(OptionError, match="TIMELINE_WORD_WEIGHTS=bogus: unknown word weights"):
        build_story(story, tmp_path / "out")
    assert not (tmp_path / "out").exists()  # nothing read, nothing written
