"""Safe access to the files a manifest lists: never outside the corpus, checked
against their ``sha256``, within a size limit."""

from __future__ import annotations

import functools
import hashlib
import os
import stat
from pathlib import Path

from seedcorpus.errors import ChecksumError, ManifestError, ParseError
from seedcorpus.manifest.table import INDEX_NAME, path_problem
from seedcorpus.models import ManifestEntry

__all__ = ["read_entry_bytes", "resolve_entry", "sha256_hex"]


def sha256_hex(data: bytes) -> str:
    """Return the lower-case hex SHA-256 of ``data``.

    >>> sha256_hex(b"")[:16]
    'e3b0c44298fc1c14'
    """
    return hashlib.sha256(data).hexdigest()


def resolve_entry(root: str | os.PathLike[str], entry: ManifestEntry) -> Path:
    """Return the real path of ``entry``'s file, refusing anything outside ``root``.

    Refused, with a :class:`~seedcorpus.errors.ManifestError` naming ``root/INDEX.md`` and
    the entry's line: an empty path, a backslash, a URL (``scheme:``), an absolute path,
    a ``..`` segment, a path whose real path (after following symlinks) is not inside
    the real path of ``root``, a missing file, a folder or anything not a regular file.
    Nothing is opened.
    """
    index = Path(root) / INDEX_NAME
    problem = path_problem(entry.file)
    if problem:
        raise ManifestError(f"file {entry.file!r} {problem}", path=index, line=entry.line)
    try:
        real_root = _real_root(os.fspath(root))
        real = (real_root / entry.file).resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop before 3.13
        message = f"file {entry.file!r} cannot be resolved: {error}"
        raise ManifestError(message, path=index, line=entry.line) from None
    if not real.is_relative_to(real_root):
        message = f"file {entry.file!r} resolves to {str(real)!r}, outside the corpus"
        raise ManifestError(message, path=index, line=entry.line)
    try:
        mode = real.stat().st_mode  # one stat answers exists, folder and regular file
    except OSError:
        raise ManifestError(
            f"file {entry.file!r} does not exist", path=index, line=entry.line
        ) from None
    if stat.S_ISDIR(mode):
        message = f"file {entry.file!r} is a folder, not a file"
        raise ManifestError(message, path=index, line=entry.line)
    if not stat.S_ISREG(mode):
        message = f"file {entry.file!r} is not a regular file"
        raise ManifestError(message, path=index, line=entry.line)
    return real


@functools.lru_cache(maxsize=64)
def _real_root(root: str) -> Path:
    # Resolving the corpus root for every article was a quarter of reading one.
    return Path(root).resolve(strict=True)


def read_entry_bytes(
    root: str | os.PathLike[str], entry: ManifestEntry, *, max_bytes: int | None = None
) -> bytes:
    """Return the bytes of ``entry``'s file, checked against the manifest.

    The file is opened folder by folder from ``root`` without following symlinks; only
    when that meets one is the path checked with :func:`resolve_entry`, which follows
    symlinks that stay inside the corpus. Either way no file outside ``root`` is opened.

    :param max_bytes: refuse files larger than this many bytes; ``None`` for no limit.
    :raises ManifestError: the path is refused by :func:`resolve_entry`, or names a
        folder or something else that is not a regular file.
    :raises ParseError: the file cannot be read, or is larger than ``max_bytes``.
    :raises ChecksumError: the entry has a ``sha256`` and the bytes do not match it.
    """
    problem = path_problem(entry.file)
    if problem:
        raise ManifestError(
            f"file {entry.file!r} {problem}", path=Path(root) / INDEX_NAME, line=entry.line
        )
    try:
        descriptor = _open_beneath(os.fspath(root), entry.file)
    except OSError:
        # A symlink, a missing file or folder, a platform without openat: the slow path
        # says which, or allows a symlink that stays inside the corpus.
        real = resolve_entry(root, entry)
        try:
            descriptor = os.open(real, _FILE_FLAGS)
        except OSError as error:  # no permission, or changed since it was resolved
            message = f"cannot be read: {error.strerror or error}"
            raise ParseError(message, path=Path(root) / entry.file) from None
    data = _read_regular_file(descriptor, root, entry, max_bytes)
    if entry.sha256 is not None:
        actual = sha256_hex(data)
        if actual != entry.sha256.lower():
            message = f"sha256 is {actual[:12]}..., manifest says {entry.sha256[:12].lower()}..."
            raise ChecksumError(message, path=Path(root) / entry.file)
    return data


