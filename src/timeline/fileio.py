"""Atomic file writes: a reader never sees a half-written output, an interrupted build
leaves the previous output in place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike, data: str | bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder, then rename."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    temp = write_temporary(target, payload)
    try:
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return target


def write_temporary(target: Path, data: bytes) -> Path:
    """`data` in a new hidden file beside `target` (`.<name>.<random>.tmp`: builds and
    watchers ignore it), on disk and with the permissions a new file gets; the caller
    moves it into place or deletes it."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o666 & ~_umask())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
