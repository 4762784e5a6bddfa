"""The ``sqlite`` exporter: a database with an FTS5 full-text index, and search over it.

Tables (see ``docs/formats/sqlite.md``):

* ``articles``: one row per article with the contract's fields flattened into columns
  (``body`` is the one copy of the text), plus ``json``, the rest of the article in the
  JSON contract, its paragraphs as spans of ``body`` (see
  :mod:`~seedcorpus.default_plugins.sqlite_rows`: it reads back losslessly);
* ``tags`` and ``enrichments``: an article's parts, one row each, keyed by
  ``article_id``; the views ``paragraphs`` and ``quotes`` show the paragraphs and the
  ``quotes`` enrichment's quotes one row each;
* ``record_layouts``: the keys of the enrichments' records stored as arrays (see
  :mod:`~seedcorpus.default_plugins.sqlite_records`);
* ``articles_fts``: an external-content FTS5 table over ``title``, ``caption`` and
  ``body``, declared the way sqlite-utils does, so datasette finds it unaided;
* ``duplicate_clusters`` and ``republications``: copies of a story (see
  :func:`refresh_duplicates`).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

from cattrs import Converter

from seedcorpus.default_plugins.sqlite_records import LAYOUTS_TABLE, record_paths, record_value
from seedcorpus.default_plugins.sqlite_rows import (
    COLUMNS,
    article_from_row,
    article_select,
    delete_articles,
    insert_articles,
    inserted_records,
    read_article,
    upsert_articles,
)
from seedcorpus.default_plugins.sqlite_select import select_sqlite
from seedcorpus.default_plugins.sqlite_update import Tables, update_database
from seedcorpus.duplicates import Duplicates, Record, find_in_records
from seedcorpus.errors import SeedcorpusError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article
from seedcorpus.serialization import CONTRACT_VERSION
from seedcorpus.specs import ExporterSpec, SearchHit, Selector, UpdateOutcome, UpdateRequest

__all__ = [
    "BM25_WEIGHTS",
    "COLUMNS",
    "FTS_COLUMNS",
    "SCHEMA_VERSION",
    "VERSION",
    "VIEWS",
    "count_sqlite",
    "delete_articles",
    "duplicates_records",
    "fts_query",
    "insert_articles",
    "read_sqlite",
    "rebuild_index",
    "refresh_duplicates",
    "search",
    "select",
    "serve_sqlite",
    "store_duplicates",
    "update_sqlite",
    "upsert_articles",
    "write_sqlite",
]

SCHEMA_VERSION = "4"
"""Stored in ``seedcorpus_meta``; a database with another version is rebuilt whole.

Version 2 added the contract-2 columns (``url``, ``published_at``, ``section``; ``title``
may be null) and the views of :data:`VIEWS`. Version 3 stores each text once (see
:mod:`~seedcorpus.default_plugins.sqlite_rows`): ``paragraphs`` and ``quotes`` became
views, ``articles.json`` lost its paragraphs' text and its enrichments, and
``enrichments`` gained ``position`` and ``elided``. Version 4 stores an enrichment's lists
of records of one shape as arrays of values (see
:mod:`~seedcorpus.default_plugins.sqlite_records`): the table ``record_layouts`` holds
their keys, and ``enrichments`` gained ``layout``, the row of it that applies (null:
every list stored as objects, as in version 3). The views read both forms."""

VERSION = "1"
"""The exporter's version, stored in ``seedcorpus_meta`` as ``exporter:sqlite``."""

