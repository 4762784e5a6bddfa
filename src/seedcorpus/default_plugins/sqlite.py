"""The ``sqlite`` exporter: a database with an FTS5 full-text index, and search over it.

Tables (see ``docs/formats/sqlite.md``):

* ``articles``: one row per article with the contract's fields flattened into columns,
  plus ``json``, the whole article in the JSON contract (so it reads back losslessly);
* ``tags``: ``(article_id, position, tag)``;
* ``articles_fts``: an external-content FTS5 table over ``title``, ``caption`` and
  ``body``, declared the way sqlite-utils does, so datasette finds it unaided.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
from cattrs import Converter

from seedcorpus.errors import SeedcorpusError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article
from seedcorpus.serialization import article_from_json
from seedcorpus.specs import ExporterSpec

__all__ = ["COLUMNS", "SearchHit", "flatten", "read_sqlite", "search", "write_sqlite"]

SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE seedcorpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    parser TEXT NOT NULL,
    language TEXT,
    title TEXT NOT NULL,
    caption TEXT,
    caption_credit TEXT,
    dateline_city TEXT,
    dateline_agency TEXT,
    body TEXT NOT NULL,
    original_title TEXT,
    reporter TEXT,
    editor TEXT,
    copyright_year INTEGER,
    published TEXT,
    json TEXT NOT NULL
);
CREATE TABLE tags (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX tags_tag ON tags(tag);
CREATE INDEX articles_language ON articles(language);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_editor ON articles(editor);
CREATE VIRTUAL TABLE [articles_fts] USING FTS5 (
    [title], [caption], [body],
    tokenize='unicode61 remove_diacritics 2',
    content=[articles]
);
"""

COLUMNS = (
    "id", "path", "sha256", "parser", "language", "title", "caption", "caption_credit",
    "dateline_city", "dateline_agency", "body", "original_title", "reporter", "editor",
    "copyright_year", "published", "json",
)  # fmt: skip
"""Columns of the ``articles`` table, in order."""
_INSERT = f"INSERT INTO articles ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"


def flatten(data: dict[str, Any], text: str) -> tuple[Any, ...]:
    """Flatten one article's JSON form (``data``, and as ``text``) into :data:`COLUMNS`."""
    caption = data["caption"] or {}
    dateline = data["dateline"] or {}
    syndication = data["syndication"] or {}
    copyright_ = data["copyright"] or {}
    dates: dict[str, Any] = next((e for e in data["enrichments"] if e.get("kind") == "dates"), {})
    return (
        data["id"],
        data["source"]["path"],
        data["source"]["sha256"],
        data["source"]["parser"],
        data["language"],
        data["title"],
        caption.get("text"),
        caption.get("credit"),
        dateline.get("city"),
        dateline.get("agency"),
        "\n\n".join(data["paragraphs"]),
        syndication.get("original_title"),
        data["byline"]["reporter"],
        data["byline"]["editor"],
        copyright_.get("year"),
        dates.get("published"),
        text,
    )


def write_sqlite(articles: Iterable[Article], destination: Path, converter: Converter) -> None:
    """Write a fresh database at ``destination`` (which must not exist yet)."""
    connection = sqlite3.connect(destination)
    # The file is a temporary one that is renamed into place when complete, so a journal
    # and per-transaction syncs buy nothing; atomic_destination syncs it once at the end.
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    try:
        with connection:
            connection.executescript(_SCHEMA)
            connection.execute(
                "INSERT INTO seedcorpus_meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
            for article in articles:
                data = converter.unstructure(article)
                text = json.dumps(data, ensure_ascii=False)
                connection.execute(_INSERT, flatten(data, text))
                connection.executemany(
                    "INSERT INTO tags VALUES (?, ?, ?)",
                    [(article.id, position, tag) for position, tag in enumerate(article.tags)],
                )
            # One rebuild after the bulk insert is much faster than keeping it in step.
            connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    finally:
        connection.close()


def _connect_read_only(database: Path) -> sqlite3.Connection:
    if not database.is_file():
        raise SeedcorpusError("no such database", path=database)
    return sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)


def read_sqlite(source: Path, converter: Converter) -> Iterator[Article]:
    """Read the articles back, typed, in the order they were written."""
    connection = _connect_read_only(source)
    try:
        for rowid, text in connection.execute("SELECT rowid, json FROM articles ORDER BY rowid"):
            yield article_from_json(text, converter, path=f"{source}#articles", line=rowid)
    finally:
        connection.close()


@attrs.frozen
class SearchHit:
    """One search result."""

    id: str
    """The article id."""
    title: str
    """The article title."""
    snippet: str
    """Matching text with the matches between ``[`` and ``]``."""
    score: float
    """bm25 rank: lower is better."""


def search(database: str | Path, query: str, *, limit: int = 10) -> list[SearchHit]:
    """Full-text search of an exported database, best matches first.

    ``query`` is FTS5 query syntax: words, ``"a phrase"``, ``prefix*``, ``AND``/``OR``/``NOT``.

    :raises SeedcorpusError: if the database is missing or the query is not valid FTS5.
    """
    connection = _connect_read_only(Path(database))
    try:
        rows = connection.execute(
            """
            SELECT articles.id, articles.title,
                   snippet(articles_fts, -1, '[', ']', ' … ', 16), bm25(articles_fts)
            FROM articles_fts JOIN articles ON articles.rowid = articles_fts.rowid
            WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?
            """,
            (query, limit),
        ).fetchall()
    except sqlite3.OperationalError as error:
        raise SeedcorpusError(f"search {query!r} failed: {error}", path=database) from None
    finally:
        connection.close()
    return [SearchHit(*row) for row in rows]


@hookimpl
def seedcorpus_exporters() -> Iterator[ExporterSpec]:
    """Provide the ``sqlite`` exporter."""
    yield ExporterSpec(
        name="sqlite",
        write=write_sqlite,
        read=read_sqlite,
        suffix=".sqlite",
        description="SQLite database with an FTS5 index over title, caption and body",
    )
