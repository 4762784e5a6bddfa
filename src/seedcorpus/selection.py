"""Lazy selections of a corpus: filter, slice, count, resume, and tables out.

``corpus.filter(...)``, ``corpus[a:b]``, ``corpus.head(n)`` and ``corpus.iter(start=...)``
return a :class:`Selection`: nothing is read until it is iterated, counted or turned into
a table. Each kind of corpus gives a :class:`Backend` that does the work where it is
cheapest:

* a folder (:class:`FolderBackend`): the manifest gives the count; conditions run in
  Python on parsed articles;
* an export whose exporter offers the ``select`` capability
  (:attr:`~seedcorpus.specs.ExporterSpec.select`; :class:`PushdownBackend`): the output
  runs the conditions, slices and counts itself. The built-in ``sqlite`` exporter makes
  conditions a ``WHERE``, slices a ``LIMIT``/``OFFSET`` and counts a ``SELECT
  COUNT(*)``; the ``parquet`` one counts from the file's metadata and runs conditions
  with pyarrow on the columns they need, decoding only the matching rows;
* any other export (:class:`StreamBackend`): read in order, tested in Python; its count
  is the exporter's ``count`` (a ``.jsonl`` file's non-blank lines) where it has one.

A :class:`~seedcorpus.query.Predicate` always runs in Python, on what the pushed-down
conditions let through. An export opened with extra enrichers (``.enrich(...)``) is
tested in Python too, since the conditions must see what those enrichers add.

This module knows corpora only through :class:`Selectable`; ``seedcorpus.corpus``
builds on it, not the other way round.
"""

from __future__ import annotations

import hashlib
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

from seedcorpus.errors import SeedcorpusError
from seedcorpus.exporting import ExportReport, write_export
from seedcorpus.flat import FLAT_COLUMNS, flat_row
from seedcorpus.models import Article, ManifestEntry, Problem
from seedcorpus.query import And, Condition, Predicate
from seedcorpus.query import editor as _editor
from seedcorpus.query import language as _language
from seedcorpus.query import place as _place
from seedcorpus.query import published as _published
from seedcorpus.query import reporter as _reporter
from seedcorpus.query import speaker as _speaker
from seedcorpus.query import tag as _tag
from seedcorpus.query import text as _text
from seedcorpus.registry import Registry
from seedcorpus.specs import Selector

__all__ = [
    "Backend",
    "Checkpoint",
    "Cursor",
    "FolderBackend",
    "PushdownBackend",
    "PythonBackend",
    "Selectable",
    "Selection",
    "StreamBackend",
    "export_selection",
]

_ALL = range(sys.maxsize)
_KEYWORDS: dict[str, Callable[[str], Condition]] = {
    "tag": _tag, "editor": _editor, "reporter": _reporter, "speaker": _speaker,
    "language": _language, "place": _place, "text": _text,
    "since": lambda value: _published(since=value),
    "until": lambda value: _published(until=value),
}  # fmt: skip


@attrs.frozen
class Checkpoint:
    """Where an iteration stopped, as a token that survives a restart.

    ``str(checkpoint)`` is the token; :meth:`parse` reads it back. Resuming checks that
    the article before ``position`` still has the id ``last_id``, so a corpus that
    changed under a checkpoint is an error, not a silent skip.
    """

    position: int
    """Where the next read starts, in the backend's order (manifest row, SQLite rowid,
    Parquet row, line)."""
    matched: int
    """Articles of the selection yielded before ``position`` (for slices)."""
    last_id: str
    """The id of the last article yielded."""
    selection: str
    """A fingerprint of the selection's conditions and slice."""

    def __str__(self) -> str:
        return f"sc1:{self.position}:{self.matched}:{self.selection}:{self.last_id}"

    @classmethod
    def parse(cls, token: str) -> Checkpoint:
        """Read a token made by ``str()``.

        :raises SeedcorpusError: if it is not one.
        """
        parts = token.split(":", 4)
        if len(parts) != 5 or parts[0] != "sc1" or not (parts[1] + parts[2]).isdigit():
            raise SeedcorpusError(f"not a seedcorpus checkpoint: {token!r}")
        return cls(int(parts[1]), int(parts[2]), parts[4], parts[3])


