"""The shape of the manifest table, shared by the reader, the fast reader and the writer.

The column names seedcorpus knows, what makes a path safe to list, and how a row's
cells become a checked :class:`~seedcorpus.models.ManifestEntry`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath

import attrs
from markdown_it.token import Token

from seedcorpus.errors import ManifestError
from seedcorpus.models import ManifestEntry

__all__ = ["DEFAULT_PREAMBLE", "INDEX_NAME", "KNOWN_COLUMNS", "path_problem"]

INDEX_NAME = "INDEX.md"
"""The file name of the manifest in a corpus folder."""

KNOWN_COLUMNS = ("id", "file", "sha256", "title", "language", "parser")
"""The columns seedcorpus reads into :class:`~seedcorpus.models.ManifestEntry` fields,
lower-case; any other column is kept in ``ManifestEntry.extra``."""

DEFAULT_PREAMBLE = "# Corpus index\n\n"
"""The Markdown written before the table when a manifest has no preamble of its own."""
# markdown-it's table rule treats a pipe right after a backslash as cell text, even when
# that backslash is itself escaped; counting cells must follow the same rule.
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
# CommonMark: a backslash before ASCII punctuation escapes it. The writer only escapes
# `\` and `|` (markdown-it itself turns `\|` into `|`), but hand-written cells may use
# any escape, and a reader sees them unescaped in the rendered table too.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# Names of letters, digits, "_", "-" and ".", not starting with "." (so never ".." or
# "."), joined by single "/": no scheme, no space, no control character, not absolute.
_PLAIN_PATH = re.compile(r"[\w-][\w.-]*(?:/[\w-][\w.-]*)*")


@attrs.frozen
class _Table:
    start: int
    """0-based index of the header line."""
    end: int
    """0-based index of the first line after the table."""
    header: list[str]
    rows: list[tuple[int, list[str]]]
    """(0-based line index, raw cell contents) for each body row."""


def _tables(tokens: Sequence[Token]) -> Iterator[_Table]:
    """Yield the top-level tables; tables in lists or quotes belong to the prose."""
    table: _Table | None = None
    cells: list[str] = []
    for token in tokens:
        if token.type == "table_open" and token.level == 0 and token.map:
            table = _Table(start=token.map[0], end=token.map[1], header=[], rows=[])
            cells = table.header
        elif table is None:
            continue
        elif token.type == "tr_open" and token.map and token.map[0] != table.start:
            cells = []
            table.rows.append((token.map[0], cells))
        elif token.type == "inline":
            cells.append(token.content)
        elif token.type == "table_close":
            yield table
            table = None


def _column_key(name: str) -> str:
    return name.strip().lower()


def _unescape(content: str) -> str:
    return _ESCAPE.sub(r"\1", content)


def _count_cells(line: str) -> int:
    cells = _CELL_SEPARATOR.split(line.strip())
    # As in GFM, a pipe at either end of the row opens or closes it and makes no cell.
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return len(cells)


def _default_id(file: str) -> str:
    # PurePosixPath(file).stem without making a path object for every row: where the
    # last segment has a dot inside it, every Python version agrees; the rest is left
    # to pathlib (trailing slashes, "." segments, names starting or ending with a dot).
    name = file.rpartition("/")[2]
    dot = name.rfind(".")
    if 0 < dot < len(name) - 1:
        return name[:dot]
    return PurePosixPath(file).stem


def path_problem(file: str) -> str | None:
    """Say why ``file`` cannot be a path inside the corpus, judging the text alone;
    ``None`` if it can."""
    # Checked for every article read: a path of plain names passes every check below.
    if _PLAIN_PATH.fullmatch(file):
        return _ITSELF if file == INDEX_NAME else None
    return _path_problem(file)


_ITSELF = f"is {INDEX_NAME} itself: the manifest lists the articles, it is not one"


def _path_problem(file: str) -> str | None:
    if not file:
        return "is empty"
    if "\\" in file:
        return "contains a backslash; use '/' between folders"
    if _URL_SCHEME.match(file):
        return "looks like a URL; only paths inside the corpus are allowed"
    if file.startswith("/"):
        return "is an absolute path; use a path relative to the corpus folder"
    parts = file.split("/")
    if ".." in parts:
        return "contains '..'; a manifest cannot list files outside the corpus"
    if "\0" in file or "\r" in file or "\n" in file:  # checked for every article read
        return "contains a control character"
    if file != file.strip():
        return "starts or ends with whitespace"
    named = [part for part in parts if part not in ("", ".")]
    if not named:
        return "does not name a file"
    if named == [INDEX_NAME]:
        return _ITSELF
    return None


def _check_columns(columns: list[str], *, path: str, line: int) -> list[str]:
    keys = [_column_key(name) for name in columns]
    for number, (name, key) in enumerate(zip(columns, keys, strict=True), start=1):
        if not key:
            raise ManifestError(f"column {number} has no name", path=path, line=line)
        if keys.index(key) != number - 1:
            raise ManifestError(f"column {name!r} appears twice", path=path, line=line)
    return keys


def _ragged(found: int, width: int, path: str, line: int) -> ManifestError:
    cells = "cell" if found == 1 else "cells"
    return ManifestError(f"row has {found} {cells}, header has {width}", path=path, line=line)


def _entry(
    columns: list[str],
    keys: list[str],
    values: list[str],
    path: str,
    line: int,
    shared: dict[str, str] | None = None,
) -> ManifestEntry:
    """The entry of a row, checked; languages and parsers are taken from ``shared``
    (and added to it), so that the entries of a manifest share the few there are."""
    shared = {} if shared is None else shared
    cells = dict(zip(keys, values, strict=True))
    file = cells["file"]
    if not file:
        raise ManifestError("the 'file' cell is empty", path=path, line=line)
    problem = path_problem(file)
    if problem:
        raise ManifestError(f"file {file!r} {problem}", path=path, line=line)
    sha256 = cells.get("sha256") or None
    if sha256 is not None and not _SHA256.fullmatch(sha256):
        raise ManifestError(f"sha256 {sha256!r} is not 64 hex digits", path=path, line=line)
    return ManifestEntry(
        file=file,
        id=cells.get("id") or _default_id(file),
        sha256=sha256.lower() if sha256 else None,
        title=cells.get("title") or None,
        language=_shared(cells.get("language"), shared),
        parser=_shared(cells.get("parser"), shared),
        extra=tuple(
            (name, value)
            for name, key, value in zip(columns, keys, values, strict=True)
            if key not in KNOWN_COLUMNS and value
        ),
        line=line,
    )


def _shared(value: str | None, shared: dict[str, str]) -> str | None:
    """``value`` or an equal string from ``shared``; ``None`` for an empty value."""
    if not value:
        return None
    found = shared.get(value)
    if found is None:
        if len(shared) < 64:  # a column of distinct values must not fill it
            shared[value] = value
        return value
    return found