_SCHEMA = f"""{LAYOUTS_TABLE}
CREATE TABLE seedcorpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    parser TEXT NOT NULL,
    language TEXT,
    title TEXT,
    url TEXT,
    published_at TEXT,
    section TEXT,
    caption TEXT,
    caption_credit TEXT,
    dateline_city TEXT,
    dateline_agency TEXT,
    body TEXT NOT NULL,
    original_title TEXT,
    reporter TEXT,
    editor TEXT,
    copyright_year INTEGER,
    published TEXT,
    json TEXT NOT NULL
);
CREATE TABLE tags (
    article_id TEXT NOT NULL REFERENCES articles(id),
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX tags_tag ON tags(tag);
CREATE TABLE enrichments (
    article_id TEXT NOT NULL REFERENCES articles(id),
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    json TEXT NOT NULL,
    elided INTEGER NOT NULL,
    layout INTEGER REFERENCES record_layouts(id),
    PRIMARY KEY (article_id, kind)
);
CREATE INDEX articles_language ON articles(language);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_editor ON articles(editor);
CREATE VIRTUAL TABLE [articles_fts] USING FTS5 (
    [title], [caption], [body],
    tokenize='unicode61 remove_diacritics 2',
    content=[articles]
);
"""

# Views for readers (the corpus browser of ``seedcorpus serve`` lists them, and datasette
# facets them): they hold no data, so they cost nothing to build and nothing to update.
# A title-less article (contract 2 allows one) is listed by the start of its lead. The
# records of quotes and acronyms are objects, or arrays whose keys a layout gives (see
# sqlite_records): a LEFT JOIN on the paths of the layout's keys reads either.
_QUOTE_KEYS = ("text", "speaker", "cue", "paragraph", "direct", "start", "end")
_VIEWS = """
CREATE VIEW paragraphs AS
SELECT articles.id AS article_id,
       span.key AS position,
       substr(articles.body, json_extract(span.value, '$[0]') + 1,
              json_extract(span.value, '$[1]')) AS text
FROM articles, json_each(articles.json, '$.paragraphs') AS span;
CREATE VIEW quotes AS
SELECT enrichments.article_id,
       quote.key AS position,
       coalesce({q_text}, substr(
           articles.body,
           json_extract(articles.json, '$.paragraphs[' || {q_paragraph} || '][0]')
               + {q_start} + 1,
           {q_end} - {q_start}
       )) AS text,
       {q_speaker} AS speaker,
       {q_cue} AS cue,
       {q_paragraph} AS paragraph,
       {q_direct} AS direct,
       {q_start} AS start,
       {q_end} AS "end"
FROM enrichments JOIN articles ON articles.id = enrichments.article_id
     LEFT JOIN {quote_paths} AS path ON path.id = enrichments.layout,
     json_each(enrichments.json, '$.quotes') AS quote
WHERE enrichments.kind = 'quotes';
CREATE VIEW article_list AS
SELECT articles.id,
       coalesce(nullif(articles.title, ''), substr(articles.body, 1, 80) || '…') AS title,
       coalesce(substr(articles.published_at, 1, 10), articles.published) AS published,
       substr(coalesce(articles.published_at, articles.published), 1, 4) AS year,
       substr(coalesce(articles.published_at, articles.published), 1, 7) AS month,
       articles.dateline_city AS place,
       articles.reporter,
       articles.editor,
       (SELECT json_group_array(tag)
        FROM (SELECT tag FROM tags WHERE tags.article_id = articles.id ORDER BY position)
       ) AS tags,
       articles.language,
       substr(articles.body, 1, min(instr(articles.body || char(10), char(10)) - 1, 300)) AS lead
FROM articles;
CREATE VIEW speakers AS
SELECT quotes.speaker,
       count(*) AS quotes,
       count(DISTINCT quotes.article_id) AS articles,
       max(coalesce(substr(articles.published_at, 1, 10), articles.published)) AS latest
FROM quotes JOIN articles ON articles.id = quotes.article_id
WHERE quotes.speaker IS NOT NULL
GROUP BY quotes.speaker;
CREATE VIEW acronyms AS
SELECT {a_short} AS short,
       {a_long} AS long,
       count(DISTINCT enrichments.article_id) AS articles
FROM enrichments LEFT JOIN {acronym_paths} AS path ON path.id = enrichments.layout,
     json_each(enrichments.json, '$.acronyms') AS acronym
WHERE enrichments.kind = 'acronyms'
GROUP BY 1, 2;
""".format(
    quote_paths=record_paths("quotes", _QUOTE_KEYS),
    acronym_paths=record_paths("acronyms", ("short", "long")),
    **{f"q_{key}": record_value("quote.value", "path", key) for key in _QUOTE_KEYS},
    a_short=record_value("acronym.value", "path", "short"),
    a_long=record_value("acronym.value", "path", "long"),
)

