"""Atomic, exclusive replacement of an output file or folder.

Work is written to a temporary sibling of the destination and renamed over it only when
it is complete, so a crash or a kill at any moment leaves the old output or none, never
a half-written one. Two runs writing the same output take turns: each holds an advisory
lock (``fcntl.flock``) on ``.<name>.lock`` beside it for as long as it works, so the
output is always one run's, never a mix. The kernel drops the lock of a killed process,
and the next run removes what that one left (temporaries, the lock file), so nothing a
kill leaves behind blocks or litters later runs.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from seedcorpus.errors import ExportError

__all__ = [
    "StorageError",
    "atomic_destination",
    "check_destination",
    "output_lock",
    "storage_error",
    "write_refused",
]

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows, where runs are not locked
    fcntl = None  # type: ignore[assignment]


class StorageError(ExportError):
    """The machine refused a write: a full disk, a file size limit, a read-only or
    missing folder, no permission. The output was left as it was.

    >>> print(StorageError("cannot write: no space left on device", path="out.sqlite"))
    out.sqlite: cannot write: no space left on device
    """

    code = "storage"


_STORAGE_ERRNOS = {
    errno.ENOSPC: "no space left on device",
    errno.EFBIG: "the file size limit was reached",
    errno.EDQUOT: "the disk quota was reached",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}


def storage_error(
    error: BaseException, destination: str | os.PathLike[str] | None, *, kept: bool = True
) -> StorageError | None:
    """The :class:`StorageError` that ``error`` (or an error it was raised from) means,
    or ``None`` if it is not the machine refusing a write.

    :param kept: say that the previous output was kept (as atomic writes ensure).
    """
    after = "; the previous output was kept" if kept else ""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, StorageError):
            return current
        if isinstance(current, OSError) and current.errno in _STORAGE_ERRNOS:
            reason = _STORAGE_ERRNOS[current.errno]
            return StorageError(f"cannot write: {reason}{after}", path=destination)
        if isinstance(current, sqlite3.Error):
            text = str(current).lower()
            if "disk is full" in text or "disk i/o error" in text or "readonly" in text:
                reason = "no space left on device, or the file size limit was reached"
                if "readonly" in text:
                    reason = "the file system is read-only"
                return StorageError(f"cannot write: {reason}{after}", path=destination)
        current = current.__cause__ or current.__context__
    return None


def write_refused(
    error: OSError, destination: str | os.PathLike[str], *, kept: bool = True
) -> StorageError:
    """What ``error``, met creating ``destination`` or a file beside it, means: the
    answer of :func:`storage_error`, or else (a folder no file can be made in, such as
    ``/proc``) the system's own reason.

    >>> print(write_refused(FileNotFoundError(2, "No such file or directory"), "/proc/x"))
    /proc/x: cannot create files in its folder (no such file or directory)
    """
    reason = (error.strerror or str(error)).lower()
    return storage_error(error, destination, kept=kept) or StorageError(
        f"cannot create files in its folder ({reason})", path=destination
    )


def check_destination(destination: str | os.PathLike[str], *, directory: bool = False) -> None:
    """Refuse, before any work, an output whose folder is missing or that is the wrong
    kind of thing: a folder where a file is to go (or the reverse), which no force may
    replace.

    :param directory: the output is a folder.
    :raises StorageError: if the folder to write into does not exist.
    :raises ExportError: if ``destination`` is a folder and the output a file, or the
        reverse.
    """
    target = Path(destination)
    if not target.parent.is_dir():
        raise StorageError("the folder to write into does not exist", path=target.parent)
    if target.is_dir() and not directory:
        raise ExportError("is a folder, but the output is a file: give a file name", path=target)
    if directory and target.exists() and not target.is_dir():
        raise ExportError("is a file, but the output is a folder: give a folder name", path=target)


# Locks this process holds, by lock file, with how many times each was taken: a build
# that exports takes the lock twice, and flock would make it wait for itself.
_held: dict[str, tuple[int, int]] = {}
_held_guard = threading.Lock()
# Temporaries this process is writing: an export into one of them (a build rebuilding
# its staged copy) writes in place, as the temporary is already renamed atomically.
_active: set[str] = set()


def lock_path(destination: str | os.PathLike[str]) -> Path:
    """The lock file of ``destination``: ``.<name>.lock`` beside it."""
    target = Path(destination)
    return target.with_name(f".{target.name}.lock")


def _on_wait(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def output_lock(
    destination: str | os.PathLike[str],
    *,
    wait: bool = True,
    on_wait: Callable[[str], None] = _on_wait,
) -> Iterator[None]:
    """Hold the advisory lock on ``destination`` for the ``with`` block.

    Another process holding it is waited for (``on_wait`` is told once, with its pid),
    or with ``wait=False`` is an :class:`~seedcorpus.errors.ExportError`. The lock file
    is removed on release; the lock is re-entrant within a process.

    :raises StorageError: if the lock file cannot be made (a read-only folder).
    """
    path = lock_path(destination)
    key = os.path.abspath(path)
    with _held_guard:
        if key in _held:
            descriptor, count = _held[key]
            _held[key] = (descriptor, count + 1)
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _held_guard:
                descriptor, count = _held[key]
                _held[key] = (descriptor, count - 1)
        return
    descriptor = _acquire(path, destination, wait=wait, on_wait=on_wait)
    with _held_guard:
        _held[key] = (descriptor, 1)
    try:
        _remove_leftovers(Path(destination))
        yield
    finally:
        with _held_guard:
            del _held[key]
        # Unlinked while still locked: a run waiting on this inode notices and retries.
        path.unlink(missing_ok=True)
        os.close(descriptor)


def _acquire(
    path: Path,
    destination: str | os.PathLike[str],
    *,
    wait: bool,
    on_wait: Callable[[str], None],
) -> int:
    told = False
    while True:
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as error:
            raise write_refused(error, destination) from None
        if fcntl is None:  # pragma: no cover
            return descriptor
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                os.close(descriptor)
                raise ExportError(
                    f"another seedcorpus run is writing it{_holder(path)}", path=destination
                ) from None
            if not told:
                on_wait(f"waiting for another seedcorpus run writing {destination}{_holder(path)}")
                told = True
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        # The holder may have removed the file as it let go: then this lock is on a file
        # nobody else will look at, and the lock must be taken on the path's new file.
        try:
            same = os.path.samestat(os.fstat(descriptor), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            os.ftruncate(descriptor, 0)
            os.write(descriptor, f"{os.getpid()}\n".encode())
            return descriptor
        os.close(descriptor)
        time.sleep(0)


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


def _remove_leftovers(target: Path) -> None:
    """Remove what a killed run writing ``target`` left: with the lock held, no other
    run is writing, so every temporary named after the target is stale."""
    parent = target.parent
    if not parent.is_dir():
        return
    # Exactly the names mkstemp gives (8 characters of its alphabet), so the temporaries
    # of another output whose name starts the same ("out.sqlite.bak") are left alone.
    ours = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}\.tmp(?:\.old|-journal)?")
    for path in parent.iterdir():
        if ours.fullmatch(path.name):
            _remove(path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    """Flush a finished file to disk, so the rename never exposes unwritten data."""
    if path.is_file():
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _special(target: Path) -> bool:
    """True for a destination that is neither a file nor a folder (a pipe, a device such
    as ``/dev/null`` or ``/dev/fd/1``): it can only be written in place."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextmanager
