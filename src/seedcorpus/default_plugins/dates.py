"""The ``dates`` enricher: Indonesian date mentions and the article's own date.

It finds the date forms ANTARA writes (``Senin (1/7/2024)``, ``Senin (1/7)``,
``Selasa, 23 Februari 2016``, ``1 Juli 2024``, and a bare weekday in an attribution
such as ``..., Jakarta, Senin.``), resolves each to an ISO date where the text allows,
checks printed weekdays against the calendar, and decides ``published``: the page's own
date (``article.published_at``) where the parser read one, else the mentions in the
dateline, caption, title and lead sentence, weighed. See ``docs/enrichers/dates.md``.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import math
import operator
import re
from collections.abc import Iterable, Iterator
from typing import ClassVar, NamedTuple

import attrs

from seedcorpus.hookspecs import hookimpl
from seedcorpus.models import Article, Enrichment, paragraph_field
from seedcorpus.specs import EnricherSpec
from seedcorpus.text import article_text

__all__ = ["WEEKDAY_NAMES", "DateMention", "Dates", "enrich", "seedcorpus_enrichers"]

WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
"""Indonesian weekday names, Monday first (the index is ``datetime.date.weekday()``)."""

_WEEKDAYS = {name.lower(): number for number, name in enumerate(WEEKDAY_NAMES)}
_WEEKDAYS.update({"jum'at": 4, "jum’at": 4, "ahad": 6})

_MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
# Month names as written, with their numbers: capitalized full and short names, old
# spellings, and full names in lower case (short ones in lower case are too often
# something else).
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS |= {name.lower(): number for name, number in _MONTHS.items()}
_MONTHS |= {"Pebruari": 2, "Nopember": 11, "Agt": 8, "Ags": 8, "Sept": 9, "Nop": 11}
_MONTHS |= {name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS |= {"Agu": 8, "Okt": 10, "Des": 12}


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so "Juni" is not read as "Jun" followed by a stray "i".
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


# A day and a month: numeric "1/7/2024" and "1/7", or textual "23 Februari 2016". A
# numeric date's day is one or two ASCII digits before the "/" the pattern starts with,
# after none of the characters that make "1/7" part of something else ("2/1/7", "1.5/2",
# "Rp1/2"). A parenthesis and a weekday ("Senin (1/7)") are found by looking left.
_NOT_BEFORE_DAY = r"[^0-9/.,A-Za-z]"
_SLASH_DATE = re.compile(
    rf"/(?:(?<={_NOT_BEFORE_DAY}(?P<day>[0-9])/)|(?<={_NOT_BEFORE_DAY}(?P<days>[0-9]{{2}})/))"
    r"(?P<month>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])"
)
# A day before a month's name follows a space or "(" ("(23 Juli 2016)"); "(" counts as
# a space after the day and the month too ("23 (Juli"), as it always has.
_DAY_MONTH_NAME = re.compile(
    rf"[ (](?P<day>\d\d?)[\s(]+(?P<month>{_alternation(_MONTHS)})\b"
    r"(?:,?[\s(]+(?P<year>\d{4})\b)?"
)
# Capitalized only, because "minggu" is also the common noun "week".
_WEEKDAY = re.compile(r"(?:Senin|Selasa|Rabu|Kamis|Jum['’]?at|Sabtu|Minggu|Ahad)\b")
# Fields are joined with this between them: NUL is a character no pattern matches or
# skips over, so no match reaches from one field into the next, and the space lets a
# field start with a day ("23 Juli"). A field that holds a NUL is scanned alone.
_SEPARATOR = "\x00 "
_AFTER_SEPARATOR = len(_SEPARATOR).__add__
_CLOSE = re.compile(r"\s*\)")
# For ASCII text the two searches above run on a bytes copy where S, R, K, J, M and A are
# one marker byte (\x80, in no ASCII text), digits another (\x81), whitespace and "(" a
# space: a weekday's place starts with a literal, a day's with two (its last digit and a
# space), which the engine finds far faster than a set. They match wherever the two do
# (and maybe elsewhere): a weekday is confirmed by name, a day by _DAY_MONTH_NAME.
_SPACES = bytes(byte for byte in range(128) if chr(byte).isspace()) + b"("
_MARKS = bytes.maketrans(
    b"SRKJMA0123456789" + _SPACES, b"\x80" * 6 + b"\x81" * 10 + b" " * len(_SPACES)
)
_WEEKDAY_PLACES = re.compile(
    rb"\x80(?:enin|elasa|abu|amis|um'?at|abtu|inggu|had)(?![A-Za-z0-9_\x80\x81])"
)
_MONTH_PLACES = _alternation(_MONTHS).encode("ascii").translate(_MARKS)
_DAY_PLACES = re.compile(rb"\x81 (?:(?<= \x81 )|(?<= \x81\x81 )) *(?:%b)" % _MONTH_PLACES)
_ASCII_WEEKDAYS = dict(zip(WEEKDAY_NAMES, range(7), strict=True)) | {"Jum'at": 4, "Ahad": 6}
_FIRST = operator.itemgetter(0)
_FIELD = operator.attrgetter("field")
_YEAR = operator.attrgetter("year")
# A weekday alone names the day of the news after a comma ("di Jakarta, Senin.") or
# after "pada"/"hari"; searched in the few characters before the weekday.
_BARE_BEFORE = re.compile(r"(?:,|\b(?:pada|[Hh]ari))\s*$")
# ... but not a day to come: "Senin depan".
_FUTURE = re.compile(r"\s*(?:depan|mendatang|besok|lusa)\b")
# A year printed on its own ("sepanjang tahun 2017", "hingga akhir Maret 2017"), not as
# part of a number (1.2017, 2017,5) or of a numeric date.
# The look-behind comes after "19" or "20" (and looks past them): a pattern that starts
# with a look-behind is tried at every position, one that starts with digits is not.
_LOOSE_YEAR = re.compile(r"(?:19|20)(?<![\d/.,]..)\d\d(?![\d/]|[.,]\d)")

# How much a mention in each place says about the article's own date. The dateline is
# the agency's own date; the caption, title and lead describe the day of the news; a date
# elsewhere in the body only counts when it falls on the lead's weekday.
_PLACE_WEIGHTS = {"dateline.date": 0.8, "caption.text": 0.6, "title": 0.6, "lead": 0.6}
_BODY_WEIGHT = 0.3
_BARE_WEEKDAY_WEIGHT = 0.3
_WEEKDAY_MISMATCH_FACTOR = 0.5
_INFERRED_YEAR_FACTOR = 0.8
# Every (month, day) of a leap year: the days that exist in some year.
_CALENDAR = frozenset(
    (day.month, day.day)
    for day in (datetime.date(2000, 1, 1) + datetime.timedelta(n) for n in range(366))
)
# ANTARA's news site went online in the 1990s; an earlier day is history, not the date of
# a page.
_FIRST_ONLINE_YEAR = 1996


@attrs.frozen
class DateMention:
    """One date written in the article.

    ``start`` and ``end`` are character offsets into the text of ``field``:
    ``article.title``, ``article.caption.text``, ``article.dateline.date`` or
    ``article.paragraphs[i]`` for ``paragraphs.<i>``; ``text`` is exactly that slice.
    """

    text: str
    """The mention as printed, e.g. ``Senin (1/7/2024)`` or ``Senin``."""
    date: str | None
    """The ISO date it stands for, or ``None`` when the text does not say (a bare weekday
    without a dated reference, a day and month without any year in the article)."""
    start: int
    """Offset of the first character in the field's text."""
    end: int
    """Offset one past the last character."""
    field: str
    """The field the mention is in, ``title``, ``caption.text``, ``dateline.date`` or
    ``paragraphs.<i>``."""
    form: str
    """``numeric`` (``1/7/2024``), ``textual`` (``1 Juli 2024``) or ``weekday`` (alone)."""
    weekday: str | None = None
    """The printed weekday, spelled as in :data:`WEEKDAY_NAMES` (``Jum'at`` is ``Jumat``)."""
    weekday_agrees: bool | None = None
    """Whether the printed weekday is the calendar weekday of ``date``; ``None`` when there
    is nothing to compare (no printed weekday, no date, or a bare weekday)."""
    year_inferred: bool = False
    """True when the year was not printed but taken from the article's other dates or its
    copyright year."""