# O_NOFOLLOW makes opening a symlink fail (ELOOP) rather than follow it; O_NONBLOCK keeps
# opening a named pipe from waiting for a writer, so it can be refused after fstat.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_FILE_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _NOFOLLOW
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | _NOFOLLOW
_OPENAT = os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")


def _open_beneath(root: str, file: str) -> int:
    """Open ``root/file`` for reading, following no symlink below ``root``.

    Resolving every path (:func:`resolve_entry`) costs several ``lstat`` calls and was
    most of the time taken to read an article; opening each folder relative to the
    previous one is as safe and a few times faster.

    :raises OSError: on any symlink, missing part, or where ``dir_fd`` is unsupported.
    """
    if not _OPENAT:
        raise OSError("opening relative to a folder is not supported here")
    # The root itself may be reached through symlinks: only what is below it must not.
    # O_NOFOLLOW applies to the last part of a path, so the first part is opened by its
    # whole path, and the rest relative to it.
    parts = file.split("/")
    if "" in parts or "." in parts:  # "a//b" or "./a": these parts name no folder
        parts = [part for part in parts if part not in ("", ".")] or [""]
    first = _joined(root, parts[0])
    if len(parts) == 1:
        return os.open(first, _FILE_FLAGS)
    folder = os.open(first, _FOLDER_FLAGS)
    try:
        for part in parts[1:-1]:
            inner = os.open(part, _FOLDER_FLAGS, dir_fd=folder)
            os.close(folder)
            folder = inner
        return os.open(parts[-1], _FILE_FLAGS, dir_fd=folder)
    finally:
        os.close(folder)


def _joined(root: str, part: str) -> str:
    """``os.path.join(root, part)`` for a ``part`` that does not start with ``/``,
    without the checks and conversions that made it a tenth of opening a file."""
    return root + part if not root or root.endswith(os.sep) else f"{root}{os.sep}{part}"


def _read_regular_file(
    descriptor: int, root: str | os.PathLike[str], entry: ManifestEntry, max_bytes: int | None
) -> bytes:
    """The bytes of an opened file (the descriptor is closed), refused unless it is a
    regular file within the limit."""
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            problem = "is a folder, not a file" if stat.S_ISDIR(status.st_mode) else None
            message = f"file {entry.file!r} {problem or 'is not a regular file'}"
            raise ManifestError(message, path=Path(root) / INDEX_NAME, line=entry.line)
        # The size is checked before reading, so a huge file is never read.
        too_large = max_bytes is not None and status.st_size > max_bytes
        data = b"" if too_large else _read_all(descriptor, status.st_size)
    except OSError as error:
        message = f"cannot be read: {error.strerror or error}"
        raise ParseError(message, path=Path(root) / entry.file) from None
    finally:
        os.close(descriptor)
    if too_large or (max_bytes is not None and len(data) > max_bytes):  # it may have grown
        message = f"is larger than the limit of {max_bytes} bytes"
        raise ParseError(message, path=Path(root) / entry.file)
    return data


def _read_all(descriptor: int, size: int) -> bytes:
    """Every byte of an open file whose size was ``size`` (it may have changed since).

    One ``os.read`` in place of a file object, whose construction cost more than the
    read itself, for every article. A read that returns exactly ``size`` bytes has the
    whole file as ``fstat`` saw it; otherwise (it grew, or a short read) reading goes
    on to the end.
    """
    data = os.read(descriptor, size + 1)
    if len(data) == size:
        return data
    chunks = [data]
    while chunks[-1]:
        chunks.append(os.read(descriptor, max(size, 65536)))
    return b"".join(chunks)
