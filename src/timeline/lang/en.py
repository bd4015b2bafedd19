"""English language data: words and phrases only, no logic.

Kept apart from the code that uses it (as dateparser keeps its locale data), so that the
grammar in `timeline.resolve` and the boilerplate and sentence rules can grow, and other
languages can be added as sibling modules with the same names.
"""

# fmt: off

# Name of the language for the Snowball stemmer (word endings folded when comparing).
SNOWBALL_LANGUAGE = "english"
# Noun endings stemmed as their verb's: Snowball gives "delivery" "deliveri" but
# "delivered" "deliv", so "delivery" is stemmed as "deliver" (the ending, then its
# replacement, for words longer than 6 letters; the first ending that fits).
NOUN_AS_VERB_ENDINGS = (
    ("eries", "er"), ("ery", "er"),
    # "explosion" as "explode", "invasion" as "invade", "decision" as "decide", so that
    # "the explosion" meets "the rig exploded"
    ("osions", "ode"), ("osion", "ode"), ("asions", "ade"), ("asion", "ade"),
    ("isions", "ide"), ("ision", "ide"),
)

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Numeric dates ("10/03/2025") are month first, as in the US, except in these regions
# (language tags such as "en-GB"), where the day comes first.
DAY_FIRST_REGIONS = {"GB", "UK", "IE", "AU", "NZ", "IN", "ZA", "NG", "KE", "PK", "SG", "HK"}

# Month names that are also ordinary words: only read as months in a date-like context.
AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "dec", "sep", "jun", "jul", "aug"}

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers, Monday = 1
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}

# Holidays: the name → how its day is found each year (see calendar.holiday_day):
# ("fixed", month, day), ("nth", month, ISO weekday, n; n = -1 the last),
# ("easter", days after Easter Sunday), ("after_first", month, ISO weekday, after weekday)
# for the day of `weekday` after the month's first `after weekday` (US Election Day).
HOLIDAYS: dict[str, tuple] = {
    "christmas": ("fixed", 12, 25), "christmas day": ("fixed", 12, 25),
    "christmas eve": ("fixed", 12, 24), "boxing day": ("fixed", 12, 26),
    "new year's day": ("fixed", 1, 1), "new year's eve": ("fixed", 12, 31),
    "valentine's day": ("fixed", 2, 14), "st. patrick's day": ("fixed", 3, 17),
    "saint patrick's day": ("fixed", 3, 17), "may day": ("fixed", 5, 1),
    "independence day": ("fixed", 7, 4), "bastille day": ("fixed", 7, 14),
    "halloween": ("fixed", 10, 31), "guy fawkes night": ("fixed", 11, 5),
    "veterans day": ("fixed", 11, 11), "veterans' day": ("fixed", 11, 11),
    "armistice day": ("fixed", 11, 11), "remembrance day": ("fixed", 11, 11),
    "martin luther king day": ("nth", 1, 1, 3), "martin luther king jr. day": ("nth", 1, 1, 3),
    "presidents' day": ("nth", 2, 1, 3), "presidents day": ("nth", 2, 1, 3),
    "mother's day": ("nth", 5, 7, 2), "memorial day": ("nth", 5, 1, -1),
    "father's day": ("nth", 6, 7, 3), "labor day": ("nth", 9, 1, 1),
    "labour day": ("nth", 9, 1, 1), "columbus day": ("nth", 10, 1, 2),
    "thanksgiving": ("nth", 11, 4, 4), "thanksgiving day": ("nth", 11, 4, 4),
    "election day": ("after_first", 11, 2, 1),
    "easter": ("easter", 0), "easter sunday": ("easter", 0), "easter day": ("easter", 0),
    "easter monday": ("easter", 1), "good friday": ("easter", -2),
    "maundy thursday": ("easter", -3), "palm sunday": ("easter", -7),
    "ash wednesday": ("easter", -46), "pentecost": ("easter", 49),
    "whit sunday": ("easter", 49),
}

