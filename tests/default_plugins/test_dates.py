"""The dates enricher: Indonesian date forms, weekday checks, the article's own date."""

from __future__ import annotations

import datetime
import re

import cattrs
import pytest
from articles import SAMPLE, SEED, article, news_articles
from hypothesis import assume, given
from hypothesis import strategies as st

from seedcorpus.apps.synth import synth_article
from seedcorpus.default_plugins import dates
from seedcorpus.default_plugins.dates import WEEKDAY_NAMES, Dates
from seedcorpus.models import Article, Caption, Copyright, Dateline
from seedcorpus.testing import check_enricher

COPYRIGHT_2024 = Copyright(holder="ANTARA", year=2024)


def field_text(item: Article, field: str) -> str:
    """The text a mention's ``field`` names."""
    if field == "title":
        return item.title
    if field == "caption.text":
        assert item.caption is not None
        return item.caption.text
    if field == "dateline.date":
        assert item.dateline is not None
        assert item.dateline.date is not None
        return item.dateline.date
    kind, index = field.split(".")
    assert kind == "paragraphs"
    return item.paragraphs[int(index)]


def test_seed_is_dated_by_caption_lead_and_body() -> None:
    result = dates.enrich(SEED)

    assert result.published == "2024-07-01"
    assert [m.text for m in result.mentions] == ["Senin (1/7/2024)", "Senin", "Senin (1/7)"]
    assert [m.field for m in result.mentions] == ["caption.text", "paragraphs.0", "paragraphs.6"]
    assert all(m.date == "2024-07-01" for m in result.mentions)
    assert result.evidence == (0, 1, 2)
    assert result.conflicts == ()
    assert 0.7 < result.confidence < 1.0


def test_seed_body_date_takes_its_year_from_the_caption() -> None:
    caption, lead, body = dates.enrich(SEED).mentions

    assert caption.year_inferred is False
    assert body.year_inferred is True
    assert body.weekday == "Senin"
    assert body.weekday_agrees is True
    assert lead.form == "weekday"
    assert lead.weekday_agrees is None


def test_sample_with_only_a_weekday_has_no_published_date() -> None:
    result = dates.enrich(SAMPLE)

    assert result.published is None
    assert result.confidence == 0.0
    assert result.evidence == ()
    assert [(m.text, m.date, m.form) for m in result.mentions] == [("Selasa", None, "weekday")]


@pytest.mark.parametrize(
    ("text", "mention", "iso", "form", "weekday"),
    [
        ("Rapat digelar Senin (1/7/2024).", "Senin (1/7/2024)", "2024-07-01", "numeric", "Senin"),
        ("Rapat digelar Senin (1/7).", "Senin (1/7)", "2024-07-01", "numeric", "Senin"),
        ("Rapat digelar (2/7/24).", "(2/7/24)", "2024-07-02", "numeric", None),
        ("Rapat digelar 3/7/2024.", "3/7/2024", "2024-07-03", "numeric", None),
        (
            "ISTANBUL, Selasa, 23 Februari 2016 lalu.",
            "Selasa, 23 Februari 2016",
            "2016-02-23",
            "textual",
            "Selasa",
        ),
        ("Acara pada 1 Juli 2024 itu.", "1 Juli 2024", "2024-07-01", "textual", None),
        ("Acara pada 1 juli 2024 itu.", "1 juli 2024", "2024-07-01", "textual", None),
        ("Acara pada 1 Juli itu.", "1 Juli", "2024-07-01", "textual", None),
        ("Dibuka (17 Agt 2024) kemarin.", "(17 Agt 2024)", "2024-08-17", "textual", None),
        ("Tutup 31 Des 2024.", "31 Des 2024", "2024-12-31", "textual", None),
        ("Salat Jum'at (5/7/2024) ramai.", "Jum'at (5/7/2024)", "2024-07-05", "numeric", "Jumat"),
        ("Acara Ahad, 7 Juli 2024 pagi.", "Ahad, 7 Juli 2024", "2024-07-07", "textual", "Minggu"),
    ],
)
def test_indonesian_date_forms(
    text: str, mention: str, iso: str, form: str, weekday: str | None
) -> None:
    (found,) = dates.enrich(article(text, copyright=COPYRIGHT_2024)).mentions

    assert (found.text, found.date, found.form, found.weekday) == (mention, iso, form, weekday)
    assert found.weekday_agrees is (None if weekday is None else True)


