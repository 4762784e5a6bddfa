"""Addresses the browser's table pages cannot answer, and where to send them instead.

datasette reads every query parameter that does not start with ``_`` as a filter on a
column, and SQLite takes an unknown double-quoted column name for a string: a shared
link with ``?utm_source=x`` or a guessed ``?page=2`` lists no article at all. A sort on
an unknown column, or a page offset that is not a number, is an internal error (500).
:func:`cleaned_query` drops such parameters, so the page redirects to what it can show.

Plain Python (no datasette): the plugin's ``asgi_wrapper`` passes the columns in.
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import unquote_plus

__all__ = ["cleaned_query"]

_SORTS = ("_sort", "_sort_desc")


def _column(key: str) -> str:
    # As datasette's Filters reads a key: "column__lookup", split at the last "__".
    return key.rsplit("__", 1)[0] if "__" in key else key


def _offset(value: str) -> bool:
    return value.isascii() and value.isdigit()


def cleaned_query(query: str, columns: Collection[str], *, view: bool) -> str | None:
    """``query`` (a raw query string) without the parameters a table page with these
    ``columns`` cannot answer, or None if it has none.

    Dropped: a filter on an unknown column (``?page=2``, ``?utm_source=x``), a sort on an
    unknown column, and on a view (which datasette pages by offset) a ``_next`` that is
    not a whole number. Everything else is kept byte for byte, in its order.

    >>> cleaned_query("place=Jakarta&page=2&_next=x", ["place"], view=True)
    'place=Jakarta'
    >>> cleaned_query("tags__arraycontains=PBB&_sort=title", ["tags", "title"], view=True)
    """
    # A table (not a view) sorts and filters by its rowid too.
    known = set(columns) | (set() if view else {"rowid"})
    kept: list[str] = []
    dropped = False
    for piece in query.split("&"):
        if not piece:
            continue
        raw_key, _, raw_value = piece.partition("=")
        key, value = unquote_plus(raw_key), unquote_plus(raw_value)
        if key.startswith("_") and "__" not in key:
            bad = (key in _SORTS and value not in known) or (
                key == "_next" and view and not _offset(value)
            )
        else:
            bad = key not in known and _column(key) not in known
        if bad:
            dropped = True
        else:
            kept.append(piece)
    return "&".join(kept) if dropped else None
