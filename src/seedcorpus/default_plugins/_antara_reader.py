"""Reading one ANTARA text: classify its units, then assemble the article.

The text is cut into units: each non-blank line, with a hard-wrapped line joined to the
one before. Each unit gets a kind from its own shape (:mod:`._antara_lines`): footer key,
``Baca juga`` link, ``Tags:`` line, desk code, date line, page noise, or plain text.
Plain text gets its role from where it stands: the title is the first text before the
dateline paragraph, the tag line follows it, a caption ends with a photo credit, a text
followed by a date line after the body is a trailer, text after the footer is the page
repeating itself. Every arrangement that is not the plain layout is a problem.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

import attrs

from seedcorpus.default_plugins import _antara_lines as shape
from seedcorpus.errors import ParseError
from seedcorpus.models import (
    Article,
    Byline,
    Caption,
    Copyright,
    Dateline,
    FieldSpans,
    Problem,
    Syndication,
)
from seedcorpus.specs import Document
from seedcorpus.text import normalize

__all__ = ["Reader"]

_Range = tuple[int, int]

# Unit kinds, from a unit's own shape.
_TEXT, _FOOTER, _LINK, _TAGS, _SIGNOFF, _DATE, _NOISE = range(7)
# Roles, from a unit's neighbours: the kinds above but _TEXT, and these for text.
_TITLE, _TAG_LINE, _REPEAT, _CAPTION, _SUMMARY, _PARAGRAPH, _TRAILER, _AFTER = range(10, 18)

_FOOTER_LABELS = {
    "syndication": "Berita ini telah tayang",
    "reporter": "Pewarta",
    "editor": "Editor",
    "copyright": "COPYRIGHT",
}
# The first characters of every unit kind but plain text: footer keys, links, "Tags:",
# desk codes, date lines (a day or a weekday), script and markup.
_SPECIAL_FIRST = frozenset("BPECbcT(0123456789SRKJMAgwvf<")
# Text units before the dateline paragraph that are looked at: title, tag line, title
# again, caption, a lead. A dateline quoted further down is the story's, not the layout's.
_HEAD_REACH = 5
# A page repeats whole paragraphs; a short line printed twice ("Kerja.") may be meant.
_REPEAT_MIN = 40


@attrs.define
class _Unit:
    """A line, or lines wrapped from one paragraph: offsets of its first non-space
    character and its end, its first line's number, its blank-line block, its kind."""

    start: int
    end: int
    line: int
    block: int
    kind: int
    lines: list[_Range]
    role: int = -1


def _line_ranges(text: str) -> list[_Range]:
    """The ``(start, end)`` of every line, line breaks excluded."""
    if "\r" not in text:  # the usual case, and much faster than the regular expression
        ranges, start = [], 0
        for line in text.split("\n"):
            ranges.append((start, start + len(line)))
            start += len(line) + 1
        return ranges
    ranges, start = [], 0
    for line_break in shape.LINE_BREAK.finditer(text):
        ranges.append((start, line_break.start()))
        start = line_break.end()
    ranges.append((start, len(text)))
    return ranges


