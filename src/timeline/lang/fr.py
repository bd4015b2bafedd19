"""French language data: words and phrases only, no logic (see `timeline.lang` and `es`,
whose names and comments this module follows)."""

from timeline.lang import common, en, tables

# fmt: off

SNOWBALL_LANGUAGE = "french"
NOUN_AS_VERB_ENDINGS = ()

_ABBREVIATED = ("janv", "févr", "juil", "sept")  # "sept" is seven
MONTHS = {w: m for w, m in tables.months("fr").items() if w not in _ABBREVIATED} | {
    "mai": 5, "fevrier": 2, "aout": 8, "decembre": 12}
MONTH_ABBREVIATIONS = {"jan": 1, "janv": 1, "fév": 2, "févr": 2, "fev": 2, "avr": 4,
                       "juil": 7, "sept": 9, "sep": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12}
MONTH_NOUNS = ("mois de", "mois d'")
LOWER_CASE_MONTHS = True
MONTH_CUES = ("en", "de", "d'", "depuis", "jusqu'en", "fin", "début", "mi", "dès")
AMBIGUOUS_MONTHS = frozenset({"mars"})
WEEKDAYS = tables.weekdays("fr")
WEEKDAY_PARTS: dict = {}
WEEKDAY_PLURALS = {"les lundis": 1, "les mardis": 2, "les mercredis": 3, "les jeudis": 4,
                   "les vendredis": 5, "les samedis": 6, "les dimanches": 7}
SEASONS = {"printemps": "SP", "été": "SU", "eté": "SU", "automne": "FA", "hiver": "WI"}
PARTS_OF_DAY = {"matin": "MO", "matinée": "MO", "midi": "MI", "après-midi": "AF",
                "soir": "EV", "soirée": "EV", "nuit": "NI"}
PART_LINKS = ("dans la", "en", "en fin de", "en début de", "au")
PART_ARTICLES = ("la", "dans la", "pendant la", "en début de", "en fin de", "dans l'", "l'")
PART_OF_LINKS = ("du", "de")
# The night that runs from one day to the next: "la nuit du 16 au 17 avril".
PART_OF_DAY_JOINERS = ("au",)

DEICTIC_DAYS = {**tables.relative_days("fr"), "avant hier": -2, "après demain": 2}
DEICTIC_PARTS: dict = {}
# "été" after an auxiliary is the participle of être ("a été"), not the summer.
DEICTIC_NOT_AFTER = {"été": r"(?:\b(?:a|ont|avait|avaient|aurait|auraient|aura|auront|avoir|ayant"
                            r"|as|ai|avons|avez|eût|eut|n'a|n'ont|pas|jamais|déjà|tout|bien"
                            r"|aussi|ensuite|alors|peut-être|été|toujours)\s+)$"}
DEICTIC_LOWER_ONLY = ()
DEICTIC_UNITS = {"cette année-là": ("year", 0)}

ARTICLES = ("le", "la", "les", "l'", "du", "au", "des")
DIRECTIONS_BEFORE = {"ce": 0, "cet": 0, "cette": 0, "prochain": 1, "prochaine": 1}
DIRECTIONS_AFTER = {"dernier": -1, "dernière": -1, "derniers": -1, "dernières": -1,
                    "passé": -1, "passée": -1, "prochain": 1, "prochaine": 1, "prochains": 1,
                    "prochaines": 1, "à venir": 1, "en cours": 0}
ANAPHORIC_BEFORE = {"même": 0}
ANAPHORIC_AFTER = {"suivant": 1, "suivante": 1, "précédent": -1, "précédente": -1,
                   "même": 0, "d'avant": -1, "d'après": 1}
ANAPHORIC_DAYS = {"le lendemain": 1, "lendemain": 1, "la veille": -1, "veille": -1,
                  "le surlendemain": 2, "l'avant-veille": -2}

NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20,
    "vingt et un": 21, "vingt-deux": 22, "vingt-trois": 23, "vingt-quatre": 24,
    "vingt-cinq": 25, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "soixante-dix": 70, "quatre-vingts": 80, "quatre-vingt-dix": 90, "cent": 100,
    "mille": 1000, "une quinzaine de": 15, "une dizaine de": 10, "une douzaine de": 12,
    "une vingtaine de": 20, "une trentaine de": 30, "une centaine de": 100, "demi": 0.5,
    "une demi": 0.5, "un demi": 0.5, "un quart de": 0.25,
}
NUMBER_JOINER = "et"
ORDINALS = {
    "premier": 1, "première": 1, "1er": 1, "deuxième": 2, "second": 2, "seconde": 2,
    "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7,
    "huitième": 8, "neuvième": 9, "dixième": 10, "dernier": -1, "dernière": -1,
}
UNITS = {
    **{w: u for w, u in tables.units("fr").items() if w not in ("sem", "min")},
    "journée": "day", "journées": "day", "nuit": "night", "nuits": "night", "an": "year",
    "décennie": "decade", "décennies": "decade", "siècle": "century", "siècles": "century",
    "millénaire": "millennium", "millénaires": "millennium", "trimestre": "quarter",
    "trimestres": "quarter", "semestre": "half", "semestres": "half", "week-end": "weekend",
    "week-ends": "weekend", "quinzaine": "fortnight",
}
PLURAL_UNITS = ("secondes", "minutes", "heures", "jours", "journées", "nuits", "semaines",
                "mois", "ans", "années", "décennies", "siècles", "millénaires", "trimestres",
                "semestres", "week-ends")
VAGUE_QUANTITIES = ("plusieurs", "quelques", "des", "de nombreux", "de nombreuses",
                    "nombreux", "nombreuses", "certains", "certaines")
APPROX = {"environ": "APPROX", "près de": "APPROX", "quelque": "APPROX", "presque": "LESS_THAN",
          "moins de": "LESS_THAN", "plus de": "MORE_THAN", "au moins": "EQUAL_OR_MORE",
          "jusqu'à": "EQUAL_OR_LESS"}
HALF_AFTER = ("et demi", "et demie")
MORE_AFTER = ("de plus", "supplémentaires")

AGO_BEFORE = tables.ago_words("fr")
AGO_AFTER = ()
LATER_AFTER = ("plus tard", "après", "après cela")
EARLIER_AFTER = ("plus tôt", "auparavant", "avant", "plus tôt encore")
LATER_BEFORE = ("au bout de",)
FORWARD_BEFORE = ("dans", "d'ici")
DURATION_BEFORE_AGO = ()
OFFSET_EVENT_AFTER = ("de", "du", "de la", "des", "que", "qu'", "l'")
LAST_UNITS = ("ces derniers", "ces dernières", "les derniers", "les dernières", "ces")
NEXT_UNITS = ("les prochains", "les prochaines", "dans les prochains", "dans les prochaines")
BARE_PLURAL_BEFORE = ("pendant", "depuis", "durant", "des", "en")
MODS = {"début": "START", "au début de": "START", "au début du": "START", "début de": "START",
        "fin": "END", "fin de": "END", "fin du": "END", "à la fin de": "END",
        "à la fin du": "END", "mi-": "MID", "mi": "MID", "milieu de": "MID",
        "au milieu de": "MID", "courant": "MID", "fin d'": "END", "début d'": "START",
        "milieu d'": "MID"}
MOD_LEADS = ("dès", "depuis", "jusqu'à", "avant", "après", "en", "à")
CENTURY_WORDS = ("siècle",)
CENTURY_NAMES: dict = {}
DECADE_WORDS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
                "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80,
                "quatre-vingt-dix": 90}
DECADE_PATTERNS = (r"(?:les\s+)?années\s+(?:{full}|{short}|{word})",
                   r"(?:la\s+)?décennie\s+(?:{full}|{short})")
QUARTER_WORDS = ("trimestre",)
HALF_WORDS = ("semestre", "moitié")
DAY_MONTH_LINK = r"\s+"
MONTH_YEAR_LINK = r"(?:\s*,)?\s+"
DAY_SUFFIX = r"(?:er)?"
DAY_WORDS = {"premier": 1}
DAY_NOUN = ()
YEAR_BEFORE = ("l'an", "l'année", "an", "année", "en")
YEAR_AFTER = ()
BC_AFTER = r"av\.?\s?J\.?-?C\.?|avant\s+J\.?-?C\.?|avant\s+notre\s+ère|av\.\s+n\.\s+è\."
AD_AFTER = r"apr\.?\s?J\.?-?C\.?|après\s+J\.?-?C\.?"
RANGE_OPENERS = ("du", "de", "depuis", "entre le", "entre")
RANGE_JOINERS = ("au", "à", "jusqu'au", "et le", "et", "-", "–", "—")

CLOCK_BEFORE = ("à", "vers", "dès", "jusqu'à", "depuis", "avant", "après", "de", "entre")
CLOCK_BEFORE_STRONG = ("à", "vers", "dès", "jusqu'à")
CLOCK_HOUR_WORDS = ("heures", "heure", "h")
CLOCK_MARKS = ("h", "heures")
CLOCK_HALVES = {"du matin": "am", "de l'après-midi": "pm", "du soir": "pm"}
CLOCK_LOCAL = ("heure locale", "heure de paris", "heure française")
CLOCK_JOINERS = ("à", "vers", "de", "du")
NOON = ("midi",)
MIDNIGHT = ("minuit",)

