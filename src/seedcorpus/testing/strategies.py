"""Hypothesis strategies for articles, manifests and ANTARA texts.

Every strategy the project's own tests use is here, so plugin authors test with the
same generators. Import them from :mod:`seedcorpus.testing`.

One concept a module; this module re-exports the public strategies:

* ``_manifest_strategies``: :func:`manifest_texts`, :func:`manifest_files`,
  :func:`manifest_entries`, :func:`manifests`;
* ``_antara_articles``: :func:`antara_articles`, articles the ANTARA layout can hold;
* ``_antara_texts``: :func:`antara_renderings` and :func:`antara_texts`, their texts,
  noisy and damaged;
* ``_json_articles``: :func:`from_type`, :func:`unknown_enrichments`, :func:`articles`,
  :func:`sources`, what the JSON contract holds;
* ``_byte_choices``: the private helper that reads many small choices from one draw.
"""

from __future__ import annotations

from seedcorpus.testing._antara_articles import antara_articles
from seedcorpus.testing._antara_texts import antara_renderings, antara_texts
from seedcorpus.testing._json_articles import articles, from_type, sources, unknown_enrichments
from seedcorpus.testing._manifest_strategies import (
    manifest_entries,
    manifest_files,
    manifest_texts,
    manifests,
)

__all__ = [
    "antara_articles",
    "antara_renderings",
    "antara_texts",
    "articles",
    "from_type",
    "manifest_entries",
    "manifest_files",
    "manifest_texts",
    "manifests",
    "sources",
    "unknown_enrichments",
]
