"""Portuguese language data: words and phrases only, no logic (see `timeline.lang` and
`es`, whose names and comments this module follows)."""

from timeline.lang import common, en, tables

# fmt: off

SNOWBALL_LANGUAGE = "portuguese"
NOUN_AS_VERB_ENDINGS = ()

MONTHS = {**tables.months("pt"), "marco": 3}
MONTH_ABBREVIATIONS = {"jan": 1, "fev": 2, "mar": 3, "abr": 4, "jun": 6, "jul": 7, "ago": 8,
                       "set": 9, "out": 10, "nov": 11, "dez": 12}
MONTH_NOUNS = ("mês de",)
LOWER_CASE_MONTHS = False  # Brazilian and older European Portuguese capitalise them
MONTH_CUES = ("em", "de", "desde", "até", "no", "do", "para", "início", "fim", "final",
              "meados", "passado", "próximo")
AMBIGUOUS_MONTHS = frozenset()
# Only the -feira forms: "segunda", "quarta"... alone are ordinals ("a segunda maior").
WEEKDAYS = {w: d for w, d in tables.weekdays("pt").items() if "-" in w or d >= 6} | {
    "terça": 2, "segunda feira": 1, "terça feira": 2, "quarta feira": 3, "quinta feira": 4,
    "sexta feira": 5}
WEEKDAY_PARTS: dict = {}
WEEKDAY_PLURALS = {"às segundas-feiras": 1, "às terças-feiras": 2, "às quartas-feiras": 3,
                   "às quintas-feiras": 4, "às sextas-feiras": 5, "aos sábados": 6,
                   "aos domingos": 7}
SEASONS = {"primavera": "SP", "verão": "SU", "outono": "FA", "inverno": "WI"}
PARTS_OF_DAY = {"manhã": "MO", "madrugada": "MO", "meio-dia": "MI", "tarde": "AF",
                "noite": "NI"}
PART_LINKS = ("de", "à", "pela", "na", "durante a", "no fim da", "ao fim da")
PART_ARTICLES = ("a", "na", "pela", "durante a", "à", "de")
PART_OF_LINKS = ("de", "do", "da")
# The night that runs from one day to the next: "na noite de 16 para 17 de abril".
PART_OF_DAY_JOINERS = ("para", "para o")

DEICTIC_DAYS = {**tables.relative_days("pt"), "antes de ontem": -2, "depois de amanhã": 2}
DEICTIC_PARTS: dict = {}
DEICTIC_NOT_AFTER: dict = {}
DEICTIC_LOWER_ONLY = ()
DEICTIC_UNITS: dict = {}

ARTICLES = ("o", "a", "os", "as", "do", "da", "dos", "das", "no", "na", "nos", "nas", "ao",
            "à")
DIRECTIONS_BEFORE = {"próximo": 1, "próxima": 1, "este": 0, "esta": 0, "neste": 0,
                     "nesta": 0, "deste": 0, "desta": 0, "último": -1, "última": -1,
                     "passado": -1, "passada": -1}
DIRECTIONS_AFTER = {"passado": -1, "passada": -1, "próximo": 1, "próxima": 1, "que vem": 1,
                    "em curso": 0, "corrente": 0, "atual": 0}
ANAPHORIC_BEFORE = {"mesmo": 0, "mesma": 0, "esse": 0, "essa": 0, "nesse": 0, "nessa": 0,
                    "aquele": 0, "aquela": 0, "naquele": 0, "naquela": 0}
ANAPHORIC_AFTER = {"seguinte": 1, "posterior": 1, "anterior": -1, "antes": -1,
                   "depois": 1, "mesmo": 0}
ANAPHORIC_DAYS = {"a véspera": -1, "véspera": -1}

