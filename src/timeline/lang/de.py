"""German language data: words and phrases only, no logic (see `timeline.lang` and `es`,
whose names and comments this module follows). Nouns are capitalised in German, so no
capital marks a name here, except "Morgen" (the morning) against "morgen" (tomorrow)."""

from timeline.lang import common, en, tables

# fmt: off

SNOWBALL_LANGUAGE = "german"
NOUN_AS_VERB_ENDINGS = ()

MONTHS = {w: m for w, m in tables.months("de").items() if w != "sept"} | {"mai": 5, "maerz": 3}
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                       "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dez": 12}
MONTH_NOUNS = ("Monat",)
LOWER_CASE_MONTHS = False
MONTH_CUES = ("im", "in", "seit", "bis", "ab", "zum", "vom", "Anfang", "Ende", "Mitte",
              "Monat", "bis zum", "bis Ende", "seit Anfang", "Frühjahr", "Sommer", "Herbst",
              "Winter", "und", "oder")
AMBIGUOUS_MONTHS = frozenset({"august", "april", "mai", "juni", "juli"})
_WEEKDAYS = {**tables.weekdays("de"), "sonnabend": 6}
WEEKDAYS = {**_WEEKDAYS, **{w + "s": d for w, d in _WEEKDAYS.items()}}
_PARTS = {"morgen": "MO", "vormittag": "MO", "mittag": "MI", "nachmittag": "AF",
          "abend": "EV", "nacht": "NI"}
# "Freitagabend", "Montagmorgen": a weekday and its part in one word.
WEEKDAY_PARTS = {w + p: (d, c) for w, d in _WEEKDAYS.items() for p, c in _PARTS.items()}
WEEKDAY_PLURALS = {w + "s": d for w, d in _WEEKDAYS.items()}  # "montags": every Monday
SEASONS = {"frühling": "SP", "frühjahr": "SP", "frühjahrs": "SP", "sommer": "SU",
           "sommers": "SU", "herbst": "FA", "herbstes": "FA", "winter": "WI", "winters": "WI"}
PARTS_OF_DAY = {**_PARTS, "früh": "MO", "morgens": "MO", "vormittags": "MO",
                "nachmittags": "AF", "abends": "EV", "nachts": "NI", "morgenstunden": "MO",
                "abendstunden": "EV", "nachtstunden": "NI"}
PART_LINKS = ("am", "in der", "gegen")
PART_ARTICLES = ("am", "in der", "im Laufe des", "während der", "in den frühen",
                 "in den späten", "in den", "gegen")
PART_OF_LINKS = ("des", "vom")
# The night that runs from one day to the next: "in der Nacht vom 16. auf den 17. April".
PART_OF_DAY_JOINERS = ("auf den", "zum", "auf")

DEICTIC_DAYS = tables.relative_days("de")
DEICTIC_PARTS: dict = {}
DEICTIC_NOT_AFTER = {"morgen": r"(?:\b(?:am|den|der|des|dem|jeden|frühen|guten|heute|gestern"
                               r"|diesen|diesem|eines)\s+)$"}
DEICTIC_LOWER_ONLY = ("morgen",)
DEICTIC_UNITS = {"heuer": ("year", 0), "jahresende": ("year", 0, "END"),
                 "jahresbeginn": ("year", 0, "START"), "jahresanfang": ("year", 0, "START"),
                 "jahresmitte": ("year", 0, "MID"), "monatsende": ("month", 0, "END"),
                 "monatsanfang": ("month", 0, "START"),
                 # the year that follows: "im neuen Jahr", "des neuen Jahres"
                 "im neuen jahr": ("year", 1), "des neuen jahres": ("year", 1),
                 "das neue jahr": ("year", 1), "ins neue jahr": ("year", 1),
                 "dem neuen jahr": ("year", 1)}

