"""The typed records of a corpus: articles and their parts, the manifest, enrichments.

Every record is a frozen, slotted attrs class. Collections are tuples, so a record is
immutable all the way down and two records compare equal exactly when their JSON forms
(see :mod:`seedcorpus.serialization`) are equal.
"""

from __future__ import annotations

import operator
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar, overload

import attrs

__all__ = [
    "Article",
    "Byline",
    "Caption",
    "Copyright",
    "Dateline",
    "Enrichment",
    "FieldSpan",
    "FieldSpans",
    "Manifest",
    "ManifestEntry",
    "Problem",
    "Source",
    "Syndication",
    "UnknownEnrichment",
]


@attrs.frozen
class FieldSpan:
    """Where one parsed field came from in the decoded source text."""

    field: str
    """Dotted path of the field, with an index for sequences: ``title``, ``tags.0``,
    ``caption.text``, ``paragraphs.3``."""
    start: int
    """Offset of the first character, in the decoded text."""
    end: int
    """Offset one past the last character."""


class FieldSpans(Sequence[FieldSpan]):
    """An article's :class:`FieldSpan` records, stored compactly: an immutable sequence.

    An article has a span for every field, often more spans than paragraphs. As separate
    objects they cost more memory than the article's text; here they are one tuple of
    (interned) field names and one array of offsets, and a :class:`FieldSpan` is made
    when one is asked for. It compares equal to any sequence of the same spans.

    >>> spans = FieldSpans([FieldSpan("title", 0, 5), FieldSpan("paragraphs.0", 7, 30)])
    >>> spans[1]
    FieldSpan(field='paragraphs.0', start=7, end=30)
    >>> spans == (FieldSpan("title", 0, 5), FieldSpan("paragraphs.0", 7, 30))
    True
    """

    __slots__ = ("_fields", "_offsets")

    def __init__(self, spans: Iterable[FieldSpan] = ()) -> None:
        spans = tuple(spans)
        self._fields = tuple(sys.intern(span.field) for span in spans)
        self._offsets = array("q", [offset for span in spans for offset in (span.start, span.end)])

    @classmethod
    def from_lists(cls, fields: Iterable[str], offsets: Iterable[int]) -> FieldSpans:
        """Spans from their field names and their offsets, ``start, end`` after another;
        the way a parser builds them without making a :class:`FieldSpan` each."""
        spans = cls.__new__(cls)  # not cls(): its __init__ would build empty ones first
        spans._fields = tuple(map(sys.intern, fields))
        spans._offsets = array("q", offsets)
        if 2 * len(spans._fields) != len(spans._offsets):
            raise ValueError("spans need two offsets per field")
        return spans

    def __len__(self) -> int:
        return len(self._fields)

    @overload
    def __getitem__(self, index: int) -> FieldSpan: ...

    @overload
    def __getitem__(self, index: slice) -> FieldSpans: ...

    def __getitem__(self, index: int | slice) -> FieldSpan | FieldSpans:
        if isinstance(index, slice):
            return FieldSpans(self[i] for i in range(*index.indices(len(self))))
        field = self._fields[index]  # raises IndexError, and handles negative indices
        index %= len(self._fields)
        return FieldSpan(field, self._offsets[2 * index], self._offsets[2 * index + 1])

    def __iter__(self) -> Iterator[FieldSpan]:
        offsets = iter(self._offsets)
        for field, start, end in zip(self._fields, offsets, offsets, strict=True):
            yield FieldSpan(field, start, end)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FieldSpans):
            return self._fields == other._fields and self._offsets == other._offsets
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return len(self) == len(other) and all(map(operator.eq, self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))  # as the equal tuple of spans hashes

    def __repr__(self) -> str:
        return f"FieldSpans({list(self)!r})"

    def __reduce__(self) -> tuple[object, ...]:
        return FieldSpans.from_lists, (self._fields, self._offsets)


def _field_spans(spans: Iterable[FieldSpan]) -> FieldSpans:
    return spans if isinstance(spans, FieldSpans) else FieldSpans(spans)


@attrs.frozen
class Source:
    """Where an article came from: the file, its checksum and the parser that read it."""

    path: str
    """Path of the file relative to the corpus root, with ``/`` separators."""
    sha256: str
    """Hex SHA-256 of the file's bytes."""
    parser: str
    """Name of the parser plugin that produced the article."""
    encoding: str = "utf-8"
    """Encoding the bytes were decoded with."""
    spans: FieldSpans = attrs.field(default=FieldSpans(), converter=_field_spans)
    """Provenance: for each parsed field, its span in the decoded text. Any iterable of
    :class:`FieldSpan` is accepted and stored as :class:`FieldSpans`."""


@attrs.frozen
class Caption:
    """The photo caption printed under the article's picture."""

    text: str
    """The caption without its credit."""
    credit: str | None = None
    """The photo credit as printed, e.g. ``ANTARA/HO-Humas Kementerian PANRB``."""


@attrs.frozen
class Dateline:
    """The place (and sometimes date) that opens the body: ``Jakarta (ANTARA) -``."""

    city: str
    """The place as printed, e.g. ``Jakarta`` or ``ISTANBUL``."""
    agency: str
    """The agency in the parentheses, e.g. ``ANTARA``, ``ANTARA News``, ``Antara/PRNewswire``."""
    region: str | None = None
    """A province or region after the city, e.g. ``NTB`` in ``Mataram, NTB (ANTARA)``."""
    date: str | None = None
    """A date printed in the dateline, as text: ``7/12`` or ``23 Februari 2016``."""