VIEWS = ("paragraphs", "quotes", "article_list", "speakers", "acronyms")
"""The views the schema adds for readers: paragraphs and quotes (one row each, read
from the body and the ``quotes`` enrichment, which hold the only copy), the article
list (one short row per article, ``tags`` a JSON array), speakers with their quote
counts, and acronyms with their long forms and article counts."""


def rebuild_index(connection: sqlite3.Connection) -> None:
    """Rebuild the FTS5 index from ``articles`` (far faster than keeping it in step
    during a bulk insert), then add the triggers that keep it in step from now on."""
    connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    _create_fts_triggers(connection)


def write_sqlite(articles: Iterable[Article], destination: Path, converter: Converter) -> None:
    """Write a fresh database at ``destination``; ``seedcorpus_meta`` records the schema,
    exporter and JSON contract versions."""
    connection = sqlite3.connect(destination)
    # The file is a temporary one that is renamed into place when complete, so a journal
    # and per-transaction syncs buy nothing; atomic_destination syncs it once at the end.
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    try:
        with connection:
            connection.executescript(_SCHEMA)
            connection.executescript(_VIEWS)
            connection.executemany(
                "INSERT INTO seedcorpus_meta VALUES (?, ?)",
                [
                    ("schema_version", SCHEMA_VERSION),
                    ("exporter:sqlite", VERSION),
                    ("contract", str(CONTRACT_VERSION)),
                ],
            )
            # Duplicates are found from the rows as they are written, not read back.
            found = find_in_records(
                inserted_records(connection, articles, converter),
                near=False,
                read_body=_body_reader(connection),
            )
            rebuild_index(connection)
            _store_duplicates(connection, found)
    finally:
        connection.close()


def _body_reader(connection: sqlite3.Connection) -> Callable[[str], str]:
    """The body of an article written, by id: what finding duplicates reads back of the
    few articles whose words may be another's (see ``find_in_records``)."""

    def read_body(article_id: str) -> str:
        (body,) = connection.execute(
            "SELECT body FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return str(body)

    return read_body


def _connect_read_only(database: Path) -> sqlite3.Connection:
    if not database.is_file():
        raise SeedcorpusError("no such database", path=database)
    return sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)


def count_sqlite(source: Path) -> int:
    """The number of articles in a database: the rows of ``articles``."""
    with closing(_connect_read_only(source)) as connection:
        (count,) = connection.execute("SELECT count(*) FROM articles").fetchone()
    return int(count)


def select(source: Path, converter: Converter) -> Selector | None:
    """Selections run by SQLite (:mod:`~seedcorpus.default_plugins.sqlite_select`), for
    a database of this :data:`SCHEMA_VERSION`."""
    return select_sqlite(source, converter, SCHEMA_VERSION)


def read_sqlite(source: Path, converter: Converter) -> Iterator[Article]:
    """Read the articles back, typed, in the order they were written."""
    connection = _connect_read_only(source)
    try:
        select = article_select(connection)
        for row in connection.execute(f"SELECT {select} FROM articles ORDER BY rowid"):
            yield article_from_row(row, converter, path=f"{source}#articles", line=row[0])
    finally:
        connection.close()


FTS_COLUMNS = ("title", "caption", "body")
"""Columns of ``articles_fts``, in order: the columns of ``articles`` it indexes."""

BM25_WEIGHTS = (10.0, 3.0, 1.0)
"""bm25 weights of :data:`FTS_COLUMNS`: a match in the title counts ten times one in the
body, so an article *about* the query ranks above one that mentions it in passing."""

