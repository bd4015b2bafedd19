"""A generated story as people follow one: hundreds of articles over a few months, with
background reaching back decades, live blogs stamped with clock times and plans for
after the last article. For the page's browser tests (and benchmarks/page.py when the
development data is absent).

The story: a dam bursts on 4 March 2024 above the town of Arica; 300 articles from six
outlets follow it to 28 June 2024. Deterministic for a seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

FIRST = date(2024, 3, 4)
LAST = date(2024, 6, 28)
BURST = FIRST
OUTLETS = ("Wire", "Herald", "Gazette", "Courier", "Tribune", "Observer")
# What the story's own news is made of: crews, what they did, and where.
CREWS = ("Rescue teams", "Army engineers", "Volunteers", "Insurers", "Inspectors", "Nurses",
         "Farmers", "Students", "Divers", "Geologists", "Lawyers", "Donors")  # fmt: skip
ACTS = ("reached", "cleared", "surveyed", "evacuated", "rebuilt", "reopened", "sealed",
        "mapped", "drained", "guarded")  # fmt: skip
PLACES = ("the north bank", "the old mill", "Ravine Road", "the ferry landing", "the clinic",
          "the rail bridge", "the orchard district", "the water plant", "the market hall",
          "the school", "the pumping station", "the quarry")  # fmt: skip
# Reported by many articles: the story's key events.
MILESTONES = (
    (BURST, "The Arica dam burst, flooding twelve villages below it"),
    (date(2024, 3, 9), "The government declared a national emergency in the valley"),
    (date(2024, 3, 27), "Engineers closed the breach in the Arica dam wall"),
    (date(2024, 4, 15), "The dam operator's chief executive resigned"),
    (date(2024, 5, 8), "Parliament opened an inquiry into the dam's collapse"),
    (date(2024, 6, 12), "The last evacuees returned to their homes in the valley"),
)
BACKGROUND = (
    "The Arica dam was completed in 1962 to irrigate the valley.",
    "A smaller flood in 1987 killed 40 people in the same valley.",
    "Engineers first warned about cracks in the dam wall in 1994.",
)
PLANS = (
    "A new dam is due to open in 2027, the ministry said.",
    "The inquiry will publish its final report in March 2025.",
    "Rebuilding the valley's roads is expected to take until 2026.",
)


def _day_words(day: date, published: date) -> str:
    """How an article dates a day: a weekday, yesterday or a month and day."""
    back = (published - day).days
    if back == 0:
        return "today"
    if back == 1:
        return "yesterday"
    if back < 6:
        return f"on {day:%A}"
    return f"on {day:%B} {day.day}"


def _news(rng: random.Random, published: date) -> str:
    day = max(FIRST, published - timedelta(days=rng.randrange(0, 4)))
    crew, act, place = rng.choice(CREWS), rng.choice(ACTS), rng.choice(PLACES)
    return f"{crew} {act} {place} {_day_words(day, published)}."


def _live_blog(rng: random.Random, published: date) -> str:
    """Paragraphs stamped with clock times, newest first ("1905: ...")."""
    minutes = 19 * 60 + 40
    paragraphs = []
    for _ in range(5):
        minutes -= rng.randrange(5, 40)
        stamp = f"{minutes // 60:02d}{minutes % 60:02d}"
        crew, act, place = rng.choice(CREWS), rng.choice(ACTS), rng.choice(PLACES)
        paragraphs.append(f"{stamp}: {crew} {act} {place}, officials said.")
    paragraphs.append("1400: Welcome to our live coverage of the valley's recovery.")
    return "\n\n".join(paragraphs)


def article_text(rng: random.Random, index: int, published: date) -> str:
    outlet = OUTLETS[index % len(OUTLETS)]
    paragraphs = []
    if index % 25 == 7:
        title = f"Live: the Arica valley on {published:%B} {published.day}"
        paragraphs.append(_live_blog(rng, published))
    else:
        title = f"{rng.choice(CREWS)} at work in the Arica valley ({index})"
        past = [m for m in MILESTONES if m[0] <= published]
        for day, text in rng.sample(past, min(2, len(past))):
            paragraphs.append(f"{text} {_day_words(day, published)}.")
        paragraphs.append(" ".join(_news(rng, published) for _ in range(3)))
        if index % 5 == 0:
            paragraphs.append(BACKGROUND[index // 5 % len(BACKGROUND)])
        if index % 7 == 3:
            paragraphs.append(PLANS[index // 7 % len(PLANS)])
    return (
        f"---\ntitle: {title!r}\ndate: {published.isoformat()}\nsource: {outlet}\n---\n"
        + "\n\n".join(paragraphs)
        + "\n"
    )


def write_followed_story(folder: Path, articles: int = 300, seed: int = 18) -> Path:
    """Write the story into `folder` (created) and return it."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "story.toml").write_text(
        'title = "The Arica dam disaster"\n'
        'description = "A generated story followed for four months."\n',
        encoding="utf-8",
    )
    span = (LAST - FIRST).days
    for index in range(articles):
        # the first and the last day always have an article; more in the first weeks
        offset = 0 if index == 0 else span if index == 1 else int(span * rng.random() ** 2)
        published = FIRST + timedelta(days=offset)
        text = article_text(rng, index, published)
        (folder / f"{published.isoformat()}-{index:03d}.md").write_text(text, encoding="utf-8")
    return folder
