"""The datasette metadata of the corpus browser: titles, human descriptions of every table
and column, default facets and sorting, and the canned queries (search, speaker, acronym,
tag).

Pure data: computing it needs no datasette, so ``seedcorpus serve --print-metadata``
works without the ``serve`` extra.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

from seedcorpus.default_plugins.sqlite import BM25_WEIGHTS, SCHEMA_VERSION, VIEWS
from seedcorpus.default_plugins.sqlite_records import record_paths, record_value
from seedcorpus.errors import SeedcorpusError

__all__ = [
    "FTS_FUNCTION",
    "PLUGIN_KEY",
    "TABLES",
    "database_name",
    "describe",
    "metadata",
]

PLUGIN_KEY = "seedcorpus-browser"
"""The key of the browser's settings under ``plugins`` in the metadata; the datasette
plugin acts only on a datasette whose metadata has it."""

FTS_FUNCTION = "seedcorpus_fts_query"
"""The SQL function the plugin registers: :func:`seedcorpus.default_plugins.sqlite.fts_query`
(plain words quoted as the CLI quotes them), giving a query that matches nothing where
the CLI would refuse the query."""

_TITLE = "coalesce(nullif(articles.title, ''), substr(articles.body, 1, 80) || '…')"
_BM25 = ", ".join(map(str, BM25_WEIGHTS))

_SEARCH_SQL = f"""\
select articles.id, {_TITLE} as title, articles.published,
       articles.dateline_city as place, articles.editor,
       trim(snippet(articles_fts, -1, '<mark>', '</mark>', ' … ', 32)) as snippet,
       articles_fts.rank as score
from articles_fts join articles on articles.rowid = articles_fts.rowid
where articles_fts match {FTS_FUNCTION}(:q)
  and articles_fts.rank match 'bm25({_BM25})'
order by articles_fts.rank
limit 100"""

_SPEAKER_SQL = f"""\
select quotes.text, quotes.direct, quotes.cue, articles.id as article_id,
       {_TITLE} as title, articles.published
from quotes join articles on articles.id = quotes.article_id
where quotes.speaker = :speaker
order by articles.published desc, articles.rowid, quotes.position"""

# An acronym record is an object, or an array whose keys its layout gives (see
# sqlite_records): record_value reads either. Schema 3 has objects only, and no layouts.
_ACRONYM_SQL_3 = f"""\
select articles.id, {_TITLE} as title, articles.published,
       json_extract(acronym.value, '$.long') as long
from enrichments join articles on articles.id = enrichments.article_id,
     json_each(enrichments.json, '$.acronyms') as acronym
where enrichments.kind = 'acronyms' and json_extract(acronym.value, '$.short') = :short
group by articles.id, long
order by articles.published desc, articles.rowid"""
_ACRONYM_SQL = f"""\
select articles.id, {_TITLE} as title, articles.published,
       {record_value("acronym.value", "path", "long")} as long
from enrichments join articles on articles.id = enrichments.article_id
     left join {record_paths("acronyms", ("short", "long"))} as path
       on path.id = enrichments.layout,
     json_each(enrichments.json, '$.acronyms') as acronym
where enrichments.kind = 'acronyms'
  and {record_value("acronym.value", "path", "short")} = :short
