"""Spanish language data: words and phrases only, no logic (see `timeline.lang`).

Month, weekday and unit names come from dateparser's tables (`timeline.lang.tables`);
the rest (inflections, relative phrases, tense cues, furniture) is written here.
"""

from timeline.lang import common, en, tables

# fmt: off

SNOWBALL_LANGUAGE = "spanish"
NOUN_AS_VERB_ENDINGS = ()

# -- calendar words ------------------------------------------------------------------
MONTHS = {**tables.months("es"), "setiembre": 9}
MONTH_ABBREVIATIONS = {"ene": 1, "feb": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8,
                       "sep": 9, "sept": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12}
# A month may be named with its noun: "el mes de junio".
MONTH_NOUNS = ("mes de",)
WEEKDAYS = {**tables.weekdays("es"), "miercoles": 3, "sabado": 6}
# Month names are written in lower case: a capital mid-sentence is a name ("Plaza de Mayo").
LOWER_CASE_MONTHS = True
# Words before a month alone that make an ambiguous month word a month (see AMBIGUOUS_MONTHS).
MONTH_CUES = ("en", "de", "desde", "hasta", "hacia", "para", "el", "pasado", "próximo")
# Weekdays joined with their part in one word (German "Freitagabend"): none in Spanish.
WEEKDAY_PARTS: dict = {}
# Plural weekdays name every such day: "los lunes".
WEEKDAY_PLURALS = {"los lunes": 1, "los martes": 2, "los miércoles": 3, "los jueves": 4,
                   "los viernes": 5, "los sábados": 6, "los domingos": 7}
SEASONS = {"primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI"}
PARTS_OF_DAY = {"mañana": "MO", "madrugada": "MO", "mediodía": "MI", "tarde": "AF",
                "noche": "NI", "anochecer": "EV", "amanecer": "MO"}
# Words between a day and its part: "el viernes por la noche", "ayer por la tarde".
PART_LINKS = ("por la", "en la", "de la", "a la", "a media", "de", "por")
# A part of the day with its article names one of the narrative's day ("la tarde").
PART_ARTICLES = ("la", "esa", "aquella", "toda la", "media")

# Days counted from today, and days with their part ("anoche": last night).
DEICTIC_DAYS = {**tables.relative_days("es"), "antier": -2, "antes de ayer": -2,
                "pasado mañana": 2}
DEICTIC_PARTS = {"anoche": (-1, "NI"), "anteanoche": (-2, "NI"), "antes de anoche": (-2, "NI")}
# "mañana" is the morning, not tomorrow, after these words ("esta mañana", "la mañana").
DEICTIC_NOT_AFTER = {"mañana": r"(?:\b(?:la|esta|una|cada|toda|media|por|de|en|al|esa|aquella"
                                r"|misma|primera|última|próxima)|\d)\s+$"}

ARTICLES = ("el", "la", "los", "las", "del", "al", "lo")
# Between a part of the day and its day: "la noche del viernes".
PART_OF_LINKS = ("del", "de")
# The night that runs from one day to the next: "la noche del 16 al 17 de abril".
PART_OF_DAY_JOINERS = ("al", "y el")
# Deictic words that are another word when capitalised mid-sentence (German "Morgen").
DEICTIC_LOWER_ONLY = ()
# One word for a unit counted from now (Ukrainian "торік", last year): none in Spanish.
DEICTIC_UNITS = {"lo que va de año": ("year", 0), "lo que va del año": ("year", 0),
                 "lo que va de mes": ("month", 0), "lo que va de semana": ("week", 0)}
# Direction words before or after a unit, weekday, month or season: -1 last, 1 next, 0 this.
DIRECTIONS_BEFORE = {"pasado": -1, "pasada": -1, "próximo": 1, "próxima": 1, "este": 0,
                     "esta": 0, "presente": 0, "último": -1, "última": -1}
DIRECTIONS_AFTER = {"pasado": -1, "pasada": -1, "próximo": 1, "próxima": 1, "que viene": 1,
                    "entrante": 1, "venidero": 1, "venidera": 1, "en curso": 0,
                    "actual": 0}
