"""Wording for people-facing output."""


def count(n: int, noun: str) -> str:
    """ "1 article", "2,412 articles"."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
