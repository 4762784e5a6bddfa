"""What the command line needs of the terminal: progress bars, counted nouns, writing
an export to standard output, checking a port, and Ctrl-C in worker processes.

Kept apart from :mod:`seedcorpus.cli`, which holds the commands themselves.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import click

from seedcorpus.atomic import StorageError, write_refused
from seedcorpus.corpus import ArticleSource, ExportReport
from seedcorpus.errors import ExportError
from seedcorpus.models import Problem
from seedcorpus.query import Condition
from seedcorpus.selection import export_selection

__all__ = [
    "UNDECODABLE",
    "StdoutPipe",
    "Terminated",
    "as_opened",
    "counted",
    "export_to_stdout",
    "handle_signals",
    "parse_size",
    "port_problem",
    "print_problems",
    "progress_bar",
    "to_stdout",
    "undecodable",
]


# Units of --max-bytes: k, M, G are powers of 1000, Ki, Mi, Gi of 1024 (in any case).
_SIZE_UNITS = {"": 1, "k": 10**3, "m": 10**6, "g": 10**9, "ki": 2**10, "mi": 2**20, "gi": 2**30}


def parse_size(value: str) -> int:
    """The number of bytes ``value`` says: ``20000000``, ``20MB``, ``512KiB``...

    >>> parse_size("20MB"), parse_size("2 KiB"), parse_size("7")
    (20000000, 2048, 7)

    :raises ValueError: saying how to write a size.
    """
    match = re.fullmatch(r"\s*(\d+)\s*([kmg]i?)?b?\s*", value, re.IGNORECASE)
    if match is None:
        raise ValueError(
            f"{value!r} is not a size: give bytes (20000000), or a number and a unit (20MB)"
        )
    number, unit = match.groups()
    return int(number) * _SIZE_UNITS[(unit or "").lower()]


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` and ``noun``, in the plural (``plural``, by default ``noun`` + s)
    unless the number is one.

    >>> counted(1, "article"), counted(2, "problem"), counted(0, "entry", "entries")
    ('1 article', '2 problems', '0 entries')
    """
    return f"{number} {noun}" if number == 1 else f"{number} {plural or noun + 's'}"


@contextmanager
def progress_bar(
    total: int | None, label: str, *, enabled: bool = True
) -> Iterator[Callable[[], None] | None]:
    """A progress bar on standard error (articles per second, time left), or ``None``
    (nothing printed) when standard error is not a terminal or ``enabled`` is false.
    With ``total`` ``None`` (not known in advance) it counts without an end."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    # Imported here: a second of work is over before rich would have loaded.
    from rich.console import Console
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
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


_SURROGATE = re.compile("[\ud800-\udfff]")
UNDECODABLE = "is not text in UTF-8: it holds bytes the terminal's encoding cannot decode"
"""What is wrong with a text argument holding bytes that are not UTF-8."""


def undecodable(value: object) -> bool:
    """Whether ``value`` (a string, or a tuple or list of them) holds bytes that were not
    UTF-8 on the command line: Python keeps them as lone surrogates, which no database,
    JSON or UTF-8 output can take.

    >>> undecodable("pelayanan"), undecodable(("a", b"\\xff".decode("utf-8", "surrogateescape")))
    (False, True)
    """
    values = value if isinstance(value, (tuple, list)) else (value,)
    return any(isinstance(text, str) and _SURROGATE.search(text) for text in values)


class StdoutPipe:
    """A pipe whose other end a thread copies to standard output (see :func:`to_stdout`)."""

    def __init__(self) -> None:
        self.path = Path()
        """The path an exporter writes to: ``/dev/fd/N`` of the pipe's write end."""
        self.broken = False
        """True if the reader went away (``| head``): the export was cut short."""
        self.failure: OSError | None = None
        """Why standard output refused a write (a full disk), if it did."""

    def check(self) -> None:
        """Pass as an export's ``progress``: it stops the export once the reader is gone,
        or standard output refused a write.

        :raises BrokenPipeError: if the reader went away.
        :raises StorageError: if standard output refused a write.
        """
        if self.failure is not None:
            raise self.refused()
        if self.broken:
            raise BrokenPipeError("standard output was closed by its reader")

    def refused(self) -> StorageError:
        """The error to report for :attr:`failure`."""
        assert self.failure is not None
        return write_refused(self.failure, "standard output", kept=False)


_FAILED_COPY_WAIT = 2.0
"""Seconds a failed export to standard output waits for the last bytes to be copied."""


