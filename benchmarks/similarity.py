"""Is a packaged sentence embedding better evidence than TF-IDF for "the same event"?

    python benchmarks/similarity.py

Issue 13's side-by-side study. The evidence compared, each a cosine between two sentences
(or two events):

* ``tfidf``: the merger's own (stemmed content words, names and figures weighing more,
  `timeline.events.similarity`);
* ``embedding``: wordllama's static embedding ``l2_supercat_256`` (a 16 MB model in its
  wheel, numpy only), the mean of the sentence's token vectors, normalised;
* ``mean`` and ``0.7 tfidf + 0.3 embedding``: the two combined.

Two sets of pairs:

1. MEANTIME airbus (``../shared/data/meantime/airbus``): every pair of annotated sentences of
   different articles; a pair is positive when the gold says both mention one event. All
   pairs, and those inside the merger's date window (the dates the tool gives the two
   sentences could be one event's: `merge.same_event`'s date rules).
2. Timeline17 development topics: on each gold date, the events of that day that retell a
   journalist's sentence (content-word ROUGE-1 F >= 0.4, as in ``duplicates.py``); a pair of
   such events is positive when both retell the same sentence (a duplicate the merger
   left apart), negative when they retell different ones (events to keep apart). Events
   are compared by their pooled TF-IDF (as the merger's cohesion check) or by the
   embedding of their text.

For each evidence: the area under the ROC curve and the best F1 over thresholds. First,
the embedding's cost: import and load time, sentences embedded per second, memory,
install size.

Needs wordllama (`pip install -e '.[bench]'`, which `make bench` does); without it the
study says so and exits 0. wordllama's loader looks for its bundled tokenizer in the
wrong folder and then tries to download it, so it is loaded here from the wheel's files
directly: nothing is downloaded.
"""

from __future__ import annotations

import importlib.metadata
import itertools
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

try:
    from benchmarks import _common as common
    from benchmarks import duplicates, meantime, t17
except ImportError:  # run as a script
    import _common as common  # type: ignore[no-redef]
    import duplicates  # type: ignore[no-redef]
    import meantime  # type: ignore[no-redef]
    import t17  # type: ignore[no-redef]

NAME = "similarity"


def embedder():
    """wordllama's l2_supercat_256, from the files its wheel carries."""
    import wordllama
    from safetensors import safe_open
    from wordllama.inference import WordLlamaInference
    from wordllama.wordllama import WordLlama

    package = Path(wordllama.__file__).parent
    tokenizer = WordLlama.load_tokenizer(
        package / "tokenizers" / "l2_supercat_tokenizer_config.json"
    )
    with safe_open(str(package / "weights" / "l2_supercat_256.safetensors"), "np") as f:
        weights = f.get_tensor("embedding.weight")
    return WordLlamaInference(weights, tokenizer)


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the ROC curve (the chance a positive outranks a negative; ties half)."""
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):  # average the ranks of ties
        tied = scores == value
        ranks[tied] = ranks[tied].mean()
    positives = labels.sum()
    negatives = len(labels) - positives
    if not positives or not negatives:
        return float("nan")
    return float((ranks[labels].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def best_f1(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The best F1 of "positive when the score is at least t", and that t."""
    order = np.argsort(-scores, kind="stable")
    hits = np.cumsum(labels[order])
    kept = np.arange(1, len(labels) + 1)
    f1 = 2 * hits / (kept + labels.sum())
    best = int(np.argmax(f1))
    return float(f1[best]), float(scores[order][best])


def evidences(tfidf: np.ndarray, embedding: np.ndarray) -> dict[str, np.ndarray]:
    return {
        "tfidf": tfidf,
        "embedding": embedding,
        "mean": (tfidf + embedding) / 2,
        "0.7 tfidf + 0.3 embedding": 0.7 * tfidf + 0.3 * embedding,
    }


def report(title: str, labels: np.ndarray, tfidf: np.ndarray, embedding: np.ndarray) -> None:
    print(f"\n{title}: {len(labels):,} pairs, {int(labels.sum())} positive")
    rows = []
    for name, scores in evidences(tfidf, embedding).items():
        f1, threshold = best_f1(scores, labels)
        rows.append([name, f"{auc(scores, labels):.3f}", f"{f1:.3f}", f"{threshold:.3f}"])
    print(common.format_table(["evidence", "AUC", "best F1", "at"], rows, "lrrr"))


