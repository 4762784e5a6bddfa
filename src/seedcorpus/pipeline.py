"""Reading a corpus in worker processes: parse, enrich and serialize in parallel.

Workers are forked from the calling process, so they share its corpus and plugins
(including plugin objects registered in code) without pickling them. Each task is a
batch of manifest entries; each worker sends back bytes (the articles' JSON texts) and
problems, never typed objects, because rebuilding objects from pickles costs more than
the JSON they become anyway. Results come back in manifest order, with a bounded number
of batches in flight so memory stays flat on any corpus size.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

import attrs

from seedcorpus.errors import SeedcorpusError
from seedcorpus.models import ManifestEntry, Problem
from seedcorpus.serialization import article_to_json

if TYPE_CHECKING:
    from seedcorpus.corpus import Corpus

__all__ = ["BATCH_SIZE", "Result", "default_jobs", "process_entries"]

BATCH_SIZE = 64
"""Manifest entries per task: large enough that inter-process overhead is small."""

_IN_FLIGHT_PER_JOB = 4


@attrs.frozen
class Result:
    """What processing one manifest entry gave."""

    entry: ManifestEntry
    """The entry processed."""
    json: str | None
    """The article's JSON text, or ``None`` if it could not be read."""
    problems: tuple[Problem, ...]
    """The error that stopped it, or the problems recorded in the article."""


def default_jobs() -> int:
    """The number of worker processes to use by default: the CPUs this process may use."""
    return (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def problem_for(error: SeedcorpusError, entry: ManifestEntry) -> Problem:
    """The problem that reports ``error`` for ``entry``."""
    return Problem(error.code, error.message, path=error.path or entry.file, line=error.line)


def process_one(corpus: Corpus, entry: ManifestEntry) -> Result:
    """Read, parse, enrich and serialize one entry; an error becomes a problem."""
    try:
        article = corpus.load(entry)
    except SeedcorpusError as error:
        return Result(entry, None, (problem_for(error, entry),))
    return Result(entry, article_to_json(article, corpus.registry.converter), article.problems)


# The corpus a forked worker serves; set in the parent just before the pool forks.
_worker_corpus: Corpus | None = None


_BatchResult = list[tuple[str | None, tuple[Problem, ...]]]


def _process_batch(entries: Sequence[ManifestEntry]) -> _BatchResult:
    assert _worker_corpus is not None, "workers must be forked from process_entries"
    # Only what the parent does not have goes back: it knows the entries it sent.
    return [
        (result.json, result.problems)
        for result in (process_one(_worker_corpus, entry) for entry in entries)
    ]


def process_entries(
    corpus: Corpus, entries: Sequence[ManifestEntry], *, jobs: int = 1
) -> Iterator[Result]:
    """Process ``entries`` of ``corpus`` in order, with ``jobs`` worker processes.

    With ``jobs=1``, or where processes cannot be forked, everything runs here.
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
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        try:
            pending: deque[tuple[Sequence[ManifestEntry], Future[_BatchResult]]] = deque()
            for batch in batches:
                pending.append((batch, pool.submit(_process_batch, batch)))
                if len(pending) >= jobs * _IN_FLIGHT_PER_JOB:
                    yield from _results(*pending.popleft())
            while pending:
                yield from _results(*pending.popleft())
        finally:
            _worker_corpus = None
            pool.shutdown(wait=True, cancel_futures=True)


def _results(entries: Sequence[ManifestEntry], future: Future[_BatchResult]) -> Iterator[Result]:
    for entry, (json, problems) in zip(entries, future.result(), strict=True):
        yield Result(entry, json, problems)


def _start_methods() -> list[str]:
    return multiprocessing.get_all_start_methods()
