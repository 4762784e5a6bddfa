"""The commands that read and write corpora: ``build``, ``export``, ``check``, ``index``,
``show`` and ``synth``."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path, PurePosixPath

import attrs
import click

from seedcorpus.apps.build import build_database, find_exporter, reindex
from seedcorpus.apps.cluster import SHARD_FORMATS, build_on_cluster
from seedcorpus.cli.app import (
    cli,
    corpus_argument,
    folder_argument,
    jobs_option,
    max_bytes_option,
    quiet_option,
    strict_option,
    summary,
    verbose_option,
)
from seedcorpus.cli_query import condition_options, list_selected, require_enrichments
from seedcorpus.console import (
    as_opened,
    counted,
    export_to_stdout,
    print_problems,
    progress_bar,
)
from seedcorpus.corpus import (
    ArticleSource,
    Corpus,
    open_corpus,
    open_folder,
)
from seedcorpus.errors import SeedcorpusError
from seedcorpus.manifest import (
    pattern_problem,
    read_manifest,
    scan_folder,
    unlisted_files,
    write_manifest,
)
from seedcorpus.models import ManifestEntry, Problem
from seedcorpus.query import Condition
from seedcorpus.registry import Registry
from seedcorpus.serialization import article_to_json

__all__: list[str] = []  # commands register with the group


@cli.command()
@corpus_argument
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Output to write (default: <corpus folder name>.sqlite in the current folder).",
)
@click.option(
    "-f",
    "--format",
    "format_",
    default="sqlite",
    show_default=True,
    help="Exporter that writes the output (see `plugins`).",
)
@jobs_option
@click.option(
    "--full",
    is_flag=True,
    help="Rebuild from scratch instead of updating (and replace an OUTPUT build did not write).",
)
@click.option(
    "--reindex",
    is_flag=True,
    help="First accept edited article files: rewrite their sha256 in INDEX.md.",
)
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
@strict_option
@max_bytes_option
@click.option(
    "--parser",
    metavar="NAME",
    help="Read every row whose parser column is empty with this parser, "
    "instead of the parser that claims its file.",
)
@quiet_option
@verbose_option
def build(
    corpus: Path,
    output: Path | None,
    format_: str,
    jobs: int,
    full: bool,
    reindex: bool,
    scheduler: str | None,
    shard_format: str,
    strict: bool,
    max_bytes: int,
    parser: str | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Parse CORPUS, run every installed enricher, and write a SQLite database.

    If OUTPUT exists, only what changed is redone. A file edited since INDEX.md was
    written is reported (exit 1) and left out until `seedcorpus index` or --reindex
    accepts it. The output is replaced atomically, so a failed or interrupted build
    leaves the previous one as it was; two builds of the same OUTPUT take turns.

    With --scheduler, the work runs on a Dask cluster instead, and OUTPUT is a folder
    of shards (default: <corpus folder name>-shards) with a SHARDS.json manifest.

    \b
    Examples:
      seedcorpus build seeds                  # writes seeds.sqlite, or updates it
      seedcorpus build seeds -o db/seeds.sqlite --reindex
    """
    if parser is not None:
        Registry.load().parser(parser)  # fail on a bad name before any work
    if scheduler is not None:
        opened = open_folder(corpus, max_bytes=max_bytes, parser=parser).enrich("all")
        folder = output or Path(f"{corpus.resolve().name}-shards")
        shards = build_on_cluster(
            opened, folder, scheduler=scheduler, format=shard_format, force=True
        )
        print_problems(shards.problems, quiet=quiet, corpus=corpus)
        click.echo(
            f"wrote {folder}: {counted(shards.articles, 'article')} in "
            f"{counted(shards.shards, 'shard')}, {counted(len(shards.problems), 'problem')}, "
            f"{shards.seconds:.2f} s"
        )
        sys.exit(1 if shards.problems else 0)
    opened = open_folder(corpus, max_bytes=max_bytes, parser=parser).enrich("all")
    spec = find_exporter(opened, format_)  # a bad or disabled name fails before any work
    if reindex:
        _reindex(opened, corpus, quiet=quiet)
    if output is not None and str(output) == "-":
        raise click.BadParameter("a build writes a file; `export -o -` streams", param_hint="'-o'")
    output = output or Path(f"{corpus.resolve().name}{spec.suffix}")
    with progress_bar(len(opened), f"build → {output.name}", enabled=not quiet) as progress:
        report = build_database(
            opened, output, format=format_, jobs=jobs, strict=strict, full=full,
            progress=progress,
        )  # fmt: skip
    print_problems(report.problems, quiet=quiet, corpus=corpus)
    problems = counted(len(report.problems), "problem")
    if report.mode == "full":
        click.echo(summary(report))
    elif report.mode == "incremental":
        click.echo(
            f"updated {output}: {counted(report.added, 'article')} written, "
            f"{report.removed} removed, {report.reenriched} re-enriched, {problems}, "
            f"{report.seconds:.2f} s"
        )
    elif report.problems:  # nothing to write, yet something is wrong: never "up to date"
        click.echo(f"{output} was not changed: {problems}, {report.seconds:.2f} s")
    else:
        click.echo(
            f"{output} is up to date ({counted(len(opened), 'article')}), {report.seconds:.2f} s"
        )
    if verbose:
        done = f"{report.added} written, {report.removed} removed, {report.reenriched} re-enriched"
        click.echo(f"{report.mode} build with {format_!r}: {done}", err=True)
    sys.exit(1 if report.problems else 0)


