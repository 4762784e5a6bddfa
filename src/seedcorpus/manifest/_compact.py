"""The compact entries of a manifest read by the fast path: rows kept as UTF-8 text.

Private to :mod:`seedcorpus.manifest`.
"""

from __future__ import annotations

import operator
from array import array
from collections.abc import Iterator, Sequence
from typing import SupportsIndex, overload

from seedcorpus.manifest.table import (
    _CELL_SEPARATOR,
    KNOWN_COLUMNS,
    _column_key,
    _default_id,
    _shared,
    _unescape,
)
from seedcorpus.models import ManifestEntry

# How rows are kept as bytes: a str may hold lone surrogates (not one read from a file),
# which strict UTF-8 refuses; these round-trip.
_UTF8 = ("utf-8", "surrogatepass")


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
