"""Building on a Dask cluster: parse and enrich in batched partitions, write shards.

Needs the ``dask`` extra (``dask[bag]`` and ``distributed``). Every worker must see the
corpus folder and the destination at the same paths as the client (a shared file
system), and have seedcorpus and the same plugins installed: workers load their own
plugins, by entry point, just as ``open_corpus`` does.

The destination is a folder of shards, ``part-00000.jsonl`` (or ``.parquet``) in
manifest order, each written by a worker, and ``SHARDS.json``, which lists them with
their article counts and checksums, and every problem met. Concatenating the JSONL
shards in order gives exactly the file a local ``jsonl`` export writes.
"""

from __future__ import annotations

import importlib
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from seedcorpus.atomic import atomic_destination
from seedcorpus.corpus import Corpus
from seedcorpus.errors import SeedcorpusError
from seedcorpus.manifest import sha256_hex
from seedcorpus.models import Manifest, ManifestEntry, Problem
from seedcorpus.pipeline import process_one
from seedcorpus.registry import Registry

__all__ = ["SHARD_FORMATS", "ClusterReport", "build_on_cluster"]

SHARD_FORMATS = ("jsonl", "parquet")
"""Exporters that shards can be written with."""

SHARDS_FILE = "SHARDS.json"
"""The shard manifest's file name."""


@attrs.frozen
class ClusterReport:
    """What a cluster build did."""

    destination: Path
    """The folder of shards."""
    articles: int
    """Articles written."""
    shards: int
    """Shard files written."""
    problems: tuple[Problem, ...]
    """Every problem met."""
    seconds: float
    """Wall-clock time."""


@attrs.frozen
class _Job:
    """Everything a worker needs to process one partition; small and picklable."""

    root: str
    enrichers: tuple[str, ...]
    parser: str | None
    max_bytes: int
    format: str
    folder: str


_worker_corpora: dict[tuple[str, tuple[str, ...], str | None, int], Corpus] = {}


def _corpus_on_worker(job: _Job) -> Corpus:
    """The worker's corpus for ``job``, built once per worker process."""
    key = (job.root, job.enrichers, job.parser, job.max_bytes)
    if key not in _worker_corpora:
        registry = Registry.load()
        _worker_corpora[key] = Corpus(
            Path(job.root),
            Manifest(entries=()),
            registry,
            enrichers=registry.select_enrichers(job.enrichers),
            parser=job.parser,
            max_bytes=job.max_bytes,
        )
    return _worker_corpora[key]


def process_partition(number: int, entries: Sequence[ManifestEntry], job: _Job) -> dict[str, Any]:
    """Run on a worker: process one partition and write its shard; return its summary."""
    corpus = _corpus_on_worker(job)
    results = [process_one(corpus, entry) for entry in entries]
    articles = [result.article for result in results if result.article is not None]
    spec = corpus.registry.exporter(job.format)
    name = f"part-{number:05d}{spec.suffix}"
    path = Path(job.folder) / name
    partial = path.with_name(f".{name}.tmp")
    spec.write(articles, partial, corpus.registry.converter)
    os.replace(partial, path)  # a shard is either whole or absent
    problems = [attrs.asdict(problem) for result in results for problem in result.problems]
    return {
        "file": name,
        "articles": len(articles),
        "sha256": sha256_hex(path.read_bytes()),
        "problems": problems,
    }


def build_on_cluster(
    corpus: Corpus,
    destination: str | os.PathLike[str],
    *,
    scheduler: str | Any,
    format: str = "jsonl",
    partition_size: int = 1000,
    force: bool = False,
) -> ClusterReport:
    """Parse and enrich ``corpus`` on a Dask cluster; write shards to ``destination``.

    :param scheduler: the scheduler's address (``tcp://host:8786``) or a
        ``distributed.Client``.
    :param format: ``jsonl`` or ``parquet``.
    :param partition_size: manifest entries per partition (one shard each); many
        articles per partition keep scheduling overhead small.
    :param force: replace an existing destination.
    :raises SeedcorpusError: if the ``dask`` extra is missing or ``format`` can't shard.
    """
    try:
        # Imported as Any: dask is only partly typed, and it is an optional extra.
        dask_bag: Any = importlib.import_module("dask.bag")
        client_type: Any = importlib.import_module("distributed").Client
    except ImportError:
        raise SeedcorpusError(
            "building on a cluster needs Dask: pip install 'seedcorpus[dask]'"
        ) from None
    if format not in SHARD_FORMATS:
        choices = " or ".join(SHARD_FORMATS)
        raise SeedcorpusError(f"shards can be written as {choices}, not {format!r}")
    started = time.perf_counter()
    entries = corpus.manifest.entries
    partitions = [
        (number, entries[start : start + partition_size])
        for number, start in enumerate(range(0, len(entries), partition_size))
    ]
    client = scheduler if isinstance(scheduler, client_type) else client_type(scheduler)
    try:
        with atomic_destination(destination, force=force, directory=True) as folder:
            folder.mkdir()
            job = _Job(
                root=str(corpus.root.resolve()),
                enrichers=tuple(spec.name for spec in corpus.enrichers),
                parser=corpus.parser,
                max_bytes=corpus.max_bytes,
                format=format,
                folder=str(folder.resolve()),
            )
            bag = dask_bag.from_sequence(partitions, npartitions=max(len(partitions), 1))
            shards = bag.starmap(process_partition, job=job).compute(scheduler=client)
            shards.sort(key=lambda shard: shard["file"])
            summary = {
                "format": format,
                "articles": sum(shard["articles"] for shard in shards),
                "shards": shards,
            }
            (folder / SHARDS_FILE).write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    finally:
        if client is not scheduler:
            client.close()
    problems = tuple(Problem(**p) for shard in shards for p in shard["problems"])
    return ClusterReport(
        Path(destination), summary["articles"], len(shards), problems,
        time.perf_counter() - started,
    )  # fmt: skip
