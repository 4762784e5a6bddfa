"""Faults an outside battery throws at the command line and the Python API: damaged and
foreign exports given as input, an export that fails while writing to standard output,
outputs that are the input itself, and the like. Each is one clear line naming the file
(and the line, where there is one) with a documented exit code; nothing is lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from seedcorpus import open_corpus
from seedcorpus.cli import cli

ENV = {**os.environ, "SEEDCORPUS_DISABLE_PLUGINS": "dates,quotes,acronyms,language"}
SEEDS = Path(__file__).parent.parent / "seeds"


def seedcorpus(
    *args: str | Path, cwd: Path, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "seedcorpus", *map(str, args)],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def invoke(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The command line in this process (as fast as a function call), with what a
    subprocess would give: the exit code and both outputs; a traceback, if any, is in
    standard error."""
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, [str(a) for a in args], prog_name="seedcorpus", env=ENV)
    finally:
        os.chdir(previous)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback: " + repr(result.exception)
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, stderr)


def one_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single ``error:`` line a failing command printed on standard error."""
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    return errors[0]


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Good exports of the seeds in every readable format."""
    folder = tmp_path_factory.mktemp("exports")
    corpus = open_corpus(SEEDS)
    for format in ("sqlite", "jsonl", "parquet", "csv"):
        corpus.export(format, folder / f"good.{format}")
    return folder


# --- an export that fails while writing to standard output ----------------------------------


def test_a_format_that_cannot_stream_fails_at_once_on_standard_output(tmp_path: Path) -> None:
    # Parquet seeks in its file; the failed writer's open pipe once kept the copy to
    # standard output waiting for ever.
    result = seedcorpus("export", SEEDS, "-f", "parquet", "-o", "-", cwd=tmp_path, timeout=30)
    assert result.returncode == 1
    assert one_error(result).startswith("error: cannot write to standard output: ")
    assert result.stdout == ""
