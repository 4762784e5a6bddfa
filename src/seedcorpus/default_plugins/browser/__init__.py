"""The corpus browser: datasette made into a reader's site for a corpus database.

``seedcorpus serve`` runs it (see ``docs/browsing.md``). It is built from datasette's own
parts: the views the ``sqlite`` exporter writes (``article_list``, ``speakers``,
``acronyms``), the metadata of :mod:`~seedcorpus.default_plugins.browser.metadata`
(descriptions, facets, sorting, canned queries), the templates and stylesheet in this
package, and the datasette plugin :mod:`~seedcorpus.default_plugins.browser.plugin`.
Needs the ``serve`` extra. It is part of the ``sqlite`` exporter: its ``serve``
capability runs :func:`serve`.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from seedcorpus.default_plugins.browser import metadata as _metadata
from seedcorpus.errors import SeedcorpusError

__all__ = ["INSTALL_HINT", "STATIC", "TEMPLATES", "create_datasette", "serve"]

TEMPLATES = Path(__file__).with_name("templates")
"""The browser's templates; each extends datasette's own and falls back to it."""
STATIC = Path(__file__).with_name("static")
"""The browser's static files."""
INSTALL_HINT = "pip install 'seedcorpus[serve]'"
"""What to install for the browser."""

# datasette facets and searches within these limits (milliseconds); its defaults are
# tuned for a laptop, and the array facet on tags of a 10,000-article corpus needs more
# on a shared machine.
_SETTINGS = {"facet_time_limit_ms": 1000, "sql_time_limit_ms": 3000, "suggest_facets": False}


def create_datasette(database: str | os.PathLike[str]) -> Any:
    """A datasette serving ``database`` (opened immutable) as the corpus browser.

    Registers the browser's plugin with datasette once per process; it acts only on
    datasettes made here.

    :raises SeedcorpusError: if datasette is not installed (the message says what to
        install), or ``database`` is not a database written by ``seedcorpus build``.
    """
    settings = _metadata.metadata(database)
    try:
        # Imported here: datasette is an optional extra, and has no type information.
        from datasette.app import Datasette
        from datasette.plugins import pm
    except ImportError:
        raise SeedcorpusError(f"serving needs datasette: {INSTALL_HINT}") from None
    from seedcorpus.default_plugins.browser import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="seedcorpus-browser")
    return Datasette(
        immutables=[str(database)],
        metadata=settings,
        template_dir=str(TEMPLATES),
        static_mounts=[(plugin.STATIC_MOUNT, str(STATIC))],
        settings=_SETTINGS,
    )


def serve(database: str | os.PathLike[str], *, host: str, port: int) -> None:
    """Serve ``database`` as the corpus browser at ``http://host:port/`` until interrupted.

    Prints the address of the home page first, then datasette's request log. The
    database is opened immutable (read-only, without locking): restart the server after
    rebuilding it.

    :raises SeedcorpusError: if datasette is not installed (the message says what to
        install) or ``database`` is not a seedcorpus database.
    """
    path = Path(database)
    datasette = create_datasette(path)
    try:
        import uvicorn
    except ImportError:  # pragma: no cover - datasette depends on uvicorn
        raise SeedcorpusError(f"serving needs datasette: {INSTALL_HINT}") from None
    # What `datasette serve` does before starting: run plugins' startup hooks.
    asyncio.run(datasette.invoke_startup())
    home = datasette.urls.instance()
    url_host = f"[{host}]" if ":" in host else host
    print(f"serving {path} at http://{url_host}:{port}{home} (Ctrl-C to stop)", flush=True)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="info", lifespan="on")
