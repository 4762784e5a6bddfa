"""Running enrichers on an article: each result added, each failure recorded, never
an article lost."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from seedcorpus.models import Article, Enrichment, Problem
from seedcorpus.plugins import describe_error
from seedcorpus.registry import Registry
from seedcorpus.specs import EnricherSpec

__all__ = ["run_enrichers"]


def run_enrichers(
    article: Article, enrichers: Iterable[EnricherSpec], registry: Registry
) -> Article:
    """Return ``article`` with each enricher's result added (replacing one of the same kind).

    An enricher that raises, or returns something other than its kind of enrichment, is
    recorded as an ``enricher-failed`` problem naming it and its plugin; the article is
    kept without that enrichment.
    """
    enrichers = tuple(enrichers)
    if not enrichers:  # a view without enrichers: the article as it is, not a copy
        return article
    enrichments = list(article.enrichments)
    problems = list(article.problems)
    for spec in enrichers:
        try:
            enrichment = spec.enrich(article)
            if not isinstance(enrichment, Enrichment) or enrichment.kind != spec.name:
                raise TypeError(f"returned {enrichment!r}, not a {spec.name!r} enrichment")
        except Exception as error:  # an enricher failure never drops the article
            plugin = registry.owner("enricher", spec.name).name
            problems.append(
                Problem(
                    "enricher-failed",
                    f"enricher {spec.name!r} (plugin {plugin!r}) raised "
                    f"{describe_error(error)} on article {article.id!r}",
                    path=article.source.path,
                )
            )
            continue
        # Re-enriching replaces the old result of the same kind instead of doubling it.
        enrichments = [e for e in enrichments if e.kind != spec.name] + [enrichment]
    return attrs.evolve(article, enrichments=tuple(enrichments), problems=tuple(problems))