NUMBER_WORDS = {
    "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6,
    "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13,
    "catorze": 14, "quatorze": 14, "quinze": 15, "dezesseis": 16, "dezasseis": 16,
    "dezessete": 17, "dezassete": 17, "dezoito": 18, "dezenove": 19, "dezanove": 19,
    "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
    "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100, "cento": 100, "mil": 1000,
    "meio": 0.5, "meia": 0.5, "um par de": 2, "uma dúzia de": 12,
}
NUMBER_JOINER = "e"
ORDINALS = {
    "primeiro": 1, "primeira": 1, "segundo": 2, "segunda": 2, "terceiro": 3, "terceira": 3,
    "quarto": 4, "quarta": 4, "quinto": 5, "quinta": 5, "sexto": 6, "sétimo": 7,
    "oitavo": 8, "nono": 9, "décimo": 10, "último": -1, "última": -1,
}
UNITS = {
    **{w: u for w, u in tables.units("pt").items() if w not in ("seg", "min", "sem")},
    "mes": "month", "noite": "night", "noites": "night", "década": "decade",
    "décadas": "decade", "decénio": "decade", "século": "century", "séculos": "century",
    "milênio": "millennium", "milénio": "millennium", "trimestre": "quarter",
    "trimestres": "quarter", "semestre": "half", "semestres": "half",
    "fim de semana": "weekend", "fins de semana": "weekend", "quinzena": "fortnight",
    "temporada": "season",
}
PLURAL_UNITS = ("segundos", "minutos", "horas", "dias", "noites", "semanas", "meses", "anos",
                "décadas", "séculos", "trimestres", "semestres", "fins de semana")
VAGUE_QUANTITIES = ("vários", "várias", "alguns", "algumas", "poucos", "poucas", "muitos",
                    "muitas", "uns", "umas", "diversos", "diversas")
APPROX = {"cerca de": "APPROX", "aproximadamente": "APPROX", "quase": "LESS_THAN",
          "menos de": "LESS_THAN", "mais de": "MORE_THAN", "pelo menos": "EQUAL_OR_MORE",
          "até": "EQUAL_OR_LESS"}
HALF_AFTER = ("e meio", "e meia")
MORE_AFTER = ("mais",)

AGO_BEFORE = ("há", "faz")
AGO_AFTER = ("atrás",)
LATER_AFTER = ("depois", "mais tarde")
EARLIER_AFTER = ("antes",)
LATER_BEFORE = ("passados", "passadas", "ao fim de")
FORWARD_BEFORE = ("dentro de", "daqui a")
DURATION_BEFORE_AGO = ()
OFFSET_EVENT_AFTER = ("de", "do", "da", "dos", "das", "que")
LAST_UNITS = ("os últimos", "as últimas", "nos últimos", "nas últimas", "os passados")
NEXT_UNITS = ("os próximos", "as próximas", "nos próximos", "nas próximas")
BARE_PLURAL_BEFORE = ("durante", "há", "por", "após", "em")
MODS = {"início de": "START", "início do": "START", "início da": "START",
        "princípio de": "START", "começo de": "START", "começo do": "START",
        "o início de": "START", "final de": "END", "final do": "END", "fim de": "END",
        "fim do": "END", "finais de": "END", "meados de": "MID", "meados do": "MID",
        "início deste": "START", "início desta": "START", "final deste": "END",
        "fim deste": "END"}
MOD_LEADS = ("no", "em", "desde", "até", "a partir do", "para", "ao")
CENTURY_WORDS = ("século",)
CENTURY_NAMES: dict = {}
DECADE_WORDS = {"vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50, "sessenta": 60,
                "setenta": 70, "oitenta": 80, "noventa": 90}
DECADE_PATTERNS = (r"(?:os\s+|nos\s+|dos\s+)?anos\s+(?:{full}|{short}|{word})",
                   r"(?:a\s+|na\s+|da\s+)?década\s+de\s+(?:{full}|{short}|{word})")
QUARTER_WORDS = ("trimestre",)
HALF_WORDS = ("semestre", "metade")
DAY_MONTH_LINK = r"(?:\s+de)?\s+"
MONTH_YEAR_LINK = r"(?:\s*,|\s+de)?\s+"
DAY_SUFFIX = r"(?:º|°)?"
DAY_WORDS = {"primeiro": 1}
DAY_NOUN = ("dia",)
YEAR_BEFORE = ("ano", "o ano", "do ano", "no ano", "em")
YEAR_AFTER = ()
BC_AFTER = r"a\.?\s?C\.?|antes\s+de\s+Cristo"
AD_AFTER = r"d\.?\s?C\.?|depois\s+de\s+Cristo"
RANGE_OPENERS = ("de", "do", "desde", "entre", "entre o")
RANGE_JOINERS = ("a", "ao", "até", "e", "e o", "-", "–", "—")

