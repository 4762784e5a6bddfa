"""The dates enricher's weighing and decision against those of 021993e, kept here as the
reference: years resolved without lists, the mentions weighed column by column with
their records made as they are weighed, and each candidate day tallied in one pass must
give the same result on any article."""

from __future__ import annotations

import datetime
import math
from typing import NamedTuple

from articles import article, news_articles
from hypothesis import example, given, settings
from hypothesis import strategies as st

from seedcorpus.default_plugins import dates
from seedcorpus.default_plugins.dates import WEEKDAY_NAMES, DateMention, Dates, _Found
from seedcorpus.models import Article, Caption, Copyright, Dateline
from seedcorpus.text import article_text

_PLACE_WEIGHTS = {"dateline.date": 0.8, "caption.text": 0.6, "title": 0.6, "lead": 0.6}


def _make_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _reference_resolve(
    found: _Found, years: list[int], loose_years: list[int], news_weekday: int | None
) -> tuple[datetime.date | None, bool]:
    assert found.day is not None
    assert found.month is not None
    if found.year is not None:
        return _make_date(found.year, found.month, found.day), False
    dates_ = [d for d in (_make_date(year, found.month, found.day) for year in years) if d]
    weekday = news_weekday if found.weekday is None else found.weekday
    if not dates_ and weekday is not None:
        dates_ = [
            d
            for d in (_make_date(year, found.month, found.day) for year in loose_years)
            if d and d.weekday() == weekday
        ]
    matching = [d for d in dates_ if found.weekday is None or d.weekday() == found.weekday]
    return next(iter(matching or dates_), None), True


class _Weighed(NamedTuple):
    found: _Found
    date: datetime.date | None
    year_inferred: bool
    weight: float
    primary: bool
    place: str = "body"


def _reference_sides(
    weighed: list[_Weighed], day: datetime.date
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    weekday = day.weekday()
    pro: list[int] = []
    con: list[int] = []
    for index, w in enumerate(weighed):
        if w.found.form == "weekday":
            if w.primary:
                (pro if w.found.weekday == weekday else con).append(index)
        elif w.date == day:
            pro.append(index)
        elif w.primary and w.date is not None:
            con.append(index)
    return tuple(pro), tuple(con)


def _reference_weigh(item: Article, texts: list[str], found: list[_Found]) -> list[_Weighed]:
    years = [mention.year for mention in found if mention.year is not None]
    if item.published_at is not None:
        years.insert(0, item.published_at.year)
    if item.copyright is not None:
        years.append(item.copyright.year)
    years = list(dict.fromkeys(years))
    loose_years: list[int] = []
    if not years and any(mention.form != "weekday" for mention in found):
        loose = (int(year) for text in texts for year in dates._LOOSE_YEAR.findall(text))
        loose_years = list(dict.fromkeys(loose))
    places = []
    lead_end = -1
    news_weekdays = set()
    for mention in found:
        place = mention.field
        if place == "paragraphs.0":
            if lead_end < 0:
                lead_end = article_text(item.paragraphs).lead_end(0)
            if mention.start < lead_end:
                place = "lead"
        places.append(place)
        if mention.form == "weekday" and place in _PLACE_WEIGHTS:
            news_weekdays.add(mention.weekday)
    news_weekday = news_weekdays.pop() if len(news_weekdays) == 1 else None
    weighed = []
    for mention, place in zip(found, places, strict=True):
        primary = place in _PLACE_WEIGHTS
        where = place if primary else "body"
        if mention.form == "weekday":
            weighed.append(_Weighed(mention, None, False, 0.3, primary, where))
            continue
        date, inferred = _reference_resolve(mention, years, loose_years, news_weekday)
        weight = _PLACE_WEIGHTS.get(place, 0.3)
        if inferred:
            weight *= 0.8
        if mention.weekday is not None and date is not None and date.weekday() != mention.weekday:
            weight *= 0.5
        weighed.append(
            _Weighed(mention, date, inferred and date is not None, weight, primary, where)
        )
    return weighed


def _reference_candidates(weighed: list[_Weighed]) -> list[datetime.date]:
    weekdays = {w.found.weekday for w in weighed if w.primary and w.found.weekday is not None}
    days: list[datetime.date] = []
    for w in weighed:
        if w.date is None or w.date in days:
            continue
        if w.primary or w.date.weekday() in weekdays:
            days.append(w.date)
    return days


def _reference_mentions(
    weighed: list[_Weighed], published: datetime.date | None
) -> tuple[DateMention, ...]:
    mentions = []
    for w in weighed:
        found, date, agrees = w.found, w.date, None
        if found.form == "weekday":
            if published is not None and found.weekday is not None:
                date = published - datetime.timedelta((published.weekday() - found.weekday) % 7)
        elif found.weekday is not None and date is not None:
            agrees = date.weekday() == found.weekday
        mentions.append(
            DateMention(
                found.text,
                None if date is None else date.isoformat(),
                found.start,
                found.end,
                found.field,
                found.form,
                None if found.weekday is None else WEEKDAY_NAMES[found.weekday],
                agrees,
                w.year_inferred,
            )
        )
    return tuple(mentions)


def _reference_enrich(item: Article) -> Dates:
    """021993e's enrich after the scan (which test_dates_scan checks)."""
    fields = dates._fields(item)
    weighed = _reference_weigh(item, fields.texts, dates._find(fields))
    published: datetime.date | None = None
    confidence = 0.0
    evidence: tuple[int, ...] = ()
    conflicts: tuple[int, ...] = ()
    basis: str | None = None
    if item.published_at is not None:
        published, confidence, basis = item.published_at.date(), 1.0, "published_at"
        evidence, conflicts = _reference_sides(weighed, published)
    else:
        for day in _reference_candidates(weighed):
            if not dates._plausible(item, day):
                continue
            pro, con = _reference_sides(weighed, day)
            places = {weighed[i].place for i in pro if weighed[i].found.form != "weekday"}
            if places == {"caption.text"} and any(weighed[i].place != "caption.text" for i in con):
                continue
            pro_weight = sum(weighed[i].weight for i in pro)
            agreement = pro_weight / (pro_weight + sum(weighed[i].weight for i in con))
            noisy_or = 1.0 - math.prod(1.0 - weighed[i].weight for i in pro)
            score = round(noisy_or * agreement, 3)
            if score > confidence:
                published, confidence, evidence, conflicts = day, score, pro, con
                basis = max((weighed[i] for i in pro), key=lambda w: w.weight).place
    return Dates(
        published=None if published is None else published.isoformat(),
        confidence=confidence,
        mentions=_reference_mentions(weighed, published),
        evidence=evidence,
        conflicts=conflicts,
        basis=basis,
    )


# Dates in every form, right and wrong, and what the weighing looks at around them:
# weekdays that agree or not, years printed with a date, on their own or not at all,
# the words before a bare weekday, sentence ends (the lead), NUL and non-ASCII text.
_PIECES = st.sampled_from(
    ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Jum’at", "Sabtu", "Minggu", "Ahad",
     "Senin (5/2)", "Senin (5/2/2024)", "(5/2/2024)", "5/2/2024", "(5/2)", "Selasa (5/2)",
     "Kamis (29/2)", "(29/2)", "(31/4)", "Rabu (14/3)", "Selasa (14/3)", "(1/7/24)",
     "5 Februari 2024", "Senin, 5 Februari 2024", "5 Februari", "Rabu, 14 Maret",
     "29 Februari", "17 Agustus 1945", "Senin (1/3/1937)", "tahun 2017", "Maret 2017",
     "1995", "2016", "2024", " pada ", " hari ", "Hari ", ", ", ". ", " depan", " besok",
     "di Jakarta, Senin.", "kata dia, Rabu.", "Ia", "x", "\x00", "é", "’", " ", "  "]
)  # fmt: skip
_DATED_TEXTS = st.lists(_PIECES, max_size=10).map("".join)
_MOMENTS = st.none() | st.sampled_from(
    [datetime.datetime(2024, 2, 5, 9, 0), datetime.datetime(2017, 3, 14, 23, 30)]
)
_YEARS = st.none() | st.sampled_from([1937, 1990, 2016, 2017, 2020, 2024, 2025, 2**40])


