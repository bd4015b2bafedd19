"""Italian language data: words and phrases only, no logic (see `timeline.lang` and `es`,
whose names and comments this module follows)."""

from timeline.lang import common, en, tables

# fmt: off

SNOWBALL_LANGUAGE = "italian"
NOUN_AS_VERB_ENDINGS = ()

MONTHS = tables.months("it")
MONTH_ABBREVIATIONS = {"gen": 1, "feb": 2, "mar": 3, "apr": 4, "mag": 5, "giu": 6, "lug": 7,
                       "ago": 8, "set": 9, "sett": 9, "ott": 10, "nov": 11, "dic": 12}
MONTH_NOUNS = ("mese di",)
LOWER_CASE_MONTHS = True
MONTH_CUES = ("in", "a", "di", "da", "dal", "fino a", "entro", "nel", "del")
AMBIGUOUS_MONTHS = frozenset()
WEEKDAYS = {**tables.weekdays("it"), "lunedi": 1, "martedi": 2, "mercoledi": 3, "giovedi": 4,
            "venerdi": 5}
WEEKDAY_PARTS: dict = {}
WEEKDAY_PLURALS = {"il lunedì": 1, "il martedì": 2, "il mercoledì": 3, "il giovedì": 4,
                   "il venerdì": 5, "il sabato": 6, "la domenica": 7}
SEASONS = {"primavera": "SP", "estate": "SU", "autunno": "FA", "inverno": "WI"}
PARTS_OF_DAY = {"mattina": "MO", "mattinata": "MO", "mattino": "MO", "mezzogiorno": "MI",
                "pomeriggio": "AF", "sera": "EV", "serata": "EV", "notte": "NI",
                "nottata": "NI"}
PART_LINKS = ("in", "di", "nella", "nel", "in tarda", "in prima")
PART_ARTICLES = ("la", "nella", "in serata", "in mattinata", "nel", "il", "in tarda",
                 "durante la", "nel corso della")
PART_OF_LINKS = ("di", "del", "della", "tra", "fra")
# The night that runs from one day to the next: "la notte tra il 16 e il 17 aprile".
PART_OF_DAY_JOINERS = ("e il", "al")

DEICTIC_DAYS = {**tables.relative_days("it"), "l'altro ieri": -2, "altroieri": -2,
                "ieri l'altro": -2, "dopodomani": 2}
DEICTIC_PARTS = {"stasera": (0, "EV"), "stamattina": (0, "MO"), "stamani": (0, "MO"),
                 "stamane": (0, "MO"), "stanotte": (0, "NI"), "stanotte scorsa": (-1, "NI")}
DEICTIC_NOT_AFTER: dict = {}
DEICTIC_LOWER_ONLY = ()
DEICTIC_UNITS = {"quest'anno": ("year", 0), "quest'oggi": ("day", 0)}

ARTICLES = ("il", "lo", "la", "l'", "i", "gli", "le", "del", "dello", "della", "dell'", "nel",
            "nello", "nella", "nell'", "al", "allo", "alla", "all'", "dal", "dalla", "dall'")
DIRECTIONS_BEFORE = {"scorso": -1, "scorsa": -1, "passato": -1, "passata": -1,
                     "prossimo": 1, "prossima": 1, "questo": 0, "questa": 0, "quest'": 0}
DIRECTIONS_AFTER = {"scorso": -1, "scorsa": -1, "passato": -1, "passata": -1,
                    "prossimo": 1, "prossima": 1, "venturo": 1, "ventura": 1, "in corso": 0,
                    "corrente": 0}
ANAPHORIC_BEFORE = {"stesso": 0, "stessa": 0, "quel": 0, "quello": 0, "quella": 0,
                    "quell'": 0, "medesimo": 0}
ANAPHORIC_AFTER = {"successivo": 1, "successiva": 1, "seguente": 1, "dopo": 1,
                   "precedente": -1, "prima": -1, "stesso": 0, "stessa": 0}
ANAPHORIC_DAYS = {"l'indomani": 1, "la vigilia": -1, "vigilia": -1}