@pytest.mark.parametrize(
    "text",
    [
        "Skor akhir 3/4 untuk tuan rumah.",  # a fraction, not a date
        "Diundur ke (31/2) menurut jadwal.",  # no such day
        "Dalam dua minggu, Minggu depan dibuka.",  # the noun "week" and a future day
        "Menurut UU 11/2020 hal itu sah.",  # a law's number and year
        "Harga Rp1/2 juta.",
    ],
)
def test_things_that_are_not_dates(text: str) -> None:
    assert dates.enrich(article(text, copyright=COPYRIGHT_2024)).mentions == ()


def test_weekday_that_disagrees_with_the_date_is_recorded_not_fixed() -> None:
    right = dates.enrich(article("Rapat di Jakarta, Senin (1/7/2024).", copyright=COPYRIGHT_2024))
    wrong = dates.enrich(article("Rapat di Jakarta, Selasa (1/7/2024).", copyright=COPYRIGHT_2024))

    (mention,) = wrong.mentions
    assert (mention.date, mention.weekday, mention.weekday_agrees) == (
        "2024-07-01",
        "Selasa",
        False,
    )
    assert wrong.published == "2024-07-01"
    assert wrong.confidence < right.confidence


def test_yearless_date_takes_the_copyright_year() -> None:
    result = dates.enrich(article("Rapat di Jakarta, Kamis (4/7).", copyright=COPYRIGHT_2024))

    (mention,) = result.mentions
    assert (mention.date, mention.year_inferred) == ("2024-07-04", True)
    assert result.published == "2024-07-04"


def test_yearless_date_takes_the_year_on_which_its_weekday_falls() -> None:
    # The caption's year (2023) comes first, but 1 July 2023 is a Saturday; the copyright
    # year makes "Senin (1/7)" a Monday.
    item = article(
        "Rapat digelar Senin (1/7).",
        caption=Caption("Foto arsip, Kamis (6/7/2023)."),
        copyright=COPYRIGHT_2024,
    )
    mentions = dates.enrich(item).mentions

    assert [m.date for m in mentions] == ["2023-07-06", "2024-07-01"]


def test_yearless_date_without_any_year_has_no_date() -> None:
    result = dates.enrich(article("Rapat di Jakarta, Senin (1/7)."))

    (mention,) = result.mentions
    assert mention.date is None
    assert result.published is None


def test_yearless_date_takes_a_loose_year_on_its_weekday() -> None:
    # No dated year and no copyright: "tahun 2017" completes "Selasa (14/3)", a Tuesday
    # in 2017 (this is how synthetic article 215 of seed 0 prints its date).
    item = article(
        "Harga naik, kata Budi di Jayapura, Selasa.",
        "Rapat digelar Selasa (14/3) di kantor gubernur.",
        "Target itu berlaku sepanjang tahun 2017.",
    )
    result = dates.enrich(item)

    lead, body = result.mentions
    assert (body.date, body.year_inferred, body.weekday_agrees) == ("2017-03-14", True, True)
    assert result.published == "2017-03-14"
    assert lead.date == "2017-03-14"


def test_loose_year_needs_the_weekday_to_agree() -> None:
    # 14 March 2017 is a Tuesday, not a Wednesday.
    result = dates.enrich(article("Rapat Rabu (14/3).", "Sepanjang tahun 2017 ramai."))

    (mention,) = result.mentions
    assert mention.date is None
    assert result.published is None


def test_dateline_date_takes_a_loose_year_on_the_lead_weekday() -> None:
    item = article(
        "Gubernur NTB meresmikan jalan itu, Senin.",
        "Jalan itu dibangun hingga akhir Januari 2019.",
        dateline=Dateline("Mataram", "Antara", date="11/2"),
    )
    result = dates.enrich(item)

    assert result.published == "2019-02-11"  # a Monday
    assert result.mentions[0].year_inferred is True


def test_loose_years_do_not_override_a_printed_or_copyright_year() -> None:
    # 14 March 2024 is a Thursday: the copyright year is kept, and the weekday disagrees.
    item = article("Rapat Selasa (14/3).", "Sepanjang tahun 2017 ramai.", copyright=COPYRIGHT_2024)
    (mention,) = dates.enrich(item).mentions

    assert (mention.date, mention.weekday_agrees) == ("2024-03-14", False)


def test_synthetic_articles_that_print_a_day_get_their_date() -> None:
    # Each synthetic article is written for one day; those that print a day and month
    # (not only a weekday) must be dated to it.
    checked = 0
    for index in range(200, 260):
        synthetic = synth_article(index)
        result = dates.enrich(synthetic.expected)
        if any(mention.form != "weekday" for mention in result.mentions):
            checked += 1
            assert result.published == synthetic.published.isoformat(), index
    assert checked > 50


