"""Builds on a Dask cluster: the per-article stage as tasks on `dask.distributed` workers.

The per-article stage (read, resolve, extract: `gather.ExtractTask`) is independent for
each file, so it runs wherever there are cores; merging needs every mention of a story
and stays in the build's own process. A task carries the file's bytes (the build reads
every file anyway, to hash it for the cache), so workers need the `timeline` package
(the same version: `connect` checks) but not the story folder. Dask retries the tasks of
a worker that dies; a task is a pure function of its bytes and settings, so a retried
task gives what the first try would have.

`dask` and `distributed` are imported here only, and this module only when a scheduler is
asked for: a local build starts as fast as before.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from timeline.models import Problem
from timeline.pipeline.cache import code_hash
from timeline.pipeline.gather import ExtractTask

# How long to wait for a scheduler before saying it cannot be reached.
CONNECT_TIMEOUT_SECONDS = 5
LOCAL = "local"


class ClusterError(Exception):
    """The cluster cannot be used at all (bad address, unreachable, mismatched workers)."""


@contextmanager
def connect(address: str, timeout: float = CONNECT_TIMEOUT_SECONDS) -> Iterator[object]:
    """A `distributed.Client` for the scheduler at `address` ("tcp://host:8786", or
    "local" for a `LocalCluster` of this machine's cores, started for the build and
    stopped after it). Raises `ClusterError` with a one-line message."""
    import logging

    from distributed import Client, LocalCluster

    logging.getLogger("distributed").setLevel(logging.ERROR)  # its own chatter, not ours
    cluster = None
    try:
        if address == LOCAL:
            cluster = LocalCluster(
                n_workers=os.cpu_count() or 1,
                threads_per_worker=1,  # the tagger is pure Python: threads would share one core
                processes=True,
                host="127.0.0.1",  # this machine only, its web page on any free port
                dashboard_address="127.0.0.1:0",
            )
            client = Client(cluster, timeout=timeout)
        else:
            client = Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        if cluster is not None:
            cluster.close()
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise ClusterError(f"cannot use the Dask scheduler at {address!r}: {reason}") from None
    try:
        _check_workers(client, address)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _check_workers(client, address: str, ours: str | None = None) -> None:
    """Workers must run the same `timeline` as the build (`ours`: this one's code hash),
    or their results would differ from a local build's and poison the cache."""
    ours = ours or code_hash()
    theirs = set(client.run(code_hash).values())
    if theirs - {ours}:
        raise ClusterError(
            f"the workers of {address!r} run another version of timeline than this one; "
            "install the same version on them"
        )


# Files go to the cluster in batches of about this many bytes (and at most
# `BATCH_FILES`): a task costs a few milliseconds of scheduling beyond its work, as much
# as reading a short article, so one task per file would double the work.
BATCH_BYTES = 256 * 1024
BATCH_FILES = 64


def batches(tasks: list[ExtractTask]) -> list[list[ExtractTask]]:
    """Consecutive tasks in batches (see `BATCH_BYTES`)."""
    out: list[list[ExtractTask]] = []
    size = 0
    for task in tasks:
        if not out or size >= BATCH_BYTES or len(out[-1]) >= BATCH_FILES:
            out.append([])
            size = 0
        out[-1].append(task)
        size += len(task.data)
    return out


def run_batch(batch: list[ExtractTask]) -> list:
    """What each task of a batch gives, (result, problems), on a worker."""
    return [task.run() for task in batch]


def batch_key(batch: list[ExtractTask]) -> str:
    """A name for the batch that is the same for the same files, bytes and settings (Dask
    then computes it once) and unique otherwise."""
    h = hashlib.sha1()
    for task in batch:
        h.update(f"{task.root}\0{task.rel}\0{task.key}\0{task.today}\0".encode())
    return f"timeline-extract-{h.hexdigest()}"


def run_on_cluster(
    client, tasks: Iterable[ExtractTask]
) -> Iterator[tuple[ExtractTask, object, list[Problem]]]:
    """Submit every task at once (in batches), and yield (task, result, problems) as they
    complete. A batch that fails (an error in our code, not a bad article: those are
    problems) yields the exception in place of each of its tasks' results, for the caller
    to fail those stories only."""
    from distributed import as_completed

    groups = batches(list(tasks))
    if not groups:
        return
    futures = client.map(run_batch, groups, key=[batch_key(b) for b in groups])
    batch_of = {future.key: batch for future, batch in zip(futures, groups, strict=True)}
    done = as_completed(futures, with_results=True, raise_errors=False)
    for future, outcome in done:
        batch = batch_of.pop(future.key, None)
        if batch is None:  # already given (a result gathered again after a worker died)
            continue
        if isinstance(outcome, BaseException):  # reported against the tasks' stories
            for task in batch:
                yield task, outcome, []
        else:
            for task, (result, found) in zip(batch, outcome, strict=True):
                yield task, result, found
        future.release()
