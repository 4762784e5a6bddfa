"""Browse a corpus database in datasette: what ``seedcorpus serve`` runs.

Needs the ``serve`` extra: ``pip install 'seedcorpus[serve]'`` (datasette). datasette
finds the database's full-text index unaided, because ``articles_fts`` is declared the
way sqlite-utils declares one (see ``docs/formats/sqlite.md``). :func:`metadata` adds
what it cannot guess: titles and descriptions, default facets, and canned queries for
ranked search and for tags. See ``docs/datasette.md``.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from seedcorpus.errors import SeedcorpusError

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "database_name", "metadata", "serve"]

DEFAULT_HOST = "127.0.0.1"
"""Only this machine can connect unless another host is asked for."""
DEFAULT_PORT = 8001
"""datasette's own default port."""

_INSTALL_HINT = "pip install 'seedcorpus[serve]'"

_SEARCH_SQL = """\
select articles.id, articles.title, articles.published, articles.editor,
       trim(snippet(articles_fts, -1, '[', ']', ' … ', 24)) as snippet,
       articles_fts.rank as score
from articles_fts join articles on articles.rowid = articles_fts.rowid
where articles_fts match :q
  and articles_fts.rank match 'bm25({weights})'
order by articles_fts.rank
limit 100"""

_TAG_SQL = """\
select articles.id, articles.title, articles.published, articles.editor
from tags join articles on articles.id = tags.article_id
where tags.tag = :tag
order by articles.published desc, articles.rowid"""


def database_name(database: str | os.PathLike[str]) -> str:
    """The name datasette gives the database file: its name without the suffix.

    >>> database_name("out/seeds.sqlite")
    'seeds'
    """
    return Path(database).stem


def metadata(database: str | os.PathLike[str], *, bm25_weights: Sequence[float]) -> dict[str, Any]:
    """datasette metadata for a database written by ``seedcorpus build``.

    ``bm25_weights`` are the ranking weights of the full-text columns (title, caption,
    body) for the search query: the ``sqlite`` exporter passes its own.

    The result is what ``datasette DATABASE --metadata FILE`` reads as JSON; ``seedcorpus
    serve`` passes it directly. It needs no datasette to compute.

    :raises SeedcorpusError: if ``database`` is not a seedcorpus database.
    """
    path = Path(database)
    count, version = _describe(path)
    return {
        "title": f"seedcorpus: {database_name(path)}",
        "description": (
            f"{count:,} articles. Search the articles table, or run the search query "
            "for ranked results with highlighted snippets."
        ),
        "databases": {
            database_name(path): {
                "description": f"Written by seedcorpus (schema version {version}).",
                "tables": {
                    "articles": {
                        "description": (
                            "One row per article; json holds the whole article in the "
                            "seedcorpus JSON contract. The search box matches title, caption "
                            "and body, ignoring case and diacritics."
                        ),
                        "label_column": "title",
                        "facets": ["language", "editor"],
                    },
                    "tags": {
                        "description": "The tags of each article, in their order.",
                        "facets": ["tag"],
                    },
                    "seedcorpus_meta": {"description": "Facts about the database itself."},
                },
                "queries": {
                    "search": {
                        "title": "Ranked full-text search",
                        "description": (
                            'FTS5 syntax: words (all must match), "a phrase", prefix*, '
                            "AND / OR / NOT, title:word. Quote words with punctuation: "
                            '"RI-Azerbaijan". Title matches rank above body matches; '
                            "matches are marked [like this]."
                        ),
                        "sql": _SEARCH_SQL.format(weights=", ".join(map(str, bm25_weights))),
                    },
                    "tag": {
                        "title": "Articles with a tag",
                        "description": "Newest first. Tags are matched exactly.",
                        "sql": _TAG_SQL,
                    },
                },
            }
        },
    }


def _describe(path: Path) -> tuple[int, str]:
    """The article count and schema version, checking that this is our kind of database."""
    if not path.is_file():
        raise SeedcorpusError("no such database", path=path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            (count,) = connection.execute("SELECT count(*) FROM articles").fetchone()
            row = connection.execute(
                "SELECT value FROM seedcorpus_meta WHERE key = 'schema_version'"
            ).fetchone()
            connection.execute("SELECT rowid FROM articles_fts LIMIT 0").fetchall()
    except sqlite3.DatabaseError as error:
        raise SeedcorpusError(
            f"not a database written by `seedcorpus build` ({error})", path=path
        ) from None
    return count, row[0] if row else "unknown"


def serve(
    database: str | os.PathLike[str],
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    bm25_weights: Sequence[float],
) -> None:
    """Serve ``database`` with datasette at ``http://host:port/`` until interrupted.

    Prints the address of the ``articles`` table first, then datasette's request log.
    The database is opened immutable (read-only, without locking): restart the server
    after rebuilding it.

    :raises SeedcorpusError: if datasette is not installed (the message says what to
        install) or ``database`` is not a seedcorpus database.
    """
    path = Path(database)
    settings = metadata(path, bm25_weights=bm25_weights)
    try:
        # Imported here: datasette is an optional extra, and has no type information.
        import uvicorn
        from datasette.app import Datasette
    except ImportError:
        raise SeedcorpusError(f"serving needs datasette: {_INSTALL_HINT}") from None
    datasette = Datasette(immutables=[str(path)], metadata=settings)
    # What `datasette serve` does before starting: run plugins' startup hooks.
    asyncio.run(datasette.invoke_startup())
    table = datasette.urls.table(database_name(path), "articles")
    print(f"serving {path} at http://{_url_host(host)}:{port}{table} (Ctrl-C to stop)", flush=True)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="info", lifespan="on")


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
