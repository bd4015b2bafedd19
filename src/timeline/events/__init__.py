"""Events: dated statements out of each article, merged across articles, ranked.

Takes an `Article` and the `Timex`es the resolver found in it and gives `Mention`s:
the article's dated statements, each with the sentence and expression that date it
(`extract`). Then, over a whole story, it merges the mentions that report the same
event into `Event`s with every source and any disagreement about the date (`merge`,
with TF-IDF evidence from `similarity` and a headline from `headline`), replays a
person's corrections (`corrections`, from the story's `correction_file`), scores how much
each matters (`salience`, with the date ranker of `keydates`), selects what the outputs
show (`select`) and splits a story's events into its own period, background and what is
expected (`period`).
"""

from timeline.events.extract import extract_mentions
from timeline.events.merge import merge_mentions

__all__ = ["extract_mentions", "merge_mentions"]