@attrs.frozen
class Dates(Enrichment):
    """The dates an article mentions and the date it is about."""

    kind: ClassVar[str] = "dates"

    published: str | None
    """The article's own date (the day of the news), ISO; ``None`` when the dateline,
    caption, title and lead carry no date that resolves to a day."""
    confidence: float
    """How well the mentions support ``published``, from 0.0 to 1.0 (0.0 when it is
    ``None``)."""
    mentions: tuple[DateMention, ...] = ()
    """Every date mention in reading order (title, caption, dateline, paragraphs)."""
    evidence: tuple[int, ...] = ()
    """Indices into ``mentions`` of the mentions that support ``published``."""
    conflicts: tuple[int, ...] = ()
    """Indices into ``mentions`` of mentions in the dateline, caption, title or lead that
    point to another day; empty when the sources agree."""
    basis: str | None = None
    """Which evidence won: ``published_at`` (the page's own date line or trailer, read by
    the parser), else the place of the strongest supporting mention (``dateline.date``,
    ``title``, ``lead``, ``caption.text``, ``body``); ``None`` when ``published`` is.
    Records written before version 3 have ``None``."""


class _Found(NamedTuple):
    """A mention before its year is known (a named tuple: several are made for every
    article, and a tuple is made faster than an attrs instance)."""

    text: str
    start: int
    end: int
    field: str
    form: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None


