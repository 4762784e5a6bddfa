"""How the ``sqlite`` exporter lays an article out in rows, and reads it back.

Each text is stored once. The body is the ``articles.body`` column (which the FTS5 index
reads); ``articles.json`` is the article's JSON form without its ``enrichments`` and
with ``paragraphs`` replaced by each paragraph's ``[start, length]`` in the body (code
points), so the paragraphs come back exactly, whatever they hold. Each enrichment is
one row of ``enrichments``; where its records say where their text is (``start`` and
``end`` in a paragraph named by ``paragraph`` or ``field``, as quotes and date mentions
do), the ``text`` equal to that slice is left out and ``elided`` is 1. Reading puts the
article back together from these, and gives the same article that was written.

Rows are written in batches with ``executemany``; an article is unstructured once and
each part's JSON is made once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from cattrs import Converter

from seedcorpus.columns import ARTICLE_COLUMNS, article_row
from seedcorpus.errors import SerializationError
from seedcorpus.models import Article, UnknownEnrichment
from seedcorpus.serialization import article_from_data, article_from_json, data_to_json
from seedcorpus.unstructure import inexact as _inexact

__all__ = [
    "BATCH_SIZE",
    "COLUMNS",
    "article_data",
    "article_from_row",
    "article_select",
    "delete_articles",
    "insert_articles",
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
_INSERT_ENRICHMENT = "INSERT OR REPLACE INTO enrichments VALUES (?, ?, ?, ?, ?)"
_PART_TABLES = ("tags", "enrichments")


class _Rows:
    """The rows of a batch of articles, one list per table."""

    __slots__ = ("articles", "enrichments", "tags")

    def __init__(self) -> None:
        self.articles: list[tuple[Any, ...]] = []
        self.tags: list[tuple[str, int, str]] = []
        self.enrichments: list[tuple[str, str, int, str, bool]] = []

    def add(self, article: Article, converter: Converter) -> None:
        data = converter.unstructure(article)
        enrichments = data.pop("enrichments")
        paragraphs = data["paragraphs"]
        data["paragraphs"] = _paragraph_spans(paragraphs, data["source"])
        article_id = article.id
        row = article_row(article, enrichments)
        _drop_columns(data, row)
        self.articles.append((*row, data_to_json(data)))
        self.tags.extend((article_id, position, tag) for position, tag in enumerate(article.tags))
        for position, enrichment in enumerate(enrichments):
            # An unknown kind's payload (a dict subclass) is written back byte for byte.
            lean = _elide(enrichment, paragraphs) if type(enrichment) is dict else None
            self.enrichments.append(
                (
                    article_id,
                    enrichment["kind"],
                    position,
                    data_to_json(enrichment if lean is None else lean),
                    lean is not None,
                )
            )

    def write_parts(self, connection: sqlite3.Connection) -> None:
        connection.executemany(_INSERT_TAG, self.tags)
        connection.executemany(_INSERT_ENRICHMENT, self.enrichments)


# The usual names of paragraph fields, made once instead of for every article.
_PARAGRAPH_NAMES = [f"paragraphs.{number}" for number in range(1000)]
_PARAGRAPH_FIELDS = {name: number for number, name in enumerate(_PARAGRAPH_NAMES)}


def _paragraph_spans(paragraphs: Sequence[str], source: dict[str, Any]) -> list[tuple[int, ...]]:
    """Each paragraph's ``(start, length)`` in ``body``, followed by its span in the source
    file when ``source["spans"]`` has ``paragraphs.0`` to ``paragraphs.N`` one after the
    other: those are then moved out of ``source["spans"]`` (``paragraphs_at`` says where
    they were), since their names take more room than their offsets."""
    located: list[tuple[int, ...]] = []
    start = 0
    for paragraph in paragraphs:
        located.append((start, len(paragraph)))
        start += len(paragraph) + 2  # the blank line that joins them in ``body``
    spans: dict[str, Any] = source["spans"]
    if not paragraphs or "paragraphs.0" not in spans:
        return located
    names = list(spans)
    at = names.index("paragraphs.0")
    wanted = _PARAGRAPH_NAMES[: len(paragraphs)]
    if len(wanted) < len(paragraphs):
        wanted = [f"paragraphs.{n}" for n in range(len(paragraphs))]
    if names[at : at + len(paragraphs)] != wanted:
        return located
    folded = [(*place, *spans.pop(name)) for name, place in zip(wanted, located, strict=True)]
    source["paragraphs_at"] = at
    return folded


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


def _parent(data: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys[:-1]:
        data = data.get(key)  # type: ignore[assignment]
        if not isinstance(data, dict):
            return None
    return data


def _drop_columns(data: dict[str, Any], row: Sequence[Any]) -> None:
    """Leave out of ``data`` the values that ``row``'s flat columns hold."""
    for keys, column in _IN_COLUMNS:
        parent = _parent(data, keys)
        if (
            parent is not None
            and keys[-1] in parent
            and parent[keys[-1]] == row[_COLUMN_AT[column]]
        ):
            del parent[keys[-1]]


def _restore_columns(data: dict[str, Any], columns: Sequence[Any]) -> None:
    """Put back what :func:`_drop_columns` left out; ``columns`` are the values of the
    columns of ``_IN_COLUMNS``, in order."""
    for (keys, _), value in zip(_IN_COLUMNS, columns, strict=True):
        parent = _parent(data, keys)
        if parent is not None and keys[-1] not in parent:
            parent[keys[-1]] = value


