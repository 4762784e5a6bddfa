"""Read, write and verify ``INDEX.md``, the manifest of a corpus.

The manifest is a Markdown document. Its first table with a ``file`` column lists the
article files, one row each; the text before and after the table is kept verbatim. The
table is read as markdown-it-py reads it (GFM tables): markdown-it is the reference, and a
fast path reads the plain rows ``format_manifest`` writes with string operations where it
can prove markdown-it would read the same. This module adds what markdown-it does not
check: ragged rows, duplicates, and paths that would reach outside the corpus. The
format is described in ``docs/manifest.md``.
"""

from __future__ import annotations

import functools
import hashlib
import operator
import os
import re
import secrets
import shutil
import stat
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate
from pathlib import Path, PurePosixPath
from typing import SupportsIndex, overload

import attrs
from markdown_it import MarkdownIt
from markdown_it.token import Token

from seedcorpus.decoding import decode
from seedcorpus.errors import ChecksumError, ManifestError, ParseError
from seedcorpus.models import Manifest, ManifestEntry
from seedcorpus.text import normalize

__all__ = [
    "DEFAULT_PREAMBLE",
    "INDEX_NAME",
    "KNOWN_COLUMNS",
    "build_manifest",
    "format_manifest",
    "parse_manifest",
    "path_problem",
    "read_entry_bytes",
    "read_manifest",
    "resolve_entry",
    "sha256_hex",
    "unlisted_files",
    "write_manifest",
]

INDEX_NAME = "INDEX.md"
"""The file name of the manifest in a corpus folder."""

KNOWN_COLUMNS = ("id", "file", "sha256", "title", "language", "parser")
"""The columns seedcorpus reads into :class:`~seedcorpus.models.ManifestEntry` fields,
lower-case; any other column is kept in ``ManifestEntry.extra``."""

DEFAULT_PREAMBLE = "# Corpus index\n\n"
"""The Markdown written before the table when a manifest has no preamble of its own."""

_MARKDOWN = MarkdownIt("commonmark").enable("table")
# markdown-it normalizes line endings before parsing; token maps count these lines.
_NEWLINES = re.compile(r"\r\n?")
# markdown-it's table rule treats a pipe right after a backslash as cell text, even when
# that backslash is itself escaped; counting cells must follow the same rule.
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
# CommonMark: a backslash before ASCII punctuation escapes it. The writer only escapes
# `\` and `|` (markdown-it itself turns `\|` into `|`), but hand-written cells may use
# any escape, and a reader sees them unescaped in the rendered table too.
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_LANGUAGE_LINE = re.compile(r"([a-z]{2})\s")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# The fast path (see "reading fast" below) asks markdown-it only about block structure:
# without the inline stage, the block tokens and their text are the same, in half the time.
_BLOCKS = MarkdownIt("commonmark").enable("table").disable("inline")
# A line markdown-it might take as a table's delimiter row.
_DELIMITER_LINE = re.compile(r"^[ ]{0,3}[|:-][|: \t-]*$", re.MULTILINE)
# A plain relative path: no empty, "." or ".." segment, no scheme, no space or control
# character. path_problem has nothing against it, and PurePosixPath leaves it unchanged.
_SAFE_FILE = re.compile(r"(?:[\w-][\w.-]*/)*[\w-][\w.-]*")
# The same for many paths, one a line: one call checks a column (possessive quantifiers,
# as no path character is "/" or a newline, so nothing is given back).
_SAFE_FILES = re.compile(
    r"(?:(?:[\w-][\w.-]*+/)*+[\w-][\w.-]*+\n)*+(?:[\w-][\w.-]*+/)*+[\w-][\w.-]*+"
)
# Raw sha256 cells, spaces and tabs around them, separated by "|": empty or 64 hex digits.
_SHA256_CELLS = re.compile(
    r"[ \t]*+(?:[0-9a-fA-F]{64})?+[ \t]*+(?:\|[ \t]*+(?:[0-9a-fA-F]{64})?+[ \t]*+)*+"
)
# Python's whitespace other than space, tab and newline (what str.isspace() is true for;
# a test checks the list): markdown-it and Python may trim these differently from the
# ends of a cell, so the fast path looks closer at rows where one of them appears.
_ODD_SPACES = (
    "\x0b\x0c\r\x1c\x1d\x1e\x1f",  # ASCII
    "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000",
)
_CHUNK = 1 << 20
"""Characters of the table the fast path splits into lines at once."""
# How the fast path keeps rows as bytes: a str may hold lone surrogates (not one read
# from a file), which strict UTF-8 refuses; these round-trip.
_UTF8 = ("utf-8", "surrogatepass")


