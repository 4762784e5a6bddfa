"""`seedcorpus check` on a folder of real-looking renderings: warnings, never a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from conftest import DATA
from seedcorpus.cli import cli


def test_check_reads_every_rendering_and_only_warns(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "renderings", corpus, ignore=shutil.ignore_patterns("*.jsonl"))
    runner = CliRunner()
    assert runner.invoke(cli, ["index", str(corpus)], catch_exceptions=False).exit_code == 0
    result = runner.invoke(cli, ["check", str(corpus)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    count = len(list(corpus.glob("*/*.txt")))
    assert f"checked {count} entries: {count} articles read" in result.output
    # Body-first texts are articles without a title: a warning, never a refusal.
    assert "[no-title]" in result.output
