"""The ``seedcorpus`` command: a thin layer over :mod:`seedcorpus.corpus`.

Exit codes: 0 everything went well, 1 problems in the data, 2 usage errors. Errors are
one line on standard error, never a traceback.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import click

from seedcorpus.__about__ import __version__
from seedcorpus.build import build_database
from seedcorpus.cluster import SHARD_FORMATS, build_on_cluster
from seedcorpus.corpus import DEFAULT_MAX_BYTES, Corpus, ExportReport, open_corpus, open_folder
from seedcorpus.errors import SeedcorpusError, UnknownPluginError
from seedcorpus.manifest import read_manifest, scan_folder, unlisted_files, write_manifest
from seedcorpus.models import ManifestEntry, Problem
from seedcorpus.pipeline import default_jobs
from seedcorpus.registry import Capability, Registry
from seedcorpus.serialization import article_to_json
from seedcorpus.specs import ExporterSpec

__all__ = ["main"]


class _Group(click.Group):
    """Turns seedcorpus errors into one line and an exit code instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UnknownPluginError as error:
            raise click.UsageError(str(error), ctx) from None
        except SeedcorpusError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="seedcorpus")
def cli() -> None:
    """Parse, check, enrich, export and search news-article corpora."""


def _print_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for problem in problems:
        click.echo(f"problem: {problem}", err=True)


@contextmanager
def _progress(total: int, label: str) -> Iterator[Callable[[], None] | None]:
    """A rich progress bar on a terminal (if rich is installed); silence elsewhere."""
    if not sys.stderr.isatty():
        yield None
        return
    try:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            ProgressColumn,
            Task,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.text import Text
    except ImportError:
        yield None
        return

    class Rate(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"{task.speed or 0:,.0f} articles/s")

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        Rate(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


_jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=default_jobs,
    show_default="number of CPUs",
    help="Worker processes that parse, enrich and serialize.",
)


# Units of --max-bytes: k, M, G are powers of 1000, Ki, Mi, Gi of 1024 (in any case).
_SIZE_UNITS = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9, "ki": 2**10, "mi": 2**20, "gi": 2**30}


def _size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    """The number of bytes ``value`` says: ``20000000``, ``20MB``, ``512KiB``..."""
    match = re.fullmatch(r"\s*(\d+)\s*([kmg]i?)?b?\s*", value, re.IGNORECASE)
    if match is None:
        message = f"{value!r} is not a size: give bytes (20000000), or a number and a unit (20MB)"
        raise click.BadParameter(message)
    number, unit = match.groups()
    return int(number) * _SIZE_UNITS[(unit or "").lower()]


_DEFAULT_SIZE = str(DEFAULT_MAX_BYTES)
if DEFAULT_MAX_BYTES % 10**6 == 0:
    _DEFAULT_SIZE = f"{DEFAULT_MAX_BYTES // 10**6}MB"  # as people write it
_max_bytes_option = click.option(
    "--max-bytes",
    type=str,
    metavar="SIZE",
    default=_DEFAULT_SIZE,
    show_default=True,
    callback=_size,
    help="Refuse article files larger than this: bytes, or with a unit "
    "(kB, MB, GB: powers of 1000; KiB, MiB, GiB: of 1024).",
)


def _summary(report: ExportReport) -> str:
    rate = report.articles / report.seconds if report.seconds else 0.0
    return (
        f"wrote {report.destination}: {report.articles} articles, "
        f"{len(report.problems)} problems, {report.seconds:.2f} s ({rate:,.0f} articles/s)"
    )


