"""The ``csv`` exporter: one row per article, for spreadsheets and pandas.

Columns: the flat fields of :data:`seedcorpus.columns.ARTICLE_COLUMNS` (those of the
SQLite ``articles`` table), then ``tags`` and ``enrichments`` as JSON text, then
``json``, the whole article in the JSON contract, which makes the file lossless and lets
it be read back typed.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from cattrs import Converter

from seedcorpus.columns import ARTICLE_COLUMNS, article_row
from seedcorpus.errors import SerializationError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article
from seedcorpus.serialization import article_from_json
from seedcorpus.specs import ExporterSpec

HEADER = (*ARTICLE_COLUMNS, "tags", "enrichments", "json")
"""The CSV header, in order."""

VERSION = "1"
"""The ``csv`` exporter's version (CSV has no place for metadata)."""


def write_csv(articles: Iterable[Article], destination: Path, converter: Converter) -> None:
    """Write a header row and one row per article (UTF-8, ``\\r\\n`` as RFC 4180 says)."""
    with destination.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for article in articles:
            data = converter.unstructure(article)
            text = json.dumps(data, ensure_ascii=False)
            tags = json.dumps(data["tags"], ensure_ascii=False)
            enrichments = json.dumps(data["enrichments"], ensure_ascii=False)
            row = article_row(article, data["enrichments"])
            writer.writerow((*row, tags, enrichments, text))


def read_csv(source: Path, converter: Converter) -> Iterator[Article]:
    """Read articles back from the ``json`` column.

    :raises SerializationError: for a CSV file this exporter did not write (no ``json``
        column), naming the file and its header line.
    """
    csv.field_size_limit(sys.maxsize)  # a long article's JSON exceeds the 128 KiB default
    with source.open("r", encoding="utf-8", newline="") as lines:
        reader = csv.DictReader(lines)
        if "json" not in (reader.fieldnames or ()):
            raise SerializationError(
                "not a seedcorpus CSV export: its header has no 'json' column",
                path=str(source),
                line=1,
            )
        for number, row in enumerate(reader, start=2):
            text = row["json"]
            if text is None:  # a short row: DictReader fills the missing cells with None
                raise SerializationError(
                    "the row has no 'json' cell", path=str(source), line=number
                )
            yield article_from_json(text, converter, path=str(source), line=number)


@hookimpl
def seedcorpus_exporters() -> Iterator[ExporterSpec]:
    """Provide the ``csv`` exporter."""
    yield ExporterSpec(
        "csv",
        write_csv,
        read=read_csv,
        version=VERSION,
        suffix=".csv",
        description="One row per article; tags and enrichments as JSON text",
    )
