"""Timeline scores: Date-F1, concat ROUGE-N and alignment-based ROUGE-N (AR-N).

A timeline maps a day (``datetime.date``) to its sentences, in order. Definitions follow
Martschat & Markert (2017), "Improving ROUGE for timeline summarization", as used by the
tilse toolkit (``concat`` and ``align_date_content_costs_many_to_one``), with a
reimplemented ROUGE (one reference, lowercased, no stemming, stopwords kept).

Tokens
    ``tokens(text)``: ``text.lower()``, then every maximal run of Unicode letters and digits
    (the regex ``[^\\W_]+``); everything else, underscores included, separates tokens
    ("U.S.-led" -> ``u s led``, "don't" -> ``don t``, "1,000" -> ``1 000``). A summary
    (a list of sentences) is the concatenation of its sentences' tokens, so, as in tilse's
    ROUGE reimplementation, a bigram may span two consecutive sentences.

ROUGE-N of a system summary S against a gold summary G
    match_n(S, G) = sum over n-grams g of min(count_S(g), count_G(g))   (clipped counts)
    P = match_n / |n-grams of S|,  R = match_n / |n-grams of G|,  F = 2PR / (P + R)
    (a ratio with a zero denominator is 0, and F is 0 when P + R is 0).

Date-F1
    P = |D_S ∩ D_G| / |D_S|, R = |D_S ∩ D_G| / |D_G|, F = 2PR / (P + R), on days.

Concat ROUGE-N
    ROUGE-N of all system sentences (days in date order) against all gold sentences.

Alignment-based ROUGE-N (AR-N, tilse's "align+ m:1")
    For a system day s and a gold day g, with d(s, g) = |s - g| in days:
        weight  w(s, g) = 1 / (d(s, g) + 1)
        cost    c(s, g) = (1 - w(s, g)) * (1 - ROUGE-1 F(S_s, G_g))
    so a pair on the same day costs 0, and content overlap makes distant days cheaper.
    Two many-to-one alignments are made, each by taking the minimum cost (ties: the nearer
    day, then the earlier; tilse takes the first in date order, which can send a day with
    cost 0 to an earlier day with the same words rather than to itself):
        precision side: every system day s -> a(s) = argmin_g c(s, g)
        recall side:    every gold day g   -> b(g) = argmin_s c(s, g)
        P = sum_s w(s, a(s)) * match_n(S_s, G_a(s)) / sum_s |n-grams of S_s|
        R = sum_g w(b(g), g) * match_n(S_b(g), G_g) / sum_g |n-grams of G_g|
        F = 2PR / (P + R)
    An empty system timeline scores 0. One deviation from tilse: its content cost uses a
    ROUGE-1 on raw whitespace tokens (case and punctuation kept); here it uses ``tokens``,
    the same tokens as the scores.

``python benchmarks/rouge.py`` runs the self-test (hand-computed examples).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

Timeline = Mapping[date, Sequence[str]]

_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1, as fractions in [0, 1]."""

    precision: float
    recall: float
    f1: float

    def as_json(self) -> dict[str, float]:
        """The three figures rounded to 4 decimals."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def ratio(num: float, den: float) -> float:
    """``num / den``, and 0.0 when ``den`` is 0."""
    return num / den if den else 0.0


def prf(precision: float, recall: float) -> PRF:
    """A :class:`PRF` with F1 the harmonic mean (0.0 when both are 0)."""
    total = precision + recall
    return PRF(precision, recall, 2 * precision * recall / total if total else 0.0)


def tokens(text: str) -> list[str]:
    """Lowercased maximal runs of Unicode letters and digits."""
    return _TOKEN.findall(text.lower())


def summary_tokens(sentences: Iterable[str]) -> list[str]:
    """The tokens of the sentences, concatenated in order."""
    return [tok for sentence in sentences for tok in tokens(sentence)]


def ngrams(toks: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams of a token sequence."""
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def overlap(system: Counter[tuple[str, ...]], gold: Counter[tuple[str, ...]]) -> int:
    """Clipped n-gram matches: sum of min(system count, gold count)."""
    if len(system) > len(gold):
        system, gold = gold, system
    return sum(min(count, gold[g]) for g, count in system.items() if g in gold)


def rouge_counts(system: Sequence[str], gold: Sequence[str], n: int) -> tuple[int, int, int]:
    """(matches, system n-grams, gold n-grams) for two token sequences."""
    s, g = ngrams(system, n), ngrams(gold, n)
    return overlap(s, g), s.total(), g.total()


