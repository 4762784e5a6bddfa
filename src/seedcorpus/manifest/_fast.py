"""The fast reader of ``INDEX.md``: plain tables read with string operations, proved
equal to markdown-it, and held compactly.

Private to :mod:`seedcorpus.manifest`; :func:`seedcorpus.manifest.parse_manifest` uses it
where it can, and the properties in ``tests/test_manifest.py`` hold it to the reference
reader. :func:`seedcorpus.manifest.read_manifest` feeds it the file a slice at a time,
so that the text of a large manifest and its compact rows are never held at once.
"""

from __future__ import annotations

import codecs
import collections
import itertools
import operator
import re
from array import array
from collections.abc import Iterator, Sequence
from itertools import accumulate
from pathlib import PurePosixPath
from typing import BinaryIO

import attrs
from markdown_it import MarkdownIt

from seedcorpus.errors import ManifestError
from seedcorpus.manifest._compact import _UTF8, _CompactEntries, _Layout
from seedcorpus.manifest.table import (
    _CELL_SEPARATOR,
    _SHA256,
    _check_columns,
    _column_key,
    _count_cells,
    _default_id,
    _entry,
    _ragged,
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
_CHUNK = 1 << 16
"""Characters of the table the fast path splits into lines at once."""

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


def _parse_plain(text: str, path: str) -> Manifest | None:
    """The fast path of :func:`parse_manifest`: the same manifest, or the same error, as
    :func:`_parse_markdown`; ``None`` where it cannot prove it reads the text the same.

    ``text`` has ``\\n`` line ends.
    """
    if "\0" in text:  # markdown-it reads NUL as U+FFFD in cells, not in the prose
        return None
    try:
        head = _find_head(text)
        if head is None:
            raise ManifestError("no table with a 'file' column", path=path)
        return _read_table(text[: head.start], head, _text_chunks(text, head.body), path)
    except _Unproven:
        return None


def _stream_plain(chunks: Iterator[str], path: str) -> Manifest:
    """:func:`_parse_plain` of the text ``chunks`` make up (whole lines, ``\\n`` line
    ends, no NUL), reading it one chunk at a time: a large manifest's text is never
    held whole, only its compact rows.

    :raises _Unproven: where :func:`_parse_plain` of the whole text would return None.
    """
    prefix = ""
    for chunk in chunks:
        prefix += chunk
        head = _find_head(prefix)
        if head is not None:
            rest = itertools.chain([prefix[head.body :]], chunks)
            return _read_table(prefix[: head.start], head, rest, path)
    raise ManifestError("no table with a 'file' column", path=path)


def _file_chunks(file: BinaryIO) -> Iterator[str]:
    """The text of a UTF-8 ``file`` (a BOM dropped) in chunks of whole lines.

    :raises _Unproven: at a carriage return or a NUL, which :func:`parse_manifest`
        replaces or leaves to markdown-it: the whole text must be read.
    :raises UnicodeDecodeError: where the bytes are not UTF-8.
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    carry = ""
    while True:
        data = file.read(_CHUNK)
        text = carry + decoder.decode(data, final=not data)
        if "\r" in text or "\0" in text:
            raise _Unproven
        if not data:
            if text:
                yield text
            return
        cut = text.rfind("\n") + 1
        if cut:
            yield text[:cut]
        carry = text[cut:]


def _read_table(preamble: str, head: _Head, body: Iterator[str], path: str) -> Manifest:
    """The manifest whose table starts at ``head``; ``body`` is the text after the
    table's delimiter row, in chunks of whole lines."""
    columns = [_unescape(name) for name in head.header]
    keys = _check_columns(columns, path=path, line=head.index + 1)
    rows = _Rows(columns, keys, head.index + 3, path)
    postamble = rows.read(head, body)
    entries: Sequence[ManifestEntry] = rows.entries()
    if not entries:
        entries = ()
    return Manifest(
        entries=entries, columns=tuple(columns), preamble=preamble, postamble=postamble
    )


def _text_chunks(text: str, start: int) -> Iterator[str]:
    """``text[start:]`` in slices of whole lines: splitting a million lines at once
    would hold a quarter of a gigabyte of line strings."""
    position, size = start, len(text)
    while position < size:
        stop = text.find("\n", position + _CHUNK)
        stop = size if stop < 0 else stop + 1
        yield text[position:stop]
        position = stop


def _plain_chunk(chunk: str, layout: _Layout, width: int) -> tuple[list[str], list[str]] | None:
    """The id and file key of every row of ``chunk`` (whole lines, no odd whitespace),
    if all its rows are plain rows of ``width`` cells, no escapes, with safe files and
    good checksums; ``None`` otherwise.

    Most chunks of a large manifest are; this checks them with a few calls, each over the
    whole chunk, where the loop in :meth:`_Rows.read` would run Python code for every row.
    Where this says no, that loop reads the chunk and finds the error, if there is one.
    """
    if "\\" in chunk:
        return None
    parts = chunk.split("|")
    count = chunk.count("\n") + 1
    step = width + 1
    # Every row starts and ends with a pipe and has width + 1 of them exactly when the
    # text between two rows, "|\n|", is at every step-th part and only there.
    if len(parts) != count * step + 1 or parts[0] or parts[-1]:
        return None
    if parts[step:-1:step].count("\n") != count - 1:
        return None
    strip = operator.methodcaller("strip", " \t")
    file_cells = list(map(strip, parts[1 + layout.file :: step]))
    if not _SAFE_FILES.fullmatch("\n".join(file_cells)):
        return None
    if layout.sha256 < width and not _SHA256_CELLS.fullmatch(
        "|".join(parts[1 + layout.sha256 :: step])
    ):
        return None
    if layout.id < width:
        id_cells = list(map(strip, parts[1 + layout.id :: step]))
        if not all(id_cells):  # default ids: the loop makes them
            return None
    else:
        id_cells = list(map(_default_id, file_cells))
    # A safe file is its own PurePosixPath form: the file cells are the keys.
    return id_cells, file_cells


class _Rows:
    """The body rows of a table as they are read and checked: in the plain form, UTF-8,
    each ending in a newline, with where each starts and the hashes of ids and file keys.

    Duplicates are found from the hashes once the rows are read (or before another error
    is raised): a set of a million ids and files would hold 120 MB while the table is
    read, the hashes in arrays 16 MB.
    """

    def __init__(self, columns: list[str], keys: list[str], first_line: int, path: str):
        self.columns, self.keys, self.first_line, self.path = columns, keys, first_line, path
        self.layout = _Layout(columns, keys)
        self.rows = bytearray()
        self.starts = array("Q", [0])
        self.kept: list[str] = []  # rows not yet in ``rows``
        self.ids = array("q")
        self.files = array("q")

    def entries(self) -> _CompactEntries:
        self.flush()
        return _CompactEntries(tuple(self.columns), self.rows, self.starts, self.first_line)

    def flush(self) -> None:
        kept = self.kept
        if not kept:
            return
        block = "\n".join(kept) + "\n"
        data = block.encode(*_UTF8)
        lengths = (
            [len(row) + 1 for row in kept]
            if len(data) == len(block)  # ASCII: a character is a byte
            else [len(row.encode(*_UTF8)) + 1 for row in kept]
        )
        self.starts.extend(accumulate(lengths, initial=self.starts.pop()))
        self.rows.extend(data)
        kept.clear()

    def read(self, head: _Head, chunks: Iterator[str]) -> str:
        """Read and check the rows in ``chunks``; return the text after the table.

        :raises ManifestError: as the reference would, for the first bad row.
        :raises _Unproven: where markdown-it must read the whole text.
        """
        for chunk in chunks:
            if not chunk:  # not a blank line: no line at all
                continue
            lines = chunk[:-1] if chunk.endswith("\n") else chunk
            # Scanning for a character is fast; looking at both ends of every cell is not.
            odd = _ODD_SPACES[0] if lines.isascii() else "".join(_ODD_SPACES)
            doubtful = any(char in lines for char in odd)
            plain = None if doubtful else _plain_chunk(lines, self.layout, len(self.columns))
            if plain is not None:
                self._add_plain(lines, *plain)
                continue
            try:
                end = self._read_lines(head, lines, doubtful)
            except ManifestError as error:
                raise self.duplicate() or error from None
            if end >= 0:
                self.check_duplicates()
                return chunk[end:] + "".join(chunks)
        self.check_duplicates()
        return ""

    def _add_plain(self, lines: str, ids: list[str], files: list[str]) -> None:
        """Keep the rows of ``lines``, which :func:`_plain_chunk` checked."""
        self.flush()
        self.ids.extend(map(hash, ids))
        self.files.extend(map(hash, files))
        data = lines.encode(*_UTF8)
        split = lines.split("\n")
        lengths = map(len, split if len(data) == len(lines) else _encoded(split))
        self.starts.extend(accumulate(map((1).__add__, lengths), initial=self.starts.pop()))
        self.rows.extend(data)
        self.rows.append(0x0A)  # each row ends in a newline

    def _read_lines(self, head: _Head, lines: str, doubtful: bool) -> int:
        """Read the rows of ``lines`` one by one; return the offset of the line that ends
        the table, or -1 if all are rows."""
        path, width, layout = self.path, len(self.columns), self.layout
        number = self.first_line + len(self.starts) - 1 + len(self.kept)
        offset = 0
        for line in lines.split("\n"):
            if line[:1] == "|" == line[-1:] and line[-2:-1] != "\\" and len(line) > 1:
                row = line  # the plain form: nothing before or after the outer pipes
            else:
                row = line.strip(" \t")
                if not row:
                    return offset
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
                    return offset
                found = _count_cells(line)
                if found != width:
                    raise _ragged(found, width, path, number)
                cells = [_unescape(cell) for cell in raw]
                row = _plain_row(raw)
            cells.append("")  # the cell of the fields without a column
            file = cells[layout.file]
            if _SAFE_FILE.fullmatch(file) is None:
                # An odd path, maybe a bad one: check the row exactly as the reference.
                entry = _entry(self.columns, self.keys, cells[:width], path, number)
                article_id, key = entry.id, str(PurePosixPath(file))
            else:  # a plain relative path: safe, and as PurePosixPath writes it
                sha256 = cells[layout.sha256]
                if sha256 and _SHA256.fullmatch(sha256) is None:
                    _entry(self.columns, self.keys, cells[:width], path, number)  # raises
                article_id, key = cells[layout.id] or _default_id(file), file
            self.ids.append(hash(article_id))
            self.files.append(hash(key))
            self.kept.append(row)
            offset += len(line) + 1
            number += 1
        return -1

    def check_duplicates(self) -> None:
        error = self.duplicate()
        if error is not None:
            raise error

    def duplicate(self) -> ManifestError | None:
        """The error the reference raises for the first row read whose id or file key
        an earlier row has (the id first), if there is one."""
        found: list[tuple[int, int, str]] = []
        for kind, (hashes, value) in enumerate(((self.ids, _id), (self.files, _file_key))):
            if not _repeats(hashes):
                continue
            entries = self.entries()
            first_row: dict[str, int] = {}
            for row in _repeated(hashes):
                entry = entries[row]
                earlier = first_row.setdefault(value(entry), row)
                if earlier != row:
                    what = f"id {entry.id!r}" if kind == 0 else f"file {entry.file!r}"
                    line = earlier + self.first_line
                    found.append((row, kind, f"{what} is already listed on line {line}"))
                    break
        if not found:
            return None
        row, _, message = min(found)
        return ManifestError(message, path=self.path, line=row + self.first_line)


def _repeats(hashes: array[int]) -> bool:
    """Whether a hash occurs twice; sorted, they cost half the memory of a set."""
    ordered = sorted(hashes)
    return any(map(operator.eq, ordered, itertools.islice(ordered, 1, None)))


def _repeated(hashes: array[int]) -> list[int]:
    """The rows whose hash another row has, in order."""
    counts = collections.Counter(hashes)
    return [row for row, value in enumerate(hashes) if counts[value] > 1]


def _encoded(lines: list[str]) -> Iterator[bytes]:
    return (line.encode(*_UTF8) for line in lines)
