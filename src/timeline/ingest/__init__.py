"""Ingest: a story folder (or a fetched page) in, `Article` records out.

Takes the files of `stories/<name>/` (Markdown or text with front matter, HTML, JSON
Lines, CSV) and gives a `Story` of `Article`s: decoded text, title, publication date,
outlet and URL, with each outlet's repeated furniture (bylines, "Read more", cookie
notices) blanked out at the same offsets (`boilerplate`), and the sentence splitter
every later stage reads the text with (`segment`). `web` fetches pages and feeds over
HTTP with the manners a news reader owes the sites; a page is read as a saved `.html`.
Bad files become `Problem`s naming the file; nothing the user wrote is changed.
"""

from timeline.ingest.articles import load_story, story_settings

__all__ = ["load_story", "story_settings"]