PRESENT_WORDS = ("actuellement", "à l'heure actuelle", "de nos jours", "à présent",
                 "maintenant", "en ce moment", "à ce jour", "pour l'instant",
                 "pour le moment", "désormais", "aujourd'hui encore", "dorénavant")
PAST_WORDS = ("récemment", "dernièrement", "autrefois", "jadis", "naguère", "auparavant",
              "par le passé", "le passé", "depuis lors")
FUTURE_WORDS = ("l'avenir", "à l'avenir", "prochainement", "à terme", "à long terme",
                "à moyen terme", "à court terme", "plus tard", "dans le futur", "le futur")
# A vague word followed by these is a noun of something ("el futuro de las pensiones").
VAGUE_NOT_BEFORE = r"\\s+(?:de|du|des|d['’])"
SOON_WORDS = ("bientôt", "très bientôt", "sous peu", "incessamment")
LATER_WORDS = ()
VAGUE_ADJECTIVES = {"actuel": "PRESENT_REF", "actuelle": "PRESENT_REF",
                    "actuels": "PRESENT_REF", "actuelles": "PRESENT_REF",
                    "récent": "PAST_REF", "récente": "PAST_REF", "récents": "PAST_REF",
                    "récentes": "PAST_REF", "futur": "FUTURE_REF", "future": "FUTURE_REF",
                    "futurs": "FUTURE_REF", "futures": "FUTURE_REF",
                    "prochain": "FUTURE_REF", "prochaine": "FUTURE_REF",
                    "prochains": "FUTURE_REF", "prochaines": "FUTURE_REF"}
NARRATIVE_PRESENT = ("alors", "à cette époque", "à l'époque", "à ce moment-là", "entre-temps")
NARRATIVE_PAST = ("auparavant", "précédemment")
NARRATIVE_FUTURE = ("plus tard", "ensuite", "peu après", "par la suite")

SET_EACH = ("chaque", "tous les", "toutes les")
SET_PER = ("par",)
FREQUENCY_WORDS = {
    "annuel": "P1Y", "annuelle": "P1Y", "annuels": "P1Y", "annuelles": "P1Y",
    "annuellement": "P1Y", "quotidien": "P1D", "quotidienne": "P1D", "quotidiens": "P1D",
    "quotidiennes": "P1D", "quotidiennement": "P1D", "mensuel": "P1M", "mensuelle": "P1M",
    "mensuels": "P1M", "mensuelles": "P1M", "mensuellement": "P1M", "hebdomadaire": "P1W",
    "hebdomadaires": "P1W", "trimestriel": "P3M", "trimestrielle": "P3M",
    "semestriel": "P6M", "bimensuel": "P2W", "journalier": "P1D", "journalière": "P1D",
}
FREQUENCY_NOUNS = ("quotidien", "quotidiens", "hebdomadaire", "hebdomadaires", "mensuel",
                   "mensuels")

HOLIDAYS = {
    "noël": ("fixed", 12, 25), "le réveillon": ("fixed", 12, 24),
    "la saint-sylvestre": ("fixed", 12, 31), "nouvel an": ("fixed", 1, 1),
    "jour de l'an": ("fixed", 1, 1), "pâques": ("easter", 0),
    "lundi de pâques": ("easter", 1), "vendredi saint": ("easter", -2),
    "pentecôte": ("easter", 49), "ascension": ("easter", 39),
    "toussaint": ("fixed", 11, 1), "la saint-valentin": ("fixed", 2, 14),
    "fête du travail": ("fixed", 5, 1), "fête nationale": ("fixed", 7, 14),
}
HOLIDAY_TRIGGERS = ()

FUTURE_CUES = ("va", "vont", "allons", "vais", "prévu", "prévue", "prévus", "prévues",
               "doit", "doivent", "devrait", "devraient", "prochain", "prochaine",
               "compte", "comptent", "envisage", "projette", "demain", "à venir")
FUTURE_ENDINGS = ("ra", "ront", "rai", "rons", "rez")
PAST_CUES = ("a", "ont", "avait", "avaient", "était", "étaient", "fut", "furent", "eut",
             "hier", "dernier", "dernière", "passé", "déjà", "a été", "ont été")
