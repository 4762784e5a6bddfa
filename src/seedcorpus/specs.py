"""The typed records that plugin hooks yield: one per parser, enricher and exporter.

A plugin describes what it adds with these records; seedcorpus never calls a plugin
except through the callables they hold, and only :mod:`seedcorpus.registry` reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Literal, Protocol

import attrs
from cattrs import Converter

from seedcorpus.duplicates import Duplicates
from seedcorpus.models import Article, Enrichment, ManifestEntry, Source
from seedcorpus.query import Condition

__all__ = [
    "Document",
    "DuplicatesFunction",
    "EnricherSpec",
    "ExporterSpec",
    "FileStat",
    "ParserSpec",
    "SearchFunction",
    "SearchHit",
    "SelectFunction",
    "Selector",
    "ServeFunction",
    "UpdateFunction",
    "UpdateOutcome",
    "UpdateRequest",
]


@attrs.frozen
class Document:
    """What a parser receives: one decoded article file."""

    id: str
    """The article id from the manifest."""
    text: str
    """The file's text, decoded (see ``source.encoding``); line endings as in the file."""
    source: Source
    """The file's path, checksum and encoding; the parser returns it in the article,
    adding the spans of the fields it found."""


@attrs.frozen
class ParserSpec:
    """A parser: turns a :class:`Document` into an :class:`~seedcorpus.models.Article`.

    ``parse`` must be a module-level function (so worker processes can import it) and
    must either return an article or raise :class:`~seedcorpus.errors.ParseError`.
    """

    name: str
    """The name users type, e.g. ``antara``; also written to ``Source.parser``."""
    parse: Callable[[Document], Article]
    """The parsing function."""
    description: str = ""
    """One line for ``seedcorpus plugins``."""
    version: str = "1"
    """Bumped when the parser's output changes, so incremental builds re-parse."""
    patterns: tuple[str, ...] = attrs.field(default=())
    """Glob patterns of the files this parser reads, e.g. ``("*.txt",)``: the parser
    *claims* those files (see :mod:`seedcorpus.claims`). A pattern without ``/`` is
    matched against the file name, one with ``/`` against the whole path relative to the
    corpus folder; ``*`` and ``?`` stay within a folder, ``**/`` matches any folders;
    case counts. Without patterns a parser claims nothing itself, and reads only the
    rows whose ``parser`` column names it."""
    sniff: Callable[[bytes], bool] | None = None
    """Optional: told the first bytes of a file (:data:`seedcorpus.claims.SNIFF_BYTES`
    at most) that the patterns of several parsers match, says whether this parser reads
    it. It only breaks such ties; it never claims a file no pattern matches. A
    module-level function that is quick and total: an exception counts as no."""

    @patterns.validator
    def _check_patterns(self, attribute: attrs.Attribute[tuple[str, ...]], value: object) -> None:
        if not isinstance(value, tuple) or not all(
            isinstance(p, str) and p and not p.startswith("/") for p in value
        ):
            raise ValueError(
                f"parser {self.name!r}: patterns must be a tuple of relative glob patterns,"
                f" such as ('*.txt',), not {value!r}"
            )


@attrs.frozen
class EnricherSpec:
    """An enricher: computes one :class:`~seedcorpus.models.Enrichment` for an article."""

    name: str
    """The name users type, e.g. ``dates``; equal to the ``kind`` of what it returns."""
    enrich: Callable[[Article], Enrichment]
    """Returns the enrichment for one article; must not modify anything."""
    types: tuple[type[Enrichment], ...]
    """The enrichment classes ``enrich`` may return, registered with the JSON converter."""
    description: str = ""
    """One line for ``seedcorpus plugins``."""
    version: str = "1"
    """Bumped when the output changes, so incremental builds re-run the enricher."""
    prepare: Callable[[], object] | None = None
    """Optional: loads what ``enrich`` would otherwise load on first use (a model, a
    large table). A parallel build calls it once before it forks its workers, so they
    share what it loaded instead of each loading it again. Its result is ignored, and so
    is an error: ``enrich`` then meets (and reports) the problem itself."""


@attrs.frozen
class SearchHit:
    """One full-text search result (see :attr:`ExporterSpec.search`)."""

    id: str
    """The article id."""
    title: str | None
    """The article title (``None`` for an article without one)."""
    snippet: str
    """A few words of the best-matching text, each match between the ``markers`` the
    search was given, ``…`` where text was cut."""
    score: float
    """The rank: lower (more negative) is better, as SQLite's bm25 gives it."""


class SearchFunction(Protocol):
    """The type of :attr:`ExporterSpec.search`: full-text search of an output."""

    def __call__(
        self,
        database: Path,
        query: str,
        *,
        limit: int = 10,
        markers: tuple[str, str] = ("[", "]"),
        where: tuple[str, dict[str, Any]] | None = None,
    ) -> list[SearchHit]:
        """Return at most ``limit`` hits for ``query`` in the output ``database``, best
        first, each match in a snippet between ``markers``. ``where`` keeps only the
        articles meeting a condition, as SQL over the flat columns with named parameters
        (see :meth:`seedcorpus.query.Condition.sql`); an output that cannot filter raises
        :class:`~seedcorpus.errors.SeedcorpusError` for it.

        :raises SeedcorpusError: for a missing or foreign output, or a bad query; the
            message says what to do.
        """


