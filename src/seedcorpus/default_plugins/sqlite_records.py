"""How the ``sqlite`` exporter stores the records of an enrichment, and reads them back.

An enrichment is one row of ``enrichments``; its lists of records (a ``quotes``
enrichment's quotes, a ``dates`` enrichment's mentions, any plugin's list of objects)
take most of its room, in two ways that are both undone exactly on reading:

* **Elided texts.** A record that says where its text is (``start`` and ``end`` in a
  paragraph named by ``paragraph`` or ``field``) is stored without the ``text`` equal to
  that paragraph slice, since the body holds it (``elided`` is then 1).
* **Record layouts** (schema 4). A list whose records all have the same keys in the same
  order is stored as a list of arrays of values; the keys are stored once, in a row of
  ``record_layouts`` that ``enrichments.layout`` names: a JSON object mapping each such
  field of the enrichment to its records' keys, such as ``{"quotes": ["text", "speaker",
  ...]}``. An elided text is then ``null`` at its place in the array, so a list in which a
  record that locates a slice has a ``null`` text of its own is kept as objects (reading
  back could not tell the two apart), as is any list of mixed shapes. Without a layout
  (``layout`` is null) every list is stored as objects, as in schema 3.

A record that locates a slice and has no ``text`` at all, in a list kept as objects,
means no text of the enrichment is elided: reading back could not tell it from one left
out.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import sys
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from seedcorpus.serialization import data_to_json

__all__ = [
    "LAYOUTS_TABLE",
    "Layouts",
    "elide_at",
    "elide_rows",
    "lay_out",
    "layout_json",
    "record_paths",
    "record_value",
    "restore",
    "row_places",
]

LAYOUTS_TABLE = """
CREATE TABLE record_layouts (
    id INTEGER PRIMARY KEY,
    keys TEXT NOT NULL UNIQUE
);
"""
"""The table of record layouts: ``keys`` maps each tabulated field of an enrichment to
its records' keys, in order (a JSON object)."""

# The usual names of paragraph fields, made once instead of for every record. Interned,
# as the names of an article's spans are (see FieldSpans): comparing the two, and finding
# one by the other, then tests identity instead of comparing the characters.
PARAGRAPH_NAMES = [sys.intern(f"paragraphs.{number}") for number in range(1000)]
_PARAGRAPH_FIELDS = {name: number for number, name in enumerate(PARAGRAPH_NAMES)}


def _paragraph_number(record: Mapping[str, Any]) -> int | None:
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


def _place(record: Mapping[str, Any], paragraphs: Sequence[str]) -> str | None:
    """The slice of a paragraph that ``record`` locates, or None if it locates none."""
    start, end = record.get("start"), record.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start <= end:
        return None
    number = _paragraph_number(record)
    if number is None or not 0 <= number < len(paragraphs) or end > len(paragraphs[number]):
        return None
    return paragraphs[number][start:end]


_MISSING = object()


def _elide_records(
    enrichment: dict[str, Any], paragraphs: Sequence[str], skip: Collection[str] = ()
) -> tuple[dict[str, Any] | None, bool]:
    """The enrichment without the ``text`` of its records (outside the fields ``skip``)
    that equals the paragraph slice they locate, or None if none is left out; and True if
    nothing may be left out, because a record that locates a slice has no ``text``.

    Lists are copied only where a text is left out. (The records of the built-in
    enrichers are laid out by :func:`_lay_out_uniform`, which does this in its own pass.)
    """
    lean: dict[str, Any] | None = None
    for key, value in enrichment.items():
        if not (isinstance(value, list | tuple) and value and isinstance(value[0], dict)):
            continue
        if key in skip:
            continue
        records: list[Any] | None = None  # the copy of value, made at its first elision
        for index, record in enumerate(value):
            if not isinstance(record, dict):
                continue
            place = _place(record, paragraphs)
            if place is None:
                continue
            text = record.get("text", _MISSING)
            if text is _MISSING:
                return None, True
            if text == place:
                if records is None:
                    records = list(value)
                records[index] = record = record.copy()
                del record["text"]
        if records is not None:
            if lean is None:
                lean = dict(enrichment)
            lean[key] = records
    return lean, False