PAST_ENDINGS = ("ait", "aient", "èrent")
NOT_PAST_ENDINGS = ("rait", "raient", "fait", "lait", "plait", "trait")
FUTURE_MODALS = ()
DEADLINE_CUE = common.NEVER
PRESENT_VERBS = ("est", "sont", "dit", "disent", "reste", "restent", "continue", "continuent",
                 "semble", "semblent", "croit", "pense", "estime", "a besoin", "veut",
                 "veulent", "peut", "peuvent", "sait", "il y a", "demeure")
PAST_AUXILIARIES = ("a", "ont", "avait", "avaient", "était", "étaient", "fut", "furent")
PAST_VERBS = ()
NOT_PAST_VERBS = ()
REPORTING_VERBS = (
    "a déclaré", "a dit", "a affirmé", "a annoncé", "a indiqué", "a expliqué", "a ajouté",
    "a précisé", "a souligné", "a assuré", "a confirmé", "a estimé", "a rapporté",
    "déclare", "dit", "affirme", "annonce", "indique", "explique", "ajoute", "précise",
    "souligne", "assure", "confirme", "estime", "rapporte", "selon", "d'après",
    "ont déclaré", "ont annoncé", "ont indiqué", "a-t-il déclaré", "a-t-il dit",
    "a-t-elle déclaré", "a-t-il ajouté", "a-t-il expliqué", "a-t-il affirmé",
)

EVENT_NOUNS = (
    "séisme", "tremblement de terre", "attentat", "attentats", "explosion", "attaque",
    "attaques", "bombardement", "bombardements", "fusillade", "massacre", "assassinat",
    "accident", "collision", "naufrage", "catastrophe", "tragédie", "marée noire", "fuite",
    "incendie", "inondation", "inondations", "tempête", "ouragan", "typhon", "cyclone",
    "éruption", "épidémie", "coup d'état", "soulèvement", "révolution", "révolte",
    "rébellion", "invasion", "guerre", "grève", "manifestation", "manifestations",
    "émeutes", "affrontements", "cessez-le-feu", "trêve", "élection", "élections", "vote",
    "référendum", "scrutin", "démission", "verdict", "procès", "décision", "annonce",
    "accord", "traité", "sommet", "réunion", "discours", "déclaration", "rapport",
    "arrestation", "mort", "décès", "funérailles", "lancement", "crise", "incident",
    "enlèvement", "évacuation", "fermeture",
)
SYNONYMS = {"tremblement": "séisme"}
REFERENCE_BEFORE = (
    r"\b(?:le|la|les|l'|ce|cet|cette|sa|son)\s*(?:[\w'-]+\s+){{0,2}}(?:{nouns})\s+"
    r"(?:du|de|d')\s*$",
    r"\b(?:{nouns})\s*,?\s+(?:qui|survenue?s?|intervenue?s?)\s+(?:\w+\s+){{0,2}}(?:le\s+|en\s+)?$",
)
REFERENCE_AFTER = common.NEVER
REFERENCE_DETERMINERS = common.NEVER

NON_DATE_UNITS = (
    "%", "pour cent", "personnes", "morts", "blessés", "victimes", "millions", "million",
    "milliards", "euros", "dollars", "francs", "kilomètres", "km", "mètres", "tonnes",
    "barils", "habitants", "voix", "sièges", "soldats", "enfants", "cas", "fois", "points",
    "salariés", "emplois", "logements", "réfugiés", "prisonniers", "policiers",
    "manifestants", "civils", "familles", "kilos", "litres", "hectares", "patients",
    "élèves", "étudiants", "véhicules", "voitures", "avions", "missiles", "ans",
)
NON_DATE_VERBS = ()
CLOCK_AFTER = ("heures", "h", "GMT", "UTC")
YEAR_CUES = ("en", "depuis", "jusqu'en", "de", "d'", "à", "entre", "vers", "an", "année",
             "avant", "après", "pendant", "et", "dès", "fin", "début")
EARLY_YEAR = 1000
DETERMINERS = ("le", "un", "du", "au", "ce", "son", "sa", "leur", "notre", "l'")
FUNCTION_WORDS = ("de", "du", "en", "à", "au", "et", "ou", "que", "avec", "par", "pour",
                  "le", "la", "les", "un", "une")
MEASURED_NOUNS = frozenset()

ABBREVIATIONS = frozenset({
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "st", "ste", "av", "bd",
    "etc", "p", "n", "no", "vol", "cf", "ex", "env", "gén", "col", "cdt", "lt", "j.-c",
    "janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc",
})