def _reindex(opened: Corpus, corpus: Path, *, quiet: bool) -> None:
    if not corpus.is_dir():
        raise click.BadParameter("--reindex needs a corpus folder", param_hint="'--reindex'")
    changed = [entry.file for entry in reindex(opened)]
    if changed and not quiet:
        files = ", ".join(changed)
        click.echo(f"{corpus / 'INDEX.md'}: new sha256 for {files}", err=True)


@cli.command()
@corpus_argument
@click.option("-f", "--format", "format_", required=True, help="Exporter name (see `plugins`).")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="File to write; - for standard output (formats written front to back: jsonl, csv).",
)
@click.option(
    "--enrich",
    default="none",
    show_default=True,
    help="Enrichers to run: all, none, or names separated by commas.",
)
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@jobs_option
@strict_option
@max_bytes_option
@quiet_option
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
    quiet: bool,
    condition: Condition | None,
) -> None:
    """Export CORPUS (a folder, or an export file) with any installed exporter.

    The output is replaced atomically (with --force), so a failed or interrupted export
    leaves the previous one as it was; two exports to the same OUTPUT take turns. An
    article file whose bytes no longer match INDEX.md is a problem (exit 1), left out.
    The condition options export only the articles that meet them all (in one process).

    \b
    Examples:
      seedcorpus export seeds -f jsonl -o seeds.jsonl --enrich all
      seedcorpus export seeds -f jsonl -o - | jq .title
    """
    opened = open_corpus(corpus, max_bytes=max_bytes).enrich(enrich)
    spec = opened.registry.exporter(format_)  # fail on a bad name before any work
    if str(output) == "-":
        if spec.directory:
            raise click.BadParameter(
                f"exporter {format_!r} writes a folder, not a stream; give a folder name",
                param_hint="'-o'",
            )
        if condition is not None:
            require_enrichments(opened, condition)
        report = export_to_stdout(opened, format_, strict=strict, jobs=jobs, condition=condition)
        if report is None:
            sys.exit(0)  # the reader stopped reading (`| head`): nothing is wrong
        print_problems(report.problems, quiet=quiet, corpus=corpus)
        click.echo(summary(report, "standard output"), err=True)
        sys.exit(1 if report.problems else 0)
    if condition is not None:
        _export_selected(opened, condition, format_, output, force=force, strict=strict)
    label = f"{format_} → {output.name}"
    with progress_bar(len(opened), label, enabled=not quiet) as progress:
        report = opened.export(
            format_, output, force=force, strict=strict, jobs=jobs, progress=progress
        )
    print_problems(report.problems, quiet=quiet, corpus=corpus)
    click.echo(summary(report))
    sys.exit(1 if report.problems else 0)