NUMBER_WORDS = {
    "un": 1, "uno": 1, "una": 1, "un'": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5,
    "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10, "undici": 11, "dodici": 12,
    "tredici": 13, "quattordici": 14, "quindici": 15, "sedici": 16, "diciassette": 17,
    "diciotto": 18, "diciannove": 19, "venti": 20, "ventuno": 21, "ventidue": 22,
    "ventitré": 23, "ventiquattro": 24, "venticinque": 25, "trenta": 30, "quaranta": 40,
    "cinquanta": 50, "sessanta": 60, "settanta": 70, "ottanta": 80, "novanta": 90,
    "cento": 100, "mille": 1000, "un paio di": 2, "una decina di": 10, "una dozzina di": 12,
    "una quindicina di": 15, "una ventina di": 20, "mezzo": 0.5, "mezza": 0.5,
}
NUMBER_JOINER = "e"
ORDINALS = {
    "primo": 1, "prima": 1, "secondo": 2, "seconda": 2, "terzo": 3, "terza": 3, "quarto": 4,
    "quarta": 4, "quinto": 5, "sesto": 6, "settimo": 7, "ottavo": 8, "nono": 9, "decimo": 10,
    "ultimo": -1, "ultima": -1, "diciannovesimo": 19, "ventesimo": 20, "ventunesimo": 21,
}
UNITS = {
    **{w: u for w, u in tables.units("it").items() if w not in ("sec", "min", "sett", "ora")},
    "giornata": "day", "giornate": "day", "notte": "night", "notti": "night",
    "decennio": "decade", "decenni": "decade", "secolo": "century", "secoli": "century",
    "millennio": "millennium", "trimestre": "quarter", "trimestri": "quarter",
    "semestre": "half", "semestri": "half", "fine settimana": "weekend", "weekend": "weekend",
    "quindicina": "fortnight", "stagione": "season", "stagioni": "season",
}
PLURAL_UNITS = ("secondi", "minuti", "ore", "giorni", "giornate", "notti", "settimane", "mesi",
                "anni", "decenni", "secoli", "trimestri", "semestri", "stagioni")
VAGUE_QUANTITIES = ("alcuni", "alcune", "diversi", "diverse", "parecchi", "parecchie",
                    "molti", "molte", "pochi", "poche", "vari", "varie", "qualche", "numerosi")
APPROX = {"circa": "APPROX", "quasi": "LESS_THAN", "meno di": "LESS_THAN",
          "più di": "MORE_THAN", "oltre": "MORE_THAN", "almeno": "EQUAL_OR_MORE",
          "fino a": "EQUAL_OR_LESS"}
HALF_AFTER = ("e mezzo", "e mezza")
MORE_AFTER = ("in più",)

AGO_BEFORE = ()
AGO_AFTER = tables.ago_words("it")
LATER_AFTER = ("dopo", "più tardi", "successivi")
EARLIER_AFTER = ("prima", "addietro")
LATER_BEFORE = ("a distanza di",)
FORWARD_BEFORE = ("tra", "fra", "entro")
DURATION_BEFORE_AGO = ()
OFFSET_EVENT_AFTER = ("di", "del", "della", "dello", "dell'", "che", "dalla", "dal")
LAST_UNITS = ("gli ultimi", "le ultime", "negli ultimi", "nelle ultime", "questi ultimi")
NEXT_UNITS = ("i prossimi", "le prossime", "nei prossimi", "nelle prossime")
BARE_PLURAL_BEFORE = ("per", "da", "durante", "dopo")
MODS = {"inizio": "START", "all'inizio di": "START", "all'inizio del": "START",
        "all'inizio dell'": "START", "fine": "END", "alla fine di": "END",
        "alla fine del": "END", "alla fine dell'": "END", "metà": "MID", "a metà": "MID",
        "a metà di": "MID", "primi di": "START", "fine di": "END"}
MOD_LEADS = ("a", "da", "fino a", "entro", "dal", "dalla")
CENTURY_WORDS = ("secolo",)
CENTURY_NAMES = {"duecento": 13, "trecento": 14, "quattrocento": 15, "cinquecento": 16,
                 "seicento": 17, "settecento": 18, "ottocento": 19, "novecento": 20}
DECADE_WORDS = {"venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60,
                "settanta": 70, "ottanta": 80, "novanta": 90}
DECADE_PATTERNS = (r"(?:gli\s+|negli\s+|degli\s+)?anni\s+(?:{full}|{short}|{word})",)
QUARTER_WORDS = ("trimestre",)
HALF_WORDS = ("semestre", "metà")
DAY_MONTH_LINK = r"\s+"
MONTH_YEAR_LINK = r"(?:\s*,|\s+del)?\s+"
DAY_SUFFIX = r"(?:°|º)?"
DAY_WORDS = {"primo": 1}
DAY_NOUN = ()
YEAR_BEFORE = ("l'anno", "anno", "nel", "del", "dal")
YEAR_AFTER = ()
BC_AFTER = r"a\.?\s?C\.?|avanti\s+Cristo"
AD_AFTER = r"d\.?\s?C\.?|dopo\s+Cristo"
RANGE_OPENERS = ("dal", "da", "tra il", "fra il", "tra", "fra")
RANGE_JOINERS = ("al", "a", "e il", "e", "-", "–", "—")

