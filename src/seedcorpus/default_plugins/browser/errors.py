"""The browser's error pages: what a reader sees for a bad address or a search that
takes too long.

datasette's own error page is rendered without the request, so it has no way home (an
empty header), none of the browser's style, and for a query over the time limit it
shows the SQL the reader never wrote. :func:`error_page` says the same in the browser's
words; the plugin's ``handle_exception`` renders it with the site's header, search box
and style. JSON requests keep datasette's JSON errors.

Plain Python (no datasette): the plugin passes the exception's parts in.
"""

from __future__ import annotations

import attrs

__all__ = ["ErrorPage", "error_page"]

_INTERRUPTED = "SQL Interrupted"

_TITLES = {
    400: "Cannot show this address",
    403: "Not allowed",
    404: "Nothing at this address",
}


@attrs.frozen
class ErrorPage:
    """What the error page says."""

    status: int
    """The HTTP status."""
    title: str
    """The page's heading."""
    message: str
    """What went wrong, as plain text."""


def error_page(status: int, message: str, title: str | None) -> ErrorPage:
    """The error page for an error with this ``status``, datasette's ``message`` and
    ``title``.

    >>> error_page(404, "Record not found", None).title
    'Nothing at this address'
    >>> error_page(400, "<p>SQL query took too long...", "SQL Interrupted").message
    'The search took too long. Fewer words, or a rarer word or phrase, answer faster.'
    """
    if title == _INTERRUPTED:
        return ErrorPage(
            status,
            "Too slow to answer",
            "The search took too long. Fewer words, or a rarer word or phrase, answer faster.",
        )
    heading = title or _TITLES.get(status, "Something went wrong")
    if status == 404:
        text = f"{message}. The address may be mistyped, or the article not in this corpus."
    elif status >= 500:
        text = f"The server could not show this page ({message})."
    else:
        text = message
    return ErrorPage(status, heading, text)
