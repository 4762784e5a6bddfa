"""Testing helpers for seedcorpus and its plugins (needs the ``test`` extra: Hypothesis).

* Hypothesis strategies: :func:`articles`, :func:`antara_articles`,
  :func:`antara_texts`, :func:`manifests`, ... (module ``seedcorpus.testing.strategies``),
  and :func:`antara_styled_renderings`, an article in each rendering real files come in
  (module ``seedcorpus.testing.renderings``);
* contract checks any plugin can run in its own tests: :func:`check_parser`,
  :func:`check_enricher`, :func:`check_exporter`, and :func:`registry_with`
  (module ``seedcorpus.testing.contracts``);
* synthetic corpora: :func:`synth_corpus`, :func:`synth_article`
  (:mod:`seedcorpus.apps.synth`, which needs no test dependency).
"""

from seedcorpus.apps.synth import synth_article, synth_corpus
from seedcorpus.testing.contracts import (
    check_enricher,
    check_exporter,
    check_parser,
    registry_with,
)
from seedcorpus.testing.renderings import RENDERING_STYLES, antara_styled_renderings
from seedcorpus.testing.strategies import (
    antara_articles,
    antara_renderings,
    antara_texts,
    articles,
    from_type,
    manifest_entries,
    manifest_files,
    manifest_texts,
    manifests,
    sources,
    unknown_enrichments,
)

__all__ = [
    "RENDERING_STYLES",
    "antara_articles",
    "antara_renderings",
    "antara_styled_renderings",
    "antara_texts",
    "articles",
    "check_enricher",
    "check_exporter",
    "check_parser",
    "from_type",
    "manifest_entries",
    "manifest_files",
    "manifest_texts",
    "manifests",
    "registry_with",
    "sources",
    "synth_article",
    "synth_corpus",
    "unknown_enrichments",
]