_corpus_argument = click.argument("corpus", type=click.Path(exists=True, path_type=Path))
_folder_argument = click.argument(
    "corpus", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
_strict_option = click.option(
    "--strict", is_flag=True, help="Stop at the first problem instead of reporting them all."
)


@cli.command()
@_corpus_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Database to write (default: <corpus folder name>.sqlite in the current folder).",
)
@_jobs_option
@click.option("--full", is_flag=True, help="Rebuild from scratch instead of updating.")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run on a Dask cluster (tcp://host:8786) and write shards to OUTPUT (a folder).",
)
@click.option(
    "--shard-format",
    type=click.Choice(SHARD_FORMATS),
    default="jsonl",
    show_default=True,
    help="Format of the shards written with --scheduler.",
)
@_strict_option
@_max_bytes_option
@click.option(
    "--parser",
    metavar="NAME",
    help="Read every row whose parser column is empty with this parser, "
    "instead of the parser that claims its file.",
)
def build(
    corpus: Path,
    output: Path | None,
    jobs: int,
    full: bool,
    scheduler: str | None,
    shard_format: str,
    strict: bool,
    max_bytes: int,
    parser: str | None,
) -> None:
    """Parse CORPUS, run every installed enricher, and write a SQLite database.

    If OUTPUT exists, only what changed is redone: new and changed articles (by
    sha256), removed ones, and enrichers whose version changed. The database is
    replaced atomically, so a failed build leaves the previous one as it was.

    With --scheduler, the work runs on a Dask cluster instead, and OUTPUT is a folder
    of shards (default: <corpus folder name>-shards) with a SHARDS.json manifest.
    """
    if parser is not None:
        Registry.load().parser(parser)  # fail on a bad name before any work
    if scheduler is not None:
        opened = open_folder(corpus, max_bytes=max_bytes, parser=parser).enrich("all")
        folder = output or Path(f"{corpus.resolve().name}-shards")
        shards = build_on_cluster(
            opened, folder, scheduler=scheduler, format=shard_format, force=True
        )
        _print_problems(shards.problems)
        click.echo(
            f"wrote {folder}: {shards.articles} articles in {shards.shards} shards, "
            f"{len(shards.problems)} problems, {shards.seconds:.2f} s"
        )
        sys.exit(1 if shards.problems else 0)
    opened = open_folder(corpus, max_bytes=max_bytes, parser=parser).enrich("all")
    output = output or Path(f"{corpus.resolve().name}.sqlite")
    with _progress(len(opened), f"build → {output.name}") as progress:
        report = build_database(
            opened, output, jobs=jobs, strict=strict, full=full, progress=progress
        )
    _print_problems(report.problems)
    if report.mode == "full":
        click.echo(_summary(report))
    elif report.mode == "incremental":
        click.echo(
            f"updated {output}: {report.added} articles written, {report.removed} removed, "
            f"{report.reenriched} re-enriched, {len(report.problems)} problems, "
            f"{report.seconds:.2f} s"
        )
    else:
        click.echo(f"{output} is up to date ({len(opened)} articles), {report.seconds:.2f} s")
    sys.exit(1 if report.problems else 0)


@cli.command()
@_corpus_argument
@click.option("-f", "--format", "format_", required=True, help="Exporter name (see `plugins`).")
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path), help="File to write."
)
@click.option(
    "--enrich",
    default="none",
    show_default=True,
    help="Enrichers to run: all, none, or names separated by commas.",
)
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@_jobs_option
@_strict_option
@_max_bytes_option
def export(
    corpus: Path,
    format_: str,
    output: Path,
    enrich: str,
    force: bool,
    jobs: int,
    strict: bool,
    max_bytes: int,
) -> None:
    """Export CORPUS (a folder, or an export file) with any installed exporter."""
    opened = open_corpus(corpus, max_bytes=max_bytes).enrich(enrich)
    opened.registry.exporter(format_)  # fail on a bad name before any work
    with _progress(len(opened), f"{format_} → {output.name}") as progress:
        report = opened.export(
            format_, output, force=force, strict=strict, jobs=jobs, progress=progress
        )
    _print_problems(report.problems)
    click.echo(_summary(report))
    sys.exit(1 if report.problems else 0)


@cli.command()
@_folder_argument
@click.option("--json", "as_json", is_flag=True, help="Print problems as JSON lines.")
@click.option(
    "--list", "list_rows", is_flag=True, help="Print each row's file and the parser that reads it."
)
@_strict_option
@_max_bytes_option
def check(corpus: Path, as_json: bool, list_rows: bool, strict: bool, max_bytes: int) -> None:
    """Verify CORPUS: manifest, checksums, and that every file parses. Exit 1 on problems.

    Files a parser claims that INDEX.md does not list are warnings (unlisted).
    """
    fields = ("path", "line", "code", "message")
    problems: list[Problem] = []
    try:
        opened = open_folder(corpus, max_bytes=max_bytes)
        count = sum(1 for _ in opened.articles(problems, strict=strict))
    except SeedcorpusError as error:
        if not as_json:
            raise
        # --json promises JSON lines on stdout: the error that stopped the check is one too.
        problems.append(Problem(error.code, error.message, path=error.path, line=error.line))
        for problem in problems:
            click.echo(json.dumps({key: getattr(problem, key) for key in fields}))
        sys.exit(1)
    parsers = opened.registry.parsers
    warnings = [
        Problem("unlisted", "file is not listed in INDEX.md", path=str(corpus / name))
        for name in unlisted_files(corpus, opened.manifest, parsers=parsers)
    ]
    if list_rows:
        for entry in opened.manifest.entries:
            click.echo(f"{entry.file}\t{_route(opened, entry)}")
    if as_json:
        for problem in [*problems, *warnings]:
            click.echo(json.dumps({key: getattr(problem, key) for key in fields}))
    else:
        for warning in warnings:
            click.echo(f"warning: {warning}", err=True)
        _print_problems(problems)
        click.echo(
            f"checked {len(opened)} entries: {count} articles read, {len(problems)} problems"
        )
    sys.exit(1 if problems else 0)