group by articles.id, 4
order by articles.published desc, articles.rowid"""

_TAG_SQL = f"""\
select articles.id, {_TITLE} as title, articles.published, articles.editor
from tags join articles on articles.id = tags.article_id
where tags.tag = :tag
order by articles.published desc, articles.rowid"""

_LIST_COLUMNS = {
    "id": "The article's id: its file name without .txt.",
    "title": "The headline (the start of the lead for an article without one).",
    "published": "Publication date found by the dates enricher (YYYY-MM-DD).",
    "year": "The year of publication, for the facet.",
    "month": "The month of publication (YYYY-MM), for the facet.",
    "place": "The dateline's place: where the story was filed.",
    "reporter": "Who reported the story.",
    "editor": "Who edited it.",
    "tags": "The article's tags, as a JSON array.",
    "language": "The language the file declares (id: Indonesian, en: English).",
    "lead": "The first paragraph.",
}

_ARTICLE_COLUMNS = {
    "id": "The article's id: its file name without .txt.",
    "path": "The source file, relative to the corpus folder.",
    "sha256": "The SHA-256 of the source file's bytes.",
    "parser": "The parser that read the file.",
    "language": "The language the file declares.",
    "title": "The headline.",
    "caption": "The photo caption.",
    "caption_credit": "Who took or supplied the photo.",
    "dateline_city": "The dateline's place.",
    "dateline_agency": "The dateline's agency, e.g. ANTARA.",
    "body": "The paragraphs, separated by blank lines.",
    "original_title": "The title of the syndicated original.",
    "reporter": "Who reported the story.",
    "editor": "Who edited it.",
    "copyright_year": "The year of the copyright line.",
    "published": "Publication date found by the dates enricher.",
    "json": "The rest of the article in the seedcorpus JSON contract: its paragraphs as "
    "[start, length] in body, without the enrichments and the values other columns hold "
    "(the article page shows it whole).",
}

TABLES: dict[str, dict[str, Any]] = {
    "article_list": {
        "title": "Articles",
        "description": "Every article, newest first: headline, date, place, byline, tags "
        "and lead. Narrow the list with the facets; open an article to read it.",
        "sort_desc": "published",
        "facets": [{"array": "tags"}, "year", "month", "place", "editor", "language"],
        "columns": _LIST_COLUMNS,
    },
    "speakers": {
        "title": "Speakers",
        "description": "Everyone quoted, with how many quotes and articles; open a name "
        "for all their quotes, newest first.",
        "sort_desc": "quotes",
        "columns": {
            "speaker": "The speaker's full name, as the quotes enricher resolved it.",
            "quotes": "Quotes attributed to them.",
            "articles": "Articles they are quoted in.",
            "latest": "Publication date of the newest of those articles.",
        },
    },
    "acronyms": {
        "title": "Acronyms",
        "description": "Acronyms the articles spell out, with their long forms; open one "
        "for the articles that use it.",
        "sort_desc": "articles",
        "columns": {
            "short": "The acronym, e.g. PBB.",
            "long": "Its long form as an article spells it out.",
            "articles": "Articles that spell it out this way.",
        },
    },
    "articles": {
        "title": "Articles, all columns",
        "description": "One row per article with every field, the body and the rest of "
        "the article as JSON. The search box matches title, caption and body, ignoring case "
        "and diacritics.",
        "label_column": "title",
        "columns": _ARTICLE_COLUMNS,
    },
    "tags": {
        "title": "Tags",
        "description": "The tags of each article, in their order.",
        "facets": ["tag"],
        "columns": {
            "article_id": "The article.",
            "position": "The tag's place in the article's tag line, from 0.",
            "tag": "The tag.",
        },
    },
    "quotes": {
        "title": "Quotes",
        "description": "Every quote the quotes enricher found, with its speaker.",
        "facets": ["speaker"],
        "columns": {
            "article_id": "The article.",
            "position": "The quote's place among the article's quotes, from 0.",
            "text": "What was said, without the quotation marks.",
            "speaker": "Who said it (the full name), when known.",
            "cue": "The verb that attributes it, e.g. kata.",
            "paragraph": "The paragraph it is in, from 0.",
            "direct": "1 for a direct quote (in quotation marks), 0 for reported speech.",
            "start": "Where the quote starts in the paragraph (characters).",
            "end": "Where it ends.",
        },
    },
    "paragraphs": {
        "title": "Paragraphs",
        "description": "The body of each article, one row per paragraph.",
        "columns": {
            "article_id": "The article.",
            "position": "The paragraph's place in the body, from 0.",
            "text": "The paragraph.",
        },
    },
    "enrichments": {
        "title": "Enrichments",
        "description": "What each enricher added to each article, as JSON.",
        "facets": ["kind"],
        "columns": {
            "article_id": "The article.",
            "kind": "The enricher: dates, quotes, acronyms, language, stats, or a plugin's.",
            "position": "The enrichment's place among the article's, from 0.",
            "json": "The enrichment in the JSON contract; where elided is 1, the text of "
            "records placed in a paragraph is left out (it is that paragraph's slice); "
            "where layout is set, lists of records are arrays of values (the article "
            "page shows it whole).",
            "elided": "1 if texts were left out of json, else 0.",
            "layout": "The row of record_layouts that gives the keys of the arrays in "
            "json; empty if every list is stored as objects.",
        },
    },
    "seedcorpus_meta": {
        "title": "About this database",
        "description": "Facts about the database itself, such as its schema version.",
        "columns": {"key": "The fact's name.", "value": "Its value."},
    },
}
"""The tables and views the browser shows, in the order of the home page, with their
datasette metadata (titles, descriptions, column descriptions, facets, sorting)."""


def database_name(database: str | os.PathLike[str]) -> str:
    """The name datasette gives the database file: its name without the suffix.

    >>> database_name("out/seeds.sqlite")
    'seeds'
    """
    return Path(database).stem


def metadata(database: str | os.PathLike[str]) -> dict[str, Any]:
    """datasette metadata for a database written by ``seedcorpus build``.

    The result is what ``datasette DATABASE --metadata FILE`` reads as JSON; ``seedcorpus
    serve`` passes it directly. It needs no datasette to compute.

    :raises SeedcorpusError: if ``database`` is not a seedcorpus database, or one written
        before the browser's views existed (the message says to rebuild it).
    """
    path = Path(database)
    count, version = describe(path)
    name = database_name(path)
    return {
        "title": f"seedcorpus: {name}",
        "description": f"{count:,} articles. Search them, browse them by tag, editor, "
        "place and date, or follow a speaker.",
        "plugins": {PLUGIN_KEY: {"database": name}},
        "databases": {
            name: {
                "description": f"Written by seedcorpus (schema version {SCHEMA_VERSION}).",
                "tables": TABLES,
                "queries": {
                    "search": {
                        "title": "Search",
                        "description": 'Words (all must match), "a phrase", prefix*, '
                        "AND / OR / NOT, title:word. Best matches first; a title match "
                        "counts above a body match.",
                        "sql": _SEARCH_SQL,
                        "params": ["q"],
                        "hide_sql": True,
                    },
                    "speaker": {
                        "title": "Quotes by a speaker",
                        "description": "Everything one speaker is quoted saying, newest first.",
                        "sql": _SPEAKER_SQL,
                        "params": ["speaker"],
                        "hide_sql": True,
                    },
                    "acronym": {
                        "title": "Articles using an acronym",
                        "description": "Articles that spell the acronym out, newest first.",
                        "sql": _ACRONYM_SQL_3 if version == "3" else _ACRONYM_SQL,
                        "params": ["short"],
                        "hide_sql": True,
                    },
                    "tag": {
                        "title": "Articles with a tag",
                        "description": "Newest first. Tags are matched exactly.",
                        "sql": _TAG_SQL,
                        "params": ["tag"],
                        "hide_sql": True,
                    },
                },
            }
        },
    }


def describe(path: Path) -> tuple[int, str]:
    """The article count and schema version of the database at ``path``, checking that
    ``seedcorpus build`` wrote it and that it has the browser's views.

    :raises SeedcorpusError: naming the file, if it is missing, not ours, or too old.
    """
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
            views = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'view'"
                )
            }
    except sqlite3.DatabaseError as error:
        raise SeedcorpusError(
            f"not a database written by `seedcorpus build` ({error})", path=path
        ) from None
    version = row[0] if row else "unknown"
    if not set(VIEWS) <= views:
        raise SeedcorpusError(
            f"written by an older seedcorpus (schema version {version}, the browser needs "
            f"{SCHEMA_VERSION}): run `seedcorpus build` again to update it",
            path=path,
        )
    return count, version