def _elide(enrichment: dict[str, Any], paragraphs: Sequence[str]) -> dict[str, Any] | None:
    """The enrichment without the ``text`` of its records that equals the paragraph
    slice they locate (see :func:`_place`); None if none can be left out, or if a record
    that locates a slice has no ``text`` (reading back could not tell it from one left
    out)."""
    lean, blocked = _elide_records(enrichment, paragraphs)
    return None if blocked else lean


def _restore(
    enrichment: dict[str, Any], paragraphs: Sequence[str], skip: Collection[str] = ()
) -> dict[str, Any]:
    """Put back the texts :func:`_elide` left out (outside the fields ``skip``)."""
    for key, value in enrichment.items():
        # Only lists whose first item is a record had texts left out (as _elide_records).
        if isinstance(value, list) and value and isinstance(value[0], dict) and key not in skip:
            for index, record in enumerate(value):
                if isinstance(record, dict) and "text" not in record:
                    place = _place(record, paragraphs)
                    if place is not None:
                        value[index] = {"text": place, **record}
    return enrichment


def _keys(value: object) -> tuple[str, ...] | None:
    """The keys of the records of ``value``, if it is a list of records that all have the
    same keys in the same order."""
    if not (isinstance(value, list | tuple) and value and isinstance(value[0], dict)):
        return None
    keys = tuple(value[0])
    size = len(keys)
    for record in value:
        if type(record) is not dict or len(record) != size or tuple(record) != keys:
            return None
    return keys


_Laid = tuple[dict[str, Any], bool, str | None]
"""What :func:`lay_out` gives: the payload, whether texts were elided, the layout."""