# sqlite-utils' trigger names and shape, so its tools (and datasette plugins that write)
# keep the index in step with hand edits. They are created after the bulk rebuild, which
# is far faster than firing them per inserted row. The update trigger skips rows whose
# text did not change (a re-enrichment rewrites every row but none of the indexed text).
_FTS_TRIGGERS = (
    """
    CREATE TRIGGER IF NOT EXISTS [articles_ai] AFTER INSERT ON [articles] BEGIN
        INSERT INTO [articles_fts] (rowid, [title], [caption], [body])
        VALUES (new.rowid, new.[title], new.[caption], new.[body]);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS [articles_ad] AFTER DELETE ON [articles] BEGIN
        INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [caption], [body])
        VALUES ('delete', old.rowid, old.[title], old.[caption], old.[body]);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS [articles_au] AFTER UPDATE ON [articles]
    WHEN old.rowid IS NOT new.rowid OR old.[title] IS NOT new.[title]
        OR old.[caption] IS NOT new.[caption] OR old.[body] IS NOT new.[body]
    BEGIN
        INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [caption], [body])
        VALUES ('delete', old.rowid, old.[title], old.[caption], old.[body]);
        INSERT INTO [articles_fts] (rowid, [title], [caption], [body])
        VALUES (new.rowid, new.[title], new.[caption], new.[body]);
    END
    """,
)


def _create_fts_triggers(connection: sqlite3.Connection) -> None:
    # execute, not executescript: executescript would commit the caller's transaction.
    for statement in _FTS_TRIGGERS:
        connection.execute(statement)


# Characters and words that only a query written in FTS5 syntax has. A query without
# them is plain text, and is searched word by word if FTS5 rejects it.
_FTS5_SYNTAX = re.compile(r'["*()]|\b(?:AND|OR|NOT|NEAR)\b')


def fts_query(query: str) -> str:
    """The FTS5 expression that :func:`search` runs for ``query``.

    A valid FTS5 query is used as it is: words (all must match), ``"a phrase"``,
    ``prefix*``, ``AND``/``OR``/``NOT`` (upper case), ``title:word``, ``NEAR(a b)``. A
    query that is not valid FTS5 but uses none of its syntax (no ``"``, ``*``,
    parentheses or upper-case operators) is plain text: each of its words is searched
    as a quoted string, so ``RI-Azerbaijan`` finds the words *RI Azerbaijan* next to
    each other, and ``1/7/2024`` or ``Jum'at`` work too.

    >>> fts_query("pelayanan publik")
    'pelayanan publik'
    >>> fts_query("RI-Azerbaijan kerja")
    '"RI-Azerbaijan" "kerja"'

    :raises SeedcorpusError: for an empty query, or an invalid one that uses FTS5 syntax;
        the message says how to quote.
    """
    if not query.strip():
        raise SeedcorpusError("search query is empty")
    error = _fts5_error(query)
    if error is None:
        return query
    if _FTS5_SYNTAX.search(query) is None:
        return " ".join(f'"{word}"' for word in query.split())
    if error.startswith("unknown special query"):  # FTS5's words for a "*" alone
        error = "a '*' ends the start of a word (pel*) and cannot stand alone"
    raise SeedcorpusError(
        f'search {query!r} failed: {error}; in FTS5 syntax close each "phrase" and '
        'quote words with punctuation, as in: "RI-Azerbaijan" OR Rusia'
    )


def _fts5_error(query: str) -> str | None:
    """FTS5's complaint about ``query``, or None if it parses.

    Parsed against an empty in-memory table with the same columns, so the answer does not
    depend on a database, and a database's own errors are never taken for the query's.
    """
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.execute(f"CREATE VIRTUAL TABLE q USING fts5({', '.join(FTS_COLUMNS)})")
        try:
            connection.execute("SELECT rowid FROM q WHERE q MATCH ?", (query,)).fetchall()
        except sqlite3.OperationalError as error:
            return str(error)
    return None