# Lower-case pieces that every holiday name above contains (the tagger only looks for
# holidays near one of them).
HOLIDAY_TRIGGERS = (
    "christmas", "boxing", "new year", "valentine", "patrick", "may day", "independence",
    "bastille", "halloween", "fawkes", "veterans", "armistice", "remembrance", "luther",
    "presidents", "mother's", "memorial", "father's", "labor", "labour", "columbus",
    "thanksgiving", "election", "easter", "good friday", "maundy", "palm sunday",
    "ash wednesday", "pentecost", "whit",
)

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "midday": "MI", "noon": "MI",
}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12, "half a dozen": 6,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a thousand": 1000,
    "two thousand": 2000, "one thousand": 1000,
}
# Quantities with no exact number: durations become "PXY", "PXM" ...
VAGUE_QUANTITIES = (
    "several", "a few", "few", "many", "some", "the next few", "the past few", "the last few",
    "numerous", "countless",
)

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
    "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
    "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
}

# Decades written as words ("the nineties"): the decade's first year within a century.
DECADE_WORDS: dict[str, int] = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}

# Calendar units: the word (singular and plural) → the unit name used by the resolver.
UNITS: dict[str, str] = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "min": "minute", "mins": "minute", "hour": "hour", "hours": "hour", "hr": "hour",
    "hrs": "hour", "day": "day", "days": "day", "night": "night", "nights": "night",
    "week": "week", "weeks": "week", "weekend": "weekend", "weekends": "weekend",
    "fortnight": "fortnight", "fortnights": "fortnight", "month": "month", "months": "month",
    "quarter": "quarter", "quarters": "quarter", "season": "season", "seasons": "season",
    "year": "year", "years": "year", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "millennium": "millennium",
    "millennia": "millennium",
}

# Adverbs of frequency: SET expressions (recurring), never events.
FREQUENCY_WORDS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
    "biweekly": "P2W", "fortnightly": "P2W", "monthly": "P1M", "bimonthly": "P2M",
    "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "biannually": "P6M",
    "semiannually": "P6M", "semi-annually": "P6M", "annual": "P1Y", "semiannual": "P6M",
    "semi-annual": "P6M", "biennial": "P2Y",
}
# Nouns a frequency adjective turns into a rate, not a recurring time: "annual sales",
# "average daily volume", "a quarterly dividend" (per period, not every period).
MEASURED_NOUNS = frozenset((
    "sales", "revenue", "revenues", "rate", "rates", "volume", "volumes", "dividend",
    "dividends", "income", "earnings", "profit", "profits", "output", "growth", "inflation",
    "turnover", "budget", "budgets", "cost", "costs", "salary", "salaries", "fee", "fees",
    "interest", "production", "capacity", "average", "averages", "payment", "payments",
    "rent", "wage", "wages", "spending", "deficit", "surplus", "return", "returns", "yield",
    "consumption", "demand", "supply", "shipments", "imports", "exports", "premium",
    "premiums", "allowance", "limit", "quota", "total", "totals", "figure", "figures",
    "amount", "increase", "increases", "decrease", "gain", "gains", "loss", "losses",
    "trading", "share", "turnover", "price", "prices", "value", "percentage", "change",
    "pay", "compensation", "contribution", "contributions", "sum", "charge", "charges",
    "subscription", "subscriptions", "intake", "dose", "doses", "high", "low", "result",
    "results", "report", "reports", "statement", "statements", "filing", "filings",
))

# Vague temporal references (TimeML PRESENT_REF, PAST_REF, FUTURE_REF).
PRESENT_WORDS = (
    "now", "currently", "at present", "presently", "nowadays", "at the moment",
    "these days", "at this time", "at this point", "for now", "as of now", "the present",
    "for the time being",
    "the present time", "present-day", "at this moment",
)
# Words that mostly order events or hedge rather than refer to a time ("previously",
# "earlier", "eventually", "soon", "future" alone) are left out, as TimeML annotators
# mostly leave them.
PAST_WORDS = (
    "recently", "lately", "the past", "in recent times", "of late", "before now", "hitherto",
    "more recently", "until recently",
)
FUTURE_WORDS = (
    "the future", "someday", "one day", "some day", "the near future", "the long term",
    "the near term", "the short term", "as soon as possible", "a later date",
)
# "soon" is a future reference unless the clause is past ("was soon released") or it
# orders events ("soon after"); "later" alone only in a future clause ("will decide later").
SOON_WORDS = ("soon", "very soon", "quite soon", "fairly soon")
LATER_WORDS = ("later",)
# Adjectives that are vague references when they modify a noun ("the current crisis").
VAGUE_ADJECTIVES: dict[str, str] = {"current": "PRESENT_REF", "recent": "PAST_REF"}

