"""Language data for each supported language; logic lives elsewhere.

One module per language, each with the same names (`en` is the model): the words of
dates, times and durations the resolver reads, the words of sentences (abbreviations,
reporting verbs, tense cues, stop words, the stemmer) and of page furniture. Month,
weekday and unit words come from dateparser's locale tables where they serve
(`timeline.lang.tables`); the rest is written by hand. A few names only some languages
need are optional (read with a default): `DAY_FIRST_REGIONS`, `FUTURE_ENDINGS`,
`PAST_ENDINGS`, `PERFECT_AUXILIARIES`, `SNOWBALL_LANGUAGE`, `NOUN_AS_VERB_ENDINGS`,
`SYNONYMS`, `COUNTED_NOUN_AFTER` (German: a capitalised noun after two digits is what
they count) and `SINGULAR_AND_PLURAL_UNITS` (Russian "года", one year or two).

To add a language: copy the module of a related one (`es` for a Romance language, `uk`
for a Slavic one), change its words, register it below, and add its made-up sentences to
tests/test_resolve_languages.py. `timeline.lang.detect` then recognises it when its code
is in py3langid's model.
"""

from types import ModuleType

from timeline.lang import de, en, es, fr, it, pt, ru, uk

LANGUAGES: dict[str, ModuleType] = {
    "en": en, "es": es, "fr": fr, "it": it, "pt": pt, "de": de, "uk": uk, "ru": ru,
}  # fmt: skip
SUPPORTED = tuple(LANGUAGES)


def base_code(code: str) -> str:
    """The language of a tag: "en-GB" -> "en", "pt_BR" -> "pt", "" -> ""."""
    return (code or "").strip().replace("_", "-").split("-")[0].lower()


def is_supported(code: str) -> bool:
    """Is the language of this tag one the tool reads (else it is read as English)?"""
    return base_code(code) in LANGUAGES


def language_data(code: str = "en") -> ModuleType:
    """The data module for a language code ("en", "en-GB"); English when unknown."""
    return LANGUAGES.get(base_code(code or "en"), en)