# Ranking through the rank column (configured to the weighted bm25) lets FTS5 sort
# internally: 2-3 times faster than ORDER BY bm25(...) on words most articles contain.
_SEARCH = f"""
SELECT articles.id, articles.title,
       snippet(articles_fts, -1, :open, :close, ' … ', 16), articles_fts.rank
FROM articles_fts JOIN articles ON articles.rowid = articles_fts.rowid
WHERE articles_fts MATCH :query
  AND articles_fts.rank MATCH 'bm25({", ".join(map(str, BM25_WEIGHTS))})'
ORDER BY articles_fts.rank
LIMIT :limit
"""


def search(
    database: Path,
    query: str,
    *,
    limit: int = 10,
    markers: tuple[str, str] = ("[", "]"),
    where: tuple[str, dict[str, Any]] | None = None,
) -> list[SearchHit]:
    """Full-text search of a database written by the ``sqlite`` exporter, best first.

    ``query`` is FTS5 syntax, or plain text (see :func:`fts_query`). Matching ignores
    case and diacritics; hyphens separate words (``Bangsa`` finds *Bangsa-Bangsa*).
    Results are ranked by bm25 with the title weighted above caption and body
    (:data:`BM25_WEIGHTS`).

    :param limit: the most hits to return (at least 1).
    :param markers: the strings put before and after each match in the snippet.
    :param where: an SQL condition on ``articles`` with its named parameters, as
        :func:`seedcorpus.cli_query.sql_named` makes: only articles meeting it are hits.
    :raises SeedcorpusError: if the database is missing or has no full-text index, or
        the query is empty or invalid (the message says how to quote).
    """
    if limit < 1:
        raise SeedcorpusError(f"search limit must be at least 1, not {limit}")
    expression = fts_query(query)
    path = Path(database)
    statement, parameters = _SEARCH, {}
    if where is not None:
        statement = _SEARCH.replace(":query\n", f":query AND ({where[0]})\n", 1)
        parameters = where[1]
    with closing(_connect_read_only(path)) as connection:
        try:
            rows = connection.execute(
                statement,
                {"open": markers[0], "close": markers[1], "query": expression, "limit": limit}
                | parameters,
            ).fetchall()
        except sqlite3.DatabaseError as error:
            # The query parsed already, so this is the database's fault, not the query's.
            raise SeedcorpusError(
                f"cannot search: {error} (is it a database written by `seedcorpus build`?)",
                path=path,
            ) from None
    return [SearchHit(row[0], row[1], row[2].strip(), row[3]) for row in rows]


def serve_sqlite(database: Path, *, host: str, port: int, print_metadata: bool = False) -> None:
    """The exporter's ``serve``: browse a database in the corpus browser (``seedcorpus
    serve``, see :mod:`seedcorpus.default_plugins.browser`), or print its datasette
    metadata."""
    # Imported here: the browser needs the optional ``serve`` extra only when it serves.
    from seedcorpus.default_plugins import browser
    from seedcorpus.default_plugins.browser.metadata import metadata

    if print_metadata:
        print(json.dumps(metadata(database), ensure_ascii=False, indent=2))
        return
    browser.serve(database, host=host, port=port)


def update_sqlite(request: UpdateRequest) -> UpdateOutcome:
    """The exporter's ``update``: bring a database up to date with a corpus, redoing
    only what changed (see :func:`~seedcorpus.default_plugins.sqlite_update.update_database`)."""
    tables = Tables(
        SCHEMA_VERSION,
        read=read_article,
        upsert=upsert_articles,
        delete=delete_articles,
        refresh=refresh_duplicates,
    )
    return update_database(request, tables)


# --- Duplicates, republications and the enrichers present (seedcorpus.duplicates) ---
# Kept in one block: written after the articles, from their columns, so a browser can
# show "other copies of this story" with a join.

_DUPLICATES_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS duplicate_clusters (
        cluster INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        kind TEXT NOT NULL,
        PRIMARY KEY (cluster, article_id)
    )""",
    "CREATE INDEX IF NOT EXISTS duplicate_clusters_article ON duplicate_clusters(article_id)",
    """CREATE TABLE IF NOT EXISTS republications (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        original_id TEXT NOT NULL REFERENCES articles(id),
        original_title TEXT NOT NULL,
        site TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS republications_original ON republications(original_id)",
)