@functools.lru_cache(maxsize=256)
def layout_json(fields: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """The ``keys`` of a ``record_layouts`` row: each field stored as arrays, with the keys
    of its records, as JSON (made once per layout)."""
    return data_to_json(dict(fields))


def lay_out(enrichment: dict[str, Any], paragraphs: Sequence[str]) -> _Laid:
    """How to store one enrichment (its unstructured JSON object) of an article whose
    paragraphs are ``paragraphs``: the object to write as its ``json``, whether texts were
    elided, and its layout (the ``keys`` of its ``record_layouts`` row), or None if no list
    is stored as arrays. ``enrichment`` is not changed.
    """
    laid_out = _lay_out_uniform(enrichment, paragraphs)
    return _lay_out(enrichment, paragraphs) if laid_out is None else laid_out


def _lay_out_uniform(enrichment: dict[str, Any], paragraphs: Sequence[str]) -> _Laid | None:
    """:func:`lay_out` in one pass over each record, for an enrichment whose every list of
    records is stored as arrays (what every built-in enricher gives); None for any other,
    which :func:`_lay_out` lays out.

    It builds each row while it checks the record's keys and elides its text: the
    general way went over each record three or four times, and was a tenth of the
    time taken to write an enriched article.
    """
    payload: dict[str, Any] | None = None
    fields: list[tuple[str, tuple[str, ...]]] = []
    elided = False
    for field, value in enrichment.items():
        if type(value) is not list and type(value) is not tuple:
            if isinstance(value, list | tuple):
                return None  # a subclass, whose records _elide_records may elide
            continue  # most values are not lists
        if not value:
            continue
        first = value[0]
        if type(first) is not dict:
            if isinstance(first, dict):
                return None  # a subclass of dict: not a record _keys accepts
            continue  # not a list of records: left as it is
        keys = tuple(first)
        # The checks of shape and the rows are made by map, in C: Python code per
        # record is left for the records that locate a text.
        if set(map(type, value)) != _DICT_ONLY or not all(map(keys.__eq__, map(tuple, value))):
            return None  # records of several shapes are kept as objects
        rows: list[list[Any]] = list(map(list, map(dict.values, value)))
        found = elide_rows(rows, keys, paragraphs)
        if found is None:
            return None  # a null of its own: this list is kept as objects
        elided = elided or found
        if payload is None:
            payload = dict(enrichment)
        payload[field] = rows
        fields.append((field, keys))
    if payload is None:
        return enrichment, False, None
    return payload, elided, layout_json(tuple(fields))


_DICT_ONLY = {dict}


def elide_rows(
    rows: list[list[Any]], keys: tuple[str, ...], paragraphs: Sequence[str]
) -> bool | None:
    """Set to None the ``text`` of each row (the values of a record whose keys are
    ``keys``) that equals the paragraph slice the row locates; True if any was, and None
    (rows unchanged or partly changed) if a row that locates a slice has a null ``text``
    of its own, which reading back could not tell from one left out."""
    return elide_at(rows, row_places(keys), paragraphs)


def elide_at(
    rows: list[list[Any]], places: tuple[int, int, int, int, int], paragraphs: Sequence[str]
) -> bool | None:
    """:func:`elide_rows`, given :func:`row_places` of the keys (which a writer finds
    once per class of records, not per article)."""
    at, first_at, last_at, paragraph_at, field_at = places
    if at < 0:
        return False
    elided = False
    count = len(paragraphs)
    for row in rows:
        start, end = row[first_at], row[last_at]
        if type(start) is not int or type(end) is not int or not 0 <= start <= end:
            continue
        number = row[paragraph_at] if paragraph_at >= 0 else None
        if type(number) is not int:
            name = row[field_at] if field_at >= 0 else None
            if type(name) is not str:
                continue
            number = _PARAGRAPH_FIELDS.get(name)
            if number is None:
                # Not a usual paragraph name (a date mention in the dateline, say).
                if not name.startswith("paragraphs."):
                    continue
                number = _paragraph_number({"field": name})
                if number is None:
                    continue
        if not 0 <= number < count:
            continue
        paragraph = paragraphs[number]
        if end > len(paragraph):
            continue
        text = row[at]
        if text is None:
            return None
        if text == paragraph[start:end]:
            row[at] = None
            elided = True
    return elided


@functools.lru_cache(maxsize=256)
def row_places(keys: tuple[str, ...]) -> tuple[int, int, int, int, int]:
    """The places of ``text``, ``start`` and ``end`` among a record's keys (-1 for all
    three if one is missing), and of ``paragraph`` and ``field`` (-1 for one that is
    missing): what :func:`elide_at` reads."""
    paragraph = keys.index("paragraph") if "paragraph" in keys else -1
    field = keys.index("field") if "field" in keys else -1
    return (*_places(keys), paragraph, field)


def _lay_out(enrichment: dict[str, Any], paragraphs: Sequence[str]) -> _Laid:
    """:func:`lay_out` for any enrichment: lists of records of one shape as arrays, the
    others as objects."""
    fields: dict[str, tuple[str, ...]] = {}
    for field, value in enrichment.items():
        if type(value) is not list and type(value) is not tuple:
            continue  # most values are not lists: skipped without a call
        keys = _keys(value)
        if keys is None:
            continue
        if "text" in keys and any(
            record["text"] is None and _place(record, paragraphs) is not None for record in value
        ):
            continue  # a null of its own would read back as an elided text
        fields[field] = keys
    lean, blocked = _elide_records(enrichment, paragraphs, fields)
    if not fields:
        return (enrichment if lean is None else lean), lean is not None, None
    payload = dict(enrichment if lean is None else lean)
    elided = lean is not None
    for field, keys in fields.items():
        at = _places(keys)[0]
        if at < 0 or blocked:
            payload[field] = [list(record.values()) for record in enrichment[field]]
            continue
        rows = []
        for record in enrichment[field]:
            row = list(record.values())
            rows.append(row)
            text = row[at]
            if text is not None and text == _place(record, paragraphs):
                row[at] = None
                elided = True
        payload[field] = rows
    return payload, elided, layout_json(tuple(fields.items()))


@functools.lru_cache(maxsize=256)
def _places(keys: tuple[str, ...]) -> tuple[int, int, int]:
    """The places of ``text``, ``start`` and ``end`` among a record's keys, or -1 for all
    three if one is missing (no text of such records is elided)."""
    if not {"text", "start", "end"} <= set(keys):
        return -1, -1, -1
    return keys.index("text"), keys.index("start"), keys.index("end")


class _Field:
    """What reading back needs to know of one field of a layout."""

    __slots__ = ("at", "end", "keys", "name", "start")

    def __init__(self, name: str, keys: list[str]) -> None:
        self.name = name
        self.keys = tuple(keys)
        # The places of text, start and end in a row (see _places).
        self.at, self.start, self.end = _places(self.keys)


@functools.lru_cache(maxsize=256)
def _fields(layout: str) -> tuple[tuple[_Field, ...], frozenset[str]]:
    """The fields of a layout, and their names."""
    fields = tuple(_Field(name, keys) for name, keys in json.loads(layout).items())
    return fields, frozenset(field.name for field in fields)


def restore(
    enrichment: dict[str, Any], paragraphs: Sequence[str], elided: bool, layout: str | None
) -> dict[str, Any]:
    """Undo :func:`lay_out`: ``enrichment`` as read from ``json`` (changed in place, and
    returned), with ``elided`` and ``layout`` as stored beside it."""
    # _place is written out below for the rows with a null text, as in _elide_records:
    # reading back runs this for every record of every article.
    if layout is None:
        return _restore(enrichment, paragraphs) if elided else enrichment
    fields, names = _fields(layout)
    if elided:
        _restore(enrichment, paragraphs, names)
    count = len(paragraphs)
    for field in fields:
        rows = enrichment[field.name]
        keys = field.keys
        records = [dict(zip(keys, row, strict=False)) for row in rows]
        at = field.at
        if elided and at >= 0:
            first, last = field.start, field.end
            for row, record in zip(rows, records, strict=True):
                if row[at] is not None:
                    continue
                start, end = row[first], row[last]
                if type(start) is not int or type(end) is not int or not 0 <= start <= end:
                    continue
                number = _paragraph_number(record)
                if number is None or not 0 <= number < count:
                    continue
                paragraph = paragraphs[number]
                if end <= len(paragraph):
                    record["text"] = paragraph[start:end]
        enrichment[field.name] = records
    return enrichment


class Layouts:
    """The ids of the rows of ``record_layouts`` in a database, by their ``keys``: read
    once, and added to as new layouts are written."""

    __slots__ = ("_connection", "_ids")

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._ids: dict[str, int] = dict(connection.execute("SELECT keys, id FROM record_layouts"))

    def id(self, keys: str | None) -> int | None:
        """The id of the layout ``keys`` (None for None), added if it is new."""
        if keys is None:
            return None
        found = self._ids.get(keys)
        if found is None:
            cursor = self._connection.execute(
                "INSERT INTO record_layouts (keys) VALUES (?)", (keys,)
            )
            found = self._ids[keys] = int(cursor.lastrowid or 0)
        return found


def record_paths(field: str, keys: Sequence[str]) -> str:
    """SQL of a table with a row for each layout that stores ``field`` as arrays: its
    ``id``, and for each of ``keys`` a column ``KEY_at``, the JSON path of that key's value
    in an array (``$[N]``; null if the records have no such key).

    Join it on ``enrichments.layout`` with a ``LEFT JOIN``, and read a value with
    :func:`record_value`, which falls back to the object form where there is no row.
    """
    columns = ", ".join(
        f"max(CASE name.value WHEN '{key}' THEN '$[' || name.key || ']' END) AS \"{key}_at\""
        for key in keys
    )
    return (
        f"(SELECT record_layouts.id, {columns}"
        f" FROM record_layouts, json_each(record_layouts.keys, '$.{field}') AS name"
        " GROUP BY record_layouts.id)"
    )


def record_value(record: str, paths: str, key: str) -> str:
    """SQL of the value of ``key`` in the record ``record`` (a JSON object, or an array of
    a layout), given the table ``paths`` of :func:`record_paths` joined to it."""
    return f"json_extract({record}, coalesce({paths}.\"{key}_at\", '$.{key}'))"