@cli.command()
@folder_argument
@click.option("--json", "as_json", is_flag=True, help="Print problems as JSON lines.")
@click.option(
    "--list", "list_rows", is_flag=True, help="Print each row's file and the parser that reads it."
)
@strict_option
@max_bytes_option
@quiet_option
def check(
    corpus: Path, as_json: bool, list_rows: bool, strict: bool, max_bytes: int, quiet: bool
) -> None:
    """Verify CORPUS: manifest, checksums, and that every file parses. Exit 1 on problems.

    Files a parser claims that INDEX.md does not list are warnings (unlisted).

    \b
    Examples:
      seedcorpus check seeds
      seedcorpus check seeds --list           # which parser reads each row
      seedcorpus check seeds --json | jq -r .code | sort | uniq -c
    """
    fields = ("path", "line", "code", "message")
    problems: list[Problem] = []
    try:
        opened = open_folder(corpus, max_bytes=max_bytes)
        visible = not (quiet or as_json)
        with progress_bar(len(opened), "check", enabled=visible) as progress:
            read = opened.articles(problems, strict=strict)
            count = sum(1 for _ in read if progress is None or progress() is None)
    except SeedcorpusError as error:
        if not as_json:
            raise
        # --json promises JSON lines on stdout: the error that stopped the check is one too.
        problems.append(Problem(error.code, error.message, path=error.path, line=error.line))
        for problem in problems:
            shown = as_opened(problem, corpus)
            click.echo(json.dumps({key: getattr(shown, key) for key in fields}))
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
        for problem in [*(as_opened(p, corpus) for p in problems), *warnings]:
            click.echo(json.dumps({key: getattr(problem, key) for key in fields}))
    else:
        if not quiet:
            for warning in warnings:
                click.echo(f"warning: {warning}", err=True)
        print_problems(problems, quiet=quiet, corpus=corpus)
        entries = counted(len(opened), "entry", "entries")
        click.echo(
            f"checked {entries}: {counted(count, 'article')} read, "
            f"{counted(len(problems), 'problem')}"
        )
    sys.exit(1 if problems else 0)


def _route(opened: Corpus, entry: ManifestEntry) -> str:
    """Which parser reads ``entry`` and why, or why none can."""
    try:
        return str(opened.route(entry))
    except SeedcorpusError as error:
        return f"(none: {error.message}) [{error.code}]"


def _pattern_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    problem = None if value is None else pattern_problem(value)
    if problem:
        raise click.BadParameter(f"{value!r} {problem}")
    return value


