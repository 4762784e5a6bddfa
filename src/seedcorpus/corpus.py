"""The corpus API: open a folder, iterate and look up typed articles, enrich, export.

Two kinds of corpus share one interface, :class:`ArticleSource`: :class:`Corpus`, a
folder with its ``INDEX.md``, and :class:`ExportedCorpus`, an export read back through
its exporter's ``read``. :func:`open_corpus` returns whichever the path is. What both do
alike (enriched views, exporting) lives once, in :class:`ArticleSource`.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Self, overload

import attrs

from seedcorpus.claims import Route, claimants, suffix_claimant
from seedcorpus.claims import route as route_entry
from seedcorpus.decoding import decode_article
from seedcorpus.enriching import run_enrichers
from seedcorpus.errors import ManifestError, ParseError, PluginError, SeedcorpusError
from seedcorpus.exporting import ExportReport, write_export
from seedcorpus.guarded import guarded_spec, row_parser
from seedcorpus.manifest import INDEX_NAME, read_entry_bytes, read_manifest
from seedcorpus.models import Article, Manifest, ManifestEntry, Problem, Source
from seedcorpus.pipeline import process_entries
from seedcorpus.plugins import describe_error
from seedcorpus.query import Condition
from seedcorpus.registry import Registry, by_suffix
from seedcorpus.selection import (
    Backend,
    Checkpoint,
    Cursor,
    FolderBackend,
    PushdownBackend,
    Selection,
    StreamBackend,
)
from seedcorpus.specs import Document, EnricherSpec, ExporterSpec, ParserSpec
from seedcorpus.text import normalize

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ArticleSource",
    "Corpus",
    "ExportReport",
    "ExportedCorpus",
    "open_corpus",
    "open_folder",
    "run_enrichers",
]

DEFAULT_MAX_BYTES = 10_000_000
"""Article files larger than this (10 MB) are refused: no news article is that long."""


def _no_claimant(path: str) -> None:
    """Where parsers claim files by more than their endings: :meth:`Corpus.route` decides."""


def _is_first_line(title: str, text: str) -> bool:
    """Whether ``title`` is just the first non-blank line of ``text`` (as ``index`` copies
    it into INDEX.md), control characters aside."""
    for line in text.splitlines():
        if line.strip():
            return normalize(title) == normalize("".join(c for c in line if c.isprintable()))
    return False


class ArticleSource(ABC):
    """What every corpus offers, whether a folder or an export: the protocol that
    :func:`open_corpus` returns.

    * ``len(corpus)``, :meth:`ids`, ``article_id in corpus``, ``corpus[article_id]``
      and ``for article in corpus``: the articles, typed, in their order;
    * :meth:`articles`: lenient iteration that collects problems instead of raising;
    * :meth:`enrich`: a view whose articles also get the named enrichments;
    * :meth:`export`: every readable article written by an exporter.

    The enrich view and export are implemented here, once, on top of the abstract
    members a corpus kind provides.
    """

    registry: Registry
    """The plugins this corpus uses."""
    enrichers: tuple[EnricherSpec, ...]
    """Enrichers run on every article this view yields, in order."""
    root: Path
    """The corpus folder, or the export file."""

    @abstractmethod
    def __len__(self) -> int:
        """The number of articles."""

    @abstractmethod
    def ids(self) -> list[str]:
        """Article ids, in order."""

    @abstractmethod
    def __contains__(self, article_id: object) -> bool:
        """True if an article has this id."""

    @overload
    def __getitem__(self, key: str) -> Article: ...
    @overload
    def __getitem__(self, key: slice) -> Selection: ...
    def __getitem__(self, key: str | slice) -> Article | Selection:
        """``corpus[article_id]``: the article with this id, enriched by this view's
        enrichers; ``corpus[a:b]``: a lazy :class:`~seedcorpus.selection.Selection`.

        :raises KeyError: if no article has the id.
        """
        if isinstance(key, slice):
            return self.select()[key]
        return self._get(key)

    @abstractmethod
    def _get(self, article_id: str) -> Article:
        """The article with this id, enriched; :raises KeyError: if none has it."""

    @abstractmethod
    def __iter__(self) -> Iterator[Article]:
        """The articles, lazily, in order."""

    @abstractmethod
    def articles(
        self, problems: list[Problem], *, strict: bool = False, jobs: int = 1
    ) -> Generator[Article, None, None]:
        """Iterate leniently: an article that can't be read is skipped and its error
        appended to ``problems``, as are the problems recorded in articles read.

        :param strict: raise the first error instead (and on the first recorded problem).
        :param jobs: worker processes, where the corpus kind can use them.
        """

    # Selection: thin delegates; seedcorpus.selection and seedcorpus.query do the work.
    @abstractmethod
    def _selection_backend(self) -> Backend:
        """How this kind of corpus runs a selection (see :mod:`seedcorpus.selection`)."""

    def select(self) -> Selection:
        """All articles, as a lazy :class:`~seedcorpus.selection.Selection`."""
        return Selection(self)

    def filter(
        self, *conditions: Condition | Callable[[Article], bool], **fields: str
    ) -> Selection:
        """The articles meeting every condition (see :meth:`Selection.filter
        <seedcorpus.selection.Selection.filter>`), lazily; pushed down into an export."""
        return self.select().filter(*conditions, **fields)

    def head(self, n: int = 5) -> Selection:
        """The first ``n`` articles."""
        return self.select().head(n)

    def iter(self, start: Checkpoint | str | None = None) -> Cursor:
        """Iterate from the start or a checkpoint; ``cursor.checkpoint`` says where to
        resume (see :class:`~seedcorpus.selection.Cursor`)."""
        return self.select().iter(start)

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` of the flat columns (see :mod:`seedcorpus.selection`)."""
        return self.select().to_arrow()

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` of the flat columns."""
        return self.select().to_pandas()

    def _enrich(self, article: Article) -> Article:
        return run_enrichers(article, self.enrichers, self.registry)

    def enrich(self, names: str | Iterable[str]) -> Self:
        """A view of this corpus whose articles also get the named enrichments.

        ``names`` is ``"all"``, ``"none"``, ``"dates,quotes"`` or a list of names.

        :raises UnknownPluginError: for a name no installed enricher has.
        """
        view = copy.copy(self)
        view.enrichers = self.registry.select_enrichers(names)
        return view

    def export(
        self,
        format: str,
        destination: str | os.PathLike[str],
        *,
        force: bool = False,
        strict: bool = False,
        jobs: int = 1,
        progress: Callable[[], None] | None = None,
    ) -> ExportReport:
        """Write every readable article with the exporter called ``format``.

        The exporter receives typed articles, in order (see
        :attr:`~seedcorpus.specs.ExporterSpec.write`). The export is atomic: the
        destination is replaced only when the exporter finished. Unreadable articles are
        skipped and reported in the result.

        :param force: replace an existing destination.
        :param strict: stop at the first problem (nothing is written).
        :param jobs: worker processes that parse and enrich (see
            :mod:`seedcorpus.pipeline`); the output is the same for any number.
        :param progress: called once per article handed to the exporter.
        :raises ExportError: if the destination exists (without ``force``) or the
            exporter fails; the destination is then left as it was.
        """
        problems: list[Problem] = []
        articles = self.articles(problems, strict=strict, jobs=jobs)
        return write_export(
            self.registry, format, articles, destination, problems, force=force,
            progress=progress, source=self,
        )  # fmt: skip


class Corpus(ArticleSource):
    """A corpus folder: its manifest, and the articles it lists, parsed on demand.

    Use :func:`open_corpus` to make one. Iteration is lazy and in manifest order; each
    article is read, checked against its ``sha256``, parsed, and enriched by the
    enrichers this view was made with (see :meth:`ArticleSource.enrich`).
    """

    def __init__(
        self,
        root: Path,
        manifest: Manifest,
        registry: Registry,
        *,
        enrichers: tuple[EnricherSpec, ...] = (),
        parser: str | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.root = root
        """The corpus folder."""
        self.manifest = manifest
        """The parsed ``INDEX.md``."""
        self.registry = registry
        """The plugins this corpus uses."""
        self.enrichers = enrichers
        """Enrichers run on every article this view yields, in order."""
        self.parser = parser
        """The parser for entries whose manifest row names none; ``None``: the parser
        that claims the entry's file (see :mod:`seedcorpus.claims`)."""
        self.max_bytes = max_bytes
        """Larger article files are refused."""
        self._positions: dict[str, int] | None = None
        self._parsers: tuple[ParserSpec, ...] | None = None
        self._specs: dict[str, ParserSpec] = {}
        self._suffix_claimant: Callable[[str], str | None] | None = None

    def __repr__(self) -> str:
        names = ",".join(spec.name for spec in self.enrichers) or "none"
        return f"<Corpus {str(self.root)!r}: {len(self)} articles, enrichers: {names}>"

    def __len__(self) -> int:
        return len(self.manifest.entries)

    def ids(self) -> list[str]:
        """Article ids in manifest order."""
        return [entry.id for entry in self.manifest.entries]

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._index()

    def _get(self, article_id: str) -> Article:
        try:
            position = self._index()[article_id]
        except KeyError:
            raise KeyError(f"no article {article_id!r} in {self.root}") from None
        return self.load(self.manifest.entries[position])

    def __iter__(self) -> Iterator[Article]:
        for entry in self.manifest.entries:
            yield self.load(entry)

    def _selection_backend(self) -> Backend:
        return FolderBackend(self.manifest.entries, self.load)

    def _index(self) -> dict[str, int]:
        # Positions, not entries: the manifest holds its rows compactly, and a dict of
        # every entry would take several times the memory of the manifest itself.
        if self._positions is None:
            self._positions = {entry.id: n for n, entry in enumerate(self.manifest.entries)}
        return self._positions

    def load(self, entry: ManifestEntry) -> Article:
        """Read, verify, parse and enrich one manifest entry.

        :raises SeedcorpusError: (a subclass of it) naming the file and line.
        """
        data = read_entry_bytes(self.root, entry, max_bytes=self.max_bytes)
        try:
            decoded = decode_article(data, path=entry.file)
        except ParseError as error:
            raise ParseError(error.message, path=self.root / entry.file, line=error.line) from None
        text, encoding = decoded.text, decoded.encoding
        parser_name = (
            entry.parser
            or self.parser
            or self._claimant()(entry.file)
            or self.route(entry, data).parser
        )
        spec = self._specs.get(parser_name)
        if spec is None:  # looked up once per parser: the registry's checks are not free
            spec = self._specs[parser_name] = row_parser(self, parser_name, entry)
        digest = entry.sha256 or hashlib.sha256(data).hexdigest()
        source = Source(path=entry.file, sha256=digest, parser=parser_name, encoding=encoding)
        try:
            article = spec.parse(Document(id=entry.id, text=text, source=source))
        except ParseError as error:
            raise ParseError(error.message, path=self.root / entry.file, line=error.line) from None
        except Exception as error:  # a third-party parser's bug is the plugin's, not the data's
            plugin = self.registry.owner("parser", parser_name).name
            raise PluginError(
                f"parser {parser_name!r} (plugin {plugin!r})"
                f" raised {describe_error(error)} on article {entry.id!r}",
                path=self.root / entry.file,
            ) from None
        if article.title is None and entry.title and not _is_first_line(entry.title, text):
            # The text lost its title; the manifest row still has one (unless the row
            # just copied the file's first line, which the parser found is no title).
            # Say where it came from instead of "no-title".
            row = "" if entry.line is None else f" (line {entry.line})"
            filled = Problem(
                "title-from-manifest",
                f"the text has no title; the title is INDEX.md's{row}",
                path=entry.file,
                line=1,
            )
            kept = tuple(p for p in article.problems if p.code != "no-title")
            article = attrs.evolve(article, title=entry.title, problems=(filled, *kept))
        if decoded.problems:
            article = attrs.evolve(article, problems=(*decoded.problems, *article.problems))
        return self._enrich(article) if self.enrichers else article

    def _claimant(self) -> Callable[[str], str | None]:
        """The parser that claims a file by its ending alone, else ``None``: what
        :meth:`route` says of most rows, quickly (see :mod:`seedcorpus.claims`)."""
        if self._suffix_claimant is None:
            found = suffix_claimant(self.registry.parsers.values())
            self._suffix_claimant = found or _no_claimant
        return self._suffix_claimant

    def route(self, entry: ManifestEntry, data: bytes | None = None) -> Route:
        """Which parser reads ``entry``, and why: its ``parser`` column, else this
        view's :attr:`parser`, else the parser that claims its file.

        :param data: the file's bytes, if read already; otherwise they are read only if
            sniffing must break a tie between parsers.
        :raises UnclaimedFileError: no parser claims the file (naming the manifest row).
        :raises AmbiguousClaimError: several do, and sniffing does not decide.
        """
        if self._parsers is None:
            self._parsers = tuple(self.registry.parsers.values())

        def head() -> bytes:
            return read_entry_bytes(self.root, entry, max_bytes=self.max_bytes)

        try:
            return route_entry(
                self._parsers, entry.file, head if data is None else data,
                column=entry.parser, chosen=self.parser,
            )  # fmt: skip
        except ManifestError as error:  # the row cannot be routed: name it
            raise type(error)(
                error.message, path=self.root / INDEX_NAME, line=entry.line
            ) from None

    def parser_names(self) -> set[str]:
        """The parsers the rows may be read by, from their columns and file names alone
        (where sniffing would choose, every parser it may choose)."""
        names: set[str] = set()
        parsers = tuple(self.registry.parsers.values())
        claimant = self._claimant()  # the general matching cost µs a row in every build
        for entry in self.manifest.entries:
            named = entry.parser or self.parser or claimant(entry.file)
            if named:
                names.add(named)
            else:
                names.update(spec.name for spec in claimants(parsers, entry.file))
        return names

    def articles(
        self,
        problems: list[Problem],
        *,
        strict: bool = False,
        jobs: int = 1,
        entries: Sequence[ManifestEntry] | None = None,
    ) -> Generator[Article, None, None]:
        """Iterate leniently: an article that can't be read is skipped and its error
        appended to ``problems``, as are the problems recorded in articles read.

        :param strict: raise the first error instead (and on the first recorded problem).
        :param jobs: worker processes that parse and enrich (see
            :mod:`seedcorpus.pipeline`); the articles are the same, in the same order.
        :param entries: the manifest entries to read; by default all of them.
        """
        chosen = self.manifest.entries if entries is None else entries
        if jobs > 1:
            yield from self._articles_in_parallel(problems, chosen, strict=strict, jobs=jobs)
            return
        for entry in chosen:
            try:
                article = self.load(entry)
            except SeedcorpusError as error:
                if strict:
                    raise
                problems.append(
                    Problem(
                        error.code, error.message, path=error.path or entry.file, line=error.line
                    )
                )
                continue
            if article.problems and strict:
                first = article.problems[0]
                raise SeedcorpusError(
                    f"{first.message} [{first.code}]", path=self.root / entry.file, line=first.line
                )
            problems.extend(article.problems)
            yield article

    def _articles_in_parallel(
        self, problems: list[Problem], entries: Sequence[ManifestEntry], *, strict: bool, jobs: int
    ) -> Generator[Article, None, None]:
        with contextlib.closing(process_entries(self, entries, jobs=jobs)) as results:
            for result in results:
                if result.problems and strict:
                    first = result.problems[0]
                    raise SeedcorpusError(
                        f"{first.message} [{first.code}]", path=first.path, line=first.line
                    )
                problems.extend(result.problems)
                if result.article is not None:
                    yield result.article


class ExportedCorpus(ArticleSource):
    """An export (``.jsonl``, ``.sqlite``, ``.parquet``, ...) opened as a corpus.

    It yields the typed articles the export holds, in order, enrichments included, and
    offers the same enrich and export operations as a corpus folder. Ids and lookups
    scan the export once and keep only an index of ids.
    """

    def __init__(
        self,
        path: Path,
        spec: ExporterSpec,
        registry: Registry,
        *,
        enrichers: tuple[EnricherSpec, ...] = (),
    ) -> None:
        if spec.read is None:
            raise SeedcorpusError(f"the {spec.name!r} exporter cannot read its output back")
        self.root = path
        """The export file (or folder)."""
        self.spec = guarded_spec(spec)
        """The exporter whose reader reads the file (its failures name the file)."""
        self.registry = registry
        """The plugins this corpus uses."""
        self.enrichers = enrichers
        """Enrichers run on every article this view yields, in order."""
        self._ids: list[str] | None = None

    def _read_plain(self) -> Iterator[Article]:
        read = self.spec.read
        assert read is not None  # checked in __init__
        return read(self.root, self.registry.converter)

    def _read(self) -> Iterator[Article]:
        for article in self._read_plain():
            yield self._enrich(article)

    def __len__(self) -> int:
        # COUNT(*), Parquet metadata or lines: nothing is parsed.
        count = self.spec.count
        return count(self.root) if count else sum(1 for _ in self._read_plain())

    def _selection_backend(self) -> Backend:
        select = self.spec.select
        # Enrichers add what conditions may test, so an enriched view tests in Python.
        selector = None if select is None else select(self.root, self.registry.converter)
        if selector is None or self.enrichers:
            return StreamBackend(self._read, self.__len__)
        return PushdownBackend(selector)

    def stored_enrichers(self) -> tuple[str, ...]:
        """The enrichment kinds the export's articles carry, read cheaply: what the
        output records (a ``.sqlite`` export's ``seedcorpus_meta``), else the first
        article's."""
        select = self.spec.select
        selector = None if select is None else select(self.root, self.registry.converter)
        recorded = None if selector is None else selector.enrichers()
        if recorded is not None:
            return recorded
        first = next(self._read_plain(), None)
        return () if first is None else tuple(e.kind for e in first.enrichments)

    def __repr__(self) -> str:
        names = dict.fromkeys([*self.stored_enrichers(), *(s.name for s in self.enrichers)])
        kinds = ",".join(names) or "none"
        return (
            f"<ExportedCorpus {str(self.root)!r} ({self.spec.name}): {len(self)} articles, "
            f"enrichers: {kinds}>"
        )

    def ids(self) -> list[str]:
        """Article ids in the order the export holds them."""
        if self._ids is None:
            self._ids = [article.id for article in self._read_plain()]
        return list(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self.ids()

    def _get(self, article_id: str) -> Article:
        for article in self._read():
            if article.id == article_id:
                return article
        raise KeyError(f"no article {article_id!r} in {self.root}")

    def __iter__(self) -> Iterator[Article]:
        return self._read()

    def articles(
        self, problems: list[Problem], *, strict: bool = False, jobs: int = 1
    ) -> Generator[Article, None, None]:
        """Iterate the export, collecting recorded problems (errors stop the read;
        ``jobs`` does not apply: an export is read in one pass)."""
        for article in self._read():
            if article.problems and strict:
                raise SeedcorpusError(str(article.problems[0]), path=self.root)
            problems.extend(article.problems)
            yield article


def open_corpus(
    path: str | os.PathLike[str],
    *,
    registry: Registry | None = None,
    parser: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Corpus | ExportedCorpus:
    """Open a corpus folder (by reading its ``INDEX.md``) or an export file.

    A folder's articles are not read until they are asked for. A file is opened with the
    reader of the exporter whose suffix it has (``.jsonl``, ``.sqlite``, ``.parquet``,
    ``.csv``, or a plugin's; the longest that matches), giving back the same typed
    articles that were exported.

    :param registry: the plugins to use; by default the built-ins and every installed
        plugin (see :class:`~seedcorpus.registry.Registry`).
    :param parser: the parser for manifest rows that name none; by default each such
        row is read by the parser that claims its file (see :mod:`seedcorpus.claims`).
    :param max_bytes: refuse article files larger than this.
    :raises ManifestError: if the folder's ``INDEX.md`` is missing or malformed.
    :raises SeedcorpusError: if the path does not exist, or no exporter reads that suffix
        (the message names the exporter that wrote it, if one that cannot read it back has
        that suffix).
    """
    root = Path(path)
    if registry is None:
        registry = Registry.load()
    if root.is_file():
        # The longest suffix decides: x.paragraphs.csv is not handed to the csv reader
        # when a plugin's exporter writes .paragraphs.csv files.
        suffixed = by_suffix(registry.exporters.values(), root)
        for spec in suffixed:
            if spec.read is not None:  # by name: a name two plugins provide is an error
                return ExportedCorpus(root, registry.exporter(spec.name), registry)
        readable = sorted(s.suffix for s in registry.exporters.values() if s.read and s.suffix)
        kind = (
            f"a {suffixed[0].name!r} export ({suffixed[0].suffix}), which cannot be read back"
            if suffixed
            else "not a corpus folder, and no exporter reads this kind of file"
        )
        raise SeedcorpusError(f"{kind} (readable: {', '.join(readable)})", path=root)
    if not root.is_dir():
        raise SeedcorpusError("no such corpus folder or file", path=root)
    return Corpus(root, read_manifest(root), registry, parser=parser, max_bytes=max_bytes)


def open_folder(
    path: str | os.PathLike[str],
    *,
    registry: Registry | None = None,
    parser: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Corpus:
    """Open a corpus folder, as :func:`~seedcorpus.open_corpus` does, for work that needs its
    manifest (building, checking): an export file is an error that says so.

    :raises SeedcorpusError: if ``path`` is an export file, or as
        :func:`~seedcorpus.open_corpus`.
    """
    opened = open_corpus(path, registry=registry, parser=parser, max_bytes=max_bytes)
    if not isinstance(opened, Corpus):
        raise SeedcorpusError("is an export, not a corpus folder with an INDEX.md", path=path)
    return opened