class ServeFunction(Protocol):
    """The type of :attr:`ExporterSpec.serve`: browse an output over HTTP."""

    def __call__(
        self, database: Path, *, host: str, port: int, print_metadata: bool = False
    ) -> None:
        """Serve the output ``database`` at ``http://host:port/`` until interrupted, or,
        with ``print_metadata``, print the server's configuration (for the ``sqlite``
        exporter, datasette's metadata as JSON) and return.

        :raises SeedcorpusError: for a missing or foreign output, or a missing optional
            dependency (the message says what to install).
        """


@attrs.frozen
class FileStat:
    """What ``os.stat`` says of an article file: enough to notice that it was edited.

    An output that can be updated stores one per article it holds; a file whose stat
    differs on the next build is read again and its checksum compared (as ``make`` and
    ``git`` do, a changed size, modification time or inode means "look again").
    """

    size: int
    """``st_size``."""
    mtime_ns: int
    """``st_mtime_ns``."""
    inode: int
    """``st_ino``."""


@attrs.frozen
class UpdateOutcome:
    """What an exporter's :attr:`~ExporterSpec.update` did."""

    mode: Literal["full", "incremental", "unchanged"]
    """``full``: written from scratch (:meth:`UpdateRequest.rebuild`); ``incremental``:
    changed in place on a staged copy; ``unchanged``: nothing was written."""
    added: int = 0
    """Articles written because they were new or changed (every article, when full)."""
    removed: int = 0
    """Articles taken out because the manifest no longer lists them, or their file was
    edited since ``INDEX.md`` was written."""
    reenriched: int = 0
    """Kept articles whose enrichments were brought up to date."""


class UpdateRequest(Protocol):
    """What :attr:`ExporterSpec.update` is given: the output to bring up to date with a
    corpus, and the means to do it. ``seedcorpus build`` makes one; an exporter never
    reads a corpus any other way, so parsing, enriching, worker processes, problems and
    progress stay the core's business.
    """

    @property
    def output(self) -> Path:
        """The output to bring up to date. It may not exist yet. Read it freely; write
        only to what :meth:`stage` yields."""

    @property
    def entries(self) -> Sequence[ManifestEntry]:
        """The manifest rows the output must hold, in order."""

    @property
    def stamps(self) -> Mapping[str, str]:
        """The versions the output must be built with: ``parser:NAME``,
        ``enricher:NAME`` and ``exporter:NAME`` keys. Store them with the output; when a
        parser's or the exporter's stamp differs next time, rebuild; when an enricher's
        differs, run it again (:meth:`enrich`)."""

    @property
    def enrichers(self) -> tuple[str, ...]:
        """Names of the enrichers the output's articles carry, in order."""

    @property
    def full(self) -> bool:
        """True if the user asked for a rebuild from scratch (``build --full``)."""

    @property
    def converter(self) -> Converter:
        """The JSON converter, for outputs that store articles as JSON."""

    def stat(self, entry: ManifestEntry) -> FileStat | None:
        """The entry's file stat now, or ``None`` if it cannot be had. Take it *before*
        the article is read, so an edit during the build shows up next time."""

    def verify(self, entry: ManifestEntry) -> bool:
        """Read the entry's file and return True if its bytes still match its
        ``sha256`` in ``INDEX.md``. Call it for a file whose stat differs from the one
        recorded when it was built. A file that no longer matches is reported by the
        core (expected and actual checksum, and what to run), and the build exits 1; the
        caller takes its article out of the output, as a full build would skip it."""

    def articles(self, entries: Sequence[ManifestEntry]) -> Generator[Article, None, None]:
        """Read, parse and enrich ``entries``, in order. An entry that cannot be read is
        left out (its problem is reported by the core). Close the generator if you stop
        early, so that the worker processes behind it stop at once."""

    def enrich(self, article: Article, names: Sequence[str]) -> Article:
        """``article`` with the named enrichers run again (replacing their results)."""

    def stage(self, *, copy: bool) -> AbstractContextManager[Path]:
        """A temporary path beside the output (a copy of it if ``copy``), renamed over
        the output when the ``with`` block ends without an error and removed otherwise.
        Everything an update writes goes there, so a failed, interrupted or killed build
        leaves the previous output byte for byte."""

    def rebuild(self, path: Path) -> int:
        """Write every readable article to ``path`` (from :meth:`stage`) with the
        exporter's ``write``, and return how many were written."""


UpdateFunction = Callable[[UpdateRequest], UpdateOutcome]
"""The type of :attr:`ExporterSpec.update`."""


