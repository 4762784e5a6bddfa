"""The ``antara`` parser and layout writer: ANTARA news articles as plain text.

The layout, in blocks separated by blank lines::

    RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik

    id Kementerian PANRB,Abdullah Azwar Anas

    RI-Azerbaijan memperkuat kerja sama akselerasi pelayanan publik

    Menteri PANRB ... Senin (1/7/2024). ANTARA/HO-Humas Kementerian PANRB

    Jakarta (ANTARA) - Indonesia dan Azerbaijan memperkuat kerja sama ...

    Sebelumnya, kerja sama kedua negara ini telah terjalin sejak 2017 ...

    Berita ini telah tayang di Antaranews.com dengan judul: Indonesia-Azerbaijan ...
    Pewarta :
    Editor: Herry Soebanto
    COPYRIGHT © ANTARA 2024

Real files render the same article many ways (page text starting at the dateline, AMP
pages with a date line, single-newline paragraphs, trailers, desk codes; see the
documentation's "ANTARA layout" page). :func:`parse_antara` classifies each line by its
shape and its neighbours, then assembles the article (in the private module ``_antara_reader``);
:func:`format_antara` writes the plain layout.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import timedelta
from pathlib import Path

from cattrs import Converter

from seedcorpus.default_plugins._antara_dates import MONTH_NAMES, ZONES
from seedcorpus.default_plugins._antara_reader import Reader
from seedcorpus.hookspecs import hookimpl
from seedcorpus.manifest import INDEX_NAME, path_problem, sha256_hex, write_manifest
from seedcorpus.models import Article, Dateline, Manifest, ManifestEntry
from seedcorpus.specs import Document, ExporterSpec, ParserSpec

__all__ = [
    "format_antara",
    "parse_antara",
    "seedcorpus_exporters",
    "seedcorpus_parsers",
    "write_antara",
]

_ZONE_NAMES = {timedelta(hours=hours): name for name, hours in ZONES.items()}


def parse_antara(document: Document) -> Article:
    """Read one article in any rendering of the ANTARA layout.

    Every field found gets a :class:`~seedcorpus.models.FieldSpan` in ``source.spans``
    (``published_at`` spans the date line or trailer without its view count, ``signoff``
    the desk code, ``summary`` a lead glued before the dateline); every arrangement that
    is not the plain layout (no title, a repeated title that differs, a second
    ``Editor:`` line, text after the footer ...) is listed in ``problems``.

    :raises ~seedcorpus.errors.ParseError: if the text has neither a title nor a body
        (empty, whitespace, only footer lines); it names the line.
    """
    return Reader(document).read()


def format_antara(article: Article) -> str:
    """Write ``article`` in the ANTARA text layout; :func:`parse_antara` reads it back.

    ``Baca juga:`` links are written as blocks of their own after the body, the sign-off
    after the last paragraph. Tags are written only with a language, since the tag line
    starts with the language code. ``published_at`` is written as a date line under the
    title when its offset is WIB, WITA or WIT (the zones the layout prints). Spans,
    problems and enrichments are not part of the layout.
    """
    blocks = [article.title or ""]
    if article.language is not None:
        blocks.append(" ".join([article.language, ",".join(article.tags)]).rstrip())
    moment = article.published_at
    zone = None if moment is None else _ZONE_NAMES.get(moment.utcoffset() or timedelta(0))
    if moment is not None and zone is not None and moment.second == moment.microsecond == 0:
        month = MONTH_NAMES[moment.month - 1]
        blocks.append(f"{moment.day} {month} {moment.year} {moment:%H:%M} {zone}")
    blocks.append(article.title or "")
    if article.caption is not None:
        caption = article.caption
        blocks.append(" ".join(part for part in (caption.text, caption.credit) if part))
    body = list(article.paragraphs)
    if article.dateline is not None:
        opening = _format_dateline(article.dateline)
        blocks.append(f"{opening} {body.pop(0)}" if body else opening)
    blocks.extend(body)
    if article.signoff is not None:
        blocks.append(article.signoff)
    blocks.extend(f"Baca juga: {title}" for title in article.related)
    footer = []
    if article.syndication is not None:
        syndication = article.syndication
        footer.append(
            f"Berita ini telah tayang di {syndication.site} "
            f"dengan judul: {syndication.original_title}".rstrip()
        )
    if article.byline.reporter is not None:
        footer.append(f"Pewarta: {article.byline.reporter}")
    if article.byline.editor is not None:
        footer.append(f"Editor: {article.byline.editor}")
    if article.copyright is not None:
        footer.append(f"COPYRIGHT © {article.copyright.holder} {article.copyright.year}")
    if footer:
        blocks.append("\n".join(footer))
    return "\n\n".join(block for block in blocks if block) + "\n"


def _format_dateline(dateline: Dateline) -> str:
    place = ", ".join(part for part in (dateline.city, dateline.region, dateline.date) if part)
    return f"{place} ({dateline.agency}) -"


def write_antara(articles: Iterable[Article], destination: Path, converter: Converter) -> None:
    """Write a corpus folder: each article in the ANTARA layout, and an ``INDEX.md``.

    An article keeps its source path when that is a safe, unused relative path;
    otherwise it is written as ``<id>.txt``.
    """
    destination.mkdir()
    entries = []
    used: set[str] = set()
    for article in articles:
        path = article.source.path
        if path_problem(path) is not None or path in used or path == INDEX_NAME:
            path = f"{article.id}.txt"
        if path_problem(path) is not None or path in used:
            raise ValueError(f"article {article.id!r} has no safe, unique file name")
        used.add(path)
        data = format_antara(article).encode("utf-8")
        target = destination / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        entries.append(
            ManifestEntry(
                file=path,
                id=article.id,
                sha256=sha256_hex(data),
                title=article.title,
                language=article.language,
                parser="antara",
            )
        )
    write_manifest(Manifest(entries=tuple(entries)), destination)


@hookimpl
def seedcorpus_exporters() -> Iterator[ExporterSpec]:
    """Provide the ``antara`` exporter: a corpus folder in the ANTARA layout."""
    yield ExporterSpec(
        name="antara",
        write=write_antara,
        directory=True,
        description="A corpus folder: articles in the ANTARA text layout plus INDEX.md",
    )


# What sniffing looks for in a file's first bytes: a tag line as the second line, or an
# agency in parentheses (a dateline) anywhere.
_SNIFF_TAG_LINE = re.compile(r"[^\S\r\n]*[a-z]{2}(?:[^\S\r\n]+[^\r\n]*)?")
_SNIFF_AGENCY = re.compile(r"\((?i:\s*antara)")


def sniff_antara(head: bytes) -> bool:
    """Whether a file's first bytes look like the ANTARA layout: a title followed by a
    tag line, or an ANTARA dateline. Markup (JSON, HTML, XML) never does.

    >>> sniff_antara(b"Judul\\n\\nid Tag,Lain\\n\\nJudul\\n")
    True
    >>> sniff_antara(b'{"title": "Jakarta (ANTARA) - ..."}')
    False
    """
    utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))  # a BOM; else ASCII shows in UTF-8
    text = head.decode("utf-16" if utf16 else "utf-8", "replace").lstrip("\ufeff \t\r\n")
    if not text or text[0] in "{[<":
        return False
    lines = [line for line in text.splitlines()[:40] if line.strip()]
    if len(lines) > 1 and _SNIFF_TAG_LINE.fullmatch(lines[1]):
        return True
    return _SNIFF_AGENCY.search(text) is not None


@hookimpl
def seedcorpus_parsers() -> Iterator[ParserSpec]:
    """Provide the ``antara`` parser: it claims ``*.txt`` files, and sniffs the layout
    where another parser claims them too."""
    yield ParserSpec(
        name="antara",
        parse=parse_antara,
        description="ANTARA news articles in their plain-text layout (title, tags, body, footer)",
        version="3",
        patterns=("*.txt",),
        sniff=sniff_antara,
    )
