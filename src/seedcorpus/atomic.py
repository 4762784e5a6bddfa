"""Atomic replacement of an output file or folder.

Work is written to a temporary sibling of the destination and renamed over it only when
it is complete, so a crash or a kill at any moment leaves the old output or none, never
a half-written one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from seedcorpus.errors import ExportError

__all__ = ["atomic_destination"]


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


@contextmanager
def atomic_destination(
    destination: str | os.PathLike[str], *, force: bool = False, directory: bool = False
) -> Iterator[Path]:
    """Yield a temporary path beside ``destination``; rename it into place on success.

    :param force: replace an existing destination; without it, an existing one is an error.
    :param directory: the output is a folder (the yielded path does not exist yet).
    :raises ExportError: if the destination exists and ``force`` is false.
    """
    target = Path(destination)
    if target.exists() and not force:
        raise ExportError("already exists; use force (--force) to replace it", path=target)
    parent = target.parent
    if not parent.is_dir():
        raise ExportError("the folder to write into does not exist", path=parent)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    os.close(fd)
    temporary = Path(name)
    temporary.unlink()  # the writer creates it; mkstemp only reserved a unique name
    try:
        yield temporary
        _sync(temporary)
        if directory and target.is_dir():
            # A folder can't be renamed over a non-empty folder: move the old one aside first.
            old = temporary.with_name(temporary.name + ".old")
            target.rename(old)
            temporary.rename(target)
            _remove(old)
        else:
            os.replace(temporary, target)
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            if leftover.exists():
                _remove(leftover)
