"""The ``seedcorpus`` command group and what its commands share: options, the error
handling that turns seedcorpus errors into one line and an exit code, and ``main``.

Exit codes: 0 everything went well, 1 problems in the data or an output that could not
be written, 2 usage errors, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM). Errors
are one line on standard error, never a traceback. See ``docs/cli.md`` and
``docs/errors.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from seedcorpus.__about__ import __version__
from seedcorpus.atomic import storage_error
from seedcorpus.console import (
    UNDECODABLE,
    Terminated,
    counted,
    handle_signals,
    parse_size,
    undecodable,
)
from seedcorpus.corpus import (
    DEFAULT_MAX_BYTES,
    ExportReport,
)
from seedcorpus.errors import SeedcorpusError, UnknownPluginError
from seedcorpus.pipeline import JOBS_PER_CORE, default_jobs

__all__ = ["cli", "main"]


INTERRUPTED = 130
"""The exit code after Ctrl-C: 128 + SIGINT, as shells report it."""
TERMINATED = 143
"""The exit code after SIGTERM: 128 + SIGTERM."""


class _Command(click.Command):
    """Turns seedcorpus errors into one line and an exit code instead of a traceback,
    in the context of the command that failed (so a usage error shows its usage)."""

    def invoke(self, ctx: click.Context) -> Any:
        for param in self.params:
            # A path may hold any bytes; text (a query, a tag) must be UTF-8.
            if param.name and undecodable(ctx.params.get(param.name)):
                raise click.BadParameter(UNDECODABLE, ctx=ctx, param=param)
        try:
            return super().invoke(ctx)
        except UnknownPluginError as error:
            raise click.UsageError(str(error), ctx) from None
        except SeedcorpusError as error:
            click.echo(f"error: {error}", err=True)
            ctx.exit(1)
        except OSError as error:
            # The machine refusing a write (a full disk, a read-only folder) is one line;
            # any other OSError is a bug, and its traceback is wanted.
            found = storage_error(error, error.filename, kept=False)
            if found is None:
                raise
            click.echo(f"error: {found}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt as interrupt:
            # Temporaries were removed and locks let go as the interrupt passed by.
            click.echo("interrupted; the previous output was kept", err=True)
            ctx.exit(TERMINATED if isinstance(interrupt, Terminated) else INTERRUPTED)


class _Group(click.Group):
    command_class = _Command


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="seedcorpus")
def cli() -> None:
    """Parse, check, enrich, export and search news-article corpora.

    \b
    Example:
      seedcorpus build seeds && seedcorpus search seeds.sqlite pelayanan
    """


quiet_option = click.option(
    "-q", "--quiet", is_flag=True, help="Print no problems and no progress: only the summary."
)
verbose_option = click.option(
    "-v", "--verbose", is_flag=True, help="Also print what was done, step by step."
)


def _jobs_option(ctx: click.Context, param: click.Parameter, value: int) -> int:
    most = JOBS_PER_CORE * default_jobs()
    if value > most:
        click.echo(
            f"note: --jobs {value} is more than {JOBS_PER_CORE} per core this process may "
            f"use ({default_jobs()}); using {most}",
            err=True,
        )
        return most
    return value


jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    callback=_jobs_option,
    default=default_jobs,
    show_default="the cores this process may use",
    help="Worker processes that parse, enrich and serialize.",
)


def _size_option(ctx: click.Context, param: click.Parameter, value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


_DEFAULT_SIZE = str(DEFAULT_MAX_BYTES)
if DEFAULT_MAX_BYTES % 10**6 == 0:
    _DEFAULT_SIZE = f"{DEFAULT_MAX_BYTES // 10**6}MB"  # as people write it
max_bytes_option = click.option(
    "--max-bytes",
    type=str,
    metavar="SIZE",
    default=_DEFAULT_SIZE,
    show_default=True,
    callback=_size_option,
    help="Refuse article files larger than this: bytes, or with a unit "
    "(kB, MB, GB: powers of 1000; KiB, MiB, GiB: of 1024).",
)


def summary(report: ExportReport, destination: object = None) -> str:
    rate = report.articles / report.seconds if report.seconds else 0.0
    return (
        f"wrote {destination or report.destination}: {counted(report.articles, 'article')}, "
        f"{counted(len(report.problems), 'problem')}, {report.seconds:.2f} s "
        f"({rate:,.0f} articles/s)"
    )


corpus_argument = click.argument("corpus", type=click.Path(exists=True, path_type=Path))
folder_argument = click.argument(
    "corpus", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
strict_option = click.option(
    "--strict", is_flag=True, help="Stop at the first problem instead of reporting them all."
)


def main() -> None:
    """Run the command line."""
    # The commands registered themselves with the group when seedcorpus.cli loaded them.
    handle_signals()
    cli(prog_name="seedcorpus")
