"""seedcorpus-scraperjson: an example seedcorpus parser plugin.

It adds the ``scraperjson`` parser, through the same hook the built-in ``antara`` parser
uses. The parser reads news articles that a web scraper saved as JSON files, one article
a file, in this form (``docs/writing-a-parser.md`` describes every key)::

    {"format": "scraperjson/1",
     "url": "https://warta.example/ekonomi/2024/07/01/pelabuhan",
     "published": "2024-07-01T14:35:00+07:00",
     "section": "Ekonomi",
     "headline": "Pelabuhan Tanjung Priok menambah dermaga",
     "reporters": ["Ani Suryani", "Budi Santoso"],
     "editors": ["Citra Lestari"],
     "lang": "id",
     "tags": ["pelabuhan", "logistik"],
     "summary": "Dua dermaga baru mulai beroperasi bulan ini.",
     "image": {"src": "https://warta.example/img/dermaga.jpg",
               "caption": "Dermaga baru di Tanjung Priok.", "credit": "Warta/Dedi"},
     "body": ["Jakarta - Pelabuhan Tanjung Priok ...", "..."],
     "crawl": {"site": "warta.example", "page_id": "88121", "crawled_at": "2024-07-02T03:00:00Z"}}

The parser claims ``*.json`` files, and sniffs for the ``format`` key where another
parser claims them too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from seedcorpus import Article, Byline, Document, Image, ParseError, ParserSpec, Problem, hookimpl
from seedcorpus.text import normalize

__all__ = [
    "FORMAT",
    "parse_scraperjson",
    "seedcorpus_parsers",
    "sniff_scraperjson",
]

FORMAT = "scraperjson/1"
"""The value of the ``format`` key this parser reads."""

# The keys of the ``crawl`` object that become the article's metadata: what only this
# source has, kept as strings under these names.
_CRAWL_KEYS = ("site", "page_id", "crawled_at")


def _clean(value: str, key: str) -> str:
    """``value`` whitespace-normalized, as every text field of an article is.

    :raises ParseError: it holds a lone surrogate (JSON can escape one: ``"\\ud800"``),
        which is not text and cannot be written as UTF-8.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ParseError(f"{key!r} holds a lone surrogate, which is not text") from None
    return normalize(value)


def _text(data: dict[str, Any], key: str, where: str = "") -> str | None:
    """The string at ``key``, normalized; ``None`` if absent, null or blank.

    :raises ParseError: the value is not a string.
    """
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ParseError(f"{where}{key!r} must be a string, not {type(value).__name__}")
    return _clean(value, key) or None


def _texts(data: dict[str, Any], key: str) -> tuple[str, ...]:
    """The strings in the list at ``key``, normalized, blanks dropped.

    :raises ParseError: the value is not a list of strings.
    """
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ParseError(f"{key!r} must be a list of strings")
    return tuple(text for text in (_clean(item, key) for item in value) if text)


def _published(data: dict[str, Any], problems: list[Problem], path: str) -> datetime | None:
    """The publication time, if the file states one with its time zone.

    A time without a zone is not guessed at: it is left out, and a problem says so.
    """
    stamp = _text(data, "published")
    if stamp is None:
        return None
    try:
        published = datetime.fromisoformat(stamp)
    except ValueError:
        problems.append(Problem("bad-timestamp", f"'published' is not ISO 8601: {stamp!r}", path))
        return None
    if published.utcoffset() is None:
        message = f"'published' has no time zone, so it is left out: {stamp!r}"
        problems.append(Problem("no-time-zone", message, path))
        return None
    return published


def _image(data: dict[str, Any]) -> Image | None:
    value = data.get("image")
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ParseError(f"'image' must be an object, not {type(value).__name__}")
    image = Image(
        url=_text(value, "src", "image: "),
        caption=_text(value, "caption", "image: "),
        credit=_text(value, "credit", "image: "),
    )
    return image if image != Image() else None


def _metadata(data: dict[str, Any]) -> dict[str, str]:
    value = data.get("crawl")
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ParseError(f"'crawl' must be an object, not {type(value).__name__}")
    found = {key: _text(value, key, "crawl: ") for key in _CRAWL_KEYS}
    return {key: text for key, text in found.items() if text is not None}


def _load(text: str) -> dict[str, Any]:
    """The file's JSON object, checked to be one in this format."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError(f"not valid JSON: {error.msg}", line=error.lineno) from None
    except RecursionError:  # nested thousands deep: not an article
        raise ParseError("not valid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise ParseError(f"the file holds a JSON {type(data).__name__}, not an object")
    if data.get("format") != FORMAT:
        raise ParseError(f"'format' is {data.get('format')!r}, not {FORMAT!r}")
    return data


def parse_scraperjson(document: Document) -> Article:
    """Read one article saved by the scraper.

    :raises ~seedcorpus.errors.ParseError: the text is not a JSON object in this format,
        a key holds the wrong type, ``url`` is missing, or the body has no paragraph.
    """
    data = _load(document.text)
    path = document.source.path
    problems: list[Problem] = []
    url = _text(data, "url")
    if url is None:
        raise ParseError("'url' is missing: a scraped article always has its address")
    paragraphs = _texts(data, "body")
    if not paragraphs:
        raise ParseError("'body' has no paragraph")
    title = _text(data, "headline")
    if title is None:
        problems.append(Problem("no-title", "the article has no headline", path))
    return Article(
        id=document.id,
        source=document.source,
        language=_text(data, "lang"),
        title=title,
        url=url,
        published_at=_published(data, problems, path),
        section=_text(data, "section"),
        tags=_texts(data, "tags"),
        summary=_text(data, "summary"),
        image=_image(data),
        paragraphs=paragraphs,
        byline=Byline(reporters=_texts(data, "reporters"), editors=_texts(data, "editors")),
        metadata=_metadata(data),
        problems=tuple(problems),
    )


def sniff_scraperjson(head: bytes) -> bool:
    """Whether a file's first bytes look like this format: a JSON object that names it.

    seedcorpus asks only when another parser claims the file too.
    """
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") and b'"' + FORMAT.encode() + b'"' in head


@hookimpl
def seedcorpus_parsers() -> Iterator[ParserSpec]:
    """Provide the ``scraperjson`` parser: it claims ``*.json`` files."""
    yield ParserSpec(
        name="scraperjson",
        parse=parse_scraperjson,
        description="News articles saved by a web scraper as JSON (scraperjson/1)",
        patterns=("*.json",),
        sniff=sniff_scraperjson,
    )