# Counted from the narrative's date: "el día siguiente", "el mismo día", "ese año".
ANAPHORIC_BEFORE = {"mismo": 0, "misma": 0, "ese": 0, "esa": 0, "aquel": 0, "aquella": 0,
                    "ese mismo": 0, "esa misma": 0, "aquel mismo": 0}
ANAPHORIC_AFTER = {"siguiente": 1, "posterior": 1, "anterior": -1, "previo": -1,
                   "previa": -1, "antes": -1, "después": 1}
ANAPHORIC_DAYS = {"la víspera": -1, "víspera": -1}

NUMBER_WORDS = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "veintiún": 21, "veintiuno": 21, "veintiuna": 21,
    "veintidós": 22, "veintitrés": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiséis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
    "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
    "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100, "mil": 1000,
    "un par de": 2, "una docena de": 12, "media docena de": 6, "medio": 0.5, "media": 0.5,
}
NUMBER_JOINER = "y"  # "treinta y dos"
ORDINALS = {
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3,
    "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5,
    "sexto": 6, "sexta": 6, "séptimo": 7, "séptima": 7, "octavo": 8, "octava": 8,
    "noveno": 9, "novena": 9, "décimo": 10, "décima": 10, "último": -1, "última": -1,
}
# Calendar units, singular and plural.
UNITS = {
    **{w: u for w, u in tables.units("es").items() if w not in ("sem", "min", "seg")},
    "dia": "day", "noche": "night", "noches": "night",
    "década": "decade", "décadas": "decade", "decenio": "decade", "decenios": "decade",
    "siglo": "century", "siglos": "century", "milenio": "millennium", "milenios": "millennium",
    "trimestre": "quarter", "trimestres": "quarter", "semestre": "half", "semestres": "half",
    "fin de semana": "weekend", "fines de semana": "weekend", "quincena": "fortnight",
    "quincenas": "fortnight", "temporada": "season", "temporadas": "season",
}
PLURAL_UNITS = ("segundos", "minutos", "horas", "días", "dias", "noches", "semanas",
                "meses", "años", "décadas", "decenios", "siglos", "milenios", "trimestres",
                "semestres", "fines de semana", "quincenas", "temporadas")
# Quantities with no exact number ("varios años": PXY).
VAGUE_QUANTITIES = ("varios", "varias", "unos", "unas", "algunos", "algunas", "pocos",
                    "pocas", "muchos", "muchas", "numerosos", "numerosas", "bastantes",
                    "unos pocos", "unas pocas", "tantos", "tantas")
APPROX = {"cerca de": "APPROX", "alrededor de": "APPROX", "unos": "APPROX", "unas": "APPROX",
          "escasamente": "APPROX", "apenas": "LESS_THAN", "poco más de": "MORE_THAN",
          "aproximadamente": "APPROX", "casi": "LESS_THAN", "menos de": "LESS_THAN",
          "más de": "MORE_THAN", "al menos": "EQUAL_OR_MORE", "por lo menos": "EQUAL_OR_MORE",
          "hasta": "EQUAL_OR_LESS"}
# "y medio": "dos años y medio".
HALF_AFTER = ("y medio", "y media")
MORE_AFTER = ("más",)  # "un año más"

# Counted from now or from the narrative: "hace dos semanas", "tres días después".
AGO_BEFORE = tables.ago_words("es")
AGO_AFTER = ("atrás",)
LATER_AFTER = ("después", "más tarde", "luego")
EARLIER_AFTER = ("antes",)
FORWARD_BEFORE = ("dentro de",)
DURATION_BEFORE_AGO = ()
# After these an offset counts from an event ("dos días después del partido"): only its
# length is known.
OFFSET_EVENT_AFTER = ("de", "del", "de la", "de que", "que")
# "los últimos tres meses" (up to now), "los próximos meses" (from now).
LAST_UNITS = ("los últimos", "las últimas", "los pasados", "las pasadas", "estos últimos",
              "estas últimas")
NEXT_UNITS = ("los próximos", "las próximas", "los siguientes", "las siguientes")
# Plural units without a number are vague lengths after these: "durante años".
BARE_PLURAL_BEFORE = ("durante", "desde hace", "por", "tras", "en", "a lo largo de", "llevan",
                      "lleva", "desde")
