"""Selections in a ``.sqlite`` export (the ``sqlite`` exporter's ``select`` capability).

Conditions become a ``WHERE`` over the ``articles`` table (:meth:`Condition.sql
<seedcorpus.query.Condition.sql>`), slices a ``LIMIT``/``OFFSET`` and counts a ``SELECT
COUNT(*)``; positions are ``rowid`` values. A database of an older schema (a 0.1
export) has other columns, so the core reads it in Python instead.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

from cattrs import Converter

from seedcorpus.default_plugins.sqlite_rows import article_from_row, article_select
from seedcorpus.models import Article
from seedcorpus.query import Condition, Everything
from seedcorpus.specs import Selector

__all__ = ["SqliteSelector", "select_sqlite"]


def _connect(database: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)


def _meta(database: Path, key: str) -> str | None:
    with closing(_connect(database)) as connection:
        try:
            row = connection.execute(
                "SELECT value FROM seedcorpus_meta WHERE key = ?", (key,)
            ).fetchone()
        except sqlite3.DatabaseError:
            return None  # not one of ours: reading it says so, naming the file
    return None if row is None else str(row[0])


class SqliteSelector:
    """Selections run by SQLite; see the module's description."""

    def __init__(self, database: Path, converter: Converter) -> None:
        self.database = database
        """The ``.sqlite`` export."""
        self.converter = converter
        """Decodes the ``json`` column of the matching rows."""

    def count(self, condition: Condition | None) -> int:
        """``SELECT COUNT(*) ... WHERE``."""
        where, parameters = (condition or Everything()).sql()
        with closing(_connect(self.database)) as connection:
            row = connection.execute(
                f"SELECT COUNT(*) FROM articles WHERE {where}", parameters
            ).fetchone()
        return int(row[0])

    def rows(
        self, condition: Condition | None, start: int, *, skip: int = 0, limit: int | None = None
    ) -> Iterator[tuple[int, Article]]:
        """``SELECT ... WHERE rowid >= start AND (condition) LIMIT limit OFFSET skip``."""
        where, parameters = (condition or Everything()).sql()
        path = f"{self.database}#articles"
        window = (-1 if limit is None else limit, skip)  # LIMIT -1: no limit
        with closing(_connect(self.database)) as connection:
            # The columns an article is read back from depend on the database's schema.
            query = (
                f"SELECT {article_select(connection)} FROM articles "
                f"WHERE rowid >= ? AND ({where}) ORDER BY rowid LIMIT ? OFFSET ?"
            )
            cursor = connection.execute(query, (start, *parameters, *window))
            for row in cursor:
                yield row[0], article_from_row(row, self.converter, path=path, line=row[0])

    def id_at(self, position: int) -> str | None:
        """The id in the row with that ``rowid``."""
        with closing(_connect(self.database)) as connection:
            row = connection.execute(
                "SELECT id FROM articles WHERE rowid = ?", (position,)
            ).fetchone()
        return None if row is None else str(row[0])

    def enrichers(self) -> tuple[str, ...] | None:
        """The ``enrichers`` entry of ``seedcorpus_meta`` (written with the duplicate
        tables), or ``None`` if the database has none."""
        value = _meta(self.database, "enrichers")
        return None if value is None else tuple(name for name in value.split(",") if name)


def select_sqlite(database: Path, converter: Converter, schema_version: str) -> Selector | None:
    """A :class:`SqliteSelector` for a database of ``schema_version``, or ``None`` (for
    another schema, or a file that is not a database)."""
    if not database.is_file() or _meta(database, "schema_version") != schema_version:
        return None
    return SqliteSelector(database, converter)
