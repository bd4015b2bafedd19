"""Boilerplate of pasted web pages is blanked; news prose is kept."""

from __future__ import annotations

from conftest import EXAMPLE_STORY
from timeline.ingest.boilerplate import blank_boilerplate, boilerplate_spans


def kept_lines(body: str) -> list[str]:
    return [line.strip() for line in blank_boilerplate(body).splitlines() if line.strip()]


def test_blanking_keeps_offsets() -> None:
    body = "Support Example News!\nThe vote took place on Monday.\nRead more\n"
    blanked = blank_boilerplate(body)
    assert len(blanked) == len(body)
    assert blanked.index("The vote") == body.index("The vote")
    assert blanked.count("\n") == body.count("\n")


def test_example_article_keeps_the_story_and_drops_the_page_furniture() -> None:
    text = next(EXAMPLE_STORY.glob("*.txt")).read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    kept = "\n".join(kept_lines(body))
    assert "said Friday she had been communicating" in kept
    assert "eight children have been rejoined" in kept
    for furniture in (
        "Support The Moscow Times!",
        "newsletter",
        "every Friday",
        "Dear readers",
        "We are facing unprecedented challenges",
        "monthly",
        "Not ready to support today?",
        "Remind me later",
        "Read more",
    ):
        assert furniture not in kept


def test_generic_page_furniture() -> None:
    body = "\n".join(
        [
            "We use cookies to improve your experience. Accept all cookies",
            "Police arrested two men on Tuesday after the robbery.",
            "Share on Facebook",
            "Read more: Robbery suspects appear in court",
            "The trial is expected to begin in March.",
            "Subscribe to our newsletter for the latest news.",
            "© 2025 Example Media. All rights reserved.",
        ]
    )
    assert kept_lines(body) == [
        "Police arrested two men on Tuesday after the robbery.",
        "The trial is expected to begin in March.",
    ]


def test_news_about_subscribers_and_donations_is_not_boilerplate() -> None:
    body = "\n".join(
        [
            "Netflix said it added 5 million subscribers in the third quarter.",
            "The billionaire's donation to the museum was announced on Monday.",
            "Russia will support the plan, the foreign minister said.",
        ]
    )
    assert boilerplate_spans(body) == []


def test_trailing_appeal_is_dropped_but_a_mid_article_link_does_not_cut_the_story() -> None:
    story = [
        "The storm made landfall on Sunday night.",
        "Read more: How hurricanes are named",
        "Rescue teams reached the coast on Monday morning and began searching homes.",
        "Officials said the power would be restored by Wednesday in most districts.",
        "The governor declared a state of emergency for the whole region on Monday.",
    ]
    kept = kept_lines("\n".join(story))
    assert kept == [story[0], *story[2:]]


def test_keyword_prefilter_changes_nothing(monkeypatch) -> None:
    """Lines are only matched against the patterns when they hold a keyword: check that
    this shortcut finds exactly what matching every line finds."""
    import dataclasses

    from timeline.ingest import boilerplate

    text = next(EXAMPLE_STORY.glob("*.txt")).read_text(encoding="utf-8")
    samples = [
        text,
        "Share on Facebook\nRead more: Robbery suspects appear in court\nPolice said Monday.",
        "We use cookies to improve your experience. Accept all cookies\nThe vote was held.",
        "Subscribe to our newsletter for the latest news.\n© 2025 Example Media.",
        "Netflix said it added 5 million subscribers in the third quarter.",
        "Related: How hurricanes are named\nSupport independent journalism today!",
    ]
    fast = [boilerplate.boilerplate_spans(s) for s in samples]
    every_line = dataclasses.replace(boilerplate._patterns("en"), keywords=("",))
    monkeypatch.setattr(boilerplate, "_patterns", lambda language: every_line)
    assert [boilerplate.boilerplate_spans(s) for s in samples] == fast


def test_us_the_country_is_not_the_reader() -> None:
    line = "Airbus will contribute up to US$20 million to the search for the recorders."
    assert boilerplate_spans(line) == []


def test_passages_repeated_across_many_articles_are_furniture() -> None:
    from timeline.ingest.boilerplate import repeated_passages

    footer = "An ultra-low latency infrastructure for electronic trading and data distribution"
    background = "The last flu pandemic was in 1968 when Hong Kong flu killed a million people"
    topics = [
        "flu",
        "rain",
        "trade",
        "taxes",
        "football",
        "elections",
        "oil",
        "wine",
        "art",
        "jazz",
    ]
    texts = [f"A story about {t} alone. {footer}. {background}." for t in topics]
    texts.append("A story without the footer, about something else entirely today.")
    spans = repeated_passages(texts)
    for text, found in zip(texts[:10], spans, strict=False):
        assert [text[s:e].strip() for s, e in found] == [footer + "."]  # dated background stays
    assert spans[10] == []
    assert repeated_passages(texts[:3]) == [[], [], []]  # too few articles to tell
