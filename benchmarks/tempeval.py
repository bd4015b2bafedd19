"""TempEval-3-style benchmark of the temporal tagger on three development sets.

    python benchmarks/tempeval.py                   # every set, cross-check, errors, timing
    python benchmarks/tempeval.py --quick           # just the side-by-side table (seconds)
    python benchmarks/tempeval.py --set aquaint --error-kind value --errors 100
    python benchmarks/tempeval.py --system gold     # sanity check: 100 everywhere
    python benchmarks/tempeval.py --data DIR        # one other folder of .tml files
    python benchmarks/tempeval.py --no-cross-check --json out.json

Data: the TimeML ``*.tml`` files of ``<repo root>/../shared/data/tempeval/<set>`` for the
sets ``timebank``, ``aquaint`` and ``meantime-airbus`` (``--set NAME``, repeatable, to
choose; ``--data DIR`` for one other folder, named after it). A missing set is skipped with
a message; with none present the benchmark skips (exit 0). The text of a document is the
content of ``<TEXT>`` with all tags removed and entities unescaped; gold TIMEX3 offsets are
character offsets into it (checked twice at load time: against the element text and by an
independent tag scanner).

Printed, in this order:

1. the honest estimate: each set's held-out value F1 from the cross-check (below) beside
   HeidelTime's, and the difference;
2. the side-by-side table: one row per set and a pooled row (the counts of all sets summed,
   then scored: not a mean of F1s), with HeidelTime's value F1 (``HEIDELTIME_VALUE_F1``)
   and the difference;
3. per set: scores (all / DATE+TIME), scores per type, and that set's error tables;
4. throughput of the in-process tagger and of ``timeline tag --jsonl`` over all documents
   of the selected sets, with a check that the command's output is the in-process one.

``--quick`` prints only the side-by-side table: what to run after every rule change.

Scoring, as in TempEval-3 (UzZaman et al., 2013):

* a system timex matches a gold one *relaxed* when their character spans overlap and
  *strictly* when the spans are identical; matching is one-to-one (greedy by overlap size,
  identical spans first on ties);
* precision, recall and F1 for strict and relaxed matching;
* attribute accuracy = share of relaxed matches with the right attribute, and
  attribute F1 = accuracy x relaxed F1 (type F1, value F1); values compare as strings.

The DATE+TIME rows restrict the same one-to-one matching (it is not redone): recall counts
gold DATE/TIME timexes, precision counts system timexes typed DATE/TIME, and accuracies are
taken over the matches where either side is DATE/TIME. A type error is thus a type error,
not also a detection error, while a system DATE on a gold DURATION still costs type and
value accuracy. Per-type rows apply the same rule to one type.

Cross-check (on by default for ``--system timeline``; ``--no-cross-check`` or ``--quick``
to skip it). The tagger's settings (the numeric constants of ``TUNABLES`` and an on/off
switch per grammar rule) were chosen looking at these very documents, so every set's own
score flatters the tagger. Leave one set out: for each set in turn,

* tune the settings on the other two sets: greedy coordinate ascent from the shipped
  settings on their pooled value F1 (all types); each constant tries a small grid around its
  shipped value, each rule that fires in the training documents is tried switched off; a
  change is kept only when it gains more than ``CROSS_CHECK_MARGIN`` points on the pool
  (not to fit noise) and loses nothing on either training set (a change must hold on every
  set, not trade one corpus's annotators for another's), for at most
  ``CROSS_CHECK_ROUNDS`` rounds;
* score the held-out set with the tuned settings.

The held-out figure is the score of settings that never saw the set, the honest estimate of
how the tagger does on similar news it was not tuned on; where it falls below the shipped
figure, the shipped settings are fitted to that set. It is still optimistic: the rules
themselves were written with all three sets in view. Tuning on all sets at once (in-sample)
is printed for contrast. Settings are applied in-process (``setattr`` on the constant's
module, a filtered copy of ``Grammar.rules``) and always restored. Per-document scores are
cached by (document, settings that can change it: the constants, and the switched-off rules
that fire in that document); the tuned settings are re-run without the cache to check it.

Everything printed before the throughput section is deterministic for a given tagger, the
cross-check's wall time aside.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import fnmatch
import html
import importlib
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

try:
    from benchmarks import _common as common
except ImportError:  # run as a script: python benchmarks/tempeval.py
    import _common as common  # type: ignore[no-redef]

NAME = "tempeval"
# The development sets, folders of ../shared/data/tempeval/.
SETS = ("timebank", "aquaint", "meantime-airbus")
# HeidelTime's value F1 (all types, TempEval-3 scoring) on each set, the figure to beat:
# TimeBank and AQUAINT from ../shared/data/README.md, MEANTIME-airbus from issue 11.
HEIDELTIME_VALUE_F1 = {"timebank": 79.6, "aquaint": 73.2, "meantime-airbus": 78.0}
TYPES = ("DATE", "TIME", "DURATION", "SET")
DATE_TIME = frozenset({"DATE", "TIME"})
ERROR_KINDS = ("missed", "value", "type", "span", "spurious")
CONTEXT = 20  # characters of context on each side of an expression


# --------------------------------------------------------------------------- data


@dataclass(frozen=True, slots=True)
class Span:
    """A temporal expression, gold or system."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Doc:
    """One TimeML document: de-tagged text, creation date and gold timexes."""

    id: str
    text: str
    dct: date
    gold: tuple[Span, ...]


def _flatten(elem: ET.Element, parts: list[str], gold: list[Span], pos: int) -> int:
    """Append the text inside ``elem`` (not its tail) to ``parts``; return the new offset."""
    start = pos
    if elem.text:
        parts.append(elem.text)
        pos += len(elem.text)
    for child in elem:
        pos = _flatten(child, parts, gold, pos)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if elem.tag == "TIMEX3":
        gold.append(
            Span(
                start=start,
                end=pos,
                text="".join(elem.itertext()),
                type=elem.get("type", ""),
                value=elem.get("value", ""),
                mod=elem.get("mod", ""),
            )
        )
    return pos


def _dct(root: ET.Element) -> date:
    """The document creation date (date part of the CREATION_TIME TIMEX3 value)."""
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            return date.fromisoformat(timex.get("value", "")[:10])
    raise ValueError("no TIMEX3 with functionInDocument=CREATION_TIME")


def _scan_offsets(raw: str) -> tuple[str, list[tuple[int, int]]]:
    """Independent de-tagging of the raw ``<TEXT>`` section: (text, TIMEX3 spans)."""
    section = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if section is None:
        raise ValueError("no <TEXT> section")
    body = section.group(1)
    out: list[str] = []
    pos = last = 0
    opened: list[int] = []
    spans: list[tuple[int, int]] = []
    for tag in re.finditer(r"<(/?)([A-Za-z0-9_]+)[^>]*?(/?)>", body):
        chunk = html.unescape(body[last : tag.start()])
        out.append(chunk)
        pos += len(chunk)
        last = tag.end()
        if tag.group(2) != "TIMEX3" or tag.group(3):
            continue
        if tag.group(1):
            spans.append((opened.pop(), pos))
        else:
            opened.append(pos)
    out.append(html.unescape(body[last:]))
    return "".join(out), sorted(spans)


def load_doc(path: Path) -> Doc:
    """Parse one ``.tml`` file and check its gold offsets; ValueError when inconsistent."""
    raw = path.read_text(encoding="utf-8")
    root = ET.fromstring(raw)
    body = root.find("TEXT")
    if body is None:
        raise ValueError("no <TEXT> element")
    parts: list[str] = []
    gold: list[Span] = []
    _flatten(body, parts, gold, 0)
    text = "".join(parts)
    gold.sort(key=lambda g: (g.start, g.end))
    for g in gold:
        if text[g.start : g.end] != g.text:
            raise ValueError(f"offset mismatch {g.start}-{g.end}: {g.text!r}")
    scanned_text, scanned_spans = _scan_offsets(raw)
    if scanned_text != text:
        raise ValueError("tag scanner and XML parser disagree on the text")
    if scanned_spans != [(g.start, g.end) for g in gold]:
        raise ValueError("tag scanner and XML parser disagree on TIMEX3 offsets")
    return Doc(id=path.stem, text=text, dct=_dct(root), gold=tuple(gold))