LATER_BEFORE = ("al cabo de",)
# Modifiers of a period: "a principios de marzo", "a finales de 1999".
MODS = {"principios de": "START", "comienzos de": "START", "inicios de": "START",
        "el comienzo de": "START", "el principio de": "START", "primeros de": "START",
        "finales de": "END", "fines de": "END", "el final de": "END", "final de": "END",
        "últimos de": "END", "mediados de": "MID", "la mitad de": "MID",
        "el fin de": "END", "principios del": "START", "comienzos del": "START",
        "inicios del": "START", "finales del": "END", "fines del": "END",
        "mediados del": "MID", "el final del": "END", "el fin del": "END"}
MOD_LEADS = ("a", "desde", "hasta", "para", "en", "de")
# Centuries and decades.
CENTURY_WORDS = ("siglo",)
# Centuries with a name of their own (Italian "il Novecento"): none in Spanish.
CENTURY_NAMES: dict = {}
DECADE_WORDS = {"veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
                "setenta": 70, "ochenta": 80, "noventa": 90}
DECADE_PATTERNS = (
    r"(?:los\s+)?años\s+(?:{full}|{short}|{word})",
    r"(?:la\s+)?década\s+de\s+(?:los\s+)?(?:{full}|{short}|{word})",
    r"los\s+{word}",
)
QUARTER_WORDS = ("trimestre",)
HALF_WORDS = ("semestre", "mitad")
# Words joining a day, a month and a year: "15 de enero de 2011", "mayo del 2000".
DAY_MONTH_LINK = r"(?:\s+de)?\s+"
MONTH_YEAR_LINK = r"(?:\s*,|\s+de|\s+del)?\s+"
DAY_SUFFIX = r"(?:º|°)?"
DAY_WORDS = {"primero": 1, "uno": 1}  # "el primero de mayo", "el uno de agosto"
DAY_NOUN = ("día",)  # "el día 13", "el día 15 de marzo"
YEAR_BEFORE = ("año", "el año", "del año", "en el año")
YEAR_AFTER = ()
BC_AFTER = r"a\.?\s?(?:de\s+)?C\.?|antes\s+de\s+Cristo"
AD_AFTER = r"d\.?\s?(?:de\s+)?C\.?|después\s+de\s+Cristo"
# Between the two ends of a range: "del 1 al 3 de marzo", "de 1999 a 2001", "entre 1999 y 2001".
RANGE_OPENERS = ("del", "de", "desde el", "desde", "entre el", "entre")
RANGE_JOINERS = ("al", "a", "hasta el", "hasta", "y el", "y", "-", "–", "—")

# Clock times: "a las 8.15", "las 08.00 hora local", "las seis de la mañana", "18.45 horas".
CLOCK_BEFORE = ("a las", "a la", "las", "la", "hacia las", "sobre las", "desde las",
                "hasta las", "de las", "entre las")
# Words before the hour that make a bare number a time ("a las 10"), marks after it that
# always do ("18 h"), and the words between a clock time and its day ("a las 6 de ayer").
CLOCK_BEFORE_STRONG = ("a las", "a la", "hacia las", "sobre las", "desde las", "hasta las",
                       "entre las")
CLOCK_HOUR_WORDS = ("horas", "hora", "h", "hs")
CLOCK_MARKS = ("h", "hs")
CLOCK_JOINERS = ("de", "del", "a", "a las", "el", "desde")
CLOCK_HALVES = {"de la mañana": "am", "de la madrugada": "am", "de la tarde": "pm",
                "de la noche": "pm", "del mediodía": "pm"}
CLOCK_LOCAL = ("hora local", "horas locales", "hora peninsular", "hora de Madrid")
NOON = ()  # "el mediodía" is the part of the day (PARTS_OF_DAY)
MIDNIGHT = ("medianoche",)

