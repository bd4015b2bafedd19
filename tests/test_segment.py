"""Sentence splitting with offsets."""

from __future__ import annotations

from timeline.ingest.segment import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_index_the_text() -> None:
    text = "  First one. Second one!\n\nThird? Yes."
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "U.S. First Lady Melania Trump spoke on Oct. 10 with Mr. Putin. "
        "John F. Kennedy was elected. It rained."
    )
    assert texts(text) == [
        "U.S. First Lady Melania Trump spoke on Oct. 10 with Mr. Putin.",
        "John F. Kennedy was elected.",
        "It rained.",
    ]


def test_quotes_and_line_breaks() -> None:
    text = '"Much has unfolded since August. He responded," she said.\nNext line'
    assert texts(text) == [
        '"Much has unfolded since August.',
        'He responded," she said.',
        "Next line",
    ]


def test_blank_regions_are_skipped() -> None:
    assert texts("          \n   Only this.   ") == ["Only this."]
