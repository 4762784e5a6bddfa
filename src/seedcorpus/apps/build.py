"""The main job: keep an output (a SQLite database by default) up to date with a corpus.

:func:`build_database` looks the exporter up in the registry. If its spec offers the
optional :attr:`~seedcorpus.specs.ExporterSpec.update` capability (the ``sqlite``
exporter does), that brings an existing output up to date, redoing only what changed;
otherwise the output is written whole. This module is the core's side of the
capability: it gives the exporter an :class:`~seedcorpus.specs.UpdateRequest` through
which it reads articles, checks files against ``INDEX.md`` and stages its writes, and
turns what it did into a :class:`BuildReport`. It knows nothing of any format.

The whole build holds the output's lock (:func:`seedcorpus.atomic.output_lock`): two
builds of the same output take turns, and each sees the other's finished result.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from pathlib import Path

import attrs
from cattrs import Converter

from seedcorpus.atomic import atomic_destination, check_destination, output_lock
from seedcorpus.corpus import ArticleSource, Corpus, ExportedCorpus, ExportReport, run_enrichers
from seedcorpus.errors import (
    ChecksumError,
    ExportError,
    SeedcorpusError,
    UnknownPluginError,
)
from seedcorpus.exporting import check_not_input
from seedcorpus.manifest import path_problem, read_entry_bytes, sha256_hex, write_manifest
from seedcorpus.models import Article, ManifestEntry, Problem
from seedcorpus.plugins import describe_error
from seedcorpus.specs import ExporterSpec, FileStat

__all__ = [
    "BuildReport",
    "build_database",
    "changed_message",
    "find_exporter",
    "reindex",
    "stamps",
]


@attrs.frozen
class BuildReport(ExportReport):
    """What a build did, beyond an export's report."""

    mode: str = "full"
    """``full`` (written from scratch), ``incremental``, or ``unchanged``."""
    added: int = 0
    """Articles parsed and written because they were new or changed."""
    removed: int = 0
    """Articles taken out because the manifest no longer lists them, or their file
    changed without ``INDEX.md`` being rewritten."""
    reenriched: int = 0
    """Kept articles whose enrichments were brought up to date."""


def stamps(corpus: Corpus, spec: ExporterSpec) -> dict[str, str]:
    """The versions an output of ``corpus`` by ``spec`` is built with: ``parser:NAME``
    for each parser the manifest uses, ``enricher:NAME`` for each enricher of the view,
    and ``exporter:NAME``."""
    parsers = corpus.parser_names()
    found = {f"parser:{name}": corpus.registry.parser(name).version for name in parsers}
    found |= {f"enricher:{spec.name}": spec.version for spec in corpus.enrichers}
    found[f"exporter:{spec.name}"] = spec.version
    return found


def changed_message(actual: str, expected: str) -> str:
    """The problem message for a file whose bytes no longer match ``INDEX.md``.

    >>> changed_message("ab" * 32, "cd" * 32)[:60]
    'changed since INDEX.md was written: sha256 is ababababababab'
    """
    return f"changed since INDEX.md was written: sha256 is {actual}, INDEX.md says {expected}"


class _Request:
    """The core's :class:`~seedcorpus.specs.UpdateRequest` for one build."""

    def __init__(
        self,
        corpus: Corpus,
        spec: ExporterSpec,
        output: Path,
        *,
        full: bool,
        jobs: int,
        strict: bool,
        progress: Callable[[], None] | None,
    ) -> None:
        self.corpus = corpus
        self.spec = spec
        self._output = output
        self._full = full
        self.jobs = jobs
        self.strict = strict
        self.progress = progress
        self.problems: list[Problem] = []
        self._stamps = stamps(corpus, spec)
        self._root = os.fspath(corpus.root)

    @property
    def output(self) -> Path:
        return self._output

    @property
    def entries(self) -> Sequence[ManifestEntry]:
        return self.corpus.manifest.entries

    @property
    def stamps(self) -> Mapping[str, str]:
        return self._stamps

    @property
    def enrichers(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.corpus.enrichers)

    @property
    def full(self) -> bool:
        return self._full

    @property
    def converter(self) -> Converter:
        return self.corpus.registry.converter

    def stat(self, entry: ManifestEntry) -> FileStat | None:
        if path_problem(entry.file):
            return None  # reading it reports why; a stat must not reach outside either
        try:
            # A string path: joining a Path took as long as the stat, for every article.
            found = os.stat(os.path.join(self._root, entry.file))
        except OSError:
            return None
        if not stat.S_ISREG(found.st_mode):
            return None
        return FileStat(found.st_size, found.st_mtime_ns, found.st_ino)

    def verify(self, entry: ManifestEntry) -> bool:
        root = self.corpus.root
        try:
            data = read_entry_bytes(
                root, attrs.evolve(entry, sha256=None), max_bytes=self.corpus.max_bytes
            )
        except SeedcorpusError as error:
            if self.strict:
                raise
            self.problems.append(
                Problem(error.code, error.message, path=error.path or entry.file, line=error.line)
            )
            return False
        actual = sha256_hex(data)
        expected = (entry.sha256 or actual).lower()
        if actual == expected:
            return True
        mismatch = ChecksumError(changed_message(actual, expected), path=root / entry.file)
        if self.strict:
            raise mismatch
        self.problems.append(Problem(mismatch.code, mismatch.message, path=mismatch.path))
        return False

    def articles(self, entries: Sequence[ManifestEntry]) -> Generator[Article, None, None]:
        articles = self.corpus.articles(
            self.problems, strict=self.strict, jobs=self.jobs, entries=entries
        )
        with closing(articles):
            for article in articles:
                if self.progress is not None:
                    self.progress()
                yield article

    def enrich(self, article: Article, names: Sequence[str]) -> Article:
        registry = self.corpus.registry
        return run_enrichers(article, [registry.enricher(name) for name in names], registry)

    @contextmanager
    def stage(self, *, copy: bool) -> Iterator[Path]:
        directory = self.spec.directory
        with atomic_destination(self._output, force=True, directory=directory) as temporary:
            if copy and self._output.exists():
                if self._output.is_dir():
                    shutil.copytree(self._output, temporary)
                else:
                    shutil.copyfile(self._output, temporary)
            yield temporary

    def rebuild(self, path: Path) -> int:
        # An export into the staged temporary writes it in place (see atomic.py).
        report = self.corpus.export(
            self.spec.name,
            path,
            force=True,
            strict=self.strict,
            jobs=self.jobs,
            progress=self.progress,
        )
        self.problems.extend(report.problems)
        return report.articles


