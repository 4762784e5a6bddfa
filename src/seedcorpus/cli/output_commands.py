"""The commands on outputs and installed plugins: ``search``, ``serve``, ``duplicates``,
``report`` and ``plugins``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import attrs
import click

from seedcorpus.cli.app import (
    cli,
    corpus_argument,
    max_bytes_option,
)
from seedcorpus.cli_query import condition_options, sql_named
from seedcorpus.console import (
    port_problem,
    print_problems,
    progress_bar,
)
from seedcorpus.corpus import open_corpus
from seedcorpus.errors import UnknownPluginError
from seedcorpus.models import Problem
from seedcorpus.query import Condition
from seedcorpus.registry import Capability, Registry
from seedcorpus.specs import ExporterSpec

__all__: list[str] = []  # commands register with the group


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
@condition_options
def search(
    database: Path,
    query: str,
    limit: int,
    as_json: bool,
    format_: str | None,
    condition: Condition | None,
) -> None:
    """Full-text search of a DATABASE written by `build`, best matches first.

    QUERY uses FTS5 syntax: words (all must match), "a phrase", prefix*, AND / OR / NOT.
    Plain text that is not valid FTS5 (RI-Azerbaijan, 1/7/2024) is searched word by
    word. Matches are marked [like this], or in color on a terminal. Search is a
    capability of an exporter (the sqlite one): disabling it disables search. The
    condition options keep only the articles that meet them, inside the database.

    \b
    Example:
      seedcorpus search seeds.sqlite '"pelayanan publik" OR Azerbaijan' -n 5
    """
    search_database = _capability(Registry.load(), "search", database, format_).search
    assert search_database is not None

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

    \b
    Example:
      seedcorpus serve seeds.sqlite --port 8002
    """
    serve_database = _capability(Registry.load(), "serve", database, format_).serve
    assert serve_database is not None
    if not print_metadata:
        # Before anything is announced: a busy port is the user's to change, not a crash.
        problem = port_problem(host, port)
        if problem is not None:
            # A busy port is the port's fault; an address that cannot be listened on (a
            # name that does not resolve, another machine's address) may be the host's.
            hint = "'--port'" if problem.endswith("in use") else "'--host' / '--port'"
            option = "--port" if problem.endswith("in use") else "--host or --port"
            raise click.BadParameter(f"{problem}; choose another with {option}", param_hint=hint)
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

    \b
    Example:
      seedcorpus plugins --json | jq -r 'select(.kind == "exporter") | .name'
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


# --- Commands that ask questions of a corpus (duplicates, report) -------------------
# Their work is in seedcorpus.cli_query; here are the options and the output.


@cli.command()
@corpus_argument
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
@max_bytes_option
def duplicates(
    corpus: Path, as_json: bool, threshold: float, exact_only: bool, store: bool, max_bytes: int
) -> None:
    """Find copies in CORPUS: exact and near duplicates, and republished articles.

    Near duplicates need the duplicates extra: pip install 'seedcorpus[duplicates]'.
    Without it, exact duplicates are found and a note says so.

    \b
    Examples:
      seedcorpus duplicates seeds
      seedcorpus duplicates news.sqlite --store --json | jq .kind
    """
    from seedcorpus.cli_query import find_copies, print_copies

    problems: list[Problem] = []
    found = find_copies(
        corpus, problems, near=not exact_only, threshold=threshold, store=store,
        max_bytes=max_bytes,
    )  # fmt: skip
    print_problems(problems, corpus=corpus)
    print_copies(found, as_json=as_json)


@cli.command()
@corpus_argument
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="HTML file to write."
)
@click.option("--json", "as_json", is_flag=True, help="Print the numbers as JSON instead.")
@click.option(
    "--enrich",
    default="auto",
    show_default=True,
    help="Enrichers to run first: auto (those of dates, quotes, acronyms installed and "
    "enabled, for a folder; none for an export, which carries its own), all, none, or "
    "names separated by commas.",
)
@click.option("--exact-only", is_flag=True, help="Look for exact duplicates only (faster).")
@max_bytes_option
def report(
    corpus: Path, output: Path | None, as_json: bool, enrich: str, exact_only: bool, max_bytes: int
) -> None:
    """Write a one-page HTML report on CORPUS: articles per month, languages, tags,
    editors and reporters, speakers, acronyms, places, problems, duplicates.

    The page is self-contained (charts are inline SVG; the report extra, matplotlib,
    draws them). Each chart has its numbers in a table beside it.

    \b
    Examples:
      seedcorpus report seeds -o report.html
      seedcorpus report news.sqlite --json
    """
    from seedcorpus.cli_query import write_report

    if output is None and not as_json:
        raise click.UsageError("give -o/--output FILE for the HTML page, or --json")
    opened = open_corpus(corpus, max_bytes=max_bytes)
    if enrich == "auto":
        # Those installed and enabled: auto never asks for a plugin the user turned off.
        wanted = () if corpus.is_file() else ("dates", "quotes", "acronyms")
        enrich = ",".join(n for n in wanted if n in opened.registry.enrichers) or "none"
    opened = opened.enrich(enrich)
    with progress_bar(len(opened), "report") as progress:
        write_report(opened, corpus.name, output, as_json=as_json, near=not exact_only,
                     progress=progress)  # fmt: skip
