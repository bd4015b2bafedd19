"""Languages of articles and stories: recognition, precedence, where the language shows,
mixed-language stories, and everything besides dates that reads words."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from conftest import run
from timeline import build_story, load_story
from timeline.events.similarity import tokens
from timeline.ingest.boilerplate import boilerplate_spans
from timeline.ingest.language import detect_language, main_language
from timeline.ingest.segment import split_sentences
from timeline.lang import LANGUAGES, SUPPORTED, is_supported, language_data
from timeline.resolve import looks_forward

SENTENCES = {
    "en": "The president said on Friday that the talks would resume next week in Geneva.",
    "es": "El presidente dijo el viernes que las conversaciones se reanudarán la semana que viene.",
    "fr": "Le président a déclaré vendredi que les pourparlers reprendraient la semaine prochaine.",
    "it": "Il presidente ha detto venerdì che i colloqui riprenderanno la prossima settimana.",
    "pt": "O presidente disse na sexta-feira que as negociações serão retomadas na próxima semana.",
    "de": "Der Präsident sagte am Freitag, die Gespräche würden nächste Woche fortgesetzt.",
    "uk": "Президент заявив у п'ятницю, що переговори відновляться наступного тижня в Женеві.",
    "ru": "Президент заявил в пятницу, что переговоры возобновятся на следующей неделе в Женеве.",
}


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_every_supported_language_is_recognised(code: str) -> None:
    assert detect_language(SENTENCES[code]) == code


def test_every_language_module_has_the_same_names() -> None:
    names = {c: {n for n in dir(m) if n.isupper() and n[0] != "_"} for c, m in LANGUAGES.items()}
    for code in SUPPORTED:
        if code != "en":
            assert names["es"] <= names[code], (code, names["es"] - names[code])
    assert is_supported("pt-BR") and not is_supported("nl")
    assert language_data("nl") is language_data("en")


def test_main_language_and_regions() -> None:
    assert main_language(["es", "es-MX", "fr"]) == "es"
    assert main_language([]) == "en"


def _article(folder: Path, name: str, text: str, day: str = "2025-10-10", **meta: str) -> None:
    fields = "".join(f"{k}: {v}\n" for k, v in {"date": day, **meta}.items())
    (folder / name).write_text(f"---\n{fields}---\n{text}\n", encoding="utf-8")


def test_the_language_stated_wins_then_the_story_then_the_text(tmp_path: Path) -> None:
    story = tmp_path / "s"
    story.mkdir()
    _article(story, "a.md", SENTENCES["es"], language="fr")  # stated, even if wrong
    _article(story, "b.md", SENTENCES["es"])  # the story's
    (story / "story.toml").write_text('language = "es"\n', encoding="utf-8")
    loaded = {a.id: a.language for a in load_story(story).articles}
    assert loaded == {"a.md": "fr", "b.md": "es"}
    (story / "story.toml").unlink()
    _article(story, "c.md", SENTENCES["de"])  # recognised
    loaded = {a.id: a.language for a in load_story(story).articles}
    assert loaded == {"a.md": "fr", "b.md": "es", "c.md": "de"}


def test_an_unsupported_story_language_is_reported_and_read_as_english(tmp_path: Path) -> None:
    story = tmp_path / "s"
    story.mkdir()
    _article(story, "a.md", "She left on Friday after the vote.")
    (story / "story.toml").write_text('language = "nl"\n', encoding="utf-8")
    loaded = load_story(story)
    assert [a.language for a in loaded.articles] == ["nl"]
    assert any("not supported" in p.message for p in loaded.problems)


def test_language_shows_in_the_json_and_the_page(tmp_path: Path) -> None:
    story = tmp_path / "mixed"
    story.mkdir()
    _article(story, "es.md", "El 8 de octubre de 2025 hubo protestas en Sanaa.")
    _article(story, "fr.md", "Le 8 octobre 2025, des manifestations ont eu lieu à Sanaa.")
    result = build_story(story, tmp_path / "out", formats="html,json", use_cache=False)
    document = json.loads(result.outputs["json"].read_text(encoding="utf-8"))
    assert {a["id"]: a["language"] for a in document["articles"]} == {"es.md": "es", "fr.md": "fr"}
    page = result.outputs["html"].read_text(encoding="utf-8")
    assert '"language": "es"' in page or '"language":"es"' in page


def test_articles_in_two_languages_about_one_event_merge(tmp_path: Path) -> None:
    """Names, numbers and places agreeing across languages: one event, two sources."""
    story = tmp_path / "yemen"
    story.mkdir()
    _article(
        story,
        "es.md",
        "El 8 de octubre de 2025 al menos 23 manifestantes murieron en Taiz cuando las fuerzas "
        "de Ali Abdullah Saleh abrieron fuego.",
    )
    _article(
        story,
        "fr.md",
        "Le 8 octobre 2025, au moins 23 manifestants ont été tués à Taiz quand les forces "
        "d'Ali Abdullah Saleh ont ouvert le feu.",
    )
    _article(
        story,
        "it.md",
        "L'8 ottobre 2025 è stato inaugurato un nuovo ponte a Genova dal sindaco Marco Bucci.",
    )
    result = build_story(story, tmp_path / "out", formats="json", use_cache=False)
    by_articles = {tuple(sorted(e.articles)) for e in result.events if e.date == "2025-10-08"}
    assert ("es.md", "fr.md") in by_articles  # the same event, in two languages
    assert ("it.md",) in by_articles  # another event of that day stays apart


def test_words_are_read_in_the_article_language() -> None:
    text = "Suscríbete a nuestro boletín\nEl presidente habló ayer.\nLee también: otra noticia"
    spans = boilerplate_spans(text, "es")
    assert [text[a:b] for a, b in spans] == [
        "Suscríbete a nuestro boletín",
        "Lee también: otra noticia",
    ]
    assert [s.text for s in split_sentences("Llegó ayer. ¿Qué pasó? Él se fue.", "es")] == [
        "Llegó ayer.", "¿Qué pasó?", "Él se fue."]  # fmt: skip
    spanish = tokens("El Gobierno de Yémen anunció 1.500 muertos", "es")
    assert spanish == ["#gobierno", "#yemen", "anunc", "#1500", "muert"]
    english = tokens("The Yemen government announced 1,500 dead", "en")
    assert {"#yemen", "#1500"} <= set(spanish) & set(english)  # names and figures meet
    assert tokens("військами військ", "uk") == ["військ", "військ"]  # the light stemmer
    for sentence, ahead in (("La reunión será el 15 de mayo.", True),
                            ("La reunión fue el 15 de mayo.", False)):  # fmt: skip
        start = sentence.index("el 15")
        assert looks_forward(sentence, start, start + 13, "es") is ahead


def test_tag_command_takes_a_language_and_says_it(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text("Ayer hubo protestas.", encoding="utf-8")
    out = run("tag", str(file), "--dct", "2025-10-10", "--lang", "es")
    assert json.loads(out.stdout)[0]["value"] == "2025-10-09"
    records = tmp_path / "in.jsonl"
    lines = [
        {"id": 1, "text": "Ayer hubo protestas.", "dct": "2025-10-10", "language": "es"},
        {
            "id": 2,
            "text": "Gestern gab es Proteste in der Stadt und auf dem Land.",
            "dct": "2025-10-10",
        },
    ]
    records.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    out = run("tag", "--jsonl", str(records), "--lang", "auto")
    got = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(g["language"], g["timexes"][0]["value"]) for g in got] == [
        ("es", "2025-10-09"), ("de", "2025-10-09")]  # fmt: skip


def test_an_english_build_never_loads_the_language_model(tmp_path: Path) -> None:
    story = tmp_path / "s"
    story.mkdir()
    _article(story, "a.md", SENTENCES["en"] + " Thousands marched on Saturday in the capital.")
    code = (
        "import sys; from timeline import build_story; "
        f"build_story({str(story)!r}, {str(tmp_path / 'out')!r}, formats='json', use_cache=False); "
        "print('py3langid' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_short_or_unknown_text_goes_to_the_model() -> None:
    assert detect_language("Xin chào, tôi là một nhà báo ở Hà Nội hôm nay.") not in ("", "en")
    assert detect_language("") == ""


def test_dates_of_a_story_in_spanish(tmp_path: Path) -> None:
    story = tmp_path / "s"
    story.mkdir()
    text = "Hace dos semanas se reunió con los rebeldes en Sanaa, dijo el portavoz."
    _article(story, "a.md", text, day="2011-03-04")
    result = build_story(story, tmp_path / "out", formats="json", use_cache=False)
    assert [e.date for e in result.events] == ["2011-W07"]
    assert result.story.language == "es"
    assert date(2011, 2, 14) <= result.events[0].interval.begin
