"""Worker processes that never outlive the build that started them.

A build reads its articles in a pool of worker processes. When the build ends normally
the pool is shut down; when it is killed (SIGKILL from a user, the kernel's
out-of-memory killer or a CI time limit), nothing in it runs any more, so the workers
must notice by themselves. Each worker, as it starts, ties its life to its parent's:

- Linux: `prctl(PR_SET_PDEATHSIG, SIGKILL)`: the kernel kills the worker the moment
  the build dies, however it died. (The signal follows the *thread* that started the
  worker; the pool is always started, used and shut down in one thread.)
- macOS and the BSDs: a thread waits on a kqueue `NOTE_EXIT` event for the parent's pid
  and ends the worker when it fires.
- Windows: a thread waits on the parent's process handle.
- Anywhere else: a thread checks every second whether the parent has changed.

In every case a worker whose parent died before it could register ends at once. The
workers hold no state of their own (a task's results go back to the build), so ending
them abruptly loses nothing. Dask's workers (`--scheduler local`) have the same tie
through `distributed`'s own parent-alive pipe.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 1.0


def die_with_parent(parent: int) -> str:
    """Tie this process's life to `parent`'s (see the module docstring); returns the
    mechanism used. Ends the process at once when `parent` is already gone."""
    if sys.platform.startswith("linux") and _linux_parent_death_signal():
        how = "pdeathsig"
    elif hasattr(__import__("select"), "kqueue"):
        _watch(_wait_kqueue, parent)
        how = "kqueue"
    elif sys.platform == "win32":
        _watch(_wait_windows, parent)
        how = "handle"
    else:
        _watch(_wait_polling, parent)
        how = "poll"
    if os.getppid() != parent:  # it died before the tie was made
        os._exit(1)
    return how


def _linux_parent_death_signal() -> bool:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(wait, parent: int) -> None:
    def run() -> None:
        with contextlib.suppress(Exception):
            wait(parent)
        os._exit(1)  # the parent is gone (or can no longer be watched: end rather than leak)

    threading.Thread(target=run, name="timeline-parent-watch", daemon=True).start()


def _wait_kqueue(parent: int) -> None:
    import select

    queue = select.kqueue()
    event = select.kevent(
        parent, filter=select.KQ_FILTER_PROC, flags=select.KQ_EV_ADD, fflags=select.KQ_NOTE_EXIT
    )
    try:
        queue.control([event], 0, 0)
    except ProcessLookupError:
        return  # already gone
    while not queue.control(None, 1, None):
        pass


def _wait_windows(parent: int) -> None:
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    synchronize, infinite = 0x00100000, 0xFFFFFFFF
    handle = kernel32.OpenProcess(synchronize, False, parent)
    if not handle:
        return
    kernel32.WaitForSingleObject(handle, infinite)


def _wait_polling(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)


def _start_worker(parent: int) -> None:
    die_with_parent(parent)
    # Ctrl-C reaches the whole process group: the build handles it and stops the pool;
    # a worker printing its own KeyboardInterrupt traceback would only add noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers end with this process (see the module docstring).

    On a normal exit the pool finishes its work and stops; when the block is left by an
    exception (or a generator using the pool is closed early), queued tasks are
    cancelled and only the running ones are waited for, so the build stops in a moment
    rather than after every queued file."""
    # fork is cheap and keeps the compiled grammar; elsewhere spawn is the safe choice
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
