"""The fast reader of ``INDEX.md``: plain tables read with string operations, proved
equal to markdown-it, and held compactly.

Private to :mod:`seedcorpus.manifest`; :func:`seedcorpus.manifest.parse_manifest` uses it
where it can, and the properties in ``tests/test_manifest.py`` hold it to the reference
reader.
"""

from __future__ import annotations

import operator
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from pathlib import PurePosixPath
from typing import SupportsIndex, overload

import attrs
from markdown_it import MarkdownIt

from seedcorpus.errors import ManifestError
from seedcorpus.manifest.table import (
    _CELL_SEPARATOR,
    _SHA256,
    KNOWN_COLUMNS,
    _check_columns,
    _column_key,
    _count_cells,
    _default_id,
    _entry,
    _ragged,
    _shared,
    _Table,
    _tables,
    _unescape,
)
from seedcorpus.models import Manifest, ManifestEntry

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
