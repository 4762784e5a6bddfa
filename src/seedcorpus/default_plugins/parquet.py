"""The ``parquet`` exporter: nested columns for every part, read by pyarrow, DuckDB, pandas.

Needs the ``parquet`` extra (pyarrow). Without it the exporter is still listed, and using
it is a clear error saying what to install.

The schema mirrors the JSON contract: parts are structs, lists are lists. Two columns
differ, because their JSON shapes vary per article or per plugin: ``source.spans`` is a
list of ``{field, start, end}`` structs, and each enrichment is ``{kind, json}`` with
the enrichment's whole JSON object as text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cattrs import Converter

from seedcorpus.errors import ExportError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article
from seedcorpus.query import Condition
from seedcorpus.serialization import CONTRACT_VERSION, article_from_data
from seedcorpus.specs import ExporterSpec, Selector

BATCH = 1024
"""Articles per row group: bounds memory on large corpora."""

VERSION = "1"
"""The exporter's version, stored in the file's key-value metadata."""

METADATA = {
    "seedcorpus.exporter": "parquet",
    "seedcorpus.exporter_version": VERSION,
    "seedcorpus.contract": str(CONTRACT_VERSION),
}
"""The file's key-value metadata (beside pyarrow's own schema entry)."""


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ExportError(
            "the parquet exporter needs pyarrow: pip install 'seedcorpus[parquet]'"
        ) from None
    return pyarrow


def schema() -> Any:
    """The Arrow schema of the Parquet export."""
    pa = _pyarrow()
    text = pa.string()
    return pa.schema(
        [
            ("contract", pa.int64()),
            ("id", text),
            (
                "source",
                pa.struct(
                    [
                        ("path", text),
                        ("sha256", text),
                        ("parser", text),
                        ("encoding", text),
                        (
                            "spans",
                            pa.list_(
                                pa.struct(
                                    [("field", text), ("start", pa.int64()), ("end", pa.int64())]
                                )
                            ),
                        ),
                    ]
                ),
            ),
            ("language", text),
            ("title", text),
            ("url", text),
            ("published_at", text),
            ("section", text),
            ("tags", pa.list_(text)),
            ("summary", text),
            ("image", pa.struct([("url", text), ("caption", text), ("credit", text)])),
            ("caption", pa.struct([("text", text), ("credit", text)])),
            (
                "dateline",
                pa.struct([("city", text), ("agency", text), ("region", text), ("date", text)]),
            ),
            ("paragraphs", pa.list_(text)),
            ("signoff", text),
            ("related", pa.list_(text)),
            ("syndication", pa.struct([("site", text), ("original_title", text)])),
            ("byline", pa.struct([("reporters", pa.list_(text)), ("editors", pa.list_(text))])),
            ("copyright", pa.struct([("holder", text), ("year", pa.int64())])),
            ("metadata", pa.map_(text, text)),
            (
                "problems",
                pa.list_(
                    pa.struct(
                        [("code", text), ("message", text), ("path", text), ("line", pa.int64())]
                    )
                ),
            ),
            ("enrichments", pa.list_(pa.struct([("kind", text), ("json", text)]))),
        ]
    )


def _to_row(data: dict[str, Any]) -> dict[str, Any]:
    source = data["source"]
    spans = [{"field": f, "start": s, "end": e} for f, (s, e) in source["spans"].items()]
    enrichments = [
        {"kind": e["kind"], "json": json.dumps(e, ensure_ascii=False)} for e in data["enrichments"]
    ]
    return {**data, "source": {**source, "spans": spans}, "enrichments": enrichments}


def _from_row(row: dict[str, Any]) -> dict[str, Any]:
    source = row["source"]
    spans = {span["field"]: [span["start"], span["end"]] for span in source["spans"]}
    enrichments = [json.loads(e["json"]) for e in row["enrichments"]]
    row = {**row, "source": {**source, "spans": spans}, "enrichments": enrichments}
    if "metadata" in row:  # a map column reads back as a list of pairs
        row["metadata"] = dict(row["metadata"] or ())
    if "contract" in row and row["contract"] is None:
        del row["contract"]
    return row


def write_parquet(articles: Iterable[Article], destination: Path, converter: Converter) -> None:
    """Write the articles in row groups of :data:`BATCH`, with :data:`METADATA`."""
    pa = _pyarrow()
    arrow_schema = schema().with_metadata(METADATA)
    with pa.parquet.ParquetWriter(destination, arrow_schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for article in articles:
            batch.append(_to_row(converter.unstructure(article)))
            if len(batch) == BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=arrow_schema))
                batch.clear()
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=arrow_schema))


def count_parquet(source: Path) -> int:
    """The number of articles in a Parquet export, from its footer (nothing is read)."""
    return int(_pyarrow().parquet.ParquetFile(source).metadata.num_rows)


def read_parquet(source: Path, converter: Converter) -> Iterator[Article]:
    """Read articles back, typed, one row group at a time."""
    pa = _pyarrow()
    parquet_file = pa.parquet.ParquetFile(source)
    row_number = 0
    for group in range(parquet_file.num_row_groups):
        for row in parquet_file.read_row_group(group).to_pylist():
            row_number += 1
            yield article_from_data(_from_row(row), converter, path=str(source), line=row_number)


class ParquetSelector:
    """Selections in a Parquet export (the ``select`` capability): counts from the
    footer; conditions run with pyarrow (:meth:`Condition.arrow
    <seedcorpus.query.Condition.arrow>`) over the columns they need, one row group at a
    time, and only the matching rows are decoded. Positions are row indices."""

    def __init__(self, source: Path, converter: Converter) -> None:
        self.source = source
        """The Parquet file."""
        self.converter = converter
        """Decodes the matching rows."""

    def _file(self) -> Any:
        return _pyarrow().parquet.ParquetFile(self.source)

    def _mask(self, parquet_file: Any, group: int, condition: Condition) -> Any:
        columns = sorted(condition.columns()) or ["id"]
        return condition.arrow(parquet_file.read_row_group(group, columns=columns))

    def count(self, condition: Condition | None) -> int:
        """The footer's row count, or the rows whose mask is true."""
        import pyarrow.compute as pc

        parquet_file = self._file()
        if condition is None:
            return int(parquet_file.metadata.num_rows)
        total = 0
        for group in range(parquet_file.num_row_groups):
            mask = self._mask(parquet_file, group, condition)
            total += int(pc.sum(pc.cast(mask, "int64")).as_py() or 0)
        return total

    def rows(
        self, condition: Condition | None, start: int, *, skip: int = 0, limit: int | None = None
    ) -> Iterator[tuple[int, Article]]:
        """Decode the matching rows from ``start`` on, a row group at a time."""
        import itertools

        return itertools.islice(
            self._rows(condition, start), skip, None if limit is None else skip + limit
        )

    def _rows(self, condition: Condition | None, start: int) -> Iterator[tuple[int, Article]]:
        parquet_file, first = self._file(), 0
        for group in range(parquet_file.num_row_groups):
            size = parquet_file.metadata.row_group(group).num_rows
            offset, first = first, first + size
            if first <= start:
                continue
            chosen = range(size) if condition is None else (
                n for n, keep in enumerate(self._mask(parquet_file, group, condition).to_pylist())
                if keep
            )  # fmt: skip
            rows = [n for n in chosen if offset + n >= start]
            if not rows:
                continue
            table = parquet_file.read_row_group(group).take(rows)
            for n, row in zip(rows, table.to_pylist(), strict=True):
                data = _from_row(row)
                line = offset + n + 1
                yield (
                    offset + n,
                    article_from_data(data, self.converter, path=str(self.source), line=line),
                )

    def id_at(self, position: int) -> str | None:
        """Read the ``id`` column of the row group holding ``position``."""
        parquet_file, first = self._file(), 0
        for group in range(parquet_file.num_row_groups):
            size = parquet_file.metadata.row_group(group).num_rows
            if position < first + size:
                ids = parquet_file.read_row_group(group, columns=["id"])["id"]
                return str(ids[position - first].as_py()) if position >= first else None
            first += size
        return None

    def enrichers(self) -> tuple[str, ...] | None:
        """Not recorded: ``None``."""
        return None


def select_parquet(source: Path, converter: Converter) -> Selector | None:
    """A :class:`ParquetSelector`, for a file in this exporter's layout; ``None`` for an
    older one (a contract-1 byline of strings), which the core then reads in Python."""
    pa = _pyarrow()
    try:
        schema = pa.parquet.read_schema(source)
    except (pa.ArrowException, OSError):
        return None  # reading it says what is wrong, naming the file
    if (
        "byline" not in schema.names
        or schema.field("byline").type.get_field_index("reporters") < 0
    ):
        return None
    return ParquetSelector(source, converter)


@hookimpl
def seedcorpus_exporters() -> Iterator[ExporterSpec]:
    """Provide the ``parquet`` exporter."""
    yield ExporterSpec(
        "parquet",
        write_parquet,
        read=read_parquet,
        count=count_parquet,
        select=select_parquet,
        version=VERSION,
        suffix=".parquet",
        description="Parquet with nested columns (needs the 'parquet' extra)",
    )