def rouge_n(system: Sequence[str], gold: Sequence[str], n: int) -> PRF:
    """ROUGE-N of system sentences against gold sentences."""
    match, n_sys, n_gold = rouge_counts(summary_tokens(system), summary_tokens(gold), n)
    return prf(ratio(match, n_sys), ratio(match, n_gold))


def date_f1(system: Iterable[date], gold: Iterable[date]) -> PRF:
    """Exact-day precision, recall and F1 of the system's days."""
    s, g = set(system), set(gold)
    shared = len(s & g)
    return prf(ratio(shared, len(s)), ratio(shared, len(g)))


def _chronological(timeline: Timeline) -> list[str]:
    """All sentences of a timeline, days in date order."""
    return [sentence for day in sorted(timeline) for sentence in timeline[day]]


def concat_rouge(system: Timeline, gold: Timeline, n: int) -> PRF:
    """ROUGE-N of the concatenated system timeline against the concatenated gold one."""
    return rouge_n(_chronological(system), _chronological(gold), n)


def day_weight(a: date, b: date) -> float:
    """1 / (days apart + 1)."""
    return 1.0 / (abs((a - b).days) + 1)


def _day_tokens(timeline: Timeline) -> dict[date, list[str]]:
    """Tokens of each day's summary."""
    return {day: summary_tokens(sentences) for day, sentences in timeline.items()}


def _cost_function(
    sys_toks: Mapping[date, Sequence[str]], gold_toks: Mapping[date, Sequence[str]]
) -> Callable[[date, date], float]:
    """``cost(system day, gold day)`` = (1 - weight) * (1 - ROUGE-1 F of the two days)."""
    sys_uni = {day: ngrams(toks, 1) for day, toks in sys_toks.items()}
    gold_uni = {day: ngrams(toks, 1) for day, toks in gold_toks.items()}

    def cost(s: date, g: date) -> float:
        date_factor = 1.0 - day_weight(s, g)
        if date_factor == 0.0:
            return 0.0
        match = overlap(sys_uni[s], gold_uni[g])
        content = prf(ratio(match, sys_uni[s].total()), ratio(match, gold_uni[g].total())).f1
        return date_factor * (1.0 - content)

    return cost


@dataclass(frozen=True, slots=True)
class Alignment:
    """The two many-to-one alignments of AR-N (see the module docstring)."""

    system_to_gold: dict[date, date]  # precision side: s -> a(s)
    gold_to_system: dict[date, date]  # recall side: g -> b(g)


def align(system: Timeline, gold: Timeline) -> Alignment:
    """Align every system day to its cheapest gold day and every gold day to its cheapest
    system day (ties: the nearer day, then the earlier)."""
    sys_days, gold_days = sorted(system), sorted(gold)
    if not sys_days or not gold_days:
        return Alignment({}, {})
    cost = _cost_function(_day_tokens(system), _day_tokens(gold))
    to_gold = {
        s: min(gold_days, key=lambda g, s=s: (cost(s, g), abs((s - g).days), g)) for s in sys_days
    }
    to_sys = {
        g: min(sys_days, key=lambda s, g=g: (cost(s, g), abs((s - g).days), s)) for g in gold_days
    }
    return Alignment(to_gold, to_sys)


def aligned_rouge(
    system: Timeline, gold: Timeline, n: int, alignment: Alignment | None = None
) -> PRF:
    """Alignment-based ROUGE-N (tilse's align_date_content_costs_many_to_one)."""
    if alignment is None:
        alignment = align(system, gold)
    sys_toks, gold_toks = _day_tokens(system), _day_tokens(gold)
    p_num = 0.0
    p_den = sum(ngrams(toks, n).total() for toks in sys_toks.values())
    for s, g in alignment.system_to_gold.items():
        match, _, _ = rouge_counts(sys_toks[s], gold_toks[g], n)
        p_num += day_weight(s, g) * match
    r_num = 0.0
    r_den = sum(ngrams(toks, n).total() for toks in gold_toks.values())
    for g, s in alignment.gold_to_system.items():
        match, _, _ = rouge_counts(sys_toks[s], gold_toks[g], n)
        r_num += day_weight(s, g) * match
    return prf(ratio(p_num, p_den), ratio(r_num, r_den))


def score_timeline(system: Timeline, gold: Timeline) -> dict[str, PRF]:
    """Date-F1, concat ROUGE-1/2 and AR-1/2 of a system timeline against one gold timeline."""
    alignment = align(system, gold)
    return {
        "date": date_f1(system, gold),
        "rouge_1": concat_rouge(system, gold, 1),
        "rouge_2": concat_rouge(system, gold, 2),
        "ar_1": aligned_rouge(system, gold, 1, alignment),
        "ar_2": aligned_rouge(system, gold, 2, alignment),
    }