def load_corpus(files: Iterable[Path]) -> list[Doc]:
    """Load and check every file; exit with a clear message on the first bad one."""
    docs = []
    for path in files:
        try:
            docs.append(load_doc(path))
        except (ValueError, ET.ParseError) as exc:
            common.fail(NAME, f"bad TimeML file {path}: {exc}")
    return docs


@dataclass(frozen=True, slots=True)
class DataSet:
    """One development set: its name, folder and (selected) documents."""

    name: str
    path: Path
    docs: list[Doc]


# --------------------------------------------------------------------------- systems

Tagger = Callable[[Doc], list[Span]]


def _to_span(timex: Any) -> Span:
    """Convert a ``timeline`` Timex (or any object with the same fields) to a Span."""
    return Span(
        start=int(timex.start),
        end=int(timex.end),
        text=str(timex.text),
        type=str(timex.type),
        value=str(timex.value),
        mod=str(getattr(timex, "mod", "") or ""),
        rule=str(getattr(timex, "rule", "") or ""),
    )


def _import_tag() -> Callable[..., Any]:
    """Import ``timeline.resolve.tag``, falling back to ``<repo>/src`` if not installed."""
    try:
        from timeline.resolve import tag
    except ModuleNotFoundError as exc:
        if exc.name != "timeline":
            raise
        sys.path.insert(0, str(common.REPO_ROOT / "src"))
        from timeline.resolve import tag
    return tag


def timeline_system() -> Tagger:
    """The real tagger, ``timeline.resolve.tag(text, dct)``."""
    try:
        tag = _import_tag()
    except ImportError as exc:
        common.fail(
            NAME,
            f"cannot import timeline.resolve.tag: {exc} "
            "(is the package installed? pip install -e .)",
        )
    return lambda doc: [_to_span(t) for t in tag(doc.text, doc.dct)]


def gold_system(doc: Doc) -> list[Span]:
    """Fake tagger returning the gold timexes: must score 100 everywhere."""
    return list(doc.gold)


def shifted_system(doc: Doc) -> list[Span]:
    """Gold spans moved one character right: strict 0, relaxed/type/value 100."""
    out = []
    for g in doc.gold:
        start, end = min(g.start + 1, len(doc.text)), min(g.end + 1, len(doc.text))
        out.append(replace(g, start=start, end=end, text=doc.text[start:end]))
    return out


def noisy_system(doc: Doc) -> list[Span]:
    """Every 2nd gold dropped, every 3rd kept value spoiled, one spurious DATE per doc."""
    kept = [g for i, g in enumerate(doc.gold) if i % 2 == 0]
    out = [replace(g, value=g.value + "?") if i % 3 == 2 else g for i, g in enumerate(kept)]
    for word in re.finditer(r"\b[A-Z][a-z]{3,}\b", doc.text):
        if not any(g.start < word.end() and word.start() < g.end for g in doc.gold):
            out.append(Span(word.start(), word.end(), word.group(), "DATE", "XXXX-XX-XX"))
            break
    return sorted(out, key=lambda s: (s.start, s.end))


def empty_system(doc: Doc) -> list[Span]:
    """Fake tagger finding nothing: all scores 0, no crash."""
    return []


FAKE_SYSTEMS: dict[str, Tagger] = {
    "gold": gold_system,
    "shifted": shifted_system,
    "noisy": noisy_system,
    "empty": empty_system,
}


@dataclass
class Run:
    """System output for every document, with timing and failures."""

    outputs: dict[str, list[Span]]
    seconds: float
    warmup_seconds: float
    failures: list[tuple[str, str]] = field(default_factory=list)


def run_system(tagger: Tagger, docs: Sequence[Doc], fail_fast: bool = False) -> Run:
    """Tag every document after one warm-up call; a failing document yields no timexes.

    With ``fail_fast`` the first exception propagates (full traceback) instead.
    """
    t0 = time.perf_counter()
    with contextlib.suppress(Exception):  # a failure is reported by the timed loop below
        tagger(docs[0])
    warmup = time.perf_counter() - t0
    outputs: dict[str, list[Span]] = {}
    failures: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    for doc in docs:
        try:
            outputs[doc.id] = tagger(doc)
        except Exception as exc:
            if fail_fast:
                raise
            outputs[doc.id] = []
            failures.append((doc.id, f"{type(exc).__name__}: {exc}"))
    return Run(outputs, time.perf_counter() - t0, warmup, failures)


def bad_spans(docs: Sequence[Doc], outputs: dict[str, list[Span]]) -> list[str]:
    """System timexes whose offsets do not select their text (or are empty/out of range)."""
    problems = []
    for doc in docs:
        for s in outputs[doc.id]:
            ok = 0 <= s.start < s.end <= len(doc.text) and doc.text[s.start : s.end] == s.text
            if not ok:
                found = doc.text[s.start : s.end] if 0 <= s.start <= s.end else ""
                problems.append(f"{doc.id} {s.start}-{s.end} text={s.text!r} at span={found!r}")
    return problems


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class Alignment:
    """One-to-one (gold index, system index) pairs of a document."""

    relaxed: tuple[tuple[int, int], ...]
    strict: tuple[tuple[int, int], ...]


