"""The datasette plugin of the corpus browser, registered by
:func:`~seedcorpus.default_plugins.browser.create_datasette`.

Its hooks act only on a datasette whose metadata carries the browser's settings
(:data:`~seedcorpus.default_plugins.browser.metadata.PLUGIN_KEY`), so registering it
leaves any other datasette in the process as it was:

* ``prepare_connection`` adds the SQL function the search query quotes words with, the
  one ``seedcorpus search`` uses (:func:`~seedcorpus.default_plugins.sqlite.fts_query`);
* ``prepare_jinja2_environment`` adds the templates' filters (highlighted snippets,
  formatted counts) and the search error message;
* ``extra_template_vars`` gives the templates the links between pages, the home page's
  counts, and the article page (:func:`~seedcorpus.default_plugins.browser.article.article_page`);
* ``render_cell`` links speakers, acronyms and titles in datasette's own tables;
* ``extra_css_urls`` adds the stylesheet;
* ``asgi_wrapper`` redirects a table page's address to one without the parameters it
  cannot answer (:func:`~seedcorpus.default_plugins.browser.addresses.cleaned_query`);
* ``handle_exception`` shows errors as the browser's own pages
  (:func:`~seedcorpus.default_plugins.browser.errors.error_page`).

datasette is imported lazily (it is an optional extra), so the module imports anywhere.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import sys
import traceback
import urllib.parse
from collections.abc import Awaitable, Callable
from typing import Any

import pluggy

from seedcorpus.default_plugins.browser.addresses import cleaned_query
from seedcorpus.default_plugins.browser.article import article_page
from seedcorpus.default_plugins.browser.errors import error_page
from seedcorpus.default_plugins.browser.metadata import FTS_FUNCTION, PLUGIN_KEY, TABLES
from seedcorpus.default_plugins.browser.paging import first_page, paging
from seedcorpus.default_plugins.sqlite import VIEWS, fts_query
from seedcorpus.errors import SeedcorpusError

__all__ = [
    "MAX_SEARCH_WORDS",
    "STATIC_MOUNT",
    "asgi_wrapper",
    "extra_css_urls",
    "extra_template_vars",
    "facet_order",
    "handle_exception",
    "human_date",
    "lang_attribute",
    "marks",
    "prepare_connection",
    "prepare_jinja2_environment",
    "query_error",
    "render_cell",
    "safe_fts_query",
    "tag_list",
]

hookimpl = pluggy.HookimplMarker("datasette")

STATIC_MOUNT = "-/seedcorpus"
"""Where the browser's static files (its stylesheet) are served from."""

MAX_SEARCH_WORDS = 50
"""The most words a search from the browser may have: the time FTS5 takes grows with the
square of the words (300 take ten seconds on 3,000 articles), and a server is shared."""

_MATCH_NOTHING = '""'


def _ours(datasette: Any, database: str | None = None) -> str | None:
    """The browser's database name if ``datasette`` is a corpus browser (and, given
    ``database``, that is its database), else None."""
    config = datasette.plugin_config(PLUGIN_KEY) or {}
    name = config.get("database")
    if not isinstance(name, str) or (database is not None and database != name):
        return None
    return name


def safe_fts_query(query: str | None) -> str:
    """``query`` as the FTS5 expression ``seedcorpus search`` would run, or an expression
    that matches nothing where the CLI refuses the query (the page then shows why).

    >>> safe_fts_query("RI-Azerbaijan")
    '"RI-Azerbaijan"'
    >>> safe_fts_query("")
    '""'
    """
    if query is not None and (len(query.split()) > MAX_SEARCH_WORDS or "\x00" in query):
        return _MATCH_NOTHING
    try:
        return fts_query(query or "")
    except SeedcorpusError:
        return _MATCH_NOTHING


def query_error(query: str | None) -> str | None:
    """Why ``seedcorpus search`` would refuse ``query``, or None (also for no query).

    >>> query_error('"unclosed') is not None
    True
    >>> query_error("pelayanan publik") is None
    True
    """
    if not query or not query.strip():
        return None
    if "\x00" in query:
        # SQLite ends a string at NUL: the query would reach FTS5 cut short.
        return "The search has a NUL character (%00), which cannot be searched."
    words = len(query.split())
    if words > MAX_SEARCH_WORDS:
        return (
            f"The search has {words:,} words; it takes at most {MAX_SEARCH_WORDS}. "
            "Keep the words that matter most."
        )
    try:
        fts_query(query)
    except SeedcorpusError as error:
        return str(error)
    return None


class _Html(str):
    """Text that is HTML already: Jinja (and markupsafe) do not escape it again."""

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)


def marks(snippet: str | None) -> str:
    """A search snippet as HTML: the text escaped, its ``<mark>`` markers kept.

    >>> print(marks("a <mark>b</mark> & c"))
    a <mark>b</mark> &amp; c
    """
    text = html.escape(snippet or "")
    return _Html(text.replace("&lt;mark&gt;", "<mark>").replace("&lt;/mark&gt;", "</mark>"))


