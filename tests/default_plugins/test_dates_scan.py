"""The dates enricher's scan against the scan of 08a4397, kept here as the reference: the
day of a numeric date tested in the pattern, one marked bytes copy for weekdays and days,
weekdays confirmed by name, must find the same mentions on any text."""

from __future__ import annotations

import bisect
import itertools
import re
import string
from collections.abc import Iterator

from hypothesis import example, given, settings
from hypothesis import strategies as st

from seedcorpus.default_plugins import dates
from seedcorpus.default_plugins.dates import _Fields, _Found

# fmt: off
_SLASH_MONTH = re.compile(r"/(?P<month>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])")
_DAY_MONTH_NAME = dates._DAY_MONTH_NAME
_WEEKDAY = dates._WEEKDAY
_WEEKDAYS = dates._WEEKDAYS
_MONTHS = dates._MONTHS
_CALENDAR = dates._CALENDAR
_BARE_BEFORE = dates._BARE_BEFORE
_FUTURE = dates._FUTURE
_SEPARATOR = "\x00 "
_DIGITS = frozenset("0123456789")
_NOT_BEFORE_DAY = frozenset("0123456789/.,") | frozenset(string.ascii_letters)
_CLOSE = re.compile(r"\s*\)")
_WEEKDAY_MARKS = bytes.maketrans(b"SRKJMA", b"\x01" * 6)
_WEEKDAY_PLACES = re.compile(rb"\x01(?:enin|elasa|abu|amis|um'?at|abtu|inggu|had)\b")
_DIGIT_MARKS = bytes.maketrans(b"0123456789", b"\x01" * 10)
_DAY_PLACES = re.compile(
    rb"\x01(?<= \x01)\x01?[\s\x1c-\x1f]+(?:"
    + dates._alternation(_MONTHS).encode("ascii")
    + rb")"
)
# fmt: on


def _day_before(text: str, end: int) -> int | None:
    """Start of the one- or two-digit day that ends at ``end``, if it stands alone."""
    start = end
    while start > max(0, end - 2) and text[start - 1] in _DIGITS:
        start -= 1
    if start == end or (start > 0 and text[start - 1] in _NOT_BEFORE_DAY):
        return None
    return start


def _skip_left(text: str, end: int, skip: str) -> int:
    """``end`` moved left over any of the characters in ``skip`` (and whitespace)."""
    while end > 0 and (text[end - 1] in skip or text[end - 1].isspace()):
        end -= 1
    return end


def _reference_find(fields: _Fields) -> list[_Found]:
    """The mentions in ``fields``, in order."""
    if any("\x00" in text for text in fields.texts):  # the separator would not separate
        return [
            found
            for index, text in enumerate(fields.texts)
            for found in _reference_scan(_Fields([text], [fields.name(index)]))
        ]
    return _reference_scan(fields)


def _reference_scan(fields: _Fields) -> list[_Found]:
    """The mentions in ``fields``, none of which holds a NUL, found by searching their
    joined text once per pattern instead of each field (most have no date)."""
    # Where each field starts in the joined text. The first has a separator in front too,
    # so looking left from a match never leaves its field.
    texts = fields.texts
    step = len(_SEPARATOR)
    starts = list(itertools.accumulate((len(t) + step for t in texts[:-1]), initial=step))
    text = _SEPARATOR + _SEPARATOR.join(texts)

    # The three patterns run over all fields at once; their matches never overlap.
    searched = text.replace("(", " ")
    weekdays = {  # by where they end
        match.end(): match
        for match in _matches(_WEEKDAY, searched, _WEEKDAY_MARKS, _WEEKDAY_PLACES, 0)
        if not text[match.start() - 1].isalnum()  # not the end of another word
    }
    days: list[tuple[int, int, int, int, str | None, str]] = []
    for match in _SLASH_MONTH.finditer(searched):
        start = _day_before(text, match.start())
        if start is not None:
            day, month = int(text[start : match.start()]), int(match.group("month"))
            days.append((start, match.end(), day, month, match.group("year"), "numeric"))
    for match in _matches(_DAY_MONTH_NAME, searched, _DIGIT_MARKS, _DAY_PLACES, 1):
        day, month = int(match.group("day")), _MONTHS[match.group("month")]
        days.append((match.start("day"), match.end(), day, month, match.group("year"), "textual"))

    found: list[tuple[int, int, str, int | None, int | None, int | None, int | None]] = []
    for start, end, day, month, printed_year, form in days:
        if (month, day) not in _CALENDAR:  # no such day in any year
            continue
        # An opening parenthesis counts only with its closing one.
        left = _skip_left(text, start, "")
        close = _CLOSE.match(text, end) if text[left - 1] == "(" else None
        if close is not None:
            start, end = left - 1, close.end()
        weekday = weekdays.pop(_skip_left(text, start, ","), None)
        if weekday is not None:
            start = weekday.start()
        # "3/4" alone may be a fraction or a score; ANTARA writes dates in parentheses,
        # after a weekday, with a four-digit year, or as the dateline's date.
        if form == "numeric" and not (
            close
            or weekday
            or (printed_year and len(printed_year) == 4)
            or fields.name(bisect.bisect_right(starts, start) - 1) == "dateline.date"
        ):
            continue
        year = None
        if printed_year is not None:
            year = int(printed_year) + (2000 if len(printed_year) == 2 else 0)
        number = None if weekday is None else _WEEKDAYS[weekday.group().lower()]
        found.append((start, end, form, day, month, year, number))
    for weekday in weekdays.values():
        start = weekday.start()
        field_start = starts[bisect.bisect_right(starts, start) - 1]
        if _BARE_BEFORE.search(text, max(field_start, start - 8), start) and not _FUTURE.match(
            text, weekday.end()
        ):
            number = _WEEKDAYS[weekday.group().lower()]
            found.append((start, weekday.end(), "weekday", None, None, None, number))
    found.sort(key=lambda mention: mention[0])

    mentions = []
    for begin, finish, form, found_day, found_month, found_year, found_weekday in found:
        index = bisect.bisect_right(starts, begin) - 1
        field_start = starts[index]
        mentions.append(
            _Found(
                text[begin:finish],
                begin - field_start,
                finish - field_start,
                fields.name(index),
                form,
                found_day,
                found_month,
                found_year,
                found_weekday,
            )
        )
    return mentions