class Reader:
    """One parse of one document: the text, and the spans and problems found so far."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        # Each field's name, and its start and end: Source.spans stores them so.
        self.span_fields: list[str] = []
        self.span_offsets: list[int] = []
        self.problems: list[Problem] = []
        # Most articles have no "Baca juga" link: then no paragraph needs looking at for one.
        self.has_links = shape.LINK.search(self.text) is not None

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

    def plain(self, start: int, end: int) -> str:
        """The normalized text of ``start:end``, without recording a span."""
        value = " ".join(self.text[start:end].split())
        return value if unicodedata.is_normalized("NFC", value) else normalize(value)

    def span(self, field: str, start: int, end: int) -> None:
        """Record that ``field`` was read from ``start:end``."""
        self.span_fields.append(field)
        self.span_offsets += (start, end)

    def problem(self, code: str, message: str, line: int) -> None:
        """Record something unusual that does not stop the parse."""
        self.problems.append(Problem(code, message, path=self.document.source.path, line=line))

    def error(self, message: str, line: int) -> ParseError:
        """The error for a text that is not an article."""
        return ParseError(message, path=self.document.source.path, line=line)

    # --- cutting and classifying -----------------------------------------------------

    def units(self) -> tuple[list[_Unit], int]:
        """The text's units in order, and the number of blank-line blocks."""
        text = self.text
        units: list[_Unit] = []
        block, blank = 0, True
        scripts = shape.NOISE_WORD in text
        for index, (start, end) in enumerate(_line_ranges(text)):
            line = text[start:end]
            if not line or line.isspace():
                if not blank:
                    block += 1
                blank = True
                continue
            blank = False
            if line[0].isspace():
                start += len(line) - len(line.lstrip())
            if scripts:
                script = text.find("(" + shape.NOISE_WORD, start, end)
                if script > start:  # page script glued after the text: cut it off
                    self.problem("page-noise", "page script after the text was ignored", index + 1)
                    end = script
            first = text[start]
            kind = self.kind(start, end) if first in _SPECIAL_FIRST else _TEXT
            if (
                kind == _TEXT
                and first.islower()
                and len(units) > 2
                and units[-1].block == block
                and units[-1].kind == _TEXT
            ):
                previous = units[-1]
                last = text[previous.start : previous.end].rstrip()
                if last[-1] not in shape.TERMINAL:
                    # A hard-wrapped line goes on the paragraph it continues.
                    previous.end = end
                    previous.lines.append((start, end))
                    continue
            units.append(_Unit(start, end, index + 1, block, kind, [(start, end)]))
        return units, block + (not blank)

    def kind(self, start: int, end: int) -> int:
        """What a unit is from its shape alone."""
        text = self.text
        first = text[start]
        if first in "BPECbc" and shape.FOOTER_KEY.match(text, start, end):
            return _FOOTER
        if first in "Bb" and shape.LINK.match(text, start, end):
            return _LINK
        if first == "T" and shape.TAGS_KEY.match(text, start, end):
            return _TAGS
        if (
            first == "("
            and end - start < 100
            and shape.SIGNOFF_LINE.match(text, start, end)
            and not shape.CREDIT_HEAD.search(text, start, end)  # "(ANTARA FOTO/Name)"
        ):
            return _SIGNOFF
        if (
            end - start <= shape.DATE_LINE_REACH
            and (first.isdigit() or first in "SRKJMA")
            and shape.DATE_LINE.match(text, start, end)
        ):
            return _DATE
        if text.startswith(shape.NOISE_START, start, end):
            return _NOISE
        return _TEXT

    def credit(self, unit: _Unit) -> tuple[_Range, _Range] | None:
        """If ``unit`` ends with a photo credit: the ranges of the caption text and of the
        credit (without its parentheses)."""
        text = self.text
        end = unit.end
        while end > unit.start and text[end - 1].isspace():
            end -= 1
        window = max(unit.start, end - shape.CREDIT_REACH)
        # Most units are paragraphs: every credit has a slash or a closing parenthesis.
        if text[end - 1] != ")" and text.find("/", window, end) < 0:
            return None
        start = unit.start
        # The credit closes the caption, after any ANTARA/... it quotes: the last head.
        head = None
        for found in shape.CREDIT_HEAD.finditer(text, window, end):
            head = found
        if head is None or end - start > shape.MAX_CAPTION:
            return None
        credit_start = text_end = head.start()
        credit_end = end
        if text[end - 1] == ")" and text.find("(", head.end(), end) < 0:
            opening = text.rfind("(", start, credit_start)
            if opening >= 0 and text.find(")", opening, end - 1) < 0:
                credit_start, credit_end, text_end = opening + 1, end - 1, opening
        if credit_end - credit_start > shape.MAX_CREDIT:
            return None
        return (start, text_end), (credit_start, credit_end)

    def dateline_match(self, unit: _Unit) -> tuple[re.Match[str] | None, int]:
        """The dateline that opens ``unit``, if it has one, and where text glued in front
        of it ends (``unit.start`` when nothing is)."""
        text = self.text
        # A failed match of the full pattern costs as much as normalizing the paragraph;
        # the "(ANTARA" it needs, near the start, is found far faster.
        hint = shape.DATELINE_HINT.search(
            text, unit.start, min(unit.end, unit.start + shape.DATELINE_REACH)
        )
        if hint is None:
            return None, unit.start
        match = shape.DATELINE.match(text, unit.start, unit.end)
        if match is not None:
            return match, unit.start
        # Something glued in front: try the nearest end of a sentence or number first.
        ends = [m.end() for m in shape.PREFIX_END.finditer(text, unit.start, hint.start())]
        for prefix_end in reversed(ends):
            match = shape.DATELINE.match(text, prefix_end, unit.end)
            if match is not None:
                return match, prefix_end
        return None, unit.start

    # --- assembling ------------------------------------------------------------------

    def read(self) -> Article:
        """Parse the whole document."""
        units, blocks = self.units()
        if not units:
            raise self.error(
                "the file is empty" if not self.text else "the file has only whitespace", 1
            )
        if blocks == 1 and len(units) > 1:
            self.problem("no-blank-lines", "no blank lines; each line was read as a unit", 1)
        self.split_glued_footer(units)
        dateline_at, match, prefix_end = self.find_dateline(units)
        title_at = self.head(units, dateline_at, blocks)
        self.body(units, dateline_at)

        title = None
        if title_at >= 0:
            title = self.value("title", units[title_at].start, units[title_at].end)
        language: str | None = None
        tags: tuple[str, ...] = ()
        caption = dateline = signoff = summary = published_at = None
        paragraphs: list[str] = []
        related: list[str] = []
        footer: list[_Unit] = []
        seen: set[str] = set()
        signoff_cut = self.glued_signoff(units)
        for index, unit in enumerate(units):
            role = unit.role
            if role == _TAG_LINE:
                language, tags = self.tag_line(unit)
            elif role == _REPEAT and title is not None:
                repeated = self.plain(unit.start, unit.end)
                if repeated != title:
                    self.problem(
                        "title-mismatch", f"the repeated title differs: {repeated!r}", unit.line
                    )
            elif role == _CAPTION:
                caption = self.caption(unit, caption)
            elif role == _SUMMARY and summary is None:
                summary = self.value("summary", unit.start, unit.end) or None
            elif role == _PARAGRAPH:
                start, end = unit.start, unit.end
                if index == dateline_at and match is not None:
                    if prefix_end > unit.start:
                        summary = self.prefix(unit, prefix_end, summary)
                    dateline = self.dateline(match)
                    start = match.end()
                if signoff_cut is not None and signoff_cut[0] == index:
                    end = signoff_cut[1]
                    signoff = self.value("signoff", *signoff_cut[2])
                self.paragraph(unit, start, end, paragraphs, related, seen)
            elif role == _LINK:
                self.link_unit(unit, paragraphs, related, seen)
            elif role == _SIGNOFF:
                if signoff is None:
                    signoff = self.value("signoff", unit.start, unit.end)
                else:
                    self.problem("duplicate-signoff", "a second sign-off was ignored", unit.line)
            elif role == _DATE:
                published_at = self.date_line(unit, published_at)
            elif role == _TRAILER:
                title = self.trailer_title(unit, title)
            elif role == _TAGS and not tags:
                tags = self.tags_line(unit)
            elif role == _FOOTER:
                footer.append(unit)
        syndication, byline, copyright = self.footer(footer)
        if title is None:
            if not paragraphs:
                what = "footer lines" if footer else "no body"
                raise self.error(f"no title and no body: the file has {what}", units[0].line)
            self.problem("no-title", "the text has no title", units[0].line)
        return Article(
            id=self.document.id,
            source=attrs.evolve(
                self.document.source,
                spans=FieldSpans.from_lists(self.span_fields, self.span_offsets),
            ),
            title=title,
            language=language,
            published_at=published_at,
            tags=tags,
            summary=summary,
            caption=caption,
            dateline=dateline,
            paragraphs=tuple(paragraphs),
            signoff=signoff,
            related=tuple(related),
            syndication=syndication,
            byline=byline,
            copyright=copyright,
            problems=tuple(self.problems),
        )

    def split_glued_footer(self, units: list[_Unit]) -> None:
        """Split a footer glued to the end of the last paragraph: ``... kata dia.Pewarta: X``."""
        last = next((i for i, unit in enumerate(units) if unit.kind == _FOOTER), len(units)) - 1
        if last < 1 or units[last].kind not in (_TEXT, _LINK):
            return
        unit = units[last]
        start, end = unit.lines[-1]
        glued = shape.GLUED_FOOTER_KEY.search(self.text, max(start, unit.start + 1), end)
        if glued is None:
            return
        unit.end = glued.start()
        unit.lines[-1] = (start, glued.start())
        footer = _Unit(
            glued.start(), end, unit.line + len(unit.lines) - 1, unit.block, _FOOTER, []
        )
        footer.lines.append((glued.start(), end))
        units.insert(last + 1, footer)

    def find_dateline(self, units: list[_Unit]) -> tuple[int, re.Match[str] | None, int]:
        """The index of the unit that opens with the dateline (-1 if none), the match, and
        where text glued in front of it ends."""
        looked = 0
        for index, unit in enumerate(units):
            if unit.kind != _TEXT:
                continue
            match, prefix_end = self.dateline_match(unit)
            if match is not None:
                return index, match, prefix_end
            looked += 1
            if looked == _HEAD_REACH:
                break
        return -1, None, -1

    def head(self, units: list[_Unit], dateline_at: int, blocks: int) -> int:
        """Give roles to the text before the body: title, tag line, the title again,
        caption, a lead. Return the title's index (-1 if there is none)."""
        stop = dateline_at if dateline_at >= 0 else len(units)
        heads = [i for i in range(stop) if units[i].kind == _TEXT]
        if dateline_at < 0:
            heads = heads[:_HEAD_REACH]
        if (
            dateline_at > 0
            and heads
            and blocks > 1
            and heads[-1] == dateline_at - 1
            and units[heads[-1]].block == units[dateline_at].block
        ):
            # A pull-quote or lead sentence on the line before the dateline, in its block.
            lead = units[heads[-1]]
            value = self.plain(lead.start, lead.end)
            if value[0] in shape.QUOTES or (
                value[-1] in ".!?" and (len(heads) > 1 or not shape.title_shaped(value))
            ):
                lead.role = _SUMMARY
                heads.pop()
        if not heads:
            return -1
        first = units[heads[0]]
        value = self.plain(first.start, first.end)
        credits = {i: self.credit(units[i]) for i in heads[:4]}
        title_at = -1
        # A headline heads the page: text after a link or a desk code is body.
        body_before = any(units[i].kind in (_LINK, _SIGNOFF) for i in range(heads[0]))
        if (
            not body_before
            and credits[heads[0]] is None
            and (dateline_at >= 0 or shape.title_shaped(value) or self.repeated(units, heads))
        ):
            title_at = heads.pop(0)
            units[title_at].role = _TITLE
            if heads and heads[0] == title_at + 1:
                tag = units[heads[0]]
                tag_text = self.text[tag.start : tag.end]
                if (
                    credits.get(heads[0]) is None
                    and normalize(tag_text) != value
                    and shape.TAG_LINE.match(self.text, tag.start, tag.end)
                    and self.dateline_match(tag)[0] is None
                ):
                    tag.role = _TAG_LINE
                    heads.pop(0)
        elif dateline_at < 0:
            return -1  # body-first text: everything is body
        if dateline_at >= 0:
            # Before the dateline, position decides: the title again, then the caption.
            if heads and credits.get(heads[0]) is None:
                candidate = units[heads[0]]
                if (
                    len(heads) > 1
                    or title_at < 0
                    or shape.similar(self.plain(candidate.start, candidate.end), value)
                ):
                    candidate.role = _REPEAT
                    heads.pop(0)
            if heads:
                units[heads.pop(0)].role = _CAPTION
            for index in heads:
                units[index].role = _PARAGRAPH
        else:
            # No dateline: the title again must look like it, the caption have a credit.
            if heads and credits.get(heads[0]) is None and title_at >= 0:
                candidate = units[heads[0]]
                if shape.similar(self.plain(candidate.start, candidate.end), value):
                    candidate.role = _REPEAT
                    heads.pop(0)
            if heads and credits.get(heads[0]) is not None:
                units[heads[0]].role = _CAPTION
        return title_at

    def repeated(self, units: list[_Unit], heads: list[int]) -> bool:
        """Whether the first head is printed again right after it (a title and its repeat)."""
        if len(heads) < 2:
            return False
        first, second = units[heads[0]], units[heads[1]]
        return self.plain(first.start, first.end) == self.plain(second.start, second.end)

    def body(self, units: list[_Unit], dateline_at: int) -> None:
        """Give roles to every unit the head left: paragraphs, links, sign-off, date line,
        trailer, footer, and what the page prints after its footer."""
        text = self.text
        paragraphs = 0
        footer_line = -1
        caption_seen = any(unit.role == _CAPTION for unit in units)
        count = len(units)
        for index, unit in enumerate(units):
            if unit.role >= 0:
                if unit.role == _PARAGRAPH:
                    paragraphs += 1
                continue
            kind = unit.kind
            following = units[index + 1].kind if index + 1 < count else -1
            if (
                kind == _TEXT
                and footer_line < 0
                and following != _DATE
                and text[unit.end - 1] != ")"
                and text.find("/", max(unit.start, unit.end - shape.CREDIT_REACH), unit.end) < 0
            ):
                # The usual unit: a paragraph with no credit at its end.
                unit.role = _PARAGRAPH
                paragraphs += 1
            elif kind == _TEXT:
                if following == _DATE and (paragraphs or footer_line >= 0):
                    unit.role = _TRAILER
                elif footer_line >= 0:
                    unit.role = _AFTER
                    self.problem(
                        "text-after-footer",
                        f"text after the footer (line {footer_line}) was ignored",
                        unit.line,
                    )
                elif index != dateline_at and self.credit(unit) is not None:
                    if caption_seen:
                        unit.role = _AFTER
                        self.problem("extra-caption", "a second caption was ignored", unit.line)
                    else:
                        unit.role = _CAPTION
                        self.problem(
                            "caption-in-body", "the caption is inside the body", unit.line
                        )
                    caption_seen = True
                else:
                    unit.role = _PARAGRAPH
                    paragraphs += 1
            elif kind == _FOOTER:
                unit.role = _FOOTER
                if paragraphs and footer_line < 0:
                    footer_line = unit.line
            elif kind == _LINK:
                unit.role = _LINK if footer_line < 0 else _AFTER
            elif kind == _NOISE:
                unit.role = _NOISE
                self.problem("page-noise", "page script or markup was ignored", unit.line)
            else:  # _TAGS, _SIGNOFF, _DATE keep their kind as their role
                unit.role = kind

    def glued_signoff(self, units: list[_Unit]) -> tuple[int, int, _Range] | None:
        """A desk code glued to the end of the last paragraph: the paragraph's index, its
        new end, and the code's range."""
        last = -1
        for index, unit in enumerate(units):
            if unit.role == _PARAGRAPH:
                last = index
            elif unit.role in (_SIGNOFF, _FOOTER, _TRAILER):
                break
        if last < 0 or any(unit.role == _SIGNOFF for unit in units):
            return None
        unit = units[last]
        end = self.trim(unit.start, unit.end)[1]
        if self.text[end - 1 : end] != ")":
            return None
        found = shape.SIGNOFF_GLUED.search(
            self.text, max(unit.start, end - shape.SIGNOFF_REACH), end
        )
        if found is None or found.start() <= unit.start:
            return None
        return last, found.start(1), found.span(1)

    # --- fields ----------------------------------------------------------------------

    def tag_line(self, unit: _Unit) -> tuple[str | None, tuple[str, ...]]:
        """Language and tags from ``id tag,tag,...``."""
        match = shape.TAG_LINE.match(self.text, unit.start, unit.end)
        assert match is not None  # the unit was given the role for matching
        language = self.value("language", *match.span("language"))
        if match["tags"] is None:
            return language, ()
        return language, self.tags(*match.span("tags"), unit.line)

    def tags_line(self, unit: _Unit) -> tuple[str, ...]:
        """Tags from an AMP page's ``Tags: a, b`` line."""
        key = shape.TAGS_KEY.match(self.text, unit.start, unit.end)
        assert key is not None
        return self.tags(key.end(), unit.end, unit.line)

    def tags(self, position: int, end: int, line: int) -> tuple[str, ...]:
        """The tags between commas (a comma between digits is part of a tag: ``gempa 5,4
        sr``); a period ending the last tag is punctuation, not part of it."""
        text = self.text
        end = self.trim(position, end)[1]
        if end > position and text[end - 1] == ".":
            end -= 1
        tags: list[str] = []
        while position <= end:
            comma = shape.TAG_COMMA.search(text, position, end)
            stop = end if comma is None else comma.start()
            tag = self.value(f"tags.{len(tags)}", position, stop)
            if tag:
                tags.append(tag)
                if "," in tag:
                    self.problem(
                        "tag-comma", f"a comma between digits was kept in the tag {tag!r}", line
                    )
            position = stop + 1
        return tuple(tags)

    def caption(self, unit: _Unit, caption: Caption | None) -> Caption | None:
        """The caption text and its credit (if it ends with one)."""
        if caption is not None:
            self.problem("extra-caption", "a second caption was ignored", unit.line)
            return caption
        found = self.credit(unit)
        text_range, credit_range = found or ((unit.start, unit.end), (0, 0))
        caption_text = self.value("caption.text", *text_range)
        credit = self.value("caption.credit", *credit_range) if found else None
        return Caption(caption_text, credit or None)

    def prefix(self, unit: _Unit, prefix_end: int, summary: str | None) -> str | None:
        """Text glued in front of the dateline: a lead or pull-quote is the summary; a page
        store's stray prefix (``date 2017-05``) is dropped."""
        value = self.plain(unit.start, prefix_end)
        if summary is None and len(value.split()) > 2 and value[-1] in '.!?"”’':
            self.problem("lead-before-dateline", "a lead is glued before the dateline", unit.line)
            return self.value("summary", unit.start, prefix_end)
        self.problem("dateline-prefix", f"text before the dateline ignored: {value!r}", unit.line)
        return summary

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

    def date_line(self, unit: _Unit, published_at: datetime | None) -> datetime | None:
        """The time a date line or trailer prints (the first one wins)."""
        match = shape.DATE_LINE.match(self.text, unit.start, unit.end)
        assert match is not None
        moment, assumed = shape.date_line_time(match)
        if moment is None:
            self.problem("date-without-time", "a date line without a time was ignored", unit.line)
            return published_at
        if published_at is not None:
            if moment != published_at:
                self.problem("second-date-line", "a second, different date line", unit.line)
            return published_at
        if assumed:
            self.problem("assumed-timezone", "no time zone on the date line; WIB", unit.line)
        end = match.start("views") if match["views"] else unit.end
        self.span("published_at", *self.trim(unit.start, end))
        return moment

    def trailer_title(self, unit: _Unit, title: str | None) -> str | None:
        """The title a trailer prints again; it is the title where the text has no other."""
        if title is None:
            self.problem("title-from-trailer", "the title was read from the trailer", unit.line)
            return self.value("title", unit.start, unit.end) or None
        printed = self.plain(unit.start, unit.end)
        if printed != title:
            self.problem("title-mismatch", f"the trailer's title differs: {printed!r}", unit.line)
        return title

    def paragraph(
        self,
        unit: _Unit,
        start: int,
        end: int,
        paragraphs: list[str],
        related: list[str],
        seen: set[str],
    ) -> None:
        """Add the paragraph in ``unit`` from ``start`` to ``end`` (if any text is left once
        the ``Baca juga`` links are cut out) to ``paragraphs``, and the links to
        ``related``. A paragraph the page printed before is a repeat, not a paragraph."""
        text = self.text
        if not self.has_links or shape.LINK.search(text, start, end) is None:
            # The usual case, inlined: one piece, normalized as value() does.
            segment = text[start:end]
            words = segment.split()
            if not words:
                return
            value = " ".join(words)
            if not unicodedata.is_normalized("NFC", value):
                value = normalize(value)
            if len(value) >= _REPEAT_MIN:
                if value in seen:
                    self.problem(
                        "repeated-paragraph", "a repeated paragraph was ignored", unit.line
                    )
                    return
                seen.add(value)
            left = start + len(segment) - len(segment.lstrip())
            self.span(f"paragraphs.{len(paragraphs)}", left, start + len(segment.rstrip()))
            paragraphs.append(value)
            return
        cuts: list[_Range] = []
        for line_start, line_end in unit.lines:
            if line_end > start and line_start < end:
                self.links(max(line_start, start), min(line_end, end), cuts, related)
        pieces: list[_Range] = []
        for piece_start, piece_end in [*cuts, (end, end)]:
            piece = self.trim(start, piece_start)
            if piece[0] < piece[1]:
                pieces.append(piece)
            start = piece_end
        if not pieces:
            return
        value = " ".join(normalize(text[s:e]) for s, e in pieces)
        if len(value) >= _REPEAT_MIN and value in seen:
            self.problem("repeated-paragraph", "a repeated paragraph was ignored", unit.line)
            return
        if len(value) >= _REPEAT_MIN:
            seen.add(value)
        # One span per field: with a link cut out of the middle, the span runs from the
        # paragraph's first character to its last and contains the link too.
        self.span(f"paragraphs.{len(paragraphs)}", pieces[0][0], pieces[-1][1])
        paragraphs.append(value)

    def link_unit(
        self, unit: _Unit, paragraphs: list[str], related: list[str], seen: set[str]
    ) -> None:
        """A ``Baca juga:`` line; a paragraph glued after its title is a paragraph."""
        text = self.text
        key = shape.LINK.match(text, unit.start, unit.end)
        assert key is not None
        following = shape.LINK.search(text, key.end(), unit.end)
        title_end = unit.end if following is None else following.start()
        glue = shape.GLUE.search(text, key.end(), title_end)
        if (
            glue is not None
            and len(text[glue.end() : title_end].split()) >= shape.GLUED_TAIL_WORDS
        ):
            title = self.value(f"related.{len(related)}", key.end(), glue.end())
            if title:
                related.append(title)
            self.problem("glued-link", "a paragraph is glued to a 'Baca juga' link", unit.line)
            self.paragraph(unit, glue.end(), unit.end, paragraphs, related, seen)
            return
        self.paragraph(unit, unit.start, unit.end, paragraphs, related, seen)

    def links(self, start: int, end: int, cuts: list[_Range], related: list[str]) -> None:
        """Find the ``Baca juga:`` links in one line: add the range each takes up to
        ``cuts`` and its title to ``related``.

        A link on a line of its own (or after another such link) runs to the end of the
        line or the next link. A link inside a paragraph's text runs to where the next
        sentence is glued on (see ``GLUE``), as scraped copies print it.
        """
        keys = list(shape.LINK.finditer(self.text, start, end))
        previous, own_line = start, True
        for number, key in enumerate(keys):
            own_line = (
                own_line and shape.NON_SPACE.search(self.text, previous, key.start()) is None
            )
            title_end = keys[number + 1].start() if number + 1 < len(keys) else end
            if not own_line:
                glue = shape.GLUE.search(self.text, key.end(), title_end)
                if glue is not None:
                    title_end = glue.end()
            cuts.append((key.start(), title_end))
            title = self.value(f"related.{len(related)}", key.end(), title_end)
            if title:
                related.append(title)
            previous = title_end

    def footer(self, units: list[_Unit]) -> tuple[Syndication | None, Byline, Copyright | None]:
        """The footer's fields, from its lines; several may be glued onto one line."""
        syndication = copyright = None
        reporter = editor = None
        seen: set[str] = set()
        for unit in units:
            start, end, line = unit.start, unit.end, unit.line
            keys = list(shape.FOOTER_KEY.finditer(self.text, start, end))
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
                    reporter = self.value("byline.reporters", key.end(), value_end) or None
                elif kind == "editor":
                    editor = self.value("byline.editors", key.end(), value_end) or None
                else:
                    copyright = self.copyright(key.end(), value_end, line)
        return syndication, Byline.from_text(reporter, editor), copyright

    def syndication(self, start: int, end: int) -> Syndication:
        """``<site> dengan judul: <original title>``."""
        judul = shape.SYNDICATION_TITLE.search(self.text, start, end)
        site_end, title_start = (end, end) if judul is None else judul.span()
        return Syndication(
            site=self.value("syndication.site", start, site_end),
            original_title=self.value("syndication.original_title", title_start, end),
        )

    def copyright(self, start: int, end: int, line: int) -> Copyright | None:
        """``<holder> <year>`` (or ``<year> <holder>``, or ``<holder> <year><junk>``);
        ``None`` and a problem otherwise."""
        start, end = self.trim(start, end)
        year = shape.YEAR_AT_END.search(self.text, start, end)
        if year is not None:
            holder = self.trim(start, year.start())
        else:
            year = shape.YEAR_AT_START.match(self.text, start, end)
            holder = (end, end) if year is None else self.trim(year.end(), end)
        if year is None or holder[0] == holder[1]:
            year = shape.YEAR_THEN_JUNK.search(self.text, start, end)
            holder = (start, start) if year is None else self.trim(start, year.start())
            if year is not None and holder[0] < holder[1]:
                shown = normalize(self.text[year.end() : end])
                self.problem("copyright-junk", f"text after the copyright: {shown!r}", line)
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