# Verbs that report speech: "said Friday" dates the saying, not the event reported.
REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "announced", "announces", "reported",
    "reports", "added", "adds", "stated", "states", "noted", "notes", "declared",
    "confirmed", "confirms", "claimed", "claims", "insisted", "warned", "warns",
    "explained", "wrote", "writes", "argued", "argues", "acknowledged", "admitted",
    "disclosed", "revealed", "indicated", "suggested", "predicted", "estimated",
    "according to", "quoted", "tweeted", "posted",
)

# Words that put a clause in the future; the nearest tense cue to an expression decides.
FUTURE_CUES = (
    "will", "won't", "'ll", "shall", "going to", "gonna", "plans to", "plan to",
    "planned to", "plans", "scheduled", "set to", "expected to", "expects to", "expect to",
    "expect", "expects", "is due", "are due", "due to", "due", "intends to", "aims to",
    "hopes to", "would", "upcoming", "to be held", "to be", "is to", "are to", "to hold",
    "to meet", "to visit", "to begin", "to start", "to open", "to vote", "to take place",
    "next", "coming", "forthcoming", "slated", "pledged to", "promised to", "vowed to",
    "payable", "effective", "expire", "expires", "likely to", "supposed to",
    "planning", "preparing to", "prepares to", "as soon as", "as early as", "no later than",
    "should", "might",
)
# Lower-case modal verbs that put a clause in the future but are also other words
# ("May" the month): matched case-sensitively.
FUTURE_MODALS = ("may", "can", "must")
# A clause that gives a time limit looks forward: "postponed until Thursday", "has until
# 9 a.m. Monday to sign", "extended its deadline until Tuesday". A regular expression:
# the limiting word, up to four words, then "until".
DEADLINE_CUE = (
    r"(?:(?:postpone[ds]?|delay(?:ed|s)?|adjourn(?:ed|s)?|defer(?:red|s)?|suspend(?:ed|s)?"
    r"|extend(?:ed|s)?|put\s+off|push(?:ed|es)?\s+back|given|gives?|deadline|wait(?:ed|s)?"
    r"|recess(?:ed)?|stays?|remains?)(?:\s+[\w'.,$-]+){0,6}?|has|have)\s+(?:until|till|through)"
)
PAST_CUES = (
    "was", "were", "had", "did", "has been", "have been", "ago", "last", "earlier",
    "previous", "previously", "already", "since",
)
# Finite verbs of the present: a statement in the present tense ("aid groups say it is a
# race against time") is about the time of writing, not the day the article's news
# happened. The present perfect ("the UN has launched an appeal") reports news: it counts
# with the past (`PAST_AUXILIARIES`).
PRESENT_VERBS = (
    "is", "are", "am", "isn't", "aren't", "does", "do",
    "doesn't", "don't", "says", "say", "remains", "remain", "continues", "continue",
    "seems", "seem", "appears", "believes", "believe", "thinks", "think", "expects",
    "expect", "estimates", "estimate", "needs", "need", "wants", "want", "knows", "know",
    "can", "cannot", "can't", "will", "won't", "shall",
)
# Finite verbs of the past besides the irregular ones below and regular "-ed" ones.
PAST_AUXILIARIES = (
    "was", "were", "wasn't", "weren't", "had", "hadn't", "did", "didn't", "has", "have",
    "hasn't", "haven't",
)
# The auxiliaries of the present perfect ("the UN has launched an appeal"): news up to the
# time of writing, never the background an earlier sentence was at.
PERFECT_AUXILIARIES = ("has", "have", "hasn't", "haven't")
# Irregular past-tense verbs (regular ones are found by their "-ed").
PAST_VERBS = (
    "said", "told", "met", "began", "came", "went", "took", "made", "held", "left", "saw",
    "gave", "got", "found", "rose", "fell", "won", "lost", "sent", "brought", "bought",
    "sold", "paid", "led", "kept", "spent", "built", "thought", "felt", "stood", "ran",
    "fought", "struck", "spoke", "wrote", "broke", "chose", "drove", "flew", "grew", "knew",
    "threw", "wore", "shot", "became", "fled", "sank", "swore", "overtook", "withdrew",
    "undertook", "forbade", "sought", "taught", "caught", "meant", "heard", "dealt",
    "lent", "slept", "swept", "wept", "ate", "drank", "sang", "rang", "hung", "stole",
    "froze", "woke", "bore", "tore", "bit", "hid", "slid", "lit", "fed", "bled", "bred",
)
# "-ed" words that are not past-tense verbs.
NOT_PAST_VERBS = (
    "hundred", "indeed", "need", "speed", "seed", "feed", "bed", "red", "shed", "naked",
    "wicked", "sacred", "kindred", "rugged", "ragged", "beloved", "united", "limited",
    "proceed", "exceed", "succeed", "embed", "wed", "bred", "deed", "greed", "weed",
    "scheduled", "expected", "supposed", "planned", "slated", "proposed", "intended",
)

