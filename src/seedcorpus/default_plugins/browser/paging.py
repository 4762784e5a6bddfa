"""Where a page of the article list is in the whole list, for its "101–200 of 3,001" and
its links to the first, previous and last pages.

datasette pages a view by offset (``?_next=100``) and links only the next page; a
reader also wants to know how far in they are, and to go back or to the end.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping

import attrs

__all__ = ["Paging", "first_page", "paging"]


@attrs.frozen
class Paging:
    """A page of a list, counted from 1."""

    start: int
    """The first item on the page (1 for the first item of the list)."""
    end: int
    """The last item on the page; ``start - 1`` on a page past the end."""
    total: int
    """Items in the whole list."""
    previous: int | None
    """The offset of the page before (the last page, from past the end), or None on the
    first page."""
    last: int | None
    """The offset of the last page, or None if this is it."""


def _whole(value: str | None) -> int | None:
    return int(value) if value is not None and value.isascii() and value.isdigit() else None


def paging(args: Mapping[str, str], total: int, default_size: int) -> Paging | None:
    """The page that ``args`` (the query parameters ``_next`` and ``_size``) select in a
    list of ``total`` items shown ``default_size`` at a time; None if all are shown.

    >>> paging({"_next": "100"}, 3001, 100)
    Paging(start=101, end=200, total=3001, previous=0, last=3000)
    >>> paging({"_next": "5000"}, 3001, 100)
    Paging(start=5001, end=3001, total=3001, previous=3000, last=None)
    >>> paging({}, 60, 100) is None
    True
    """
    if args.get("_size") == "max":
        return None
    size = _whole(args.get("_size")) or default_size
    offset = _whole(args.get("_next")) or 0
    if offset == 0 and total <= size:
        return None
    last = (total - 1) // size * size if total else 0
    return Paging(
        start=offset + 1,
        end=min(offset + size, total),
        total=total,
        previous=min(max(offset - size, 0), last) if offset > 0 else None,
        last=last if offset + size < total else None,
    )


def first_page(url: str) -> str:
    """``url`` without its page offset: a facet that narrows the list starts it again
    from the top (datasette's facet links keep the offset, which is past the end of a
    narrower list).

    >>> first_page("http://h/db/article_list?_next=2000&year=2020")
    'http://h/db/article_list?year=2020'
    """
    parts = urllib.parse.urlsplit(url)
    query = "&".join(
        piece for piece in parts.query.split("&") if piece.partition("=")[0] != "_next"
    )
    return urllib.parse.urlunsplit(parts._replace(query=query))