@attrs.frozen
class Syndication:
    """The ``Berita ini telah tayang di <site> dengan judul: <title>`` footer line."""

    site: str
    """The site the article was first published on."""
    original_title: str
    """The title it was published under there."""


@attrs.frozen
class Byline:
    """Who wrote and who edited the article; ``None`` where the footer is empty or missing."""

    reporter: str | None = None
    """The ``Pewarta`` line: one name, or several joined by ``dan``."""
    editor: str | None = None
    """The ``Editor`` line."""


@attrs.frozen
class Copyright:
    """The ``COPYRIGHT © ANTARA 2024`` footer line."""

    holder: str
    """Who holds the copyright."""
    year: int
    """The year printed."""


@attrs.frozen
class Problem:
    """Something wrong with the input that did not stop it from being read."""

    code: str
    """A short stable identifier, e.g. ``title-mismatch`` or ``not-utf8``."""
    message: str
    """One human-readable sentence."""
    path: str | None = None
    """The file the problem is in, relative to the corpus root."""
    line: int | None = None
    """The 1-based line number, where there is one."""

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.path, self.line) if part is not None)
        return (
            f"{where}: {self.message} [{self.code}]" if where else f"{self.message} [{self.code}]"
        )


@attrs.frozen
class Enrichment:
    """Base of every enricher's output record.

    A subclass sets the class variable ``kind`` to its enricher's name; that name is the
    tag of the record in JSON, so the converter knows which class to read it back into.

    >>> import attrs
    >>> @attrs.frozen
    ... class WordCount(Enrichment):
    ...     kind: ClassVar[str] = "wordcount"
    ...     words: int
    >>> WordCount(words=3).kind
    'wordcount'
    """

    kind: ClassVar[str] = ""


@attrs.frozen
class UnknownEnrichment:
    """An enrichment whose ``kind`` no installed plugin knows.

    It keeps the JSON object exactly as it was read, so exporting the article again
    writes it back unchanged: uninstalling a plugin never loses what it wrote.
    """

    kind: str
    """The tag of the record."""
    json: str
    """The whole JSON object, ``kind`` included, as compact text."""


@attrs.frozen(kw_only=True)
class Article:
    """One news article, parsed. Its JSON form is the contract in the docs."""

    id: str
    """The id from the manifest (by default the file name without its extension)."""
    source: Source
    """The file the article was read from."""
    language: str | None = None
    """The declared language code from the tag line, e.g. ``id``."""
    title: str
    """The headline."""
    tags: tuple[str, ...] = ()
    """The tags from the tag line, in order."""
    caption: Caption | None = None
    """The photo caption, if the file has one."""
    dateline: Dateline | None = None
    """The dateline that opened the body, if any; it is not part of the first paragraph."""
    paragraphs: tuple[str, ...] = ()
    """The body, one string per paragraph, whitespace-normalized."""
    related: tuple[str, ...] = ()
    """Titles from ``Baca juga:`` lines: links to related articles, not part of the body."""
    syndication: Syndication | None = None
    """The ``Berita ini telah tayang ...`` footer line, if any."""
    byline: Byline = Byline()
    """Reporter and editor."""
    copyright: Copyright | None = None
    """The copyright footer, if any."""
    problems: tuple[Problem, ...] = ()
    """What the parser noticed but could read past (e.g. a repeated title that differs)."""
    enrichments: tuple[Enrichment | UnknownEnrichment, ...] = ()
    """What enrichers added, in the order they ran."""

    def enrichment(self, kind: str) -> Enrichment | UnknownEnrichment | None:
        """Return the enrichment of the given kind, or ``None`` if there is none."""
        return next((e for e in self.enrichments if e.kind == kind), None)

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


@attrs.frozen
class ManifestEntry:
    """One row of ``INDEX.md``: an article file and what is known of it."""

    file: str
    """Path of the article file relative to the corpus root, with ``/`` separators."""
    id: str
    """The article's id; by default the file name without its extension."""
    sha256: str | None = None
    """Expected hex SHA-256 of the file's bytes; checked when the file is read."""
    title: str | None = None
    """The title, for humans reading the manifest."""
    language: str | None = None
    """The declared language, for humans reading the manifest."""
    parser: str | None = None
    """Name of the parser to read the file with; ``None`` means the corpus default."""
    extra: tuple[tuple[str, str], ...] = ()
    """Cells of columns seedcorpus does not know, as ``(column, value)`` pairs, kept so
    the manifest is written back with them."""
    line: int | None = attrs.field(default=None, eq=False)
    """The line of ``INDEX.md`` this row was read from (not part of equality)."""


@attrs.frozen
class Manifest:
    """The parsed ``INDEX.md``: the text around the table and its rows, in order."""

    entries: Sequence[ManifestEntry]
    """The rows of the table, in order: a tuple, or (as
    :func:`~seedcorpus.manifest.parse_manifest` returns a table in the plain form) a
    compact read-only sequence that makes each entry when it is asked for, and compares
    equal to the tuple of its entries."""
    columns: tuple[str, ...] = ("id", "file", "sha256", "title", "language", "parser")
    """The table's columns, in order, as they are written back."""
    preamble: str = ""
    """Markdown before the table (e.g. a heading), kept verbatim."""
    postamble: str = ""
    """Markdown after the table, kept verbatim."""