ARTICLES = ("der", "die", "das", "den", "dem", "des", "am", "im", "vom", "zum", "zur", "beim")
DIRECTIONS_BEFORE = {
    **{f"letzte{e}": -1 for e in ("", "n", "s", "r", "m")},
    **{f"vergangene{e}": -1 for e in ("", "n", "s", "r", "m")},
    **{f"vorige{e}": -1 for e in ("", "n", "s", "r", "m")},
    **{f"nächste{e}": 1 for e in ("", "n", "s", "r", "m")},
    **{f"kommende{e}": 1 for e in ("", "n", "s", "r", "m")},
    **{f"diese{e}": 0 for e in ("", "n", "s", "r", "m")},
    **{f"laufende{e}": 0 for e in ("", "n", "s", "r", "m")},
}
DIRECTIONS_AFTER: dict = {}
ANAPHORIC_BEFORE = {
    **{f"selbe{e}": 0 for e in ("", "n", "s", "r", "m")},
    **{f"gleiche{e}": 0 for e in ("", "n", "s", "r", "m")},
    **{f"folgende{e}": 1 for e in ("", "n", "s", "r", "m")},
    **{f"darauffolgende{e}": 1 for e in ("", "n", "s", "r", "m")},
    **{f"darauf folgende{e}": 1 for e in ("", "n", "s", "r", "m")},
    **{f"vorangegangene{e}": -1 for e in ("", "n", "s", "r", "m")},
    **{f"vorherige{e}": -1 for e in ("", "n", "s", "r", "m")},
    "demselben": 0, "derselben": 0, "desselben": 0, "jenem": 0, "jenes": 0,
}
ANAPHORIC_AFTER = {"darauf": 1, "danach": 1, "später": 1, "zuvor": -1, "davor": -1,
                   "vorher": -1}
ANAPHORIC_DAYS = {"tags darauf": 1, "am tag darauf": 1, "am vortag": -1, "vortag": -1,
                  "am folgetag": 1, "folgetag": 1, "am vorabend": -1, "vorabend": -1}

NUMBER_WORDS = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15, "sechzehn": 16,
    "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "einundzwanzig": 21,
    "zweiundzwanzig": 22, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
    "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000,
    "ein paar": 2, "anderthalb": 1.5, "eineinhalb": 1.5, "ein halbes": 0.5,
    "einem halben": 0.5, "einen halben": 0.5, "ein halber": 0.5, "halbes": 0.5,
    "zweieinhalb": 2.5, "dreieinhalb": 3.5, "ein dutzend": 12,
}
NUMBER_JOINER = "und"
ORDINALS = {
    **{f"erste{e}": 1 for e in ("", "n", "s", "r", "m")},
    **{f"zweite{e}": 2 for e in ("", "n", "s", "r", "m")},
    **{f"dritte{e}": 3 for e in ("", "n", "s", "r", "m")},
    **{f"vierte{e}": 4 for e in ("", "n", "s", "r", "m")},
    **{f"letzte{e}": -1 for e in ("", "n", "s", "r", "m")},
}
UNITS = {
    **{w: u for w, u in tables.units("de").items() if w not in ("sek", "min", "std")},
    "tages": "day", "tagen": "day", "monats": "month", "jahres": "year", "jahrs": "year",
    "nacht": "night", "nächte": "night", "nächten": "night", "jahrzehnt": "decade",
    "jahrzehnte": "decade", "jahrzehnten": "decade", "jahrzehnts": "decade",
    "jahrhundert": "century", "jahrhunderte": "century", "jahrhunderten": "century",
    "jahrhunderts": "century", "quartal": "quarter", "quartale": "quarter",
    "quartals": "quarter", "quartalen": "quarter", "halbjahr": "half", "halbjahres": "half",
    "wochenende": "weekend", "wochenenden": "weekend", "wochenendes": "weekend",
}
PLURAL_UNITS = ("sekunden", "minuten", "stunden", "tage", "tagen", "wochen", "monate",
                "monaten", "jahre", "jahren", "jahrzehnte", "jahrzehnten", "jahrhunderte",
                "jahrhunderten", "quartale", "quartalen", "wochenenden", "nächte", "nächten")
VAGUE_QUANTITIES = ("einige", "einigen", "mehrere", "mehreren", "wenige", "wenigen", "viele",
                    "vielen", "etliche", "etlichen", "zahlreiche", "zahlreichen", "ein paar")
APPROX = {"etwa": "APPROX", "rund": "APPROX", "ungefähr": "APPROX", "gut": "MORE_THAN",
          "fast": "LESS_THAN", "knapp": "LESS_THAN", "mehr als": "MORE_THAN",
          "über": "MORE_THAN", "weniger als": "LESS_THAN", "mindestens": "EQUAL_OR_MORE",
          "bis zu": "EQUAL_OR_LESS"}
HALF_AFTER = ("und einhalb",)
MORE_AFTER = ("lang",)