def align(gold: Sequence[Span], system: Sequence[Span]) -> Alignment:
    """Greedy one-to-one matching by overlap size (relaxed) and identical spans (strict)."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = (g.start, g.end) == (s.start, s.end)
                candidates.append((-overlap, not exact, gi, si))
    candidates.sort()
    used_gold: set[int] = set()
    used_sys: set[int] = set()
    relaxed = []
    for _, _, gi, si in candidates:
        if gi not in used_gold and si not in used_sys:
            used_gold.add(gi)
            used_sys.add(si)
            relaxed.append((gi, si))
    free: dict[tuple[int, int], list[int]] = {}
    for gi, g in enumerate(gold):
        free.setdefault((g.start, g.end), []).append(gi)
    strict = []
    for si, s in enumerate(system):
        waiting = free.get((s.start, s.end))
        if waiting:
            strict.append((waiting.pop(0), si))
    return Alignment(tuple(sorted(relaxed)), tuple(sorted(strict)))


@dataclass
class Scores:
    """Counts for one subset of types; percentages are derived properties."""

    gold: int = 0
    system: int = 0
    strict_gold: int = 0  # gold timexes of the subset strictly matched
    strict_sys: int = 0  # system timexes of the subset strictly matched
    relaxed_gold: int = 0
    relaxed_sys: int = 0
    matched: int = 0  # relaxed matches in scope (either side in the subset)
    type_ok: int = 0
    value_ok: int = 0

    @property
    def strict_p(self) -> float:
        return common.pct(self.strict_sys, self.system)

    @property
    def strict_r(self) -> float:
        return common.pct(self.strict_gold, self.gold)

    @property
    def strict_f1(self) -> float:
        return common.f1(self.strict_p, self.strict_r)

    @property
    def relaxed_p(self) -> float:
        return common.pct(self.relaxed_sys, self.system)

    @property
    def relaxed_r(self) -> float:
        return common.pct(self.relaxed_gold, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return common.f1(self.relaxed_p, self.relaxed_r)

    @property
    def type_acc(self) -> float:
        return common.pct(self.type_ok, self.matched)

    @property
    def value_acc(self) -> float:
        return common.pct(self.value_ok, self.matched)

    @property
    def type_f1(self) -> float:
        return self.type_acc * self.relaxed_f1 / 100

    @property
    def value_f1(self) -> float:
        return self.value_acc * self.relaxed_f1 / 100

    def as_json(self) -> dict[str, Any]:
        """Counts and rounded percentages, for ``--json``."""
        r = round
        return {
            "gold": self.gold,
            "system": self.system,
            "strict": {
                "matched_gold": self.strict_gold,
                "matched_system": self.strict_sys,
                "precision": r(self.strict_p, 2),
                "recall": r(self.strict_r, 2),
                "f1": r(self.strict_f1, 2),
            },
            "relaxed": {
                "matched_gold": self.relaxed_gold,
                "matched_system": self.relaxed_sys,
                "precision": r(self.relaxed_p, 2),
                "recall": r(self.relaxed_r, 2),
                "f1": r(self.relaxed_f1, 2),
            },
            "type": {
                "correct": self.type_ok,
                "matched": self.matched,
                "accuracy": r(self.type_acc, 2),
                "f1": r(self.type_f1, 2),
            },
            "value": {
                "correct": self.value_ok,
                "matched": self.matched,
                "accuracy": r(self.value_acc, 2),
                "f1": r(self.value_f1, 2),
            },
        }


def score(
    docs: Sequence[Doc],
    outputs: dict[str, list[Span]],
    alignments: dict[str, Alignment],
    types: frozenset[str] | None = None,
) -> Scores:
    """Score the whole corpus, restricted to ``types`` (None: every timex)."""

    def inside(span: Span) -> bool:
        return types is None or span.type in types

    sc = Scores()
    for doc in docs:
        gold, system, al = doc.gold, outputs[doc.id], alignments[doc.id]
        sc.gold += sum(inside(g) for g in gold)
        sc.system += sum(inside(s) for s in system)
        for gi, si in al.strict:
            sc.strict_gold += inside(gold[gi])
            sc.strict_sys += inside(system[si])
        for gi, si in al.relaxed:
            g, s = gold[gi], system[si]
            sc.relaxed_gold += inside(g)
            sc.relaxed_sys += inside(s)
            if inside(g) or inside(s):
                sc.matched += 1
                sc.type_ok += g.type == s.type
                sc.value_ok += g.value == s.value
    return sc


def pool(scores: Iterable[Scores]) -> Scores:
    """The counts of several documents or sets summed (scores of the pooled corpus)."""
    total = Scores()
    for sc in scores:
        for f in dataclasses.fields(Scores):
            setattr(total, f.name, getattr(total, f.name) + getattr(sc, f.name))
    return total


@dataclass
class SetResult:
    """The tagger's output on one set, and its scores and errors."""

    data: DataSet
    run: Run
    alignments: dict[str, Alignment]
    overall: Scores
    date_time: Scores
    per_type: dict[str, Scores]
    errors: list[Error]
    bad_spans: list[str]


# --------------------------------------------------------------------------- errors


@dataclass(frozen=True, slots=True)
class Error:
    """One scoring error: a gold timex and/or the system timex it was matched with."""

    kind: str  # one of ERROR_KINDS
    key: str  # error class, for grouping
    doc: Doc
    gold: Span | None
    system: Span | None

    @property
    def start(self) -> int:
        return min(s.start for s in (self.gold, self.system) if s is not None)

    @property
    def end(self) -> int:
        return max(s.end for s in (self.gold, self.system) if s is not None)


def _shape(value: str) -> str:
    """Value with every digit as 9 (``1998-01-08`` -> ``9999-99-99``), for grouping."""
    return re.sub(r"\d", "9", value) or "(empty)"


def _words(text: str) -> str:
    """Text on one line (whitespace runs as one space), lower-cased, digits as 9."""
    return re.sub(r"\d", "9", re.sub(r"\s+", " ", text).lower())


def _span_key(text: str, g: Span, s: Span) -> str:
    """How the system span's boundaries differ from the gold one."""
    parts = []
    if s.start < g.start:
        parts.append(f'extra left "{_words(text[s.start : g.start])}"')
    elif s.start > g.start:
        parts.append(f'missing left "{_words(text[g.start : s.start])}"')
    if s.end > g.end:
        parts.append(f'extra right "{_words(text[g.end : s.end])}"')
    elif s.end < g.end:
        parts.append(f'missing right "{_words(text[s.end : g.end])}"')
    return ", ".join(parts)


def collect_errors(
    docs: Sequence[Doc], outputs: dict[str, list[Span]], alignments: dict[str, Alignment]
) -> list[Error]:
    """Misses, spurious timexes, and matches with a wrong value, else type, else span."""
    errors = []
    for doc in docs:
        gold, system, al = doc.gold, outputs[doc.id], alignments[doc.id]
        matched_gold = {gi for gi, _ in al.relaxed}
        matched_sys = {si for _, si in al.relaxed}
        for gi, g in enumerate(gold):
            if gi not in matched_gold:
                errors.append(Error("missed", f"{g.type} {_shape(g.value)}", doc, g, None))
        for gi, si in al.relaxed:
            g, s = gold[gi], system[si]
            if g.value != s.value:
                key = f"{g.type} {_shape(g.value)} -> {_shape(s.value)}"
                errors.append(Error("value", key, doc, g, s))
            elif g.type != s.type:
                errors.append(Error("type", f"{g.type} -> {s.type}", doc, g, s))
            elif (g.start, g.end) != (s.start, s.end):
                errors.append(Error("span", _span_key(doc.text, g, s), doc, g, s))
        for si, s in enumerate(system):
            if si not in matched_sys:
                key = f"{s.type} {_shape(s.value)}"
                errors.append(Error("spurious", key, doc, None, s))
    return errors


def _describe(span: Span | None, width: int) -> str:
    """``"text" TYPE value`` (with mod and rule when present), or ``-``."""
    if span is None:
        return "-"
    out = f'"{common.clip(span.text, 24)}" {span.type} {span.value}'
    if span.mod:
        out += f" mod={span.mod}"
    if span.rule:
        out += f" [{span.rule}]"
    return common.clip(out, width)


