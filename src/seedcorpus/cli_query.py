"""The command-line form of :mod:`seedcorpus.query`: one set of click options that
``export``, ``show`` and ``search`` share, turned into one condition.

    seedcorpus export seeds -f jsonl -o july.jsonl --enrich dates --since 2024-07 --until 2024-07
    seedcorpus show corpus.sqlite --tag "Kementerian PANRB" --editor "Herry Soebanto"
    seedcorpus search corpus.sqlite pelayanan --where "dateline_city=Jakarta"
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, TypeVar

import click

from seedcorpus import query
from seedcorpus.errors import SeedcorpusError

__all__ = ["OPTION_NAMES", "build_condition", "condition_options", "needed_enrichers", "sql_named"]

F = TypeVar("F", bound=Callable[..., Any])

OPTION_NAMES = ("since", "until", "tag", "editor", "reporter", "speaker", "language", "where")
"""The parameters :func:`condition_options` adds (and removes again before the call)."""


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise click.BadParameter(f"{value!r} is not a date: write 2024, 2024-07 or 2024-07-01")
    return value


def _where(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> Any:
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