CLOCK_BEFORE = ("alle", "all'", "verso le", "dalle", "fino alle", "le", "l'", "entro le")
CLOCK_BEFORE_STRONG = ("alle", "all'", "verso le", "dalle", "fino alle", "entro le")
CLOCK_HOUR_WORDS = ("ore",)
CLOCK_MARKS = ()
CLOCK_HALVES = {"di mattina": "am", "del mattino": "am", "di sera": "pm",
                "del pomeriggio": "pm", "di notte": "am"}
CLOCK_LOCAL = ("ora locale", "ora italiana")
CLOCK_JOINERS = ("alle", "di", "del")
NOON = ("mezzogiorno", "mezzodì")
MIDNIGHT = ("mezzanotte",)

PRESENT_WORDS = ("ora", "adesso", "attualmente", "oggigiorno", "oggi giorno", "al momento",
                 "in questo momento", "per ora", "finora", "fino ad ora", "tuttora",
                 "ai giorni nostri", "di questi tempi")
PAST_WORDS = ("recentemente", "di recente", "in passato", "il passato", "un tempo",
              "da allora", "ultimamente", "poco fa")
FUTURE_WORDS = ("in futuro", "il futuro", "prossimamente", "a lungo termine",
                "a breve termine", "a medio termine", "in avvenire", "l'avvenire")
# A vague word followed by these is a noun of something ("el futuro de las pensiones").
VAGUE_NOT_BEFORE = r"\\s+(?:di|del|della|dell['’])"
SOON_WORDS = ("presto", "a breve", "tra poco", "fra poco", "quanto prima")
LATER_WORDS = ()
VAGUE_ADJECTIVES = {"attuale": "PRESENT_REF", "attuali": "PRESENT_REF",
                    "recente": "PAST_REF", "recenti": "PAST_REF", "futuro": "FUTURE_REF",
                    "futura": "FUTURE_REF", "futuri": "FUTURE_REF", "future": "FUTURE_REF"}
NARRATIVE_PRESENT = ("allora", "all'epoca", "a quel tempo", "in quel momento", "nel frattempo")
NARRATIVE_PAST = ("in precedenza", "precedentemente")
NARRATIVE_FUTURE = ("più tardi", "in seguito", "poco dopo", "successivamente")

SET_EACH = ("ogni", "tutti i", "tutte le")
SET_PER = ("al", "all'", "alla", "per")
FREQUENCY_WORDS = {
    "annuale": "P1Y", "annuali": "P1Y", "annualmente": "P1Y", "annuo": "P1Y", "annua": "P1Y",
    "quotidiano": "P1D", "quotidiana": "P1D", "quotidiani": "P1D", "quotidiane": "P1D",
    "quotidianamente": "P1D", "giornaliero": "P1D", "giornaliera": "P1D",
    "mensile": "P1M", "mensili": "P1M", "mensilmente": "P1M", "settimanale": "P1W",
    "settimanali": "P1W", "settimanalmente": "P1W", "trimestrale": "P3M",
    "semestrale": "P6M",
}
FREQUENCY_NOUNS = ("quotidiano", "settimanale", "mensile")

HOLIDAYS = {
    "natale": ("fixed", 12, 25), "vigilia di natale": ("fixed", 12, 24),
    "capodanno": ("fixed", 1, 1), "san silvestro": ("fixed", 12, 31),
    "epifania": ("fixed", 1, 6), "pasqua": ("easter", 0), "pasquetta": ("easter", 1),
    "venerdì santo": ("easter", -2), "ferragosto": ("fixed", 8, 15),
    "ognissanti": ("fixed", 11, 1), "festa della liberazione": ("fixed", 4, 25),
    "festa della repubblica": ("fixed", 6, 2), "san valentino": ("fixed", 2, 14),
}
HOLIDAY_TRIGGERS = ()

FUTURE_CUES = ("sta per", "stanno per", "previsto", "prevista", "previsti", "previste",
               "deve", "devono", "dovrebbe", "dovrebbero", "prossimo", "prossima",
               "intende", "punta a", "domani", "vuole", "vogliono")