AGO_BEFORE = tables.ago_words("de")
AGO_AFTER = ()
LATER_AFTER = ("später", "danach", "darauf")
EARLIER_AFTER = ("früher", "zuvor", "vorher", "davor")
LATER_BEFORE = ("nach",)
FORWARD_BEFORE = ("in",)
DURATION_BEFORE_AGO = ()
OFFSET_EVENT_AFTER = ("nach dem", "nach der", "vor dem", "vor der", "seit")
LAST_UNITS = ("die letzten", "den letzten", "der letzten", "in den letzten",
              "die vergangenen", "den vergangenen", "in den vergangenen")
NEXT_UNITS = ("die nächsten", "den nächsten", "in den nächsten", "die kommenden",
              "den kommenden", "in den kommenden", "den folgenden", "in den folgenden",
              "die folgenden")
BARE_PLURAL_BEFORE = ("seit", "über", "für", "nach", "vor")
MODS = {"anfang": "START", "beginn": "START", "zu beginn": "START", "anfang des": "START",
        "beginn des": "START", "zu beginn des": "START", "anfang der": "START",
        "ende": "END", "ende des": "END", "ende der": "END", "gegen ende": "END",
        "gegen ende des": "END", "mitte": "MID", "mitte des": "MID", "mitte der": "MID",
        "im laufe des": "MID", "im verlauf des": "MID"}
MOD_LEADS = ("bis", "seit", "ab", "von", "bereits", "noch")
CENTURY_WORDS = ("jahrhundert", "jahrhunderts", "jahrhunderte", "jh.")
CENTURY_NAMES: dict = {}
DECADE_WORDS = {"zwanziger": 20, "dreißiger": 30, "vierziger": 40, "fünfziger": 50,
                "sechziger": 60, "siebziger": 70, "achtziger": 80, "neunziger": 90}
DECADE_PATTERNS = (
    r"(?:(?:die|den|der|in\s+den)\s+)?{full}er(?:[\s-]*jahre[n]?)?",
    r"(?:(?:die|den|der|in\s+den)\s+)?{short}er(?:[\s-]*jahre[n]?)",
    r"(?:(?:die|den|der|in\s+den)\s+)?{word}(?:[\s-]*jahre[n]?)",
)
QUARTER_WORDS = ("quartal", "quartals")
HALF_WORDS = ("hälfte", "halbjahr", "jahreshälfte", "halbjahres")
DAY_MONTH_LINK = r"\s*"
MONTH_YEAR_LINK = r"(?:\s+des\s+jahres)?\s+"
DAY_SUFFIX = r"\."
DAY_WORDS: dict = {}
DAY_NOUN = ()
YEAR_BEFORE = ("im jahr", "im jahre", "des jahres", "das jahr", "jahr", "jahre", "anno")
YEAR_AFTER = ()
BC_AFTER = r"v\.\s?Chr\.?|vor\s+Christus|v\.\s?u\.\s?Z\.?"
AD_AFTER = r"n\.\s?Chr\.?|nach\s+Christus"
RANGE_OPENERS = ("vom", "von", "zwischen dem", "zwischen", "ab", "seit")
RANGE_JOINERS = ("bis zum", "bis", "und dem", "und", "-", "–", "—")

CLOCK_BEFORE = ("um", "gegen", "ab", "bis", "seit", "von", "zwischen", "kurz nach",
                "kurz vor")
CLOCK_BEFORE_STRONG = ("um", "gegen", "kurz nach", "kurz vor")
CLOCK_HOUR_WORDS = ("uhr",)
CLOCK_MARKS = ("uhr",)
CLOCK_HALVES = {"morgens": "am", "früh": "am", "vormittags": "am", "nachmittags": "pm",
                "abends": "pm", "nachts": "am"}
CLOCK_LOCAL = ("ortszeit", "mez", "mesz")
CLOCK_JOINERS = ("um", "gegen", "am")
NOON = ("mittag", "mittags")
MIDNIGHT = ("mitternacht",)

PRESENT_WORDS = ("jetzt", "derzeit", "zurzeit", "zur zeit", "gegenwärtig", "momentan",
                 "heutzutage", "bis heute", "aktuell", "im moment", "zur stunde")
PAST_WORDS = ("kürzlich", "vor kurzem", "vor kurzer zeit", "neulich", "jüngst", "einst",
              "früher", "in der vergangenheit", "seit langem")
