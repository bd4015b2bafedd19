"""A story folder full of bad files still builds, reports each in one line, and is not
changed in any way."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import article, snapshot, write
from timeline.app.cli import main

GOOD = article("2025-03-04", "The council approved the budget on Monday.\n", source="Wire")

# file name -> (content, the reason its one-line message gives); None: read, no problem
BAD_FILES: dict[str, tuple[bytes | str, str]] = {
    "binary.txt": (b"\x00\x01\x02\x03PNG\x00" * 50, "binary file"),
    "image.md": (bytes(range(256)) * 8, "binary file"),
    "empty.md": ("", "empty file"),
    "blank.txt": ("  \n\n\t\n", "empty file"),
    "broken-front-matter.md": (
        "---\ntitle: [unclosed\ndate: 2025-03-01\n---\nText.",
        "front matter",
    ),
    "unterminated.md": ("---\ntitle: Never closed\ndate: 2025-03-01\nText.", ""),
    "impossible-date.md": (article("2025-02-30", "Text.\n"), "2025-02-30"),
    "future.md": (article("2999-01-01", "Text.\n"), "in the future"),
    "no-date.txt": ("Just some text without any date.", "no publication date"),
    "bad.json": ("{not json", "invalid JSON"),
    "notes.pdf": (b"%PDF-1.4 ...", "unsupported file type"),
}


@pytest.fixture
def bad_story(story: Path, tmp_path: Path) -> Path:
    write(story, "good.md", GOOD)
    write(
        story,
        "latin1.txt",
        "---\ndate: 2025-03-05\n---\nThe caf\xe9 reopened on Tuesday.".encode("cp1252"),
    )
    write(story, "bom.md", "\ufeff" + article("2025-03-06", "Schools closed on Wednesday.\n"))
    for name, (content, _) in BAD_FILES.items():
        write(story, name, content)
    with open(story / "huge.txt", "wb") as handle:  # 100 MB, sparse: cheap to make
        handle.truncate(100 * 1024 * 1024)
    secret = write(tmp_path, "outside.md", article("2025-03-01", "A secret outside the story.\n"))
    (story / "link-outside.md").symlink_to(secret)
    os.mkfifo(story / "pipe.md")  # reading a pipe would wait forever
    return story


def test_bad_files_are_named_with_their_reason_and_the_rest_builds(
    bad_story: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    before = snapshot_without_pipe(bad_story)
    result = CliRunner().invoke(main, ["build", str(bad_story), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.strip().splitlines()
    messages = {line.split(": ", 1)[0]: line for line in lines[:-1]}
    expected = {
        **{name: reason for name, (_, reason) in BAD_FILES.items()},
        "huge.txt": "file too large",
        "link-outside.md": "outside the story",
        "pipe.md": "not a regular file",
        "latin1.txt": "not UTF-8",
    }
    assert set(messages) == {str(bad_story / name) for name in expected}
    for name, reason in expected.items():
        assert reason in messages[str(bad_story / name)], messages[str(bad_story / name)]
    document = json.loads((out / "test-story.json").read_text(encoding="utf-8"))
    assert sorted(a["id"] for a in document["articles"]) == [
        "bom.md",
        "good.md",
        "latin1.txt",
    ]
    texts = " ".join(e["text"] for e in document["events"])
    assert "café reopened" in texts and "approved the budget" in texts
    assert "secret" not in (out / "test-story.html").read_text(encoding="utf-8")
    # the summary: 3 articles read, every bad file skipped (the latin-1 note skips nothing)
    assert lines[-1].startswith("3 articles (3 new, 0 changed, 0 cached)")
    assert f"{len(expected) - 1} skipped" in lines[-1]
    assert snapshot_without_pipe(bad_story) == before
    assert (bad_story / "pipe.md").exists() and (bad_story / "link-outside.md").is_symlink()


def test_second_build_of_a_bad_story_reports_the_same(bad_story: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = CliRunner().invoke(main, ["build", str(bad_story), "--out", str(out)])
    second = CliRunner().invoke(main, ["build", str(bad_story), "--out", str(out)])
    assert second.exit_code == 0
    assert first.stderr.splitlines()[:-1] == second.stderr.splitlines()[:-1]
    assert "(0 new, 0 changed, 3 cached)" in second.stderr


def snapshot_without_pipe(folder: Path) -> dict[str, str]:
    pipe = folder / "pipe.md"
    pipe.unlink()
    try:
        return snapshot(folder) | {"pipe.md": "fifo"}
    finally:
        os.mkfifo(pipe)