@given(news_articles())
def test_one_scan_of_all_fields_finds_what_a_scan_of_each_finds(item: Article) -> None:
    fields = dates._fields(item)
    each = [
        found
        for index, text in enumerate(fields.texts)
        for found in dates._find(dates._Fields([text], [fields.name(index)]))
    ]

    assert dates._find(fields) == each


def test_no_date_at_all() -> None:
    result = dates.enrich(article("Harga cabai naik tajam di pasar."))

    assert result == Dates(published=None, confidence=0.0)


def test_dateline_date_with_the_copyright_year() -> None:
    item = article(
        "Gubernur NTB meresmikan jalan itu, Senin.",
        dateline=Dateline("Mataram", "Antara", date="7/12"),
        copyright=Copyright("ANTARA", 2020),
    )
    result = dates.enrich(item)

    assert result.published == "2020-12-07"  # a Monday, as the lead says
    assert [m.field for m in result.mentions] == ["dateline.date", "paragraphs.0"]
    assert result.evidence == (0, 1)


def test_bare_weekday_is_the_nearest_such_day_on_or_before_the_date() -> None:
    item = article(
        "Menteri meninjau pasar di Jakarta, Rabu.",
        title="Menteri meninjau pasar, Senin (1/7/2024)",
        copyright=COPYRIGHT_2024,
    )
    result = dates.enrich(item)

    _, lead = result.mentions
    assert result.published == "2024-07-01"
    assert (lead.text, lead.date) == ("Rabu", "2024-06-26")
    assert result.conflicts == (1,)
    assert result.confidence < 0.6
    assert result.basis == "title"


def test_a_caption_date_the_story_contradicts_is_not_the_published_day() -> None:
    # The photo is of an earlier day: the lead's weekday says the news is a Wednesday.
    item = article(
        "Menteri meninjau pasar di Jakarta, Rabu.",
        caption=Caption("Menteri meninjau pasar, Senin (1/7/2024)."),
        copyright=COPYRIGHT_2024,
    )
    result = dates.enrich(item)
    assert (result.published, result.basis) == (None, None)


def test_the_pages_own_date_wins() -> None:
    moment = datetime.datetime(
        2016, 1, 27, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7))
    )
    item = article(
        "Pasar ramai pada Senin (25/1/2016).",
        caption=Caption("Suasana pasar, Senin (25/1/2016)."),
        published_at=moment,
    )
    result = dates.enrich(item)
    # The page's local day, not the UTC one, and not the day the story mentions.
    assert (result.published, result.confidence, result.basis) == (
        "2016-01-27",
        1.0,
        "published_at",
    )
    assert result.conflicts == (0, 1)


@pytest.mark.parametrize(
    ("text", "copyright", "published"),
    [
        # A story about 1937 with a 2019 page: the historical day is not the page's.
        ("Peristiwa itu terjadi pada Senin (1/3/1937), kata dia.", 2019, None),
        ("Peristiwa itu terjadi pada Senin (1/3/1937), kata dia.", None, None),
        ("Pameran dibuka pada Jumat (1/3/2019), kata dia.", 2019, "2019-03-01"),
        ("Pameran dibuka pada Jumat (1/3/2019), kata dia.", 2024, None),
    ],
)
def test_implausible_days_are_not_published(
    text: str, copyright: int | None, published: str | None
) -> None:
    holder = None if copyright is None else Copyright("ANTARA", copyright)
    assert dates.enrich(article(text, copyright=holder)).published == published


def test_dates_from_version_2_read_back_without_a_basis() -> None:
    converter = cattrs.Converter()
    old = {"published": "2024-07-01", "confidence": 0.6}
    assert converter.structure(old, Dates).basis is None


def test_disagreeing_sources_are_reported() -> None:
    item = article(
        "Pameran dibuka di Jakarta, Selasa (2/7/2024).",
        caption=Caption("Suasana pameran, Senin (1/7/2024)."),
    )
    result = dates.enrich(item)

    assert result.published is not None
    assert len(result.conflicts) == 1
    published = {result.mentions[i].date for i in result.evidence}
    conflicting = {result.mentions[i].date for i in result.conflicts}
    assert published == {result.published}
    assert conflicting == {"2024-07-01", "2024-07-02"} - {result.published}


