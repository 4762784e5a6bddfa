"""The main job: keep a SQLite database up to date with a corpus, in parallel.

A first build exports every article with the ``sqlite`` exporter. A later build on the
same database does only what changed since:

* articles that are new, or whose sha256 changed, are parsed and enriched again;
* articles no longer in the manifest are deleted;
* enrichers that are new, or whose version changed, are run again on the articles kept
  (read back from their stored JSON, so they are not parsed again);
* if a parser's version or the database schema changed, everything is rebuilt.

What the database was built with is stamped in ``seedcorpus_meta`` (``parser:NAME`` and
``enricher:NAME`` keys). Updates are made on a copy that replaces the database only
when complete, so a failed or killed build leaves the previous database as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from pathlib import Path

import attrs

from seedcorpus.atomic import atomic_destination
from seedcorpus.corpus import Corpus, ExportReport, run_enrichers
from seedcorpus.default_plugins import sqlite as sqlite_format
from seedcorpus.errors import SeedcorpusError
from seedcorpus.manifest import read_entry_bytes, sha256_hex
from seedcorpus.models import ManifestEntry, Problem
from seedcorpus.serialization import article_from_json, article_to_json
from seedcorpus.specs import EnricherSpec

__all__ = ["BuildReport", "build_database"]


@attrs.frozen
class BuildReport(ExportReport):
    """What a build did, beyond an export's report."""

    mode: str = "full"
    """``full`` (written from scratch), ``incremental``, or ``unchanged``."""
    added: int = 0
    """Articles parsed and written because they were new or changed."""
    removed: int = 0
    """Articles deleted because the manifest no longer lists them."""
    reenriched: int = 0
    """Kept articles whose enrichments were brought up to date."""


def _stamps(corpus: Corpus) -> dict[str, str]:
    parsers = {entry.parser or corpus.parser for entry in corpus.manifest.entries}
    stamps = {f"parser:{name}": corpus.registry.parser(name).version for name in parsers}
    stamps |= {f"enricher:{spec.name}": spec.version for spec in corpus.enrichers}
    stamps["schema_version"] = sqlite_format.SCHEMA_VERSION
    return stamps


def _read_stamps(database: Path) -> dict[str, str] | None:
    """The stamps of an existing seedcorpus database, or ``None`` if it isn't one."""
    try:
        with closing(sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)) as db:
            return dict(db.execute("SELECT key, value FROM seedcorpus_meta"))
    except sqlite3.Error:
        return None


def _write_stamps(connection: sqlite3.Connection, stamps: dict[str, str]) -> None:
    connection.executemany(
        "INSERT OR REPLACE INTO seedcorpus_meta VALUES (?, ?)", sorted(stamps.items())
    )


def build_database(
    corpus: Corpus,
    destination: str | os.PathLike[str],
    *,
    jobs: int = 1,
    strict: bool = False,
    full: bool = False,
    progress: Callable[[], None] | None = None,
) -> BuildReport:
    """Bring the SQLite database at ``destination`` up to date with ``corpus``.

    ``corpus`` should be the view to build (e.g. ``corpus.enrich("all")``).

    :param jobs: worker processes for parsing, enriching and serializing.
    :param strict: stop at the first problem; the database is then left as it was.
    :param full: rebuild from scratch even if an up-to-date database exists.
    :param progress: called once per article processed.
    """
    target = Path(destination)
    stamps = _stamps(corpus)
    previous = None if full or not target.exists() else _read_stamps(target)
    parsers_same = previous is not None and all(
        previous.get(key) == value
        for key, value in stamps.items()
        if key.startswith("parser:") or key == "schema_version"
    )
    if previous is None or not parsers_same:
        report = corpus.export(
            "sqlite", target, force=True, strict=strict, jobs=jobs, progress=progress
        )
        # Stamped after the rename: a kill in between leaves a database without stamps,
        # which the next build simply rebuilds whole.
        with closing(sqlite3.connect(target)) as connection, connection:
            _write_stamps(connection, stamps)
        return BuildReport(
            report.destination, report.articles, report.problems, report.seconds,
            mode="full", added=report.articles,
        )  # fmt: skip
    return _update(corpus, target, previous, stamps, jobs=jobs, strict=strict, progress=progress)


