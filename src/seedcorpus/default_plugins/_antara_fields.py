"""Reading the fields of one ANTARA text once its units have their roles.

:class:`FieldReader` holds one parse's text, spans and problems, and reads each field
from the unit that holds it: tags, caption and credit, dateline, date line, paragraphs
and their ``Baca juga`` links (the footer's, in ``_antara_footer``).
:class:`._antara_reader.Reader` decides which unit is which.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from datetime import datetime
from typing import Any

import attrs

from seedcorpus.default_plugins import _antara_lines as shape
from seedcorpus.errors import ParseError
from seedcorpus.models import Caption, Dateline, FieldSpans, Problem, Source, paragraph_field
from seedcorpus.specs import Document
from seedcorpus.text import normalize

__all__ = ["FieldReader", "Range", "Unit", "unit_ranges"]

Range = tuple[int, int]

# A page repeats whole paragraphs; a short line printed twice ("Kerja.") may be meant.
_REPEAT_MIN = 40


# A unit is a line, or lines wrapped from one paragraph: a list of its first non-space
# character's offset, its end, its first line's number, its blank-line block, its kind
# (from its shape), the range of each of its lines if it has several (None for one line,
# as most units are), its role (from its neighbours; -1 until given) and its text while
# that is a whole line as split from the text (else None; a paragraph takes it instead
# of slicing the text again). A list, not an object: a text has dozens of units, and
# making an object each cost more than most units cost otherwise. Its items are at
# these indices:
START, END, LINE, BLOCK, KIND, LINES, ROLE, PRINTED = range(8)
Unit = list[Any]
# Unit kinds, from a unit's own shape (HEADER: of a list of titles; ITEM: a related
# title in such a list, from the units before it).
# URL: the article's own address on a line of its own.
TEXT, FOOTER, LINK, TAGS, SIGNOFF, DATE, NOISE, HEADER, ITEM, URL = range(10)
# Roles, from a unit's neighbours: the kinds above but TEXT, and these for text.
TITLE, TAG_LINE, REPEAT, CAPTION, SUMMARY, PARAGRAPH, TRAILER, AFTER = range(10, 18)


def unit_ranges(unit: Unit) -> list[Range]:
    """The ``(start, end)`` of each of the unit's lines."""
    lines: list[Range] | None = unit[LINES]
    return [(unit[START], unit[END])] if lines is None else lines


# The usual paragraph and tag numbers' field names, made once. (The paragraphs' are
# models.paragraph_field's, written out where each paragraph is added.)
_PARAGRAPH_FIELDS = tuple(map(paragraph_field, range(100)))
_TAG_FIELDS = tuple(f"tags.{number}" for number in range(100))


