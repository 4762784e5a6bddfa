"""How the ``sqlite`` exporter lays an article out in rows, and reads it back.

Each text is stored once. The body is the ``articles.body`` column (which the FTS5 index
reads); ``articles.json`` is the article's JSON form without its ``enrichments`` and
with ``paragraphs`` replaced by each paragraph's ``[start, length]`` in the body (code
points), so the paragraphs come back exactly, whatever they hold. Each enrichment is
one row of ``enrichments``; where its records say where their text is (``start`` and
``end`` in a paragraph named by ``paragraph`` or ``field``, as quotes and date mentions
do), the ``text`` equal to that slice is left out and ``elided`` is 1, and its lists of
records of one shape are stored as arrays of values whose keys are a row of
``record_layouts`` (see :mod:`~seedcorpus.default_plugins.sqlite_records`). Reading
puts the article back together from these, and gives the same article that was written.

Rows are written in batches with ``executemany``; an article is unstructured once and
each part's JSON is made once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from itertools import count, repeat
from typing import Any

import orjson
from cattrs import Converter

from seedcorpus.columns import ARTICLE_COLUMNS, article_row
from seedcorpus.default_plugins.sqlite_records import PARAGRAPH_NAMES, Layouts, restore
from seedcorpus.default_plugins.sqlite_typed import Unstructurer
from seedcorpus.duplicates import Record
from seedcorpus.errors import SerializationError
from seedcorpus.models import Article, UnknownEnrichment
from seedcorpus.serialization import article_from_data, article_from_json, data_to_json
from seedcorpus.unstructure import inexact as _inexact
from seedcorpus.unstructure import orjson_default

__all__ = [
    "BATCH_SIZE",
    "COLUMNS",
    "article_data",
    "article_from_row",
    "article_select",
    "delete_articles",
    "insert_articles",
    "inserted_records",
    "read_article",
    "upsert_articles",
]

COLUMNS = (*ARTICLE_COLUMNS, "json")
"""Columns of the ``articles`` table, in order: the flat columns, then ``json``."""

BATCH_SIZE = 256
"""Articles whose rows are written with one ``executemany`` per table."""

_INSERT = f"INSERT INTO articles ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
_UPDATE = f"UPDATE articles SET {', '.join(f'{c} = ?' for c in COLUMNS[1:])} WHERE id = ?"
_INSERT_TAG = "INSERT INTO tags VALUES (?, ?, ?)"
_INSERT_ENRICHMENT = "INSERT OR REPLACE INTO enrichments VALUES (?, ?, ?, ?, ?, ?)"
_PART_TABLES = ("tags", "enrichments")


def _json(data: Any) -> str:
    """:func:`~seedcorpus.serialization.data_to_json`, with orjson called in place: this
    runs for the article and each of its enrichments."""
    try:
        return _dumps(data, default=orjson_default, option=_OPTIONS).decode()
    except orjson.JSONEncodeError:
        return data_to_json(data)


_dumps = orjson.dumps
_OPTIONS = orjson.OPT_PASSTHROUGH_SUBCLASS  # as data_to_json writes


class _Rows:
    """The rows of a batch of articles, one list per table."""

    __slots__ = ("articles", "enrichments", "layouts", "records", "tags")

    def __init__(self, layouts: Layouts) -> None:
        self.layouts = layouts
        self.articles: list[tuple[Any, ...]] = []
        # What duplicates are found from (see inserted_records), from the row's columns.
        self.records: list[Record] = []
        self.tags: list[tuple[str, int, str]] = []
        self.enrichments: list[tuple[str, str, int, str, bool, int | None]] = []

    def add(self, article: Article, unstructurer: Unstructurer) -> None:
        data = unstructurer.article(article)  # without its enrichments: stored apart
        paragraphs = data["paragraphs"]
        data["paragraphs"] = _paragraph_spans(paragraphs, data["source"])
        article_id = article.id
        laid = unstructurer.enrichments(article.enrichments, paragraphs)
        row = article_row(article, [payload for payload, _, _ in laid])
        _drop_columns(data, row)
        self.articles.append((*row, _json(data)))
        syndication = article.syndication
        site = None if syndication is None else syndication.site
        self.records.append((article_id, row[_TITLE], row[_BODY], row[_ORIGINAL_TITLE], site))
        tags = article.tags
        if tags:
            self.tags.extend(zip(repeat(article_id), count(), tags))
        layout_id = self.layouts.id
        append = self.enrichments.append
        for position, (payload, elided, layout) in enumerate(laid):
            layout_at = None if layout is None else layout_id(layout)
            append((article_id, payload["kind"], position, _json(payload), elided, layout_at))

    def write_parts(self, connection: sqlite3.Connection) -> None:
        connection.executemany(_INSERT_TAG, self.tags)
        connection.executemany(_INSERT_ENRICHMENT, self.enrichments)


def _paragraph_spans(paragraphs: Sequence[str], source: dict[str, Any]) -> list[tuple[int, ...]]:
    """Each paragraph's ``(start, length)`` in ``body``, followed by its span in the source
    file when ``source["spans"]`` has ``paragraphs.0`` to ``paragraphs.N`` one after the
    other: those are then moved out of ``source["spans"]`` (``paragraphs_at`` says where
    they were), since their names take more room than their offsets."""
    spans: dict[str, Any] = source["spans"]
    count = len(paragraphs)
    if not count or "paragraphs.0" not in spans:
        return _located(paragraphs)
    names = list(spans)
    at = names.index("paragraphs.0")
    wanted = PARAGRAPH_NAMES[:count]
    if len(wanted) < count:
        wanted = [f"paragraphs.{n}" for n in range(count)]
    if names[at : at + count] != wanted:
        return _located(paragraphs)
    source["paragraphs_at"] = at
    places = list(map(spans.pop, wanted))
    # Each paragraph's tuple made at once, not a pair and then a pair added to it: this
    # runs for every paragraph written.
    located: list[tuple[int, ...]] = []
    start = 0
    try:
        for paragraph, (begin, end) in zip(paragraphs, places, strict=True):
            size = len(paragraph)
            located.append((start, size, begin, end))
            start += size + 2
    except (TypeError, ValueError):  # a span that is not a pair (another converter's)
        return [(*spot, *place) for spot, place in zip(_located(paragraphs), places, strict=True)]
    return located


def _located(paragraphs: Sequence[str]) -> list[tuple[int, ...]]:
    """Each paragraph's ``(start, length)`` in ``body``."""
    located: list[tuple[int, ...]] = []
    start = 0
    for paragraph in paragraphs:
        size = len(paragraph)
        located.append((start, size))
        start += size + 2  # the blank line that joins them in ``body``
    return located


