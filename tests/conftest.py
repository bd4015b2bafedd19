"""Shared fixtures: story folders written into temporary directories."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_STORY = ROOT / "stories" / "ukrainian-children"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def article(date: str | None, body: str, **meta: str) -> str:
    """A Markdown article with YAML front matter."""
    fields = dict(meta)
    if date is not None:
        fields["date"] = date
    if not fields:
        return body
    lines = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\n{lines}---\n{body}"


def snapshot(folder: Path) -> dict[str, str]:
    """Content hash of every file below `folder`, to prove a build changed nothing."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "stories" / "test-story"
    folder.mkdir(parents=True)
    return folder
