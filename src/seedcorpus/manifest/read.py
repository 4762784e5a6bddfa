"""Reading ``INDEX.md``: the reference reader, markdown-it-py reading a GFM table.

:func:`parse_manifest` tries the fast reader (:mod:`seedcorpus.manifest._fast`) first and
falls back to markdown-it wherever the fast one cannot prove it reads the same; both give
the same manifest or the same error. Beyond what markdown-it checks, rows are checked
for ragged cells, duplicates and unsafe paths.
"""

from __future__ import annotations

import os
import re
from pathlib import Path, PurePosixPath

from markdown_it import MarkdownIt

from seedcorpus.errors import ManifestError
from seedcorpus.manifest._fast import _file_chunks, _parse_plain, _stream_plain, _Unproven
from seedcorpus.manifest.table import (
    INDEX_NAME,
    _check_columns,
    _column_key,
    _count_cells,
    _entry,
    _ragged,
    _tables,
    _unescape,
)
from seedcorpus.models import Manifest, ManifestEntry

__all__ = ["parse_manifest", "read_manifest"]

_MARKDOWN = MarkdownIt("commonmark").enable("table")
# markdown-it normalizes line endings before parsing; token maps count these lines.
_NEWLINES = re.compile(r"\r\n?")


def parse_manifest(text: str, *, path: str = INDEX_NAME) -> Manifest:
    """Parse the text of an ``INDEX.md``.

    A table in the plain form :func:`format_manifest` writes is read without
    markdown-it, and its entries are kept compact (``Manifest.entries`` is then a
    read-only sequence that makes each entry when asked for it); anything the fast path
    cannot prove it reads as markdown-it would goes to markdown-it. Both give the same
    manifest, or the same error.

    :param text: the whole document.
    :param path: how to name the document in errors, e.g. ``seeds/INDEX.md``.
    :raises ManifestError: the document has no table with a ``file`` column, a row has
        the wrong number of cells, a ``file`` cell is empty or unsafe, a ``sha256`` is
        not 64 hex digits, or an id or a file is listed twice. The message names
        ``path`` and the line.
    """
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    manifest = _parse_plain(text, path)
    return manifest if manifest is not None else _parse_markdown(text, path=path)


def _parse_markdown(text: str, *, path: str = INDEX_NAME) -> Manifest:
    """The reference reader: :func:`parse_manifest` with markdown-it parsing the whole
    document, whatever its form."""
    text = _NEWLINES.sub("\n", text)
    lines = text.split("\n")
    table = next(
        (t for t in _tables(_MARKDOWN.parse(text)) if "file" in map(_column_key, t.header)),
        None,
    )
    if table is None:
        raise ManifestError("no table with a 'file' column", path=path)

    columns = [_unescape(name) for name in table.header]
    keys = _check_columns(columns, path=path, line=table.start + 1)
    entries: list[ManifestEntry] = []
    line_of_id: dict[str, int] = {}
    line_of_file: dict[PurePosixPath, int] = {}
    shared: dict[str, str] = {}
    for index, raw_cells in table.rows:
        line = index + 1
        found = _count_cells(lines[index])
        if found != len(columns):
            raise _ragged(found, len(columns), path, line)
        values = [_unescape(cell) for cell in raw_cells]
        entry = _entry(columns, keys, values, path, line, shared)
        if entry.id in line_of_id:
            message = f"id {entry.id!r} is already listed on line {line_of_id[entry.id]}"
            raise ManifestError(message, path=path, line=line)
        file_key = PurePosixPath(entry.file)
        if file_key in line_of_file:
            message = f"file {entry.file!r} is already listed on line {line_of_file[file_key]}"
            raise ManifestError(message, path=path, line=line)
        line_of_id[entry.id] = line
        line_of_file[file_key] = line
        entries.append(entry)

    return Manifest(
        entries=tuple(entries),
        columns=tuple(columns),
        preamble="".join(f"{line}\n" for line in lines[: table.start]),
        postamble="\n".join(lines[table.end :]),
    )


def read_manifest(root: str | os.PathLike[str]) -> Manifest:
    """Read and parse ``root/INDEX.md``.

    :raises ManifestError: the file is missing, a symlink out of ``root``, unreadable, not
        UTF-8, or malformed (see :func:`parse_manifest`); errors name the file as
        ``root/INDEX.md``.
    """
    path = Path(root) / INDEX_NAME
    try:
        outside = not path.resolve().is_relative_to(Path(root).resolve())
    except (OSError, RuntimeError):  # a symlink loop: reading it says so
        outside = False
    if outside:
        raise ManifestError("is a symlink to a file outside the corpus", path=path)
    try:
        # Read a chunk at a time: a large manifest's text and its compact rows are
        # never held at once. Anything unusual is read again, whole, below.
        with path.open("rb") as file:
            return _stream_plain(_file_chunks(file), str(path))
    except (_Unproven, UnicodeDecodeError, ManifestError):
        pass  # markdown-it decides, or the error is found again with its line
    except FileNotFoundError:
        raise ManifestError("not found; a corpus folder needs an INDEX.md", path=path) from None
    except OSError as error:
        raise ManifestError(f"cannot be read: {error.strerror}", path=path) from None
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ManifestError(f"cannot be read: {error.strerror}", path=path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ManifestError("is not valid UTF-8", path=path, line=line) from None
    del data  # as large as the text: not kept while the manifest is parsed
    return parse_manifest(text, path=str(path))
