"""Reading one ANTARA text: classify its units, then assemble the article.

The text is cut into units: each non-blank line, with a hard-wrapped line joined to the
one before. Each unit gets a kind from its own shape (:mod:`._antara_lines`): footer key,
``Baca juga`` link, ``Tags:`` line, desk code, date line, page noise (script, or other
sites' chrome), the header of a list of titles, or plain text; a list's titles are items
by the header before them. Plain text gets its role from where it stands: the title is
the first text before the dateline paragraph, the tag line follows it, a caption ends
with a photo credit, a text followed by a date line after the body is a trailer, text
after the footer is the page repeating itself. Every arrangement that is not the plain
layout is a problem.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from seedcorpus.default_plugins import _antara_lines as shape
from seedcorpus.default_plugins._antara_fields import (
    AFTER,
    BLOCK,
    CAPTION,
    DATE,
    END,
    FOOTER,
    HEADER,
    ITEM,
    KIND,
    LINE,
    LINES,
    LINK,
    NOISE,
    PARAGRAPH,
    PRINTED,
    REPEAT,
    ROLE,
    SIGNOFF,
    START,
    SUMMARY,
    TAG_LINE,
    TAGS,
    TEXT,
    TRAILER,
    URL,
    Range,
    Unit,
)
from seedcorpus.default_plugins._antara_head import HeadReader
from seedcorpus.default_plugins._antara_wraps import join_wrapped
from seedcorpus.models import Article
from seedcorpus.specs import Document

__all__ = ["Reader"]


def _by_first(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """``words`` by their first character, for a look-up before any comparison."""
    starts: dict[str, tuple[str, ...]] = {}
    for word in words:
        starts[word[0]] = (*starts.get(word[0], ()), word)
    return starts


# How every unit kind but plain text and date lines starts: footer keys (FOOTER_KEY),
# links (LINK), "Tags:" (TAGS_KEY), desk codes, script and markup (NOISE_START), other
# sites' chrome (CHROME_START).
_KIND_STARTS = _by_first(
    (
        *shape.FOOTER_WORDS,
        *shape.LINK_STARTS,
        *("Tag", "TAGS", "Topik", "("),
        *shape.NOISE_START,
        *shape.CHROME_START,
        "http",
    )
)
_CHROME_STARTS = _by_first(shape.CHROME_START)
# The first characters of a (short) date line: a day, a weekday, a month, a word.
_DATE_FIRST = frozenset(start[0] for start in shape.DATE_STARTS)
_FOOTER_FIRST = frozenset(word[0] for word in shape.FOOTER_WORDS)
_LINK_FIRST = frozenset(word[0] for word in shape.LINK_STARTS)


class Reader(HeadReader):
    """One parse of one document: cut, classify, assemble."""

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.signoff_seen = False
        self.last_paragraph = -1
        # The indices of the units that are not paragraphs, in order, once body() ran.
        self.others: list[int] = []
        self.first_footer = -1  # the index of the first footer unit, once units() ran
        self.date_lines = False  # whether any unit is a date line, once units() ran
        self.bars = False  # whether the text has a "|", once units() ran
        # Where the date line starts in a unit that holds more ("Oleh: X | <date>"), by
        # the unit's start.
        self.date_from: dict[int, int] = {}
        # What the titles after each list header are (ITEM or NOISE), by its start.
        self.listed: dict[int, int] = {}
        self.wraps: list[int] = []  # text units after a text unit of their block

    def units(self) -> tuple[list[Unit], int]:
        """The text's units in order, and the number of blank-line blocks."""
        text = self.text
        units: list[Unit] = []
        append = units.append
        # The block of the unit before, and whether a blank line came since: the first
        # unit opens block 0.
        block, gap = -1, True
        scripts = shape.NOISE_WORD in text
        bars = self.bars = "|" in text  # only then may a unit be "Oleh: X | <date line>"
        kind_starts, dated, terminal = _KIND_STARTS, _DATE_FIRST, shape.TERMINAL
        reach = shape.DATE_LINE_REACH
        # Each line, until it turns out not to be the unit's printed text (None then).
        split, ranges = shape.split_lines(text)
        lines: Sequence[str | None] = split
        position = 0  # where the next line starts, when ranges is None
        # The odd spaces (see FieldReader.odd_spaces) in order, and the next one not yet
        # passed: a line holding one keeps no printed text, so that a paragraph with a
        # printed text needs no search for them.
        odd, odd_at = self.odd_spaces, 0
        next_odd = odd[0] if odd else len(text)
        # The kind of the titles a list header announces, while they follow, and the
        # block of the last.
        listing, listing_block = TEXT, -1
        listed = self.listed
        for number, line in enumerate(lines, start=1):
            if not line:  # half the lines of the usual layout
                position += 1
                gap = True
                continue
            start = position if ranges is None else ranges[number - 1][0]
            end = start + len(line)
            position = end + 1
            first = line[0]
            if first.isspace():
                if line.isspace():
                    gap = True
                    continue
                start = end - len(line.lstrip())
                first = text[start]
                line = None
            if next_odd < end:
                while next_odd < start:
                    odd_at += 1
                    next_odd = odd[odd_at] if odd_at < len(odd) else len(text)
                if next_odd < end:
                    line = None
            same = not gap  # in the block of the unit before
            if gap:
                block += 1
                gap = False
            if scripts:
                script = text.find("(" + shape.NOISE_WORD, start, end)
                if script > start:  # page script glued after the text: cut it off
                    self.problem("page-noise", "page script after the text was ignored", number)
                    end = script
                    line = None
            # Only a unit that starts as one of the kinds does can be one: most are text.
            if (
                (first in kind_starts and text.startswith(kind_starts[first], start, end))
                or (
                    first in dated
                    and end - start <= reach
                    and text.startswith(shape.DATE_STARTS, start, end)
                )
                or (bars and end - start <= shape.BARRED_REACH and text.find("|", start, end) >= 0)
            ):
                # kind(start, end), without the call for a footer line (its first test).
                key = shape.FOOTER_KEY.match(text, start, end) if first in "BPEC" else None
                if key is not None:
                    self.footer_key_at[start] = key
                    kind = FOOTER
                else:
                    kind = self.kind(start, end)
                if kind == FOOTER and self.first_footer < 0:
                    self.first_footer = len(units)
            else:
                kind = TEXT
            if listing:
                # A title: short, not a sentence's end (unless it is the title of a
                # "Baca juga:" key on the line just before), in the block or the next one.
                if (
                    kind == TEXT
                    and block - listing_block <= 1
                    and end - start <= shape.LIST_ITEM_REACH
                    and (
                        text[end - 1] not in '.!?"”'
                        or (units[-1][KIND] == LINK and block == listing_block)
                    )
                ):
                    kind, listing_block = listing, block
                else:
                    listing = TEXT
            if kind != TEXT and (start in listed or (kind == LINK and self.bare_link(start, end))):
                # "Berita Terkait", "Terpopuler", or "Baca juga:" alone: the titles
                # follow, a line each.
                listing, listing_block = listed.get(start, ITEM), block
            if same and kind == TEXT and not first.islower():
                if units[-1][KIND] == TEXT:
                    self.wraps.append(len(units))  # maybe a hard-wrapped line: see read()
            elif first.islower() and kind == TEXT and len(units) > 2:
                last = units[-1]
                if (
                    last[BLOCK] == block
                    and last[KIND] == TEXT
                    and text[last[START] : last[END]].rstrip()[-1] not in terminal
                    and self.credit(last) is None  # a caption's credit ends it
                ):
                    # A hard-wrapped line goes on the paragraph it continues.
                    if last[LINES] is None:
                        last[LINES] = [(last[START], last[END])]
                    last[LINES].append((start, end))
                    last[END] = end
                    last[PRINTED] = None
                    continue
            append([start, end, number, block, kind, None, -1, line])
        return units, block + 1 if units else 0

    def bare_link(self, start: int, end: int) -> bool:
        """Whether a link unit is its key alone (``Baca juga:``), without a title."""
        key = shape.LINK.match(self.text, start, end)
        return key is not None and not self.text[key.end() : end].strip()

    def kind(self, start: int, end: int) -> int:
        """What a unit is from its shape alone."""
        text = self.text
        first = text[start]
        if first in _FOOTER_FIRST:
            key = shape.FOOTER_KEY.match(text, start, end)
            if key is not None:
                self.footer_key_at[start] = key  # for footer_keys()
                return FOOTER
        if first in _LINK_FIRST and shape.LINK.match(text, start, end):
            return LINK
        if first == "T" and shape.TAGS_KEY.match(text, start, end):
            return TAGS
        if (
            first == "("
            and end - start < 100
            and self.signoff_line(start, end) is not None
            and (
                not shape.CREDIT_HEAD.search(text, start, end)  # "(ANTARA FOTO/Name)"
                or shape.DESK_CREDIT.fullmatch(text, start + 1, text.rindex(")", start, end))
            )
        ):
            return SIGNOFF
        if first == "h" and shape.OWN_URL.fullmatch(text, start, end):
            return URL
        if (
            end - start <= shape.DATE_LINE_REACH
            and text.startswith(shape.DATE_STARTS, start, end)
            and shape.DATE_LINE.match(text, start, end)
        ):
            self.date_lines = True
            return DATE
        if text.startswith(shape.NOISE_START, start, end):
            return NOISE
        if (
            end - start <= shape.READING_TIME_REACH
            and (first.isdigit() or first in "wW")
            and shape.READING_TIME.fullmatch(text, start, end)
        ):
            return NOISE
        chrome = _CHROME_STARTS.get(first)
        if (first == "B" or (chrome and text.startswith(chrome, start, end))) and self.chrome(
            start, end
        ):
            return NOISE
        if end - start <= shape.HEADER_REACH:
            header = text[start:end].strip().rstrip(":").rstrip().casefold()
            if header in shape.RELATED_HEADERS:
                self.listed[start] = ITEM
                return HEADER
            if header in shape.OTHER_HEADERS:
                self.listed[start] = NOISE
                return NOISE
        if self.bars and end - start <= shape.BARRED_REACH:
            bar = text.find("|", start, end)
            while bar >= 0:
                found = shape.DATE_LINE.match(text, bar + 1, end)
                if found is not None:
                    self.date_from[start] = bar + 1
                    self.date_lines = True
                    return DATE
                bar = text.find("|", bar + 1, end)
        return TEXT

    def chrome(self, start: int, end: int) -> bool:
        """Whether the unit is another site's share bar, "follow us" line, video embed,
        ad or comment placeholder, or breadcrumb."""
        text = self.text
        if end - start > shape.CHROME_REACH:
            return False
        return bool(
            shape.BREADCRUMB.match(text, start, end)
            # A share bar, but not a sentence that starts as one ("Bagikan ke teman ...
            # untuk membantu mereka."): five words or more, ending as sentences do.
            or (
                shape.SHARE.match(text, start, end)
                and (text.count(" ", start, end) < 4 or text[start:end].rstrip()[-1] not in ".!?")
            )
            or shape.FOLLOW.match(text, start, end)
            or shape.VIDEO.match(text, start, end)
            or text[start:end].strip().casefold() in shape.CHROME_LINES
            or shape.AGENCY_LINE.fullmatch(text, start, end) is not None
        )

    def read(self) -> Article:
        """Parse the whole document."""
        units, blocks = self.units()
        if not units:
            raise self.error(
                "the file is empty" if not self.text else "the file has only whitespace", 1
            )
        if blocks > 2 and self.wraps:  # blank-line blocks, some holding several lines
            self.first_footer = join_wrapped(
                self.text, units, self.wraps, self.credit, self.first_footer
            )
        if blocks == 1 and len(units) > 1:
            self.problem("no-blank-lines", "no blank lines; each line was read as a unit", 1)
        self.split_glued_footer(units)
        dateline_at, match, prefix_end = self.find_dateline(units)
        title_at = self.head(units, dateline_at, blocks)
        self.body(units, dateline_at)

        title = None
        if title_at >= 0:
            title_found = self.unit_clean(units, title_at)
            title = ""
            if title_found is not None:
                self.span("title", title_found[0], title_found[1])
                title = title_found[2]
        language: str | None = None
        tags: tuple[str, ...] = ()
        caption = dateline = signoff = summary = published_at = section = url = None
        footer: list[Unit] = []
        signoff_cut = self.glued_signoff(units)
        # The units read one at a time: those that are not paragraphs, the dateline's, the
        # one a sign-off is glued to, and every unit when the text has links. The usual
        # paragraphs between them are read together, before the next, so that
        # paragraphs, spans and problems keep the units' order.
        singles: Sequence[int] = self.others
        if self.has_links:
            singles = range(len(units))
        else:
            for special in (dateline_at, -1 if signoff_cut is None else signoff_cut[0]):
                if special >= 0 and special not in singles:
                    bisect.insort(self.others, special)
        after = 0  # where the run of paragraphs after the last single unit starts
        for index in singles:
            if index > after:
                self.plain_paragraphs(units[after:index])
            after = index + 1
            unit = units[index]
            role = unit[ROLE]
            if role == PARAGRAPH:
                start, end = unit[START], unit[END]
                if index == dateline_at and match is not None:
                    if prefix_end > unit[START]:
                        if title is None and title_at < 0 and self.glued_title(unit, prefix_end):
                            title = self.value("title", unit[START], prefix_end)
                        else:
                            summary = self.prefix(unit, prefix_end, summary)
                    dateline = self.dateline(match)
                    start = match[4]
                if signoff_cut is not None and signoff_cut[0] == index:
                    end = signoff_cut[1]
                    signoff = self.value("signoff", *signoff_cut[2])
                before = len(self.paragraphs)
                self.paragraph(unit, start, end)
                if index == dateline_at and match is not None and len(self.paragraphs) > before:
                    self.dateline_printed = self.text[prefix_end : match[4]]
                    self.dateline_paragraph = before
            elif role == FOOTER:  # (roles exclude each other: the usual ones first)
                footer.append(unit)
            elif role == TAG_LINE:
                language, tags = self.tag_line(unit)
            elif role == REPEAT and title is not None:
                repeated = self.unit_plain(units, index)
                if repeated != title:
                    self.problem(
                        "title-mismatch", f"the repeated title differs: {repeated!r}", unit[LINE]
                    )
            elif role == CAPTION:
                caption = self.caption(unit, caption)
            elif role == SUMMARY and summary is None:
                summary = self.value("summary", unit[START], unit[END]) or None
            elif role == LINK:
                self.link_unit(unit)
            elif role == SIGNOFF:
                found = self.signoff_line(unit[START], unit[END])
                assert found is not None
                if found["stamp"] is not None:
                    stamp = shape.DATE_LINE.match(self.text, found.start("stamp"), unit[END])
                    assert stamp is not None
                    published_at = self.date_line(stamp, unit[LINE], published_at)
                if signoff is None:
                    signoff = self.value("signoff", *found.span("code"))
                else:
                    self.problem("duplicate-signoff", "a second sign-off was ignored", unit[LINE])
            elif role == DATE:
                start = self.date_from.get(unit[START]) or unit[START]
                line_match = shape.DATE_LINE.match(self.text, start, unit[END])
                assert line_match is not None
                published_at = self.date_line(line_match, unit[LINE], published_at)
            elif role == TRAILER:
                title = self.trailer_title(unit, title)
            elif role == TAGS and not tags:
                tags = self.tags_line(unit)
            elif role == ITEM:
                if linked := self.value(f"related.{len(self.related)}", unit[START], unit[END]):
                    self.related.append(linked)
            elif role == NOISE and section is None:
                section = self.breadcrumb(unit)
            elif role == URL and url is None:
                url = self.value("url", unit[START], unit[END])
        if after < len(units):
            self.plain_paragraphs(units[after:])
        syndication, byline, copyright, metadata = self.footer(footer)
        if title is None:
            if not self.paragraphs:
                what = "footer lines" if footer else "no body"
                raise self.error(f"no title and no body: the file has {what}", units[0][LINE])
            self.problem("no-title", "the text has no title", units[0][LINE])
        return Article(
            id=self.document.id,
            source=self.source(),
            title=title,
            url=url,
            language=language,
            published_at=published_at,
            section=section,
            tags=tags,
            summary=summary,
            caption=caption,
            dateline=dateline,
            paragraphs=tuple(self.paragraphs),
            signoff=signoff,
            related=tuple(self.related),
            syndication=syndication,
            byline=byline,
            copyright=copyright,
            metadata=metadata,
            problems=tuple(self.problems),
        )

    def signoff_line(self, start: int, end: int) -> re.Match[str] | None:
        """A desk code on a line of its own, maybe with the page's time stamp after it."""
        found = shape.SIGNOFF_LINE.match(self.text, start, end)
        if found is None or found["stamp"] is None:
            return found
        return found if shape.DATE_LINE.match(self.text, found.start("stamp"), end) else None

    def split_glued_footer(self, units: list[Unit]) -> None:
        """Split a footer glued to the end of the last paragraph: ``... kata dia.Pewarta: X``."""
        last = len(units) - 1 if self.first_footer < 0 else self.first_footer - 1
        if last < 0 or units[last][KIND] not in (TEXT, LINK):
            return
        unit = units[last]
        start, end = (unit[START], unit[END]) if unit[LINES] is None else unit[LINES][-1]
        after = max(start, unit[START] + 1)  # a key at the very start is a footer line
        line = self.text[after:end]
        # Each key (GLUED_FOOTER_KEY) holds one of these words: looking for them is much
        # faster than trying the pattern at every character. A word is looked for only
        # where a character its key needs is there (":" after Pewarta, "©" or "(c)" after
        # Copyright): one character is found faster still.
        if not (
            ("tayang" in line or "terbit" in line or "dimuat" in line)
            or (":" in line and ("Pewarta" in line or "PEWARTA" in line))
            or (("©" in line or "(" in line) and ("COPYRIGHT" in line or "Copyright" in line))
        ):
            return
        glued = shape.GLUED_FOOTER_KEY.search(self.text, after, end)
        if glued is None:
            return
        unit[END] = glued.start()
        unit[PRINTED] = None
        number = unit[LINE]
        if unit[LINES] is not None:
            unit[LINES][-1] = (start, glued.start())
            number += len(unit[LINES]) - 1
        units.insert(last + 1, [glued.start(), end, number, unit[BLOCK], FOOTER, None, -1, None])

    def body(self, units: list[Unit], dateline_at: int) -> None:
        """Give roles to every unit the head left: paragraphs, links, sign-off, date line,
        trailer, footer, and what the page prints after its footer."""
        text = self.text
        paragraphs = 0
        footer_line = -1
        caption_seen = self.caption_at >= 0
        count = len(units)
        dated = self.date_lines
        reach = shape.CREDIT_REACH
        # The last paragraph before the footer, a sign-off or a trailer: where a desk code
        # may be glued on.
        last, closed = -1, False
        others = self.others
        for index, unit in enumerate(units):
            if unit[ROLE] >= 0:
                if unit[ROLE] == PARAGRAPH:
                    paragraphs += 1
                    if not closed:
                        last = index
                else:
                    others.append(index)
                continue
            kind = unit[KIND]
            # Only a unit a date line follows may be a trailer: without date lines, no
            # need to look.
            following = units[index + 1][KIND] if dated and index + 1 < count else -1
            if kind == TEXT and footer_line < 0 and following != DATE:
                start, end = unit[START], unit[END]
                # No "/" in the last `reach` characters: the last "/" (memrchr finds it)
                # comes before them. Where the unit is shorter than that, the test may
                # fail where there is none: credit() below looks again. Nor is there a
                # credit without an "antara" in some case (see credit()): paragraphs
                # holding a date such as "(16/5/2020)" near their end have none.
                if (
                    text[end - 1] != ")" and text.rfind("/", start, end) < end - reach
                ) or "antara" not in (unit[PRINTED] or text[start:end]).lower():
                    # The usual unit: a paragraph with no credit at its end.
                    unit[ROLE] = PARAGRAPH
                    paragraphs += 1
                    if not closed:
                        last = index
                    continue
            if kind == TEXT:
                if following == DATE and (paragraphs or footer_line >= 0):
                    unit[ROLE] = TRAILER
                elif footer_line >= 0:
                    unit[ROLE] = AFTER
                    self.problem(
                        "text-after-footer",
                        f"text after the footer (line {footer_line}) was ignored",
                        unit[LINE],
                    )
                elif index != dateline_at and self.unit_credit(unit) is not None:
                    if caption_seen:
                        unit[ROLE] = AFTER
                        self.problem("extra-caption", "a second caption was ignored", unit[LINE])
                    else:
                        unit[ROLE] = CAPTION
                        self.problem(
                            "caption-in-body", "the caption is inside the body", unit[LINE]
                        )
                    caption_seen = True
                else:
                    unit[ROLE] = PARAGRAPH
                    paragraphs += 1
                    if not closed:
                        last = index
                closed = closed or unit[ROLE] == TRAILER
            elif kind == FOOTER:
                unit[ROLE] = FOOTER
                if paragraphs:  # not another site's byline above the body
                    closed = True
                    if footer_line < 0:
                        footer_line = unit[LINE]
            elif kind == LINK:
                unit[ROLE] = LINK if footer_line < 0 else AFTER
            elif kind == URL:
                unit[ROLE] = URL
            elif kind == NOISE:
                unit[ROLE] = NOISE
                start, end = unit[START], unit[END]
                if text.startswith(shape.NOISE_START, start, end):
                    self.problem("page-noise", "page script or markup was ignored", unit[LINE])
                elif not shape.BREADCRUMB.match(text, start, end):  # that gives the section
                    self.problem(
                        "page-noise",
                        "the page's own line (share, follow, video, ad, other news) was ignored",
                        unit[LINE],
                    )
            else:  # TAGS, SIGNOFF, DATE, HEADER, ITEM keep their kind as their role
                unit[ROLE] = kind
                if kind == SIGNOFF:
                    self.signoff_seen = closed = True
            if unit[ROLE] != PARAGRAPH:
                others.append(index)
        self.last_paragraph = last

    def glued_signoff(self, units: list[Unit]) -> tuple[int, int, Range] | None:
        """A desk code glued to the end of the last paragraph: the paragraph's index, its
        new end, and the code's range."""
        last = self.last_paragraph
        if last < 0 or self.signoff_seen:
            return None
        unit = units[last]
        # The paragraph's last non-space character (its first is one): trim() without
        # copying the paragraph.
        text, end = self.text, unit[END]
        while end > unit[START] and text[end - 1].isspace():
            end -= 1
        if text[end - 1 : end] != ")":
            return None
        found = shape.SIGNOFF_GLUED.search(
            self.text, max(unit[START], end - shape.SIGNOFF_REACH), end
        )
        if found is None or found.start() <= unit[START]:
            return None
        return last, found.start(1), found.span(1)