def _route(opened: Corpus, entry: ManifestEntry) -> str:
    """Which parser reads ``entry`` and why, or why none can."""
    try:
        return str(opened.route(entry))
    except SeedcorpusError as error:
        return f"(none: {error.message}) [{error.code}]"


@cli.command()
@_folder_argument
@click.option(
    "--pattern",
    metavar="GLOB",
    help="List only the files this glob pattern matches (relative to CORPUS), not every file.",
)
@click.option(
    "--parser",
    metavar="NAME",
    help="Write this parser for every file listed, claimed or not (with --pattern, "
    "for files no parser claims).",
)
@_max_bytes_option
def index(corpus: Path, pattern: str | None, parser: str | None, max_bytes: int) -> None:
    """Write CORPUS/INDEX.md listing the files the installed parsers claim.

    Each row gets the file's sha256, the parser that claims it, and the title and
    language that parser reads. A file no parser claims is a warning (unclaimed) and is
    not listed; a file several parsers claim, with nothing to choose between them, is
    listed without a parser and exits 1 (ambiguous). Rows of the previous INDEX.md keep
    their id, extra cells and parser.

    A file larger than --max-bytes stops it with an error naming the file: move the file
    out of the folder, or raise the limit if it really is an article.
    """
    registry = Registry.load()
    if parser is not None:
        registry.parser(parser)  # fail on a bad name before any work
    previous = read_manifest(corpus) if (corpus / "INDEX.md").is_file() else None
    scan = scan_folder(
        corpus,
        registry.parsers,
        pattern=pattern,
        parser=parser,
        previous=previous,
        max_bytes=max_bytes,
    )
    write_manifest(scan.manifest, corpus)
    errors = [problem for problem in scan.problems if problem.code != "unclaimed"]
    for problem in scan.problems:
        shown = attrs.evolve(problem, path=str(corpus / (problem.path or "")))
        click.echo(f"{'problem' if problem in errors else 'warning'}: {shown}", err=True)
    by_parser = Counter(entry.parser or "(none)" for entry in scan.manifest.entries)
    parsers = ", ".join(f"{name} {count}" for name, count in sorted(by_parser.items()))
    unclaimed = len(scan.problems) - len(errors)
    click.echo(
        f"wrote {corpus / 'INDEX.md'}: {len(scan.manifest.entries)} articles"
        + (f" ({parsers})" if parsers else "")
        + (f", {unclaimed} files no parser claims" if unclaimed else "")
    )
    sys.exit(1 if errors else 0)


@cli.command()
@_corpus_argument
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="Print the article's JSON form.")
@click.option("--enrich", default="none", show_default=True, help="Enrichers to run.")
@_max_bytes_option
def show(corpus: Path, article_id: str, as_json: bool, enrich: str, max_bytes: int) -> None:
    """Show one article of CORPUS by its id, and which parser read it."""
    opened = open_corpus(corpus, max_bytes=max_bytes).enrich(enrich)
    if article_id not in opened:
        raise click.BadParameter(f"no article {article_id!r} in {corpus}", param_hint="ID")
    article = opened[article_id]
    if as_json:
        data = json.loads(article_to_json(article, opened.registry.converter))
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(click.style(article.title or "(no title)", bold=True))
    if article.tags:
        click.echo(f"[{article.language}] " + ", ".join(article.tags))
    if article.dateline:
        click.echo(f"{article.dateline.city} ({article.dateline.agency})")
    click.echo()
    for paragraph in article.paragraphs:
        click.echo(paragraph + "\n")
    byline = article.byline
    click.echo(f"Pewarta: {byline.reporter or '-'}  Editor: {byline.editor or '-'}")
    for enrichment in article.enrichments:
        click.echo(f"{enrichment.kind}: {enrichment}")
    how = ""
    if isinstance(opened, Corpus):  # an export has no manifest rows to route
        entry = next((e for e in opened.manifest.entries if e.id == article_id), None)
        how = f" ({opened.route(entry).reason})" if entry is not None else ""
    click.echo(f"read from {article.source.path} by {article.source.parser}{how}")


