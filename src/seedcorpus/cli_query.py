"""The command line's questions: one set of click options that ``export``, ``show``
and ``search`` share, turned into one condition (:mod:`seedcorpus.query`), and the work
behind ``show`` without an id, ``duplicates`` and ``report`` (``seedcorpus.cli``
has their options and help).

    seedcorpus export seeds -f jsonl -o july.jsonl --enrich dates --since 2024-07 --until 2024-07
    seedcorpus show corpus.sqlite --tag "Kementerian PANRB" --editor "Herry Soebanto"
    seedcorpus search corpus.sqlite pelayanan --where "dateline_city=Jakarta"
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from seedcorpus import query
from seedcorpus.console import UNDECODABLE, counted, progress_bar, undecodable
from seedcorpus.errors import SeedcorpusError
from seedcorpus.models import Article, Problem

if TYPE_CHECKING:  # pragma: no cover
    from seedcorpus.corpus import ArticleSource
    from seedcorpus.duplicates import Duplicates

__all__ = [
    "OPTION_NAMES",
    "build_condition",
    "condition_options",
    "find_copies",
    "list_selected",
    "needed_enrichers",
    "print_copies",
    "require_enrichments",
    "sql_named",
    "write_report",
]

F = TypeVar("F", bound=Callable[..., Any])

OPTION_NAMES = ("since", "until", "tag", "editor", "reporter", "speaker", "language", "where")
"""The parameters :func:`condition_options` adds (and removes again before the call)."""


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise click.BadParameter(f"{value!r} is not a date: write 2024, 2024-07 or 2024-07-01")
    return value


def _where(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> Any:
    if undecodable(values):  # checked here: the command sees conditions, not the text
        raise click.BadParameter(UNDECODABLE)
    try:
        return tuple(query.where(value) for value in values)
    except SeedcorpusError as error:
        raise click.BadParameter(error.message) from None


_OPTIONS = (
    click.option("--since", metavar="DATE", callback=_date,
                 help="Published on or after DATE (2024, 2024-07, 2024-07-01; dates enrichment)."),
    click.option("--until", metavar="DATE", callback=_date,
                 help="Published on or before DATE (2024-07 includes all of July)."),
    click.option("--tag", multiple=True, help="Has this tag (repeat: has all of them)."),
    click.option("--editor", metavar="NAME", help="One of the editors is NAME."),
    click.option("--reporter", metavar="NAME", help="One of the reporters is NAME."),
    click.option("--speaker", metavar="NAME",
                 help="Someone called NAME is quoted (quotes enrichment)."),
    click.option("--language", metavar="CODE", help="Declared language (id, en)."),
    click.option("--where", multiple=True, metavar="COLUMN OP VALUE", callback=_where,
                 help="Any flat column: language=id, copyright_year>=2020, title~banjir "
                 "(ops = != < <= > >= ~ contains, ~= equals ignoring case; repeat to and)."),
)  # fmt: skip


def build_condition(
    since: str | None = None,
    until: str | None = None,
    tag: tuple[str, ...] = (),
    editor: str | None = None,
    reporter: str | None = None,
    speaker: str | None = None,
    language: str | None = None,
    where: tuple[query.Condition, ...] = (),
) -> query.Condition | None:
    """The condition the options say, or None if none was given."""
    parts: list[query.Condition] = []
    if since or until:
        parts.append(query.published(since=since, until=until))
    parts += [query.tag(value) for value in tag]
    if editor:
        parts.append(query.editor(editor))
    if reporter:
        parts.append(query.reporter(reporter))
    if speaker:
        parts.append(query.speaker(speaker))
    if language:
        parts.append(query.language(language))
    parts += where
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else query.And(tuple(parts))


def condition_options(command: F) -> F:
    """Add the condition options to a click command; it receives ``condition`` (a
    :class:`~seedcorpus.query.Condition`, or None) instead. Put it below ``@command``."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in OPTION_NAMES}
        return command(*args, condition=build_condition(**values), **kwargs)

    decorated: Any = wrapper
    for option in reversed(_OPTIONS):
        decorated = option(decorated)
    return decorated  # type: ignore[no-any-return]


def needed_enrichers(condition: query.Condition | None) -> set[str]:
    """The enrichments a condition reads: ``dates`` for published dates, ``quotes`` for
    speakers."""
    if condition is None:
        return set()
    if isinstance(condition, query.And | query.Or):
        return set().union(*(needed_enrichers(part) for part in condition.parts))
    if isinstance(condition, query.Not):
        return needed_enrichers(condition.part)
    if isinstance(condition, query.Field) and condition.column == "published":
        return {"dates"}
    return {"quotes"} if isinstance(condition, query.Speaker) else set()


def sql_named(condition: query.Condition) -> tuple[str, dict[str, Any]]:
    """The condition's SQL with named parameters (``:where0``...), for statements that
    use named ones. The conditions' SQL has no ``?`` but its parameters."""
    text, values = condition.sql()
    pieces = text.split("?")
    named = "".join(f"{piece}:where{n}" for n, piece in enumerate(pieces[:-1])) + pieces[-1]
    return named, {f"where{n}": value for n, value in enumerate(values)}