# Vague references (TimeML PRESENT_REF, PAST_REF, FUTURE_REF).
PRESENT_WORDS = ("ahora", "actualmente", "en la actualidad", "la actualidad", "hoy en día",
                 "hoy día", "hoy por hoy", "en estos momentos", "estos momentos",
                 "en este momento", "por ahora", "de momento", "por el momento",
                 "hasta el momento", "hasta ahora", "estos días", "en estos días",
                 "a día de hoy", "hoy en dia", "ahora mismo")
PAST_WORDS = ("recientemente", "recién", "últimamente", "el pasado", "en el pasado",
              "antiguamente", "hace poco", "del pasado", "desde entonces", "hasta entonces")
FUTURE_WORDS = ("el futuro", "en el futuro", "próximamente", "en breve", "a largo plazo",
                "a corto plazo", "a medio plazo", "en adelante", "de ahora en adelante",
                "más adelante", "el porvenir", "en lo sucesivo")
# A vague word followed by these is a noun of something ("el futuro de las pensiones").
VAGUE_NOT_BEFORE = r"\\s+(?:de|del)\\b"
SOON_WORDS = ("pronto", "muy pronto", "cuanto antes")
LATER_WORDS = ()
VAGUE_ADJECTIVES = {"actual": "PRESENT_REF", "actuales": "PRESENT_REF",
                    "reciente": "PAST_REF", "recientes": "PAST_REF",
                    "futuro": "FUTURE_REF", "futura": "FUTURE_REF", "futuros": "FUTURE_REF",
                    "futuras": "FUTURE_REF",
                    # before an event: "la próxima edición", "la pasada cumbre"
                    "próximo": "FUTURE_REF", "próxima": "FUTURE_REF", "próximos": "FUTURE_REF",
                    "próximas": "FUTURE_REF", "pasado": "PAST_REF", "pasada": "PAST_REF"}
# Only in narratives (a history, whose "now" is the story's): "entonces", "más tarde".
NARRATIVE_PRESENT = ("entonces", "en aquel momento", "en ese momento", "mientras tanto")
NARRATIVE_PAST = ("antes", "anteriormente", "previamente")
NARRATIVE_FUTURE = ("más tarde", "luego", "después", "posteriormente", "poco después")

# Recurring times: "cada día", "todos los años", "al año", "anual".
SET_EACH = ("cada", "todos los", "todas las")
SET_PER = ("al", "por", "a la", "cada")
FREQUENCY_WORDS = {
    "anual": "P1Y", "anuales": "P1Y", "anualmente": "P1Y", "diario": "P1D", "diaria": "P1D",
    "diarios": "P1D", "diarias": "P1D", "diariamente": "P1D", "cotidiano": "P1D",
    "cotidiana": "P1D", "mensual": "P1M", "mensuales": "P1M", "mensualmente": "P1M",
    "semanal": "P1W", "semanales": "P1W", "semanalmente": "P1W", "bimensual": "P2M",
    "bimensuales": "P2M", "trimestral": "P3M", "trimestrales": "P3M", "semestral": "P6M",
    "semestrales": "P6M", "quincenal": "P2W", "quincenales": "P2W", "bianual": "P6M",
}
# Frequency words that are also nouns after a determiner ("el diario El País").
FREQUENCY_NOUNS = ("diario", "cotidiano")

# Holidays: see en.HOLIDAYS for the rules.
HOLIDAYS = {
    "navidad": ("fixed", 12, 25), "nochebuena": ("fixed", 12, 24),
    "nochevieja": ("fixed", 12, 31), "año nuevo": ("fixed", 1, 1),
    "día de reyes": ("fixed", 1, 6),
    "día de todos los santos": ("fixed", 11, 1), "todos los santos": ("fixed", 11, 1),
    "día de la hispanidad": ("fixed", 10, 12), "san valentín": ("fixed", 2, 14),
    "domingo de resurrección": ("easter", 0), "pascua": ("easter", 0),
    "viernes santo": ("easter", -2), "jueves santo": ("easter", -3),
    "domingo de ramos": ("easter", -7), "miércoles de ceniza": ("easter", -46),
    "día del trabajo": ("fixed", 5, 1), "primero de mayo": ("fixed", 5, 1),
}
HOLIDAY_TRIGGERS = ("navidad", "nochebuena", "nochevieja", "año nuevo", "reyes", "santos",
                    "hispanidad", "valentín", "resurrección", "pascua", "santo", "ramos",
                    "ceniza", "trabajo", "primero de mayo")