@cli.command()
@folder_argument
@click.option(
    "--pattern",
    metavar="GLOB",
    help="List only the files this glob pattern matches (relative to CORPUS), not every file.",
    callback=_pattern_option,
)
@click.option(
    "--parser",
    metavar="NAME",
    help="Write this parser for every file listed, claimed or not (with --pattern, "
    "for files no parser claims).",
)
@max_bytes_option
@click.option(
    "--force", is_flag=True, help="Write INDEX.md even if rows of files that are gone are lost."
)
def index(
    corpus: Path, pattern: str | None, parser: str | None, max_bytes: int, force: bool
) -> None:
    """Write CORPUS/INDEX.md listing the files the installed parsers claim.

    Each row gets the file's sha256, the parser that claims it, and the title and
    language that parser reads. A file no parser claims is a warning (unclaimed) and is
    not listed; a file its parser cannot read is listed with a warning (unreadable); a
    file several parsers claim, with nothing to choose between them, is listed without
    a parser and exits 1 (ambiguous). Rows of the previous INDEX.md keep their id, extra
    cells and parser.

    Rows of files still present keep their id and extra columns. If the folder lost
    files INDEX.md lists, nothing is written unless --force: their rows would be lost.
    A file larger than --max-bytes stops it with an error naming the file: move the file
    out of the folder, or raise the limit if it really is an article.

    \b
    Example:
      seedcorpus index seeds            # after adding, editing or removing files
    """
    registry = Registry.load()
    if parser is not None:
        registry.parser(parser)  # fail on a bad name before any work
    previous = read_manifest(corpus) if (corpus / "INDEX.md").is_file() else None
    with progress_bar(None, "index") as progress:  # the number of files is found as it goes
        scan = scan_folder(
            corpus,
            registry.parsers,
            pattern=pattern,
            parser=parser,
            previous=previous,
            max_bytes=max_bytes,
            progress=progress,
        )
    if previous is not None and not force:
        present = {PurePosixPath(entry.file) for entry in scan.manifest.entries}
        lost = [e.file for e in previous.entries if PurePosixPath(e.file) not in present]
        if lost:
            listed = ", ".join(lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
            raise SeedcorpusError(
                f"{counted(len(lost), 'listed file')} no longer in the folder ({listed}); "
                "writing INDEX.md would lose their rows: restore the files, or pass "
                "--force to drop the rows",
                path=corpus / "INDEX.md",
            )
    write_manifest(scan.manifest, corpus)
    # Files left out (none claims it, a symlink out of the corpus, a name no row can
    # hold), and files listed that their parser cannot read, are warnings.
    warnings = ("unclaimed", "link", "name", "unreadable")
    errors = [problem for problem in scan.problems if problem.code not in warnings]
    for problem in scan.problems:
        shown = attrs.evolve(problem, path=str(corpus / (problem.path or "")))
        click.echo(f"{'problem' if problem in errors else 'warning'}: {shown}", err=True)
    by_parser = Counter(entry.parser or "(none)" for entry in scan.manifest.entries)
    parsers = ", ".join(f"{name} {count}" for name, count in sorted(by_parser.items()))
    unclaimed = sum(problem.code == "unclaimed" for problem in scan.problems)
    links = sum(problem.code == "link" for problem in scan.problems)
    unreadable = sum(problem.code == "unreadable" for problem in scan.problems)
    names = sum(problem.code == "name" for problem in scan.problems)
    click.echo(
        f"wrote {corpus / 'INDEX.md'}: {counted(len(scan.manifest.entries), 'article')}"
        + (f" ({parsers})" if parsers else "")
        + (f", {counted(unclaimed, 'file')} no parser claims" if unclaimed else "")
        + (f", {counted(links, 'symlink')} not followed" if links else "")
        + (f", {counted(unreadable, 'file')} its parser cannot read" if unreadable else "")
        + (f", {counted(names, 'file')} whose name no row can hold" if names else "")
    )
    sys.exit(1 if errors else 0)


@cli.command()
@corpus_argument
@click.argument("article_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the article's JSON form.")
@click.option("--enrich", default="none", show_default=True, help="Enrichers to run.")
@max_bytes_option
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
    """Show one article of CORPUS by its id, and which parser read it; or, without an
    id, list the articles that meet the condition options (id and title; JSON lines with
    --json).

    \b
    Examples:
      seedcorpus show seeds 000_b88b87f86327f4ee --enrich dates,quotes
      seedcorpus show news.sqlite --tag banjir --since 2024-01 -n 5
    """
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
    click.echo(click.style(article.title or "(no title)", bold=True))
    if article.tags:
        click.echo(f"[{article.language}] " + ", ".join(article.tags))
    # The general news fields, where the source has them (a plugin parser's articles
    # often do; an ANTARA text file has none of them, and prints as before).
    when = article.published_at.isoformat() if article.published_at else None
    if when or article.section:
        click.echo("  ".join(part for part in (when, article.section) if part))
    if article.url:
        click.echo(article.url)
    if article.dateline:
        click.echo(f"{article.dateline.city} ({article.dateline.agency})")
    click.echo()
    if article.summary:
        click.echo(article.summary + "\n")
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
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("-n", "--n", "count", type=click.IntRange(min=0), default=1000, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same bytes.")
@click.option("--force", is_flag=True, help="Write into OUT even if it is not empty.")
@jobs_option
def synth(out: Path, count: int, seed: int, force: bool, jobs: int) -> None:
    """Write a synthetic ANTARA corpus of N articles (and its INDEX.md) to OUT.

    For benchmarks and tests: realistic, varied, and deterministic. OUT must be empty
    or new, unless --force: its INDEX.md would be replaced.

    \b
    Example:
      seedcorpus synth big -n 20000 && seedcorpus build big
    """
    from seedcorpus.apps.synth import synth_corpus

    manifest = synth_corpus(out, count, seed=seed, jobs=jobs, force=force)
    click.echo(f"wrote {out}: {counted(len(manifest.entries), 'article')}")


def _export_selected(
    opened: ArticleSource,
    condition: Condition,
    format_: str,
    output: Path,
    *,
    force: bool,
    strict: bool,
) -> None:
    """``export`` with conditions: only the matching articles, pushed down when it can."""
    from seedcorpus.selection import export_selection

    require_enrichments(opened, condition)
    report = export_selection(
        opened.filter(condition), format_, output, force=force, strict=strict
    )
    print_problems(report.problems, corpus=opened.root)
    click.echo(summary(report))
    sys.exit(1 if report.problems else 0)