CLOCK_BEFORE = ("às", "à", "as", "a", "pelas", "até às", "desde as", "entre as", "por volta das")
CLOCK_BEFORE_STRONG = ("às", "à", "pelas", "até às", "por volta das")
CLOCK_HOUR_WORDS = ("horas", "hora", "h")
CLOCK_MARKS = ("h",)
CLOCK_HALVES = {"da manhã": "am", "da madrugada": "am", "da tarde": "pm", "da noite": "pm"}
CLOCK_LOCAL = ("hora local", "horas locais", "hora de brasília", "hora de lisboa")
CLOCK_JOINERS = ("de", "às", "à")
NOON = ("meio-dia",)
MIDNIGHT = ("meia-noite",)

PRESENT_WORDS = ("agora", "atualmente", "actualmente", "hoje em dia", "neste momento",
                 "no momento", "de momento", "por enquanto", "até agora", "até o momento",
                 "presentemente", "nos dias de hoje", "nestes dias")
PAST_WORDS = ("recentemente", "ultimamente", "no passado", "o passado", "antigamente",
              "há pouco", "desde então")
FUTURE_WORDS = ("o futuro", "no futuro", "futuramente", "a longo prazo", "a curto prazo",
                "a médio prazo", "em breve", "brevemente", "daqui em diante", "doravante")
# A vague word followed by these is a noun of something ("el futuro de las pensiones").
VAGUE_NOT_BEFORE = r"\\s+(?:de|do|da|dos|das)\\b"
SOON_WORDS = ("logo", "breve")
LATER_WORDS = ()
VAGUE_ADJECTIVES = {"atual": "PRESENT_REF", "atuais": "PRESENT_REF", "actual": "PRESENT_REF",
                    "recente": "PAST_REF", "recentes": "PAST_REF", "futuro": "FUTURE_REF",
                    "futura": "FUTURE_REF", "futuros": "FUTURE_REF", "futuras": "FUTURE_REF"}
NARRATIVE_PRESENT = ("então", "na época", "naquela altura", "nessa altura", "entretanto")
NARRATIVE_PAST = ("anteriormente",)
NARRATIVE_FUTURE = ("mais tarde", "depois", "posteriormente", "pouco depois")

SET_EACH = ("cada", "todos os", "todas as")
SET_PER = ("por", "ao", "à")
FREQUENCY_WORDS = {
    "anual": "P1Y", "anuais": "P1Y", "anualmente": "P1Y", "diário": "P1D", "diária": "P1D",
    "diários": "P1D", "diárias": "P1D", "diariamente": "P1D", "mensal": "P1M",
    "mensais": "P1M", "mensalmente": "P1M", "semanal": "P1W", "semanais": "P1W",
    "semanalmente": "P1W", "trimestral": "P3M", "trimestrais": "P3M", "semestral": "P6M",
    "quinzenal": "P2W",
}
FREQUENCY_NOUNS = ("diário",)

HOLIDAYS = {
    "natal": ("fixed", 12, 25), "véspera de natal": ("fixed", 12, 24),
    "ano novo": ("fixed", 1, 1), "réveillon": ("fixed", 12, 31), "páscoa": ("easter", 0),
    "sexta-feira santa": ("easter", -2), "carnaval": ("easter", -47),
    "dia do trabalho": ("fixed", 5, 1), "dia da independência": ("fixed", 9, 7),
    "25 de abril": ("fixed", 4, 25),
}
HOLIDAY_TRIGGERS = ()

FUTURE_CUES = ("vai", "vão", "vamos", "vou", "previsto", "prevista", "previstos",
               "previstas", "deve", "devem", "deverá", "deverão", "próximo", "próxima",
               "pretende", "pretendem", "planeja", "planeia", "amanhã", "espera-se")
FUTURE_ENDINGS = ("rá", "rão", "rei", "remos")
PAST_CUES = ("foi", "foram", "era", "eram", "tinha", "tinham", "havia", "houve", "tem",
             "têm", "ontem", "passado", "passada", "já")
