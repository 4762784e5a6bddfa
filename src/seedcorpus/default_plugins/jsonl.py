"""The ``jsonl`` exporter: one article per line, in the JSON contract."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from cattrs import Converter

from seedcorpus.errors import SerializationError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article
from seedcorpus.serialization import article_from_json, data_to_json_line
from seedcorpus.specs import ExporterSpec

VERSION = "1"
"""The ``jsonl`` exporter's version (JSON Lines has no place for metadata)."""

_BUFFER = 1 << 18


def write_jsonl(articles: Iterable[Article], destination: Path, converter: Converter) -> None:
    """Write one article per line in the JSON contract, UTF-8, ``\\n`` line ends: each
    line is :func:`~seedcorpus.article_to_json` of its article."""
    # Bytes as orjson makes them, newline included: no text layer to encode them again.
    # A line (5 KB or more) nearly fills the default 8 KB buffer, which made a system
    # call per article; 256 KB buffers halve the cost of writing.
    unstructure = converter.unstructure
    # The article hook, looked up once instead of by cattrs' dispatch for every article
    # (a subclass of Article, should one come, still goes through the dispatch).
    unstructure_article = converter.get_unstructure_hook(Article)
    with destination.open("wb", buffering=_BUFFER) as out:
        write = out.write
        for article in articles:
            data = (
                unstructure_article(article) if type(article) is Article else unstructure(article)
            )
            write(data_to_json_line(data))


def count_jsonl(source: Path) -> int:
    """The number of articles in a JSONL export: its non-blank lines."""
    with source.open("rb") as lines:
        return sum(1 for line in lines if line.strip())


def read_jsonl(source: Path, converter: Converter) -> Iterator[Article]:
    """Read articles back from a JSONL export, lazily; errors name the line."""
    # Bytes, decoded line by line: a line that is not UTF-8 is an error naming it, not
    # a UnicodeDecodeError from the file object that names no line.
    with source.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if raw.strip():
                try:
                    # A byte-order mark, as Windows tools write, only starts the file.
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as error:
                    message = (
                        f"not valid UTF-8: byte 0x{raw[error.start]:02x} at column "
                        f"{len(raw[: error.start].decode('utf-8', 'replace')) + 1}"
                    )
                    raise SerializationError(message, path=str(source), line=number) from None
                yield article_from_json(line, converter, path=str(source), line=number)


@hookimpl
def seedcorpus_exporters() -> Iterator[ExporterSpec]:
    """Provide the ``jsonl`` exporter."""
    yield ExporterSpec(
        "jsonl",
        write_jsonl,
        read=read_jsonl,
        count=count_jsonl,
        version=VERSION,
        suffix=".jsonl",
        description="One article per line in the JSON contract",
    )