FUTURE_WORDS = ("künftig", "zukünftig", "in zukunft", "die zukunft", "demnächst",
                "langfristig", "kurzfristig", "mittelfristig", "in kürze")
# A vague word followed by these is a noun of something ("el futuro de las pensiones").
VAGUE_NOT_BEFORE = r"\\s+(?:des|der|von)\\b"
SOON_WORDS = ("bald", "schon bald", "in bälde")
LATER_WORDS = ()
VAGUE_ADJECTIVES = {"derzeitige": "PRESENT_REF", "derzeitigen": "PRESENT_REF",
                    "heutige": "PRESENT_REF", "heutigen": "PRESENT_REF",
                    "jetzige": "PRESENT_REF", "jetzigen": "PRESENT_REF",
                    "künftige": "FUTURE_REF", "künftigen": "FUTURE_REF"}
NARRATIVE_PRESENT = ("damals", "zu diesem zeitpunkt", "ab diesem zeitpunkt", "zu dieser zeit",
                     "zu jener zeit", "zur gleichen zeit", "von nun an")
NARRATIVE_PAST = ("kurz zuvor", "kurz davor")
NARRATIVE_FUTURE = ("wenig später", "kurz darauf", "kurz danach", "bald darauf",
                    "in der folge", "folgezeit", "in der folgezeit", "kurze zeit später",
                    "einige zeit später", "bald danach")

SET_EACH = ("jeden", "jede", "jedes", "jeder", "alle")
SET_PER = ("pro", "je", "im")
FREQUENCY_WORDS = {
    "jährlich": "P1Y", "jährliche": "P1Y", "jährlichen": "P1Y", "alljährlich": "P1Y",
    "täglich": "P1D", "tägliche": "P1D", "täglichen": "P1D", "monatlich": "P1M",
    "monatliche": "P1M", "monatlichen": "P1M", "wöchentlich": "P1W", "wöchentliche": "P1W",
    "wöchentlichen": "P1W", "stündlich": "PT1H", "vierteljährlich": "P3M",
    "halbjährlich": "P6M",
}
FREQUENCY_NOUNS = ()

HOLIDAYS = {
    "weihnachten": ("fixed", 12, 25), "heiligabend": ("fixed", 12, 24),
    "heiligen abend": ("fixed", 12, 24), "silvester": ("fixed", 12, 31),
    "neujahr": ("fixed", 1, 1), "ostern": ("easter", 0), "ostersonntag": ("easter", 0),
    "ostermontag": ("easter", 1), "karfreitag": ("easter", -2), "pfingsten": ("easter", 49),
    "christi himmelfahrt": ("easter", 39), "tag der deutschen einheit": ("fixed", 10, 3),
    "allerheiligen": ("fixed", 11, 1), "valentinstag": ("fixed", 2, 14),
}
HOLIDAY_TRIGGERS = ()

FUTURE_CUES = ("wird", "werden", "wirst", "werde", "soll", "sollen", "plant", "planen",
               "geplant", "voraussichtlich", "will", "wollen", "kommende", "kommenden",
               "nächste", "nächsten", "morgen", "beabsichtigt")
FUTURE_ENDINGS = ()
PAST_CUES = ("war", "waren", "wurde", "wurden", "hatte", "hatten", "hat", "haben", "gab",
             "gestern", "letzte", "letzten", "vergangene", "vergangenen", "bereits",
             "schon", "worden")
PAST_ENDINGS = ()
NOT_PAST_ENDINGS = ()
FUTURE_MODALS = ()
DEADLINE_CUE = common.NEVER
PRESENT_VERBS = ("ist", "sind", "sagt", "sagen", "bleibt", "bleiben", "scheint", "glaubt",
                 "meint", "will", "wollen", "kann", "können", "weiß", "gibt", "steht")
PAST_AUXILIARIES = ("war", "waren", "wurde", "wurden", "hatte", "hatten", "hat", "haben")
PAST_VERBS = ("sagte", "sagten", "erklärte", "gab", "kam", "ging", "fand", "fiel", "starb")
NOT_PAST_VERBS = ()
REPORTING_VERBS = (
    "sagte", "sagt", "sagten", "erklärte", "erklärt", "erklärten", "teilte", "berichtete",
    "berichtet", "meldete", "meldet", "kündigte", "betonte", "bestätigte", "bestätigt",
    "zufolge", "laut", "hieß es", "schrieb", "warnte", "forderte", "verkündete", "sprach",
)