class Selector(Protocol):
    """What :attr:`ExporterSpec.select` gives for one output: selections run by the
    output itself (an SQL ``WHERE``, a column scan) rather than on parsed articles.

    A *position* numbers an article in the output's order (SQLite's ``rowid``, a
    Parquet row index): positions grow along that order but may have gaps, and a
    checkpoint stores one. Every condition given is :attr:`pushable
    <seedcorpus.query.Condition.pushable>` (its :meth:`~seedcorpus.query.Condition.sql`
    and :meth:`~seedcorpus.query.Condition.arrow` forms exist); ``None`` means every
    article. The core runs the rest of a condition in Python on what this yields.
    """

    def count(self, condition: Condition | None) -> int:
        """The number of articles meeting ``condition``, without parsing them."""

    def rows(
        self, condition: Condition | None, start: int, *, skip: int = 0, limit: int | None = None
    ) -> Iterator[tuple[int, Article]]:
        """The articles meeting ``condition`` at ``start`` or after, in order, each with
        its position: the first ``skip`` of them left out, at most ``limit`` given."""

    def id_at(self, position: int) -> str | None:
        """The id of the article at ``position``, or ``None`` if there is none."""

    def enrichers(self) -> tuple[str, ...] | None:
        """The enrichment kinds the output's articles carry, if the output records
        them cheaply; ``None`` if it does not (the core then reads the first article)."""


SelectFunction = Callable[[Path, Converter], Selector | None]
"""The type of :attr:`ExporterSpec.select`: given an output and the JSON converter, a
:class:`Selector` for it, or ``None`` for an output it cannot select in (an older
layout), which is then read in order and tested in Python."""


class DuplicatesFunction(Protocol):
    """The type of :attr:`ExporterSpec.duplicates`: find copies and store them."""

    def __call__(
        self, output: Path, /, *, near: bool = False, threshold: float = 0.5
    ) -> Duplicates:
        """Find the duplicates and republications among the articles of ``output``
        (see :func:`seedcorpus.duplicates.find_duplicates` for ``near`` and
        ``threshold``), store them in it, and return them.

        :raises SeedcorpusError: for a missing or foreign output.
        """


@attrs.frozen
class ExporterSpec:
    """An exporter: writes typed articles to a file (or a folder) in some format.

    seedcorpus makes every export atomic: ``write`` receives a temporary path beside
    the destination, and the result is renamed into place only if ``write`` returns.

    Besides writing, an exporter may offer optional capabilities: reading its output
    back (``read``), counting it (``count``), selecting in it (``select``), full-text
    search (``search``), serving (``serve``), storing duplicates (``duplicates``) and
    updating it in place (``update``). The core reaches them only through the
    registry, so disabling the plugin disables them all.
    """

    name: str
    """The name users type, e.g. ``sqlite`` in ``--format sqlite``."""
    write: Callable[[Iterable[Article], Path, Converter], None]
    """Writes the articles to the given path. The only write path: it receives typed
    articles, in order, and the converter that gives their JSON form
    (:func:`~seedcorpus.article_to_json` where the format stores an article's JSON;
    ``unstructure`` once per article and
    :func:`~seedcorpus.serialization.data_to_json` on its parts otherwise)."""
    suffix: str = ""
    """The usual file name suffix, e.g. ``.sqlite``; empty for a folder. It may have
    several parts (``.paragraphs.csv``): the exporter with the longest suffix a file name
    ends with is the one whose output the file is (see
    :func:`seedcorpus.registry.by_suffix`)."""
    description: str = ""
    """One line for ``seedcorpus plugins``."""
    version: str = "1"
    """Bumped when the output format changes; formats with metadata record it there."""
    read: Callable[[Path, Converter], Iterator[Article]] | None = None
    """Optional: reads articles back from what ``write`` wrote, if the format allows it."""
    directory: bool = False
    """True if ``write`` creates a folder rather than a file."""
    search: SearchFunction | None = None
    """Optional: full-text search of an output (``seedcorpus search``,
    :func:`seedcorpus.search`)."""
    serve: ServeFunction | None = None
    """Optional: browse an output over HTTP (``seedcorpus serve``)."""
    count: Callable[[Path], int] | None = None
    """Optional: the number of articles an output holds (lines, rows), found without
    parsing them. ``len()`` of an opened output uses it, and for outputs that cannot be
    read back, :func:`~seedcorpus.testing.check_exporter` checks with it that every
    article arrived."""
    select: SelectFunction | None = None
    """Optional: runs ``corpus.filter(...)``, slices and counts of an opened output in
    the output itself (see :class:`Selector` and ``docs/selecting.md``). Without it, an
    opened output is read in order and its articles tested in Python."""
    duplicates: DuplicatesFunction | None = None
    """Optional: finds copies among an output's articles and stores them in it
    (``seedcorpus duplicates OUTPUT --store``)."""
    update: UpdateFunction | None = None
    """Optional: brings an existing output up to date with a corpus, redoing only what
    changed (``seedcorpus build``). Without it, a build writes the output whole every
    time. It receives an :class:`UpdateRequest` and returns an :class:`UpdateOutcome`;
    it raises :class:`~seedcorpus.errors.ExportError` for an output it did not write
    (a foreign or damaged file), which is then left alone. The ``sqlite`` exporter's
    is the model: see ``docs/building.md``."""