def _unfold_spans(data: dict[str, Any]) -> None:
    """Put the paragraphs' source spans back where :func:`_paragraph_spans` took them."""
    source = data["source"]
    at = source.pop("paragraphs_at", None)
    if at is None:
        return
    items = list(source["spans"].items())
    items[at:at] = [(f"paragraphs.{n}", place[2:4]) for n, place in enumerate(data["paragraphs"])]
    source["spans"] = dict(items)


# Values of the JSON form that a flat column holds as they are: left out of ``json`` and
# read back from the column. (Columns made from several values, such as ``reporter``,
# are not among them.)
_IN_COLUMNS = (
    (("source", "path"), "path"),
    (("source", "sha256"), "sha256"),
    (("source", "parser"), "parser"),
    (("title",), "title"),
    (("caption", "text"), "caption"),
    (("caption", "credit"), "caption_credit"),
    (("dateline", "city"), "dateline_city"),
    (("dateline", "agency"), "dateline_agency"),
    (("syndication", "original_title"), "original_title"),
)
_COLUMN_AT = {column: ARTICLE_COLUMNS.index(column) for _, column in _IN_COLUMNS}
_TITLE, _BODY, _ORIGINAL_TITLE = map(ARTICLE_COLUMNS.index, ("title", "body", "original_title"))


