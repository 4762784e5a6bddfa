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

:func:`parse_antara` reads it, with the variants and the damage of scraped copies that
the documentation's "ANTARA layout" page lists; :func:`format_antara` writes it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs
from cattrs import Converter

from seedcorpus.errors import ParseError
from seedcorpus.hookspecs import hookimpl
from seedcorpus.manifest import INDEX_NAME, path_problem, sha256_hex, write_manifest
from seedcorpus.models import (
    Article,
    Byline,
    Caption,
    Copyright,
    Dateline,
    FieldSpans,
    Manifest,
    ManifestEntry,
    Problem,
    Syndication,
)
from seedcorpus.specs import Document, ExporterSpec, ParserSpec
from seedcorpus.text import normalize, split_names

__all__ = [
    "format_antara",
    "parse_antara",
    "seedcorpus_exporters",
    "seedcorpus_parsers",
    "write_antara",
]

# Only these end a line. The other characters str.splitlines() breaks at (U+2028, form
# feed, ...) turn up inside scraped paragraphs, where normalize() makes them a space.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NON_SPACE = re.compile(r"\S")
# Whitespace inside a line, U+00A0 included: keys may be spaced with it in scraped copies.
_H = r"[^\S\r\n]"

_TAG_LINE = re.compile(rf"{_H}*(?P<language>[a-z]{{2}})(?:{_H}+(?P<tags>[^\r\n]*))?\s*\Z")

# A place name: letters, spaces, dots, hyphens, apostrophes; no digits or commas. The
# bounded lazy repetition keeps a failed match cheap on an ordinary paragraph.
_PLACE = r"[^\W\d_](?:[^\W\d_]|[^\S\r\n]|[.'’\-]){0,60}?"
_DATELINE = re.compile(
    rf"\s*(?P<city>{_PLACE})"
    rf"(?:\s*,\s*(?P<region>{_PLACE}))?"
    r"(?:\s*,\s*(?P<date>[0-9]{1,2}(?:/[0-9]{1,2}(?:/[0-9]{2,4})?"
    r"|\s+[^\W\d_]{3,12}\.?(?:\s+[0-9]{4})?)))?"
    r"\s*\(\s*(?P<agency>(?i:antara)[^()\r\n]{0,60}?)\s*\)"
    r"\s*(?:-{1,2}|[–—]{1,2})"
)
# Datelines are short: "(ANTARA" comes within this many characters of the block's start.
_DATELINE_REACH = 300
_DATELINE_HINT = re.compile(r"\((?i:\s*antara)")

# The start of a photo credit: ANTARA/, ANTARA FOTO/, Antaranews/, ANTARA News/ ...
_CREDIT_HEAD = re.compile(r"(?<![\w/])(?i:antara)(?:\s*(?i:foto|news))?\s*/")
# A longer "credit" is a sentence that happens to mention ANTARA/..., not a credit.
_MAX_CREDIT = 100

_LINK = re.compile(rf"(?:Baca|BACA){_H}+(?:juga|Juga|JUGA){_H}*:")
# Where the title of a link glued into a paragraph ends: a word of two lower-case letters
# or more, maybe capitalized (so "iPhone" survives, "TikTok" does not), a digit or closing
# punctuation, directly followed by a capitalized word or an opening quote:
# "Baca juga: Kerja sama dengan AzerbaijanAnas menambahkan ...".
_GLUE = re.compile(r"(?:(?<![^\W\d_])[A-Z]?[a-z]{2,}|[0-9]|[.!?”’)])(?=[A-Z][a-z]|[\"“][A-Z])")