def _context(err: Error) -> str:
    """About CONTEXT characters either side of the error, the expression in brackets."""
    text, start, end = err.doc.text, err.start, err.end
    left = text[max(0, start - CONTEXT) : start]
    right = text[end : end + CONTEXT]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def class_counts(errors: Sequence[Error]) -> list[tuple[str, int]]:
    """Error classes with their counts, most common first (ties by name)."""
    counts = Counter(e.key for e in errors)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _examples(errs: Sequence[Error], per_class: int) -> list[tuple[int, Error]]:
    """One example per distinct surface form, most frequent form first: (count, error)."""
    forms: dict[str, list[Error]] = {}
    for e in sorted(errs, key=lambda e: (e.doc.id, e.start, e.end)):
        span = e.gold if e.gold is not None else e.system
        assert span is not None
        forms.setdefault(" ".join(_words(span.text).split()), []).append(e)
    ranked = sorted(forms.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [(len(group), group[0]) for _, group in ranked[: per_class or None]]


def format_errors(errors: Sequence[Error], kind: str, limit: int, per_class: int) -> str:
    """One error section: class summary, then examples grouped by class.

    Within a class, errors with the same (lower-cased) text are shown once, with their
    count in column ``n``; ``per_class`` caps the rows of a class (0: no cap).
    """
    errs = [e for e in errors if e.kind == kind]
    classes = class_counts(errs)
    lines = [f"{kind}: {len(errs)} in {len(classes)} classes"]
    if not errs:
        return lines[0]
    top = classes[:12]
    lines += [f"  {n:5d}  {key}" for key, n in top]
    if len(classes) > len(top):
        lines.append(f"  ... {len(classes) - len(top)} more classes")
    by_class: dict[str, list[Error]] = {}
    for e in errs:
        by_class.setdefault(e.key, []).append(e)
    rows: list[list[object]] = []
    group_starts: dict[int, str] = {}
    for key, n in classes:
        if len(rows) >= limit:
            break
        group_starts[len(rows)] = f"  [{n}] {key}"
        for count, e in _examples(by_class[key], per_class)[: limit - len(rows)]:
            gold, ours = _describe(e.gold, 48), _describe(e.system, 56)
            rows.append([count, e.doc.id, gold, ours, _context(e)])
    headers = ["n", "doc", "gold", "ours", "context"]
    table = common.format_table(headers, rows, "r").splitlines()
    lines.append(
        f"  examples ({len(rows)} rows, n = errors of the class with that text, digits as 9):"
    )
    lines.append("    " + table[0])
    for i, line in enumerate(table[1:]):
        if i in group_starts:
            lines.append(group_starts[i])
        lines.append("    " + line)
    return "\n".join(lines)


# --------------------------------------------------------------------------- report


def _cell(percent: float, denominator: int = 1) -> str:
    """A percentage with one decimal, or ``-`` when its denominator is 0 (undefined)."""
    return f"{percent:.1f}" if denominator else "-"


def format_scores(rows: Sequence[tuple[str, Scores]]) -> str:
    """The main results table."""
    headers = [
        "subset",
        "gold",
        "sys",
        "S-P",
        "S-R",
        "S-F1",
        "R-P",
        "R-R",
        "R-F1",
        "type-F1",
        "value-F1",
        "type-acc",
        "value-acc",
    ]
    body = [
        [
            name,
            s.gold,
            s.system,
            _cell(s.strict_p, s.system),
            _cell(s.strict_r, s.gold),
            _cell(s.strict_f1),
            _cell(s.relaxed_p, s.system),
            _cell(s.relaxed_r, s.gold),
            _cell(s.relaxed_f1),
            _cell(s.type_f1),
            _cell(s.value_f1),
            _cell(s.type_acc, s.matched),
            _cell(s.value_acc, s.matched),
        ]
        for name, s in rows
    ]
    legend = (
        "S = strict (identical span), R = relaxed (overlap); "
        "acc over relaxed matches; attribute F1 = acc x R-F1; - = undefined (0/0)"
    )
    return common.format_table(headers, body, "lrr" + "r" * 10) + "\n" + legend


def format_per_type(per_type: dict[str, Scores]) -> str:
    """Counts, recall, precision and accuracies for each TIMEX3 type."""
    headers = ["type", "gold", "sys", "strict-R", "relaxed-R", "relaxed-P", "type-acc", "value-acc"]
    body = [
        [
            t,
            s.gold,
            s.system,
            _cell(s.strict_r, s.gold),
            _cell(s.relaxed_r, s.gold),
            _cell(s.relaxed_p, s.system),
            _cell(s.type_acc, s.matched),
            _cell(s.value_acc, s.matched),
        ]
        for t, s in per_type.items()
    ]
    return common.format_table(headers, body, "lrrrrrrr")


def pooled_heideltime(results: Sequence[SetResult]) -> float | None:
    """HeidelTime's value F1 over the sets: the mean of its per-set figures weighted by the
    sets' gold timexes (None when a set has no HeidelTime figure)."""
    figures = [HEIDELTIME_VALUE_F1.get(r.data.name) for r in results]
    weights = [r.overall.gold for r in results]
    if None in figures or not sum(weights):
        return None
    return sum(f * w for f, w in zip(figures, weights, strict=True)) / sum(weights)


def format_side_by_side(results: Sequence[SetResult]) -> str:
    """One row per set and a pooled one: the figures to compare across sets."""
    rows: list[tuple[str, Scores, Scores, float | None]] = [
        (r.data.name, r.overall, r.date_time, HEIDELTIME_VALUE_F1.get(r.data.name)) for r in results
    ]
    if len(results) > 1:
        rows.append(
            (
                "pooled",
                pool(r.overall for r in results),
                pool(r.date_time for r in results),
                pooled_heideltime(results),
            )
        )
    headers = [
        "set",
        "gold",
        "sys",
        "S-F1",
        "R-P",
        "R-R",
        "R-F1",
        "type-F1",
        "value-F1",
        "value-F1 D+T",
        "HeidelTime",
        "vs HT",
    ]
    body = [
        [
            name,
            s.gold,
            s.system,
            _cell(s.strict_f1),
            _cell(s.relaxed_p, s.system),
            _cell(s.relaxed_r, s.gold),
            _cell(s.relaxed_f1),
            _cell(s.type_f1),
            _cell(s.value_f1),
            _cell(dt.value_f1),
            "-" if ht is None else f"{ht:.1f}",
            "-" if ht is None else f"{s.value_f1 - ht:+.1f}",
        ]
        for name, s, dt, ht in rows
    ]
    notes = [
        "S = strict, R = relaxed; value-F1 all types unless D+T (DATE+TIME); "
        "HeidelTime = its value F1 (all types), vs HT = value-F1 - HeidelTime",
    ]
    if len(results) > 1:
        notes.append(
            "pooled: counts summed over the sets, then scored (not a mean of F1s); its "
            "HeidelTime figure is the gold-weighted mean of the per-set ones"
        )
    notes.append(
        "HeidelTime figures: ../shared/data/README.md (TimeBank, AQUAINT) and issue 11 "
        "(MEANTIME-airbus), on the whole sets"
    )
    return "\n".join([common.format_table(headers, body, "l" + "r" * 11), *notes])


def throughput(docs: Sequence[Doc], seconds: float) -> dict[str, float]:
    """Documents and characters per second."""
    chars = sum(len(d.text) for d in docs)
    return {
        "seconds": round(seconds, 4),
        "docs_per_s": round(len(docs) / seconds, 2) if seconds > 0 else 0.0,
        "chars_per_s": round(chars / seconds, 0) if seconds > 0 else 0.0,
    }


def _rate(figures: dict[str, float]) -> str:
    """``1.234 s (148.3 docs/s, 458,000 chars/s)``."""
    return (
        f"{figures['seconds']:.3f} s ({figures['docs_per_s']:,.1f} docs/s, "
        f"{figures['chars_per_s']:,.0f} chars/s)"
    )


# --------------------------------------------------------------------------- cross-check


@dataclass(frozen=True, slots=True)
class Tunable:
    """A numeric constant of the tagger, ``"<module>.<NAME>"``, and its grid: the shipped
    value times each factor and plus each step (ints rounded, negatives dropped)."""

    name: str
    factors: tuple[float, ...] = (0.5, 0.75, 1.25, 1.5)
    steps: tuple[float, ...] = ()

    def grid(self, shipped: float) -> tuple[float, ...]:
        raw = [shipped * f for f in self.factors] + [shipped + s for s in self.steps]
        if isinstance(shipped, int):
            raw = [round(v) for v in raw]
        return tuple(sorted({v for v in raw if v >= 0 and v != shipped}))


# The constants the cross-check tunes, one line each. A name that no longer exists in its
# module is skipped with a note.
TUNABLES = (
    Tunable("timeline.resolve.anchor.CONTRARY_TENSE_DAYS"),
    Tunable("timeline.resolve.anchor.UNKNOWN_TENSE_FUTURE_DAYS"),
    Tunable("timeline.resolve.tense.COMMA_PENALTY"),
    Tunable("timeline.resolve.tense._TENSE_WINDOW"),
    Tunable("timeline.resolve.tagger.NEWS_DAY_MAX_DAYS", factors=(), steps=(-2, -1, 1, 2)),
    Tunable("timeline.resolve.tagger._REPORT_MAX_DAYS"),
)
GRAMMAR_MODULE = "timeline.resolve.grammar"  # its grammar("en").rules: the rule switches
CROSS_CHECK_MARGIN = 0.1  # points of training value F1 a change must gain to be kept
CROSS_CHECK_ROUNDS = 2

DocKey = tuple[str, str]  # (set name, document id)


@dataclass(frozen=True, slots=True)
class Knob:
    """A tunable found in its module."""

    name: str  # dotted
    module: ModuleType
    attr: str
    shipped: float
    grid: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Settings:
    """Departures from the shipped tagger: constants set otherwise, rules switched off."""

    constants: tuple[tuple[str, float], ...] = ()  # (dotted name, value), sorted
    disabled: frozenset[str] = frozenset()

    def value(self, knob: Knob) -> float:
        return dict(self.constants).get(knob.name, knob.shipped)

    def with_value(self, knob: Knob, value: float) -> Settings:
        constants = dict(self.constants)
        constants.pop(knob.name, None)
        if value != knob.shipped:
            constants[knob.name] = value
        return replace(self, constants=tuple(sorted(constants.items())))

    def toggled(self, rule: str) -> Settings:
        return replace(self, disabled=self.disabled ^ {rule})

    def describe(self, knobs: Sequence[Knob]) -> str:
        """``CONTRARY_TENSE_DAYS 270->202, rules off: month`` or ``nothing``."""
        constants = dict(self.constants)
        parts = [f"{k.attr} {k.shipped}->{constants[k.name]}" for k in knobs if k.name in constants]
        if self.disabled:
            parts.append("rules off: " + " ".join(sorted(self.disabled)))
        return ", ".join(parts) or "nothing"

    def as_json(self) -> dict[str, Any]:
        return {"constants": dict(self.constants), "rules_off": sorted(self.disabled)}


def find_knobs(tunables: Sequence[Tunable]) -> tuple[list[Knob], list[str]]:
    """The tunables that exist (numeric module attributes), and notes on the others."""
    knobs, notes = [], []
    for t in tunables:
        module_name, _, attr = t.name.rpartition(".")
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            notes.append(f"{t.name}: no module {module_name}, skipped")
            continue
        shipped = getattr(module, attr, None)
        if shipped is None:
            notes.append(f"{t.name}: no longer exists, skipped")
            continue
        if isinstance(shipped, bool) or not isinstance(shipped, int | float):
            notes.append(f"{t.name}: not a number ({common.clip(repr(shipped), 40)}), skipped")
            continue
        package = module_name.split(".")[0] + "."
        copies = [
            n
            for n, m in sorted(sys.modules.items())
            if n.startswith(package) and m is not module and attr in getattr(m, "__dict__", {})
        ]
        if copies:
            notes.append(
                f"{t.name}: also bound in {', '.join(copies)} (a from-import copy, "
                "which setting it on its module does not reach)"
            )
        knobs.append(Knob(t.name, module, attr, shipped, t.grid(shipped)))
    return knobs, notes


def _recording(rule: Any, fired: set[str]) -> Any:
    """``rule`` with a handler that adds the rule's name to ``fired`` when it proposes."""
    handler, name = rule.handler, rule.name

    def handle(*args: Any, **kwargs: Any) -> Any:
        reading = handler(*args, **kwargs)
        if reading is not None:
            fired.add(name)
        return reading

    return replace(rule, handler=handle)


@dataclass
class Tuning:
    """The result of tuning on some documents."""

    trained_on: tuple[str, ...]
    settings: Settings
    shipped_f1: float  # training pooled value F1 with the shipped settings
    tuned_f1: float
    steps: list[str] = field(default_factory=list)  # accepted changes, in order
    tried: int = 0  # settings evaluated
    rules_firing: int = 0  # rules that propose something in the training documents


class CrossCheck:
    """Tunes the tagger's settings on some sets and scores others with them."""

    def __init__(
        self, tag: Callable[..., Any], sets: Sequence[DataSet], fail_fast: bool = False
    ) -> None:
        self.tag = tag
        self.fail_fast = fail_fast
        self.docs: dict[DocKey, Doc] = {(s.name, d.id): d for s in sets for d in s.docs}
        self.keys_of = {s.name: [(s.name, d.id) for d in s.docs] for s in sets}
        self.knobs, self.notes = find_knobs(TUNABLES)
        self.grammar: Any = None
        self.shipped_rules: Any = None  # the grammar's own list, put back after each use
        self.rules: list[Any] = []
        try:
            self.grammar = importlib.import_module(GRAMMAR_MODULE).grammar("en")
            self.shipped_rules = self.grammar.rules
            self.rules = list(self.shipped_rules)
            _recording(self.rules[0], set())  # rules are dataclasses with name and handler
        except (ImportError, AttributeError, TypeError, IndexError) as exc:
            self.grammar, self.rules = None, []
            self.notes.append(f"rule switches skipped: no {GRAMMAR_MODULE}.grammar rules ({exc})")
        self.cache: dict[tuple[DocKey, tuple, frozenset[str]], Scores] = {}
        self.fires: dict[tuple[tuple, DocKey], frozenset[str]] = {}
        self.taggings = 0
        self.failures = 0

    @contextlib.contextmanager
    def applied(self, settings: Settings, fired: set[str] | None = None) -> Iterator[None]:
        """The tagger with ``settings``; with ``fired``, rules record when they propose."""
        try:
            for knob in self.knobs:
                setattr(knob.module, knob.attr, settings.value(knob))
            if self.grammar is not None:
                rules = [r for r in self.rules if r.name not in settings.disabled]
                if fired is not None:
                    rules = [_recording(r, fired) for r in rules]
                self.grammar.rules = rules
            yield
        finally:
            for knob in self.knobs:
                setattr(knob.module, knob.attr, knob.shipped)
            if self.grammar is not None:
                self.grammar.rules = self.shipped_rules

    def _score_doc(self, key: DocKey) -> Scores:
        """Tag one document with the settings in force and score it."""
        doc = self.docs[key]
        self.taggings += 1
        try:
            out = [_to_span(t) for t in self.tag(doc.text, doc.dct)]
        except Exception:
            if self.fail_fast:
                raise
            self.failures += 1
            out = []
        return score([doc], {doc.id: out}, {doc.id: align(doc.gold, out)})

    def _probe(self, constants: tuple, keys: Sequence[DocKey]) -> None:
        """Which rules propose something in each document, all rules on, ``constants`` set."""
        todo = [k for k in keys if (constants, k) not in self.fires]
        if not todo:
            return
        fired: set[str] = set()
        with self.applied(Settings(constants), fired):
            for key in todo:
                fired.clear()
                scores = self._score_doc(key)
                self.fires[constants, key] = frozenset(fired)
                self.cache[key, constants, frozenset()] = scores

    def scores(self, settings: Settings, keys: Sequence[DocKey]) -> Scores:
        """Pooled scores of ``keys`` with ``settings``, from the cache where it can be.

        A rule that proposes nothing in a document cannot change its output when
        switched off, so the cache key holds only the switched-off rules that fire there.
        """
        constants = settings.constants
        self._probe(constants, keys)
        cache_keys = [
            (key, constants, settings.disabled & self.fires[constants, key]) for key in keys
        ]
        todo = [ck for ck in cache_keys if ck not in self.cache]
        if todo:
            with self.applied(settings):
                for ck in todo:
                    self.cache[ck] = self._score_doc(ck[0])
        return pool(self.cache[ck] for ck in cache_keys)

    def fresh(self, settings: Settings, keys: Sequence[DocKey]) -> Scores:
        """Pooled scores of ``keys`` with ``settings``, tagging every document anew."""
        with self.applied(settings):
            return pool([self._score_doc(key) for key in keys])

    def keys(self, names: Iterable[str]) -> list[DocKey]:
        return [k for n in names for k in self.keys_of[n]]

    def holds(self, candidate: Settings, current: Settings, names: Sequence[str]) -> bool:
        """Does ``candidate`` lose nothing on any of the sets ``names`` against ``current``?
        A change is kept only when it holds on every training set, not just on their pool."""
        return all(
            self.scores(candidate, self.keys_of[n]).value_f1
            >= self.scores(current, self.keys_of[n]).value_f1
            for n in names
        )

    def tune(self, names: Sequence[str]) -> Tuning:
        """Greedy coordinate ascent on the pooled value F1 of the sets ``names``; a change
        must gain more than the margin on the pool and lose nothing on any one set."""
        keys = self.keys(names)
        settings = Settings()
        best = shipped = self.scores(settings, keys).value_f1
        tuning = Tuning(tuple(names), settings, shipped, shipped)
        for _ in range(CROSS_CHECK_ROUNDS):
            changed = False
            for knob in self.knobs:
                current = settings.value(knob)
                grid = [v for v in sorted({*knob.grid, knob.shipped}) if v != current]
                tried = [
                    (self.scores(settings.with_value(knob, v), keys).value_f1, v) for v in grid
                ]
                tuning.tried += len(tried)
                if not tried:
                    continue
                f1, value = max(tried, key=lambda fv: fv[0])  # first of equals: smallest value
                moved = settings.with_value(knob, value)
                if f1 > best + CROSS_CHECK_MARGIN and self.holds(moved, settings, names):
                    settings, best, changed = settings.with_value(knob, value), f1, True
                    tuning.steps.append(f"{knob.attr} {current}->{value} ({f1:.2f})")
            fired = set().union(*(self.fires[settings.constants, k] for k in keys))
            tuning.rules_firing = max(tuning.rules_firing, len(fired))
            for rule in self.rules:
                if rule.name not in fired and rule.name not in settings.disabled:
                    continue
                candidate = settings.toggled(rule.name)
                f1 = self.scores(candidate, keys).value_f1
                tuning.tried += 1
                if f1 > best + CROSS_CHECK_MARGIN and self.holds(candidate, settings, names):
                    settings, best, changed = candidate, f1, True
                    state = "off" if rule.name in settings.disabled else "on"
                    tuning.steps.append(f"rule {rule.name} {state} ({f1:.2f})")
            if not changed:
                break
        tuning.settings, tuning.tuned_f1 = settings, best
        return tuning


def cross_check(
    tag: Callable[..., Any], results: Sequence[SetResult], fail_fast: bool = False
) -> dict[str, Any]:
    """Leave-one-set-out tuning and held-out scores (and in-sample tuning, for contrast)."""
    t0 = time.perf_counter()
    sets = [r.data for r in results]
    names = [s.name for s in sets]
    xc = CrossCheck(tag, sets, fail_fast)
    warnings = []
    folds = []
    held_out_scores = []
    for result in results if len(results) > 1 else ():
        name = result.data.name
        tuning = xc.tune([n for n in names if n != name])
        train_keys = xc.keys(tuning.trained_on)
        if xc.fresh(tuning.settings, train_keys) != xc.scores(tuning.settings, train_keys):
            warnings.append(f"cached and fresh training scores differ for fold {name}")
        held = xc.fresh(tuning.settings, xc.keys([name]))
        held_out_scores.append(held)
        folds.append(
            {
                "held_out": name,
                "trained_on": list(tuning.trained_on),
                "shipped_value_f1": result.overall.value_f1,
                "held_out_value_f1": held.value_f1,
                "heideltime_value_f1": HEIDELTIME_VALUE_F1.get(name),
                "train_value_f1_shipped": tuning.shipped_f1,
                "train_value_f1_tuned": tuning.tuned_f1,
                "changed": tuning.settings.describe(xc.knobs),
                "settings": tuning.settings.as_json(),
                "steps": tuning.steps,
                "settings_tried": tuning.tried,
                "rules_firing": tuning.rules_firing,
                "held_out_scores": held.as_json(),
            }
        )
    in_sample = xc.tune(names)
    all_keys = xc.keys(names)
    in_sample_scores = xc.fresh(in_sample.settings, all_keys)
    if in_sample_scores != xc.scores(in_sample.settings, all_keys):
        warnings.append("cached and fresh in-sample scores differ")
    pooled_held = pool(held_out_scores)
    return {
        "protocol": "leave one set out: tune on the other sets (greedy coordinate ascent on "
        "their pooled value F1), score the held-out set",
        "margin": CROSS_CHECK_MARGIN,
        "rounds": CROSS_CHECK_ROUNDS,
        "tunables": {k.name: {"shipped": k.shipped, "grid": list(k.grid)} for k in xc.knobs},
        "rules": len(xc.rules),
        "notes": xc.notes,
        "folds": folds,
        "pooled_held_out_value_f1": pooled_held.value_f1 if len(results) > 1 else None,
        "pooled_shipped_value_f1": pool(r.overall for r in results).value_f1,
        "in_sample": {
            "trained_on": names,
            "shipped_value_f1": in_sample.shipped_f1,
            "tuned_value_f1": in_sample.tuned_f1,
            "changed": in_sample.settings.describe(xc.knobs),
            "settings": in_sample.settings.as_json(),
            "steps": in_sample.steps,
            "settings_tried": in_sample.tried,
            "rules_firing": in_sample.rules_firing,
        },
        "taggings": xc.taggings,
        "tagger_failures": xc.failures,
        "warnings": warnings,
        "seconds": round(time.perf_counter() - t0, 2),
    }


def _signed(x: float | None) -> str:
    return "-" if x is None else f"{x:+.1f}"


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.1f}"


