"""The typed records of a corpus: articles and their parts, the manifest, enrichments.

Every record is a frozen, slotted attrs class. Collections are tuples, so a record is
immutable all the way down and two records compare equal exactly when their JSON forms
(see :mod:`seedcorpus.serialization`) are equal.
"""

from __future__ import annotations

import operator
import struct
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import ClassVar, TypeVar, overload

import attrs

from seedcorpus.errors import UnknownEnrichmentKind
from seedcorpus.text import split_names

__all__ = [
    "Article",
    "Byline",
    "Caption",
    "Copyright",
    "Dateline",
    "Enrichment",
    "FieldSpan",
    "FieldSpans",
    "Image",
    "Manifest",
    "ManifestEntry",
    "Metadata",
    "Problem",
    "Source",
    "Syndication",
    "UnknownEnrichment",
    "paragraph_field",
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


# The usual paragraphs' field names, made once: parsers and enrichers name one per span
# or mention.
_PARAGRAPH_FIELDS = tuple(f"paragraphs.{number}" for number in range(200))


def paragraph_field(number: int) -> str:
    """The field name of paragraph ``number`` in spans and enrichment records.

    >>> paragraph_field(3), paragraph_field(250)
    ('paragraphs.3', 'paragraphs.250')
    """
    if 0 <= number < len(_PARAGRAPH_FIELDS):
        return _PARAGRAPH_FIELDS[number]
    return f"paragraphs.{number}"


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
        spans._offsets = _offset_array(offsets)
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


def _offset_array(offsets: Iterable[int]) -> array[int]:
    """``array("q", offsets)``. From a list (what a parser builds), packed first: the
    array checks each item with a slow argument parser, struct converts it directly."""
    if type(offsets) is list:
        try:
            return array("q", struct.pack(f"{len(offsets)}q", *offsets))
        except struct.error:
            pass  # not all 64-bit integers: the array says which and how, as it would
    return array("q", offsets)


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
    """Who wrote and who edited the article, each a tuple of names (empty when unknown).

    >>> byline = Byline.from_text("Ani dan Budi", "Citra")
    >>> byline.reporters, byline.reporter
    (('Ani', 'Budi'), 'Ani dan Budi')
    """

    reporters: tuple[str, ...] = ()
    """The reporters (``Pewarta``), in the order printed."""
    editors: tuple[str, ...] = ()
    """The editors, in the order printed."""

    @classmethod
    def from_text(cls, reporter: str | None = None, editor: str | None = None) -> Byline:
        """A byline from footer values as printed: ``A dan B`` or ``A, B`` are two names."""
        return cls(split_names(reporter or ""), split_names(editor or ""))

    @property
    def reporter(self) -> str | None:
        """The reporters joined with ``dan`` (as contract 1 stored them), or ``None``."""
        return " dan ".join(self.reporters) or None

    @property
    def editor(self) -> str | None:
        """The editors joined with ``dan``, or ``None``."""
        return " dan ".join(self.editors) or None


@attrs.frozen
class Image:
    """The article's main picture: where it is, and what is printed under it."""

    url: str | None = None
    """The picture's address, where the source gives one."""
    caption: str | None = None
    """The caption text, without its credit."""
    credit: str | None = None
    """The photo credit, e.g. ``ANTARA FOTO/Name``."""


class Metadata(Mapping[str, str]):
    """An immutable, hashable map of strings: what only one source has (a scraper's
    ``site_id``, a page's ``canonical`` link). Keys are kept sorted.

    >>> meta = Metadata({"site": "antaranews.com", "desk": "ekonomi"})
    >>> meta["site"], list(meta)
    ('antaranews.com', ['desk', 'site'])
    >>> meta == {"desk": "ekonomi", "site": "antaranews.com"}
    True
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        pairs = dict(items)
        for key, value in pairs.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError(f"metadata maps strings to strings, got {key!r}: {value!r}")
        self._items = dict(sorted(pairs.items()))

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __repr__(self) -> str:
        return f"Metadata({self._items!r})"


def _metadata(items: Mapping[str, str] | Iterable[tuple[str, str]]) -> Metadata:
    return items if isinstance(items, Metadata) else Metadata(items)


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

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.kind:
            _KINDS.add(cls.kind)


_KINDS: set[str] = set()
"""Every ``kind`` an :class:`Enrichment` subclass declares: names that may be asked for."""

E = TypeVar("E", bound=Enrichment)


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
    """One news article, parsed. Its JSON form is the contract in the docs.

    The general news fields (``url``, ``published_at``, ``section``, ``summary``,
    ``image``, ``byline``, ``metadata``) fit any source; the ANTARA layout's own parts
    (``caption``, ``dateline``, ``syndication``, ``signoff``, ``copyright``) are optional.
    A field the source does not carry is ``None`` or empty: nothing is invented.
    """

    id: str
    """The id from the manifest (by default the file name without its extension)."""
    source: Source
    """The file the article was read from."""
    language: str | None = None
    """The declared language code, e.g. ``id`` from the ANTARA tag line; a detected one is
    the ``language`` enrichment's."""
    title: str | None = None
    """The headline, or ``None`` where the text has none (a ``no-title`` problem)."""
    url: str | None = None
    """The article's address, where the source gives it."""
    published_at: datetime | None = None
    """When the source says it published the article (timezone-aware): a page's date line,
    a scraper's timestamp. The ``dates`` enricher takes it as its strongest evidence."""
    section: str | None = None
    """The desk or section, e.g. ``Ekonomi``."""
    tags: tuple[str, ...] = ()
    """The tags, in order."""
    summary: str | None = None
    """A summary or standfirst the source gives beside the body."""
    image: Image | None = None
    """The main picture, where the source gives its address or caption."""
    caption: Caption | None = None
    """The photo caption printed in the text (ANTARA layout), if any."""
    dateline: Dateline | None = None
    """The dateline that opened the body, if any; it is not part of the first paragraph."""
    paragraphs: tuple[str, ...] = ()
    """The body, one string per paragraph, whitespace-normalized."""
    signoff: str | None = None
    """A desk code or sign-off that ended the body, as printed: ``(K009)``, ``(*)``."""
    related: tuple[str, ...] = ()
    """Titles from ``Baca juga:`` lines: links to related articles, not part of the body."""
    syndication: Syndication | None = None
    """The ``Berita ini telah tayang ...`` footer line, if any."""
    byline: Byline = Byline()
    """Reporters and editors."""
    copyright: Copyright | None = None
    """The copyright footer, if any."""
    metadata: Metadata = attrs.field(default=Metadata(), converter=_metadata)
    """Source-specific strings no other field holds; any string map is accepted."""
    problems: tuple[Problem, ...] = ()
    """What the parser noticed but could read past (e.g. a repeated title that differs)."""
    enrichments: tuple[Enrichment | UnknownEnrichment, ...] = ()
    """What enrichers added, in the order they ran."""

    @overload
    def enrichment(self, kind: type[E]) -> E | None: ...

    @overload
    def enrichment(self, kind: str) -> Enrichment | UnknownEnrichment | None: ...

    def enrichment(self, kind: type[E] | str) -> E | Enrichment | UnknownEnrichment | None:
        """The enrichment of the given class (typed) or kind name, or ``None`` if the
        article has none.

        >>> @attrs.frozen
        ... class Words(Enrichment):
        ...     kind: ClassVar[str] = "words"
        ...     count: int
        >>> article = Article(id="a", source=Source("a.txt", "00", "x"), enrichments=(Words(3),))
        >>> article.enrichment(Words)
        Words(count=3)
        >>> article.enrichment("wrods")
        Traceback (most recent call last):
        ...
        seedcorpus.errors.UnknownEnrichmentKind: no enrichment kind 'wrods'; did you mean 'words'?

        :raises UnknownEnrichmentKind: for a name no enrichment class declares and the
            article does not carry.
        """
        if isinstance(kind, str):
            found = next((e for e in self.enrichments if e.kind == kind), None)
            if found is None and kind not in _KINDS:
                raise UnknownEnrichmentKind.for_kind(kind, sorted(_KINDS))
            return found
        return next((e for e in self.enrichments if isinstance(e, kind)), None)

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
