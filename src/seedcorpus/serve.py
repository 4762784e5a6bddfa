"""Browse a corpus database in datasette: what ``seedcorpus serve`` runs.

Needs the ``serve`` extra: ``pip install 'seedcorpus[serve]'`` (datasette). The browser
itself (views, metadata, templates, plugin) is :mod:`seedcorpus.browser`; this module
starts it. See ``docs/browsing.md``.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from seedcorpus.browser import INSTALL_HINT, create_datasette
from seedcorpus.browser.metadata import database_name, metadata
from seedcorpus.errors import SeedcorpusError

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "database_name", "metadata", "serve"]

DEFAULT_HOST = "127.0.0.1"
"""Only this machine can connect unless another host is asked for."""
DEFAULT_PORT = 8001
"""datasette's own default port."""


def serve(
    database: str | os.PathLike[str],
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
) -> None:
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
    print(f"serving {path} at http://{_url_host(host)}:{port}{home} (Ctrl-C to stop)", flush=True)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="info", lifespan="on")


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
