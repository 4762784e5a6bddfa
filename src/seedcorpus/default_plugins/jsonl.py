"""The ``jsonl`` exporter: one article per line, in the JSON contract."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from cattrs import Converter

from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article
from seedcorpus.serialization import article_from_json
from seedcorpus.specs import ExporterSpec


def write_jsonl(texts: Iterable[str], destination: Path) -> None:
    """Write one JSON text per line, UTF-8, ``\\n`` line ends."""
    with destination.open("w", encoding="utf-8", newline="\n") as out:
        for text in texts:
            out.write(text)
            out.write("\n")


def read_jsonl(source: Path, converter: Converter) -> Iterator[Article]:
    """Read articles back from a JSONL export, lazily; errors name the line."""
    with source.open("r", encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if line.strip():
                yield article_from_json(line, converter, path=str(source), line=number)


@hookimpl
def seedcorpus_exporters() -> Iterator[ExporterSpec]:
    """Provide the ``jsonl`` exporter."""
    yield ExporterSpec.from_json_writer(
        "jsonl",
        write_jsonl,
        read=read_jsonl,
        suffix=".jsonl",
        description="One article per line in the JSON contract",
    )