PAST_ENDINGS = ("ou", "aram", "eram", "iram", "iu", "eu", "ava", "avam", "ia", "iam")
NOT_PAST_ENDINGS = ("ria", "riam", "dia", "eu", "seu", "meu", "teu")
FUTURE_MODALS = ()
DEADLINE_CUE = common.NEVER
PRESENT_VERBS = ("é", "são", "está", "estão", "diz", "dizem", "continua", "continuam",
                 "parece", "parecem", "acredita", "pensa", "quer", "querem", "pode",
                 "podem", "sabe", "há", "tem", "têm", "permanece")
PAST_AUXILIARIES = ("foi", "foram", "era", "eram", "tinha", "tinham", "havia", "houve")
PAST_VERBS = ("disse", "fez", "pôs", "veio", "deu", "viu", "soube", "quis", "pôde")
NOT_PAST_VERBS = ()
REPORTING_VERBS = (
    "disse", "diz", "dizem", "disseram", "afirmou", "afirma", "declarou", "declara",
    "anunciou", "anuncia", "explicou", "explica", "informou", "informa", "acrescentou",
    "sublinhou", "destacou", "confirmou", "confirma", "segundo", "de acordo com",
    "adiantou", "referiu", "revelou", "indicou", "garantiu", "assegurou", "afirmaram",
    "anunciaram", "declararam",
)

EVENT_NOUNS = (
    "terremoto", "sismo", "atentado", "atentados", "explosão", "ataque", "ataques",
    "bombardeio", "bombardeamento", "tiroteio", "massacre", "assassinato", "acidente",
    "colisão", "naufrágio", "desastre", "catástrofe", "tragédia", "derrame", "vazamento",
    "incêndio", "inundação", "inundações", "enchente", "tempestade", "furacão", "tufão",
    "ciclone", "erupção", "surto", "epidemia", "golpe", "levante", "revolução", "revolta",
    "rebelião", "invasão", "guerra", "greve", "protesto", "protestos", "manifestação",
    "manifestações", "confrontos", "trégua", "eleição", "eleições", "votação",
    "referendo", "renúncia", "demissão", "sentença", "veredicto", "julgamento", "decisão",
    "anúncio", "acordo", "tratado", "cúpula", "cimeira", "reunião", "discurso",
    "declaração", "relatório", "prisão", "morte", "funeral", "lançamento", "crise",
    "incidente", "sequestro", "evacuação", "fechamento", "encerramento",
)
SYNONYMS = {"sismo": "terremoto", "enchente": "inundação"}
REFERENCE_BEFORE = (
    r"\b(?:o|a|os|as|este|esta|esse|essa|seu|sua)\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})\s+"
    r"(?:de|do|da)\s+$",
)
REFERENCE_AFTER = common.NEVER
REFERENCE_DETERMINERS = common.NEVER

NON_DATE_UNITS = (
    "%", "por cento", "pessoas", "mortos", "feridos", "vítimas", "milhões", "milhão",
    "bilhões", "mil", "euros", "dólares", "reais", "escudos", "quilômetros", "quilómetros",
    "km", "metros", "toneladas", "barris", "habitantes", "votos", "assentos", "soldados",
    "crianças", "casos", "vezes", "pontos", "funcionários", "trabalhadores", "casas",
    "refugiados", "presos", "policiais", "manifestantes", "civis", "famílias", "quilos",
    "litros", "hectares", "pacientes", "alunos", "estudantes", "veículos", "carros",
    "aviões", "mísseis", "ações",
)
NON_DATE_VERBS = ()
CLOCK_AFTER = ("horas", "h", "GMT", "UTC")
YEAR_CUES = ("em", "desde", "até", "de", "do", "a", "entre", "ano", "antes", "depois",
             "durante", "o", "e", "no")
EARLY_YEAR = 1000
DETERMINERS = ("o", "um", "uma", "do", "ao", "este", "esse", "seu", "sua", "no")
FUNCTION_WORDS = ("de", "do", "da", "em", "a", "ao", "e", "ou", "que", "com", "por", "para",
                  "o", "os", "as", "um", "uma")
MEASURED_NOUNS = frozenset()

ABBREVIATIONS = frozenset({
    "sr", "sra", "srta", "dr", "dra", "prof", "profa", "eng", "gen", "cel", "av", "etc", "p",
    "pág", "n", "nº", "vol", "cap", "art", "ex", "aprox", "cia", "ltda", "s.a", "a.c", "d.c",
    "jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez",
})

