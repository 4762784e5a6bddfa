"""The typed records that plugin hooks yield: one per parser, enricher and exporter.

A plugin describes what it adds with these records; seedcorpus never calls a plugin
except through the callables they hold, and only :mod:`seedcorpus.registry` reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
from cattrs import Converter

from seedcorpus.models import Article, Enrichment, Source
from seedcorpus.serialization import article_to_json

__all__ = ["Document", "EnricherSpec", "ExporterSpec", "ParserSpec"]


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
class ExporterSpec:
    """An exporter: writes articles to a file (or a folder) in some format.

    seedcorpus makes every export atomic: ``write`` receives a temporary path beside
    the destination, and the result is renamed into place only if ``write`` returns.
    """

    name: str
    """The name users type, e.g. ``sqlite`` in ``--format sqlite``."""
    write: Callable[[Iterable[Article], Path, Converter], None]
    """Writes the articles to the given path, using the converter for JSON forms."""
    suffix: str = ""
    """The usual file name suffix, e.g. ``.sqlite``; empty for a folder."""
    description: str = ""
    """One line for ``seedcorpus plugins``."""
    version: str = "1"
    """Bumped when the output format changes."""
    read: Callable[[Path, Converter], Iterator[Article]] | None = None
    """Reads articles back from what ``write`` wrote, if the format allows it."""
    directory: bool = False
    """True if ``write`` creates a folder rather than a file."""
    write_json: Callable[[Iterable[str], Path], None] | None = None
    """Optional fast path: writes articles given as their JSON texts (the contract), so
    a parallel build can hand over what worker processes serialized without rebuilding
    typed articles. Exporters that store JSON anyway should offer it; see
    :meth:`from_json_writer`."""

    @classmethod
    def from_json_writer(
        cls, name: str, write_json: Callable[[Iterable[str], Path], None], **options: Any
    ) -> ExporterSpec:
        """An exporter that works on JSON texts; its ``write`` serializes the articles.

        ``options`` are the other fields (``suffix``, ``read``, ``description``, ...).
        """

        def write(articles: Iterable[Article], destination: Path, converter: Converter) -> None:
            write_json((article_to_json(article, converter) for article in articles), destination)

        return cls(name=name, write=write, write_json=write_json, **options)