@st.composite
def _dated_articles(draw: st.DrawFn) -> Article:
    year = draw(_YEARS)
    date = draw(st.none() | _DATED_TEXTS | st.sampled_from(["5/2", "14/3", "29/2"]))
    return article(
        *draw(st.lists(_DATED_TEXTS, max_size=5)),
        title=draw(_DATED_TEXTS),
        caption=draw(st.none() | _DATED_TEXTS.map(Caption)),
        dateline=None if date is None else Dateline("Jakarta", "ANTARA", date=date),
        copyright=None if year is None else Copyright("ANTARA", year),
        published_at=draw(_MOMENTS),
    )


@settings(max_examples=400)
@given(_dated_articles())
@example(article("Menteri meninjau pasar di Jakarta, Rabu.", caption=Caption("Senin (1/7/2024).")))
@example(article("Selasa (14/3) rapat.", "sepanjang tahun 2017 dan 2016"))
@example(
    article(
        "Gubernur meresmikan jalan itu, Senin.", dateline=Dateline("Mataram", "Antara", "11/2")
    )
)
def test_dated_articles_get_what_021993e_gave(item: Article) -> None:
    assert dates.enrich(item) == _reference_enrich(item)


@given(news_articles())
def test_generated_articles_get_what_021993e_gave(item: Article) -> None:
    assert dates.enrich(item) == _reference_enrich(item)


_NUMBERS = st.none() | st.integers(0, 40)


@settings(max_examples=300)
@given(
    st.integers(0, 40),
    st.integers(0, 14),
    st.none() | st.sampled_from([0, 1937, 2016, 2017, 2020, 2024, 2**40]),
    st.none() | st.integers(0, 6),
    st.lists(st.sampled_from([2015, 2016, 2017, 2020, 2023, 2024, 0, 2**40]), max_size=4),
    st.lists(st.sampled_from([1999, 2016, 2017, 2019, 2024, 10000]), max_size=4),
    st.none() | st.integers(0, 6),
)
def test_a_date_resolves_as_021993e_resolved_it(
    day: int,
    month: int,
    year: int | None,
    weekday: int | None,
    years: list[int],
    loose_years: list[int],
    news_weekday: int | None,
) -> None:
    found = _Found("x", 0, 1, "title", "numeric", day, month, year, weekday)
    assert dates._resolve(found, years, loose_years, news_weekday) == _reference_resolve(
        found, years, loose_years, news_weekday
    )
