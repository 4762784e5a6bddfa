"""Reading the head of one ANTARA text: the dateline, and the title, tag line, title
again, caption or lead before it.

:class:`HeadReader` adds to :class:`._antara_footer.FooterReader` the roles of the units
before the body; :class:`._antara_reader.Reader` cuts the units and gives the rest theirs.
"""

from __future__ import annotations

import re

from seedcorpus.default_plugins import _antara_lines as shape
from seedcorpus.default_plugins._antara_fields import (
    BLOCK,
    CAPTION,
    DATE,
    END,
    KIND,
    LINE,
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
    TEXT,
    TITLE,
    Unit,
)
from seedcorpus.default_plugins._antara_footer import FooterReader
from seedcorpus.specs import Document

__all__ = ["HeadReader"]

# Text units before the dateline paragraph that are looked at: title, tag line, title
# again, caption, a lead. A dateline quoted further down is the story's, not the layout's.
_HEAD_REACH = 5


class HeadReader(FooterReader):
    """One parse of one document, with the roles of its head."""

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.caption_at = -1
        self.date_lines = False  # whether any unit is a date line, once units() ran
        self.cleaned: dict[int, tuple[int, int, str] | None] = {}  # see unit_clean()
        # The text units before this index have no dateline (find_dateline() looked).
        self.no_dateline_before = 0

    def dateline_match(
        self, unit: Unit, first_hint: re.Match[str] | None = None
    ) -> tuple[shape.DatelineParts | None, int]:
        """The dateline that opens ``unit``, if it has one, and where text glued in front
        of it ends (``unit[START]`` when nothing is). ``first_hint``, where the caller has
        it, is the first ``DATELINE_HINT`` match at or after the unit's start."""
        text = self.text
        start = unit[START]
        # A failed match of the full pattern costs as much as normalizing the paragraph;
        # the "(ANTARA" it needs, near the start, is found far faster, and a "(" (which
        # titles and tag lines seldom hold) faster still.
        reach = min(unit[END], start + shape.DATELINE_REACH)
        if first_hint is not None and first_hint.start() >= start:
            # The search below would find it where it ends within reach, else nothing:
            # a later match would start at a "(" inside this one, which holds none.
            hint = first_hint if first_hint.end() <= reach else None
        elif text.find("(", start, reach) < 0:
            return None, start
        else:
            hint = shape.DATELINE_HINT.search(text, start, reach)
        if hint is None:
            return None, start
        # The agency runs to the first ")" after the hint (it holds none), and a dash
        # follows: a caption's "(ANTARA FOTO/Name)" fails here, cheaper than below. Any
        # match, from the start or after a prefix, would take the hint's "(" (no part of
        # a dateline before its agency holds one).
        close = text.find(")", hint.end(), unit[END])
        if close < 0:
            return None, unit[START]
        after = close + 1
        while after < unit[END] and text[after].isspace():
            after += 1
        if after == unit[END] or text[after] not in shape.DASH_FIRST:
            return None, unit[START]
        plain = shape.plain_dateline(text, start, hint.start(), unit[END])
        if plain is not None:  # the usual "Jakarta (ANTARA) -", without the lazy pattern
            if text.find(" ", *plain[0]) < 0:  # a city of one word: nothing glued to it
                return plain, start
            return self.city_glued(plain, start, unit)
        match = shape.DATELINE.match(text, start, unit[END])
        if match is not None:
            return self.city_glued(shape.dateline_parts(match), start, unit)
        # Something glued in front: try the nearest end of a sentence or number first.
        ends = [m.end() for m in shape.PREFIX_END.finditer(text, start, hint.start())]
        for prefix_end in reversed(ends):
            match = shape.DATELINE.match(text, prefix_end, unit[END])
            if match is not None:
                return self.city_glued(shape.dateline_parts(match), prefix_end, unit)
        return None, start

    def site_in_title(self, unit: Unit) -> bool:
        """Cut the site's name a browser's tab or a print view prints with the title off
        it (``ANTARA News - <title>``, ``<title> - ANTARA News``); whether there was one."""
        text, start, end = self.text, unit[START], unit[END]
        while text[end - 1].isspace():  # a unit ends as its line does
            end -= 1
        if text[start] in "Aa" and (found := shape.SITE_BEFORE_TITLE.match(text, start, end)):
            unit[START] = found.end()
        elif (
            text.find("NTARA", max(start, end - 20), end) >= 0
            or text.find("ntara", max(start, end - 20), end) >= 0
        ) and (found := shape.SITE_AFTER_TITLE.search(text, max(start, end - 30), end)):
            unit[END] = found.start()
        else:
            return False
        unit[PRINTED] = None
        self.problem("page-noise", "the site's name by the title was cut off", unit[LINE])
        return True

    def site_dateline(self, unit: Unit) -> shape.DatelineParts | None:
        """Another site's own dateline opening ``unit``, in a text without ANTARA's:
        ``TEMPO.CO, Jakarta -``; the site is the agency."""
        text, start = self.text, unit[START]
        # Every such dateline holds a comma and a dash near the start.
        comma = text.find(",", start, start + shape.SITE_DATELINE_REACH)
        if comma < 0 or text.find(" ", comma, comma + 60) < 0:
            return None
        found = shape.SITE_DATELINE.match(text, start, min(unit[END], start + 120))
        if found is None:
            return None
        city = "city" if found["city"] is not None else "city_first"
        site = "site" if found["site"] is not None else "site_after"
        return found.span(city), None, None, found.span(site), found.end(), False

    def city_glued(
        self, parts: shape.DatelineParts, start: int, unit: Unit
    ) -> tuple[shape.DatelineParts | None, int]:
        """``parts`` and ``start``, or where a text that lost its line breaks glued words
        onto the city ("... Rp100.000 per kilogram Banjarmasin (ANTARA) -"): a city has
        at most one word in lower case ("Rio de Janeiro"), so it starts after the last
        of two or more; the words before are glued in front."""
        city_start, city_end = parts[0]
        text = self.text
        if text.find(" ", city_start, city_end) < 0:  # one word: the usual city
            return parts, start
        words = text[city_start:city_end].split(" ")
        lower = [index for index, word in enumerate(words) if word[:1].islower()]
        if len(lower) < 2:
            return parts, start
        cut = city_start + sum(len(word) + 1 for word in words[: lower[-1] + 1])
        match = shape.DATELINE.match(text, cut, unit[END])
        if match is None:
            return parts, start
        return shape.dateline_parts(match), cut

    def find_dateline(self, units: list[Unit]) -> tuple[int, shape.DatelineParts | None, int]:
        """The index of the unit that opens with the dateline (-1 if none), the match, and
        where text glued in front of it ends."""
        looked, counted = 0, -1
        # The first "(ANTARA" from a point at or before the unit's start: a unit it comes
        # after holds none, and so no dateline (dateline_match() would find none).
        hint = shape.DATELINE_HINT.search(self.text)
        for index, unit in enumerate(units):
            if unit[KIND] != TEXT:
                continue
            if hint is not None and hint.start() < unit[END]:
                match, prefix_end = self.dateline_match(unit, hint)
                if match is not None:
                    self.no_dateline_before = index
                    return index, match, prefix_end
                hint = shape.DATELINE_HINT.search(self.text, unit[END])
            looked += 1
            if looked >= _HEAD_REACH:
                # A page's masthead and menu lines do not count: looked for only here,
                # since the dateline usually comes sooner.
                if counted < 0:
                    counted = sum(
                        1 for u in units[: index + 1] if u[KIND] == TEXT and not self.short(u)
                    )
                elif not self.short(unit):
                    counted += 1
                if counted >= _HEAD_REACH:
                    break
        self.no_dateline_before = index + 1 if units else 0
        # No ANTARA dateline: another site's own, as near the start (among the first
        # five text units but short ones, as ANTARA's).
        looked = 0
        for site_index in range(index + 1):
            unit = units[site_index]
            if unit[KIND] != TEXT:
                continue
            if (site := self.site_dateline(unit)) is not None:
                return site_index, site, unit[START]
            if not self.short(unit):
                looked += 1
                if looked == _HEAD_REACH:
                    break
        return -1, None, -1

    def head(self, units: list[Unit], dateline_at: int, blocks: int) -> int:
        """Give roles to the text before the body: title, tag line, the title again,
        caption, a lead. Return the title's index (-1 if there is none)."""
        stop = dateline_at if dateline_at >= 0 else len(units)
        heads = []
        for index in range(stop):  # a loop: a comprehension is a call of its own
            if units[index][KIND] == TEXT:
                heads.append(index)
        # A masthead is told by a date line or a site's name (a domain, so a "."): only
        # then is the first unit's length looked at.
        if (
            heads
            and units[heads[0]][END] - units[heads[0]][START] <= shape.MASTHEAD_MAX_CHARS
            and (
                self.date_lines
                or self.text.find(".", units[heads[0]][START], units[heads[0]][END]) >= 0
            )
            and self.short(units[heads[0]])
        ):
            skip = self.masthead(units, heads, dateline_at)
            for index in heads[:skip]:
                units[index][ROLE] = NOISE
                self.problem(
                    "page-noise",
                    "the page's masthead or menu above the title was ignored",
                    units[index][LINE],
                )
            heads = heads[skip:]
        if dateline_at < 0:
            heads = heads[:_HEAD_REACH]
        if (
            dateline_at > 0
            and len(heads) == 1
            and blocks > 1
            and heads[-1] == dateline_at - 1
            and units[heads[-1]][BLOCK] == units[dateline_at][BLOCK]
        ):
            # Page text that starts with a pull-quote or lead line just before the
            # dateline, in its block. A headline never ends with a period.
            lead = units[heads[-1]]
            value = self.plain(lead[START], lead[END])
            if value[0] in shape.QUOTES or value[-1] == "." or not shape.title_shaped(value):
                lead[ROLE] = SUMMARY
                heads.pop()
        if not heads:
            return -1
        value = self.unit_plain(units, heads[0])
        credit = self.unit_credit
        title_at = -1
        # A headline heads the page: text after a link or a desk code is body.
        body_before = heads[0] > 0 and any(
            units[i][KIND] in (LINK, SIGNOFF) for i in range(heads[0])
        )
        if (
            not body_before
            and credit(units[heads[0]]) is None
            and (dateline_at >= 0 or shape.title_shaped(value) or self.repeated(units, heads))
        ):
            title_at = heads.pop(0)
            units[title_at][ROLE] = TITLE
            title_unit, text = units[title_at], self.text
            last = title_unit[END] - 1
            while text[last] == " ":
                last -= 1
            # The site's name starts with an "A" or ends with one of these ("ANTARA",
            # "Antaranews.com", "ANTARA News"): only then is it looked for.
            if (text[title_unit[START]] in "Aa" or text[last] in "sSmMA") and self.site_in_title(
                title_unit
            ):
                self.cleaned.pop(title_at, None)
                value = self.unit_plain(units, title_at)
            if heads and heads[0] == title_at + 1:
                tag = units[heads[0]]
                if (
                    credit(units[heads[0]]) is None
                    and self.unit_plain(units, heads[0]) != value
                    and (tag_match := shape.TAG_LINE.match(self.text, tag[START], tag[END]))
                    and (heads[0] < self.no_dateline_before or self.dateline_match(tag)[0] is None)
                ):
                    self.tag_match = tag_match
                    tag[ROLE] = TAG_LINE
                    heads.pop(0)
        elif dateline_at < 0:
            return -1  # body-first text: everything is body
        # The title again, if it looks like the title (an AMP page has none).
        if heads and credit(units[heads[0]]) is None and title_at >= 0:
            candidate = units[heads[0]]
            printed = self.unit_plain(units, heads[0])
            # A headline, however reworded, is followed by the caption and never ends
            # with a period; a caption without credit usually does. Without a dateline
            # to end the head, a unit unlike the title may be the body's first
            # paragraph: it is the title again only if it shares the title's words.
            if (
                printed == value
                or shape.similar(printed, value)
                or (
                    dateline_at >= 0
                    and len(heads) > 1
                    and (credit(units[heads[1]]) is not None or printed[-1] not in ".)")
                )
            ):
                candidate[ROLE] = REPEAT
                heads.pop(0)
        if dateline_at >= 0:
            # Before the dateline, position decides: then comes the caption, unless a
            # later unit ends with a credit (another site's byline lines come first).
            if heads:
                self.caption_at = heads[0]
                if len(heads) > 1 and credit(units[heads[0]]) is None:
                    for index in heads[1:]:
                        if credit(units[index]) is not None:
                            self.caption_at = index
                            break
                heads.remove(self.caption_at)
                units[self.caption_at][ROLE] = CAPTION
            for index in heads:
                units[index][ROLE] = PARAGRAPH
        else:
            # No dateline: the caption must have a credit.
            if heads and credit(units[heads[0]]) is not None:
                self.caption_at = heads[0]
                units[heads[0]][ROLE] = CAPTION
        return title_at

    def glued_title(self, unit: Unit, prefix_end: int) -> bool:
        """Whether the text glued before the dateline of a text without a title is its
        title, the line break between them lost: three words or more, title-shaped and
        not a finished sentence (a lead or pull-quote ends with one)."""
        value = self.plain(unit[START], prefix_end)
        if len(value.split()) < 3 or value[-1] in '.!?"”’' or not shape.title_shaped(value):
            return False
        self.problem("title-before-dateline", "the title is glued before the dateline", unit[LINE])
        return True

    def short(self, unit: Unit) -> bool:
        """Whether a unit is as short as a page's masthead or menu line: at most 30
        characters, or three words in 40, and not a sentence's end."""
        start, end = unit[START], unit[END]
        if end - start > shape.MASTHEAD_MAX_CHARS:
            return False
        text = self.text
        while text[end - 1].isspace():  # the unit's first character is none
            end -= 1
        return text[end - 1] not in ".!?" and (
            end - start <= shape.MASTHEAD_WORDS_CHARS or len(text[start:end].split()) <= 3
        )

    def masthead(self, units: list[Unit], heads: list[int], dateline_at: int) -> int:
        """How many of the first, short, head units are the page's masthead and menu
        ("ANTARA News", "Kompas.com", "Ekonomi") rather than its title: those before the
        first longer unit, when that is title-shaped, has no credit, and the page shows
        it is the headline: a date line comes before it or right after it, or the page
        opens with the site's name (a domain). A domain-named page whose head before the
        dateline is all short has no title there. 0 where nothing tells."""
        text = self.text
        first = units[heads[0]]
        site = shape.SITE_NAME.fullmatch(text, first[START], first[END]) is not None
        if not site and not self.date_lines:
            return 0
        dated = False
        for k, index in enumerate(heads):
            unit = units[index]
            if not self.short(unit):
                if k == 0 or self.unit_credit(unit) is not None:
                    return 0
                value = self.unit_plain(units, index)
                if not shape.title_shaped(value) or shape.TAG_LINE.match(
                    text, unit[START], unit[END]
                ):
                    return 0
                if not site:
                    # The date line before it (from the masthead on) or right after it.
                    dated = dated or any(
                        units[i][KIND] == DATE for i in range(heads[k - 1] + 1, index)
                    )
                    after = index + 1
                    while after < len(units) and units[after][KIND] == NOISE:
                        after += 1
                    if not dated and (after == len(units) or units[after][KIND] != DATE):
                        return 0
                return k
            if k and (
                shape.TAG_LINE.match(text, unit[START], unit[END])
                or self.unit_plain(units, index) == self.unit_plain(units, heads[0])
            ):
                return 0  # ANTARA's own head: a short title, its tag line, the title again
            if not site and index > heads[0]:
                dated = dated or any(units[i][KIND] == DATE for i in range(heads[0], index))
        return len(heads) if site and dateline_at >= 0 else 0

    def unit_clean(self, units: list[Unit], index: int) -> tuple[int, int, str] | None:
        """``clean()`` of a whole unit, remembered: the head reads the title and its
        repeat to tell them, and the article reads them again. (Units keep their
        offsets once the head looks at them.)"""
        cleaned = self.cleaned
        if index in cleaned:
            return cleaned[index]
        unit = units[index]
        found = cleaned[index] = self.clean(unit[START], unit[END])
        return found

    def unit_plain(self, units: list[Unit], index: int) -> str:
        """``plain()`` of a whole unit, remembered as :meth:`unit_clean` is."""
        cleaned = self.cleaned
        if index in cleaned:
            found = cleaned[index]
        else:  # unit_clean(), without a call more: the head asks this of each unit
            unit = units[index]
            found = cleaned[index] = self.clean(unit[START], unit[END])
        return "" if found is None else found[2]

    def repeated(self, units: list[Unit], heads: list[int]) -> bool:
        """Whether the first head is printed again right after it, or after a tag line
        between them (a title and its repeat, as the layout prints them)."""
        if len(heads) < 2:
            return False
        first = units[heads[0]]
        value = self.plain(first[START], first[END])
        for index in heads[1:3]:
            unit = units[index]
            if self.plain(unit[START], unit[END]) == value:
                return True
            if not shape.TAG_LINE.match(self.text, unit[START], unit[END]):
                return False
        return False