# Nouns of events: a date that modifies one ("Tuesday's earthquake", "the 20 April
# blowout", "the explosion on 20 April") names another event, which the sentence refers
# to; its own statement is something else ("thousands have died since Tuesday's quake").
EVENT_NOUNS = (
    "earthquake", "quake", "aftershock", "tsunami", "explosion", "blast", "blowout",
    "bombing", "bombings", "attack", "attacks", "shooting", "shootings", "killing",
    "killings", "massacre", "assassination", "crash", "collision", "derailment", "sinking",
    "accident", "disaster", "catastrophe", "tragedy", "spill", "leak", "fire", "blaze",
    "flood", "floods", "flooding", "storm", "hurricane", "typhoon", "cyclone", "tornado",
    "eruption", "outbreak", "epidemic", "collapse", "coup", "uprising", "revolution",
    "revolt", "rebellion", "invasion", "war", "raid", "strike", "strikes", "protest",
    "protests", "demonstration", "demonstrations", "rally", "riot", "riots", "clashes",
    "ceasefire", "truce", "election", "elections", "vote", "referendum", "poll", "ballot",
    "inauguration", "resignation", "ruling", "verdict", "sentencing", "trial", "hearing",
    "decision", "announcement", "agreement", "deal", "accord", "treaty", "summit",
    "meeting", "talks", "speech", "address", "statement", "report", "arrest", "death",
    "funeral", "memorial", "launch", "landing", "flight", "takeover", "merger", "bailout",
    "crisis", "crackdown", "incident", "disappearance", "kidnapping", "hijacking",
    "eruption", "evacuation", "shutdown", "closure", "blackout", "default", "downgrade",
)
# Words compared as one when sentences are matched: "the quake" is "the earthquake".
SYNONYMS = {
    "quake": "earthquake", "quakes": "earthquakes", "tremor": "earthquake",
    "blast": "explosion", "blasts": "explosions",
}
# A date in one of these frames refers to another event: "the disaster that began on 20
# April", "since the rig exploded on 20 April". Regular expressions matched on the text
# just before the date (the noun slot is filled with EVENT_NOUNS).
REFERENCE_BEFORE = (
    # "the disaster that began on", "the quake, which struck last"
    r"\b(?:{nouns})\s*,?\s+(?:that|which)\s+(?:\w+\s+){{1,2}}(?:on\s+|in\s+|at\s+)?$",
    # "the earthquake on", "the blast of", "the 7.0 quake on"
    r"\b(?:the|this|that|its|their|last)\s+(?:[\w.-]+\s+){{0,3}}(?:{nouns})\s+(?:on|of)\s+$",
    # "since the rig exploded on": a clause of what happened, under the statement
    r"\b(?:since|after|before|until|following)\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}"
    r"(?:[a-z]+ed|struck|hit|began|broke|fell|sank|blew\s+up)\s+(?:on|in)\s+$",
)
# ...or just after it: "Tuesday's earthquake", "the 20 April blowout", "the 2005 election".
REFERENCE_AFTER = (
    r"^(?:['’]s)?\s+(?:(?!(?:to|and|or|in|of|for|with|on|at|by|from|as|that|which|was|were"
    r"|is|are|has|have|had)\b)[\w.,-]+\s+){{0,3}}?(?:{nouns})\b"
)
REFERENCE_DETERMINERS = r"\b(?:the|this|that|its|their|last|since|after|before|following)\s+$"