BOILERPLATE_STRONG = (
    r"\bassine\b",
    r"\b(?:inscreva-se|subscreva)\b",
    r"\bnewsletters?\b",
    r"\bpolítica de (?:privacidade|cookies)\b",
    r"\b(?:este site|utilizamos|usamos) (?:utiliza |usa )?cookies\b",
    r"\baceit(?:ar|o) (?:todos os )?cookies\b",
    r"\btodos os direitos reservados\b",
    r"^\s*(?:leia|veja|ler) (?:também|mais)\b",
    r"^\s*(?:notícias |artigos )?relacionad[ao]s\s*:?\s*$",
    r"^\s*(?:as |os )?mais (?:lid[ao]s|vist[ao]s|comentad[ao]s)\b",
    r"^\s*(?:compartilhar|partilhar|comentar|imprimir|enviar|publicidade)\s*:?\s*$",
    r"\bsiga-nos\b",
    r"\bclique aqui\b",
    r"\bbaixe (?:o nosso|o) app\b",
    r"\bjá é assinante\b",
    r"\btermos de uso\b",
    *en.BOILERPLATE_STRONG,
)
BOILERPLATE_WEAK = (
    r"\bassinatura\b",
    r"\bassinante\b",
    r"\bapoie\b",
    r"\bdoaç(?:ão|ões)\b",
    r"\bcookies?\b",
    *en.BOILERPLATE_WEAK,
)
READER_ADDRESS = r"\b(?:[Vv]ocê|[Vv]ocês|[Tt]eu|[Ss]eu|[Nn]osso|[Nn]ossa|[Nn]os|[Yy]ou|[Oo]ur)\b"
BOILERPLATE_KEYWORDS = (
    "assin", "inscreva", "subscreva", "newsletter", "privacidade", "cookie",
    "direitos reservados", "leia", "veja", "relacionad", "mais lid", "mais vist",
    "compartilh", "partilh", "siga", "clique", "baixe", "termos", "apoie", "doaç",
    *en.BOILERPLATE_KEYWORDS,
)
BOILERPLATE_SHORT_LINE_WORDS = 4
BOILERPLATE_SECTION_STARTS = (
    r"\bassine\b",
    r"\bnewsletters?\b",
    r"^\s*(?:leia|veja) (?:também|mais)\b",
    r"^\s*(?:as |os )?mais (?:lid|vist)",
    r"\btodos os direitos reservados\b",
    r"^\s*(?:compartilhar|partilhar)\b",
    r"^\s*(?:tags|temas|comentários)\s*:?\s*$",
    *en.BOILERPLATE_SECTION_STARTS,
)

HEADLINE_LEAD_PATTERNS = common.HEADLINE_LEAD_PATTERNS
HEADLINE_TAIL_PATTERNS = (
    r",?\s+(?:segundo|disse|afirmou|declarou|informou|anunciou)\s+"
    r"(?:[^\W\d_][\w.'-]*\s*){1,6}(?:,[^,]{0,60})?\.?\s*$",
)
HEADLINE_TAIL_CUES = ("segundo", "disse", "afirmou", "declarou", "informou", "anunciou")
ENTRY_DEPENDENT_STARTS = frozenset((
    "ele", "ela", "eles", "elas", "isto", "isso", "este", "esta", "estes", "estas", "esse",
    "essa", "mas", "e", "assim", "porém", "contudo", "também", "depois", "então", "lá",
))  # fmt: skip
ENTRY_FIRST_PERSON = frozenset(("eu", "me", "mim", "meu", "minha", "meus", "minhas"))
ENTRY_MIN_WORDS = 8

# fmt: on

STOPWORDS = frozenset(
    """
a ao aos as à às até com como da das de dela dele do dos e é ela elas ele eles em entre
era essa esse esta está estão este eu foi foram há isso isto já lhe mais mas me mesmo
meu minha muito na nas não no nos nós num numa o os ou para pela pelas pelo pelos por
quando que quem se sem ser seu seus sua suas são também te tem têm um uma uns umas disse
segundo ano anos mês meses semana dia dias hoje ontem amanhã segunda terça quarta quinta
sexta sábado domingo feira
""".split()  # noqa: SIM905 - a word list is easier to read and edit as text
)