def _count(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def human_date(value: Any) -> str:
    """An ISO date (or the date part of a timestamp) as a reader writes it; anything else
    as it is.

    >>> human_date("2024-07-01"), human_date("2024-07-01T09:30:00+07:00"), human_date(None)
    ('1 July 2024', '1 July 2024', '')
    """
    text = "" if value is None else str(value)
    year, month, day = text[:4], text[5:7], text[8:10]
    shaped = len(text) >= 10 and text[4] == text[7] == "-" and (year + month + day).isdigit()
    if shaped and 1 <= int(month) <= 12:
        return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
    return text


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def lang_attribute(value: Any) -> str:
    """A ``lang`` attribute (HTML, with its leading space) for an article's language
    code, so screen readers speak Indonesian text as Indonesian; nothing for a value
    that is not a language tag.

    >>> lang_attribute("id"), lang_attribute(None), lang_attribute('x" onload="')
    (' lang="id"', '', '')
    """
    text = "" if value is None else str(value)
    return _Html(f' lang="{text}"') if _LANGUAGE_TAG.fullmatch(text) else ""


def tag_list(value: Any) -> list[str]:
    """The tags of an ``article_list`` row (a JSON array) as a list.

    >>> tag_list('["PBB", "Jakarta"]'), tag_list(None)
    (['PBB', 'Jakarta'], [])
    """
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    return [str(tag) for tag in value] if isinstance(value, list) else []


def facet_order(results: list[dict[str, Any]], configured: Any) -> list[dict[str, Any]]:
    """Facet results in the order the metadata configures them, then any others (asked
    for with ``?_facet=``) in datasette's order.

    >>> names = [{"name": n} for n in ("month", "x", "tags")]
    >>> [f["name"] for f in facet_order(names, [{"array": "tags"}, "month"])]
    ['tags', 'month', 'x']
    """
    order = [
        facet if isinstance(facet, str) else next(iter(facet.values()))
        for facet in configured or ()
        if isinstance(facet, str | dict) and facet
    ]
    rank = {name: index for index, name in enumerate(order)}
    return sorted(results, key=lambda result: rank.get(result["name"], len(rank)))


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    """Add the browser's search function
    (:data:`~seedcorpus.default_plugins.browser.metadata.FTS_FUNCTION`) to its database."""
    if _ours(datasette, database):
        conn.create_function(FTS_FUNCTION, 1, safe_fts_query, deterministic=True)


@hookimpl
def prepare_jinja2_environment(env: Any, datasette: Any) -> None:
    """The templates' filters (``seedcorpus_marks``, ``_count``, ``_date``, ``_tags``,
    ``_lang``, ``_first_page``) and functions ``seedcorpus_query_error`` and
    ``seedcorpus_paging`` (where a page of a list is, from the request and its length)."""
    env.filters["seedcorpus_marks"] = marks
    env.filters["seedcorpus_count"] = _count
    env.filters["seedcorpus_date"] = human_date
    env.filters["seedcorpus_tags"] = tag_list
    env.filters["seedcorpus_lang"] = lang_attribute
    env.filters["seedcorpus_first_page"] = first_page
    env.filters["seedcorpus_facet_order"] = facet_order
    env.globals["seedcorpus_query_error"] = query_error
    env.globals["seedcorpus_paging"] = lambda request, total: paging(
        request.args, total, datasette.page_size
    )


@hookimpl
def extra_css_urls(datasette: Any) -> list[str]:
    """The browser's stylesheet, on the browser's pages."""
    if not _ours(datasette):
        return []
    return [datasette.urls.path(f"/{STATIC_MOUNT}/browser.css")]


def _links(datasette: Any, name: str) -> dict[str, Any]:
    from datasette.utils import tilde_encode

    urls = datasette.urls
    database = urls.database(name)

    def query(canned: str, **params: str) -> str:
        return f"{urls.query(name, canned)}?{urllib.parse.urlencode(params)}"

    return {
        "title": datasette.metadata("title"),
        "description": datasette.metadata("description"),
        "database": name,
        "home": urls.instance(),
        "database_url": database,
        "search": urls.query(name, "search"),
        "articles": urls.table(name, "article_list"),
        "all_columns": urls.table(name, "articles"),
        "speakers": urls.table(name, "speakers"),
        "acronyms": urls.table(name, "acronyms"),
        "speaker": lambda speaker: query("speaker", speaker=speaker),
        "acronym": lambda short: query("acronym", short=short),
        "tag": lambda tag: (
            f"{urls.table(name, 'article_list')}?"
            + urllib.parse.urlencode({"tags__arraycontains": tag})
        ),
        "article": lambda article_id: urls.row(name, "articles", tilde_encode(article_id)),
    }


async def _home(datasette: Any, name: str) -> dict[str, Any]:
    db = datasette.get_database(name)
    counts: dict[str, int] = {}
    for table in TABLES:
        result = await db.execute(f"SELECT count(*) FROM [{table}]")
        counts[table] = result.first()[0]
    latest = await db.execute(
        "SELECT id, title, published, place, lead FROM article_list "
        "ORDER BY published DESC LIMIT 5"
    )
    return {
        "counts": counts,
        "tables": [
            {
                "name": table,
                "title": info["title"],
                "description": info["description"],
                "columns": info.get("columns", {}),
                "count": counts[table],
                "view": table in ("article_list", "speakers", "acronyms"),
            }
            for table, info in TABLES.items()
        ],
        "latest": [dict(row) for row in latest.rows],
    }


async def _article(datasette: Any, name: str, request: Any) -> dict[str, Any] | None:
    if request is None or request.args.get("_raw"):
        return None
    from datasette.utils import urlsafe_components

    pks = urlsafe_components(request.url_vars.get("pks", ""))
    if len(pks) != 1:
        return None
    db = datasette.get_database(name)
    data = await db.execute_fn(lambda connection: _article_data(connection, pks[0]))
    if data is None:
        return None
    links = _links(datasette, name)
    return article_page(data, speaker_url=links["speaker"], acronym_url=links["acronym"])


def _article_data(connection: Any, article_id: str) -> dict[str, Any] | None:
    # The article is put back together from its rows (see sqlite_rows).
    from seedcorpus.default_plugins.sqlite_rows import article_data, article_select

    row = connection.execute(
        f"SELECT {article_select(connection)} FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    return None if row is None else article_data(row)


@hookimpl
def extra_template_vars(
    template: str, database: str | None, table: str | None, view_name: str, request: Any,
    datasette: Any,
) -> Callable[[], Awaitable[dict[str, Any]]] | dict[str, Any]:  # fmt: skip
    """``seedcorpus`` (links between the pages), ``seedcorpus_home`` on the home page and
    ``seedcorpus_article`` on an article's page."""
    name = _ours(datasette)
    if name is None or (database is not None and database != name):
        return {}

    async def variables() -> dict[str, Any]:
        found: dict[str, Any] = {"seedcorpus": _links(datasette, name)}
        if template in ("index.html", "database.html"):
            found["seedcorpus_home"] = await _home(datasette, name)
        if view_name == "row" and table == "articles":
            found["seedcorpus_article"] = await _article(datasette, name, request)
        return found

    return variables


def _link(href: str, text: Any) -> str:
    return _Html(f'<a href="{html.escape(href)}">{html.escape(str(text))}</a>')


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Any:
    """Links from the speaker, acronym and article lists; counts with separators."""
    if table not in ("speakers", "acronyms", "article_list") or not _ours(datasette, database):
        return None
    links = _links(datasette, database)
    if table == "speakers" and column == "speaker" and value:
        return _link(links["speaker"](value), value)
    if table == "acronyms" and column == "short" and value:
        return _link(links["acronym"](value), value)
    if table == "article_list" and column == "title" and value:
        return _link(links["article"](row["id"]), value)
    if column in ("quotes", "articles") and isinstance(value, int):
        return _count(value)
    return None


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Any], Any] | None:
    """Redirect a table page of the browser's database to its address without the
    parameters it cannot answer (see
    :func:`~seedcorpus.default_plugins.browser.addresses.cleaned_query`)."""
    name = _ours(datasette)
    if name is None:
        return None
    columns: dict[str, list[str]] = {}  # the database is immutable: read them once

    async def redirect(scope: dict[str, Any]) -> str | None:
        path = scope.get("path", "")
        for table in TABLES:
            base = datasette.urls.table(name, table)
            if path in (base, f"{base}.json", f"{base}.csv"):
                break
        else:
            return None
        if table not in columns:
            columns[table] = await datasette.get_database(name).table_columns(table)
        query = scope["query_string"].decode("latin-1")
        cleaned = cleaned_query(query, columns[table], view=table in VIEWS)
        if cleaned is None:
            return None
        return f"{path}?{cleaned}" if cleaned else str(path)

    def wrap(app: Any) -> Any:
        async def wrapped(scope: dict[str, Any], receive: Any, send: Any) -> None:
            location = None
            if scope.get("type") == "http" and scope.get("query_string"):
                location = await redirect(scope)
            if location is None:
                await app(scope, receive, send)
                return
            headers = [(b"location", location.encode("latin-1")), (b"content-length", b"0")]
            await send({"type": "http.response.start", "status": 302, "headers": headers})
            await send({"type": "http.response.body", "body": b""})

        return wrapped

    return wrap


@hookimpl
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    """Errors on the browser's HTML pages as its own page (JSON keeps datasette's)."""
    name = _ours(datasette)
    if name is None or request is None or request.path.endswith(".json"):
        return None

    async def inner() -> Any:
        from datasette import Response
        from datasette.utils.asgi import Base400
        from datasette.views.base import DatasetteError

        title = None
        if isinstance(exception, Base400):
            status, message = exception.status, str(exception.args[0])
        elif isinstance(exception, DatasetteError):
            status, message, title = exception.status, str(exception.message), exception.title
        else:
            status, message = 500, str(exception)
            traceback.print_exception(exception, file=sys.stderr)
        home = datasette.urls.database(name)
        inside = request.path == home or request.path.startswith(f"{home}/")
        page = await datasette.render_template(
            "_seedcorpus_error.html",
            {
                "seedcorpus_error": error_page(status, message, title),
                "database": name if inside else None,
            },
            request=request,
        )
        return Response.html(page, status=status)

    return inner