def test_body_date_counts_when_it_falls_on_the_lead_weekday() -> None:
    item = article(
        "Menteri meresmikan pasar di Jakarta, Senin.",
        "Peresmian itu dihadiri warga pada Senin (1/7).",
        "Pasar itu pertama dibuka pada 17 Agustus 1945.",
        copyright=COPYRIGHT_2024,
    )
    result = dates.enrich(item)

    assert result.published == "2024-07-01"
    assert [result.mentions[i].text for i in result.evidence] == ["Senin", "Senin (1/7)"]


def test_historic_body_date_is_a_mention_but_not_the_date() -> None:
    item = article("Warga berkumpul di alun-alun.", "Pasar itu dibuka pada 17 Agustus 1945.")
    result = dates.enrich(item)

    assert [m.date for m in result.mentions] == ["1945-08-17"]
    assert result.published is None


def test_every_weekday_name_resolves() -> None:
    monday = datetime.date(2024, 7, 1)
    for offset, name in enumerate(WEEKDAY_NAMES):
        day = monday + datetime.timedelta(days=offset)
        text = f"Rapat di Jakarta, {name} ({day.day}/{day.month}/{day.year})."
        (mention,) = dates.enrich(article(text)).mentions
        assert (mention.date, mention.weekday_agrees) == (day.isoformat(), True)


@given(news_articles())
def test_enrich_is_total_and_round_trips(item: Article) -> None:
    result = dates.enrich(item)
    converter = cattrs.Converter()

    assert converter.structure(converter.unstructure(result), Dates) == result
    assert 0.0 <= result.confidence <= 1.0
    assert (result.published is None) == (result.confidence == 0.0)
    for mention in result.mentions:
        assert field_text(item, mention.field)[mention.start : mention.end] == mention.text
    for index in result.evidence + result.conflicts:
        assert 0 <= index < len(result.mentions)
    assert {result.mentions[i].date for i in result.evidence} <= {result.published}


def test_plugin_contract() -> None:
    (spec,) = dates.seedcorpus_enrichers()
    assert spec.name == Dates.kind
    check_enricher(spec, max_examples=50)


@given(
    st.lists(st.sampled_from(["19", "20", "2017", "7", "0", "/", ".", ",", " ", "x"])).map("".join)
)
def test_loose_years_as_the_first_pattern_found_them(text: str) -> None:
    # The pattern as first written, with its look-behind in front.
    first = re.compile(r"(?<![\d/.,])(?:19|20)\d\d(?![\d/]|[.,]\d)")

    assert dates._LOOSE_YEAR.findall(text) == first.findall(text)


_SEARCH_PIECES = st.sampled_from(
    ["Senin", "Sabtu", "Jum'at", "Rabu", "Ahad", "Minggu", "S", "R", "K", "J", "M", "A",
     "enin", "abu", "1", "23", "2024", "/", " ", " ", "\t", "\x1c", "(", ")", ",", "\x01",
     "\x00 ", "Juli", "Juni", "Jun", "Maret", "Mei", "Agt", "desember", "x", "_", "é", "’"]
)  # fmt: skip


# Day, whitespace and month, right and almost right.
_DAY_MONTHS = st.tuples(
    st.sampled_from([" ", "(", "x", ""]),
    st.sampled_from(["1", "23", "123", "\x01"]),
    st.sampled_from([" ", "\t", "\x1c", "", "  "]),
    st.sampled_from(["Juli", "Juni", "Jun", "Maret", "desember", "Juli2", "Mei "]),
).map("".join)


@given(st.lists(_SEARCH_PIECES | _DAY_MONTHS, max_size=25).map("".join))
def test_searches_on_marked_bytes_find_what_finditer_finds(text: str) -> None:
    # For ASCII text the weekday and day-month searches run on a marked bytes copy: a
    # weekday's place confirmed by its name is a match of the weekday pattern, and every
    # day and month's name is at a place found (which is at the day's last digit).
    assume(text.isascii())
    marked = text.encode("ascii").translate(dates._MARKS)
    weekdays = [
        place.span()
        for place in dates._WEEKDAY_PLACES.finditer(marked)
        if text[place.start() : place.end()] in dates._ASCII_WEEKDAYS
    ]
    days = set()
    for place in dates._DAY_PLACES.finditer(marked):
        start = place.start() - 1
        days.add(start - 1 if text[start].isdigit() else start)

    assert weekdays == [match.span() for match in dates._WEEKDAY.finditer(text)]
    assert {match.start() for match in dates._DAY_MONTH_NAME.finditer(text)} <= days