_RECORDS = (
    "SELECT id, title, body, original_title,"
    " CASE WHEN original_title IS NOT NULL THEN json END FROM articles ORDER BY rowid"
)


def duplicates_records(connection: sqlite3.Connection) -> Iterator[Record]:
    """Each article's duplicates :data:`~seedcorpus.duplicates.Record`, read from its
    columns, in the database's order (a build gets the same from
    :func:`~seedcorpus.default_plugins.sqlite_rows.inserted_records` as it writes)."""
    for article_id, title, body, original_title, text in connection.execute(_RECORDS):
        site = None
        if text is not None:
            # Read in Python: SQLite's json_extract cuts a string at a NUL character.
            syndication = json.loads(text).get("syndication")
            site = syndication.get("site") if isinstance(syndication, dict) else None
        yield article_id, title, body, original_title, site


def refresh_duplicates(
    connection: sqlite3.Connection, *, near: bool = False, threshold: float = 0.5
) -> Duplicates:
    """(Re)write ``duplicate_clusters`` and ``republications`` from the ``articles``
    table, and the ``enrichers`` entry of ``seedcorpus_meta`` (the kinds present).

    Exports find exact duplicates only (cheap: one hash per body); ``seedcorpus
    duplicates DATABASE --store`` adds near duplicates (needs ``datasketch``).
    Returns the :class:`~seedcorpus.duplicates.Duplicates` found.
    """
    found = find_in_records(
        duplicates_records(connection),
        near=near,
        threshold=threshold,
        read_body=_body_reader(connection),
    )
    _store_duplicates(connection, found)
    return found


def _store_duplicates(connection: sqlite3.Connection, found: Duplicates) -> None:
    """Write what :func:`refresh_duplicates` found, and the kinds of enrichments present."""
    for statement in _DUPLICATES_SCHEMA:
        connection.execute(statement)
    connection.execute("DELETE FROM duplicate_clusters")
    connection.execute("DELETE FROM republications")
    connection.executemany(
        "INSERT INTO duplicate_clusters VALUES (?, ?, ?)",
        [
            (number, article_id, cluster.kind)
            for number, cluster in enumerate(found.clusters, start=1)
            for article_id in cluster.ids
        ],
    )
    connection.executemany(
        "INSERT OR REPLACE INTO republications VALUES (?, ?, ?, ?)",
        [(r.id, r.original_id, r.original_title, r.site) for r in found.republications],
    )
    kinds = [kind for (kind,) in connection.execute("SELECT DISTINCT kind FROM enrichments")]
    connection.execute(
        "INSERT OR REPLACE INTO seedcorpus_meta VALUES ('enrichers', ?)",
        (",".join(sorted(kinds)),),
    )


def store_duplicates(database: Path, *, near: bool = False, threshold: float = 0.5) -> Duplicates:
    """:func:`refresh_duplicates` in a database, committed (``seedcorpus duplicates
    DATABASE --store``)."""
    if not database.is_file():
        raise SeedcorpusError("no such database", path=database)
    with closing(sqlite3.connect(database)) as connection, connection:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master")}
        if not {"seedcorpus_meta", "articles"} <= tables:  # never write into others' files
            message = "is a SQLite database seedcorpus did not write: it stores no duplicates"
            raise SeedcorpusError(message, path=database)
        return refresh_duplicates(connection, near=near, threshold=threshold)


@hookimpl
def seedcorpus_exporters() -> Iterator[ExporterSpec]:
    """Provide the ``sqlite`` exporter."""
    yield ExporterSpec(
        "sqlite",
        write_sqlite,
        read=read_sqlite,
        search=search,
        serve=serve_sqlite,
        count=count_sqlite,
        select=select,
        duplicates=store_duplicates,
        version=VERSION,
        update=update_sqlite,
        suffix=".sqlite",
        description="SQLite database with an FTS5 index over title, caption and body",
    )