@contextmanager
def to_stdout() -> Iterator[StdoutPipe]:
    """A path any exporter that writes a file front to back (JSONL, CSV) can write to,
    whose bytes go to standard output as they are written (``-o -``).

    The exporter opens the path as a file. A pipe is used rather than ``/dev/stdout``
    because opening that truncates a file standard output was redirected to, even one
    opened for appending (``>>``).
    """
    sys.stdout.flush()
    out = sys.stdout.buffer
    read_end, write_end = os.pipe()
    pipe = StdoutPipe()
    pipe.path = Path(f"/dev/fd/{write_end}")

    def copy() -> None:
        with open(read_end, "rb", buffering=0) as source:
            while chunk := source.read(1 << 16):
                if pipe.broken:
                    continue  # drained, so the exporter never blocks on a full pipe
                try:
                    out.write(chunk)
                    out.flush()
                except BrokenPipeError:
                    # The reader stopped (`| head`); check() stops the export. The read
                    # end stays open: forked workers share it, so closing it here would
                    # not make the exporter's writes fail.
                    pipe.broken = True
                except OSError as error:  # a full disk, an I/O error: the output is lost
                    pipe.failure = error
                    pipe.broken = True

    thread = threading.Thread(target=copy, name="stdout-copy", daemon=True)
    thread.start()
    failed = True
    try:
        yield pipe
        failed = False
    finally:
        os.close(write_end)
        # After a failure something may still hold the write end open (a plugin's file,
        # kept alive by the error's traceback): the copier would wait for ever for the
        # end of the pipe. What it has not copied by then is lost anyway.
        thread.join(_FAILED_COPY_WAIT if failed else None)
        if pipe.broken:
            # Python would complain when it flushes standard output at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        if pipe.failure is not None and not failed:
            raise pipe.refused()  # after the export finished, while its end was copied


def as_opened(problem: Problem, corpus: Path | None) -> Problem:
    """``problem`` with the path a user opens its file by: an article records its problems
    with the path relative to the corpus folder, while a read error names the file as it
    was opened (with the folder); shown side by side, both get the folder in front.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> file = folder / "a.txt"
    >>> file.write_text("x")
    1
    >>> as_opened(Problem("no-title", "no title", "a.txt"), folder).path == str(file)
    True
    >>> as_opened(Problem("parse", "bad", str(file)), folder).path == str(file)
    True
    """
    path = problem.path
    if corpus is None or path is None or Path(path).is_absolute() or not corpus.is_dir():
        return problem
    # Only a path that names a file in the folder is the folder's; one that names the
    # file already (from the working directory) does not once more.
    if not (corpus / path).is_file():
        return problem
    return Problem(problem.code, problem.message, str(corpus / path), problem.line)


def print_problems(
    problems: Sequence[Problem], *, quiet: bool = False, corpus: Path | None = None
) -> None:
    """Print each problem on a line (unless ``quiet``), its file as the user opens it
    (see :func:`as_opened`), then what to do about edited files, if there were any."""
    if not quiet:
        for problem in problems:
            click.echo(f"problem: {as_opened(problem, corpus)}", err=True)
    edited = sum(1 for problem in problems if problem.code == "checksum")
    if edited and corpus is not None and corpus.is_dir():
        click.echo(
            f"hint: {counted(edited, 'file')} changed since INDEX.md was written: run "
            f"`seedcorpus index {corpus}` to accept the edits, or "
            f"`seedcorpus build {corpus} --reindex` to accept them and build",
            err=True,
        )


def export_to_stdout(
    corpus: ArticleSource,
    format: str,
    *,
    strict: bool,
    jobs: int,
    condition: Condition | None = None,
) -> ExportReport | None:
    """Export ``corpus`` (only the articles meeting ``condition``, if given) with the
    exporter ``format`` to standard output (``-o -``), or return ``None`` if the reader
    stopped reading (``| head``), which stops the export.

    :raises ExportError: saying that only formats written front to back can be streamed,
        if the exporter failed.
    :raises StorageError: if standard output refused a write (``> /dev/full``).
    """
    with to_stdout() as pipe:
        try:
            if condition is not None:
                return export_selection(
                    corpus.filter(condition), format, pipe.path, force=True, strict=strict,
                    progress=pipe.check,
                )  # fmt: skip
            return corpus.export(
                format, pipe.path, force=True, strict=strict, jobs=jobs, progress=pipe.check
            )
        except ExportError as error:
            if pipe.failure is not None:
                raise pipe.refused() from None
            if not pipe.broken:
                raise ExportError(
                    f"cannot write to standard output: {error.message}; formats written "
                    "front to back (jsonl, csv) can: give the others a file with -o"
                ) from None
    return None


def port_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on (in use, not allowed), or ``None``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As servers set it: a port left in TIME_WAIT by a stopped server is free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return f"port {port} on {host} is in use"
            return f"cannot listen on {host}:{port}: {error.strerror or error}"
    return None


class Terminated(KeyboardInterrupt):
    """Raised in the main process by SIGTERM (``kill``, ``timeout``), so that it unwinds
    as after Ctrl-C: temporaries removed, locks let go; the exit code is then 143."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def handle_signals() -> None:
    """Let the main process alone handle Ctrl-C (SIGINT) and SIGTERM.

    A terminal sends Ctrl-C to every process of the command, worker processes included;
    each would print a traceback. Processes forked from now on ignore both signals; the
    main process stops them, removes its temporaries and exits 130 (143 for SIGTERM).
    """
    signal.signal(signal.SIGTERM, _terminate)

    def in_child() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)

    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=in_child)