@cli.command()
@click.argument("database", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("query")
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Most results to print.",
)
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON lines.")
@click.option(
    "-f", "--format", "format_", metavar="EXPORTER",
    help="The exporter whose search to use; by default the one whose suffix DATABASE has.",
)  # fmt: skip
def search(database: Path, query: str, limit: int, as_json: bool, format_: str | None) -> None:
    """Full-text search of a DATABASE written by `build`, best matches first.

    QUERY uses FTS5 syntax: words (all must match), "a phrase", prefix*, AND / OR / NOT.
    Plain text that is not valid FTS5 (RI-Azerbaijan, 1/7/2024) is searched word by
    word. Matches are marked [like this], or in color on a terminal. Search is a
    capability of an exporter (the sqlite one): disabling it disables search.
    """
    search_database = _capability(Registry.load(), "search", database, format_).search
    assert search_database is not None

    # Color only where a person reads it: piped output and --json keep greppable brackets.
    if sys.stdout.isatty() and not as_json:
        start, end = click.style("\0", fg="red", bold=True).split("\0")
    else:
        start, end = "[", "]"
    hits = search_database(database, query, limit=limit, markers=(start, end))
    for hit in hits:
        if as_json:
            fields = ("id", "title", "snippet", "score")
            click.echo(json.dumps({k: getattr(hit, k) for k in fields}, ensure_ascii=False))
        else:
            title = hit.title or "(untitled)"
            click.echo(f"{click.style(hit.id, bold=True)}  {title}\n    {hit.snippet}")
    if not hits and not as_json:
        click.echo("no matches", err=True)


@cli.command()
@click.argument("database", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-p", "--port", type=click.IntRange(1, 65535), default=8001, show_default=True,
    help="Port to listen on.",
)  # fmt: skip
@click.option(
    "--host", default="127.0.0.1", show_default=True,
    help="Address to listen on; the default lets only this machine connect.",
)  # fmt: skip
@click.option(
    "--print-metadata",
    is_flag=True,
    help="Print the datasette metadata as JSON and exit (for `datasette DATABASE -m FILE`).",
)
@click.option(
    "-f", "--format", "format_", metavar="EXPORTER",
    help="The exporter whose server to use; by default the one whose suffix DATABASE has.",
)  # fmt: skip
def serve(database: Path, port: int, host: str, print_metadata: bool, format_: str | None) -> None:
    """Browse a DATABASE written by `build` in datasette, with full-text search.

    Needs the serve extra: pip install 'seedcorpus[serve]'. Stop with Ctrl-C. Serving
    is a capability of an exporter (the sqlite one): disabling it disables serve.
    """
    serve_database = _capability(Registry.load(), "serve", database, format_).serve
    assert serve_database is not None
    serve_database(database, host=host, port=port, print_metadata=print_metadata)


def _capability(
    registry: Registry, capability: Capability, database: Path, format_: str | None
) -> ExporterSpec:
    """The exporter offering ``capability`` for ``database`` (or the one named)."""
    if format_ is None:
        return registry.exporter_with(capability, database)
    spec = registry.exporter(format_)
    if getattr(spec, capability) is None:
        raise UnknownPluginError(f"the {format_!r} exporter does not offer {capability}")
    return spec


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
def plugins(as_json: bool) -> None:
    """List installed parsers, enrichers and exporters, and plugins that failed.

    VERSION is each one's own version (bumped when its output changes); PACKAGE is the
    distribution that provides it; OFFERS lists an exporter's optional capabilities.
    """
    registry = Registry.load()
    entries = registry.entries()
    if as_json:
        for entry in entries:
            click.echo(json.dumps(attrs.asdict(entry), ensure_ascii=False))
    else:
        header = ("KIND", "NAME", "VERSION", "PLUGIN", "PACKAGE", "OFFERS", "DESCRIPTION")
        rows = [header] + [
            (e.kind, e.name, e.version, e.plugin, f"{e.package} {e.package_version}",
             ",".join(e.capabilities) or "-", e.description)
            for e in entries
        ]  # fmt: skip
        # Widths computed from the cells: columns line up whatever the names' lengths.
        widths = [max(len(row[n]) for row in rows) for n in range(len(header) - 1)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            click.echo("  ".join([*cells, row[-1]]).rstrip())
    for failure in registry.failures:
        if as_json:
            click.echo(json.dumps({"kind": "failure", **attrs.asdict(failure)}))
        else:
            click.echo(f"failed: {failure}", err=True)
    for conflict in registry.conflicts:
        if as_json:
            click.echo(json.dumps({"kind": "conflict", "error": conflict}, ensure_ascii=False))
        else:
            click.echo(f"conflict: {conflict}", err=True)


@cli.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("-n", "--n", "count", type=click.IntRange(min=0), default=1000, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same bytes.")
@_jobs_option
def synth(out: Path, count: int, seed: int, jobs: int) -> None:
    """Write a synthetic ANTARA corpus of N articles (and its INDEX.md) to OUT.

    For benchmarks and tests: realistic, varied, and deterministic.
    """
    from seedcorpus.synth import synth_corpus

    manifest = synth_corpus(out, count, seed=seed, jobs=jobs)
    click.echo(f"wrote {out}: {len(manifest.entries)} articles")


def main() -> None:
    """Run the command line."""
    cli(prog_name="seedcorpus")