def sha256_hex(data: bytes) -> str:
    """Return the lower-case hex SHA-256 of ``data``.

    >>> sha256_hex(b"")[:16]
    'e3b0c44298fc1c14'
    """
    return hashlib.sha256(data).hexdigest()


# --- reading ------------------------------------------------------------------------------


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
    if any(char in file for char in "\0\r\n"):
        return "contains a control character"
    if file != file.strip():
        return "starts or ends with whitespace"
    if all(part in ("", ".") for part in parts):
        return "does not name a file"
    return None


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


# --- reading fast -------------------------------------------------------------------------
#
# A manifest of a million rows took minutes in markdown-it. The fast path below reads the
# table with string operations, but only where it can prove markdown-it would read the
# same cells; markdown-it itself decides everything else:
#
# * where the table starts: markdown-it parses the text up to the first line pair that
#   looks like a header with a "file" column and a delimiter row. Where it finds the
#   table there, so does the whole document: block rules that look ahead (fences, HTML
#   blocks, paragraphs, setext headings) either stop at a table or, in the shorter text
#   too, run over it;
# * each body row starting and ending with an unescaped ``|`` (at most three spaces
#   before it) is split on unescaped pipes, as markdown-it's table rule does; any other
#   line, or a row whose cells start or end with whitespace other than spaces and tabs
#   (markdown-it and Python strip different sets), is parsed alone after the header and
#   delimiter lines, which decides it exactly as in the whole document;
# * the table ends at the first blank line or where markdown-it ends it.
#
# Cell values are then checked as the reference checks them, in the same order, so the
# same errors come out. Most slices of a large table hold only plain rows and no error:
# _plain_chunk checks a whole slice with a few calls; only other slices go row by row.
# Anything the fast path cannot prove (a header markdown-it does not confirm, as in a
# fenced block that never closes; a NUL) sends the whole text to markdown-it.


class _Unproven(Exception):
    """The fast path cannot prove it reads the text as markdown-it would."""


@attrs.frozen
class _Head:
    index: int
    """0-based line of the table's header."""
    start: int
    """Offset of the header line in the text."""
    body: int
    """Offset of the first line after the delimiter row."""
    header: list[str]
    """The raw header cells, as markdown-it read them."""
    lines: str
    """The header and delimiter lines, to parse a doubtful row after."""


def _find_head(text: str) -> _Head | None:
    """Find the manifest table's header, proven with markdown-it; ``None`` if there is
    no table with a ``file`` column.

    Every top-level table markdown-it reads has a delimiter line ``_DELIMITER_LINE``
    matches, after a header line whose pipe-separated parts include ``file``; where no
    line pair passes that filter, the reference finds no table either.

    :raises _Unproven: markdown-it reads no table, or another one, at the first pairs.
    """
    parsed = 0
    for match in _DELIMITER_LINE.finditer(text):
        start = match.start()
        if start == 0:
            continue
        header_start = text.rfind("\n", 0, start - 1) + 1
        header = text[header_start : start - 1]
        if "|" not in header or "file" not in map(_column_key, _CELL_SEPARATOR.split(header)):
            continue
        table = next(
            (t for t in _tables(_BLOCKS.parse(text[: match.end()])) if _has_file(t)), None
        )
        index = text.count("\n", 0, header_start)
        if table is not None:
            if table.start != index:
                raise _Unproven
            body = min(match.end() + 1, len(text))
            return _Head(index, header_start, body, table.header, text[header_start:body])
        parsed += 1
        if parsed == 3:  # in fenced blocks, say: leave the search to markdown-it
            raise _Unproven
    if parsed:
        raise _Unproven
    return None


def _has_file(table: _Table) -> bool:
    return "file" in map(_column_key, table.header)