def _matches(
    pattern: re.Pattern[str], text: str, marks: bytes, places: re.Pattern[bytes], back: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``; for ASCII text, tried only where ``places`` matches
    ``text`` with ``marks`` applied, ``back`` characters before that match."""
    if not text.isascii():  # (a flag of the string: free)
        yield from pattern.finditer(text)
        return
    end = 0
    for place in places.finditer(text.encode("ascii").translate(marks)):
        start = place.start() - back
        if start >= end:  # finditer's matches do not overlap
            match = pattern.match(text, start)
            if match is not None:
                end = match.end()
                yield match


# What the scan looks at: weekdays in every spelling and glued to words, days, months,
# years, slashes, parentheses, commas, the words before a bare weekday and after a future
# one, whitespace the patterns treat differently, NUL, and characters outside ASCII.
_PIECES = st.sampled_from(
    ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Jum’at", "Sabtu", "Minggu",
     "Ahad", "minggu", "Kenin", "Sabu", "S", "J", "x", "_", "1", "7", "15", "31", "29", "2",
     "123", "2024", "24", "2017", "/", "/", "(", ")", ",", ", ", ".", " ", " ", "  ", "\t",
     "\n", "\x1c", "\x0b", "\xa0", "\x00", "Juli", "Juni", "Jun", "Februari", "Nop", "desember",
     "Mei", "Agt", "pada ", "hari ", "Hari", " depan", " besok", "Rp", "é", "’", "٣", "\x01"]
)  # fmt: skip
# Dates right and almost right: a weekday glued to a word or not, a numeric or textual day
# after characters that may or may not come before one, parentheses open or closed.
_WEEKDAYS_BEFORE = st.tuples(
    st.sampled_from(["", " ", "x", "1", "_", ",", "é"]),
    st.sampled_from(["Senin", "Jum'at", "Minggu", "Sabu", "Ahad"]),
    st.sampled_from(["", " ", ", ", " (", "(", ",("]),
).map("".join)
_NUMERIC = st.tuples(
    st.sampled_from(["", " ", "(", ",", ".", "x", "1", "/", "Rp", "\x00"]),
    st.sampled_from(["1", "15", "123", "7", "", "٣"]),
    st.sampled_from(["/7", "/12", "/1", "/٣", "/123"]),
    st.sampled_from(["", "/2024", "/24", "/202", "/", "/7"]),
    st.sampled_from(["", ")", " )", "/", "1", ".", " depan"]),
).map("".join)
_TEXTUAL = st.tuples(
    st.sampled_from(["", " ", "(", "x", "1"]),
    st.sampled_from(["1", "23", "123", "31", "30"]),
    st.sampled_from([" ", "\t", "\x1c", "", "\xa0", "\r\n", "\x1f", " ("]),
    st.sampled_from(["Juli", "Juni", "Jun", "Februari", "desember", "Juli2", "Mei "]),
    st.sampled_from(["", " 2024", ", 2017", " 20245", ")"]),
).map("".join)
_TEXTS = st.lists(_PIECES | _WEEKDAYS_BEFORE | _NUMERIC | _TEXTUAL, max_size=16).map("".join)
_LEADING = st.sampled_from(
    [["title"], ["title", "caption.text"], ["title", "dateline.date"],
     ["title", "caption.text", "dateline.date"]]
)  # fmt: skip


@st.composite
def _fields(draw: st.DrawFn) -> _Fields:
    leading = draw(_LEADING)
    texts = draw(st.lists(_TEXTS, min_size=len(leading), max_size=len(leading) + 4))
    return _Fields(texts, leading)


@settings(max_examples=500)
@given(_fields())
@example(_Fields(["Senin (1/7/2024)", "Rabu, 3 Juli 2024", "12/11"], ["title", "dateline.date"]))
@example(_Fields(["x", "di Jakarta, Senin.", "Senin (15/8) dan Jum’at (9/8)."], ["title"]))
def test_the_scan_finds_what_the_scan_of_08a4397_found(fields: _Fields) -> None:
    assert dates._find(fields) == _reference_find(fields)