def meantime_pairs(model) -> None:
    """Study 1 (see the module docstring)."""
    from timeline.events.merge import mention_words, same_event
    from timeline.events.similarity import cosine, tfidf
    from timeline.pipeline.build import build_story

    data = common.data_dir("meantime", "airbus")
    if not data.is_dir():
        print(f"\n{NAME}: MEANTIME skipped, no data at {data}")
        return
    gold = meantime.load_gold(data)
    with _temporary() as out:
        events = build_story(data / "story", out, formats="json", use_cache=False).events
    mentions = [m for e in events for m in e.mentions if m.dated_by != "reference"]
    vectors = tfidf([mention_words(m) for m in mentions])
    annotated = gold.annotated()
    units = {}
    for k, m in enumerate(mentions):
        doc = gold.docs[m.article]
        covered = [(doc.file, i) for i in meantime.sentence_of(doc, m.start, m.end)]
        if any(u in annotated for u in covered):
            units[k] = covered
    keys = sorted(units)
    vectors_of = model.embed([mentions[k].sentence for k in keys], norm=True)
    embedded = dict(zip(keys, vectors_of, strict=True))
    positive_pairs = meantime.gold_pairs(gold)
    labels, window, lexical, semantic = [], [], [], []
    for a, b in itertools.combinations(keys, 2):
        if mentions[a].article == mentions[b].article:
            continue
        labels.append(
            any((u, v) in positive_pairs or (v, u) in positive_pairs
                for u in units[a] for v in units[b])
        )  # fmt: skip
        # inside the date window: the dates alone allow the pair (any similarity passes)
        window.append(same_event(mentions[a], mentions[b], 1.0))
        lexical.append(cosine(vectors[a], vectors[b]))
        semantic.append(float(embedded[a] @ embedded[b]))
    labels_, window_ = np.array(labels), np.array(window)
    lexical_, semantic_ = np.array(lexical), np.array(semantic)
    report("MEANTIME airbus, all cross-article pairs", labels_, lexical_, semantic_)
    report(
        "MEANTIME airbus, pairs inside the date window",
        labels_[window_],
        lexical_[window_],
        semantic_[window_],
    )


def t17_pairs(model) -> None:
    """Study 2 (see the module docstring)."""
    from timeline.events.merge import _normalised_cosine, mention_words
    from timeline.events.similarity import tfidf

    data = common.data_dir("t17")
    if not data.is_dir() or not t17.topic_names(data):
        print(f"\n{NAME}: Timeline17 skipped, no data at {data}")
        return
    labels, lexical, semantic = [], [], []
    for name in t17.topic_names(data):
        topic = t17.load_topic(data / name)
        for gold in topic.golds:
            events = duplicates.build_events(topic, gold)
            mentions = [m for e in events for m in e.mentions]
            vectors = tfidf([mention_words(m) for m in mentions])
            row = {id(m): k for k, m in enumerate(mentions)}
            by_day = defaultdict(list)
            for e in events:
                if e.interval.granularity == "day" and e.interval.days == 1:
                    by_day[e.interval.begin].append(e)
            for day, sentences in gold.days.items():
                gold_words = [duplicates.content_words(s) for s in sentences]
                retelling = []
                for e in by_day.get(day, []):
                    words = duplicates.content_words(e.text)
                    scored = [(duplicates.rouge_1(words, g), k) for k, g in enumerate(gold_words)]
                    score, k = max(scored, default=(0.0, -1))
                    if words and score >= duplicates.RETELLS:
                        retelling.append((e, k))
                if len(retelling) < 2:
                    continue
                embedded = model.embed([e.text for e, _ in retelling], norm=True)
                pooled = []
                for e, _ in retelling:
                    words: dict[str, float] = defaultdict(float)
                    for m in e.mentions:
                        for w, v in vectors[row[id(m)]].items():
                            words[w] += v
                    pooled.append(words)
                for (i, (_, ki)), (j, (_, kj)) in itertools.combinations(enumerate(retelling), 2):
                    labels.append(ki == kj)
                    lexical.append(_normalised_cosine(pooled[i], pooled[j]))
                    semantic.append(float(embedded[i] @ embedded[j]))
    report(
        "Timeline17, events of a gold day retelling a journalist's sentence (positive: the same)",
        np.array(labels),
        np.array(lexical),
        np.array(semantic),
    )


def cost():
    """Load the embedding, print its cost (import and load time, speed, memory, install
    size), and return it."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    model = embedder()
    loaded = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sentences = ["The 7.0-magnitude earthquake struck south of the capital on Tuesday."] * 20_000
    started = time.perf_counter()
    model.embed(sentences, norm=True)
    speed = len(sentences) / (time.perf_counter() - started)
    size = 0
    for dist in ("wordllama", "tokenizers", "safetensors", "pydantic", "pydantic-core", "toml"):
        try:
            files = importlib.metadata.files(dist) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        size += sum(f.locate().stat().st_size for f in files if f.locate().is_file())
    print(
        f"cost: import and load {loaded:.2f} s, {speed:,.0f} sentences/s embedded, "
        f"+{(after - before) / 1024:.0f} MB peak memory, {size / 1e6:.0f} MB installed "
        "(wordllama with tokenizers, safetensors, pydantic, toml)"
    )
    return model


class _temporary:
    """A temporary output folder (a context manager)."""

    def __enter__(self) -> Path:
        import tempfile

        self._dir = tempfile.TemporaryDirectory(prefix="similarity-")
        return Path(self._dir.name)

    def __exit__(self, *exc) -> None:
        self._dir.cleanup()


def main() -> int:
    print(f"{NAME}: TF-IDF against wordllama l2_supercat_256, and both combined")
    try:
        model = cost()
    except ImportError:
        common.skip(NAME, "wordllama is not installed (pip install -e '.[bench]')")
    meantime_pairs(model)
    t17_pairs(model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