def format_cross_check(xc: dict[str, Any], results: Sequence[SetResult]) -> str:
    """The honest-estimate section."""
    lines = [
        "honest estimate: leave-one-set-out cross-check (value F1, all types, of each set "
        "with the settings tuned on the other sets)"
    ]
    if xc["folds"]:
        rows: list[list[object]] = []
        for f in xc["folds"]:
            ht = f["heideltime_value_f1"]
            held = f["held_out_value_f1"]
            rows.append(
                [
                    f["held_out"],
                    _num(held),
                    _num(ht),
                    _signed(None if ht is None else held - ht),
                    _num(f["shipped_value_f1"]),
                    _signed(held - f["shipped_value_f1"]),
                ]
            )
        ht_pooled = pooled_heideltime(results)
        held = xc["pooled_held_out_value_f1"]
        shipped = xc["pooled_shipped_value_f1"]
        rows.append(
            [
                "pooled",
                _num(held),
                _num(ht_pooled),
                _signed(None if ht_pooled is None else held - ht_pooled),
                _num(shipped),
                _signed(held - shipped),
            ]
        )
        headers = ["held out", "held-out F1", "HeidelTime", "vs HT", "shipped F1", "vs shipped"]
        lines += ["  " + line for line in common.format_table(headers, rows, "lrrrrr").splitlines()]
        lines.append(
            "  held-out F1 = settings tuned on the other sets; shipped F1 = the shipped "
            "settings, tuned with this set in view; pooled = held-out counts summed"
        )
        lines.append("  what the tuning changed (training pooled value F1, shipped -> tuned):")
        for f in xc["folds"]:
            lines.append(
                f"    {f['held_out']} held out, tuned on {' + '.join(f['trained_on'])} "
                f"({f['train_value_f1_shipped']:.1f} -> {f['train_value_f1_tuned']:.1f}): "
                f"{f['changed']}"
            )
    else:
        lines.append("  one set only: nothing to hold out (in-sample tuning below)")
    ins = xc["in_sample"]
    lines.append(
        f"    in-sample, for contrast, not an estimate: tuned on {' + '.join(ins['trained_on'])} "
        f"and scored on them ({ins['shipped_value_f1']:.1f} -> {ins['tuned_value_f1']:.1f}): "
        f"{ins['changed']}"
    )
    if xc["folds"]:
        lines.append(
            "  NB: the rules were written with all three sets in view, so even the held-out "
            "figures are optimistic."
        )
    knobs = ", ".join(
        f"{name.rpartition('.')[2]} {k['shipped']}" for name, k in xc["tunables"].items()
    )
    firing = "/".join(str(f["rules_firing"]) for f in xc["folds"]) or ins["rules_firing"]
    lines.append(
        f"  tunables: {knobs} (grids of {sum(len(k['grid']) for k in xc['tunables'].values())} "
        f"values); rule switches: {firing} of {xc['rules']} rules fire in the training sets; "
        f"margin {xc['margin']} point; at most {xc['rounds']} rounds"
    )
    lines += [f"  note: {n}" for n in xc["notes"]]
    lines += [f"  WARNING: {w}" for w in xc["warnings"]]
    if xc["tagger_failures"]:
        lines.append(f"  WARNING: the tagger raised {xc['tagger_failures']} times (scored empty)")
    lines.append(
        f"  cross-check wall time {xc['seconds']:.1f} s ({xc['taggings']:,} documents tagged)"
    )
    return "\n".join(lines)


