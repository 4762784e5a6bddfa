"""The ``sqlite`` exporter's ``update`` capability: bring a database up to date with a
corpus, redoing only what changed.

What the database was built with is stamped in ``seedcorpus_meta`` (``parser:NAME``,
``enricher:NAME`` and ``exporter:sqlite`` keys, beside the exporter's
``schema_version``). ``seedcorpus_files`` holds, for every article, the stat of its
file (size, modification time in nanoseconds, inode) when it was built, so that an edit
made without rewriting ``INDEX.md`` is noticed: a file whose stat changed is read again
and its checksum compared with ``INDEX.md``'s.

The module gets the table operations from :mod:`seedcorpus.default_plugins.sqlite`,
which passes them in, so neither imports the other's internals.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Generator, Iterable, Mapping
from contextlib import closing
from pathlib import Path

import attrs
from cattrs import Converter

from seedcorpus.errors import ExportError
from seedcorpus.models import Article, ManifestEntry
from seedcorpus.specs import FileStat, UpdateOutcome, UpdateRequest

__all__ = ["FILES_TABLE", "Tables", "update_database"]

FILES_TABLE = """
CREATE TABLE IF NOT EXISTS seedcorpus_files (
    article_id TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL
)
"""
"""The stat cache: one row per article, the stat of its file when it was built."""


@attrs.frozen
class Tables:
    """The operations on the ``articles`` table (and its parts) that an update uses."""

    schema_version: str
    """The schema the exporter writes; a database with another is rebuilt whole."""
    read: Callable[[sqlite3.Connection, str, Converter], Article | None]
    """Read one article back by id (``None`` if there is none)."""
    upsert: Callable[[sqlite3.Connection, Iterable[Article], Converter], None]
    """Update articles in place by id, inserting new ones."""
    delete: Callable[[sqlite3.Connection, Iterable[str]], None]
    """Delete articles by id."""
    refresh: Callable[[sqlite3.Connection], object]
    """Rewrite the tables derived from the whole corpus (duplicate clusters,
    republications) after articles changed."""


@attrs.frozen
class _State:
    stamps: dict[str, str]
    stored: dict[str, str]  # id -> sha256
    stats: dict[str, FileStat]


def _read_state(database: Path) -> _State | None:
    """What the database was built with, or ``None`` for one without stamps (an export,
    or a build killed before it stamped), which is rebuilt whole.

    :raises ExportError: for a file that is not a database ``seedcorpus`` wrote: it is
        never replaced without ``--full``.
    """
    hint = "build replaces only databases it wrote: remove it, choose another --output, or pass --full to replace it"  # noqa: E501
    try:
        uri = f"{database.resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as db:
            tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
            if not {"seedcorpus_meta", "articles"} <= tables:
                raise ExportError(
                    f"is a SQLite database seedcorpus did not write (no seedcorpus_meta "
                    f"and articles tables); {hint}",
                    path=database,
                )
            stamps = dict(db.execute("SELECT key, value FROM seedcorpus_meta"))
            stored = dict(db.execute("SELECT id, sha256 FROM articles"))
            stats: dict[str, FileStat] = {}
            if "seedcorpus_files" in tables:
                rows = db.execute("SELECT article_id, size, mtime_ns, inode FROM seedcorpus_files")
                stats = {row[0]: FileStat(row[1], row[2], row[3]) for row in rows}
    except sqlite3.DatabaseError as error:
        raise ExportError(
            f"cannot be read as a database ({error}); {hint}", path=database
        ) from None
    return _State(stamps, stored, stats)


def _compatible(state: _State, stamps: Mapping[str, str], schema_version: str) -> bool:
    """True if the database can be updated; false if it must be rebuilt whole."""
    if state.stamps.get("schema_version") != schema_version:
        return False
    return all(
        state.stamps.get(key) == value
        for key, value in stamps.items()
        if key.startswith(("parser:", "exporter:"))
    )


def _record(
    connection: sqlite3.Connection,
    stamps: Mapping[str, str],
    stats: Mapping[str, FileStat | None],
    *,
    clear: bool,
) -> None:
    """Write the stamps and the stat cache, for the articles the database holds."""
    connection.execute(FILES_TABLE)
    if clear:
        connection.execute("DELETE FROM seedcorpus_files")
    connection.executemany(
        "INSERT OR REPLACE INTO seedcorpus_meta VALUES (?, ?)", sorted(stamps.items())
    )
    present = {article_id for (article_id,) in connection.execute("SELECT id FROM articles")}
    connection.executemany(
        "DELETE FROM seedcorpus_files WHERE article_id = ?",
        [(article_id,) for article_id, stat in stats.items() if stat is None],
    )
    connection.executemany(
        "INSERT OR REPLACE INTO seedcorpus_files VALUES (?, ?, ?, ?)",
        [
            (article_id, stat.size, stat.mtime_ns, stat.inode)
            for article_id, stat in stats.items()
            if stat is not None and article_id in present
        ],
    )


def _rebuild(request: UpdateRequest) -> UpdateOutcome:
    # Stats are taken before the files are read: an edit made during the build then
    # shows as a changed stat next time, never as an up-to-date article.
    stats = {entry.id: request.stat(entry) for entry in request.entries}
    with request.stage(copy=False) as temporary:
        count = request.rebuild(temporary)
        with closing(sqlite3.connect(temporary)) as connection:
            # A fresh file, renamed into place only when complete (as write_sqlite does).
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            with connection:
                _record(connection, request.stamps, stats, clear=True)
    return UpdateOutcome("full", added=count)


def update_database(request: UpdateRequest, tables: Tables) -> UpdateOutcome:
    """Bring the database ``request.output`` up to date (the exporter's ``update``).

    * articles that are new, or whose ``sha256`` in ``INDEX.md`` changed, are parsed
      and enriched again; articles no longer listed are deleted;
    * an article whose file's stat changed is read and checked against ``INDEX.md``:
      the same bytes only refresh the stat cache; other bytes are an edit ``INDEX.md``
      does not know, reported by the core, and the article is taken out (as a full
      build would skip it) until ``seedcorpus index`` or ``build --reindex`` accepts it;
    * enrichers that are new, or whose version changed, run again on the articles kept,
      read back from their stored JSON (not parsed again);
    * a changed parser, exporter or schema version, a database without stamps, or
      ``--full``, means a rebuild from scratch.
    """
    output = request.output
    state = None if request.full or not output.exists() else _read_state(output)
    if state is None or not _compatible(state, request.stamps, tables.schema_version):
        return _rebuild(request)

    changed: list[ManifestEntry] = []
    kept: list[str] = []
    edited: list[str] = []
    stats: dict[str, FileStat | None] = {}
    listed: set[str] = set()
    for entry in request.entries:
        listed.add(entry.id)
        stored = state.stored.get(entry.id)
        now = request.stat(entry)
        recorded = state.stats.get(entry.id)
        if stored is None or (entry.sha256 is not None and entry.sha256.lower() != stored.lower()):
            changed.append(entry)
            stats[entry.id] = now
        elif now is not None and now == recorded:
            kept.append(entry.id)
        elif entry.sha256 is None:  # nothing to compare with: read it again
            changed.append(entry)
            stats[entry.id] = now
        elif request.verify(entry):
            kept.append(entry.id)
            stats[entry.id] = now
        else:
            edited.append(entry.id)
    removed = [article_id for article_id in state.stored if article_id not in listed]
    stale = [
        name
        for name in request.enrichers
        if state.stamps.get(f"enricher:{name}") != request.stamps.get(f"enricher:{name}")
    ]
    up_to_date = not changed and not removed and not edited and not stale
    if up_to_date and request.stamps.items() <= state.stamps.items() and not stats:
        return UpdateOutcome("unchanged")

    added = reenriched = 0
    with (
        request.stage(copy=True) as temporary,
        closing(sqlite3.connect(temporary)) as connection,
        connection,
    ):
        tables.delete(connection, [*removed, *edited])
        written: list[str] = []

        def articles() -> Generator[Article, None, None]:
            with closing(request.articles(changed)) as read:
                for article in read:
                    written.append(article.id)
                    yield article

        stream = articles()
        with closing(stream):
            tables.upsert(connection, stream, request.converter)
        added = len(written)
        # A changed article that could not be read is not kept in its old form: a
        # full build would not have it either.
        unread = {entry.id for entry in changed} - set(written)
        tables.delete(connection, [i for i in unread if i in state.stored])
        if stale:
            fresh = {entry.id for entry in changed}
            reenriched = _reenrich(
                request, connection, tables, [i for i in kept if i not in fresh], stale
            )
        for article_id in [*removed, *edited, *unread]:
            stats[article_id] = None
        _record(connection, request.stamps, stats, clear=False)
        if not up_to_date:
            tables.refresh(connection)
    if up_to_date:
        return UpdateOutcome("unchanged")  # only the stat cache was refreshed
    return UpdateOutcome(
        "incremental",
        added=added,
        removed=len(removed) + len(edited),
        reenriched=reenriched,
    )


def _reenrich(
    request: UpdateRequest,
    connection: sqlite3.Connection,
    tables: Tables,
    ids: list[str],
    stale: list[str],
) -> int:
    """Re-run the ``stale`` enrichers on the articles ``ids``, read back from their
    stored JSON."""
    converter = request.converter

    def articles() -> Iterable[Article]:
        for article_id in ids:
            stored = tables.read(connection, article_id, converter)
            if stored is not None:
                yield request.enrich(stored, stale)

    tables.upsert(connection, articles(), converter)
    return len(ids)