# A _Found from a tuple of all its fields, without the named tuple's Python-level __new__.
_new_found = functools.partial(tuple.__new__, _Found)


class _Fields(NamedTuple):
    """The texts dates are looked for in, in reading order, and the names of those
    before the paragraphs; a paragraph's name is made only for a mention in it."""

    texts: list[str]
    leading: list[str]

    def name(self, index: int) -> str:
        """The name of the field of ``texts[index]``, e.g. ``title`` or ``paragraphs.3``."""
        leading = len(self.leading)
        return self.leading[index] if index < leading else paragraph_field(index - leading)


def _fields(article: Article) -> _Fields:
    fields = _Fields([article.title or ""], ["title"])
    if article.caption is not None:
        fields.texts.append(article.caption.text)
        fields.leading.append("caption.text")
    if article.dateline is not None and article.dateline.date is not None:
        fields.texts.append(article.dateline.date)
        fields.leading.append("dateline.date")
    fields.texts.extend(article.paragraphs)
    return fields


def _find(fields: _Fields) -> list[_Found]:
    """The mentions in ``fields``, in order."""
    if "\x00" in "".join(fields.texts):  # the separator would not separate (memchr)
        return [
            found
            for index, field in enumerate(fields.texts)
            for found in _scan(_Fields([field], [fields.name(index)]), _SEPARATOR + field)
        ]
    return _scan(fields, _SEPARATOR + _SEPARATOR.join(fields.texts))