class Backend(Protocol):
    """How one kind of corpus runs a selection: what
    ``ArticleSource._selection_backend()`` returns."""

    @property
    def pushdown(self) -> bool:
        """True if the backend evaluates conditions itself: it is then given only
        :attr:`pushable <seedcorpus.query.Condition.pushable>` ones, and the rest run in
        Python on what it yields. False: it takes any condition, and tests it in Python."""

    def count(self, condition: Condition | None) -> int:
        """The number of articles meeting ``condition`` (None: all of them)."""

    def rows(
        self,
        condition: Condition | None,
        start: int,
        problems: list[Problem] | None,
        *,
        skip: int = 0,
        limit: int | None = None,
    ) -> Iterator[tuple[int, Article]]:
        """The articles meeting ``condition`` at position ``start`` or after, with their
        positions, the first ``skip`` left out and at most ``limit`` given; leniently
        if ``problems`` is a list (see :meth:`Selection.iter`)."""

    def id_at(self, position: int) -> str | None:
        """The id of the article at ``position``, or None if there is none."""


class Selectable(Protocol):
    """What a selection needs of a corpus; every
    :class:`~seedcorpus.corpus.ArticleSource` is one."""

    @property
    def root(self) -> Path:
        """The corpus folder, or the export file."""

    @property
    def registry(self) -> Registry:
        """The plugins the corpus uses."""

    def _selection_backend(self) -> Backend:
        """How the corpus runs a selection."""


def _window(
    rows: Iterator[tuple[int, Article]], skip: int, limit: int | None
) -> Iterator[tuple[int, Article]]:
    return itertools.islice(rows, skip, None if limit is None else skip + limit)


class PythonBackend:
    """What the backends that read every article and test it in Python share; each
    says how many articles there are and which match (``_size``, ``_matching``)."""

    pushdown = False

    def _size(self) -> int:
        raise NotImplementedError

    def _matching(
        self, condition: Condition | None, start: int, problems: list[Problem] | None
    ) -> Iterator[tuple[int, Article]]:
        raise NotImplementedError

    def count(self, condition: Condition | None) -> int:
        """All the articles, counted cheaply; or the matching ones, read."""
        if condition is None:
            return self._size()
        return sum(1 for _ in self._matching(condition, 0, None))

    def rows(
        self,
        condition: Condition | None,
        start: int,
        problems: list[Problem] | None,
        *,
        skip: int = 0,
        limit: int | None = None,
    ) -> Iterator[tuple[int, Article]]:
        """Read from ``start`` on, test in Python, keep the window asked for."""
        return _window(self._matching(condition, start, problems), skip, limit)


@attrs.frozen
class FolderBackend(PythonBackend):
    """A corpus folder's: positions are manifest rows; conditions run in Python."""

    entries: Sequence[ManifestEntry]
    """The manifest rows, in order."""
    load: Callable[[ManifestEntry], Article]
    """Reads, parses and enriches one row (:meth:`Corpus.load
    <seedcorpus.Corpus.load>`)."""

    def _size(self) -> int:
        return len(self.entries)

    def _matching(
        self, condition: Condition | None, start: int, problems: list[Problem] | None
    ) -> Iterator[tuple[int, Article]]:
        for position in range(start, len(self.entries)):
            try:
                article = self.load(self.entries[position])
            except SeedcorpusError as error:
                if problems is None:
                    raise
                path = error.path or self.entries[position].file
                problems.append(Problem(error.code, error.message, path=path, line=error.line))
                continue
            if problems is not None:
                problems.extend(article.problems)
            if condition is None or condition.matches(article):
                yield position, article

    def id_at(self, position: int) -> str | None:
        """The manifest row's id."""
        return self.entries[position].id if 0 <= position < len(self.entries) else None


@attrs.frozen
class StreamBackend(PythonBackend):
    """Any readable export's: read in order, tested in Python; positions are the
    articles' indices."""

    read: Callable[[], Iterable[Article]]
    """Reads the articles, in order."""
    size: Callable[[], int]
    """Counts them cheaply (``len`` of the export)."""

    def _size(self) -> int:
        return self.size()

    def _matching(
        self, condition: Condition | None, start: int, problems: list[Problem] | None
    ) -> Iterator[tuple[int, Article]]:
        for position, article in enumerate(self.read()):
            if position < start:
                continue
            if problems is not None:
                problems.extend(article.problems)
            if condition is None or condition.matches(article):
                yield position, article

    def id_at(self, position: int) -> str | None:
        """Read up to ``position``."""
        # Only a resume asks, and it reads up to there anyway: reading twice is the
        # price of checking that the checkpoint still fits.
        found = next(itertools.islice(self.read(), position, None), None)
        return None if found is None else found.id