# -- tense ---------------------------------------------------------------------------
FUTURE_CUES = ("va a", "van a", "vamos a", "voy a", "vas a", "prevé", "prevén", "previsto",
               "prevista", "previstos", "previstas", "tiene previsto", "tienen previsto",
               "planea", "planean", "se espera", "espera", "esperan", "pretende",
               "pretenden", "próximo", "próxima", "próximos", "próximas", "que viene",
               "debe", "deben", "deberá", "deberán", "quiere", "quieren", "mañana")
# Verb endings of the future tense ("será", "celebrarán").
FUTURE_ENDINGS = ("rá", "rán", "ré", "remos", "rás")
PAST_CUES = ("fue", "fueron", "era", "eran", "había", "habían", "hubo", "ha", "han", "he",
             "hemos", "has", "ya", "pasado", "pasada", "ayer", "anoche", "estaba", "estaban")
# Verb endings of the past ("anunció", "llegaron", "recibía"); not the conditional "-ría".
PAST_ENDINGS = ("ó", "aron", "ieron", "ió", "aba", "aban", "ía", "ían", "aste", "imos")
NOT_PAST_ENDINGS = ("ría", "rían", "día", "tía", "mía", "vía", "guía", "cía", "nía", "lía")
FUTURE_MODALS = ()
DEADLINE_CUE = common.NEVER
PRESENT_VERBS = ("es", "son", "está", "están", "dice", "dicen", "sigue", "siguen", "continúa",
                 "continúan", "hay", "tiene", "tienen", "puede", "pueden", "parece",
                 "parecen", "cree", "creen", "quiere", "quieren", "necesita", "necesitan",
                 "sabe", "saben", "afirma", "asegura", "considera", "estima", "espera",
                 "esperan", "será", "serán", "va", "van", "queda", "quedan", "permanece")
PAST_AUXILIARIES = ("fue", "fueron", "era", "eran", "estaba", "estaban", "había", "habían",
                    "hubo", "ha", "han", "tuvo", "tuvieron")
PAST_VERBS = ("dijo", "hizo", "puso", "vino", "dio", "vio", "supo", "quiso", "pudo",
              "murió", "murieron", "mataron", "llegó", "llegaron", "anunció", "declaró")
NOT_PAST_VERBS = ()
REPORTING_VERBS = (
    "dijo", "dice", "dicen", "dijeron", "afirmó", "afirma", "afirmaron", "declaró", "declara",
    "declararon", "anunció", "anuncia", "anunciaron", "aseguró", "asegura", "aseguraron",
    "explicó", "explica", "explicaron", "señaló", "señala", "señalaron", "indicó", "indica",
    "indicaron", "informó", "informa", "informaron", "añadió", "añade", "manifestó",
    "subrayó", "destacó", "precisó", "agregó", "comentó", "confirmó", "confirma",
    "confirmaron", "advirtió", "advierte", "advirtieron", "según", "recordó", "sostuvo",
    "apuntó", "reconoció", "denunció", "denunciaron", "admitió", "expresó", "insistió",
    "aseveró", "relató", "reveló", "estimó", "opinó", "publicó", "difundió", "citó",
)

