"""Shared fixtures: story folders written into temporary directories."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest
from hypothesis import settings

# No timing thresholds in tests: hypothesis's per-example deadline (200 ms) fails a test
# on a loaded machine. In CI the examples are drawn the same way each run, so CI never
# fails by chance; developers' runs keep exploring new examples.
settings.register_profile("timeline", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "timeline")

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


def run(*args: str, input: str | None = None):
    """Run the `timeline` command in-process, as a person would type it."""
    from click.testing import CliRunner

    from timeline.app.cli import main

    return CliRunner().invoke(main, list(args), input=input)


def snapshot(folder: Path) -> dict[str, str]:
    """Content hash of every file below `folder`, to prove a build changed nothing."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def without_build_facts(path: Path) -> str:
    """An output's text less what differs between any two builds: when it was built,
    how long it took, how many articles came from the cache, the page's script nonce."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'"built_at": ?"[^"]*"|Built \d{4}-\d\d-\d\dT[\d:]+Z', "", text)
    # the page's header says it too, to the minute: two builds can fall either side of one
    text = re.sub(r"built \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d UTC", "", text)
    text = re.sub(r'"seconds": ?[0-9.]+', "", text)
    text = re.sub(r"nonce-?=?\"?[\w-]+", "", text)  # the page's script nonce, new each time
    return re.sub(r'"(new|changed|cached)": ?[0-9]+,? ?', "", text)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    folder = tmp_path / "stories" / "test-story"
    folder.mkdir(parents=True)
    return folder


# -- a real browser for the page tests -------------------------------------------------

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--use-gl=swiftshader",
    "--enable-unsafe-swiftshader",
]


def find_chromium() -> str | None:
    """Debian's Chromium (or another one named by TIMELINE_CHROMIUM)."""
    import shutil

    for candidate in (os.environ.get("TIMELINE_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):  # fmt: skip
        if candidate and Path(candidate).exists():
            return candidate
    return None


def install_chromium() -> str:
    """Install Debian's chromium package where it is missing; "" or why it could not be."""
    import shutil
    import subprocess

    if not shutil.which("apt-get"):
        return "no apt-get to install the chromium package"
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        return "not root: cannot install the chromium package (apt-get install chromium)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "chromium"]
    for command in (install, ["apt-get", "update", "-q"], install):
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
        if done.returncode == 0 and command[1] == "install":
            return ""
    return f"apt-get install chromium failed: {done.stderr.strip().splitlines()[-1:]}"


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Playwright (no browser download: Debian's package)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need playwright (pip install -e '.[test]')")
    executable = find_chromium()
    if executable is None:
        reason = install_chromium()
        executable = find_chromium()
        if executable is None:
            pytest.skip(f"browser tests need Chromium: {reason or 'not found after install'}")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()
