"""What people run around the pipeline: the `timeline` command and what is behind it.

Takes what a person types and gives builds, story folders and pages to look at: the
click CLI (`cli`, a thin layer: every command calls a function), story folders and
the articles added to them (`feed`), followed web feeds (`follow`), rebuilding on
change (`watch` in `feed`), the local server of built pages (`serve`) and terminal
tables (`view`).
"""

from timeline.app.cli import main

__all__ = ["main"]