def _scan(fields: _Fields, text: str) -> list[_Found]:
    """The mentions in ``fields``, none of which holds a NUL, found by searching their
    joined ``text`` (with a separator in front) once per pattern instead of each field
    (most have no date)."""
    # Where each field starts in the joined text (and, last, one past its end). The first
    # has a separator in front too, so looking left from a match never leaves its field.
    step = len(_SEPARATOR)
    starts = list(
        itertools.accumulate(map(_AFTER_SEPARATOR, map(len, fields.texts)), initial=step)
    )

    # The three patterns run over all fields at once; their matches never overlap.
    weekdays: dict[int, tuple[int, int]] = {}  # (start, number) by where each ends
    textual: list[re.Match[str]] = []
    if text.isascii():  # (a flag of the string: free)
        marked = text.encode("ascii").translate(_MARKS)
        for place in _WEEKDAY_PLACES.finditer(marked):
            start, stop = place.span()
            number = _ASCII_WEEKDAYS.get(text[start:stop])
            if number is not None and not text[start - 1].isalnum():
                weekdays[stop] = (start, number)
        end = 0  # of the last day and month
        for place in _DAY_PLACES.finditer(marked):
            start = place.start() - 1  # before the day's last digit: its first, or before
            if text[start].isdigit():
                start -= 1
            if start >= end:  # as finditer, which gives no overlapping matches
                match = _DAY_MONTH_NAME.match(text, start)
                if match is not None:
                    end = match.end()
                    textual.append(match)
    else:
        for match in _WEEKDAY.finditer(text):
            start = match.start()
            if not text[start - 1].isalnum():  # not the end of another word
                weekdays[match.end()] = (start, _WEEKDAYS[match.group().lower()])
        textual = list(_DAY_MONTH_NAME.finditer(text))

    # (start, end, day, month, printed year, form) of each day and month, numeric first:
    # _SLASH_DATE.finditer, tried at each "/" that str.find finds (memchr, far faster).
    days: list[tuple[int, int, int, int, str | None, str]] = []
    slash = text.find("/")
    while slash >= 0:
        match = _SLASH_DATE.match(text, slash)
        end = slash + 1 if match is None else match.end()
        if match is not None:
            one, two, month, printed_year = match.groups()
            day = one or two
            days.append((slash - len(day), end, int(day), int(month), printed_year, "numeric"))
        slash = text.find("/", end)
    for match in textual:
        day, month, printed_year = match.group("day", "month", "year")
        start = match.start("day")
        days.append((start, match.end(), int(day), _MONTHS[month], printed_year, "textual"))

    leading = fields.leading
    dateline = leading.index("dateline.date") if "dateline.date" in leading else -1
    # (start, end, (form, day, month, year, weekday)) of each mention
    found: list[tuple[int, int, tuple[str, int | None, int | None, int | None, int | None]]] = []
    for start, end, day, month, printed_year, form in days:
        if (month, day) not in _CALENDAR:  # no such day in any year
            continue
        # An opening parenthesis counts only with its closing one. (The text starts with
        # a separator, so looking left stops there.)
        left = start
        while text[left - 1].isspace():
            left -= 1
        close = _CLOSE.match(text, end) if text[left - 1] == "(" else None
        if close is not None:
            start, end = left - 1, close.end()
        left = start
        while text[left - 1] == "," or text[left - 1].isspace():
            left -= 1
        weekday = weekdays.pop(left, None)
        start, number = (start, None) if weekday is None else weekday
        # "3/4" alone may be a fraction or a score; ANTARA writes dates in parentheses,
        # after a weekday, with a four-digit year, or as the dateline's date.
        if form == "numeric" and not (
            close
            or weekday
            or (printed_year and len(printed_year) == 4)
            or bisect.bisect_right(starts, start) - 1 == dateline
        ):
            continue
        year = None
        if printed_year is not None:
            year = int(printed_year) + (2000 if len(printed_year) == 2 else 0)
        found.append((start, end, (form, day, month, year, number)))
    for end, (start, number) in weekdays.items():
        left = max(starts[bisect.bisect_right(starts, start) - 1], start - 8)  # in its field
        if _BARE_BEFORE.search(text, left, start) and not _FUTURE.match(text, end):
            found.append((start, end, ("weekday", None, None, None, number)))
    if len(found) > 1:
        found.sort(key=_FIRST)

    mentions = []
    names = len(leading)
    for begin, finish, details in found:
        index = bisect.bisect_right(starts, begin) - 1
        offset = starts[index]
        name = leading[index] if index < names else paragraph_field(index - names)
        mentions.append(
            _new_found((text[begin:finish], begin - offset, finish - offset, name, *details))
        )
    return mentions


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except (ValueError, OverflowError):  # OverflowError: a year beyond a C int
        return None


def _resolve(
    found: _Found, years: list[int], loose_years: list[int], news_weekday: int | None
) -> tuple[datetime.date | None, bool]:
    """Return the date of a dated mention and whether its year was inferred.

    A missing year is the first of ``years`` that makes a valid date on the printed
    weekday, else the first that makes a valid date. Without any of ``years``, it is the
    first of ``loose_years`` on which the day falls on the printed weekday, or, if the
    mention prints none, on ``news_weekday``.
    """
    day, month, year, weekday = found[5:]
    assert day is not None
    assert month is not None
    if year is not None:
        return _make_date(year, month, day), False
    first = None
    for year in years:
        date = _make_date(year, month, day)
        if date is not None:
            if weekday is None or date.weekday() == weekday:
                return date, True
            first = first or date
    if first is not None:
        return first, True
    # A year printed on its own is weaker evidence than a dated one, so it needs a
    # weekday to agree: "Selasa (14/3)" with "sepanjang tahun 2017" is 14 March 2017.
    weekday = news_weekday if weekday is None else weekday
    for year in loose_years if weekday is not None else ():
        date = _make_date(year, month, day)
        if date is not None and date.weekday() == weekday:
            return date, True
    return None, True


def _noisy_or(weights: list[float]) -> float:
    """The chance that at least one independent piece of evidence is right."""
    return 1.0 - math.prod(1.0 - weight for weight in weights)