def atomic_destination(
    destination: str | os.PathLike[str], *, force: bool = False, directory: bool = False
) -> Iterator[Path]:
    """Yield a temporary path beside ``destination``; rename it into place on success.

    The output's lock (:func:`output_lock`) is held throughout, so a second run to the
    same destination waits. A pipe or device (``/dev/stdout``) is written in place.

    :param force: replace an existing destination; without it, an existing one is an error.
    :param directory: the output is a folder (the yielded path does not exist yet).
    :raises ExportError: if the destination exists and ``force`` is false.
    :raises StorageError: if the machine refuses a write (full disk, size limit,
        read-only or missing folder); the destination is then left as it was.
    """
    target = Path(destination)
    if os.path.abspath(target) in _active:
        # Already a temporary of an atomic write (a build staging its output): in place.
        _remove(target)
        yield target
        return
    if _special(target):
        yield target
        return
    check_destination(target, directory=directory)
    parent = target.parent
    with output_lock(target):
        if target.exists() and not force:
            raise ExportError("already exists; use force (--force) to replace it", path=target)
        try:
            fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
        except OSError as error:
            raise write_refused(error, target) from None
        os.close(fd)
        temporary = Path(name)
        temporary.unlink()  # the writer creates it; mkstemp only reserved a unique name
        key = os.path.abspath(temporary)
        _active.add(key)
        try:
            yield temporary
            _sync(temporary)
            if directory and target.is_dir():
                # A folder can't be renamed over a non-empty folder: move the old one aside.
                old = temporary.with_name(temporary.name + ".old")
                target.rename(old)
                temporary.rename(target)
                _remove(old)
            else:
                os.replace(temporary, target)
        except Exception as error:
            found = storage_error(error, target)
            if found is None or found is error:
                raise
            raise found from error
        finally:
            _active.discard(key)
            for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
                if leftover.exists():
                    _remove(leftover)