class FieldReader:
    """One parse of one document: the text, and the spans and problems found so far."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        # Each field's name, and its start and end: Source.spans stores them so.
        self.span_fields: list[str] = []
        self.span_offsets: list[int] = []
        self.problems: list[Problem] = []
        # The body so far, the related titles, and the long paragraphs seen (to drop a
        # paragraph the page prints again).
        self.paragraphs: list[str] = []
        self.related: list[str] = []
        # Keyed by length: most paragraphs differ in length from every one before, and
        # then the paragraph need not be hashed (hashing a long string costs as much as
        # reading it). A length holds one paragraph, or a set of them once two share it.
        self.seen: dict[int, str | set[str]] = {}
        # The dateline as printed and its paragraph's index, once read: a page may print
        # the whole first paragraph again, dateline and all.
        self.dateline_printed: str | None = None
        self.dateline_paragraph = -1
        self.credits: dict[int, tuple[Range, Range] | None] = {}  # see unit_credit()
        # The key a footer line starts with, by its start, as telling its kind found it.
        self.footer_key_at: dict[int, re.Match[str]] = {}
        self.tag_match: re.Match[str] | None = None  # the tag line's, once found
        text = self.text
        # Where the text holds ASCII whitespace but space and LF (tab, CR, form feed ...):
        # in order, and usually nowhere. A value (without whitespace at its ends) needs its
        # words joined only if it holds whitespace other than single spaces; every such
        # character is unprintable, but isprintable() looks up each character's category.
        # An ASCII value holds such whitespace exactly when it holds a double space, an LF
        # or one of these: "in" scans bytes, and a bisection finds these. (Joining a value
        # without such whitespace gives it back unchanged.)
        self.odd_spaces = shape.odd_spaces(text)
        # Most articles have no "Baca juga" link: then no paragraph needs looking at for one.
        self.has_links = shape.has_link(text)

    def trim(self, start: int, end: int) -> Range:
        """Shrink ``start:end`` to its first and last non-whitespace characters."""
        segment = self.text[start:end]
        left = segment.lstrip()
        start += len(segment) - len(left)
        return start, start + len(left.rstrip())

    def value(self, field: str, start: int, end: int) -> str:
        """The normalized text of ``start:end``, recording its span when it is not empty."""
        found = self.clean(start, end)
        if found is None:
            return ""
        start, end, value = found
        self.span_fields.append(field)
        self.span_offsets += (start, end)
        return value

    def clean(self, start: int, end: int) -> tuple[int, int, str] | None:
        """``start:end`` without whitespace at its ends, and its text normalized as
        ``normalize`` does; ``None`` if it is only whitespace. This runs for every field of
        every article, so it does the work ``normalize`` would only where it is needed."""
        value = self.text[start:end]
        # str.strip() drops exactly the characters str.isspace() accepts; most values
        # have nothing to drop, and then the offsets stand.
        stripped = value.strip()
        if stripped is not value:  # strip() gives the string itself when it strips nothing
            if not stripped:
                return None
            start += len(value) - len(value.lstrip())
            end = start + len(stripped)
            value = stripped
        elif start == end:
            return None
        # Most text has only single ASCII spaces: nothing to join (see odd_spaces; ASCII
        # text is also in NFC already). No-break spaces (scraped pages are full of them)
        # are spaces to str.split(): replaced, the value splits where it did.
        ascii = value.isascii()
        if not ascii:
            spaced = value.replace("\xa0", " ")
            if spaced.isascii():
                value, ascii = spaced, True
        if ascii:
            odd = self.odd_spaces
            if "  " in value or "\n" in value or (odd and self.odd_space_in(start, end)):
                value = " ".join(value.split())
            return start, end, value
        if "  " in value or not value.isprintable():
            value = " ".join(value.split())
        # NFC works within words (whitespace never composes), so joining first is the same.
        if not unicodedata.is_normalized("NFC", value):
            value = normalize(value)
        return start, end, value

    def seen_before(self, value: str) -> bool:
        """Whether a paragraph reading ``value`` came before; remember it if not."""
        seen = self.seen
        length = len(value)
        same = seen.get(length)
        if same is None:
            seen[length] = value
            return False
        if isinstance(same, str):
            if same == value:
                return True
            seen[length] = {same, value}
            return False
        if value in same:
            return True
        same.add(value)
        return False

    def odd_space_in(self, start: int, end: int) -> bool:
        """Whether ``start:end`` holds one of the :attr:`odd_spaces`."""
        odd = self.odd_spaces
        at = bisect_left(odd, start)
        return at < len(odd) and odd[at] < end

    def plain(self, start: int, end: int) -> str:
        """The normalized text of ``start:end``, without recording a span."""
        found = self.clean(start, end)
        return "" if found is None else found[2]

    def span(self, field: str, start: int, end: int) -> None:
        """Record that ``field`` was read from ``start:end``."""
        self.span_fields.append(field)
        self.span_offsets += (start, end)

    def problem(self, code: str, message: str, line: int) -> None:
        """Record something unusual that does not stop the parse."""
        self.problems.append(Problem(code, message, path=self.document.source.path, line=line))

    def source(self) -> Source:
        """The document's source with the spans found."""
        source = self.document.source
        spans = FieldSpans.from_lists(self.span_fields, self.span_offsets)
        if type(source) is not Source:
            return attrs.evolve(source, spans=spans)
        # attrs.evolve costs more than the rest of building the article's records.
        return Source(source.path, source.sha256, source.parser, source.encoding, spans)

    def breadcrumb(self, unit: Unit) -> str | None:
        """The sections a breadcrumb line names after its home (``Ekonomi > Makro``)."""
        found = shape.BREADCRUMB.match(self.text, unit[START], unit[END])
        return None if found is None else self.value("section", *found.span("path")) or None

    def error(self, message: str, line: int) -> ParseError:
        """The error for a text that is not an article."""
        return ParseError(message, path=self.document.source.path, line=line)

    def credit(self, unit: Unit) -> tuple[Range, Range] | None:
        """If ``unit`` ends with a photo credit: the ranges of the caption text and of the
        credit (without its parentheses)."""
        text = self.text
        end = unit[END]
        while end > unit[START] and text[end - 1].isspace():
            end -= 1
        window = max(unit[START], end - shape.CREDIT_REACH)
        # Most units are paragraphs: every credit has a slash or a closing parenthesis.
        if text[end - 1] != ")" and text.find("/", window, end) < 0:
            return None
        start = unit[START]
        if end - start > shape.MAX_CAPTION:
            return None
        # Every head holds "antara" in some case (only ASCII letters match it): without
        # one the pattern, slow to fail, need not be tried, and no head starts before
        # the first one's reach.
        tail = text[window:end].lower()
        antara = tail.find("antara")
        if antara < 0:
            return None
        # The credit closes the caption, after any ANTARA/... it quotes: the last head.
        if len(tail) == end - window:
            head = shape.last_credit_head(text, tail, window, end, antara)
        else:  # lower() changed lengths: no offsets to go by
            head = None
            for found in shape.CREDIT_HEAD.finditer(text, window, end):
                head = found
        if head is None:
            return None
        credit_start = text_end = head.start()
        credit_end = end
        # "(ANTARA FOTO/Name)", maybe with the sentence's period after it.
        close = end - 1 if text[end - 1] != "." or text[end - 2] != ")" else end - 2
        if text[close] == ")" and text.find("(", head.end(), close) < 0:
            opening = text.rfind("(", start, credit_start)
            if opening >= 0 and text.find(")", opening, close) < 0:
                credit_start, credit_end, text_end = opening + 1, close, opening
        if credit_end - credit_start > shape.MAX_CREDIT:
            return None
        if credit_end - credit_start <= 16 and shape.DESK_CREDIT.fullmatch(
            text, credit_start, credit_end
        ):
            return None  # "(antara/jpnn)": another site's desk code, a sign-off
        return (start, text_end), (credit_start, credit_end)

    def unit_credit(self, unit: Unit) -> tuple[Range, Range] | None:
        """``credit()`` of a unit, remembered by where it starts (units keep their offsets
        once roles are given): the head asks of some units more than once, and the
        caption's is read again."""
        credits = self.credits
        start = unit[START]
        if start in credits:
            return credits[start]
        # credit()'s first test where the unit ends without whitespace, without the
        # call: most units asked about (titles, tag lines) end with neither ")" nor a
        # "/" near their end.
        text, end = self.text, unit[END]
        last = text[end - 1]
        if (
            last != ")"
            and not last.isspace()
            and text.find("/", max(start, end - shape.CREDIT_REACH), end) < 0
        ):
            return None
        found = credits[start] = self.credit(unit)
        return found

    def tag_line(self, unit: Unit) -> tuple[str | None, tuple[str, ...]]:
        """Language and tags from ``id tag,tag,...``."""
        match = self.tag_match  # the unit was given the role for matching
        assert match is not None
        assert match.start() == unit[START]
        # Two ASCII letters: value() would give them back as they are.
        self.span_fields.append("language")
        self.span_offsets += match.span("language")
        language = match["language"]
        if match["tags"] is None:
            return language, ()
        return language, self.tags(*match.span("tags"), unit[LINE])

    def tags_line(self, unit: Unit) -> tuple[str, ...]:
        """Tags from an AMP page's ``Tags: a, b`` line."""
        key = shape.TAGS_KEY.match(self.text, unit[START], unit[END])
        assert key is not None
        return self.tags(key.end(), unit[END], unit[LINE])

    def tags(self, position: int, end: int, line: int) -> tuple[str, ...]:
        """The tags between commas (a comma between digits is part of a tag: ``gempa 5,4
        sr``); a period ending the last tag is punctuation, not part of it."""
        text = self.text
        end = self.trim(position, end)[1]
        if end > position and text[end - 1] == ".":
            end -= 1
        if position <= end:
            segment = text[position:end]
            if (
                segment.isascii()
                and "  " not in segment
                and "\n" not in segment
                and not (self.odd_spaces and self.odd_space_in(position, end))
            ):
                split = self.split_tags(segment, position, end)
                if split is not None:
                    return split
        tags: list[str] = []
        while position <= end:
            stop = text.find(",", position, end)
            # A comma between two digits is inside the tag ("gempa 5,4 sr").
            while 0 < stop < end - 1 and text[stop - 1].isdigit() and text[stop + 1].isdigit():
                stop = text.find(",", stop + 1, end)
            if stop < 0:
                stop = end
            number = len(tags)
            tag = self.value(
                _TAG_FIELDS[number] if number < 100 else f"tags.{number}", position, stop
            )
            if tag:
                tags.append(tag)
                if "," in tag:
                    self.problem(
                        "tag-comma", f"a comma between digits was kept in the tag {tag!r}", line
                    )
            position = stop + 1
        return tuple(tags)

    def split_tags(self, segment: str, position: int, end: int) -> tuple[str, ...] | None:
        """What :meth:`tags` reads from ``segment``, the text from ``position`` to ``end``,
        when it is ASCII with no whitespace but single spaces (the usual tag line): split
        at every comma, each tag stripped, nothing to join or compose. ``None`` where a
        comma stands between digits: :meth:`tags` keeps it in its tag."""
        text = self.text
        parts = segment.split(",")
        comma = position - 1
        for part in parts[:-1]:
            comma += len(part) + 1
            if 0 < comma < end - 1 and text[comma - 1].isdigit() and text[comma + 1].isdigit():
                return None
        tags: list[str] = []
        start = position
        for part in parts:
            tag = part.strip()
            if tag:
                number = len(tags)
                self.span_fields.append(_TAG_FIELDS[number] if number < 100 else f"tags.{number}")
                first = start + len(part) - len(part.lstrip())
                self.span_offsets += (first, first + len(tag))
                tags.append(tag)
            start += len(part) + 1
        return tuple(tags)

    def caption(self, unit: Unit, caption: Caption | None) -> Caption | None:
        """The caption text and its credit (if it ends with one)."""
        if caption is not None:
            self.problem("extra-caption", "a second caption was ignored", unit[LINE])
            return caption
        found = self.unit_credit(unit)
        text_range, credit_range = found or ((unit[START], unit[END]), (0, 0))
        caption_text = self.value("caption.text", *text_range)
        credit = self.value("caption.credit", *credit_range) if found else None
        return Caption(caption_text, credit or None)

    def prefix(self, unit: Unit, prefix_end: int, summary: str | None) -> str | None:
        """Text glued in front of the dateline: a lead or pull-quote is the summary; a page
        store's stray prefix (``date 2017-05``) is dropped."""
        value = self.plain(unit[START], prefix_end)
        if summary is None and len(value.split()) > 2 and value[-1] in '.!?"”’':
            self.problem("lead-before-dateline", "a lead is glued before the dateline", unit[LINE])
            return self.value("summary", unit[START], prefix_end)
        self.problem("dateline-prefix", f"text before the dateline ignored: {value!r}", unit[LINE])
        return summary

    def dateline(self, parts: shape.DatelineParts) -> Dateline:
        """The dateline's parts; its region and date are optional."""
        city, region, date, agency, _, plain = parts
        if plain:  # value() would give each back as printed, in this order
            text = self.text
            self.span_fields += ("dateline.city", "dateline.agency")
            self.span_offsets += (*city, *agency)
            printed_region = printed_date = None
            if region is not None:
                self.span("dateline.region", *region)
                printed_region = text[region[0] : region[1]]
            if date is not None:
                self.span("dateline.date", *date)
                printed_date = text[date[0] : date[1]]
            return Dateline(
                text[city[0] : city[1]], text[agency[0] : agency[1]], printed_region, printed_date
            )
        value = self.value
        return Dateline(  # positional arguments: an attrs record takes them faster
            value("dateline.city", *city),
            value("dateline.agency", *agency),
            None if region is None else value("dateline.region", *region),
            None if date is None else value("dateline.date", *date),
        )

    def date_line(
        self, match: re.Match[str], line: int, published_at: datetime | None
    ) -> datetime | None:
        """The time a date line, trailer or time stamp prints (the first one wins)."""
        moment, assumed = shape.date_line_time(match)
        if moment is None:
            self.problem("date-without-time", "a date line without a time was ignored", line)
            return published_at
        if published_at is not None:
            if moment != published_at:
                self.problem("second-date-line", "a second, different date line", line)
            return published_at
        if assumed:
            self.problem("assumed-timezone", "no time zone on the date line; WIB", line)
        # The span ends with the time (or its zone): not a view count or its separator.
        end = max(
            match.end(part) for part in ("minute", "second", "zone", "offset") if match[part]
        )
        self.span("published_at", *self.trim(match.start(), end))
        return moment

    def trailer_title(self, unit: Unit, title: str | None) -> str | None:
        """The title a trailer prints again; it is the title where the text has no other."""
        if title is None:
            self.problem("title-from-trailer", "the title was read from the trailer", unit[LINE])
            return self.value("title", unit[START], unit[END]) or None
        printed = self.plain(unit[START], unit[END])
        if printed != title:
            self.problem("title-mismatch", f"the trailer's title differs: {printed!r}", unit[LINE])
        return title

    def paragraph(self, unit: Unit, start: int, end: int) -> None:
        """Add the paragraph in ``unit`` from ``start`` to ``end`` (if any text is left once
        the ``Baca juga`` links are cut out) to ``paragraphs``, and the links to
        ``related``. A paragraph the page printed before is a repeat, not a paragraph."""
        text = self.text
        if not self.has_links or shape.LINK.search(text, start, end) is None:
            # The usual case, one piece: plain_paragraph(start, end, unit[LINE]).
            self.plain_paragraphs([[start, end, unit[LINE], 0, TEXT, None, PARAGRAPH, None]])
            return
        cuts: list[Range] = []
        for line_start, line_end in unit_ranges(unit):
            if line_end > start and line_start < end:
                self.links(max(line_start, start), min(line_end, end), cuts)
        pieces: list[Range] = []
        for piece_start, piece_end in [*cuts, (end, end)]:
            piece = self.trim(start, piece_start)
            if piece[0] < piece[1]:
                pieces.append(piece)
            start = piece_end
        if not pieces:
            return
        value = " ".join(normalize(text[s:e]) for s, e in pieces)
        if len(value) >= _REPEAT_MIN and self.seen_before(value):
            self.problem("repeated-paragraph", "a repeated paragraph was ignored", unit[LINE])
            return
        # One span per field: with a link cut out of the middle, the span runs from the
        # paragraph's first character to its last and contains the link too.
        self.span(paragraph_field(len(self.paragraphs)), pieces[0][0], pieces[-1][1])
        self.paragraphs.append(value)

    def plain_paragraph(self, start: int, end: int, line: int, printed: str | None = None) -> None:
        """Add ``start:end``, a paragraph without links, as :meth:`paragraph` does.
        ``printed`` is the text of ``start:end`` where the caller has it already, one line
        without any of the :attr:`odd_spaces`."""
        self.plain_paragraphs([[start, end, line, 0, TEXT, None, PARAGRAPH, printed]])

    def plain_paragraphs(self, units: list[Unit]) -> None:
        """Add each unit, a paragraph without links, as :meth:`plain_paragraph` does, in
        order: this is :meth:`clean` and the rest in one loop. Most units are such
        paragraphs, and come in runs; the loop looks up what it uses once a run."""
        text = self.text
        odd = self.odd_spaces
        seen = self.seen
        paragraphs = self.paragraphs
        offsets = self.span_offsets
        first = len(paragraphs)
        dateline = self.dateline_printed
        for unit in units:
            start, end, printed = unit[START], unit[END], unit[PRINTED]
            value = text[start:end] if printed is None else printed
            stripped = value.strip()
            if stripped is not value:  # strip() gives the string itself when it strips nothing
                if not stripped:
                    continue
                start += len(value) - len(value.lstrip())
                end = start + len(stripped)
                value = stripped
            elif start == end:
                continue
            ascii = value.isascii()
            if not ascii:  # as clean() does
                spaced = value.replace("\xa0", " ")
                if spaced.isascii():
                    value, ascii = spaced, True
            if ascii:
                if "  " in value or (
                    printed is None and ("\n" in value or (odd and self.odd_space_in(start, end)))
                ):
                    value = " ".join(value.split())
            else:
                if "  " in value or not value.isprintable():
                    value = " ".join(value.split())
                if not unicodedata.is_normalized("NFC", value):
                    value = normalize(value)
            length = len(value)
            if (
                dateline is not None
                and value[0] == dateline[0]  # most paragraphs: no startswith() call
                and value.startswith(dateline)
                and value[len(dateline) :].lstrip() == paragraphs[self.dateline_paragraph]
            ):
                self.problem("repeated-paragraph", "a repeated paragraph was ignored", unit[LINE])
                continue
            if length >= _REPEAT_MIN:
                if length not in seen:  # the usual paragraph: none before was as long
                    seen[length] = value
                elif self.seen_before(value):
                    self.problem(
                        "repeated-paragraph", "a repeated paragraph was ignored", unit[LINE]
                    )
                    continue
            offsets += (start, end)
            paragraphs.append(value)
        # Only paragraphs were added since the loop started, each with its span: their
        # field names follow in one step.
        last = len(paragraphs)
        if last <= len(_PARAGRAPH_FIELDS):
            self.span_fields += _PARAGRAPH_FIELDS[first:last]
        else:
            self.span_fields += map(paragraph_field, range(first, last))

    def link_unit(self, unit: Unit) -> None:
        """A ``Baca juga:`` line; a paragraph glued after its title is a paragraph."""
        text = self.text
        key = shape.LINK.match(text, unit[START], unit[END])
        assert key is not None
        following = shape.LINK.search(text, key.end(), unit[END])
        title_end = unit[END] if following is None else following.start()
        glue = shape.GLUED_PARAGRAPH.search(text, key.end(), title_end)
        if (
            glue is not None
            and len(text[glue.end() : title_end].split()) >= shape.GLUED_TAIL_WORDS
        ):
            title = self.value(f"related.{len(self.related)}", key.end(), glue.end())
            if title:
                self.related.append(title)
            self.problem("glued-link", "a paragraph is glued to a 'Baca juga' link", unit[LINE])
            self.paragraph(unit, glue.end(), unit[END])
            return
        self.paragraph(unit, unit[START], unit[END])

    def links(self, start: int, end: int, cuts: list[Range]) -> None:
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
            title = self.value(f"related.{len(self.related)}", key.end(), title_end)
            if title:
                self.related.append(title)
            previous = title_end
