"""Lazy selections of a corpus: filter, slice, count, resume, and tables out.

``corpus.filter(...)``, ``corpus[a:b]``, ``corpus.head(n)`` and ``corpus.iter(start=...)``
return a :class:`Selection`: nothing is read until it is iterated, counted or turned into
a table. Each kind of corpus has a backend that does the work where it is cheapest:

* a folder: the manifest gives the count; conditions run in Python on parsed articles;
* a ``.sqlite`` export: conditions are a ``WHERE``, slices a ``LIMIT``/``OFFSET``, and
  counts a ``SELECT COUNT(*)``;
* a ``.parquet`` export: the count comes from the file's metadata; conditions run with
  pyarrow on the columns they need, one row group at a time, and only matching rows are
  decoded into articles;
* any other export (``.jsonl``, ``.csv``, a plugin's): read in order, tested in Python;
  a ``.jsonl`` count is its number of non-blank lines.

A :class:`~seedcorpus.query.Predicate` always runs in Python, on what the pushed-down
conditions let through. An export opened with extra enrichers (``.enrich(...)``) is
tested in Python too, since the conditions must see what those enrichers add.
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from seedcorpus.errors import SeedcorpusError
from seedcorpus.flat import FLAT_COLUMNS, flat_row
from seedcorpus.models import Article, Problem
from seedcorpus.query import And, Condition, Everything, Predicate
from seedcorpus.query import editor as _editor
from seedcorpus.query import language as _language
from seedcorpus.query import place as _place
from seedcorpus.query import published as _published
from seedcorpus.query import reporter as _reporter
from seedcorpus.query import speaker as _speaker
from seedcorpus.query import tag as _tag
from seedcorpus.query import text as _text

if TYPE_CHECKING:  # pragma: no cover
    from seedcorpus.corpus import ArticleSource, Corpus, ExportedCorpus

__all__ = ["Checkpoint", "Cursor", "Selection", "count", "export_selection", "stored_enrichers"]

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


class _Backend(Protocol):
    def count(self) -> int: ...
    def rows(
        self, condition: Condition | None, start: int, problems: list[Problem] | None
    ) -> Iterator[tuple[int, Article]]: ...
    def id_at(self, position: int) -> str | None: ...


@attrs.frozen
class _Folder:
    corpus: Corpus

    def count(self) -> int:
        return len(self.corpus.manifest.entries)

    def rows(
        self, condition: Condition | None, start: int, problems: list[Problem] | None
    ) -> Iterator[tuple[int, Article]]:
        entries = self.corpus.manifest.entries
        for position in range(start, len(entries)):
            try:
                article = self.corpus.load(entries[position])
            except SeedcorpusError as error:
                if problems is None:
                    raise
                path = error.path or entries[position].file
                problems.append(Problem(error.code, error.message, path=path, line=error.line))
                continue
            if problems is not None:
                problems.extend(article.problems)
            if condition is None or condition.matches(article):
                yield position, article

    def id_at(self, position: int) -> str | None:
        entries = self.corpus.manifest.entries
        return entries[position].id if 0 <= position < len(entries) else None


@attrs.frozen
class _Stream:
    """Any readable export: read in order, tested in Python."""

    corpus: ExportedCorpus

    def count(self) -> int:
        if self.corpus.root.name.endswith(".jsonl"):
            with self.corpus.root.open("rb") as lines:
                return sum(1 for line in lines if line.strip())
        return sum(1 for _ in self.corpus)

    def rows(
        self, condition: Condition | None, start: int, problems: list[Problem] | None
    ) -> Iterator[tuple[int, Article]]:
        for position, article in enumerate(self.corpus):
            if position < start:
                continue
            if problems is not None:
                problems.extend(article.problems)
            if condition is None or condition.matches(article):
                yield position, article

    def id_at(self, position: int) -> str | None:
        # Only a resume asks, and it reads up to there anyway: reading twice is the
        # price of checking that the checkpoint still fits.
        found = next(itertools.islice(self.corpus, position, None), None)
        return None if found is None else found.id


@attrs.frozen
class _Sqlite:
    corpus: ExportedCorpus

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"{self.corpus.root.resolve().as_uri()}?mode=ro", uri=True)

    def count(self) -> int:
        return self.count_matching(None)

    def count_matching(self, condition: Condition | None) -> int:
        where, parameters = (condition or Everything()).sql()
        with closing(self._connect()) as connection:
            row = connection.execute(
                f"SELECT COUNT(*) FROM articles WHERE {where}", parameters
            ).fetchone()
        return int(row[0])

    def rows(
        self,
        condition: Condition | None,
        start: int,
        problems: list[Problem] | None,
        window: tuple[int, int] = (0, -1),
    ) -> Iterator[tuple[int, Article]]:
        from seedcorpus.default_plugins.sqlite_rows import article_from_row, article_select

        where, parameters = (condition or Everything()).sql()
        converter = self.corpus.registry.converter
        with closing(self._connect()) as connection:
            # The columns an article is read back from depend on the database's schema.
            query = (
                f"SELECT {article_select(connection)} FROM articles "
                f"WHERE rowid >= ? AND ({where}) ORDER BY rowid LIMIT ? OFFSET ?"
            )
            cursor = connection.execute(query, (start, *parameters, window[1], window[0]))
            for row in cursor:
                path = f"{self.corpus.root}#articles"
                article = article_from_row(row, converter, path=path, line=row[0])
                if problems is not None:
                    problems.extend(article.problems)
                yield row[0], article

    def id_at(self, position: int) -> str | None:
        with closing(self._connect()) as connection:
            row = connection.execute(
                "SELECT id FROM articles WHERE rowid = ?", (position,)
            ).fetchone()
        return None if row is None else str(row[0])


@attrs.frozen
class _Parquet:
    corpus: ExportedCorpus

    def _file(self) -> Any:
        from seedcorpus.default_plugins.parquet import _pyarrow

        return _pyarrow().parquet.ParquetFile(self.corpus.root)

    def count(self) -> int:
        return int(self._file().metadata.num_rows)

    def count_matching(self, condition: Condition) -> int:
        parquet_file, total = self._file(), 0
        for group in range(parquet_file.num_row_groups):
            columns = sorted(condition.columns())
            table = parquet_file.read_row_group(group, columns=columns or ["id"])
            total += int(_true_count(condition.arrow(table)))
        return total

    def rows(
        self, condition: Condition | None, start: int, problems: list[Problem] | None
    ) -> Iterator[tuple[int, Article]]:
        from seedcorpus.default_plugins.parquet import _from_row
        from seedcorpus.serialization import article_from_data

        parquet_file, first = self._file(), 0
        converter = self.corpus.registry.converter
        for group in range(parquet_file.num_row_groups):
            size = parquet_file.metadata.row_group(group).num_rows
            offset, first = first, first + size
            if first <= start:
                continue
            if condition is None:
                chosen = list(range(size))
            else:
                columns = sorted(condition.columns()) or ["id"]
                mask = condition.arrow(parquet_file.read_row_group(group, columns=columns))
                chosen = [n for n, keep in enumerate(mask.to_pylist()) if keep]
            chosen = [n for n in chosen if offset + n >= start]
            if not chosen:
                continue
            table = parquet_file.read_row_group(group).take(chosen)
            for n, row in zip(chosen, table.to_pylist(), strict=True):
                line = offset + n + 1
                data = _from_row(row)
                article = article_from_data(data, converter, path=str(self.corpus.root), line=line)
                if problems is not None:
                    problems.extend(article.problems)
                yield offset + n, article

    def id_at(self, position: int) -> str | None:
        parquet_file, first = self._file(), 0
        for group in range(parquet_file.num_row_groups):
            size = parquet_file.metadata.row_group(group).num_rows
            if position < first + size:
                ids = parquet_file.read_row_group(group, columns=["id"])["id"]
                return str(ids[position - first].as_py()) if position >= first else None
            first += size
        return None


def _true_count(mask: Any) -> int:
    import pyarrow.compute as pc

    return int(pc.sum(pc.cast(mask, "int64")).as_py() or 0)


def _backend(corpus: ArticleSource) -> _Backend:
    from seedcorpus.corpus import Corpus, ExportedCorpus

    if isinstance(corpus, Corpus):
        return _Folder(corpus)
    assert isinstance(corpus, ExportedCorpus)  # the two kinds of ArticleSource
    spec = corpus.spec
    if not corpus.enrichers and spec.name == "sqlite":
        return _Sqlite(corpus)
    if not corpus.enrichers and spec.name == "parquet":
        return _Parquet(corpus)
    return _Stream(corpus)


def count(corpus: ArticleSource) -> int:
    """The number of articles, without parsing: the manifest's rows, ``COUNT(*)``, the
    Parquet metadata, or a ``.jsonl`` file's non-blank lines."""
    return _backend(corpus).count()