# Words following a number that make it something other than a year or a day.
NON_DATE_UNITS = (
    "percent", "per cent", "%", "points", "point", "people", "persons", "troops",
    "soldiers", "children", "dollars", "euros", "pounds", "yen", "shares", "votes",
    "seats", "members", "km", "miles", "kilometers", "kilometres", "meters", "metres",
    "feet", "tons", "tonnes", "barrels", "cases", "deaths", "dead", "killed", "injured",
    "wounded", "million", "billion", "trillion", "thousand", "units", "copies", "pages", "tanks",
    "vehicles", "homes", "houses", "jobs", "workers", "employees", "students", "refugees",
    "migrants", "civilians", "prisoners", "jets", "aircraft", "planes", "ships", "missiles",
    "rockets", "cars", "trucks", "delegates", "residents", "patients", "sites", "times",
    "acres", "hectares", "square", "calories", "words", "signatures", "protesters",
    "police", "officers", "guns", "rifles", "weapons", "of them", "of the", "more", "others",
    "babies", "adults", "women", "men", "doctors", "nurses", "teachers", "firms",
    "companies", "businesses", "villages", "towns", "beds", "doses", "tests", "flights",
    "passengers", "fans", "spectators", "visitors", "tourists", "pilgrims", "inmates",
)
# ...of which these are verbs: after a year's cue the number is a year ("the flood in
# 1987 killed 40 people"), not a count ("1,987 killed").
NON_DATE_VERBS = ("killed", "injured", "wounded", "dead")

# A four-digit number followed by one of these is a clock time ("1500 GMT", "0900 hours").
CLOCK_AFTER = (
    "GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST",
    "PDT", "hours", "hrs", "local time",
    # a day named right after the number: "around 1800 yesterday", "at 0600 tomorrow"
    "yesterday", "today", "tonight", "tomorrow",
)  # fmt: skip
# Words before a year of long ago that make a bare number a year ("in 1508", "since 1648");
# without one, a number such as 1508 is more often a time (a live blog's "1508 UN
# spokesman says...") or a count.
YEAR_CUES = (
    "in", "since", "by", "until", "till", "of", "from", "before", "after", "during",
    "around", "circa", "c.", "year", "AD", "A.D.", "early", "late", "mid", "to", "and",
    "between",
)  # fmt: skip
EARLY_YEAR = 1800  # years before this need a cue

# Words that make a following frequency word an adjective ("its quarterly dividend").
DETERMINERS = (
    "a", "an", "the", "its", "their", "his", "her", "our", "your", "my", "this", "that",
    "these", "those", "regular", "usual", "normal",
)
# Function words that may follow an adverb of frequency ("paid quarterly to holders").
FUNCTION_WORDS = (
    "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "since",
    "until", "as", "than", "from", "through", "over", "under", "after", "before", "during",
    "while", "when", "if", "because", "so", "the", "a", "an", "this", "that", "it", "they",
    "he", "she", "we", "is", "are", "was", "were", "will", "would", "could", "should",
)

# Sentence splitting: abbreviations whose period does not end a sentence.
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt",
    "capt", "cmdr", "adm", "maj", "st", "jr", "sr", "inc", "corp", "co", "ltd", "bros",
    "vs", "v", "etc", "e.g", "i.e", "cf", "al", "approx", "dept", "est", "fig", "no",
    "nos", "vol", "pp", "rev", "hon", "pres", "supt", "messrs", "mt", "ft", "ave",
    "blvd", "rd", "u.s", "u.k", "u.n", "u.s.a", "e.u", "d.c", "a.m", "p.m", "ph.d",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "ariz", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la",
    "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "n.y", "n.j", "n.c", "s.c",
})

