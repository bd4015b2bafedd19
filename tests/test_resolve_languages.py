"""The resolver in Spanish, French, Italian, Portuguese, German, Ukrainian and Russian:
each class of expression in made-up sentences, with the value and type TimeML gives it.

Published on Friday 10 October 2025 unless said otherwise; "narrative" cases are tagged
as a history (`document="narrative"`), whose dates anchor what follows.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.resolve import tag

DCT = date(2025, 10, 10)  # a Friday

# (language, sentence, expression, type, value)
CASES = [
    # Spanish: calendar dates, days, relative and counted expressions
    ("es", "El 15 de enero de 2011 hubo protestas.", "El 15 de enero de 2011", "DATE",
     "2011-01-15"),
    ("es", "Llegó el 3 de octubre.", "el 3 de octubre", "DATE", "2025-10-03"),
    ("es", "Vuelve el 20 de octubre, dijo.", "el 20 de octubre", "DATE", "2025-10-20"),
    ("es", "Lo anunció el viernes pasado.", "el viernes pasado", "DATE", "2025-10-03"),
    ("es", "Lo anunció el pasado viernes.", "el pasado viernes", "DATE", "2025-10-03"),
    ("es", "El presidente dijo el martes que sí.", "el martes", "DATE", "2025-10-07"),
    ("es", "Se reunirá el próximo lunes.", "el próximo lunes", "DATE", "2025-10-13"),
    ("es", "Hace dos semanas se reunió con ellos.", "Hace dos semanas", "DATE", "2025-W39"),
    ("es", "Llegaron hace tres días.", "hace tres días", "DATE", "2025-10-07"),
    ("es", "Ayer hubo protestas.", "Ayer", "DATE", "2025-10-09"),
    ("es", "Anoche hubo disparos.", "Anoche", "TIME", "2025-10-09TNI"),
    ("es", "Esta mañana llovió.", "Esta mañana", "TIME", "2025-10-10TMO"),
    ("es", "Mañana habrá elecciones.", "Mañana", "DATE", "2025-10-11"),
    ("es", "Ayer por la tarde hubo un atentado.", "Ayer por la tarde", "TIME", "2025-10-09TAF"),
    ("es", "La semana pasada cerró.", "La semana pasada", "DATE", "2025-W40"),
    ("es", "El año pasado creció.", "El año pasado", "DATE", "2024"),
    ("es", "En mayo de 1999 firmaron.", "mayo de 1999", "DATE", "1999-05"),
    ("es", "En 1998 empezó todo.", "1998", "DATE", "1998"),
    ("es", "Durante dos años trabajó allí.", "dos años", "DURATION", "P2Y"),
    ("es", "Esperó varios meses.", "varios meses", "DURATION", "PXM"),
    ("es", "Tres días después se rindió.", "Tres días después", "DATE", "2025-10-13"),
    ("es", "Los años noventa fueron duros.", "Los años noventa", "DATE", "199"),
    ("es", "El siglo XIX vio guerras.", "El siglo XIX", "DATE", "18"),
    ("es", "El tercer trimestre de 2024 fue malo.", "El tercer trimestre de 2024", "DATE",
     "2024-Q3"),
    ("es", "Las reuniones son cada día.", "cada día", "SET", "P1D"),
    ("es", "Llegó a las 8.15 hora local.", "a las 8.15 hora", "TIME", "2025-10-10T08:15"),
    ("es", "Ahora es distinto.", "Ahora", "DATE", "PRESENT_REF"),
    ("es", "Lo hará en el futuro.", "en el futuro", "DATE", "FUTURE_REF"),
    ("es", "Se celebra en Navidad.", "Navidad", "DATE", "2025-12-25"),
    ("es", "El 15/01/2011 hubo protestas.", "15/01/2011", "DATE", "2011-01-15"),
    # French
    ("fr", "Le 13 février 2003, il est parti.", "Le 13 février 2003", "DATE", "2003-02-13"),
    ("fr", "Il est arrivé le 1er octobre.", "le 1er octobre", "DATE", "2025-10-01"),
    ("fr", "Il y a trois jours, la ville est tombée.", "Il y a trois jours", "DATE",
     "2025-10-07"),
    ("fr", "La semaine dernière, ils ont voté.", "La semaine dernière", "DATE", "2025-W40"),
    ("fr", "L'année prochaine, on verra.", "L'année prochaine", "DATE", "2026"),
    ("fr", "Hier soir, il a parlé.", "Hier soir", "TIME", "2025-10-09TEV"),
    ("fr", "Vendredi dernier, il a plu.", "Vendredi dernier", "DATE", "2025-10-03"),
    ("fr", "Il rentre à 18 h 30.", "à 18 h 30", "TIME", "2025-10-10T18:30"),
    ("fr", "Les années 1990 ont changé.", "Les années 1990", "DATE", "199"),
    ("fr", "Le XIXe siècle a vu naître.", "Le XIXe siècle", "DATE", "18"),
    ("fr", "Il a attendu dix ans.", "dix ans", "DURATION", "P10Y"),
    ("fr", "Le lendemain, ils sont partis.", "Le lendemain", "DATE", "2025-10-11"),
    ("fr", "Actuellement, le pays va mieux.", "Actuellement", "DATE", "PRESENT_REF"),
    ("fr", "Il sort chaque jour.", "chaque jour", "SET", "P1D"),
    # Italian
    ("it", "L'anno scorso è stato difficile.", "L'anno scorso", "DATE", "2024"),
    ("it", "Tre giorni fa è arrivato.", "Tre giorni fa", "DATE", "2025-10-07"),
    ("it", "Il 25 aprile 1945 finì la guerra.", "Il 25 aprile 1945", "DATE", "1945-04-25"),
    ("it", "Stasera parlerà il ministro.", "Stasera", "TIME", "2025-10-10TEV"),
    ("it", "Venerdì scorso è partito.", "Venerdì scorso", "DATE", "2025-10-03"),
    ("it", "La settimana prossima ci sarà il voto.", "La settimana prossima", "DATE",
     "2025-W42"),
    ("it", "Gli anni '90 furono diversi.", "Gli anni '90", "DATE", "199"),
    ("it", "Il Novecento fu breve.", "Il Novecento", "DATE", "19"),
    ("it", "Ieri alle 15.30 è arrivato.", "alle 15.30", "TIME", "2025-10-09T15:30"),
    # Portuguese
    ("pt", "Na sexta-feira passada houve protestos.", "Na sexta-feira passada", "DATE",
     "2025-10-03"),
    ("pt", "Há dois anos ele chegou.", "Há dois anos", "DATE", "2023"),
    ("pt", "O terceiro trimestre foi bom.", "O terceiro trimestre", "DATE", "2025-Q3"),
    ("pt", "Em 30 de setembro de 1989 acabou.", "30 de setembro de 1989", "DATE",
     "1989-09-30"),
    ("pt", "Ontem à noite houve um tiroteio.", "Ontem à noite", "TIME", "2025-10-09TNI"),
    ("pt", "O mês passado foi quente.", "O mês passado", "DATE", "2025-09"),
    # German
    ("de", "Am 21. Februar 2003 begann es.", "Am 21. Februar 2003", "DATE", "2003-02-21"),
    ("de", "Vor zwei Wochen kam er an.", "Vor zwei Wochen", "DATE", "2025-W39"),
    ("de", "Am Freitag sprach er.", "Am Freitag", "DATE", "2025-10-10"),
    ("de", "Letzte Woche gab es Streit.", "Letzte Woche", "DATE", "2025-W40"),
    ("de", "Gestern Abend sprach er.", "Gestern Abend", "TIME", "2025-10-09TEV"),
    ("de", "Am Freitagabend sprach er.", "Am Freitagabend", "TIME", "2025-10-10TEV"),
    ("de", "Er kommt um 15 Uhr.", "um 15 Uhr", "TIME", "2025-10-10T15:00"),
    ("de", "Morgen früh geht es los.", "Morgen früh", "TIME", "2025-10-11TMO"),
    ("de", "In den 1930er-Jahren war es so.", "In den 1930er-Jahren", "DATE", "193"),
    ("de", "Im 19. Jahrhundert wuchs die Stadt.", "Im 19. Jahrhundert", "DATE", "18"),
    ("de", "Der Krieg dauerte drei Jahre.", "drei Jahre", "DURATION", "P3Y"),
    ("de", "Jetzt ist es anders.", "Jetzt", "DATE", "PRESENT_REF"),
    ("de", "Die Zeitung erscheint täglich.", "täglich", "SET", "P1D"),
    ("de", "Am 1.9.39 begann der Krieg.", "1.9.39", "DATE", "1939-09-01"),
    # Ukrainian
    ("uk", "10 жовтня 2024 року почалася атака.", "10 жовтня 2024 року", "DATE", "2024-10-10"),
    ("uk", "У п'ятницю він виступив.", "п'ятницю", "DATE", "2025-10-10"),
    ("uk", "Минулого тижня діти повернулися.", "Минулого тижня", "DATE", "2025-W40"),
    ("uk", "Два тижні тому їх вивезли.", "Два тижні тому", "DATE", "2025-W39"),
    ("uk", "Вчора ввечері був обстріл.", "Вчора ввечері", "TIME", "2025-10-09TEV"),
    ("uk", "Торік загинули сотні.", "Торік", "DATE", "2024"),
    ("uk", "У вересні 1939 року почалася війна.", "вересні 1939 року", "DATE", "1939-09"),
    ("uk", "Це сталося у 449 до н. е.", "449 до н. е.", "DATE", "BC0449"),
    ("uk", "Війна тривала три роки.", "три роки", "DURATION", "P3Y"),
    ("uk", "Зараз ситуація інша.", "Зараз", "DATE", "PRESENT_REF"),
    ("uk", "Наступного року буде краще.", "Наступного року", "DATE", "2026"),
    # Russian
    ("ru", "В прошлом году он уехал.", "прошлом году", "DATE", "2024"),
    ("ru", "Три дня назад начались бои.", "Три дня назад", "DATE", "2025-10-07"),
    ("ru", "В пятницу он выступил.", "пятницу", "DATE", "2025-10-10"),
    ("ru", "15 января 2011 года прошли протесты.", "15 января 2011 года", "DATE", "2011-01-15"),
    ("ru", "На следующей неделе будут переговоры.", "следующей неделе", "DATE", "2025-W42"),
    ("ru", "Вчера вечером был взрыв.", "Вчера вечером", "TIME", "2025-10-09TEV"),
    ("ru", "Сейчас всё иначе.", "Сейчас", "DATE", "PRESENT_REF"),
    # the start, middle or end of the year or month the text is in
    ("de", "Bis zum Ende des Jahres wird gebaut.", "Ende des Jahres", "DATE", "2025"),
    ("de", "Mitte des Monats kam er.", "Mitte des Monats", "DATE", "2025-10"),
    ("es", "A finales del año habrá elecciones.", "A finales del año", "DATE", "2025"),
    ("es", "A principios de mes subió.", "A principios de mes", "DATE", "2025-10"),
    ("fr", "En fin d'année, les prix montent.", "En fin d'année", "DATE", "2025"),
    ("it", "Alla fine dell'anno si vota.", "Alla fine dell'anno", "DATE", "2025"),
    ("pt", "No início do ano houve greves.", "No início do ano", "DATE", "2025"),
    ("uk", "Наприкінці року були бої.", "Наприкінці року", "DATE", "2025"),
    ("ru", "В конце года были бои.", "В конце года", "DATE", "2025"),
    ("de", "Im neuen Jahr wird gewählt.", "Im neuen Jahr", "DATE", "2026"),
    # the night that runs from one day into the next: the first day's night
    ("de", "In der Nacht vom 16. auf den 17. April 1945 fiel die Stadt.",
     "In der Nacht vom 16.", "TIME", "1945-04-16TNI"),
    ("de", "In der Nacht vom 16. auf den 17. April 1945 fiel die Stadt.",
     "den 17. April 1945", "DATE", "1945-04-17"),
    ("es", "Atacaron la noche del 16 al 17 de abril de 1945.", "la noche del 16", "TIME",
     "1945-04-16TNI"),
    ("fr", "Ils ont attaqué dans la nuit du 16 au 17 avril 1945.", "dans la nuit du 16", "TIME",
     "1945-04-16TNI"),
    ("it", "Hanno attaccato nella notte tra il 16 e il 17 aprile 1945.",
     "nella notte tra il 16", "TIME", "1945-04-16TNI"),
    ("pt", "Atacaram na noite de 16 para 17 de abril de 1945.", "na noite de 16", "TIME",
     "1945-04-16TNI"),
    ("uk", "Вони атакували в ніч з 16 на 17 квітня 1945 року.", "ніч з 16", "TIME",
     "1945-04-16TNI"),
    ("ru", "Они атаковали в ночь с 16 на 17 апреля 1945 года.", "ночь с 16", "TIME",
     "1945-04-16TNI"),
    # a month that is also a name, cued by the article-preposition before it
    ("de", "Im Juli kam es zu ersten Schlachten.", "Im Juli", "DATE", "2025-07"),
    ("de", "Sie erhoben sich im August gegen die Armee.", "im August", "DATE", "2025-08"),
    # a list of months shares the last one's year
    ("de", "Es geschah im Mai und Juni 1940.", "im Mai", "DATE", "1940-05"),
    ("es", "Ocurrió en mayo y junio de 1940.", "mayo", "DATE", "1940-05"),
    ("fr", "Cela se passa en mai et juin 1940.", "mai", "DATE", "1940-05"),
    ("de", "Der Feldzug (Mai/Juni 1940) war kurz.", "Mai", "DATE", "1940-05"),
    # a capitalised month after an article is a date ("Avenida 17 de Junio" is a name)
    ("it", "Dato che il 23 Febbraio il presidente parlò.", "il 23 Febbraio", "DATE",
     "2025-02-23"),
    # the passato remoto of a "-rare" verb is no future ("dichiarò": declared)
    ("it", "Il 23 febbraio il presidente dichiarò la tregua.", "Il 23 febbraio", "DATE",
     "2025-02-23"),
    # a two-digit year, and two digits that count a capitalised noun (German)
    ("de", "Im Mai 68 begann der Aufstand.", "Im Mai 68", "DATE", "1968-05"),
    ("de", "Am 26. Dezember 38 Santee wurden gehängt.", "Am 26. Dezember", "DATE",
     "2024-12-26"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expression", "type_", "value"), CASES)
def test_expressions(language: str, text: str, expression: str, type_: str, value: str) -> None:
    found = [(t.text, t.type, t.value) for t in tag(text, DCT, language)]
    assert (expression, type_, value) in found, found


# Narratives anchor year-less dates and "later" on their own dates, not on the DCT.
NARRATIVES = [
    ("uk", "Війна почалася 1 вересня 1939 року. 3 вересня Британія оголосила війну.",
     "3 вересня", "1939-09-03"),
    ("de", "Im Jahr 1941 griff die Wehrmacht an. Am 22. Juni überschritt sie die Grenze.",
     "Am 22. Juni", "1941-06-22"),
    ("de", "Am 3. September 1939 erklärte Frankreich den Krieg. Zwei Tage später fiel Krakau.",
     "Zwei Tage später", "1939-09-05"),
    ("de", "Die Stadt fiel 1945. Heute ist sie ein Museum.", "Heute", "PRESENT_REF"),
    ("es", "En 1936 estalló la guerra. El 18 de julio se sublevó el ejército.",
     "El 18 de julio", "1936-07-18"),
    # the part of the year the story is in, which does not move it off its month
    ("de", "Im März 1941 begann es. Bis zum Ende des Jahres wurde gekämpft.",
     "Ende des Jahres", "1941"),
    ("de", "Im März 1941 begann es. Ende des Jahres kam Hilfe. Am 3. Mai fiel die Stadt.",
     "Am 3. Mai", "1941-05-03"),
    ("fr", "En mars 1941, cela commença. À la fin de l'année, on se battit.",
     "À la fin de l'année", "1941"),
    # "the new year" is the story's next year, and the dates after it are in that year
    ("de", "Im März 1941 begann es. In den Schlachten des neuen Jahres fiel am 28. Mai "
     "Charkow.", "am 28. Mai", "1942-05-28"),
    # a count read as a two-digit year must not move the story ("38 Santee": 38 people;
    # the January after a December is the next year's)
    ("de", "Im Jahr 1862 geschah viel. Am 26. Dezember 38 Santee wurden gehängt. Im Januar "
     "kam der Winter.", "Im Januar", "1863-01"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "text", "expression", "value"), NARRATIVES)
def test_narratives_anchor_on_their_own_dates(
    language: str, text: str, expression: str, value: str
) -> None:
    found = [(t.text, t.value) for t in tag(text, date(2018, 5, 19), language, "narrative")]
    assert (expression, value) in found, found


def test_a_history_gives_no_time_of_day_without_a_day() -> None:
    """A history's "in the night" after "in April 1945" is on no day the text gives: it is
    left out, not put on the day the text was downloaded (nor moves the story there)."""
    text = "Im April 1945 begann der Angriff. In der Nacht fiel die Stadt. Am 17. April war Ruhe."
    found = {t.text: t.value for t in tag(text, date(2011, 2, 16), "de", "narrative")}
    assert "In der Nacht" not in found
    assert found["Am 17. April"] == "1945-04-17"


def test_news_anchors_year_less_dates_on_the_publication_date() -> None:
    text = "En 1936 estalló la guerra. El 18 de julio se sublevó el ejército."
    found = {t.text: t.value for t in tag(text, DCT, "es")}
    assert found["El 18 de julio"] == "2025-07-18"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "La Plaza de Mayo estaba llena."),  # a name, not the month
        ("es", "Murieron 1500 personas."),  # a count, not a year
        ("es", "Esta mañana la niña comió."),  # "mañana" is the morning here...
        ("de", "Am Morgen sprach er."),  # ...and "Morgen" a noun, not tomorrow
        ("fr", "Il a sept enfants."),  # "sept" is seven, not September
        ("pt", "Foi a segunda maior cidade."),  # an ordinal, not Monday
        ("uk", "Загинули 1500 солдатів."),
        ("es", "Dijo que Domingo García no vendrá."),  # a name, not Sunday
    ],
)
def test_words_that_are_not_these_dates(language: str, text: str) -> None:
    values = [t.value for t in tag(text, DCT, language)]
    not_these = ("2025-05", "1500", "2025-10-11", "2025-09", "2025-10-13", "2025-10-12")
    assert not any(v in not_these for v in values)


def test_a_capitalised_month_after_a_name_is_a_name() -> None:
    """Languages that write months in lower case: "la Avenida 17 de Mayo" is a street, "el 17
    de Mayo" (an article before the day) a date."""
    assert tag("Vive en la Avenida 17 de Mayo.", DCT, "es") == []
    assert [t.value for t in tag("Llegó el 17 de Mayo.", DCT, "es")] == ["2025-05-17"]


def test_future_tense_moves_a_weekday_forward() -> None:
    (friday,) = [t for t in tag("El lunes se reunirá el consejo.", DCT, "es") if "lunes" in t.text]
    assert friday.value == "2025-10-13"
    (past,) = [t for t in tag("El lunes se reunió el consejo.", DCT, "es") if "lunes" in t.text]
    assert past.value == "2025-10-06"


def test_speech_days_count_from_the_news_day() -> None:
    """'hoy' in a quotation of an article published the day after its news is the news day."""
    text = 'El ministro dijo el jueves: "Hoy es un gran día".'
    found = {t.text: t.value for t in tag(text, date(2025, 10, 10), "es")}
    assert found["el jueves"] == "2025-10-09"
    assert found["Hoy"] == "2025-10-09"


def test_unknown_languages_are_read_as_english() -> None:
    assert [t.value for t in tag("She left on Friday.", DCT, "nl")] == ["2025-10-10"]
