"""What people run around the pipeline: the `timeline` command and what is behind it.

Takes what a person types and gives builds, story folders and pages to look at: the
click CLI (`cli`, a thin layer: every command calls a function), story folders and
the articles added to them (`stories`, `add`), followed web feeds (`follow`),
rebuilding on change (`watch`), corrections to a timeline (`edit`, `edit_commands`), the
local server of built pages and the corrections made on them (`serve`, `editing`) and
terminal tables (`view`).
"""

from timeline.app.cli import main

__all__ = ["main"]