def _update(
    corpus: Corpus,
    target: Path,
    previous: dict[str, str],
    stamps: dict[str, str],
    *,
    jobs: int,
    strict: bool,
    progress: Callable[[], None] | None,
) -> BuildReport:
    started = time.perf_counter()
    with closing(sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)) as db:
        stored = dict(db.execute("SELECT id, sha256 FROM articles"))

    problems: list[Problem] = []
    changed: list[ManifestEntry] = []
    listed: set[str] = set()
    for entry in corpus.manifest.entries:
        listed.add(entry.id)
        if entry.id not in stored or _sha256(corpus, entry) != stored[entry.id]:
            changed.append(entry)
    removed = [article_id for article_id in stored if article_id not in listed]
    stale = [
        spec
        for spec in corpus.enrichers
        if previous.get(f"enricher:{spec.name}") != stamps[f"enricher:{spec.name}"]
    ]
    kept = [article_id for article_id in stored if article_id in listed]
    if not changed and not removed and not stale and stamps.items() <= previous.items():
        seconds = time.perf_counter() - started
        return BuildReport(target, 0, tuple(problems), seconds, mode="unchanged")

    added = reenriched = 0
    with atomic_destination(target, force=True) as temporary:
        shutil.copyfile(target, temporary)
        with closing(sqlite3.connect(temporary)) as connection, connection:
            sqlite_format.delete_articles(connection, removed)
            texts = _Counted(
                corpus.json_texts(problems, strict=strict, jobs=jobs, entries=changed), progress
            )
            sqlite_format.upsert_articles(connection, texts)
            added = texts.count
            if stale:
                fresh = {entry.id for entry in changed}
                ids = [article_id for article_id in kept if article_id not in fresh]
                reenriched = _reenrich(corpus, connection, ids, stale)
            # The FTS triggers made with the database have kept the index in step.
            _write_stamps(connection, stamps)
            sqlite_format.refresh_duplicates(connection)
    seconds = time.perf_counter() - started
    return BuildReport(
        target, added, tuple(problems), seconds,
        mode="incremental", added=added, removed=len(removed), reenriched=reenriched,
    )  # fmt: skip


def _sha256(corpus: Corpus, entry: ManifestEntry) -> str | None:
    """The entry's checksum: from the manifest, or (if it lists none) of the file."""
    if entry.sha256 is not None:
        return entry.sha256
    try:
        # Through the manifest's safety checks: never a byte from outside the corpus.
        return sha256_hex(read_entry_bytes(corpus.root, entry, max_bytes=corpus.max_bytes))
    except SeedcorpusError:
        return None  # reading it again in the pipeline reports the problem properly


class _Counted(Iterator[str]):
    """Passes texts through, counting them and reporting progress."""

    def __init__(self, texts: Iterable[str], progress: Callable[[], None] | None) -> None:
        self.texts = iter(texts)
        self.progress = progress
        self.count = 0

    def __next__(self) -> str:
        text = next(self.texts)
        self.count += 1
        if self.progress is not None:
            self.progress()
        return text


def _reenrich(
    corpus: Corpus, connection: sqlite3.Connection, ids: list[str], stale: list[EnricherSpec]
) -> int:
    """Re-run ``stale`` enrichers on the articles ``ids``, read back from their stored JSON."""
    converter = corpus.registry.converter
    for article_id in ids:
        (stored,) = connection.execute(
            "SELECT json FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        article = run_enrichers(article_from_json(stored, converter), stale, corpus.registry)
        sqlite_format.upsert_articles(connection, [article_to_json(article, converter)])
    return len(ids)