@attrs.frozen
class PushdownBackend:
    """An export's whose exporter offers ``select``: the output does the work."""

    selector: Selector
    """What the exporter's :attr:`~seedcorpus.specs.ExporterSpec.select` gave."""
    pushdown = True

    def count(self, condition: Condition | None) -> int:
        """The selector's count."""
        return self.selector.count(condition)

    def rows(
        self,
        condition: Condition | None,
        start: int,
        problems: list[Problem] | None,
        *,
        skip: int = 0,
        limit: int | None = None,
    ) -> Iterator[tuple[int, Article]]:
        """The selector's rows; problems recorded in them go to ``problems``."""
        for position, article in self.selector.rows(condition, start, skip=skip, limit=limit):
            if problems is not None:
                problems.extend(article.problems)
            yield position, article

    def id_at(self, position: int) -> str | None:
        """The selector's id."""
        return self.selector.id_at(position)


class Selection:
    """Articles of a corpus that meet a condition, in the corpus's order, optionally
    sliced. Lazy and immutable: every method returns a new selection or reads."""

    def __init__(
        self, corpus: Selectable, condition: Condition | None = None, window: range = _ALL
    ) -> None:
        self.corpus = corpus
        """The corpus selected from."""
        self.condition = condition
        """What the articles must meet (None: everything)."""
        self.window = window
        """The slice of the matching articles, as a range of their indices."""

    def __repr__(self) -> str:
        window = "" if self.window == _ALL else f" [{self.window.start}:{self.window.stop}]"
        return f"<Selection of {self.corpus.root.name}{window}: {self.condition!r}>"

    def filter(
        self, *conditions: Condition | Callable[[Article], bool], **fields: str
    ) -> Selection:
        """Keep the articles that meet every condition (and'ed with the current one).

        ``conditions`` are :class:`~seedcorpus.query.Condition` values or functions of
        an article; ``fields`` are shortcuts: ``tag``, ``editor``, ``reporter``,
        ``speaker``, ``language``, ``place``, ``text``, ``since``, ``until``.

        :raises TypeError: for an unknown keyword.
        """
        if self.window != _ALL:
            raise SeedcorpusError("filter before slicing: a slice of a filter is clearer")
        parts = [c if isinstance(c, Condition) else Predicate(c) for c in conditions]
        for name, value in fields.items():
            if name not in _KEYWORDS:
                raise TypeError(f"filter() got an unknown keyword {name!r}")
            parts.append(_KEYWORDS[name](value))
        if self.condition is not None:
            parts.insert(0, self.condition)
        return Selection(self.corpus, And(tuple(parts)) if len(parts) != 1 else parts[0])

    def __getitem__(self, key: slice) -> Selection:
        if not isinstance(key, slice):
            raise TypeError("a selection is indexed by slices; look articles up by id")
        if (key.step or 1) < 1:
            raise ValueError("slice step must be positive")
        negative = any(v is not None and v < 0 for v in (key.start, key.stop))
        window = range(len(self)) if negative and self.window == _ALL else self.window
        return Selection(self.corpus, self.condition, window[key])

    def head(self, n: int = 5) -> Selection:
        """The first ``n`` articles."""
        return self[:n]

    def __len__(self) -> int:
        backend = self.corpus._selection_backend()
        condition, rest = _split(self.condition, backend)
        if rest is None:
            total = backend.count(condition)
        else:
            total = sum(1 for _ in Selection(self.corpus, self.condition))
        return len(self.window[:total])

    def __iter__(self) -> Iterator[Article]:
        return self.iter()

    def fingerprint(self) -> str:
        """Identifies the conditions and slice in a checkpoint."""
        text = f"{self.condition!r}|{self.window!r}"
        return hashlib.sha256(text.encode()).hexdigest()[:12]

    def iter(
        self, start: Checkpoint | str | None = None, *, problems: list[Problem] | None = None
    ) -> Cursor:
        """Iterate, from the beginning or from a checkpoint (see :class:`Cursor`).

        :param problems: if given, iterate leniently: unreadable articles are skipped
            and their errors appended, as are problems recorded in articles read.
        :raises SeedcorpusError: if the checkpoint belongs to another selection, or the
            corpus changed under it.
        """
        checkpoint = Checkpoint.parse(start) if isinstance(start, str) else start
        if checkpoint is not None and checkpoint.selection != self.fingerprint():
            raise SeedcorpusError("this checkpoint was made by a different selection")
        return Cursor(self, checkpoint, problems)

    def ids(self) -> list[str]:
        """The ids of the selected articles, in order."""
        return [article.id for article in self]

    def to_arrow(self) -> Any:
        """A ``pyarrow.Table`` of the flat columns (:func:`~seedcorpus.flat.flat_row`).

        :raises SeedcorpusError: without pyarrow (the ``parquet`` extra).
        """
        try:
            import pyarrow as pa
        except ImportError:
            raise SeedcorpusError(
                "to_arrow needs pyarrow: pip install 'seedcorpus[parquet]'"
            ) from None
        fields = [
            (name, pa.int64() if name == "copyright_year" else pa.string())
            for name in FLAT_COLUMNS
        ]
        schema = pa.schema([*fields, ("tags", pa.list_(pa.string()))])
        return pa.Table.from_pylist([flat_row(article) for article in self], schema=schema)

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` of the flat columns.

        :raises SeedcorpusError: without pandas or pyarrow.
        """
        import importlib.util

        if importlib.util.find_spec("pandas") is None:
            raise SeedcorpusError("to_pandas needs pandas: pip install pandas")
        return self.to_arrow().to_pandas()


class Cursor:
    """An iterator over a selection whose :attr:`checkpoint` says where to resume.

    A loop that can stop and resume saves the token after each article::

        cursor = corpus.iter(start=saved)  # saved: None the first time
        for article in cursor:
            work(article)
            saved = str(cursor.checkpoint)
    """

    def __init__(
        self, selection: Selection, start: Checkpoint | None, problems: list[Problem] | None
    ) -> None:
        self.selection = selection
        """What is iterated."""
        self.checkpoint = start
        """The position after the last article yielded (None before the first)."""
        self._articles = self._run(start, problems)

    def __iter__(self) -> Cursor:
        return self

    def __next__(self) -> Article:
        return next(self._articles)

    def _run(self, start: Checkpoint | None, problems: list[Problem] | None) -> Iterator[Article]:
        selection = self.selection
        backend = selection.corpus._selection_backend()
        position, matched = (0, 0) if start is None else (start.position, start.matched)
        if start is not None and start.position > 0:
            found = backend.id_at(start.position - 1)
            if found is not None and found != start.last_id:
                raise SeedcorpusError(
                    f"the corpus changed since the checkpoint: the article before it is "
                    f"{found!r}, not {start.last_id!r}",
                    path=selection.corpus.root,
                )
        condition, rest = _split(selection.condition, backend)
        window = selection.window
        if rest is None and window.step == 1:
            # The backend skips and stops: a LIMIT/OFFSET where it is a database.
            skip = max(0, window.start - matched)
            limit = max(0, window.stop - max(window.start, matched))
            rows = backend.rows(
                condition, position, problems, skip=skip, limit=None if limit > 2**62 else limit
            )
            matched += skip
        else:
            rows = backend.rows(condition, position, problems)
        fingerprint = selection.fingerprint()
        for raw, article in rows:
            if rest is not None and not rest.matches(article):
                continue
            index, matched = matched, matched + 1
            if index >= window.stop:
                return
            if index in window:
                self.checkpoint = Checkpoint(raw + 1, matched, article.id, fingerprint)
                yield article


def _split(
    condition: Condition | None, backend: Backend
) -> tuple[Condition | None, Condition | None]:
    """The part of ``condition`` the backend runs itself, and the rest, for Python."""
    if condition is None or condition.pushable or not backend.pushdown:
        return condition, None  # a backend that does not push down tests in Python anyway
    if isinstance(condition, And):
        pushed = tuple(p for p in condition.parts if p.pushable)
        kept = tuple(p for p in condition.parts if not p.pushable)
        return (And(pushed) if pushed else None), And(kept)
    return None, condition


def export_selection(
    selection: Selection,
    format: str,
    destination: str | Path,
    *,
    force: bool = False,
    strict: bool = False,
    progress: Callable[[], None] | None = None,
) -> ExportReport:
    """Write the selected articles with the exporter called ``format``, atomically, as
    :meth:`ArticleSource.export <seedcorpus.ArticleSource.export>` does (in one process).
    """

    def articles() -> Iterator[Article]:
        for article in selection.iter(problems=None if strict else problems):
            if strict and article.problems:
                first = article.problems[0]
                raise SeedcorpusError(f"{first.message} [{first.code}]", path=first.path)
            yield article

    problems: list[Problem] = []
    registry = selection.corpus.registry
    return write_export(
        registry, format, articles(), destination, problems, force=force, progress=progress,
        source=selection.corpus,
    )  # fmt: skip
