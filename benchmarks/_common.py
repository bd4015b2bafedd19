"""Shared helpers for the benchmarks: data location, skipping, plain-text tables."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


def data_dir(*parts: str) -> Path:
    """Default location of a corpus: ``<repo root>/../shared/data/<parts>``."""
    return SHARED_DATA.joinpath(*parts)


def display_path(path: Path) -> str:
    """``path`` relative to the repo root when that is shorter (stable across checkouts)."""
    absolute = path.resolve()
    try:
        relative = os.path.relpath(absolute, REPO_ROOT)
    except ValueError:  # another drive on Windows
        return str(absolute)
    return relative if len(relative) < len(str(absolute)) else str(absolute)


def skip(bench: str, reason: str) -> NoReturn:
    """Print ``<bench>: skipped, <reason>`` and exit 0 (missing data is not a failure)."""
    print(f"{bench}: skipped, {reason}")
    sys.exit(0)


def fail(bench: str, reason: str) -> NoReturn:
    """Print ``<bench>: error, <reason>`` on stderr and exit 1."""
    print(f"{bench}: error, {reason}", file=sys.stderr)
    sys.exit(1)


def pct(num: int, den: int) -> float:
    """``100 * num / den``, and 0.0 when ``den`` is 0."""
    return 100.0 * num / den if den else 0.0


def f1(p: float, r: float) -> float:
    """Harmonic mean of two percentages (0.0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]], align: str = "") -> str:
    """Render rows as a fixed-width table; ``align`` holds one 'l'/'r' per column (default l)."""
    cells = [[str(c) for c in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    aligns = align.ljust(len(headers), "l")
    lines = []
    for row in cells:
        parts = [
            c.rjust(w) if a == "r" else c.ljust(w)
            for c, w, a in zip(row, widths, aligns, strict=True)
        ]
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)


def clip(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."