class _Weighed(NamedTuple):
    """The mentions weighed, a list per column. A bare weekday has no date nor record
    (None) until the article's date is decided; a place is ``dateline.date``,
    ``caption.text``, ``title``, ``lead`` or (the only one not primary) ``body``."""

    records: list[DateMention | None]
    dates: list[datetime.date | None]
    weights: list[float]
    places: list[str]
    weekdays: list[int | None]  # printed


def _sides(weighed: _Weighed, day: datetime.date) -> tuple[list[int], list[int]]:
    """Indices of the mentions that support ``day`` and of those that contradict it (only
    in the dateline, caption, title or lead; a bare weekday only there)."""
    weekday = day.weekday()
    sides: tuple[list[int], list[int]] = ([], [])
    for index, (record, date, _, place, printed) in enumerate(zip(*weighed, strict=True)):
        if record is None:  # a bare weekday
            if place != "body":
                sides[printed != weekday].append(index)
        elif date == day:
            sides[0].append(index)
        elif place != "body" and date is not None:
            sides[1].append(index)
    return sides


def _weigh(article: Article, fields: _Fields, found: list[_Found]) -> _Weighed:
    # Years to complete "Senin (1/7)": printed years in reading order, then the copyright;
    # without either, years printed on their own ("tahun 2017", "Maret 2017").
    years = [year for year in map(_YEAR, found) if year is not None]
    if article.published_at is not None:
        years.insert(0, article.published_at.year)
    if article.copyright is not None:
        years.append(article.copyright.year)
    years = list(dict.fromkeys(years))
    loose_years: list[int] = []
    if not years and any(mention.form != "weekday" for mention in found):
        loose = (int(year) for text in fields.texts for year in _LOOSE_YEAR.findall(text))
        loose_years = list(dict.fromkeys(loose))
    # Where each mention is: its field, or "lead" in the lead sentence (paragraph 0 up
    # to its first sentence end, looked for only if a mention is there: they are one run).
    places = list(map(_FIELD, found))
    if "paragraphs.0" in places:
        lead_end = article_text(article.paragraphs).lead_end(0)
        for index in range(places.index("paragraphs.0"), len(places)):
            if places[index] != "paragraphs.0":
                break
            if found[index].start < lead_end:
                places[index] = "lead"
    # The day of the news, when the dateline, caption, title and lead print it as a bare
    # weekday and agree: a dateline's "11/2" may take a loose year on which it falls.
    news_weekday = None
    if loose_years:
        news_weekdays = {
            mention.weekday
            for mention, place in zip(found, places, strict=True)
            if mention.form == "weekday" and place in _PLACE_WEIGHTS
        }
        news_weekday = news_weekdays.pop() if len(news_weekdays) == 1 else None

    weighed = _Weighed([], [], [], [], [])
    records, dates, weights, wheres, weekdays = weighed
    # A date is resolved once however often it is printed ("Minggu (15/8)" in the lead
    # and again below): the result depends only on these four and the article's years.
    resolved: dict[tuple[int | None, ...], tuple[datetime.date | None, bool, str | None]] = {}
    for mention, place in zip(found, places, strict=True):
        text, start, end, field, form, _, _, _, weekday = mention
        weight = _PLACE_WEIGHTS.get(place)
        wheres.append("body" if weight is None else place)
        weekdays.append(weekday)
        if form == "weekday":
            records.append(None)
            dates.append(None)
            weights.append(_BARE_WEEKDAY_WEIGHT)
            continue
        key = mention[5:]  # the day, month, year and weekday
        known = resolved.get(key)
        if known is None:
            date, inferred = _resolve(mention, years, loose_years, news_weekday)
            known = resolved[key] = (date, inferred, None if date is None else date.isoformat())
        date, inferred, iso = known
        weight = _BODY_WEIGHT if weight is None else weight
        if inferred:
            weight *= _INFERRED_YEAR_FACTOR
        agrees = None
        if weekday is not None and date is not None:
            agrees = date.weekday() == weekday
            if not agrees:
                weight *= _WEEKDAY_MISMATCH_FACTOR
        dates.append(date)
        weights.append(weight)
        name = None if weekday is None else WEEKDAY_NAMES[weekday]
        inferred = inferred and date is not None
        # Positional arguments, in the order of DateMention's fields: a little faster.
        records.append(DateMention(text, iso, start, end, field, form, name, agrees, inferred))
    return weighed


