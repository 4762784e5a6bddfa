"""The flat view of an article: one row of scalar columns, as the SQLite ``articles``
table has them, and the helpers that read names, dates and speakers out of an article.

Conditions (:mod:`seedcorpus.query`), tables (``to_arrow``) and the report read articles
through these, so a change of the model (a byline of name lists) is made here once.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from seedcorpus.errors import UnknownEnrichmentKind
from seedcorpus.models import Article, Byline, UnknownEnrichment

__all__ = [
    "FLAT_COLUMNS",
    "byline_names",
    "enrichment_data",
    "flat_row",
    "published_date",
    "speakers",
]


def byline_names(byline: Byline, role: str) -> tuple[str, ...]:
    """The names of the ``role`` (``"reporter"`` or ``"editor"``) in a byline.

    >>> byline_names(Byline(reporters=("Ani", "Budi")), "reporter")
    ('Ani', 'Budi')
    """
    names: tuple[str, ...] = getattr(byline, f"{role}s")
    return names


def enrichment_data(article: Article, kind: str) -> dict[str, Any] | None:
    """The JSON object of the article's ``kind`` enrichment, or None if it has none.

    Works for typed enrichments and for ones kept raw because their plugin is missing.
    """
    try:
        found = article.enrichment(kind)
    except UnknownEnrichmentKind:
        # No installed plugin declares the kind (its plugin is disabled or gone), and the
        # article does not carry it: a column of it is empty, not an error.
        return None
    if found is None:
        return None
    if isinstance(found, UnknownEnrichment):
        data: dict[str, Any] = json.loads(found.json)
        return data
    return attrs.asdict(found, recurse=True)


def published_date(article: Article) -> str | None:
    """The article's publication date as ``YYYY-MM-DD``: the ``dates`` enrichment's
    ``published``, or None if the article has no ``dates`` enrichment or no date."""
    data = enrichment_data(article, "dates")
    return None if data is None else data.get("published")


def speakers(article: Article) -> list[str]:
    """The resolved speakers of the article's quotes (``quotes`` enrichment), in order."""
    data = enrichment_data(article, "quotes") or {}
    return [q["speaker"] for q in data.get("quotes", ()) if q.get("speaker")]


def flat_row(article: Article) -> dict[str, Any]:
    """The article as one flat row: the columns of the SQLite ``articles`` table (but
    ``json``), plus ``tags``; the columns of ``to_arrow()``."""
    caption, dateline = article.caption, article.dateline
    syndication, copyright_ = article.syndication, article.copyright
    return {
        "id": article.id,
        "path": article.source.path,
        "sha256": article.source.sha256,
        "parser": article.source.parser,
        "language": article.language,
        "title": article.title,
        "caption": caption and caption.text,
        "caption_credit": caption and caption.credit,
        "dateline_city": dateline and dateline.city,
        "dateline_agency": dateline and dateline.agency,
        "body": article.text,
        "original_title": syndication and syndication.original_title,
        "reporter": article.byline.reporter,
        "editor": article.byline.editor,
        "copyright_year": copyright_ and copyright_.year,
        "published": published_date(article),
        "tags": list(article.tags),
    }


FLAT_COLUMNS: dict[str, type] = {
    "id": str, "path": str, "sha256": str, "parser": str, "language": str, "title": str,
    "caption": str, "caption_credit": str, "dateline_city": str, "dateline_agency": str,
    "body": str, "original_title": str, "reporter": str, "editor": str,
    "copyright_year": int, "published": str,
}  # fmt: skip
"""The scalar columns (``tags`` is a list), with their types; what
:func:`~seedcorpus.query.where` can test."""
