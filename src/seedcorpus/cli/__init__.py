"""The ``seedcorpus`` command line: a thin layer over the library.

:mod:`~seedcorpus.cli.app` holds the command group, the shared options and ``main``;
:mod:`~seedcorpus.cli.corpus_commands` the commands that read and write corpora;
:mod:`~seedcorpus.cli.output_commands` those on outputs (search, serve, duplicates,
report) and on the installed plugins.
"""

from seedcorpus.cli import corpus_commands, output_commands
from seedcorpus.cli.app import cli, main

__all__ = ["cli", "corpus_commands", "main", "output_commands"]
