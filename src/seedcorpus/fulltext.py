"""Full-text search of an output, through whichever exporter offers it.

The core knows no search engine: it asks the registry for the exporter offering the
``search`` capability (the built-in ``sqlite`` exporter does), so a disabled plugin's
search is disabled with it.
"""

from __future__ import annotations

import os
from pathlib import Path

from seedcorpus.registry import Registry
from seedcorpus.specs import SearchHit

__all__ = ["search"]


def search(
    database: str | os.PathLike[str],
    query: str,
    *,
    limit: int = 10,
    markers: tuple[str, str] = ("[", "]"),
    registry: Registry | None = None,
) -> list[SearchHit]:
    """Full-text search of an output (a database written by ``seedcorpus build``),
    best matches first.

    For the ``sqlite`` exporter's databases, ``query`` is FTS5 syntax or plain text (see
    ``docs/formats/sqlite.md``), ranked by bm25 with the title weighted above caption
    and body.

    :param limit: the most hits to return (at least 1).
    :param markers: the strings put before and after each match in the snippet.
    :param registry: the plugins to use; by default the built-ins and every installed
        plugin.
    :raises UnknownPluginError: if no installed exporter offers search.
    :raises SeedcorpusError: for a missing or foreign database, or a bad query.
    """
    registry = Registry.load() if registry is None else registry
    spec = registry.exporter_with("search", database)
    assert spec.search is not None  # exporter_with picks only exporters that offer it
    return spec.search(Path(database), query, limit=limit, markers=markers)