BOILERPLATE_STRONG = (
    r"\babonnez-vous\b",
    r"\bs['’]abonner\b",
    r"\bnewsletters?\b",
    r"\blettre d['’]information\b",
    r"\bpolitique de (?:confidentialité|cookies)\b",
    r"\b(?:ce site|nous) utilis(?:e|ons) des cookies\b",
    r"\baccepter (?:tous )?les cookies\b",
    r"\bmentions légales\b",
    r"\btous droits réservés\b",
    r"^\s*(?:lire|voir) (?:aussi|également|la suite)\b",
    r"^\s*(?:à lire aussi|a lire aussi|sur le même sujet)\b",
    r"^\s*(?:articles? )?(?:liés|associés|similaires)\s*:?\s*$",
    r"^\s*(?:les )?plus (?:lus|partagés|commentés)\b",
    r"^\s*(?:partager|commenter|imprimer|envoyer|réagir|publicité)\s*:?\s*$",
    r"\bsuivez-nous\b",
    r"\bcliquez ici\b",
    r"\btéléchargez (?:notre|l['’])application\b",
    r"\bdéjà abonné\b",
    r"\bse connecter\b",
    r"\bconditions (?:générales )?d['’]utilisation\b",
    r"\baller au contenu\b",
    *en.BOILERPLATE_STRONG,
)
BOILERPLATE_WEAK = (
    r"\babonn(?:ement|ements|é|és|er)\b",
    r"\bdon(?:s)?\b",
    r"\bsoutenir\b",
    r"\bcookies?\b",
    r"\binscri(?:re|vez|ption)\b",
    *en.BOILERPLATE_WEAK,
)
READER_ADDRESS = (
    r"\b(?:[Vv]ous|[Vv]otre|[Vv]os|[Nn]ous|[Nn]otre|[Nn]os|[Tt]u|[Tt]on|[Yy]ou|[Oo]ur)\b"
)
BOILERPLATE_KEYWORDS = (
    "abonn", "newsletter", "lettre d", "confidentialité", "cookie", "mentions légales",
    "droits réservés", "lire", "voir aussi", "même sujet", "liés", "associés", "plus lus",
    "partag", "comment", "suivez", "cliquez", "téléchargez", "connecter", "conditions",
    "contenu", "soutenir", "inscri",
    *en.BOILERPLATE_KEYWORDS,
)
BOILERPLATE_SHORT_LINE_WORDS = 4
BOILERPLATE_SECTION_STARTS = (
    r"\babonnez-vous\b",
    r"\bnewsletters?\b",
    r"^\s*(?:à lire aussi|a lire aussi|lire aussi|sur le même sujet)\b",
    r"^\s*(?:les )?plus (?:lus|partagés)",
    r"\btous droits réservés\b",
    r"^\s*partager\b",
    r"^\s*(?:mots-clés|thèmes|commentaires)\s*:?\s*$",
    *en.BOILERPLATE_SECTION_STARTS,
)

HEADLINE_LEAD_PATTERNS = common.HEADLINE_LEAD_PATTERNS
HEADLINE_TAIL_PATTERNS = (
    r",?\s+(?:selon|a déclaré|a affirmé|a annoncé|a indiqué|a-t-il déclaré|a-t-il dit)\s+"
    r"(?:[^\W\d_][\w.'-]*\s*){1,6}(?:,[^,]{0,60})?\.?\s*$",
)
HEADLINE_TAIL_CUES = ("selon", "déclaré", "affirmé", "annoncé", "indiqué", "dit")
ENTRY_DEPENDENT_STARTS = frozenset((
    "il", "elle", "ils", "elles", "ce", "cela", "ceci", "ces", "mais", "et", "donc", "pourtant",
    "cependant", "aussi", "ensuite", "alors", "puis", "là", "y",
))  # fmt: skip
ENTRY_FIRST_PERSON = frozenset(("je", "j'", "me", "moi", "mon", "ma", "mes"))
ENTRY_MIN_WORDS = 8

# fmt: on

STOPWORDS = frozenset(
    """
a à afin ai aie alors au aucun aussi autre aux avec avoir avait avant c ça car ce cela ces
cet cette ceux chaque comme comment d dans de des depuis deux doit donc dont du elle elles
en encore entre est et été être eu eux fait faire il ils j je jusqu l la le les leur leurs
lui m ma mais me même mes moi mon n ne ni nos notre nous on ont ou où par parce pas peu
peut plus pour pourquoi qu quand que quel quelle qui s sa sans se selon ses si son sont
sous sur ta te tes toi ton tous tout toute toutes très tu un une vos votre vous y dit a
déclaré an ans année années mois semaine jour jours aujourd hier demain lundi mardi
mercredi jeudi vendredi samedi dimanche
""".split()  # noqa: SIM905 - a word list is easier to read and edit as text
)
