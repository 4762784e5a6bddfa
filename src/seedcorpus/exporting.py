"""Writing articles with an exporter: atomically, counted, timed, errors named.

Exporting a whole corpus (:meth:`ArticleSource.export <seedcorpus.ArticleSource.export>`)
and a selection of it (:func:`seedcorpus.selection.export_selection`) both end here, so
both replace the destination only when the exporter finished, and both report a
third-party exporter's failure the same way.
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path

import attrs

from seedcorpus.atomic import atomic_destination
from seedcorpus.errors import ExportError, SeedcorpusError
from seedcorpus.manifest import INDEX_NAME
from seedcorpus.models import Article, Problem
from seedcorpus.plugins import describe_error
from seedcorpus.registry import Registry

__all__ = ["ExportReport", "check_not_input", "write_export"]


@attrs.frozen
class ExportReport:
    """What an export did."""

    destination: Path
    """Where the output was written."""
    articles: int
    """Articles written."""
    problems: tuple[Problem, ...]
    """Every problem met: articles skipped, and problems recorded in written articles."""
    seconds: float
    """Wall-clock time of the whole export."""


def check_not_input(destination: str | os.PathLike[str], source: object) -> None:
    """Refuse ``destination`` if writing it would replace what ``source`` reads.

    For a corpus folder that is the folder itself (or a folder holding it), its
    ``INDEX.md``, and every file its manifest lists; no force replaces them. An export
    opened as a corpus is read whole before its replacement is renamed into place, so
    it may be its own output.

    :raises ExportError: naming ``destination`` and what it is.
    """
    manifest = getattr(source, "manifest", None)
    root = getattr(source, "root", None)
    if manifest is None or root is None:
        return
    folder = Path(root).resolve()
    target = Path(destination).resolve()
    refusal = "an output never replaces the corpus it reads: choose another output"
    if target == folder or folder.is_relative_to(target):
        what = "the corpus folder" if target == folder else "a folder holding the corpus"
        raise ExportError(f"is {what}; {refusal}", path=destination)
    if not target.is_relative_to(folder):
        return  # the usual case: nothing to compare with the manifest's files
    if target == folder / INDEX_NAME:
        raise ExportError(f"is the corpus's {INDEX_NAME}; {refusal}", path=destination)
    for entry in manifest.entries:
        if (folder / entry.file).resolve() == target:
            message = f"is the article file {entry.file!r} of the corpus; {refusal}"
            raise ExportError(message, path=destination)


def _check_written(temporary: Path, directory: bool) -> None:
    """Raise if the exporter returned without making what it was to make: the rename
    would fail with a bare ``FileNotFoundError``, or put a folder where a file goes."""
    if not temporary.exists():
        raise RuntimeError(f"wrote nothing: it must create the {_kind(directory)} it is given")
    if temporary.is_dir() != directory:
        made = _kind(temporary.is_dir())
        raise RuntimeError(f"made a {made} where the output is a {_kind(directory)}")


def _kind(directory: bool) -> str:
    return "folder" if directory else "file"


def write_export(
    registry: Registry,
    format: str,
    articles: Iterable[Article],
    destination: str | os.PathLike[str],
    problems: list[Problem],
    *,
    force: bool = False,
    progress: Callable[[], None] | None = None,
    source: object = None,
) -> ExportReport:
    """Write ``articles`` with the exporter called ``format``, atomically.

    :param problems: the list the iteration of ``articles`` fills; the report keeps it.
    :param source: the corpus the articles come from: its files are never replaced (see
        :func:`~seedcorpus.exporting.check_not_input`).
    :param force: replace an existing destination.
    :param progress: called once per article handed to the exporter.
    :raises ExportError: if the destination exists (without ``force``), is one of the
        source corpus's files, or the exporter fails; it is then left as it was.
    """
    spec = registry.exporter(format)
    check_not_input(destination, source)
    started = time.perf_counter()
    count = 0

    def counted() -> Iterator[Article]:
        nonlocal count
        for article in articles:
            count += 1
            if progress is not None:
                progress()
            yield article

    with atomic_destination(destination, force=force, directory=spec.directory) as temporary:
        try:
            spec.write(counted(), temporary, registry.converter)
            _check_written(temporary, spec.directory)
        except SeedcorpusError:
            raise
        # A plugin's sys.exit() is its bug too: it must not end the program unexplained.
        except (Exception, SystemExit) as error:
            # The failed exporter's frames hold what it opened (a file on a pipe, a
            # database): let them go now, not when the error is, so that nothing waits
            # on them (standard output's copier waits for the pipe to close).
            traceback.clear_frames(error.__traceback__)
            plugin = registry.owner("exporter", format).name
            raise ExportError(
                f"exporter {format!r} (plugin {plugin!r}) failed: {describe_error(error)}",
                path=destination,
            ) from error
        finally:
            # An exporter that fails stops reading mid-way: close the articles now, so
            # worker processes behind them stop here, not when the garbage is collected.
            if isinstance(articles, Generator):
                articles.close()
    return ExportReport(Path(destination), count, tuple(problems), time.perf_counter() - started)