def _row_parts(row: str) -> list[str]:
    """The raw cells of a row with an unescaped ``|`` at both ends, as markdown-it's
    table rule splits it, trimmed of spaces and tabs."""
    if "\\" in row:
        # A pipe after a backslash is text, and loses that backslash.
        parts = [part.replace("\\|", "|") for part in _CELL_SEPARATOR.split(row)[1:-1]]
    else:
        parts = row[1:-1].split("|")
    return [part.strip(" \t") for part in parts]


def _row_cells(row: str) -> list[str]:
    """The cells of a row in the plain form, unescaped."""
    parts = _row_parts(row)
    return [_unescape(part) for part in parts] if "\\" in row else parts


def _markdown_row(head: _Head, line: str) -> list[str] | None:
    """The raw cells markdown-it reads in ``line`` right after the table's header, or
    ``None`` if the line ends the table. A row's fate depends on that line alone."""
    table = next(_tables(_BLOCKS.parse(head.lines + line + "\n")), None)
    if table is None or table.start != 0:
        raise _Unproven
    return table.rows[0][1] if table.rows else None


def _plain_form(line: str, row: str) -> bool:
    """Whether ``line``, stripped to ``row``, is a row markdown-it splits on unescaped
    pipes: a pipe at both ends, not escaped, and fewer than four spaces (no tab) before."""
    indent = len(line) - len(line.lstrip(" "))
    return (
        indent < 4
        and row[0] == "|" == row[-1] == line[indent]
        and len(row) > 1
        and row[-2] != "\\"
    )


def _ends_in_space(cell: str) -> bool:
    return bool(cell) and (cell[0].isspace() or cell[-1].isspace())


def _id(entry: ManifestEntry) -> str:
    return entry.id


def _file_key(entry: ManifestEntry) -> str:
    return str(PurePosixPath(entry.file))


def _plain_row(cells: list[str]) -> str:
    """A row in the plain form that :func:`_row_cells` reads back as ``cells`` (raw)."""
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


class _Layout:
    """Which cell holds which field, to make entries from the cells of a row.

    Absent fields point one past the last cell, where :meth:`entry` puts an empty one.
    """

    __slots__ = ("extra", "file", "id", "language", "parser", "sha256", "shared", "title")

    def __init__(self, columns: Sequence[str], keys: Sequence[str]) -> None:
        where = {key: number for number, key in enumerate(keys)}
        past = len(keys)
        self.file = where["file"]
        self.id = where.get("id", past)
        self.sha256 = where.get("sha256", past)
        self.title = where.get("title", past)
        self.language = where.get("language", past)
        self.parser = where.get("parser", past)
        self.extra = tuple(
            (number, columns[number])
            for number, key in enumerate(keys)
            if key not in KNOWN_COLUMNS
        )
        # Languages and parsers repeat: entries made from the rows share them.
        self.shared: dict[str, str] = {}

    def entry(self, cells: list[str], line: int) -> ManifestEntry:
        """The entry of a row whose cells were checked when the manifest was read."""
        cells.append("")
        file = cells[self.file]
        sha256 = cells[self.sha256]
        return ManifestEntry(
            file,
            cells[self.id] or _default_id(file),
            sha256.lower() if sha256 else None,
            cells[self.title] or None,
            _shared(cells[self.language], self.shared),
            _shared(cells[self.parser], self.shared),
            tuple((name, cells[n]) for n, name in self.extra if cells[n]) if self.extra else (),
            line,
        )