EVENT_NOUNS = (
    "erdbeben", "beben", "anschlag", "anschläge", "explosion", "angriff", "angriffe",
    "bombardierung", "schießerei", "massaker", "mord", "attentat", "unfall", "zusammenstoß",
    "katastrophe", "tragödie", "ölpest", "brand", "feuer", "überschwemmung", "hochwasser",
    "sturm", "hurrikan", "taifun", "zyklon", "tornado", "ausbruch", "epidemie", "putsch",
    "aufstand", "revolution", "revolte", "rebellion", "invasion", "krieg", "streik",
    "protest", "proteste", "demonstration", "demonstrationen", "krawalle", "zusammenstöße",
    "waffenstillstand", "waffenruhe", "wahl", "wahlen", "abstimmung", "referendum",
    "rücktritt", "urteil", "prozess", "entscheidung", "ankündigung", "abkommen",
    "vereinbarung", "vertrag", "gipfel", "treffen", "rede", "erklärung", "bericht",
    "festnahme", "verhaftung", "tod", "beerdigung", "start", "krise", "zwischenfall",
    "entführung", "evakuierung", "schließung",
)
SYNONYMS = {"beben": "erdbeben"}
REFERENCE_BEFORE = (
    r"\b(?:der|die|das|dem|den|des|dieser|diese|dieses|seit\s+dem|seit\s+der)\s+"
    r"(?:[\w-]+\s+){{0,2}}(?:{nouns})\s+(?:vom|von|am)\s+$",
)
REFERENCE_AFTER = common.NEVER
REFERENCE_DETERMINERS = common.NEVER

NON_DATE_UNITS = (
    "%", "prozent", "menschen", "personen", "tote", "toten", "verletzte", "verletzten",
    "opfer", "millionen", "million", "milliarden", "euro", "dollar", "mark", "kilometer",
    "km", "meter", "tonnen", "barrel", "einwohner", "stimmen", "sitze", "soldaten",
    "kinder", "fälle", "mal", "punkte", "mitarbeiter", "arbeitsplätze", "flüchtlinge",
    "gefangene", "polizisten", "demonstranten", "zivilisten", "familien", "kilo", "liter",
    "hektar", "patienten", "schüler", "studenten", "fahrzeuge", "autos", "flugzeuge",
    "raketen", "mann", "panzer", "panzern", "geschütze", "geschützen", "flugzeugen",
    "soldaten", "toten", "kilometern", "metern", "tonnen", "menschen", "einwohnern",
    "gefangenen", "schiffen", "booten", "divisionen", "truppen",
)
NON_DATE_VERBS = ()
# German capitalises its nouns: a capitalised word after a two-digit number is what it
# counts ("am 26. Dezember 38 Santee gehängt": 38 people, not 1938), where a year written in
# two digits goes on with a verb, a preposition or punctuation ("im Mai 68 begann").
COUNTED_NOUN_AFTER = r"\s+[A-ZÄÖÜ][a-zäöüß]"
CLOCK_AFTER = ("uhr", "GMT", "UTC", "MEZ")
YEAR_CUES = ("im", "in", "seit", "bis", "von", "vom", "ab", "zwischen", "jahr", "jahre",
             "vor", "nach", "während", "und", "anno", "um", "ende", "anfang", "mitte",
             "frühjahr", "sommer", "herbst", "winter", "bereits")
EARLY_YEAR = 1000
DETERMINERS = ("der", "die", "das", "ein", "eine", "den", "dem", "des", "seine", "ihre")
FUNCTION_WORDS = ("der", "die", "das", "und", "oder", "in", "im", "an", "am", "zu", "zum",
                  "von", "vom", "mit", "für", "auf", "ein", "eine")
MEASURED_NOUNS = frozenset()

ABBREVIATIONS = frozenset({
    "hr", "fr", "dr", "prof", "st", "nr", "bzw", "bzgl", "ca", "usw", "vgl", "z.b", "d.h",
    "u.a", "o.ä", "etc", "s", "sog", "inkl", "ggf", "evtl", "gen", "v", "chr", "n", "jh",
    "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez",
    "mo", "di", "mi", "do", "sa", "so",
})

