"""TempEval-3-style benchmark of the temporal tagger on TimeBank.

    python benchmarks/tempeval.py                  # score timeline.resolve.tag
    python benchmarks/tempeval.py --system gold    # sanity check: 100 everywhere
    python benchmarks/tempeval.py --error-kind missed --errors 100 --json out.json

Data: the TimeBank ``*.tml`` files of ``<repo root>/../shared/data/tempeval/timebank``
(``--data DIR`` to override). The text of a document is the content of ``<TEXT>`` with all
tags removed and entities unescaped; gold TIMEX3 offsets are character offsets into it
(checked twice at load time: against the element text and by an independent tag scanner).

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

Everything printed before the throughput section is deterministic for a given tagger.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import html
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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

try:
    from benchmarks import _common as common
except ImportError:  # run as a script: python benchmarks/tempeval.py
    import _common as common  # type: ignore[no-redef]

NAME = "tempeval"
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
    """One TimeBank document: de-tagged text, creation date and gold timexes."""

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
    cmd: list[str], env: dict[str, str], docs: Sequence[Doc], outputs: dict[str, list[Span]]
) -> dict[str, Any]:
    """Time ``timeline tag --jsonl`` on all docs and on one (start-up), compare outputs."""
    with tempfile.TemporaryDirectory(prefix="tempeval-") as tmp:
        all_path, one_path = Path(tmp, "all.jsonl"), Path(tmp, "one.jsonl")
        records = [
            json.dumps({"id": d.id, "text": d.text, "dct": d.dct.isoformat()}, ensure_ascii=False)
            for d in docs
        ]
        all_path.write_text("\n".join(records) + "\n", encoding="utf-8")
        one_path.write_text(records[0] + "\n", encoding="utf-8")
        one_first, _ = _run_cli(cmd, env, one_path)
        full, stdout = _run_cli(cmd, env, all_path)
        one_again, _ = _run_cli(cmd, env, one_path)
    startup = min(one_first, one_again)
    got = _parse_cli(stdout)
    same = sum(
        d.id in got and sorted(got[d.id]) == sorted(_key(s) for s in outputs[d.id]) for d in docs
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
        prog="tempeval.py", description="TempEval-3-style benchmark of the tagger on TimeBank."
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="folder of TimeBank .tml files (default: <repo>/../shared/data/tempeval/timebank)",
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
        "--errors",
        type=int,
        default=60,
        metavar="N",
        help="example rows per error kind (0: no error tables; default 60)",
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
        help="omit the throughput section (fully deterministic output)",
    )
    parser.add_argument(
        "--json", type=Path, default=None, metavar="PATH", help="write the figures as JSON to PATH"
    )
    return parser.parse_args(argv)


def select_files(data: Path, globs: Sequence[str]) -> list[Path]:
    """The ``.tml`` files of ``data``, sorted, filtered by document-id globs."""
    files = sorted(data.glob("*.tml"))
    if globs:
        files = [f for f in files if any(fnmatch.fnmatchcase(f.stem, g) for g in globs)]
    return files


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the exit status."""
    args = parse_args(argv)
    data = args.data if args.data is not None else common.data_dir("tempeval", "timebank")
    if not data.is_dir():
        common.skip(NAME, f"no TimeBank data at {data} (see ../shared/data/README.md)")
    files = select_files(data, args.doc)
    if not files:
        common.skip(NAME, f"no .tml documents at {data} (see ../shared/data/README.md)")
    docs = load_corpus(files)
    n_gold = sum(len(d.gold) for d in docs)
    n_chars = sum(len(d.text) for d in docs)
    print(
        f"{NAME}: {len(docs)} TimeBank docs, {n_gold:,} gold timexes (offsets verified), "
        f"{n_chars:,} chars, from {common.display_path(data)}"
    )
    print(f"system: {args.system}")

    tagger = timeline_system() if args.system == "timeline" else FAKE_SYSTEMS[args.system]
    run = run_system(tagger, docs, args.fail_fast)
    spans = report_problems(docs, run)

    alignments = {d.id: align(d.gold, run.outputs[d.id]) for d in docs}
    overall = score(docs, run.outputs, alignments)
    date_time = score(docs, run.outputs, alignments, DATE_TIME)
    per_type = {t: score(docs, run.outputs, alignments, frozenset({t})) for t in TYPES}
    print()
    print(format_scores([("all", overall), ("DATE+TIME", date_time)]))
    print()
    print(format_per_type(per_type))

    errors = collect_errors(docs, run.outputs, alignments)
    error_counts = Counter(e.kind for e in errors)
    print()
    print("errors: " + ", ".join(f"{k} {error_counts[k]}" for k in ERROR_KINDS))
    if args.errors > 0:
        kinds = ERROR_KINDS if args.error_kind == "all" else (args.error_kind,)
        for kind in (k for k in kinds if error_counts[k]):
            print()
            print(format_errors(errors, kind, args.errors, args.per_class))

    figures: dict[str, Any] = {
        "benchmark": NAME,
        "system": args.system,
        "data": common.display_path(data),
        "docs": len(docs),
        "gold_timexes": n_gold,
        "chars": n_chars,
        "scores": {"all": overall.as_json(), "date_time": date_time.as_json()},
        "per_type": {t: s.as_json() for t, s in per_type.items()},
        "errors": {k: error_counts[k] for k in ERROR_KINDS},
        "error_classes": {
            k: class_counts([e for e in errors if e.kind == k])[:20] for k in ERROR_KINDS
        },
        "tagger_failures": [list(f) for f in run.failures],
        "bad_spans": len(spans),
    }
    status = 0 if args.no_timing else report_timing(args, docs, run, figures)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return status


def report_problems(docs: Sequence[Doc], run: Run) -> list[str]:
    """Warn about tagger exceptions, inconsistent spans and unknown types; return bad spans."""
    if run.failures:
        print(
            f"WARNING: the tagger raised on {len(run.failures)} docs (scored as empty; "
            "--fail-fast for a traceback):"
        )
        for doc_id, message in run.failures[:5]:
            print(f"  {doc_id}: {common.clip(message, 150)}")
    spans = bad_spans(docs, run.outputs)
    if spans:
        print(f"WARNING: {len(spans)} system timexes whose offsets do not select their text:")
        for problem in spans[:5]:
            print(f"  {common.clip(problem, 150)}")
    odd_types = Counter(s.type for out in run.outputs.values() for s in out if s.type not in TYPES)
    if odd_types:
        print(f"WARNING: system timex types outside {'/'.join(TYPES)}: {dict(odd_types)}")
    return spans


def report_timing(
    args: argparse.Namespace, docs: Sequence[Doc], run: Run, figures: dict[str, Any]
) -> int:
    """Print (and store in ``figures``) in-process and CLI throughput; return exit status."""
    in_process = throughput(docs, run.seconds)
    in_process["warmup_seconds"] = round(run.warmup_seconds, 4)
    figures["throughput"] = {"in_process": in_process, "cli": None}
    print()
    print("throughput (time.perf_counter; varies between runs)")
    print(
        f"  in-process tag, after 1 warm-up call ({run.warmup_seconds:.3f} s): "
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
    try:
        cli = time_cli(cmd, env, docs, run.outputs)
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