class _CompactEntries(Sequence[ManifestEntry]):
    """The entries of a manifest read by the fast path, kept compact.

    A :class:`~seedcorpus.models.ManifestEntry` with its strings and line number costs
    about 550 bytes; here a row costs its UTF-8 text in the plain form plus 8 bytes, and
    an entry is made from it each time it is asked for (a couple of microseconds). It
    behaves as the tuple of those entries: it indexes, slices (to a tuple), iterates,
    compares equal to that tuple and hashes like it.
    """

    __slots__ = ("_columns", "_first_line", "_layout", "_rows", "_starts")

    def __init__(
        self,
        columns: tuple[str, ...],
        rows: bytes | bytearray,
        starts: array[int],
        first_line: int,
    ) -> None:
        self._columns = columns
        self._rows = rows
        """The rows in the plain form, each ending in a newline, UTF-8."""
        self._starts = starts
        """Where each row starts in ``_rows``, and where one more would."""
        self._first_line = first_line
        """The 1-based line of the first row; the others follow it."""
        self._layout = _Layout(columns, [_column_key(name) for name in columns])

    def _entry(self, index: int) -> ManifestEntry:
        row = self._rows[self._starts[index] : self._starts[index + 1] - 1].decode(*_UTF8)
        return self._layout.entry(_row_cells(row), self._first_line + index)

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, index: SupportsIndex) -> ManifestEntry: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[ManifestEntry, ...]: ...

    def __getitem__(
        self, index: SupportsIndex | slice
    ) -> ManifestEntry | tuple[ManifestEntry, ...]:
        if isinstance(index, slice):
            return tuple(self._entry(n) for n in range(*index.indices(len(self))))
        number = operator.index(index)
        if number < 0:
            number += len(self)
        if not 0 <= number < len(self):
            raise IndexError("manifest entry index out of range")
        return self._entry(number)

    def __iter__(self) -> Iterator[ManifestEntry]:
        # Decoding a few hundred rows at once is faster than one at a time.
        rows, starts, layout, count = self._rows, self._starts, self._layout, len(self)
        for first in range(0, count, 512):
            last = min(first + 512, count)
            block = rows[starts[first] : starts[last] - 1].decode(*_UTF8)
            line = self._first_line + first
            for offset, row in enumerate(block.split("\n")):
                yield layout.entry(_row_cells(row), line + offset)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, tuple | _CompactEntries):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __add__(self, other: tuple[ManifestEntry, ...]) -> tuple[ManifestEntry, ...]:
        return (*self, *other)

    def __radd__(self, other: tuple[ManifestEntry, ...]) -> tuple[ManifestEntry, ...]:
        return (*other, *self)

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[type[_CompactEntries], tuple[object, ...]]:
        return (type(self), (self._columns, self._rows, self._starts, self._first_line))


def _parse_plain(text: str, path: str) -> Manifest | None:
    """The fast path of :func:`parse_manifest`: the same manifest, or the same error, as
    :func:`_parse_markdown`; ``None`` where it cannot prove it reads the text the same.

    ``text`` has ``\\n`` line ends.
    """
    if "\0" in text:  # markdown-it reads NUL as U+FFFD in cells, not in the prose
        return None
    try:
        head = _find_head(text)
    except _Unproven:
        return None
    if head is None:
        raise ManifestError("no table with a 'file' column", path=path)
    columns = [_unescape(name) for name in head.header]
    keys = _check_columns(columns, path=path, line=head.index + 1)
    try:
        rows, starts, end = _read_rows(text, head, columns, keys, path)
    except _Unproven:
        return None
    entries: Sequence[ManifestEntry] = ()
    if len(starts) > 1:
        entries = _CompactEntries(tuple(columns), rows, starts, head.index + 3)
    return Manifest(
        entries=entries,
        columns=tuple(columns),
        preamble=text[: head.start],
        postamble=text[end:],
    )


def _plain_chunk(chunk: str, layout: _Layout, width: int, ids: set[int], files: set[int]) -> bool:
    """Whether ``chunk`` (whole lines, no odd whitespace) is all plain rows of ``width``
    cells, no escapes, with safe files, good checksums and new ids and files; if so, the
    hashes of its ids and files are added to ``ids`` and ``files``.

    Most chunks of a large manifest are; this checks them with a few calls, each over the
    whole chunk, where the loop in :func:`_read_rows` would run Python code for every row.
    Where this says no, that loop reads the chunk and finds the error, if there is one.
    """
    if "\\" in chunk:
        return False
    parts = chunk.split("|")
    count = chunk.count("\n") + 1
    step = width + 1
    # Every row starts and ends with a pipe and has width + 1 of them exactly when the
    # text between two rows, "|\n|", is at every step-th part and only there.
    if len(parts) != count * step + 1 or parts[0] or parts[-1]:
        return False
    if parts[step:-1:step].count("\n") != count - 1:
        return False
    strip = operator.methodcaller("strip", " \t")
    file_cells = list(map(strip, parts[1 + layout.file :: step]))
    if not _SAFE_FILES.fullmatch("\n".join(file_cells)):
        return False
    if layout.sha256 < width and not _SHA256_CELLS.fullmatch(
        "|".join(parts[1 + layout.sha256 :: step])
    ):
        return False
    if layout.id < width:
        id_cells = list(map(strip, parts[1 + layout.id :: step]))
        if not all(id_cells):  # default ids: the loop makes them
            return False
    else:
        id_cells = list(map(_default_id, file_cells))
    # A safe file is its own PurePosixPath form: the file cells are the keys.
    new_ids, new_files = set(map(hash, id_cells)), set(map(hash, file_cells))
    if len(new_ids) != count or len(new_files) != count:
        return False
    if not (new_ids.isdisjoint(ids) and new_files.isdisjoint(files)):
        return False
    ids |= new_ids
    files |= new_files
    return True


