"""The command line, through click's CliRunner, and `python -m timeline`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import article, run, write


def test_build_prints_output_paths_and_problems(story: Path, tmp_path: Path) -> None:
    write(story, "a.md", article("2024-06-14", "Rates rose on Thursday.\n"))
    write(story, "broken.md", "---\ntitle: [\n---\nText")
    result = run("build", str(story), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "out" / "test-story.html") in result.stdout
    assert f"{story / 'broken.md'}: broken front matter" in result.stderr
    assert "1 article (1 new, 0 changed, 0 cached), 1 event, 1 skipped" in result.stderr


def test_build_errors_exit_1(tmp_path: Path, story: Path) -> None:
    result = run("build", str(tmp_path / "nope"))
    assert result.exit_code == 1 and "not found" in result.stderr
    write(story, "x.txt", "No date here.")
    result = run("build", str(story), "--out", str(tmp_path))
    assert result.exit_code == 1 and "no readable article" in result.stderr
    result = run("build", str(story), "--format", "pdf")
    assert result.exit_code == 2 and "unknown format" in result.stderr


def test_tag_file(tmp_path: Path) -> None:
    file = write(tmp_path, "a.txt", "Caf\u00e9 owners said Friday that sales fell in August.")
    result = run("tag", str(file), "--dct", "2025-10-10")
    assert result.exit_code == 0, result.output
    timexes = json.loads(result.stdout)
    text = file.read_text()
    assert [(t["text"], t["value"]) for t in timexes] == [
        ("Friday", "2025-10-10"),
        ("August", "2025-08"),
    ]
    for t in timexes:
        assert text[t["start"] : t["end"]] == t["text"]
    assert timexes[1]["interval"] == {"begin": "2025-08-01", "end": "2025-08-31"}
    assert timexes[1]["granularity"] == "month"


def test_tag_table_format(tmp_path: Path) -> None:
    file = write(tmp_path, "a.txt", "They met last week.")
    result = run("tag", str(file), "--dct", "2025-10-10", "--format", "table")
    assert result.exit_code == 0
    assert "last week" in result.stdout and "2025-W40" in result.stdout


def test_tag_requires_dct_and_reports_bad_files(tmp_path: Path) -> None:
    file = write(tmp_path, "a.txt", "Text.")
    assert run("tag", str(file)).exit_code == 2
    assert run("tag", str(file), "--dct", "yesterday").exit_code == 2
    binary = write(tmp_path, "b.bin", b"\x00\x01")
    result = run("tag", str(binary), "--dct", "2025-01-01")
    assert result.exit_code == 1 and "b.bin: binary file" in result.stderr


def test_tag_jsonl(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "It rained yesterday.", "dct": "2025-10-10"},
        {"id": 2, "text": "Nothing here.", "dct": "2025-10-10"},
        {"id": "bad", "text": "No date."},
    ]
    file = write(tmp_path, "in.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    result = run("tag", "--jsonl", str(file))
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", 2, "bad"]
    assert [t["value"] for t in lines[0]["timexes"]] == ["2025-10-09"]
    assert lines[1]["timexes"] == []
    assert "dct" in lines[2]["error"]
    assert result.exit_code == 1 and "in.jsonl:3" in result.stderr


def test_python_dash_m_and_api_agree(tmp_path: Path) -> None:
    file = write(tmp_path, "a.txt", "They met last week.")
    out = subprocess.run(
        [sys.executable, "-m", "timeline", "tag", str(file), "--dct", "2025-10-10"],
        capture_output=True,
        text=True,
        check=True,
    )
    from datetime import date

    from timeline import tag

    assert json.loads(out.stdout) == [
        t.to_dict() for t in tag(file.read_text(), date(2025, 10, 10))
    ]


def test_build_filter_options(story: Path, tmp_path: Path) -> None:
    write(story, "a.md", article("2024-06-14", "Rates rose on Thursday.\n\nStorms hit in May.\n"))
    result = run(
        "build",
        str(story),
        "--out",
        str(tmp_path),
        "--format",
        "json",
        "--since",
        "2024-06-01",
        "--min-sources",
        "1",
    )
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "test-story.json").read_text())
    assert [e["date"] for e in doc["events"]] == ["2024-06-13"]
    assert run("build", str(story), "--since", "June").exit_code == 2
    assert run("build", str(story), "--min-sources", "0").exit_code == 2