BOILERPLATE_STRONG = (
    r"\b(?:jetzt )?abonnieren\b",
    r"\bnewsletters?\b",
    r"\bdatenschutz(?:erklärung|hinweise?|einstellungen)?\b",
    r"\bimpressum\b",
    r"\b(?:diese (?:web)?seite|wir) (?:verwendet|verwenden|nutzt|nutzen) cookies\b",
    r"\bcookies? (?:akzeptieren|zulassen)\b",
    r"\balle rechte vorbehalten\b",
    r"^\s*(?:lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|das könnte sie)\b",
    r"^\s*(?:meistgelesen|am meisten gelesen|beliebt)\b",
    r"^\s*(?:teilen|kommentare?|drucken|versenden|anzeige|werbung)\s*:?\s*$",
    r"\bfolgen sie uns\b",
    r"\bhier klicken\b",
    r"\bbereits abonnent\b",
    r"\b(?:jetzt )?(?:anmelden|registrieren|einloggen)\b",
    r"\bzum inhalt springen\b",
    *en.BOILERPLATE_STRONG,
)
BOILERPLATE_WEAK = (
    r"\babo(?:nnement|nnenten)?\b",
    r"\bunterstützen\b",
    r"\bspende[nr]?\b",
    r"\bcookies?\b",
    *en.BOILERPLATE_WEAK,
)
READER_ADDRESS = (
    r"\b(?:Sie|Ihre?[nmrs]?|[Dd]u|[Dd]ein[e]?|[Ww]ir|[Uu]ns(?:ere?[nmrs]?)?|[Yy]ou|[Oo]ur)\b"
)
BOILERPLATE_KEYWORDS = (
    "abonn", "newsletter", "datenschutz", "impressum", "cookie", "rechte vorbehalten",
    "lesen sie", "mehr zum", "interessant", "könnte sie", "meistgelesen", "gelesen",
    "teilen", "kommentar", "folgen sie", "klicken", "abonnent", "anmelden", "registrieren",
    "einloggen", "inhalt springen", "unterstütz", "spende",
    *en.BOILERPLATE_KEYWORDS,
)
BOILERPLATE_SHORT_LINE_WORDS = 4
BOILERPLATE_SECTION_STARTS = (
    r"\babonnieren\b",
    r"\bnewsletters?\b",
    r"^\s*(?:lesen sie auch|mehr zum thema|auch interessant)\b",
    r"^\s*meistgelesen",
    r"\balle rechte vorbehalten\b",
    r"^\s*teilen\b",
    r"^\s*(?:schlagworte|themen|kommentare)\s*:?\s*$",
    *en.BOILERPLATE_SECTION_STARTS,
)

HEADLINE_LEAD_PATTERNS = common.HEADLINE_LEAD_PATTERNS
HEADLINE_TAIL_PATTERNS = (
    r",?\s+(?:sagte|erklärte|teilte|berichtete|meldete)\s+(?:[^\W\d_][\w.'-]*\s*){1,6}"
    r"(?:,[^,]{0,60})?\.?\s*$",
)
HEADLINE_TAIL_CUES = ("sagte", "erklärte", "teilte", "berichtete", "meldete")
ENTRY_DEPENDENT_STARTS = frozenset((
    "er", "sie", "es", "dies", "diese", "dieser", "dieses", "das", "aber", "und", "doch",
    "jedoch", "auch", "dann", "danach", "dort", "daher", "deshalb",
))  # fmt: skip
ENTRY_FIRST_PERSON = frozenset(("ich", "mich", "mir", "mein", "meine", "meinen"))
ENTRY_MIN_WORDS = 8

# fmt: on

STOPWORDS = frozenset(
    """
aber als am an auch auf aus bei bin bis bist da damit dann der den des dem die das dass
dein deine dem den der des dessen die dies diese dieser dieses doch dort du durch ein eine
einem einen einer eines er es etwas für hat hatte haben hier ich ihr ihre im in ist ja
jede jedem jeden jeder jedes kann kein keine mit nach nicht noch nur oder seine sich sie
sind so über um und uns unter vom von vor war waren was weil wenn werden wie wird wir zu
zum zur sagte laut jahr jahre jahren monat monate woche wochen tag tage heute gestern
morgen montag dienstag mittwoch donnerstag freitag samstag sonntag prozent
""".split()  # noqa: SIM905 - a word list is easier to read and edit as text
)
