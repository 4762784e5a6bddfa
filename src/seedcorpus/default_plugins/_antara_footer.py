"""Reading the footer of one ANTARA text: syndication, byline and copyright lines.

:class:`FooterReader` adds to :class:`._antara_fields.FieldReader` the reading of the
footer units, once the reader has told them; several keys may be glued onto one line.
"""

from __future__ import annotations

import re

from seedcorpus.default_plugins import _antara_lines as shape
from seedcorpus.default_plugins._antara_fields import END, LINE, START, FieldReader, Range, Unit
from seedcorpus.models import Byline, Copyright, Metadata, Syndication
from seedcorpus.text import normalize

__all__ = ["FooterReader"]

_FOOTER_LABELS = {
    "syndication": "Berita ini telah tayang",
    "reporter": "Pewarta",
    "editor": "Editor",
    "copyright": "COPYRIGHT",
    "source": "Sumber",
}
_NO_METADATA = Metadata()
# Between the names and the next key, other sites print a bar: "Reporter: A | Editor: B".
_SEPARATORS = ",;&|/"


class FooterReader(FieldReader):
    """One parse of one document, with its footer's fields."""

    def footer(
        self, units: list[Unit]
    ) -> tuple[Syndication | None, Byline, Copyright | None, Metadata]:
        """The footer's fields, from its lines (several may be glued onto one line), and
        the metadata they give: the agency a copy names as its source, the address a
        syndication line links to."""
        syndication = copyright = None
        reporter = editor = None
        metadata: dict[str, str] = {}
        seen: set[str] = set()
        text, key_at = self.text, self.footer_key_at
        for unit in units:
            start, end, line = unit[START], unit[END], unit[LINE]
            # footer_keys(start, end) where the line holds one key, as footer lines do,
            # without the call: the key it starts with, and no other word of a key after.
            key = key_at.get(start)
            if key is not None and shape.FOOTER_WORD.search(text, key.end(), end) is None:
                keys = [key]
            else:
                keys = self.footer_keys(start, end)
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
                    read_on = self.text.startswith("Baca", key.start())
                    syndication = self.syndication(key.end(), value_end, metadata, read_on)
                elif kind == "reporter":
                    reporter = self.names_value("byline.reporters", key.end(), value_end)
                elif kind == "editor":
                    editor = self.names_value("byline.editors", key.end(), value_end)
                elif kind == "source":
                    if source := self.value("metadata.source", *self.names(key.end(), value_end)):
                        metadata["source"] = source
                else:
                    copyright = self.copyright(key.end(), value_end, line)
        byline = Byline(
            shape.byline_names(reporter) if reporter else (),
            shape.byline_names(editor) if editor else (),
        )
        return syndication, byline, copyright, Metadata(metadata) if metadata else _NO_METADATA

    def footer_keys(self, start: int, end: int) -> list[re.Match[str]]:
        """``list(FOOTER_KEY.finditer(text, start, end))``. Every key starts with one of
        the words of ``FOOTER_WORD``: finding those first and trying the key pattern only
        there costs a tenth of trying it at every character."""
        text = self.text
        keys = []
        # A footer unit starts with its key (that is how it was told to be one).
        key = self.footer_key_at.get(start) or shape.FOOTER_KEY.match(text, start, end)
        if key is not None:
            keys.append(key)
            start = key.end()
        word = shape.FOOTER_WORD.search(text, start, end)
        while word is not None:
            key = shape.FOOTER_KEY.match(text, word.start(), end)
            if key is not None:
                keys.append(key)
                position = key.end()
            else:
                position = word.start() + 1
            word = shape.FOOTER_WORD.search(text, position, end)
        return keys

    def names_value(self, field: str, start: int, end: int) -> str | None:
        """``value(field, *names(start, end)) or None``, read with one ``clean()`` where
        the usual value has no separator at its ends: then the stripped text has none
        either (normalizing keeps a separator at an end, as nothing composes with one),
        and the names are all of it."""
        found = self.clean(start, end)
        if found is None:
            return None
        value = found[2]
        if value[0] in _SEPARATORS or value[-1] in _SEPARATORS:
            return self.value(field, *self.names(start, end)) or None
        self.span(field, found[0], found[1])
        return value

    def names(self, start: int, end: int) -> Range:
        """``start:end`` without the name separators (``,;&``, and the bar before another
        key) at its ends, which ``Byline.from_text`` drops: the span covers the names
        only."""
        text = self.text
        segment = text[start:end]
        names = segment.strip()
        if names and names[0] not in _SEPARATORS and names[-1] not in _SEPARATORS:
            # The usual value: no separator at its ends, only whitespace to step over.
            start += len(segment) - len(segment.lstrip())
            return start, start + len(names)
        while start < end and (text[start] in _SEPARATORS or text[start].isspace()):
            start += 1
        while end > start and (text[end - 1] in _SEPARATORS or text[end - 1].isspace()):
            end -= 1
        return start, end

    def syndication(
        self, start: int, end: int, metadata: dict[str, str], read_on: bool = False
    ) -> Syndication:
        """``<site> dengan judul: <original title>``; other sites quote the title and
        add ``, klik untuk baca: <address>``, which goes to ``metadata["syndication.url"]``;
        ``read_on``: detik's ``<site>, "<title>" selengkapnya <address>``."""
        text = self.text
        judul = (shape.READ_ON_TITLE if read_on else shape.SYNDICATION_TITLE).search(
            text, start, end
        )
        site_end, title_start = (end, end) if judul is None else judul.span()
        link = shape.SYNDICATION_LINK.search(text, title_start, end)
        if link is not None:
            end = link.start()
            if url := self.value("metadata.syndication.url", *link.span("url")):
                metadata["syndication.url"] = url
        title_start, end = self.trim(title_start, end)
        if link is not None and text[end - 1 : end] == ",":  # '"<title>", klik untuk baca'
            title_start, end = self.trim(title_start, end - 1)
        # Other sites quote the title ('dengan judul "<title>"'); after ANTARA's colon
        # the quotation marks are the title's own.
        quoted = judul is None or text[judul.end() - 1] != ":"
        if (
            quoted
            and end - title_start > 1
            and text[title_start] in '"“'
            and text[end - 1] in '"”'
        ):
            title_start, end = title_start + 1, end - 1
        return Syndication(  # positional arguments: an attrs record takes them faster
            self.value("syndication.site", start, site_end),
            self.value("syndication.original_title", title_start, end),
        )

    def copyright(self, start: int, end: int, line: int) -> Copyright | None:
        """``<holder> <year>`` (or ``<year> <holder>``, or ``<holder> <year><junk>``);
        ``None`` and a problem otherwise."""
        segment = self.text[start:end]
        core = segment.strip()
        # The usual " ANTARA 2024": one ASCII word, a space, a year. YEAR_AT_END finds
        # the year (a space before it), clean() of what comes before gives the word.
        if len(core) > 5 and core[-5] == " " and core.isascii() and core[-4:].isdigit():
            holder = core[:-5]
            if holder.isalpha():
                start += len(segment) - len(segment.lstrip())
                end = start + len(core)
                # Both spans at once, as span() would record them one after the other.
                self.span_fields += ("copyright.holder", "copyright.year")
                self.span_offsets += (start, start + len(holder), end - 4, end)
                return Copyright(holder, int(core[-4:]))
        return self.any_copyright(start, end, line)

    def any_copyright(self, start: int, end: int, line: int) -> Copyright | None:
        """:meth:`copyright`, read with the patterns whatever the line holds."""
        start, end = self.trim(start, end)
        year = shape.YEAR_AT_END.search(self.text, start, end)
        if year is not None:  # "ANTARA News 2024" and the like, read at once
            holder_found = self.clean(start, year.start())
            if holder_found is not None:
                holder_start, holder_end, holder_value = holder_found
                self.span("copyright.holder", holder_start, holder_end)
                # Four ASCII digits: value() would give them back as they are.
                self.span("copyright.year", *year.span())
                return Copyright(holder_value, int(year[0]))
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
        if year is not None and holder[0] == holder[1]:
            # Older pages print the year alone: "COPYRIGHT © 2012".
            year_range = self.trim(start, end)
            if year.span() == year_range:
                self.problem("copyright-no-holder", "the copyright names no holder", line)
                return Copyright(holder="", year=int(self.value("copyright.year", *year_range)))
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