def _parent(data: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys[:-1]:
        data = data.get(key)  # type: ignore[assignment]
        if not isinstance(data, dict):
            return None
    return data


def _drop_columns(data: dict[str, Any], row: Sequence[Any]) -> None:
    """Leave out of ``data`` the values that ``row``'s flat columns hold."""
    for parent_key, children in _DROPPED:
        parent = data if parent_key is None else data.get(parent_key)
        if isinstance(parent, dict):
            for key, at in children:
                if key in parent and parent[key] == row[at]:
                    del parent[key]


def _by_parent() -> tuple[tuple[str | None, tuple[tuple[str, int], ...]], ...]:
    """_IN_COLUMNS by the object that holds each value (None: the article itself; none
    is deeper), with the place of its column in a row."""
    grouped: dict[str | None, list[tuple[str, int]]] = {}
    for keys, column in _IN_COLUMNS:
        parent = keys[0] if len(keys) == 2 else None
        grouped.setdefault(parent, []).append((keys[-1], _COLUMN_AT[column]))
    return tuple((parent, tuple(children)) for parent, children in grouped.items())


# One lookup of each object, instead of one for each value: this runs for every article.
_DROPPED = _by_parent()


def _restore_columns(data: dict[str, Any], columns: Sequence[Any]) -> None:
    """Put back what :func:`_drop_columns` left out; ``columns`` are the values of the
    columns of ``_IN_COLUMNS``, in order."""
    for (keys, _), value in zip(_IN_COLUMNS, columns, strict=True):
        parent = _parent(data, keys)
        if parent is not None and keys[-1] not in parent:
            parent[keys[-1]] = value


def _batches(
    articles: Iterable[Article], converter: Converter, connection: sqlite3.Connection
) -> Iterable[_Rows]:
    layouts = Layouts(connection)  # a new layout is added to the database when first met
    unstructurer = Unstructurer(converter)
    rows = _Rows(layouts)
    for article in articles:
        rows.add(article, unstructurer)
        if len(rows.articles) >= BATCH_SIZE:
            yield rows
            rows = _Rows(layouts)
    if rows.articles:
        yield rows


def insert_articles(
    connection: sqlite3.Connection, articles: Iterable[Article], converter: Converter
) -> None:
    """Insert articles into ``articles`` and the part tables (``tags``, ``enrichments``).

    The full-text index is not updated: rebuild it afterwards with the ``sqlite``
    module's ``rebuild_index``.
    """
    for _ in inserted_records(connection, articles, converter):
        pass


def inserted_records(
    connection: sqlite3.Connection, articles: Iterable[Article], converter: Converter
) -> Iterator[Record]:
    """:func:`insert_articles`, giving each article's duplicates
    :data:`~seedcorpus.duplicates.Record` once its rows are written: what the ``sqlite``
    module's ``refresh_duplicates`` would read back from its columns.

    A build finds the duplicates as it writes, so no text is read back; only a batch of
    rows is held at a time.
    """
    for rows in _batches(articles, converter, connection):
        connection.executemany(_INSERT, rows.articles)
        rows.write_parts(connection)
        yield from rows.records


def upsert_articles(
    connection: sqlite3.Connection, articles: Iterable[Article], converter: Converter
) -> None:
    """Update articles in place by id (part tables included), inserting new ones.

    Updating in place keeps each article's row, so the database's order stays the
    manifest's order for articles that changed. The FTS triggers keep the index in step.
    Record layouts new to the database are added to ``record_layouts``.
    """
    for rows in _batches(articles, converter, connection):
        for row in rows.articles:
            if connection.execute(_UPDATE, (*row[1:], row[0])).rowcount == 0:
                connection.execute(_INSERT, row)
        _delete_parts(connection, [(row[0],) for row in rows.articles])
        rows.write_parts(connection)


def delete_articles(connection: sqlite3.Connection, ids: Iterable[str]) -> None:
    """Delete articles and their parts by id."""
    rows = [(article_id,) for article_id in ids]
    _delete_parts(connection, rows)
    connection.executemany("DELETE FROM articles WHERE id = ?", rows)


def _delete_parts(connection: sqlite3.Connection, rows: list[tuple[str]]) -> None:
    for table in _PART_TABLES:
        connection.executemany(f"DELETE FROM {table} WHERE article_id = ?", rows)


def _loads(text: str, exact: bool) -> Any:
    if not exact:
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass  # what data_to_json wrote with json (NaN, say)
    return json.loads(text)


_ENRICHMENTS = (
    "(SELECT json_group_array(json_array(position, elided, json, record_layouts.keys))"
    " FROM enrichments LEFT JOIN record_layouts ON record_layouts.id = enrichments.layout"
    " WHERE enrichments.article_id = articles.id)"
)
_ENRICHMENTS_3 = (  # schema 3: no record layouts
    "(SELECT json_group_array(json_array(position, elided, json)) FROM enrichments"
    " WHERE enrichments.article_id = articles.id)"
)


_FLAT = ", ".join(f"articles.{column}" for _, column in _IN_COLUMNS)


def article_select(connection: sqlite3.Connection) -> str:
    """The columns to select from ``articles`` for :func:`article_from_row`: rowid,
    json, body, enrichments and the flat columns ``json`` leaves to them; only the first
    two in a database written before schema 3, whose ``json`` holds the whole article.
    Schema 3 has no record layouts: its enrichments are read without them."""
    columns = {
        name
        for (name,) in connection.execute(
            "SELECT name FROM pragma_table_info('enrichments') WHERE name IN ('elided', 'layout')"
        )
    }
    if "elided" not in columns:
        return "articles.rowid, articles.json, NULL, NULL"
    enrichments = _ENRICHMENTS if "layout" in columns else _ENRICHMENTS_3
    return f"articles.rowid, articles.json, articles.body, {enrichments}, {_FLAT}"


def article_data(row: Sequence[Any], *, exact: bool = False) -> dict[str, Any]:
    """The whole article's JSON form (as ``converter.unstructure`` gives it) from a row
    selected with :func:`article_select`.

    :param exact: read numbers as the ``json`` module does; by default orjson reads them, which
        is faster but reads an integer beyond 64 bits as a float.
    :raises ValueError: if the row's JSON is not valid.
    """
    text, body, enrichments = row[1:4]
    data: dict[str, Any] = _loads(text, exact)
    if enrichments is None:
        return data
    _restore_columns(data, row[4:])
    _unfold_spans(data)
    paragraphs = [body[place[0] : place[0] + place[1]] for place in data["paragraphs"]]
    data["paragraphs"] = paragraphs
    parts = sorted(_loads(enrichments, exact), key=lambda part: int(part[0]))
    restored = []
    for part in parts:
        enrichment = _loads(part[2], exact)
        layout = part[3] if len(part) > 3 else None  # schema 3 has no layouts
        if part[1] or layout is not None:
            enrichment = restore(enrichment, paragraphs, bool(part[1]), layout)
        restored.append(enrichment)
    data["enrichments"] = restored
    return data


def article_from_row(
    row: Sequence[Any], converter: Converter, *, path: str, line: int | None = None
) -> Article:
    """The typed article of a row selected with :func:`article_select`.

    :raises SerializationError: naming ``path`` and ``line`` for a row that does not
        hold an article.
    """
    if row[3] is None:
        return article_from_json(row[1], converter, path=path, line=line)
    try:
        data = article_data(row)
        article: Article = converter.structure(data, Article)
    except Exception:  # told below, the exact way
        pass
    else:
        # As article_from_json does: an unknown enrichment keeps its numbers as read,
        # so one that orjson may have read inexactly is read again the exact way.
        if not any(
            isinstance(enrichment, UnknownEnrichment) and _inexact(kept)
            for enrichment, kept in zip(article.enrichments, data["enrichments"], strict=False)
        ):
            return article
    try:
        data = article_data(row, exact=True)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise SerializationError(f"not an article: {error}", path=path, line=line) from None
    return article_from_data(data, converter, path=path, line=line)


def read_article(
    connection: sqlite3.Connection,
    article_id: str,
    converter: Converter,
    *,
    path: str = "articles",
) -> Article | None:
    """The article ``article_id`` of a database, or None if it has none by that id."""
    row = connection.execute(
        f"SELECT {article_select(connection)} FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    return None if row is None else article_from_row(row, converter, path=path, line=row[0])