def _encoded(lines: list[str]) -> Iterator[bytes]:
    return (line.encode(*_UTF8) for line in lines)


def _read_rows(
    text: str, head: _Head, columns: list[str], keys: list[str], path: str
) -> tuple[bytearray, array[int], int]:
    """Read and check the body rows of the table. Return them in the plain form, UTF-8,
    each ending in a newline; where each starts; and the offset of the first line after
    the table.

    :raises ManifestError: as the reference would, for the first bad row.
    :raises _Unproven: where markdown-it must read the whole text.
    """
    layout = _Layout(columns, keys)
    width = len(columns)
    rows = bytearray()
    starts = array("Q", [0])
    kept: list[str] = []  # rows not yet in ``rows``
    # Hashes of the ids and file keys read: a set of a million strings would hold
    # 200 MB while the table is read. A hash met again is looked up among the rows.
    ids: set[int] = set()
    files: set[int] = set()
    first_line = head.index + 3
    safe_file, good_sha256 = _SAFE_FILE.fullmatch, _SHA256.fullmatch
    file_at, id_at, sha256_at = layout.file, layout.id, layout.sha256

    def flush() -> None:
        block = "\n".join(kept) + "\n"
        data = block.encode(*_UTF8)
        lengths = (
            [len(row) + 1 for row in kept]
            if len(data) == len(block)  # ASCII: a character is a byte
            else [len(row.encode(*_UTF8)) + 1 for row in kept]
        )
        starts.extend(accumulate(lengths, initial=starts.pop()))
        rows.extend(data)
        kept.clear()

    def first(value: str, of: Callable[[ManifestEntry], str]) -> int | None:
        """The line of the first row read whose id or file key is ``value``, if any."""
        flush()
        entries = _CompactEntries(tuple(columns), rows, starts, first_line)
        return next((entry.line for entry in entries if of(entry) == value), None)

    position, size, end = head.body, len(text), -1
    # The text is read in slices of whole lines: splitting a million lines at once
    # would hold a quarter of a gigabyte of line strings.
    while end < 0:
        stop = text.find("\n", position + _CHUNK) if position + _CHUNK < size else -1
        stop = size if stop < 0 else stop
        chunk = text[position:stop]
        # Scanning for a character is fast; looking at both ends of every cell is not.
        odd = _ODD_SPACES[0] if chunk.isascii() else "".join(_ODD_SPACES)
        doubtful = any(char in chunk for char in odd)
        if not doubtful and _plain_chunk(chunk, layout, width, ids, files):
            data = chunk.encode(*_UTF8)
            lines = chunk.split("\n")
            lengths = map(len, lines if len(data) == len(chunk) else _encoded(lines))
            starts.extend(accumulate(map((1).__add__, lengths), initial=starts.pop()))
            rows.extend(data)
            rows.append(0x0A)  # each row ends in a newline
            position = stop + 1
            end = size if stop == size else -1
            continue
        offset = position
        number = first_line + len(starts) - 1
        for line in chunk.split("\n"):
            if line[:1] == "|" == line[-1:] and line[-2:-1] != "\\" and len(line) > 1:
                row = line  # the plain form: nothing before or after the outer pipes
            else:
                row = line.strip(" \t")
                if not row:
                    end = offset
                    break
                if not _plain_form(line, row):
                    row = ""
            cells: list[str] | None = None
            if row:
                # A row to markdown-it whatever is in it, which it splits on unescaped
                # pipes; the cells are the same if none ends in odd whitespace.
                if "\\" in row:
                    parts = _CELL_SEPARATOR.split(row)[1:-1]
                    cells = [part.replace("\\|", "|").strip(" \t") for part in parts]
                else:
                    cells = [part.strip(" \t") for part in row[1:-1].split("|")]
                if doubtful and any(map(_ends_in_space, cells)):
                    cells = None
                elif len(cells) != width:
                    raise _ragged(len(cells), width, path, number)
                elif "\\" in row:
                    cells = [_unescape(cell) for cell in cells]
            if cells is None:
                raw = _markdown_row(head, line)
                if raw is None:  # markdown-it ends the table at this line
                    end = offset
                    break
                found = _count_cells(line)
                if found != width:
                    raise _ragged(found, width, path, number)
                cells = [_unescape(cell) for cell in raw]
                row = _plain_row(raw)
            cells.append("")  # the cell of the fields without a column
            file = cells[file_at]
            if safe_file(file) is None:
                # An odd path, maybe a bad one: check the row exactly as the reference.
                entry = _entry(columns, keys, cells[:width], path, number)
                article_id, key = entry.id, str(PurePosixPath(file))
            else:  # a plain relative path: safe, and as PurePosixPath writes it
                sha256 = cells[sha256_at]
                if sha256 and good_sha256(sha256) is None:
                    _entry(columns, keys, cells[:width], path, number)  # raises
                article_id, key = cells[id_at] or _default_id(file), file
            id_hash, key_hash = hash(article_id), hash(key)
            if id_hash in ids and (earlier := first(article_id, _id)) is not None:
                message = f"id {article_id!r} is already listed on line {earlier}"
                raise ManifestError(message, path=path, line=number)
            if key_hash in files and (earlier := first(key, _file_key)) is not None:
                message = f"file {file!r} is already listed on line {earlier}"
                raise ManifestError(message, path=path, line=number)
            ids.add(id_hash)
            files.add(key_hash)
            kept.append(row)
            offset += len(line) + 1
            number += 1
        if kept:
            flush()
        if end < 0 and stop == size:
            end = size
        position = stop + 1
    return rows, starts, end


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
        data = path.read_bytes()
    except FileNotFoundError:
        raise ManifestError("not found; a corpus folder needs an INDEX.md", path=path) from None
    except OSError as error:
        raise ManifestError(f"cannot be read: {error.strerror}", path=path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ManifestError("is not valid UTF-8", path=path, line=line) from None
    del data  # as large as the text: not kept while the manifest is parsed
    return parse_manifest(text, path=str(path))


# --- writing ------------------------------------------------------------------------------


def _escape(value: str) -> str:
    if any(char in value for char in "\0\r\n") or value != value.strip():
        raise ValueError(
            f"a table cell cannot hold {value!r}: no line breaks, NUL, or spaces at either end"
        )
    return value.replace("\\", "\\\\").replace("|", "\\|")


def _complete_columns(columns: Iterable[str], entries: Sequence[ManifestEntry]) -> list[str]:
    """Return ``columns`` plus a column for every value an entry has, so nothing is lost."""
    # One pass over the entries: compact ones are made anew on each pass.
    known = {"file"}
    extra: dict[str, None] = {}  # names in the order they are met
    for entry in entries:
        if entry.id != _default_id(entry.file):
            known.add("id")
        for key in ("sha256", "title", "language", "parser"):
            if getattr(entry, key):
                known.add(key)
        for name, value in entry.extra:
            if value:
                extra[name] = None
    result: list[str] = []
    seen: set[str] = set()
    for name in [*columns, *(key for key in KNOWN_COLUMNS if key in known), *extra]:
        if _column_key(name) not in seen:
            seen.add(_column_key(name))
            result.append(name)
    return result


def _cells(entry: ManifestEntry, keys: Sequence[str]) -> list[str]:
    known = {
        # A default id like "a " (from "a .txt") cannot be written in a cell, and an
        # empty id cell means the same, so write that.
        "id": "" if entry.id == _default_id(entry.file) != entry.id.strip() else entry.id,
        "file": entry.file,
        "sha256": entry.sha256,
        "title": entry.title,
        "language": entry.language,
        "parser": entry.parser,
    }
    extra = {_column_key(name): value for name, value in entry.extra}
    return [(known[key] if key in known else extra.get(key)) or "" for key in keys]


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(_escape(cell) for cell in cells) + " |\n"


def _is_blank(line: str) -> bool:
    return not line.strip(" \t")


def format_manifest(manifest: Manifest) -> str:
    """Return the Markdown of ``INDEX.md`` for ``manifest``.

    The output is deterministic and reads back equal with :func:`parse_manifest`: ``|``
    and ``\\`` in cells are escaped; a blank line separates the table from the preamble
    (``DEFAULT_PREAMBLE`` if it is empty) and the postamble; the text ends with a newline.
    A column is added for any field or extra cell that has a value but no column.

    :raises ValueError: a cell holds a line break or NUL, or starts or ends with
        whitespace, which a Markdown table cannot keep.
    """
    columns = _complete_columns(manifest.columns, manifest.entries)
    keys = [_column_key(name) for name in columns]
    preamble = manifest.preamble or DEFAULT_PREAMBLE
    if not preamble.endswith("\n") or not _is_blank(preamble[:-1].rpartition("\n")[2]):
        preamble = preamble.rstrip("\n") + "\n\n"
    postamble = manifest.postamble
    if postamble and not _is_blank(postamble.partition("\n")[0]):
        postamble = "\n" + postamble
    if postamble and not postamble.endswith("\n"):
        postamble += "\n"
    return "".join(
        [
            preamble,
            _row(columns),
            _row("---" for _ in columns),
            *(_row(_cells(entry, keys)) for entry in manifest.entries),
            postamble,
        ]
    )


def write_manifest(manifest: Manifest, root: str | os.PathLike[str]) -> Path:
    """Write ``manifest`` to ``root/INDEX.md`` atomically and return that path.

    The text goes to a hidden temporary file in ``root`` that then replaces ``INDEX.md``
    in one step, so a reader never sees a half-written manifest.
    """
    target = Path(root) / INDEX_NAME
    data = format_manifest(manifest).encode("utf-8")
    temporary = target.with_name(f".{INDEX_NAME}.{secrets.token_hex(8)}.tmp")
    # os.open applies the umask to 0o666, as for any new file; mkstemp would force 0o600.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if target.exists():
            shutil.copymode(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


# --- safety -------------------------------------------------------------------------------


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
    first, *rest = [part for part in file.split("/") if part not in ("", ".")] or [""]
    if not rest:
        return os.open(os.path.join(root, first), _FILE_FLAGS)
    folder = os.open(os.path.join(root, first), _FOLDER_FLAGS)
    try:
        for part in rest[:-1]:
            inner = os.open(part, _FOLDER_FLAGS, dir_fd=folder)
            os.close(folder)
            folder = inner
        return os.open(rest[-1], _FILE_FLAGS, dir_fd=folder)
    finally:
        os.close(folder)


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
        # The size is checked before reading, so a huge file is never read; readall()
        # then sizes its buffer from the file (read(max_bytes + 1) would allocate that).
        too_large = max_bytes is not None and status.st_size > max_bytes
        with open(descriptor, "rb", buffering=0, closefd=False) as file:
            data = b"" if too_large else file.read()
    except OSError as error:
        message = f"cannot be read: {error.strerror or error}"
        raise ParseError(message, path=Path(root) / entry.file) from None
    finally:
        os.close(descriptor)
    if too_large or (max_bytes is not None and len(data) > max_bytes):  # it may have grown
        message = f"is larger than the limit of {max_bytes} bytes"
        raise ParseError(message, path=Path(root) / entry.file)
    return data


def _article_files(root: Path, pattern: str) -> list[str]:
    """Return the relative POSIX paths of the article files a manifest could list."""
    real_root = root.resolve()
    found = []
    for path in root.glob(pattern):
        relative = path.relative_to(root).as_posix()
        if (
            relative == INDEX_NAME
            or any(part.startswith(".") for part in relative.split("/"))
            or path_problem(relative)
            or not path.is_file()
            or not path.resolve().is_relative_to(real_root)
        ):
            continue
        found.append(relative)
    return sorted(found)


def unlisted_files(
    root: str | os.PathLike[str], manifest: Manifest, pattern: str = "**/*.txt"
) -> list[str]:
    """Return the article files under ``root`` that ``manifest`` does not list.

    Files are matched by ``pattern`` (a ``pathlib.Path.glob`` pattern); hidden files
    and folders, ``INDEX.md`` and files that resolve outside ``root`` are not article
    files. Paths are relative, with ``/``, sorted.
    """
    listed = {PurePosixPath(entry.file) for entry in manifest.entries}
    return [f for f in _article_files(Path(root), pattern) if PurePosixPath(f) not in listed]


# --- building -----------------------------------------------------------------------------


def _title_and_language(data: bytes) -> tuple[str | None, str | None]:
    lines = decode(data)[0].splitlines()
    blocks = (line for line in lines if line.strip())
    # A table cell cannot hold control characters (a NUL, in a damaged file).
    title = normalize(_CONTROL.sub("", next(blocks, "")))
    match = _LANGUAGE_LINE.match(next(blocks, ""))
    return title or None, match.group(1) if match else None


def _assign_ids(files: Sequence[str], kept: dict[str, str]) -> dict[str, str]:
    """Give each file a unique id. Files in ``kept`` keep theirs; a new file gets its name
    without extension, or where that clashes its path without extension, then its path."""
    forms: list[Callable[[str], str]] = [
        _default_id,
        lambda file: str(PurePosixPath(file).with_suffix("")),
        lambda file: file,
    ]
    form = {file: 0 for file in files if file not in kept}
    while True:
        ids = kept | {file: forms[n](file) for file, n in form.items()}
        counts = Counter(ids.values())
        clashing = [file for file, n in form.items() if counts[ids[file]] > 1]
        if not clashing:
            return ids
        movable = [file for file in clashing if form[file] < len(forms) - 1]
        if not movable:
            # Paths are unique, so only a hand-chosen id kept from before can get here.
            raise ManifestError(
                f"cannot give {clashing[0]!r} an id: {ids[clashing[0]]!r} is taken"
            )
        for file in movable:
            form[file] += 1


def build_manifest(
    root: str | os.PathLike[str],
    *,
    pattern: str = "**/*.txt",
    parser: str | None = None,
    titles: bool = True,
    previous: Manifest | None = None,
    max_bytes: int | None = None,
) -> Manifest:
    """Scan ``root`` and return a manifest listing its article files.

    Files are those :func:`unlisted_files` would consider, sorted by relative path. Each
    entry gets the file's ``sha256``; if ``titles``, its first non-empty line as
    ``title``; ``language`` when the next non-empty line starts with a two-letter code
    and a space (the ANTARA tag line, ``id tag,tag``); and ``parser``. Ids are the file
    name without its extension; files that would share an id get their relative path
    without extension instead.

    :param previous: the manifest being rebuilt. Its preamble, postamble and columns are
        kept, and for files still present their id, extra cells and (unless ``parser``
        is given) parser.
    :param max_bytes: refuse files larger than this many bytes; ``None`` for no limit.
    :raises ManifestError: a new file's id would clash with an id kept from ``previous``
        whatever form it takes (only with hand-chosen ids).
    :raises ParseError: a file is larger than ``max_bytes`` or cannot be read.
    """
    root = Path(root)
    files = _article_files(root, pattern)
    old = {PurePosixPath(e.file): e for e in previous.entries} if previous else {}
    kept = {f: old[PurePosixPath(f)] for f in files if PurePosixPath(f) in old}
    ids = _assign_ids(files, {f: e.id for f, e in kept.items()})
    entries = []
    for file in files:
        # Read as a corpus reads it: never through a symlink out of it, within the limit.
        data = read_entry_bytes(root, ManifestEntry(file=file, id=ids[file]), max_bytes=max_bytes)
        title, language = _title_and_language(data)
        before = kept.get(file)
        entries.append(
            ManifestEntry(
                file=file,
                id=ids[file],
                sha256=sha256_hex(data),
                title=title if titles else None,
                language=language,
                parser=parser or (before.parser if before else None),
                extra=before.extra if before else (),
            )
        )
    if previous is None:
        return Manifest(entries=tuple(entries))
    return Manifest(
        entries=tuple(entries),
        columns=tuple(_complete_columns(previous.columns, entries)),
        preamble=previous.preamble,
        postamble=previous.postamble,
    )
