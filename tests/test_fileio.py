"""Atomic writes (timeline.fileio): whole files or none, groups that land together."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import fileio


def test_a_new_file_and_a_replaced_one_are_whole(tmp_path: Path) -> None:
    target = tmp_path / "out" / "story.json"
    fileio.write_atomic(target, "first")
    fileio.write_atomic(target, "second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["story.json"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def test_a_group_lands_only_when_every_file_is_written(tmp_path: Path) -> None:
    one, two = tmp_path / "a.json", tmp_path / "b.html"
    fileio.write_atomic(one, "old a")
    fileio.write_atomic(two, "old b")
    with pytest.raises(RuntimeError), fileio.together():
        fileio.write_atomic(one, "new a")
        assert one.read_text() == "old a"  # not yet
        raise RuntimeError("the page could not be made")
    assert (one.read_text(), two.read_text()) == ("old a", "old b")
    with fileio.together():
        fileio.write_atomic(one, "new a")
        fileio.write_atomic(two, "new b")
    assert (one.read_text(), two.read_text()) == ("new a", "new b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.html"]


def test_without_hard_links_names_are_used(tmp_path: Path, monkeypatch) -> None:
    def refused(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    target = tmp_path / "story.csv"
    fileio.write_atomic(target, "before")
    monkeypatch.setattr(fileio.os, "link", refused)
    fileio.write_atomic(target, "after")
    assert target.read_text() == "after"
    assert fileio.write_new(tmp_path / "new.md", b"x", iter([tmp_path / "new.md"])) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.csv"]


def test_without_anonymous_files_a_hidden_name_is_used_and_swept(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(fileio, "_anonymous_file", lambda folder: None)
    target = tmp_path / "story.html"
    fileio.write_atomic(target, "<html></html>")
    assert target.read_text() == "<html></html>"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    dead = tmp_path / f".story.html.{gone.stdout.strip()}-abcd.tmp"
    alive = tmp_path / f".story.html.{os.getpid()}-abcd.tmp"
    dead.write_text("left by a killed build")
    alive.write_text("being written now")
    fileio.write_atomic(target, "<html>2</html>")
    assert not dead.exists() and alive.exists()


def test_errors_name_the_file(tmp_path: Path, monkeypatch) -> None:
    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fileio, "_fill", full)
    with pytest.raises(fileio.WriteError) as caught:
        fileio.write_atomic(tmp_path / "story.json", "x")
    assert str(caught.value) == f"{tmp_path / 'story.json'}: cannot write (No space left on device)"
    assert list(tmp_path.iterdir()) == []


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