_FOOTER_KEY = re.compile(
    rf"(?P<syndication>Berita{_H}+ini{_H}+telah{_H}+tayang{_H}+di)"
    rf"|(?P<reporter>(?:Pewarta|PEWARTA){_H}*:)"
    rf"|(?P<editor>(?:Editor|EDITOR){_H}*:)"
    rf"|(?P<copyright>(?:COPYRIGHT|Copyright){_H}*(?:©|Â©|\([cC]\)))"
)
# Keys distinctive enough to split off a footer glued to the end of the last paragraph.
# "Editor:" is left out: it may end a sentence of the body.
_GLUED_FOOTER_KEY = re.compile(
    rf"Berita{_H}+ini{_H}+telah{_H}+tayang{_H}+di"
    rf"|(?:Pewarta|PEWARTA){_H}*:"
    rf"|(?:COPYRIGHT|Copyright){_H}*(?:©|Â©|\([cC]\))"
)
_SYNDICATION_TITLE = re.compile(rf"dengan{_H}+judul{_H}*:?")
_YEAR_AT_END = re.compile(r"(?<![0-9])[0-9]{4}\Z")
_YEAR_AT_START = re.compile(r"[0-9]{4}(?![0-9])")

_FOOTER_LABELS = {
    "syndication": "Berita ini telah tayang",
    "reporter": "Pewarta",
    "editor": "Editor",
    "copyright": "COPYRIGHT",
}

_Range = tuple[int, int]


@attrs.define
class _Block:
    """A run of non-blank lines: offsets into the text and the number of its first line."""

    start: int
    end: int
    line: int
    lines: list[_Range]


def parse_antara(document: Document) -> Article:
    """Read one article in the ANTARA text layout.

    Every field found gets a :class:`~seedcorpus.models.FieldSpan` in ``source.spans``;
    what could be read past (a repeated title that differs, a second ``Editor:`` line,
    an unreadable copyright line) is listed in ``problems``.

    :raises ~seedcorpus.errors.ParseError: if the text is empty or has no title; it names
        the line.
    """
    return _Reader(document).read()


def format_antara(article: Article) -> str:
    """Write ``article`` in the ANTARA text layout; :func:`parse_antara` reads it back.

    ``Baca juga:`` links are written as blocks of their own after the body. Tags are
    written only with a language, since the tag line starts with the language code.
    Spans, problems and enrichments are not part of the layout.
    """
    blocks = [article.title]
    if article.language is not None:
        blocks.append(" ".join([article.language, ",".join(article.tags)]).rstrip())
    blocks.append(article.title)
    if article.caption is not None:
        caption = article.caption
        blocks.append(" ".join(part for part in (caption.text, caption.credit) if part))
    body = list(article.paragraphs)
    if article.dateline is not None:
        opening = _format_dateline(article.dateline)
        blocks.append(f"{opening} {body.pop(0)}" if body else opening)
    blocks.extend(body)
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


# What sniff_antara looks for: a tag line ("id tag,tag") as the second non-blank line, or
# an ANTARA dateline's "(ANTARA" anywhere in the first bytes.
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
        version="2",
        patterns=("*.txt",),
        sniff=sniff_antara,
    )


def _line_ranges(text: str) -> list[_Range]:
    """The ``(start, end)`` of every line, line breaks excluded."""
    if "\r" not in text:  # the usual case, and much faster than the regular expression
        ranges, start = [], 0
        for line in text.split("\n"):
            ranges.append((start, start + len(line)))
            start += len(line) + 1
        return ranges
    ranges, start = [], 0
    for line_break in _LINE_BREAK.finditer(text):
        ranges.append((start, line_break.start()))
        start = line_break.end()
    ranges.append((start, len(text)))
    return ranges


def _format_dateline(dateline: Dateline) -> str:
    place = ", ".join(part for part in (dateline.city, dateline.region, dateline.date) if part)
    return f"{place} ({dateline.agency}) -"


def _similar(candidate: str, title: str) -> bool:
    """Whether ``candidate`` shares at least half its words (and the title's) with ``title``."""
    words, title_words = set(candidate.casefold().split()), set(title.casefold().split())
    return 2 * len(words & title_words) >= max(len(words), len(title_words))


