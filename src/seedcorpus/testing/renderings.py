"""Hypothesis strategy: one article written in each rendering real ANTARA files come in.

Page stores, AMP pages and scrapers print the same article differently (see the
documentation's "ANTARA layout" page). :func:`antara_styled_renderings` draws an article
from :func:`~seedcorpus.testing.strategies.antara_articles`, picks a rendering, and
returns the article that rendering still carries together with its text: what
:func:`~seedcorpus.default_plugins.antara.parse_antara` must read back, field by field.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import attrs
from hypothesis import strategies as st

from seedcorpus.models import Article, Caption, Dateline
from seedcorpus.testing.strategies import antara_articles

__all__ = ["RENDERING_STYLES", "antara_styled_renderings"]

RENDERING_STYLES = ("blank-line", "single-newline", "body-first", "amp", "trailer", "copy")
"""The renderings :func:`antara_styled_renderings` writes."""

_MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
_ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_ZONES = (("WIB", 7), ("WITA", 8), ("WIT", 9))
_SIGNOFFS = ("(K009)", "(*)", "(ANT)", "(T.h-CS/B/B008/B008)", "(V. Puspa S)")
_FILLER = "Warga setempat menyambut baik kegiatan itu"
# What other sites print around a copy.
_SECTIONS = ("Ekonomi", "Ekonomi > Makro", "Nasional » Politik", "Olahraga › Sepak Bola")
_SHARE_LINES = ("Bagikan: Facebook Twitter WhatsApp", "Share this article", "BAGIKAN")
_LINK_KEYS = st.sampled_from(("Baca juga: ", "Baca Juga:\n", "BACA JUGA:\n"))
_LIST_HEADERS = st.sampled_from(("Berita Terkait", "BERITA TERKAIT:", "Baca Juga"))
_PLACEHOLDERS = (
    "Advertisement",
    "Scroll to continue with content",
    'Simak Video "Warga antusias sambut kegiatan"',
    "[Gambas:Video 20detik]",
)
_FOLLOW_LINES = (
    "Ikuti berita terkini dari kami di Google News",
    "Simak breaking news pilihan kami langsung di WhatsApp Channel",
)


def _moment(draw: st.DrawFn) -> tuple[datetime, str]:
    """A publication time and its zone's name, to the minute."""
    zone, hours = draw(st.sampled_from(_ZONES))
    naive = draw(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2030, 12, 31)))
    moment = naive.replace(second=0, microsecond=0, tzinfo=timezone(timedelta(hours=hours)))
    return moment, zone


def _date_line(
    moment: datetime, zone: str, *, weekday: bool, views: int | None, form: int = 0
) -> str:
    """The date line of ``moment`` as ANTARA prints it (``form`` 0), or as other sites,
    feeds and the English site do: 1 abbreviated (``Sen, 16 Des 2024 17:02 WITA``), 2 in
    English, month first (``December 3, 2024 10:05 WIB``), 3 ISO with its offset, 4 after
    ``Diterbitkan``."""
    if form == 1:
        day = _WEEKDAYS[moment.weekday()][:3]
        month = _MONTHS[moment.month - 1][:3]
        return f"{day}, {moment.day:02d} {month} {moment.year} {moment:%H:%M} {zone}"
    if form == 2:
        month = _ENGLISH_MONTHS[moment.month - 1]
        return f"{month} {moment.day}, {moment.year} {moment:%H:%M} {zone}"
    if form == 3:
        return moment.isoformat()
    line = f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M} {zone}"
    if form == 4:
        return f"Diterbitkan {line}"
    if weekday:
        line = f"{_WEEKDAYS[moment.weekday()]}, {line}"
    return line if views is None else f"{line} {views}"


def _dateline(article: Article) -> str:
    assert article.dateline is not None
    dateline = article.dateline
    place = ", ".join(part for part in (dateline.city, dateline.region, dateline.date) if part)
    return f"{place} ({dateline.agency}) -"


def _body(article: Article) -> list[str]:
    body = list(article.paragraphs)
    if article.dateline is not None:
        opening = _dateline(article)
        body[:1] = [f"{opening} {body[0]}" if body else opening]
    if article.signoff is not None:
        body.append(article.signoff)
    body.extend(f"Baca juga: {title}" for title in article.related)
    return body


