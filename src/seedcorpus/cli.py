"""The ``seedcorpus`` command: a thin layer over :mod:`seedcorpus.corpus`.

Exit codes: 0 everything went well, 1 problems in the data, 2 usage errors. Errors are
one line on standard error, never a traceback.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs
import click

from seedcorpus.__about__ import __version__
from seedcorpus.build import build_database
from seedcorpus.cli_query import condition_options, list_selected, sql_named
from seedcorpus.cluster import SHARD_FORMATS, build_on_cluster
from seedcorpus.corpus import DEFAULT_MAX_BYTES, Corpus, ExportReport, open_corpus
from seedcorpus.errors import SeedcorpusError, UnknownPluginError
from seedcorpus.manifest import build_manifest, read_manifest, unlisted_files, write_manifest
from seedcorpus.models import Problem
from seedcorpus.pipeline import default_jobs
from seedcorpus.query import Condition
from seedcorpus.registry import Registry
from seedcorpus.serialization import article_to_json

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
def build(
    corpus: Path,
    output: Path | None,
    jobs: int,
    full: bool,
    scheduler: str | None,
    shard_format: str,
    strict: bool,
    max_bytes: int,
) -> None:
    """Parse CORPUS, run every installed enricher, and write a SQLite database.

    If OUTPUT exists, only what changed is redone: new and changed articles (by
    sha256), removed ones, and enrichers whose version changed. The database is
    replaced atomically, so a failed build leaves the previous one as it was.

    With --scheduler, the work runs on a Dask cluster instead, and OUTPUT is a folder
    of shards (default: <corpus folder name>-shards) with a SHARDS.json manifest.
    """
    if scheduler is not None:
        opened = open_corpus(corpus, max_bytes=max_bytes).enrich("all")
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
    opened = open_corpus(corpus, max_bytes=max_bytes).enrich("all")
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
@condition_options
def export(
    corpus: Path,
    format_: str,
    output: Path,
    enrich: str,
    force: bool,
    jobs: int,
    strict: bool,
    max_bytes: int,
    condition: Condition | None,
) -> None:
    """Export CORPUS (a folder, or an export file) with any installed exporter.

    The condition options export only the articles that meet them all (in one process).
    """
    opened = open_corpus(corpus, max_bytes=max_bytes).enrich(enrich)
    opened.registry.exporter(format_)  # fail on a bad name before any work
    if condition is not None:
        _export_selected(opened, condition, format_, output, force=force, strict=strict)
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
@_strict_option
@_max_bytes_option
def check(corpus: Path, as_json: bool, strict: bool, max_bytes: int) -> None:
    """Verify CORPUS: manifest, checksums, and that every file parses. Exit 1 on problems."""
    fields = ("path", "line", "code", "message")
    problems: list[Problem] = []
    try:
        opened = open_corpus(corpus, max_bytes=max_bytes)
        count = sum(1 for _ in opened.articles(problems, strict=strict))
    except SeedcorpusError as error:
        if not as_json:
            raise
        # --json promises JSON lines on stdout: the error that stopped the check is one too.
        problems.append(Problem(error.code, error.message, path=error.path, line=error.line))
        for problem in problems:
            click.echo(json.dumps({key: getattr(problem, key) for key in fields}))
        sys.exit(1)
    warnings = [
        Problem("unlisted", "file is not listed in INDEX.md", path=str(corpus / name))
        for name in unlisted_files(corpus, opened.manifest)
    ]
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


@cli.command()
@_folder_argument
@_max_bytes_option
def index(corpus: Path, max_bytes: int) -> None:
    """Write CORPUS/INDEX.md listing the article files present, with their sha256.

    A file larger than --max-bytes stops it with an error naming the file: move the file
    out of the folder, or raise the limit if it really is an article.
    """
    previous = read_manifest(corpus) if (corpus / "INDEX.md").is_file() else None
    manifest = build_manifest(corpus, previous=previous, max_bytes=max_bytes)
    write_manifest(manifest, corpus)
    click.echo(f"wrote {corpus / 'INDEX.md'}: {len(manifest.entries)} articles")


@cli.command()
@_corpus_argument
@click.argument("article_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the article's JSON form.")
@click.option("--enrich", default="none", show_default=True, help="Enrichers to run.")
@_max_bytes_option
@condition_options
@click.option("-n", "--limit", type=click.IntRange(min=0), default=20, show_default=True,
              help="Without ARTICLE_ID: most articles to list (0: all).")  # fmt: skip
def show(
    corpus: Path,
    article_id: str | None,
    as_json: bool,
    enrich: str,
    max_bytes: int,
    condition: Condition | None,
    limit: int,
) -> None:
    """Show one article of CORPUS by its id, or list the articles that meet the
    condition options (id and title; JSON lines with --json)."""
    opened = open_corpus(corpus, max_bytes=max_bytes).enrich(enrich)
    if article_id is None:
        list_selected(opened, condition, as_json=as_json, limit=limit)
        return
    if condition is not None:
        raise click.UsageError("give an ARTICLE_ID or conditions, not both")
    if article_id not in opened:
        raise click.BadParameter(f"no article {article_id!r} in {corpus}", param_hint="ID")
    article = opened[article_id]
    if as_json:
        data = json.loads(article_to_json(article, opened.registry.converter))
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(click.style(article.title, bold=True))
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
@condition_options
def search(
    database: Path, query: str, limit: int, as_json: bool, condition: Condition | None
) -> None:
    """Full-text search of a DATABASE written by `build`, best matches first.

    QUERY uses FTS5 syntax: words (all must match), "a phrase", prefix*, AND / OR / NOT.
    Plain text that is not valid FTS5 (RI-Azerbaijan, 1/7/2024) is searched word by
    word. Matches are marked [like this], or in color on a terminal. The condition
    options keep only the articles that meet them, inside the database.
    """
    from seedcorpus.default_plugins.sqlite import search as search_database

    # Color only where a person reads it: piped output and --json keep greppable brackets.
    if sys.stdout.isatty() and not as_json:
        start, end = click.style("\0", fg="red", bold=True).split("\0")
    else:
        start, end = "[", "]"
    where = None if condition is None else sql_named(condition)
    hits = search_database(database, query, limit=limit, markers=(start, end), where=where)
    for hit in hits:
        if as_json:
            fields = ("id", "title", "snippet", "score")
            click.echo(json.dumps({k: getattr(hit, k) for k in fields}, ensure_ascii=False))
        else:
            click.echo(f"{click.style(hit.id, bold=True)}  {hit.title}\n    {hit.snippet}")
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
def serve(database: Path, port: int, host: str, print_metadata: bool) -> None:
    """Browse a DATABASE written by `build` in datasette, with full-text search.

    Needs the serve extra: pip install 'seedcorpus[serve]'. Stop with Ctrl-C.
    """
    from seedcorpus import serve as serving

    if print_metadata:
        click.echo(json.dumps(serving.metadata(database), ensure_ascii=False, indent=2))
        return
    serving.serve(database, host=host, port=port)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines.")
def plugins(as_json: bool) -> None:
    """List installed parsers, enrichers and exporters, and plugins that failed."""
    registry = Registry.load()
    for entry in registry.entries():
        if as_json:
            click.echo(json.dumps(attrs.asdict(entry), ensure_ascii=False))
        else:
            click.echo(
                f"{entry.kind:<9} {entry.name:<12} {entry.package} {entry.package_version}"
                f" ({entry.plugin})  {entry.description}"
            )
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


# --- Commands that ask questions of a corpus (duplicates, report) -------------------
# Their work is in seedcorpus.cli_query; here are the options and the output.


@cli.command()
@_corpus_argument
@click.option("--json", "as_json", is_flag=True, help="Print the clusters as one JSON object.")
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=0.5,
    show_default=True,
    help="Estimated Jaccard similarity of word 3-shingles that makes a near duplicate.",
)
@click.option("--exact-only", is_flag=True, help="Skip near duplicates (faster).")
@click.option(
    "--store",
    is_flag=True,
    help="Also write the clusters into CORPUS (a .sqlite export) for datasette to show.",
)
@_max_bytes_option
def duplicates(
    corpus: Path, as_json: bool, threshold: float, exact_only: bool, store: bool, max_bytes: int
) -> None:
    """Find copies in CORPUS: exact and near duplicates, and republished articles.

    Near duplicates need the duplicates extra: pip install 'seedcorpus[duplicates]'.
    Without it, exact duplicates are found and a note says so.
    """
    from seedcorpus.cli_query import find_copies, print_copies

    problems: list[Problem] = []
    found = find_copies(
        corpus, problems, near=not exact_only, threshold=threshold, store=store,
        max_bytes=max_bytes,
    )  # fmt: skip
    _print_problems(problems)
    print_copies(found, as_json=as_json)


@cli.command()
@_corpus_argument
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="HTML file to write."
)
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON instead.")
@click.option(
    "--enrich",
    default="auto",
    show_default=True,
    help="Enrichers to run first: auto (dates, quotes, acronyms for a folder; none for "
    "an export, which carries its own), all, none, or names separated by commas.",
)
@click.option("--exact-only", is_flag=True, help="Look for exact duplicates only (faster).")
@_max_bytes_option
def report(
    corpus: Path, output: Path | None, as_json: bool, enrich: str, exact_only: bool, max_bytes: int
) -> None:
    """Write a one-page HTML report on CORPUS: articles per month, languages, tags,
    editors and reporters, speakers, acronyms, places, problems, duplicates.

    The page is self-contained (charts are inline SVG; the report extra, matplotlib,
    draws them). Each chart has its numbers in a table beside it.
    """
    from seedcorpus.cli_query import write_report

    if output is None and not as_json:
        raise click.UsageError("give -o/--output FILE for the HTML page, or --json")
    opened = open_corpus(corpus, max_bytes=max_bytes)
    if enrich == "auto":
        enrich = "none" if corpus.is_file() else "dates,quotes,acronyms"
    opened = opened.enrich(enrich)
    with _progress(len(opened), "report") as progress:
        write_report(opened, corpus.name, output, as_json=as_json, near=not exact_only,
                     progress=progress)  # fmt: skip


def _export_selected(
    opened: Corpus, condition: Condition, format_: str, output: Path, *, force: bool, strict: bool
) -> None:
    """``export`` with conditions: only the matching articles, pushed down when it can."""
    from seedcorpus.cli_query import require_enrichments
    from seedcorpus.selection import export_selection

    require_enrichments(opened, condition)
    report = export_selection(
        opened.filter(condition), format_, output, force=force, strict=strict
    )
    _print_problems(report.problems)
    click.echo(_summary(report))
    sys.exit(1 if report.problems else 0)
