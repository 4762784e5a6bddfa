"""Running enrichers on an article: each result added, each failure recorded, never
an article lost."""

from __future__ import annotations

import math
import typing
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

    An enricher that raises, returns something other than its kind of enrichment, or
    puts NaN or an infinity in a ``float`` field (JSON has neither: the export would not
    read back), is recorded as an ``enricher-failed`` problem naming it and its plugin;
    the article is kept without that enrichment.
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
            check = _FINITE.get(type(enrichment), _UNSEEN)
            if check is _UNSEEN:
                check = _FINITE[type(enrichment)] = _finite_check(type(enrichment))
            if check is not None and (field := check(enrichment)) is not None:
                raise ValueError(f"{field} is not a finite number, which JSON cannot hold")
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


_Check = Callable[[Any], str | None]
_UNSEEN: Any = object()
# By enrichment class: the check of its float fields, or None where it has none.
_FINITE: dict[type[Any], _Check | None] = {}


def _finite_check(cls: type[Any], depth: int = 0) -> _Check | None:
    """A function giving the first ``float`` field of a ``cls`` record (or of the records
    in its tuple fields, two levels down) that holds NaN or an infinity, as a path
    (``mentions[2].weight``), else None; None where there is no float field to check
    (or the annotations cannot be resolved)."""
    try:
        hints = typing.get_type_hints(cls)
    except Exception:
        return None
    checks: list[tuple[str, _Check | None]] = []
    for field in attrs.fields(cls):
        hint = hints.get(field.name)
        arguments = typing.get_args(hint)
        if hint is float or (float in arguments and typing.get_origin(hint) is not tuple):
            checks.append((field.name, None))
        elif depth < 2 and typing.get_origin(hint) is tuple and arguments[-1:] == (Ellipsis,):
            item = arguments[0]
            inner = _finite_check(item, depth + 1) if attrs.has(item) else None
            if inner is not None:
                checks.append((field.name, inner))
    if not checks:
        return None

    def check(record: Any) -> str | None:
        for name, inner in checks:
            value = getattr(record, name)
            if inner is None:
                if isinstance(value, float) and not math.isfinite(value):
                    return name
                continue
            for number, item in enumerate(value):
                found = inner(item)
                if found is not None:
                    return f"{name}[{number}].{found}"
        return None

    return check
