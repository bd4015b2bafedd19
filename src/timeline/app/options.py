"""Options that several `timeline` commands share."""

from __future__ import annotations

from pathlib import Path

import click


def out_option(help_text: str):
    """The `--out DIR` option every command that reads or writes outputs shares."""
    return click.option(
        "--out",
        "out_dir",
        type=click.Path(path_type=Path),
        default=Path("output"),
        show_default=True,
        help=help_text,
    )


def stories_option(help_text: str = "Folder of the story folders."):
    """The `--stories DIR` option of the commands that find stories by name."""
    return click.option(
        "--stories",
        "stories_dir",
        type=click.Path(path_type=Path),
        default=Path("stories"),
        show_default=True,
        help=help_text,
    )