# -- events --------------------------------------------------------------------------
EVENT_NOUNS = (
    "terremoto", "sismo", "seísmo", "atentado", "atentados", "explosión", "ataque", "ataques",
    "bombardeo", "bombardeos", "tiroteo", "masacre", "matanza", "asesinato", "accidente",
    "choque", "naufragio", "desastre", "catástrofe", "tragedia", "vertido", "derrame",
    "incendio", "inundación", "inundaciones", "tormenta", "huracán", "tifón", "ciclón",
    "tornado", "erupción", "brote", "epidemia", "golpe", "levantamiento", "revolución",
    "revuelta", "rebelión", "invasión", "guerra", "huelga", "protesta", "protestas",
    "manifestación", "manifestaciones", "concentración", "disturbios", "enfrentamientos",
    "tregua", "elecciones", "votación", "referéndum", "comicios", "investidura", "dimisión",
    "renuncia", "sentencia", "fallo", "veredicto", "juicio", "decisión", "anuncio", "acuerdo",
    "pacto", "tratado", "cumbre", "reunión", "discurso", "declaración", "informe",
    "detención", "arresto", "muerte", "funeral", "lanzamiento", "crisis", "incidente",
    "secuestro", "evacuación", "cierre", "apagón",
)
SYNONYMS = {"sismo": "terremoto", "seísmo": "terremoto"}
# "el terremoto del martes", "la explosión del 20 de abril": a date of another event.
REFERENCE_BEFORE = (
    r"\b(?:el|la|los|las|este|esta|aquel|aquella|su)\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})\s+"
    r"(?:del?|de\s+la)\s+$",
    r"\b(?:{nouns})\s*,?\s+(?:que|cuando)\s+(?:\w+\s+){{1,2}}(?:el\s+|en\s+)?$",
)
REFERENCE_AFTER = common.NEVER
REFERENCE_DETERMINERS = common.NEVER

# Words following a number that make it something other than a year or a day.
NON_DATE_UNITS = (
    "%", "por ciento", "personas", "muertos", "heridos", "víctimas", "millones", "millón",
    "mil", "euros", "dólares", "pesetas", "libras", "kilómetros", "km", "metros", "toneladas",
    "barriles", "habitantes", "votos", "escaños", "soldados", "niños", "casos", "veces",
    "puntos", "empleados", "trabajadores", "viviendas", "refugiados", "presos", "policías",
    "agentes", "manifestantes", "civiles", "familias", "kilos", "litros", "hectáreas",
    "pacientes", "alumnos", "estudiantes", "vehículos", "coches", "aviones", "misiles",
)
NON_DATE_VERBS = ()
CLOCK_AFTER = ("horas", "h", "GMT", "UTC", "hora local")
YEAR_CUES = ("en", "desde", "hasta", "de", "del", "a", "entre", "hacia", "año", "antes",
             "después", "durante", "el", "c.", "y")
EARLY_YEAR = 1000
DETERMINERS = ("el", "un", "una", "del", "al", "este", "ese", "su", "sus", "nuestro")
FUNCTION_WORDS = ("de", "del", "en", "a", "al", "y", "o", "que", "con", "por", "para",
                  "el", "la", "los", "las", "un", "una")
MEASURED_NOUNS = frozenset()
AMBIGUOUS_MONTHS = frozenset()

# -- sentences -----------------------------------------------------------------------
ABBREVIATIONS = frozenset({
    "sr", "sra", "srta", "sres", "dr", "dra", "d", "dña", "lic", "ing", "av", "avda", "etc",
    "p", "pág", "págs", "núm", "no", "nº", "tel", "ee.uu", "uu", "ud", "uds", "vd", "vol",
    "cap", "art", "arts", "dpto", "gral", "gen", "cía", "s.a", "a.c", "d.c", "a.m", "p.m",
    "ej", "aprox", "prof", "sto", "sta", "mons", "excmo", "ilmo", "cnel", "tte",
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "sept", "oct", "nov",
    "dic", "lun", "mié", "jue", "vie", "sáb", "dom",
})