def _candidates(weighed: _Weighed) -> list[datetime.date]:
    """Days that may be the article's own: dates in the dateline, caption, title or lead,
    and dates elsewhere that fall on a weekday printed there."""
    places = weighed.places
    weekdays = {
        day for day, place in zip(weighed.weekdays, places, strict=True) if place != "body"
    }
    days: list[datetime.date] = []
    for date, place in zip(weighed.dates, places, strict=True):
        if date is None or date in days:
            continue
        if place != "body" or date.weekday() in weekdays:
            days.append(date)
    return days


def _mentions(
    found: list[_Found], weighed: _Weighed, published: datetime.date | None
) -> tuple[DateMention, ...]:
    """The records of the weighed mentions, once the article's date is decided: a bare
    weekday is the nearest such day on or before it."""
    mentions = []
    for mention, record in zip(found, weighed.records, strict=True):
        if record is None:
            text, start, end, field, form, _, _, _, weekday = mention
            assert weekday is not None
            iso = None
            if published is not None:
                date = published - datetime.timedelta((published.weekday() - weekday) % 7)
                iso = date.isoformat()
            name = WEEKDAY_NAMES[weekday]
            record = DateMention(text, iso, start, end, field, form, name, None, False)
        mentions.append(record)
    return tuple(mentions)


def _plausible(article: Article, day: datetime.date) -> bool:
    """Whether ``day`` can be the day the article was published: not after the year its
    copyright names, nor more than a year before it (a story about 1937 mentions 1937);
    without a copyright, not before ANTARA published online."""
    if article.copyright is not None and article.copyright.year >= _FIRST_ONLINE_YEAR:
        return article.copyright.year - 1 <= day.year <= article.copyright.year
    return day.year >= _FIRST_ONLINE_YEAR


def enrich(article: Article) -> Dates:
    """Find the date mentions of ``article`` and decide the date it is about.

    The page's own date (``article.published_at``, from a date line or trailer) is the
    strongest evidence and wins outright. Otherwise the mentions are weighed; a day is a
    candidate only if it is plausible (not after the copyright year nor more than a year
    before it), and a day that only a photo caption gives loses to any other dated place
    that disagrees: a photo may be older than the news.
    """
    fields = _fields(article)
    found = _find(fields)
    weighed = _weigh(article, fields, found)

    published: datetime.date | None = None
    confidence = 0.0
    evidence: tuple[int, ...] = ()
    conflicts: tuple[int, ...] = ()
    basis: str | None = None
    if article.published_at is not None:
        published, confidence, basis = article.published_at.date(), 1.0, "published_at"
        evidence, conflicts = map(tuple, _sides(weighed, published))
    else:
        records, _, weights, places, _ = weighed
        for day in _candidates(weighed):
            if not _plausible(article, day):
                continue
            pro, con = _sides(weighed, day)
            other = con and any(places[i] != "caption.text" for i in con)
            if other and {places[i] for i in pro if records[i] is not None} == {"caption.text"}:
                continue  # only the photo gives the day, and the story says otherwise
            pro_weights = [weights[i] for i in pro]
            pro_weight = sum(pro_weights)
            agreement = pro_weight / (pro_weight + sum(weights[i] for i in con))
            score = round(_noisy_or(pro_weights) * agreement, 3)
            if score > confidence:
                published, confidence, evidence, conflicts = day, score, tuple(pro), tuple(con)
                basis = places[pro[pro_weights.index(max(pro_weights))]]  # the first heaviest

    return Dates(
        published=None if published is None else published.isoformat(),
        confidence=confidence,
        mentions=_mentions(found, weighed, published),
        evidence=evidence,
        conflicts=conflicts,
        basis=basis,
    )


@hookimpl
def seedcorpus_enrichers() -> Iterator[EnricherSpec]:
    """Provide the ``dates`` enricher."""
    yield EnricherSpec(
        name="dates",
        enrich=enrich,
        types=(Dates,),
        description="Indonesian date mentions and the article's own date, with evidence",
        # 2: without a dated year or a copyright, a year printed on its own completes a
        # day and month whose printed weekday it agrees with.
        # 3: article.published_at wins; implausible days and caption-only days that the
        # story contradicts lose; Dates.basis says which evidence won.
        version="3",
    )