# Boilerplate of news web pages: calls to action and site furniture. Each entry is a
# regular expression matched case-insensitively against one line (paragraph) of text.
# Strong patterns are (almost) never news prose: a line with one is boilerplate.
BOILERPLATE_STRONG = (
    r"\bsign(?:ing)? up (?:for|to|now|here|today)\b",
    r"\bnewsletters?\b",
    r"\bprivacy (?:policy|notice|settings)\b",
    r"\bcookie (?:policy|settings|preferences)\b",
    r"\b(?:we|this site|this website) uses? cookies\b",
    r"\baccept (?:all )?cookies\b",
    r"\bterms (?:of|and) (?:use|service|conditions)\b",
    r"\ball rights reserved\b",
    r"©",
    r"^\s*copyright\b",
    r"^\s*read (?:more|next|also)\b",
    r"^\s*(?:related|recommended|more on this)(?: stories| articles| coverage)?\s*:?\s*$",
    r"^\s*(?:related|recommended)\s*:",
    r"^\s*(?:see|watch) also\b",
    r"^\s*share (?:this|on|via)\b",
    r"^\s*(?:share|tweet|email|print|comments?)\s*$",
    r"\bfollow us\b",
    r"\bclick here\b",
    r"\bremind me later\b",
    r"^\s*advertisement\s*$",
    r"^\s*dear (?:readers?|friends|subscribers)\b",
    r"^\s*a message from\b",
    r"\bthank you for (?:reading|standing with us|supporting|your support)\b",
    r"\bdownload (?:our|the) app\b",
    r"\balready a (?:subscriber|member)\?",
    r"\bin your (?:inbox|mailbox)\b",
    r"^\s*support (?:the )?[A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*\s*!",
    r"\bpa(?:y|i)ment methods?\b",
    r"\bad ?blocker\b",
    r"\bnot ready to (?:support|subscribe|donate)\b",
    r"\bbecome a (?:member|subscriber|patron|supporter)\b",
    r"\bskip to (?:main )?content\b",
    r"\bopens in (?:a )?new (?:window|tab)\b",
    r"\bunlimited (?:digital )?access\b",
    r"^\s*(?:subscribe|donate|log ?in|sign in|register)\s*!?$",
    r"\benable javascript\b",
    r"\bjavascript is disabled\b",
)
# Weak patterns are boilerplate only when the line speaks to the reader (you, your, us, our).
BOILERPLATE_WEAK = (
    r"\bsubscri(?:be|bing|ber|bers|ption|ptions)\b",
    r"\bdonat(?:e|ion|ions|ing)\b",
    r"\bcontribut(?:e|ion|ions)\b",
    r"\bsupport(?:ing)?\b",
    r"\bcookies?\b",
    r"\bsign(?:ing)? up\b",
    r"\bsign in\b",
    r"\blog ?in\b",
    r"\bregister\b",
    r"\bwe need your help\b",
    r"\bfree trial\b",
    r"\bmembership\b",
    r"\bpaywall\b",
)
# (case-sensitive: "US" is a country, "us" a reader)
READER_ADDRESS = r"\b(?:[Yy]ou|[Yy]our|[Yy]ou're|[Yy]ours|us|[Oo]ur|[Ww]e)\b"
# Lines of more than a few words are only checked against the patterns above when they
# hold one of these lower-case phrases (the patterns are slow, and most lines of an article
# hold none): every pattern that can match a longer line contains one of them.
BOILERPLATE_KEYWORDS = (
    "sign up", "signing up", "sign in", "newsletter", "privacy", "cookie", "terms of",
    "terms and", "all rights", "©", "copyright", "read more", "read next", "read also",
    "related", "recommended", "see also", "watch also", "share this", "share on",
    "share via", "follow us", "click here", "remind me", "dear ", "a message from",
    "thank you for", "download our", "download the", "already a", "inbox", "mailbox",
    "support", "payment", "paiment", "blocker", "ready to", "become a", "skip to",
    "opens in", "unlimited", "subscri", "donat", "log in", "login", "register",
    "javascript", "contribut", "your help", "free trial", "membership", "paywall",
    "reporting by", "editing by", "writing by", "compiled by", "graphic by", "(id:",
    "welcome comments", "more stories", "more news", "more from", "latest stories", "latest news",
    "latest from", "top stories", "top news", "top from",
)
# Lines of at most this many words are always checked (menu items, buttons, headings).
BOILERPLATE_SHORT_LINE_WORDS = 4
# A line with one of these may open a trailing page section (sign-up box, appeal, footer):
# from there to the end of the page is boilerplate when most of it looks so.
BOILERPLATE_SECTION_STARTS = (
    r"\bsign(?:ing)? up\b",
    r"\bnewsletters?\b",
    r"^\s*a message from\b",
    r"^\s*dear readers?\b",
    r"^\s*read (?:more|next|also)\b",
    r"^\s*related\b",
    r"\bsubscribe\b",
    r"\bsupport (?:us|our)\b",
    r"\bdonat(?:e|ion)\b",
    r"^\s*(?:more|latest|top) (?:stories|news|from)\b",
    r"\ball rights reserved\b",
    r"^\s*share (?:this|on|via)\b",
    r"^\s*(?:share|tags?|topics)\s*:?\s*$",
)