# Not "-rò": the first person's future ("dirò") is rare in news, and the passato remoto of
# every "-rare" verb ends so ("dichiarò", "ritirò"); such a word is of no tense here.
FUTURE_ENDINGS = ("rà", "ranno", "remo", "rete")
PAST_CUES = ("ha", "hanno", "aveva", "avevano", "era", "erano", "fu", "furono", "è stato",
             "è stata", "sono stati", "ieri", "scorso", "scorsa", "già")
PAST_ENDINGS = ("ò", "arono", "erono", "irono", "ava", "avano", "eva", "evano")
NOT_PAST_ENDINGS = ("può", "però", "ciò", "perciò", "rò")
FUTURE_MODALS = ()
DEADLINE_CUE = common.NEVER
PRESENT_VERBS = ("è", "sono", "dice", "dicono", "resta", "restano", "continua",
                 "continuano", "sembra", "sembrano", "crede", "pensa", "vuole", "può",
                 "possono", "sa", "c'è", "ci sono", "rimane")
PAST_AUXILIARIES = ("ha", "hanno", "aveva", "avevano", "era", "erano", "fu", "furono")
PAST_VERBS = ()
NOT_PAST_VERBS = ()
REPORTING_VERBS = (
    "ha detto", "ha dichiarato", "ha affermato", "ha annunciato", "ha spiegato",
    "ha aggiunto", "ha sottolineato", "ha confermato", "ha riferito", "ha precisato",
    "dice", "dichiara", "afferma", "annuncia", "spiega", "aggiunge", "sottolinea",
    "conferma", "riferisce", "secondo", "hanno detto", "hanno dichiarato", "hanno annunciato",
    "disse", "dichiarò", "affermò", "annunciò",
)

EVENT_NOUNS = (
    "terremoto", "sisma", "attentato", "attentati", "esplosione", "attacco", "attacchi",
    "bombardamento", "bombardamenti", "sparatoria", "strage", "massacro", "omicidio",
    "incidente", "scontro", "naufragio", "disastro", "catastrofe", "tragedia", "incendio",
    "alluvione", "inondazione", "tempesta", "uragano", "tifone", "ciclone", "eruzione",
    "epidemia", "colpo di stato", "golpe", "rivolta", "rivoluzione", "ribellione",
    "invasione", "guerra", "sciopero", "protesta", "proteste", "manifestazione",
    "manifestazioni", "scontri", "tregua", "elezioni", "voto", "referendum", "dimissioni",
    "sentenza", "verdetto", "processo", "decisione", "annuncio", "accordo", "trattato",
    "vertice", "riunione", "discorso", "dichiarazione", "rapporto", "arresto", "morte",
    "funerale", "lancio", "crisi", "rapimento", "evacuazione", "chiusura",
)
SYNONYMS = {"sisma": "terremoto"}
REFERENCE_BEFORE = (
    r"\b(?:il|lo|la|l'|i|gli|le|quel|quella|suo|sua)\s*(?:[\w'-]+\s+){{0,2}}(?:{nouns})\s+"
    r"(?:del|di|della|dell')\s*$",
)
REFERENCE_AFTER = common.NEVER
REFERENCE_DETERMINERS = common.NEVER

NON_DATE_UNITS = (
    "%", "per cento", "persone", "morti", "feriti", "vittime", "milioni", "milione",
    "miliardi", "euro", "dollari", "lire", "chilometri", "km", "metri", "tonnellate",
    "barili", "abitanti", "voti", "seggi", "soldati", "bambini", "casi", "volte", "punti",
    "dipendenti", "lavoratori", "case", "profughi", "rifugiati", "prigionieri", "agenti",
    "manifestanti", "civili", "famiglie", "chili", "litri", "ettari", "pazienti",
    "studenti", "veicoli", "auto", "aerei", "missili",
)
NON_DATE_VERBS = ()
CLOCK_AFTER = ("ore", "GMT", "UTC")
YEAR_CUES = ("nel", "dal", "fino al", "del", "al", "tra il", "fra il", "anno", "prima del",
             "dopo il", "durante il", "e", "il", "nell'", "dall'")
EARLY_YEAR = 1000
DETERMINERS = ("il", "un", "uno", "del", "al", "questo", "quel", "suo", "sua", "l'")
FUNCTION_WORDS = ("di", "del", "in", "a", "al", "e", "o", "che", "con", "per", "il", "la",
                  "lo", "i", "gli", "le", "un", "una")
MEASURED_NOUNS = frozenset()

