"""Plugins' reading functions, with their failures named.

A parser that returns something other than an
:class:`~seedcorpus.models.Article`, or calls ``sys.exit()``, is made to raise an
ordinary exception, which the corpus reports as that parser's
:class:`~seedcorpus.errors.PluginError` (see :func:`guarded_parser`).

Reading an export back:

An export given as input (``seedcorpus show out.sqlite``, ``open_corpus("out.parquet")``)
may be damaged, cut short, or a file some other program wrote under that suffix. Its
exporter's reader then raises whatever its library raises (``sqlite3.DatabaseError``,
``pyarrow.ArrowInvalid``, ``UnicodeDecodeError``). :func:`guarded_spec` wraps the
reading capabilities of an :class:`~seedcorpus.specs.ExporterSpec` so that such a failure
is a :class:`~seedcorpus.errors.SerializationError` naming the file and the exporter:
one line on the command line, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, TypeVar

import attrs
from cattrs import Converter

from seedcorpus.duplicates import Duplicates
from seedcorpus.errors import (
    ManifestError,
    SeedcorpusError,
    SerializationError,
    UnknownPluginError,
)
from seedcorpus.manifest import INDEX_NAME
from seedcorpus.models import Article, ManifestEntry
from seedcorpus.plugins import describe_error
from seedcorpus.query import Condition
from seedcorpus.registry import Registry
from seedcorpus.specs import Document, ExporterSpec, ParserSpec, Selector

__all__ = ["CorpusFolder", "guarded_parser", "guarded_spec", "row_parser"]

T = TypeVar("T")


@contextmanager
def _named(spec: ExporterSpec, path: Path) -> Iterator[None]:
    """Turn anything but a seedcorpus error raised inside into one naming ``path``."""
    try:
        yield
    except SeedcorpusError:
        raise
    except Exception as error:
        raise SerializationError(
            f"cannot be read as a {spec.name} export: {describe_error(error)}", path=path
        ) from error


def _guarded_articles(spec: ExporterSpec, path: Path, articles: Iterator[T]) -> Iterator[T]:
    with _named(spec, path):
        yield from articles


@attrs.frozen
class _GuardedSelector:
    """A :class:`~seedcorpus.specs.Selector` whose failures name the output."""

    spec: ExporterSpec
    path: Path
    inner: Selector

    def count(self, condition: Condition | None) -> int:
        with _named(self.spec, self.path):
            return self.inner.count(condition)

    def rows(
        self, condition: Condition | None, start: int, *, skip: int = 0, limit: int | None = None
    ) -> Iterator[tuple[int, Article]]:
        with _named(self.spec, self.path):
            rows = self.inner.rows(condition, start, skip=skip, limit=limit)
        return _guarded_articles(self.spec, self.path, rows)

    def id_at(self, position: int) -> str | None:
        with _named(self.spec, self.path):
            return self.inner.id_at(position)

    def enrichers(self) -> tuple[str, ...] | None:
        with _named(self.spec, self.path):
            return self.inner.enrichers()


def guarded_spec(spec: ExporterSpec) -> ExporterSpec:
    """``spec`` with its ``read``, ``count``, ``select`` and ``duplicates`` raising
    :class:`~seedcorpus.errors.SerializationError` naming the file for whatever else
    they raise, when they are called and while what they return is read."""
    read, count, select = spec.read, spec.count, spec.select

    def guarded_read(path: Path, converter: Converter) -> Iterator[Article]:
        assert read is not None
        with _named(spec, path):
            articles = read(path, converter)
        return _guarded_articles(spec, path, articles)

    def guarded_count(path: Path) -> int:
        assert count is not None
        with _named(spec, path):
            return count(path)

    def guarded_select(path: Path, converter: Converter) -> Selector | None:
        assert select is not None
        with _named(spec, path):
            selector = select(path, converter)
        return None if selector is None else _GuardedSelector(spec, path, selector)

    duplicates = spec.duplicates

    def guarded_duplicates(
        output: Path, /, *, near: bool = False, threshold: float = 0.5
    ) -> Duplicates:
        assert duplicates is not None
        with _named(spec, output):
            return duplicates(output, near=near, threshold=threshold)

    def kept(function: Callable[..., object] | None, guarded: T) -> T | None:
        return None if function is None else guarded

    return attrs.evolve(
        spec,
        read=kept(read, guarded_read),
        count=kept(count, guarded_count),
        select=kept(select, guarded_select),
        duplicates=kept(duplicates, guarded_duplicates),
    )


def guarded_parser(spec: ParserSpec) -> ParserSpec:
    """``spec`` whose ``parse`` raises :class:`TypeError` for a result that is not an
    :class:`~seedcorpus.models.Article` (which failed later, far from the parser, as an
    ``AttributeError`` blamed on an exporter) and :class:`RuntimeError` for
    ``sys.exit()`` (which ended the program with the plugin's code and no word)."""
    parse = spec.parse

    def checked_parse(document: Document) -> Article:
        try:
            article = parse(document)
        except SystemExit as error:
            raise RuntimeError(f"called sys.exit({error.code!r})") from None
        if not isinstance(article, Article):
            raise TypeError(f"returned {type(article).__name__}, not an Article")
        return article

    return attrs.evolve(spec, parse=checked_parse)


class CorpusFolder(Protocol):
    """What :func:`row_parser` needs of a corpus (a :class:`~seedcorpus.Corpus` is one)."""

    registry: Registry
    """The plugins the corpus uses."""
    root: Path
    """The corpus folder."""


def row_parser(corpus: CorpusFolder, name: str, entry: ManifestEntry) -> ParserSpec:
    """The parser ``name`` for ``entry`` of ``corpus``, checked (see
    :func:`guarded_parser`).

    :raises ManifestError: naming ``INDEX.md`` and the row, if the row's ``parser``
        cell names a parser that is not installed: the fix is in that row.
    :raises UnknownPluginError: if ``name`` came from elsewhere and is not installed.
    """
    try:
        return guarded_parser(corpus.registry.parser(name))
    except UnknownPluginError as error:
        if entry.parser != name:
            raise
        message = f"the 'parser' cell of {entry.file!r} names an {error.message}"
        raise ManifestError(message, path=corpus.root / INDEX_NAME, line=entry.line) from None
