"""The flat columns of an article: one scalar per column, as tabular exports store them.

The ``sqlite`` exporter's ``articles`` table and the ``csv`` exporter's rows share these
columns, so they are defined once, here, in the core: neither exporter imports the
other, and a plugin writing a table can use them too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from seedcorpus.models import Article

__all__ = ["ARTICLE_COLUMNS", "article_row"]

ARTICLE_COLUMNS = (
    "id", "path", "sha256", "parser", "language", "title", "url", "published_at", "section",
    "caption", "caption_credit", "dateline_city", "dateline_agency", "body", "original_title",
    "reporter", "editor", "copyright_year", "published",
)  # fmt: skip
"""The flat columns, in order."""


def article_row(article: Article, enrichments: Sequence[Mapping[str, Any]]) -> tuple[Any, ...]:
    """The article's values for :data:`ARTICLE_COLUMNS`.

    ``enrichments`` is the article's ``enrichments`` in their JSON form (what the
    converter's ``unstructure`` gave, so it is computed once per article): ``published``
    is the ``dates`` enrichment's field of that name, which the JSON contract fixes, so
    the column does not depend on the ``dates`` plugin being installed.

    >>> from seedcorpus.models import Source
    >>> article = Article(id="a", source=Source("a.txt", "00", "antara"), title="Judul")
    >>> article_row(article, [{"kind": "dates", "published": "2024-07-01"}])[-1]
    '2024-07-01'
    """
    caption, dateline = article.caption, article.dateline
    syndication, copyright_ = article.syndication, article.copyright
    dates = next((e for e in enrichments if e.get("kind") == "dates"), None) or {}
    published_at = article.published_at
    return (
        article.id,
        article.source.path,
        article.source.sha256,
        article.source.parser,
        article.language,
        article.title,
        article.url,
        None if published_at is None else published_at.isoformat(),
        article.section,
        None if caption is None else caption.text,
        None if caption is None else caption.credit,
        None if dateline is None else dateline.city,
        None if dateline is None else dateline.agency,
        "\n\n".join(article.paragraphs),
        None if syndication is None else syndication.original_title,
        article.byline.reporter,
        article.byline.editor,
        None if copyright_ is None else copyright_.year,
        dates.get("published"),
    )
