"""Reading a corpus in worker processes: parse and enrich in parallel, yield typed articles.

Workers are forked from the calling process, so they share its corpus and plugins
(including plugin objects registered in code) without pickling them. Each task is a
batch of manifest entries. How a worker sends its articles back is this module's private
business: as their JSON texts (rebuilding objects from pickles costs more than the JSON
they become anyway), decoded once here, so callers only ever see typed
:class:`~seedcorpus.models.Article` records or problems. Results come back in manifest
order, with a bounded number of batches in flight so memory stays flat on any corpus size.

This module knows a corpus only through :class:`EntryLoader`, so it imports nothing of
``seedcorpus.corpus`` (which imports it).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Protocol

import attrs

from seedcorpus.errors import SeedcorpusError
from seedcorpus.models import Article, ManifestEntry, Problem
from seedcorpus.registry import Registry
from seedcorpus.serialization import article_from_json, article_to_json
from seedcorpus.specs import EnricherSpec

__all__ = [
    "BATCH_SIZE",
    "JOBS_PER_CORE",
    "EntryLoader",
    "Result",
    "default_jobs",
    "problem_for",
    "process_entries",
    "process_one",
]

BATCH_SIZE = 64
"""Manifest entries per task: large enough that inter-process overhead is small."""

JOBS_PER_CORE = 4
"""Workers above this many per usable core are not started: more only fight over the
cores and each costs a process's memory (``jobs=100000`` forked one process per batch of
a large corpus)."""

_IN_FLIGHT_PER_JOB = 4


class EntryLoader(Protocol):
    """What the pipeline needs of a corpus (:class:`~seedcorpus.corpus.Corpus` is one)."""

    @property
    def registry(self) -> Registry:
        """The plugins; their converter carries articles between processes."""

    @property
    def enrichers(self) -> tuple[EnricherSpec, ...]:
        """The enrichers ``load`` runs; prepared once before workers fork."""

    def load(self, entry: ManifestEntry) -> Article:
        """Read, parse and enrich one entry.

        :raises SeedcorpusError: naming the file and line.
        """


@attrs.frozen
class Result:
    """What processing one manifest entry gave."""

    entry: ManifestEntry
    """The entry processed."""
    article: Article | None
    """The typed article, or ``None`` if it could not be read."""
    problems: tuple[Problem, ...]
    """The error that stopped it, or the problems recorded in the article."""


def default_jobs() -> int:
    """The number of worker processes to use by default: the cores this process may use
    (``os.process_cpu_count()`` from Python 3.13, which also honours ``PYTHON_CPU_COUNT``;
    before it, the CPU affinity mask where the platform has one, else ``os.cpu_count()``),
    at least 1. With 1, everything runs in the calling process."""
    counter = getattr(os, "process_cpu_count", None)
    if counter is not None:
        count = counter()
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:
        count = os.cpu_count()
    return max(1, count or 1)


def problem_for(error: SeedcorpusError, entry: ManifestEntry) -> Problem:
    """The problem that reports ``error`` for ``entry``."""
    return Problem(error.code, error.message, path=error.path or entry.file, line=error.line)


def process_one(corpus: EntryLoader, entry: ManifestEntry) -> Result:
    """Read, parse and enrich one entry; an error becomes a problem."""
    try:
        article = corpus.load(entry)
    except SeedcorpusError as error:
        return Result(entry, None, (problem_for(error, entry),))
    return Result(entry, article, article.problems)


# The corpus a forked worker serves; set in the parent just before the pool forks.
_worker_corpus: EntryLoader | None = None


# Private wire format: an article's JSON text (or None) and the problems met.
_BatchResult = list[tuple[str | None, tuple[Problem, ...]]]


def _process_batch(entries: Sequence[ManifestEntry]) -> _BatchResult:
    assert _worker_corpus is not None, "workers must be forked from process_entries"
    converter = _worker_corpus.registry.converter
    # Only what the parent does not have goes back: it knows the entries it sent.
    batch: _BatchResult = []
    for entry in entries:
        result = process_one(_worker_corpus, entry)
        text = None if result.article is None else article_to_json(result.article, converter)
        batch.append((text, result.problems))
    return batch


def process_entries(
    corpus: EntryLoader, entries: Sequence[ManifestEntry], *, jobs: int = 1
) -> Generator[Result, None, None]:
    """Process ``entries`` of ``corpus`` in order, with ``jobs`` worker processes,
    yielding a typed :class:`Result` for each.

    With ``jobs=1``, or where processes cannot be forked, everything runs here.
    The worker pool lives as long as the iterator: a caller that stops early should
    close it (``contextlib.closing``) rather than leave the pool to the garbage
    collector, which may only get to it while the interpreter shuts down.
    """
    if jobs <= 1 or len(entries) <= BATCH_SIZE or "fork" not in _start_methods():
        for entry in entries:
            yield process_one(corpus, entry)
        return

    for spec in corpus.enrichers:
        if spec.prepare is not None:
            with contextlib.suppress(Exception):
                spec.prepare()
    global _worker_corpus
    _worker_corpus = corpus
    batches = (entries[i : i + BATCH_SIZE] for i in range(0, len(entries), BATCH_SIZE))
    context = multiprocessing.get_context("fork")
    batches_count = -(-len(entries) // BATCH_SIZE)
    workers = min(jobs, JOBS_PER_CORE * default_jobs(), batches_count)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        pending: deque[tuple[Sequence[ManifestEntry], Future[_BatchResult]]] = deque()
        for batch in batches:
            pending.append((batch, pool.submit(_process_batch, batch)))
            if len(pending) >= workers * _IN_FLIGHT_PER_JOB:
                yield from _results(*pending.popleft(), corpus)
        while pending:
            yield from _results(*pending.popleft(), corpus)
    finally:
        _worker_corpus = None
        pool.shutdown(wait=True, cancel_futures=True)


def _results(
    entries: Sequence[ManifestEntry], future: Future[_BatchResult], corpus: EntryLoader
) -> Iterator[Result]:
    converter = corpus.registry.converter
    for entry, (text, problems) in zip(entries, future.result(), strict=True):
        # The worker wrote this text with the same converter: decoded once, here.
        article = None if text is None else article_from_json(text, converter, path=entry.file)
        yield Result(entry, article, problems)


def _start_methods() -> list[str]:
    return multiprocessing.get_all_start_methods()