def find_exporter(corpus: ArticleSource, format: str) -> ExporterSpec:
    """The exporter ``format``; a disabled one is an error that says so.

    :raises UnknownPluginError: naming the installed exporters, or saying it is disabled.
    """
    try:
        return corpus.registry.exporter(format)
    except UnknownPluginError:
        if format in corpus.registry.loaded.disabled:
            raise UnknownPluginError(
                f"the {format!r} exporter is disabled (SEEDCORPUS_DISABLE_PLUGINS); "
                "build needs it: enable it again, or choose another exporter with --format"
            ) from None
        raise


def build_database(
    corpus: Corpus | ExportedCorpus,
    destination: str | os.PathLike[str],
    *,
    format: str = "sqlite",
    jobs: int = 1,
    strict: bool = False,
    full: bool = False,
    progress: Callable[[], None] | None = None,
) -> BuildReport:
    """Bring the output at ``destination`` up to date with ``corpus``.

    ``corpus`` should be the view to build (e.g. ``corpus.enrich("all")``). The exporter
    ``format`` updates the output if its spec has an ``update`` capability; otherwise
    the output is written whole.

    :param jobs: worker processes for parsing, enriching and serializing.
    :param strict: stop at the first problem; the output is then left as it was.
    :param full: rebuild from scratch even if an up-to-date output exists (this also
        replaces a file the exporter did not write, which is otherwise refused).
    :param progress: called once per article processed.
    :raises UnknownPluginError: if no exporter ``format`` is installed, or it is disabled.
    :raises ExportError: if the output cannot be updated or written; it is left as it was.
    """
    spec = find_exporter(corpus, format)
    target = Path(destination)
    started = time.perf_counter()
    check_destination(target, directory=spec.directory)  # before the lock, made beside it
    check_not_input(target, corpus)
    with output_lock(target):
        # An export opened as a corpus has no manifest to compare with: always whole.
        if spec.update is None or not isinstance(corpus, Corpus):
            report = corpus.export(
                format, target, force=True, strict=strict, jobs=jobs, progress=progress
            )
            return BuildReport(
                report.destination, report.articles, report.problems, report.seconds,
                mode="full", added=report.articles,
            )  # fmt: skip
        request = _Request(
            corpus, spec, target, full=full, jobs=jobs, strict=strict, progress=progress
        )
        try:
            outcome = spec.update(request)
        except SeedcorpusError:
            raise
        except Exception as error:
            plugin = corpus.registry.owner("exporter", format).name
            raise ExportError(
                f"exporter {format!r} (plugin {plugin!r}) failed to update: "
                f"{describe_error(error)}",
                path=target,
            ) from error
    return BuildReport(
        target, outcome.added, tuple(request.problems), time.perf_counter() - started,
        mode=outcome.mode, added=outcome.added, removed=outcome.removed,
        reenriched=outcome.reenriched,
    )  # fmt: skip


def reindex(corpus: Corpus) -> list[ManifestEntry]:
    """Rewrite the ``sha256`` of every listed file whose bytes changed in
    ``corpus/INDEX.md`` (what ``build --reindex`` does first), and return the entries
    that changed, as they were. Rows, ids, titles and columns are kept; files that
    cannot be read are left for the build to report.
    """
    entries = []
    changed = []
    for entry in corpus.manifest.entries:
        try:
            data = read_entry_bytes(
                corpus.root, attrs.evolve(entry, sha256=None), max_bytes=corpus.max_bytes
            )
        except SeedcorpusError:
            entries.append(entry)
            continue
        actual = sha256_hex(data)
        if entry.sha256 is not None and entry.sha256.lower() != actual:
            changed.append(entry)
            entry = attrs.evolve(entry, sha256=actual)
        entries.append(entry)
    if changed:
        manifest = attrs.evolve(corpus.manifest, entries=tuple(entries))
        write_manifest(manifest, corpus.root)
        corpus.manifest = manifest
    return changed
