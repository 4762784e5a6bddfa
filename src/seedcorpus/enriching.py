"""Running enrichers on an article: each result added, each failure recorded, never
an article lost."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from seedcorpus.models import Article, Enrichment, Problem, UnknownEnrichment
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
    results: list[Enrichment | UnknownEnrichment] = []
    enrichment: Enrichment | UnknownEnrichment
    problems = article.problems
    for spec in enrichers:
        try:
            enrichment = spec.enrich(article)
            if not isinstance(enrichment, Enrichment) or enrichment.kind != spec.name:
                raise TypeError(f"returned {enrichment!r}, not a {spec.name!r} enrichment")
        # An enricher failure never drops the article; its sys.exit() is a failure too.
        except (Exception, SystemExit) as error:
            plugin = registry.owner("enricher", spec.name).name
            problem = Problem(
                "enricher-failed",
                f"enricher {spec.name!r} (plugin {plugin!r}) raised "
                f"{describe_error(error)} on article {article.id!r}",
                path=article.source.path,
            )
            problems = (*problems, problem)
            continue
        results.append(enrichment)
    kinds = {enrichment.kind for enrichment in results}
    # Re-enriching replaces the old result of the same kind instead of doubling it (and a
    # kind met twice keeps its last result, at the place of the last).
    if article.enrichments or len(kinds) < len(results):
        enrichments = list(article.enrichments)
        for enrichment in results:
            enrichments = [e for e in enrichments if e.kind != enrichment.kind] + [enrichment]
        results = enrichments
    return _with(article, tuple(results), problems)


def _with(
    article: Article,
    enrichments: tuple[Enrichment | UnknownEnrichment, ...],
    problems: tuple[Problem, ...],
) -> Article:
    """``attrs.evolve(article, enrichments=..., problems=...)``, with the fields passed
    by a function made for the class: evolve looks each one up, for every article."""
    cls = type(article)
    make = _MAKERS.get(cls)
    if make is None:
        make = _MAKERS[cls] = _maker(cls)
    made: Article = make(article, enrichments, problems)
    return made


_MAKERS: dict[type[Any], Callable[[Any, Any, Any], Any]] = {}


def _maker(cls: type[Any]) -> Callable[[Any, Any, Any], Any]:
    """A function ``(instance, enrichments, problems)`` that calls ``cls`` with every
    other ``__init__`` argument read from the instance, as ``attrs.evolve`` does."""
    arguments = [
        f"{field.alias}={field.name if field.name in _CHANGED else 'a.' + field.name}"
        for field in attrs.fields(cls)
        if field.init
    ]
    source = f"def make(a, enrichments, problems):\n    return cls({', '.join(arguments)})\n"
    names: dict[str, Any] = {"cls": cls}
    exec(compile(source, f"<seedcorpus evolve {cls.__qualname__}>", "exec"), names)
    make: Callable[[Any, Any, Any], Any] = names["make"]
    return make


_CHANGED = frozenset({"enrichments", "problems"})
