"""Atomic file writes: a reader never sees a half-written output, an interrupted build
leaves the previous output in place, and a killed one leaves no temporary file behind.

On Linux the data is first written to an anonymous file in the target's folder
(`O_TMPFILE`): it has no name until it is complete and on disk, so a process killed
while writing (SIGKILL included) leaves nothing; the kernel frees it. A new name is then
made in one step (`linkat`); replacing an existing file takes a hidden name for the two
system calls between the link and the rename. Elsewhere, or on file systems without
anonymous files, the data goes to a hidden named file (`.<name>.<pid>-<random>.tmp`),
which a write of the same target removes later once its writer is gone
(`sweep_leftovers`). `together()` writes a group of files that replace their old
versions only once all of them are written. Write failures (a full disk, a read-only folder) raise
`WriteError`, whose message names the file.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Anonymous files are a Linux feature, and only some file systems have them.
_ANONYMOUS = hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")
_UNSUPPORTED = (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT)


class WriteError(OSError):
    """A file could not be written; the message says which and why, in one line."""

    def __str__(self) -> str:
        return str(self.strerror)


def write_atomic(path: str | os.PathLike, data: str | bytes) -> Path:
    """Write `data` to `path` all at once: readers see the old file or the new one.
    Inside `together()`, the file takes its name only when the whole group is written."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    staged = _stage(target, payload)
    batch = _batch.get()
    if batch is None:
        staged.commit()
    else:
        batch.append(staged)
    return target


@contextlib.contextmanager
def together() -> Iterator[None]:
    """Write a group of files (a build's outputs) so that none replaces its old version
    until every one of them is written: a full disk or an error half-way leaves all the
    old files, and a process killed before the end leaves them too. Only the renames at
    the end, a few system calls, can be cut short, and then each file is still whole."""
    batch: list[_Staged] = []
    token = _batch.set(batch)
    try:
        yield
    except BaseException:
        for staged in batch:
            staged.discard()
        raise
    finally:
        _batch.reset(token)
    for done, staged in enumerate(batch):
        try:
            staged.commit()
        except BaseException:
            for rest in batch[done + 1 :]:
                rest.discard()
            raise


class _Staged:
    """A file written in full under no name (or a hidden one), waiting for its name."""

    def __init__(self, target: Path, fd: int | None, temp: Path | None) -> None:
        self.target, self.fd, self.temp = target, fd, temp

    def commit(self) -> None:
        with _naming_errors(self.target):
            try:
                if self.fd is not None:
                    try:
                        if _link_new(self.fd, self.target):
                            return
                        self.temp = _hidden_name(self.target)
                        while not _link_new(self.fd, self.temp):
                            self.temp = _hidden_name(self.target)
                    except OSError as exc:
                        if not _no_links(exc):
                            raise
                        self.temp = write_temporary(self.target, _read_back(self.fd))
                assert self.temp is not None
                os.replace(self.temp, self.target)
                self.temp = None
            finally:
                self.discard()

    def discard(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.temp is not None:
            self.temp.unlink(missing_ok=True)
            self.temp = None


_batch: contextvars.ContextVar[list[_Staged] | None] = contextvars.ContextVar(
    "timeline_write_batch", default=None
)


def _stage(target: Path, payload: bytes) -> _Staged:
    with _naming_errors(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        sweep_leftovers(target)
        fd = _anonymous_file(target.parent)
        if fd is None:
            return _Staged(target, None, write_temporary(target, payload))
        try:
            _fill(fd, payload)
        except BaseException:
            os.close(fd)
            raise
        return _Staged(target, fd, None)


def write_new(path: Path, data: bytes, candidates: Iterator[Path]) -> Path | None:
    """Write `data` under the first name of `candidates` that does not exist yet, never
    replacing a file even when another process creates it at the same moment; None when
    this file system cannot make a name atomically (the caller falls back to O_EXCL).
    A reader never sees a partial file under any of the names."""
    with _naming_errors(path):
        fd = _anonymous_file(path.parent)
        if fd is not None:
            try:
                _fill(fd, data)
                for candidate in candidates:
                    if _link_new(fd, candidate):
                        return candidate
            except WriteError:
                raise
            except OSError as exc:
                if not _no_links(exc):
                    raise
                return None
            finally:
                os.close(fd)
        temp = write_temporary(path, data)
        try:
            for candidate in candidates:
                try:
                    os.link(temp, candidate)
                except FileExistsError:
                    continue
                except OSError as exc:
                    if not _no_links(exc):
                        raise
                    return None
                return candidate
        finally:
            temp.unlink(missing_ok=True)
    raise AssertionError("unreachable: the candidates never end")


def write_temporary(target: Path, data: bytes) -> Path:
    """`data` in a new hidden file beside `target` (`.<name>.<pid>-<random>.tmp`: builds
    and watchers ignore it), on disk and with the permissions a new file gets; the caller
    moves it into place or deletes it."""
    fd, name = tempfile.mkstemp(
        prefix=f".{target.name}.{os.getpid()}-", suffix=".tmp", dir=target.parent
    )
    temp = Path(name)
    try:
        _fill(fd, data)
        os.chmod(temp, 0o666 & ~_umask())
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
    return temp


def sweep_leftovers(target: Path) -> list[Path]:
    """Remove the hidden temporary files of `target` whose writing process is gone (a
    write killed before it could clean up); files of live writers are left alone."""
    removed = []
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f".{target.name}.*.tmp"):
            writer = leftover.name[len(target.name) + 2 :].split("-", 1)[0]
            if writer.isdigit() and not _alive(int(writer)):
                leftover.unlink(missing_ok=True)
                removed.append(leftover)
    return removed


def is_temporary(name: str) -> bool:
    """A name `write_atomic` or `write_temporary` gives its hidden files."""
    return name.startswith(".") and name.endswith(".tmp")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's: alive
    return True


@contextlib.contextmanager
def _naming_errors(target: Path) -> Iterator[None]:
    try:
        yield
    except WriteError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise WriteError(exc.errno, f"{target}: cannot write ({reason})") from None


def _anonymous_file(folder: Path) -> int | None:
    """A nameless file in `folder`, or None where there are none."""
    if not _ANONYMOUS:
        return None
    try:
        return os.open(folder, os.O_TMPFILE | os.O_RDWR, 0o666)  # the umask applies
    except OSError as exc:
        if exc.errno in _UNSUPPORTED:
            return None
        raise


def _link_new(fd: int, name: Path) -> bool:
    """Give the anonymous file `fd` the name `name`; False when the name is taken."""
    # linkat(AT_SYMLINK_FOLLOW) on the /proc link names the open file itself; CPython
    # calls plain link() (which would link the /proc entry) unless a dir fd is given.
    folder = os.open(name.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{fd}", name.name, dst_dir_fd=folder, follow_symlinks=True)
    except FileExistsError:
        return False
    finally:
        os.close(folder)
    return True


def _no_links(exc: OSError) -> bool:
    """A file system (or a sandbox) that refuses hard links: use names instead."""
    return exc.errno in (errno.EPERM, errno.EACCES, errno.EXDEV, errno.EMLINK, errno.ENOENT,
                         errno.EOPNOTSUPP, errno.ENOSYS)  # fmt: skip


def _read_back(fd: int) -> bytes:
    size = os.fstat(fd).st_size
    parts, at = [], 0
    while at < size:
        part = os.pread(fd, size - at, at)
        if not part:
            break
        parts.append(part)
        at += len(part)
    return b"".join(parts)


def _hidden_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def _fill(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
