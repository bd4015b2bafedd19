"""Pieces of language data shared by several languages (no logic).

Wire-agency datelines and credits look alike in every language ("MADRID, 15 ene (EFE).-",
"SANAA (Reuters) -", "PARIS (AFP) -"), and some frames have no counterpart in a language
(`NEVER`, a pattern that matches nothing).
"""

from timeline.lang import en

# A regular expression that never matches: for frames a language does not have.
NEVER = r"(?!x)x"

# News agencies named in datelines and credits.
AGENCIES = (
    r"AP|AFP|Reuters|EFE|Efe|Europa\s+Press|EP|ANSA|Ansa|dpa|DPA|Adnkronos|AGI|Lusa|LUSA"
    r"|Belga|APA|SDA|KNA|epd|UNIAN|Укрінформ|УНІАН|Интерфакс|ТАСС|РИА\s+Новости|Notimex"
)

# Leading datelines, live-blog stamps and bylines a headline is stripped of.
HEADLINE_LEAD_PATTERNS = (
    r"^\d{1,2}[.:h]\d{2}\s*(?:[A-Z]{2,4}\b)?\s*[:,-]",
    # "MADRID, 15 ene (EFE).-", "SANÁ (Reuters) -", "Roma, 3 marzo (ANSA) -"
    rf"^(?:[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_]+){{0,3}},?\s*"
    rf"(?:\d{{1,2}}\.?\s+[^\W\d_]{{3,10}}\.?"
    rf"(?:\s+\d{{4}})?)?\s*)?\((?:{AGENCIES})\)\s*[.:,–—-]*\s*",
    rf"^(?:{AGENCIES})\s*[-–—:.]+\s*",
    r"^[^\W\d_a-zà-ÿа-яіїєґ]{3,}(?:\s+[^\W\d_a-zà-ÿа-яіїєґ]{3,})?\s*[-–—]\s+",  # "MADRID -"
    *en.HEADLINE_LEAD_PATTERNS[-1:],
)

# Time zones written after a clock time.
ZONES = r"GMT|UTC|CET|CEST|MEZ|MESZ|EET|EEST|BST|[ECMP][SD]T"

# Upper-case letters a sentence may open with, beyond A-Z (accented Latin, Cyrillic).
UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ"