# Page furniture inside a line, blanked wherever it stands: a page's own time stamps
# ("8 November 2011 Last updated at 06:28 GMT Help", "Susan Watts | 18:00 UK time,
# Saturday, 25 April 2009"), which date the page, never an event.
FURNITURE_SPANS = (
    r"(?:\b\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+)?(?:Page\s+)?[Ll]ast\s+updated(?:\s+at)?\s+"
    r"\d{1,2}[:.]\d\d(?:\s*(?:GMT|UTC|BST|ET|[ECMP][SD]T))?(?:\s+Help\b)?",
    r"(?:(?<![\w'’-])(?-i:[A-Z][\w'’-]+)(?:[ \t]+(?-i:[A-Z][\w'’-]+)){0,3}[ \t]+\|[ \t]+)?"
    r"\d{1,2}:\d\d\s+UK\s+time,"
    r"\s+[A-Z][a-z]+day,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}",
)
# Where readers' comments begin ("At 6:19 pm on 01 Jun 2009, drmattprescott wrote:"):
# comments follow the article, so the rest of the text is not its news.
COMMENTS_START = (
    r"\bAt\s+\d{1,2}:\d\d\s*[ap]\.?m\.?\s+on\s+\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4},\s+\S+"
    r"(?:\s+\S+){0,3}\s+wrote:",
)

# Headlines: what to strip from the start of a sentence (applied up to three times:
# a live-blog timestamp, a dateline, a byline) and from its end (an attribution).
HEADLINE_LEAD_PATTERNS = (
    r"^\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?\s*[:,-]",  # "10.32am:", "1432 GMT:"
    r"^\d{4}\s*(?:GMT|UTC|BST|[ECMP][SD]T)\s*[:,-]?",
    # "CANBERRA, Australia (AP)_", "WASHINGTON (Reuters) -"
    r"^(?:[A-Z][A-Z .'-]{2,30},\s*)?(?:[A-Z][a-zA-Z .'-]{2,30}\s+)?"
    r"\((?:AP|AFP|Reuters|CNN|BBC|UPI|dpa)\)\s*",
    r"^(?:Reuters|AP|AFP|Associated Press|Agence France-Presse)\s*[-–—:]",
    r"^[A-Z]{3,}(?:\s+[A-Z]{3,})?\s*[-–—]\s+",  # "LONDON -", "NEW YORK —"
    r"^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*[,:-]\s*",
)
HEADLINE_TAIL_PATTERNS = (
    r",?\s+(?:he|she|they|it|officials?|police|authorities|sources|the (?:\w+ ){0,3}\w+)"
    r"\s+(?:said|says|told (?:\w+ ){0,3}\w+|added|reported|announced)(?: (?:on|in) \w+)?"
    r"(?: in a statement)?\s*\.?\s*$",
    r",?\s+(?:said|says|according to)\s+(?:[A-Z][\w.'-]*\s*){1,5}(?:,[^,]{0,60})?\.?\s*$",
)
# A timeline entry must stand alone: a sentence opening on one of these words leans on
# the sentence before it ("They had made it...", "But on Thursday..."), and one told in
# the first person singular is a personal account, not a report.
ENTRY_DEPENDENT_STARTS = frozenset((
    "he", "she", "it", "they", "them", "this", "these", "those", "that", "there", "but",
    "and", "so", "yet", "however", "also", "then", "meanwhile", "instead", "still",
))  # fmt: skip
ENTRY_FIRST_PERSON = frozenset(("i", "me", "my", "mine", "myself"))
ENTRY_MIN_WORDS = 8

# Words one of the tail patterns needs: sentences without any are not searched.
HEADLINE_TAIL_CUES = ("said", "says", "told", "added", "reported", "announced", "according")

# fmt: on

# Function words left out when comparing what two sentences are about.
STOPWORDS = frozenset(
    """
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few
for from further had has have having he her here hers herself him himself his how i if
in into is it its itself just me more most my myself no nor not now of off on once only
or other our ours ourselves out over own same she should so some such than that the
their theirs them themselves then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your
yours yourself yourselves said says say told according added also would could may might
must shall one two three mr mrs ms new last first year years week weeks month months day
days time today yesterday monday tuesday wednesday thursday friday saturday sunday
percent per cent since ago just
""".split()  # noqa: SIM905 - a word list is easier to read and edit as text
)