def require_enrichments(opened: ArticleSource, condition: query.Condition | None) -> None:
    """Refuse (as a usage error) a date or speaker condition over a folder whose view
    lacks the enrichment: it would silently match nothing."""
    if getattr(opened, "spec", None) is not None:
        return  # an export carries what it was built with
    missing = needed_enrichers(condition) - {spec.name for spec in opened.enrichers}
    if missing:
        names = ",".join(sorted(missing))
        raise click.UsageError(
            f"these conditions read the {names} enrichment: add --enrich {names}"
        )


def list_selected(
    opened: ArticleSource, condition: query.Condition | None, *, as_json: bool, limit: int
) -> None:
    """``show`` without an id: the matching articles, one line each (or JSON lines)."""
    from seedcorpus.serialization import article_to_json

    require_enrichments(opened, condition)
    selection = opened.select() if condition is None else opened.filter(condition)
    if limit:
        selection = selection.head(limit)
    shown = 0
    for article in selection:
        shown += 1
        if as_json:
            click.echo(article_to_json(article, opened.registry.converter))
        else:
            click.echo(f"{click.style(article.id, bold=True)}  {article.title or ''}")
    if not shown and not as_json:
        click.echo("no articles match", err=True)


def find_copies(
    corpus: Path,
    problems: list[Problem],
    *,
    near: bool,
    threshold: float,
    store: bool,
    max_bytes: int,
) -> Duplicates:
    """``duplicates``: find them in a corpus (problems met go to ``problems``), or in a
    ``.sqlite`` export and store them in its tables (``store``)."""
    from seedcorpus import duplicates
    from seedcorpus.corpus import open_corpus
    from seedcorpus.guarded import guarded_spec
    from seedcorpus.registry import Registry

    if near and not duplicates.near_available():
        click.echo(
            "note: near duplicates need datasketch: pip install 'seedcorpus[duplicates]';"
            " finding exact duplicates only",
            err=True,
        )
    if store:
        # The exporter offering the capability stores them (the sqlite one does).
        spec = guarded_spec(Registry.load().exporter_with("duplicates", corpus))
        if spec.duplicates is None or not (spec.suffix and corpus.name.endswith(spec.suffix)):
            raise click.BadParameter(
                f"--store needs an export that stores duplicates (a {spec.suffix} file)",
                param_hint="CORPUS",
            )
        return spec.duplicates(corpus, near=near, threshold=threshold)
    opened = open_corpus(corpus, max_bytes=max_bytes)
    with progress_bar(len(opened), "duplicates") as progress:
        articles: Iterable[Article] = opened.articles(problems)
        if progress is not None:
            articles = (progress() or article for article in articles)
        return duplicates.find_duplicates(articles, near=near, threshold=threshold)


def print_copies(found: Duplicates, *, as_json: bool) -> None:
    """Print the clusters and republications, or their JSON form."""
    if as_json:
        click.echo(json.dumps(found.to_json(), ensure_ascii=False))
        return
    for number, cluster in enumerate(found.clusters, start=1):
        click.echo(f"cluster {number} ({cluster.kind}, {counted(len(cluster.ids), 'article')})")
        for article_id in cluster.ids:
            click.echo(f"  {article_id}")
    for link in found.republications:
        click.echo(f"republished: {link.id} copies {link.original_id} ({link.site})")
    click.echo(
        f"{counted(found.articles, 'article')}: "
        f"{counted(len(found.clusters), 'cluster')} of copies, "
        f"{counted(len(found.republications), 'republication')}"
        + ("" if found.near else " (exact duplicates only)")
    )


def write_report(
    opened: ArticleSource,
    name: str,
    output: Path | None,
    *,
    as_json: bool,
    near: bool,
    progress: Callable[[], None] | None,
) -> None:
    """``report``: count, then print the numbers (``as_json``) or write the page."""
    from seedcorpus.apps import report as reporting
    from seedcorpus.atomic import atomic_destination
    from seedcorpus.exporting import check_not_input

    if output is not None and not as_json:
        check_not_input(output, opened)
    problems: list[Problem] = []
    articles = opened.articles(problems)
    if progress is not None:
        articles = (progress() or article for article in articles)
    numbers = reporting.collect(name, articles, problems, near=near)
    if as_json or output is None:
        click.echo(json.dumps(numbers.to_json(), ensure_ascii=False, indent=2))
        return
    page = reporting.render_html(numbers)
    # Replaced whole or not at all, as exports are: never a half-written page.
    with atomic_destination(output, force=True) as temporary:
        temporary.write_text(page, encoding="utf-8")
    note = "" if reporting.charts_available() else " (tables only: install the report extra)"
    count = "1 article" if numbers.articles == 1 else f"{numbers.articles:,} articles"
    click.echo(f"wrote {output}: {count}{note}")