def stored_enrichers(corpus: ArticleSource) -> tuple[str, ...]:
    """The enrichment kinds an export's articles carry, read cheaply: the ``enrichers``
    entry a ``.sqlite`` export's ``seedcorpus_meta`` has, else the first article's."""
    from seedcorpus.corpus import ExportedCorpus

    if not isinstance(corpus, ExportedCorpus):
        return ()
    if corpus.spec.name == "sqlite":
        with closing(_Sqlite(corpus)._connect()) as connection:
            try:
                row = connection.execute(
                    "SELECT value FROM seedcorpus_meta WHERE key = 'enrichers'"
                ).fetchone()
            except sqlite3.DatabaseError:
                row = None
        if row is not None:
            return tuple(name for name in str(row[0]).split(",") if name)
    read = corpus.spec.read
    assert read is not None  # an ExportedCorpus is made only for a readable format
    first = next(iter(read(corpus.root, corpus.registry.converter)), None)
    return () if first is None else tuple(e.kind for e in first.enrichments)


class Selection:
    """Articles of a corpus that meet a condition, in the corpus's order, optionally
    sliced. Lazy and immutable: every method returns a new selection or reads."""

    def __init__(
        self, corpus: ArticleSource, condition: Condition | None = None, window: range = _ALL
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
        backend = _backend(self.corpus)
        if self.condition is None:
            total = backend.count()
        elif self.condition.pushable and isinstance(backend, _Sqlite | _Parquet):
            total = backend.count_matching(self.condition)
        else:
            total = sum(1 for _ in backend.rows(self.condition, 0, None))
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
        from seedcorpus.default_plugins.parquet import _pyarrow

        pa = _pyarrow()
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
        backend = _backend(selection.corpus)
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
        if isinstance(backend, _Sqlite) and rest is None and window.step == 1:
            offset = max(0, window.start - matched)
            limit = max(0, window.stop - max(window.start, matched))
            rows = backend.rows(condition, position, problems, (offset, min(limit, 2**62)))
            matched += offset
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


def _split(condition: Condition | None, backend: _Backend) -> tuple[Condition | None, Any]:
    """The part of ``condition`` the backend runs itself, and the rest, for Python."""
    if condition is None:
        return None, None
    if not isinstance(backend, _Sqlite | _Parquet):
        return condition, None  # these test in Python anyway
    if condition.pushable:
        return condition, None
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
) -> Any:
    """Write the selected articles with the exporter called ``format``, atomically, as
    :meth:`Corpus.export <seedcorpus.Corpus.export>` does (in one process).

    :returns: an :class:`~seedcorpus.corpus.ExportReport`.
    """
    import time

    from seedcorpus.atomic import atomic_destination
    from seedcorpus.corpus import ExportReport

    corpus = selection.corpus
    spec = corpus.registry.exporter(format)
    started = time.perf_counter()
    problems: list[Problem] = []
    written = 0

    def articles() -> Iterator[Article]:
        nonlocal written
        for article in selection.iter(problems=None if strict else problems):
            if strict and article.problems:
                first = article.problems[0]
                raise SeedcorpusError(f"{first.message} [{first.code}]", path=first.path)
            written += 1
            if progress is not None:
                progress()
            yield article

    with atomic_destination(destination, force=force, directory=spec.directory) as temporary:
        spec.write(articles(), temporary, corpus.registry.converter)
    return ExportReport(Path(destination), written, tuple(problems), time.perf_counter() - started)