# --------------------------------------------------------------------------- self-test


def _close(got: PRF, precision: float, recall: float) -> None:
    """Assert ``got`` has this precision and recall (and the matching F1)."""
    want = prf(precision, recall)
    for name in ("precision", "recall", "f1"):
        a, b = getattr(got, name), getattr(want, name)
        assert abs(a - b) < 1e-12, f"{name}: got {a}, want {b}"


def self_test() -> None:
    """Hand-computed examples for every function; raises AssertionError on a mismatch."""
    d = [date(2020, 1, day) for day in range(1, 8)]
    assert tokens("U.S.-led re_test: Don't  pay 1,000 ÉLAN") == [
        "u", "s", "led", "re", "test", "don", "t", "pay", "1", "000", "élan",
    ]  # fmt: skip
    _close(rouge_n(["The cat sat."], ["the cat sat on the mat"], 1), 3 / 3, 3 / 6)
    _close(rouge_n(["The cat sat."], ["the cat sat on the mat"], 2), 2 / 2, 2 / 5)
    _close(rouge_n(["the the the"], ["the cat"], 1), 1 / 3, 1 / 2)  # clipped
    _close(rouge_n(["a b", "c"], ["b c"], 2), 1 / 2, 1 / 1)  # bigram across sentences
    _close(rouge_n([], ["a"], 1), 0, 0)
    _close(date_f1([d[0], d[1]], [d[0], d[2], d[3]]), 1 / 2, 1 / 3)
    _close(date_f1([], [d[0]]), 0, 0)
    gold = {d[0]: ["a b c d"], d[2]: ["e f g h"]}
    _close(concat_rouge({d[6]: ["h g"], d[5]: ["a b"]}, gold, 1), 4 / 4, 4 / 8)
    _close(concat_rouge({d[6]: ["h g"], d[5]: ["a b"]}, gold, 2), 1 / 3, 1 / 7)  # "a b h g"
    # Jan 2 is a day from Jan 1 and Jan 3; it shares a, b with Jan 1: cost .5 * .5 < .5 * 1.
    one = {d[1]: ["a b x y"]}
    assert align(one, gold) == Alignment({d[1]: d[0]}, {d[0]: d[1], d[2]: d[1]})
    _close(aligned_rouge(one, gold, 1), 0.5 * 2 / 4, 0.5 * 2 / 8)
    # Content beats distance: Jan 2 -> Jan 4 (same words, cost 0), not Jan 1 (cost .5).
    far = {d[0]: ["a b c d"], d[3]: ["e f g h"]}
    _close(aligned_rouge({d[1]: ["e f g h"]}, far, 1), 4 / 3 / 4, 4 / 3 / 8)
    # The same day always costs 0, whatever the words: Jan 1 -> Jan 1, not Jan 3.
    assert align({d[0]: ["e f g h"]}, gold).system_to_gold == {d[0]: d[0]}
    _close(aligned_rouge({d[0]: ["e f g h"]}, gold, 1), 0, 4 / 3 / 8)  # recall: Jan 3 -> Jan 1
    # Many-to-one: both system days go to Jan 1; recall counts Jan 1 once (its best day).
    two = {d[0]: ["a b"], d[1]: ["a b c"]}
    assert align(two, gold).system_to_gold == {d[0]: d[0], d[1]: d[0]}
    _close(aligned_rouge(two, gold, 1), (2 + 0.5 * 3) / 5, 2 / 8)
    # Gold as system gives 1, an empty system 0.
    for n in (1, 2):
        _close(aligned_rouge(gold, gold, n), 1, 1)
        _close(concat_rouge(gold, gold, n), 1, 1)
        _close(aligned_rouge({}, gold, n), 0, 0)
        _close(concat_rouge({}, gold, n), 0, 0)
    # Right days, swapped texts: AR-1 drops to 0, concat ROUGE-1 does not move. (Each
    # system day ties at cost 0 between its own day and the day with its words: the
    # nearer, its own day, wins.)
    swapped = {d[0]: gold[d[2]], d[2]: gold[d[0]]}
    _close(aligned_rouge(swapped, gold, 1), 0, 0)
    _close(concat_rouge(swapped, gold, 1), 1, 1)


if __name__ == "__main__":
    self_test()
    print("rouge: self-test passed")