def _footer(article: Article) -> list[str]:
    lines = []
    if article.syndication is not None:
        site, original = article.syndication.site, article.syndication.original_title
        lines.append(f"Berita ini telah tayang di {site} dengan judul: {original}")
    if article.byline.reporter is not None:
        lines.append(f"Pewarta: {article.byline.reporter}")
    if article.byline.editor is not None:
        lines.append(f"Editor: {article.byline.editor}")
    if article.copyright is not None:
        lines.append(f"COPYRIGHT © {article.copyright.holder} {article.copyright.year}")
    return lines


def _caption(caption: Caption) -> str:
    return " ".join(part for part in (caption.text, caption.credit) if part)


def _head(article: Article) -> list[str]:
    assert article.title is not None
    head = [article.title]
    if article.language is not None:
        head.append(f"{article.language} {','.join(article.tags)}".rstrip())
    head.append(article.title)
    if article.caption is not None:
        head.append(_caption(article.caption))
    return head


def _copy(draw: st.DrawFn, article: Article, date_line: str) -> tuple[Article, str]:
    """Another site's page copying ``article``, and what it still carries."""
    assert article.title is not None
    section = draw(st.none() | st.sampled_from(_SECTIONS))
    caption = article.caption if article.caption and article.caption.credit else None
    dateline = article.dateline or Dateline(city="Jakarta", agency="ANTARA")
    metadata = {"source": "ANTARA"}
    lines = [] if section is None else [f"Home > {section}"]
    lines.append(article.title)
    reporter, editor = article.byline.reporter, article.byline.editor
    if reporter is not None and draw(st.booleans()):
        lines.append(f"Laporan Wartawan Example.id, {reporter}")
        reporter = None
    names = [
        f"{key}: {value}"
        for key, value in (("Reporter", reporter), ("Editor", editor))
        if value is not None
    ]
    if names:
        lines.append(" | ".join(names))
    lines.append(f"Oleh: Antara | {date_line}")
    if caption is not None:
        lines.append(_caption(caption))
    signoff = draw(st.sampled_from((article.signoff, "(Antara)")))
    article = attrs.evolve(
        article,
        language=None,
        tags=(),
        section=section,
        caption=caption,
        dateline=dateline,
        signoff=signoff,
    )
    # A link's title may be on the line after its key, as pages print a link, or the
    # titles may follow a "Berita Terkait" header, a line each (where none ends as a
    # sentence does: such a line in a list reads as the body going on).
    body = [line.replace("Baca juga: ", draw(_LINK_KEYS), 1) for line in _body(article)]
    listable = not any(title[-1] in '.!?"”' for title in article.related)
    if listable and article.related and draw(st.booleans()):
        body = body[: -len(article.related)]
        body.append("\n".join([draw(_LIST_HEADERS), *article.related]))
    # An ad or a video placeholder between two paragraphs.
    body.insert(draw(st.integers(1, len(body))), draw(st.sampled_from(_PLACEHOLDERS)))
    lines += [*body, draw(st.sampled_from(_SHARE_LINES))]
    if article.syndication is not None:
        site, original = article.syndication.site, article.syndication.original_title
        url = f"https://www.antaranews.com/berita/{draw(st.integers(1, 10**7))}/judul"
        metadata["syndication.url"] = url
        lines.append(
            f'Artikel ini telah tayang di {site} dengan judul "{original}", klik untuk baca: {url}'
        )
    if article.copyright is not None:
        lines.append(f"COPYRIGHT © {article.copyright.holder} {article.copyright.year}")
    lines += ["Sumber: ANTARA", draw(st.sampled_from(_FOLLOW_LINES))]
    return attrs.evolve(article, metadata=metadata), "\n\n".join(lines) + "\n"


