"""The package's shape: folders in the order data flows, imports only forward.

ingest → resolve → events → export → pipeline → app, each free to use the shared
records and helpers at the top (`models`, `fileio`, `wording`, `lang`) and the stages
before it, never one after it. No module grows past `MAX_LINES`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import timeline

PACKAGE = Path(timeline.__file__).parent
STAGES = ("ingest", "resolve", "events", "export", "pipeline", "app")
SHARED = {"models", "fileio", "wording", "lang", "__init__", "__main__"}
MAX_TOP_LEVEL_MODULES = 6
MAX_LINES = 600


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def stage_of(module: str) -> str:
    """The stage (or "shared") a dotted module name below `timeline` belongs to."""
    parts = module.split(".")
    if parts[0] != "timeline" or len(parts) == 1 or parts[1] in SHARED:
        return "shared"
    return parts[1]


def imported(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n for n in names if n == "timeline" or n.startswith("timeline.")}


def test_stages_are_folders_and_few_modules_stay_at_the_top() -> None:
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top
    assert set(top) <= SHARED, top
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), stage
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "takes" in doc.lower() and "gives" in doc.lower(), stage


def test_no_module_is_too_big() -> None:
    sizes = {p.relative_to(PACKAGE).as_posix(): len(p.read_text().splitlines()) for p in modules()}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_imports_only_run_forward() -> None:
    backward = []
    for path in modules():
        relative = path.relative_to(PACKAGE)
        here = relative.parts[0] if len(relative.parts) > 1 else "shared"
        if here not in STAGES:
            here = "shared"
        if relative.as_posix() in ("__init__.py", "__main__.py"):
            continue  # the package's doors: `from timeline import ...`, `python -m timeline`
        for name in imported(path):
            there = stage_of(name)
            if there == "shared" or there == here:
                continue
            if here == "shared" or STAGES.index(there) > STAGES.index(here):
                backward.append(f"{relative} imports {name}")
    assert backward == []


def test_the_public_api_is_unchanged() -> None:
    from timeline import build_story, load_story, tag
    from timeline.app import main

    assert callable(build_story) and callable(load_story) and callable(tag)
    assert main.name == "main" or main.commands


def test_a_build_imports_no_plotly_objects(tmp_path) -> None:
    """plotly's validated objects cost a fifth of a second to import: a page needs none."""
    import subprocess
    import sys

    story = tmp_path / "story"
    story.mkdir()
    (story / "a.md").write_text(
        "---\ntitle: A\ndate: 2024-06-12\n---\nThe port reopened on Monday.\n", encoding="utf-8"
    )
    code = (
        "import sys; from timeline import build_story; "
        f"build_story({str(story)!r}, {str(tmp_path / 'out')!r}); "
        "print('plotly.basedatatypes' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "False"