# Furniture of Spanish news pages (see en.BOILERPLATE_STRONG); English ones apply too.
BOILERPLATE_STRONG = (
    r"\bsuscr[ií]b(?:e|ete|irse|ase)\b",
    r"\bbolet[ií]n(?:es)?\b",
    r"\bpol[ií]tica de (?:privacidad|cookies)\b",
    r"\b(?:utilizamos|usamos|este sitio (?:web )?utiliza|esta web utiliza) cookies\b",
    r"\baceptar (?:todas )?(?:las )?cookies\b",
    r"\baviso legal\b",
    r"\btodos los derechos reservados\b",
    r"^\s*(?:lee|leer|ver) (?:también|más)\b",
    r"^\s*(?:noticias |artículos )?relacionad[ao]s\s*:?\s*$",
    r"^\s*(?:lo )?más (?:leíd[ao]s?|vist[ao]s?|comentad[ao]s?|popular(?:es)?)\b",
    r"^\s*(?:compartir|comparte|comentarios?|imprimir|enviar|publicidad)\s*:?\s*$",
    r"\bs[ií]guenos\b",
    r"\b(?:haz|hacer|pulsa|pincha) (?:clic|click|aquí)\b",
    r"\bdescarg(?:a|ue) (?:nuestra|la) app\b",
    r"\bya eres suscriptor\b",
    r"\binici(?:a|ar) sesi[oó]n\b",
    r"\breg[ií]strate\b",
    r"\bt[eé]rminos y condiciones\b",
    r"\bcondiciones de uso\b",
    r"\bsaltar al contenido\b",
    *en.BOILERPLATE_STRONG,
)
BOILERPLATE_WEAK = (
    r"\bsuscri(?:pción|pciones|ptor|ptores|bir)\b",
    r"\bdonaci[oó]n(?:es)?\b",
    r"\bapoy(?:a|ar|o)\b",
    r"\bcookies?\b",
    r"\bregistr(?:o|arse)\b",
    *en.BOILERPLATE_WEAK,
)
READER_ADDRESS = r"\b(?:[Tt]ú|[Tt]u|[Tt]us|[Uu]sted|[Nn]os|[Nn]uestr[oa]s?|[Yy]ou|[Yy]our|[Oo]ur)\b"
BOILERPLATE_KEYWORDS = (
    "suscr", "bolet", "privacidad", "cookie", "aviso legal", "derechos reservados",
    "también", "leer más", "ver más", "relacionad", "más leíd", "más vist", "más coment",
    "compart", "síguenos", "siguenos", "clic", "click", "aquí", "descarg", "sesión",
    "sesion", "regístr", "registr", "términos", "condiciones", "saltar", "donaci", "apoy",
    *en.BOILERPLATE_KEYWORDS,
)
BOILERPLATE_SHORT_LINE_WORDS = 4
BOILERPLATE_SECTION_STARTS = (
    r"\bsuscr[ií]b",
    r"\bbolet[ií]n\b",
    r"^\s*(?:noticias )?relacionad",
    r"^\s*(?:lo )?más (?:leíd|vist|coment)",
    r"\btodos los derechos reservados\b",
    r"^\s*(?:compartir|comparte)\b",
    r"^\s*(?:etiquetas|temas|comentarios)\s*:?\s*$",
    *en.BOILERPLATE_SECTION_STARTS,
)

HEADLINE_LEAD_PATTERNS = common.HEADLINE_LEAD_PATTERNS
HEADLINE_TAIL_PATTERNS = (
    r",?\s+(?:según|dijo|afirmó|declaró|informó|anunció|aseguró)\s+(?:[^\W\d_][\w.'-]*\s*){1,6}"
    r"(?:,[^,]{0,60})?\.?\s*$",
)
HEADLINE_TAIL_CUES = ("según", "dijo", "afirmó", "declaró", "informó", "anunció", "aseguró")
ENTRY_DEPENDENT_STARTS = frozenset((
    "él", "ella", "ellos", "ellas", "esto", "este", "esta", "estos", "estas", "eso", "ese",
    "esa", "pero", "y", "así", "aunque", "también", "luego", "entonces", "además", "mientras",
    "allí", "sin",
))  # fmt: skip
ENTRY_FIRST_PERSON = frozenset(("yo", "me", "mi", "mí", "mis", "conmigo"))
ENTRY_MIN_WORDS = 8

# fmt: on

STOPWORDS = frozenset(
    """
a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante
e el ella ellas ellos en entre era eran es esa esas ese eso esos esta estaba estaban estas
este esto estos fue fueron ha habia había han hasta hay la las le les lo los mas más me mi
mientras muy nada ni no nos o otra otras otro otros para pero poco por porque que quien
quienes se sea ser si sido sin sobre son su sus tambien también tan tanto te tiene tienen
todo todos tras tu un una uno unos unas y ya dijo dice según año años mes meses semana
semanas día días hoy ayer mañana lunes martes miércoles jueves viernes sábado domingo
ciento dos tres cuatro cinco primer primera
""".split()  # noqa: SIM905 - a word list is easier to read and edit as text
)
