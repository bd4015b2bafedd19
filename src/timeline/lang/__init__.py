"""Language data for each supported language; logic lives elsewhere."""

from types import ModuleType

from timeline.lang import en

LANGUAGES: dict[str, ModuleType] = {"en": en}


def language_data(code: str = "en") -> ModuleType:
    """The data module for a language code ("en", "en-GB"); English when unknown."""
    return LANGUAGES.get((code or "en").replace("_", "-").split("-")[0].lower(), en)