class _Reader:
    """One parse of one document: the text, and the spans and problems found so far."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        # Each field's name, and its start and end: Source.spans stores them so.
        self.span_fields: list[str] = []
        self.span_offsets: list[int] = []
        self.problems: list[Problem] = []
        # Most articles have no "Baca juga" link: then no paragraph needs looking at for one.
        self.has_links = _LINK.search(self.text) is not None

    # --- helpers ---------------------------------------------------------------------

    def trim(self, start: int, end: int) -> _Range:
        """Shrink ``start:end`` to its first and last non-whitespace characters."""
        segment = self.text[start:end]
        left = segment.lstrip()
        start += len(segment) - len(left)
        return start, start + len(left.rstrip())

    def value(self, field: str, start: int, end: int) -> str:
        """The normalized text of ``start:end``, recording its span when it is not empty."""
        # Inlined trim() and normalize(): this runs for every field of every article.
        segment = self.text[start:end]
        words = segment.split()
        if not words:
            return ""
        left = start + len(segment) - len(segment.lstrip())
        self.span(field, left, start + len(segment.rstrip()))
        value = " ".join(words)
        # NFC works within words (whitespace never composes), so joining first is the same.
        return value if unicodedata.is_normalized("NFC", value) else normalize(value)

    def names(self, field: str, start: int, end: int) -> str | None:
        """A list of names as printed (``A dan B``), with its span; ``None`` if it names
        nobody (empty, or only separators)."""
        if not split_names(self.text[start:end]):
            return None
        return self.value(field, start, end)

    def span(self, field: str, start: int, end: int) -> None:
        """Record that ``field`` was read from ``start:end``."""
        self.span_fields.append(field)
        self.span_offsets += (start, end)

    def problem(self, code: str, message: str, line: int) -> None:
        """Record something wrong that does not stop the parse."""
        self.problems.append(Problem(code, message, path=self.document.source.path, line=line))

    def error(self, message: str, line: int) -> ParseError:
        """The error for a text that is not an article."""
        return ParseError(message, path=self.document.source.path, line=line)

    def starts_with(self, pattern: re.Pattern[str], block: _Block) -> re.Match[str] | None:
        """``pattern`` matched at the first non-blank character of ``block``."""
        first = _NON_SPACE.search(self.text, block.start, block.end)
        return None if first is None else pattern.match(self.text, first.start(), block.end)

    def dateline_match(self, block: _Block) -> re.Match[str] | None:
        """The dateline that opens ``block``, if it has one."""
        # A failed match of the full pattern costs as much as normalizing the paragraph;
        # the "(ANTARA" it needs, near the start, is found far faster.
        hint_end = min(block.end, block.start + _DATELINE_REACH)
        if _DATELINE_HINT.search(self.text, block.start, hint_end) is None:
            return None
        return _DATELINE.match(self.text, block.start, block.end)

    # --- the layout, top to bottom -----------------------------------------------------

    def read(self) -> Article:
        """Parse the whole document."""
        text = self.text
        lines = _line_ranges(text)
        footer, last = self.footer_lines(lines)
        blocks: list[_Block] = []
        previous_blank = True
        for index in range(last + 1):
            start, end = lines[index]
            if start == end or text[start:end].isspace():
                previous_blank = True
            elif previous_blank:
                blocks.append(_Block(start, end, index + 1, [(start, end)]))
                previous_blank = False
            else:
                blocks[-1].end = end
                blocks[-1].lines.append((start, end))
        if len(blocks) == 1 and len(blocks[0].lines) > 1:
            # No blank line at all: rather than make the whole file the title, read each
            # line as a block (the layout's blocks are one line each).
            only = blocks[0]
            self.problem(
                "no-blank-lines", "no blank lines; each line was read as a block", only.line
            )
            blocks = [_Block(s, e, only.line + n, [(s, e)]) for n, (s, e) in enumerate(only.lines)]
        if len(blocks) > 1:
            # A footer glued to the end of the last paragraph: "... kata dia.Pewarta: X".
            start, end = lines[last]
            glued = _GLUED_FOOTER_KEY.search(text, start, end)
            if glued is not None:
                footer.insert(0, (glued.start(), end, last + 1))
                blocks[-1].end = glued.start()
                blocks[-1].lines[-1] = (start, glued.start())

        if not blocks:
            if footer:
                raise self.error("no title: the file has only footer lines", footer[0][2])
            raise self.error(
                "the file is empty" if not text else "the file has only whitespace", 1
            )
        if self.dateline_match(blocks[0]):
            raise self.error("no title: the file starts with the body's dateline", blocks[0].line)
        if self.starts_with(_LINK, blocks[0]):
            raise self.error("no title: the file starts with a 'Baca juga' link", blocks[0].line)

        title = self.value("title", blocks[0].start, blocks[0].end)
        language, tags, rest = self.tag_line(title, blocks[1:])
        caption, dateline, paragraphs, related = self.body(title, rest)
        syndication, byline, copyright = self.footer(footer)
        return Article(
            id=self.document.id,
            source=attrs.evolve(
                self.document.source,
                spans=FieldSpans.from_lists(self.span_fields, self.span_offsets),
            ),
            title=title,
            language=language,
            tags=tags,
            caption=caption,
            dateline=dateline,
            paragraphs=paragraphs,
            related=related,
            syndication=syndication,
            byline=byline,
            copyright=copyright,
            problems=tuple(self.problems),
        )

    def footer_lines(self, lines: list[_Range]) -> tuple[list[tuple[int, int, int]], int]:
        """The footer lines at the end, as ``(start of first key, end, line number)`` in
        order, and the index of the last line before them (-1 if there is none)."""
        footer: list[tuple[int, int, int]] = []
        index = len(lines) - 1
        while index >= 0:
            start, end = lines[index]
            first = _NON_SPACE.search(self.text, start, end)
            if first is not None:
                if _FOOTER_KEY.match(self.text, first.start(), end) is None:
                    break
                footer.append((first.start(), end, index + 1))
            index -= 1
        footer.reverse()
        return footer, index

    def tag_line(
        self, title: str, blocks: list[_Block]
    ) -> tuple[str | None, tuple[str, ...], list[_Block]]:
        """Language and tags from the block after the title, if it is a tag line; and the
        blocks after it."""
        if not blocks or normalize(self.text[blocks[0].start : blocks[0].end]) == title:
            return None, (), blocks
        match = _TAG_LINE.match(self.text, blocks[0].start, blocks[0].end)
        if match is None or self.dateline_match(blocks[0]) or self.credit(blocks[0]):
            return None, (), blocks
        language = self.value("language", *match.span("language"))
        tags: list[str] = []
        if match["tags"] is not None:
            position, end = match.span("tags")
            while position <= end:
                comma = self.text.find(",", position, end)
                stop = end if comma < 0 else comma
                tag = self.value(f"tags.{len(tags)}", position, stop)
                if tag:
                    tags.append(tag)
                position = stop + 1
        return language, tuple(tags), blocks[1:]

    def body(
        self, title: str, blocks: list[_Block]
    ) -> tuple[Caption | None, Dateline | None, tuple[str, ...], tuple[str, ...]]:
        """Title repeat, caption, dateline, paragraphs and links, from the blocks between
        the tag line and the footer."""
        # The body starts at the first block that opens with a dateline. In the layout it
        # is preceded by at most the repeated title and the caption (links aside), so
        # only the first three other blocks are looked at: a later paragraph quoting a
        # dateline must not turn the paragraphs before it into captions.
        heads: list[int] = []
        dateline_at, dateline_match = -1, None
        for index, block in enumerate(blocks):
            if self.starts_with(_LINK, block):
                continue
            dateline_match = self.dateline_match(block)
            if dateline_match is not None:
                dateline_at = index
                break
            heads.append(index)
            if len(heads) == 3:
                break

        repeat = caption_at = -1
        credits = {index: self.credit(blocks[index]) for index in heads[:2]}
        if dateline_at >= 0:
            # Before the dateline, position decides: repeat, then caption, whatever they say.
            if heads and credits[heads[0]] is None:
                repeat = heads.pop(0)
            if heads:
                caption_at = heads[0]
        else:
            # No dateline: the repeat must look like the title, the caption have a credit.
            if heads and credits[heads[0]] is None:
                candidate = blocks[heads[0]]
                if _similar(normalize(self.text[candidate.start : candidate.end]), title):
                    repeat = heads.pop(0)
            if heads and credits.get(heads[0]) is not None:
                caption_at = heads[0]

        if repeat >= 0:
            block = blocks[repeat]
            repeated = normalize(self.text[block.start : block.end])
            if repeated != title:
                self.problem(
                    "title-mismatch", f"the repeated title differs: {repeated!r}", block.line
                )
        caption = None
        if caption_at >= 0:
            block = blocks[caption_at]
            found = credits[caption_at]
            text_range, credit_range = found or ((block.start, block.end), (0, 0))
            caption_text = self.value("caption.text", *text_range)
            credit = self.value("caption.credit", *credit_range) if found else None
            caption = Caption(caption_text, credit or None)

        dateline = None
        paragraphs: list[str] = []
        related: list[str] = []
        for index, block in enumerate(blocks):
            if index in (repeat, caption_at):
                continue
            start = block.start
            if index == dateline_at and dateline_match is not None:
                dateline = self.dateline(dateline_match)
                start = dateline_match.end()
            self.paragraph(block, start, paragraphs, related)
        return caption, dateline, tuple(paragraphs), tuple(related)

    def credit(self, block: _Block) -> tuple[_Range, _Range] | None:
        """If ``block`` ends with a photo credit: the ranges of the caption text and of the
        credit (without its parentheses)."""
        text = self.text
        start, end = self.trim(block.start, block.end)
        heads = list(_CREDIT_HEAD.finditer(text, start, end))
        if not heads:
            return None
        head = heads[-1]  # the credit closes the caption, after any ANTARA/... it quotes
        credit_start = text_end = head.start()
        credit_end = end
        if text[end - 1] == ")" and text.find("(", head.end(), end) < 0:
            opening = text.rfind("(", start, credit_start)
            if opening >= 0 and text.find(")", opening, end - 1) < 0:
                credit_start, credit_end, text_end = opening + 1, end - 1, opening
        if credit_end - credit_start > _MAX_CREDIT:
            return None
        return (start, text_end), (credit_start, credit_end)

    def dateline(self, match: re.Match[str]) -> Dateline:
        """The dateline's parts; its region and date are optional."""
        return Dateline(
            city=self.value("dateline.city", *match.span("city")),
            agency=self.value("dateline.agency", *match.span("agency")),
            region=self.value("dateline.region", *match.span("region"))
            if match["region"]
            else None,
            date=self.value("dateline.date", *match.span("date")) if match["date"] else None,
        )

    def paragraph(
        self, block: _Block, start: int, paragraphs: list[str], related: list[str]
    ) -> None:
        """Add the paragraph in ``block`` from ``start`` (if any text is left once the
        ``Baca juga`` links are cut out) to ``paragraphs``, and the links to ``related``."""
        text = self.text
        if not self.has_links or _LINK.search(text, start, block.end) is None:
            paragraph = self.value(f"paragraphs.{len(paragraphs)}", start, block.end)
            if paragraph:
                paragraphs.append(paragraph)
            return
        cuts: list[_Range] = []
        for line_start, line_end in block.lines:
            if line_end > start:
                self.links(max(line_start, start), line_end, cuts, related)
        pieces: list[_Range] = []
        for piece_start, piece_end in [*cuts, (block.end, block.end)]:
            piece = self.trim(start, piece_start)
            if piece[0] < piece[1]:
                pieces.append(piece)
            start = piece_end
        if not pieces:
            return
        # One span per field: with a link cut out of the middle, the span runs from the
        # paragraph's first character to its last and contains the link too.
        self.span(f"paragraphs.{len(paragraphs)}", pieces[0][0], pieces[-1][1])
        paragraphs.append(" ".join(normalize(text[s:e]) for s, e in pieces))

    def links(self, start: int, end: int, cuts: list[_Range], related: list[str]) -> None:
        """Find the ``Baca juga:`` links in one line: add the range each takes up to
        ``cuts`` and its title to ``related``.

        A link on a line of its own (or after another such link) runs to the end of the
        line or the next link. A link inside a paragraph's text runs to where the next
        sentence is glued on (see ``_GLUE``), as scraped copies print it.
        """
        keys = list(_LINK.finditer(self.text, start, end))
        previous, own_line = start, True
        for number, key in enumerate(keys):
            own_line = own_line and _NON_SPACE.search(self.text, previous, key.start()) is None
            title_end = keys[number + 1].start() if number + 1 < len(keys) else end
            if not own_line:
                glue = _GLUE.search(self.text, key.end(), title_end)
                if glue is not None:
                    title_end = glue.end()
            cuts.append((key.start(), title_end))
            title = self.value(f"related.{len(related)}", key.end(), title_end)
            if title:
                related.append(title)
            previous = title_end

    def footer(
        self, lines: list[tuple[int, int, int]]
    ) -> tuple[Syndication | None, Byline, Copyright | None]:
        """The footer's fields, from its lines; several may be glued onto one line."""
        syndication = copyright = None
        reporter = editor = None
        seen: set[str] = set()
        for start, end, line in lines:
            keys = list(_FOOTER_KEY.finditer(self.text, start, end))
            for number, key in enumerate(keys):
                kind = key.lastgroup or ""
                value_end = keys[number + 1].start() if number + 1 < len(keys) else end
                if kind in seen:
                    ignored = normalize(self.text[key.start() : value_end])
                    self.problem(
                        "duplicate-footer",
                        f"a second {_FOOTER_LABELS[kind]} line was ignored: {ignored!r}",
                        line,
                    )
                    continue
                seen.add(kind)
                if kind == "syndication":
                    syndication = self.syndication(key.end(), value_end)
                elif kind == "reporter":
                    reporter = self.names("byline.reporters", key.end(), value_end)
                elif kind == "editor":
                    editor = self.names("byline.editors", key.end(), value_end)
                else:
                    copyright = self.copyright(key.end(), value_end, line)
        return syndication, Byline.from_text(reporter, editor), copyright

    def syndication(self, start: int, end: int) -> Syndication:
        """``<site> dengan judul: <original title>``."""
        judul = _SYNDICATION_TITLE.search(self.text, start, end)
        site_end, title_start = (end, end) if judul is None else judul.span()
        return Syndication(
            site=self.value("syndication.site", start, site_end),
            original_title=self.value("syndication.original_title", title_start, end),
        )

    def copyright(self, start: int, end: int, line: int) -> Copyright | None:
        """``<holder> <year>`` (or ``<year> <holder>``); ``None`` and a problem otherwise."""
        start, end = self.trim(start, end)
        year = _YEAR_AT_END.search(self.text, start, end)
        if year is not None:
            holder = self.trim(start, year.start())
        else:
            year = _YEAR_AT_START.match(self.text, start, end)
            holder = (end, end) if year is None else self.trim(year.end(), end)
        if year is None or holder[0] == holder[1]:
            shown = normalize(self.text[start:end])
            self.problem(
                "unreadable-copyright", f"no holder and year in the copyright: {shown!r}", line
            )
            return None
        return Copyright(
            holder=self.value("copyright.holder", *holder),
            year=int(self.value("copyright.year", *year.span())),
        )