@st.composite
def antara_styled_renderings(draw: st.DrawFn) -> tuple[str, Article, str]:
    """``(style, article, text)``: ``text`` is ``article`` in the rendering ``style`` (one
    of ``RENDERING_STYLES``), and ``article`` holds exactly the fields that rendering
    carries (a body-first text has no title, tag line or caption; an AMP page declares no
    language but prints a date line and a ``Tags:`` line). Problems and spans aside,
    ``parse_antara`` reads ``text`` back as ``article``.

    * ``blank-line``: the plain layout, blocks between blank lines, maybe a sign-off;
    * ``single-newline``: the title, then every other line after a single newline;
    * ``body-first``: page text from the dateline paragraph on, sometimes no footer;
    * ``amp``: title, date line (``27 Januari 2016 14:53 WIB``, or as other sites and
      feeds print it: ``Sen, 16 Des 2024 17:02 WITA``, ``December 3, 2024 10:05 WIB``,
      ``2024-12-20T09:30:00+07:00``, ``Diterbitkan ...``), caption, body, footer lines,
      the first paragraph printed again, a ``Tags:`` line, single newlines;
    * ``trailer``: the plain layout, then the title again and a line such as
      ``Rabu, 23 September 2020 20:02 WIB 7522``;
    * ``copy``: another site's page: a breadcrumb (the section), the title, a
      ``Reporter: A | Editor: B`` line (or ``Laporan Wartawan <site>, A``),
      ``Oleh: Antara | <date line>``, the caption if it has a credit, the body (related
      links maybe with their title on the next line or listed after a ``Berita Terkait``
      header, maybe ending ``(Antara)``, an ad or
      video placeholder between two paragraphs), a share bar, ``Artikel ini telah tayang
      di <site> dengan judul "<title>", klik untuk baca: <address>``, ``Sumber: ANTARA``
      (both in ``metadata``) and a "follow us" line.
    """
    style = draw(st.sampled_from(RENDERING_STYLES))
    article = draw(antara_articles())
    paragraphs = article.paragraphs or (_FILLER,)
    signoff = draw(st.none() | st.sampled_from(_SIGNOFFS))
    # Each style prints its own date line, or none.
    article = attrs.evolve(article, paragraphs=paragraphs, signoff=signoff, published_at=None)

    if style == "blank-line":
        return style, article, "\n\n".join([*_head(article), *_body(article), *_footer(article)])
    if style == "single-newline":
        lines = [*_head(article), *_body(article), *_footer(article)]
        return style, article, lines[0] + "\n\n" + "\n".join(lines[1:]) + "\n"
    if style == "body-first":
        dateline = article.dateline or Dateline(city="Jakarta", agency="ANTARA")
        article = attrs.evolve(
            article, title=None, language=None, tags=(), caption=None, dateline=dateline
        )
        if draw(st.booleans()):
            article = attrs.evolve(article, syndication=None, copyright=None)
            article = attrs.evolve(article, byline=type(article.byline)())
        blocks = [*_body(article), "\n".join(_footer(article))]
        return style, article, "\n\n".join(block for block in blocks if block) + "\n"

    moment, zone = _moment(draw)
    article = attrs.evolve(article, published_at=moment)
    if style == "amp":
        caption = article.caption
        if caption is not None and caption.credit is None:
            caption = None  # an AMP caption line is told from the body by its credit
        # An AMP page prints no repeated title, so without a dateline a first paragraph
        # like the title would read as its repetition: the body opens with a dateline.
        dateline = article.dateline or Dateline(city="Jakarta", agency="ANTARA")
        article = attrs.evolve(article, language=None, caption=caption, dateline=dateline)
        assert article.title is not None
        form = draw(st.integers(min_value=0, max_value=4))
        lines = [article.title, _date_line(moment, zone, weekday=False, views=None, form=form)]
        if caption is not None:
            lines.append(_caption(caption))
        lines += [*_body(article), *_footer(article)]
        if article.copyright is not None:
            lines.append(_body(article)[0])  # the page repeats itself after its footer
        if article.tags:
            lines.append(f"Tags: {', '.join(article.tags)}")
        return style, article, "\n".join(lines) + "\n"

    if style == "copy":
        return style, *_copy(draw, article, _date_line(moment, zone, weekday=True, views=None))
    assert style == "trailer"
    views = draw(st.integers(min_value=0, max_value=99999))
    trailer = [article.title or "", _date_line(moment, zone, weekday=True, views=views)]
    blocks = [*_head(article), *_body(article), "\n".join(_footer(article)), *trailer]
    return style, article, "\n\n".join(block for block in blocks if block) + "\n"
