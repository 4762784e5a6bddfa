"""The plugin contract: the hooks a seedcorpus plugin may implement.

Each hook takes no arguments and yields typed records from :mod:`seedcorpus.specs`.
A plugin is a module (or object) with functions named like the hooks and marked with
:data:`hookimpl`; a package makes it known through the ``seedcorpus`` entry-point group::

    [project.entry-points.seedcorpus]
    wordfreq = "seedcorpus_wordfreq"

The built-in parsers, enrichers and exporters (the modules
:data:`seedcorpus.plugins.DEFAULT_PLUGINS` names) are plugins of exactly this kind.
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from seedcorpus.specs import EnricherSpec, ExporterSpec, ParserSpec

__all__ = [
    "PROJECT_NAME",
    "hookimpl",
    "hookspec",
    "seedcorpus_enrichers",
    "seedcorpus_exporters",
    "seedcorpus_parsers",
]

PROJECT_NAME = "seedcorpus"
"""The pluggy project name, also the entry-point group plugins register under."""

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
"""Marks a function in this module as a hook specification."""

hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
"""Marks a plugin's function as an implementation of a seedcorpus hook."""


@hookspec
def seedcorpus_parsers() -> Iterable[ParserSpec]:  # type: ignore[empty-body]
    """Yield the parsers this plugin provides.

    Example::

        from seedcorpus import Article, Document, ParserSpec, hookimpl
        from seedcorpus.text import normalize

        def parse_plain(document: Document) -> Article:
            title, _, body = document.text.partition("\\n\\n")
            paragraphs = (normalize(block) for block in body.split("\\n\\n"))
            return Article(id=document.id, source=document.source,
                           title=normalize(title) or None,
                           paragraphs=tuple(p for p in paragraphs if p))

        @hookimpl
        def seedcorpus_parsers():
            yield ParserSpec(name="plain", parse=parse_plain, description="Title, then body",
                             patterns=("*.text",))
    """


@hookspec
def seedcorpus_enrichers() -> Iterable[EnricherSpec]:  # type: ignore[empty-body]
    """Yield the enrichers this plugin provides.

    Example::

        from typing import ClassVar
        import attrs
        from seedcorpus import Article, EnricherSpec, Enrichment, hookimpl

        @attrs.frozen
        class WordCount(Enrichment):
            kind: ClassVar[str] = "wordcount"
            words: int

        def count_words(article: Article) -> WordCount:
            return WordCount(words=sum(len(p.split()) for p in article.paragraphs))

        @hookimpl
        def seedcorpus_enrichers():
            yield EnricherSpec(name="wordcount", enrich=count_words, types=(WordCount,))
    """


@hookspec
def seedcorpus_exporters() -> Iterable[ExporterSpec]:  # type: ignore[empty-body]
    """Yield the exporters this plugin provides.

    ``write`` receives typed articles; optional capabilities (``read``, ``count``,
    ``search``, ``serve``) are further fields of the spec. Example::

        from seedcorpus import ExporterSpec, hookimpl

        def one_cell(text):
            return " ".join(text.split())  # no tab or line break inside a cell

        def write_titles(articles, destination, converter):
            with open(destination, "w", encoding="utf-8") as out:
                for article in articles:
                    out.write(f"{one_cell(article.id)}\\t{one_cell(article.title or '')}\\n")

        def count_lines(destination):
            with open(destination, encoding="utf-8") as lines:
                return sum(1 for _ in lines)

        @hookimpl
        def seedcorpus_exporters():
            yield ExporterSpec(name="titles", write=write_titles, suffix=".tsv",
                               count=count_lines)
    """