def _batches(articles: Iterable[Article], converter: Converter) -> Iterable[_Rows]:
    rows = _Rows()
    for article in articles:
        rows.add(article, converter)
        if len(rows.articles) >= BATCH_SIZE:
            yield rows
            rows = _Rows()
    if rows.articles:
        yield rows


def insert_articles(
    connection: sqlite3.Connection, articles: Iterable[Article], converter: Converter
) -> None:
    """Insert articles into ``articles`` and the part tables (``tags``, ``enrichments``).

    The full-text index is not updated: rebuild it afterwards with the ``sqlite``
    module's ``rebuild_index``.
    """
    for rows in _batches(articles, converter):
        connection.executemany(_INSERT, rows.articles)
        rows.write_parts(connection)


def upsert_articles(
    connection: sqlite3.Connection, articles: Iterable[Article], converter: Converter
) -> None:
    """Update articles in place by id (part tables included), inserting new ones.

    Updating in place keeps each article's row, so the database's order stays the
    manifest's order for articles that changed. The FTS triggers keep the index in step.
    """
    for rows in _batches(articles, converter):
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


def _paragraph_number(record: dict[str, Any]) -> int | None:
    """The paragraph a record names, by ``paragraph`` or by ``field`` (``paragraphs.N``)."""
    number = record.get("paragraph")
    if type(number) is int:
        return number
    field = record.get("field")
    if type(field) is not str:
        return None
    known = _PARAGRAPH_FIELDS.get(field)
    if known is not None:
        return known
    if not field.startswith("paragraphs."):
        return None
    digits = field[len("paragraphs.") :]
    if not digits.isdigit() or not digits.isascii():
        return None
    return int(digits)


def _place(record: dict[str, Any], paragraphs: Sequence[str]) -> str | None:
    """The slice of a paragraph that ``record`` locates, or None if it locates none."""
    start, end = record.get("start"), record.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start <= end:
        return None
    number = _paragraph_number(record)
    if number is None or not 0 <= number < len(paragraphs) or end > len(paragraphs[number]):
        return None
    return paragraphs[number][start:end]


_MISSING = object()


def _elide(enrichment: dict[str, Any], paragraphs: Sequence[str]) -> dict[str, Any] | None:
    """The enrichment without the ``text`` of its records that equals the paragraph
    slice they locate (see :func:`_place`); None if none can be left out, or if a record
    that locates a slice has no ``text`` (reading back could not tell it from one left
    out).

    :func:`_place` is written out in the loop, and lists are copied only where a text
    is left out: this ran for every quote and date mention of every article, and was a
    third of the time taken to lay an enriched article out in rows.
    """
    lean: dict[str, Any] | None = None
    count = len(paragraphs)
    for key, value in enrichment.items():
        if not (isinstance(value, list | tuple) and value and isinstance(value[0], dict)):
            continue
        records: list[Any] | None = None  # the copy of value, made at its first elision
        for index, record in enumerate(value):
            if not isinstance(record, dict):
                continue
            start, end = record.get("start"), record.get("end")
            if type(start) is not int or type(end) is not int or not 0 <= start <= end:
                continue
            number = record.get("paragraph")
            if type(number) is not int:
                number = _paragraph_number(record)
                if number is None:
                    continue
            if not 0 <= number < count:
                continue
            paragraph = paragraphs[number]
            if end > len(paragraph):
                continue
            text = record.get("text", _MISSING)
            if text is _MISSING:
                return None
            if text == paragraph[start:end]:
                if records is None:
                    records = list(value)
                records[index] = record = record.copy()
                del record["text"]
        if records is not None:
            if lean is None:
                lean = dict(enrichment)
            lean[key] = records
    return lean


def _restore(enrichment: dict[str, Any], paragraphs: Sequence[str]) -> dict[str, Any]:
    """Put back the texts :func:`_elide` left out."""
    for value in enrichment.values():
        if isinstance(value, list):
            for index, record in enumerate(value):
                if isinstance(record, dict) and "text" not in record:
                    place = _place(record, paragraphs)
                    if place is not None:
                        value[index] = {"text": place, **record}
    return enrichment


def _loads(text: str, exact: bool) -> Any:
    if not exact:
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass  # what data_to_json wrote with json (NaN, say)
    return json.loads(text)


_ENRICHMENTS = (
    "(SELECT json_group_array(json_array(position, elided, json)) FROM enrichments"
    " WHERE enrichments.article_id = articles.id)"
)


_FLAT = ", ".join(f"articles.{column}" for _, column in _IN_COLUMNS)


def article_select(connection: sqlite3.Connection) -> str:
    """The columns to select from ``articles`` for :func:`article_from_row`: rowid,
    json, body, enrichments and the flat columns ``json`` leaves to them; only the first
    two in a database written before schema 3, whose ``json`` holds the whole article."""
    current = connection.execute(
        "SELECT 1 FROM pragma_table_info('enrichments') WHERE name = 'elided'"
    ).fetchone()
    if current is None:
        return "articles.rowid, articles.json, NULL, NULL"
    return f"articles.rowid, articles.json, articles.body, {_ENRICHMENTS}, {_FLAT}"


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
    data["enrichments"] = [
        _restore(_loads(part, exact), paragraphs) if elided else _loads(part, exact)
        for _, elided, part in parts
    ]
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