ABBREVIATIONS = frozenset({
    "sig", "sigg", "sig.ra", "dott", "dr", "prof", "on", "avv", "ing", "arch", "gen", "col",
    "cap", "s", "st", "ecc", "etc", "p", "pag", "n", "nr", "vol", "es", "ca", "art",
    "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "sett", "ott", "nov", "dic",
})

BOILERPLATE_STRONG = (
    r"\biscriviti\b",
    r"\bnewsletters?\b",
    r"\b(?:informativa sulla|informativa|politica sulla) privacy\b",
    r"\bcookie policy\b",
    r"\b(?:questo sito|utilizziamo|usiamo) (?:utilizza )?(?:i )?cookies?\b",
    r"\baccett(?:a|o) (?:tutti i )?cookies?\b",
    r"\btutti i diritti riservati\b",
    r"^\s*(?:leggi|vedi) anche\b",
    r"^\s*(?:articoli )?correlati\s*:?\s*$",
    r"^\s*(?:i )?più (?:letti|visti|commentati|condivisi)\b",
    r"^\s*(?:condividi|commenta|stampa|invia|pubblicità)\s*:?\s*$",
    r"\bseguici\b",
    r"\bclicca qui\b",
    r"\bscarica (?:la nostra|l['’])app\b",
    r"\bsei già abbonato\b",
    r"\baccedi\b",
    r"\bregistrati\b",
    r"\bp\.?\s?iva\b",
    *en.BOILERPLATE_STRONG,
)
BOILERPLATE_WEAK = (
    r"\babbonat[oi]\b",
    r"\babbonamento\b",
    r"\bsostieni\b",
    r"\bdonazion[ei]\b",
    r"\bcookies?\b",
    *en.BOILERPLATE_WEAK,
)
READER_ADDRESS = (
    r"\b(?:[Tt]u|[Tt]uo|[Tt]ua|[Tt]i|[Vv]oi|[Vv]ostro|[Nn]oi|[Nn]ostr[oaie]|[Yy]ou|[Oo]ur)\b"
)
BOILERPLATE_KEYWORDS = (
    "iscriv", "newsletter", "privacy", "cookie", "diritti riservati", "leggi anche",
    "vedi anche", "correlati", "più letti", "più visti", "condivid", "commenta", "seguici",
    "clicca", "scarica", "abbonat", "accedi", "registrati", "iva", "sostieni", "donazion",
    *en.BOILERPLATE_KEYWORDS,
)
BOILERPLATE_SHORT_LINE_WORDS = 4
BOILERPLATE_SECTION_STARTS = (
    r"\biscriviti\b",
    r"\bnewsletters?\b",
    r"^\s*(?:leggi|vedi) anche\b",
    r"^\s*(?:i )?più (?:letti|visti)",
    r"\btutti i diritti riservati\b",
    r"^\s*condividi\b",
    r"^\s*(?:tag|argomenti|commenti)\s*:?\s*$",
    *en.BOILERPLATE_SECTION_STARTS,
)

HEADLINE_LEAD_PATTERNS = common.HEADLINE_LEAD_PATTERNS
HEADLINE_TAIL_PATTERNS = (
    r",?\s+(?:secondo|ha detto|ha dichiarato|ha affermato|ha annunciato)\s+"
    r"(?:[^\W\d_][\w.'-]*\s*){1,6}(?:,[^,]{0,60})?\.?\s*$",
)
HEADLINE_TAIL_CUES = ("secondo", "detto", "dichiarato", "affermato", "annunciato")
ENTRY_DEPENDENT_STARTS = frozenset((
    "lui", "lei", "loro", "esso", "essa", "questo", "questa", "questi", "queste", "ciò", "ma",
    "e", "quindi", "però", "tuttavia", "anche", "poi", "allora", "lì",
))  # fmt: skip
ENTRY_FIRST_PERSON = frozenset(("io", "mi", "me", "mio", "mia", "miei", "mie"))
ENTRY_MIN_WORDS = 8

# fmt: on

STOPWORDS = frozenset(
    """
a ad al alla alle allo agli ai anche che chi ci come con contro cui da dal dalla dalle
dai degli dei del della delle dello di dopo dove e è ed era erano essere fa gli ha hanno
i il in la le lo loro ma mi ne nei nel nella nelle negli noi non o per perché più poi
quale quando questo questa questi queste quello quella si sia siamo sono su sua sue sui
sul sulla suo suoi tra un una uno vi voi già stato stata detto secondo anno anni mese
mesi settimana giorno giorni oggi ieri domani lunedì martedì mercoledì giovedì venerdì
sabato domenica
""".split()  # noqa: SIM905 - a word list is easier to read and edit as text
)