# --------------------------------------------------------------------------- CLI timing


def _findable(module: str) -> bool:
    """Whether ``module`` can be imported (without importing it, its parents aside)."""
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


def find_cli() -> tuple[list[str], dict[str, str]] | None:
    """Command (and environment) running ``timeline`` with this interpreter's venv, if any.

    The ``timeline`` console script next to ``sys.executable``, else ``python -m timeline``
    (from ``<repo>/src`` via PYTHONPATH when the package is not installed).
    """
    script = Path(sys.executable).parent / ("timeline.exe" if os.name == "nt" else "timeline")
    if script.is_file():
        return [str(script)], dict(os.environ)
    src = str(common.REPO_ROOT / "src")
    added = src not in sys.path and not _findable("timeline.__main__")
    if added:
        sys.path.append(src)
    try:
        found = _findable("timeline.__main__")
    finally:
        if added:
            sys.path.remove(src)
    if not found:
        return None
    env = dict(os.environ)
    if added or src in sys.path:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    return [sys.executable, "-m", "timeline"], env


class CliError(RuntimeError):
    """The ``timeline`` command failed."""


def _run_cli(cmd: list[str], env: dict[str, str], path: Path) -> tuple[float, str]:
    """Run ``<cmd> tag --jsonl path``; return (wall seconds, stdout)."""
    t0 = time.perf_counter()
    proc = subprocess.run(
        [*cmd, "tag", "--jsonl", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = " | ".join(proc.stderr.strip().splitlines()[-3:])
        raise CliError(f"exit {proc.returncode}: {tail}")
    return seconds, proc.stdout


def _parse_cli(stdout: str) -> dict[str, list[tuple[int, int, str, str]]]:
    """``id -> [(start, end, type, value)]`` from the JSON lines of ``timeline tag``."""
    out = {}
    for line in stdout.splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            out[str(record["id"])] = [
                (int(t["start"]), int(t["end"]), str(t["type"]), str(t["value"]))
                for t in record.get("timexes", [])
            ]
    return out


def _key(span: Span) -> tuple[int, int, str, str]:
    """What the CLI output is compared on."""
    return span.start, span.end, span.type, span.value


def time_cli(
    cmd: list[str],
    env: dict[str, str],
    items: Sequence[tuple[str, Doc]],
    outputs: dict[str, list[Span]],
) -> dict[str, Any]:
    """Time ``timeline tag --jsonl`` on all docs and on one (start-up), compare outputs.

    ``items`` are (record id, document) pairs; ``outputs`` the in-process output by record id.
    """
    docs = [d for _, d in items]
    with tempfile.TemporaryDirectory(prefix="tempeval-") as tmp:
        all_path, one_path = Path(tmp, "all.jsonl"), Path(tmp, "one.jsonl")
        records = [
            json.dumps({"id": key, "text": d.text, "dct": d.dct.isoformat()}, ensure_ascii=False)
            for key, d in items
        ]
        all_path.write_text("\n".join(records) + "\n", encoding="utf-8")
        one_path.write_text(records[0] + "\n", encoding="utf-8")
        one_first, _ = _run_cli(cmd, env, one_path)
        full, stdout = _run_cli(cmd, env, all_path)
        one_again, _ = _run_cli(cmd, env, one_path)
    startup = min(one_first, one_again)
    got = _parse_cli(stdout)
    same = sum(
        key in got and sorted(got[key]) == sorted(_key(s) for s in outputs[key]) for key, _ in items
    )
    return {
        "command": " ".join([*cmd, "tag", "--jsonl"]),
        "raw": throughput(docs, full),
        "startup_seconds": round(startup, 4),
        "excluding_startup": throughput(docs, full - startup),
        "records": len(got),
        "identical_to_in_process": same,
    }


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(
        prog="tempeval.py",
        description="TempEval-3-style benchmark of the tagger on TimeBank, AQUAINT and "
        "MEANTIME-airbus, with a leave-one-set-out cross-check.",
    )
    parser.add_argument(
        "--set",
        action="append",
        choices=SETS,
        default=[],
        metavar="NAME",
        help=f"only this development set (repeatable; {'|'.join(SETS)}; default: all)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="one folder of TimeML .tml files instead of the development sets "
        "(named after the folder)",
    )
    parser.add_argument(
        "--system",
        choices=["timeline", *FAKE_SYSTEMS],
        default="timeline",
        help="tagger to score; gold/shifted/noisy/empty are fakes that check "
        "the scorer (gold must give 100 everywhere)",
    )
    parser.add_argument(
        "--doc",
        action="append",
        metavar="GLOB",
        default=[],
        help="only documents whose id matches GLOB (repeatable)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="only the side-by-side table: no cross-check, per-set tables, errors or timing",
    )
    parser.add_argument(
        "--cross-check",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="leave-one-set-out tuning, the honest estimate (default: on for --system "
        "timeline, off for the fakes and with --quick)",
    )
    parser.add_argument(
        "--errors",
        type=int,
        default=60,
        metavar="N",
        help="example rows per error kind and set (0: no error tables; default 60)",
    )
    parser.add_argument(
        "--per-class",
        type=int,
        default=5,
        metavar="K",
        help="at most K example rows per error class (0: no cap; default 5)",
    )
    parser.add_argument(
        "--error-kind",
        choices=[*ERROR_KINDS, "all"],
        default="all",
        help="which errors to list (default all)",
    )
    parser.add_argument(
        "--cli",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also time `timeline tag --jsonl` (default: on for --system "
        "timeline when the command is available)",
    )
    parser.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop with a traceback at the first document the tagger raises on "
        "(default: report it and score the document as empty)",
    )
    parser.add_argument(
        "--no-timing",
        action="store_true",
        help="omit the throughput section (fully deterministic output, the "
        "cross-check's wall time aside)",
    )
    parser.add_argument(
        "--json", type=Path, default=None, metavar="PATH", help="write the figures as JSON to PATH"
    )
    args = parser.parse_args(argv)
    if args.data is not None and args.set:
        parser.error("--data and --set exclude each other")
    return args


def select_files(data: Path, globs: Sequence[str]) -> list[Path]:
    """The ``.tml`` files of ``data``, sorted, filtered by document-id globs."""
    files = sorted(data.glob("*.tml"))
    if globs:
        files = [f for f in files if any(fnmatch.fnmatchcase(f.stem, g) for g in globs)]
    return files


def load_sets(args: argparse.Namespace) -> list[DataSet]:
    """The selected sets that are present (a message for each one that is not)."""
    if args.data is not None:
        folders = [(args.data.resolve().name, args.data)]
    else:
        names = list(dict.fromkeys(args.set)) or list(SETS)
        folders = [(n, common.data_dir("tempeval", n)) for n in names]
    sets = []
    for name, path in folders:
        where = common.display_path(path)
        if not path.is_dir():
            print(f"{NAME}: set {name} skipped, no data at {where} (see ../shared/data/README.md)")
            continue
        files = select_files(path, args.doc)
        if not files:
            what = "matching --doc " if args.doc else ""
            print(f"{NAME}: set {name} skipped, no .tml documents {what}at {where}")
            continue
        sets.append(DataSet(name, path, load_corpus(files)))
    if not sets:
        common.skip(NAME, "no TempEval data (see ../shared/data/README.md)")
    return sets


def evaluate_set(data: DataSet, tagger: Tagger, fail_fast: bool) -> SetResult:
    """Tag and score one set (warnings printed)."""
    run = run_system(tagger, data.docs, fail_fast)
    spans = report_problems(data.name, data.docs, run)
    docs, outputs = data.docs, run.outputs
    alignments = {d.id: align(d.gold, outputs[d.id]) for d in docs}
    return SetResult(
        data=data,
        run=run,
        alignments=alignments,
        overall=score(docs, outputs, alignments),
        date_time=score(docs, outputs, alignments, DATE_TIME),
        per_type={t: score(docs, outputs, alignments, frozenset({t})) for t in TYPES},
        errors=collect_errors(docs, outputs, alignments),
        bad_spans=spans,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the exit status."""
    args = parse_args(argv)
    sets = load_sets(args)
    if args.quick:
        print(
            f"{NAME} --quick, system {args.system}: side-by-side table only "
            "(no cross-check, per-set tables, errors or timing)"
        )
    else:
        for s in sets:
            n_gold = sum(len(d.gold) for d in s.docs)
            n_chars = sum(len(d.text) for d in s.docs)
            print(
                f"{NAME}: {s.name}: {len(s.docs)} docs, {n_gold:,} gold timexes (offsets "
                f"verified), {n_chars:,} chars, from {common.display_path(s.path)}"
            )
        print(f"system: {args.system}")

    tagger = timeline_system() if args.system == "timeline" else FAKE_SYSTEMS[args.system]
    results = [evaluate_set(s, tagger, args.fail_fast) for s in sets]

    want_cross = args.cross_check
    if want_cross is None:
        want_cross = args.system == "timeline" and not args.quick
    cross = None
    if want_cross and args.system != "timeline":
        print(f"\ncross-check: not run, it tunes the timeline tagger (not --system {args.system})")
    elif want_cross:
        print()
        cross = cross_check(_import_tag(), results, args.fail_fast)
        print(format_cross_check(cross, results))
    elif not args.quick:
        how = "python benchmarks/tempeval.py --cross-check"
        reason = "--no-cross-check" if args.cross_check is False else f"--system {args.system}"
        print(f"\ncross-check: skipped ({reason}); the honest held-out estimate: {how}")

    print()
    print(format_side_by_side(results))

    if not args.quick:
        for r in results:
            print()
            print(f"== {r.data.name} ({len(r.data.docs)} docs)")
            print(format_scores([("all", r.overall), ("DATE+TIME", r.date_time)]))
            print()
            print(format_per_type(r.per_type))
            error_counts = Counter(e.kind for e in r.errors)
            print()
            print(
                f"{r.data.name} errors: " + ", ".join(f"{k} {error_counts[k]}" for k in ERROR_KINDS)
            )
            if args.errors > 0:
                kinds = ERROR_KINDS if args.error_kind == "all" else (args.error_kind,)
                for kind in (k for k in kinds if error_counts[k]):
                    print()
                    print(format_errors(r.errors, kind, args.errors, args.per_class))

    pooled = pool(r.overall for r in results)
    figures: dict[str, Any] = {
        "benchmark": NAME,
        "system": args.system,
        "sets": {r.data.name: set_figures(r) for r in results},
        "pooled": {
            "docs": sum(len(r.data.docs) for r in results),
            "scores": {
                "all": pooled.as_json(),
                "date_time": pool(r.date_time for r in results).as_json(),
            },
            "heideltime_value_f1": _rounded(pooled_heideltime(results)),
        },
        "cross_check": _rounded(cross),
    }
    status = 0
    if not (args.no_timing or args.quick):
        status = report_timing(args, results, figures)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return status


def _rounded(obj: Any) -> Any:
    """``obj`` with every float rounded to 2 decimals, tuples as lists (for ``--json``)."""
    if isinstance(obj, float):
        return round(obj, 2)
    if isinstance(obj, dict):
        return {k: _rounded(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_rounded(v) for v in obj]
    return obj


def set_figures(r: SetResult) -> dict[str, Any]:
    """The ``--json`` figures of one set."""
    errors = r.errors
    return {
        "data": common.display_path(r.data.path),
        "docs": len(r.data.docs),
        "gold_timexes": sum(len(d.gold) for d in r.data.docs),
        "chars": sum(len(d.text) for d in r.data.docs),
        "scores": {"all": r.overall.as_json(), "date_time": r.date_time.as_json()},
        "per_type": {t: s.as_json() for t, s in r.per_type.items()},
        "heideltime_value_f1": HEIDELTIME_VALUE_F1.get(r.data.name),
        "errors": {k: sum(e.kind == k for e in errors) for k in ERROR_KINDS},
        "error_classes": {
            k: class_counts([e for e in errors if e.kind == k])[:20] for k in ERROR_KINDS
        },
        "tagger_failures": [list(f) for f in r.run.failures],
        "bad_spans": len(r.bad_spans),
    }


def report_problems(name: str, docs: Sequence[Doc], run: Run) -> list[str]:
    """Warn about tagger exceptions, inconsistent spans and unknown types; return bad spans."""
    if run.failures:
        print(
            f"WARNING: {name}: the tagger raised on {len(run.failures)} docs (scored as empty; "
            "--fail-fast for a traceback):"
        )
        for doc_id, message in run.failures[:5]:
            print(f"  {doc_id}: {common.clip(message, 150)}")
    spans = bad_spans(docs, run.outputs)
    if spans:
        print(
            f"WARNING: {name}: {len(spans)} system timexes whose offsets do not select their text:"
        )
        for problem in spans[:5]:
            print(f"  {common.clip(problem, 150)}")
    odd_types = Counter(s.type for out in run.outputs.values() for s in out if s.type not in TYPES)
    if odd_types:
        print(f"WARNING: {name}: system timex types outside {'/'.join(TYPES)}: {dict(odd_types)}")
    return spans


def report_timing(
    args: argparse.Namespace, results: Sequence[SetResult], figures: dict[str, Any]
) -> int:
    """Print (and store in ``figures``) in-process and CLI throughput over all sets pooled;
    return the exit status."""
    docs = [d for r in results for d in r.data.docs]
    seconds = sum(r.run.seconds for r in results)
    warmup = results[0].run.warmup_seconds
    in_process = throughput(docs, seconds)
    in_process["warmup_seconds"] = round(warmup, 4)
    figures["throughput"] = {"in_process": in_process, "cli": None}
    names = " + ".join(r.data.name for r in results)
    print()
    print(f"throughput over {names} (time.perf_counter; varies between runs)")
    print(
        f"  in-process tag, after 1 warm-up call ({warmup:.3f} s): "
        f"{len(docs)} docs in {_rate(in_process)}"
    )
    want_cli = args.cli if args.cli is not None else args.system == "timeline"
    if not want_cli:
        return 0
    found = find_cli()
    if found is None:
        if args.cli:
            print("  cli: no `timeline` command in this venv and no `python -m timeline`")
            return 1
        print("  cli: skipped, no `timeline` command in this venv")
        return 0
    cmd, env = found
    items = [(f"{r.data.name}/{d.id}", d) for r in results for d in r.data.docs]
    outputs = {f"{r.data.name}/{i}": out for r in results for i, out in r.run.outputs.items()}
    try:
        cli = time_cli(cmd, env, items, outputs)
    except (CliError, OSError, json.JSONDecodeError, KeyError) as exc:
        print(f"  cli: FAILED, {' '.join(cmd)} tag --jsonl: {exc}")
        return 1
    figures["throughput"]["cli"] = cli
    print(f"  cli `{cli['command']}`:")
    print(f"    raw, all docs:        {_rate(cli['raw'])}")
    print(f"    start-up (1 doc):     {cli['startup_seconds']:.3f} s")
    if cli["excluding_startup"]["seconds"] > 0:
        print(f"    excluding start-up:   {_rate(cli['excluding_startup'])}")
    else:
        print("    excluding start-up:   n/a (the 1-doc run took as long as the full run)")
    same = f"{cli['identical_to_in_process']}/{len(docs)} docs"
    if args.system != "timeline":
        same += f" (vs --system {args.system})"
    print(f"    output: {cli['records']} records; identical to in-process: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
